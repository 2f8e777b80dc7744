"""Room Link from the facilitator's side: the real main window opens the room, a phone
(an HTTP client on loopback) joins with the code, the facilitator lets it in from the
panel, and what the phone writes shows in the meeting's views within a second — and
Edit › Undo takes it back."""

from __future__ import annotations

import importlib.util
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Attendance, Phase
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.room_panel import RoomPanel, room_qr_pixmap

SHOWN_WITHIN_MS = 1000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def window(qtbot: QtBot, services: Services, meeting_id: int, people) -> Iterator[MainWindow]:
    controller = Controller(services)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    for name in ("Ava Chen", "Ben Okafor", "Maya Rossi"):
        services.meetings.set_attendance(
            meeting_id=meeting_id, member_id=people[name], attendance=Attendance.PRESENT
        )
    controller.select_meeting(meeting_id)
    window.show_page("run")
    yield window
    if window.room_link is not None:
        window.room_link.close()


def open_room(window: MainWindow) -> RoomPanel:
    window.room_link_action.trigger()
    panel = window.room_link.panel
    assert panel is not None and panel.isVisible()
    loopback = panel.address_combo.findData("127.0.0.1")
    assert loopback >= 0
    panel.address_combo.setCurrentIndex(loopback)
    panel.port_spin.setValue(free_port())
    panel.open_button.click()
    assert panel.pages.currentWidget() is panel.open_page, panel.setup_error.text()
    return panel


def phone_joins(room, member_id: int) -> httpx.Client:
    client = httpx.Client(base_url=room.base_url, timeout=5, follow_redirects=True)
    names = client.get(room.join_url)  # what the QR code holds
    ticket = re.search(r'name="ticket" value="([^"]+)"', names.text).group(1)
    waiting = client.post(
        "/join", data={"code": room.access.code, "ticket": ticket, "member": str(member_id)}
    )
    assert "Waiting for the facilitator" in waiting.text
    return client


def csrf(client: httpx.Client) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def test_the_panel_shows_address_code_and_qr_and_binds_where_chosen(qtbot, window):
    panel = open_room(window)
    room = window.room_link.bridge.room
    assert panel.address_label.text() == f"http://127.0.0.1:{room.port}"
    assert panel.code_label.text() == room.access.code
    assert not panel.qr_label.pixmap().isNull()
    assert "this computer only, not from phones" in panel.bind_label.text()
    indicator = window.room_link.indicator
    assert indicator.isVisible() and indicator.text() == "Room Link: 0 in, 0 waiting"
    assert not room_qr_pixmap(room.join_url, 200).isNull()
    old = room.access.code
    panel.rotate_button.click()
    assert panel.code_label.text() == room.access.code != old
    panel.close_button.click()
    assert window.room_link.bridge.room is None
    assert panel.pages.currentWidget() is panel.setup_page
    assert not window.room_link.indicator.isVisible()


def test_a_port_in_use_is_said_at_the_field(qtbot, window):
    window.room_link_action.trigger()
    panel = window.room_link.panel
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        panel.address_combo.setCurrentIndex(panel.address_combo.findData("127.0.0.1"))
        panel.port_spin.setValue(taken.getsockname()[1])
        panel.open_button.click()
    assert panel.pages.currentWidget() is panel.setup_page
    assert "Cannot serve on 127.0.0.1" in panel.setup_error.text()


def test_a_phone_is_let_in_and_its_entries_show_at_once_and_undo(
    qtbot, window, services, meeting_id, people
):
    for member_id in people.values():  # before attendance is taken, all invited can join
        window.controller.set_attendance(
            meeting_id=meeting_id, member_id=member_id, attendance=Attendance.INVITED
        )
    panel = open_room(window)
    room = window.room_link.bridge.room
    phone = phone_joins(room, people["Leo Novak"])
    qtbot.waitUntil(lambda: panel.devices_model.rowCount() == 1, timeout=SHOWN_WITHIN_MS)
    assert panel.devices_model.record(0).member == "Leo Novak"
    assert panel.devices_model.data(panel.devices_model.index(0, 2)) == "Waiting for you"
    assert phone.get("/part").status_code == 403
    panel.devices_view.selectRow(0)
    panel.approve_button.click()
    assert room.access.devices()[0].approved
    run = window.run_view
    # Let in means here: Leo is marked present, on the window too.
    open_page = run.open_phase
    qtbot.waitUntil(
        lambda: any(
            p.name == "Leo Novak" and p.attendance is Attendance.PRESENT
            for p in open_page.model.rows()
        ),
        timeout=SHOWN_WITHIN_MS,
    )

    # An idea on the item on the facilitator's screen.
    run.go_to(Phase.AGENDA)
    agenda = run.agenda_phase
    item = agenda.current_item()
    token = csrf(phone)
    assert f'name="item" value="{item.id}"' in phone.get("/").text
    sent = phone.post(
        "/idea", data={"csrf": token, "item": str(item.id), "text": "Ask the webinar guests"}
    )
    assert sent.status_code == 200
    qtbot.waitUntil(
        lambda: any(
            "Ask the webinar guests"
            in (agenda.ideas_model.data(agenda.ideas_model.index(r, 0)) or "")
            for r in range(agenda.ideas_model.rowCount())
        ),
        timeout=SHOWN_WITHIN_MS,
    )
    assert window.undo_action.text() == "&Undo idea from Leo Novak"
    window.undo_action.trigger()
    assert services.agenda.ideas(item.id) == []
    assert agenda.ideas_model.rowCount() == 0

    # An action, then a commitment.
    run.go_to(Phase.ACTIONS)
    phone.post(
        "/action",
        data={"csrf": token, "title": "Send the replay to every guest", "due": "", "tag": ""},
    )
    actions = run.actions_phase
    qtbot.waitUntil(
        lambda: "1 of 1 present members have a plan" in actions.progress_label.text(),
        timeout=SHOWN_WITHIN_MS,
    )
    actions.select_member(people["Leo Novak"])
    assert [a.title for a in actions.actions_model.rows()] == ["Send the replay to every guest"]

    run.go_to(Phase.COMMITMENTS)
    phone.post("/commit", data={"csrf": token, "confidence": "4", "note": "", "version": "-"})
    commitments = run.commitments_phase
    qtbot.waitUntil(
        lambda: any(p.name == "Leo Novak" and p.confidence == 4 for p in commitments.model.rows()),
        timeout=SHOWN_WITHIN_MS,
    )
    phone.close()


def rating_rows(panel) -> list[tuple[str, str, str]]:
    """What the Close phase's rating panel shows: (member, rating, answer) per row."""
    model = panel.model
    return [
        tuple(model.data(model.index(r, c)) or "" for c in range(3))
        for r in range(model.rowCount())
    ]


def test_a_phones_rating_shows_in_the_close_phase_at_once_named_or_anonymous(
    qtbot, window, services, meeting_id, people
):
    panel = open_room(window)
    room = window.room_link.bridge.room
    run = window.run_view
    run.go_to(Phase.CLOSE)
    maya = phone_joins(room, people["Maya Rossi"])
    ben = phone_joins(room, people["Ben Okafor"])
    qtbot.waitUntil(lambda: panel.devices_model.rowCount() == 2, timeout=SHOWN_WITHIN_MS)
    panel.approve_all_button.click()
    ratings = run.close_phase.rating_panel

    page = maya.get("/").text
    assert "Rate this meeting" in page
    asked = maya.post("/rating", data={"csrf": csrf(maya), "version": "-", "score": "6"})
    assert "What would make it a 10?" in asked.text
    maya.post(
        "/rating",
        data={"csrf": csrf(maya), "version": "-", "score": "6", "answer": "Decide, then discuss"},
    )
    qtbot.waitUntil(
        lambda: ("Maya Rossi", "6", "Decide, then discuss") in rating_rows(ratings),
        timeout=SHOWN_WITHIN_MS,
    )
    assert window.undo_action.text() == "&Undo rating from Maya Rossi"
    assert "Average 6.0 from 1 of 3 present" in ratings.summary_label.text()

    ben.post(
        "/rating",
        data={"csrf": csrf(ben), "version": "-", "score": "9", "anonymous": "1", "answer": ""},
    )
    qtbot.waitUntil(lambda: ("Anonymous", "9", "") in rating_rows(ratings), timeout=SHOWN_WITHIN_MS)
    rows = rating_rows(ratings)
    assert ("Ben Okafor", "—", "") in rows  # his row stays empty: the 9 is nobody's
    assert window.undo_action.text() == "&Undo anonymous rating"
    assert "Average 7.5 from 2 of 3 present" in ratings.summary_label.text()
    window.undo_action.trigger()  # the facilitator can take it back like any entry
    assert [r for r in rating_rows(ratings) if r[0] == "Anonymous"] == []
    maya.close()
    ben.close()


def test_removing_a_device_and_closing_the_window_end_its_session(
    qtbot, qtmodeltester, window, people
):
    panel = open_room(window)
    room = window.room_link.bridge.room
    phone = phone_joins(room, people["Ava Chen"])
    qtbot.waitUntil(lambda: panel.devices_model.rowCount() == 1, timeout=SHOWN_WITHIN_MS)
    qtmodeltester.check(panel.devices_model)
    panel.approve_all_button.click()
    assert phone.get("/part").status_code == 200
    panel.devices_view.selectRow(0)
    panel.remove_button.click()
    assert phone.get("/part").status_code == 403
    assert panel.devices_model.rowCount() == 0
    url = room.base_url
    window.close()
    with pytest.raises(httpx.TransportError):
        httpx.get(url, timeout=2)
    phone.close()


def test_closing_the_meeting_closes_the_room(qtbot, window, meeting_id):
    open_room(window)
    window.controller.close_meeting(meeting_id=meeting_id)
    qtbot.waitUntil(lambda: window.room_link.bridge.room is None, timeout=3000)
    assert "meeting was closed" in window.statusBar().currentMessage()


def test_the_phones_follow_the_item_and_timer_on_the_facilitators_screen(qtbot, window):
    open_room(window)
    room = window.room_link.bridge.room
    run = window.run_view
    run.go_to(Phase.AGENDA)
    agenda = run.agenda_phase
    second = agenda.items()[1]
    agenda.select_item(second.id, start=True)
    stage = room.live.stage
    assert (stage.item_id, stage.running, stage.box_seconds) == (
        second.id,
        True,
        second.box_minutes * 60,
    )
    state = room.live.state()
    assert state["item_title"] == second.title and state["running"] is True
    agenda.pause_timer()
    assert room.live.stage.running is False
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # nothing else to do: the window stays


# ---- a real browser ---------------------------------------------------------------------
HARNESS = Path(__file__).resolve().parents[1] / "harness" / "phone_browser.py"


def _phone_browser_module():
    spec = importlib.util.spec_from_file_location("phone_browser", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


phone_browser = _phone_browser_module()


@pytest.mark.slow
@pytest.mark.skipif(bool(phone_browser.missing()), reason=phone_browser.missing() or "-")
def test_a_phone_in_chromium_joins_writes_an_action_commits_and_rates_the_meeting(
    qtbot, window, services, meeting_id, people, tmp_path
):
    """Chromium at 360×740: type the short address and the code, pick a name, wait to be
    let in, write an action, commit with confidence 4, rate the meeting 6 and say what
    would make it a 10 — the window shows all three."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def tap(css: str) -> None:
        """Click what `css` finds (again, if the page was replaced under the finger)."""

        def done(d) -> bool:
            d.find_element(By.CSS_SELECTOR, css).click()
            return True

        wait.until(done)

    panel = open_room(window)
    room = window.room_link.bridge.room
    run = window.run_view
    run.go_to(Phase.ACTIONS)
    driver = phone_browser.phone_browser(tmp_path / "profile")
    try:
        wait = WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException,))
        driver.get(room.base_url)  # the short address, typed
        assert driver.execute_script("return window.innerWidth") == 360
        driver.find_element(By.ID, "code").send_keys(panel.code_label.text().lower())
        tap("button[type=submit]")
        tap(f"button.name[value='{people['Maya Rossi']}']")
        wait.until(lambda d: "Waiting for the facilitator" in d.page_source)
        qtbot.waitUntil(lambda: panel.devices_model.rowCount() == 1, timeout=SHOWN_WITHIN_MS)
        panel.approve_all_button.click()
        wait.until(lambda d: d.find_elements(By.ID, "title"))  # the page moved on by itself
        assert driver.find_element(By.ID, "phase").text == "4 · Action plans"

        driver.find_element(By.ID, "title").send_keys("Rewrite the follow-up e-mail with Sales")
        tap("#mine button.primary")
        wait.until(lambda d: "Rewrite the follow-up e-mail" in d.find_element(By.ID, "live").text)
        actions = run.actions_phase
        qtbot.waitUntil(
            lambda: "1 of 3 present members have a plan" in actions.progress_label.text(),
            timeout=SHOWN_WITHIN_MS,
        )
        actions.select_member(people["Maya Rossi"])
        assert [a.title for a in actions.actions_model.rows()] == [
            "Rewrite the follow-up e-mail with Sales"
        ]

        run.go_to(Phase.COMMITMENTS)  # the phone follows the facilitator
        tap("button.level[value='4']")
        wait.until(lambda d: "You have committed" in d.page_source)
        commitments = run.commitments_phase
        qtbot.waitUntil(
            lambda: any(
                p.name == "Maya Rossi" and p.committed and p.confidence == 4
                for p in commitments.model.rows()
            ),
            timeout=SHOWN_WITHIN_MS,
        )
        run.go_to(Phase.CLOSE)  # the phone follows to the rating
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "button.level[value='10']"))
        assert "0 of 3 present have rated the meeting" in driver.find_element(By.ID, "live").text
        tap("button.level[value='6']")
        wait.until(lambda d: d.find_elements(By.ID, "answer"))  # below 8: the question
        driver.find_element(By.ID, "answer").send_keys("Decide before we discuss")
        tap("#rate button.primary")
        wait.until(lambda d: "You rated it 6 of 10" in d.page_source)
        ratings = run.close_phase.rating_panel
        qtbot.waitUntil(
            lambda: any(
                r.name == "Maya Rossi" and r.score == 6 and r.answer == "Decide before we discuss"
                for r in ratings.model.rows()
            ),
            timeout=SHOWN_WITHIN_MS,
        )
        logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        assert not [e for e in logs if not re.search(r"/favicon\.ico", e["message"])], logs
    finally:
        driver.quit()


def test_an_action_written_while_the_window_shows_another_phase_is_there_when_you_get_there(
    qtbot, window, services, meeting_id, people
):
    panel = open_room(window)
    room = window.room_link.bridge.room
    run = window.run_view
    run.go_to(Phase.AGENDA)
    phone = phone_joins(room, people["Ben Okafor"])
    qtbot.waitUntil(lambda: panel.devices_model.rowCount() == 1, timeout=SHOWN_WITHIN_MS)
    panel.approve_all_button.click()
    phone.post(
        "/action",
        data={"csrf": csrf(phone), "title": "Tag every rejected lead", "due": "", "tag": ""},
    )
    qtbot.waitUntil(
        lambda: window.undo_action.text() == "&Undo action of Ben Okafor", timeout=SHOWN_WITHIN_MS
    )
    window.room_link.bridge.flush()
    run.go_to(Phase.ACTIONS)
    actions = run.actions_phase
    assert "1 of 3 present members have a plan" in actions.progress_label.text()
    actions.select_member(people["Ben Okafor"])
    assert [a.title for a in actions.actions_model.rows()] == ["Tag every rejected lead"]
    phone.close()


def test_a_phones_entry_is_announced_once_with_the_change_feed_running(
    qtbot, window, services, meeting_id, people
):
    """The room is another client of the database, and the window also follows the change
    feed (other facilitators' changes): a participant's entry is heard in-process, with its
    rows (an undo step), and is not announced a second time from the feed (issue 13)."""
    live = window.controller.start_live_changes(100)
    heard: list = []
    window.controller.changes_announced.connect(
        lambda changes: heard.append(changes) if changes.touches("idea") else None
    )
    try:
        panel = open_room(window)
        room = window.room_link.bridge.room
        phone = phone_joins(room, people["Maya Rossi"])
        qtbot.waitUntil(lambda: panel.devices_model.rowCount() == 1, timeout=SHOWN_WITHIN_MS)
        panel.devices_view.selectRow(0)
        panel.approve_button.click()
        run = window.run_view
        run.go_to(Phase.AGENDA)
        item = run.agenda_phase.current_item()
        steps = window.controller.undo_stack.count()
        phone.post("/idea", data={"csrf": csrf(phone), "item": str(item.id), "text": "Replay"})
        qtbot.waitUntil(lambda: len(heard) == 1, timeout=SHOWN_WITHIN_MS)
        polls = live.polls
        qtbot.waitUntil(lambda: live.polls >= polls + 3)  # the feed has looked since
        QApplication.processEvents()
        assert len(heard) == 1
        assert window.controller.undo_stack.count() == steps + 1
    finally:
        window.controller.stop_live_changes()
