"""Storage on a PostgreSQL server (and, where the same promise holds, on SQLite too):
the schema is created and upgraded by the same Alembic scripts, migrations are all or
nothing, data survives every upgrade from 0001, and `alignmeet --db URL` just works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

import alignmeet.storage.database as database
from alignmeet.services import open_services
from alignmeet.storage import models as m
from alignmeet.storage.database import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    DatabaseOpenError,
    current_revision,
    open_database,
    upgrade,
)
from alignmeet.storage.fulltext import include_name, include_object

MIGRATIONS = Path(database.__file__).parent / "migrations"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(empty_db_target):
    opened = open_database(empty_db_target)
    yield opened
    opened.dispose()


# ---- the same on both backends -----------------------------------------------------------
def test_a_new_database_is_created_at_the_newest_schema(db, db_backend):
    assert current_revision(db) == HEAD_REVISION
    assert db.is_sqlite == (db_backend == "sqlite")


def test_on_the_server_the_migrated_schema_is_exactly_the_models(postgres_url):
    """Alembic's autogenerate finds nothing to change: scripts and models agree, types and
    foreign keys included (tests/storage/test_migrations.py checks the same on SQLite)."""
    db = open_database(postgres_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": include_name,
                "include_object": include_object,
            },
        )
        assert compare_metadata(context, m.Base.metadata) == []
    db.dispose()


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(m.Member(name="Ghost", name_key="ghost", team_id=999, role="", email=""))


def test_a_failed_transaction_leaves_nothing_behind(db):
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(m.Team(name="Sales", position=0))
        s.flush()
        raise RuntimeError("the user's action failed half way")
    with db.sessions() as s:
        assert s.scalars(select(m.Team)).all() == []


def test_a_second_client_sees_what_the_first_committed(db, empty_db_target):
    with db.transaction() as s:
        s.add(m.Team(name="Sales", position=0))
    second = open_database(empty_db_target)
    try:
        with second.sessions() as s:
            assert s.scalars(select(m.Team.name)).all() == ["Sales"]
    finally:
        second.dispose()


@pytest.mark.unguarded_writes  # the database's own guard, under the services' one
def test_version_id_col_stops_a_stale_write(db, empty_db_target):
    """The database-level guard under ConflictError: an UPDATE of a row someone else
    changed after it was read matches no row, and SQLAlchemy raises StaleDataError."""
    with db.transaction() as s:
        s.add(m.Team(name="Sales", position=0))
        s.flush()
        s.add(m.Member(name="Ana", name_key="ana", team_id=1, role="", email=""))
    second = open_database(empty_db_target)
    try:
        with db.sessions() as mine:
            member = mine.get(m.Member, 1)
            assert member is not None and member.version == 1
            mine.commit()  # read, and shown; the object stays (expire_on_commit=False)
            with second.transaction() as theirs:
                theirs.get(m.Member, 1).role = "SDR"  # type: ignore[union-attr]
            member.role = "AE"
            with pytest.raises(StaleDataError):
                mine.commit()
        with second.sessions() as s:
            stored = s.get(m.Member, 1)
            assert stored is not None and (stored.role, stored.version) == ("SDR", 2)
    finally:
        second.dispose()


def test_the_services_run_on_it(db_backend, empty_db_target):
    services = open_services(empty_db_target)
    try:
        assert {t.name for t in services.people.list_teams()} == {"Sales", "Marketing"}
        assert services.agenda.templates()
    finally:
        services.close()


# ---- PostgreSQL only ---------------------------------------------------------------------
def _insert_at_0001(conn) -> None:  # type: ignore[no-untyped-def]
    """A small history written in the 0001 schema (plain SQL: the models are newer)."""
    when = datetime(2025, 1, 6, 10, 0)
    conn.execute(text("INSERT INTO team (id, name, position) VALUES (1, 'Sales', 0)"))
    conn.execute(
        text(
            "INSERT INTO member (id, name, name_key, team_id, role, email, active, version)"
            " VALUES (1, 'Sofía Ortega', 'sofía ortega', 1, 'AE', '', true, 1)"
        )
    )
    conn.execute(text("INSERT INTO series (id, name, cadence_days) VALUES (1, 'Sync', 30)"))
    conn.execute(
        text(
            "INSERT INTO meeting (id, series_id, title, starts_at, planned_minutes, place,"
            " facilitator_id, topic, end_goal, status, phase, previous_minutes_approved,"
            " closing_notes, elapsed_seconds, created_at, version) VALUES (1, 1, 'January',"
            " :when, 60, '', 1, 'Leads', '', 'closed', 'close', false, '', 0, :when, 1)"
        ),
        {"when": when},
    )
    conn.execute(
        text(
            "INSERT INTO action (id, meeting_id, owner_id, title, due, team_tag, status,"
            " milestone, position, created_at, updated_at, version) VALUES (1, 1, 1,"
            " 'Call the webinar leads', :due, 'sales', 'open', '', 1, :when, :when, 1)"
        ),
        {"due": date(2025, 1, 20), "when": when},
    )
    conn.execute(
        text(
            "INSERT INTO action_update (action_id, meeting_id, changed_at, old_status,"
            " new_status, old_due, new_due, note) VALUES (1, 1, :when, NULL, 'open', NULL,"
            " :due, 'Agreed')"
        ),
        {"due": date(2025, 1, 20), "when": when},
    )


def test_every_step_from_0001_to_head_keeps_the_data(postgres_url):
    engine = create_engine(postgres_url)
    db = database.Database(url=postgres_url, engine=engine, sessions=database.sessionmaker(engine))
    try:
        upgrade(db, "0001")
        assert current_revision(db) == "0001"
        with engine.begin() as conn:
            _insert_at_0001(conn)
        for revision in KNOWN_REVISIONS[1:]:
            upgrade(db, revision)
            assert current_revision(db) == revision
    finally:
        engine.dispose()
    services = open_services(postgres_url)  # at head: opens without another upgrade
    try:
        [action] = services.followups.lines()
        assert (action.title, action.due, action.status) == (
            "Call the webinar leads",
            date(2025, 1, 20),
            "open",
        )
        assert services.people.get_member(action.owner_id).name == "Sofía Ortega"
        assert [u.note for u in services.actions.history(action.id)] == ["Agreed"]
        assert services.meetings.get_meeting(1).title == "January"
        assert [a.id for a in services.followups.lines(_text("webinar"))] == [action.id]
    finally:
        services.close()


def _text(words: str):  # type: ignore[no-untyped-def]
    from alignmeet.services.followups import ActionFilter

    return ActionFilter(text=words)


def test_a_failing_migration_leaves_the_server_database_as_it_was(
    postgres_url, tmp_path, monkeypatch
):
    engine = create_engine(postgres_url)
    db = database.Database(url=postgres_url, engine=engine, sessions=database.sessionmaker(engine))
    upgrade(db, KNOWN_REVISIONS[-2])
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO team (name, position) VALUES ('Sales', 0)"))
    engine.dispose()
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (head,) = (scripts / "versions").glob(f"{database.HEAD_REVISION}_*.py")
    source = head.read_text()
    assert "def upgrade() -> None:" in source
    head.write_text(
        source.replace(
            "def upgrade() -> None:",
            "def upgrade() -> None:\n    _upgrade()\n"
            "    op.execute('UPDATE table_that_does_not_exist SET x = 1')\n\n\n"
            "def _upgrade() -> None:",
            1,
        )
    )
    original_config = database._alembic_config

    def broken_config(db):  # type: ignore[no-untyped-def]
        config = original_config(db)
        config.set_main_option("script_location", str(scripts))
        return config

    monkeypatch.setattr(database, "_alembic_config", broken_config)
    with pytest.raises(DatabaseOpenError, match="table_that_does_not_exist"):
        open_database(postgres_url)
    check = create_engine(postgres_url)
    try:
        with check.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).all() == [
                (KNOWN_REVISIONS[-2],)
            ]
            head_index = text("SELECT indexname FROM pg_indexes WHERE indexname = :name")
            new = conn.execute(head_index, {"name": "ix_action_last_note_nocase_due"}).all()
            assert new == []  # what the head (0008) created rolled back with it
            kept = conn.execute(head_index, {"name": "ix_action_title_nocase_status"}).all()
            assert kept == [("ix_action_title_nocase_status",)]  # 0007 stayed
            assert conn.dialect.has_table(conn, "outbox_message")  # 0006 stayed
            assert conn.execute(text("SELECT name FROM team")).all() == [("Sales",)]
    finally:
        check.dispose()


def test_a_database_from_a_newer_version_is_refused_untouched(postgres_url):
    open_database(postgres_url).dispose()
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(DatabaseOpenError, match="newer version of AlignMeet"):
            open_database(postgres_url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                "9999"
            )
    finally:
        engine.dispose()


def test_the_database_label_hides_the_password(postgres_url):
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url).set(password="s3cret")
    db = database.Database(
        url=url.render_as_string(hide_password=False),
        engine=create_engine(postgres_url),
        sessions=database.sessionmaker(),
    )
    assert "s3cret" not in db.label
    db.dispose()


def test_the_app_creates_and_opens_the_schema_on_the_server(postgres_url):
    """`alignmeet --db postgresql+psycopg://...` on an empty database: schema at head,
    default teams, main window shown (smoke test), exit 0 — and again on the same one."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "ui.app", "--db", postgres_url, "--smoke-test"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    engine = create_engine(postgres_url)
    try:
        with Session(engine) as s:
            assert s.scalar(text("SELECT version_num FROM alembic_version")) == HEAD_REVISION
            assert set(s.scalars(select(m.Team.name))) == {"Sales", "Marketing"}
    finally:
        engine.dispose()


def test_the_cli_writes_the_demo_to_the_server_and_reads_it_back(postgres_url):
    env = {**os.environ}
    cli = [sys.executable, "-m", "alignmeet"]
    demo = subprocess.run(
        [*cli, "demo", "--db", postgres_url], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert demo.returncode == 0, demo.stderr
    listed = subprocess.run(
        [*cli, "meetings", "--db", postgres_url], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.strip().splitlines()) >= 3  # the demo's three meetings
