"""Demo lead feedback: three months of batches, one reviewed in each held meeting."""

from datetime import date, datetime

import pytest

from alignmeet.demo import _PEOPLE, build_demo
from alignmeet.demo_toolkit import DemoContext
from alignmeet.domain.lead_feedback import RejectionReason
from alignmeet.domain.sections import Table
from alignmeet.services import Services
from alignmeet.storage.database import open_database

TODAY = date(2026, 3, 4)


def context(services: Services, summary) -> DemoContext:
    by_name = {m.name: m for m in services.people.list_members()}
    ids = {key: by_name[name].id for key, (name, _team, _role) in _PEOPLE.items()}
    meetings = [services.meetings.get_meeting(i) for i in summary.meeting_ids]
    return DemoContext(
        today=TODAY,
        member_ids=ids,
        sales_ids=[by_name[n].id for n, t, _ in _PEOPLE.values() if t == "Sales"],
        marketing_ids=[by_name[n].id for n, t, _ in _PEOPLE.values() if t == "Marketing"],
        team_ids={t.name: t.id for t in services.people.list_teams()},
        series_id=meetings[0].series_id,
        held_meeting_ids=summary.held_meeting_ids,
        upcoming_meeting_id=summary.upcoming_meeting_id,
        meeting_days=tuple(m.starts_at.date() for m in meetings),
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services(
        open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"),
        clock=lambda: datetime(2026, 3, 4, 12, 0),
    )
    summary = build_demo(services, today=TODAY)
    ctx = context(services, summary)
    written = summary.toolkit["lead_feedback"]  # build_demo seeds the toolkit
    yield services, ctx, written
    services.close()


def test_three_months_of_batches_with_reasons_and_notes(demo) -> None:
    services, _ctx, written = demo
    batches = services.lead_feedback.list_batches()
    assert written == {"lead batches": 3, "rejection lines": 19}
    assert services.lead_feedback.periods() == ["2026-02", "2026-01", "2025-12"]
    assert [b.label for b in batches][1].startswith("January webinar leads")
    for batch in batches:
        assert 0 < batch.rejected <= batch.leads_received
        assert all(line.note for line in batch.lines)
        assert batch.recorded_by_name
    reasons = {line.reason for b in batches for line in b.lines}
    assert reasons == set(RejectionReason)


def test_each_held_meeting_reviewed_one_batch_and_the_next_one_waits(demo) -> None:
    services, ctx, _ = demo
    lf = services.lead_feedback
    for meeting_id in ctx.held_meeting_ids:
        assert len(lf.reviewed_in(meeting_id)) == 1
    (waiting,) = lf.unreviewed_batches()
    assert waiting.period == "2026-02"
    assert lf.minutes_sections(ctx.upcoming_meeting_id) == ()


def test_the_second_meetings_minutes_show_the_breakdown_and_the_change(demo) -> None:
    services, ctx, _ = demo
    (section,) = services.lead_feedback.minutes_sections(ctx.held_meeting_ids[1])
    assert section.heading == "Lead feedback"
    assert "down 9 points on Dec 2025: 33%" in section.blocks[1].text
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.rows[0][:3] == ("Not a fit", "14", "33%")
