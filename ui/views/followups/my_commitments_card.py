"""The "My commitments" card of the follow-ups page: the chosen person's commitments per
meeting, with "Save as PDF…" (shown in that mode, above the list of their open actions)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout, QWidget

from alignmeet.domain.records import MemberCommitments
from ui.models.member_commitments_model import COL_NOTE, MemberCommitmentsModel
from ui.views.followups.tables import record_table, set_widths, sortable
from ui.views.phases import format_number
from ui.widgets import plain_label


class MyCommitmentsCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.model = MemberCommitmentsModel(self)
        self.table = record_table(self.tr("Commitments"))
        self.proxy = sortable(self.table, self.model, self)
        self.table.horizontalHeader().setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(112)
        set_widths(self.table, {1: 300})
        self.title = plain_label(object_name="SectionLabel")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setToolTip(
            self.tr("A printable page of these open actions and commitments")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.pdf_button)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.hide()

    def show_commitments(self, mc: MemberCommitments | None) -> None:
        """The member's commitments and the title "Ava: 3 open actions · 2 commitments"
        (nothing when no person is chosen)."""
        if mc is None:
            self.model.set_rows([])
            return
        self.model.set_rows(mc.commitments)
        actions, commitments = len(mc.actions), len(mc.commitments)
        self.title.setText(
            self.tr("{name}: {actions} · {commitments}").format(
                name=mc.member.name,
                actions=self.tr("1 open action")
                if actions == 1
                else self.tr("{count} open actions").format(count=format_number(actions)),
                commitments=self.tr("1 commitment")
                if commitments == 1
                else self.tr("{count} commitments").format(count=format_number(commitments)),
            )
        )
