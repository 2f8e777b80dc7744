"""5 Commitments: each present member says "I commit" to their plan, with a confidence 1–5."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Attendance, Phase
from alignmeet.domain.records import ParticipantRecord
from alignmeet.domain.rules import ValidationError
from ui.controller import Controller
from ui.limits import limit_line
from ui.models.commitments_model import COL_NAME, CommitmentsModel
from ui.record_table import set_current_row
from ui.views.phases import PhasePage, card, fit_columns, format_date, set_font, table_view
from ui.widgets import FieldError, plain_label, run_on_return

ALL_COMMITTED = QT_TRANSLATE_NOOP("CommitmentsPhase", "Everyone present has committed ✔")


def not_committed_text(missing: list[ParticipantRecord], present: int) -> str:
    if not present:
        return QCoreApplication.translate(
            "CommitmentsPhase", "Nobody is marked present yet: take attendance in phase 1 (Open)."
        )
    if not missing:
        return QCoreApplication.translate("CommitmentsPhase", ALL_COMMITTED)
    return QCoreApplication.translate("CommitmentsPhase", "Not committed yet: {names}").format(
        names=", ".join(p.name for p in missing)
    )


class CommitmentsPhase(PhasePage):
    phase = Phase.COMMITMENTS

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._selected: int | None = None
        # (meeting, member, confidence, note) last put into the form
        self._form_loaded: tuple[int, int, int | None, str] | None = None

        self.missing_label = plain_label(object_name="NotCommitted")
        self.missing_label.setWordWrap(True)
        set_font(self.missing_label, 1.35, bold=True)

        self.model = CommitmentsModel(self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Commitments"))
        fit_columns(self.table, stretch_column=COL_NAME)
        set_font(self.table, 1.1)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

        panel = self._build_commit_panel()

        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addSpacing(12)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.missing_label)
        layout.addLayout(body, 1)

        controller.participants_changed.connect(self._on_controller_changed)
        controller.actions_changed.connect(self._on_controller_changed)

    def _build_commit_panel(self) -> QFrame:
        panel, panel_layout = card(self)
        panel.setMinimumWidth(320)
        panel.setMaximumWidth(420)
        self.member_label = plain_label(object_name="CommitMember", wrap=True)
        set_font(self.member_label, 1.6, bold=True)
        self.plan_label = plain_label(object_name="CommitPlan", wrap=True)
        self.confidence_combo = QComboBox()
        self.confidence_combo.setAccessibleName(self.tr("Confidence"))
        self.confidence_combo.addItem("—", None)
        for level in range(1, 6):
            self.confidence_combo.addItem(str(level), level)
        self.confidence_combo.setToolTip(
            self.tr(
                "How sure are you to deliver? 1 = not very, 5 = certain. "
                "Keys 1 to 5 set it, Return commits."
            )
        )
        run_on_return(self.confidence_combo, self.commit_selected)
        # Confidence by number keys, wherever the focus is on this page but the note.
        self.confidence_shortcuts = []
        for level in range(1, 6):
            shortcut = QShortcut(QKeySequence(str(level)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda lv=level: self.set_confidence(lv))
            self.confidence_shortcuts.append(shortcut)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Optional, e.g. “if legal signs off by Friday”"))
        self.note_edit.setAccessibleName(self.tr("Commitment note"))
        limit_line(self.note_edit, "commitment.note")
        self.note_edit.returnPressed.connect(self.commit_selected)
        self.commit_button = QPushButton(self.tr("I commit"))
        self.commit_button.setObjectName("CommitButton")
        self.commit_button.setMinimumHeight(56)
        set_font(self.commit_button, 1.6, bold=True)
        self.commit_button.clicked.connect(self.commit_selected)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Take this member's commitment back"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.state_label = plain_label(object_name="CommitState", wrap=True)
        self.error = FieldError(self)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("Confidence (keys 1–5)"), self.confidence_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        withdraw_row = QHBoxLayout()
        withdraw_row.addWidget(self.state_label, 1)
        withdraw_row.addWidget(self.withdraw_button)
        panel_layout.addWidget(self.member_label)
        panel_layout.addWidget(self.plan_label)
        panel_layout.addSpacing(6)
        panel_layout.addLayout(form)
        panel_layout.addWidget(self.commit_button)
        panel_layout.addLayout(withdraw_row)
        panel_layout.addWidget(self.error)
        panel_layout.addStretch(1)
        return panel

    # ---- refresh ------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self._selected = None
        super().set_meeting(meeting_id)

    def refresh(self) -> None:
        mid = self.meeting_id
        participants = self.controller.services.meetings.participants(mid) if mid else []
        present = [p for p in participants if p.attendance is Attendance.PRESENT]
        actions = self.controller.services.actions.actions_for_meeting(mid) if mid else []
        self.model.set_rows_and_counts(present, Counter(a.owner_id for a in actions))
        self.missing_label.setText(not_committed_text(self.model.not_committed(), len(present)))
        ids = [p.member_id for p in present]
        if self._selected not in ids:
            missing = self.model.not_committed()
            self._selected = missing[0].member_id if missing else (ids[0] if ids else None)
        self._select(self._selected)

    def _on_controller_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self.refresh_or_defer()

    # ---- selection ----------------------------------------------------------
    def first_field(self) -> QWidget:
        return self.confidence_combo

    def selected_member(self) -> ParticipantRecord | None:
        row = self.model.row_of(lambda p: p.member_id == self._selected)
        return self.model.record(row) if row >= 0 else None

    def select_member(self, member_id: int) -> None:
        self._selected = member_id
        self._select(member_id)

    def _select(self, member_id: int | None) -> None:
        row = self.model.row_of(lambda p: p.member_id == member_id)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            set_current_row(selection, self.model.index(row, COL_NAME))
        else:
            selection.clearSelection()
        selection.blockSignals(False)
        self.table.viewport().update()
        self._show_member(self.selected_member())

    def _on_table_current_row_changed(self, current: object, _previous: object) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.select_member(self.model.record(row).member_id)

    def _show_member(self, member: ParticipantRecord | None) -> None:
        self.error.clear_error()
        enabled = member is not None
        for widget in (self.confidence_combo, self.note_edit, self.commit_button):
            widget.setEnabled(enabled)
        if member is None:
            self._form_loaded = None
            self.member_label.setText("")
            self.plan_label.setText("")
            self.state_label.setText("")
            self.withdraw_button.setEnabled(False)
            return
        count = self.model.action_count(member.member_id)
        self.member_label.setText(member.name)
        if count == 1:
            plan = self.tr("1 action in the plan")
        elif count:
            plan = self.tr("{count} actions in the plan").format(count=count)
        else:
            plan = self.tr("No actions yet — add them in phase 4 (Action plans).")
        self.plan_label.setText(plan)
        # Another speaker gets their own stored values; a refresh while the same member
        # stays selected keeps what is being typed, unless their stored values changed.
        loaded = (member.meeting_id, member.member_id, member.confidence, member.commitment_note)
        if loaded != self._form_loaded:
            self.confidence_combo.setCurrentIndex(
                max(self.confidence_combo.findData(member.confidence), 0)
            )
            self.note_edit.setText(member.commitment_note)
            self._form_loaded = loaded
        if member.committed_at is not None:
            time = format_date(member.committed_at, "HH:mm")
            if member.confidence:
                state = self.tr("Committed at {time}, confidence {confidence}/5 ✔").format(
                    time=time, confidence=member.confidence
                )
            else:
                state = self.tr("Committed at {time} ✔").format(time=time)
            self.state_label.setText(state)
            self.commit_button.setText(self.tr("Commit again"))
        else:
            self.state_label.setText(self.tr("Not committed yet"))
            self.commit_button.setText(self.tr("I commit"))
        self.withdraw_button.setEnabled(member.committed)

    def set_confidence(self, level: int | None) -> None:
        if self.confidence_combo.isEnabled():
            self.confidence_combo.setCurrentIndex(max(self.confidence_combo.findData(level), 0))
            self.confidence_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- writes -------------------------------------------------------------
    def commit_selected(self) -> None:
        member = self.selected_member()
        if member is None or self.meeting_id is None:
            return
        try:
            self.controller.commit(
                meeting_id=self.meeting_id,
                member_id=member.member_id,
                confidence=self.confidence_combo.currentData(),
                note=self.note_edit.text(),
                seen=member,
            )
        except ValidationError as exc:
            fields = {"confidence": self.confidence_combo, "note": self.note_edit}
            self.error.show_error(exc.message, fields.get(exc.field))
            return
        if self.controller.kept_theirs:  # the other version was kept: nothing of mine saved
            return
        self.show_status(self.tr("{name} committed to their plan.").format(name=member.name))
        # Straight on to the next member who has not committed.
        missing = self.model.not_committed()
        if missing:
            self.select_member(missing[0].member_id)
        self.confidence_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def withdraw_selected(self) -> None:
        member = self.selected_member()
        if member is None or self.meeting_id is None:
            return
        self.controller.withdraw_commitment(
            meeting_id=self.meeting_id, member_id=member.member_id, seen=member
        )
