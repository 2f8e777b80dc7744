"""SQLite's whole-file quick check, with the standard library only.

Kept apart from the engine so the app can start it before SQLAlchemy and Qt are
even imported: the check (C code, no GIL) then overlaps the ~0.5 s of imports.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alignmeet.i18n import _


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
