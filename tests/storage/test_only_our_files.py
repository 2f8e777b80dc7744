"""Only AlignMeet's own databases (issue 11, finding 4).

Another program's SQLite file is refused before any connection that could change it and
stays byte-identical, with nothing created beside it; AlignMeet's files carry its
application id; opening to read (listings, exports) never upgrades, marks or switches the
journal of a file; a PostgreSQL database with another program's tables is left alone.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from alignmeet.storage.database import (
    HEAD_REVISION,
    DatabaseOpenError,
    NotAlignMeetError,
    UpgradeNeededError,
    check_target,
    current_revision,
    open_database,
)
from alignmeet.storage.ownership import APPLICATION_ID, Owner, application_id_of, inspect_file

FIXTURES = Path(__file__).with_name("fixtures")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(path: Path) -> list[str]:
    """Everything in the folder but the file itself."""
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def foreign_file(path: Path, *, application_id: int = 0, tables: tuple[str, ...] = ()) -> Path:
    """Another program's database, in rollback-journal mode, made by sqlite3 itself."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('buy milk'), ('call Ana')")
    for table in tables:
        con.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT)")
    if application_id:
        con.execute(f"PRAGMA application_id = {application_id}")
    con.commit()
    con.close()
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL
    return path


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("own tables", lambda p: foreign_file(p)),
        # A table-name clash made the old upgrade roll back, but the file was changed.
        ("clashing table names", lambda p: foreign_file(p, tables=("team", "member"))),
        ("another application id", lambda p: foreign_file(p, application_id=0x4D504258)),
    ],
)
def test_a_foreign_sqlite_file_is_refused_and_stays_byte_identical(tmp_path, kind, make):
    path = make(tmp_path / "other_app.db")
    before = sha(path)

    for opening in (
        lambda: open_database(path),
        lambda: open_database(path, create=False, migrate=False),
        lambda: open_database(path, read_only=True),
        lambda: check_target(path),
    ):
        with pytest.raises(NotAlignMeetError) as err:
            opening()
        assert "is not an AlignMeet database" in str(err.value)
        assert "left it as it was" in str(err.value)

    assert sha(path) == before
    assert beside(path) == []  # no -wal, -shm, -journal, backups or lock


def test_an_alembic_file_of_another_program_is_not_taken_for_ours(tmp_path):
    path = foreign_file(tmp_path / "other.db", tables=("alembic_version",))
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.execute("ALTER TABLE alembic_version ADD COLUMN version_num TEXT")
    con.execute("INSERT INTO alembic_version (version_num) VALUES ('ae1027a6acf')")
    con.commit()
    con.close()
    before = sha(path)
    with pytest.raises(NotAlignMeetError):
        open_database(path)
    assert sha(path) == before


def test_a_new_file_carries_alignmeets_application_id(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_database(path).dispose()
    assert application_id_of(path) == APPLICATION_ID
    assert inspect_file(path).owner is Owner.ALIGNMEET


def test_an_empty_sqlite_file_is_set_up_as_a_new_database(tmp_path):
    path = tmp_path / "empty.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.execute("DROP TABLE t")  # a valid file with no tables left
    con.close()
    assert inspect_file(path).owner is Owner.EMPTY
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
    finally:
        db.dispose()
    assert application_id_of(path) == APPLICATION_ID


@pytest.mark.parametrize("revision", ["0001", "0003", "0004"])
def test_an_older_alignmeet_file_opened_to_read_stays_byte_identical(tmp_path, revision):
    path = tmp_path / "alignmeet.sqlite3"
    shutil.copyfile(FIXTURES / f"schema-{revision}.sqlite3", path)
    before = sha(path)
    with pytest.raises(UpgradeNeededError) as err:
        open_database(path, create=False, migrate=False)
    assert err.value.revision == revision
    assert sha(path) == before
    assert beside(path) == []


def test_an_older_alignmeet_file_opened_to_write_is_upgraded_marked_and_backed_up(tmp_path):
    path = tmp_path / "alignmeet.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0002.sqlite3", path)
    assert application_id_of(path) == 0  # made before the mark
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
        assert [b.name for b in db.backups if "before-upgrade-0002" in b.name]
    finally:
        db.dispose()
    assert application_id_of(path) == APPLICATION_ID


def test_a_current_file_opened_to_read_is_not_changed_even_in_rollback_mode(tmp_path):
    """A backup put in place by hand is in rollback-journal mode: a listing must not
    switch it to WAL (that rewrites the header)."""
    path = tmp_path / "alignmeet.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    before = sha(path)
    db = open_database(path, create=False, migrate=False)
    try:
        assert db.read_only
        assert current_revision(db) == HEAD_REVISION
    finally:
        db.dispose()
    assert sha(path) == before
    assert beside(path) == []


def test_a_damaged_header_keeps_todays_refusal_and_is_not_replaced(tmp_path):
    path = tmp_path / "alignmeet.sqlite3"
    open_database(path).dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00" * (4096 - 100)  # page 1's b-tree: sqlite_master unreadable
    path.write_bytes(bytes(data))
    before = sha(path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert not isinstance(err.value, NotAlignMeetError)
    assert sha(path) == before


# ---- PostgreSQL --------------------------------------------------------------------------
def test_a_postgres_database_with_another_programs_tables_is_refused_untouched(postgres_url):
    import psycopg
    from sqlalchemy.engine import make_url

    conninfo = make_url(postgres_url).set(drivername="postgresql")
    with psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True) as con:
        con.execute("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)")
        con.execute("INSERT INTO invoices (total) VALUES (12.5)")

    with pytest.raises(NotAlignMeetError) as err:
        open_database(postgres_url)
    assert "invoices" in str(err.value)

    with psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True) as con:
        tables = {
            row[0]
            for row in con.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
    assert tables == {"invoices"}


def test_an_empty_postgres_database_is_set_up_as_today(postgres_url):
    db = open_database(postgres_url)
    try:
        assert current_revision(db) == HEAD_REVISION
    finally:
        db.dispose()
