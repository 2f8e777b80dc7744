"""Rating the meeting from a phone at its close (issue 15 on Room Link): 1–10, below 8
"what would make it a 10?" first, optionally without a name — with the rules of the
facilitator's rating panel (one named rating per member, a new one replaces it; never more
ratings than members present) and every refusal: not present, another meeting's phone, out
of range, no CSRF token, a replayed form, the wrong phase. An anonymous rating cannot be
tied to the phone's member in anything stored or served. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from sqlalchemy import select

from alignmeet.domain.accountability import ANSWER_LIMIT
from alignmeet.domain.enums import Attendance, Phase
from alignmeet.domain.text_gate import gate_text
from alignmeet.room import writes
from alignmeet.room.access import RefusedError
from alignmeet.room.room import Room
from alignmeet.storage import models as m


def to_phase(services, room, phase: Phase) -> None:
    services.meetings.set_phase(meeting_id=room.meeting_id, phase=phase)
    room.live.bump()


def _ratings(services, meeting_id: int):
    return services.accountability.ratings(meeting_id)


def _form(page: str, name: str) -> str:
    """The value a page's hidden field `name` holds."""
    return re.search(rf'name="{name}" value="([^"]*)"', page).group(1)


@pytest.fixture
def closing(room, services):
    """The room's meeting in its Close phase."""
    to_phase(services, room, Phase.CLOSE)
    return room


def rate(p, score: object, *, answer: str | None = None, **extra: str):
    """What the rating page sends: its version, the tapped score, the answer when asked."""
    page = p.page()
    form = {"csrf": p.csrf, "version": _form(page, "version"), "score": str(score), **extra}
    if answer is not None:
        form["answer"] = answer
    return p.post("/rating", form)


# ---- a named rating ---------------------------------------------------------------------
def test_a_phone_rates_the_meeting_in_one_tap_at_eight_or_more(closing, phone, services, people):
    heard = []
    closing.subscribe(heard.append)
    p = phone().join(people.ana.id)
    page = p.page()
    assert "Rate this meeting" in page and 'value="10"' in page
    assert "0 of 3 present have rated the meeting" in page
    reply = rate(p, 9)
    assert reply.status_code == 303
    [rating] = _ratings(services, closing.meeting_id)
    assert (rating.member_id, rating.score, rating.answer, rating.anonymous) == (
        people.ana.id,
        9,
        "",
        False,
    )
    assert [(o.label, o.author) for o in heard] == [("rating from Ana López", "Ana López")]
    page = p.page()
    assert "You rated it 9 of 10" in page
    assert 'class="level chosen"' in page and 'name="anonymous"' not in page
    assert "1 of 3 present have rated the meeting" in p.get("/part").text


def test_below_eight_the_phone_asks_what_would_make_it_a_ten_before_storing(
    closing, phone, services, people
):
    p = phone().join(people.ben.id)
    asked = rate(p, 6)
    assert asked.status_code == 200
    assert "What would make it a 10?" in asked.text and 'name="answer"' in asked.text
    assert _ratings(services, closing.meeting_id) == []  # nothing stored until answered
    form = {
        "csrf": p.csrf,
        "version": _form(asked.text, "version"),
        "score": _form(asked.text, "score"),
        "answer": "Decisions before the break",
    }
    assert p.post("/rating", form).status_code == 303
    [rating] = _ratings(services, closing.meeting_id)
    assert (rating.member_id, rating.score, rating.answer) == (
        people.ben.id,
        6,
        "Decisions before the break",
    )
    assert "“Decisions before the break”" in p.page()


def test_a_second_named_rating_replaces_the_first(closing, phone, services, people):
    p = phone().join(people.ana.id)
    assert rate(p, 5, answer="Shorter review").status_code == 303
    assert rate(p, 9).status_code == 303  # at 8 or more the answer goes
    [rating] = _ratings(services, closing.meeting_id)
    assert (rating.member_id, rating.score, rating.answer) == (people.ana.id, 9, "")
    asked = rate(p, 7)  # lower again: the question comes back, empty (the answer went)
    assert asked.status_code == 200 and 'name="answer"' in asked.text


def test_a_replayed_rating_is_refused(closing, phone, services, people):
    p = phone().join(people.ana.id)
    form = {"csrf": p.csrf, "version": "-", "score": "9"}
    assert p.post("/rating", form).status_code == 303
    assert rate(p, 8).status_code == 303
    replay = p.post("/rating", form)  # the first form again (Back, or a resend)
    assert replay.status_code == 409
    assert "changed meanwhile (8 of 10). Nothing was saved." in replay.text
    [rating] = _ratings(services, closing.meeting_id)
    assert rating.score == 8


def test_a_rating_the_facilitator_changed_meanwhile_is_not_overwritten(
    closing, phone, services, people
):
    p = phone().join(people.chloe.id)
    page = p.page()
    services.accountability.rate(
        meeting_id=closing.meeting_id, member_id=people.chloe.id, score=4, answer="Too long"
    )
    reply = p.post("/rating", {"csrf": p.csrf, "version": _form(page, "version"), "score": "10"})
    assert reply.status_code == 409
    [rating] = _ratings(services, closing.meeting_id)
    assert (rating.score, rating.answer) == (4, "Too long")


# ---- refusals -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "fields",
    [
        {"score": "0"},
        {"score": "11"},
        {"score": "-3"},
        {"score": "ten"},
        {"score": ""},
        {},
        {"score": "8", "anonymous": "yes"},
    ],
    ids=["zero", "eleven", "negative", "word", "empty", "missing", "anonymous-not-1"],
)
def test_a_score_out_of_range_is_refused(closing, phone, services, people, fields):
    p = phone().join(people.ana.id)
    reply = p.post("/rating", {"csrf": p.csrf, "version": "-", "answer": "x", **fields})
    assert reply.status_code == 400
    assert _ratings(services, closing.meeting_id) == []


def test_a_rating_without_its_csrf_token_is_refused(closing, phone, services, people):
    p = phone().join(people.ana.id)
    for token in (None, "", "forged"):
        data = {"version": "-", "score": "9"}
        if token is not None:
            data["csrf"] = token
        assert p.post("/rating", data).status_code == 403
    other = phone().join(people.ben.id)
    assert p.post("/rating", {"csrf": other.csrf, "version": "-", "score": "9"}).status_code == 403
    assert _ratings(services, closing.meeting_id) == []


def test_no_device_or_a_waiting_one_cannot_rate(closing, phone, services, people):
    assert phone().post("/rating", {"csrf": "x", "version": "-", "score": "9"}).status_code == 403
    waiting = phone().join(people.ana.id, approve=False)
    reply = waiting.post("/rating", {"csrf": waiting.csrf, "version": "-", "score": "9"})
    assert reply.status_code == 403
    assert _ratings(services, closing.meeting_id) == []


@pytest.mark.parametrize("anonymous", [False, True], ids=["named", "anonymous"])
def test_a_member_no_longer_present_cannot_rate(closing, phone, services, people, anonymous):
    p = phone().join(people.ana.id)
    services.meetings.set_attendance(
        meeting_id=closing.meeting_id, member_id=people.ana.id, attendance=Attendance.ABSENT
    )
    assert "Only the members marked present rate the meeting." in p.page()
    form = {"csrf": p.csrf, "version": "-", "score": "9"}
    if anonymous:
        form["anonymous"] = "1"
    reply = p.post("/rating", form)
    assert reply.status_code == 403
    assert "Only the members marked present" in reply.text
    assert _ratings(services, closing.meeting_id) == []
    assert not closing.access.rated_anonymously(people.ana.id)


def test_a_phone_of_another_meetings_room_cannot_rate_this_one(
    closing, phone, phone_of, services, people, clock
):
    other = services.meetings.create_meeting(
        title="Another meeting", starts_at=datetime(2026, 3, 3, 10, 0), invitee_ids=[people.ana.id]
    )
    services.meetings.set_attendance(
        meeting_id=other.id, member_id=people.ana.id, attendance=Attendance.PRESENT
    )
    services.meetings.set_phase(meeting_id=other.id, phase=Phase.CLOSE)
    elsewhere = Room(services, other.id, clock=clock)
    try:
        visitor = phone_of(elsewhere).join(people.ana.id)
        here = phone()
        here.client.cookies.update(visitor.client.cookies)  # that room's session, here
        reply = here.post("/rating", {"csrf": visitor.csrf, "version": "-", "score": "2"})
        assert reply.status_code == 403
        assert _ratings(services, closing.meeting_id) == []
        assert _ratings(services, other.id) == []
    finally:
        elsewhere.close()


def test_a_member_not_on_this_meetings_list_is_refused(closing, services, people):
    stranger = services.people.add_member(name="Stranger", team_id=people.ana.team_id)
    for anonymous in (False, True):
        with pytest.raises(RefusedError) as refused:
            writes.rate(
                closing.services,
                closing.access,
                meeting_id=closing.meeting_id,
                member_id=stranger.id,
                score=9,
                answer="",
                anonymous=anonymous,
                seen="-",
            )
        assert refused.value.status == 403
    assert _ratings(services, closing.meeting_id) == []


def test_the_meeting_is_rated_at_its_close_only(room, phone, services, people):
    to_phase(services, room, Phase.COMMITMENTS)
    p = phone().join(people.ana.id)
    reply = p.post("/rating", {"csrf": p.csrf, "version": "-", "score": "9"})
    assert reply.status_code == 409
    assert "rated at its close" in reply.text
    assert _ratings(services, room.meeting_id) == []


def test_never_more_ratings_than_members_present(closing, phone, services, people):
    for _ in range(3):  # the facilitator typed three anonymous ratings: one per member present
        services.accountability.rate(meeting_id=closing.meeting_id, score=8)
    p = phone().join(people.ana.id)
    named = rate(p, 9)
    assert named.status_code == 422
    assert "rated the meeting already (3 ratings)" in named.text
    anonymous = rate(p, 7, answer="Fewer slides", anonymous="1")
    assert anonymous.status_code == 422
    assert "Fewer slides</textarea>" in anonymous.text  # what was typed is kept
    assert len(_ratings(services, closing.meeting_id)) == 3
    # The refused anonymous rating left no trace: once there is room, it can be given.
    services.accountability.remove_rating(rating_id=_ratings(services, closing.meeting_id)[0].id)
    assert rate(p, 7, answer="Fewer slides", anonymous="1").status_code == 303
    assert len(_ratings(services, closing.meeting_id)) == 3


# ---- anonymous ------------------------------------------------------------------------
def test_an_anonymous_rating_cannot_be_tied_to_the_phones_member(closing, phone, services, people):
    heard = []
    closing.subscribe(heard.append)
    ana = phone().join(people.ana.id)
    ben = phone().join(people.ben.id)
    assert rate(ben, 8).status_code == 303  # a named one beside it
    asked = rate(ana, 5, anonymous="1")
    assert asked.status_code == 200 and "without your name" in asked.text
    assert 'name="anonymous" value="1"' in asked.text
    reply = rate(ana, 5, answer="A clear owner per item", anonymous="1")
    assert reply.status_code == 303

    # Stored: a rating without a member; nothing else written names Ana or her id.
    anonymous = next(r for r in _ratings(services, closing.meeting_id) if r.anonymous)
    assert (anonymous.member_id, anonymous.member_name, anonymous.score) == (None, "", 5)
    assert anonymous.answer == "A clear owner per item"
    with services.db.sessions() as s:
        assert s.get(m.MeetingRating, anonymous.id).member_id is None
        logged = [
            (c.origin, json.loads(c.changes))
            for c in s.scalars(select(m.ChangeLog).order_by(m.ChangeLog.id)).all()
            if "meeting_rating" in c.changes
        ]
    # The change log names the table and the row, and the room as the writer — the same
    # for Ben's named rating as for Ana's anonymous one: nothing tells her phone apart.
    (ben_origin, ben_log), (ana_origin, ana_log) = logged
    assert ana_origin == ben_origin
    # no participant, no member: the row, and the meeting it belongs to (what every change
    # of a meeting's rows says, so that views refresh the right meeting)
    assert ana_log == {
        "meeting_rating": [anonymous.id],
        "meeting_rating@meeting": [closing.meeting_id],
    }
    assert set(ben_log) == set(ana_log)
    outcome = heard[-1]
    assert outcome.label == "anonymous rating" and "Ana" not in outcome.author
    assert [(c.table, c.after["member_id"]) for c in outcome.rows.changes] == [
        ("meeting_rating", None)
    ]
    # Served: the phone says it is in, never which one is hers (nor its score); others see
    # a count.
    page = ana.page()
    assert "Your anonymous rating is in" in page
    assert "A clear owner per item" not in page and "5 of 10" not in page
    for text in (ben.page(), ben.get("/part").text, ana.get("/part").text):
        assert "A clear owner per item" not in text
        assert "2 of 3 present have rated the meeting" in text
    # One anonymous rating per member: neither another anonymous one nor a named one.
    again = ana.post("/rating", {"csrf": ana.csrf, "version": "-", "score": "10", "anonymous": "1"})
    assert again.status_code == 409 and "cannot be changed" in again.text
    named = ana.post("/rating", {"csrf": ana.csrf, "version": "-", "score": "10"})
    assert named.status_code == 409
    second_phone = phone().join(people.ana.id)  # her laptop: the member has rated
    assert "Your anonymous rating is in" in second_phone.page()
    form = {"csrf": second_phone.csrf, "version": "-", "score": "10", "anonymous": "1"}
    assert second_phone.post("/rating", form).status_code == 409
    assert len(_ratings(services, closing.meeting_id)) == 2


def test_a_member_who_rated_with_their_name_cannot_add_an_anonymous_one(
    closing, phone, services, people
):
    p = phone().join(people.chloe.id)
    assert rate(p, 9).status_code == 303
    reply = p.post(
        "/rating", {"csrf": p.csrf, "version": "9", "score": "3", "anonymous": "1", "answer": ""}
    )
    assert reply.status_code == 409
    assert "with your name already (9)" in reply.text
    [rating] = _ratings(services, closing.meeting_id)
    assert (rating.member_id, rating.score) == (people.chloe.id, 9)


def test_closing_the_room_forgets_who_rated_anonymously(closing, phone, people):
    p = phone().join(people.ana.id)
    assert rate(p, 9, anonymous="1").status_code == 303
    assert closing.access.rated_anonymously(people.ana.id)
    closing.close()
    assert not closing.access.rated_anonymously(people.ana.id)


@pytest.fixture
def ana_phone(closing, phone, people):
    return phone().join(people.ana.id)


@pytest.mark.sqlite_only
@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_answer_from_a_phone_is_stored_as_the_services_keep_it(
    closing, ana_phone, services, text
):
    """Whatever a phone sends as "what would make it a 10?" is stored as the rating
    service keeps typed text (the text gate's cleaning, trimmed) and shown escaped — never
    a server error."""
    p = ana_phone
    closing.access._writes.clear()  # (the write limit is another test's business)
    reply = rate(p, 4, answer=text)
    assert reply.status_code == 303, reply.text
    [rating] = _ratings(services, closing.meeting_id)
    expected = gate_text("answer", text).strip()
    assert rating.answer == expected
    if expected:
        assert str(escape(expected)) in p.page()


def test_an_answer_too_long_is_a_message_at_the_field_with_the_text_kept(
    closing, phone, services, people
):
    p = phone().join(people.ben.id)
    long = "w" * (ANSWER_LIMIT + 1)
    reply = rate(p, 3, answer=long)
    assert reply.status_code == 422
    assert f"{long}</textarea>" in reply.text and 'name="score" value="3"' in reply.text
    assert _ratings(services, closing.meeting_id) == []


def test_hostile_answers_are_shown_literally(closing, phone, people):
    p = phone().join(people.ana.id)
    rate(p, 2, answer="<script>alert(1)</script> {{7*7}}")
    page = p.page()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}" in page and "<script>alert" not in page


def test_nobody_elses_rating_is_served(closing, phone, services, people):
    services.accountability.rate(
        meeting_id=closing.meeting_id, member_id=people.ben.id, score=3, answer="BEN-ANSWER"
    )
    services.accountability.rate(meeting_id=closing.meeting_id, score=2, answer="ANON-ANSWER")
    p = phone().join(people.ana.id)
    for text in (p.page(), p.get("/part").text):
        assert "BEN-ANSWER" not in text and "ANON-ANSWER" not in text
        assert "You rated it" not in text  # Ana has not: the others' are not hers
    assert "2 of 3 present have rated the meeting" in p.page()
