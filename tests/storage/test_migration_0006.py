"""Revision 0006 (meeting ratings, agenda proposals, the e-mail outbox) on the 0004 fixture
(the demo as 0004 wrote it) brought to 0005: new tables only — every existing table's SQL
is byte for byte what it was, every row kept — and the new tables' constraints act."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker

from alignmeet.storage import database
from alignmeet.storage.database import Database, current_revision, open_database, upgrade

FIXTURE = Path(__file__).with_name("fixtures") / "schema-0004.sqlite3"
NEW_TABLES = {"meeting_rating", "agenda_proposal", "outbox_message"}


@pytest.fixture
def db_0005(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    engine = database._sqlite_engine(path)
    db = Database(url=f"sqlite:///{path}", engine=engine, sessions=sessionmaker(engine), path=path)
    upgrade(db, "0005")
    assert current_revision(db) == "0005"
    engine.dispose()
    return path


def _schema(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    finally:
        con.close()


def _all_rows(path: Path, tables: set[str]) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {
            t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
            for t in sorted(tables)
            if not t.startswith("sqlite_")
        }
    finally:
        con.close()


def test_upgrading_0005_adds_three_tables_and_changes_no_existing_one(db_0005: Path) -> None:
    before = _schema(db_0005)
    rows = _all_rows(db_0005, set(before))
    db = open_database(db_0005)
    try:
        assert current_revision(db) == database.HEAD_REVISION  # 0006, and what later revisions add
        assert [b for b in db.backups if "before-upgrade-0005" in b.name]
    finally:
        db.dispose()
    after = _schema(db_0005)
    assert set(after) - set(before) == NEW_TABLES
    for table, sql in before.items():
        assert after[table] == sql, table  # never recreated, never altered
    rows["alembic_version"] = [(database.HEAD_REVISION,)]
    assert _all_rows(db_0005, set(before)) == rows
    con = sqlite3.connect(db_0005)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        fks = {r[3]: (r[2], r[6]) for r in con.execute("PRAGMA foreign_key_list(meeting_rating)")}
        assert fks == {"meeting_id": ("meeting", "CASCADE"), "member_id": ("member", "CASCADE")}
        fks = {r[3]: (r[2], r[6]) for r in con.execute("PRAGMA foreign_key_list(outbox_message)")}
        assert fks == {"meeting_id": ("meeting", "SET NULL"), "member_id": ("member", "SET NULL")}
        fks = {r[3]: (r[2], r[6]) for r in con.execute("PRAGMA foreign_key_list(agenda_proposal)")}
        assert fks == {"meeting_id": ("meeting", "CASCADE"), "item_id": ("agenda_item", "SET NULL")}
    finally:
        con.close()


def test_the_outbox_refuses_a_second_message_with_the_same_message_id_or_purpose(
    db_0005: Path,
) -> None:
    open_database(db_0005).dispose()
    con = sqlite3.connect(db_0005)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        insert = (
            "INSERT INTO outbox_message (message_id, dedup_key, kind, recipient, recipient_name,"
            " subject, content, status, attempts, last_error, created_at) VALUES"
            " (?, ?, 'recap', 'a@example.com', '', '', 'x', 'queued', 0, '', '2026-12-01')"
        )
        con.execute(insert, ("<1@alignmeet>", "recap:1"))
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(insert, ("<1@alignmeet>", "recap:2"))
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(insert, ("<2@alignmeet>", "recap:1"))
    finally:
        con.close()


def test_a_deleted_meeting_takes_its_ratings_and_keeps_its_outbox_messages(db_0005: Path) -> None:
    open_database(db_0005).dispose()
    con = sqlite3.connect(db_0005)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        meeting_id = con.execute("SELECT max(id) FROM meeting").fetchone()[0]
        member_id = con.execute("SELECT min(id) FROM member").fetchone()[0]
        con.execute(
            "INSERT INTO meeting_rating (meeting_id, member_id, score, answer, created_at)"
            " VALUES (?, ?, 7, 'Shorter updates', '2026-12-01')",
            (meeting_id, member_id),
        )
        con.execute(
            "INSERT INTO meeting_rating (meeting_id, member_id, score, answer, created_at)"
            " VALUES (?, NULL, 9, '', '2026-12-01')",
            (meeting_id,),
        )
        con.execute(  # a second anonymous rating: NULL members are not one member
            "INSERT INTO meeting_rating (meeting_id, member_id, score, answer, created_at)"
            " VALUES (?, NULL, 8, '', '2026-12-01')",
            (meeting_id,),
        )
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(
                "INSERT INTO meeting_rating (meeting_id, member_id, score, answer, created_at)"
                " VALUES (?, ?, 5, '', '2026-12-01')",
                (meeting_id, member_id),
            )
        con.execute(
            "INSERT INTO outbox_message (message_id, dedup_key, kind, meeting_id, recipient,"
            " recipient_name, subject, content, status, attempts, last_error, created_at)"
            " VALUES ('<m@a>', 'k', 'recap', ?, 'a@example.com', '', '', 'x', 'queued', 0, '',"
            " '2026-12-01')",
            (meeting_id,),
        )
        con.execute("DELETE FROM meeting WHERE id = ?", (meeting_id,))
        assert con.execute("SELECT count(*) FROM meeting_rating").fetchone() == (0,)
        assert con.execute("SELECT meeting_id FROM outbox_message").fetchall() == [(None,)]
    finally:
        con.close()
