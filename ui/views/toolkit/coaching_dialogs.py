"""The coaching tab's dialogs: log (or edit) a pair's check-in, and the suggested
rotation with who each person has already met."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.coaching import CheckinRecord, PairStatus, RotationSuggestion
from alignmeet.domain.rules import ValidationError, short_date
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.coaching_models import SuggestedPairsModel
from ui.models.plural import plural
from ui.record_form import FieldErrors
from ui.record_table import record_table
from ui.undo import Step, step
from ui.widgets import DateField, FieldError, plain_label, section_heading

__all__ = ["CheckinDialog", "RotationDialog", "coaching_table"]


def coaching_table(model: object, name: str) -> QTableView:
    """A record table with room for the status badges."""
    return record_table(model, name, row_height=32, icon_size=18)  # type: ignore[arg-type]


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(64)
    return edit


# ---- the check-in dialog ---------------------------------------------------------------
class CheckinDialog(QDialog):
    """Log (or edit) one check-in of a pair. A refused value keeps the dialog open with the
    message under its field and everything typed in place."""

    def __init__(
        self,
        controller: Controller,
        *,
        pair: PairStatus,
        checkin: CheckinRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.pair = pair
        self.checkin = checkin
        self.saved: CheckinRecord | None = None
        self.setWindowTitle(self.tr("Edit check-in") if checkin else self.tr("Log check-in"))

        self._build_fields(checkin)
        form = self._build_form()
        self.general_error = self.field_errors.general
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save check-in") if checkin else self.tr("Log check-in"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(pair.label))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(560, 520)
        self.progress_edit.setFocus()

    def _build_fields(self, checkin: CheckinRecord | None) -> None:
        controller = self.controller
        today = controller.services.coaching.clock().date()
        self.date_edit = DateField()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Date of the check-in"))
        self.date_edit.setMaximumDate(QDate(today))
        self.date_edit.setDate(QDate(checkin.held_on if checkin else today))
        self.progress_edit = _text_box(
            self.tr("Progress"), self.tr("How each is doing against their goals")
        )
        self.asked_edit = _text_box(self.tr("Tips asked"), self.tr("What one asked the other for"))
        self.given_edit = _text_box(self.tr("Tips given"), self.tr("The advice given"))
        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName(self.tr("Logged in meeting"))
        self.meeting_combo.addItem(self.tr("— not in a meeting —"), None)
        for meeting in controller.services.meetings.list_meetings():
            self.meeting_combo.addItem(
                f"{meeting.title} ({short_date(meeting.starts_at.date())})", meeting.id
            )
        if checkin is not None:
            self.progress_edit.setPlainText(checkin.progress)
            self.asked_edit.setPlainText(checkin.tips_asked)
            self.given_edit.setPlainText(checkin.tips_given)
            wanted = checkin.meeting_id
        else:
            wanted = controller.current_meeting_id
        self.meeting_combo.setCurrentIndex(max(self.meeting_combo.findData(wanted), 0))

    def _build_form(self) -> QFormLayout:
        self._fields = {
            "held_on": self.date_edit,
            "progress": self.progress_edit,
            "tips_asked": self.asked_edit,
            "tips_given": self.given_edit,
            "meeting_id": self.meeting_combo,
        }
        labels = {
            "held_on": self.tr("&Date"),
            "progress": self.tr("&Progress"),
            "tips_asked": self.tr("Tips &asked"),
            "tips_given": self.tr("Tips &given"),
            "meeting_id": self.tr("Logged in &meeting"),
        }
        self.field_errors = FieldErrors()
        self.errors = self.field_errors.lines
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget in self._fields.items():
            box = self.field_errors.box(key, widget)
            form.addRow(labels[key], box)
            label = form.labelForField(box)
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        return form

    def _on_buttons_accepted(self) -> None:
        if self.field_errors.save(self._write):
            self.accept()

    def _write(self) -> None:
        values = {
            "held_on": self.date_edit.date().toPython(),
            "progress": self.progress_edit.toPlainText(),
            "tips_asked": self.asked_edit.toPlainText(),
            "tips_given": self.given_edit.toPlainText(),
            "meeting_id": self.meeting_combo.currentData(),
        }
        if self.checkin is None:
            pair_id = self.pair.id
            self.saved = self.controller.perform(
                step(Step.COACHING_CHECKIN),
                lambda s: s.coaching.log_checkin(pair_id=pair_id, **values),
            )
        else:
            checkin_id = self.checkin.id
            self.saved = self.controller.perform_edit(
                step(Step.COACHING),
                lambda s, seen: s.coaching.update_checkin(
                    checkin_id=checkin_id, seen=seen, **values
                ),
                seen=self.checkin,
                reread=lambda s: _checkin(s, checkin_id),
                fields=values,
            )


def _checkin(services: Services, checkin_id: int) -> CheckinRecord:
    """A check-in as stored now (what "take theirs" shows)."""
    return next(
        c
        for p in services.coaching.list_pairs()
        for c in services.coaching.checkins(p.id)
        if c.id == checkin_id
    )


# ---- the rotation dialog ---------------------------------------------------------------------
class RotationDialog(QDialog):
    """The suggested next round, who each person has already met, and "Apply rotation"."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Suggest rotation"))
        sv = controller.services.coaching
        self.suggestion: RotationSuggestion = sv.suggest_rotation(sv.clock().date())
        self.applied = False

        intro = plain_label(self._describe(self.suggestion))
        intro.setWordWrap(True)
        self.model = SuggestedPairsModel(self)
        self.model.set_rows(self.suggestion.pairs)
        self.table = coaching_table(self.model, self.tr("Suggested pairs"))
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 150), (2, 110)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ending = self.suggestion.active_pairs
        what = (
            plural(
                self.tr(
                    "Applying ends the %n current pair(s) today "
                    "(their check-ins stay in the history) and starts these pairs.",
                    "",
                    ending,
                ),
                ending,
            )
            if ending
            else self.tr("Applying starts these pairs today.")
        )
        self.note = plain_label(what, wrap=True)
        self.error = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Apply rotation"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Next round of coaching pairs")))
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(1000, 460)

    def _describe(self, suggestion: RotationSuggestion) -> str:
        repeats = sum(1 for p in suggestion.pairs if p.times_met)
        text = self.tr(
            "{met} of {possible} possible pairs have met so far. This round: {new} new pairs"
        ).format(
            met=suggestion.pairs_met,
            possible=suggestion.pairs_possible,
            new=len(suggestion.pairs) - repeats,
        )
        if repeats:
            text += self.tr(", {repeats} meeting again (everyone has met the other team)").format(
                repeats=repeats
            )
        return text + "."

    def _on_buttons_accepted(self) -> None:
        pairs = [(p.sales_member_id, p.marketing_member_id) for p in self.suggestion.pairs]
        try:
            self.controller.perform(
                step(Step.COACHING_ROTATION), lambda s: s.coaching.apply_rotation(pairs=pairs)
            )
        except ValidationError as exc:
            self.error.show_error(exc.message)
            return
        self.applied = True
        self.accept()
