"""Opening a database: SQLite file (default) or a PostgreSQL URL.

SQLite gets WAL, synchronous=FULL, foreign keys and SQLAlchemy's documented
recipe for real transactions (pysqlite's own handling would otherwise run DDL
outside a transaction, so a failing migration could leave a half-changed file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from alignmeet import paths
from alignmeet.i18n import _
from alignmeet.storage.integrity import quick_check_file

# The newest schema this version knows, and every schema it can upgrade from.
# tests/storage/test_migrations.py checks these against the Alembic scripts.
HEAD_REVISION = "0006"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")


class DatabaseOpenError(Exception):
    """A database that cannot be opened; the message is meant for the user."""


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None = None
    backups: list[Path] = field(default_factory=list)
    # Set by every commit; the app's periodic backup runs only when something changed.
    changed_since_backup: bool = False
    # Opened read-only (another AlignMeet holds the file): every write fails.
    read_only: bool = False

    def __post_init__(self) -> None:
        def committed(_session: Session) -> None:
            self.changed_since_backup = True

        event.listen(self.sessions, "after_commit", committed)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def label(self) -> str:
        return (
            str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)
        )

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.sessions.begin() as session:
            yield session

    def backup(self, reason: str) -> Path | None:
        """Online backup (SQLite's backup API, never a file copy). None for servers."""
        if not self.is_sqlite or self.path is None or self.read_only:
            return None
        folder = paths.backups_dir(self.path)
        folder.mkdir(parents=True, exist_ok=True)
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

    def quick_check(self) -> str | None:
        """SQLite's quick check over the whole file: None when sound, else what is wrong."""
        if not self.is_sqlite or self.path is None:
            return None  # a server checks itself
        return quick_check_file(self.path)

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


def _read_only_engine(path: Path) -> Engine:
    """SQLite opened with mode=ro: reads see the other instance's commits (WAL), and
    every write fails with "attempt to write a readonly database"."""
    uri = f"{path.as_uri()}?mode=ro"

    def connect() -> sqlite3.Connection:
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
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseOpenError(
            _("{path} is not a database file (it may be damaged or another kind of file).").format(
                path=path
            )
        )


def _refuse_newer_schema(path: Path) -> None:
    """Refuse a file from a newer AlignMeet before the engine switches it to WAL.

    Switching a rollback-journal file to WAL rewrites its header, so this check
    reads the revision over a plain connection that only SELECTs.
    """
    try:
        con = sqlite3.connect(path, isolation_level=None)
        try:
            has_table = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            row = None
            if has_table:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(
            _("Cannot open {path}: {problem}").format(path=path, problem=exc)
        ) from exc
    if row is not None and row[0] not in KNOWN_REVISIONS:
        raise DatabaseOpenError(_newer_message(str(path), row[0]))


def _newer_message(label: str, revision: str) -> str:
    return _(
        "{database} was written by a newer version of AlignMeet (schema {revision}). "
        "Update AlignMeet to open it; the file was not changed."
    ).format(database=label, revision=revision)


def open_database(
    target: str | Path | None = None,
    *,
    create: bool = True,
    migrate: bool = True,
    quick_check: bool = True,
    read_only: bool = False,
) -> Database:
    """Open (and if needed create and upgrade) a database by file path or URL.

    `quick_check=False` leaves SQLite's whole-file check to the caller
    (`Database.quick_check()`, e.g. in a thread while the window is built);
    a file that needs an upgrade is always checked first, before its backup.
    """
    if target is None:
        target = paths.default_db_path()
    as_text = str(target)
    if "://" in as_text:
        url = as_text
        engine = create_engine(url, pool_pre_ping=True)
        path = None
    else:
        path = Path(as_text).expanduser().resolve()
        _check_sqlite_file(path)
        if path.exists():
            _refuse_newer_schema(path)
        if not path.exists():
            if not create:
                raise DatabaseOpenError(_("There is no database at {path}.").format(path=path))
            path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
        if read_only:
            if not path.exists():
                raise DatabaseOpenError(_("There is no database at {path}.").format(path=path))
            engine = _read_only_engine(path)
        else:
            engine = _sqlite_engine(path)
    db = Database(
        url=url,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        path=path,
        read_only=read_only,
    )
    try:
        if quick_check:
            _raise_if_damaged(db)
        revision = current_revision(db)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DatabaseOpenError(_newer_message(db.label, revision))
        if revision != HEAD_REVISION:
            if read_only:
                raise DatabaseOpenError(
                    _(
                        "{database} needs an upgrade to schema {revision}, which a read-only "
                        "copy cannot do. Open it when no other AlignMeet has it open."
                    ).format(database=db.label, revision=HEAD_REVISION)
                )
            if not migrate:
                raise DatabaseOpenError(
                    _("{database} needs an upgrade to schema {revision}.").format(
                        database=db.label, revision=HEAD_REVISION
                    )
                )
            if revision is not None:
                if not quick_check:
                    _raise_if_damaged(db)
                db.backup(f"before-upgrade-{revision}")
            upgrade(db)
    except (SADatabaseError, OperationalError) as exc:
        engine.dispose()
        raise DatabaseOpenError(
            _("Cannot open {path}: {problem}").format(path=db.label, problem=exc.orig or exc)
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
                database=db.label, problem=exc, backup=db.backups[-1] if db.backups else ""
            )
        ) from exc
    return db


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
