"""The meeting's rating at Close (EOS: rate every meeting 1–10, aim for 8+).

Keyboard first: select a member (arrows) and press 1–9, or 0 for 10. Below 8 the field
"What would make it a 10?" takes the answer (Enter saves it and moves on); at 8 or more
the next member is selected. Delete removes the selected rating. "Anonymous" switches to
ratings kept without names: the list then shows only the anonymous ratings and a row for
the next one, so nobody's score is shown beside their name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from alignmeet.domain.accountability import RATING_TARGET, needs_answer, summarise
from alignmeet.domain.enums import Attendance
from alignmeet.domain.rules import ValidationError
from ui.colors import shade
from ui.controller import Controller
from ui.models.ratings_model import COL_ANSWER, COL_MEMBER, RatingRow, RatingsModel
from ui.record_table import set_current_row
from ui.views.phases import (
    caption_label,
    card,
    fit_columns,
    section_label,
    table_view,
    ui_locale,
)
from ui.when_shown import WhenShown
from ui.widgets import FieldError, plain_label

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): (n or 10) for n in range(10)}


def _identity(row: RatingRow) -> tuple[str, int | None]:
    """Whom a row is on: a member, an anonymous rating, or the next anonymous one."""
    if row.member_id is not None:
        return ("member", row.member_id)
    if row.rating is not None:
        return ("rating", row.rating.id)
    return ("next", None)


class RatingPanel(QWidget):
    """A card: the present members and their rating, the answer field, the average."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RatingPanel")
        self.controller = controller
        self.meeting_id: int | None = None
        self._present = 0

        frame, layout = card(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        heading = QHBoxLayout()
        heading.addWidget(section_label(self.tr("Rate the meeting")), 1)
        self.anonymous_box = QCheckBox(self.tr("&Anonymous"))
        self.anonymous_box.setToolTip(
            self.tr("Keep the ratings without names: only the average and the answers show")
        )
        self.anonymous_box.toggled.connect(self._on_anonymous_box_toggled)
        heading.addWidget(self.anonymous_box)
        layout.addLayout(heading)
        self.hint = caption_label(
            self.tr("Select a member and press 1–9, or 0 for 10. Aim for {target} or more.").format(
                target=RATING_TARGET
            ),
            wrap=True,
        )
        layout.addWidget(self.hint)

        self.model = RatingsModel(self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Meeting ratings"))
        self.table.setMinimumHeight(100)
        fit_columns(self.table, stretch_column=COL_ANSWER)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        layout.addWidget(self.table, 1)

        self.answer_label = plain_label()
        self.answer_label.setWordWrap(True)
        self.answer_edit = QLineEdit()
        self.answer_edit.setAccessibleName(self.tr("What would make it a 10?"))
        self.answer_edit.setPlaceholderText(self.tr("What would make it a 10? — Enter saves"))
        self.answer_edit.setMaxLength(2000)
        self.answer_edit.returnPressed.connect(self._on_answer_edit_return_pressed)
        self.remove_button = QPushButton(self.tr("Remove rating"))
        self.remove_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addWidget(self.answer_label)
        layout.addWidget(self.answer_edit)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.summary_label = plain_label(object_name="RatingSummary", wrap=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

        self._refresh_when_shown = WhenShown(self, self.refresh)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        self._show_answer(None)

    # ---- loading -------------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.meeting_id = meeting_id
            self.table.selectionModel().clearCurrentIndex()  # another meeting's rows
            self.anonymous_box.blockSignals(True)
            self.anonymous_box.setChecked(False)
            self.anonymous_box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        # The selection follows whom it is on, not the row number: another window, undo or
        # a phone may add or take away rows above it, and the next key must not rate
        # someone else (nor a typed answer land on another's rating).
        was = self.current()
        had_selection = self.table.currentIndex().isValid()
        if self.meeting_id is None:
            self.model.set_rows([])
            self.summary_label.clear()
            return
        services = self.controller.services
        ratings = services.accountability.ratings(self.meeting_id)
        present = [
            p
            for p in services.meetings.participants(self.meeting_id)
            if p.attendance is Attendance.PRESENT
        ]
        self._present = len(present)
        named = {r.member_id: r for r in ratings if not r.anonymous}
        anonymous = [RatingRow(None, "", r) for r in ratings if r.anonymous]
        if self.anonymous_box.isChecked():
            rows = anonymous
            if len(ratings) < len(present):
                rows = [*rows, RatingRow(None, "", None)]  # the next anonymous rating
        else:
            rows = [RatingRow(p.member_id, p.name, named.get(p.member_id)) for p in present]
            rows += anonymous
        self.model.set_rows(rows)
        keys = [_identity(r) for r in rows]
        if was is not None and _identity(was) in keys:
            self.select_row(keys.index(_identity(was)))
        elif rows and not had_selection:
            self.select_row(0)
        else:  # whom it was on is gone: nothing selected, so no key rates someone else
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self._show_answer(None)
        self._update_summary(ratings)

    def _update_summary(self, ratings: list) -> None:  # type: ignore[type-arg]
        summary = summarise(ratings, self._present)
        if not self._present:
            text = self.tr("Mark who is present (phase 1) to rate the meeting.")
            colour = shade("muted")
        elif summary.average is None:
            text = self.tr("Not rated yet — {present} present.").format(present=self._present)
            colour = shade("muted")
        else:
            text = self.tr(
                "Average {average} from {count} of {present} present · aim {target}+"
            ).format(
                average=ui_locale().toString(summary.average, "f", 1),
                count=summary.count,
                present=self._present,
                target=RATING_TARGET,
            )
            colour = shade("warn" if summary.below_target else "good")
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    # ---- selection -----------------------------------------------------------------
    def select_row(self, row: int) -> None:
        index = self.model.index(row, COL_MEMBER)
        set_current_row(self.table.selectionModel(), index)

    def current(self) -> RatingRow | None:
        row = self.table.currentIndex().row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def _on_current_row_changed(self, *_args: object) -> None:
        self._show_answer(self.current())

    def _show_answer(self, row: RatingRow | None) -> None:
        asks = row is not None and row.score is not None and needs_answer(row.score)
        self.answer_label.setVisible(asks)
        self.answer_edit.setVisible(asks)
        self.remove_button.setEnabled(row is not None and row.rating is not None)
        if asks and row is not None:
            who = row.name or self.tr("this anonymous rating")
            self.answer_label.setText(
                self.tr("{score} for {who}: what would make it a 10?").format(
                    score=row.score, who=who
                )
            )
            if not self.answer_edit.hasFocus():
                self.answer_edit.setText(row.answer)

    # ---- writing -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            ):
                key = Qt.Key(event.key())
                if key in _DIGITS:
                    self.rate_selected(_DIGITS[key])
                    return True
                if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                    self.remove_selected()
                    return True
        return super().eventFilter(watched, event)

    def rate_selected(self, score: int, answer: str | None = None) -> bool:
        """Rate the selected row (a member, an anonymous rating or the next anonymous one)."""
        row = self.current()
        if row is None or self.meeting_id is None:
            return False
        number = self.table.currentIndex().row()
        fields: dict[str, object] = {"meeting_id": self.meeting_id, "score": score}
        if row.rating is not None and row.rating.anonymous:
            fields["rating_id"] = row.rating.id
        elif row.member_id is not None:
            fields["member_id"] = row.member_id
        keep = row.answer if answer is None else answer
        fields["answer"] = keep
        try:
            self.controller.rate_meeting(**fields)
        except ValidationError as exc:
            self.error.show_error(exc.message, self.table)
            return False
        self.error.clear_error()
        # refresh() ran on toolkit_changed; move on unless an answer is wanted here.
        if number < self.model.rowCount():
            self.select_row(number)
        if needs_answer(score):
            self.answer_edit.setFocus()
            self.answer_edit.selectAll()
        elif number + 1 < self.model.rowCount():
            self.select_row(number + 1)
        return True

    def _on_answer_edit_return_pressed(self) -> None:
        row = self.current()
        if row is None or row.score is None:
            return
        number = self.table.currentIndex().row()
        if self.rate_selected(row.score, self.answer_edit.text()):
            self.table.setFocus()
            if number + 1 < self.model.rowCount():
                self.select_row(number + 1)

    def remove_selected(self) -> None:
        row = self.current()
        if row is None or row.rating is None:
            return
        self.controller.remove_rating(rating_id=row.rating.id)

    def _on_anonymous_box_toggled(self, _checked: bool) -> None:
        self.table.selectionModel().clearCurrentIndex()  # other rows: start at the first
        self.refresh()
        self.table.setFocus()

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == "accountability":
            self.refresh()

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self._refresh_when_shown()  # Room Link's phones write while Agenda runs
