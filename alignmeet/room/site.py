"""What every Room Link request shares: the limits and headers, reading a form, and `Site`
— one room's answers (pages, refusals, redirects) and its checks (Host, Origin, device).
The route handlers (alignmeet/room/routes/) take the `Site` first; `create_app` wires them.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _
from alignmeet.room import pages, writes
from alignmeet.room.access import Device, RefusedError
from alignmeet.services import NotFoundError

if TYPE_CHECKING:
    from alignmeet.room.room import Room

log = logging.getLogger("alignmeet.room.app")  # the app's log, as before the handlers moved

COOKIE = "alignmeet_room"
# Bytes of one form: its longest field (a status note, 2,000 characters) in any script —
# a Chinese character is 9 bytes percent-encoded, an emoji's half 6 — and the rest.
MAX_BODY = 32 * 1024
MAX_FIELDS = 20
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
SEND_WAIT_S = 10.0  # a second send of a form waits this long for the first one's write
STATIC = {"room.css": "text/css; charset=utf-8", "room.js": "text/javascript; charset=utf-8"}

Handler = Callable[["Site", Request], Awaitable[Response]]
Write = Callable[["Site", Device, "Form"], object]


# The fields a person types on a phone (the rest are choices, ids and tokens).
_TYPED = ("text", "title", "milestone", "note", "answer")
# The typed fields each phase's page fills back in after a refusal (the rest are offered
# to copy): the review's status notes are one per action, so they are offered to copy.
_REFILLED = {
    "agenda": {"text"},
    "actions": {"title", "milestone"},
    "commitments": {"note"},
}


def typed_in(form: dict[str, str], *, but: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """What the person typed into `form` (the fields in `but` aside)."""
    return [v for k, v in form.items() if k in _TYPED and k not in but and v.strip()]


def static_files() -> dict[str, bytes]:
    from alignmeet.paths import resources_dir

    folder = Path(resources_dir()) / "room"
    return {name: (folder / name).read_bytes() for name in STATIC}


def form_token() -> str:
    """A page's one-time token (the forms' `once` field): the same form sent twice is
    written once."""
    return secrets.token_urlsafe(16)


class Form(dict[str, str]):
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


async def read_form(request: Request) -> Form:
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
    form = Form()
    for name, values in fields.items():
        if len(values) != 1:
            raise RefusedError(400, _("The request was not understood."))
        form[name] = values[0]
    return form


class Site:
    """One room as the web sees it: the Hosts it answers, its static files, and the answers
    and checks every handler shares."""

    def __init__(self, room: Room, *, allowed_hosts: list[str] | None = None) -> None:
        self.room = room
        self.static = static_files()
        hosts = allowed_hosts if allowed_hosts is not None else room.hosts()
        self.hosts = {h.lower() for h in hosts}

    # ---- answers -----------------------------------------------------------------------
    def respond(self, body: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)

    def refusal(self, exc: RefusedError) -> HTMLResponse:
        return self.respond(
            pages.render(
                "room_message.html.j2",
                title=self.room.title(),
                message=exc.message,
                typed=exc.typed,
            ),
            exc.status,
        )

    def redirect(self, url: str = "/") -> RedirectResponse:
        return RedirectResponse(url, status_code=303, headers=SECURITY_HEADERS)

    async def page_context(self, device: Device) -> dict[str, Any]:
        room = self.room
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
        self,
        device: Device,
        context: dict[str, Any],
        *,
        error: str = "",
        values: dict[str, str] | None = None,
        ask: dict[str, Any] | None = None,
        leftover: list[str] | None = None,
    ) -> str:
        return pages.render(
            "room_meeting.html.j2",
            title=self.room.title(),
            csrf=device.csrf,
            once=form_token(),
            error=error,
            values=values or {},
            ask=ask,
            leftover=leftover or [],
            **context,
        )

    # ---- checks ------------------------------------------------------------------------
    def check_host(self, request: Request) -> None:
        host = request.headers.get("host", "").lower()
        if host not in self.hosts:
            raise RefusedError(400, _("The request was not understood."))

    def check_origin(self, request: Request) -> None:
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc.lower() not in self.hosts:
            raise RefusedError(403, _("This form has expired. Reload the page and send it again."))

    def device_of(self, request: Request, *, approved: bool = True) -> Device:
        device = self.room.access.device_for(request.cookies.get(COOKIE))
        if device is None:
            raise RefusedError(403, _("Join the room first: scan the code on the screen."))
        if approved and not device.approved:
            raise RefusedError(403, _("Wait until the facilitator lets you in."))
        return device

    def handled(self, endpoint: Handler) -> Callable[[Request], Awaitable[Response]]:
        """`endpoint` behind the Host (and, for a form, Origin) check; a refusal becomes a
        page, and nothing unexpected reaches the phone as a traceback."""

        async def wrapper(request: Request) -> Response:
            try:
                self.check_host(request)
                if request.method == "POST":
                    self.check_origin(request)
                return await endpoint(self, request)
            except RefusedError as exc:
                return self.refusal(exc)
            except NotFoundError as exc:
                return self.refusal(RefusedError(404, str(exc)))
            except Exception:  # never a traceback to a phone; the log has it
                log.exception("Room Link: %s %s failed", request.method, request.url.path)
                return self.refusal(
                    RefusedError(500, _("Something went wrong; nothing was saved."))
                )

        return wrapper

    # ---- writing -----------------------------------------------------------------------
    async def checked_form(self, request: Request) -> tuple[Device, Form]:
        """The form of an approved device, its CSRF token checked, within its write limit."""
        form = await read_form(request)
        try:
            device = self.device_of(request)
            self.room.access.check_csrf(device, form.text("csrf"))
            self.room.access.throttle_write(device)
        except RefusedError as exc:  # nothing typed is lost: it comes back to copy
            exc.typed = typed_in(form)
            raise
        return device, form

    async def write(self, request: Request, do: Write, fragment: str) -> Response:
        device, form = await self.checked_form(request)
        return await self.written(device, form, do, fragment)

    async def written(
        self,
        device: Device,
        form: Form,
        do: Write,
        fragment: str,
        *,
        ask: dict[str, Any] | None = None,
    ) -> Response:
        """Run `do`; a refusal the person can act on comes back on the page, with what
        they typed (`ask`: the rating's question, when it was being answered). The same
        form sent again (its `once` token: a double tap, Back and Send, a retry) writes
        nothing more and is answered as the first send was, once that one has finished."""
        token = form.text("once")
        if token:
            access = self.room.access
            for _attempt in range(2):
                earlier = access.claim_send(device, token)
                if earlier is None:
                    break
                await run_in_threadpool(earlier.done.wait, SEND_WAIT_S)
                if earlier.stored:
                    return self.redirect(f"/#{fragment}")
            else:
                raise RefusedError(409, _("This form is being sent already. Reload the page."))
        if not token:
            return await self._write(device, form, do, fragment, ask=ask)
        started = threading.Event()

        def write_and_finish(site: Site, device: Device, form: Form) -> None:
            # Said by the write's own thread: it goes on when the phone's connection drops
            # and the request is cancelled, and what it stored must then be known as
            # stored, or the browser's retry of the same form would write it again.
            started.set()
            stored = False
            try:
                do(site, device, form)
                stored = True
            finally:
                self.room.access.finish_send(device, token, stored=stored)

        try:
            return await self._write(device, form, write_and_finish, fragment, ask=ask)
        finally:
            if not started.is_set():  # cancelled before the write began: nothing stored
                self.room.access.finish_send(device, token, stored=False)

    async def _write(
        self,
        device: Device,
        form: Form,
        do: Write,
        fragment: str,
        *,
        ask: dict[str, Any] | None = None,
    ) -> Response:
        try:
            await run_in_threadpool(do, self, device, form)
        except (ValidationError, writes.SeenChangedError) as exc:
            message = exc.message
            status = 422 if isinstance(exc, ValidationError) else 409
            context = await self.page_context(device)
            kept = {k: v for k, v in form.items() if k not in ("csrf", "version", "once")}
            # The page is the current phase's: what its forms cannot hold comes to copy.
            refilled = _REFILLED.get(context["state"]["phase"], set())
            if ask is not None:
                refilled = {*refilled, "answer"}
            page = self.meeting_page(
                device,
                context,
                error=message,
                values=kept,
                ask=ask,
                leftover=typed_in(form, but=refilled),
            )
            return self.respond(page, status)
        except RefusedError as exc:
            # Refused before it was stored (closed before it arrived, another meeting's
            # record...): nothing was saved, and what they typed comes back to copy.
            exc.typed = typed_in(form)
            raise
        return self.redirect(f"/#{fragment}")
