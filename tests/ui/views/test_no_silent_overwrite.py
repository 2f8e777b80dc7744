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
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus, Attendance
from alignmeet.services import Services, open_services
from alignmeet.services.base import ConflictError
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.models.followup_rows_model import COL_STATUS
from ui.views.conflict_dialog import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from ui.views.followups_view import FollowUpsView


@pytest.fixture
def other(tmp_path: Path, services: Services) -> Iterator[Services]:
    """Facilitator B: their own services (their own engine) on the same file."""
    theirs = open_services(str(tmp_path / "ui-test.sqlite3"))
    yield theirs
    theirs.close()


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> MainWindow:
    main = MainWindow(Controller(services))
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
        assert page.note_edit.text() == "Sent on Friday"  # what was typed is not lost
    else:  # mine, written on top of theirs: both changes are in the history
        assert history == [
            (ActionStatus.OPEN, ActionStatus.BLOCKED),
            (ActionStatus.BLOCKED, ActionStatus.DONE),
        ]
        assert other.actions.history(action_id)[-1].note == "Sent on Friday"
        assert page.note_edit.text() == ""


def _take_theirs_when_shown(qtbot: QtBot, shots: list[str], path: Path) -> None:
    """Answer the real conflict dialog once it is up: grab it, then "Take theirs"."""

    def answer() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ConflictDialog) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(20, answer)
            return
        [dialog] = shown
        shots.append(dialog.theirs_text.toPlainText())
        shots.append(dialog.mine_text.toPlainText())
        dialog.grab().save(str(path))
        dialog.take_theirs_button.click()

    QTimer.singleShot(0, answer)


def test_all_present_over_anothers_change_names_the_row_and_writes_none(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    other: Services,
    people: dict[str, int],
    meeting_id: int,
    tmp_path: Path,
) -> None:
    """A change of many rows at once: one dialog names the row changed meanwhile; taking
    theirs writes none of the rows (one click, one change), and the page shows theirs."""
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    page = window.run_view.open_phase
    assert page.isVisible()
    ben = people["Ben Okafor"]
    other.meetings.set_attendance(
        meeting_id=meeting_id, member_id=ben, attendance=Attendance.APOLOGIES
    )
    shots: list[str] = []
    _take_theirs_when_shown(qtbot, shots, tmp_path / "conflict_all_present.png")
    qtbot.mouseClick(page.all_present_button, Qt.MouseButton.LeftButton)
    assert shots == [
        "Attendance and commitment of Ben Okafor\nAttendance:\nApologies",
        "Attendance and commitment of Ben Okafor\nAttendance:\nPresent",
    ]
    stored = {p.name: p.attendance for p in other.meetings.participants(meeting_id)}
    assert stored == {
        "Ava Chen": Attendance.INVITED,
        "Ben Okafor": Attendance.APOLOGIES,
        "Leo Novak": Attendance.INVITED,
        "Maya Rossi": Attendance.INVITED,
    }
    assert page.count_label.text() == "0 present · 1 apologies · 3 not marked"
    # The page now shows theirs: "All present" again marks the others, and asks nothing.
    qtbot.mouseClick(page.all_present_button, Qt.MouseButton.LeftButton)
    assert page.count_label.text() == "3 present · 1 apologies · 0 not marked"


def test_undoing_a_status_over_anothers_later_change_asks_first(
    qtbot: QtBot, window: MainWindow, other: Services, action_id: int
) -> None:
    """Undo carries the action as this facilitator's change left it: someone else's
    status set since is a conflict, not something the undo overwrites."""
    page = _followups_page(qtbot, window, action_id)
    qtbot.mouseClick(page.status_buttons[ActionStatus.DONE], Qt.MouseButton.LeftButton)
    done = other.actions.get_action(action_id)  # B sees it done, then blocks it
    other.actions.set_status(
        action_id=action_id, status=ActionStatus.BLOCKED, note="Legal", seen=done
    )

    window.controller.conflict_resolver, asked = _answering(TAKE_THEIRS)
    window.undo_action.trigger()
    assert [(c.mine, c.theirs) for c in asked] == [({"status": "open"}, {"status": "blocked"})]
    assert other.actions.get_action(action_id).status is ActionStatus.BLOCKED
    assert _status_shown(page, action_id) == "Blocked"


def test_a_member_form_saves_what_was_changed_and_keeps_anothers_other_field(
    qtbot: QtBot, window: MainWindow, other: Services, people: dict[str, int]
) -> None:
    window.show_page("people")
    view = window.people_view
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    view.table.selectRow(names.index("Ava Chen"))
    ava = people["Ava Chen"]
    other.people.update_member(member_id=ava, email="ava@example.org")  # another field
    window.controller.conflict_resolver, asked = _answering(TAKE_THEIRS)

    view.role_edit.setText("Team lead")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = other.people.get_member(ava)
    assert (stored.role, stored.email, asked) == ("Team lead", "ava@example.org", [])

    other.people.update_member(  # the same field, on top of what B now sees
        member_id=ava, role="Head of Sales", seen=other.people.get_member(ava)
    )
    view.role_edit.setText("Senior AE")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert [(c.mine, c.theirs) for c in asked] == [
        ({"role": "Senior AE"}, {"role": "Head of Sales"})
    ]
    assert other.people.get_member(ava).role == "Head of Sales"


def test_a_persona_form_merges_another_field_and_taking_theirs_shows_theirs(
    qtbot: QtBot, services: Services, other: Services
) -> None:
    """A toolkit form: it sends what was changed in it, on top of the persona as loaded;
    after "Take theirs" the form shows their persona and does not say "Saved"."""
    from ui.controller import Controller
    from ui.views.toolkit.personas_view import PersonasView

    controller = Controller(services)
    larry = other.personas.add_persona(name="Larry", role="CFO")
    view = PersonasView(controller)
    qtbot.addWidget(view)
    view.show()
    view._select(larry.id)
    assert view.role_edit.text() == "CFO"
    other.personas.update_persona(persona_id=larry.id, pains="Budget cuts", seen=larry)

    controller.conflict_resolver, asked = _answering(TAKE_THEIRS)
    view.role_edit.setText("Chief Financial Officer")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = other.personas.get_persona(larry.id)
    assert (stored.role, stored.pains, asked) == ("Chief Financial Officer", "Budget cuts", [])
    assert view.form_note.text() == "Saved Larry."

    other.personas.update_persona(persona_id=larry.id, role="Finance lead", seen=stored)
    view.role_edit.setText("CFO, mid-size")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert [(c.mine, c.theirs) for c in asked] == [
        ({"role": "CFO, mid-size"}, {"role": "Finance lead"})
    ]
    assert other.personas.get_persona(larry.id).role == "Finance lead"
    assert view.role_edit.text() == "Finance lead"
    assert view.form_note.text() == ""
