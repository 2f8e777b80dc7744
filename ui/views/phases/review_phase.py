"""2 Review follow-ups: every open action from earlier meetings, one status and note each."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import ActionStatus, Phase
from alignmeet.domain.records import FollowUpRecord
from alignmeet.domain.rules import ValidationError
from ui.controller import Controller
from ui.models.follow_ups_model import COL_ACTION, COL_NOTE, FollowUpsModel
from ui.record_table import set_current_row
from ui.views.phases import PhasePage, fit_columns, set_font, table_view
from ui.widgets import FieldError, plain_label

EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "ReviewPhase", "No open actions from earlier meetings of this series."
)
NOTE_LIMIT = 5000  # what the service accepts for a status note

# (button text with mnemonic, status)
STATUS_BUTTONS = (
    (QT_TRANSLATE_NOOP("ReviewPhase", "&Done"), ActionStatus.DONE),
    (QT_TRANSLATE_NOOP("ReviewPhase", "&In progress"), ActionStatus.IN_PROGRESS),
    (QT_TRANSLATE_NOOP("ReviewPhase", "&Blocked"), ActionStatus.BLOCKED),
    (QT_TRANSLATE_NOOP("ReviewPhase", "D&ropped"), ActionStatus.DROPPED),
    (QT_TRANSLATE_NOOP("ReviewPhase", "&Still open"), ActionStatus.OPEN),
)


def _status_tips() -> dict[ActionStatus, str]:
    return {
        ActionStatus.DONE: QCoreApplication.translate(
            "ReviewPhase", "Mark as done (with the note) and go to the next one"
        ),
        ActionStatus.IN_PROGRESS: QCoreApplication.translate(
            "ReviewPhase", "Mark as in progress (with the note) and go to the next one"
        ),
        ActionStatus.BLOCKED: QCoreApplication.translate(
            "ReviewPhase", "Mark as blocked (with the note) and go to the next one"
        ),
        ActionStatus.DROPPED: QCoreApplication.translate(
            "ReviewPhase", "Mark as dropped (with the note) and go to the next one"
        ),
        ActionStatus.OPEN: QCoreApplication.translate(
            "ReviewPhase", "Mark as open (with the note) and go to the next one"
        ),
    }


class ReviewPhase(PhasePage):
    phase = Phase.REVIEW

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.model = FollowUpsModel(self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Follow-ups"))
        # "From" is the date of the meeting that agreed it (its title is in the tooltip).
        fit_columns(self.table, stretch_column=COL_ACTION, fixed={COL_NOTE: 180})
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

        self.empty_label = plain_label(self.tr(EMPTY_TEXT), object_name="EmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        set_font(self.empty_label, 1.4)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.selected_label = plain_label(object_name="SelectedFollowUp")
        self.selected_label.setWordWrap(True)
        set_font(self.selected_label, 1.3, bold=True)
        # The owner's say/do, when their action comes up (issue 15).
        self.say_do_label = plain_label(object_name="OwnerSayDo", wrap=True)
        self._say_do: dict[int, object] = {}  # owner id → MemberSayDo (or None), when shown

        # No QButtonGroup: in a group Qt takes Tab off every checkable button but the
        # checked one, and Tab could not reach the other statuses. _show_selected checks
        # the action's status only.
        self.status_buttons: dict[ActionStatus, QPushButton] = {}
        buttons_row = QHBoxLayout()
        tips = _status_tips()
        for text, status in STATUS_BUTTONS:
            button = QPushButton(self.tr(text))
            button.setCheckable(True)
            button.setMinimumHeight(38)
            set_font(button, 1.1)
            button.setToolTip(tips[status])
            button.clicked.connect(lambda _=False, s=status: self.apply_status(s))
            self.status_buttons[status] = button
            buttons_row.addWidget(button)

        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            self.tr("Short note, e.g. “Sent on 3 March” — Enter applies")
        )
        self.note_edit.setAccessibleName(self.tr("Review note"))
        self.note_edit.setMinimumHeight(34)
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.note_edit.returnPressed.connect(self._on_note_edit_return_pressed)
        self.error = FieldError(self)
        self._shown: FollowUpRecord | None = None  # the follow-up whose note is in the field
        self._loaded_note = ""

        self.form = QWidget()
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 6, 0, 0)
        form_layout.addWidget(self.selected_label)
        form_layout.addWidget(self.say_do_label)
        form_layout.addLayout(buttons_row)
        form_layout.addWidget(self.note_edit)
        form_layout.addWidget(self.error)

        self.progress_label = plain_label(object_name="ReviewProgress")
        set_font(self.progress_label, 1.1, bold=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.list_stack, 1)
        layout.addWidget(self.form)

        controller.follow_ups_changed.connect(self._on_controller_follow_ups_changed)
        controller.actions_changed.connect(self._on_controller_actions_changed)

    # ---- refresh ------------------------------------------------------------
    def refresh(self, select_row: int | None = None) -> None:
        current = self.current_row()
        rows = (
            self.controller.services.actions.follow_ups(self.meeting_id)
            if self.meeting_id is not None
            else []
        )
        self.model.set_rows(rows)
        self._read_say_do(rows)
        empty = not rows
        self.list_stack.setCurrentWidget(self.empty_label if empty else self.table)
        self.form.setVisible(not empty)
        reviewed = sum(1 for f in rows if f.reviewed)
        self.progress_label.setText(
            self.tr("{reviewed} of {total} reviewed in this meeting").format(
                reviewed=reviewed, total=len(rows)
            )
            if rows
            else ""
        )
        if rows:
            row = select_row if select_row is not None else max(current, 0)
            self.select_row(min(row, len(rows) - 1))
        else:
            self._show_selected(None)

    def _read_say_do(self, rows: list[FollowUpRecord]) -> None:
        """Forget the owners' say/do: read again, one owner at a time, when their action
        comes up (a long history makes reading everyone at each click slow)."""
        self._say_do = {}

    def _say_do_text(self, owner_id: int, name: str) -> str:
        from alignmeet.domain.accountability import MemberSayDo, percent

        if owner_id not in self._say_do:
            accountability = self.controller.services.accountability
            self._say_do[owner_id] = accountability.report(owner_ids=[owner_id]).member(owner_id)
        member = self._say_do[owner_id]
        if not isinstance(member, MemberSayDo) or not member.all_time.made:
            return self.tr("Say/do of {name}: no commitment counted yet.").format(name=name)
        from alignmeet.domain.accountability import WINDOW_DAYS

        recent, total = member.recent, member.all_time
        if recent.made:
            text = self.tr(
                "Say/do of {name}: kept {kept} of {made} ({percent}) in the last {days} days"
            ).format(
                name=name,
                kept=recent.kept,
                made=recent.made,
                percent=percent(recent.rate),
                days=WINDOW_DAYS,
            )
        else:
            text = self.tr("Say/do of {name}: nothing counted in the last {days} days").format(
                name=name, days=WINDOW_DAYS
            )
        text += " · " + self.tr("all time {kept} of {made} ({percent})").format(
            kept=total.kept, made=total.made, percent=percent(total.rate)
        )
        stated = [row for row in member.calibration if row.level is not None and row.say_do.made]
        if stated:
            best = max(stated, key=lambda row: row.say_do.made)
            text += " · " + self.tr("at confidence {level}/5: {kept} of {made}").format(
                level=best.level, kept=best.say_do.kept, made=best.say_do.made
            )
        return text

    def _on_controller_follow_ups_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self.refresh()

    def _on_controller_actions_changed(self, meeting_id: int) -> None:
        # An earlier meeting's action edited elsewhere (e.g. its title) shows here too.
        if self.model.row_of(lambda f: f.action.meeting_id == meeting_id) >= 0:
            self.refresh()

    # ---- selection ----------------------------------------------------------
    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def current_record(self) -> FollowUpRecord | None:
        row = self.current_row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, COL_ACTION)
        set_current_row(self.table.selectionModel(), index)
        self.table.scrollTo(index)
        self._show_selected(self.model.record(row))

    def _on_table_current_row_changed(self, current: object, _previous: object) -> None:
        left, note = self._shown, self.note_edit.text()
        record = self.current_record()
        self._show_selected(record)
        if left is not None and (record is None or record.action.id != left.action.id):
            self._keep_note(left, note)

    def _keep_note(self, record: FollowUpRecord, note: str) -> None:
        """A note typed for a follow-up that was left without applying a status: record
        it with the status the action has (the history gets the note, the status stays)."""
        if self.meeting_id is None or not note.strip() or note.strip() == record.review_note:
            return
        try:
            self.controller.set_action_status(
                action_id=record.action.id,
                status=record.action.status,
                note=note,
                meeting_id=self.meeting_id,
                seen=record.action,
            )
        except ValidationError as exc:
            self.error.show_error(
                self.tr("Note on “{action}” not saved: {problem}").format(
                    action=record.action.title, problem=exc.message
                )
            )
            return
        self.show_status(self.tr("Note kept on “{action}”.").format(action=record.action.title))

    def _show_selected(self, record: FollowUpRecord | None) -> None:
        self.error.clear_error()
        shown, self._shown = self._shown, record
        if record is None:
            self.selected_label.setText("")
            for button in self.status_buttons.values():
                button.setEnabled(False)
            return
        action = record.action
        self.selected_label.setText(f"{action.owner_name}: {action.title}")
        self.say_do_label.setText(self._say_do_text(action.owner_id, action.owner_name))
        for status, button in self.status_buttons.items():
            button.setEnabled(True)
            button.setChecked(status is action.status)
        # A refresh of the same follow-up keeps what is being typed, unless its note changed.
        same = shown is not None and shown.action.id == action.id
        if not same or record.review_note != self._loaded_note:
            self.note_edit.setText(record.review_note)
            self._loaded_note = record.review_note

    # ---- applying -----------------------------------------------------------
    def apply_status(self, status: ActionStatus) -> bool:
        """Record the status (with the note) for the selected action, then move on."""
        record = self.current_record()
        if record is None or self.meeting_id is None:
            return False
        row = self.current_row()
        try:
            saved = self.controller.set_action_status(
                action_id=record.action.id,
                status=status,
                note=self.note_edit.text(),
                meeting_id=self.meeting_id,
                seen=record.action,
            )
        except ValidationError as exc:
            self.error.show_error(exc.message, self.note_edit)
            return False
        if saved.status is not status:  # the other version was kept: stay, with the note
            return False
        # The controller's follow_ups_changed already refreshed the list; advance.
        if self.model.rowCount():
            self.select_row(min(row + 1, self.model.rowCount() - 1))
        self.note_edit.setFocus()
        return True

    def _on_note_edit_return_pressed(self) -> None:
        record = self.current_record()
        if record is None:
            return
        checked = next((s for s, b in self.status_buttons.items() if b.isChecked()), None)
        self.apply_status(checked or record.action.status)
