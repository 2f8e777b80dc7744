"""The room served for real on loopback: it binds only where it is told, streams the
meeting's state to the phones when anyone writes (the facilitator's window included),
and stops — code, sessions and server — when the room or the meeting closes."""

from __future__ import annotations

import json
import socket
import time

import httpx
import pytest

from alignmeet.domain.enums import Phase
from alignmeet.room import Room, RoomError, candidate_addresses
from alignmeet.room.app import COOKIE


@pytest.fixture
def served(services, meeting):
    room = Room(services, meeting.id, host="127.0.0.1", port=0)
    room.start()
    yield room
    room.close()


def _join(room: Room, member_id: int) -> httpx.Client:
    client = httpx.Client(base_url=room.base_url, timeout=5, follow_redirects=True)
    page = client.get("/join", params={"c": room.access.code})
    ticket = page.text.split('name="ticket" value="')[1].split('"')[0]
    reply = client.post(
        "/join", data={"code": room.access.code, "ticket": ticket, "member": str(member_id)}
    )
    assert reply.status_code == 200  # followed to the waiting page
    room.access.approve(room.access.devices()[-1].id)
    return client


def _events(client: httpx.Client, wanted: int, timeout: float = 5.0) -> list[tuple[str, dict]]:
    found: list[tuple[str, dict]] = []
    deadline = time.monotonic() + timeout
    with client.stream("GET", "/events", timeout=timeout) as stream:
        event = ""
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                found.append((event, json.loads(line.split(":", 1)[1])))
                if len(found) >= wanted or time.monotonic() > deadline:
                    break
    return found


def test_every_interface_is_never_chosen_silently(services, meeting):
    assert "0.0.0.0" not in candidate_addresses()
    assert candidate_addresses()[-1] == "127.0.0.1"
    with pytest.raises(RoomError):
        Room(services, meeting.id, host="0.0.0.0")


def test_a_port_in_use_says_so(services, meeting):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        room = Room(services, meeting.id, host="127.0.0.1", port=taken.getsockname()[1])
        with pytest.raises(RoomError, match=r"Cannot serve on 127\.0\.0\.1"):
            room.start()


def test_the_phones_hear_the_facilitators_writes_within_a_second(served, services, people):
    client = _join(served, people.ana.id)
    try:
        first = _events(client, 1)
        assert first[0][0] == "state" and first[0][1]["phase"] == "open"
        started = time.monotonic()
        services.meetings.set_phase(meeting_id=served.meeting_id, phase=Phase.AGENDA)  # the window
        events = _events(client, 1)
        while events[0][1]["phase"] != "agenda" and time.monotonic() - started < 3:
            events = _events(client, 1)
        assert events[0][1]["phase"] == "agenda"
        assert time.monotonic() - started < 1.5
    finally:
        client.close()


def test_closing_the_room_stops_the_server_and_every_session(served, people):
    client = _join(served, people.ana.id)
    assert client.get("/").status_code == 200
    cookie = client.cookies.get(COOKIE)
    url = served.base_url
    served.close()
    assert not served.serving
    with pytest.raises(httpx.TransportError):
        httpx.get(url, timeout=2, cookies={COOKIE: cookie})
    assert served.access.device_for(cookie) is None
    client.close()


def test_closing_the_meeting_closes_the_room(served, services, people):
    closed = []
    served.on_closed = lambda: closed.append(True)
    code = served.access.code
    services.meetings.close_meeting(meeting_id=served.meeting_id)
    deadline = time.monotonic() + 5
    while not closed and time.monotonic() < deadline:
        time.sleep(0.05)
    assert served.stopping and served.closed_by_meeting and closed == [True]
    assert served.access.code != code
