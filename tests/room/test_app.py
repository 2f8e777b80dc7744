"""Room Link's web application, request by request, with an ASGI test client: what a
participant can do from a phone, and every refusal (no code, an expired or replayed code,
an unapproved device, another member's action, another meeting, oversized and malformed
requests, a missing CSRF token, a foreign Host or Origin). Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from alignmeet.domain.enums import ActionStatus, Attendance, Phase
from alignmeet.domain.rules import clean_line
from alignmeet.domain.text_gate import gate_text
from alignmeet.room import access as access_module
from alignmeet.room.app import COOKIE, MAX_BODY

HOST = "testserver"
TODAY = datetime(2026, 3, 2).date()


def to_phase(services, room, phase: Phase) -> None:
    services.meetings.set_phase(meeting_id=room.meeting_id, phase=phase)
    room.live.bump()


def _count_ideas(services, item_id: int) -> int:
    return len(services.agenda.ideas(item_id))


def _first_item(services, meeting_id: int):
    return services.agenda.items(meeting_id, include_parked=False)[0]


# ---- joining ------------------------------------------------------------------------
def test_the_short_address_asks_for_the_code(phone):
    page = phone().get("/")
    assert page.status_code == 200
    assert 'name="c"' in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert page.headers["cache-control"] == "no-store"


def test_the_code_leads_to_the_names_present_and_a_name_to_a_waiting_device(phone, room, people):
    p = phone()
    names = p.get("/join", params={"c": room.access.code.lower()})  # any case
    assert names.status_code == 200
    for present in ("Ana López", "Ben Okoro", "Chloé Martin"):
        assert present in names.text
    assert "Dev Patel" not in names.text  # not marked present
    p.join(people.ana.id, approve=False)
    cookie = next(h for h in p.client.cookies.jar if h.name == COOKIE)
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite").lower() == "strict"
    assert "Waiting for the facilitator" in p.page()
    device = room.access.devices()[0]
    assert (device.member_id, device.state.value) == (people.ana.id, "pending")


def test_before_anyone_is_marked_present_everyone_invited_can_join(phone, room, services, people):
    for member in vars(people).values():
        services.meetings.set_attendance(
            meeting_id=room.meeting_id, member_id=member.id, attendance=Attendance.INVITED
        )
    services.meetings.set_attendance(
        meeting_id=room.meeting_id, member_id=people.dev.id, attendance=Attendance.APOLOGIES
    )
    names = phone().get("/join", params={"c": room.access.code}).text
    assert "Ana López" in names and "Dev Patel" not in names


def test_no_code_is_refused(phone):
    reply = phone().get("/join")
    assert reply.status_code == 403
    assert "Type the code" in reply.text


def test_a_wrong_code_is_refused(phone, room):
    wrong = "AAAAAA" if room.access.code != "AAAAAA" else "CCCCCC"
    reply = phone().get("/join", params={"c": wrong})
    assert reply.status_code == 403
    assert 'name="ticket"' not in reply.text


def test_a_rotated_code_no_longer_works_and_its_tickets_neither(phone, room, people):
    p = phone()
    old = room.access.code
    ticket = p.ticket(old)
    room.access.rotate()
    assert p.get("/join", params={"c": old}).status_code == 403
    reply = p.post("/join", {"code": old, "ticket": ticket, "member": str(people.ana.id)})
    assert reply.status_code == 403
    reply = p.post(
        "/join", {"code": room.access.code, "ticket": ticket, "member": str(people.ana.id)}
    )
    assert reply.status_code == 403  # a ticket of the old code
    assert room.access.devices() == []


def test_a_replayed_join_is_refused(phone, room, people):
    p = phone()
    form = {"code": room.access.code, "ticket": p.ticket(), "member": str(people.ana.id)}
    assert p.post("/join", form).status_code == 303
    again = phone().post("/join", form)
    assert again.status_code == 403
    assert "already used" in again.text
    assert len(room.access.devices()) == 1


def test_an_expired_join_page_is_refused(phone, room, people, clock):
    p = phone()
    ticket = p.ticket()
    clock.now += access_module.TICKET_SECONDS + 1
    reply = p.post(
        "/join", {"code": room.access.code, "ticket": ticket, "member": str(people.ana.id)}
    )
    assert reply.status_code == 403
    assert room.access.devices() == []


def test_joining_as_someone_not_present_is_refused(phone, room, people, services, meeting):
    other = services.people.add_member(name="Stranger", team_id=people.ana.team_id)
    p = phone()
    for member_id in (people.dev.id, other.id, 999999):
        reply = p.post(
            "/join", {"code": room.access.code, "ticket": p.ticket(), "member": str(member_id)}
        )
        assert reply.status_code == 403
    assert room.access.devices() == []


def test_guessing_codes_is_slowed_down(phone, room):
    p = phone()
    statuses = [
        p.get("/join", params={"c": "WRONG1"}).status_code
        for _ in range(access_module.JOIN_ATTEMPTS_PER_MINUTE + 1)
    ]
    assert statuses[-1] == 429
    assert p.get("/join", params={"c": room.access.code}).status_code == 429


def test_a_closed_room_refuses_everything(phone, room, people):
    p = phone().join(people.ana.id)
    code = room.access.code
    room.access.close()
    assert p.get("/").status_code == 410
    assert p.get("/join", params={"c": code}).status_code == 410
    assert p.get("/part").status_code == 403


# ---- devices ------------------------------------------------------------------------
def test_an_unapproved_device_sees_nothing_and_writes_nothing(phone, room, services, people):
    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id, approve=False)
    item = _first_item(services, room.meeting_id)
    assert p.get("/part").status_code == 403
    reply = p.post("/idea", {"csrf": p.csrf, "item": str(item.id), "text": "Early bird"})
    assert reply.status_code == 403
    assert _count_ideas(services, item.id) == 0
    assert "Sales &amp; Marketing sync" in p.page()  # the wait page names the meeting only
    assert "Shared revenue goal" not in p.page()


def test_a_removed_device_is_out_for_good(phone, room, services, people):
    p = phone().join(people.ana.id)
    assert "Welcome, Ana" in p.page()
    room.access.remove(p.device_id)
    assert 'name="c"' in p.page()  # back at the door
    assert p.get("/part").status_code == 403


def test_no_cookie_no_write(phone, room, services):
    to_phase(services, room, Phase.AGENDA)
    item = _first_item(services, room.meeting_id)
    reply = phone().post("/idea", {"csrf": "x", "item": str(item.id), "text": "Hi"})
    assert reply.status_code == 403
    assert _count_ideas(services, item.id) == 0


def test_leaving_forgets_the_device(phone, room, people):
    p = phone().join(people.ana.id)
    assert p.post("/leave", {"csrf": p.csrf}).status_code == 303
    assert room.access.devices() == []
    assert 'name="c"' in p.page()


# ---- writing ------------------------------------------------------------------------
def test_an_idea_lands_on_the_current_item_named_and_heard(phone, room, services, people):
    heard = []
    room.subscribe(heard.append)
    to_phase(services, room, Phase.AGENDA)
    items = services.agenda.items(room.meeting_id)
    room.set_stage(item_id=items[1].id, box_seconds=600, used_seconds=30, running=True)
    p = phone().join(people.ana.id)
    page = p.page()
    assert items[1].title in page and f'name="item" value="{items[1].id}"' in page
    reply = p.post("/idea", {"csrf": p.csrf, "item": str(items[1].id), "text": "Webinar follow-up"})
    assert reply.status_code == 303
    [idea] = services.agenda.ideas(items[1].id)
    assert (idea.text, idea.author_name) == ("Webinar follow-up", "Ana López")
    assert [o.author for o in heard] == ["Ana López"]
    assert heard[0].changes.touches_row("idea", idea.id)
    assert "Webinar follow-up" in p.get("/part").text


def test_an_action_is_written_by_its_owner_with_every_field(phone, room, services, people):
    goal = services.goals.add_goal(
        title="Q1 pipeline",
        period="2026-Q1",
        kind="activity",
        disposition="continue",
        owner_id=people.ana.id,
    )
    to_phase(services, room, Phase.ACTIONS)
    p = phone().join(people.chloe.id)
    assert "Q1 pipeline" in p.page()
    due = (TODAY + timedelta(days=14)).isoformat()
    reply = p.post(
        "/action",
        {
            "csrf": p.csrf,
            "title": "Brief Sales on the webinar",
            "due": due,
            "tag": "joint",
            "milestone": "Deck ready",
            "goal": str(goal.id),
        },
    )
    assert reply.status_code == 303, reply.text
    [action] = services.actions.actions_for_meeting(room.meeting_id)
    assert (action.owner_id, action.title, action.due.isoformat()) == (
        people.chloe.id,
        "Brief Sales on the webinar",
        due,
    )
    assert (action.team_tag.value, action.milestone, action.goal_id) == (
        "joint",
        "Deck ready",
        goal.id,
    )
    [agreed] = services.actions.history(action.id)
    assert agreed.changed_by_name == "Chloé Martin"
    part = p.get("/part").text
    assert "Brief Sales on the webinar" in part and "1 action" in part


def test_an_invalid_action_says_why_at_the_form_and_keeps_the_text(phone, room, services, people):
    to_phase(services, room, Phase.ACTIONS)
    p = phone().join(people.ana.id)
    past = (TODAY - timedelta(days=1)).isoformat()
    reply = p.post("/action", {"csrf": p.csrf, "title": "Call Acme back", "due": past, "tag": ""})
    assert reply.status_code == 422
    assert "in the past" in reply.text
    assert "Call Acme back</textarea>" in reply.text
    assert services.actions.actions_for_meeting(room.meeting_id) == []
    reply = p.post("/action", {"csrf": p.csrf, "title": "   ", "due": "", "tag": ""})
    assert reply.status_code == 422


def test_a_commitment_from_the_phone(phone, room, services, people):
    to_phase(services, room, Phase.COMMITMENTS)
    p = phone().join(people.ben.id)
    page = p.page()
    assert 'name="version" value="-"' in page
    reply = p.post(
        "/commit", {"csrf": p.csrf, "confidence": "4", "note": "If legal signs", "version": "-"}
    )
    assert reply.status_code == 303
    ben = next(
        x for x in services.meetings.participants(room.meeting_id) if x.member_id == people.ben.id
    )
    assert (ben.committed, ben.confidence, ben.commitment_note) == (True, 4, "If legal signs")
    assert "1 of 3 committed" in p.get("/part").text


def test_a_commitment_changed_meanwhile_is_not_overwritten(phone, room, services, people):
    to_phase(services, room, Phase.COMMITMENTS)
    p = phone().join(people.ben.id)
    services.meetings.commit(meeting_id=room.meeting_id, member_id=people.ben.id, confidence=2)
    reply = p.post("/commit", {"csrf": p.csrf, "confidence": "5", "version": "-"})
    assert reply.status_code == 409
    assert "changed meanwhile" in reply.text
    ben = next(
        x for x in services.meetings.participants(room.meeting_id) if x.member_id == people.ben.id
    )
    assert ben.confidence == 2


@pytest.fixture
def earlier_actions(services, people, meeting):
    """An open action each of Ana and Ben from last month's meeting of the series."""
    earlier = services.meetings.create_meeting(
        title="February sync",
        starts_at=datetime(2026, 2, 2, 10, 0),
        series_id=meeting.series_id,
        invitee_ids=[people.ana.id, people.ben.id],
    )
    add = services.actions.add_action
    return (
        add(
            meeting_id=earlier.id,
            owner_id=people.ana.id,
            title="Ana's old action",
            today=datetime(2026, 2, 2).date(),
        ),
        add(
            meeting_id=earlier.id,
            owner_id=people.ben.id,
            title="Ben's old action",
            today=datetime(2026, 2, 2).date(),
        ),
    )


def test_review_shows_only_my_open_actions_and_sets_their_status_with_a_note(
    phone, room, services, people, earlier_actions
):
    mine, _theirs = earlier_actions
    to_phase(services, room, Phase.REVIEW)
    p = phone().join(people.ana.id)
    page = p.page()
    assert "Ana&#39;s old action" in page and "Ben&#39;s old action" not in page
    reply = p.post(
        "/status",
        {
            "csrf": p.csrf,
            "action": str(mine.id),
            "status": "done",
            "note": "Signed",
            "version": "open",
        },
    )
    assert reply.status_code == 303
    assert services.actions.get_action(mine.id).status is ActionStatus.DONE
    last = services.actions.history(mine.id)[-1]
    assert (last.note, last.changed_by_name, last.meeting_id) == (
        "Signed",
        "Ana López",
        room.meeting_id,
    )


def test_another_members_action_is_refused(phone, room, services, people, earlier_actions):
    _mine, theirs = earlier_actions
    to_phase(services, room, Phase.REVIEW)
    p = phone().join(people.ana.id)
    reply = p.post(
        "/status",
        {"csrf": p.csrf, "action": str(theirs.id), "status": "dropped", "version": "open"},
    )
    assert reply.status_code == 403
    assert services.actions.get_action(theirs.id).status is ActionStatus.OPEN


def test_another_meetings_records_are_refused(phone, room, services, people, meeting):
    other = services.meetings.create_meeting(
        title="Another series' meeting",
        starts_at=datetime(2026, 3, 3, 10, 0),
        invitee_ids=[people.ana.id],
    )
    foreign_item = services.agenda.add_item(meeting_id=other.id, title="Secret item")
    foreign_action = services.actions.add_action(
        meeting_id=other.id, owner_id=people.ana.id, title="Elsewhere"
    )
    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id)
    reply = p.post("/idea", {"csrf": p.csrf, "item": str(foreign_item.id), "text": "Sneaky"})
    assert reply.status_code == 403
    assert _count_ideas(services, foreign_item.id) == 0
    reply = p.post(
        "/status",
        {"csrf": p.csrf, "action": str(foreign_action.id), "status": "done", "version": "open"},
    )
    assert reply.status_code == 403
    assert services.actions.get_action(foreign_action.id).status is ActionStatus.OPEN


def test_a_status_changed_meanwhile_is_not_overwritten(
    phone, room, services, people, earlier_actions
):
    mine, _theirs = earlier_actions
    to_phase(services, room, Phase.REVIEW)
    p = phone().join(people.ana.id)
    services.actions.set_status(
        action_id=mine.id, status=ActionStatus.BLOCKED, meeting_id=room.meeting_id
    )
    reply = p.post(
        "/status", {"csrf": p.csrf, "action": str(mine.id), "status": "done", "version": "open"}
    )
    assert reply.status_code == 409
    assert "Blocked" in reply.text
    assert services.actions.get_action(mine.id).status is ActionStatus.BLOCKED


def test_a_closed_meeting_takes_no_more_entries(phone, room, services, people):
    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id)
    item = _first_item(services, room.meeting_id)
    services.meetings.close_meeting(meeting_id=room.meeting_id)
    reply = p.post("/idea", {"csrf": p.csrf, "item": str(item.id), "text": "Too late"})
    assert reply.status_code == 410
    assert _count_ideas(services, item.id) == 0


# ---- forged and malformed requests ------------------------------------------------
@pytest.fixture
def agenda_phone(phone, room, services, people):
    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id)
    p.item = _first_item(services, room.meeting_id)
    return p


def test_csrf_missing_or_wrong_is_refused(agenda_phone, services):
    p = agenda_phone
    for token in (None, "", "forged"):
        data = {"item": str(p.item.id), "text": "Forged"}
        if token is not None:
            data["csrf"] = token
        assert p.post("/idea", data).status_code == 403
    assert _count_ideas(services, p.item.id) == 0


def test_a_form_from_another_site_is_refused(agenda_phone, services):
    p = agenda_phone
    reply = p.post(
        "/idea",
        {"csrf": p.csrf, "item": str(p.item.id), "text": "x"},
        headers={"Origin": "http://evil.example"},
    )
    assert reply.status_code == 403
    assert _count_ideas(services, p.item.id) == 0
    ok = p.post(
        "/idea",
        {"csrf": p.csrf, "item": str(p.item.id), "text": "x"},
        headers={"Origin": f"http://{HOST}"},
    )
    assert ok.status_code == 303


def test_another_host_name_is_not_answered(agenda_phone):
    assert agenda_phone.get("/", headers={"Host": "rebound.example:8765"}).status_code == 400


def test_oversized_requests_are_refused(agenda_phone, services):
    p = agenda_phone
    big = {"csrf": p.csrf, "item": str(p.item.id), "text": "x" * (MAX_BODY + 1)}
    assert p.post("/idea", big).status_code == 413

    def chunks():
        yield f"csrf={p.csrf}&item={p.item.id}&text=".encode()
        for _ in range(40):
            yield b"y" * 1024

    reply = p.client.post(
        "/idea", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert reply.status_code == 413
    assert _count_ideas(services, p.item.id) == 0


def test_an_idea_longer_than_the_services_allow_gets_their_message(agenda_phone, services):
    p = agenda_phone
    reply = p.post("/idea", {"csrf": p.csrf, "item": str(p.item.id), "text": "z" * 6000})
    assert reply.status_code == 422
    assert _count_ideas(services, p.item.id) == 0


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"text": "hi"}'),
        ("multipart/form-data; boundary=x", b"--x--"),
        ("application/x-www-form-urlencoded", b"text=%ff%fe&csrf=1"),
        ("application/x-www-form-urlencoded", b"text=a&text=b"),
        ("application/x-www-form-urlencoded", b"&".join(b"f%d=1" % i for i in range(50))),
    ],
    ids=["json", "multipart", "bad-utf8", "repeated-field", "too-many-fields"],
)
def test_malformed_bodies_are_refused(agenda_phone, services, content_type, body):
    p = agenda_phone
    reply = p.client.post("/idea", content=body, headers={"Content-Type": content_type})
    assert reply.status_code in (400, 415)
    assert "Traceback" not in reply.text
    assert _count_ideas(services, p.item.id) == 0


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("/idea", {"item": "seven", "text": "x"}),
        ("/idea", {"text": "no item"}),
        ("/status", {"action": "1", "status": "finished", "version": "open"}),
        ("/commit", {"confidence": "9", "version": "-"}),
        ("/commit", {"confidence": "", "version": "-"}),
        ("/action", {"title": "x", "tag": "finance"}),
    ],
)
def test_malformed_fields_are_refused(agenda_phone, path, fields):
    p = agenda_phone
    reply = p.post(path, {"csrf": p.csrf, **fields})
    assert reply.status_code == 400


def test_a_bad_date_is_a_message_at_the_form(phone, room, services, people):
    to_phase(services, room, Phase.ACTIONS)
    p = phone().join(people.ana.id)
    reply = p.post("/action", {"csrf": p.csrf, "title": "Call", "due": "31/02/2026", "tag": ""})
    assert reply.status_code == 422
    assert "Call</textarea>" in reply.text


def test_too_many_writes_at_once_are_slowed_down(agenda_phone, services):
    p = agenda_phone
    statuses = [
        p.post("/idea", {"csrf": p.csrf, "item": str(p.item.id), "text": f"idea {i}"}).status_code
        for i in range(access_module.WRITE_BURST + 1)
    ]
    assert statuses[:-1] == [303] * access_module.WRITE_BURST
    assert statuses[-1] == 429
    assert _count_ideas(services, p.item.id) == access_module.WRITE_BURST


def test_unknown_pages_and_methods(agenda_phone):
    p = agenda_phone
    assert p.get("/admin").status_code == 404
    assert p.get("/static/../../etc/passwd").status_code == 404
    assert p.get("/idea").status_code == 405
    assert p.client.delete("/").status_code == 405


def test_the_page_files_are_served_from_the_package(phone):
    p = phone()
    css = p.get("/static/room.css")
    js = p.get("/static/room.js")
    assert css.status_code == js.status_code == 200
    assert css.headers["content-type"].startswith("text/css")
    assert "EventSource" in js.text
    page = p.get("/").text
    assert "http" not in re.sub(
        r"https?://testserver", "", page.split("</head>")[0]
    )  # nothing from outside


# ---- nothing private ----------------------------------------------------------------
def test_nothing_private_is_served_in_any_phase(phone, room, services, people, earlier_actions):
    meeting_id = room.meeting_id
    item = _first_item(services, meeting_id)
    services.agenda.update_item(item_id=item.id, notes="FACILITATOR-NOTE salary figures")
    services.agenda.add_decision(item_id=item.id, text="DECISION-DRAFT")
    services.actions.add_action(
        meeting_id=meeting_id, owner_id=people.ben.id, title="BEN-PRIVATE-ACTION"
    )
    services.meetings.commit(
        meeting_id=meeting_id, member_id=people.ben.id, confidence=1, note="BEN-NOTE"
    )
    other = services.meetings.create_meeting(
        title="OTHER-MEETING", starts_at=datetime(2026, 5, 1, 9)
    )
    services.agenda.add_item(meeting_id=other.id, title="OTHER-ITEM")
    p = phone().join(people.ana.id)
    phone().join(people.ben.id)  # another device
    secrets = [
        "FACILITATOR-NOTE",
        "DECISION-DRAFT",
        "BEN-PRIVATE-ACTION",
        "BEN-NOTE",
        "OTHER-MEETING",
        "OTHER-ITEM",
        "Ben&#39;s old action",
        room.access.code,
    ]
    for phase in Phase:
        to_phase(services, room, phase)
        for text in (p.page(), p.get("/part").text):
            found = [s for s in secrets if s in text]
            assert not found, (phase, found)
    # Another device's session is nowhere in what this phone gets.
    other_device = room.access.devices()[1]
    assert other_device.session not in p.page() and other_device.csrf not in p.page()


def test_hostile_names_and_text_are_shown_literally(phone, room, services, people):
    services.people.update_member(member_id=people.ana.id, name="<b>Sam</b> {{7*7}}")
    to_phase(services, room, Phase.AGENDA)
    p = phone()
    names = p.get("/join", params={"c": room.access.code}).text
    assert "&lt;b&gt;Sam&lt;/b&gt; {{7*7}}" in names and "<b>Sam" not in names
    p.join(people.ana.id)
    item = _first_item(services, room.meeting_id)
    p.post(
        "/idea",
        {"csrf": p.csrf, "item": str(item.id), "text": "<img src=x onerror=alert(1)> {{7*7}}"},
    )
    part = p.get("/part").text
    assert "&lt;img src=x onerror=alert(1)&gt; {{7*7}}" in part and "<img" not in part
    assert "49" not in part


def test_the_live_state_follows_the_stage_and_the_phase(room, services):
    to_phase(services, room, Phase.AGENDA)
    items = services.agenda.items(room.meeting_id)
    room.set_stage(item_id=items[2].id, box_seconds=900, used_seconds=100, running=True)
    state = room.live.state()
    assert (state["phase"], state["item_title"], state["left"], state["running"]) == (
        "agenda",
        items[2].title,
        800,
        True,
    )
    revision = state["rev"]
    to_phase(services, room, Phase.ACTIONS)
    state = room.live.state()
    assert state["rev"] > revision and state["phase"] == "actions" and state["item_id"] is None


@pytest.mark.sqlite_only
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_from_a_phone_is_stored_as_typed_or_refused_with_a_message(
    agenda_phone, services, text
):
    """Whatever a phone sends as an idea is stored exactly as the services keep typed text
    (control characters dropped by the text gate, one line: runs of white space folded)
    and shown escaped — or, when empty, refused with the services' message. Never a
    server error."""
    p = agenda_phone
    p.room.access._writes.clear()  # (the write limit is another test's business)
    before = _count_ideas(services, p.item.id)
    reply = p.post("/idea", {"csrf": p.csrf, "item": str(p.item.id), "text": text})
    expected = clean_line(gate_text("text", text))  # the text gate's cleaning, then one line
    if not expected:
        assert reply.status_code == 422
        assert _count_ideas(services, p.item.id) == before
        return
    assert reply.status_code == 303, reply.text
    ideas = services.agenda.ideas(p.item.id)
    assert len(ideas) == before + 1
    assert ideas[-1].text == expected
    assert str(escape(expected)) in p.get("/part").text  # as Jinja2's autoescape writes it


def test_a_status_the_phone_saw_after_the_facilitator_changed_it_is_saved(
    phone, room, services, people, earlier_actions
):
    """The room first read the action as open; the facilitator blocked it; the phone's
    page, reloaded, shows Blocked — setting Done from there is no conflict (the person saw
    the facilitator's change), and is saved."""
    mine, _theirs = earlier_actions
    to_phase(services, room, Phase.REVIEW)
    p = phone().join(people.ana.id)
    assert "Open</strong>" in p.page()  # the room has read it as open
    services.actions.set_status(
        action_id=mine.id, status=ActionStatus.BLOCKED, meeting_id=room.meeting_id
    )
    assert 'name="version" value="blocked"' in p.page()
    reply = p.post(
        "/status",
        {"csrf": p.csrf, "action": str(mine.id), "status": "done", "version": "blocked"},
    )
    assert reply.status_code == 303, reply.text
    assert services.actions.get_action(mine.id).status is ActionStatus.DONE


class _GateLock:
    """The writes' lock, held at the door: a phone's write that passed its checks waits
    there until the test lets it through (what a busy database does to a write sent just
    as the facilitator clicks Close)."""

    def __init__(self) -> None:
        import threading

        self.arrived = threading.Event()
        self.go = threading.Event()
        self._lock = threading.Lock()

    def __enter__(self):
        self.arrived.set()
        assert self.go.wait(30)
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)


def test_an_idea_sent_just_as_the_meeting_closes_is_refused_not_lost_in_a_closed_meeting(
    phone, room, services, people, monkeypatch
):
    """The phone's idea passed the "meeting open?" check, then the facilitator closed the
    meeting before the idea was written. It must not be stored in the closed meeting
    (outside its minutes of record) while the phone is told it was sent."""
    import threading

    from alignmeet.room import writes

    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id)
    item = _first_item(services, room.meeting_id)
    gate = _GateLock()
    monkeypatch.setattr(writes, "_LOCK", gate)
    replies = []
    sender = threading.Thread(
        target=lambda: replies.append(
            p.post("/idea", {"csrf": p.csrf, "item": str(item.id), "text": "Last word"})
        )
    )
    sender.start()
    assert gate.arrived.wait(30)
    services.meetings.close_meeting(meeting_id=room.meeting_id)
    gate.go.set()
    sender.join(30)
    [reply] = replies
    assert reply.status_code == 410, reply.status_code
    assert "closed" in reply.text
    assert _count_ideas(services, item.id) == 0


def test_what_a_phone_typed_comes_back_when_the_meeting_closed_before_it_arrived(
    phone, room, services, people
):
    """Ana types a long idea; the facilitator closes the meeting before she taps Send.
    The phone is told the truth (closed, nothing saved) and gets her text back to copy,
    instead of a bare "The meeting is closed." that drops what she typed."""
    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id)
    item = _first_item(services, room.meeting_id)
    typed = "Ask Finance for the Q3 lead costs <before> Friday 😊"
    services.meetings.close_meeting(meeting_id=room.meeting_id)
    reply = p.post("/idea", {"csrf": p.csrf, "item": str(item.id), "text": typed})
    assert reply.status_code == 410
    assert "The meeting is closed." in reply.text
    assert "not saved" in reply.text
    assert str(escape(typed)) in reply.text
    assert _count_ideas(services, item.id) == 0


def _send_as_the_meeting_closes(services, room, phone, people, monkeypatch, path, form):
    """A phone's entry that passed the room's checks waits at the writes' lock while the
    facilitator closes the meeting; then it goes on. Its reply."""
    import threading

    from alignmeet.room import writes

    p = phone().join(people.ana.id)
    gate = _GateLock()
    monkeypatch.setattr(writes, "_LOCK", gate)
    replies = []
    sender = threading.Thread(
        target=lambda: replies.append(p.post(path, {"csrf": p.csrf, **form(p)}))
    )
    sender.start()
    assert gate.arrived.wait(30)
    services.meetings.close_meeting(meeting_id=room.meeting_id)
    gate.go.set()
    sender.join(30)
    [reply] = replies
    return reply


def test_an_action_sent_just_as_the_meeting_closes_is_refused_not_lost_in_a_closed_meeting(
    phone, room, services, people, monkeypatch
):
    """Every entry from a phone is checked against the close inside its own write (ideas
    above; actions, commitments and ratings here): the phone is told the meeting closed,
    gets its text back, and the closed meeting holds nothing the phone was told was sent."""
    to_phase(services, room, Phase.ACTIONS)
    before = len(services.actions.actions_for_meeting(room.meeting_id))
    reply = _send_as_the_meeting_closes(
        services,
        room,
        phone,
        people,
        monkeypatch,
        "/action",
        lambda p: {"title": "Call the webinar leads", "due": ""},
    )
    assert reply.status_code == 410, reply.status_code
    assert "Call the webinar leads" in reply.text
    assert len(services.actions.actions_for_meeting(room.meeting_id)) == before


def test_a_commitment_sent_just_as_the_meeting_closes_is_refused_not_stored(
    phone, room, services, people, monkeypatch
):
    to_phase(services, room, Phase.COMMITMENTS)
    reply = _send_as_the_meeting_closes(
        services,
        room,
        phone,
        people,
        monkeypatch,
        "/commit",
        lambda p: {"confidence": "4", "note": "If legal signs", "version": "-"},
    )
    assert reply.status_code == 410, reply.status_code
    assert "If legal signs" in reply.text  # what was typed comes back
    ana = next(
        x for x in services.meetings.participants(room.meeting_id) if x.member_id == people.ana.id
    )
    assert not ana.committed


def test_a_rating_sent_just_as_the_meeting_closes_is_refused_not_stored(
    phone, room, services, people, monkeypatch
):
    import re

    to_phase(services, room, Phase.CLOSE)

    def form(p):
        version = re.search(r'name="version" value="([^"]*)"', p.page()).group(1)
        return {"version": version, "score": "6", "answer": "Shorter agenda"}

    reply = _send_as_the_meeting_closes(services, room, phone, people, monkeypatch, "/rating", form)
    assert reply.status_code == 410, reply.status_code
    assert services.accountability.ratings(room.meeting_id) == []


def test_a_status_sent_just_as_the_meeting_closes_is_refused_not_stored(
    phone, room, services, people, meeting, monkeypatch
):
    """Ana marks last month's action done on her phone while the facilitator closes the
    meeting. The review the minutes of record hold was frozen at the close: a status
    written after it is an update nobody reviewed, while the phone is told it was sent.
    It is refused like every other entry, and her note comes back to copy."""
    earlier = services.meetings.create_meeting(
        title="February sync",
        starts_at=datetime(2026, 2, 2, 10, 0),
        series_id=meeting.series_id,
        invitee_ids=[people.ana.id, people.ben.id],
    )
    action = services.actions.add_action(
        meeting_id=earlier.id,
        owner_id=people.ana.id,
        title="Ana's old action",
        today=datetime(2026, 2, 2).date(),
    )
    to_phase(services, room, Phase.REVIEW)

    def form(p):
        page = p.page()
        at = page.index('action="/status"')
        end = page.index("</form>", at)
        hidden = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page[at:end]))
        return {**hidden, "status": "done", "note": "Shipped to the ten accounts"}

    reply = _send_as_the_meeting_closes(services, room, phone, people, monkeypatch, "/status", form)
    assert reply.status_code == 410, reply.status_code
    assert "Shipped to the ten accounts" in reply.text
    assert services.actions.get_action(action.id).status is not ActionStatus.DONE


def test_an_action_whose_meeting_closes_inside_its_own_write_is_refused(
    phone, room, services, people, monkeypatch
):
    """The close commits while the phone's action is already inside its transaction (it
    has read the meeting, not yet locked it): the in-write check must see the close — on a
    server the lock waits for it, and what it reads then must be the closed meeting, not
    the copy the write read a moment before."""
    import threading

    from alignmeet.services.base import ServiceBase

    to_phase(services, room, Phase.ACTIONS)
    before = len(services.actions.actions_for_meeting(room.meeting_id))
    p = phone().join(people.ana.id)
    real = ServiceBase._still_open
    closed = []

    def close_first(self, s, meeting_id, field):
        if not closed:
            closer = threading.Thread(
                target=lambda: closed.append(
                    services.meetings.close_meeting(meeting_id=room.meeting_id)
                )
            )
            closer.start()
            closer.join(10)
        return real(self, s, meeting_id, field)

    monkeypatch.setattr(ServiceBase, "_still_open", close_first)
    reply = p.post("/action", {"csrf": p.csrf, "title": "Call the webinar leads", "due": ""})
    monkeypatch.undo()
    if not closed:  # one writer (SQLite): the close waits for this write, which goes first
        assert reply.status_code == 303
        return
    assert reply.status_code == 410, reply.status_code
    assert "Call the webinar leads" in reply.text
    assert len(services.actions.actions_for_meeting(room.meeting_id)) == before


def test_the_facilitator_still_adds_to_a_closed_meeting_which_stays_editable(
    room, services, people
):
    """Only the room's writes are refused once the meeting closed: the facilitator's
    Run page says a closed meeting stays editable (its minutes of record do not change),
    and a forgotten idea, action, commitment or rating can still be added there."""
    to_phase(services, room, Phase.CLOSE)
    item = _first_item(services, room.meeting_id)
    services.meetings.close_meeting(meeting_id=room.meeting_id)
    idea = services.agenda.add_idea(item_id=item.id, text="Forgotten idea")
    action = services.actions.add_action(
        meeting_id=room.meeting_id, owner_id=people.ana.id, title="Forgotten action"
    )
    ana = services.meetings.commit(meeting_id=room.meeting_id, member_id=people.ana.id)
    rating = services.accountability.rate(
        meeting_id=room.meeting_id, member_id=people.ana.id, score=9
    )
    assert (idea.text, action.title, ana.committed, rating.score) == (
        "Forgotten idea",
        "Forgotten action",
        True,
        9,
    )
