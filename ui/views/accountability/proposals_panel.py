"""Prepare: items the data proposes for this meeting's agenda — a KPI off target, an action
that slipped twice, lead feedback overdue — to accept (it becomes an agenda item, at the
end, 10 minutes) or dismiss. Decisions stay listed; Edit › Undo takes one back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.accountability import Proposal, ProposalState
from alignmeet.domain.rules import ValidationError
from alignmeet.services import NotFoundError
from ui.controller import Controller
from ui.core_labels import label
from ui.models.proposals_model import COL_KIND, COL_REASON, COL_TITLE, ProposalsModel
from ui.record_table import set_current_row
from ui.views.phases import caption_label, fit_columns, table_view
from ui.widgets import FieldError, plain_label, section_heading


class ProposalsPanel(QFrame):
    """A card in Prepare's left column; hidden when nothing is proposed or decided."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.controller = controller
        self.meeting_id: int | None = None

        self.model = ProposalsModel(self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Proposed agenda items"))
        # A narrow column: the item and the decision; why, in full, under the list.
        fit_columns(self.table, stretch_column=COL_TITLE)
        self.table.hideColumn(COL_KIND)
        self.table.hideColumn(COL_REASON)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(160)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.count_label = caption_label(wrap=True)
        self.accept_button = QPushButton(self.tr("&Put on the agenda"))
        self.accept_button.setToolTip(self.tr("Add the selected item at the end of the agenda"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button = QPushButton(self.tr("Dis&miss"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.reason_label = plain_label(object_name="ProposalReason", wrap=True)
        self.error = FieldError(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        heading = section_heading(self.tr("Proposed for this agenda"))
        heading.setWordWrap(True)  # never wider than the column, in any language
        layout.addWidget(heading)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason_label)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.actions_changed.connect(self._on_controller_changed)
        controller.agenda_changed.connect(self._on_controller_changed)
        self.hide()

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        if self.meeting_id is None:
            self.model.set_rows([])
            self.hide()
            return
        row = max(0, self.table.currentIndex().row())
        try:
            proposals = self.controller.services.accountability.proposals(self.meeting_id)
        except NotFoundError:
            proposals = []
        self.model.set_rows(proposals)
        self.setVisible(bool(proposals))
        open_count = sum(1 for p in proposals if p.state is ProposalState.OPEN)
        self.count_label.setText(
            self.tr("{count} to decide: put on the agenda, or dismiss.").format(count=open_count)
            if open_count
            else self.tr("All decided.")
        )
        if proposals:
            index = self.model.index(min(row, len(proposals) - 1), COL_TITLE)
            set_current_row(self.table.selectionModel(), index)
        self._update_buttons()

    def selected(self) -> Proposal | None:
        row = self.table.currentIndex().row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def _update_buttons(self, *_args: object) -> None:
        proposal = self.selected()
        can = proposal is not None and proposal.state is ProposalState.OPEN
        self.accept_button.setEnabled(can)
        self.dismiss_button.setEnabled(can)
        self.reason_label.setText(
            f"{label(proposal.kind.label)}: {proposal.reason}" if proposal is not None else ""
        )

    def accept_selected(self) -> None:
        self._decide(accept=True)

    def dismiss_selected(self) -> None:
        self._decide(accept=False)

    def _decide(self, *, accept: bool) -> None:
        proposal = self.selected()
        if proposal is None or self.meeting_id is None:
            return
        try:
            if accept:
                self.controller.accept_proposal(meeting_id=self.meeting_id, key=proposal.key)
                self.controller.status_shown.emit(
                    self.tr("“{title}” is on the agenda.").format(title=proposal.title)
                )
            else:
                self.controller.dismiss_proposal(meeting_id=self.meeting_id, key=proposal.key)
        except (ValidationError, NotFoundError) as exc:
            self.error.show_error(str(getattr(exc, "message", exc)))
            self.refresh()
            return
        self.error.clear_error()

    def _on_controller_toolkit_changed(self, area: str) -> None:
        # Goals, lead feedback and ratings all change what is proposed.
        if area in ("accountability", "goals", "lead_feedback"):
            self.refresh()

    def _on_controller_changed(self, meeting_id: int) -> None:
        if self.meeting_id is not None:
            self.refresh()
