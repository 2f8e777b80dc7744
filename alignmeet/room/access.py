"""Who may do what in the room: the join code, the devices, their sessions, the limits.

Everything here lives in memory and dies with the room (nothing is persisted: a room is
open for one meeting, on one laptop; a restart of the app is a new room with a new code,
and a device that was in the old one joins again in two taps). Thread-safe: the server's
worker threads and the facilitator's window call it at once.

    access = RoomAccess(meeting_id=7)
    access.code                             # "K7PM3Q": on the projector and the panel
    ticket = access.ticket_for(code)        # the name-picking form's one-time ticket
    device = access.join(code, ticket, member_id=3, agent="…")   # pending, with a session
    access.approve(device.id)               # the facilitator's click
    access.device_for(device.session)       # every later request: the cookie's device
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from alignmeet.i18n import _

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read off a projector across a room is typed right.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3467"
CODE_LENGTH = 6
TICKET_SECONDS = 10 * 60  # how long the name-picking page stays good
MAX_TICKETS = 500  # outstanding tickets at once (each GET of the picker makes one)
MAX_DEVICES = 200
JOIN_ATTEMPTS_PER_MINUTE = 10  # per network address: 24^6 codes cannot be guessed at this pace
WRITES_PER_SECOND = 5.0  # per device, sustained...
WRITE_BURST = 20  # ...with this many at once
SENDS_REMEMBERED = 100  # per device: the forms whose second send is recognised as such


class RefusedError(Exception):
    """A request the room does not accept; `status` is the HTTP status to answer with and
    the message says why, for the person holding the phone."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.typed: list[str] = []  # what the person typed into the refused form, to copy


class DeviceState(StrEnum):
    PENDING = "pending"  # joined, waiting for the facilitator
    APPROVED = "approved"
    REMOVED = "removed"  # the facilitator took it out: its cookie is worth nothing now


@dataclass(frozen=True)
class Device:
    id: int
    member_id: int
    state: DeviceState
    agent: str  # a short description of the browser ("Android · Chrome"), for the panel
    address: str
    joined_at: float
    last_seen: float
    session: str  # the cookie's value (never shown)
    csrf: str  # the token every form of this device carries

    @property
    def approved(self) -> bool:
        return self.state is DeviceState.APPROVED


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a person typed, as a code: case and spaces do not matter."""
    return "".join(text.split()).upper()[: CODE_LENGTH * 2]


def short_agent(user_agent: str) -> str:
    """ "Android · Chrome" from a User-Agent header: enough to tell two phones apart."""
    ua = user_agent or ""
    system = next(
        (
            name
            for key, name in (
                ("iPhone", "iPhone"),
                ("iPad", "iPad"),
                ("Android", "Android"),
                ("Windows", "Windows"),
                ("Mac OS", "Mac"),
                ("Linux", "Linux"),
            )
            if key in ua
        ),
        "",
    )
    browser = next(
        (
            name
            for key, name in (
                ("Edg/", "Edge"),
                ("Firefox/", "Firefox"),
                ("Chrome/", "Chrome"),
                ("Safari/", "Safari"),
            )
            if key in ua
        ),
        "",
    )
    return " · ".join(x for x in (system, browser) if x) or _("Browser")


@dataclass
class Send:
    """One form's first send (its `once` token): `done` is set when its write finished,
    `stored` says whether it stored anything."""

    done: threading.Event = field(default_factory=threading.Event)
    stored: bool = False


class _Bucket:
    """A token bucket: `rate` per second, at most `burst` saved up."""

    __slots__ = ("at", "tokens")

    def __init__(self, burst: float, now: float) -> None:
        self.tokens = burst
        self.at = now

    def take(self, rate: float, burst: float, now: float) -> bool:
        self.tokens = min(burst, self.tokens + (now - self.at) * rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


class RoomAccess:
    """The room's door: one meeting, one code at a time, the devices let in."""

    def __init__(self, meeting_id: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.meeting_id = meeting_id
        self._clock = clock
        self._lock = threading.Lock()
        self._code = new_code()
        self._tickets: dict[str, tuple[str, float]] = {}  # ticket -> (code, issued at)
        self._devices: dict[int, Device] = {}
        self._by_session: dict[str, int] = {}
        self._next_id = 1
        self._joins: dict[str, _Bucket] = {}
        self._writes: dict[int, _Bucket] = {}
        # Members who rated the meeting anonymously from a phone: that they did, never
        # which rating is theirs (so nobody rates twice, and nobody can tell whose it is).
        self._rated_anonymously: set[int] = set()
        # The forms each device sent (their one-time tokens): a double tap, Back and Send
        # again, or a network retry of the same POST is one entry, not two.
        self._sends: dict[int, OrderedDict[str, Send]] = {}
        self.closed = False
        self.changed: Callable[[], None] = lambda: None  # the panel's "devices changed"

    # ---- the code -------------------------------------------------------------------
    @property
    def code(self) -> str:
        return self._code

    def rotate(self) -> str:
        """A new code: the old one and the tickets it gave stop working (devices already
        in stay in)."""
        with self._lock:
            self._code = new_code()
            self._tickets.clear()
        self.changed()
        return self._code

    def close(self) -> None:
        """The room is closed: no code, no ticket, no session works any more."""
        with self._lock:
            self.closed = True
            self._code = ""
            self._tickets.clear()
            self._rated_anonymously.clear()
            self._sends.clear()
            self._by_session.clear()
            self._devices = {
                i: replace(d, state=DeviceState.REMOVED) for i, d in self._devices.items()
            }

    def _check_code(self, code: str) -> None:
        if self.closed:
            raise RefusedError(410, _("The room is closed."))
        if not code:
            raise RefusedError(403, _("Type the code shown on the screen."))
        if not secrets.compare_digest(normalise_code(code), self._code):
            raise RefusedError(
                403, _("That code does not work (any more). Type the code shown on the screen.")
            )

    def throttle_join(self, address: str) -> None:
        """At most JOIN_ATTEMPTS_PER_MINUTE code attempts per minute from one address."""
        now = self._clock()
        with self._lock:
            bucket = self._joins.setdefault(address, _Bucket(JOIN_ATTEMPTS_PER_MINUTE, now))
            allowed = bucket.take(JOIN_ATTEMPTS_PER_MINUTE / 60, JOIN_ATTEMPTS_PER_MINUTE, now)
        if not allowed:
            raise RefusedError(429, _("Too many tries. Wait a minute, then try again."))

    def ticket_for(self, code: str) -> str:
        """A one-time ticket for the name-picking form of someone who has the code."""
        with self._lock:
            self._check_code(code)
            now = self._clock()
            self._forget_old_tickets(now)
            if len(self._tickets) >= MAX_TICKETS:
                raise RefusedError(429, _("Too many people are joining at once. Try again."))
            ticket = secrets.token_urlsafe(24)
            self._tickets[ticket] = (self._code, now)
            return ticket

    def _forget_old_tickets(self, now: float) -> None:
        for ticket, (_code, issued) in list(self._tickets.items()):
            if now - issued > TICKET_SECONDS:
                del self._tickets[ticket]

    # ---- devices --------------------------------------------------------------------
    def join(
        self, code: str, ticket: str, *, member_id: int, agent: str = "", address: str = ""
    ) -> Device:
        """Exchange the code and a ticket (each ticket once) for a device of `member_id`,
        waiting for the facilitator's approval. The caller checked the member is present."""
        with self._lock:
            self._check_code(code)
            now = self._clock()
            self._forget_old_tickets(now)
            issued = self._tickets.pop(ticket, None) if ticket else None
            if issued is None or issued[0] != self._code:
                raise RefusedError(
                    403, _("This page has expired or was already used. Scan the code again.")
                )
            if len(self._devices) >= MAX_DEVICES:
                raise RefusedError(429, _("The room is full."))
            device = Device(
                id=self._next_id,
                member_id=member_id,
                state=DeviceState.PENDING,
                agent=short_agent(agent),
                address=address,
                joined_at=now,
                last_seen=now,
                session=secrets.token_urlsafe(32),
                csrf=secrets.token_urlsafe(24),
            )
            self._next_id += 1
            self._devices[device.id] = device
            self._by_session[device.session] = device.id
        self.changed()
        return device

    def device_for(self, session: str | None, *, seen: bool = True) -> Device | None:
        """The device a cookie belongs to (None: no cookie, a removed device, a closed
        room); `seen` notes the time for the panel's "last seen"."""
        if not session or self.closed:
            return None
        with self._lock:
            ident = self._by_session.get(session)
            device = self._devices.get(ident) if ident is not None else None
            if device is None or device.state is DeviceState.REMOVED:
                return None
            if seen:
                device = replace(device, last_seen=self._clock())
                self._devices[device.id] = device
            return device

    def devices(self) -> list[Device]:
        with self._lock:
            return [d for d in self._devices.values() if d.state is not DeviceState.REMOVED]

    def device(self, device_id: int) -> Device | None:
        with self._lock:
            return self._devices.get(device_id)

    def approve(self, device_id: int) -> None:
        self._set_state([device_id], DeviceState.APPROVED)

    def approve_all(self, member_ids: Iterable[int] | None = None) -> list[Device]:
        """Approve every waiting device (of `member_ids`, when given) at once; returns them."""
        wanted = set(member_ids) if member_ids is not None else None
        with self._lock:
            waiting = [
                d
                for d in self._devices.values()
                if d.state is DeviceState.PENDING and (wanted is None or d.member_id in wanted)
            ]
        self._set_state([d.id for d in waiting], DeviceState.APPROVED)
        return waiting

    def remove(self, device_id: int) -> None:
        self._set_state([device_id], DeviceState.REMOVED)
        with self._lock:
            device = self._devices.get(device_id)
            if device is not None:
                self._by_session.pop(device.session, None)

    def _set_state(self, ids: Iterable[int], state: DeviceState) -> None:
        changed = False
        with self._lock:
            for ident in ids:
                device = self._devices.get(ident)
                if device is not None and device.state is not DeviceState.REMOVED:
                    self._devices[ident] = replace(device, state=state)
                    changed = True
        if changed:
            self.changed()

    def throttle_write(self, device: Device) -> None:
        now = self._clock()
        with self._lock:
            bucket = self._writes.setdefault(device.id, _Bucket(WRITE_BURST, now))
            allowed = bucket.take(WRITES_PER_SECOND, WRITE_BURST, now)
        if not allowed:
            raise RefusedError(429, _("Slow down a little: too many entries at once."))

    # ---- anonymous ratings ---------------------------------------------------------------
    def rated_anonymously(self, member_id: int) -> bool:
        with self._lock:
            return member_id in self._rated_anonymously

    def claim_anonymous_rating(self, member_id: int) -> bool:
        """Note that `member_id` is giving their one anonymous rating; False when they
        have given it already (from this phone or another). Only the member is kept, never
        the rating: nothing here says which anonymous rating is whose."""
        with self._lock:
            if self.closed or member_id in self._rated_anonymously:
                return False
            self._rated_anonymously.add(member_id)
            return True

    def release_anonymous_rating(self, member_id: int) -> None:
        """The anonymous rating claimed was not stored after all (refused, or failed)."""
        with self._lock:
            self._rated_anonymously.discard(member_id)

    # ---- a form sent twice ---------------------------------------------------------------
    def claim_send(self, device: Device, token: str) -> Send | None:
        """None when this is the first send of the form `token` (the caller writes, then
        calls `finish_send`); else that first send (wait on its `done`)."""
        with self._lock:
            sends = self._sends.setdefault(device.id, OrderedDict())
            earlier = sends.get(token)
            if earlier is not None:
                return earlier
            sends[token] = Send()
            while len(sends) > SENDS_REMEMBERED:
                sends.popitem(last=False)
            return None

    def finish_send(self, device: Device, token: str, *, stored: bool) -> None:
        """The first send of `token` finished; one that stored nothing may be sent again."""
        with self._lock:
            sends = self._sends.get(device.id, OrderedDict())
            send = sends.get(token)
            if send is None:
                return
            send.stored = stored
            if not stored:
                del sends[token]
        send.done.set()

    def check_csrf(self, device: Device, token: str) -> None:
        if not token or not secrets.compare_digest(token, device.csrf):
            raise RefusedError(403, _("This form has expired. Reload the page and send it again."))
