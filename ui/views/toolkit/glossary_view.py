"""Shared language (seed 004): the glossary of agreed definitions.

- `GlossaryView`, the Alignment page's tab: search, the terms with their current
  definitions, the selected term's history, "Propose a change…" and the Word appendix.
  Approving happens only in a meeting.
- `GlossaryPanel`, beside a running meeting's "Glossary change" agenda item: propose a
  term or a new wording, approve or reject the proposals on the table (each recorded as a
  decision of this agenda item), and the current definitions at hand.
- `ProposeDialog`, the form both use.

The panel and the dialog are modules of their own (`glossary_panel`,
`glossary_propose_dialog`); this module still offers both.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.glossary import GlossaryTermRecord, GlossaryVersionRecord, VersionStatus
from alignmeet.domain.rules import ValidationError, short_date
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.models.glossary_terms_model import (
    COL_AGREED,
    COL_DEFINITION,
    COL_TERM,
    COL_VERSION,
    GlossaryTermsModel,
)
from ui.models.glossary_versions_model import (
    COL_MEETING,
    COL_PROPOSED,
    COL_STATUS,
    COL_WORDING,
    GlossaryVersionsModel,
)
from ui.models.glossary_versions_model import (
    COL_VERSION as COL_V,
)
from ui.models.record_table_model import RECORD_ROLE
from ui.record_table import selected_record, sortable_record_table
from ui.undo import Step, step
from ui.views.toolkit.common import button_row, follow_area
from ui.views.toolkit.common import card as _card
from ui.views.toolkit.glossary_common import AREA, glossary_table
from ui.views.toolkit.glossary_panel import GlossaryPanel
from ui.views.toolkit.glossary_propose_dialog import ProposeDialog
from ui.widgets import ask_yes_no, fill, inform, plain_label, search_field, section_heading, warn

__all__ = ["GlossaryPanel", "GlossaryView", "ProposeDialog"]


def _big(label_text: str = "", scale: float = 1.25, bold: bool = False) -> QWidget:
    label = plain_label(label_text)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF(), 10) * scale)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class GlossaryView(QWidget):
    """The Glossary tab: agreed definitions, their history, proposals."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._restoring = False
        self.dialog: ProposeDialog | None = None

        top = self._build_top()
        intro = plain_label(
            self.tr(
                "Agreed definitions both teams use. A change is proposed here or in a meeting, "
                "and becomes current only when a meeting approves it as a decision."
            ),
            wrap=True,
        )
        self._build_terms()
        self.detail = self._build_detail()
        self.empty_label = _big(
            self.tr(
                "No terms yet. Propose the first definition both teams should share — "
                "qualified lead, MQL, SQL, ICP — with “New term…”."
            ),
            1.1,
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("GlossarySplitter")  # its place is remembered by this name
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 420])
        self.split = split

        fill(QVBoxLayout(self), top, intro, self.empty_label, (split, 1), spacing=8)

        follow_area(self, controller, AREA, controller.members_changed, controller.meetings_changed)
        self.refresh()

    def _build_top(self) -> QHBoxLayout:
        self.search_edit = search_field(
            self.tr("Search terms and definitions…"), self.tr("Search the glossary")
        )
        self.search_edit.setMinimumWidth(280)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.new_button = QPushButton(self.tr("New term…"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.export_button = QPushButton(self.tr("Export appendix (.docx)…"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.count_label = plain_label()
        return button_row(
            (section_heading(self.tr("Shared language")), self.count_label),
            (self.search_edit, self.new_button, self.export_button),
        )

    def _build_terms(self) -> None:
        self.model = GlossaryTermsModel(self)
        self.proxy, self.table = sortable_record_table(
            self.model,
            self.tr("Glossary terms"),
            self,
            row_height=32,
            resize=QHeaderView.ResizeMode.Interactive,
            stretch=COL_DEFINITION,
        )
        self.table.setColumnWidth(COL_TERM, 150)
        self.table.setColumnWidth(COL_VERSION, 150)
        self.table.setColumnWidth(COL_AGREED, 130)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_propose_dialog())

    def _build_detail(self) -> QWidget:
        """The selected term: its definition, what can be done with it, its history."""
        self.term_label = _big("", 1.5, bold=True)
        self.definition_label = _big("", 1.2)
        self.definition_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.agreed_label = plain_label(wrap=True)
        italic = self.agreed_label.font()
        italic.setItalic(True)
        self.agreed_label.setFont(italic)
        self.propose_button = QPushButton(self.tr("Propose a change…"))
        self.propose_button.clicked.connect(self._on_propose_button_clicked)
        self.withdraw_button = QPushButton(self.tr("Withdraw proposal"))
        self.withdraw_button.setToolTip(
            self.tr("Take back the selected proposal (not yet decided)")
        )
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        self.approve_hint = plain_label(
            self.tr("Approving happens in a meeting, on its glossary item.")
        )
        self.approve_hint.setFont(italic)
        buttons = button_row((self.propose_button, self.withdraw_button), (self.approve_hint,))

        self.history_model = GlossaryVersionsModel(self)
        self.history = glossary_table(self.history_model, self.tr("History of the term"))
        self.history.setWordWrap(True)
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hheader = self.history.horizontalHeader()
        hheader.setSectionResizeMode(COL_WORDING, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_V, 70),
            (COL_STATUS, 110),
            (COL_PROPOSED, 190),
            (COL_MEETING, 270),
        ):
            self.history.setColumnWidth(column, width)
        self.history.selectionModel().selectionChanged.connect(self._update_buttons)

        detail, detail_layout = _card()
        detail_layout.addWidget(self.term_label)
        detail_layout.addWidget(self.definition_label)
        detail_layout.addWidget(self.agreed_label)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(section_heading(self.tr("History")))
        detail_layout.addWidget(self.history, 1)
        return detail

    # ---- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_term()
        terms = self.controller.services.glossary.terms(search=self.search_edit.text())
        self._restoring = True
        try:
            self.model.set_rows(terms)
        finally:
            self._restoring = False
        agreed = sum(1 for t in terms if t.current)
        self.count_label.setText(
            self.tr("({agreed} agreed of {total})").format(agreed=agreed, total=len(terms))
            if terms
            else ""
        )
        searching = bool(self.search_edit.text().strip())
        self.empty_label.setVisible(not terms and not searching)
        if selected is not None and self._select_id(selected.id):
            return
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self._show_term(None)

    def selected_term(self) -> GlossaryTermRecord | None:
        record = selected_record(self.table)
        return record if isinstance(record, GlossaryTermRecord) else None

    def select_term(self, term: str) -> bool:
        """Select a term by its name (any case); False if it is not listed."""
        row = self.model.row_of(lambda t: t.term.casefold() == term.casefold())
        return row >= 0 and self._select_id(self.model.record(row).id)

    def _select_id(self, term_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            record = self.proxy.index(row, 0).data(RECORD_ROLE)
            if record is not None and record.id == term_id:
                self.table.selectRow(row)
                self._show_term(record)
                return True
        return False

    def _on_table_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if not self._restoring:
            self._show_term(self.selected_term())

    def _show_term(self, term: GlossaryTermRecord | None) -> None:
        self.detail.setEnabled(term is not None)
        if term is None:
            self.term_label.setText("")
            self.definition_label.setText(
                self.tr("Select a term to see its definition and history.")
            )
            self.agreed_label.setText("")
            self.history_model.set_rows([])
            self._update_buttons()
            return
        self.term_label.setText(term.term)
        if term.current is not None:
            self.definition_label.setText(term.current.definition)
            self.agreed_label.setText(_agreed_text(term))
        else:
            self.definition_label.setText(self.tr("Not agreed yet."))
            self.agreed_label.setText(
                self.tr("Proposed wording below; a meeting approves it as a decision.")
            )
        history = self.controller.services.glossary.term_history(term.id)
        self.history_model.set_rows(history)
        proposed = self.history_model.row_of(lambda v: v.status is VersionStatus.PROPOSED)
        if proposed >= 0:
            self.history.selectRow(proposed)
        self._update_buttons()

    def selected_version(self) -> GlossaryVersionRecord | None:
        record = selected_record(self.history)
        return record if isinstance(record, GlossaryVersionRecord) else None

    def _update_buttons(self, *_: object) -> None:
        version = self.selected_version()
        self.withdraw_button.setEnabled(
            version is not None and version.status is VersionStatus.PROPOSED
        )
        self.propose_button.setEnabled(self.selected_term() is not None)

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.refresh()

    # ---- actions ------------------------------------------------------------------------
    def open_propose_dialog(self, *, new_term: bool = False) -> ProposeDialog:
        """Open "Propose a change…" (window-modal, not blocking) for the selected term, or
        for a new term; the glossary refreshes when a proposal is made."""
        term = None if new_term else self.selected_term()
        self.dialog = ProposeDialog(
            self.controller,
            term=term.term if term else "",
            definition=term.definition if term else "",
            meeting_id=_next_meeting_id(self.controller),
            parent=self,
        ).open_then(self._on_proposed)
        return self.dialog

    def _on_proposed(self, version: GlossaryVersionRecord | None) -> None:
        if version is not None:
            self._select_id(version.term_id)

    def _on_propose_button_clicked(self) -> None:
        self.open_propose_dialog()

    def _on_new_button_clicked(self) -> None:
        self.open_propose_dialog(new_term=True)

    def _on_withdraw_button_clicked(self) -> None:
        version = self.selected_version()
        if version is None or version.status is not VersionStatus.PROPOSED:
            return
        question = self.tr("Withdraw the proposed wording {version} of “{term}”?").format(
            version=version.label, term=version.term
        )
        if not ask_yes_no(self, self.tr("Withdraw proposal"), question):
            return
        try:
            self.controller.perform(
                step(Step.WITHDRAW_PROPOSAL), lambda s: s.glossary.withdraw(version_id=version.id)
            )
        except (ValidationError, NotFoundError) as exc:
            warn(self, self.tr("Cannot withdraw"), getattr(exc, "message", str(exc)))

    def _on_export_button_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the glossary"),
            self.tr("glossary.docx"),
            self.tr("Word document (*.docx)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Path | None:
        """Write the appendix to `path`; a failure is told, the old file kept."""
        from alignmeet.services import ExportError

        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        try:  # with the company template, as the CLI's `export glossary` writes it
            self.controller.services.exports.glossary_docx(path=path)
        except ExportError as exc:
            warn(self, self.tr("Export failed"), exc.message)
            return None
        inform(
            self,
            self.tr("Glossary exported"),
            self.tr("The glossary appendix was saved to {path}.").format(path=path),
        )
        return path


def _agreed_text(term: GlossaryTermRecord) -> str:
    current = term.current
    if current is None:
        return ""
    parts = [
        QCoreApplication.translate("GlossaryView", "Version {number}").format(number=current.number)
    ]
    if current.meeting_title:
        parts.append(
            QCoreApplication.translate("GlossaryView", "agreed in {meeting}").format(
                meeting=current.meeting_label
            )
        )
    elif current.decided_at:
        parts.append(
            QCoreApplication.translate("GlossaryView", "agreed on {date}").format(
                date=short_date(current.decided_at.date())
            )
        )
    if current.decision_removed:
        parts.append(
            QCoreApplication.translate(
                "GlossaryView", "the decision record was deleted since; the wording stays agreed"
            )
        )
    if current.proposed_by_name:
        parts.append(
            QCoreApplication.translate("GlossaryView", "proposed by {name}").format(
                name=current.proposed_by_name
            )
        )
    if term.open_proposals:
        count = term.open_proposals
        if count == 1:
            parts.append(QCoreApplication.translate("GlossaryView", "1 change proposed"))
        else:
            text = QCoreApplication.translate("GlossaryView", "{count} changes proposed")
            parts.append(text.format(count=count))
    return " · ".join(parts)


def _next_meeting_id(controller: Controller) -> int | None:
    """The meeting a proposal most likely goes to: the running one, else the next planned."""
    meetings = controller.services.meetings.list_meetings()
    running = [m for m in meetings if m.status is MeetingStatus.RUNNING]
    if running:
        return running[-1].id
    planned = sorted(
        (m for m in meetings if m.status is MeetingStatus.PLANNED), key=lambda m: m.starts_at
    )
    return planned[0].id if planned else None


# ---------------------------------------------------------------------------- the panel
