"""1 Open: the topic and the end goal in large type, previous minutes, attendance."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from alignmeet.domain.enums import Attendance, Phase
from alignmeet.domain.records import ParticipantRecord
from alignmeet.domain.rules import DEFAULT_END_GOAL
from ui.controller import Controller
from ui.models.attendance_model import (
    COL_APOLOGIES,
    COL_NAME,
    COL_PRESENT,
    COL_REPRESENTATIVE,
    AttendanceModel,
)
from ui.views.phases import (
    PhasePage,
    caption_label,
    card,
    fit_columns,
    section_label,
    set_font,
    table_view,
)
from ui.widgets import plain_label

# The core's default end goal (shown when a meeting has none), for the catalogue.
QT_TRANSLATE_NOOP(
    "OpenPhase", "Every member leaves with their own action plan and a commitment to it."
)


def attendance_summary(counts: dict[Attendance, int]) -> str:
    parts = [
        QCoreApplication.translate("OpenPhase", "{count} present").format(
            count=counts[Attendance.PRESENT]
        ),
        QCoreApplication.translate("OpenPhase", "{count} apologies").format(
            count=counts[Attendance.APOLOGIES]
        ),
        QCoreApplication.translate("OpenPhase", "{count} not marked").format(
            count=counts[Attendance.INVITED]
        ),
    ]
    if counts[Attendance.ABSENT]:
        parts.append(
            QCoreApplication.translate("OpenPhase", "{count} absent").format(
                count=counts[Attendance.ABSENT]
            )
        )
    return " · ".join(parts)


class OpenPhase(PhasePage):
    phase = Phase.OPEN

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)

        goal_card, goal_layout = card(self)
        self.topic_caption = caption_label(self.tr("Topic"))
        self.topic_label = plain_label()
        self.topic_label.setObjectName("TopicText")
        self.topic_label.setWordWrap(True)
        set_font(self.topic_label, 1.7, bold=True)
        self.goal_caption = caption_label(self.tr("End goal"))
        self.goal_label = plain_label()
        self.goal_label.setObjectName("EndGoalText")
        self.goal_label.setWordWrap(True)
        set_font(self.goal_label, 1.45)
        goal_layout.addWidget(self.topic_caption)
        goal_layout.addWidget(self.topic_label)
        goal_layout.addSpacing(6)
        goal_layout.addWidget(self.goal_caption)
        goal_layout.addWidget(self.goal_label)

        self.minutes_check = QCheckBox(self.tr("Previous minutes approved"))
        self.minutes_check.toggled.connect(self._on_minutes_check_toggled)

        self.model = AttendanceModel(self._write_attendance, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Attendance"))
        set_font(self.table, 1.1)
        fit_columns(self.table, stretch_column=COL_NAME)

        self.count_label = plain_label(object_name="AttendanceCount")
        set_font(self.count_label, 1.15, bold=True)
        self.all_present_button = QPushButton(self.tr("All present"))
        self.all_present_button.setToolTip(
            self.tr("Mark everyone present who has not sent apologies")
        )
        self.all_present_button.clicked.connect(self._on_all_present_clicked)

        attendance_header = QHBoxLayout()
        attendance_header.addWidget(section_label(self.tr("Attendance")))
        attendance_header.addSpacing(16)
        attendance_header.addWidget(self.count_label)
        attendance_header.addStretch(1)
        attendance_header.addWidget(self.minutes_check)
        attendance_header.addSpacing(16)
        attendance_header.addWidget(self.all_present_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(goal_card)
        layout.addSpacing(6)
        layout.addLayout(attendance_header)
        layout.addWidget(self.table, 1)
        # How the teams agreed to reach each other (seed 002), read out at the start.
        from ui.views.toolkit.channels_view import ChannelsStrip

        self.channels_strip = ChannelsStrip(controller, self)
        layout.addWidget(self.channels_strip)

        QWidget.setTabOrder(self.minutes_check, self.all_present_button)  # reading order
        QWidget.setTabOrder(self.all_present_button, self.table)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)

    def first_field(self) -> QWidget:
        return self.all_present_button

    # ---- refresh ------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_meeting()
        self._refresh_attendance()

    def _refresh_meeting(self) -> None:
        if self.meeting_id is None:
            return
        meeting = self.controller.services.meetings.get_meeting(self.meeting_id)
        self.topic_label.setText(meeting.topic or meeting.title)
        self.goal_label.setText(meeting.end_goal or self.tr(DEFAULT_END_GOAL))
        self.minutes_check.blockSignals(True)
        self.minutes_check.setChecked(meeting.previous_minutes_approved)
        self.minutes_check.blockSignals(False)

    def _refresh_attendance(self) -> None:
        rows = (
            self.controller.services.meetings.participants(self.meeting_id)
            if self.meeting_id is not None
            else []
        )
        self.model.update_rows(rows)
        self.count_label.setText(attendance_summary(self.model.counts()))
        for col in (COL_PRESENT, COL_APOLOGIES, COL_REPRESENTATIVE):
            self.table.resizeColumnToContents(col)

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self._refresh_attendance()

    def _on_controller_meeting_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self._refresh_meeting()

    # ---- writes -------------------------------------------------------------
    def _write_attendance(
        self, record: ParticipantRecord, attendance: Attendance | None, representative: bool | None
    ) -> None:
        self.controller.set_attendance(
            meeting_id=record.meeting_id,
            member_id=record.member_id,
            attendance=attendance,
            representative=representative,
        )

    def _on_minutes_check_toggled(self, checked: bool) -> None:
        if self.meeting_id is not None:
            self.controller.update_meeting(
                meeting_id=self.meeting_id, previous_minutes_approved=checked
            )

    def _on_all_present_clicked(self) -> None:
        if self.meeting_id is None:
            return
        for p in self.model.rows():
            if p.attendance in (Attendance.INVITED, Attendance.ABSENT):
                self.controller.set_attendance(
                    meeting_id=self.meeting_id, member_id=p.member_id, attendance=Attendance.PRESENT
                )
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
