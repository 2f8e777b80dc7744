"""Services on a fresh database — a real SQLite file in tmp_path and, when a test server is
reachable, PostgreSQL — with a clock fixed at Monday 2 March 2026, 09:30."""

import shutil
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

import pytest

from alignmeet.domain import records as r
from alignmeet.services import Services
from alignmeet.storage.database import open_database

NOW = datetime(2026, 3, 2, 9, 30)
TODAY = NOW.date()


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def fresh_database_file(tmp_path_factory):
    """A migrated, bootstrapped database made once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("fresh") / "alignmeet.sqlite3"
    services = Services(open_database(path))
    services.bootstrap()
    services.close()
    assert not path.with_name(path.name + "-wal").exists()  # fully checkpointed: safe to copy
    return path


@pytest.fixture(scope="session")
def postgres_services_database(postgres_server):
    """The PostgreSQL database the service tests share, migrated once; each test empties it."""
    name = postgres_server.create()
    open_database(postgres_server.url_of(name)).dispose()  # creates the schema
    yield name
    postgres_server.drop(name)


@pytest.fixture
def db_url(db_backend, request, tmp_path) -> str:
    """A fresh, migrated database of `db_backend`: a file path or a URL.

    SQLite: a copy of a bootstrapped file. PostgreSQL: the shared test database with
    every row deleted (the `services` fixture bootstraps it again).
    """
    if db_backend == "sqlite":
        path = tmp_path / "alignmeet.sqlite3"
        shutil.copyfile(request.getfixturevalue("fresh_database_file"), path)
        return str(path)
    server = request.getfixturevalue("postgres_server")
    name = request.getfixturevalue("postgres_services_database")
    server.empty(name)
    return server.url_of(name)


@pytest.fixture
def services(db_url):
    """Services over a fresh database: every test runs on SQLite and on PostgreSQL
    (skipped with the reason when no server is reachable; `sqlite_only` tests run once)."""
    db = open_database(db_url)
    services = Services(db, clock=lambda: NOW)
    services.bootstrap()
    yield services
    services.close()


@pytest.fixture
def teams(services) -> dict[str, int]:
    """Team name → id ("Sales", "Marketing")."""
    return {t.name: t.id for t in services.people.list_teams()}


@pytest.fixture
def people(services, teams) -> SimpleNamespace:
    """Two members per team: ana and ben in Sales, chloe and dev in Marketing."""
    add = services.people.add_member
    return SimpleNamespace(
        ana=add(name="Ana López", team_id=teams["Sales"], role="Account Executive"),
        ben=add(name="Ben Okoro", team_id=teams["Sales"], role="SDR"),
        chloe=add(name="Chloé Martin", team_id=teams["Marketing"], role="Demand Gen Manager"),
        dev=add(name="Dev Patel", team_id=teams["Marketing"], role="Content Marketing Manager"),
    )


@pytest.fixture
def series(services) -> r.SeriesRecord:
    return services.meetings.ensure_series(name="Monthly Sales & Marketing sync")


MeetingFactory = Callable[..., r.MeetingRecord]


@pytest.fixture
def new_meeting(services, people, series) -> MeetingFactory:
    """new_meeting(day=0) → a meeting of the series at 10:00, `day` days after TODAY.

    Everyone in `people` is invited unless `invitee_ids` is given.
    """

    def create(day: int = 0, **kwargs) -> r.MeetingRecord:
        kwargs.setdefault("title", f"Sync day {day}")
        kwargs.setdefault("series_id", series.id)
        kwargs.setdefault("invitee_ids", [m.id for m in vars(people).values()])
        starts_at = datetime.combine(TODAY + timedelta(days=day), time(10, 0))
        return services.meetings.create_meeting(starts_at=starts_at, **kwargs)

    return create
