"""Every committed write says what it changed, and another client hears it.

The change log (alignmeet.storage.changelog) is written in the same transaction as the
change, by any use case without it asking; a second client on the same database (another
window, another facilitator on the server, another process on the same file) reads it
through a ChangeFeed and learns which tables and rows changed — never its own writes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from alignmeet.domain.changes import MAX_IDS, OpChanges
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.services import Services
from alignmeet.storage import changelog
from alignmeet.storage import models as m
from alignmeet.storage.database import open_database

from .conftest import NOW


def _log(services: Services) -> list[tuple[str, dict[str, object]]]:
    with services.db.engine.connect() as conn:
        rows = conn.execute(select(changelog.LOG.c.origin, changelog.LOG.c.changes)).all()
    return [(origin, json.loads(changes)) for origin, changes in rows]


def _second_client(services: Services) -> Services:
    return Services(open_database(services.db.url), clock=lambda: NOW)


def _poll_until(feed: changelog.ChangeFeed, wanted: str, seconds: float = 5.0) -> OpChanges:
    deadline = time.monotonic() + seconds
    while True:
        changes = feed.poll()
        if changes.touches(wanted) or time.monotonic() > deadline:
            return changes
        time.sleep(0.05)


def test_a_use_case_logs_its_tables_and_rows_signed_by_its_client(services, people):
    before = len(_log(services))
    member = services.people.add_member(name="Eve Adams", team_id=people.ana.team_id)
    origin, changes = _log(services)[-1]
    assert len(_log(services)) == before + 1
    assert origin == services.db.origin
    assert changes == {"member": [member.id]}


def test_reads_and_failed_writes_log_nothing(services, people):
    before = _log(services)
    services.people.list_members()
    with pytest.raises(Exception):  # noqa: B017 - any refusal: nothing was written
        services.people.add_member(name="", team_id=people.ana.team_id)
    assert _log(services) == before


def test_deleting_a_meeting_names_what_the_database_took_with_it(services, people, new_meeting):
    meeting = new_meeting()
    services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.ana.id, title="Call back", team_tag=TeamTag.SALES
    )
    services.meetings.delete_meeting(meeting.id)
    _origin, changes = _log(services)[-1]
    # rows ON DELETE CASCADE removed (and links SET NULL cleared: another meeting's approval
    # of these minutes): reported as changed, rows not listed
    for table in ("meeting", "participant", "agenda_item", "action", "idea", "decision"):
        assert changes[table] is None, table


def test_the_meeting_clock_names_its_meeting(services, new_meeting):
    meeting = new_meeting()
    services.meetings.record_elapsed(meeting_id=meeting.id, seconds=30)
    assert _log(services)[-1][1] == {"meeting": [meeting.id]}


def test_an_operation_with_many_rows_reports_the_table_as_a_whole(services, teams):
    with services.db.transaction() as s:
        for i in range(MAX_IDS + 1):
            s.add(m.Team(name=f"Team {i}", position=10 + i))
    assert _log(services)[-1][1] == {"team": None}


def test_an_undo_is_a_change_others_hear_about(services, people, new_meeting):
    meeting = new_meeting()
    with services.journal.recording() as recorded:
        action = services.actions.add_action(
            meeting_id=meeting.id, owner_id=people.ana.id, title="Send deck", team_tag=TeamTag.JOINT
        )
    services.journal.revert(recorded)
    assert _log(services)[-1][1]["action"] == [action.id]


def test_another_client_hears_each_change_once_and_never_its_own(services, people, new_meeting):
    meeting = new_meeting()
    action = services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.ana.id, title="Send deck", team_tag=TeamTag.JOINT
    )
    other = _second_client(services)
    try:
        feed = other.db.change_feed()
        assert not feed.poll()  # what was there before the feed started is on screen already
        other.people.add_member(name="Own write", team_id=people.ana.team_id)
        assert not feed.poll()  # its own write is not news to it
        services.actions.set_status(action_id=action.id, status=ActionStatus.BLOCKED)
        changes = _poll_until(feed, "action")
        assert changes.touches_row("action", action.id)
        assert not changes.local
        assert changes.touches("action_update")  # the history line
        assert not feed.poll()  # heard once
        feed.close()
    finally:
        other.close()


@pytest.mark.sqlite_only
def test_a_writer_in_another_process_is_heard_within_two_seconds(services, people):
    feed = services.db.change_feed()
    script = textwrap.dedent(
        f"""
        from alignmeet.services import Services
        from alignmeet.storage.database import open_database
        services = Services(open_database({services.db.path.as_posix()!r}))
        services.people.add_member(name="From afar", team_id={people.ana.team_id})
        services.close()
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    started = time.monotonic()
    changes = _poll_until(feed, "member", seconds=2.0)
    assert changes.touches("member"), "the other process's write was not heard"
    assert time.monotonic() - started < 2.0
    feed.close()


@pytest.mark.sqlite_only
def test_a_quiet_database_costs_no_query_on_sqlite(services):
    feed = services.db.change_feed()
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    from sqlalchemy import event

    event.listen(services.db.engine, "before_cursor_execute", seen)
    try:
        for _ in range(5):
            assert not feed.poll()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", seen)
    assert [s for s in statements if "change_log" in s] == []
    feed.close()


@pytest.mark.postgres_only
def test_a_change_committed_late_with_a_lower_id_is_not_missed(services, teams):
    """PostgreSQL numbers rows when they are inserted, not when they commit: a slow
    transaction's row can appear after a faster one with a higher id."""
    other = _second_client(services)
    try:
        feed = other.db.change_feed()
        slow = services.db.engine.connect()
        slow_tx = slow.begin()
        slow.execute(
            insert(changelog.LOG).values(at=datetime.now(), origin="slow", changes='{"team":[1]}')
        )
        services.people.add_member(
            name="Fast", team_id=teams["Sales"]
        )  # higher id, committed first
        assert _poll_until(feed, "member").touches("member")
        slow_tx.commit()
        slow.close()
        assert _poll_until(feed, "team").touches("team")
        feed.close()
    finally:
        other.close()


def test_trim_forgets_changes_older_than_a_day(services, people):
    services.people.add_member(name="Recent", team_id=people.ana.team_id)
    with services.db.engine.begin() as conn:
        total = conn.execute(select(func.count()).select_from(changelog.LOG)).scalar_one()
        assert changelog.trim(conn, now=datetime.now() + timedelta(hours=1)) == 0
        assert changelog.trim(conn, now=datetime.now() + timedelta(days=2)) == total
