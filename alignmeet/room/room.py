"""One open room: a meeting served on the local network until the facilitator closes it.

    room = Room(services, meeting_id, host="192.168.1.20", port=8765)
    room.start()                  # binds (OSError → RoomError with the reason), then serves
    room.join_url                 # "http://192.168.1.20:8765/join?c=K7PM3Q" (the QR)
    room.subscribe(listener)      # hears each participant's operation (on the server thread)
    room.set_stage(...)           # the item on the facilitator's screen and its timer
    room.close()                  # code, sessions and server gone; the database is left

The room is its own client of the database (`alignmeet.services.another_client`): its
writes carry their own origin, so the facilitator's window and every other client hear
them as someone else's, and optimistic locking treats participants and facilitator as two
people. The server runs uvicorn in a worker thread; a second thread polls the change feed
(4 times a second) so the phones hear the facilitator's and everyone else's writes; the
room's own writes are heard at once (operations listener). When the meeting is closed the
room closes itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from alignmeet.i18n import _
from alignmeet.room.access import RoomAccess
from alignmeet.room.live import Live
from alignmeet.services import NotFoundError, another_client

if TYPE_CHECKING:
    import uvicorn

    from alignmeet.services import Services
    from alignmeet.services.operations import Listener

log = logging.getLogger(__name__)

DEFAULT_PORT = 8765
FEED_POLL_S = 0.25
LOOPBACK = "127.0.0.1"


class RoomError(Exception):
    """The room cannot open (the address or port cannot be used); the message says why."""


def candidate_addresses() -> list[str]:
    """The machine's IPv4 addresses a phone in the room could reach, the one of the
    default route first; loopback (this machine only) last. Never 0.0.0.0: serving every
    interface is not offered (a projector's network is not the only one a laptop is on)."""
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))  # no packet is sent: picks the outgoing address
        found.append(probe.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    usable = []
    for text in found:
        address = ipaddress.ip_address(text)
        if not (address.is_loopback or address.is_unspecified) and text not in usable:
            usable.append(text)
    return [*usable, LOOPBACK]


class Room:
    def __init__(
        self,
        services: Services,
        meeting_id: int,
        *,
        host: str = LOOPBACK,
        port: int = DEFAULT_PORT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        address = ipaddress.ip_address(host)  # ValueError for anything but an address
        if address.is_unspecified:
            raise RoomError(_("Choose one address to serve on, not every interface."))
        self.meeting_id = meeting_id
        self.host = host
        self.port = port
        self.services = another_client(services)
        self.access = RoomAccess(meeting_id, clock=clock)
        self.stopping = False
        self.closed_by_meeting = False
        self._title = services.meetings.get_meeting(meeting_id).title
        self._names: dict[int, str] = {}
        from alignmeet.room import pages

        self.live = Live(
            lambda stage: pages.live_state(self.services, meeting_id, stage), clock=clock
        )
        self._unsubscribe = self.services.operations.subscribe(lambda _o: self.live.bump())
        self._server: uvicorn.Server | None = None
        self._threads: list[threading.Thread] = []
        self.on_closed: Callable[[], None] = lambda: None  # the meeting closed the room
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="room-link-work")

    # ---- what the panel shows -------------------------------------------------------------
    def title(self) -> str:
        return self._title

    def member_name(self, member_id: int) -> str:
        if member_id not in self._names:
            self._names = {
                m.id: m.name for m in self.services.people.list_members(include_inactive=True)
            }
        return self._names.get(member_id, "")

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def join_url(self) -> str:
        return f"{self.base_url}join?c={self.access.code}"

    def hosts(self) -> list[str]:
        """The Host headers this room answers to."""
        names = [f"{self.host}:{self.port}"]
        if self.port == 80:
            names.append(self.host)
        return names

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Hear every operation a participant runs (on the server's thread)."""
        return self.services.operations.subscribe(listener)

    def set_stage(
        self, *, item_id: int | None, box_seconds: int, used_seconds: float, running: bool
    ) -> None:
        self.live.set_stage(
            item_id=item_id, box_seconds=box_seconds, used_seconds=used_seconds, running=running
        )

    # ---- serving -------------------------------------------------------------------------
    def start(self) -> None:
        import uvicorn

        from alignmeet.room.app import MAX_BODY, create_app

        try:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
            sock.listen(128)
        except OSError as exc:
            self.services.close()
            raise RoomError(
                _("Cannot serve on {address}: {reason}").format(
                    address=f"{self.host}:{self.port}", reason=exc.strerror or exc
                )
            ) from exc
        self.port = sock.getsockname()[1]  # port 0: the one the system chose
        config = uvicorn.Config(
            create_app(self),
            log_level="warning",
            access_log=False,
            lifespan="off",
            limit_concurrency=600,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=1,
            h11_max_incomplete_event_size=MAX_BODY,
            server_header=False,
        )
        server = uvicorn.Server(config)
        server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self._server = server
        serve = threading.Thread(
            target=lambda: asyncio.run(server.serve(sockets=[sock])),
            name="room-link-server",
            daemon=True,
        )
        feed = threading.Thread(target=self._follow_feed, name="room-link-feed", daemon=True)
        self._threads = [serve, feed]
        serve.start()
        feed.start()
        deadline = time.monotonic() + 10
        while not server.started and serve.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)

    def _follow_feed(self) -> None:
        """Other clients' writes (the facilitator's window, another facilitator, the CLI)
        reach the phones: a new revision for each batch."""
        try:
            feed = self.services.db.change_feed()
        except Exception:
            log.exception("Room Link: no change feed")
            return
        try:
            while not self.stopping:
                try:
                    changes = feed.poll()
                except Exception:
                    log.exception("Room Link: reading the change feed failed")
                    changes = None
                if changes:
                    self.live.bump()
                    if changes.touches_row("meeting", self.meeting_id) and self._meeting_closed():
                        self.closed_by_meeting = True
                        self.close()
                        self.on_closed()
                        return
                time.sleep(FEED_POLL_S)
        finally:
            feed.close()

    def _meeting_closed(self) -> bool:
        try:
            meeting = self.services.meetings.get_meeting(self.meeting_id)
        except NotFoundError:
            return True
        return meeting.status.value == "closed"

    def background(self, work: Callable[..., object], /, *args: object, **kwargs: object) -> None:
        """Run `work` on the room's worker thread (one at a time, in order): a write the
        facilitator's click asks for, kept off the window's thread."""
        if self.stopping:
            return

        def run() -> None:
            try:
                work(*args, **kwargs)
            except Exception:
                log.exception("Room Link: background work failed")

        self._worker.submit(run)

    @property
    def serving(self) -> bool:
        return self._server is not None and self._server.started and not self.stopping

    def close(self) -> None:
        """Close the room: the code, the tickets and every session stop working at once;
        the server stops (open event streams end within a moment)."""
        if self.stopping:
            return
        self.stopping = True
        self.access.close()
        self._unsubscribe()
        if self._server is not None:
            self._server.should_exit = True
        self._worker.shutdown(wait=not threading.current_thread().name.startswith("room-link-work"))
        current = threading.current_thread()
        for thread in self._threads:
            if thread is not current:
                thread.join(timeout=5)
        self.services.close()
