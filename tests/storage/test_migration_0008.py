"""Revision 0008 (indexes for the Follow-ups page sorted by last note and filtered by series,
issue 16): indexes only — every table's SQL and every row as they were at 0007 — and the
list sorted by note, and a series counted, read from them on both databases."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from alignmeet.domain.enums import OPEN_STATUSES
from alignmeet.services import Services
from alignmeet.services.followups import ActionFilter
from alignmeet.storage import database
from alignmeet.storage.database import current_revision, open_database
from tests.storage.test_migration_0007 import FIXTURE, _all_rows, _master, _plans, demo

FIXTURE_0007 = FIXTURE.with_name("schema-0007.sqlite3")

__all__ = ["demo"]  # the fixture, shared with 0007's tests

NEW_INDEXES = {
    "ix_action_last_note_nocase_due": "CREATE INDEX ix_action_last_note_nocase_due ON action "
    '(last_note COLLATE "NOCASE", (due IS NULL), due, id)',
    "ix_action_last_note_nocase_desc_due": "CREATE INDEX ix_action_last_note_nocase_desc_due "
    'ON action (last_note COLLATE "NOCASE" DESC, (due IS NULL), due, id)',
    "ix_action_meeting_id_status_due": "CREATE INDEX ix_action_meeting_id_status_due ON action "
    "(meeting_id, status, due)",
    "ix_action_owner_id_due": "CREATE INDEX ix_action_owner_id_due ON action (owner_id, due)",
}
PG_DEFINITIONS = {
    "ix_action_last_note_nocase_due": '(lower(last_note) COLLATE "C", ((due IS NULL)), due, id)',
    "ix_action_last_note_nocase_desc_due": '(lower(last_note) COLLATE "C" DESC, '
    "((due IS NULL)), due, id)",
    "ix_action_meeting_id_status_due": "(meeting_id, status, due)",
    "ix_action_owner_id_due": "(owner_id, due)",
}
OPEN = frozenset(OPEN_STATUSES)


def test_upgrading_0007_adds_four_indexes_and_changes_no_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE_0007, path)
    tables, indexes = _master(path, "table"), _master(path, "index")
    rows = _all_rows(path, set(tables))
    db = open_database(path)
    try:
        assert current_revision(db) == database.HEAD_REVISION == "0008"
        assert [b for b in db.backups if "before-upgrade-0007" in b.name]
    finally:
        db.dispose()
    assert _master(path, "table") == tables  # never recreated, never altered
    after = _master(path, "index")
    assert {name: after[name] for name in set(after) - set(indexes)} == NEW_INDEXES
    assert all(after[name] == sql for name, sql in indexes.items())
    rows["alembic_version"] = [("0008",)]
    assert _all_rows(path, set(tables)) == rows
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def test_on_postgresql_the_indexes_have_the_keys_the_list_sorts_by(demo: Services) -> None:
    if demo.db.is_sqlite:
        pytest.skip("PostgreSQL's index definitions")
    with demo.db.engine.connect() as conn:
        for name, columns in PG_DEFINITIONS.items():
            definition = conn.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = :name"), {"name": name}
            ).scalar_one()
            assert definition.endswith(columns), definition


# ---------------------------------------------------------------------------- the plans


@pytest.mark.parametrize("descending", [False, True])
def test_the_list_sorted_by_last_note_is_read_in_note_index_order_from_either_end(
    demo: Services, descending: bool
) -> None:
    """Sorted by last note over every status, either way, the first window and the last
    (read from the end, in the reverse order) come from a note index: nothing is sorted
    (at 300,000 actions: under 2 ms instead of about 38 ms sorting every action)."""
    followups = demo.followups
    everything = ActionFilter()
    total = followups.count(everything)
    assert total > 40

    def first() -> object:
        return followups.window(everything, sort="note", descending=descending, limit=10)

    def last() -> object:
        return followups.window(
            everything, sort="note", descending=descending, offset=total - 10, limit=10,
            total=total,
        )  # fmt: skip

    name = "ix_action_last_note_nocase_desc_due" if descending else "ix_action_last_note_nocase_due"
    for read in (first, last):
        (plan,) = _plans(demo, read)
        assert name in plan, plan
        if demo.db.is_sqlite:
            assert "TEMP B-TREE" not in plan, plan
        else:
            assert "Sort" not in plan, plan
    whole = followups.window(everything, sort="note", descending=descending, limit=total)
    assert first() == whole[:10]
    assert last() == whole[-10:]


def test_a_series_is_counted_from_the_index_and_its_window_read_in_due_order(
    demo: Services,
) -> None:
    """The open actions of one series: SQLite counts them from (meeting, status, due)
    alone (at 300,000 actions: about 21 ms to 2 ms), and reads the first window walking
    the (status, due) index in due order, not through the series' meetings."""
    followups = demo.followups
    series = max(demo.meetings.list_series(), key=lambda x: x.id)
    flt = ActionFilter(statuses=OPEN, series_id=series.id)
    (count_plan,) = _plans(demo, lambda: followups.count(flt))
    if demo.db.is_sqlite:
        assert "COVERING INDEX ix_action_meeting_id_status_due" in count_plan, count_plan
    else:
        assert "ix_action_meeting_id_status_due" in count_plan, count_plan
    window_plans = _plans(demo, lambda: followups.window(flt, limit=20))
    if demo.db.is_sqlite:  # PostgreSQL's planner weighs its statistics
        assert not any("ix_action_meeting_id_status_due" in plan for plan in window_plans)
    lines = [line for line in followups.lines(ActionFilter()) if line.series_id == series.id]
    mine = [line for line in lines if line.status in {s.value for s in OPEN}]
    assert mine and followups.count(flt) == len(mine)
    by_due = sorted(mine, key=lambda line: (line.due is None, line.due, line.id))
    assert followups.window(flt, limit=20) == by_due[:20]


def test_the_list_sorted_by_owner_reads_each_owners_actions_in_due_order_from_the_index(
    demo: Services,
) -> None:
    """Sorted by owner, a window is one owner's actions in due order: read in the order of
    (owner, due) — nothing sorted (at 300,000 actions, one member's 8,000 actions: about
    13-24 ms to under 1 ms) — and the same rows as sorting the whole list by owner's name."""
    followups = demo.followups
    everything = ActionFilter()
    total = followups.count(everything)
    plans = _plans(demo, lambda: followups.window(everything, sort="owner", limit=10))
    windows = [plan for plan in plans if "ix_action_owner_id_due" in plan]
    assert windows, plans
    if demo.db.is_sqlite:
        assert all("TEMP B-TREE" not in plan for plan in windows), windows
    names = {m.id: m.name for m in demo.people.list_members(include_inactive=True)}
    whole = followups.lines(everything)
    by_owner = sorted(
        whole,
        key=lambda line: (
            names[line.owner_id].casefold(),
            line.owner_id,
            line.due is None,
            line.due,
            line.id,
        ),
    )
    shown = followups.window(everything, sort="owner", limit=total, total=total)
    assert [line.id for line in shown] == [line.id for line in by_owner]
