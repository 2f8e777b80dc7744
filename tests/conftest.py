"""Suite-wide set-up: headless Qt, an isolated data folder and settings per test, and the
database backends the storage and service tests run on.

A test (or fixture) that asks for `db_backend` runs once on SQLite and once on
PostgreSQL. PostgreSQL is the server named by ALIGNMEET_TEST_POSTGRES_URL
(`.ci/run` starts a throwaway one on loopback); without it, or when it cannot be
reached, the PostgreSQL runs skip and say why. Tests marked `sqlite_only` (FTS5,
files, backups, WAL) run on SQLite alone.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

POSTGRES_URL_VARIABLE = "ALIGNMEET_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: runs on the SQLite backend only (FTS5, files, backups, WAL)"
    )
    config.addinivalue_line(
        "markers", "postgres_only: runs on the PostgreSQL backend only (skips without a server)"
    )
    config.addinivalue_line(
        "markers",
        "unguarded_writes: a storage-level test that writes fields people edit on purpose "
        "without a service's guard (see _every_write_of_a_guarded_field_is_guarded)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    named = any(
        "db_backend" in mark.args[0] for mark in metafunc.definition.iter_markers("parametrize")
    )
    if "db_backend" in metafunc.fixturenames and not named:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        only_postgres = metafunc.definition.get_closest_marker("postgres_only") is not None
        backends = (
            ["sqlite"] if only_sqlite else ["postgresql"] if only_postgres else list(BACKENDS)
        )
        metafunc.parametrize("db_backend", backends, indirect=True)


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real data folder or the real QSettings of whoever runs the tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ALIGNMEET_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ALIGNMEET_DATABASE_URL", raising=False)


# ---- PostgreSQL --------------------------------------------------------------------------
class PostgresServer:
    """The test server: makes and drops scratch databases (CREATE DATABASE needs the right)."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self._names = itertools.count(1)
        self._prefix = f"alignmeet_t{os.getpid()}_"

    def url_of(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    def _admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        conninfo = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        return psycopg.connect(conninfo, autocommit=True, connect_timeout=5)

    def check(self) -> None:
        with self._admin() as con:
            con.execute("SELECT 1")

    def create(self, *, template: str | None = None) -> str:
        """A new database (empty, or a copy of `template`); its name."""
        name = f"{self._prefix}{next(self._names)}"
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
        with self._admin() as con:
            con.execute(sql)  # type: ignore[arg-type]
        return name

    def empty(self, name: str) -> None:
        """Every row of the schema's tables deleted and ids restarted (the schema and its
        Alembic revision stay): a fresh database in ~50 ms, where CREATE DATABASE takes ~0.6 s."""
        import psycopg

        conninfo = self.url.set(drivername="postgresql", database=name)
        with psycopg.connect(
            conninfo.render_as_string(hide_password=False), autocommit=True
        ) as con:
            from alignmeet.storage.models import Base

            existing = {
                row[0]
                for row in con.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )
            }
            # Children before parents: foreign keys are checked row by row.
            tables = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name in existing]
            sequences = [
                row[0]
                for row in con.execute(
                    "SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema()"
                )
            ]
            if tables:
                con.execute(  # type: ignore[call-overload]
                    "BEGIN; "
                    + "".join(f'DELETE FROM "{t}"; ' for t in tables)
                    + "".join(f'ALTER SEQUENCE "{q}" RESTART; ' for q in sequences)
                    + "COMMIT;"
                )

    def drop(self, name: str) -> None:
        with self._admin() as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def _postgres_or_reason() -> PostgresServer | str:
    url = os.environ.get(POSTGRES_URL_VARIABLE, "").strip()
    if not url:
        return f"{POSTGRES_URL_VARIABLE} is not set (.ci/run starts a PostgreSQL server for it)"
    try:
        server = PostgresServer(url)
        server.check()
    except Exception as exc:  # any reason: shown in the skip message
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return f"PostgreSQL at {url} cannot be reached: {first_line}"
    return server


@pytest.fixture(scope="session")
def postgres_server() -> PostgresServer:
    """The PostgreSQL test server, or the test skips with the reason."""
    found = _postgres_or_reason()
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.fixture
def db_backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql" (see pytest_generate_tests); PostgreSQL skips when absent."""
    backend: str = request.param
    if backend == "postgresql":
        request.getfixturevalue("postgres_server")
    return backend


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[Callable[..., str]]:
    """make(template=None) → the URL of a new scratch database, dropped after the test."""
    made: list[str] = []

    def make(template: str | None = None) -> str:
        name = postgres_server.create(template=template)
        made.append(name)
        return postgres_server.url_of(name)

    yield make
    for name in made:
        postgres_server.drop(name)


# ---- no silent overwrite -----------------------------------------------------------------
@pytest.fixture(autouse=True)
def _every_write_of_a_guarded_field_is_guarded(request: pytest.FixtureRequest) -> Iterator[None]:
    """A use case that changes a field people edit (alignmeet.services.base.GUARDED_FIELDS)
    of an existing row must do it inside a guarded save (`@versioned_write`, taking `seen`)
    or declare it a consequence of its own change (`side_effect`): otherwise someone else's
    change of that field could be overwritten unseen. Any test that runs such a write fails."""
    from alignmeet.services import guard

    if request.node.get_closest_marker("unguarded_writes") is not None:
        yield
        return
    found: list[str] = []
    guard.on_unguarded_write = found.append
    try:
        yield
    finally:
        guard.on_unguarded_write = None
    assert not found, "guarded fields written without a guard:\n" + "\n".join(found)
