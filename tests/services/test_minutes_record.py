"""Minutes of record: a closed meeting's minutes say what was true when it closed, forever.

Closing freezes the minutes (a revision, with a SHA-256 of its text); every later export —
Word, HTML preview, e-mail — reads that record back and says "as closed on …"; reopening
and closing again makes revision 2; the next meeting approves a named revision; a record
changed behind AlignMeet's back is refused. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind
from alignmeet.domain.text_gate import gate_text
from alignmeet.export.email_minutes import minutes_email
from alignmeet.export.html_minutes import minutes_html
from alignmeet.services import Services
from alignmeet.services.followups import ActionFilter
from alignmeet.services.minutes import MinutesRecordError
from alignmeet.storage import models as m
from alignmeet.storage.database import open_database

from .conftest import NOW


class Clock:
    """A clock the test moves forward (the services read it on every write)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def services(db_url, clock):
    """Services whose clock the test moves (the shared fixture's clock stands still)."""
    services = Services(open_database(db_url), clock=clock)
    services.bootstrap()
    yield services
    services.close()


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def october(services, new_meeting, people, clock):
    """A held meeting with two actions and a KPI review, closed at 11:05 on its day."""
    meeting = new_meeting(day=0, title="October sync")
    for member in vars(people).values():
        services.meetings.set_attendance(
            meeting_id=meeting.id, member_id=member.id, attendance=Attendance.PRESENT
        )
    kpi = services.goals.add_kpi(name="MQL→SQL conversion", unit="%", target=30)
    services.goals.record_measurement(
        kpi_id=kpi.id, period="2026-02", value=23, recorded_at=NOW - timedelta(days=20)
    )
    services.agenda.add_item(
        meeting_id=meeting.id, title="KPI review", kind=ItemKind.KPI_REVIEW, minutes=10
    )
    due = NOW.date() + timedelta(days=14)
    a1 = services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.ana.id, title="Tag every rejected lead", due=due
    )
    a2 = services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.chloe.id, title="Pause the LinkedIn form", due=due
    )
    clock.now = NOW.replace(hour=11, minute=5)
    services.meetings.close_meeting(meeting_id=meeting.id)
    return meeting, kpi, (a1, a2)


def november_changes(services, clock, kpi, actions) -> None:
    """What happens after October closed: statuses change, a new KPI value, a rename."""
    clock.now = NOW + timedelta(days=30)
    a1, a2 = actions
    services.actions.set_status(action_id=a1.id, status=ActionStatus.DONE, note="done in Nov")
    services.actions.set_status(action_id=a2.id, status=ActionStatus.DROPPED)
    services.goals.record_measurement(kpi_id=kpi.id, period="2026-03", value=27)
    services.people.update_member(member_id=a1.owner_id, name="Ana López-Weber")


def kpi_rows(data):
    section = next(s for s in data.toolkit if s.heading == "KPI review")
    table = next(b for b in section.blocks if hasattr(b, "rows"))
    return table.rows


# ---- closing freezes -------------------------------------------------------------------
def test_closing_stores_revision_1_with_the_hash_of_its_text(services, october):
    meeting, _kpi, _actions = october
    with services.db.sessions() as s:
        (row,) = s.scalars(select(m.MinutesRecord).where(m.MinutesRecord.meeting_id == meeting.id))
    assert row.revision == 1
    assert row.closed_at == NOW.replace(hour=11, minute=5)
    assert row.content_hash == hashlib.sha256(row.data.encode("utf-8")).hexdigest()
    assert row.language == "en"
    assert "KPI review" in row.data  # the toolkit's sections are part of the record


def test_october_minutes_exported_after_november_are_the_same_text_as_at_close(
    services, october, clock, tmp_path
):
    """The finding: re-exporting showed November's statuses and KPI values."""
    meeting, kpi, actions = october
    at_close = services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "close.docx")
    text_at_close = docx_text(at_close)
    html_at_close = minutes_html(services.minutes.gather(meeting.id))
    email_at_close = minutes_email(services.minutes.gather(meeting.id))

    november_changes(services, clock, kpi, actions)
    later = services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "later.docx")

    assert docx_text(later) == text_at_close
    assert minutes_html(services.minutes.gather(meeting.id)) == html_at_close
    assert minutes_email(services.minutes.gather(meeting.id)) == email_at_close
    assert "Minutes of record as closed on 2 Mar 2026 at 11:05 (revision 1)." in text_at_close
    assert "as closed on 2 Mar 2026 at 11:05" in html_at_close
    assert "as closed on 2 Mar 2026 at 11:05" in email_at_close[1]
    data = services.minutes.gather(meeting.id)
    assert {a.status for p in data.plans for a in p.actions} == {ActionStatus.OPEN}
    assert kpi_rows(data)[0][2].startswith("23 %")
    assert "Ana López" in text_at_close and "López-Weber" not in text_at_close
    # ... while the data itself moved on, and the live view of it says so:
    live = services.minutes.gather_live(meeting.id)
    assert {a.status for p in live.plans for a in p.actions} == {
        ActionStatus.DONE,
        ActionStatus.DROPPED,
    }


def test_the_follow_up_exports_show_the_status_today(services, october, clock, tmp_path):
    _meeting, kpi, actions = october
    november_changes(services, clock, kpi, actions)
    result = services.exports.csv(flt=ActionFilter(statuses=None), path=tmp_path / "a.csv")
    text = result.path.read_text(encoding="utf-8-sig")
    assert "Done" in text and "Dropped" in text


def test_closing_a_closed_meeting_again_adds_no_revision(services, october, clock):
    meeting, _kpi, _actions = october
    clock.now += timedelta(hours=1)
    services.meetings.close_meeting(meeting_id=meeting.id)
    assert [x.revision for x in services.minutes.revisions(meeting.id)] == [1]


# ---- reopen: revision 2, revision 1 kept ------------------------------------------------
def test_reopen_and_close_again_makes_revision_2_and_keeps_revision_1(
    services, october, clock, tmp_path
):
    meeting, _kpi, (a1, _a2) = october
    clock.now = NOW.replace(hour=15)
    services.meetings.reopen_meeting(meeting.id)
    assert [x.revision for x in services.minutes.revisions(meeting.id)] == [1]
    draft = services.minutes.gather(meeting.id)
    assert draft.stamp is not None and draft.stamp.revision is None
    services.actions.update_action(action_id=a1.id, title="Tag every rejected lead with a reason")
    clock.now = NOW.replace(hour=15, minute=20)
    services.meetings.close_meeting(meeting_id=meeting.id)

    latest = docx_text(
        services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "r2.docx")
    )
    assert "Minutes of record as closed on 2 Mar 2026 at 15:20 (revision 2)." in latest
    assert (
        "Revision 2 — closed on 2 Mar 2026 at 15:20; revision 1 — closed on 2 Mar 2026 at 11:05"
        in latest
    )
    assert "Tag every rejected lead with a reason" in latest

    first = docx_text(
        services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "r1.docx", revision=1)
    )
    assert "Minutes of record as closed on 2 Mar 2026 at 11:05 (revision 1)." in first
    assert "Superseded by revision 2, closed on 2 Mar 2026 at 15:20." in first
    assert "Tag every rejected lead with a reason" not in first


def test_the_draft_of_a_reopened_meeting_says_it_is_a_draft(services, october, clock):
    meeting, _kpi, _actions = october
    services.meetings.reopen_meeting(meeting.id)
    _subject, body = minutes_email(services.minutes.gather(meeting.id))
    assert "Draft: the meeting was reopened after revision 1 was closed on" in body


# ---- approval of a named revision -------------------------------------------------------
def test_the_next_meeting_approves_a_named_revision(services, october, new_meeting, tmp_path):
    meeting, _kpi, _actions = october
    with services.db.sessions() as s:
        before = s.scalar(select(m.MinutesRecord.content_hash))
    november = new_meeting(day=28, title="November sync")
    offered = services.minutes.previous_minutes(november.id)
    assert offered.meeting_id == meeting.id and [x.revision for x in offered.revisions] == [1]

    services.minutes.approve_previous(meeting_id=november.id, revision=1)

    october_text = docx_text(
        services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "oct.docx")
    )
    assert "Approved in November sync on 30 Mar 2026 (revision 1)." in october_text
    november_text = docx_text(
        services.minutes.export_docx(meeting_id=november.id, path=tmp_path / "nov.docx")
    )
    assert "The minutes of October sync (2 Mar 2026, revision 1) were approved." in november_text
    assert services.meetings.get_meeting(november.id).previous_minutes_approved
    with services.db.sessions() as s:
        assert s.scalar(select(m.MinutesRecord.content_hash)) == before  # the record as closed

    services.minutes.approve_previous(meeting_id=november.id, revision=None)
    assert not services.meetings.get_meeting(november.id).previous_minutes_approved
    october_text = docx_text(
        services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "oct2.docx")
    )
    assert "Approved in" not in october_text


def test_old_approvals_without_a_revision_still_read(services, october, new_meeting, tmp_path):
    """Data from before 0005: only the flag."""
    november = new_meeting(day=28, title="November sync")
    services.meetings.update_meeting(meeting_id=november.id, previous_minutes_approved=True)
    text = docx_text(
        services.minutes.export_docx(meeting_id=november.id, path=tmp_path / "nov.docx")
    )
    assert "The minutes of the previous meeting were approved." in text


def test_approving_a_revision_that_does_not_exist_is_refused(services, october, new_meeting):
    from alignmeet.domain.rules import ValidationError

    november = new_meeting(day=28, title="November sync")
    with pytest.raises(ValidationError, match="no revision 3"):
        services.minutes.approve_previous(meeting_id=november.id, revision=3)
    assert not services.meetings.get_meeting(november.id).previous_minutes_approved


# ---- a tampered record ------------------------------------------------------------------
def test_a_record_changed_behind_alignmeets_back_is_refused(services, october, tmp_path):
    meeting, _kpi, _actions = october
    with services.db.transaction() as s:
        row = s.scalar(select(m.MinutesRecord))
        s.execute(
            update(m.MinutesRecord)
            .where(m.MinutesRecord.id == row.id)
            .values(data=row.data.replace("Tag every rejected lead", "Tag some leads"))
        )
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the old file")
    with pytest.raises(MinutesRecordError) as caught:
        services.minutes.export_docx(meeting_id=meeting.id, path=target)
    assert "changed outside AlignMeet" in caught.value.message
    assert "October sync" in caught.value.message and "revision 1" in caught.value.message
    assert target.read_bytes() == b"the old file"
    with pytest.raises(MinutesRecordError):
        services.minutes.gather(meeting.id)  # the preview and the e-mail read the same


def test_a_record_that_cannot_be_read_is_refused(services, october):
    meeting, _kpi, _actions = october
    text = '{"format":99,"minutes":{}}'
    with services.db.transaction() as s:
        s.execute(
            update(m.MinutesRecord).values(
                data=text, content_hash=hashlib.sha256(text.encode()).hexdigest()
            )
        )
    with pytest.raises(MinutesRecordError, match="cannot be read by this version"):
        services.minutes.gather(meeting.id)


# ---- meetings closed before minutes of record --------------------------------------------
def test_a_meeting_closed_before_0005_is_recorded_once_marked_reconstructed(
    services, new_meeting, people, clock, tmp_path
):
    meeting = new_meeting(day=0, title="September sync")
    action = services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.ben.id, title="Call the webinar leads"
    )
    clock.now = NOW.replace(hour=11)
    # What an upgraded file holds: closed, no record.
    services.meetings.close_meeting(meeting_id=meeting.id, record_minutes=False)
    clock.now = NOW + timedelta(days=40)
    services.actions.set_status(action_id=action.id, status=ActionStatus.DONE)

    first = docx_text(services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "a.docx"))
    assert "Reconstructed on 11 Apr 2026 from the data of that day" in first
    assert "closed on 2 Mar 2026 at 11:30, before AlignMeet kept minutes of record" in first
    data = services.minutes.gather(meeting.id)
    assert [a.status for p in data.plans for a in p.actions] == [ActionStatus.OPEN]

    clock.now = NOW + timedelta(days=60)
    services.actions.set_status(action_id=action.id, status=ActionStatus.BLOCKED)
    again = docx_text(services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "b.docx"))
    assert again == first  # from then on it never changes
    assert [x.revision for x in services.minutes.revisions(meeting.id)] == [1]


# ---- gather -> store -> load, any text --------------------------------------------------

# NUL is refused when typed (storage), and so is half of a character (a lone surrogate: the
# text gate's own tests prove that refusal); everything else must read back exactly.
_TEXT = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(_TEXT, max_size=60), note=st.text(_TEXT, max_size=60))
def test_any_text_reads_back_from_the_record_exactly(services, new_meeting, people, text, note):
    """User text of any kind — control characters, emoji, markup — goes into the record
    and comes back as the same records."""
    meeting = new_meeting(day=0, title="Text sync")
    if gate_text("title", text).strip():  # what the text gate leaves of it is not empty
        services.agenda.add_item(meeting_id=meeting.id, title=text, minutes=5)
        services.actions.add_action(meeting_id=meeting.id, owner_id=people.ana.id, title=text)
    services.meetings.update_meeting(meeting_id=meeting.id, closing_notes=note, topic=text)
    live = services.minutes.gather_live(meeting.id)
    services.meetings.close_meeting(meeting_id=meeting.id)
    stored = services.minutes.gather(meeting.id)
    assert stored.stamp is not None and stored.stamp.revision == 1
    closed = replace(
        live.meeting,
        status=stored.meeting.status,
        phase=stored.meeting.phase,
        closed_at=stored.meeting.closed_at,
        version=stored.meeting.version,  # closing is a write: the counter moved on
    )
    expected = replace(live, meeting=closed, stamp=stored.stamp)
    assert stored == expected
    services.meetings.delete_meeting(meeting.id)


@pytest.mark.sqlite_only
def test_an_upgraded_0004_file_gets_reconstructed_records_on_first_export(tmp_path, db_backend):
    """The committed schema-0004 file (two closed meetings, no records) after the upgrade."""
    import shutil
    from pathlib import Path

    fixture = Path(__file__).parents[1] / "storage" / "fixtures" / "schema-0004.sqlite3"
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(fixture, path)
    today = datetime(2026, 12, 6, 12, 0)
    services = Services(open_database(path), clock=lambda: today)
    try:
        closed = [x for x in services.meetings.list_meetings() if x.status.value == "closed"]
        assert closed
        for meeting in closed:
            assert services.minutes.revisions(meeting.id) == ()
            first = docx_text(
                services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "a.docx")
            )
            assert "Reconstructed on 6 Dec 2026 from the data of that day" in first
            second = docx_text(
                services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "b.docx")
            )
            assert second == first
            (info,) = services.minutes.revisions(meeting.id)
            assert info.revision == 1
    finally:
        services.close()


def test_minutes_closed_in_english_stay_english_after_the_language_changes(
    services, october, tmp_path
):
    """A facilitator closes October in English, later switches AlignMeet to German, and
    exports October's minutes again: they are the record, so the same text — not German
    headings, dates and "Stand 1" around the English entries."""
    from alignmeet import i18n

    meeting, _kpi, _actions = october
    at_close = docx_text(
        services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "a.docx")
    )
    email_at_close = minutes_email(services.minutes.gather(meeting.id))
    with i18n.use_language("de"):
        later = docx_text(
            services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "b.docx")
        )
        email_later = minutes_email(services.minutes.gather(meeting.id))
    assert "Minutes of record as closed on 2 Mar 2026 at 11:05 (revision 1)." in later
    assert later == at_close
    assert email_later == email_at_close


def test_minutes_closed_in_german_stay_german_in_an_english_window_and_the_window_stays_english(
    services, october, tmp_path
):
    """The other way round, and from an export thread: the minutes are written in their
    record's language in that thread only — the window's own words, asked for meanwhile
    on its thread, stay in the window's language."""
    import threading

    from alignmeet import i18n

    meeting, _kpi, _actions = october
    services.meetings.reopen_meeting(meeting.id)
    with i18n.use_language("de"):
        services.meetings.close_meeting(meeting_id=meeting.id)  # revision 2, closed in German
        in_german = docx_text(
            services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "de.docx")
        )
    assert "Protokoll" in in_german
    written: list[str] = []
    heard_meanwhile: list[str] = []
    inside = threading.Event()
    go_on = threading.Event()

    real = i18n.speaking

    @contextlib.contextmanager
    def speaking_and_pausing(code):
        with real(code) as spoken:
            inside.set()
            assert go_on.wait(30)
            yield spoken

    def export() -> None:
        written.append(
            docx_text(services.minutes.export_docx(meeting_id=meeting.id, path=tmp_path / "t.docx"))
        )

    import alignmeet.export.minutes_docx as writer

    original = writer.speaking
    writer.speaking = speaking_and_pausing
    try:
        worker = threading.Thread(target=export)
        worker.start()
        assert inside.wait(30)  # the export thread is writing German now
        heard_meanwhile.append(i18n._("Minutes"))  # the window's thread, meanwhile
        go_on.set()
        worker.join(30)
    finally:
        writer.speaking = original
    assert i18n.language() == "en"
    assert heard_meanwhile == ["Minutes"]
    assert written == [in_german]
