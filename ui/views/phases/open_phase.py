"""1 Open: the topic and the end goal in large type, previous minutes, attendance."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Attendance, Phase
from alignmeet.domain.records import MeetingRecord, ParticipantRecord, PreviousMinutes
from alignmeet.domain.rules import DEFAULT_END_GOAL, ValidationError
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
    format_date,
    section_label,
    set_font,
    table_view,
)
from ui.when_shown import WhenShown
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


class PreviousMinutesRow(QWidget):
    """ "Approve the minutes of <meeting>, <date>, revision N": the previous meeting of the
    series and a named revision of its minutes of record (a list of revisions when it was
    reopened and closed again). For the first meeting of a series in AlignMeet, the plain
    "previous minutes approved" of minutes kept elsewhere."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.meeting_id: int | None = None
        self.previous: PreviousMinutes | None = None
        self.check = QCheckBox()
        self.check.toggled.connect(self._on_check_toggled)
        self.revision_combo = QComboBox()
        self.revision_combo.setAccessibleName(self.tr("Revision to approve"))
        self.revision_combo.activated.connect(self._on_revision_combo_activated)
        self.hint = plain_label(object_name="Hint", wrap=True)
        # As wide as their text: a click on the row's empty end toggles nothing.
        for widget in (self.check, self.revision_combo):
            widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.revision_combo)
        layout.addWidget(self.hint, 1)

    def refresh(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        if meeting_id is None:
            return
        previous = self.controller.services.minutes.previous_minutes(meeting_id)
        self.previous = previous
        self.check.blockSignals(True)
        self.revision_combo.blockSignals(True)
        try:
            self._show(previous)
        finally:
            self.check.blockSignals(False)
            self.revision_combo.blockSignals(False)

    def _show(self, previous: PreviousMinutes) -> None:
        self.check.setChecked(previous.approved)
        self.revision_combo.clear()
        self.revision_combo.hide()
        hint = ""
        if previous.meeting_id is None:
            self.check.setText(self.tr("Previous minutes approved (kept outside AlignMeet)"))
            self.check.setEnabled(True)
        elif not previous.revisions:
            self.check.setText(
                self.tr("Approve the minutes of {meeting}, {date}").format(
                    meeting=previous.meeting_title, date=self._date(previous)
                )
            )
            self.check.setEnabled(previous.approved)  # only to withdraw an older approval
            hint = self.tr("Not closed yet: its minutes have no revision to approve.")
        else:
            chosen = previous.approved_revision or previous.revisions[0]
            self.check.setText(
                self.tr("Approve the minutes of {meeting}, {date}, revision {revision}").format(
                    meeting=previous.meeting_title,
                    date=self._date(previous),
                    revision=chosen.revision,
                )
            )
            self.check.setEnabled(True)
            if len(previous.revisions) > 1:
                for info in previous.revisions:
                    self.revision_combo.addItem(
                        self.tr("revision {revision} — closed on {date}").format(
                            revision=info.revision,
                            date=format_date(info.closed_at, self.tr("d MMM yyyy, HH:mm")),
                        ),
                        info.revision,
                    )
                self.revision_combo.setCurrentIndex(previous.revisions.index(chosen))
                self.revision_combo.show()
            latest = previous.revisions[0]
            if previous.approved and previous.approved_id is None:
                hint = self.tr("Approved without naming a revision (before minutes of record).")
            elif previous.approved and chosen.revision < latest.revision:
                hint = self.tr("Revision {revision} is newer than the one approved.").format(
                    revision=latest.revision
                )
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def _date(self, previous: PreviousMinutes) -> str:
        if previous.meeting_date is None:
            return ""
        return format_date(previous.meeting_date, self.tr("d MMM yyyy"))

    def _selected_revision(self) -> int | None:
        previous = self.previous
        if previous is None or not previous.revisions:
            return None
        data = self.revision_combo.currentData()  # None when there is one revision
        if isinstance(data, int):
            return data
        chosen = previous.approved_revision or previous.revisions[0]
        return chosen.revision

    def _approve(self, checked: bool) -> None:
        if self.meeting_id is None or self.previous is None:
            return
        try:
            if self.previous.meeting_id is None:
                self.controller.update_meeting(
                    meeting_id=self.meeting_id, previous_minutes_approved=checked
                )
            else:
                revision = self._selected_revision() if checked else None
                if checked and revision is None:
                    return
                self.controller.approve_previous_minutes(
                    meeting_id=self.meeting_id, revision=revision
                )
        except ValidationError as exc:
            self.hint.setText(exc.message)
            self.hint.show()
            return
        self.refresh(self.meeting_id)

    def _on_check_toggled(self, checked: bool) -> None:
        self._approve(checked)

    def _on_revision_combo_activated(self, _index: int) -> None:
        if self.check.isChecked():
            self._approve(True)
        else:
            self.refresh_text_only()

    def refresh_text_only(self) -> None:
        previous = self.previous
        revision = self._selected_revision()
        if previous is None or revision is None:
            return
        self.check.setText(
            self.tr("Approve the minutes of {meeting}, {date}, revision {revision}").format(
                meeting=previous.meeting_title, date=self._date(previous), revision=revision
            )
        )


class OpenPhase(PhasePage):
    phase = Phase.OPEN

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._meeting: MeetingRecord | None = None  # as shown: what a change here carries

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

        self.previous_minutes = PreviousMinutesRow(controller, self)
        self.minutes_check = self.previous_minutes.check

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
        attendance_header.addWidget(self.all_present_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(goal_card)
        layout.addSpacing(4)
        layout.addWidget(self.previous_minutes)
        layout.addSpacing(6)
        layout.addLayout(attendance_header)
        layout.addWidget(self.table, 1)
        # How the teams agreed to reach each other (seed 002), read out at the start.
        from ui.views.toolkit.channels_view import ChannelsStrip

        self.channels_strip = ChannelsStrip(controller, self)
        layout.addWidget(self.channels_strip)

        QWidget.setTabOrder(self.minutes_check, self.all_present_button)  # reading order
        QWidget.setTabOrder(self.all_present_button, self.table)
        self._attendance_when_shown = WhenShown(self, self._refresh_attendance)
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
        self._meeting = meeting
        self.topic_label.setText(meeting.topic or meeting.title)
        self.goal_label.setText(meeting.end_goal or self.tr(DEFAULT_END_GOAL))
        self.previous_minutes.refresh(self.meeting_id)

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
            self._attendance_when_shown()  # Room Link's phones write while Agenda runs

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
            seen=record,
        )

    def _on_all_present_clicked(self) -> None:
        if self.meeting_id is None:
            return
        # One change for every row shown as not there yet, each carrying what it showed.
        self.controller.mark_present(meeting_id=self.meeting_id, seen=self.model.rows())
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
