"""Demo lead feedback: three months of batches, one reviewed in each held meeting."""

from datetime import date, datetime

import pytest

from alignmeet.demo import build_demo
from alignmeet.domain.lead_feedback import RejectionReason
from alignmeet.domain.sections import Table
from alignmeet.services import Services
from alignmeet.storage.database import open_database

TODAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services(
        open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"),
        clock=lambda: datetime(2026, 3, 4, 12, 0),
    )
    summary = build_demo(services, today=TODAY)
    ctx = summary.context
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
