"""Regenerate the database fixtures of every released schema: tests/storage/fixtures/.

    .venv/bin/python tests/storage/make_fixtures.py            # all of them
    .venv/bin/python tests/storage/make_fixtures.py 0002       # one

Each `schema-<revision>.sqlite3` is a database file as an AlignMeet of that release left it:
created by the Alembic migrations up to that revision (never by today's models), holding
realistic rows written with that schema's own columns (SQL below), in WAL mode and
checkpointed (one self-contained file, no -wal beside it). Accents, emoji, Arabic and
markup are in the rows on purpose: an upgrade must carry them over byte for byte.

- 0001: teams, members, a series, a template, two meetings with attendance, agenda, ideas,
  decisions, actions and their history.
- 0002: the same, written at 0002 (the history's "who", the follow-up columns), plus a
  third meeting's history written with the new columns.
- 0003: the same, plus the series' default template and members (new in 0003).
- 0004: the demo (`alignmeet.demo.build_demo`) at 0004: every toolkit table filled. Made
  with the services, so only while 0004 is the head: after a newer revision lands, keep
  the committed file (regenerate it at the commit that released 0004 if ever needed).
- 0005: the 0004 fixture upgraded to 0005, plus rows in what 0005 added: the minutes of
  record of the two closed meetings (the second one reopened and closed again, so two
  revisions), the revision the second meeting approved, the real start times and
  attendance edited since (participant versions above 1).
- 0006: the 0005 fixture upgraded to 0006, plus rows in its three tables: ratings of the
  closed meetings (one anonymous), an agenda proposal accepted into the planned meeting
  and one dismissed, and outbox messages sent, unconfirmed after a failure and queued.
- 0007: the 0006 fixture upgraded to 0007 (indexes only: no new table, no new rows).

The files are committed: tests/storage/test_migration_fixtures.py upgrades copies of them,
so a migration that changes later is still tested against what users really have. Add a
fixture here (and to FIXTURES in that test) whenever a schema is released.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy.orm import sessionmaker  # noqa: E402

from alignmeet.storage import database  # noqa: E402
from alignmeet.storage.database import Database, current_revision, upgrade  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RELEASED = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")

ROWS_0001 = """
INSERT INTO team (id, name, position) VALUES (1, 'Sales', 0), (2, 'Marketing', 1);
INSERT INTO member (id, name, name_key, team_id, role, email, active, version) VALUES
  (1, 'Priya Raman', 'priya raman', 1, 'Head of Sales', 'priya@example.com', 1, 2),
  (2, 'Amara Nwosu', 'amara nwosu', 2, 'VP Marketing', '', 1, 1),
  (3, 'Sofía Delgado', 'sofía delgado', 1, 'Account Executive', '', 1, 1),
  (4, 'ليلى حداد', 'ليلى حداد', 2, 'Content lead', '', 1, 1),
  (5, '<b>Sam</b> {{7*7}}', '<b>sam</b> {{7*7}}', 2, 'Ops', '', 0, 3);
INSERT INTO series (id, name, cadence_days) VALUES (1, 'Monthly Sales & Marketing sync', 28);
INSERT INTO agenda_template (id, name, description, builtin, planned_minutes) VALUES
  (1, 'Our monthly sync', 'Custom: KPIs first', 0, 60);
INSERT INTO template_item (id, template_id, position, title, minutes, kind) VALUES
  (1, 1, 0, 'KPI review', 10, 'kpi_review'),
  (2, 1, 1, 'Lead feedback', 15, 'lead_feedback');
INSERT INTO meeting (id, series_id, title, starts_at, planned_minutes, place, facilitator_id,
  note_taker_id, topic, end_goal, status, phase, previous_minutes_approved, next_meeting_at,
  closing_notes, elapsed_seconds, created_at, closed_at, version) VALUES
  (1, 1, 'September sync', '2026-09-29 10:00:00.000000', 60, 'Room 2', 2, 1,
   'Why are half the webinar leads rejected?', 'Every member leaves with a plan',
   'closed', 'close', 1, '2026-10-27 10:00:00.000000',
   'Thanks all 👍 — dashboard link follows', 3720, '2026-09-20 09:00:00.000000',
   '2026-09-29 11:05:00.000000', 7),
  (2, 1, 'October sync', '2026-10-27 10:00:00.000000', 60, '', 1, NULL, '', '', 'running',
   'review', 0, NULL, '', 0, '2026-10-20 09:00:00.000000', NULL, 1);
INSERT INTO participant (id, meeting_id, member_id, attendance, representative, committed_at,
  confidence, commitment_note) VALUES
  (1, 1, 1, 'present', 0, '2026-09-29 10:55:00.000000', 4, 'If legal agrees'),
  (2, 1, 2, 'present', 0, '2026-09-29 10:56:00.000000', 5, ''),
  (3, 1, 3, 'apologies', 0, NULL, NULL, ''),
  (4, 1, 4, 'present', 1, '2026-09-29 10:57:00.000000', 3, 'إن شاء الله'),
  (5, 2, 1, 'present', 0, NULL, NULL, ''),
  (6, 2, 2, 'present', 0, NULL, NULL, '');
INSERT INTO agenda_item (id, meeting_id, position, title, owner_id, minutes, extra_minutes, kind,
  notes, used_seconds, parked, carried_from_id, version) VALUES
  (1, 1, 0, 'Lead quality', 1, 10, 1, 'lead_feedback',
   'Most rejected leads are students.

Second paragraph: <script>alert(1)</script> & =cmd|'' /C calc''!A0', 640, 0, NULL, 2),
  (2, 1, 1, 'Data needs Top 10', 2, 15, 0, 'data_needs', '', 0, 1, NULL, 1),
  (3, 2, 0, 'Data needs Top 10', 2, 15, 0, 'data_needs', '', 0, 0, 2, 1);
INSERT INTO idea (id, item_id, author_id, text, created_at) VALUES
  (1, 1, 3, 'Score webinar minutes watched', '2026-09-29 10:12:00.000000'),
  (2, 1, NULL, 'שאלת תקציב בטופס', '2026-09-29 10:13:00.000000');
INSERT INTO decision (id, item_id, text, created_at) VALUES
  (1, 1, 'Every rejected lead gets a reason', '2026-09-29 10:15:00.000000');
INSERT INTO action (id, meeting_id, owner_id, title, due, team_tag, status, milestone, position,
  created_at, updated_at, version) VALUES
  (1, 1, 3, 'Ask Contoso about the case study', '2026-10-13', 'sales', 'in_progress', 'Draft',
   1, '2026-09-29 10:40:00.000000', '2026-10-27 10:05:00.000000', 3),
  (2, 1, 1, 'Tag every rejected lead 🏷️', NULL, 'joint', 'open', '', 2,
   '2026-09-29 10:41:00.000000', '2026-09-29 10:41:00.000000', 1),
  (3, 1, 4, 'إعادة كتابة البريد الإلكتروني', '2026-10-20', 'marketing', 'done', '', 3,
   '2026-09-29 10:42:00.000000', '2026-10-19 16:00:00.000000', 2);
INSERT INTO action_update (id, action_id, meeting_id, changed_at, old_status, new_status, old_due,
  new_due, note) VALUES
  (1, 1, 1, '2026-09-29 10:40:00.000000', NULL, 'open', NULL, '2026-09-29', 'Agreed'),
  (2, 1, 2, '2026-10-27 10:04:00.000000', 'open', 'open', '2026-09-29', '2026-10-13',
   'Moved: Contoso legal'),
  (3, 1, NULL, '2026-10-28 08:00:00.000000', 'open', 'in_progress', '2026-10-13', '2026-10-13',
   'Draft sent'),
  (4, 2, 1, '2026-09-29 10:41:00.000000', NULL, 'open', NULL, NULL, 'Agreed'),
  (5, 3, 1, '2026-09-29 10:42:00.000000', NULL, 'open', NULL, '2026-10-20', 'Agreed'),
  (6, 3, NULL, '2026-10-19 16:00:00.000000', 'open', 'done', '2026-10-20', '2026-10-20',
   'Sent ✅');
"""

# Written at 0002: the history's "who" and the follow-up columns exist.
ROWS_0002 = """
INSERT INTO meeting (id, series_id, title, starts_at, planned_minutes, place, facilitator_id,
  note_taker_id, topic, end_goal, status, phase, previous_minutes_approved, next_meeting_at,
  closing_notes, elapsed_seconds, created_at, closed_at, version) VALUES
  (3, 1, 'November sync', '2026-11-24 10:00:00.000000', 45, 'Room 2', 4, 2, 'Pipeline', '',
   'draft', 'open', 0, NULL, '', 0, '2026-11-01 09:00:00.000000', NULL, 1);
INSERT INTO action (id, meeting_id, owner_id, title, due, team_tag, status, milestone, position,
  created_at, updated_at, version, times_slipped, last_note) VALUES
  (4, 2, 2, 'Share the MQL definition draft', '2026-11-10', 'marketing', 'blocked', 'Legal',
   1, '2026-10-27 10:30:00.000000', '2026-11-02 09:00:00.000000', 2, 1, 'Waiting for legal');
INSERT INTO action_update (id, action_id, meeting_id, changed_at, old_status, new_status, old_due,
  new_due, note, changed_by_id) VALUES
  (7, 4, 2, '2026-10-27 10:30:00.000000', NULL, 'open', NULL, '2026-11-03', 'Agreed', 1),
  (8, 4, NULL, '2026-11-02 09:00:00.000000', 'open', 'blocked', '2026-11-03', '2026-11-10',
   'Waiting for legal', NULL);
"""

# Written at 0003: series members and the series' default template.
ROWS_0003 = """
UPDATE series SET default_template_id = 1 WHERE id = 1;
INSERT INTO series_member (id, series_id, member_id) VALUES (1, 1, 1), (2, 1, 2), (3, 1, 4);
"""


# Written at 0005: minutes of record, the approved revision, real start times, versions.
ROWS_0005 = """
INSERT INTO minutes_record (id, meeting_id, revision, closed_at, language, content_hash, data)
VALUES
  (1, 1, 1, '2026-09-29 10:43:00.000000', 'en',
   'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
   '{"meeting": {"title": "Sales & Marketing sync — September 2026"}, "note": "ü 👍 <b>"}'),
  (2, 2, 1, '2026-10-27 11:05:00.000000', 'de',
   '0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccddeeff0',
   '{"meeting": {"title": "Sales & Marketing sync — October 2026"}, "revision": 1}'),
  (3, 2, 2, '2026-10-27 11:21:00.000000', 'de',
   'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
   '{"meeting": {"title": "Sales & Marketing sync — October 2026"}, "revision": 2}');
UPDATE meeting SET started_at = '2026-09-29 10:02:00.000000' WHERE id = 1;
UPDATE meeting SET started_at = '2026-10-27 10:04:00.000000', approved_minutes_id = 1 WHERE id = 2;
UPDATE participant SET version = 3 WHERE id IN (SELECT min(id) FROM participant);
UPDATE participant SET version = 2 WHERE id IN (SELECT max(id) FROM participant);
"""

# Written at 0006: meeting ratings, agenda proposals decided, the e-mail outbox.
ROWS_0006 = """
INSERT INTO meeting_rating (id, meeting_id, member_id, score, answer, created_at) VALUES
  (1, 1, 1, 8, 'Shorter KPI review 👍', '2026-09-29 11:06:00.000000'),
  (2, 1, NULL, 6, 'Decisions written down <b>during</b> the meeting',
   '2026-09-29 11:07:00.000000'),
  (3, 2, 3, 10, 'Nada — perfecto', '2026-10-27 11:22:00.000000'),
  (4, 2, 6, 7, 'وقت أطول للأسئلة', '2026-10-27 11:23:00.000000');
INSERT INTO agenda_proposal (id, meeting_id, key, kind, title, reason, state, item_id, decided_at)
VALUES
  (1, 3, 'slipped:4', 'slipped', 'Slipped twice: MQL definition', 'Due date moved twice',
   'accepted', 14, '2026-11-20 09:00:00.000000'),
  (2, 3, 'kpi:1:2026-10', 'kpi', 'KPI off target: MQLs', '212 of 300', 'dismissed', NULL,
   '2026-11-20 09:01:00.000000');
INSERT INTO outbox_message (id, message_id, dedup_key, kind, meeting_id, member_id, recipient,
  recipient_name, subject, content, status, attempts, last_error, created_at, last_attempt_at,
  next_attempt_at, sent_at) VALUES
  (1, '<recap-2-1@alignmeet.invalid>', 'recap:2:1:20261027T112100', 'recap', 2, 1,
   'priya@example.com', 'Priya Raman', 'Recap: Sales & Marketing sync — October 2026',
   'Decisions: …', 'sent', 1, '', '2026-10-27 11:25:00.000000', '2026-10-27 11:25:01.000000', NULL,
   '2026-10-27 11:25:01.000000'),
  (2, '<recap-2-3@alignmeet.invalid>', 'recap:2:3:20261027T112100', 'recap', 2, 3,
   'sofia@example.com', 'Sofía Delgado', 'Recap: Sales & Marketing sync — October 2026',
   'Decisiones ✅', 'unconfirmed', 3,
   'SMTP 550: mailbox unavailable', '2026-10-27 11:25:00.000000', '2026-10-27 12:25:00.000000',
   NULL, NULL),
  (3, '<reminder-6-2026-11-23@alignmeet.invalid>', 'reminder:6:2026-11-23', 'reminder', NULL, 6,
   'amara@example.com', 'Amara Nwosu', 'Your open actions', '2 open, 1 overdue', 'queued', 0, '',
   '2026-11-23 07:00:00.000000', NULL, '2026-11-23 07:00:00.000000', NULL);
"""


def _fresh(path: Path) -> Database:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    engine = database._sqlite_engine(path)
    return Database(
        url=f"sqlite:///{path}", engine=engine, sessions=sessionmaker(engine), path=path
    )


def _open(path: Path) -> Database:
    engine = database._sqlite_engine(path)
    return Database(
        url=f"sqlite:///{path}", engine=engine, sessions=sessionmaker(engine), path=path
    )


def _run(db: Database, sql: str) -> None:
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.executescript(sql)  # type: ignore[union-attr]
    finally:
        raw.close()


def _finish(db: Database, revision: str, target: Path) -> None:
    """Check the revision, checkpoint, and copy the database (online backup) to `target`."""
    assert current_revision(db) == revision, (current_revision(db), revision)
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        assert source.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert source.execute("PRAGMA foreign_key_check").fetchall() == []
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target.unlink(missing_ok=True)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=WAL")  # as the app leaves its files
            dest.execute("VACUUM")
        finally:
            dest.close()
    finally:
        raw.close()
    db.dispose()
    for side in ("-wal", "-shm"):
        assert not target.with_name(target.name + side).exists()
    print(f"{target.relative_to(ROOT)}: schema {revision}, {target.stat().st_size:,} bytes")


def make(revision: str, work: Path) -> None:
    target = FIXTURES / f"schema-{revision}.sqlite3"
    if revision == "0004":
        if database.HEAD_REVISION != "0004":
            raise SystemExit(
                "schema 0004 is made with the services, which now write a newer schema: keep "
                "the committed fixture (or run this script at the commit that released 0004)."
            )
        from alignmeet.demo import build_demo
        from alignmeet.services import open_services

        path = work / "demo.sqlite3"
        services = open_services(str(path))
        build_demo(services, today=date(2026, 11, 22))
        db = services.db
        _finish(db, "0004", target)
        services.close()
        return
    if revision == "0007":
        import shutil

        path = work / "0007.sqlite3"
        shutil.copyfile(FIXTURES / "schema-0006.sqlite3", path)
        db = _open(path)
        upgrade(db, "0007")
        _finish(db, "0007", target)
        return
    if revision == "0006":
        import shutil

        path = work / "0006.sqlite3"
        shutil.copyfile(FIXTURES / "schema-0005.sqlite3", path)
        db = _open(path)
        upgrade(db, "0006")
        _run(db, ROWS_0006)
        _finish(db, "0006", target)
        return
    if revision == "0005":
        import shutil

        path = work / "0005.sqlite3"
        shutil.copyfile(FIXTURES / "schema-0004.sqlite3", path)
        db = _open(path)
        upgrade(db, "0005")
        _run(db, ROWS_0005)
        _finish(db, "0005", target)
        return
    db = _fresh(work / f"{revision}.sqlite3")
    upgrade(db, "0001")
    _run(db, ROWS_0001)
    if revision >= "0002":
        upgrade(db, "0002")
        _run(db, ROWS_0002)
    if revision >= "0003":
        upgrade(db, "0003")
        _run(db, ROWS_0003)
    _finish(db, revision, target)


def main(argv: list[str]) -> None:
    wanted = argv or list(RELEASED)
    unknown = set(wanted) - set(RELEASED)
    if unknown:
        raise SystemExit(f"unknown revision(s): {', '.join(sorted(unknown))}")
    FIXTURES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for revision in wanted:
            make(revision, Path(work))


if __name__ == "__main__":
    main(sys.argv[1:])
