"""The meeting script's Room Link variant: the participants write their own ideas,
actions, commitments and ratings from their phones — HTTP clients against the real
server the main window opened — and the facilitator only runs the meeting.

    phones = Phones()                                     # one per member, counted apart
    entries = RoomLinkEntries(window, steps, phones, scenario)
    run_meeting(window, steps, scenario, entries)

The facilitator's steps (opening the room, letting everyone in with one click, showing
the room how to join) go through `steps` like the rest of the script; what the
participants do goes through `phones.steps` (a scan, a tap on a name, a typed text, a tap
on a button: one step each), never the facilitator's count. Each entry is waited for on
the facilitator's screen before the script goes on, as a facilitator would see it arrive.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from steps import StepCounter

from alignmeet.domain.enums import Attendance

if TYPE_CHECKING:
    from meeting_script import Scenario

SHOWN_WITHIN_MS = 1000  # the product's promise: a phone's entry on the screen within 1 s


@dataclass
class Phones:
    """The participants' phones: one HTTP client each, and the steps they take."""

    clients: dict[str, httpx.Client] = field(default_factory=dict)
    steps: Counter[str] = field(default_factory=Counter)  # member → steps on their phone

    @property
    def count(self) -> int:
        return sum(self.steps.values())

    def report(self) -> str:
        return f"{self.count} steps on {len(self.clients)} phones"

    def join(self, name: str, member_id: int, join_url: str, base_url: str) -> None:
        # Each phone its own address, as in a room (the door limits tries per address):
        # 127.0.0.11, .12, … all reach a server on loopback.
        address = f"127.0.0.{11 + len(self.clients)}"
        client = httpx.Client(
            base_url=base_url,
            timeout=10,
            follow_redirects=True,
            transport=httpx.HTTPTransport(local_address=address),
        )
        names = client.get(join_url)  # the QR code on the room's screen, scanned
        ticket = re.search(r'name="ticket" value="([^"]+)"', names.text)
        code = re.search(r'name="code" value="([^"]+)"', names.text)
        assert ticket and code, names.text
        waiting = client.post(
            "/join", data={"code": code.group(1), "ticket": ticket.group(1), "member": member_id}
        )
        assert "Waiting for the facilitator" in waiting.text, waiting.text
        self.clients[name] = client
        self.steps[name] += 2  # scan, tap the name

    def page(self, name: str) -> str:
        reply = self.clients[name].get("/")
        assert reply.status_code == 200, reply.text
        return reply.text

    def send(self, name: str, path: str, fields: dict[str, Any], *, taps: int) -> str:
        """Send a form of the phone's page (its CSRF token and version as shown)."""
        page = self.page(name)
        form = {"csrf": _field(page, "csrf"), **fields}
        version = re.search(r'name="version" value="([^"]*)"', page)
        if version and "version" not in form:
            form["version"] = version.group(1)
        reply = self.clients[name].post(path, data=form)
        assert reply.status_code == 200 and 'class="error' not in reply.text, reply.text
        self.steps[name] += taps
        return page

    def close(self) -> None:
        for client in self.clients.values():
            client.close()


def _field(page: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', page)
    assert found, f"no {name} on the page"
    return found.group(1)


class RoomLinkEntries:
    """Participants write from their phones; the facilitator writes the decisions."""

    def __init__(self, window, steps: StepCounter, phones: Phones, scenario: Scenario) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.steps = steps
        self.phones = phones
        self.scenario = scenario
        self.qtbot = steps.qtbot

    @property
    def run(self):  # type: ignore[no-untyped-def]
        return self.window.run_view

    @property
    def room(self):  # type: ignore[no-untyped-def]
        return self.window.room_link.bridge.room

    # ---- the facilitator opens the room; the people join --------------------------------
    def take_attendance(self) -> None:
        """Open the room, show the room how to join, let every phone in at once (which
        marks its member present)."""
        window, steps = self.window, self.steps
        steps.key(Qt.Key.Key_F5, what="F5: presenter mode (the room sees the QR code)")
        window.room_link_action.trigger()  # View › Room Link… (the menu, then the item)
        steps._count("click", "View")
        steps._count("click", "Room Link…")
        panel = window.room_link.panel
        steps.click(panel.open_button, "Open the room")
        assert self.room is not None, panel.setup_error.text()
        join = window.presenter.window.join_card  # on the room's screen, at once
        self.qtbot.waitUntil(
            lambda: join.isVisible() and join.join is not None,
            timeout=SHOWN_WITHIN_MS,
        )
        assert join.join.url == self.room.join_url
        services = window.controller.services
        meeting_id = self.room.meeting_id
        for p in services.meetings.participants(meeting_id):
            self.phones.join(p.name, p.member_id, join.join.url, self.room.base_url)
        count = len(self.phones.clients)
        self.qtbot.waitUntil(
            lambda: panel.devices_summary.text() == f"0 in, {count} waiting",
            timeout=SHOWN_WITHIN_MS,
        )
        steps.click(panel.approve_all_button, "Let everyone in")
        steps.key(Qt.Key.Key_Escape, what="Esc: the panel goes, the meeting is there")
        assert not panel.isVisible()
        # The window system gives the keyboard back to the main window (offscreen: by hand).
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        open_page = self.run.open_phase
        self.qtbot.waitUntil(
            lambda: all(p.attendance is Attendance.PRESENT for p in open_page.model.rows()),
            timeout=SHOWN_WITHIN_MS * 3,
        )

    # ---- the content, from the phones -----------------------------------------------------
    def idea(self, text: str, author: str) -> None:
        agenda = self.run.agenda_phase
        item = agenda.current_item()
        page = self.phones.page(author)
        assert _field(page, "item") == str(item.id)  # the phone follows the screen
        self.phones.send(author, "/idea", {"item": str(item.id), "text": text}, taps=2)
        self.qtbot.waitUntil(
            lambda: any(
                idea.text == text and idea.author_name == author
                for idea in agenda.ideas_model.rows()
            ),
            timeout=SHOWN_WITHIN_MS,
        )

    def decision(self, text: str) -> None:
        line = self.run.agenda_phase.decisions.line
        if StepCounter.focused() is not line:
            self.steps.click(line, "the decision field")
        self.steps.type(text, "a decision")
        self.steps.key(Qt.Key.Key_Return, what="Return adds the decision")

    def action(self, member: str, text: str, *, last: bool) -> None:
        self.phones.send(member, "/action", {"title": text, "due": "", "tag": ""}, taps=2)
        plans = self.run.actions_phase.members_model
        member_id = next(p.member_id for p in plans.rows() if p.name == member)
        self.qtbot.waitUntil(lambda: plans.has_plan(member_id), timeout=SHOWN_WITHIN_MS)

    def commitment(self, member: str, confidence: int, *, last: bool) -> None:
        self.phones.send(member, "/commit", {"confidence": str(confidence), "note": ""}, taps=1)
        page = self.run.commitments_phase
        self.qtbot.waitUntil(
            lambda: any(p.name == member and p.confidence == confidence for p in page.model.rows()),
            timeout=SHOWN_WITHIN_MS,
        )

    def rating_round(self) -> None:
        panel = self.run.close_phase.rating_panel
        for n, name in enumerate(self.phones.clients):
            score, answer = self.scenario.rating(n)
            fields = {"score": str(score), "answer": answer}
            # A tap on the score; below 8 the question, typed, and a tap to send.
            self.phones.send(name, "/rating", fields, taps=1 if not answer else 3)
            self.qtbot.waitUntil(
                lambda name=name, score=score: any(
                    r.name == name and r.score == score for r in panel.model.rows()
                ),
                timeout=SHOWN_WITHIN_MS,
            )
