"""Revision 0005 (minutes of record, the version on attendance) on the 0004 fixture (the
demo as 0004 wrote it): every row kept, the new columns added in place, existing
participants at version 1, and the meeting table never recreated."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from alignmeet.storage import database
from alignmeet.storage.database import current_revision, open_database

FIXTURE = Path(__file__).with_name("fixtures") / "schema-0004.sqlite3"
# Tables of later revisions, which an upgrade to the head adds as well (0006).
LATER_TABLES = {"meeting_rating", "agenda_proposal", "outbox_message"}


@pytest.fixture
def db_0004(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    return path


def _schema(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    finally:
        con.close()


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        con.close()


def test_upgrading_0004_adds_minutes_records_and_versions_in_place(db_0004: Path) -> None:
    before = _schema(db_0004)
    meetings = _rows(db_0004, "meeting")
    participants = _rows(db_0004, "participant")
    db = open_database(db_0004)
    try:
        assert current_revision(db) == database.HEAD_REVISION
        assert [b for b in db.backups if "before-upgrade-0004" in b.name]
    finally:
        db.dispose()
    after = _schema(db_0004)
    assert set(after) - set(before) - LATER_TABLES == {"minutes_record", "change_log"}
    # ALTER TABLE ... ADD COLUMN: the old definition plus the new columns inline, never
    # a recreated table (meeting is referenced with ON DELETE CASCADE).
    added = re.compile(
        r", approved_minutes_id INTEGER CONSTRAINT \w+ REFERENCES minutes_record \(id\) "
        r"ON DELETE SET NULL|, started_at DATETIME|, version INTEGER DEFAULT '1' NOT NULL"
    )
    for table in ("meeting", "participant"):
        assert after[table] != before[table]
        assert added.sub("", after[table]) == before[table], table
    # every old row is still there, with the new columns empty (or version 1)
    assert [row[: len(meetings[0])] for row in _rows(db_0004, "meeting")] == meetings
    assert {row[-2:] for row in _rows(db_0004, "meeting")} == {(None, None)}
    new_participants = _rows(db_0004, "participant")
    assert [row[:-1] for row in new_participants] == participants
    assert {row[-1] for row in new_participants} == {1}
    con = sqlite3.connect(db_0004)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        fks = {row[3]: (row[2], row[6]) for row in con.execute("PRAGMA foreign_key_list(meeting)")}
        assert fks["approved_minutes_id"] == ("minutes_record", "SET NULL")
    finally:
        con.close()
