"""Opening a database file: safe settings, and bad files refused untouched."""

import hashlib
import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from alignmeet.storage import models as m
from alignmeet.storage.database import (
    HEAD_REVISION,
    DatabaseOpenError,
    current_revision,
    open_database,
)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "alignmeet.sqlite3"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.dispose()


def _pragma(db, name):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_a_new_file_is_created_at_the_newest_schema(db, db_path):
    assert db_path.is_file()
    assert db.is_sqlite
    assert db.path == db_path.resolve()
    assert current_revision(db) == HEAD_REVISION


def test_sqlite_runs_with_wal_full_sync_and_foreign_keys(db):
    assert _pragma(db, "journal_mode") == "wal"
    assert _pragma(db, "foreign_keys") == 1
    assert _pragma(db, "synchronous") == 2  # FULL


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(m.Member(name="Ghost", name_key="ghost", team_id=999, role="", email=""))


def test_committed_rows_survive_closing_and_reopening(db, db_path):
    with db.transaction() as s:
        s.add(m.Team(name="Sales", position=0))
    db.dispose()
    again = open_database(db_path, create=False)
    try:
        with again.sessions() as s:
            assert s.scalars(select(m.Team.name)).all() == ["Sales"]
    finally:
        again.dispose()


def test_a_failed_transaction_leaves_nothing_behind(db):
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(m.Team(name="Sales", position=0))
        s.flush()
        raise RuntimeError("the user's action failed half way")
    with db.sessions() as s:
        assert s.scalars(select(m.Team)).all() == []


def test_records_stay_readable_after_the_session_ends(db):
    with db.transaction() as s:
        team = m.Team(name="Marketing", position=1)
        s.add(team)
    assert team.name == "Marketing"  # expire_on_commit=False


def test_a_zero_length_file_is_refused_with_a_clear_message_and_kept(db_path):
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseOpenError) as err:
        open_database(db_path)
    assert str(db_path) in str(err.value)
    assert "empty (0 bytes)" in str(err.value)
    assert db_path.read_bytes() == b""
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_a_file_that_is_not_a_database_is_refused_and_kept(db_path):
    db_path.write_bytes(b"Minutes of the meeting, not a database.\n" * 200)
    before = digest(db_path)
    with pytest.raises(DatabaseOpenError, match="is not a database file"):
        open_database(db_path)
    assert digest(db_path) == before


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseOpenError, match="is a folder"):
        open_database(tmp_path)


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_database_from_a_newer_version_is_refused_and_left_byte_identical(db_path, journal_mode):
    open_database(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute(f"PRAGMA journal_mode={journal_mode}")
    con.close()
    before = digest(db_path)

    with pytest.raises(DatabaseOpenError) as err:
        open_database(db_path)

    assert "newer version of AlignMeet" in str(err.value)
    assert "9999_from_the_future" in str(err.value)
    assert digest(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_create_false_on_a_missing_file_raises_and_creates_nothing(tmp_path):
    missing = tmp_path / "sub" / "missing.sqlite3"
    with pytest.raises(DatabaseOpenError, match="There is no database at"):
        open_database(missing, create=False)
    assert not missing.exists()
    assert not missing.parent.exists()


def test_an_old_schema_is_not_upgraded_when_migrate_is_false(db_path):
    open_database(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("DROP TABLE alembic_version")
    con.close()
    with pytest.raises(DatabaseOpenError, match="needs an upgrade"):
        open_database(db_path, migrate=False)


def test_a_backup_is_a_complete_readable_copy(db, db_path):
    with db.transaction() as s:
        s.add(m.Team(name="Sales", position=0))
    target = db.backup("manual")
    assert target is not None
    assert target.parent == db_path.parent / "backups"
    assert "manual" in target.name
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT name FROM team").fetchall() == [("Sales",)]
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def test_datetimes_round_trip_without_time_zone_surprises(db):
    when = datetime(2026, 3, 2, 10, 0)
    with db.transaction() as s:
        s.add(m.Series(name="Sync", cadence_days=30))
        s.flush()
        s.execute(text("SELECT 1"))
        series_id = s.scalar(select(m.Series.id))
        s.add(
            m.Meeting(
                series_id=series_id,
                title="Sync",
                starts_at=when,
                created_at=when,
                end_goal="",
                topic="",
            )
        )
    with db.sessions() as s:
        assert s.scalar(select(m.Meeting.starts_at)) == when
