"""Room Link as real phones use it: a form sent twice (a double tap, Back and Send again, a
network retry of the same POST), a phone that slept while the meeting moved on, links and
cookies from before a new code / a reopened room / a restarted app, and long text in any
script. Each test sends what the browser would send — the fields of the page it was shown —
and checks what is stored and what the phone is told. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from alignmeet.domain.enums import ActionStatus, Phase
from alignmeet.room.room import Room

from .conftest import to_phase


def hidden(page: str, name: str, after: str = "") -> str:
    """The value of the hidden field `name` the page carries (in the form at `after`)."""
    start = page.index(after) if after else 0
    return re.search(rf'name="{name}" value="([^"]*)"', page[start:]).group(1)


def form_of(page: str, action: str, **typed: str) -> dict[str, str]:
    """What the browser sends for the form posting to `action` on `page`: its hidden
    fields, and what the person typed or tapped."""
    at = page.index(f'action="{action}"')
    end = page.index("</form>", at)
    fields = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page[at:end]))
    return {**fields, **typed}


def _items(services, meeting_id: int):
    return services.agenda.items(meeting_id, include_parked=False)


@pytest.fixture
def earlier_action(services, people, meeting):
    """An open action of Ana's from last month's meeting of the series (under review now)."""
    earlier = services.meetings.create_meeting(
        title="February sync",
        starts_at=datetime(2026, 2, 2, 10, 0),
        series_id=meeting.series_id,
        invitee_ids=[people.ana.id, people.ben.id],
    )
    return services.actions.add_action(
        meeting_id=earlier.id,
        owner_id=people.ana.id,
        title="Ana's old action",
        today=datetime(2026, 2, 2).date(),
    )


# ---- the same submission twice ---------------------------------------------------------
def test_an_idea_sent_twice_is_stored_once_and_the_second_send_shows_it(
    phone, room, services, people
):
    to_phase(services, room, Phase.AGENDA)
    item = _items(services, room.meeting_id)[0]
    p = phone().join(people.ana.id)
    form = form_of(p.page(), "/idea", text="Bundle the webinar leads")
    first = p.post("/idea", form)
    again = p.post("/idea", form)  # a double tap, or the network's retry of the same POST
    assert (first.status_code, again.status_code) == (303, 303)
    assert [i.text for i in services.agenda.ideas(item.id)] == ["Bundle the webinar leads"]
    assert p.page().count("Bundle the webinar leads") == 1
    # A new idea from the page shown after it is a new idea.
    assert p.post("/idea", form_of(p.page(), "/idea", text="Second idea")).status_code == 303
    assert len(services.agenda.ideas(item.id)) == 2


def test_an_action_sent_twice_is_stored_once(phone, room, services, people):
    to_phase(services, room, Phase.ACTIONS)
    p = phone().join(people.ana.id)
    form = form_of(p.page(), "/action", title="Call the ten biggest accounts", due="")
    assert p.post("/action", form).status_code == 303
    assert p.post("/action", form).status_code == 303
    mine = [
        a
        for a in services.actions.actions_for_meeting(room.meeting_id)
        if a.owner_id == people.ana.id
    ]
    assert [a.title for a in mine] == ["Call the ten biggest accounts"]


def test_a_status_sent_twice_is_not_called_changed_by_someone_else(
    phone, room, services, people, earlier_action
):
    to_phase(services, room, Phase.REVIEW)
    p = phone().join(people.ana.id)
    form = form_of(p.page(), "/status", status="done", note="Shipped")
    assert p.post("/status", form).status_code == 303
    again = p.post("/status", form)
    assert again.status_code == 303, again.text  # not "was changed meanwhile"
    assert "changed meanwhile" not in again.text
    assert services.actions.get_action(earlier_action.id).status is ActionStatus.DONE


def test_a_commitment_sent_twice_is_not_called_changed_by_someone_else(
    phone, room, services, people
):
    to_phase(services, room, Phase.COMMITMENTS)
    p = phone().join(people.ana.id)
    form = form_of(p.page(), "/commit", confidence="4", note="If legal signs")
    assert p.post("/commit", form).status_code == 303
    again = p.post("/commit", form)
    assert again.status_code == 303, again.text
    ana = next(
        x for x in services.meetings.participants(room.meeting_id) if x.member_id == people.ana.id
    )
    assert (ana.committed, ana.confidence) == (True, 4)


def test_a_rating_sent_twice_is_stored_once_and_not_called_changed(phone, room, services, people):
    to_phase(services, room, Phase.CLOSE)
    p = phone().join(people.ana.id)
    form = form_of(p.page(), "/rating", score="9")
    assert p.post("/rating", form).status_code == 303
    again = p.post("/rating", form)
    assert again.status_code == 303, again.text
    ratings = services.accountability.ratings(room.meeting_id)
    assert [(r.member_id, r.score) for r in ratings] == [(people.ana.id, 9)]


# ---- a phone that slept ----------------------------------------------------------------
def test_an_idea_for_an_item_left_behind_is_not_filed_unseen_and_its_text_comes_back(
    phone, room, services, people
):
    to_phase(services, room, Phase.AGENDA)
    first, second = _items(services, room.meeting_id)[:2]
    room.set_stage(item_id=first.id, box_seconds=600, used_seconds=0, running=True)
    p = phone().join(people.ana.id)
    form = form_of(p.page(), "/idea", text="Half-typed before the phone slept")
    room.set_stage(item_id=second.id, box_seconds=600, used_seconds=0, running=True)
    reply = p.post("/idea", form)  # the phone wakes on the old page and sends
    assert reply.status_code == 409
    assert services.agenda.ideas(first.id) == [] and services.agenda.ideas(second.id) == []
    assert f"“{first.title}”" in reply.text and f"“{second.title}”" in reply.text
    assert "was not added" in reply.text
    # What they typed is in the form for the item on screen now: one tap adds it there.
    assert "Half-typed before the phone slept</textarea>" in reply.text
    assert hidden(reply.text, "item", 'action="/idea"') == str(second.id)


def test_an_idea_from_a_page_two_phases_back_is_refused_with_its_text(
    phone, room, services, people
):
    to_phase(services, room, Phase.AGENDA)
    item = _items(services, room.meeting_id)[0]
    p = phone().join(people.ana.id)
    form = form_of(p.page(), "/idea", text="Typed during the agenda")
    to_phase(services, room, Phase.ACTIONS)
    to_phase(services, room, Phase.COMMITMENTS)
    reply = p.post("/idea", form)
    assert reply.status_code == 409
    assert services.agenda.ideas(item.id) == []
    assert "moved on" in reply.text and "not added" in reply.text
    assert "Typed during the agenda" in reply.text  # to copy: this phase has no idea form
    assert 'action="/commit"' in reply.text  # and the page is the current phase's


# ---- old links, codes and cookies ------------------------------------------------------
def test_after_the_app_restarts_an_old_cookie_reads_nothing_and_gets_its_text_back(
    phone_of, room, services, people, clock
):
    to_phase(services, room, Phase.AGENDA)
    before = phone_of(room).join(people.ana.id)
    form = form_of(before.page(), "/idea", text="Typed before the restart")
    old_code = room.access.code
    room.close()
    restarted = Room(services, room.meeting_id, clock=clock)  # a new Room, same database
    try:
        p = phone_of(restarted)
        p.client.cookies.set("alignmeet_room", before.cookie)
        home = p.get("/")
        assert home.status_code == 200 and 'name="c"' in home.text  # the door, not a page
        assert "Shared revenue goal" not in home.text
        assert p.get("/part").status_code == 403
        old_link = p.get("/join", params={"c": old_code})
        assert old_link.status_code == 403 and 'name="c"' in old_link.text
        assert "code shown on the screen" in old_link.text
        reply = p.post("/idea", form)
        assert reply.status_code == 403
        assert "scan the code" in reply.text
        assert "Typed before the restart" in reply.text  # to copy, not lost
        assert services.agenda.ideas(_items(services, room.meeting_id)[0].id) == []
    finally:
        restarted.close()


# ---- text from phones ------------------------------------------------------------------
@pytest.mark.parametrize(
    "unit",
    ["Ελληνικά ", "市场与销售", "👍🏽👨‍👩‍👧‍👦"],  # Greek, Chinese, emoji with skin tones and ZWJ
    ids=["greek", "chinese", "emoji"],
)
def test_an_idea_as_long_as_the_phone_lets_you_type_in_any_script_is_stored(
    phone, room, services, people, unit
):
    to_phase(services, room, Phase.AGENDA)
    item = _items(services, room.meeting_id)[0]
    p = phone().join(people.ana.id)
    page = p.page()
    limit = int(re.search(r'id="idea" name="text" rows="3" maxlength="(\d+)"', page).group(1))
    text = unit
    while len((text + unit).encode("utf-16-le")) // 2 <= limit:  # maxlength counts UTF-16
        text += unit
    reply = p.post("/idea", form_of(page, "/idea", text=text))
    assert reply.status_code == 303, reply.text[-600:]
    assert [i.text for i in services.agenda.ideas(item.id)] == [text.strip()]


def test_a_status_note_as_long_as_the_phone_lets_you_type_in_chinese_is_stored(
    phone, room, services, people, earlier_action
):
    to_phase(services, room, Phase.REVIEW)
    p = phone().join(people.ana.id)
    page = p.page()
    limit = int(re.search(r'name="note" maxlength="(\d+)"', page).group(1))
    note = "市" * limit
    reply = p.post("/status", form_of(page, "/status", status="done", note=note))
    assert reply.status_code == 303, reply.text[-600:]
    assert services.actions.get_action(earlier_action.id).status is ActionStatus.DONE


def test_a_right_to_left_override_in_an_idea_cannot_turn_its_authors_name_around(
    phone, room, services, people
):
    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id)
    p.post("/idea", form_of(p.page(), "/idea", text="\u202eevil idea"))
    page = p.page()
    # The idea is set apart (an isolate ends every override inside it): the name after it
    # reads as it is.
    assert "<bdi>\u202eevil idea</bdi>" in page
    assert "<small> — <bdi>Ana López</bdi></small>" in page


def test_a_right_to_left_override_from_a_phone_leaves_its_author_readable_in_the_minutes(
    phone, room, services, people, tmp_path
):
    import docx

    to_phase(services, room, Phase.AGENDA)
    p = phone().join(people.ana.id)
    assert p.post("/idea", form_of(p.page(), "/idea", text="\u202eevil idea")).status_code == 303
    to_phase(services, room, Phase.CLOSE)
    services.meetings.close_meeting(meeting_id=room.meeting_id)
    path = services.minutes.export_docx(meeting_id=room.meeting_id, path=tmp_path / "m.docx")
    [line] = [x.text for x in docx.Document(str(path)).paragraphs if "evil idea" in x.text]
    idea, _dash, author = line.rpartition(" — ")
    assert author == "Ana López"
    # The override is closed (PDF) before the author's name: Word shows it left to right.
    assert idea.index("\u202c") > idea.index("\u202e")


def test_a_send_whose_connection_drops_while_it_is_written_is_not_written_again_on_retry(
    phone, room, services, people
):
    """The phone's connection drops while its entry is being written (the request's task
    is cancelled; the write goes on in its thread and stores the entry). The browser's retry
    of the same form must find it stored, not write it a second time."""
    import asyncio
    import threading

    from alignmeet.room.site import Form, Site

    from .conftest import HOST

    to_phase(services, room, Phase.AGENDA)
    item = _items(services, room.meeting_id)[0]
    p = phone().join(people.ana.id)
    form = Form(form_of(p.page(), "/idea", text="Bundle the webinar leads"))
    device = room.access.device(p.device_id)
    site = Site(room, allowed_hosts=[HOST])
    writing, go_on, written = threading.Event(), threading.Event(), threading.Event()

    def slow_write(_site, _device, _form) -> None:  # the database is slow to take it
        writing.set()
        assert go_on.wait(30)
        services.agenda.add_idea(item_id=item.id, text="Bundle the webinar leads")
        written.set()

    async def drop_the_connection() -> None:
        task = asyncio.ensure_future(site.written(device, form, slow_write, "ideas"))
        while not writing.is_set():
            await asyncio.sleep(0.01)
        task.cancel()  # what the server does when the client goes away
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(drop_the_connection())
    go_on.set()
    assert written.wait(30)
    again = p.post("/idea", dict(form))  # the browser's retry of the same POST
    assert again.status_code == 303
    assert [i.text for i in services.agenda.ideas(item.id)] == ["Bundle the webinar leads"]
