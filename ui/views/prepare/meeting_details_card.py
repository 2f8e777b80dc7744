"""The "Meeting details" card of the Prepare page: title, date and time, planned length,
place, facilitator, note taker, topic and end goal, each with its message under it. The
page loads the fields and saves them as they are typed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from alignmeet.domain.records import MemberRecord
from ui.limits import limit_line
from ui.views.meeting_dialog import DATE_TIME_FORMAT, field_with_error, minutes_spin
from ui.views.prepare.cards import fill_card, lines_high
from ui.widgets import DateTimeField, FieldError

NOBODY = "—"


def member_combo(name: str) -> QComboBox:
    """A combo of members (facilitator, note taker), a dozen characters wide at least."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.setAccessibleName(name)
    return combo


def text_box(placeholder: str, name: str) -> QPlainTextEdit:
    """Three lines of text where Tab moves on (topic, end goal)."""
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    lines_high(edit, 3)
    return edit


def fill_member_combo(
    combo: QComboBox, members: Sequence[MemberRecord], selected: int | None
) -> None:
    """ "—" and the active members (and `selected`, if inactive), `selected` chosen; the
    combo keeps its items when they are the same (no signals either way)."""
    choices: list[tuple[str, int]] = [
        (m.name, m.id) for m in members if m.active or m.id == selected
    ]
    current = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    wanted = [(NOBODY, 0), *choices]
    combo.blockSignals(True)
    if current != wanted:
        combo.clear()
        for label, value in wanted:
            combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(selected or 0)))
    combo.blockSignals(False)


class MeetingDetailsCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = fill_card(self, self.tr("Meeting details"))
        self._build_fields()
        layout.addLayout(self._build_form())
        self.details_error = FieldError()
        layout.addWidget(self.details_error)

    def _build_fields(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Meeting title"))
        limit_line(self.title_edit, "meeting.title")
        self.when_edit = DateTimeField()
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(
            QCoreApplication.translate("MeetingDialog", DATE_TIME_FORMAT)
        )
        self.when_edit.setKeyboardTracking(False)
        self.when_edit.setAccessibleName(self.tr("Date and time"))
        self.length_spin = minutes_spin()
        self.length_spin.setKeyboardTracking(False)
        self.length_spin.setAccessibleName(self.tr("Planned length in minutes"))
        self.length_spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Room, or a video-call link"))
        self.place_edit.setAccessibleName(self.tr("Place"))
        limit_line(self.place_edit, "meeting.place")  # the service keeps 200 characters
        self.facilitator_combo = member_combo(self.tr("Facilitator"))
        self.note_taker_combo = member_combo(self.tr("Note taker"))
        self.topic_edit = text_box(
            self.tr("What this meeting is about, in a sentence or two"), self.tr("Topic")
        )
        self.end_goal_edit = text_box(self.tr("What everyone leaves with"), self.tr("End goal"))
        self.fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "starts_at": self.when_edit,
            "planned_minutes": self.length_spin,
            "place": self.place_edit,
            "facilitator_id": self.facilitator_combo,
            "note_taker_id": self.note_taker_combo,
            "topic": self.topic_edit,
            "end_goal": self.end_goal_edit,
        }

    def _build_form(self) -> QFormLayout:
        labels = {
            "title": self.tr("&Title"),
            "starts_at": self.tr("&Date && time"),
            "planned_minutes": self.tr("Planned &length"),
            "place": self.tr("&Place"),
            "facilitator_id": self.tr("&Facilitator"),
            "note_taker_id": self.tr("&Note taker"),
            "topic": self.tr("T&opic"),
            "end_goal": self.tr("&End goal"),
        }
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        for key, widget in self.fields.items():
            box, error = field_with_error(widget)
            self.errors[key] = error
            label = QLabel(labels[key])
            label.setContentsMargins(0, 5, 0, 0)  # level with the field's text
            label.setBuddy(widget)
            form.addRow(label, box)
        return form
