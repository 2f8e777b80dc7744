"""The meeting vocabulary. Values are stored in the database: they must never change."""

from alignmeet.domain.enums import (
    OPEN_STATUSES,
    ActionStatus,
    Attendance,
    ItemKind,
    MeetingStatus,
    Phase,
    TeamTag,
)


def test_the_six_phases_run_in_the_order_of_a_guided_meeting():
    assert [p.value for p in Phase] == [
        "open",
        "review",
        "agenda",
        "actions",
        "commitments",
        "close",
    ]
    assert [p.number for p in Phase] == [1, 2, 3, 4, 5, 6]


def test_next_and_previous_phase_stop_at_the_ends():
    assert Phase.OPEN.previous() is None
    assert Phase.OPEN.next() is Phase.REVIEW
    assert Phase.COMMITMENTS.next() is Phase.CLOSE
    assert Phase.CLOSE.next() is None
    assert Phase.CLOSE.previous() is Phase.COMMITMENTS


def test_every_phase_has_a_label_for_people():
    assert Phase.REVIEW.label == "Review follow-ups"
    assert Phase.ACTIONS.label == "Action plans"
    assert all(p.label for p in Phase)


def test_open_in_progress_and_blocked_actions_carry_on_done_and_dropped_do_not():
    assert {s for s in ActionStatus if s.is_open} == set(OPEN_STATUSES)
    assert set(OPEN_STATUSES) == {ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED}
    assert not ActionStatus.DONE.is_open
    assert not ActionStatus.DROPPED.is_open


def test_labels_read_naturally():
    assert ActionStatus.IN_PROGRESS.label == "In progress"
    assert Attendance.APOLOGIES.label == "Apologies"
    assert TeamTag.JOINT.label == "Joint"
    assert ItemKind.LEAD_FEEDBACK.label == "Lead-feedback review"
    assert all(k.label for k in ItemKind)
    assert all(s.label for s in ActionStatus)


def test_stored_values_are_stable():
    assert {s.value for s in MeetingStatus} == {"planned", "running", "closed"}
    assert {a.value for a in Attendance} == {"invited", "present", "apologies", "absent"}
    assert {s.value for s in ActionStatus} == {
        "open",
        "in_progress",
        "done",
        "blocked",
        "dropped",
    }
    assert {t.value for t in TeamTag} == {"sales", "marketing", "joint"}
    assert {k.value for k in ItemKind} == {
        "regular",
        "kpi_review",
        "glossary",
        "lead_feedback",
        "data_needs",
        "wins_lessons",
    }


def test_enums_compare_equal_to_their_stored_text():
    assert ActionStatus("in_progress") is ActionStatus.IN_PROGRESS
    assert Phase.AGENDA == "agenda"
