"""The shared dashboard as a report: a Word document (.docx) or one PNG picture.

The Word report has the dashboard's title and period, the shared revenue goal and its
progress, a table of every KPI (target, actual, against the target, trend), the activity
goals with their owner and decision, and one chart per KPI (actual against target over the
recent periods, drawn by `alignmeet.export.charts`). It is built the way the checklist is
(`alignmeet.export.docx_xml`: styles resolved once, the body written as WordprocessingML,
user text cleaned and escaped); the charts are real inline pictures. Both files are written
atomically: a failed export keeps the previous file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx.shared import Pt

from alignmeet.domain.goals import DashboardData, Disposition, KpiRow, KpiStatus
from alignmeet.domain.labels import label
from alignmeet.domain.rules import short_date
from alignmeet.export.atomic import atomic_write_bytes
from alignmeet.export.charts import (
    STATUS_COLOURS,
    chart_alt_text,
    dashboard_overview_png,
    row_chart_png,
    status_counts,
)
from alignmeet.export.docx_columns import Col, column_widths, team_labels
from alignmeet.export.docx_xml import (
    BOLD,
    LABEL,
    MUTED,
    MUTED_ITALIC,
    Styles,
    data_row,
    document_bytes_with_body,
    header_row,
    one_line,
    open_template,
    page_footer,
    page_setup,
    para,
    resolve_styles,
    run,
    table,
    tag_document,
    text_width,
    use_calibri,
)
from alignmeet.export.sanitize import clean_text
from alignmeet.export.sections_docx import picture_xml
from alignmeet.i18n import N_, _

__all__ = [
    "dashboard_document_bytes",
    "write_dashboard",
    "write_dashboard_png",
]

CHART_WIDTH_CM = 16.0


def write_dashboard(data: DashboardData, path: Path, *, template: Path | None = None) -> Path:
    """Write the dashboard as a Word report to `path` atomically; return `path`.
    Raises `ExportError` (the old file kept) when it cannot be written."""
    path = Path(path)
    atomic_write_bytes(path, dashboard_document_bytes(data, template=template))
    return path


def write_dashboard_png(data: DashboardData, path: Path, *, width: int = 1400) -> Path:
    """Write the whole dashboard as one PNG picture to `path` atomically; return `path`."""
    path = Path(path)
    atomic_write_bytes(path, dashboard_overview_png(data, width=width))
    return path


def dashboard_document_bytes(data: DashboardData, *, template: Path | None = None) -> bytes:
    doc = open_template(template)
    section = doc.sections[-1]
    if template is None:
        page_setup(section)
        section.left_margin = section.right_margin = Pt(64)
        use_calibri(doc)
    width = text_width(section)
    styles = resolve_styles(doc)
    title = one_line(data.title) or _("Shared dashboard")
    page_footer(doc, section, f"{one_line(title, 60)} · {data.period_label}", styles, width)
    _set_properties(doc, data, title)
    chart_cm = min(CHART_WIDTH_CM, width / 567 - 0.2)  # 567 twips per cm
    pictures = [
        picture_xml(
            doc,
            row_chart_png(row, width=900, height=400, show_title=False, print_width_cm=chart_cm),
            chart_cm,
            alt=chart_alt_text(row),
        )
        for row in data.rows
    ]
    tag_document(doc)
    return document_bytes_with_body(doc, _body(data, styles, width, title, pictures))


def _chart(row: KpiRow) -> bytes:
    return row_chart_png(row, width=900, height=370, show_title=False)


# ---- pictures ------------------------------------------------------------------------------


# ---- the body ------------------------------------------------------------------------------


def _colour(status: KpiStatus) -> str:
    r, g, b = STATUS_COLOURS[status]
    return f"{r:02X}{g:02X}{b:02X}"


def _status_rpr(status: KpiStatus) -> str:
    return f'<w:rPr><w:b/><w:bCs/><w:color w:val="{_colour(status)}"/></w:rPr>'


_DISPOSITION = {
    "continue": KpiStatus.ON_TARGET,
    "improve": KpiStatus.NEAR,
    "eliminate": KpiStatus.OFF_TARGET,
}


def _body(
    data: DashboardData, s: Styles, width: int, title: str, pictures: list[str]
) -> Iterator[str]:
    yield para(run(title), s.title)
    generated = _("generated {date}").format(date=short_date(data.generated_at.date()))
    line = f"{data.period_label} · {generated}"
    summary = status_counts(data)
    if summary:
        line += " · " + summary
    yield para(run(line, MUTED), after=240)
    yield from _revenue_goal(data, s)
    yield from _kpi_table(data, s, width)
    yield from _activity_goals(data, s, width)
    if data.rows:
        yield from _charts(data, s, pictures)


def _revenue_goal(data: DashboardData, s: Styles) -> Iterator[str]:
    """The shared revenue goal: title, progress, owner, notes (or that there is none)."""
    yield para(run(_("Shared revenue goal")), s.heading1)
    goal = data.revenue_goal
    if goal is None:
        text = _("No revenue goal is set for {period}.").format(period=data.period_label)
        yield para(run(text, MUTED_ITALIC))
        return
    yield para(run(goal.title, BOLD) + run(f"  ({goal.period_label})", MUTED))
    detail = goal.describe()
    if detail:
        yield para(run(_("Progress: "), LABEL) + run(detail))
    if goal.owner_name:
        yield para(run(_("Owner: "), LABEL) + run(goal.owner_name))
    if goal.notes:
        yield para(run(goal.notes, MUTED_ITALIC))


def _kpi_table(data: DashboardData, s: Styles, width: int) -> Iterator[str]:
    """The KPI table, then each KPI's note."""
    yield para(run(_("KPIs")), s.heading1)
    tt = s.table_text
    if not data.rows:
        yield para(run(_("No KPIs are defined yet."), MUTED_ITALIC))
        return
    names = (_("KPI"), _("Target"), _("Actual"), _("vs target"), _("Trend"))
    r = data.rows
    widths = column_widths(
        width,
        s.font,
        [
            Col(names[0], weight=1, least=1800),
            Col(names[1], texts=[x.target_text for x in r], least=1500),
            Col(names[2], texts=[x.value_text for x in r], least=2000),
            Col(names[3], texts=[x.vs_target_text for x in r], least=2100),
            Col(names[4], texts=[x.trend_text for x in r], least=1300),
        ],
    )
    rows = [header_row(widths, names, tt)]
    rows.extend(_kpi_row(row, widths, tt) for row in data.rows)
    yield table(widths, rows, style=s.table)
    notes = [row for row in data.rows if row.note]
    for row in notes:
        yield para(run(f"{row.kpi.name}: ", LABEL) + run(row.note, MUTED), before=60)


def _activity_goals(data: DashboardData, s: Styles, width: int) -> Iterator[str]:
    """The activity goals as a table: activity (and notes), owner, team, decision."""
    yield para(run(_("Activity goals")), s.heading1)
    if not data.activity_goals:
        text = _("No activity goals for {period}.").format(period=data.period_label)
        yield para(run(text, MUTED_ITALIC))
        return
    tt = s.table_text
    names = (_("Activity"), _("Owner"), _("Team"), _("Decision"))
    goals = data.activity_goals
    widths = column_widths(
        width,
        s.font,
        [
            Col(names[0], weight=1, least=1800),
            Col(names[1], texts=[g.owner_name or "—" for g in goals], least=2200),
            Col(names[2], texts=team_labels(), least=1200),
            Col(names[3], texts=[label(d) for d in Disposition], least=1300, bold=True),
        ],
    )
    rows = [header_row(widths, names, tt)]
    for g in data.activity_goals:
        decision = label(g.disposition) if g.disposition else "—"
        status = _DISPOSITION.get(g.disposition.value if g.disposition else "")
        text = run(g.title)
        if g.notes:
            text += run("\n" + g.notes, MUTED)
        rows.append(
            data_row(
                widths,
                (
                    para(text, tt),
                    para(run(g.owner_name or "—"), tt),
                    para(run(label(g.team_tag)), tt),
                    para(run(decision, _status_rpr(status) if status else BOLD), tt),
                ),
            )
        )
    yield table(widths, rows, style=s.table)


def _charts(data: DashboardData, s: Styles, pictures: list[str]) -> Iterator[str]:
    """One chart per KPI, from a new page: its name, description, picture and caption."""
    yield (
        f'<w:p><w:pPr><w:pStyle w:val="{s.heading1}"/><w:pageBreakBefore/></w:pPr>'
        f"{run(_('Charts'))}</w:p>"
    )
    for row, picture in zip(data.rows, pictures, strict=True):
        yield para(run(row.kpi.name), s.heading2)
        if row.kpi.description:
            yield para(run(row.kpi.description, MUTED), keep_next=True)
        yield para(picture, keep_next=True, after=60)
        caption = _(_CAPTIONS[row.kpi.period_kind.value]).format(
            direction=row.kpi.direction_text, n=len(row.history)
        )
        yield para(run(caption, MUTED_ITALIC), after=200)


# "Actual per month against the target (higher is better), last 6 periods."
_CAPTIONS = {
    "month": N_("Actual per month against the target ({direction}), last {n} periods."),
    "quarter": N_("Actual per quarter against the target ({direction}), last {n} periods."),
    "week": N_("Actual per week against the target ({direction}), last {n} periods."),
}


def _kpi_row(row: KpiRow, widths: list[int], tt: str) -> str:
    name = run(row.kpi.name, BOLD)
    name += run(f"\n{row.kpi.direction_text}", MUTED)
    return data_row(
        widths,
        (
            para(name, tt),
            para(run(row.target_text), tt),
            para(run(row.value_text), tt),
            para(run(row.vs_target_text, _status_rpr(row.status)), tt),
            para(run(row.trend_text), tt),
        ),
    )


def _set_properties(doc: Any, data: DashboardData, title: str) -> None:
    props = doc.core_properties

    def limited(text: str) -> str:
        return clean_text(text)[:255]

    props.title = limited(title)
    props.subject = limited(_("Shared goals and KPIs, {period}").format(period=data.period_label))
    props.author = "AlignMeet"
    props.last_modified_by = "AlignMeet"
    props.keywords = _("KPI, dashboard, goals")
    props.category = _("Dashboard")
    props.created = data.generated_at
    props.modified = data.generated_at
    props.revision = 1
