"""Shared language (seed 004): the glossary of agreed definitions.

- `GlossaryView`, the Alignment page's tab: search, the terms with their current
  definitions, the selected term's history, "Propose a change…" and the Word appendix.
  Approving happens only in a meeting.
- `GlossaryPanel`, beside a running meeting's "Glossary change" agenda item: propose a
  term or a new wording, approve or reject the proposals on the table (each recorded as a
  decision of this agenda item), and the current definitions at hand.
- `ProposeDialog`, the form both use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Attendance, MeetingStatus
from alignmeet.domain.glossary import (
    MAX_TERM,
    GlossaryTermRecord,
    GlossaryVersionRecord,
    VersionStatus,
)
from alignmeet.domain.rules import ValidationError, short_date
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.models.glossary_terms_model import (
    COL_AGREED,
    COL_DEFINITION,
    COL_TERM,
    COL_VERSION,
    GlossaryLookupModel,
    GlossaryTermsModel,
)
from ui.models.glossary_versions_model import (
    COL_MEETING,
    COL_PROPOSED,
    COL_STATUS,
    COL_WORDING,
    GlossaryProposalsModel,
    GlossaryVersionsModel,
)
from ui.models.glossary_versions_model import (
    COL_VERSION as COL_V,
)
from ui.models.record_table_model import RECORD_ROLE, SORT_ROLE
from ui.undo import Step, step
from ui.views.meeting_dialog import field_with_error
from ui.views.toolkit.common import card as _card
from ui.widgets import FieldError, ask_yes_no, inform, plain_label, section_heading, warn

AREA = "glossary"


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(32)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _selected_record(table: QTableView) -> object | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].data(RECORD_ROLE) if rows else None


def _big(label_text: str = "", scale: float = 1.25, bold: bool = False) -> QWidget:
    label = plain_label(label_text)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF(), 10) * scale)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    return label


# ---------------------------------------------------------------------------- propose


class ProposeDialog(QDialog):
    """Propose a new term, or a new wording of one: it stays a proposal until a meeting
    approves it. Errors show at their field; the dialog stays open with what was typed."""

    def __init__(
        self,
        controller: Controller,
        *,
        term: str = "",
        definition: str = "",
        meeting_id: int | None = None,
        fixed_meeting: bool = False,
        proposer_ids: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.result_version: GlossaryVersionRecord | None = None
        self.setWindowTitle(self.tr("Propose a glossary change"))
        services = controller.services

        self.term_edit = QLineEdit(term)
        self.term_edit.setAccessibleName(self.tr("Term"))
        self.term_edit.setMaxLength(MAX_TERM)
        self.term_edit.setPlaceholderText(self.tr("e.g. MQL"))
        names = [t.term for t in services.glossary.terms()]
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.term_edit.setCompleter(completer)
        self.definition_edit = QPlainTextEdit(definition)
        self.definition_edit.setAccessibleName(self.tr("Definition"))
        self.definition_edit.setPlaceholderText(self.tr("The wording both teams should agree on…"))
        self.definition_edit.setTabChangesFocus(True)
        self.definition_edit.setMinimumHeight(120)

        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName(self.tr("For meeting"))
        self.meeting_combo.addItem(self.tr("No meeting in particular (the next one decides)"), None)
        for meeting in services.meetings.list_meetings():
            if meeting.status is MeetingStatus.CLOSED and meeting.id != meeting_id:
                continue
            label = f"{meeting.title}, {short_date(meeting.starts_at.date())}"
            if meeting.status is MeetingStatus.RUNNING:
                label += " " + self.tr("(running)")
            self.meeting_combo.addItem(label, meeting.id)
        found = self.meeting_combo.findData(meeting_id)
        self.meeting_combo.setCurrentIndex(max(found, 0))
        self.meeting_combo.setEnabled(not fixed_meeting)

        self.by_combo = QComboBox()
        self.by_combo.setAccessibleName(self.tr("Proposed by"))
        self.by_combo.addItem("—", None)
        allowed = set(proposer_ids) if proposer_ids is not None else None
        for member in services.people.list_members():
            if allowed is None or member.id in allowed:
                self.by_combo.addItem(f"{member.name} ({member.team_name})", member.id)

        self._fields: dict[str, QWidget] = {
            "term": self.term_edit,
            "definition": self.definition_edit,
            "meeting": self.meeting_combo,
            "proposed_by": self.by_combo,
        }
        self.field_errors: dict[str, FieldError] = {}
        form = QFormLayout()
        labels = {
            "term": self.tr("&Term"),
            "definition": self.tr("&Definition"),
            "meeting": self.tr("For &meeting"),
            "proposed_by": self.tr("Proposed &by"),
        }
        for key, widget in self._fields.items():
            box, error = field_with_error(widget)
            self.field_errors[key] = error
            form.addRow(labels[key], box)
        self.form_error = FieldError()
        hint = plain_label(
            self.tr(
                "The wording becomes the current definition only when a meeting approves it, "
                "as a decision of its glossary agenda item."
            )
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.propose_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.propose_button.setText(self.tr("Propose"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        (self.definition_edit if term else self.term_edit).setFocus()

    def _on_buttons_accepted(self) -> None:
        for error in self.field_errors.values():
            error.clear_error()
        self.form_error.clear_error()
        try:
            values = {
                "term": self.term_edit.text(),
                "definition": self.definition_edit.toPlainText(),
                "meeting_id": self.meeting_combo.currentData(),
                "proposed_by_id": self.by_combo.currentData(),
            }
            self.result_version = self.controller.perform(
                step(Step.GLOSSARY_PROPOSAL), lambda s: s.glossary.propose(**values)
            )
        except (ValidationError, NotFoundError) as exc:
            field = exc.field if isinstance(exc, ValidationError) else ""
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            label = self.field_errors.get(field, self.form_error)
            label.show_error(message, self._fields.get(field))
            return
        self.accept()


# ---------------------------------------------------------------------------- the tab


class GlossaryView(QWidget):
    """The Glossary tab: agreed definitions, their history, proposals."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._restoring = False
        self.dialog: ProposeDialog | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search terms and definitions…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search the glossary"))
        self.search_edit.setMinimumWidth(280)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.new_button = QPushButton(self.tr("New term…"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.export_button = QPushButton(self.tr("Export appendix (.docx)…"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        top = QHBoxLayout()
        top.addWidget(section_heading(self.tr("Shared language")))
        self.count_label = plain_label()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.search_edit)
        top.addWidget(self.new_button)
        top.addWidget(self.export_button)
        intro = plain_label(
            self.tr(
                "Agreed definitions both teams use. A change is proposed here or in a meeting, "
                "and becomes current only when a meeting approves it as a decision."
            )
        )
        intro.setWordWrap(True)

        # ---- terms ----------------------------------------------------------------------
        self.model = GlossaryTermsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = _table(self.tr("Glossary terms"))
        self.table.setModel(self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DEFINITION, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_TERM, 150)
        self.table.setColumnWidth(COL_VERSION, 150)
        self.table.setColumnWidth(COL_AGREED, 130)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_propose_dialog())

        # ---- the selected term ------------------------------------------------------------
        self.term_label = _big("", 1.5, bold=True)
        self.definition_label = _big("", 1.2)
        self.definition_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.agreed_label = plain_label()
        self.agreed_label.setWordWrap(True)
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.approve_hint)

        self.history_model = GlossaryVersionsModel(self)
        self.history = _table(self.tr("History of the term"))
        self.history.setModel(self.history_model)
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
        self.detail = detail
        self.empty_label = _big(
            self.tr(
                "No terms yet. Propose the first definition both teams should share — "
                "qualified lead, MQL, SQL, ICP — with “New term…”."
            ),
            1.1,
        )

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 420])
        self.split = split

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.empty_label)
        layout.addWidget(split, 1)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.members_changed.connect(self.refresh)
        controller.meetings_changed.connect(self.refresh)
        self.refresh()

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

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def selected_term(self) -> GlossaryTermRecord | None:
        record = _selected_record(self.table)
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
        record = _selected_record(self.history)
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
        dialog = ProposeDialog(
            self.controller,
            term=term.term if term else "",
            definition=term.definition if term else "",
            meeting_id=_next_meeting_id(self.controller),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_accepted(self, dialog: ProposeDialog) -> None:
        version = dialog.result_version
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


class GlossaryPanel(QWidget):
    """Beside a running meeting's glossary item: the proposals on the table with Approve /
    Reject (each recorded as a decision of this agenda item), a form to propose, and the
    current definitions."""

    def __init__(
        self,
        controller: Controller,
        *,
        meeting_id: int,
        item_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.meeting_id = meeting_id
        self.item_id = item_id

        # ---- on the table ---------------------------------------------------------------
        self.proposals_model = GlossaryProposalsModel(self)
        self.proposals = _table(self.tr("Glossary proposals on the table"))
        self.proposals.setModel(self.proposals_model)
        self.proposals.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.proposals.setColumnWidth(0, 160)
        self.proposals.setColumnWidth(2, 130)
        self.proposals.selectionModel().selectionChanged.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("Approve as decision"))
        self.approve_button.setToolTip(
            self.tr(
                "The wording becomes the current definition; the decision is recorded on this item"
            )
        )
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setToolTip(
            self.tr("Not adopted: recorded as a decision; the definition stays")
        )
        self.reject_button.clicked.connect(self._on_reject_button_clicked)
        self.now_label = plain_label()
        self.now_label.setWordWrap(True)
        self.proposed_label = plain_label()
        self.proposed_label.setWordWrap(True)
        self.compare = QWidget()
        compare_grid = QGridLayout(self.compare)
        compare_grid.setContentsMargins(0, 0, 0, 0)
        compare_grid.setHorizontalSpacing(8)
        for row, (caption, label) in enumerate(
            ((self.tr("Now:"), self.now_label), (self.tr("Proposed:"), self.proposed_label))
        ):
            head = plain_label(caption)
            bold = head.font()
            bold.setBold(True)
            head.setFont(bold)
            compare_grid.addWidget(head, row, 0, Qt.AlignmentFlag.AlignTop)
            compare_grid.addWidget(label, row, 1)
        compare_grid.setColumnStretch(1, 1)
        self.closed_label = plain_label(
            self.tr(
                "This meeting is closed: glossary changes are agreed in a planned or running "
                "meeting."
            )
        )
        self.closed_label.setWordWrap(True)
        self.status_label = FieldError()
        self.note_label = plain_label()
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        self.empty_label = plain_label(self.tr("Nothing proposed for this meeting yet."))
        self.empty_label.setEnabled(False)
        decide = QHBoxLayout()
        decide.addWidget(self.approve_button)
        decide.addWidget(self.reject_button)
        decide.addStretch(1)

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 6, 0, 0)
        table_layout.setSpacing(6)
        self.propose_button = QPushButton(self.tr("Propose a term or wording…"))
        self.propose_button.setToolTip(self.tr("Propose a new term, or a new wording of a term"))
        self.propose_button.clicked.connect(self._on_propose_button_clicked)
        table_layout.addWidget(self.proposals, 1)
        table_layout.addWidget(self.empty_label)
        table_layout.addWidget(self.compare)
        table_layout.addWidget(self.closed_label)
        table_layout.addLayout(decide)
        table_layout.addWidget(self.status_label)
        table_layout.addWidget(self.note_label)

        # ---- current definitions ----------------------------------------------------------
        self.current_model = GlossaryLookupModel(self)
        self.current = _table(self.tr("Current definitions"))
        self.current.setModel(self.current_model)
        self.current.setWordWrap(True)
        self.current.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.current.setColumnWidth(0, 150)
        self.current.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(table_box, self.tr("On the table"))
        self.tabs.addTab(self.current, self.tr("Current definitions"))
        self.tabs.setCornerWidget(self.propose_button, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.dialog: ProposeDialog | None = None

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)
        self.refresh()

    def refresh(self) -> None:
        services = self.controller.services
        chosen = self.selected_proposal()
        self.current_model.set_rows(services.glossary.current_definitions())
        proposals = services.glossary.open_proposals(meeting_id=self.meeting_id)
        self.proposals_model.set_rows(proposals)
        self.empty_label.setVisible(not proposals)
        self.tabs.setTabText(0, self.tr("On the table ({count})").format(count=len(proposals)))
        self.tabs.setTabText(
            1,
            self.tr("Current definitions ({count})").format(count=self.current_model.rowCount()),
        )
        self.proposals.setVisible(bool(proposals))
        row = self.proposals_model.row_of(lambda v: chosen is not None and v.id == chosen.id)
        if row < 0 and proposals:
            row = 0
        if row >= 0:
            self.proposals.selectRow(row)
        self.current.resizeRowsToContents()
        self._update_buttons()

    def _closed(self) -> bool:
        try:
            meeting = self.controller.services.meetings.get_meeting(self.meeting_id)
        except NotFoundError:
            return True
        return meeting.status is MeetingStatus.CLOSED

    def selected_proposal(self) -> GlossaryVersionRecord | None:
        record = _selected_record(self.proposals)
        return record if isinstance(record, GlossaryVersionRecord) else None

    def _update_buttons(self, *_: object) -> None:
        version = self.selected_proposal()
        closed = self._closed()
        self.approve_button.setEnabled(version is not None and not closed)
        self.reject_button.setEnabled(version is not None and not closed)
        self.propose_button.setEnabled(not closed)
        self.closed_label.setVisible(closed)
        self.compare.setVisible(version is not None)
        if version is None:
            return
        term = next((t for t in self.current_model.rows() if t.id == version.term_id), None)
        self.now_label.setText(term.definition if term is not None else self.tr("(a new term)"))
        self.proposed_label.setText(version.definition)

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def _on_controller_meeting_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self._update_buttons()

    def _decide(self, method: str) -> GlossaryVersionRecord | None:
        version = self.selected_proposal()
        if version is None:
            return None
        self.status_label.clear_error()
        try:
            item_id = self.item_id
            if method == "approve":
                result = self.controller.perform(
                    step(Step.APPROVE_DEFINITION),
                    lambda s: s.glossary.approve(version_id=version.id, item_id=item_id),
                )
            else:
                result = self.controller.perform(
                    step(Step.REJECT_DEFINITION),
                    lambda s: s.glossary.reject(version_id=version.id, item_id=item_id),
                )
        except (ValidationError, NotFoundError) as exc:
            self.status_label.show_error(getattr(exc, "message", str(exc)))
            self.refresh()
            return None
        if method == "approve":
            self._note(
                self.tr("Approved: “{term}” {version} is now the current definition.").format(
                    term=result.term, version=result.label
                )
            )
        else:
            self._note(
                self.tr("Rejected: {version} of “{term}”; the definition stays.").format(
                    term=result.term, version=result.label
                )
            )
        return result

    def _note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def _on_approve_button_clicked(self) -> None:
        self._decide("approve")

    def _on_reject_button_clicked(self) -> None:
        self._decide("reject")

    def open_propose_dialog(self) -> ProposeDialog:
        present = [
            p.member_id
            for p in self.controller.services.meetings.participants(self.meeting_id)
            if p.attendance is Attendance.PRESENT
        ]
        dialog = ProposeDialog(
            self.controller,
            meeting_id=self.meeting_id,
            fixed_meeting=True,
            proposer_ids=present or None,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_accepted(self, dialog: ProposeDialog) -> None:
        version = dialog.result_version
        if version is None:
            return
        row = self.proposals_model.row_of(lambda v: v.id == version.id)
        if row >= 0:
            self.proposals.selectRow(row)
        self._note(
            self.tr("Proposed {version} of “{term}”: approve or reject it.").format(
                version=version.label, term=version.term
            )
        )

    def _on_propose_button_clicked(self) -> None:
        self.open_propose_dialog()
