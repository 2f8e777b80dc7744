"""Following the meeting: the part of the page a phone reloads, and the event stream that
tells it when (state, approved, gone, ping)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from alignmeet.room import pages
from alignmeet.room.access import Device
from alignmeet.room.site import SECURITY_HEADERS, Site, form_token

EVENT_POLL_S = 0.25  # how often an event stream looks at the revision
MIN_EVENT_GAP_S = 0.6  # at most this often a state to one phone (changes coalesce)
PING_S = 15.0


async def part(site: Site, request: Request) -> Response:
    room = site.room
    device = site.device_of(request)
    context = await run_in_threadpool(
        pages.part, room.services, room.meeting_id, device.member_id, room.live.stage
    )
    return site.respond(
        pages.render("room_part.html.j2", csrf=device.csrf, once=form_token(), **context)
    )


async def events(site: Site, request: Request) -> Response:
    from sse_starlette.sse import EventSourceResponse

    device = site.device_of(request, approved=False)
    return EventSourceResponse(_stream(site, request, device), headers=SECURITY_HEADERS, ping=None)


async def _stream(site: Site, request: Request, device: Device) -> AsyncIterator[dict[str, str]]:
    room = site.room
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
