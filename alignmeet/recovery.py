"""Edits the database did not take: why not (`storage_cause`), and a journal that keeps them.

QUALITY.md, "Saved means stored": a write that fails because of the storage — the server
cannot be reached, the disk is full, the file or its folder is read-only, another program
holds a lock, the disk reports an I/O error — is never reported as saved. What was typed
stays on screen and in the `RecoveryJournal`, a small file in the user's data folder, until
the write lands; after a crash the next start offers it back.

The journal is append-only JSON lines, one file per database (named by a hash of its label,
the password masked), each line flushed and fsync'd before the call returns:

    {"id": "…", "db": "…", "table": "agenda_item", "row": 12, "field": "notes",
     "text": "…", "at": "2030-01-08T10:04:05", "extra": {}}
    {"done": ["…", "…"]}

An edit is pending until a later "done" line names it; for each field (table, row, field)
the newest pending edit is the one that counts. A line torn by a crash is ignored (and cut
off before the next append). Once nothing is pending the file is emptied. Lines are pure
ASCII (`json.dumps(ensure_ascii=True)`): NUL and lone surrogates, which UTF-8 cannot encode,
are written as \\u escapes and read back as they were.

No Qt here: the app's retry and banner live in `ui.autosave`.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from alignmeet.domain.rules import ValidationError

try:  # POSIX: two processes on one database append to the same file
    import fcntl
except ImportError:  # pragma: no cover - Windows: one writer per database file anyway
    fcntl = None  # type: ignore[assignment]

_JSON_SCALARS = (str, int, float, bool, type(None))
# Past this size a journal with pending edits keeps only the newest text of each field.
COMPACT_BYTES = 1_000_000


class Cause(StrEnum):
    """Why a write did not reach the database (the UI words each one for the user)."""

    SERVER = "server"  # cannot reach the database server
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"  # the database refuses changes (e.g. a read-only server)
    READ_ONLY_FILE = "read_only_file"
    READ_ONLY_FOLDER = "read_only_folder"
    OPENED_READ_ONLY = "opened_read_only"  # this window opened the database read-only
    LOCKED = "locked"  # another program holds a lock
    IO_ERROR = "io_error"

    @property
    def retry_helps(self) -> bool:
        """Whether trying again later can succeed without reopening the database."""
        return self is not Cause.OPENED_READ_ONLY


class NotSavedError(ValidationError):
    """A write that did not reach the database for a storage reason (`cause`).

    A ValidationError so that every form that shows a refused input at its field shows this
    there too, and keeps what was typed; `message` is the user's sentence."""

    def __init__(self, cause: Cause, message: str, field: str = "") -> None:
        super().__init__(field, message)
        self.cause = cause


# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
_SQLITE_CODES = {
    5: Cause.LOCKED,  # SQLITE_BUSY
    6: Cause.LOCKED,  # SQLITE_LOCKED
    8: Cause.READ_ONLY,  # SQLITE_READONLY
    10: Cause.IO_ERROR,  # SQLITE_IOERR
    13: Cause.DISK_FULL,  # SQLITE_FULL
    14: Cause.IO_ERROR,  # SQLITE_CANTOPEN
}
_SQLITE_TEXTS = (
    ("database or disk is full", Cause.DISK_FULL),
    ("readonly database", Cause.READ_ONLY),
    ("database is locked", Cause.LOCKED),
    ("database table is locked", Cause.LOCKED),
    ("disk i/o error", Cause.IO_ERROR),
    ("unable to open database file", Cause.IO_ERROR),
)
# PostgreSQL SQLSTATEs (exact codes first, then classes).
_SQLSTATES = {
    "53100": Cause.DISK_FULL,  # disk_full
    "25006": Cause.READ_ONLY,  # read_only_sql_transaction (a standby, a read-only server)
    "55P03": Cause.LOCKED,  # lock_not_available
    "58030": Cause.IO_ERROR,  # io_error
    "57P01": Cause.SERVER,  # admin_shutdown
    "57P02": Cause.SERVER,  # crash_shutdown
    "57P03": Cause.SERVER,  # cannot_connect_now (starting up, shutting down)
    "53300": Cause.SERVER,  # too_many_connections
}
_SQLSTATE_CLASSES = {"08": Cause.SERVER}  # connection_exception
_ERRNOS = {
    errno.ENOSPC: Cause.DISK_FULL,
    errno.EDQUOT: Cause.DISK_FULL,
    errno.EROFS: Cause.READ_ONLY,
    errno.EACCES: Cause.READ_ONLY,
    errno.EPERM: Cause.READ_ONLY,
    errno.EIO: Cause.IO_ERROR,
    errno.ECONNREFUSED: Cause.SERVER,
    errno.ECONNRESET: Cause.SERVER,
    errno.ECONNABORTED: Cause.SERVER,
    errno.ETIMEDOUT: Cause.SERVER,
    errno.EHOSTUNREACH: Cause.SERVER,
    errno.ENETUNREACH: Cause.SERVER,
    errno.EHOSTDOWN: Cause.SERVER,
    errno.EPIPE: Cause.SERVER,
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc`, the driver's exception SQLAlchemy wraps (`.orig`), and their causes."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for nxt in (getattr(current, "orig", None), current.__cause__, current.__context__):
            if isinstance(nxt, BaseException):
                todo.append(nxt)


def _one_cause(exc: BaseException) -> Cause | None:
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
            return _SQLITE_CODES[code & 0xFF]
        text = str(exc).lower()
        return next((cause for words, cause in _SQLITE_TEXTS if words in text), None)
    module = type(exc).__module__ or ""
    if module.startswith(("psycopg", "psycopg2")):
        state = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
        if isinstance(state, str) and state:
            return _SQLSTATES.get(state) or _SQLSTATE_CLASSES.get(state[:2])
        # No SQLSTATE: the connection itself failed (refused, closed, timed out).
        kinds = {kind.__name__ for kind in type(exc).__mro__}
        if kinds & {"OperationalError", "InterfaceError"}:  # (ConnectionTimeout is one)
            return Cause.SERVER
        return None
    if module.startswith("sqlalchemy"):
        if getattr(exc, "connection_invalidated", False):
            return Cause.SERVER
        if type(exc).__name__ in ("DisconnectionError", "InvalidatePoolError"):
            return Cause.SERVER
        return None
    if isinstance(exc, OSError):
        if exc.errno in _ERRNOS:
            return _ERRNOS[exc.errno]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return Cause.SERVER
    return None


def storage_cause(
    exc: BaseException, *, path: Path | None = None, opened_read_only: bool = False
) -> Cause | None:
    """Why `exc` kept a write from the database, or None when it is not a storage reason
    (a bug, a validation error, a conflict): the one place that reads sqlite3, psycopg and
    SQLAlchemy errors and OS error numbers.

    A read-only refusal (or a file SQLite could not open) is made precise with what is true
    now: the file (`path`) or its folder cannot be written, else this window opened the
    database read-only."""
    if isinstance(exc, NotSavedError):
        return exc.cause
    cause = next((c for e in _chain(exc) if (c := _one_cause(e)) is not None), None)
    # SQLite says "readonly database", or "unable to open database file" / "disk I/O error"
    # when it cannot open the file for writing: the file system says which is true.
    if cause in (Cause.READ_ONLY, Cause.IO_ERROR):
        if path is not None and path.exists() and not os.access(path, os.W_OK):
            return Cause.READ_ONLY_FILE
        if path is not None and not os.access(path.parent, os.W_OK):
            return Cause.READ_ONLY_FOLDER
        if opened_read_only and cause is Cause.READ_ONLY:
            return Cause.OPENED_READ_ONLY
    return cause


_PASSWORD_IN_URL = re.compile(r"(?P<head>://[^:/@\s]*:)(?P<secret>[^@\s]*)(?P<tail>@)")
_PASSWORD_IN_QUERY = re.compile(r"(?P<head>[?&]password=)(?P<secret>[^&\s]*)", re.IGNORECASE)


def mask_password(label: str) -> str:
    """`label` (a file path or a database URL) with any password replaced by ***."""
    label = _PASSWORD_IN_URL.sub(r"\g<head>***\g<tail>", label)
    return _PASSWORD_IN_QUERY.sub(r"\g<head>***", label)


@dataclass(frozen=True)
class UnsavedEdit:
    """One text as typed into one field, not (yet) stored in the database."""

    entry: str  # this journal line's id
    database: str  # the database's label, password masked
    table: str  # "agenda_item", "meeting", ...
    row: int
    field: str  # "notes", "closing_notes", ...
    text: str
    at: datetime
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. the version the user saw

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.table, self.row, self.field)


class RecoveryJournal:
    """The edits of one database that did not reach it yet, kept in a small local file.

    `record()` appends an edit (and returns once it is on the disk), `settle()` marks edits
    as stored or given up, `pending()` lists what is still owed, newest text per field.
    Every method may raise OSError (the folder is read-only, the disk is full): the caller
    then knows the edit lives only on screen and says so."""

    def __init__(
        self,
        database: str,
        folder: Path | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.database = mask_password(database)
        if folder is None:
            from alignmeet.paths import recovery_dir

            folder = recovery_dir()
        digest = hashlib.sha256(self.database.encode("utf-8", "surrogatepass")).hexdigest()
        self.path = folder / f"{digest[:20]}.jsonl"
        self._clock = clock

    # ---- writing ------------------------------------------------------------
    def record(
        self,
        table: str,
        row: int,
        field: str,
        text: str,
        extra: dict[str, Any] | None = None,
    ) -> UnsavedEdit:
        edit = UnsavedEdit(
            entry=uuid.uuid4().hex,
            database=self.database,
            table=table,
            row=int(row),
            field=field,
            text=str(text),
            at=self._clock().replace(microsecond=0),
            # Only what a JSON line can hold (a version number, yes; a record, no).
            extra={k: v for k, v in (extra or {}).items() if isinstance(v, _JSON_SCALARS)},
        )
        self._append(_line_of(edit))
        return edit

    def settle(self, entries: Iterable[str]) -> None:
        """The edits `entries` are stored (or were given up): no longer pending. The file is
        emptied once nothing in it is pending."""
        ids = sorted(set(entries))
        if not ids:
            return
        self._append({"done": ids})
        self.compact()

    def settle_all(self) -> None:
        """Every pending edit given up (the user chose to discard them)."""
        self.settle(e.entry for e in self._pending_entries())

    def compact(self) -> None:
        """Empty the file once nothing in it is pending (the common case: everything saved);
        past COMPACT_BYTES keep only the newest pending text of each field."""
        if not self.path.exists():
            return
        with self._locked() as handle:
            if handle is None:
                return
            data = handle.read()
            pending = _pending_in(_lines(data))
            if not pending:
                handle.seek(0)
                handle.truncate(0)
                handle.flush()
                os.fsync(handle.fileno())
                return
            if len(data) <= COMPACT_BYTES:
                return
            latest = {e.key: e for e in pending}  # the newest of each field
            temporary = self.path.with_suffix(".tmp")
            with open(temporary, "wb") as out:
                for edit in latest.values():
                    out.write(_encode(_line_of(edit)))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)  # a writer waiting on the old file reopens
            _fsync_folder(self.path.parent)

    # ---- reading ------------------------------------------------------------
    def pending(self) -> list[UnsavedEdit]:
        """What is owed, one edit per field (its newest text), oldest field first."""
        latest: dict[tuple[str, int, str], UnsavedEdit] = {}
        for edit in self._pending_entries():
            latest.pop(edit.key, None)  # re-inserted below: keep the first-seen order
            latest[edit.key] = edit
        first_seen: dict[tuple[str, int, str], int] = {}
        for number, edit in enumerate(self._pending_entries()):
            first_seen.setdefault(edit.key, number)
        return sorted(latest.values(), key=lambda e: first_seen[e.key])

    def entries_for(self, key: tuple[str, int, str]) -> list[str]:
        """Every pending entry of one field (all of them are settled when its text lands)."""
        return [e.entry for e in self._pending_entries() if e.key == key]

    def _pending_entries(self) -> list[UnsavedEdit]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        return [
            e
            for e in _pending_in(_lines(data))
            if e.database == self.database  # (a hash collision would be someone else's)
        ]

    # ---- the file -------------------------------------------------------------
    def _append(self, record: dict[str, Any]) -> None:
        data = _encode(record)
        created = not self.path.exists()
        if created:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked(create=True) as handle:
            assert handle is not None
            existing = handle.read()
            if existing and not existing.endswith(b"\n"):
                # A line torn by a crash is cut off, so the new line does not run into it.
                handle.truncate(existing.rfind(b"\n") + 1)
            handle.seek(0, os.SEEK_END)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if created:
            _fsync_folder(self.path.parent)

    @contextmanager
    def _locked(self, create: bool = False) -> Iterator[BinaryIO | None]:
        """The file open for reading and writing at its start, locked against another
        AlignMeet on the same database (POSIX); None when it does not exist and `create`
        is false."""
        while True:
            flags = os.O_RDWR | (os.O_CREAT if create else 0) | getattr(os, "O_BINARY", 0)
            try:
                fd = os.open(self.path, flags, 0o600)
            except FileNotFoundError:
                yield None
                return
            with os.fdopen(fd, "r+b") as handle:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                    try:
                        same = os.stat(self.path).st_ino == os.fstat(handle.fileno()).st_ino
                    except FileNotFoundError:
                        same = False
                    if not same:  # compacted (replaced) meanwhile: open the new one
                        continue
                yield handle
                return


def _fsync_folder(folder: Path) -> None:
    """The new file's name is on the disk too (POSIX; Windows cannot open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _line_of(edit: UnsavedEdit) -> dict[str, Any]:
    return {
        "id": edit.entry,
        "db": edit.database,
        "table": edit.table,
        "row": edit.row,
        "field": edit.field,
        "text": edit.text,
        "at": edit.at.isoformat(),
        "extra": edit.extra,
    }


def _encode(record: dict[str, Any]) -> bytes:
    """One line of pure ASCII: NUL and lone surrogates become \\u escapes, never an error."""
    return (json.dumps(record, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


def _lines(data: bytes) -> list[dict[str, Any]]:
    """The complete, readable lines; a torn or damaged line is skipped."""
    out: list[dict[str, Any]] = []
    complete = data[: data.rfind(b"\n") + 1]
    for raw in complete.split(b"\n"):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            continue
        if isinstance(value, dict):
            out.append(value)
    return out


def _pending_in(lines: list[dict[str, Any]]) -> list[UnsavedEdit]:
    done: set[str] = set()
    for line in lines:
        ids = line.get("done")
        if isinstance(ids, list):
            done.update(str(i) for i in ids)
    edits: list[UnsavedEdit] = []
    for line in lines:
        edit = _edit_of(line)
        if edit is not None and edit.entry not in done:
            edits.append(edit)
    return edits


def _edit_of(line: dict[str, Any]) -> UnsavedEdit | None:
    try:
        extra = line.get("extra") or {}
        return UnsavedEdit(
            entry=str(line["id"]),
            database=str(line["db"]),
            table=str(line["table"]),
            row=int(line["row"]),
            field=str(line["field"]),
            text=line["text"] if isinstance(line["text"], str) else str(line["text"]),
            at=datetime.fromisoformat(str(line["at"])),
            extra=dict(extra) if isinstance(extra, dict) else {},
        )
    except (KeyError, TypeError, ValueError):
        return None
