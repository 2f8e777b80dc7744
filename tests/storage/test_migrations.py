"""Alembic migrations: in step with the code, the models and each other; all or nothing."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

import alignmeet.storage.database as database
from alignmeet.storage.database import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    DatabaseOpenError,
    current_revision,
    open_database,
)
from alignmeet.storage.fulltext import include_name, include_object, is_fts_table
from alignmeet.storage.models import Base

MIGRATIONS = Path(database.__file__).parent / "migrations"


def script_directory(location: Path = MIGRATIONS) -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(location))
    return ScriptDirectory.from_config(config)


@pytest.fixture
def db(tmp_path):
    database_ = open_database(tmp_path / "alignmeet.sqlite3")
    yield database_
    database_.dispose()


def test_head_revision_in_the_code_is_the_single_alembic_head():
    assert script_directory().get_heads() == [HEAD_REVISION]


def test_known_revisions_are_exactly_the_alembic_revisions():
    revisions = {rev.revision for rev in script_directory().walk_revisions()}
    assert revisions == set(KNOWN_REVISIONS)
    assert HEAD_REVISION in KNOWN_REVISIONS


def test_the_revisions_form_one_line_without_branches():
    scripts = script_directory()
    assert len(scripts.get_bases()) == 1
    assert all(not rev.is_branch_point for rev in scripts.walk_revisions())


@pytest.fixture
def fk_options_from_pragma(monkeypatch):
    """Reflect ON DELETE / ON UPDATE of column-level foreign keys too.

    SQLAlchemy reads those options by parsing table-level `FOREIGN KEY (...)` clauses
    in the stored CREATE TABLE text; a column added later by ALTER TABLE ... ADD
    COLUMN ... REFERENCES (revision 0003, series.default_template_id) carries its
    clause inline, which that parser skips. SQLite's own PRAGMA foreign_key_list
    knows the options: take them from there where the parser found none.
    """
    from sqlalchemy.dialects.sqlite.base import SQLiteDialect

    original = SQLiteDialect.get_foreign_keys

    def get_foreign_keys(self, connection, table_name, schema=None, **kw):
        fks = original(self, connection, table_name, schema=schema, **kw)
        rows = connection.exec_driver_sql(f"PRAGMA foreign_key_list('{table_name}')").all()
        for fk in fks:
            if fk["options"]:
                continue
            for row in rows:
                if [row[3]] == fk["constrained_columns"] and row[2] == fk["referred_table"]:
                    for key, value in (("onupdate", row[5]), ("ondelete", row[6])):
                        if value and value != "NO ACTION":
                            fk["options"][key] = value
        return fks

    monkeypatch.setattr(SQLiteDialect, "get_foreign_keys", get_foreign_keys)


def test_the_migrated_schema_matches_the_models_exactly(db, fk_options_from_pragma):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": include_name,
                "include_object": include_object,
            },
        )
        assert compare_metadata(context, Base.metadata) == []


def test_every_model_table_exists_with_the_same_columns(db):
    inspector = inspect(db.engine)
    tables = {t for t in inspector.get_table_names() if not is_fts_table(t)}
    assert tables - {"alembic_version"} == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        columns = {c["name"] for c in inspector.get_columns(name)}
        assert columns == {c.name for c in table.columns}, name


def test_ddl_runs_inside_the_transaction_so_a_failure_rolls_it_back(db):
    with pytest.raises(RuntimeError), db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("ALTER TABLE team ADD COLUMN colour TEXT")
        raise RuntimeError("migration step failed")
    inspector = inspect(db.engine)
    assert "half_done" not in inspector.get_table_names()
    assert "colour" not in {c["name"] for c in inspector.get_columns("team")}


BROKEN_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "0002_broken"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50)))
    op.execute("UPDATE table_that_does_not_exist SET x = 1")


def downgrade():
    pass
"""


def test_a_migration_that_fails_half_way_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "alignmeet.sqlite3"
    first = open_database(path)
    with first.transaction() as s:
        s.execute(text("INSERT INTO team (name, position) VALUES ('Sales', 0)"))
    first.dispose()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0002_broken.py").write_text(BROKEN_REVISION.format(down=HEAD_REVISION))
    original_config = database._alembic_config

    def broken_config(db):
        config = original_config(db)
        config.set_main_option("script_location", str(scripts))
        return config

    monkeypatch.setattr(database, "_alembic_config", broken_config)
    monkeypatch.setattr(database, "HEAD_REVISION", "0002_broken")
    monkeypatch.setattr(database, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, "0002_broken"))

    with pytest.raises(DatabaseOpenError, match="table_that_does_not_exist"):
        database.open_database(path)

    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    con = sqlite3.connect(path)
    try:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
        member_columns = {row[1] for row in con.execute("PRAGMA table_info(member)")}
        assert "nickname" not in member_columns
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
        assert con.execute("SELECT name FROM team").fetchall() == [("Sales",)]
    finally:
        con.close()
    backups = list((tmp_path / "backups").iterdir())
    assert [b.name for b in backups if f"before-upgrade-{HEAD_REVISION}" in b.name]


def test_an_empty_sqlite_file_without_a_revision_is_set_up_at_head_on_open(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE scratch (x); DROP TABLE scratch;")  # header written
    con.close()
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD_REVISION
    finally:
        db.dispose()
