"""Demo wins and hard lessons (seeds 000, 001): what the two held meetings celebrated and
the lessons they took on, plus one win posted between meetings."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from alignmeet.demo_toolkit import DemoContext
from alignmeet.domain.enums import TeamTag
from alignmeet.services import Services
from alignmeet.services.board import BoardService

# (held meeting index or None, kind, title, details, author, team, solved)
_ENTRIES: tuple[tuple[int | None, str, str, str, str, TeamTag, bool], ...] = (
    (
        0,
        "win",
        "Fabrikam signed after two webinars and the pricing guide",
        "First deal we can attribute end-to-end to a campaign: both teams made it happen.",
        "priya",
        TeamTag.JOINT,
        False,
    ),
    (
        0,
        "win",
        "Webinar “Forecasting without spreadsheets”: 44 A-rated attendees",
        "186 registrations, 92 live. The Q&A gave us the migration and pricing objections.",
        "lucas",
        TeamTag.MARKETING,
        False,
    ),
    (
        0,
        "lesson",
        "Three SQLs went cold during the SDR holidays",
        "Nobody owned them for two weeks. Next: a named back-up owner and a hand-off checklist.",
        "liam",
        TeamTag.SALES,
        True,
    ),
    (
        0,
        "lesson",
        "41% of rejected leads had no reason recorded",
        "Marketing could not learn from silence. Fixed with the mandatory rejection reason.",
        "kenji",
        TeamTag.JOINT,
        True,
    ),
    (
        1,
        "win",
        "The webinar follow-up sequence booked 6 meetings in a week",
        "Three e-mails built from the Q&A, sent by SDRs the morning after.",
        "meilin",
        TeamTag.JOINT,
        False,
    ),
    (
        1,
        "win",
        "MQL→SQL conversion back up to 27%",
        "After pausing the LinkedIn lead-gen form campaign.",
        "elif",
        TeamTag.MARKETING,
        False,
    ),
    (
        1,
        "lesson",
        "Round-robin duplicated what the routing tool already does",
        "We spent two weeks on it. Check the tools we already have before building.",
        "liam",
        TeamTag.SALES,
        False,
    ),
    (
        1,
        "lesson",
        "The case study is stuck in Contoso's legal review",
        "Six weeks and counting. Ask for legal approval at the start next time, not at the end.",
        "sofia",
        TeamTag.JOINT,
        False,
    ),
    (
        None,
        "win",
        "Speed-to-lead report now goes out automatically every Monday",
        "Liam's weekly report, shared in the joint channel.",
        "liam",
        TeamTag.SALES,
        False,
    ),
)


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    """Wins and lessons stamped at the meetings' own time (and one between meetings)."""
    wins = lessons = 0
    for index, kind, title, details, author, team, _solved in _ENTRIES:
        if index is None:
            day = ctx.meeting_days[1] + timedelta(days=6)
            meeting_id = None
        else:
            day = ctx.meeting_days[index]
            meeting_id = ctx.held_meeting_ids[index]
        stamp = datetime.combine(day, time(11, 0)) + timedelta(minutes=wins + lessons)
        board = BoardService(services.db, lambda stamp=stamp: stamp)
        board.add_entry(
            kind=kind,
            title=title,
            details=details,
            team_tag=team,
            author_id=ctx.member_ids.get(author),
            meeting_id=meeting_id,
        )
        if kind == "win":
            wins += 1
        else:
            lessons += 1
    return {"wins": wins, "lessons": lessons}


# A lesson marked solved was solved two weeks after the meeting that raised it.
SOLVED_AFTER = timedelta(days=14)


def as_of(services: Services, ctx: DemoContext, moment: datetime) -> None:
    """Solve the lessons solved by `moment` (the demo goes forward in time: before each
    held meeting's minutes are recorded, then today)."""
    wanted = {
        title
        for index, kind, title, _d, _a, _t, solved in _ENTRIES
        if solved
        and index is not None
        and moment >= datetime.combine(ctx.meeting_days[index], time(11, 0)) + SOLVED_AFTER
    }
    for entry in services.board.entries(kind="lesson", unresolved_only=True):
        if entry.title in wanted:
            services.board.resolve(entry_id=entry.id)
