"""Upgrading the database files of every released schema (tests/storage/fixtures/, made by
tests/storage/make_fixtures.py): all data kept, a backup first; a failing migration leaves
the file byte-identical; a file from a newer AlignMeet is refused untouched (issue 6).

The per-revision tests (test_migration_000N.py) build their old databases from SQL each
run and check what each revision adds; these start from committed files, so they keep
testing what users have on disk even when a migration script changes later.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import alignmeet.storage.database as database
from alignmeet.storage.database import DatabaseOpenError, open_database
from alignmeet.storage.fulltext import is_fts_table

FIXTURE_DIR = Path(__file__).with_name("fixtures")
FIXTURES = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
MIGRATIONS = Path(database.__file__).parent / "migrations"

# Rows every fixture holds (made by make_fixtures.py), at least.
MIN_ROWS = {
    "team": 2,
    "member": 5,
    "series": 1,
    "meeting": 2,
    "participant": 6,
    "agenda_item": 3,
    "idea": 2,
    "decision": 1,
    "action": 3,
    "action_update": 6,
}
# What the 0004 fixture (the demo) adds: every toolkit table has rows.
TOOLKIT_TABLES = (
    "channel_rule",
    "glossary_term",
    "glossary_version",
    "kpi",
    "kpi_measurement",
    "persona",
    "goal",
    "board_entry",
    "coaching_pair",
    "coaching_checkin",
    "lead_batch",
    "lead_rejection",
    "data_need",
    "data_need_rank",
)


def fixture(revision: str) -> Path:
    return FIXTURE_DIR / f"schema-{revision}.sqlite3"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return sorted(
        p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path
    )


def connect(path: Path) -> sqlite3.Connection:
    """Read-only and immutable: looking at a file must not change it (no -wal, no -shm)."""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)


def revision_of(path: Path) -> str:
    con = connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every application table: its columns and its rows (by rowid)."""
    con = connect(path)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
            if not is_fts_table(row[0])
        ]
        out = {}
        for table in tables:
            columns = [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
            rows = con.execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"
            ).fetchall()
            out[table] = (columns, rows)
        return out
    finally:
        con.close()


def rows_on(path: Path, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    con = connect(path)
    try:
        return con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
    finally:
        con.close()


@pytest.fixture(params=FIXTURES, ids=[f"schema-{r}" for r in FIXTURES])
def old_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    """A copy of one fixture, alone in its own folder."""
    revision = request.param
    folder = tmp_path / "data"
    folder.mkdir()
    copy = folder / "alignmeet.sqlite3"
    shutil.copyfile(fixture(revision), copy)
    return revision, copy


# ---------------------------------------------------------------------------- the fixtures


@pytest.mark.parametrize("revision", FIXTURES)
def test_each_fixture_is_a_released_schema_with_realistic_rows(revision: str) -> None:
    path = fixture(revision)
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert side_files(path) == []  # one self-contained file
    assert revision_of(path) == revision
    assert revision in database.KNOWN_REVISIONS
    tables = snapshot(path)
    if revision < "0004":  # the demo (0004 on) has its own, larger, data
        for table, least in MIN_ROWS.items():
            assert len(tables[table][1]) >= least, table
    else:
        for table in ("member", "meeting", "action", *TOOLKIT_TABLES):
            assert tables[table][1], table
    if revision >= "0005":  # what 0005 added, filled in
        assert len(tables["minutes_record"][1]) == 3
    if revision >= "0006":  # what 0006 added, filled in
        for table in ("meeting_rating", "agenda_proposal", "outbox_message"):
            assert tables[table][1], table
    con = connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def test_every_released_schema_has_a_fixture() -> None:
    """A new revision that ships must get a fixture (make_fixtures.py) once released: every
    revision but the newest one has a file here."""
    released = [r for r in database.KNOWN_REVISIONS if r != database.HEAD_REVISION]
    assert set(released) <= set(FIXTURES)
    assert all(fixture(r).exists() for r in FIXTURES)


# ---------------------------------------------------------------------------- upgrading


def test_upgrading_keeps_every_row_and_value_and_backs_up_first(old_file) -> None:
    revision, path = old_file
    before = snapshot(path)
    db = open_database(path)
    try:
        assert database.current_revision(db) == database.HEAD_REVISION
        upgraded = revision != database.HEAD_REVISION
        backups = [b for b in db.backups if f"before-upgrade-{revision}" in b.name]
        assert bool(backups) == upgraded
    finally:
        db.dispose()
    assert side_files(path) == []  # checkpointed: the file alone holds everything

    after = snapshot(path)
    for table, (columns, rows) in before.items():
        assert table in after, f"table {table} was dropped"
        assert len(after[table][1]) == len(rows), table
        assert rows_on(path, table, columns) == rows, table  # every old column, every row
    assert set(before) <= set(after)

    if upgraded:
        # The backup is the file as it was: the old revision, every row.
        (backup,) = backups
        assert revision_of(backup) == revision
        assert snapshot(backup) == before
    con = connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


SAMPLES = {
    # (table, column, value) rows the 0001-0003 fixtures hold, byte for byte
    ("member", "name", "Sofía Delgado"),
    ("member", "name", "ليلى حداد"),
    ("member", "name", "<b>Sam</b> {{7*7}}"),
    ("participant", "commitment_note", "إن شاء الله"),
    ("meeting", "closing_notes", "Thanks all 👍 — dashboard link follows"),
    ("idea", "text", "שאלת תקציב בטופס"),
    ("action", "title", "Tag every rejected lead 🏷️"),
    ("action_update", "note", "Sent ✅"),
}


@pytest.mark.parametrize("revision", [r for r in FIXTURES if r < "0004"])
def test_sample_values_survive_the_upgrade_and_reach_the_services(
    revision: str, tmp_path: Path
) -> None:
    from alignmeet.services import Services

    path = tmp_path / "alignmeet.sqlite3"
    shutil.copyfile(fixture(revision), path)
    services = Services(open_database(path))
    try:
        names = {m.name for m in services.people.list_members(include_inactive=True)}
        assert {"Sofía Delgado", "ليلى حداد", "<b>Sam</b> {{7*7}}"} <= names
        hits = services.followups.search("Contoso")
        assert [h.action_id for h in hits if h.kind == "action"] == [1]
    finally:
        services.close()
    for table, column, value in SAMPLES:
        assert (value,) in rows_on(path, table, [column]), (table, column, value)
    notes = rows_on(path, "agenda_item", ["notes"])[0][0]
    assert notes.endswith("<script>alert(1)</script> & =cmd|' /C calc'!A0")
    # What each revision added is filled in the way it defines.
    times_slipped = dict(rows_on(path, "action", ["id", "times_slipped"]))
    assert times_slipped[1] == 1
    if revision >= "0003":
        assert rows_on(path, "series", ["default_template_id"]) == [(1,)]
        assert len(rows_on(path, "series_member", ["id"])) == 3


# ---------------------------------------------------------------------------- failing


BROKEN_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "9000_broken"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50)))
    op.execute("UPDATE member SET name = 'changed'")
    op.execute("UPDATE table_that_does_not_exist SET x = 1")


def downgrade():
    pass
"""


@pytest.fixture
def broken_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A revision after today's head that changes things, then fails."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_broken.py").write_text(
        BROKEN_REVISION.format(down=database.HEAD_REVISION)
    )
    original = database._alembic_config

    def config(db: Any) -> Any:
        cfg = original(db)
        cfg.set_main_option("script_location", str(scripts))
        return cfg

    monkeypatch.setattr(database, "_alembic_config", config)
    monkeypatch.setattr(database, "HEAD_REVISION", "9000_broken")
    monkeypatch.setattr(database, "KNOWN_REVISIONS", (*database.KNOWN_REVISIONS, "9000_broken"))
    return "table_that_does_not_exist"


def assert_left_as_it_was(revision: str, path: Path, digest: str, error: str) -> None:
    assert "left as it was" in error or "Cannot open" in error
    assert sha(path) == digest  # byte-identical
    assert side_files(path) == []  # no -wal, no -shm, no journal left
    assert revision_of(path) == revision
    backups = list((path.parent / "backups").iterdir())
    assert [b for b in backups if f"before-upgrade-{revision}" in b.name]
    for backup in backups:
        assert revision_of(backup) == revision


def test_a_failing_migration_leaves_every_fixture_byte_identical(old_file, broken_head) -> None:
    """Every real migration from the fixture's schema runs, then the last one fails: the
    whole upgrade is one transaction, so nothing of it reaches the file."""
    revision, path = old_file
    digest = sha(path)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)
    assert broken_head in str(caught.value)
    assert str(path) in str(caught.value)
    assert_left_as_it_was(revision, path, digest, str(caught.value))


@pytest.mark.parametrize("revision", [r for r in FIXTURES if r < "0004"])
def test_an_alembic_operation_failing_inside_a_real_migration(
    revision: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last CREATE TABLE of the real upgrade fails (after the earlier revisions ran and
    the batch table copies of this one were made): the file is unchanged."""
    from alembic.ddl.impl import DefaultImpl

    path = tmp_path / "alignmeet.sqlite3"
    shutil.copyfile(fixture(revision), path)
    digest = sha(path)

    # Count the CREATE TABLEs of this upgrade on a scratch copy, then fail the last one.
    scratch = tmp_path / "scratch" / "alignmeet.sqlite3"
    scratch.parent.mkdir()
    shutil.copyfile(fixture(revision), scratch)
    real_create = DefaultImpl.create_table
    calls: list[str] = []

    def counting(self: Any, table: Any, **kw: Any) -> Any:
        calls.append(table.name)
        return real_create(self, table, **kw)

    monkeypatch.setattr(DefaultImpl, "create_table", counting)
    open_database(scratch).dispose()
    total = len(calls)
    assert total >= 1

    made: list[str] = []

    def failing(self: Any, table: Any, **kw: Any) -> Any:
        made.append(table.name)
        if len(made) == total:
            raise RuntimeError(f"disk said no while creating {table.name}")
        return real_create(self, table, **kw)

    monkeypatch.setattr(DefaultImpl, "create_table", failing)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)
    assert "disk said no" in str(caught.value)
    assert f"a backup is in {path.parent / 'backups'}" in str(caught.value)
    assert_left_as_it_was(revision, path, digest, str(caught.value))


# ---------------------------------------------------------------------------- newer files


def stamp(path: Path, version: str, *, journal_mode: str) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA journal_mode={journal_mode}")
        con.execute("UPDATE alembic_version SET version_num = ?", (version,))
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    assert side_files(path) == []


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_file_from_a_newer_version_is_refused_untouched(old_file, journal_mode: str) -> None:
    _revision, path = old_file
    stamp(path, "9999", journal_mode=journal_mode)
    digest = sha(path)
    for attempt in ({}, {"read_only": True}, {"migrate": False}):
        with pytest.raises(DatabaseOpenError) as caught:
            open_database(path, **attempt)
        message = str(caught.value)
        assert str(path) in message
        assert "newer version of AlignMeet" in message and "9999" in message
        assert "the file was not changed" in message
        assert sha(path) == digest
        assert side_files(path) == []  # no -wal, no -shm created
        assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no backups
