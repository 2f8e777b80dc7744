"""Demo data for shared goals and KPIs: the revenue goal of this quarter and the last one,
four mutual activity goals marked continue / improve / eliminate, and four KPIs with a
year of monthly measurements that agree with what the demo meetings' notes say (MQL→SQL
conversion 23 % before the first meeting, 27 % before the second; speed to lead 3 h 40 min;
marketing-sourced pipeline $1.3M, then $1.6M against $1.8M)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.goals import Disposition, GoalKind
from alignmeet.domain.periods import Period, period_containing
from alignmeet.services import Services

from . import DemoContext

MONTHS = 12


def _member(ctx: DemoContext, name: str, fallback: list[int]) -> int:
    return ctx.member_ids.get(name) or fallback[0]


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    goals = services.goals
    rng = ctx.rng
    quarter = period_containing("quarter", ctx.today)
    sales, marketing = ctx.sales_ids, ctx.marketing_ids
    priya = _member(ctx, "priya", sales)
    amara = _member(ctx, "amara", marketing)
    lucas = _member(ctx, "lucas", marketing)
    liam = _member(ctx, "liam", sales)
    kenji = _member(ctx, "kenji", sales)

    # ---- revenue goals: last quarter (closed, slightly missed) and this one (under way)
    goals.add_goal(
        kind=GoalKind.REVENUE,
        title="New ARR from new customers",
        period=quarter.previous().key,
        target_value=5_000_000,
        actual_value=4_650_000,
        unit="$",
        owner_id=priya,
        notes="Missed by 7 %: two enterprise deals slipped into this quarter.",
    )
    goals.add_goal(
        kind=GoalKind.REVENUE,
        title="New ARR from new customers",
        period=quarter.key,
        target_value=5_400_000,
        actual_value=revenue_so_far(ctx.today, ctx.today),
        unit="$",
        owner_id=amara,
        notes="One number for both teams: Sales closes it, Marketing fills the pipeline for it.",
    )

    # ---- mutual activity goals, as the last review marked them (seed 002)
    activity = (
        (
            "Joint webinar series with an AE on every panel",
            Disposition.CONTINUE,
            lucas,
            TeamTag.JOINT,
            "Webinar leads convert best (34 % MQL→SQL); keep one a month.",
        ),
        (
            "Call every demo request within one hour",
            Disposition.IMPROVE,
            liam,
            TeamTag.SALES,
            "Median is down to hours, not days; the evening requests still wait overnight.",
        ),
        (
            "Lead rejections always carry a reason",
            Disposition.CONTINUE,
            kenji,
            TeamTag.SALES,
            "88 % of rejections now have a reason; aim for all of them.",
        ),
        (
            "LinkedIn lead-gen form campaign",
            Disposition.ELIMINATE,
            amara,
            TeamTag.MARKETING,
            "Volume without intent: paused after the lead-quality meeting, budget to webinars.",
        ),
    )
    for title, disposition, owner, tag, notes in activity:
        goals.add_goal(
            kind=GoalKind.ACTIVITY,
            title=title,
            period=quarter.key,
            disposition=disposition,
            owner_id=owner,
            team_tag=tag,
            notes=notes,
        )

    # ---- KPIs
    conversion = goals.add_kpi(
        name="MQL→SQL conversion",
        unit="%",
        target=30,
        team_tag=TeamTag.JOINT,
        description="Share of marketing-qualified leads Sales accepts as sales-qualified.",
    )
    speed = goals.add_kpi(
        name="Speed to lead",
        unit="h",
        higher_is_better=False,
        target=1,
        team_tag=TeamTag.SALES,
        description="Median time from a demo request to the first call, office hours.",
    )
    rejected = goals.add_kpi(
        name="Leads rejected by Sales",
        unit="leads",
        higher_is_better=False,
        target=60,
        team_tag=TeamTag.JOINT,
        description="MQLs Sales sent back, each with a reason (see Lead feedback).",
    )
    pipeline = goals.add_kpi(
        name="Pipeline from marketing",
        unit="$",
        target=1_800_000,
        team_tag=TeamTag.MARKETING,
        description="New pipeline created from marketing-sourced opportunities.",
    )

    # ---- a year of months, the last one complete before today
    last = period_containing("month", ctx.today).previous()
    months = [last.shift(-i) for i in range(MONTHS - 1, -1, -1)]
    # the meetings' notes speak of the month before each held meeting
    held = [period_containing("month", d).previous() for d in ctx.meeting_days[:2]]
    first_review = held[0] if held else months[-3]
    second_review = held[-1] if held else months[-2]

    def shape(i: int, start: float, end: float, noise: float) -> float:
        return start + (end - start) * i / (MONTHS - 1) + rng.uniform(-noise, noise)

    count = 0
    for i, month in enumerate(months):
        after_first = month > first_review
        after_second = month > second_review
        conv = shape(i, 28.5, 29.0, 1.6)
        hours = max(1.2, shape(i, 9.5, 2.6, 1.0))
        rej = shape(i, 118, 80, 9)
        pipe = shape(i, 1_150_000, 1_750_000, 90_000)
        pipe_target = 1_500_000 if month < first_review else None
        if month == first_review:
            conv, rej, pipe = 23.0, 137, 1_300_000
        elif month == second_review:
            conv, hours, rej, pipe = 27.0, 3.67, 104, 1_600_000
        elif after_second:
            conv, hours, rej = conv + 1.0, min(hours, 2.6), min(rej, 90)
        elif after_first:
            conv = min(conv, 26.0)
        values = (
            (conversion.id, round(conv, 1), None, _note(month, first_review, "conversion")),
            (speed.id, round(hours, 2), None, _note(month, second_review, "speed")),
            (rejected.id, round(rej), None, _note(month, first_review, "rejected")),
            (pipeline.id, round(pipe, -4), pipe_target, _note(month, second_review, "pipeline")),
        )
        recorded = datetime.combine(month.next().start + timedelta(days=2), time(9, 0))
        for kpi_id, value, target, note in values:
            goals.record_measurement(
                kpi_id=kpi_id,
                period=month.key,
                value=value,
                target=target,
                note=note,
                source="csv" if i < MONTHS - 3 else "manual",
                recorded_at=recorded,
            )
            count += 1
    return {
        "revenue_goals": 2,
        "activity_goals": len(activity),
        "kpis": 4,
        "kpi_measurements": count,
    }


def revenue_so_far(today: date, day: date) -> float:
    """This quarter's new ARR as it stood on `day` (the quarter holding `today`)."""
    quarter = period_containing("quarter", today)
    day = max(quarter.start, min(day, today))
    done = (day - quarter.start).days / max(1, (quarter.end - quarter.start).days + 1)
    return round(5_400_000 * max(0.08, done * 0.92), -4)


def as_of(services: Services, ctx: DemoContext, moment: datetime) -> None:
    """The revenue goal's "so far" as it stood at `moment` (a goal keeps no history: the
    demo sets it before each held meeting's minutes are recorded, then today's)."""
    quarter = period_containing("quarter", ctx.today)
    goal = services.goals.revenue_goal(quarter.key)
    if goal is not None:
        services.goals.update_goal(
            goal_id=goal.id, actual_value=revenue_so_far(ctx.today, moment.date())
        )


_NOTES = {
    "conversion": "412 MQLs, 96 accepted as SQL: the LinkedIn form leads drag it down.",
    "speed": "Median 3 h 40 min; 90th percentile 27 hours (evening requests).",
    "rejected": "Wrong persona is the top reason (31 %): titles below manager level.",
    "pipeline": "$1.6M against $1.8M: webinar leads make up half of it.",
}


def _note(month: Period, anchor: Period, kind: str) -> str:
    return _NOTES[kind] if month == anchor else ""
