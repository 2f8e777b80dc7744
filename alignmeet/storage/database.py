"""Opening a database: SQLite file (default) or a PostgreSQL URL.

SQLite gets WAL, synchronous=FULL, foreign keys and SQLAlchemy's documented
recipe for real transactions (pysqlite's own handling would otherwise run DDL
outside a transaction, so a failing migration could leave a half-changed file).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from uuid import uuid4

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError as SAArgumentError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from alignmeet import paths
from alignmeet.i18n import _
from alignmeet.redact import display, redact
from alignmeet.storage import changelog
from alignmeet.storage.access import Cause, ReadOnly, describe_os_error, write_problem
from alignmeet.storage.integrity import WriteGate, quick_check_file, read_only_uri
from alignmeet.storage.ownership import (
    APPLICATION_ID,
    FileInfo,
    Owner,
    foreign_message,
    inspect_file,
    server_problem,
)

# The newest schema this version knows, and every schema it can upgrade from.
# tests/storage/test_migrations.py checks these against the Alembic scripts.
# What changes the file (PRAGMAs that set a value included); reads and BEGIN go on.
_WRITE_STATEMENT = re.compile(
    r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|VACUUM|REINDEX|PRAGMA\s+\w+\s*=)",
    re.IGNORECASE,
)
HEAD_REVISION = "0008"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")


class DatabaseOpenError(Exception):
    """A database that cannot be opened; the message is meant for the user."""


class NotAlignMeetError(DatabaseOpenError):
    """Another program's database: refused, and left exactly as it was."""


class UpgradeNeededError(DatabaseOpenError):
    """An older AlignMeet database opened to read only: nothing upgraded it."""

    def __init__(self, message: str, revision: str | None) -> None:
        super().__init__(message)
        self.revision = revision


class DriverMissingError(DatabaseOpenError):
    """The database driver for a server URL (psycopg) is not installed."""


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None = None
    backups: list[Path] = field(default_factory=list)
    # Set by every commit; the app's periodic backup runs only when something changed.
    changed_since_backup: bool = False
    # Opened read-only (to look, or the file cannot be written): every write fails.
    read_only: bool = False
    # This client, in the change log: its own writes are not news to it.
    origin: str = field(default_factory=lambda: uuid4().hex)
    # Why it is read-only when the file cannot be written or another AlignMeet holds it.
    read_only_reason: ReadOnly | None = None
    # Writes wait for the file's check while it runs (hold_writes).
    _gate: WriteGate | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        def committed(_session: Session) -> None:
            self.changed_since_backup = True

        # Every session of this client signs the change-log rows it writes.
        self.sessions.configure(info={changelog.ORIGIN: self.origin})

        event.listen(self.sessions, "after_commit", committed)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def label(self) -> str:
        """The database for people: the file's path, or the URL without its password."""
        return str(self.path) if self.path else display(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    def backup(self, reason: str) -> Path | None:
        """Online backup (SQLite's backup API, never a file copy). None for servers."""
        if not self.is_sqlite or self.path is None or self.read_only:
            return None
        folder = paths.backups_dir(self.path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from alignmeet.storage.backups import BackupError

            raise BackupError(
                _("Cannot back up {path}: {problem}").format(
                    path=self.path, problem=describe_os_error(exc, folder)
                )
            ) from exc
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{self.path.stem}-{stamp}-{reason}.sqlite3"
        raw = self.engine.raw_connection()
        try:
            source = raw.driver_connection
            assert isinstance(source, sqlite3.Connection)
            dest = sqlite3.connect(target)
            try:
                source.backup(dest)
                # One self-contained file: no -wal/-shm beside a backup.
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        finally:
            raw.close()
        self.backups.append(target)
        self.changed_since_backup = False
        from alignmeet.storage.backups import thin_backups

        thin_backups(self.path)  # a bounded set: see alignmeet.storage.backups
        return target

    def backup_if_changed(self, reason: str = "periodic") -> Path | None:
        """A backup when something was committed since the last one (else None)."""
        if not self.changed_since_backup:
            return None
        return self.backup(reason)

    @property
    def writes_held(self) -> bool:
        """Whether writes wait for the file's check (see `hold_writes`)."""
        gate = self._gate
        return gate is not None and not gate.is_open

    def hold_writes(self, gate: WriteGate) -> None:
        """Every write statement waits for `gate` (the whole-file check, running in a
        thread): it goes on once the check passed, fails with `DatabaseDamagedError`
        once it failed. Reads go on meanwhile. See alignmeet.storage.integrity."""
        self._gate = gate

        def before(
            _conn: object,
            _cursor: object,
            statement: str,
            _parameters: object,
            _context: object,
            _executemany: bool,
        ) -> None:
            if not gate.is_open and _WRITE_STATEMENT.match(statement):
                gate.wait()

        event.listen(self.engine, "before_cursor_execute", before)

    def quick_check(self) -> str | None:
        """SQLite's quick check over the whole file: None when sound, else what is wrong."""
        if not self.is_sqlite or self.path is None:
            return None  # a server checks itself
        return quick_check_file(self.path)

    def change_feed(self) -> changelog.ChangeFeed:
        """Other clients' writes as they land (see alignmeet.storage.changelog)."""
        return changelog.open_feed(self.engine, self.origin)

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    return engine


def _read_only_engine(path: Path, *, live: bool = True) -> Engine:
    """SQLite opened with mode=ro: every write fails with "attempt to write a readonly
    database". `live`: another AlignMeet writes the file, and reads see its commits (WAL);
    otherwise the file cannot change and is read without creating anything beside it
    (`read_only_uri`: immutable when it has no -wal file)."""

    def connect() -> sqlite3.Connection:
        uri = f"{path.as_uri()}?mode=ro" if live else read_only_uri(path)
        con = sqlite3.connect(uri, uri=True, timeout=15, check_same_thread=False)
        con.isolation_level = None
        con.execute("PRAGMA foreign_keys=ON")
        return con

    engine = create_engine("sqlite://", creator=connect)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    return engine


def _check_sqlite_file(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseOpenError(
            _("{path} is a folder, not an AlignMeet database file.").format(path=path)
        )
    size = path.stat().st_size
    if size == 0:
        raise DatabaseOpenError(
            _("{path} is empty (0 bytes): it is not an AlignMeet database.").format(path=path)
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise DatabaseOpenError(
            _("Cannot open {path}: {problem}").format(
                path=path, problem=describe_os_error(exc, path)
            )
        ) from exc
    if header != b"SQLite format 3\x00":
        raise DatabaseOpenError(
            _("{path} is not a database file (it may be damaged or another kind of file).").format(
                path=path
            )
        )


def _inspect(path: Path) -> FileInfo:
    """Whose file `path` is, refusing another program's file, one from a newer AlignMeet
    and one SQLite cannot read — all before any connection that could change it."""
    _check_sqlite_file(path)
    info = inspect_file(path)
    if info.owner is Owner.FOREIGN:
        raise NotAlignMeetError(foreign_message(str(path), info.problem))
    if info.owner is Owner.UNREADABLE:
        raise DatabaseOpenError(
            _("Cannot open {path}: {problem}").format(path=path, problem=info.problem)
        )
    if info.revision is not None and info.revision not in KNOWN_REVISIONS:
        raise DatabaseOpenError(_newer_message(str(path), info.revision))
    return info


def _newer_message(label: str, revision: str) -> str:
    return _(
        "{database} was written by a newer version of AlignMeet (schema {revision}). "
        "Update AlignMeet to open it; the file was not changed."
    ).format(database=label, revision=revision)


# A server that is gone must not freeze the window for long: libpq waits for ever by
# default (a host that does not answer: minutes of TCP retries), and every try of an unsaved
# edit runs on the GUI thread. Connecting gives up after 3 s; a connection whose server
# stopped answering is given up after about 5 s (keepalives, TCP user timeout). A value in
# the URL itself wins.
SERVER_TIMEOUTS: dict[str, int] = {
    "connect_timeout": 3,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 5000,
}


def _server_timeouts(url: str) -> dict[str, int]:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.get_driver_name() != "psycopg":
        return {}
    return {k: v for k, v in SERVER_TIMEOUTS.items() if k not in parsed.query}


def _sqlite_path(target: str | Path | None) -> Path | None:
    if target is None:
        target = paths.default_db_path()
    as_text = str(target)
    if "://" in as_text:
        return None
    return Path(as_text).expanduser().resolve()


def check_target(target: str | Path | None = None) -> ReadOnly | None:
    """Before opening a database to write it (the app does this before it takes its lock):
    refuses another program's file, a file from a newer AlignMeet or one that cannot be
    read (DatabaseOpenError), and says why an AlignMeet file cannot be written (None: it
    can). Changes nothing, creates nothing; a server URL is checked when it is opened."""
    path = _sqlite_path(target)
    if path is None:
        return None
    info = _inspect(path)
    problem = write_problem(path)
    if problem is not None and info.owner is Owner.NEW:
        raise DatabaseOpenError(
            _("Cannot create {path}: {reason}").format(path=path, reason=problem.message)
        )
    return problem


def open_database(
    target: str | Path | None = None,
    *,
    create: bool = True,
    migrate: bool = True,
    quick_check: bool = True,
    read_only: bool | ReadOnly = False,
    fall_back_to_read_only: bool = False,
) -> Database:
    """Open (and if needed create and upgrade) a database by file path or URL.

    `quick_check=False` leaves SQLite's whole-file check to the caller
    (`Database.quick_check()`, e.g. in a thread while the window is built);
    a file that needs an upgrade is always checked first, before its backup.

    `migrate=False` opens a file as it is, to read it (listings, exports): no upgrade
    (UpgradeNeededError when one is needed), no mark, and a read-only connection, so
    the file stays byte-identical. `read_only` (True, or why) opens read-only; a file
    that cannot be written raises, or with `fall_back_to_read_only` opens read-only
    with the reason in `Database.read_only_reason`.
    """
    path = _sqlite_path(target)
    if path is None:
        return _open_server(str(target), migrate=migrate)
    reason = read_only if isinstance(read_only, ReadOnly) else None
    info = _inspect(path)
    if not read_only and migrate:
        problem = write_problem(path)
        if problem is not None:
            if info.owner is Owner.NEW or not fall_back_to_read_only:
                verb = (
                    _("Cannot create {path}: {reason}")
                    if info.owner is Owner.NEW
                    else _("Cannot write to {path}: {reason}")
                )
                raise DatabaseOpenError(verb.format(path=path, reason=problem.message))
            reason = problem
    looking = bool(read_only) or reason is not None or not migrate
    if info.owner is Owner.NEW:
        if not create or looking:  # nothing to read, and not asked to create one
            raise DatabaseOpenError(_("There is no database at {path}.").format(path=path))
        path.parent.mkdir(parents=True, exist_ok=True)
    if looking and info.revision != HEAD_REVISION:
        raise _upgrade_needed(
            str(path),
            info.revision,
            reason,
            read_only=bool(read_only),
            empty=info.owner is Owner.EMPTY,
        )
    if looking:
        live = reason is None or reason.cause is Cause.LOCKED
        engine = _read_only_engine(path, live=live and bool(read_only))
    else:
        engine = _sqlite_engine(path)
    db = Database(
        url=f"sqlite:///{path}",
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        path=path,
        read_only=looking,
        read_only_reason=reason,
    )
    _prepare(db, quick_check=quick_check, write=not looking)
    return db


def _upgrade_needed(
    label: str,
    revision: str | None,
    reason: ReadOnly | None,
    *,
    read_only: bool,
    empty: bool = False,
) -> DatabaseOpenError:
    if empty:
        return UpgradeNeededError(
            _("{database} holds no AlignMeet data yet; nothing was changed.").format(
                database=label
            ),
            revision,
        )
    if reason is not None:
        message = _(
            "{database} needs an upgrade to schema {revision}, which cannot be done while "
            "it is read-only: {reason}"
        ).format(database=label, revision=HEAD_REVISION, reason=reason.message)
    elif read_only:
        message = _(
            "{database} needs an upgrade to schema {revision}, which a read-only "
            "copy cannot do. Open it when no other AlignMeet has it open."
        ).format(database=label, revision=HEAD_REVISION)
    else:
        message = _("{database} needs an upgrade to schema {revision}.").format(
            database=label, revision=HEAD_REVISION
        )
    return UpgradeNeededError(message, revision)


def _open_server(url: str, *, migrate: bool) -> Database:
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=_server_timeouts(url))
    except ImportError as exc:  # the driver (psycopg) is not installed
        raise DriverMissingError(
            _(
                "PostgreSQL support is not installed here; install it with "
                "pip install 'alignmeet[postgres]'."
            )
        ) from exc
    except SAArgumentError as exc:  # not a URL SQLAlchemy can read, or an unknown driver
        raise DatabaseOpenError(
            _("{database} is not a database URL AlignMeet can use: {problem}").format(
                database=display(url), problem=redact(exc, url)
            )
        ) from exc
    db = Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    _prepare(db, quick_check=False, write=migrate, server=True)
    return db


def _prepare(db: Database, *, quick_check: bool, write: bool, server: bool = False) -> None:
    """Check, refuse, upgrade (with a backup first) and mark a database just opened."""
    engine = db.engine
    try:
        if quick_check:
            _raise_if_damaged(db)
        if server:
            _refuse_foreign_server(db)
        revision = current_revision(db)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DatabaseOpenError(_newer_message(db.label, revision))
        if revision != HEAD_REVISION:
            if not write:
                raise _upgrade_needed(
                    db.label, revision, None, read_only=False, empty=revision is None
                )
            if revision is not None:
                if not quick_check:
                    _raise_if_damaged(db)
                db.backup(f"before-upgrade-{revision}")
            upgrade(db)
        if write and db.is_sqlite:
            _mark(db)
    except (SADatabaseError, OperationalError) as exc:
        engine.dispose()
        raise DatabaseOpenError(
            _("Cannot open {path}: {problem}").format(
                path=db.label, problem=redact(exc.orig or exc, db.url)
            )
        ) from exc
    except DatabaseOpenError:
        engine.dispose()
        raise
    except Exception as exc:  # a migration script failing in another way
        engine.dispose()
        if db.backups:
            message = _(
                "Cannot upgrade {database}: {problem}. The database was left as it was; "
                "a backup is in {backup}."
            )
        else:
            message = _("Cannot upgrade {database}: {problem}. The database was left as it was.")
        raise DatabaseOpenError(
            message.format(
                database=db.label,
                problem=redact(exc, db.url),
                backup=db.backups[-1] if db.backups else "",
            )
        ) from exc


def _mark(db: Database) -> None:
    """AlignMeet's application id in the file's header (see alignmeet.storage.ownership)."""
    with db.engine.begin() as conn:
        if conn.exec_driver_sql("PRAGMA application_id").scalar() != APPLICATION_ID:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _refuse_foreign_server(db: Database) -> None:
    """A server database that holds another program's tables is left alone."""
    from sqlalchemy import inspect

    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    why = server_problem(tables)
    if why is not None:
        raise NotAlignMeetError(foreign_message(db.label, why))


def _raise_if_damaged(db: Database) -> None:
    problem = db.quick_check()
    if problem is not None:
        raise DatabaseOpenError(problem)


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        has_table = conn.dialect.has_table(conn, "alembic_version")
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config(db: Database):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def upgrade(db: Database, revision: str = "head") -> None:
    """Run Alembic migrations inside one transaction (DDL included)."""
    from alembic import command

    cfg = _alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
