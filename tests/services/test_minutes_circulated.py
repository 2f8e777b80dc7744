"""Issue 17 and 16, through the services on SQLite and PostgreSQL: an action keeps one
number in every document, the actual times are part of the minutes of record, and the
minutes gather one query per section (however many items and members)."""

from __future__ import annotations

import csv
from datetime import timedelta

import docx
import docx.document
import docx.table
import icalendar
from docx.oxml.ns import qn
from sqlalchemy import event, update

from alignmeet.domain.enums import ActionStatus, Attendance
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.services.followups import ActionFilter
from alignmeet.storage import models as m


def open_docx(blob: bytes) -> docx.document.Document:
    from io import BytesIO

    return docx.Document(BytesIO(blob))


def plan_rows(doc: docx.document.Document) -> list[list[str]]:
    """The rows of the table after the "Action plans" heading, as text."""
    body = list(doc.element.body.iterchildren())
    texts = ["".join(t.text or "" for t in e.iter(qn("w:t"))) for e in body]
    heading = texts.index("Action plans")
    table = next(docx.table.Table(e, doc) for e in body[heading:] if e.tag.endswith("}tbl"))
    return [[c.text for c in row.cells] for row in table.rows]


def _start(services, meeting_id: int, at) -> None:  # type: ignore[no-untyped-def]
    """What "Start the meeting" records (meeting.started_at, revision 0005)."""
    with services.db.transaction() as s:
        s.execute(update(m.Meeting).where(m.Meeting.id == meeting_id).values(started_at=at))


def test_an_action_has_one_number_in_the_minutes_checklist_csv_and_calendar(
    services, new_meeting, people, tmp_path
) -> None:
    meeting = new_meeting(day=0)
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ana.id, attendance=Attendance.PRESENT
    )
    action = services.actions.add_action(
        meeting_id=meeting.id,
        owner_id=people.ana.id,
        title="Send the webinar list",
        due=meeting.starts_at.date() + timedelta(days=7),
    )
    number = f"A-{action.id}"
    minutes = open_docx(minutes_document_bytes(services.minutes.gather(meeting.id)))
    plans = plan_rows(minutes)
    assert [row[0] for row in plans if row[1] == "Send the webinar list"] == [number]

    everything = ActionFilter()
    services.exports.followups_docx(flt=everything, path=tmp_path / "c.docx")
    checklist = docx.Document(str(tmp_path / "c.docx"))
    assert checklist.tables[0].rows[2].cells[0].text == number

    services.exports.csv(flt=everything, path=tmp_path / "a.csv")
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as handle:
        [line] = list(csv.DictReader(handle))
    assert line["number"] == number

    services.exports.ics(flt=everything, path=tmp_path / "a.ics")
    [vevent] = icalendar.Calendar.from_ical((tmp_path / "a.ics").read_bytes()).walk("VEVENT")
    assert str(vevent["summary"]).startswith(f"Action {number}: Send the webinar list")


def test_the_actual_times_are_part_of_the_minutes_of_record(services, new_meeting) -> None:
    meeting = new_meeting(day=0)
    started = meeting.starts_at + timedelta(minutes=4)
    _start(services, meeting.id, started)
    services.meetings.close_meeting(meeting_id=meeting.id)
    recorded = services.minutes.gather(meeting.id).meeting
    assert recorded.started_at == started and recorded.closed_at is not None
    # Changed afterwards, the record still says what was true at the close.
    _start(services, meeting.id, started + timedelta(hours=5))
    assert services.minutes.gather(meeting.id).meeting.started_at == started


def _queries(services, meeting_id: int) -> int:  # type: ignore[no-untyped-def]
    count = [0]

    def counted(*_args: object) -> None:
        count[0] += 1

    event.listen(services.db.engine, "before_cursor_execute", counted)
    try:
        services.minutes.gather(meeting_id)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", counted)
    return count[0]


def test_gathering_the_minutes_costs_the_same_queries_for_3_or_30_items(
    services, new_meeting, people
) -> None:
    """One query per section (participants, items, ideas, decisions, actions), never one
    per item or member (issue 16: it was one per item, idea author and owner)."""
    members = list(vars(people).values())

    def meeting_with(items: int, day: int) -> int:
        meeting = new_meeting(day=day)
        for member in members:
            services.meetings.set_attendance(
                meeting_id=meeting.id, member_id=member.id, attendance=Attendance.PRESENT
            )
        for n in range(items):
            owner = members[n % len(members)]
            item = services.agenda.add_item(
                meeting_id=meeting.id, title=f"Item {n}", owner_id=owner.id
            )
            services.agenda.add_idea(item_id=item.id, text=f"Idea {n}", author_id=owner.id)
            services.agenda.add_decision(item_id=item.id, text=f"Decision {n}")
            action = services.actions.add_action(
                meeting_id=meeting.id, owner_id=owner.id, title=f"Action {n}"
            )
            if n % 2:
                services.actions.set_status(action_id=action.id, status=ActionStatus.DONE)
        return meeting.id

    first = new_meeting(day=0)  # both meetings review an earlier action: the same sections
    services.actions.add_action(meeting_id=first.id, owner_id=members[0].id, title="Earlier")
    small, large = meeting_with(3, 1), meeting_with(30, 2)
    assert _queries(services, large) == _queries(services, small)
