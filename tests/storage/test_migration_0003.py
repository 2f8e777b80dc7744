"""Revision 0003 on a database written by 0002: every row kept, series get no default
template and no members, and the new table and column work (foreign keys included)."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker

import alignmeet.storage.database as database
from alignmeet.storage.database import Database, current_revision, open_database, upgrade

# The 0001 rows and helpers of the 0002 test (tests/storage is not a package).
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


@pytest.fixture
def db_0002(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    engine = database._sqlite_engine(path)
    db = Database(url=f"sqlite:///{path}", engine=engine, sessions=sessionmaker(engine), path=path)
    upgrade(db, "0001")
    raw = engine.raw_connection()
    try:
        raw.driver_connection.executescript(ROWS_0001)  # type: ignore[union-attr]
    finally:
        raw.close()
    upgrade(db, "0002")
    assert current_revision(db) == "0002"
    engine.dispose()
    return path


def test_upgrading_a_0002_database_keeps_every_row(db_0002: Path) -> None:
    before = {t: (columns_of(db_0002, t), dump(db_0002, t)) for t in TABLES}
    db = open_database(db_0002)
    try:
        assert current_revision(db) == database.HEAD_REVISION
        assert [b.name for b in db.backups if "before-upgrade-0002" in b.name]
    finally:
        db.dispose()
    for table, (names, rows) in before.items():
        assert dump(db_0002, table, names) == rows, table
    assert dump(db_0002, "series", ["id", "default_template_id"]) == [(1, None)]
    assert dump(db_0002, "series_member") == []
    con = sqlite3.connect(db_0002)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        fks = {row[3]: (row[2], row[6]) for row in con.execute("PRAGMA foreign_key_list(series)")}
        assert fks == {"default_template_id": ("agenda_template", "SET NULL")}
    finally:
        con.close()


def test_the_upgraded_series_keeps_template_and_members_through_the_services(
    db_0002: Path,
) -> None:
    from alignmeet.services import Services

    services = Services(open_database(db_0002))
    try:
        meetings = services.meetings
        meetings.update_series(series_id=1, default_template_id=1, cadence_days=14)
        meetings.set_series_members(series_id=1, member_ids=[1, 2])
        series = meetings.get_series(1)
        assert (series.default_template_id, series.member_ids) == (1, (2, 1))  # name order
    finally:
        services.close()
