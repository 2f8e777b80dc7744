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

The checks and answers every request shares are `Site` (site.py); the handlers live in
routes/ (joining, following, writing); this module only wires them to their addresses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from alignmeet.i18n import _
from alignmeet.room.access import RefusedError
from alignmeet.room.routes import following, joining, writing
from alignmeet.room.site import COOKIE, MAX_BODY, Site

if TYPE_CHECKING:
    from alignmeet.room.room import Room

__all__ = ["COOKIE", "MAX_BODY", "create_app"]


def create_app(room: Room, *, allowed_hosts: list[str] | None = None) -> Starlette:
    """The participants' web application over `room` (its meeting, access and services)."""
    site = Site(room, allowed_hosts=allowed_hosts)
    handled = site.handled
    routes = [
        Route("/", handled(joining.home), methods=["GET"]),
        Route("/join", handled(joining.join_page), methods=["GET"]),
        Route("/join", handled(joining.join), methods=["POST"]),
        Route("/leave", handled(joining.leave), methods=["POST"]),
        Route("/part", handled(following.part), methods=["GET"]),
        Route("/events", handled(following.events), methods=["GET"]),
        Route("/idea", handled(writing.post_idea), methods=["POST"]),
        Route("/action", handled(writing.post_action), methods=["POST"]),
        Route("/status", handled(writing.post_status), methods=["POST"]),
        Route("/commit", handled(writing.post_commit), methods=["POST"]),
        Route("/rating", handled(writing.post_rating), methods=["POST"]),
        Route("/static/{name}", handled(joining.asset), methods=["GET"]),
    ]

    async def not_found(request: Request, _exc: Exception) -> Response:
        return site.refusal(RefusedError(404, _("There is no such page.")))

    async def not_allowed(request: Request, _exc: Exception) -> Response:
        return site.refusal(RefusedError(405, _("The request was not understood.")))

    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed})
