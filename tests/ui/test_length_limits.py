"""Issue 12, finding 8: no length limits. A 5,000-character member name stretched the
window to 1,414 px and pushed buttons off-screen (and undo left the member listed as
inactive); a 5,000-character idea filled the whole list. Now every name, title, idea and
decision stops at a sensible length with a counter, long text is elided with the full
text in a tooltip, no page is ever wider than the screen, and undo removes a new member."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Phase
from alignmeet.domain.rules import MAX_LENGTHS, ValidationError, max_length
from alignmeet.services import Services
from ui.controller import Controller
from ui.limits import counter_of
from ui.main_window import PAGES, MainWindow

HUGE = "Ana-Sofía de la Cruz Montenegro " * 160  # 5,120 characters


@pytest.fixture
def ucontroller(services: Services) -> Controller:
    return Controller(services)


@pytest.fixture
def window(qtbot: QtBot, ucontroller: Controller, meeting_id: int) -> Iterator[MainWindow]:
    main = MainWindow(ucontroller)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    yield main


def paste(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_f8_the_limits_are_one_table_in_the_domain_and_the_services_keep_to_it(
    services: Services, meeting_id: int, team_ids: dict[str, int]
) -> None:
    assert max_length("member.name") == MAX_LENGTHS["member.name"] <= 100
    assert max_length("idea.text") <= 1000
    with pytest.raises(ValidationError) as refused:
        services.people.add_member(
            name="x" * (max_length("member.name") + 1), team_id=team_ids["Sales"]
        )
    assert refused.value.field == "name"
    item = services.agenda.items(meeting_id)[0]
    with pytest.raises(ValidationError) as refused:
        services.agenda.add_idea(item_id=item.id, text="x" * (max_length("idea.text") + 1))
    assert refused.value.field == "idea"
    assert "at most" in refused.value.message


def test_f8_a_pasted_5000_character_name_stops_at_the_limit_and_no_page_gets_wider_than_the_screen(
    qtbot: QtBot, window: MainWindow, ucontroller: Controller, meeting_id: int
) -> None:
    window.show_page("people")
    people = window.people_view
    paste(qtbot, people.name_edit, HUGE)
    limit = max_length("member.name")
    assert len(people.name_edit.text()) == limit
    counter = counter_of(people.name_edit)
    assert counter is not None and counter.isVisible()
    assert counter.text() == f"{limit}/{limit}"
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    long_name = HUGE[:limit].strip()
    added = [m for m in ucontroller.services.people.list_members() if m.name == long_name]
    assert added, "the member was not added"
    ucontroller.set_invitees(
        meeting_id=meeting_id,
        member_ids=[m.id for m in ucontroller.services.people.list_members()],
    )
    ucontroller.select_meeting(meeting_id)
    screen = 1280
    for key, _label in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        assert window.width() <= screen, key
        assert window.minimumSizeHint().width() <= screen, key
    run = window.run_view
    for phase in Phase:
        run.go_to(phase)
        QApplication.processEvents()
        assert window.width() <= screen, phase
        assert window.minimumSizeHint().width() <= screen, phase


def test_f8_names_past_the_limit_from_older_data_never_widen_the_window(
    qtbot: QtBot, window: MainWindow, ucontroller: Controller, meeting_id: int
) -> None:
    """A database written before the limits may hold longer names and titles: shown
    elided or wrapped, never wider than the screen."""
    from sqlalchemy import text

    services = ucontroller.services
    with services.db.transaction() as s:
        s.execute(text("UPDATE member SET name = :n"), {"n": HUGE[:400]})
        s.execute(text("UPDATE meeting SET title = :t"), {"t": HUGE[:400]})
        s.execute(text("UPDATE agenda_item SET title = :t"), {"t": HUGE[:400]})
    ucontroller.members_changed.emit()
    ucontroller.meetings_changed.emit()
    for p in services.meetings.participants(meeting_id):
        ucontroller.set_attendance(
            meeting_id=meeting_id, member_id=p.member_id, attendance="present"
        )
    ucontroller.select_meeting(meeting_id)
    screen = 1280
    for key, _label in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= screen, key
    run = window.run_view
    for phase in Phase:
        run.go_to(phase)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= screen, phase
        assert window.width() <= screen, phase


def test_f8_undo_of_a_new_member_takes_it_away_instead_of_leaving_it_inactive(
    qtbot: QtBot, window: MainWindow, ucontroller: Controller
) -> None:
    window.show_page("people")
    people = window.people_view
    people.name_edit.setFocus()
    qtbot.keyClicks(people.name_edit, "Zoe Okafor")
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert "Zoe Okafor" in [m.name for m in ucontroller.services.people.list_members()]
    window.undo_action.trigger()
    everyone = ucontroller.services.people.list_members(include_inactive=True)
    assert "Zoe Okafor" not in [m.name for m in everyone]
    shown = [people.members_model.record(r).name for r in range(people.members_model.rowCount())]
    assert "Zoe Okafor" not in shown
    window.redo_action.trigger()
    assert "Zoe Okafor" in [m.name for m in ucontroller.services.people.list_members()]


def test_f8_a_5000_character_idea_is_held_to_the_limit_and_elided_in_the_list(
    qtbot: QtBot, window: MainWindow, ucontroller: Controller, meeting_id: int
) -> None:
    ucontroller.select_meeting(meeting_id)
    window.show_page("run")
    run = window.run_view
    run.go_to(Phase.AGENDA)
    agenda = run.agenda_phase
    paste(qtbot, agenda.ideas.line, HUGE)
    limit = max_length("idea.text")
    assert len(agenda.ideas.line.text()) == limit
    assert counter_of(agenda.ideas.line).isVisible()  # type: ignore[union-attr]
    qtbot.keyClick(agenda.ideas.line, Qt.Key.Key_Return)
    view = agenda.ideas.view
    index = view.model().index(0, 0)
    assert view.model().rowCount() == 1
    assert view.visualRect(index).height() <= view.viewport().height() // 2
    assert index.data(Qt.ItemDataRole.DisplayRole).endswith("…")
    assert HUGE[:limit].strip() in index.data(Qt.ItemDataRole.ToolTipRole).replace("&#x27;", "'")


UNSPACED = "WebinarPipelineReview" * 10  # a pasted URL, a hashtag, a file name: no spaces


def test_a21_titles_without_spaces_never_widen_the_window_past_the_screen(
    qtbot: QtBot, window: MainWindow, ucontroller: Controller, meeting_id: int
) -> None:
    """A meeting title, topic, place, agenda item and member name without a single space
    (within the limits): word wrapping has nowhere to break them, and one label 1,925 px
    wide stretched the window to 2,175 px on the Meetings page and 3,079 px in the
    meeting's Open phase, its buttons off the screen. They wrap anywhere instead."""
    services = ucontroller.services
    sales = next(t.id for t in services.people.list_teams() if t.name == "Sales")
    member = services.people.add_member(name=UNSPACED[: max_length("member.name")], team_id=sales)
    services.meetings.update_meeting(
        meeting_id=meeting_id,
        title=UNSPACED[: max_length("meeting.title")],
        topic=UNSPACED,
        place=UNSPACED[:120],
        facilitator_id=member.id,
    )
    services.agenda.add_item(meeting_id=meeting_id, title=UNSPACED[:200], owner_id=member.id)
    ucontroller.meetings_changed.emit()
    ucontroller.select_meeting(meeting_id)
    screen = 1280
    for key, _label in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= screen, key
        assert window.width() <= screen, key
    run = window.run_view
    for phase in Phase:
        run.go_to(phase)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= screen, phase
        assert window.width() <= screen, phase
