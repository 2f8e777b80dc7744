"""After a status change that takes the action off the list, the next one is selected —
also at scale (the list read in the background, windows of two rows) and in sorts other
than due date. Found by an attack on the first version, which gave up on a row whose
window was not read yet."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus
from tests.ui.views import test_followups_view as _fv
from ui.controller import Controller
from ui.models import followup_rows_model
from ui.views import followups_view
from ui.views.followups_view import FollowUpsView

history = _fv.history
TODAY = _fv.TODAY
ROWS = (2,)  # an action past the first window of rows (PAGE_ROWS = 2 at scale)


def _titles(qtbot: QtBot, page: FollowUpsView) -> list[str]:
    """Every row's title, once the view has read each row's window (at scale it reads the
    windows it paints: on a loaded machine that can come after the page is loaded)."""
    rows = range(page.model.rowCount())
    qtbot.waitUntil(lambda: all(page.model.line(r) is not None for r in rows), timeout=5000)
    return [page.model.line(r).title for r in rows]  # type: ignore[union-attr]


def _page(qtbot: QtBot, controller: Controller) -> FollowUpsView:
    page = FollowUpsView(controller, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.is_loaded and not page.is_busy, timeout=5000)
    return page


@pytest.mark.parametrize("scale", [False, True], ids=["small", "at scale"])
@pytest.mark.parametrize("column", [None, 1, 2], ids=["due", "column 1", "column 2"])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_done_under_open_selects_the_action_that_took_its_place(
    qtbot: QtBot,
    controller: Controller,
    history: SimpleNamespace,
    monkeypatch: pytest.MonkeyPatch,
    scale: bool,
    column: int | None,
    order: Qt.SortOrder,
) -> None:
    if scale:
        monkeypatch.setattr(followups_view, "BACKGROUND_ABOVE", 0)
        monkeypatch.setattr(followup_rows_model, "PAGE_ROWS", 2)
    page = _page(qtbot, controller)
    if column is not None:
        page.table.sortByColumn(column, order)
        qtbot.waitUntil(lambda: page.is_loaded and not page.is_busy, timeout=5000)
    for row in ROWS:
        titles = _titles(qtbot, page)
        row = min(row, len(titles) - 1)
        target = page.model.line(row)
        assert page.select_action(target.id)
        expected = titles[row + 1] if row + 1 < len(titles) else titles[row - 1]
        qtbot.mouseClick(page.status_buttons[ActionStatus.DONE], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.is_loaded and not page.is_busy, timeout=5000)
        assert page.model.row_of_id(target.id) == -1
        line = page.selected_line()
        assert line is not None, f"nothing selected after Done on row {row} of {titles}"
        assert line.title == expected
        assert page.selected_label.text().endswith(f": {expected}")
