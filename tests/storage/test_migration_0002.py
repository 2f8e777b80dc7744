"""Revision 0002 on a database written by 0001: every row kept, the history's "who" and the
follow-up columns back-filled, the new indexes and the full-text index in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker

import alignmeet.storage.database as database
from alignmeet.storage.database import Database, current_revision, open_database, upgrade

TABLES = (
    "team",
    "member",
    "series",
    "agenda_template",
    "template_item",
    "meeting",
    "participant",
    "agenda_item",
    "idea",
    "decision",
    "action",
    "action_update",
)
ROWS_0001 = """
INSERT INTO team (id, name, position) VALUES (1, 'Sales', 0), (2, 'Marketing', 1);
INSERT INTO member (id, name, name_key, team_id, role, email, active, version) VALUES
  (1, 'Priya Raman', 'priya raman', 1, 'Head of Sales', '', 1, 1),
  (2, 'Amara Nwosu', 'amara nwosu', 2, 'VP Marketing', '', 1, 1),
  (3, 'Sofía Delgado', 'sofía delgado', 1, 'AE', '', 1, 1);
INSERT INTO series (id, name, cadence_days) VALUES (1, 'Monthly sync', 28);
INSERT INTO agenda_template (id, name, description, builtin, planned_minutes)
  VALUES (1, 'Mine', '', 0, 60);
INSERT INTO template_item (id, template_id, position, title, minutes, kind)
  VALUES (1, 1, 0, 'KPIs', 10, 'kpi_review');
INSERT INTO meeting (id, series_id, title, starts_at, planned_minutes, place, facilitator_id,
  note_taker_id, topic, end_goal, status, phase, previous_minutes_approved, next_meeting_at,
  closing_notes, elapsed_seconds, created_at, closed_at, version) VALUES
  (1, 1, 'September sync', '2026-09-29 10:00:00.000000', 60, 'Room 2', 2, 1, 'Leads', 'Plans',
   'closed', 'close', 1, NULL, 'Good one', 3600, '2026-09-20 09:00:00.000000',
   '2026-09-29 11:05:00.000000', 3),
  (2, 1, 'October sync', '2026-10-27 10:00:00.000000', 60, '', 1, NULL, '', '', 'running',
   'review', 0, NULL, '', 0, '2026-10-20 09:00:00.000000', NULL, 1);
INSERT INTO participant (id, meeting_id, member_id, attendance, representative, committed_at,
  confidence, commitment_note) VALUES
  (1, 1, 1, 'present', 0, '2026-09-29 10:55:00.000000', 4, 'If legal agrees'),
  (2, 1, 3, 'apologies', 0, NULL, NULL, '');
INSERT INTO agenda_item (id, meeting_id, position, title, owner_id, minutes, extra_minutes, kind,
  notes, used_seconds, parked, carried_from_id, version) VALUES
  (1, 1, 0, 'Lead quality', 1, 10, 1, 'lead_feedback', 'Most rejected leads are students',
   640, 0, NULL, 2);
INSERT INTO idea (id, item_id, author_id, text, created_at)
  VALUES (1, 1, 3, 'Score webinar minutes watched', '2026-09-29 10:12:00.000000');
INSERT INTO decision (id, item_id, text, created_at)
  VALUES (1, 1, 'Every rejected lead gets a reason', '2026-09-29 10:15:00.000000');
INSERT INTO action (id, meeting_id, owner_id, title, due, team_tag, status, milestone, position,
  created_at, updated_at, version) VALUES
  (1, 1, 3, 'Ask Contoso about the case study', '2026-10-13', 'sales', 'in_progress', 'Case',
   1, '2026-09-29 10:40:00.000000', '2026-10-27 10:05:00.000000', 3),
  (2, 1, 1, 'Tag every rejected lead', NULL, 'joint', 'open', '', 2,
   '2026-09-29 10:41:00.000000', '2026-09-29 10:41:00.000000', 1);
INSERT INTO action_update (id, action_id, meeting_id, changed_at, old_status, new_status, old_due,
  new_due, note) VALUES
  (1, 1, 1, '2026-09-29 10:40:00.000000', NULL, 'open', NULL, '2026-09-29', 'Agreed'),
  (2, 1, 2, '2026-10-27 10:04:00.000000', 'open', 'open', '2026-09-29', '2026-10-13',
   'Moved: Contoso legal'),
  (3, 1, NULL, '2026-10-28 08:00:00.000000', 'open', 'in_progress', '2026-10-13', '2026-10-13',
   'Draft sent'),
  (4, 2, 1, '2026-09-29 10:41:00.000000', NULL, 'open', NULL, NULL, 'Agreed');
"""


def dump(path: Path, table: str, columns: list[str] | None = None) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        names = columns or [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
        return con.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY id").fetchall()
    finally:
        con.close()


def columns_of(path: Path, table: str) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
    finally:
        con.close()


@pytest.fixture
def db_0001(tmp_path: Path) -> Path:
    """A database at revision 0001 holding a little of everything."""
    path = tmp_path / "old.sqlite3"
    engine = database._sqlite_engine(path)
    db = Database(url=f"sqlite:///{path}", engine=engine, sessions=sessionmaker(engine), path=path)
    upgrade(db, "0001")
    assert current_revision(db) == "0001"
    raw = engine.raw_connection()
    try:
        raw.driver_connection.executescript(ROWS_0001)  # type: ignore[union-attr]
    finally:
        raw.close()
    engine.dispose()
    return path


def test_upgrading_a_0001_database_keeps_every_row_and_value(db_0001: Path) -> None:
    before = {t: (columns_of(db_0001, t), dump(db_0001, t)) for t in TABLES}
    assert len(before["action_update"][1]) == 4
    db = open_database(db_0001)
    try:
        assert current_revision(db) == database.HEAD_REVISION
        assert [b.name for b in db.backups if "before-upgrade-0001" in b.name]
    finally:
        db.dispose()
    for table, (names, rows) in before.items():
        assert dump(db_0001, table, names) == rows, table
    assert columns_of(db_0001, "action_update")[-1] == "changed_by_id"
    assert {"times_slipped", "last_note"} <= set(columns_of(db_0001, "action"))


def test_the_history_gets_the_facilitator_of_the_meeting_where_it_changed(db_0001: Path) -> None:
    open_database(db_0001).dispose()
    who = dump(db_0001, "action_update", ["id", "meeting_id", "changed_by_id"])
    # meeting 1 was facilitated by Amara (2), meeting 2 by Priya (1); outside: nobody
    assert who == [(1, 1, 2), (2, 2, 1), (3, None, None), (4, 1, 2)]


def test_the_follow_up_columns_are_filled_from_the_history(db_0001: Path) -> None:
    open_database(db_0001).dispose()
    assert dump(db_0001, "action", ["id", "times_slipped", "last_note"]) == [
        (1, 1, "Draft sent"),
        (2, 0, "Agreed"),
    ]


def test_the_upgraded_file_is_sound_searchable_and_indexed(db_0001: Path) -> None:
    from alignmeet.services import Services

    services = Services(open_database(db_0001))
    try:
        fu = services.followups
        assert {h.kind for h in fu.search("rejected")} == {"action", "decision", "note"}
        assert [h.kind for h in fu.search("sofia")] == []  # names are not searched
        assert [h.kind for h in fu.search("webinar")] == ["idea"]
        (hit,) = fu.search("legal")
        assert (hit.kind, hit.action_id) == ("action", 1)
        history = services.actions.history(1)
        assert [u.changed_by_name for u in history] == ["Amara Nwosu", "Priya Raman", ""]
    finally:
        services.close()
    con = sqlite3.connect(db_0001)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        for fts in ("action_fts", "action_update_fts", "idea_fts", "decision_fts"):
            con.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        indexes = {row[1] for row in con.execute("PRAGMA index_list(action)")}
        assert {"ix_action_status_due", "ix_action_owner_id_status"} <= indexes
        assert not {"ix_action_status", "ix_action_owner_id"} & indexes
    finally:
        con.close()


def test_the_0002_schema_cannot_be_undone_on_sqlite(db_0001: Path) -> None:
    from alembic import command

    engine = database._sqlite_engine(db_0001)
    db = Database(url=f"sqlite:///{db_0001}", engine=engine, sessions=sessionmaker(engine))
    try:
        upgrade(db, "0002")
        config = database._alembic_config(db)
        with (
            pytest.raises(NotImplementedError, match=r"0002 cannot be undone.*backup"),
            db.engine.begin() as conn,
        ):
            config.attributes["connection"] = conn
            command.downgrade(config, "0001")
        assert current_revision(db) == "0002"
    finally:
        db.dispose()
