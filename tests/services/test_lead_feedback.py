"""LeadFeedbackService: batches, rejection lines, the breakdown, the review and the minutes."""

from __future__ import annotations

import pytest

from alignmeet.domain.lead_feedback import RejectionReason as R
from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Paragraph, Table
from alignmeet.services.base import NotFoundError


@pytest.fixture
def lf(services):
    return services.lead_feedback


@pytest.fixture
def october(lf, people):
    batch = lf.add_batch(
        label="October webinar leads",
        period="Oct 2026",
        leads_received=200,
        recorded_by_id=people.ben.id,
    )
    lf.add_rejection(batch_id=batch.id, reason=R.NOT_FIT, count=40, note="Students")
    lf.add_rejection(batch_id=batch.id, reason=R.DUPLICATE, count=20)
    return lf.get_batch(batch.id)


@pytest.fixture
def november(lf, people):
    batch = lf.add_batch(label="November MQLs", period="2026-11", leads_received=100)
    lf.add_rejection(batch_id=batch.id, reason=R.NOT_FIT, count=10, note="Company under 50")
    lf.add_rejection(
        batch_id=batch.id, reason=R.OTHER, count=5, lead_ref="Tailspin", note="Asked for a job"
    )
    lf.add_rejection(batch_id=batch.id, reason=R.NO_BUDGET, count=5)
    return lf.get_batch(batch.id)


def test_a_batch_is_stored_with_its_period_key_and_recorder(october, people) -> None:
    assert october.period == "2026-10"
    assert october.period_label == "Oct 2026"
    assert october.recorded_by_name == "Ben Okoro"
    assert october.rejected == 60
    assert october.rejection_rate == pytest.approx(0.3)
    assert [line.reason for line in october.lines] == [R.NOT_FIT, R.DUPLICATE]
    assert not october.reviewed


def test_batches_list_newest_period_first_and_filter_by_period(lf, october, november) -> None:
    assert [b.label for b in lf.list_batches()] == ["November MQLs", "October webinar leads"]
    assert [b.label for b in lf.list_batches(period="2026-10")] == ["October webinar leads"]
    assert lf.periods() == ["2026-11", "2026-10"]


def test_bad_batch_input_names_the_field(lf) -> None:
    for kwargs, field in (
        ({"label": " ", "period": "2026-11", "leads_received": 5}, "label"),
        ({"label": "X", "period": "later", "leads_received": 5}, "period"),
        ({"label": "X", "period": "2026-11", "leads_received": -1}, "leads_received"),
    ):
        with pytest.raises(ValidationError) as err:
            lf.add_batch(**kwargs)
        assert err.value.field == field
    assert lf.list_batches() == []


def test_rejected_leads_never_exceed_the_leads_received(lf, october) -> None:
    with pytest.raises(ValidationError) as err:
        lf.add_rejection(batch_id=october.id, reason=R.BAD_TIMING, count=141)
    assert err.value.field == "count"
    assert "201" in err.value.message and "200" in err.value.message
    line = october.lines[0]
    with pytest.raises(ValidationError):
        lf.update_rejection(rejection_id=line.id, count=181)
    with pytest.raises(ValidationError) as err:
        lf.update_batch(batch_id=october.id, leads_received=59)
    assert err.value.field == "leads_received"
    assert lf.get_batch(october.id).rejected == 60  # nothing changed


def test_other_without_a_note_and_a_zero_count_are_refused(lf, october) -> None:
    with pytest.raises(ValidationError) as err:
        lf.add_rejection(batch_id=october.id, reason="other", count=2)
    assert err.value.field == "note"
    with pytest.raises(ValidationError) as err:
        lf.add_rejection(batch_id=october.id, reason="duplicate", count=0)
    assert err.value.field == "count"
    with pytest.raises(ValidationError):
        lf.update_rejection(rejection_id=october.lines[1].id, reason=R.OTHER)  # no note


def test_lines_and_batches_are_edited_and_removed(lf, october) -> None:
    first = october.lines[0]
    lf.update_rejection(rejection_id=first.id, count=30, note="Students and interns")
    lf.remove_rejection(october.lines[1].id)
    updated = lf.update_batch(
        batch_id=october.id, label="Oct webinar", notes="Called within 24 h", recorded_by_id=None
    )
    assert updated.rejected == 30
    assert updated.lines[0].note == "Students and interns"
    assert updated.recorded_by_id is None and updated.notes == "Called within 24 h"
    lf.remove_batch(october.id)
    with pytest.raises(NotFoundError):
        lf.get_batch(october.id)


def test_breakdown_of_a_period_compares_with_the_previous_one(lf, october, november) -> None:
    data = lf.breakdown("2026-11")
    assert data.batch_ids == (november.id,)
    assert data.rejected == 20 and data.leads_received == 100
    assert {s.reason: s.count for s in data.ranked()} == {R.NOT_FIT: 10, R.OTHER: 5, R.NO_BUDGET: 5}
    assert data.previous is not None and data.previous.period == "2026-10"
    assert data.rate_change_points == pytest.approx(-10)
    notes = {s.reason: s.notes for s in data.reasons}
    assert notes[R.OTHER] == ("Tailspin: Asked for a job",)
    everything = lf.breakdown()
    assert everything.rejected == 80 and everything.previous is None
    chosen = lf.breakdown(batch_ids=[october.id])
    assert chosen.rejected == 60 and chosen.previous is None


def test_review_in_a_meeting_marks_the_batches_and_the_minutes_show_them(
    lf, october, november, new_meeting
) -> None:
    first, second = new_meeting(day=-28), new_meeting(day=0)
    assert {b.id for b in lf.unreviewed_batches()} == {october.id, november.id}
    assert lf.minutes_sections(second.id) == ()  # nothing reviewed yet: no section

    lf.review_in_meeting(meeting_id=first.id, batch_ids=[october.id])
    lf.review_in_meeting(meeting_id=second.id, batch_ids=[november.id])
    assert lf.unreviewed_batches() == []
    assert lf.get_batch(november.id).reviewed_in_meeting_title.startswith("Sync day 0")

    (section,) = lf.minutes_sections(second.id)
    assert section.heading == "Lead feedback"
    paragraphs = [b for b in section.blocks if isinstance(b, Paragraph)]
    assert "November MQLs (Nov 2026): 20 of 100 rejected" in paragraphs[0].text
    assert paragraphs[1].text == (
        "20 of 100 leads rejected — rejection rate 20% (down 10 points on Oct 2026: 30%)."
    )
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.header == ("Reason", "Leads", "Share", "Notes from Sales")
    assert table.rows == (
        ("Not a fit", "10", "50%", "Company under 50"),
        ("No budget", "5", "25%", ""),
        ("Other", "5", "25%", "Tailspin: Asked for a job"),
    )


def test_a_batch_reviewed_elsewhere_is_not_moved_and_an_empty_choice_is_refused(
    lf, october, new_meeting
) -> None:
    first, second = new_meeting(day=-28), new_meeting(day=0)
    lf.review_in_meeting(meeting_id=first.id, batch_ids=[october.id])
    lf.review_in_meeting(meeting_id=first.id, batch_ids=[october.id])  # again: harmless
    with pytest.raises(ValidationError, match="already reviewed in Sync day -28"):
        lf.review_in_meeting(meeting_id=second.id, batch_ids=[october.id])
    with pytest.raises(ValidationError):
        lf.review_in_meeting(meeting_id=second.id, batch_ids=[])
    lf.clear_review(batch_id=october.id)
    assert lf.minutes_sections(first.id) == ()
    assert [b.id for b in lf.unreviewed_batches()] == [october.id]


def test_markup_in_notes_reaches_the_minutes_as_typed(lf, new_meeting) -> None:
    batch = lf.add_batch(label="<b>Paid</b> social", period="2026-11", leads_received=3)
    lf.add_rejection(batch_id=batch.id, reason=R.OTHER, count=1, note="{{7*7}} & <i>x</i>")
    meeting = new_meeting()
    lf.review_in_meeting(meeting_id=meeting.id, batch_ids=[batch.id])
    (section,) = lf.minutes_sections(meeting.id)
    assert "<b>Paid</b> social" in section.blocks[0].text
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.rows[0][3] == "{{7*7}} & <i>x</i>"
