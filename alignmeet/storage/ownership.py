"""Only AlignMeet's own databases: recognised before anything could change them.

Every SQLite file AlignMeet writes carries `PRAGMA application_id = 0x416C4D74` (the
bytes "AlMt" at offset 68 of the file's header, SQLite's documented place for an
application's mark). Files from before the mark are recognised by their Alembic
revision together with AlignMeet's tables, and get the mark when the app opens them for
writing. Anything else with tables — another application's id, or tables without
AlignMeet's schema — is another program's file: it is refused, and nothing here has
written to it (the check reads over an immutable, read-only connection; see
`alignmeet.storage.integrity.read_only_uri`). A file with no tables at all is an empty
database and is set up as a new one.

A PostgreSQL database is AlignMeet's when it is empty or holds AlignMeet's schema.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from alignmeet.i18n import _
from alignmeet.storage.integrity import read_only_uri

APPLICATION_ID = 0x416C4D74  # "AlMt"

# Tables every AlignMeet schema since the first has had.
ALIGNMEET_TABLES = frozenset({"team", "member", "series", "meeting", "agenda_item", "action"})


class Owner(Enum):
    NEW = "new"  # no file yet
    EMPTY = "empty"  # a database without tables
    ALIGNMEET = "alignmeet"
    FOREIGN = "foreign"
    UNREADABLE = "unreadable"  # damaged or not readable: the callers' own checks say why


@dataclass(frozen=True)
class FileInfo:
    owner: Owner
    revision: str | None = None
    application_id: int = 0
    problem: str = ""  # FOREIGN: why it is not ours; UNREADABLE: SQLite's words


def application_id_of(path: Path) -> int:
    """The application id in the header (0 when unset or unreadable)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(72)
    except OSError:
        return 0
    if len(header) < 72 or not header.startswith(b"SQLite format 3\x00"):
        return 0
    return int.from_bytes(header[68:72], "big", signed=True)


def is_alignmeet_schema(tables: set[str]) -> bool:
    return "alembic_version" in tables and tables >= ALIGNMEET_TABLES


def inspect_file(path: Path) -> FileInfo:
    """Whose SQLite file `path` is, and its AlignMeet revision. Writes nothing anywhere."""
    if not path.exists():
        return FileInfo(Owner.NEW)
    app_id = application_id_of(path)
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {
                row[0]
                for row in con.execute(
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                )
            }
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return FileInfo(Owner.UNREADABLE, application_id=app_id, problem=str(exc))
    if app_id == APPLICATION_ID:
        return FileInfo(Owner.ALIGNMEET, revision, app_id)
    if app_id != 0:
        why = _("it belongs to another application (SQLite application id {id:#010x})").format(
            id=app_id & 0xFFFFFFFF
        )
        return FileInfo(Owner.FOREIGN, revision, app_id, why)
    if not tables:
        return FileInfo(Owner.EMPTY)
    if is_alignmeet_schema(tables):
        return FileInfo(Owner.ALIGNMEET, revision, app_id)
    return FileInfo(Owner.FOREIGN, revision, app_id, _foreign_tables(tables))


def _foreign_tables(tables: set[str]) -> str:
    names = sorted(tables, key=str.casefold)
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    return _("it holds another program's tables ({tables}) and no AlignMeet data").format(
        tables=shown
    )


def foreign_message(database: str, why: str) -> str:
    return _("{database} is not an AlignMeet database: {why}. AlignMeet left it as it was.").format(
        database=database, why=why
    )


def server_problem(tables: set[str]) -> str | None:
    """Why a PostgreSQL database with these tables is not AlignMeet's (None: it is, or empty)."""
    if not tables or is_alignmeet_schema(tables):
        return None
    return _foreign_tables(tables)
