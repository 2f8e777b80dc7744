"""Room Link fixtures: services on SQLite and PostgreSQL (as the service tests), a meeting
with four invited members, an open room over it, and phones (ASGI test clients)."""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Iterator
from datetime import date, datetime
from types import SimpleNamespace

import pytest

from alignmeet.domain.enums import Attendance, Phase
from alignmeet.room.app import COOKIE, create_app
from alignmeet.room.room import Room
from alignmeet.services import Services
from alignmeet.storage.database import open_database

NOW = datetime(2026, 3, 2, 9, 30)
TODAY: date = NOW.date()
HOST = "testserver"


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="session")
def room_database_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("room") / "alignmeet.sqlite3"
    services = Services(open_database(path))
    services.bootstrap()
    services.close()
    return path


@pytest.fixture(scope="session")
def room_postgres_database(postgres_server):
    name = postgres_server.create()
    open_database(postgres_server.url_of(name)).dispose()
    yield name
    postgres_server.drop(name)


@pytest.fixture
def services(db_backend, request, tmp_path) -> Iterator[Services]:
    if db_backend == "sqlite":
        path = tmp_path / "alignmeet.sqlite3"
        shutil.copyfile(request.getfixturevalue("room_database_file"), path)
        target = str(path)
    else:
        server = request.getfixturevalue("postgres_server")
        name = request.getfixturevalue("room_postgres_database")
        server.empty(name)
        target = server.url_of(name)
    svc = Services(open_database(target), clock=lambda: NOW)
    svc.bootstrap()
    yield svc
    svc.close()


@pytest.fixture
def people(services) -> SimpleNamespace:
    teams = {t.name: t.id for t in services.people.list_teams()}
    add = services.people.add_member
    return SimpleNamespace(
        ana=add(name="Ana López", team_id=teams["Sales"]),
        ben=add(name="Ben Okoro", team_id=teams["Sales"]),
        chloe=add(name="Chloé Martin", team_id=teams["Marketing"]),
        dev=add(name="Dev Patel", team_id=teams["Marketing"]),
    )


@pytest.fixture
def meeting(services, people):
    series = services.meetings.ensure_series(name="Monthly sync")
    template = next(t for t in services.agenda.templates() if t.name.startswith("Monthly"))
    meeting = services.meetings.create_meeting(
        title="Sales & Marketing sync",
        starts_at=datetime(2026, 3, 2, 10, 0),
        series_id=series.id,
        invitee_ids=[m.id for m in vars(people).values()],
        template_id=template.id,
    )
    for member in (people.ana, people.ben, people.chloe):
        services.meetings.set_attendance(
            meeting_id=meeting.id, member_id=member.id, attendance=Attendance.PRESENT
        )
    return meeting


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def room(services, meeting, clock) -> Iterator[Room]:
    room = Room(services, meeting.id, clock=clock)
    yield room
    room.close()


class Phone:
    """One participant's browser: an ASGI test client with its own cookies."""

    def __init__(self, room: Room) -> None:
        from starlette.testclient import TestClient

        self.room = room
        self.client = TestClient(create_app(room, allowed_hosts=[HOST]), base_url=f"http://{HOST}")
        self.device_id: int | None = None

    def get(self, path: str, **kw):
        return self.client.get(path, **kw)

    def post(self, path: str, data: dict[str, str] | None = None, **kw):
        kw.setdefault("follow_redirects", False)
        return self.client.post(path, data=data, **kw)

    def ticket(self, code: str | None = None) -> str:
        page = self.get("/join", params={"c": code or self.room.access.code})
        assert page.status_code == 200, page.text
        return re.search(r'name="ticket" value="([^"]+)"', page.text).group(1)

    def join(self, member_id: int, *, approve: bool = True) -> Phone:
        reply = self.post(
            "/join",
            {"code": self.room.access.code, "ticket": self.ticket(), "member": str(member_id)},
        )
        assert reply.status_code == 303, reply.text
        self.device_id = max(d.id for d in self.room.access.devices())
        if approve:
            self.room.access.approve(self.device_id)
        return self

    @property
    def csrf(self) -> str:
        assert self.device_id is not None
        device = self.room.access.device(self.device_id)
        assert device is not None
        return device.csrf

    def page(self) -> str:
        reply = self.get("/")
        assert reply.status_code == 200, reply.text
        return reply.text

    @property
    def cookie(self) -> str | None:
        return self.client.cookies.get(COOKIE)


@pytest.fixture
def phone(room):
    """phone() → a new phone (not joined)."""
    warnings.filterwarnings("ignore", message=".*httpx.*")
    made: list[Phone] = []

    def make() -> Phone:
        made.append(Phone(room))
        return made[-1]

    yield make
    for p in made:
        p.client.close()


@pytest.fixture
def phone_of():
    """phone_of(room) → a new phone of another room than the test's."""
    made: list[Phone] = []

    def make(other: Room) -> Phone:
        made.append(Phone(other))
        return made[-1]

    yield make
    for p in made:
        p.client.close()


def to_phase(services: Services, room: Room, phase: Phase) -> None:
    services.meetings.set_phase(meeting_id=room.meeting_id, phase=phase)
    room.live.bump()
