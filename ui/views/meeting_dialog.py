"""The "New meeting" dialog: everything needed to put a meeting in the calendar."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.records import MeetingRecord, TemplateRecord
from alignmeet.domain.rules import MAX_TITLE, ValidationError, name_key, require_text
from alignmeet.services.meetings import DEFAULT_SERIES
from ui.controller import Controller
from ui.limits import limit_line
from ui.models.templates_model import template_label
from ui.widgets import DateTimeField, FieldError, plain_label, show_validation

# A suggestion the user keeps or overwrites (translated where shown).
DEFAULT_TITLE = QT_TRANSLATE_NOOP("MeetingDialog", "Sales & Marketing sync")
DEFAULT_MINUTES = 60
# Qt's date-time pattern, translated where used (German: no English day or month names).
DATE_TIME_FORMAT = QT_TRANSLATE_NOOP("MeetingDialog", "ddd d MMM yyyy   HH:mm")


def next_weekday_at_nine(today: date) -> datetime:
    """The next working day (Monday–Friday) after `today`, at 09:00."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(9, 0))


def field_with_error(field: QWidget) -> tuple[QWidget, FieldError]:
    """The field with its own (hidden) error line right under it, for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    error = FieldError(box)
    layout.addWidget(error)
    return box, error


def fields_form(
    fields: dict[str, QWidget], labels: dict[str, str], errors: dict[str, FieldError]
) -> QFormLayout:
    """A dialog's form: each field under its label (its buddy), with its error line under
    it (kept in `errors` by the field's key)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(8)
    for key, widget in fields.items():
        box, error = field_with_error(widget)
        errors[key] = error
        form.addRow(labels[key], box)
        label = form.labelForField(box)
        if label is not None:
            label.setBuddy(widget)  # type: ignore[attr-defined]
    return form


def minutes_spin(low: int = 5, high: int = 600, step: int = 5) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setSuffix(QCoreApplication.translate("MeetingDialog", " min"))
    spin.setAccelerated(True)
    return spin


class MeetingDialog(QDialog):
    """Creates the meeting through the controller when OK is pressed.

    A rejected value keeps the dialog open with the message under its field
    and everything typed left in place. `created` holds the new meeting.
    """

    def __init__(
        self, controller: Controller, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.created: MeetingRecord | None = None
        self.setWindowTitle(self.tr("New meeting"))
        self.setMinimumWidth(560)

        self.title_edit = QLineEdit(self.tr(DEFAULT_TITLE))
        self.title_edit.setAccessibleName(self.tr("Meeting title"))
        limit_line(self.title_edit, "meeting.title")
        self.when_edit = DateTimeField(QDateTime(next_weekday_at_nine(today or date.today())))
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(self.tr(DATE_TIME_FORMAT))
        self.when_edit.setAccessibleName(self.tr("Date and time"))
        self.length_spin = minutes_spin()
        self.length_spin.setValue(DEFAULT_MINUTES)
        self.length_spin.setAccessibleName(self.tr("Planned length in minutes"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Room, or a video-call link"))
        self.place_edit.setAccessibleName(self.tr("Place"))
        limit_line(self.place_edit, "meeting.place")  # the service keeps 200 characters

        self._build_series_combo()
        self._build_template_combo()
        self._build_invite_check()
        form = self._build_form()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create meeting"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def _build_series_combo(self) -> None:
        services = self.controller.services
        self.series_combo = QComboBox()
        self.series_combo.setEditable(True)
        self.series_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.series_combo.setAccessibleName(self.tr("Series"))
        series_line = self.series_combo.lineEdit()
        if series_line is not None:  # (always, the combo being editable)
            series_line.setMaxLength(MAX_TITLE)
        self.series_combo.setToolTip(
            self.tr(
                "The recurring meeting this one belongs to. Open actions and parked items "
                "of earlier meetings in the series come back automatically. Type a new name "
                "to start a new series."
            )
        )
        series = services.meetings.list_series()
        for s in series:
            self.series_combo.addItem(s.name, s.id)
        if series:
            meetings = services.meetings.list_meetings()
            latest = meetings[0].series_id if meetings else series[0].id
            self.series_combo.setCurrentIndex(max(0, self.series_combo.findData(latest)))
        else:
            self.series_combo.setEditText(DEFAULT_SERIES)

    def _build_template_combo(self) -> None:
        services = self.controller.services
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Agenda template"))
        self.template_combo.addItem(self.tr("Empty agenda"), None)
        self._templates: dict[int, TemplateRecord] = {}
        for t in services.agenda.templates():
            self._templates[t.id] = t
            self.template_combo.addItem(template_label(t), t.id)
        self.template_combo.setCurrentIndex(self._default_template_row())
        self.template_hint = plain_label(wrap=True)
        self.template_combo.currentIndexChanged.connect(self._on_template_combo_changed)
        self._on_template_combo_changed()

    def _build_invite_check(self) -> None:
        services = self.controller.services
        active = services.people.list_members()
        self._active_ids = [m.id for m in active]
        if active:
            self.invite_check = QCheckBox(
                self.tr("Invite all active members ({count})").format(count=len(active))
            )
            self.invite_check.setChecked(True)
        else:
            self.invite_check = QCheckBox(self.tr("Invite all active members (nobody yet)"))
            self.invite_check.setEnabled(False)
            self.invite_check.setToolTip(self.tr("Add your team under People & teams first."))

    def _build_form(self) -> QFormLayout:
        self.errors: dict[str, FieldError] = {}
        self._fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "starts_at": self.when_edit,
            "planned_minutes": self.length_spin,
            "place": self.place_edit,
            "series": self.series_combo,
            "template": self.template_combo,
        }
        labels = {
            "title": self.tr("&Title"),
            "starts_at": self.tr("&Date and time"),
            "planned_minutes": self.tr("Planned &length"),
            "place": self.tr("&Place"),
            "series": self.tr("&Series"),
            "template": self.tr("&Agenda"),
        }
        form = fields_form(self._fields, labels, self.errors)
        form.addRow("", self.template_hint)
        form.addRow("", self.invite_check)
        self.general_error = FieldError()
        return form

    # ---- defaults -------------------------------------------------------------------
    def _default_template_row(self) -> int:
        series_key = name_key(self.series_combo.currentText())
        for row in range(1, self.template_combo.count()):
            template = self._templates[self.template_combo.itemData(row)]
            if name_key(template.name) == series_key:
                return row
        for row in range(1, self.template_combo.count()):
            if self._templates[self.template_combo.itemData(row)].name.startswith("Monthly"):
                return row
        return 0

    def _on_template_combo_changed(self, *_: object) -> None:
        template_id = self.template_combo.currentData()
        if template_id is None:
            self.template_hint.setText(
                self.tr("Start with no items; add them on the Prepare page.")
            )
            return
        template = self._templates[template_id]
        self.template_hint.setText(template.description or "")

    # ---- creating -------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_error()
        self.general_error.clear_error()

    def _series_id(self) -> int:
        text = self.series_combo.currentText()
        key = name_key(text)
        for row in range(self.series_combo.count()):
            if name_key(self.series_combo.itemText(row)) == key:
                return int(self.series_combo.itemData(row))
        # A new series: the services' "get or create" (idempotent, so a retry is harmless).
        return self.controller.ensure_series(text).id

    def _on_buttons_accepted(self) -> None:
        self._clear_errors()
        try:
            # Check the title before a new series is created for a meeting that would fail.
            if not self.title_edit.text().strip():  # the core's message is English
                raise ValidationError("title", self.tr("Meeting title cannot be empty."))
            require_text("title", self.title_edit.text(), label="Meeting title")
            self.created = self.controller.create_meeting(
                title=self.title_edit.text(),
                starts_at=self.when_edit.dateTime().toPython(),
                planned_minutes=self.length_spin.value(),
                place=self.place_edit.text(),
                series_id=self._series_id(),
                template_id=self.template_combo.currentData(),
                invitee_ids=self._active_ids if self.invite_check.isChecked() else [],
            )
        except ValidationError as exc:
            show_validation(exc, self._fields, self.errors.get(exc.field, self.general_error), self)
            self.adjustSize()  # make room for the message; nothing typed is touched
            return
        self.accept()
