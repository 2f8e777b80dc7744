"""Beside a running meeting's "Glossary change" agenda item: propose a term or a new
wording, approve or reject the proposals on the table (each recorded as a decision of this
agenda item), and the current definitions at hand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Attendance, MeetingStatus
from alignmeet.domain.glossary import GlossaryVersionRecord
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.models.glossary_terms_model import GlossaryLookupModel
from ui.models.glossary_versions_model import GlossaryProposalsModel
from ui.record_table import selected_record
from ui.undo import Step, step
from ui.views.toolkit.common import MeetingItemPanel, button_row
from ui.views.toolkit.glossary_common import AREA, glossary_table
from ui.views.toolkit.glossary_propose_dialog import ProposeDialog
from ui.widgets import FieldError, fill, plain_label

__all__ = ["GlossaryPanel"]


class GlossaryPanel(MeetingItemPanel):
    """Beside a running meeting's glossary item: the proposals on the table with Approve /
    Reject (each recorded as a decision of this agenda item), a form to propose, and the
    current definitions."""

    AREA = AREA

    def _build(self) -> None:

        self.dialog: ProposeDialog | None = None
        table_box = self._build_on_the_table()
        self._build_current()
        self.propose_button = QPushButton(self.tr("Propose a term or wording…"))
        self.propose_button.setToolTip(self.tr("Propose a new term, or a new wording of a term"))
        self.propose_button.clicked.connect(self._on_propose_button_clicked)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(table_box, self.tr("On the table"))
        self.tabs.addTab(self.current, self.tr("Current definitions"))
        self.tabs.setCornerWidget(self.propose_button, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _follow(self) -> None:
        controller = self.controller
        controller.meeting_changed.connect(self._on_controller_meeting_changed)

    def _build_on_the_table(self) -> QWidget:
        """The proposals of this meeting, the chosen one beside the definition it would
        replace, and Approve / Reject."""
        self.proposals_model = GlossaryProposalsModel(self)
        self.proposals = glossary_table(
            self.proposals_model, self.tr("Glossary proposals on the table")
        )
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
        self._build_compare()
        self.closed_label = plain_label(
            self.tr(
                "This meeting is closed: glossary changes are agreed in a planned or running "
                "meeting."
            ),
            wrap=True,
        )
        self.status_label = FieldError()
        self.note_label = plain_label(wrap=True)
        self.note_label.hide()
        self.empty_label = plain_label(self.tr("Nothing proposed for this meeting yet."))
        self.empty_label.setEnabled(False)
        decide = button_row((self.approve_button, self.reject_button))
        table_box = QWidget()
        fill(
            QVBoxLayout(table_box),
            (self.proposals, 1),
            self.empty_label,
            self.compare,
            self.closed_label,
            decide,
            self.status_label,
            self.note_label,
            margins=(0, 6, 0, 0),
            spacing=6,
        )
        return table_box

    def _build_compare(self) -> None:
        self.now_label = plain_label(wrap=True)
        self.proposed_label = plain_label(wrap=True)
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

    def _build_current(self) -> None:
        self.current_model = GlossaryLookupModel(self)
        self.current = glossary_table(self.current_model, self.tr("Current definitions"))
        self.current.setWordWrap(True)
        self.current.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.current.setColumnWidth(0, 150)
        self.current.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

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
        record = selected_record(self.proposals)
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
        self.dialog = ProposeDialog(
            self.controller,
            meeting_id=self.meeting_id,
            fixed_meeting=True,
            proposer_ids=present or None,
            parent=self,
        ).open_then(self._on_proposed)
        return self.dialog

    def _on_proposed(self, version: GlossaryVersionRecord | None) -> None:
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
