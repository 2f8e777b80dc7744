"""Room Link: the meeting served to the participants' phones on the local network.

Qt-free. `Room` (room.py) is one open room: its access rules (access.py), what the phones
follow live (live.py), the pages (pages.py, templates/room_*.html.j2, resources/room/), the
web application (app.py, Starlette: its shared checks in site.py, its handlers in routes/)
and the participants' writes (writes.py, through the services' one write path).
The desktop app opens and closes it (ui/room_panel.py).
"""

from __future__ import annotations

from alignmeet.room.access import Device, DeviceState, RefusedError, RoomAccess
from alignmeet.room.qr import qr_png, qr_svg
from alignmeet.room.room import DEFAULT_PORT, LOOPBACK, Room, RoomError, candidate_addresses

__all__ = [
    "DEFAULT_PORT",
    "LOOPBACK",
    "Device",
    "DeviceState",
    "RefusedError",
    "Room",
    "RoomAccess",
    "RoomError",
    "candidate_addresses",
    "qr_png",
    "qr_svg",
]
