"""Issue 11, finding 3: no silent overwrite from the Follow-ups page.

Two facilitators on one database file: B (another client, its own engine) sets an action
to Blocked while C's Follow-ups page still shows it Open; C then sets it to Done in the
page. C's write carries what C's page showed (the row and its version), so C is asked —
the conflict dialog (here a stand-in resolver) — instead of overwriting B's status.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus
from alignmeet.services import Services, open_services
from alignmeet.services.base import ConflictError
from ui.main_window import MainWindow
from ui.models.followup_rows_model import COL_STATUS
from ui.undo import UndoableController
from ui.views.conflict_dialog import KEEP_MINE, TAKE_THEIRS
from ui.views.followups_view import FollowUpsView


@pytest.fixture
def other(tmp_path: Path, services: Services) -> Iterator[Services]:
    """Facilitator B: their own services (their own engine) on the same file."""
    theirs = open_services(str(tmp_path / "ui-test.sqlite3"))
    yield theirs
    theirs.close()


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    main = MainWindow(UndoableController(services))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    return main


@pytest.fixture
def action_id(other: Services, people: dict[str, int], meeting_id: int) -> int:
    """Agreed in B's meeting: C's app knows it only from its Follow-ups page."""
    return other.actions.add_action(
        meeting_id=meeting_id,
        owner_id=people["Ava Chen"],
        title="Send the webinar leads to Sales",
        due=date(2030, 3, 19),
        today=date(2030, 3, 5),
    ).id


def _answering(choice: str) -> tuple[Callable[..., None], list[ConflictError]]:
    asked: list[ConflictError] = []

    def resolver(conflict: ConflictError, apply: Callable[[str], None]) -> None:
        asked.append(conflict)
        apply(choice)

    return resolver, asked


def _followups_page(qtbot: QtBot, window: MainWindow, action_id: int) -> FollowUpsView:
    window.show_page("followups")
    page = window.followups_view
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    page.status_combo.setCurrentIndex(1)  # all statuses: the row stays whatever it becomes
    assert page.select_action(action_id)
    return page


def _status_shown(page: FollowUpsView, action_id: int) -> str:
    row = page.model.row_of_id(action_id)
    return str(page.model.index(row, COL_STATUS).data())


@pytest.mark.parametrize(
    ("choice", "kept"), [(TAKE_THEIRS, ActionStatus.BLOCKED), (KEEP_MINE, ActionStatus.DONE)]
)
def test_followups_page_a_status_set_over_anothers_change_asks_instead_of_overwriting(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    other: Services,
    action_id: int,
    choice: str,
    kept: ActionStatus,
) -> None:
    page = _followups_page(qtbot, window, action_id)
    assert _status_shown(page, action_id) == "Open"
    other.actions.set_status(action_id=action_id, status=ActionStatus.BLOCKED, note="Legal")

    window.controller.conflict_resolver, asked = _answering(choice)
    qtbot.keyClicks(page.note_edit, "Sent on Friday")
    qtbot.mouseClick(page.status_buttons[ActionStatus.DONE], Qt.MouseButton.LeftButton)

    assert [(c.mine, c.theirs) for c in asked] == [({"status": "done"}, {"status": "blocked"})]
    assert other.actions.get_action(action_id).status is kept
    assert _status_shown(page, action_id) == kept.label
    history = [(u.old_status, u.new_status) for u in other.actions.history(action_id)][1:]
    if kept is ActionStatus.BLOCKED:  # theirs: nothing of mine was written
        assert history == [(ActionStatus.OPEN, ActionStatus.BLOCKED)]
    else:  # mine, written on top of theirs: both changes are in the history
        assert history == [
            (ActionStatus.OPEN, ActionStatus.BLOCKED),
            (ActionStatus.BLOCKED, ActionStatus.DONE),
        ]
