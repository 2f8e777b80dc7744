"""A realistic sample history: three monthly Sales & Marketing syncs of a B2B SaaS company.

Everything is written through the services (never the ORM), so the demo also
exercises the same rules the app enforces. Dates are relative to `today`: two
meetings about a month apart in the past (held, reviewed and closed) and the
next one still to run.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from importlib import import_module

from alignmeet.demo_toolkit import DemoContext
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, Phase, TeamTag
from alignmeet.domain.rules import DEFAULT_END_GOAL, name_key
from alignmeet.services import Services
from alignmeet.services.base import ServiceBase

SERIES_NAME = "Monthly Sales & Marketing sync"
TEMPLATE_NAME = "Monthly Sales & Marketing sync"
MEETING_TIME = time(10, 0)
PLACE = "Boardroom 2, 3rd floor (and Zoom)"

# key: (name, team, role)
_PEOPLE: dict[str, tuple[str, str, str]] = {
    "priya": ("Priya Raman", "Sales", "Head of Sales"),
    "marcus": ("Marcus Okafor", "Sales", "Account Executive"),
    "sofia": ("Sofía Delgado", "Sales", "Enterprise Account Executive"),
    "kenji": ("Kenji Watanabe", "Sales", "SDR"),
    "liam": ("Liam O'Brien", "Sales", "SDR Team Lead"),
    "amara": ("Amara Nwosu", "Marketing", "VP Marketing"),
    "lucas": ("Lucas Ferreira", "Marketing", "Demand Gen Manager"),
    "meilin": ("Mei-Lin Chen", "Marketing", "Content Marketing Manager"),
    "elif": ("Elif Yılmaz", "Marketing", "Marketing Ops"),
    "noah": ("Noah Goldberg", "Marketing", "Product Marketing Manager"),
}
_EMAILS = {
    "priya": "priya.raman",
    "marcus": "marcus.okafor",
    "sofia": "sofia.delgado",
    "kenji": "kenji.watanabe",
    "liam": "liam.obrien",
    "amara": "amara.nwosu",
    "lucas": "lucas.ferreira",
    "meilin": "meilin.chen",
    "elif": "elif.yilmaz",
    "noah": "noah.goldberg",
}


@dataclass(frozen=True)
class DemoSummary:
    """What `build_demo` wrote."""

    series_name: str
    teams: int
    members: int
    meeting_ids: tuple[int, ...]  # in date order
    held_meeting_ids: tuple[int, ...]
    upcoming_meeting_id: int
    upcoming_date: date
    agenda_items: int
    actions: int
    open_actions: int
    decisions: int
    ideas: int
    # What the alignment toolkit's demo wrote, by feature: {"goals": {"kpis": 4, ...}}.
    toolkit: dict[str, dict[str, int]] = field(default_factory=dict)
    # What the toolkit's seeds were given (ids of members, teams, meetings; the days).
    context: DemoContext | None = None

    @property
    def meetings(self) -> int:
        return len(self.meeting_ids)

    def describe(self) -> str:
        """One paragraph for people."""
        held = ", ".join(f"#{i}" for i in self.held_meeting_ids)
        return (
            f"Demo data written: {self.teams} teams, {self.members} members and "
            f"{self.meetings} meetings of the series “{self.series_name}” — "
            f"{len(self.held_meeting_ids)} held and closed ({held}) and "
            f"#{self.upcoming_meeting_id} planned for {self.upcoming_date.isoformat()}, "
            f"{self.agenda_items} agenda items, {self.ideas} ideas, {self.decisions} decisions "
            f"and {self.actions} actions, {self.open_actions} of them still open and waiting "
            f"in the next meeting's review."
            + (
                " Alignment toolkit: "
                + ", ".join(
                    f"{count} {what.replace('_', ' ')}"
                    for wrote in self.toolkit.values()
                    for what, count in wrote.items()
                )
                + "."
                if self.toolkit
                else ""
            )
        )


def _record_start(services: Services, meeting_id: int, started_at: datetime) -> None:
    """The demo's held meetings started with the clock: their actual start, as "Start the
    meeting" records it (meeting.started_at), so their minutes show actual times."""
    from sqlalchemy import update

    from alignmeet.storage import models as m

    with services.db.transaction() as s:
        s.execute(
            update(m.Meeting)
            .where(m.Meeting.id == meeting_id)
            .values(started_at=started_at.replace(second=0, microsecond=0))
        )


def _next_tuesday_after(day: date) -> date:
    ahead = (1 - day.weekday()) % 7 or 7
    return day + timedelta(days=ahead)


def _at(day: date) -> datetime:
    return datetime.combine(day, MEETING_TIME)


@contextmanager
def _clock_at(services: Services, start: datetime) -> Iterator[None]:
    """Stamp what happens (history, commitments, closing) at the meeting's own time.

    The clock ticks a minute per reading so the history keeps its order.
    """
    parts: tuple[ServiceBase, ...] = (
        services.people,
        services.meetings,
        services.agenda,
        services.actions,
        services.minutes,
    )
    saved: list[Callable[[], datetime]] = [p.clock for p in parts]
    ticks = itertools.count()

    def clock() -> datetime:
        return start + timedelta(minutes=next(ticks))

    for part in parts:
        part.clock = clock
    try:
        yield
    finally:
        for service, original in zip(parts, saved, strict=True):
            service.clock = original


class _Builder:
    def __init__(self, services: Services, today: date) -> None:
        self.sv = services
        self.today = today
        self.ids: dict[str, int] = {}
        self.m1_actions: dict[str, int] = {}
        self.m2_actions: dict[str, int] = {}
        self.counts = {"ideas": 0, "decisions": 0}

    # ---- people -------------------------------------------------------------
    def people(self) -> None:
        teams = {name_key(t.name): t.id for t in self.sv.people.list_teams()}
        for wanted in ("Sales", "Marketing"):
            if name_key(wanted) not in teams:
                teams[name_key(wanted)] = self.sv.people.add_team(name=wanted).id
        existing = {
            name_key(x.name): x.id for x in self.sv.people.list_members(include_inactive=True)
        }
        for key, (name, team, role) in _PEOPLE.items():
            if name_key(name) in existing:
                self.ids[key] = existing[name_key(name)]
                continue
            member = self.sv.people.add_member(
                name=name,
                team_id=teams[name_key(team)],
                role=role,
                email=f"{_EMAILS[key]}@example.com",
            )
            self.ids[key] = member.id

    # ---- agenda -------------------------------------------------------------
    def item(
        self,
        meeting_id: int,
        title: str,
        minutes: int,
        owner: str,
        kind: ItemKind = ItemKind.REGULAR,
    ) -> int:
        item = self.sv.agenda.add_item(
            meeting_id=meeting_id, title=title, minutes=minutes, owner_id=self.ids[owner], kind=kind
        )
        return item.id

    def discuss(
        self,
        item_id: int,
        *,
        used_minutes: float,
        notes: str,
        ideas: tuple[tuple[str, str], ...] = (),
        decisions: tuple[str, ...] = (),
    ) -> None:
        self.sv.agenda.update_item(item_id=item_id, notes=notes.strip())
        self.sv.agenda.record_time(item_id=item_id, used_seconds=round(used_minutes * 60))
        for author, text in ideas:
            self.sv.agenda.add_idea(item_id=item_id, text=text, author_id=self.ids[author])
            self.counts["ideas"] += 1
        for text in decisions:
            self.sv.agenda.add_decision(item_id=item_id, text=text)
            self.counts["decisions"] += 1

    # ---- people in the room -------------------------------------------------
    def attendance(
        self, meeting_id: int, *, apologies: tuple[str, ...], representatives: tuple[str, ...]
    ) -> None:
        for key, member_id in self.ids.items():
            attendance = Attendance.APOLOGIES if key in apologies else Attendance.PRESENT
            self.sv.meetings.set_attendance(
                meeting_id=meeting_id,
                member_id=member_id,
                attendance=attendance,
                representative=key in representatives,
            )

    def action(
        self,
        meeting_id: int,
        day: date,
        owner: str,
        title: str,
        due_in_days: int,
        tag: TeamTag | None = None,
        milestone: str = "",
    ) -> int:
        return self.sv.actions.add_action(
            meeting_id=meeting_id,
            owner_id=self.ids[owner],
            title=title,
            due=day + timedelta(days=due_in_days),
            team_tag=tag,
            milestone=milestone,
            today=day,
        ).id

    def walk_phases(self, meeting_id: int) -> None:
        for phase in Phase:
            self.sv.meetings.set_phase(meeting_id=meeting_id, phase=phase)

    def commit_all(self, meeting_id: int, confidence: dict[str, int | None]) -> None:
        notes = {
            "kenji": "If the CRM field ships on time.",
            "sofia": "Depends on Contoso's legal team.",
        }
        for key, level in confidence.items():
            self.sv.meetings.commit(
                meeting_id=meeting_id,
                member_id=self.ids[key],
                confidence=level,
                note=notes.get(key, ""),
            )


def build_demo(services: Services, *, today: date) -> DemoSummary:
    """Fill an empty database with three meetings of a realistic series.

    Raises ValueError if the database already holds meetings.
    """
    existing = services.meetings.list_meetings()
    if existing:
        raise ValueError(
            f"this database already has {len(existing)} meeting(s); "
            "demo data is only added to a database without meetings"
        )
    services.bootstrap()
    b = _Builder(services, today)
    b.people()
    ids = b.ids

    day3 = _next_tuesday_after(today)
    day2 = day3 - timedelta(days=28)
    day1 = day2 - timedelta(days=28)

    series = services.meetings.ensure_series(name=SERIES_NAME, cadence_days=28)
    templates = {t.name: t for t in services.agenda.templates()}
    if TEMPLATE_NAME not in templates:
        raise ValueError(f"the built-in agenda template “{TEMPLATE_NAME}” is missing")
    template = templates[TEMPLATE_NAME]

    with _clock_at(services, _at(day1)):
        m1 = _meeting_one(b, series.id, day1, day2)
    with _clock_at(services, _at(day2)):
        m2 = _meeting_two(b, series.id, template.id, day2, day3)
    with _clock_at(services, _at(day2 + timedelta(days=6)) - timedelta(hours=1)):
        _between_two_and_three(b)
    m3 = _meeting_three(b, series.id, template.id, day3)
    context = DemoContext(
        today=today,
        member_ids=dict(ids),
        sales_ids=[ids[k] for k, p in _PEOPLE.items() if p[1] == "Sales"],
        marketing_ids=[ids[k] for k, p in _PEOPLE.items() if p[1] == "Marketing"],
        team_ids={t.name: t.id for t in services.people.list_teams()},
        series_id=series.id,
        held_meeting_ids=(m1, m2),
        upcoming_meeting_id=m3,
        meeting_days=(day1, day2, day3),
    )
    toolkit = seed_toolkit(services, context)
    # The held meetings' minutes of record, as they stood when each closed: the toolkit
    # wrote their KPI review, glossary decisions, lead feedback... with the meetings' own
    # timestamps; what happened after a close (the next meeting's review, November's KPI
    # values) is left out, so October's minutes say what was true in October.
    # A goal or a lesson keeps no history: the toolkit is set as it stood at each close.
    for held in (m1, m2):
        meeting = services.meetings.get_meeting(held)
        closed_at = meeting.closed_at
        assert closed_at is not None
        # When the meeting clock started: its running time before the close (not before
        # the planned start: the demo's history ticks a minute a step, not in real time).
        clock_start = closed_at - timedelta(seconds=meeting.elapsed_seconds)
        _record_start(services, held, max(meeting.starts_at, clock_start))
        toolkit_as_of(services, context, closed_at)
        services.minutes.record_past_close(held, reconstructed=False)
        if held == m1:  # November approved October's minutes: revision 1, by name
            services.minutes.approve_previous(meeting_id=m2, revision=1)
    toolkit_as_of(services, context, datetime.combine(today, time(12, 0)))

    all_actions = [a for mid in (m1, m2, m3) for a in services.actions.actions_for_meeting(mid)]
    return DemoSummary(
        series_name=series.name,
        teams=len(services.people.list_teams()),
        members=len(ids),
        meeting_ids=(m1, m2, m3),
        held_meeting_ids=(m1, m2),
        upcoming_meeting_id=m3,
        upcoming_date=day3,
        agenda_items=sum(len(services.agenda.items(mid)) for mid in (m1, m2, m3)),
        actions=len(all_actions),
        open_actions=sum(1 for a in all_actions if a.status.is_open),
        decisions=b.counts["decisions"],
        ideas=b.counts["ideas"],
        toolkit=toolkit,
        context=context,
    )


# Each toolkit feature's demo, in this order (personas first: others may point at them).
TOOLKIT_SEEDS = (
    "personas",
    "goals",
    "glossary",
    "channels",
    "data_needs",
    "lead_feedback",
    "coaching",
    "board",
    "accountability",  # ratings of the held meetings, an action slipping (issue 15)
)


def toolkit_as_of(services: Services, ctx: DemoContext, moment: datetime) -> None:
    """Bring what the toolkit keeps without history to how it stood at `moment`."""
    for area in TOOLKIT_SEEDS:
        module = import_module(f"alignmeet.demo_toolkit.{area}")
        if hasattr(module, "as_of"):
            module.as_of(services, ctx, moment)


def seed_toolkit(services: Services, ctx: DemoContext) -> dict[str, dict[str, int]]:
    """Fill the alignment toolkit so a newcomer sees every feature in use."""
    return {
        area: import_module(f"alignmeet.demo_toolkit.{area}").seed(services, ctx)
        for area in TOOLKIT_SEEDS
    }


# ---- meeting 1: lead quality ----------------------------------------------------------
def _meeting_one(b: _Builder, series_id: int, day: date, next_day: date) -> int:
    sv, ids = b.sv, b.ids
    meeting = sv.meetings.create_meeting(
        title=f"Sales & Marketing sync — {day:%B %Y}",
        starts_at=_at(day),
        planned_minutes=60,
        series_id=series_id,
        place=PLACE,
        facilitator_id=ids["amara"],
        note_taker_id=ids["elif"],
        topic=(
            "Lead quality: why Sales rejects a third of our MQLs, and what both teams "
            "change so that fewer good leads are lost between the two funnels."
        ),
        invitee_ids=ids.values(),
    )
    mid = meeting.id
    b.attendance(mid, apologies=("noah",), representatives=("sofia", "lucas"))
    sv.meetings.set_phase(meeting_id=mid, phase=Phase.OPEN)

    kpi = b.item(
        mid, "MQL→SQL conversion and the shared revenue goal", 10, "elif", ItemKind.KPI_REVIEW
    )
    rejects = b.item(mid, "Lead rejection reasons from Sales", 15, "kenji", ItemKind.LEAD_FEEDBACK)
    webinar = b.item(mid, "Webinar follow-up: “Forecasting without spreadsheets”", 10, "lucas")
    icp = b.item(mid, "ICP definition: one version for both teams", 10, "noah", ItemKind.GLOSSARY)
    case = b.item(mid, "Case study for enterprise deals", 10, "meilin")
    wins = b.item(mid, "Wins to celebrate, lessons to solve", 5, "priya", ItemKind.WINS_LESSONS)

    b.discuss(
        kpi,
        used_minutes=11.5,
        notes="""
412 MQLs last month (+18% on the month before); 96 accepted as SQL by Sales.
MQL→SQL conversion 23%, down from 29% in the previous quarter.
Pipeline created from marketing-sourced leads: $1.3M against a $1.8M target.
Both teams agree the volume is there; the quality and the hand-off are not.
""",
        ideas=(
            (
                "priya",
                "Report conversion by source, not only in total: paid social drags it down.",
            ),
            ("elif", "Show MQL→SQL and SQL→opportunity side by side on one shared dashboard."),
        ),
    )
    b.discuss(
        rejects,
        used_minutes=17,
        notes="""
134 leads rejected last month; 41% had no reason recorded at all.
Of those with a reason: wrong persona (students, consultants, competitors) 38%,
no budget or timing 27%, duplicate of an open opportunity 15%, never reached after 5 attempts 20%.
Kenji showed five examples; three came from the LinkedIn lead-gen form campaign.
Marketing had not heard about most of these until today.
""",
        ideas=(
            (
                "kenji",
                "Make the rejection reason a required CRM pick-list, plus a free-text field.",
            ),
            ("lucas", "Pause the LinkedIn lead-gen form campaign until the rejection rate drops."),
            (
                "amara",
                "Send a monthly rejection summary to Marketing instead of ad-hoc complaints.",
            ),
        ),
        decisions=(
            "From now on a rejected lead always gets one of four reasons: wrong persona, "
            "no budget/timing, duplicate, unreachable after 5 attempts.",
            "The LinkedIn lead-gen form campaign is paused until the rejection rate is below 30%.",
        ),
    )
    b.discuss(
        webinar,
        used_minutes=9,
        notes="""
186 registrations, 92 attended live, 44 rated A (right persona, asked a buying question).
Last time SDRs only started calling a week after the webinar; speed to lead matters most here.
Q&A had good objections on data migration and pricing: reuse them in follow-up e-mails.
""",
        ideas=(
            (
                "liam",
                "SDRs call every A-rated attendee within 24 hours, before any nurture e-mail.",
            ),
            ("meilin", "Turn the webinar Q&A into a three-step follow-up sequence for SDRs."),
        ),
        decisions=("A-rated webinar attendees go to SDRs the next morning, scored A/B/C.",),
    )
    b.discuss(
        icp,
        used_minutes=2,
        notes="""
Parked: Noah (product marketing) sent apologies and owns the draft.
Sales and Marketing currently use two different ICPs (company size 50–500 vs. 200–2,000).
""",
    )
    sv.agenda.park_item(item_id=icp)
    b.discuss(
        case,
        used_minutes=12,
        notes="""
Enterprise AEs lose deals to "show me a company like us" — we have no enterprise reference.
Contoso (2,400 seats) is the best candidate; Sofía has the relationship.
Marcus can share quotes from the Northwind renewal as a second story.
""",
        ideas=(
            (
                "sofia",
                "Offer Contoso early access to the forecasting module for a named case study.",
            ),
            (
                "amara",
                "Record a short video with their RevOps lead; budget available this quarter.",
            ),
        ),
        decisions=(
            "Marketing produces one enterprise case study this quarter: Contoso first, "
            "Northwind as the fallback.",
        ),
    )
    b.discuss(
        wins,
        used_minutes=6,
        notes="""
Win: Fabrikam signed after attending two webinars and reading the pricing guide — first deal
attributed end-to-end to a campaign.
Lesson: three SQLs went cold because nobody owned them during the SDR holidays.
""",
        ideas=(
            ("marcus", "Share the Fabrikam story in the all-hands: both teams made it happen."),
        ),
    )

    plan = (
        (
            "priya",
            "Make a rejection reason mandatory in the CRM when a lead is disqualified",
            14,
            TeamTag.SALES,
            "Lead feedback loop live",
        ),
        (
            "priya",
            "Agree the revenue target split (new business vs. expansion) with Amara",
            21,
            TeamTag.JOINT,
            "",
        ),
        (
            "marcus",
            "Send Mei-Lin three customer quotes from the Northwind renewal",
            10,
            TeamTag.JOINT,
            "Enterprise case study",
        ),
        ("marcus", "Join the webinar debrief and list the top five sales objections", 7, None, ""),
        (
            "sofia",
            "Ask Contoso whether they agree to a named case study",
            14,
            None,
            "Enterprise case study",
        ),
        (
            "sofia",
            "Share the enterprise discovery question list with Demand Gen",
            7,
            TeamTag.JOINT,
            "",
        ),
        (
            "kenji",
            "Tag every rejected lead this month with one of the four agreed reasons",
            28,
            None,
            "Lead feedback loop live",
        ),
        ("kenji", "Call all A-rated webinar attendees within 24 hours", 5, None, ""),
        (
            "liam",
            "Measure speed to lead for inbound demo requests (median and 90th percentile)",
            14,
            None,
            "",
        ),
        (
            "liam",
            "Set up round-robin assignment so demo requests reach an SDR within 5 minutes",
            21,
            None,
            "",
        ),
        (
            "amara",
            "Draft one ICP definition with Priya and Noah for the next meeting",
            21,
            TeamTag.JOINT,
            "ICP v1",
        ),
        ("amara", "Approve the budget for the enterprise case study video", 10, None, ""),
        (
            "lucas",
            "Send the webinar attendee list scored A/B/C to SDRs the morning after",
            2,
            None,
            "",
        ),
        ("lucas", "Pause the LinkedIn lead-gen form campaign", 3, None, ""),
        (
            "lucas",
            "Propose MQL scoring changes based on the rejection reasons",
            24,
            None,
            "MQL score v2",
        ),
        (
            "meilin",
            "Write the first draft of the enterprise case study",
            24,
            None,
            "Enterprise case study",
        ),
        (
            "meilin",
            "Turn the webinar Q&A into a follow-up e-mail sequence for SDRs",
            10,
            TeamTag.JOINT,
            "",
        ),
        (
            "elif",
            "Add the rejection reason field and sync it to the marketing automation platform",
            10,
            TeamTag.JOINT,
            "Lead feedback loop live",
        ),
        (
            "elif",
            "Build a shared MQL→SQL conversion dashboard for both teams",
            21,
            TeamTag.JOINT,
            "Shared dashboard",
        ),
    )
    sv.meetings.set_phase(meeting_id=mid, phase=Phase.ACTIONS)
    created: dict[str, int] = {}
    for owner, title, due_in, tag, milestone in plan:
        created[title] = b.action(mid, day, owner, title, due_in, tag, milestone)
    b.commit_all(
        mid,
        {
            "priya": 5,
            "marcus": 4,
            "sofia": 3,
            "kenji": 4,
            "liam": 4,
            "amara": 5,
            "lucas": 4,
            "meilin": 3,
            "elif": 5,
        },
    )
    b.walk_phases(mid)
    sv.meetings.record_elapsed(meeting_id=mid, seconds=64 * 60)
    sv.meetings.update_meeting(
        meeting_id=mid,
        closing_notes=(
            "Good energy: first time both teams looked at the same rejection numbers. "
            "Next time we start with the ICP."
        ),
    )
    # The minutes of record are taken once the toolkit's part of this meeting exists too
    # (build_demo: record_past_close, as they stood at this close).
    sv.meetings.close_meeting(meeting_id=mid, next_meeting_at=_at(next_day), record_minutes=False)
    b.m1_actions = created
    return mid


# ---- meeting 2: follow-through and the ICP ----------------------------------------------
def _meeting_two(b: _Builder, series_id: int, template_id: int, day: date, next_day: date) -> int:
    sv, ids = b.sv, b.ids
    meeting = sv.meetings.create_meeting(
        title=f"Sales & Marketing sync — {day:%B %Y}",
        starts_at=_at(day),
        planned_minutes=75,
        series_id=series_id,
        place=PLACE,
        facilitator_id=ids["priya"],
        note_taker_id=ids["kenji"],
        topic="Follow-through on lead feedback, one ICP for both teams, speed to lead.",
        invitee_ids=ids.values(),
        template_id=template_id,
    )
    mid = meeting.id
    b.attendance(mid, apologies=("marcus",), representatives=("kenji", "meilin"))
    sv.meetings.update_meeting(meeting_id=mid, previous_minutes_approved=True)
    sv.meetings.set_phase(meeting_id=mid, phase=Phase.OPEN)

    # Review of meeting 1's actions.
    sv.meetings.set_phase(meeting_id=mid, phase=Phase.REVIEW)
    acts = b.m1_actions

    def review(title_start: str, status: ActionStatus, note: str) -> int:
        action_id = next(v for k, v in acts.items() if k.startswith(title_start))
        sv.actions.set_status(action_id=action_id, status=status, note=note, meeting_id=mid)
        return action_id

    review(
        "Make a rejection reason", ActionStatus.DONE, "Live since the 12th: 4 reasons + free text."
    )
    review(
        "Agree the revenue target",
        ActionStatus.IN_PROGRESS,
        "Draft shared; finance sign-off pending.",
    )
    review("Send Mei-Lin three", ActionStatus.DONE, "Quotes approved by Northwind's CMO.")
    review(
        "Join the webinar debrief",
        ActionStatus.DONE,
        "Top objections: migration effort, SSO pricing.",
    )
    review(
        "Ask Contoso",
        ActionStatus.BLOCKED,
        "Contoso legal is reviewing; answer expected end of month.",
    )
    review("Share the enterprise discovery", ActionStatus.DONE, "Shared in the joint channel.")
    review(
        "Tag every rejected lead",
        ActionStatus.IN_PROGRESS,
        "62% tagged so far; the backlog is the problem.",
    )
    review(
        "Call all A-rated", ActionStatus.DONE, "41 of 44 reached within a day; 6 meetings booked."
    )
    review(
        "Measure speed to lead", ActionStatus.DONE, "Median 3 h 40 min, 90th percentile 27 hours."
    )
    review(
        "Set up round-robin",
        ActionStatus.DROPPED,
        "Replaced by territory routing in the marketing automation platform (Elif).",
    )
    review("Draft one ICP", ActionStatus.IN_PROGRESS, "Draft v0.9 circulated; on today's agenda.")
    review("Approve the budget", ActionStatus.DONE, "€8k approved for the video.")
    review("Send the webinar attendee", ActionStatus.DONE, "Sent at 8:30 the next morning.")
    review(
        "Pause the LinkedIn", ActionStatus.DONE, "Paused; spend moved to the retargeting campaign."
    )
    scoring = review(
        "Propose MQL scoring",
        ActionStatus.IN_PROGRESS,
        "Needs a full month of tagged rejections first.",
    )
    sv.actions.update_action(
        action_id=scoring,
        due=day + timedelta(days=14),
        meeting_id=mid,
        note="Moved: waiting for the rejection tagging to be complete.",
    )
    review("Write the first draft", ActionStatus.BLOCKED, "Waiting for Contoso's approval.")
    review("Turn the webinar Q&A", ActionStatus.DONE, "Three e-mails live in the SDR sequence.")
    review("Add the rejection reason field", ActionStatus.DONE, "Synced every hour.")
    review(
        "Build a shared MQL",
        ActionStatus.IN_PROGRESS,
        "First version live; SQL→opportunity missing.",
    )

    # The agenda: the monthly template plus the ICP item parked last time.
    sv.meetings.set_phase(meeting_id=mid, phase=Phase.AGENDA)
    items = {i.title: i for i in sv.agenda.items(mid)}
    icp = next(i for i in items.values() if i.carried_from)
    sv.agenda.move_item(item_id=icp.id, to_position=2)
    owners = {
        "Shared revenue goal and KPI review": "elif",
        "Lead feedback from Sales": "kenji",
        "Campaigns and content coming up": "lucas",
        "Pipeline and deals that need Marketing": "sofia",
        "Wins to celebrate, lessons to solve": "priya",
    }
    for title, owner in owners.items():
        if title in items:
            sv.agenda.update_item(item_id=items[title].id, owner_id=ids[owner])

    def by_title(title: str) -> int:
        return items[title].id

    b.discuss(
        by_title("Shared revenue goal and KPI review"),
        used_minutes=10,
        notes="""
MQL→SQL conversion back up to 27% (23% last month) after pausing the LinkedIn form campaign.
Speed to lead for demo requests: median 3 h 40 min; 90th percentile 27 hours.
Marketing-sourced pipeline: $1.6M against $1.8M.
""",
        ideas=(
            ("liam", "Target: every demo request called within one hour during office hours."),
            ("elif", "Add speed to lead to the shared dashboard, per SDR and per source."),
        ),
        decisions=(
            "Speed to lead is a shared KPI from now on: target under 1 hour for demo requests.",
        ),
    )
    b.discuss(
        by_title("Lead feedback from Sales"),
        used_minutes=11,
        notes="""
With the mandatory field, 88% of rejections now have a reason.
Wrong persona is still the top reason (31%), mainly job titles below manager level.
Duplicates dropped to 6% after the CRM matching rule.
""",
        ideas=(
            ("lucas", "Score job title higher in MQL score v2 and exclude students automatically."),
            (
                "kenji",
                "Let SDRs flag a 'good lead, wrong time' reason so Marketing can nurture it.",
            ),
        ),
        decisions=("Add a fifth rejection reason: “good fit, wrong timing → back to nurture”.",),
    )
    b.discuss(
        icp.id,
        used_minutes=16,
        notes="""
Noah presented the ICP draft: B2B SaaS, 200–2,000 employees, a RevOps or sales-ops function,
CRM in place for 2+ years, forecasting still in spreadsheets.
Sales asked to add: a named executive sponsor in finance or sales.
Marketing will use the same definition for ad targeting and for MQL scoring.
""",
        ideas=(
            ("sofia", "Ask “how do you forecast today?” on the first call to check ICP fit fast."),
            ("noah", "Validate the ICP with interviews of five recent wins before publishing it."),
        ),
        decisions=(
            "One ICP for both teams (v1): 200–2,000 employees, RevOps function, CRM for 2+ years; "
            "to be published in the glossary after the win interviews.",
        ),
    )
    b.discuss(
        by_title("Campaigns and content coming up"),
        used_minutes=13,
        notes="""
Next webinar: mid-market finance leaders, six weeks out.
Enterprise roundtable in the spring: Sales to propose the invite list.
Case study blocked on Contoso's legal review.
""",
        ideas=(
            (
                "meilin",
                "Prepare an anonymised case study in parallel so AEs have something now.",
            ),
        ),
    )
    b.discuss(
        by_title("Pipeline and deals that need Marketing"),
        used_minutes=9,
        notes="""
Two enterprise deals at proposal stage need a reference customer.
Lost deals last month: three to “build it in the CRM”; battlecards would help.
""",
        ideas=(("priya", "Marketing writes battlecards from the top three lost-deal reasons."),),
    )
    b.discuss(
        by_title("Wins to celebrate, lessons to solve"),
        used_minutes=8,
        notes="""
Win: the webinar follow-up sequence booked 6 meetings in a week.
Lesson: the round-robin idea duplicated what the routing tool already does — check tools first.
""",
    )

    sv.meetings.set_phase(meeting_id=mid, phase=Phase.ACTIONS)
    plan = (
        (
            "priya",
            "Review the ICP draft with three top AEs and send comments to Noah",
            7,
            TeamTag.JOINT,
            "ICP v1",
        ),
        (
            "priya",
            "Add speed to lead to the weekly sales dashboard",
            14,
            None,
            "Speed to lead < 1h",
        ),
        (
            "sofia",
            "Chase Contoso legal for the case study approval",
            7,
            None,
            "Enterprise case study",
        ),
        (
            "sofia",
            "Propose the invite list for the enterprise roundtable with Lucas",
            21,
            TeamTag.JOINT,
            "",
        ),
        (
            "kenji",
            "Finish tagging last month's rejected leads",
            10,
            None,
            "Lead feedback loop live",
        ),
        (
            "kenji",
            "Trial calling every inbound demo request within 1 hour",
            28,
            None,
            "Speed to lead < 1h",
        ),
        ("liam", "Share a weekly speed-to-lead report in the joint channel", 7, None, ""),
        ("liam", "Write the SDR→AE hand-off checklist", 21, None, ""),
        (
            "amara",
            "Publish ICP v1 in the glossary after the win interviews",
            21,
            TeamTag.JOINT,
            "ICP v1",
        ),
        ("amara", "Plan next quarter's campaign calendar with Sales input", 35, None, ""),
        (
            "lucas",
            "Roll out MQL score v2 (job title and company size weighting)",
            21,
            None,
            "MQL score v2",
        ),
        ("lucas", "Launch the webinar for mid-market finance leaders", 42, None, ""),
        (
            "lucas",
            "Set up a nurture track for 'good fit, wrong timing' leads",
            28,
            TeamTag.JOINT,
            "",
        ),
        (
            "meilin",
            "Prepare an anonymised enterprise case study as a fallback",
            21,
            None,
            "Enterprise case study",
        ),
        ("meilin", "Write two battlecards from the top lost-deal reasons", 28, TeamTag.JOINT, ""),
        (
            "elif",
            "Route inbound demo requests automatically by territory",
            14,
            None,
            "Speed to lead < 1h",
        ),
        (
            "elif",
            "Add the rejection-reason trend to the shared dashboard",
            10,
            TeamTag.JOINT,
            "Shared dashboard",
        ),
        ("noah", "Interview five recent wins to validate the ICP", 14, None, "ICP v1"),
        ("noah", "Update the pitch deck with the ICP message", 28, TeamTag.JOINT, ""),
        # Agreed for Marcus while he was away: it shows in his plan in the minutes.
        ("marcus", "Share recordings of three lost enterprise deals with Noah", 10, None, ""),
    )
    created: dict[str, int] = {}
    for owner, title, due_in, tag, milestone in plan:
        created[title] = b.action(mid, day, owner, title, due_in, tag, milestone)
    b.commit_all(
        mid,
        {
            "priya": 5,
            "sofia": 3,
            "kenji": 4,
            "liam": 5,
            "amara": 4,
            "lucas": 4,
            "meilin": 4,
            "elif": 5,
            "noah": None,
        },
    )
    b.walk_phases(mid)
    sv.meetings.record_elapsed(meeting_id=mid, seconds=78 * 60)
    sv.meetings.update_meeting(
        meeting_id=mid,
        closing_notes="The ICP is nearly there. Next time: speed to lead and the case study.",
    )
    sv.meetings.close_meeting(meeting_id=mid, next_meeting_at=_at(next_day), record_minutes=False)
    b.m2_actions = created
    return mid


def _between_two_and_three(b: _Builder) -> None:
    """Liam's first report went out between the meetings: done outside any meeting."""
    b.sv.actions.set_status(
        action_id=b.m2_actions["Share a weekly speed-to-lead report in the joint channel"],
        status=ActionStatus.DONE,
        note="First report shared; now automated every Monday.",
    )


# ---- meeting 3: still to run ---------------------------------------------------------
def _meeting_three(b: _Builder, series_id: int, template_id: int, day: date) -> int:
    sv, ids = b.sv, b.ids
    meeting = sv.meetings.create_meeting(
        title=f"Sales & Marketing sync — {day:%B %Y}",
        starts_at=_at(day),
        planned_minutes=60,
        series_id=series_id,
        place=PLACE,
        facilitator_id=ids["amara"],
        note_taker_id=ids["liam"],
        topic="Speed to lead after routing, MQL score v2, and the enterprise case study.",
        invitee_ids=ids.values(),
        template_id=template_id,
    )
    mid = meeting.id
    owners = {
        "Shared revenue goal and KPI review": "elif",
        "Lead feedback from Sales": "kenji",
        "Campaigns and content coming up": "lucas",
        "Pipeline and deals that need Marketing": "sofia",
        "Wins to celebrate, lessons to solve": "priya",
    }
    for item in sv.agenda.items(mid):
        if item.title in owners:
            sv.agenda.update_item(item_id=item.id, owner_id=ids[owners[item.title]])
    b.item(mid, "Enterprise case study: go / no-go", 5, "meilin")
    return mid


__all__ = ["SERIES_NAME", "DemoSummary", "build_demo"]


# ---- a long history: 5 years, 120 meetings, 100,000 actions (huge: 10 years, 300,000) ---
@dataclass(frozen=True)
class LargeDemoSummary:
    """What `build_large_demo` wrote."""

    series: int
    members: int
    meetings: int
    agenda_items: int
    ideas: int
    decisions: int
    actions: int
    open_actions: int
    updates: int
    slipped_actions: int
    first_date: date
    last_date: date

    def describe(self) -> str:
        return (
            f"Large demo written: {self.members} members, {self.series} series, "
            f"{self.meetings} meetings from {self.first_date.isoformat()} to "
            f"{self.last_date.isoformat()}, {self.agenda_items} agenda items, {self.ideas} ideas, "
            f"{self.decisions} decisions, {self.actions} actions ({self.open_actions} still "
            f"open, {self.slipped_actions} slipped at least once) with {self.updates} "
            "history entries."
        )


_LARGE_SERIES = (
    # name, cadence in days, share of the meetings, agenda
    (
        "Monthly Sales & Marketing sync",
        30,
        0.5,
        (
            ("KPI review: pipeline, MQL→SQL, speed to lead", ItemKind.KPI_REVIEW),
            ("Lead feedback from Sales", ItemKind.LEAD_FEEDBACK),
            ("Campaigns and content coming up", ItemKind.REGULAR),
            ("Glossary: definitions to agree", ItemKind.GLOSSARY),
            ("Wins to celebrate, lessons to solve", ItemKind.WINS_LESSONS),
        ),
    ),
    (
        "Quarterly pipeline & campaign review",
        91,
        1 / 6,
        (
            ("Quarter in numbers: revenue against the shared goal", ItemKind.KPI_REVIEW),
            ("Activity goals: continue, eliminate, improve", ItemKind.REGULAR),
            ("Data needs: the joint Top 10", ItemKind.DATA_NEEDS),
            ("Next quarter's campaigns", ItemKind.REGULAR),
        ),
    ),
    (
        "Lead-quality working group",
        45,
        1 / 3,
        (
            ("Rejected leads and their reasons", ItemKind.LEAD_FEEDBACK),
            ("Scoring model changes", ItemKind.REGULAR),
            ("Speed to lead by source", ItemKind.KPI_REVIEW),
        ),
    ),
)
_FIRST = (
    "Priya", "Marcus", "Sofía", "Kenji", "Liam", "Amara", "Lucas", "Mei-Lin", "Elif", "Noah",
    "Zoë", "Björn", "Łukasz", "Chloé", "Ravi", "Hana", "Omar", "Greta", "Tomás", "Aisha",
    "Jonas", "Yuki", "Fatima", "Mateo", "Ingrid", "Kwame", "Nadia", "Pierre", "Leila", "Sven",
)  # fmt: skip
_LAST = (
    "Raman", "Okafor", "Delgado", "Watanabe", "O'Brien", "Nwosu", "Ferreira", "Chen", "Yılmaz",
    "Goldberg", "Müller", "Novak", "Kowalski", "Dubois", "Iyer", "Sato", "Haddad", "Lindqvist",
    "García", "Mensah",
)  # fmt: skip
_ROLES = {
    "Sales": ("Account Executive", "SDR", "Enterprise AE", "Sales Manager", "SDR Team Lead"),
    "Marketing": (
        "Demand Gen Manager", "Content Marketing Manager", "Product Marketing Manager",
        "Marketing Ops", "Field Marketing Manager",
    ),
    "Revenue Operations": ("RevOps Analyst", "CRM Administrator", "Head of RevOps"),
}  # fmt: skip
_CUSTOMERS = (
    "Contoso", "Northwind", "Fabrikam", "Tailspin", "Wingtip", "Adatum", "Litware", "Proseware",
    "Woodgrove", "Coho",
)  # fmt: skip
_CAMPAIGNS = (
    "the forecasting webinar", "the spring roundtable", "the ICP e-book", "the pricing-page test",
    "the partner launch", "the CFO dinner series", "the product tour", "the retargeting campaign",
    "the mid-market nurture", "the analyst briefing",
)  # fmt: skip
_VERBS = (
    "Call back", "Send", "Draft", "Review", "Update", "Share", "Build", "Tag", "Clean up",
    "Score", "Publish", "Interview", "Agree", "Test", "Refresh", "Summarise", "Rank",
)  # fmt: skip
_OBJECTS = (
    "every A-rated lead from {campaign}", "the lost-deal reasons for {customer}",
    "the ICP one-pager", "the MQL definition in the glossary", "the nurture sequence",
    "a case study with {customer}", "the lead-scoring weights", "the battlecard for {customer}",
    "inbound demo requests older than a day", "the top five objections", "the webinar Q&A",
    "rejected leads with a reason code", "the speed-to-lead report", "the joint data Top 10",
    "the persona notes for Larry the CFO", "the follow-up e-mail for {campaign}",
)  # fmt: skip
_TAILS = (
    "", "", "with Marketing", "with Sales", "before the next sync", "for the enterprise segment",
    "in the CRM", "by region", "for the quarter", "and share it in the joint channel",
)  # fmt: skip
_SLIP_NOTES = (
    "Moved: waiting on legal.", "Moved: the data is not in the CRM yet.", "Moved: holiday.",
    "Moved after the campaign date changed.", "Needs another week; blocked on design.",
)  # fmt: skip
_DONE_NOTES = (
    "Done — shared in the team channel.", "Done; numbers in the dashboard.", "Sent.",
    "Done, see the CRM report.", "Finished; lessons on the wins page.", "",
)  # fmt: skip
_OTHER_NOTES = {
    ActionStatus.DROPPED: ("No longer needed after the reorg.", "Superseded by the new plan."),
    ActionStatus.IN_PROGRESS: ("Half done.", "Started; first draft shared.", ""),
    ActionStatus.BLOCKED: ("Blocked on IT access.", "Waiting for the customer's answer."),
    ActionStatus.OPEN: ("",),
}
_IDEAS = (
    "Show pipeline by campaign, not by channel.", "Let SDRs rate every lead they reject.",
    "A shared Slack channel for hot leads.", "Ask {customer} to speak at {campaign}.",
    "Score webinar attendance by minutes watched.", "Pair each AE with a content marketer.",
)  # fmt: skip
_DECISIONS = (
    "Report speed to lead weekly in the joint channel.",
    "A lead is sales-qualified when budget and timing are confirmed on a call.",
    "Rejected leads need one of the six reason codes.",
    "The {campaign} budget moves to retargeting.",
    "{customer} becomes the reference case for the enterprise segment.",
)  # fmt: skip
_NOTES = (
    "Pipeline from marketing at {pct} % of target; MQL→SQL conversion {conv} %.",
    "{customer} asked for a pilot; Sales to follow up with {campaign} material.",
    "Speed to lead median {hours} h; goal is one hour for demo requests.",
    "Most rejected leads: wrong company size, student sign-ups, competitors.",
    "",
)  # fmt: skip


def _status_weights(age_days: int) -> tuple[float, ...]:
    """Chance of (done, dropped, open, in progress, blocked) for an action of this age."""
    if age_days > 365:
        return (0.80, 0.14, 0.03, 0.02, 0.01)
    if age_days > 180:
        return (0.70, 0.12, 0.08, 0.06, 0.04)
    if age_days > 60:
        return (0.50, 0.08, 0.20, 0.15, 0.07)
    return (0.20, 0.03, 0.50, 0.20, 0.07)


# `demo --size huge`: ten years of a 60-person organisation (QUALITY.md, "History at scale").
HUGE: dict[str, int] = {"meetings": 240, "actions": 300_000, "years": 10}
_LARGE_BATCH = 20_000  # actions built and inserted at a time (ten years would not fit in memory)
_STATUS_ORDER = (
    ActionStatus.DONE,
    ActionStatus.DROPPED,
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.BLOCKED,
)


def build_large_demo(
    services: Services,
    *,
    today: date,
    meetings: int = 120,
    members: int = 60,
    actions: int = 100_000,
    seed: int = 1,
    years: int = 5,
) -> LargeDemoSummary:
    """Fill an empty database with a `years`-long history for benchmarks and scale tests.

    Three series (monthly sync, quarterly review, lead-quality working group),
    `meetings` held and closed meetings spread over the years up to last
    week, `members` people in Sales, Marketing and Revenue Operations, and
    `actions` actions with 1–3 history entries each (agreed; some slipped; many
    done, dropped, in progress or blocked in a later meeting or in between),
    ideas, decisions and agenda notes. Deterministic for a given `seed` and
    `today`. Rows go in with one bulk load in one transaction
    (`alignmeet.services.bulk`), the actions a batch at a time, so that ten years
    of them never sit in memory at once.

    Raises ValueError if the database already holds meetings.
    """
    import random

    from alignmeet.services.bulk import BulkLoader

    if services.meetings.list_meetings():
        raise ValueError("large demo data is only added to a database without meetings")
    if meetings < len(_LARGE_SERIES) or members < 6 or actions < 0 or years < 1:
        raise ValueError("need at least 3 meetings, 6 members, a year and no negative action count")
    services.bootstrap()
    rnd = random.Random(seed)
    loader = BulkLoader(services.db)
    ids = loader.next_ids()
    now = datetime.combine(today, time(9, 0))
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in ids}

    # ---- teams and people ----
    teams = {t.name: t.id for t in services.people.list_teams()}
    for name in ("Sales", "Marketing", "Revenue Operations"):
        if name not in teams:
            teams[name] = services.people.add_team(name=name).id
    taken = {name_key(x.name) for x in services.people.list_members(include_inactive=True)}
    names = [f"{first} {last}" for first in _FIRST for last in _LAST]
    rnd.shuffle(names)
    people: list[tuple[int, str, str]] = []  # id, name, team
    for name in names:
        if len(people) == members:
            break
        if name_key(name) in taken:
            continue
        taken.add(name_key(name))
        share = len(people) / members
        team = "Sales" if share < 0.45 else "Marketing" if share < 0.9 else "Revenue Operations"
        member_id = ids["member"] + len(people)
        people.append((member_id, name, team))
        slug = name_key(name).replace(" ", ".").replace("'", "")
        rows["member"].append(
            {
                "id": member_id,
                "name": name,
                "name_key": name_key(name),
                "team_id": teams[team],
                "role": rnd.choice(_ROLES[team]),
                "email": f"{slug}@example.com",
                "active": True,
            }
        )
    team_of = {pid: team for pid, _, team in people}

    # ---- series and meetings: evenly over the years, the last one last week ----
    start_day = today - timedelta(days=years * 365)
    end_day = today - timedelta(days=7)
    counts = [max(1, round(meetings * share)) for _, _, share, _ in _LARGE_SERIES]
    counts[0] += meetings - sum(counts)
    meeting_rows: list[dict[str, object]] = []
    series_meetings: dict[int, list[dict[str, object]]] = {}
    agenda_of: dict[int, tuple[tuple[str, ItemKind], ...]] = {}
    pools: dict[int, list[tuple[int, str, str]]] = {}
    for (series_name, cadence, _share, agenda), count in zip(_LARGE_SERIES, counts, strict=True):
        existing = services.meetings.ensure_series(name=series_name, cadence_days=cadence)
        pool_size = min(len(people), max(6, len(people) // 2))
        pool = rnd.sample(people, pool_size)
        span = (end_day - start_day).days
        series_meetings[existing.id] = []
        for i in range(count):
            day = start_day + timedelta(days=round(span * (i + 0.5) / count))
            day += timedelta(days=(1 - day.weekday()) % 7)  # Tuesdays
            day = min(day, end_day)
            starts = datetime.combine(day, MEETING_TIME)
            facilitator, note_taker = rnd.sample(pool, 2)
            meeting = {
                "id": ids["meeting"] + len(meeting_rows),
                "series_id": existing.id,
                "title": f"{series_name} — {day:%B %Y}",
                "starts_at": starts,
                "planned_minutes": 60,
                "place": PLACE,
                "facilitator_id": facilitator[0],
                "note_taker_id": note_taker[0],
                "topic": "",
                "end_goal": DEFAULT_END_GOAL,
                "status": "closed",
                "phase": Phase.CLOSE.value,
                "previous_minutes_approved": True,
                "closing_notes": "",
                "elapsed_seconds": 60 * rnd.randint(50, 70),
                "created_at": starts - timedelta(days=7),
                "closed_at": starts + timedelta(minutes=65),
            }
            meeting_rows.append(meeting)
            pools[meeting["id"]] = pool  # type: ignore[index]
            series_meetings[existing.id].append(meeting)
            agenda_of[meeting["id"]] = agenda  # type: ignore[index]

    def fill(template: str) -> str:
        return template.format(
            customer=rnd.choice(_CUSTOMERS),
            campaign=rnd.choice(_CAMPAIGNS),
            pct=rnd.randint(40, 130),
            conv=rnd.randint(12, 35),
            hours=rnd.randint(1, 30),
        )

    # ---- attendance, commitments, agenda, ideas, decisions ----
    for meeting in meeting_rows:
        mid = meeting["id"]
        starts = meeting["starts_at"]
        assert isinstance(starts, datetime) and isinstance(mid, int)
        pool = pools[mid]
        for pid, _name, _team in pool:
            present = rnd.random() < 0.88
            committed = present and rnd.random() < 0.95
            rows["participant"].append(
                {
                    "id": ids["participant"] + len(rows["participant"]),
                    "meeting_id": mid,
                    "member_id": pid,
                    "attendance": "present" if present else "apologies",
                    "representative": False,
                    "committed_at": starts + timedelta(minutes=55) if committed else None,
                    "confidence": rnd.randint(2, 5) if committed else None,
                    "commitment_note": "",
                }
            )
        for position, (title, kind) in enumerate(agenda_of[mid]):
            item_id = ids["agenda_item"] + len(rows["agenda_item"])
            rows["agenda_item"].append(
                {
                    "id": item_id,
                    "meeting_id": mid,
                    "position": position,
                    "title": title,
                    "owner_id": rnd.choice(pool)[0],
                    "minutes": 10,
                    "extra_minutes": 0,
                    "kind": kind.value,
                    "notes": fill(rnd.choice(_NOTES)),
                    "used_seconds": rnd.randint(300, 900),
                    "parked": False,
                }
            )
            if rnd.random() < 0.6:
                rows["idea"].append(
                    {
                        "id": ids["idea"] + len(rows["idea"]),
                        "item_id": item_id,
                        "author_id": rnd.choice(pool)[0],
                        "text": fill(rnd.choice(_IDEAS)),
                        "created_at": starts + timedelta(minutes=10 + position * 10),
                    }
                )
            if rnd.random() < 0.4:
                rows["decision"].append(
                    {
                        "id": ids["decision"] + len(rows["decision"]),
                        "item_id": item_id,
                        "text": fill(rnd.choice(_DECISIONS)),
                        "created_at": starts + timedelta(minutes=12 + position * 10),
                    }
                )

    # ---- actions and their history ----
    order = sorted(meeting_rows, key=lambda mt: mt["starts_at"])  # type: ignore[arg-type,return-value]
    later_in_series: dict[int, list[dict[str, object]]] = {}
    for series_list in series_meetings.values():
        for i, meeting in enumerate(series_list):
            later_in_series[meeting["id"]] = series_list[i + 1 :]  # type: ignore[index]
    per_meeting, extra = divmod(actions, len(order))
    counts = {"open": 0, "slipped": 0}

    def action_batches() -> Iterator[dict[str, list[dict[str, object]]]]:
        """The actions and their history, about `_LARGE_BATCH` actions at a time."""
        action_id = ids["action"]
        update_id = ids["action_update"]
        batch: dict[str, list[dict[str, object]]] = {"action": [], "action_update": []}
        for index, meeting in enumerate(order):
            mid = meeting["id"]
            starts = meeting["starts_at"]
            assert isinstance(starts, datetime) and isinstance(mid, int)
            pool = pools[mid]
            later = [mt for mt in later_in_series[mid] if mt["starts_at"] < now]  # type: ignore[operator]
            age = (today - starts.date()).days
            weights = _status_weights(age)
            n = per_meeting + (1 if index < extra else 0)
            for position in range(1, n + 1):
                owner, _owner_name, _team = rnd.choice(pool)
                team = team_of[owner]
                tag = (
                    TeamTag.JOINT
                    if team == "Revenue Operations" or rnd.random() < 0.15
                    else TeamTag.SALES
                    if team == "Sales"
                    else TeamTag.MARKETING
                )
                title = f"{rnd.choice(_VERBS)} {fill(rnd.choice(_OBJECTS))}"
                tail = rnd.choice(_TAILS)
                if tail:
                    title += f" {tail}"
                due: date | None = (
                    starts.date() + timedelta(days=rnd.randint(7, 42))
                    if rnd.random() < 0.93
                    else None
                )
                status = rnd.choices(_STATUS_ORDER, weights)[0]
                at = starts + timedelta(minutes=40 + position % 15)
                history = [
                    {
                        "meeting_id": mid,
                        "changed_at": at,
                        "old_status": None,
                        "new_status": ActionStatus.OPEN.value,
                        "old_due": None,
                        "new_due": due,
                        "note": "Agreed",
                        "changed_by_id": meeting["facilitator_id"],
                    }
                ]
                current_due = due
                slips = 0
                if due is not None and later and rnd.random() < 0.25:
                    slips = 2 if (status.is_open and rnd.random() < 0.3 and len(later) > 1) else 1
                for k in range(slips):
                    where = later[k]
                    new_due = current_due + timedelta(days=rnd.randint(14, 35))  # type: ignore[operator]
                    history.append(
                        {
                            "meeting_id": where["id"],
                            "changed_at": where["starts_at"] + timedelta(minutes=5 + k),  # type: ignore[operator]
                            "old_status": ActionStatus.OPEN.value,
                            "new_status": ActionStatus.OPEN.value,
                            "old_due": current_due,
                            "new_due": new_due,
                            "note": rnd.choice(_SLIP_NOTES),
                            "changed_by_id": where["facilitator_id"],
                        }
                    )
                    current_due = new_due
                if status is not ActionStatus.OPEN and len(history) < 3:
                    in_meeting = later[slips:]
                    if in_meeting and rnd.random() < 0.7:
                        where = in_meeting[0]
                        changed_at = where["starts_at"] + timedelta(minutes=8)  # type: ignore[operator]
                        where_id, by = where["id"], where["facilitator_id"]
                    else:
                        last = history[-1]["changed_at"]
                        assert isinstance(last, datetime)
                        changed_at = min(now, last + timedelta(days=rnd.randint(1, 20)))
                        where_id = by = None
                    history.append(
                        {
                            "meeting_id": where_id,
                            "changed_at": changed_at,
                            "old_status": ActionStatus.OPEN.value,
                            "new_status": status.value,
                            "old_due": current_due,
                            "new_due": current_due,
                            "note": rnd.choice(
                                _DONE_NOTES if status is ActionStatus.DONE else _OTHER_NOTES[status]
                            ),
                            "changed_by_id": by,
                        }
                    )
                elif status is not ActionStatus.OPEN:
                    status = ActionStatus.OPEN  # three entries already: it stays open
                notes = [h["note"] for h in history if h["note"]]
                last_change = history[-1]["changed_at"]
                batch["action"].append(
                    {
                        "id": action_id,
                        "meeting_id": mid,
                        "owner_id": owner,
                        "title": title,
                        "due": current_due,
                        "team_tag": tag.value,
                        "status": status.value,
                        "milestone": "",
                        "position": position,
                        "created_at": at,
                        "updated_at": last_change,
                        "times_slipped": slips,
                        "last_note": notes[-1] if notes else "",
                    }
                )
                for h in history:
                    h["id"] = update_id
                    h["action_id"] = action_id
                    update_id += 1
                    batch["action_update"].append(h)
                action_id += 1
                counts["open"] += status.is_open
                counts["slipped"] += slips > 0
            if len(batch["action"]) >= _LARGE_BATCH:
                yield batch
                batch = {"action": [], "action_update": []}
        if batch["action"]:
            yield batch

    rows["meeting"] = meeting_rows
    rows = {name: batch for name, batch in rows.items() if batch}
    loaded = loader.load_batches(itertools.chain([rows], action_batches()))
    first = min(mt["starts_at"] for mt in meeting_rows)  # type: ignore[type-var]
    last = max(mt["starts_at"] for mt in meeting_rows)  # type: ignore[type-var]
    assert isinstance(first, datetime) and isinstance(last, datetime)
    return LargeDemoSummary(
        series=len(_LARGE_SERIES),
        members=len(people),
        meetings=len(meeting_rows),
        agenda_items=loaded.get("agenda_item", 0),
        ideas=loaded.get("idea", 0),
        decisions=loaded.get("decision", 0),
        actions=loaded.get("action", 0),
        open_actions=counts["open"],
        updates=loaded.get("action_update", 0),
        slipped_actions=counts["slipped"],
        first_date=first.date(),
        last_date=last.date(),
    )
