"""Joining and leaving: the code page, the name list, the waiting page, the session cookie,
and the static files those pages load."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from alignmeet.i18n import _
from alignmeet.room import pages
from alignmeet.room.access import RefusedError
from alignmeet.room.site import COOKIE, SECURITY_HEADERS, STATIC, Site, read_form


async def home(site: Site, request: Request) -> Response:
    room = site.room
    device = room.access.device_for(request.cookies.get(COOKIE))
    if device is None:
        if room.access.closed:
            raise RefusedError(410, _("The room is closed."))
        return site.respond(pages.render("room_code.html.j2", title=room.title(), error=""))
    if not device.approved:
        name = await run_in_threadpool(room.member_name, device.member_id)
        return site.respond(pages.render("room_wait.html.j2", title=room.title(), name=name))
    context = await site.page_context(device)
    return site.respond(site.meeting_page(device, context))


async def join_page(site: Site, request: Request) -> Response:
    room = site.room
    code = request.query_params.get("c", "")
    room.access.throttle_join(request.client.host if request.client else "")
    try:
        ticket = room.access.ticket_for(code)
    except RefusedError as exc:
        if exc.status != 403:
            raise
        body = pages.render("room_code.html.j2", title=room.title(), error=exc.message)
        return site.respond(body, 403)
    members = await run_in_threadpool(pages.joinable_members, room.services, room.meeting_id)
    return site.respond(
        pages.render(
            "room_names.html.j2",
            title=room.title(),
            code=room.access.code,
            ticket=ticket,
            members=members,
        )
    )


async def join(site: Site, request: Request) -> Response:
    room = site.room
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
    response = site.redirect()
    response.set_cookie(COOKIE, device.session, httponly=True, samesite="strict", path="/")
    return response


async def leave(site: Site, request: Request) -> Response:
    form = await read_form(request)
    device = site.device_of(request, approved=False)
    site.room.access.check_csrf(device, form.text("csrf"))
    site.room.access.remove(device.id)
    response = site.redirect()
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


async def asset(site: Site, request: Request) -> Response:
    name = request.path_params["name"]
    if name not in site.static:
        raise RefusedError(404, _("There is no such page."))
    headers = {**SECURITY_HEADERS, "Cache-Control": "max-age=3600"}
    return Response(site.static[name], media_type=STATIC[name], headers=headers)
