"""What the Goals & KPIs pages and the KPI review panel share: the area they refresh on,
the goal and measurement writes with their re-reads, and the field builders."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QTableView

from alignmeet.domain.goals import GoalRecord, MeasurementRecord
from alignmeet.domain.rules import MAX_TITLE
from alignmeet.services import Services
from ui.controller import Controller
from ui.record_table import record_table
from ui.undo import Step, step

AREA = "goals"


def update_goal(
    controller: Controller, goal_id: int, seen: object, edits: dict[str, object]
) -> GoalRecord:
    return controller.perform_edit(
        step(Step.CHANGE_GOAL),
        lambda s, shown: s.goals.update_goal(goal_id=goal_id, seen=shown, **edits),
        seen=seen,
        reread=lambda s: s.goals.get_goal(goal_id),
    )


def measurement_now(services: Services, kpi_id: int, period: str) -> MeasurementRecord:
    """A KPI's measurement for `period` as stored now (what "take theirs" shows)."""
    return next(
        x
        for x in services.goals.measurements(kpi_id)
        if period.strip() in (x.period, x.period_label)
    )


def goals_table(name: str, model: object) -> QTableView:
    """A record table whose first column takes the width the others leave."""
    return record_table(
        model,  # type: ignore[arg-type]
        name,
        resize=QHeaderView.ResizeMode.ResizeToContents,
        stretch=0,
    )


def line_edit(placeholder: str, name: str, limit: int = MAX_TITLE) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setMaxLength(limit)
    return edit


def combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    # Long choices ("Continue — keep doing it") must not widen the page past a laptop.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    for text, data in items:
        box.addItem(text, data)
    return box


def fit_height(view: QTableView) -> None:
    """A table exactly as tall as its rows (no empty band under them)."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += (
        sum(view.rowHeight(r) for r in range(rows)) or view.verticalHeader().defaultSectionSize()
    )
    view.setFixedHeight(height)


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.10g}" if not float(value).is_integer() else str(int(value))


def set_combo(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    box.setCurrentIndex(index if index >= 0 else 0)


def fill_members(box: QComboBox, controller: Controller, *, none_label: str) -> None:
    keep = box.currentData()
    box.blockSignals(True)
    box.clear()
    box.addItem(none_label, None)
    for member in controller.services.people.list_members():
        box.addItem(f"{member.name} ({member.team_name})", member.id)
    set_combo(box, keep)
    box.blockSignals(False)
