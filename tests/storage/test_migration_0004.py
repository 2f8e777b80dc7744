"""Revision 0004 (the alignment toolkit) on a database written by 0003: every row kept,
the new link columns empty, no table recreated, and the new foreign keys act."""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker

import alignmeet.storage.database as database
from alignmeet.storage.database import Database, current_revision, open_database, upgrade

_spec = importlib.util.spec_from_file_location(
    "_migration_0002_rows", Path(__file__).with_name("test_migration_0002.py")
)
assert _spec is not None and _spec.loader is not None
_m0002 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_m0002)
ROWS_0001, TABLES, columns_of, dump = (
    _m0002.ROWS_0001,
    _m0002.TABLES,
    _m0002.columns_of,
    _m0002.dump,
)

NEW_TABLES = {
    "goal",
    "kpi",
    "kpi_measurement",
    "glossary_term",
    "glossary_version",
    "persona",
    "data_need",
    "data_need_rank",
    "lead_batch",
    "lead_rejection",
    "coaching_pair",
    "coaching_checkin",
    "board_entry",
    "channel_rule",
}
# Tables of later revisions, which an upgrade to the head adds as well.
LATER_TABLES = {
    "minutes_record",
    "change_log",
    "meeting_rating",
    "agenda_proposal",
    "outbox_message",
}


@pytest.fixture
def db_0003(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    engine = database._sqlite_engine(path)
    db = Database(url=f"sqlite:///{path}", engine=engine, sessions=sessionmaker(engine), path=path)
    upgrade(db, "0001")
    raw = engine.raw_connection()
    try:
        raw.driver_connection.executescript(ROWS_0001)  # type: ignore[union-attr]
    finally:
        raw.close()
    upgrade(db, "0003")
    assert current_revision(db) == "0003"
    engine.dispose()
    return path


def _tables(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    finally:
        con.close()


def test_upgrading_a_0003_database_keeps_every_row_and_adds_the_toolkit(db_0003: Path) -> None:
    before = {t: (columns_of(db_0003, t), dump(db_0003, t)) for t in TABLES}
    old_tables = _tables(db_0003)
    db = open_database(db_0003)
    try:
        assert current_revision(db) == database.HEAD_REVISION
        assert [b.name for b in db.backups if "before-upgrade-0003" in b.name]
    finally:
        db.dispose()
    for table, (names, rows) in before.items():
        assert dump(db_0003, table, names) == rows, table
    new_tables = _tables(db_0003)
    assert set(new_tables) - set(old_tables) - LATER_TABLES == NEW_TABLES
    # Referenced tables were altered in place, never recreated: their SQL is the old
    # one plus the new inline column definitions that ALTER TABLE ... ADD COLUMN wrote.
    added = re.compile(
        r", (goal_id|persona_id) INTEGER CONSTRAINT \w+ REFERENCES \w+ \(id\) "
        r"ON DELETE SET NULL"
        # what later revisions add in place the same way (0005)
        r"|, approved_minutes_id INTEGER CONSTRAINT \w+ REFERENCES \w+ \(id\) ON DELETE SET NULL"
        r"|, started_at DATETIME|, version INTEGER DEFAULT '1' NOT NULL"
    )
    for table in ("action", "agenda_item", "meeting", "member"):
        assert added.sub("", new_tables[table]) == old_tables[table], table
    assert {r[0] for r in dump(db_0003, "action", ["goal_id"])} <= {None}
    assert {r[0] for r in dump(db_0003, "agenda_item", ["persona_id"])} <= {None}
    con = sqlite3.connect(db_0003)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        fks = {row[3]: (row[2], row[6]) for row in con.execute("PRAGMA foreign_key_list(action)")}
        assert fks["goal_id"] == ("goal", "SET NULL")
        assert fks["persona_id"] == ("persona", "SET NULL")
        fks = {r[3]: (r[2], r[6]) for r in con.execute("PRAGMA foreign_key_list(agenda_item)")}
        assert fks["persona_id"] == ("persona", "SET NULL")
    finally:
        con.close()


def test_the_new_links_let_go_when_their_goal_or_persona_is_deleted(db_0003: Path) -> None:
    open_database(db_0003).dispose()
    con = sqlite3.connect(db_0003)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        action_id, item_id = (
            con.execute("SELECT min(id) FROM action").fetchone()[0],
            con.execute("SELECT min(id) FROM agenda_item").fetchone()[0],
        )
        con.execute(
            "INSERT INTO goal (id, kind, title, period, unit, disposition, team_tag, notes,"
            " archived, created_at, version) VALUES (1, 'revenue', 'Q4 revenue', '2026-Q4',"
            " '€', '', 'joint', '', 0, '2026-11-01 09:00:00', 1)"
        )
        con.execute(
            "INSERT INTO persona (id, name, name_key, role, pains, goals, objections, notes,"
            " archived, version) VALUES (1, 'Larry', 'larry', 'CFO', '', '', '', '', 0, 1)"
        )
        con.execute("UPDATE action SET goal_id = 1, persona_id = 1 WHERE id = ?", (action_id,))
        con.execute("UPDATE agenda_item SET persona_id = 1 WHERE id = ?", (item_id,))
        con.execute("DELETE FROM goal")
        con.execute("DELETE FROM persona")
        con.commit()
        assert con.execute(
            "SELECT goal_id, persona_id FROM action WHERE id = ?", (action_id,)
        ).fetchone() == (None, None)
        assert con.execute(
            "SELECT persona_id FROM agenda_item WHERE id = ?", (item_id,)
        ).fetchone() == (None,)
    finally:
        con.close()
