"""Issue 12: the live meeting never surprises the facilitator, and the room sees what it
discusses. One test per finding of the run-through (Xvfb, a facilitator new to the app),
each driving the real main window at a laptop's 1280×800."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.demo import build_demo
from alignmeet.domain.enums import ItemKind, MeetingStatus, Phase
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.presenter import AudienceWindow, PresenterMode


def audience_text(window: AudienceWindow) -> str:
    return "\n".join(
        label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)
    )


def click_row(qtbot: QtBot, view, row: int, column: int = 1) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def top_left(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def fully_visible(widget: QWidget) -> bool:
    """Shown, not cut by a scroll area or the window's edge."""
    if not widget.isVisible():
        return False
    seen = widget.visibleRegion().boundingRect()
    return seen.height() >= widget.height() - 2 and seen.width() >= widget.width() - 2


@pytest.fixture
def demo(services: Services) -> int:
    """The sample data; the id of the meeting still to run (KPI review, lead feedback,
    glossary, discussions, wins & lessons, a persona item)."""
    return build_demo(services, today=date.today()).upcoming_meeting_id


@pytest.fixture
def ucontroller(services: Services) -> Controller:
    return Controller(services)


@pytest.fixture
def window(qtbot: QtBot, ucontroller: Controller, demo: int) -> Iterator[MainWindow]:
    main = MainWindow(ucontroller)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    ucontroller.select_meeting(demo)
    main.show_page("run")
    yield main
    if main._presenter is not None:
        main._presenter.stop()


def agenda_of(window: MainWindow):  # type: ignore[no-untyped-def]
    run = window.run_view
    run.go_to(Phase.AGENDA)
    return run.agenda_phase


def item_of_kind(agenda, kind: ItemKind):  # type: ignore[no-untyped-def]
    return next(i for i in agenda.items() if i.kind is kind)


# ---- 1: Space is never the timer; the timer moves only when told -------------------------
def test_f1_typing_with_the_focus_outside_a_text_box_never_moves_the_timer(
    qtbot: QtBot, window: MainWindow
) -> None:
    agenda = agenda_of(window)
    clock = window.run_view.meeting_clock
    # The click meant for the notes landed in the ideas list; the note is typed there.
    click_row(qtbot, agenda.ideas.view, 0, 0)
    assert QApplication.focusWidget() is agenda.ideas.view
    qtbot.keyClicks(agenda.ideas.view, "we need one owner for the report")
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_Space)
    assert clock.running_item is None
    assert agenda.notice.isHidden()


def test_f1_the_timer_has_its_own_shortcut_a_visible_state_and_an_undoable_notice(
    qtbot: QtBot, window: MainWindow
) -> None:
    agenda = agenda_of(window)
    clock = window.run_view.meeting_clock
    item = agenda.current_item()
    assert item is not None
    used_before = clock.item_elapsed(item.id)
    agenda.notes_edit.setFocus()
    qtbot.keyClick(agenda.notes_edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert clock.running_item == item.id
    assert agenda.notes_edit.toPlainText().endswith("T") is False
    assert agenda.timer_state_label.text() == "Running"
    assert agenda.notice.isVisible()
    assert f"“{item.title}” started" in agenda.notice.text()
    qtbot.mouseClick(agenda.notice.undo_button, Qt.MouseButton.LeftButton)
    assert clock.running_item is None
    assert clock.item_elapsed(item.id) == used_before
    assert agenda.timer_state_label.text() in ("Paused", "Not started")
    qtbot.keyClick(agenda.notes_edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(agenda.notes_edit, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert clock.running_item is None
    assert f"“{item.title}” paused" in agenda.notice.text()


def test_f1_notes_ideas_and_decisions_stay_in_place_for_every_item_kind(
    window: MainWindow,
) -> None:
    agenda = agenda_of(window)
    places: dict[ItemKind, tuple[QPoint, ...]] = {}
    for item in agenda.items():
        agenda.select_item(item.id)
        QApplication.processEvents()
        places[item.kind] = tuple(
            top_left(w) for w in (agenda.notes_edit, agenda.ideas.line, agenda.decisions.line)
        )
        for widget in (agenda.notes_edit, agenda.ideas.line, agenda.decisions.line):
            assert fully_visible(widget), (item.kind, widget.accessibleName())
    assert len(set(places.values())) == 1, places


# ---- 2: another item: the clock follows the item being discussed ---------------------------
def test_f2_clicking_another_item_moves_the_running_timer_there_and_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    agenda = agenda_of(window)
    clock = window.run_view.meeting_clock
    items = agenda.items()
    qtbot.mouseClick(agenda.start_button, Qt.MouseButton.LeftButton)
    assert clock.running_item == items[0].id
    click_row(qtbot, agenda.table, 3)
    assert agenda.current_item() == items[3]
    assert clock.running_item == items[3].id
    assert f"moved to “{items[3].title}”" in agenda.notice.text()
    qtbot.mouseClick(agenda.notice.undo_button, Qt.MouseButton.LeftButton)
    assert clock.running_item == items[0].id


# ---- 3: "Start the meeting" starts it ------------------------------------------------------
def test_f3_start_the_meeting_starts_the_clock_and_the_running_state(
    qtbot: QtBot, window: MainWindow, services: Services, demo: int
) -> None:
    assert services.meetings.get_meeting(demo).status is MeetingStatus.PLANNED
    window.show_page("prepare")
    prepare = window.prepare_view
    qtbot.mouseClick(prepare.start_button, Qt.MouseButton.LeftButton)
    meeting = services.meetings.get_meeting(demo)
    assert meeting.status is MeetingStatus.RUNNING
    assert meeting.started_at is not None
    assert window.current_page() == "run"
    run = window.run_view
    assert run.phase is Phase.OPEN
    assert run.meeting_clock.meeting_running
    assert "Running" in window.header.text()


# ---- 4: B blanks the room's screen whatever has the focus, and the laptop shows it ---------
def test_f4_b_blanks_the_room_whatever_has_focus_and_the_laptop_shows_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    agenda = agenda_of(window)
    window.toggle_presenter()
    presenter = window.presenter
    audience = presenter.window
    assert audience is not None
    for focus in (agenda.table, agenda.ideas.view, agenda.start_button):
        focus.setFocus()
        qtbot.keyClick(focus, Qt.Key.Key_B)
        assert audience.blanked, focus
        assert window.room_label.isVisible()
        assert "blanked" in window.room_label.text()
        qtbot.keyClick(focus, Qt.Key.Key_B)
        assert not audience.blanked
        assert "blanked" not in window.room_label.text()
    # In a text box B is a letter; Ctrl+B blanks from anywhere.
    agenda.notes_edit.setFocus()
    qtbot.keyClick(agenda.notes_edit, Qt.Key.Key_B)
    assert not audience.blanked
    qtbot.keyClick(agenda.notes_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert audience.blanked


# ---- 5: the room sees the item -----------------------------------------------------------
def _present(window: MainWindow, qtbot: QtBot) -> AudienceWindow:
    window.toggle_presenter()
    mode: PresenterMode = window.presenter
    assert mode.window is not None
    qtbot.wait(20)
    mode.refresh()
    return mode.window


def test_f5_the_room_sees_the_kpi_dashboard_on_a_kpi_review_item(
    qtbot: QtBot, window: MainWindow, services: Services, demo: int
) -> None:
    agenda = agenda_of(window)
    agenda.select_item(item_of_kind(agenda, ItemKind.KPI_REVIEW).id)
    audience = _present(window, qtbot)
    text = audience_text(audience)
    dashboard = services.goals.meeting_dashboard(demo)
    for row in dashboard.rows:
        assert row.kpi.name in text
    assert audience.chart_views(), "no KPI chart on the room's screen"


def test_f5_the_room_sees_every_toolkit_item(
    qtbot: QtBot, window: MainWindow, ucontroller: Controller, services: Services, demo: int
) -> None:
    agenda = agenda_of(window)
    audience = _present(window, qtbot)
    mode = window.presenter

    def shown_for(kind: ItemKind) -> str:
        agenda.select_item(item_of_kind(agenda, kind).id)
        qtbot.wait(10)
        mode.refresh()
        return audience_text(audience)

    text = shown_for(ItemKind.LEAD_FEEDBACK)
    assert "Not a fit" in text or "not a fit" in text.lower()
    text = shown_for(ItemKind.GLOSSARY)
    proposal = services.glossary.open_proposals(meeting_id=demo)[0]
    assert proposal.term in text and proposal.definition in text
    assert "Current" in text and "Proposed" in text
    ucontroller.perform(
        "add entry",
        lambda s: s.board.add_entry(
            kind="win", title="Webinar leads called within a day", meeting_id=demo
        ),
    )
    text = shown_for(ItemKind.WINS_LESSONS)
    assert "Webinar leads called within a day" in text
    assert "Wins" in text and "Lessons" in text
    persona_item = next(i for i in agenda.items() if i.persona_id is not None)
    agenda.select_item(persona_item.id)
    qtbot.wait(10)
    mode.refresh()
    persona = services.personas.get_persona(persona_item.persona_id)
    assert persona.name in audience_text(audience)
    data_item = ucontroller.add_item(
        meeting_id=demo, title="Our data Top 10", kind=ItemKind.DATA_NEEDS
    )
    text = shown_for(ItemKind.DATA_NEEDS)
    assert data_item.title in text
    joint = services.data_needs.joint_top10()
    assert joint, "the sample data agreed a joint Top 10"
    for need in joint:
        assert need.title in text


def test_f5_during_the_rounds_the_room_sees_who_is_still_to_come(
    qtbot: QtBot, window: MainWindow, ucontroller: Controller, services: Services, demo: int
) -> None:
    from alignmeet.domain.enums import Attendance

    people = services.meetings.participants(demo)
    for p in people:
        ucontroller.set_attendance(
            meeting_id=demo, member_id=p.member_id, attendance=Attendance.PRESENT
        )
    window.run_view.go_to(Phase.ACTIONS)
    audience = _present(window, qtbot)
    ucontroller.add_action(meeting_id=demo, owner_id=people[0].member_id, title="Call back fast")
    qtbot.wait(10)
    window.presenter.refresh()
    text = audience_text(audience)
    assert "Call back fast" in text
    assert "Still to come" in text and people[1].name in text


# ---- 7: at 1280×800 the toolkit panel has room -------------------------------------------
def test_f7_at_1280x800_the_kpis_and_the_wins_of_this_meeting_are_in_view(
    window: MainWindow, services: Services, demo: int
) -> None:
    agenda = agenda_of(window)
    agenda.select_item(item_of_kind(agenda, ItemKind.KPI_REVIEW).id)
    QApplication.processEvents()
    panel = agenda.toolkit_panel()
    assert panel is not None
    table = panel.table
    rows = table.model().rowCount()
    assert rows >= 4
    last = table.visualRect(table.model().index(rows - 1, 0))
    assert fully_visible(table) and last.bottom() <= table.viewport().height()
    agenda.select_item(item_of_kind(agenda, ItemKind.WINS_LESSONS).id)
    QApplication.processEvents()
    board = agenda.toolkit_panel()
    assert board is not None
    assert fully_visible(board.table)
    assert window.width() <= 1280 and window.height() <= 800


def test_f5_the_rooms_text_scales_with_its_screen_from_a_projector_to_4k(
    qtbot: QtBot, window: MainWindow
) -> None:
    agenda = agenda_of(window)
    agenda.select_item(item_of_kind(agenda, ItemKind.KPI_REVIEW).id)
    audience = _present(window, qtbot)
    sizes = {}
    for width, height in ((1280, 720), (1920, 1080), (3840, 2160)):
        audience.resize(width, height)
        QApplication.processEvents()
        window.presenter.refresh()
        QApplication.processEvents()
        sizes[width] = audience.title.font().pointSizeF()
        assert audience.width() == width and audience.height() == height  # never grows
        for label in audience.findChildren(QLabel):
            if label.isVisibleTo(audience) and label.text():
                right = label.mapTo(audience, QPoint(label.width(), 0)).x()
                assert right <= width, label.text()
    assert sizes[1280] < sizes[1920] < sizes[3840]
    assert sizes[3840] == pytest.approx(2 * sizes[1920], rel=0.05)
    assert sizes[1280] == pytest.approx(sizes[1920] * 1280 / 1920, rel=0.05)
