"""The "Invitees" card of the Prepare page: every active member with a tick box, "All" and
"None", and a line on who is invited."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QWidget,
)

from alignmeet.domain.enums import Attendance
from alignmeet.domain.records import ParticipantRecord
from ui.core_labels import label as core_label
from ui.models.invitees_model import InviteesModel
from ui.views.prepare.cards import fill_card
from ui.widgets import plain_label


def recorded_for(participant: ParticipantRecord, actions: int) -> str:
    """ "• Ava Chen: attendance (present), committed, owns 2 actions" — or "" if nothing."""
    parts = []
    if participant.attendance is not Attendance.INVITED:
        parts.append(
            QCoreApplication.translate("PrepareView", "attendance ({attendance})").format(
                attendance=core_label(participant.attendance).lower()
            )
        )
    if participant.committed:
        parts.append(QCoreApplication.translate("PrepareView", "committed"))
    if actions == 1:
        parts.append(QCoreApplication.translate("PrepareView", "owns 1 action"))
    elif actions:
        parts.append(
            QCoreApplication.translate("PrepareView", "owns {count} actions").format(count=actions)
        )
    return f"• {participant.name}: {', '.join(parts)}" if parts else ""


class InviteesCard(QFrame):
    def __init__(self, model: InviteesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invitees_list = QListView()
        self.invitees_list.setModel(model)
        self.invitees_list.setAccessibleName(self.tr("Invitees"))
        self.invitees_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.invitees_list.setMinimumHeight(150)
        self.invitees_list.setUniformItemSizes(True)
        self.invitees_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.invitees_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.invitees_count = plain_label()
        self.invite_all_button = QPushButton(self.tr("All"))
        self.invite_all_button.setToolTip(self.tr("Invite every active member"))
        self.invite_all_button.clicked.connect(lambda: model.set_all(True))
        self.invite_none_button = QPushButton(self.tr("None"))
        self.invite_none_button.setToolTip(self.tr("Untick everyone"))
        self.invite_none_button.clicked.connect(lambda: model.set_all(False))

        layout = fill_card(self, self.tr("Invitees"))
        heading = layout.itemAt(0).widget()
        layout.removeWidget(heading)
        row = QHBoxLayout()
        row.addWidget(heading, 1)
        row.addWidget(self.invite_all_button)
        row.addWidget(self.invite_none_button)
        layout.insertLayout(0, row)
        self.invitees_count.setWordWrap(True)
        layout.addWidget(self.invitees_count)
        layout.addWidget(self.invitees_list, 1)
