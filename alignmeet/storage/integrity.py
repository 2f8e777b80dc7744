"""SQLite's whole-file quick check, with the standard library only.

Kept apart from the engine so the app can start it before SQLAlchemy and Qt are
even imported: the check (C code, no GIL) then overlaps the ~0.5 s of imports.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alignmeet.i18n import _


def quick_check_file(path: Path) -> str | None:
    """None when the file is sound (or not written yet), else what is wrong, for people."""
    if not path.exists():
        return None  # a new database
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result == "ok":
        return None
    return _("{path} is damaged (SQLite quick check: {result}).").format(path=path, result=result)
