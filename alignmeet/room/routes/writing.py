"""The forms a phone sends: an idea, an action, a status, a commitment, a rating. Each
checks what only the web can get wrong (numbers, choices) and hands the rest to
`alignmeet.room.writes`, which validates as the facilitator's screens do."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from alignmeet.domain.accountability import MAX_SCORE, MIN_SCORE, needs_answer
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _
from alignmeet.room import pages, writes
from alignmeet.room.access import Device, RefusedError
from alignmeet.room.site import Form, Site


def idea(site: Site, device: Device, form: Form) -> object:
    item_id = form.number("item")
    if item_id is None:
        raise RefusedError(400, _("The request was not understood."))
    room = site.room
    showing = pages.current_item(room.services, room.meeting_id, room.live.stage)
    return writes.add_idea(
        site.room.services,
        meeting_id=site.room.meeting_id,
        member_id=device.member_id,
        item_id=item_id,
        text=form.text("text"),
        showing=showing.id if showing is not None else None,
    )


def action(site: Site, device: Device, form: Form) -> object:
    due_text = form.text("due").strip()
    try:
        due = date.fromisoformat(due_text) if due_text else None
    except ValueError:
        raise ValidationError("due", _("Give the due date as a date.")) from None
    tag_text = form.text("tag")
    try:
        tag = TeamTag(tag_text) if tag_text else None
    except ValueError:
        raise RefusedError(400, _("The request was not understood.")) from None
    return writes.add_action(
        site.room.services,
        meeting_id=site.room.meeting_id,
        member_id=device.member_id,
        title=form.text("title"),
        due=due,
        team_tag=tag,
        milestone=form.text("milestone"),
        goal_id=form.number("goal"),
    )


def status(site: Site, device: Device, form: Form) -> object:
    action_id = form.number("action")
    try:
        new = ActionStatus(form.text("status"))
    except ValueError:
        raise RefusedError(400, _("The request was not understood.")) from None
    if action_id is None:
        raise RefusedError(400, _("The request was not understood."))
    return writes.set_status(
        site.room.services,
        meeting_id=site.room.meeting_id,
        member_id=device.member_id,
        action_id=action_id,
        status=new,
        note=form.text("note"),
        seen=form.text("version"),
    )


def commit(site: Site, device: Device, form: Form) -> object:
    level = form.number("confidence")
    if level is None or not 1 <= level <= 5:
        raise RefusedError(400, _("The request was not understood."))
    return writes.commit(
        site.room.services,
        meeting_id=site.room.meeting_id,
        member_id=device.member_id,
        confidence=level,
        note=form.text("note"),
        seen=form.text("version"),
    )


def rating_form(form: Form) -> tuple[int, bool]:
    """The score (1–10) and whether it is anonymous, as the page's buttons send them."""
    score = form.number("score")
    anonymous = form.text("anonymous")
    if score is None or not MIN_SCORE <= score <= MAX_SCORE or anonymous not in ("", "1"):
        raise RefusedError(400, _("The request was not understood."))
    return score, anonymous == "1"


def rating(site: Site, device: Device, form: Form) -> object:
    score, anonymous = rating_form(form)
    return writes.rate(
        site.room.services,
        site.room.access,
        meeting_id=site.room.meeting_id,
        member_id=device.member_id,
        score=score,
        answer=form.text("answer"),
        anonymous=anonymous,
        seen=form.text("version"),
    )


async def post_idea(site: Site, request: Request) -> Response:
    return await site.write(request, idea, "ideas")


async def post_action(site: Site, request: Request) -> Response:
    return await site.write(request, action, "mine")


async def post_status(site: Site, request: Request) -> Response:
    return await site.write(request, status, "review")


async def post_commit(site: Site, request: Request) -> Response:
    return await site.write(request, commit, "commit")


async def post_rating(site: Site, request: Request) -> Response:
    """A tap on a score. Below 8 the question "what would make it a 10?" comes first
    (nothing is stored until it is answered or skipped: an anonymous rating is given
    once, whole); with the answer field sent, the rating is stored."""
    device, form = await site.checked_form(request)
    score, anonymous = rating_form(form)
    ask = None
    if needs_answer(score):
        ask = {"score": score, "anonymous": anonymous, "version": form.text("version")}
        if "answer" not in form:
            context = await site.page_context(device)
            mine = context.get("rating")
            ask["answer"] = mine.answer if mine is not None and not anonymous else ""
            return site.respond(site.meeting_page(device, context, ask=ask))
        ask["answer"] = form.text("answer")
    return await site.written(device, form, rating, "rate", ask=ask)
