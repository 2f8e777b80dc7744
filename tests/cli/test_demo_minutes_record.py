"""The demo's held meetings have true minutes of record: October's minutes say what was true
when October closed (13 Oct), however much happened in November.

The finding: exporting October's minutes showed its actions as Done / Dropped / In
progress (November's review) and a KPI table with October's value recorded on 3 Nov (27 %)
under notes that say 23 %, with no "as of" date anywhere.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from docx import Document

from alignmeet.demo import build_demo
from alignmeet.domain.enums import ActionStatus
from alignmeet.export.email_minutes import minutes_email
from alignmeet.export.html_minutes import minutes_html
from alignmeet.services import Services
from alignmeet.storage.database import open_database

TODAY = date(2026, 12, 6)  # held meetings on 13 Oct and 10 Nov, the next on 8 Dec


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services(
        open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"),
        clock=lambda: datetime(2026, 12, 6, 12, 0),
    )
    summary = build_demo(services, today=TODAY)
    yield services, summary, tmp_path_factory.mktemp("out")
    services.close()


def test_october_minutes_say_what_was_true_on_13_october(demo):
    services, summary, out = demo
    october = summary.held_meeting_ids[0]
    text = docx_text(services.minutes.export_docx(meeting_id=october, path=out / "oct.docx"))

    assert "Minutes of record as closed on 13 Oct 2026 at" in text
    data = services.minutes.gather(october)
    # Its actions as they stood at the close: just agreed.
    statuses = {a.status for plan in data.plans for a in plan.actions}
    assert statuses == {ActionStatus.OPEN}
    # The KPI review with what was known on 13 Oct: September's 23 %, as the notes say.
    kpis = next(s for s in data.toolkit if s.heading == "KPI review")
    table = next(b for b in kpis.blocks if hasattr(b, "rows"))
    conversion = next(row for row in table.rows if row[0] == "MQL→SQL conversion")
    assert conversion[2] == "23 % (Sep 2026)"
    assert "23 %" in text and "27 % " not in text.replace("27 %)", "")
    # ... and everything the toolkit added to that meeting is part of the record.
    headings = [s.heading for s in data.toolkit]
    for heading in ("KPI review", "Lead feedback", "Glossary changes", "Wins and lessons"):
        assert heading in headings
    # Today the same actions stand elsewhere: the follow-ups and the live data say so.
    live = services.minutes.gather_live(october)
    assert {a.status for plan in live.plans for a in plan.actions} > {ActionStatus.DONE}


def test_october_minutes_are_identical_after_more_changes(demo):
    services, summary, out = demo
    october = summary.held_meeting_ids[0]
    before_docx = docx_text(services.minutes.export_docx(meeting_id=october, path=out / "a.docx"))
    before_html = minutes_html(services.minutes.gather(october))
    before_mail = minutes_email(services.minutes.gather(october))

    # More happens: an October action is dropped, a new KPI value arrives.
    action = services.actions.actions_for_meeting(october)[0]
    services.actions.set_status(action_id=action.id, status=ActionStatus.DROPPED)
    kpi = services.goals.list_kpis()[0]
    services.goals.record_measurement(kpi_id=kpi.id, period="2026-11", value=31)

    assert (
        docx_text(services.minutes.export_docx(meeting_id=october, path=out / "b.docx"))
        == before_docx
    )
    assert minutes_html(services.minutes.gather(october)) == before_html
    assert minutes_email(services.minutes.gather(october)) == before_mail
    assert "as closed on 13 Oct 2026 at" in before_html
    assert "as closed on 13 Oct 2026 at" in before_mail[1]


def test_november_minutes_leave_out_what_happened_between_the_meetings(demo):
    services, summary, _out = demo
    november = summary.held_meeting_ids[1]
    data = services.minutes.gather(november)
    assert data.stamp is not None and data.stamp.revision == 1
    assert data.meeting.closed_at is not None and data.meeting.closed_at.date() == date(
        2026, 11, 10
    )
    # Liam's report was marked done six days after November's meeting: not in its minutes.
    report = next(
        a
        for plan in data.plans
        for a in plan.actions
        if a.title.startswith("Share a weekly speed-to-lead report")
    )
    assert report.status is ActionStatus.OPEN
    kpis = next(s for s in data.toolkit if s.heading == "KPI review")
    table = next(b for b in kpis.blocks if hasattr(b, "rows"))
    conversion = next(row for row in table.rows if row[0] == "MQL→SQL conversion")
    assert conversion[2] == "27 % (Oct 2026)"  # recorded on 3 Nov: known on 10 Nov
