"""Accountability through the services (issue 15), on SQLite and PostgreSQL: ratings,
say/do and calibration read back from real histories (kept late, kept the meeting after,
dropped, re-dated, members who left, uncommitted actions), the minutes' figures as of
the close, proposals for the agenda; and Hypothesis: random histories written through the
services give the figures a brute-force recount of what the test did gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.accountability import ProposalKind, ProposalState, RatingTrend, SayDo
from alignmeet.domain.enums import ActionStatus, Attendance, TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.services import Services
from alignmeet.services.base import NotFoundError
from alignmeet.storage.database import open_database

START = datetime(2026, 1, 6, 10, 0)


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now


@dataclass
class World:
    sv: Services
    clock: Clock
    members: dict[str, int]
    series_id: int
    meetings: list[int] = field(default_factory=list)

    def at(self, moment: datetime) -> None:
        self.clock.now = moment

    def meeting(self, day: int, *, present: tuple[str, ...] = ("ana", "ben", "cy")) -> int:
        starts = START + timedelta(days=day)
        self.at(starts - timedelta(days=7))
        meeting = self.sv.meetings.create_meeting(
            title=f"Sync +{day}",
            starts_at=starts,
            series_id=self.series_id,
            invitee_ids=list(self.members.values()),
        )
        self.at(starts)
        for key in present:
            self.sv.meetings.set_attendance(
                meeting_id=meeting.id, member_id=self.members[key], attendance=Attendance.PRESENT
            )
        self.meetings.append(meeting.id)
        return meeting.id

    def action(self, meeting_id: int, owner: str, due: date | None, **kw) -> int:
        return self.sv.actions.add_action(
            meeting_id=meeting_id,
            owner_id=self.members[owner],
            title=kw.pop("title", f"Do it ({owner})"),
            due=due,
            today=date(2000, 1, 1),
            **kw,
        ).id

    def commit(self, meeting_id: int, owner: str, confidence: int | None) -> None:
        self.sv.meetings.commit(
            meeting_id=meeting_id, member_id=self.members[owner], confidence=confidence
        )


@pytest.fixture
def world(db_url: str) -> World:
    clock = Clock()
    sv = Services(open_database(db_url), clock=clock)
    sv.bootstrap()
    teams = {t.name: t.id for t in sv.people.list_teams()}
    members = {
        "ana": sv.people.add_member(name="Ana López", team_id=teams["Sales"]).id,
        "ben": sv.people.add_member(name="Ben Okoro", team_id=teams["Sales"]).id,
        "cy": sv.people.add_member(name="Cy Martin", team_id=teams["Marketing"]).id,
    }
    series = sv.meetings.ensure_series(name="Monthly sync", cadence_days=28)
    yield World(sv, clock, members, series.id)
    sv.close()


def d(day: int) -> date:
    return (START + timedelta(days=day)).date()


# ---- say/do from real histories ------------------------------------------------------------
def test_say_do_reads_kept_late_next_meeting_dropped_redated_and_uncommitted(world: World):
    w, sv = world, world.sv
    m1 = w.meeting(0)
    on_time = w.action(m1, "ana", d(10))
    by_next = w.action(m1, "ana", d(10))
    late = w.action(m1, "ana", d(10))
    dropped = w.action(m1, "ben", d(12))
    redated = w.action(m1, "ben", d(12))
    missed = w.action(m1, "cy", d(14))
    w.action(m1, "cy", d(14))  # never committed to by anyone: not a commitment
    w.commit(m1, "ana", 5)
    w.commit(m1, "ben", 3)
    # Cy did not say "I commit" in meeting 1: neither of Cy's actions counts.
    w.at(START + timedelta(days=9))
    sv.actions.set_status(action_id=on_time, status=ActionStatus.DONE)
    sv.actions.update_action(action_id=redated, due=d(40), note="needs more time")
    m2 = w.meeting(28)
    w.at(START + timedelta(days=28, minutes=20))  # reviewed in meeting 2
    sv.actions.set_status(action_id=by_next, status=ActionStatus.DONE, meeting_id=m2)
    sv.actions.set_status(action_id=dropped, status=ActionStatus.DROPPED, meeting_id=m2)
    w.at(START + timedelta(days=35))
    sv.actions.set_status(action_id=late, status=ActionStatus.DONE)
    sv.actions.set_status(action_id=redated, status=ActionStatus.DONE)  # by the new date
    sv.actions.set_status(action_id=missed, status=ActionStatus.DONE)  # uncommitted: ignored

    w.at(START + timedelta(days=36))
    report = sv.accountability.report()
    by_name = {m.name: m for m in report.members}
    assert set(by_name) == {"Ana López", "Ben Okoro"}
    assert by_name["Ana López"].all_time == SayDo(made=3, kept=2)  # on time, by meeting 2
    assert by_name["Ben Okoro"].all_time == SayDo(made=2, kept=0)  # dropped, re-dated late
    assert report.team(TeamTag.SALES).all_time == SayDo(made=5, kept=2)
    assert report.team(TeamTag.SALES).flagged
    levels = {row.level: row.say_do for row in report.calibration_all}
    assert levels[5] == SayDo(3, 2) and levels[3] == SayDo(2, 0)


def test_members_who_left_keep_their_history(world: World) -> None:
    w, sv = world, world.sv
    m1 = w.meeting(0)
    done = w.action(m1, "ben", d(5))
    w.commit(m1, "ben", 4)
    w.at(START + timedelta(days=4))
    sv.actions.set_status(action_id=done, status=ActionStatus.DONE)
    sv.people.update_member(member_id=w.members["ben"], active=False)
    report = sv.accountability.report()
    (ben,) = report.members
    assert (ben.name, ben.active, ben.all_time) == ("Ben Okoro", False, SayDo(1, 1))


def test_a_withdrawn_commitment_does_not_count(world: World) -> None:
    w, sv = world, world.sv
    m1 = w.meeting(0)
    w.action(m1, "ana", d(5))
    w.commit(m1, "ana", 4)
    sv.meetings.withdraw_commitment(meeting_id=m1, member_id=w.members["ana"])
    assert sv.accountability.report().members == ()


def test_the_minutes_say_do_is_as_of_the_close(world: World) -> None:
    w, sv = world, world.sv
    m1 = w.meeting(0)
    action = w.action(m1, "ana", d(5))
    w.commit(m1, "ana", 4)
    m2 = w.meeting(28)
    w.at(START + timedelta(days=28, hours=1))
    sv.meetings.close_meeting(meeting_id=m2)  # Ana's action missed as of this close
    w.at(START + timedelta(days=40))
    sv.actions.set_status(action_id=action, status=ActionStatus.DONE)  # late, after the close
    data = sv.minutes.gather(m2)
    (ana,) = data.say_do
    assert ana.all_time == SayDo(made=1, kept=0)
    assert sv.accountability.report().members[0].all_time == SayDo(made=1, kept=0)  # late
    assert data.rating is None


# ---- ratings ---------------------------------------------------------------------------------
def test_ratings_one_per_present_member_anonymous_ones_and_the_answer_below_8(world: World):
    w, sv = world, world.sv
    m1 = w.meeting(0, present=("ana", "ben"))
    acc = sv.accountability
    ana = acc.rate(meeting_id=m1, member_id=w.members["ana"], score=6, answer="  Start on time ")
    assert (ana.score, ana.answer, ana.member_name) == (6, "Start on time", "Ana López")
    again = acc.rate(meeting_id=m1, member_id=w.members["ana"], score=9, answer="kept?")
    assert (again.id, again.score, again.answer) == (ana.id, 9, "")  # no question at 8+
    with pytest.raises(ValidationError, match="not marked present"):
        acc.rate(meeting_id=m1, member_id=w.members["cy"], score=7)
    anonymous = acc.rate(meeting_id=m1, score=5, answer="Shorter updates")
    assert anonymous.anonymous and anonymous.member_id is None and anonymous.member_name == ""
    with pytest.raises(ValidationError, match="rated the meeting already"):
        acc.rate(meeting_id=m1, score=8)  # 2 present, 2 ratings
    with pytest.raises(ValidationError, match="whole number"):
        acc.rate(meeting_id=m1, member_id=w.members["ana"], score=11)
    summary = acc.rating_summary(m1)
    assert (summary.count, summary.average, summary.present) == (2, 7.0, 2)
    assert summary.answers == ("Shorter updates",)
    acc.remove_rating(rating_id=anonymous.id)
    with pytest.raises(NotFoundError):
        acc.remove_rating(rating_id=anonymous.id)
    assert [r.score for r in acc.ratings(m1)] == [9]


def test_series_ratings_average_and_trend(world: World) -> None:
    w, sv = world, world.sv
    m1 = w.meeting(0)
    m2 = w.meeting(28)
    for meeting_id, scores in ((m1, (6, 7, 7)), (m2, (8, 9, 8))):
        for key, score in zip(("ana", "ben", "cy"), scores, strict=True):
            sv.accountability.rate(meeting_id=meeting_id, member_id=w.members[key], score=score)
    (series,) = sv.accountability.series_ratings()
    assert [round(m.summary.average, 2) for m in series.meetings] == [6.67, 8.33]
    assert series.trend is RatingTrend.UP
    assert round(series.average, 1) == 7.5
    assert sv.accountability.meeting_averages()[m2] == pytest.approx(25 / 3)
    assert sv.minutes.gather(m2).rating.count == 3


# ---- proposals -------------------------------------------------------------------------------
def test_an_action_slipped_twice_is_proposed_accepted_once_and_kept_on_record(world: World):
    w, sv = world, world.sv
    m1 = w.meeting(0)
    action = w.action(m1, "ana", d(10), title="Publish the ICP")
    w.at(START + timedelta(days=5))
    sv.actions.update_action(action_id=action, due=d(15))
    sv.actions.update_action(action_id=action, due=d(25))
    m2 = w.meeting(28)
    (proposal,) = [p for p in sv.accountability.proposals(m2) if p.kind is ProposalKind.SLIPPED]
    assert proposal.state is ProposalState.OPEN
    assert "Publish the ICP" in proposal.title and "2" in proposal.reason
    accepted = sv.accountability.accept_proposal(meeting_id=m2, key=proposal.key)
    item = next(i for i in sv.agenda.items(m2) if i.id == accepted.item_id)
    assert (item.title, item.owner_id) == (proposal.title, w.members["ana"])
    with pytest.raises(ValidationError, match="already accepted"):
        sv.accountability.accept_proposal(meeting_id=m2, key=proposal.key)
    sv.actions.set_status(action_id=action, status=ActionStatus.DONE)
    # No longer slipping (done), yet the decision stays on record.
    (kept,) = sv.accountability.proposals(m2)
    assert kept.state is ProposalState.ACCEPTED and kept.item_id == item.id


def test_a_kpi_off_target_is_proposed_and_can_be_dismissed(world: World) -> None:
    w, sv = world, world.sv
    m2 = w.meeting(28)
    kpi = sv.goals.add_kpi(name="Speed to lead", unit="h", higher_is_better=False, target=30)
    period = sv.goals.meeting_period(m2)
    sv.goals.record_measurement(kpi_id=kpi.id, period=period, value=53)
    (proposal,) = sv.accountability.open_proposals(m2)
    assert proposal.kind is ProposalKind.KPI
    assert proposal.title == "Speed to lead off by 77 %"
    assert "53" in proposal.reason
    sv.accountability.dismiss_proposal(meeting_id=m2, key=proposal.key)
    assert sv.accountability.open_proposals(m2) == []
    assert all(i.title != proposal.title for i in sv.agenda.items(m2))


def test_lead_feedback_overdue_is_proposed(world: World) -> None:
    w, sv = world, world.sv
    m2 = w.meeting(70)  # 17 March 2026
    sv.lead_feedback.add_batch(label="December", period="2025-12", leads_received=40)
    titles = {p.key: p.title for p in sv.accountability.open_proposals(m2)}
    # January and February have no feedback; February ended over a week before the meeting.
    assert titles["lead:missing:2026-02"] == "Lead feedback for Feb 2026 is overdue"
    assert "lead:review:2025-12" in titles  # recorded, never reviewed in a meeting


def test_a_closed_meeting_gets_no_new_proposals(world: World) -> None:
    w, sv = world, world.sv
    m1 = w.meeting(0)
    action = w.action(m1, "ana", d(10))
    sv.actions.update_action(action_id=action, due=d(15))
    sv.actions.update_action(action_id=action, due=d(25))
    m2 = w.meeting(28)
    sv.meetings.close_meeting(meeting_id=m2)
    assert sv.accountability.proposals(m2) == []


# ---- Hypothesis: random histories through the services ------------------------------------------
STATUS_CHOICES = [
    ActionStatus.DONE,
    ActionStatus.DROPPED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.OPEN,
]


@st.composite
def plans(draw: st.DrawFn):
    meeting_days = sorted(set(draw(st.lists(st.integers(0, 120), min_size=1, max_size=4))))
    actions = []
    for _ in range(draw(st.integers(1, 8))):
        actions.append(
            {
                "meeting": draw(st.integers(0, len(meeting_days) - 1)),
                "owner": draw(st.sampled_from(["ana", "ben", "cy"])),
                "due": draw(st.one_of(st.none(), st.integers(1, 60))),
                "events": draw(
                    st.lists(
                        st.tuples(
                            st.integers(0, 90),  # days after its meeting
                            st.booleans(),  # in the next meeting's review (if any)
                            st.one_of(st.sampled_from(STATUS_CHOICES), st.integers(1, 90)),
                        ),
                        max_size=3,
                    )
                ),
            }
        )
    commits = draw(
        st.dictionaries(
            st.sampled_from(["ana", "ben", "cy"]), st.one_of(st.none(), st.integers(1, 5))
        )
    )
    now_day = draw(st.integers(0, 220))
    return meeting_days, actions, commits, now_day


def recount(meeting_days, actions, commits, now):
    """From the test's own log: per owner, (made, kept) — the issue's rules, by hand."""
    starts = [START + timedelta(days=day) for day in meeting_days]
    out: dict[str, list[int]] = {}
    for a in actions:
        origin = starts[a["meeting"]]
        if a["owner"] not in a["committers"]:
            continue
        promised = a["first_due"]
        final, done_at = "open", None
        for when, review_start, change in a["log"]:
            if isinstance(change, ActionStatus):
                if change is ActionStatus.DONE and final != "done":
                    done_at = review_start or when
                final = change.value
        if promised is None:
            deadline = min((s for s in starts if s > origin), default=None)
        else:
            following = [s for s in starts if s.date() > promised]
            deadline = min(following) if following else datetime.combine(promised, time.max)
        if final == "done":
            kept = (promised is not None and done_at <= datetime.combine(promised, time.max)) or (
                deadline is None or done_at <= deadline
            )
            verdict = "kept" if kept else "no"
        elif final == "dropped":
            verdict = "no"
        else:
            verdict = "no" if deadline is not None and now >= deadline else "pending"
        if verdict != "pending":
            made_kept = out.setdefault(a["owner"], [0, 0])
            made_kept[0] += 1
            made_kept[1] += verdict == "kept"
    return out


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(case=plans())
@pytest.mark.sqlite_only
def test_random_histories_through_the_services_equal_a_brute_force_recount(
    fresh_database_file, tmp_path_factory, case
) -> None:
    import shutil

    meeting_days, actions, commits, now_day = case
    path = tmp_path_factory.mktemp("hyp") / "a.sqlite3"
    shutil.copyfile(fresh_database_file, path)
    clock = Clock()
    sv = Services(open_database(path), clock=clock)
    try:
        teams = {t.name: t.id for t in sv.people.list_teams()}
        members = {
            key: sv.people.add_member(name=key.title(), team_id=teams["Sales"]).id
            for key in ("ana", "ben", "cy")
        }
        series = sv.meetings.ensure_series(name="S")
        starts = [START + timedelta(days=day) for day in meeting_days]
        meeting_ids = []
        for start in starts:
            clock.now = start - timedelta(days=1)
            mt = sv.meetings.create_meeting(
                title="M", starts_at=start, series_id=series.id, invitee_ids=members.values()
            )
            for member_id in members.values():
                sv.meetings.set_attendance(
                    meeting_id=mt.id, member_id=member_id, attendance=Attendance.PRESENT
                )
            meeting_ids.append(mt.id)
        # Agree every action in its meeting, then the commitments at the meeting's end.
        for a in actions:
            clock.now = starts[a["meeting"]] + timedelta(minutes=10)
            due = (
                None if a["due"] is None else starts[a["meeting"]].date() + timedelta(days=a["due"])
            )
            a["first_due"] = due
            a["id"] = sv.actions.add_action(
                meeting_id=meeting_ids[a["meeting"]],
                owner_id=members[a["owner"]],
                title="x",
                due=due,
                today=date(2000, 1, 1),
            ).id
            a["log"] = []
        for index, _start in enumerate(starts):
            clock.now = starts[index] + timedelta(minutes=50)
            for key, confidence in commits.items():
                sv.meetings.commit(
                    meeting_id=meeting_ids[index], member_id=members[key], confidence=confidence
                )
        for a in actions:
            a["committers"] = set(commits)
        # Then the history, in time order.
        events = []
        for a in actions:
            origin = starts[a["meeting"]]
            for days, in_review, change in a["events"]:
                when = origin + timedelta(days=days, hours=2)
                review = next((i for i, s in enumerate(starts) if s > origin and s <= when), None)
                events.append((when, a, in_review and review is not None, review, change))
        events.sort(key=lambda e: e[0])
        for when, a, in_review, review, change in events:
            clock.now = when
            meeting_id = meeting_ids[review] if in_review else None
            review_start = starts[review] if in_review else None
            if isinstance(change, ActionStatus):
                sv.actions.set_status(action_id=a["id"], status=change, meeting_id=meeting_id)
            else:
                new_due = starts[a["meeting"]].date() + timedelta(days=change)
                sv.actions.update_action(action_id=a["id"], due=new_due, meeting_id=meeting_id)
            a["log"].append((when, review_start, change))
        now = START + timedelta(days=now_day)
        clock.now = now
        report = sv.accountability.report()
        got = {
            key: [m.all_time.made, m.all_time.kept]
            for key, member_id in members.items()
            if (m := report.member(member_id)) is not None and m.all_time.made
        }
        assert got == recount(meeting_days, actions, commits, now)
    finally:
        sv.close()


def test_a_report_read_again_sees_every_change_even_an_undone_one(world: World) -> None:
    """Reports are kept while nothing they read changed: a status change, and its undo
    through the journal, are both seen at once."""
    w, sv = world, world.sv
    m1 = w.meeting(0)
    action = w.action(m1, "ana", d(5))
    w.commit(m1, "ana", 4)
    w.at(START + timedelta(days=3))
    assert sv.accountability.report().members[0].all_time == SayDo(made=0, kept=0, pending=1)
    with sv.journal.recording() as changes:
        sv.actions.set_status(action_id=action, status=ActionStatus.DONE)
    assert sv.accountability.report().members[0].all_time == SayDo(made=1, kept=1)
    sv.journal.revert(changes)
    assert sv.accountability.report().members[0].all_time == SayDo(made=0, kept=0, pending=1)
    sv.meetings.withdraw_commitment(meeting_id=m1, member_id=w.members["ana"])
    assert sv.accountability.report().members == ()
