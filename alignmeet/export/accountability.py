"""Accountability on paper: its part of the minutes, the say/do report (.docx with a
calibration chart) and its CSV.

- The minutes' part is in `alignmeet.export.accountability_minutes` (no python-docx).
- `write_report(...)`: teams, members, calibration (a table and a chart), the meeting
  ratings per series, and how the figures are counted.
- `write_csv(...)`: one row per member, team and the total, safe against formula
  injection (`csv_cell`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx.shared import Pt
from PIL import Image, ImageDraw

from alignmeet.domain.accountability import (
    KEPT_TARGET,
    AccountabilityReport,
    CalibrationRow,
    SayDo,
    SeriesRatings,
    kept_text,
    percent,
    trend_text,
)
from alignmeet.domain.labels import label
from alignmeet.domain.rules import short_date
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Picture, Table
from alignmeet.export.atomic import atomic_write_bytes
from alignmeet.export.charts import _fit, _font, _png, _text_size
from alignmeet.export.csv_export import csv_cell
from alignmeet.export.docx_xml import (
    MUTED,
    document_bytes,
    fill_body,
    open_template,
    page_footer,
    para,
    resolve_styles,
    run,
    text_width,
    use_calibri,
)
from alignmeet.export.sections_docx import sections_xml
from alignmeet.i18n import _

__all__ = [
    "calibration_chart_png",
    "csv_bytes",
    "report_document_bytes",
    "write_csv",
    "write_report",
]


# --------------------------------------------------------------------------- the report


def _figures(figures: SayDo) -> str:
    return f"{figures.kept} / {figures.made}" if figures.made else "—"


def report_sections(
    report: AccountabilityReport, ratings: Sequence[SeriesRatings]
) -> tuple[DocSection, ...]:
    """The say/do report's sections: teams, members, calibration, meeting ratings and how
    the figures are counted."""
    recent = _("Last {days} days").format(days=report.window_days)
    return (
        _teams_section(report, recent),
        _members_section(report, recent),
        _calibration_section(report),
        _ratings_section(ratings),
        _counting_section(),
    )


def _teams_section(report: AccountabilityReport, recent: str) -> DocSection:
    teams = Table(
        header=(_("Team"), recent, _("Kept"), _("All time"), _("Kept"), _("Flag")),
        rows=tuple(
            (
                label(t.team_tag),
                _figures(t.recent),
                percent(t.recent.rate),
                _figures(t.all_time),
                percent(t.all_time.rate),
                _("below {target}").format(target=percent(KEPT_TARGET)) if t.flagged else "",
            )
            for t in report.teams
        ),
        weights=(3, 2, 2, 2, 2, 3),
    )
    return DocSection(
        _("Teams"),
        (
            teams,
            Paragraph(
                _("A team below {target} kept over the last {days} days is flagged.").format(
                    target=percent(KEPT_TARGET), days=report.window_days
                ),
                muted=True,
            ),
        ),
    )


def _members_section(report: AccountabilityReport, recent: str) -> DocSection:
    if not report.members:
        return DocSection(_("Members"), (Paragraph(_("No commitments yet."), muted=True),))
    members = Table(
        header=(
            _("Member"),
            _("Team"),
            recent,
            _("Kept"),
            _("All time"),
            _("Kept"),
            _("Not due yet"),
        ),
        rows=tuple(
            (
                m.name if m.active else _("{name} (left)").format(name=m.name),
                m.team_name,
                _figures(m.recent),
                percent(m.recent.rate),
                _figures(m.all_time),
                percent(m.all_time.rate),
                str(m.all_time.pending),
            )
            for m in report.members
        ),
        weights=(5, 3, 2, 2, 2, 2, 2),
    )
    return DocSection(_("Members"), (members,))


def _calibration_section(report: AccountabilityReport) -> DocSection:
    calibration = Table(
        header=(_("Confidence stated"), _("Counted"), _("Kept"), _("Kept %"), _("Calibrated")),
        rows=tuple(_calibration_row(row) for row in report.calibration_all),
        weights=(4, 2, 2, 2, 2),
    )
    return DocSection(
        _("Calibration"),
        (
            Paragraph(
                _(
                    "How often commitments made at each stated confidence were kept. "
                    "Calibrated, confidence n is kept about n × 20 % of the time."
                )
            ),
            calibration,
            Picture(
                calibration_chart_png(report.calibration_all),
                width_cm=14.0,
                caption=_("Kept % per stated confidence (bars) against calibrated (marks)."),
            ),
        ),
    )


def _ratings_section(ratings: Sequence[SeriesRatings]) -> DocSection:
    if not ratings:
        return DocSection(
            _("Meeting ratings"), (Paragraph(_("No meeting has been rated yet."), muted=True),)
        )
    table = Table(
        header=(_("Series"), _("Meetings rated"), _("Recent ratings")),
        rows=tuple((r.series_name, str(len(r.meetings)), trend_text(r)) for r in ratings),
        weights=(4, 2, 6),
    )
    return DocSection(_("Meeting ratings"), (table,))


def _counting_section() -> DocSection:
    return DocSection(
        _("How the figures are counted"),
        (
            Bullets(
                (
                    _(
                        "A commitment is an action whose owner said “I commit” in the "
                        "meeting that agreed it; other actions are not counted."
                    ),
                    _(
                        "Kept: done by the first promised due date, or by the start of the "
                        "next meeting of the series after it."
                    ),
                    _(
                        "Not kept: dropped, done later, or still open after that. Still open "
                        "before it: not counted yet."
                    ),
                    _("A re-dated action is judged against the date first promised."),
                )
            ),
        ),
    )


def _calibration_row(row: CalibrationRow) -> tuple[str, ...]:
    level = f"{row.level} / 5" if row.level is not None else _("Not stated")
    expected = percent(row.expected) if row.expected is not None else "—"
    return (
        level,
        str(row.say_do.made),
        str(row.say_do.kept),
        percent(row.say_do.rate),
        expected,
    )


def report_title(report: AccountabilityReport) -> str:
    if report.series_name:
        return _("Say/do and calibration — {series}").format(series=report.series_name)
    return _("Say/do and calibration")


def report_document_bytes(
    report: AccountabilityReport,
    ratings: Sequence[SeriesRatings],
    *,
    generated_at: datetime,
    template: Path | None = None,
) -> bytes:
    doc = open_template(template)
    section = doc.sections[-1]
    if template is None:
        section.left_margin = section.right_margin = Pt(72)
        use_calibri(doc)
    width = text_width(section)
    s = resolve_styles(doc)
    title = report_title(report)
    total = report.total_recent
    body = [
        para(run(title), s.title),
        para(
            run(
                _("As of {date} · last {days} days: {figures} · all time: {all}").format(
                    date=short_date(report.today),
                    days=report.window_days,
                    figures=kept_text(total),
                    all=kept_text(report.total_all),
                ),
                MUTED,
            ),
            after=200,
        ),
    ]
    body.extend(sections_xml(doc, report_sections(report, ratings), s, width))
    doc = fill_body(doc, "".join(body))
    page_footer(doc, doc.sections[-1], title, s, width)
    props = doc.core_properties
    props.title = title[:255]
    props.author = "AlignMeet"
    props.created = props.modified = generated_at
    return document_bytes(doc)


def write_report(
    report: AccountabilityReport,
    ratings: Sequence[SeriesRatings],
    path: Path,
    *,
    generated_at: datetime,
    template: Path | None = None,
) -> Path:
    """Write the report atomically (ExportError, old file kept, when it cannot)."""
    path = Path(path)
    atomic_write_bytes(
        path, report_document_bytes(report, ratings, generated_at=generated_at, template=template)
    )
    return path


# --------------------------------------------------------------------------- the chart


def calibration_chart_png(rows: Sequence[CalibrationRow], *, width: int = 1200) -> bytes:
    """Bars: kept % per stated confidence 1–5; a mark at the calibrated share (n × 20 %)."""
    scale = 2
    w, h = width * scale, int(width * 0.42) * scale
    image = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    small, bold = _font(20 * scale), _font(20 * scale, bold=True)
    left, right, top, bottom = 90 * scale, 20 * scale, 40 * scale, 60 * scale
    plot_h = h - top - bottom
    plot_w = w - left - right
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h - plot_h * tick / 100
        draw.line((left, y, w - right, y), fill=(225, 229, 234), width=scale)
        text = f"{tick} %"
        tw, th = _text_size(draw, text, small)
        draw.text(
            (left - tw - 8 * scale, y - th / 2 - 2 * scale), text, fill=(95, 102, 112), font=small
        )
    levels = [row for row in rows if row.level is not None]
    slot = plot_w / max(1, len(levels))
    for i, row in enumerate(levels):
        x0 = left + slot * i + slot * 0.22
        x1 = left + slot * (i + 1) - slot * 0.22
        rate = row.say_do.rate
        if rate is not None:
            y = top + plot_h - plot_h * rate
            colour = (46, 125, 50) if rate >= (row.expected or 0) else (230, 145, 0)
            draw.rectangle((x0, y, x1, top + plot_h), fill=colour)
            text = percent(rate)
            tw, th = _text_size(draw, text, bold)
            draw.text(((x0 + x1 - tw) / 2, y - th - 8 * scale), text, fill=(31, 35, 40), font=bold)
        expected = row.expected or 0
        ey = top + plot_h - plot_h * expected
        draw.line((x0 - 6 * scale, ey, x1 + 6 * scale, ey), fill=(31, 94, 168), width=3 * scale)
        caption = _fit(
            draw,
            _("{level}/5 · {made}").format(level=row.level, made=row.say_do.made),
            small,
            int(slot),
        )
        tw, _th = _text_size(draw, caption, small)
        draw.text(
            ((x0 + x1 - tw) / 2, top + plot_h + 10 * scale), caption, fill=(31, 35, 40), font=small
        )
    draw.line((left, top + plot_h, w - right, top + plot_h), fill=(95, 102, 112), width=scale)
    return _png(image, (w // scale, h // scale))


# --------------------------------------------------------------------------- CSV

CSV_HEADER = (
    "scope",
    "name",
    "team",
    "active",
    "last days",
    "made (last days)",
    "kept (last days)",
    "kept % (last days)",
    "made (all time)",
    "kept (all time)",
    "kept % (all time)",
    "not due yet",
    *(f"confidence {n}: made / kept" for n in range(1, 6)),
)


def _rate(figures: SayDo) -> str:
    return "" if figures.rate is None else f"{figures.rate * 100:.1f}"


def csv_bytes(report: AccountabilityReport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)

    def calibration(rows: Sequence[CalibrationRow]) -> list[str]:
        by_level = {row.level: row.say_do for row in rows}
        return [
            f"{by_level[n].made} / {by_level[n].kept}" if n in by_level else "" for n in range(1, 6)
        ]

    for m in report.members:
        writer.writerow(
            [
                "member",
                csv_cell(m.name),
                csv_cell(m.team_name),
                "yes" if m.active else "no",
                report.window_days,
                m.recent.made,
                m.recent.kept,
                _rate(m.recent),
                m.all_time.made,
                m.all_time.kept,
                _rate(m.all_time),
                m.all_time.pending,
                *calibration(m.calibration),
            ]
        )
    for t in report.teams:
        writer.writerow(
            [
                "team",
                t.team_tag.value,
                "",
                "",
                report.window_days,
                t.recent.made,
                t.recent.kept,
                _rate(t.recent),
                t.all_time.made,
                t.all_time.kept,
                _rate(t.all_time),
                t.all_time.pending,
                "",
                "",
                "",
                "",
                "",
            ]
        )
    writer.writerow(
        [
            "total",
            "",
            "",
            "",
            report.window_days,
            report.total_recent.made,
            report.total_recent.kept,
            _rate(report.total_recent),
            report.total_all.made,
            report.total_all.kept,
            _rate(report.total_all),
            report.total_all.pending,
            *calibration(report.calibration_all),
        ]
    )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_csv(report: AccountabilityReport, path: Path) -> Path:
    path = Path(path)
    atomic_write_bytes(path, csv_bytes(report))
    return path
