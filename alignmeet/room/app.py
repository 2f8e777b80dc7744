"""Room Link's web application (ASGI, Starlette): the participants' pages and the few
requests they make. `create_app(room)` builds it; `alignmeet.room.server` serves it.

Security, request by request:
- Only the Host the room was opened on is answered (no DNS-rebinding from a web page).
- Joining: the code (typed, or in the QR's address) → a name-picking page with a one-time
  ticket → a device waiting for the facilitator, and its session cookie (HttpOnly,
  SameSite=Strict, random, bound to one member). Code attempts are rate-limited per address.
- Every other page needs an approved device; every form carries the device's CSRF token
  (and an Origin header, when the browser sends one, must be this room's).
- Bodies: form-encoded only, at most MAX_BODY bytes, few fields; writes rate-limited per
  device; text validated by the same services as the facilitator's.
- Responses: no caching, a strict Content-Security-Policy (no inline script, nothing from
  outside), no referrer; user text is escaped by Jinja2's autoescape.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from alignmeet.domain.accountability import MAX_SCORE, MIN_SCORE, needs_answer
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _
from alignmeet.room import pages, writes
from alignmeet.room.access import Device, RefusedError
from alignmeet.services import NotFoundError

if TYPE_CHECKING:
    from alignmeet.room.room import Room

log = logging.getLogger(__name__)

COOKIE = "alignmeet_room"
MAX_BODY = 16 * 1024  # bytes of one form: a long idea is 5,000 characters
MAX_FIELDS = 20
EVENT_POLL_S = 0.25  # how often an event stream looks at the revision
MIN_EVENT_GAP_S = 0.6  # at most this often a state to one phone (changes coalesce)
PING_S = 15.0
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
STATIC = {"room.css": "text/css; charset=utf-8", "room.js": "text/javascript; charset=utf-8"}


def _static_files() -> dict[str, bytes]:
    from alignmeet.paths import resources_dir

    folder = Path(resources_dir()) / "room"
    return {name: (folder / name).read_bytes() for name in STATIC}


class _Form(dict[str, str]):
    def text(self, name: str) -> str:
        return self.get(name, "")

    def number(self, name: str) -> int | None:
        value = self.get(name, "").strip()
        if not value:
            return None
        try:
            return int(value)
        except ValueError:
            raise RefusedError(400, _("The request was not understood.")) from None


async def read_form(request: Request) -> _Form:
    """The form a page sent: url-encoded, at most MAX_BODY bytes, MAX_FIELDS fields."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise RefusedError(415, _("The request was not understood."))
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise RefusedError(413, _("That is too long to send."))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise RefusedError(413, _("That is too long to send."))
    try:
        fields = parse_qs(
            body.decode("utf-8"),
            keep_blank_values=True,
            max_num_fields=MAX_FIELDS,
            errors="strict",
        )
    except (UnicodeDecodeError, ValueError):
        raise RefusedError(400, _("The request was not understood.")) from None
    form = _Form()
    for name, values in fields.items():
        if len(values) != 1:
            raise RefusedError(400, _("The request was not understood."))
        form[name] = values[0]
    return form


def create_app(room: Room, *, allowed_hosts: list[str] | None = None) -> Starlette:
    """The participants' web application over `room` (its meeting, access and services)."""
    static = _static_files()
    hosts = {h.lower() for h in (allowed_hosts if allowed_hosts is not None else room.hosts())}

    def respond(body: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)

    def refusal(exc: RefusedError) -> HTMLResponse:
        return respond(
            pages.render("room_message.html.j2", title=room.title(), message=exc.message),
            exc.status,
        )

    def redirect(url: str = "/") -> RedirectResponse:
        return RedirectResponse(url, status_code=303, headers=SECURITY_HEADERS)

    def check_host(request: Request) -> None:
        host = request.headers.get("host", "").lower()
        if host not in hosts:
            raise RefusedError(400, _("The request was not understood."))

    def check_origin(request: Request) -> None:
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc.lower() not in hosts:
            raise RefusedError(403, _("This form has expired. Reload the page and send it again."))

    def device_of(request: Request, *, approved: bool = True) -> Device:
        device = room.access.device_for(request.cookies.get(COOKIE))
        if device is None:
            raise RefusedError(403, _("Join the room first: scan the code on the screen."))
        if approved and not device.approved:
            raise RefusedError(403, _("Wait until the facilitator lets you in."))
        return device

    def handled(endpoint: Callable[[Request], Any]) -> Callable[[Request], Any]:
        async def wrapper(request: Request) -> Response:
            try:
                check_host(request)
                if request.method == "POST":
                    check_origin(request)
                return await endpoint(request)
            except RefusedError as exc:
                return refusal(exc)
            except NotFoundError as exc:
                return refusal(RefusedError(404, str(exc)))
            except Exception:  # never a traceback to a phone; the log has it
                log.exception("Room Link: %s %s failed", request.method, request.url.path)
                return refusal(RefusedError(500, _("Something went wrong; nothing was saved.")))

        return wrapper

    # ---- joining ---------------------------------------------------------------------
    async def home(request: Request) -> Response:
        device = room.access.device_for(request.cookies.get(COOKIE))
        if device is None:
            if room.access.closed:
                raise RefusedError(410, _("The room is closed."))
            return respond(pages.render("room_code.html.j2", title=room.title(), error=""))
        if not device.approved:
            name = await run_in_threadpool(room.member_name, device.member_id)
            return respond(pages.render("room_wait.html.j2", title=room.title(), name=name))
        context = await page_context(device)
        return respond(meeting_page(device, context))

    async def page_context(device: Device) -> dict[str, Any]:
        return await run_in_threadpool(
            lambda: pages.page(
                room.services,
                room.meeting_id,
                device.member_id,
                room.live.stage,
                rated_anonymously=room.access.rated_anonymously(device.member_id),
            )
        )

    def meeting_page(
        device: Device,
        context: dict[str, Any],
        *,
        error: str = "",
        values: dict[str, str] | None = None,
        ask: dict[str, Any] | None = None,
    ) -> str:
        return pages.render(
            "room_meeting.html.j2",
            title=room.title(),
            csrf=device.csrf,
            error=error,
            values=values or {},
            ask=ask,
            **context,
        )

    async def join_page(request: Request) -> Response:
        code = request.query_params.get("c", "")
        room.access.throttle_join(request.client.host if request.client else "")
        try:
            ticket = room.access.ticket_for(code)
        except RefusedError as exc:
            if exc.status != 403:
                raise
            body = pages.render("room_code.html.j2", title=room.title(), error=exc.message)
            return respond(body, 403)
        members = await run_in_threadpool(pages.joinable_members, room.services, room.meeting_id)
        return respond(
            pages.render(
                "room_names.html.j2",
                title=room.title(),
                code=room.access.code,
                ticket=ticket,
                members=members,
            )
        )

    async def join(request: Request) -> Response:
        form = await read_form(request)
        room.access.throttle_join(request.client.host if request.client else "")
        member_id = form.number("member")
        members = await run_in_threadpool(pages.joinable_members, room.services, room.meeting_id)
        if member_id is None or member_id not in {m.id for m in members}:
            raise RefusedError(403, _("Pick your name from the list."))
        device = room.access.join(
            form.text("code"),
            form.text("ticket"),
            member_id=member_id,
            agent=request.headers.get("user-agent", "")[:300],
            address=request.client.host if request.client else "",
        )
        response = redirect()
        response.set_cookie(COOKIE, device.session, httponly=True, samesite="strict", path="/")
        return response

    async def leave(request: Request) -> Response:
        form = await read_form(request)
        device = device_of(request, approved=False)
        room.access.check_csrf(device, form.text("csrf"))
        room.access.remove(device.id)
        response = redirect()
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
        return response

    # ---- following ---------------------------------------------------------------------
    async def part(request: Request) -> Response:
        device = device_of(request)
        context = await run_in_threadpool(
            pages.part, room.services, room.meeting_id, device.member_id, room.live.stage
        )
        return respond(pages.render("room_part.html.j2", csrf=device.csrf, **context))

    async def events(request: Request) -> Response:
        from sse_starlette.sse import EventSourceResponse

        device = device_of(request, approved=False)

        async def stream() -> AsyncIterator[dict[str, str]]:
            sent = None
            approved = device.approved
            waited = 0.0
            since = MIN_EVENT_GAP_S  # the first state goes out at once
            while not room.stopping:
                current = room.access.device_for(device.session)  # (seen: its page is open)
                if current is None:  # removed, or the room closed
                    yield {"event": "gone", "data": "{}"}
                    return
                if current.approved != approved:
                    yield {"event": "approved", "data": "{}"}
                    return
                if approved and room.live.revision != sent and since >= MIN_EVENT_GAP_S:
                    sent = room.live.revision
                    state = room.live.cached_state()
                    if state is None:  # the first stream to see this revision reads it
                        state = await run_in_threadpool(room.live.state)
                    yield {"event": "state", "data": json.dumps(state)}
                    waited = since = 0.0
                elif waited >= PING_S:
                    yield {"event": "ping", "data": "{}"}
                    waited = 0.0
                if await request.is_disconnected():
                    return
                await asyncio.sleep(EVENT_POLL_S)
                waited += EVENT_POLL_S
                since += EVENT_POLL_S

        return EventSourceResponse(stream(), headers=SECURITY_HEADERS, ping=None)

    # ---- writing -----------------------------------------------------------------------
    async def checked_form(request: Request) -> tuple[Device, _Form]:
        """The form of an approved device, its CSRF token checked, within its write limit."""
        form = await read_form(request)
        device = device_of(request)
        room.access.check_csrf(device, form.text("csrf"))
        room.access.throttle_write(device)
        return device, form

    async def write(
        request: Request, do: Callable[[Device, _Form], object], fragment: str
    ) -> Response:
        device, form = await checked_form(request)
        return await written(device, form, do, fragment)

    async def written(
        device: Device,
        form: _Form,
        do: Callable[[Device, _Form], object],
        fragment: str,
        *,
        ask: dict[str, Any] | None = None,
    ) -> Response:
        """Run `do`; a refusal the person can act on comes back on the page, with what
        they typed (`ask`: the rating's question, when it was being answered)."""
        try:
            await run_in_threadpool(do, device, form)
        except (ValidationError, writes.SeenChangedError) as exc:
            message = exc.message
            status = 422 if isinstance(exc, ValidationError) else 409
            context = await page_context(device)
            kept = {k: v for k, v in form.items() if k not in ("csrf", "version")}
            page = meeting_page(device, context, error=message, values=kept, ask=ask)
            return respond(page, status)
        return redirect(f"/#{fragment}")

    def idea(device: Device, form: _Form) -> object:
        item_id = form.number("item")
        if item_id is None:
            raise RefusedError(400, _("The request was not understood."))
        return writes.add_idea(
            room.services,
            meeting_id=room.meeting_id,
            member_id=device.member_id,
            item_id=item_id,
            text=form.text("text"),
        )

    def action(device: Device, form: _Form) -> object:
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
            room.services,
            meeting_id=room.meeting_id,
            member_id=device.member_id,
            title=form.text("title"),
            due=due,
            team_tag=tag,
            milestone=form.text("milestone"),
            goal_id=form.number("goal"),
        )

    def status(device: Device, form: _Form) -> object:
        action_id = form.number("action")
        try:
            new = ActionStatus(form.text("status"))
        except ValueError:
            raise RefusedError(400, _("The request was not understood.")) from None
        if action_id is None:
            raise RefusedError(400, _("The request was not understood."))
        return writes.set_status(
            room.services,
            meeting_id=room.meeting_id,
            member_id=device.member_id,
            action_id=action_id,
            status=new,
            note=form.text("note"),
            seen=form.text("version"),
        )

    def commit(device: Device, form: _Form) -> object:
        level = form.number("confidence")
        if level is None or not 1 <= level <= 5:
            raise RefusedError(400, _("The request was not understood."))
        return writes.commit(
            room.services,
            meeting_id=room.meeting_id,
            member_id=device.member_id,
            confidence=level,
            note=form.text("note"),
            seen=form.text("version"),
        )

    async def post_idea(request: Request) -> Response:
        return await write(request, idea, "ideas")

    async def post_action(request: Request) -> Response:
        return await write(request, action, "mine")

    async def post_status(request: Request) -> Response:
        return await write(request, status, "review")

    async def post_commit(request: Request) -> Response:
        return await write(request, commit, "commit")

    def rating_form(form: _Form) -> tuple[int, bool]:
        """The score (1–10) and whether it is anonymous, as the page's buttons send them."""
        score = form.number("score")
        anonymous = form.text("anonymous")
        if score is None or not MIN_SCORE <= score <= MAX_SCORE or anonymous not in ("", "1"):
            raise RefusedError(400, _("The request was not understood."))
        return score, anonymous == "1"

    def rating(device: Device, form: _Form) -> object:
        score, anonymous = rating_form(form)
        return writes.rate(
            room.services,
            room.access,
            meeting_id=room.meeting_id,
            member_id=device.member_id,
            score=score,
            answer=form.text("answer"),
            anonymous=anonymous,
            seen=form.text("version"),
        )

    async def post_rating(request: Request) -> Response:
        """A tap on a score. Below 8 the question "what would make it a 10?" comes first
        (nothing is stored until it is answered or skipped: an anonymous rating is given
        once, whole); with the answer field sent, the rating is stored."""
        device, form = await checked_form(request)
        score, anonymous = rating_form(form)
        ask = None
        if needs_answer(score):
            ask = {"score": score, "anonymous": anonymous, "version": form.text("version")}
            if "answer" not in form:
                context = await page_context(device)
                mine = context.get("rating")
                ask["answer"] = mine.answer if mine is not None and not anonymous else ""
                return respond(meeting_page(device, context, ask=ask))
            ask["answer"] = form.text("answer")
        return await written(device, form, rating, "rate", ask=ask)

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in static:
            raise RefusedError(404, _("There is no such page."))
        headers = {**SECURITY_HEADERS, "Cache-Control": "max-age=3600"}
        return Response(static[name], media_type=STATIC[name], headers=headers)

    routes = [
        Route("/", handled(home), methods=["GET"]),
        Route("/join", handled(join_page), methods=["GET"]),
        Route("/join", handled(join), methods=["POST"]),
        Route("/leave", handled(leave), methods=["POST"]),
        Route("/part", handled(part), methods=["GET"]),
        Route("/events", handled(events), methods=["GET"]),
        Route("/idea", handled(post_idea), methods=["POST"]),
        Route("/action", handled(post_action), methods=["POST"]),
        Route("/status", handled(post_status), methods=["POST"]),
        Route("/commit", handled(post_commit), methods=["POST"]),
        Route("/rating", handled(post_rating), methods=["POST"]),
        Route("/static/{name}", handled(asset), methods=["GET"]),
    ]

    async def not_found(request: Request, _exc: Exception) -> Response:
        return refusal(RefusedError(404, _("There is no such page.")))

    async def not_allowed(request: Request, _exc: Exception) -> Response:
        return refusal(RefusedError(405, _("The request was not understood.")))

    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed})
