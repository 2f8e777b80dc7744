"""Say/do, calibration and ratings (issue 15), on hand-made histories and, with Hypothesis,
on random ones: the report's figures equal a brute-force recount of the raw history."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.domain import accountability as acc
from alignmeet.domain.accountability import (
    HistoryEntry,
    Outcome,
    Person,
    RatingRecord,
    RatingTrend,
    SeriesCalendar,
)
from alignmeet.domain.enums import TeamTag
from alignmeet.domain.rules import ValidationError

SERIES = 1
# The series meets on these days at 10:00 (a month apart).
M1, M2, M3, M4 = (datetime(2026, month, 3, 10, 0) for month in (3, 4, 5, 6))
CALENDAR = SeriesCalendar({SERIES: [M1, M2, M3, M4]})
COMMITTED = M1 + timedelta(minutes=50)  # "I commit" near the end of meeting 1


def agreed(due: date | None, at: datetime = M1 + timedelta(minutes=40)) -> HistoryEntry:
    return HistoryEntry(at, None, "open", due)


def status(old: str, new: str, due: date | None, at: datetime, meeting: datetime | None = None):
    return HistoryEntry(at, old, new, due, meeting)


def commitment(*history: HistoryEntry, confidence: int | None = 4, owner: int = 1, **kw):
    last = history[-1]
    return acc.commitment_from_history(
        action_id=kw.pop("action_id", 1),
        owner_id=owner,
        team_tag=kw.pop("team_tag", "sales"),
        series_id=SERIES,
        made_at=M1,
        committed_at=kw.pop("committed_at", COMMITTED),
        confidence=confidence,
        history=history,
        current_status=last.new_status,
        current_due=last.new_due,
        as_of=kw.pop("as_of", None),
    )


def outcome(c: acc.Commitment, now: datetime = datetime(2026, 7, 1)) -> Outcome:
    return acc.assess(c, CALENDAR, now).outcome


DUE = date(2026, 3, 20)


# ---- hand-made histories -------------------------------------------------------------------
def test_done_by_the_due_date_is_kept() -> None:
    c = commitment(agreed(DUE), status("open", "done", DUE, datetime(2026, 3, 19, 16, 0)))
    assert outcome(c) is Outcome.KEPT


def test_done_on_the_due_day_itself_is_kept() -> None:
    c = commitment(agreed(DUE), status("open", "done", DUE, datetime(2026, 3, 20, 23, 59)))
    assert outcome(c) is Outcome.KEPT


def test_done_after_the_due_date_but_before_the_next_meeting_is_kept_by_the_next_meeting():
    c = commitment(agreed(DUE), status("open", "done", DUE, datetime(2026, 3, 30, 9, 0)))
    assert outcome(c) is Outcome.KEPT_NEXT_MEETING
    assert outcome(c).kept


def test_reported_done_in_the_next_meetings_review_counts_as_of_its_start() -> None:
    # Marked done 25 minutes into meeting 2's review: done when the meeting began.
    c = commitment(agreed(DUE), status("open", "done", DUE, M2 + timedelta(minutes=25), M2))
    assert outcome(c) is Outcome.KEPT_NEXT_MEETING


def test_done_after_the_next_meeting_is_late_and_not_kept() -> None:
    c = commitment(agreed(DUE), status("open", "done", DUE, datetime(2026, 4, 10, 9, 0)))
    assert outcome(c) is Outcome.LATE
    assert not outcome(c).kept and outcome(c).counted


def test_reported_done_in_the_meeting_after_next_is_late() -> None:
    c = commitment(agreed(DUE), status("open", "done", DUE, M3 + timedelta(minutes=5), M3))
    assert outcome(c) is Outcome.LATE


def test_dropped_is_not_kept_even_before_the_due_date() -> None:
    c = commitment(agreed(DUE), status("open", "dropped", DUE, datetime(2026, 3, 5, 9, 0)))
    assert outcome(c) is Outcome.DROPPED
    assert outcome(c).counted and not outcome(c).kept


def test_open_after_the_next_meeting_started_is_missed_and_before_it_not_counted_yet() -> None:
    c = commitment(agreed(DUE))
    assert outcome(c, now=datetime(2026, 3, 25)) is Outcome.PENDING  # due passed, no review yet
    assert outcome(c, now=M2 - timedelta(minutes=1)) is Outcome.PENDING
    assert outcome(c, now=M2) is Outcome.MISSED
    blocked = commitment(agreed(DUE), status("open", "blocked", DUE, datetime(2026, 3, 10)))
    assert outcome(blocked, now=M2 + timedelta(days=1)) is Outcome.MISSED


def test_a_re_dated_action_is_judged_against_the_first_promised_due_date() -> None:
    later = date(2026, 4, 25)
    c = commitment(
        agreed(DUE),
        status("open", "open", later, M2 + timedelta(minutes=20), M2),  # moved in meeting 2
        status("open", "done", later, datetime(2026, 4, 24, 12, 0)),  # done by the new date
    )
    assert c.promised_due == DUE
    assert outcome(c) is Outcome.LATE
    pending = commitment(agreed(DUE), status("open", "open", later, datetime(2026, 3, 19)))
    # Moving the date does not move the deadline: missed once meeting 2 has started.
    assert outcome(pending, now=M2 + timedelta(hours=1)) is Outcome.MISSED


def test_a_due_date_corrected_before_i_commit_is_the_promise() -> None:
    corrected = date(2026, 3, 27)
    c = commitment(
        agreed(DUE, at=M1 + timedelta(minutes=40)),
        status("open", "open", corrected, M1 + timedelta(minutes=45), M1),
        status("open", "done", corrected, datetime(2026, 3, 26)),
    )
    assert c.promised_due == corrected
    assert outcome(c) is Outcome.KEPT


def test_an_action_added_after_the_commitment_is_promised_with_its_first_date() -> None:
    c = commitment(agreed(DUE, at=COMMITTED + timedelta(minutes=5)))
    assert c.promised_due == DUE


def test_without_a_due_date_the_promise_is_the_next_meeting() -> None:
    done = commitment(agreed(None), status("open", "done", None, M2 + timedelta(minutes=9), M2))
    assert outcome(done) is Outcome.KEPT
    late = commitment(agreed(None), status("open", "done", None, datetime(2026, 4, 10)))
    assert outcome(late) is Outcome.LATE
    assert outcome(commitment(agreed(None)), now=M1 + timedelta(days=5)) is Outcome.PENDING
    assert outcome(commitment(agreed(None)), now=M2) is Outcome.MISSED


def test_with_no_later_meeting_the_deadline_is_the_end_of_the_due_day() -> None:
    calendar = SeriesCalendar({SERIES: [M1]})
    c = commitment(agreed(DUE))
    assert acc.assess(c, calendar, datetime(2026, 3, 20, 23, 0)).outcome is Outcome.PENDING
    assert acc.assess(c, calendar, datetime(2026, 3, 21, 0, 0)).outcome is Outcome.MISSED
    late = commitment(agreed(DUE), status("open", "done", DUE, datetime(2026, 3, 22)))
    assert acc.assess(late, calendar, datetime(2026, 4, 1)).outcome is Outcome.LATE


def test_done_then_reopened_is_judged_by_the_last_time_it_was_done() -> None:
    c = commitment(
        agreed(DUE),
        status("open", "done", DUE, datetime(2026, 3, 10)),
        status("done", "open", DUE, datetime(2026, 3, 12)),  # not really done after all
        status("open", "done", DUE, datetime(2026, 4, 20)),
    )
    assert outcome(c) is Outcome.LATE


def test_a_note_on_a_done_action_does_not_move_when_it_was_done() -> None:
    c = commitment(
        agreed(DUE),
        status("open", "done", DUE, datetime(2026, 3, 19)),
        status("done", "done", DUE, datetime(2026, 5, 1)),  # a note added much later
    )
    assert outcome(c) is Outcome.KEPT


def test_as_of_a_meetings_close_later_changes_are_not_seen() -> None:
    close = datetime(2026, 3, 25, 11, 0)
    c = commitment(agreed(DUE), status("open", "done", DUE, datetime(2026, 3, 30)), as_of=close)
    assert c.status == "open" and c.done_at is None
    assert acc.assess(c, CALENDAR, close).outcome is Outcome.PENDING


# ---- figures --------------------------------------------------------------------------------
def _assessed(specs: list[tuple[int, str, int | None, Outcome]]) -> list[acc.Assessment]:
    """(owner, team tag, confidence, outcome) → assessments due on DUE."""
    made = {
        Outcome.KEPT: [status("open", "done", DUE, datetime(2026, 3, 19))],
        Outcome.KEPT_NEXT_MEETING: [status("open", "done", DUE, datetime(2026, 3, 30))],
        Outcome.LATE: [status("open", "done", DUE, datetime(2026, 4, 20))],
        Outcome.DROPPED: [status("open", "dropped", DUE, datetime(2026, 3, 11))],
        Outcome.MISSED: [],
    }
    out = []
    for i, (owner, tag, confidence, wanted) in enumerate(specs):
        c = commitment(
            agreed(DUE),
            *made[wanted],
            owner=owner,
            team_tag=tag,
            confidence=confidence,
            action_id=i + 1,
        )
        a = acc.assess(c, CALENDAR, datetime(2026, 5, 1))
        assert a.outcome is wanted
        out.append(a)
    return out


PEOPLE = {
    1: Person("Ana", "Sales"),
    2: Person("Ben", "Sales", active=False),
    3: Person("Cy", "Marketing"),
}


def test_the_report_counts_per_member_per_team_and_per_confidence() -> None:
    assessed = _assessed(
        [
            (1, "sales", 5, Outcome.KEPT),
            (1, "sales", 5, Outcome.KEPT_NEXT_MEETING),
            (1, "joint", 3, Outcome.LATE),
            (2, "sales", 2, Outcome.DROPPED),  # Ben has left: still counted
            (3, "marketing", 4, Outcome.KEPT),
            (3, "marketing", None, Outcome.MISSED),
        ]
    )
    report = acc.build_report(assessed, PEOPLE, today=date(2026, 5, 1))
    ana, ben, cy = report.members
    assert (ana.name, ana.all_time) == ("Ana", acc.SayDo(made=3, kept=2))
    assert (ben.name, ben.active, ben.all_time) == ("Ben", False, acc.SayDo(made=1, kept=0))
    assert cy.all_time == acc.SayDo(made=2, kept=1)
    assert "Ben (left)" in acc.member_line(ben)
    assert report.team(TeamTag.SALES).all_time == acc.SayDo(made=3, kept=2)
    assert report.team(TeamTag.MARKETING).all_time == acc.SayDo(made=2, kept=1)
    assert report.team(TeamTag.JOINT).all_time == acc.SayDo(made=1, kept=0)
    assert report.team(TeamTag.SALES).flagged  # 67 % < 90 %
    levels = {row.level: row.say_do for row in report.calibration_all}
    assert levels[5] == acc.SayDo(2, 2)
    assert levels[4] == acc.SayDo(1, 1)
    assert levels[3] == acc.SayDo(1, 0)
    assert levels[2] == acc.SayDo(1, 0)
    assert levels[1] == acc.SayDo(0, 0)
    assert levels[None] == acc.SayDo(1, 0)  # no confidence stated: a bucket of its own
    assert report.total_all == acc.SayDo(made=6, kept=3)


def test_the_last_90_days_leave_out_what_fell_due_earlier() -> None:
    assessed = _assessed([(1, "sales", 5, Outcome.KEPT), (1, "sales", 4, Outcome.DROPPED)])
    report = acc.build_report(assessed, PEOPLE, today=DUE + timedelta(days=91))
    assert report.members[0].recent == acc.SayDo()
    assert report.members[0].all_time == acc.SayDo(made=2, kept=1)
    assert not report.team(TeamTag.SALES).flagged  # nothing counted lately: no flag
    report = acc.build_report(assessed, PEOPLE, today=DUE + timedelta(days=89))
    assert report.members[0].recent == acc.SayDo(made=2, kept=1)


def test_wording_of_a_member_line() -> None:
    member = acc.MemberSayDo(1, "Priya", "Sales", True, acc.SayDo(5, 4, 2), acc.SayDo(11, 9, 2), ())
    assert acc.member_line(member) == (
        "Priya — last 90 days: kept 4 of 5 (80 %) · all time: kept 9 of 11 (82 %) · 2 not due yet"
    )
    nothing = acc.MemberSayDo(2, "Sam", "Sales", True, acc.SayDo(), acc.SayDo(0, 0, 1), ())
    assert "nothing counted yet" in acc.member_line(nothing)


# ---- ratings ---------------------------------------------------------------------------------
@pytest.mark.parametrize("bad", [0, 11, -3, "seven", None, 7.5, True])
def test_a_rating_is_a_whole_number_from_1_to_10(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        acc.validate_score(bad)
    assert caught.value.field == "score"


def test_ratings_summary_average_answers_and_trend() -> None:
    ratings = [
        RatingRecord(1, 9, 1, "Ana", 9, "", False),
        RatingRecord(2, 9, None, "", 6, "Start on time", True),
        RatingRecord(3, 9, 3, "Cy", 7, "Fewer status updates", False),
    ]
    summary = acc.summarise(ratings, present=4)
    assert (summary.count, summary.average_text, summary.present) == (3, "7.3", 4)
    assert summary.answers == ("Start on time", "Fewer status updates")
    assert summary.below_target
    assert acc.rating_trend([6.0, 7.5]) is RatingTrend.UP
    assert acc.rating_trend([8.0, 7.5]) is RatingTrend.DOWN
    assert acc.rating_trend([8.0, 8.1]) is RatingTrend.FLAT
    assert acc.rating_trend([8.0]) is RatingTrend.NONE
    assert acc.needs_answer(7) and not acc.needs_answer(8)


# ---- Hypothesis: random histories, brute-force recount ----------------------------------------
STATUSES = ("open", "in_progress", "blocked", "done", "dropped")
BASE = datetime(2026, 1, 5, 10, 0)


@st.composite
def histories(draw: st.DrawFn):
    """A series' meetings, and actions with random histories from those meetings."""
    meeting_days = sorted(set(draw(st.lists(st.integers(0, 200), min_size=1, max_size=6))))
    starts = [BASE + timedelta(days=d) for d in meeting_days]
    actions = []
    for action_id in range(1, draw(st.integers(0, 12)) + 1):
        origin = draw(st.sampled_from(starts))
        agreed_at = origin + timedelta(minutes=draw(st.integers(0, 80)))
        due = draw(
            st.one_of(
                st.none(), st.integers(0, 120).map(lambda d, o=origin: o.date() + timedelta(days=d))
            )
        )
        entries = [HistoryEntry(agreed_at, None, "open", due)]
        current, when = "open", agreed_at
        for _ in range(draw(st.integers(0, 5))):
            when += timedelta(
                minutes=draw(st.sampled_from([1, 5, 30, 60 * 20, 60 * 24 * 9, 60 * 24 * 33]))
            )
            in_meeting = draw(st.one_of(st.none(), st.sampled_from(starts)))
            if in_meeting is not None and in_meeting > when:
                in_meeting = None
            if draw(st.booleans()):
                new = draw(st.sampled_from(STATUSES))
                entries.append(HistoryEntry(when, current, new, due, in_meeting))
                current = new
            else:
                due = draw(
                    st.one_of(
                        st.none(),
                        st.integers(0, 150).map(lambda d, o=origin: o.date() + timedelta(days=d)),
                    )
                )
                entries.append(HistoryEntry(when, current, current, due, in_meeting))
        # Often right after one of its history lines: corrections made before "I commit".
        committed_at = draw(
            st.one_of(
                st.none(),
                st.integers(0, 120).map(lambda m, o=origin: o + timedelta(minutes=m)),
                st.sampled_from([e.changed_at + timedelta(seconds=30) for e in entries]),
            )
        )
        actions.append(
            {
                "id": action_id,
                "owner": draw(st.integers(1, 3)),
                "tag": draw(st.sampled_from(["sales", "marketing", "joint"])),
                "origin": origin,
                "committed_at": committed_at,
                "confidence": draw(st.one_of(st.none(), st.integers(1, 5))),
                "history": entries,
            }
        )
    now = BASE + timedelta(days=draw(st.integers(0, 400)), hours=draw(st.integers(0, 23)))
    return starts, actions, now


def brute_force(starts, action, now):
    """The issue's definitions, applied by walking the raw history once, slowly and plainly."""
    if action["committed_at"] is None:
        return None  # not a commitment: never counted
    entries = action["history"]
    promised = entries[0].new_due
    for entry in entries:
        if entry.changed_at <= action["committed_at"]:
            promised = entry.new_due
    final = entries[-1].new_status
    if final == "dropped":
        return "not kept"
    if promised is None:
        deadline = min((s for s in starts if s > action["origin"]), default=None)
    else:
        later = [s for s in starts if s.date() > promised]
        deadline = min(later) if later else datetime.combine(promised, time.max)
    if final == "done":
        when = None
        for entry in entries:
            if entry.new_status == "done" and entry.old_status != "done":
                when = entry.changed_at
                if entry.meeting_start is not None and entry.meeting_start < when:
                    when = entry.meeting_start
        if promised is not None and when <= datetime.combine(promised, time.max):
            return "kept"
        if deadline is None or when <= deadline:
            return "kept"
        return "not kept"
    if deadline is not None and now >= deadline:
        return "not kept"
    return "pending"


@settings(max_examples=300, deadline=None)
@given(histories())
def test_the_report_equals_a_brute_force_recount(case) -> None:
    starts, actions, now = case
    calendar = SeriesCalendar({SERIES: starts})
    assessed = []
    for a in actions:
        if a["committed_at"] is None:
            continue
        c = acc.commitment_from_history(
            action_id=a["id"],
            owner_id=a["owner"],
            team_tag=a["tag"],
            series_id=SERIES,
            made_at=a["origin"],
            committed_at=a["committed_at"],
            confidence=a["confidence"],
            history=a["history"],
            current_status=a["history"][-1].new_status,
            current_due=a["history"][-1].new_due,
        )
        assessed.append(acc.assess(c, calendar, now))
    people = {i: Person(f"P{i}", "Sales") for i in (1, 2, 3)}
    report = acc.build_report(assessed, people, today=now.date())

    verdicts = {a["id"]: brute_force(starts, a, now) for a in actions}
    for member in report.members:
        mine = [verdicts[a["id"]] for a in actions if a["owner"] == member.member_id]
        assert member.all_time.made == sum(v in ("kept", "not kept") for v in mine)
        assert member.all_time.kept == mine.count("kept")
        assert member.all_time.pending == mine.count("pending")
    for team in report.teams:
        ours = [verdicts[a["id"]] for a in actions if a["tag"] == team.team_tag.value]
        assert team.all_time.made == sum(v in ("kept", "not kept") for v in ours)
        assert team.all_time.kept == ours.count("kept")
    for row in report.calibration_all:
        at_level = [
            verdicts[a["id"]]
            for a in actions
            if a["committed_at"] is not None and a["confidence"] == row.level
        ]
        assert row.say_do.made == sum(v in ("kept", "not kept") for v in at_level)
        assert row.say_do.kept == at_level.count("kept")
    counted = [v for v in verdicts.values() if v in ("kept", "not kept")]
    assert report.total_all.made == len(counted)
    assert report.total_all.kept == counted.count("kept")
