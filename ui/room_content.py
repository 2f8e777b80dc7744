"""What the room's screen shows of a toolkit agenda item, as plain data.

The facilitator's panel for the item (KPI review, lead feedback, glossary, data needs,
wins & lessons) is what the meeting discusses; `room_blocks(item, panel, services)` turns
what that panel shows right now into blocks for the audience window — a table, bars, a
chart, side-by-side lists, a line of text — which `ui.audience_window` draws in large
type. A persona an item names comes as its card. Only what the panel shows on its face
reaches the room (never notes typed on the laptop).

Blocks are frozen dataclasses: two equal tuples of blocks mean nothing to redraw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from alignmeet.domain.board import BoardKind
from alignmeet.domain.enums import ItemKind
from alignmeet.domain.goals import KpiStatus, format_value
from alignmeet.domain.lead_feedback import percent
from alignmeet.domain.personas import profile_blocks
from alignmeet.domain.records import AgendaItemRecord
from alignmeet.services import NotFoundError
from ui.core_labels import label

if TYPE_CHECKING:
    from alignmeet.services import Services

MAX_ROWS = 10  # rows of a table or lines of a list on the room's screen


@dataclass(frozen=True)
class Cell:
    text: str
    tone: str = ""  # "" | "good" | "warn" | "bad" | "muted"


@dataclass(frozen=True)
class TextBlock:
    text: str
    tone: str = ""
    large: bool = False


@dataclass(frozen=True)
class TableBlock:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class BarsBlock:
    """Horizontal bars: (label, share 0..1, value text)."""

    bars: tuple[tuple[str, float, str], ...]


@dataclass(frozen=True)
class ChartBlock:
    """A line over periods with the target as a dashed line."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    target: float | None
    value_texts: tuple[str, ...]  # the values as shown ("29.1 %")
    target_text: str = ""  # "target ≥ 30 %"


@dataclass(frozen=True)
class ColumnsBlock:
    """Lists side by side: (heading, lines, tone of the heading)."""

    columns: tuple[tuple[str, tuple[str, ...], str], ...]


Block = TextBlock | TableBlock | BarsBlock | ChartBlock | ColumnsBlock

_STATUS_TONE = {
    KpiStatus.ON_TARGET: "good",
    KpiStatus.NEAR: "warn",
    KpiStatus.OFF_TARGET: "bad",
}


def room_blocks(item: AgendaItemRecord, panel: Any, services: Services) -> tuple[Block, ...]:
    """The blocks for the room while `item` is discussed (`panel`: its toolkit panel on the
    laptop, or None)."""
    blocks: tuple[Block, ...] = ()
    builder = _BUILDERS.get(item.kind)
    if builder is not None and panel is not None:
        try:
            blocks = builder(panel, services)
        except NotFoundError:
            blocks = ()
    if item.persona_id is not None:
        blocks += persona_blocks(item.persona_id, services)
    return blocks


# ---- KPI review -----------------------------------------------------------------------------
def kpi_blocks(panel: Any, services: Services) -> tuple[Block, ...]:
    from ui.models.goals_tables_model import trend_text, vs_target_text

    data = panel.data
    if data is None:
        return ()
    blocks: list[Block] = []
    goal = data.revenue_goal
    if goal is not None:
        blocks.append(
            TextBlock(
                QCoreApplication.translate("Room", "Shared revenue goal, {period}: {goal}").format(
                    period=goal.period_label, goal=goal.title
                )
                + " — "
                + panel.goal_strip.detail_text(goal)
            )
        )
    rows = tuple(
        (
            Cell(r.kpi.name),
            Cell(r.target_text),
            Cell(format_value(r.value, r.kpi.unit) + (" *" if r.is_earlier else "")),
            Cell(vs_target_text(r, compact=True), _STATUS_TONE.get(r.status, "muted")),
            Cell(trend_text(r)),
        )
        for r in data.rows[:MAX_ROWS]
    )
    if rows:
        blocks.append(
            TableBlock(
                (
                    QCoreApplication.translate("Room", "KPI"),
                    QCoreApplication.translate("Room", "Target"),
                    QCoreApplication.translate("Room", "Actual"),
                    QCoreApplication.translate("Room", "vs target"),
                    QCoreApplication.translate("Room", "Trend"),
                ),
                rows,
            )
        )
    chosen = next((r for r in data.rows if r.kpi.id == panel.chart_kpi_id), None)
    if chosen is None and data.rows:
        chosen = data.rows[0]
    if chosen is not None and chosen.history:
        points = chosen.history
        blocks.append(
            ChartBlock(
                title=chosen.kpi.name,
                labels=tuple(p.label for p in points),
                values=tuple(p.value for p in points),
                target=chosen.target,
                value_texts=tuple(format_value(p.value, chosen.kpi.unit) for p in points),
                target_text=QCoreApplication.translate("Room", "target {target}").format(
                    target=chosen.target_text
                )
                if chosen.target is not None
                else "",
            )
        )
    if not data.rows:
        blocks.append(
            TextBlock(QCoreApplication.translate("Room", "No KPIs defined yet."), "muted")
        )
    return tuple(blocks)


# ---- lead feedback --------------------------------------------------------------------------
def lead_feedback_blocks(panel: Any, services: Services) -> tuple[Block, ...]:
    from ui.views.toolkit.lead_feedback_view import breakdown_summary

    batches = panel.shown_batches()
    if not batches:
        return (
            TextBlock(QCoreApplication.translate("Room", "No lead batches to review."), "muted"),
        )
    data = services.lead_feedback.breakdown(batch_ids=[b.id for b in batches])
    bars = tuple(
        (
            label(share.reason.label),
            share.share,
            f"{share.count} · {percent(share.share)}",
        )
        for share in data.ranked()
        if share.count
    )
    return (TextBlock(breakdown_summary(data), large=True), BarsBlock(bars))


# ---- glossary -------------------------------------------------------------------------------
def glossary_blocks(panel: Any, services: Services) -> tuple[Block, ...]:
    proposal = panel.selected_proposal()
    if proposal is None:
        terms = services.glossary.current_definitions()[:MAX_ROWS]
        rows = tuple((Cell(t.term), Cell(t.definition or "—")) for t in terms)
        return (
            TextBlock(
                QCoreApplication.translate("Room", "Nothing on the table: the agreed definitions."),
                "muted",
            ),
            TableBlock(
                (
                    QCoreApplication.translate("Room", "Term"),
                    QCoreApplication.translate("Room", "Definition"),
                ),
                rows,
            ),
        )
    current = next(
        (t.current for t in services.glossary.current_definitions() if t.id == proposal.term_id),
        None,
    )
    current_heading = (
        QCoreApplication.translate("Room", "Current ({version})").format(version=current.label)
        if current
        else QCoreApplication.translate("Room", "Current")
    )
    return (
        TextBlock(proposal.term, large=True),
        ColumnsBlock(
            (
                (
                    current_heading,
                    (current.definition,)
                    if current
                    else (QCoreApplication.translate("Room", "No agreed definition yet"),),
                    "muted",
                ),
                (
                    QCoreApplication.translate("Room", "Proposed ({version})").format(
                        version=proposal.label
                    ),
                    (proposal.definition,),
                    "warn",
                ),
            )
        ),
    )


# ---- data needs -----------------------------------------------------------------------------
def data_needs_blocks(panel: Any, services: Services) -> tuple[Block, ...]:
    service = services.data_needs
    joint = service.joint_top10()
    if joint:
        lines = tuple(
            f"{n.joint_rank}. {n.title}" + (f" — {n.owner_name}" if n.owner_name else "")
            for n in joint
        )
        half = (len(lines) + 1) // 2  # two columns of five: the ten fit any screen
        return (
            TextBlock(QCoreApplication.translate("Room", "Our joint Top 10"), large=True),
            ColumnsBlock(
                (
                    (QCoreApplication.translate("Room", "Agreed"), lines[:half], "good"),
                    ("", lines[half:], "good"),
                )
            ),
        )
    comparison = service.overlap()
    columns: list[tuple[str, tuple[str, ...], str]] = [
        (
            QCoreApplication.translate("Room", "★ Wanted by both"),
            tuple(n.title for n in comparison.shared[:MAX_ROWS]) or ("—",),
            "good",
        )
    ]
    for team_id, name in comparison.teams:
        own = comparison.only_for(team_id)[:MAX_ROWS]
        columns.append(
            (
                QCoreApplication.translate("Room", "Only {team}").format(team=name),
                tuple(n.title for n in own) or ("—",),
                "muted",
            )
        )
    from ui.views.toolkit.data_needs_view import describe

    return (TextBlock(describe(comparison)), ColumnsBlock(tuple(columns)))


# ---- wins & lessons -------------------------------------------------------------------------
def board_blocks(panel: Any, services: Services) -> tuple[Block, ...]:
    board = services.board
    entries = board.entries(meeting_id=panel.meeting_id)
    wins = tuple(e.title for e in entries if e.kind is BoardKind.WIN)[:MAX_ROWS]
    lessons = tuple(e.title for e in entries if e.kind is BoardKind.LESSON)[:MAX_ROWS]
    blocks: list[Block] = [
        ColumnsBlock(
            (
                (
                    QCoreApplication.translate("Room", "Wins"),
                    wins or (QCoreApplication.translate("Room", "None yet"),),
                    "good",
                ),
                (
                    QCoreApplication.translate("Room", "Lessons"),
                    lessons or (QCoreApplication.translate("Room", "None yet"),),
                    "warn",
                ),
            )
        )
    ]
    earlier = [
        e.title
        for e in board.entries(kind=BoardKind.LESSON, unresolved_only=True)
        if e.meeting_id != panel.meeting_id
    ]
    if earlier:
        blocks.append(
            TextBlock(
                QCoreApplication.translate("Room", "Still open from before: {titles}").format(
                    titles="; ".join(earlier[:3])
                ),
                "muted",
            )
        )
    return tuple(blocks)


# ---- persona --------------------------------------------------------------------------------
def persona_blocks(persona_id: int, services: Services) -> tuple[Block, ...]:
    try:
        persona = services.personas.get_persona(persona_id)
    except NotFoundError:
        return ()
    title = f"{persona.name} · {persona.role}" if persona.role else persona.name
    return (
        TextBlock(title, large=True),
        ColumnsBlock(
            tuple(
                (heading, points[:MAX_ROWS] or ("—",), "")
                for heading, points in profile_blocks(persona)
            )
        ),
    )


_BUILDERS = {
    ItemKind.KPI_REVIEW: kpi_blocks,
    ItemKind.LEAD_FEEDBACK: lead_feedback_blocks,
    ItemKind.GLOSSARY: glossary_blocks,
    ItemKind.DATA_NEEDS: data_needs_blocks,
    ItemKind.WINS_LESSONS: board_blocks,
}
