"""SQLite's whole-file quick check, with the standard library only; what it found,
remembered; and the gate that holds writes until it has spoken.

Kept apart from the engine so the app can start it before SQLAlchemy and Qt are even
imported. The check reads the whole file (300,000 actions: 180 MB, about a second), so
the app never waits for it (QUALITY.md, "Speed") and keeps the "Corruption" bar this way:

- **Remembered** (`remember_sound`, `remembered_sound`): a check that passed is recorded
  with the file's identity (size, modification time, inode, device) as the app left it
  at its last clean close (the write-ahead log checkpointed away). Within a day of that
  check, a file with the same identity — nothing but AlignMeet has written it since, and
  AlignMeet closed it cleanly — is not checked again. Any other writer, a copy, a restore,
  a crash (a -wal file left), or a day passing, and it is checked again.
- **Not remembered**: the check runs in a thread while the window is built and shown,
  and a `WriteGate` holds every write to the file until it has finished: a damaged file
  is reported (the app's dialog: the file renamed aside, the newest good backup offered)
  before anything is written to it. A write that comes first waits for the check (about
  a second at 300,000 actions) and then goes on — or fails with `DatabaseDamagedError`,
  whose text stays in the recovery journal like any write that could not be stored.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from alignmeet.i18n import _

CHECK_EVERY = timedelta(days=1)  # a remembered check holds this long
_RECORDS = "integrity-checks.json"


def is_wal_file(path: Path) -> bool:
    """The header's read/write versions say WAL (2), not a rollback journal (1)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def read_only_uri(path: Path) -> str:
    """A URI that reads `path` and changes nothing, not even beside it.

    A WAL file without a -wal file holds all its data: `immutable=1` reads it without
    creating -wal/-shm (which `mode=ro` would leave behind, and cannot create in a
    read-only folder). With a -wal file (someone has it open, or a crash left data
    there) `mode=ro` reads the committed data in it too; so does a rollback-journal file.
    """
    wal = path.with_name(path.name + "-wal")
    if is_wal_file(path) and not wal.exists():
        return f"{path.as_uri()}?mode=ro&immutable=1"
    return f"{path.as_uri()}?mode=ro"


# SQLite errors that say the file could not be opened or read, not that it is damaged.
_ACCESS_ERRORS = ("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")


def quick_check_file(path: Path) -> str | None:
    """None when the file is sound (or not written yet), else what is wrong, for people."""
    if not path.exists():
        return None  # a new database
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith(_ACCESS_ERRORS):
            return _cannot_read(path, exc)
        result = str(exc)
    if result == "ok":
        return None
    return _("{path} is damaged (SQLite quick check: {result}).").format(path=path, result=result)


def _cannot_read(path: Path, exc: sqlite3.Error) -> str:
    from alignmeet.storage.access import write_problem

    problem = write_problem(path)
    if problem is not None:
        return _("{path} could not be checked: {reason}").format(path=path, reason=problem.message)
    return _("{path} could not be read: {problem}.").format(path=path, problem=exc)


# ---- what a check found, remembered -----------------------------------------------------
def identity(path: Path) -> dict[str, int] | None:
    """What says the file is the one that was checked: its size, modification time, inode
    and device — None when it is missing, or has a write-ahead log beside it (its content
    is then partly elsewhere: a crash, or another program has it open)."""
    try:
        st = path.stat()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ino": st.st_ino, "dev": st.st_dev}


def _records_file() -> Path:
    from alignmeet.paths import data_dir

    return data_dir() / _RECORDS


def _read_records() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_records_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remembered_check(path: Path, now: datetime | None = None) -> datetime | None:
    """When the file was last found sound, if that still holds: the file is as it was
    remembered and the check is less than `CHECK_EVERY` old. None: check it."""
    now = now or datetime.now()
    record = _read_records().get(str(path.resolve()))
    current = identity(path)
    if not isinstance(record, dict) or current is None or record.get("identity") != current:
        return None
    try:
        checked = datetime.fromisoformat(str(record.get("checked_at")))
    except ValueError:
        return None
    if not timedelta(0) <= now - checked < CHECK_EVERY:
        return None
    return checked


def remember_sound(path: Path, checked_at: datetime) -> None:
    """Record that `path`, as it is now, was found sound at `checked_at` (call it once the
    file is closed: its identity is what the next start compares). Best effort: a folder
    that cannot be written only means the next start checks again."""
    current = identity(path)
    if current is None:
        return
    records = _read_records()
    key = str(path.resolve())
    records[key] = {"identity": current, "checked_at": checked_at.isoformat()}
    if len(records) > 50:  # the files opened last
        for old in sorted(records, key=lambda k: str(records[k].get("checked_at")))[:-50]:
            del records[old]
    target = _records_file()
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(records, indent=1), encoding="utf-8")
        os.replace(temp, target)
    with contextlib.suppress(OSError):
        temp.unlink(missing_ok=True)


def forget_check(path: Path) -> None:
    """Forget what was remembered about `path` (it was found damaged, or replaced)."""
    records = _read_records()
    if records.pop(str(path.resolve()), None) is not None:
        with contextlib.suppress(OSError):
            _records_file().write_text(json.dumps(records, indent=1), encoding="utf-8")


# ---- holding writes until the check has spoken -------------------------------------------
class DatabaseDamagedError(OSError):
    """A write refused because the file's check found it damaged (EIO: the recovery
    journal keeps what was typed, as for any write the disk refused)."""

    def __init__(self, problem: str) -> None:
        super().__init__(errno.EIO, problem)
        self.problem = problem

    def __str__(self) -> str:
        return self.problem


class WriteGate:
    """Writes to a file whose check is running wait here: `wait()` returns once it passed,
    raises `DatabaseDamagedError` once it failed. Opened or failed by the checking thread,
    so a write waiting on the GUI thread cannot keep it shut.

    `hurry`: called by a write that has to wait, in its own thread, before it waits — the
    check runs at the lowest priority and could otherwise keep the window waiting until
    the machine is idle (priority inversion); the app's check then starts a second check
    at the writer's priority, and the first of the two to end decides."""

    def __init__(self, hurry: Callable[[], None] | None = None) -> None:
        self._done = threading.Event()
        self.problem: str | None = None
        self.hurry = hurry

    @property
    def is_open(self) -> bool:
        return self._done.is_set() and self.problem is None

    @property
    def is_decided(self) -> bool:
        return self._done.is_set()

    def open(self) -> None:
        self._done.set()

    def fail(self, problem: str) -> None:
        self.problem = problem
        self._done.set()

    def wait(self) -> None:
        if not self._done.is_set() and self.hurry is not None:
            self.hurry()
        self._done.wait()
        if self.problem is not None:
            raise DatabaseDamagedError(self.problem)


def check_and_remember(path: Path) -> str | None:
    """`quick_check_file`, and a sound result remembered (the CLI's `check`)."""
    started = datetime.now()
    problem = quick_check_file(path)
    if problem is None:
        remember_sound(path, started)
    else:
        forget_check(path)
    return problem
