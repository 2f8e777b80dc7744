"""KPI charts as PNG pictures, drawn with Pillow only (no plotting library, no Qt).

`kpi_chart_png` draws one KPI over its recent periods: the actual value per period (bars
coloured by how they stand against the target, or a line) and the target as a dashed line,
with the axes labelled and a legend. `dashboard_chart_png` puts every KPI of a dashboard
side by side (for the minutes), and `dashboard_overview_png` is the whole dashboard on one
picture (title, revenue goal, status table, charts) for `alignmeet-cli export dashboard
--out dashboard.png`.

Everything is drawn at twice the size asked for and scaled down, so lines and text stay
smooth. Fonts: DejaVu Sans when installed, else Pillow's own scalable default font.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.chart_scale import STATUS_COLOURS, nice_ticks
from alignmeet.domain.goals import (
    DashboardData,
    Disposition,
    GoalRecord,
    KpiPoint,
    KpiRow,
    KpiStatus,
    format_number,
    format_value,
    kpi_status,
)
from alignmeet.domain.labels import label
from alignmeet.domain.rules import short_date
from alignmeet.export.sanitize import clean_text
from alignmeet.i18n import N_, _

__all__ = [
    "MIN_PRINT_PT",
    "STATUS_COLOURS",
    "chart_alt_text",
    "dashboard_chart_png",
    "dashboard_overview_png",
    "drawable",
    "kpi_chart_png",
    "min_text_px",
    "nice_ticks",
    "row_chart_png",
    "status_counts",
]

SS = 2  # supersampling factor

INK = (33, 37, 41)
MUTED = (96, 103, 112)
GRID = (222, 226, 230)
AXIS = (134, 142, 150)
TARGET = (33, 37, 41)
LINE = (31, 94, 168)
WHITE = (255, 255, 255)


# ---- fonts ---------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _font(size: int, bold: bool = False) -> Any:
    names = ("DejaVuSans-Bold.ttf",) if bold else ("DejaVuSans.ttf",)
    names += ("/usr/share/fonts/truetype/dejavu/" + names[0],)
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # pragma: no cover - Pillow < 10.1
        return ImageFont.load_default()


def _text_size(draw: ImageDraw.ImageDraw, text: str, font: Any) -> tuple[int, int]:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    return right - left, bottom - top


@lru_cache(maxsize=4096)
def _has_glyph(font: Any, char: str) -> bool:
    """Whether `font` draws `char` (rather than its empty box, the .notdef glyph)."""
    if char.isspace() or not char.isprintable():
        return True
    try:
        missing = bytes(font.getmask("\U0010fffd")), font.getbbox("\U0010fffd")
        return (bytes(font.getmask(char)), font.getbbox(char)) != missing
    except (AttributeError, OSError, ValueError):  # pragma: no cover - a bitmap font
        return True


def drawable(text: str, font: Any) -> str:
    """`text` without the characters `font` has no glyph for: DejaVu Sans draws arrows,
    ticks, ▲▼ and most symbols, but no emoji (and no colour emoji font is installed), so an
    emoji would print as an empty box; it is left out and the words around it kept."""
    if text.isascii():
        return text
    kept = "".join(ch for ch in text if _has_glyph(font, ch))
    return " ".join(kept.split()) if kept != text else text


def _fit(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int) -> str:
    """`text` cut with "…" to fit `width` pixels (characters the font lacks left out)."""
    text = drawable(" ".join(clean_text(text).split()), font)
    if _text_size(draw, text, font)[0] <= width:
        return text
    # The longest prefix that fits with "…": a binary search, so a 10,000-character name
    # costs ~14 layouts instead of one per character (minutes for a long text).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _text_size(draw, text[:middle] + "…", font)[0] <= width:
            low = middle
        else:
            high = middle - 1
    return bidi_safe(text, low + 1, isolate=False)  # the cut leaves no override open


def _png(image: Image.Image, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    image.resize(size, Image.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()


# ---- axes ----------------------------------------------------------------------------------


def _axis_text(value: float, unit: str) -> str:
    if unit.strip() == "%":
        return f"{format_number(value)} %"
    return format_value(value, unit, compact=True)


# ---- one KPI -------------------------------------------------------------------------------


def kpi_chart_png(
    *,
    title: str,
    points: Sequence[KpiPoint],
    unit: str = "",
    higher_is_better: bool = True,
    style: str = "bar",
    width: int = 900,
    height: int = 420,
    subtitle: str = "",
    print_width_cm: float | None = None,
) -> bytes:
    """One KPI over its periods as PNG bytes: actual (bars coloured by status, or a line)
    against the target (dashed), axis labels and a legend. `width`/`height` in pixels;
    `print_width_cm`: how wide it is printed, so that no text is under 8 pt on paper."""
    image = _kpi_chart_image(
        title=title,
        points=points,
        unit=unit,
        higher_is_better=higher_is_better,
        style=style,
        width=width,
        height=height,
        subtitle=subtitle,
        min_base=min_text_px(width, print_width_cm),
    )
    return _png(image, (width, height))


@dataclass(frozen=True)
class _Canvas:
    """A chart being drawn: its picture (SS times the size asked), its pen, its margin and
    its three type sizes."""

    image: Image.Image
    draw: ImageDraw.ImageDraw
    pad: int
    f_title: Any
    f_text: Any
    f_small: Any

    @property
    def w(self) -> int:
        return self.image.width

    @property
    def h(self) -> int:
        return self.image.height

    def line_height(self, font: Any) -> int:
        return _text_size(self.draw, "Ag", font)[1]


@dataclass(frozen=True)
class _Plot:
    """Where the plot sits on the canvas and how values map onto it."""

    left: int
    right: int
    top: int
    bottom: int
    t_low: float
    t_high: float
    n: int  # periods, one slot each

    @property
    def slot(self) -> float:
        return (self.right - self.left) / self.n

    def x(self, i: float) -> float:
        """The middle of period `i`'s slot."""
        return self.left + self.slot * (i + 0.5)

    def to_y(self, value: float) -> float:
        return self.bottom - (value - self.t_low) / (self.t_high - self.t_low) * (
            self.bottom - self.top
        )

    @property
    def zero_y(self) -> float:
        return self.to_y(0.0) if self.t_low <= 0 <= self.t_high else self.bottom


def _kpi_chart_image(
    *,
    title: str,
    points: Sequence[KpiPoint],
    unit: str,
    higher_is_better: bool,
    style: str,
    width: int,
    height: int,
    subtitle: str = "",
    show_title: bool = True,
    min_base: int = 11,
) -> Image.Image:
    # A unit is one short line (services.goals validates it so); text layout fails on the
    # paragraph separators (CR, U+0085, U+2029, ...) a unit stored some other way might hold.
    unit = " ".join(clean_text(unit).split())
    image = Image.new("RGB", (width * SS, height * SS), WHITE)
    base = max(min_base, min(width, height * 2) // 48)  # type size grows with the chart
    canvas = _Canvas(
        image=image,
        draw=ImageDraw.Draw(image),
        pad=14 * SS,
        f_title=_font(int(base * 1.45) * SS, bold=True),
        f_text=_font(base * SS),
        f_small=_font(max(int(base * 0.92), min_base - 1) * SS),
    )
    unit = drawable(unit, canvas.f_small)
    y = _draw_heading(canvas, title if show_title else None, subtitle)
    y = _draw_legend(canvas, _legend(points, style, higher_is_better), y)
    plot = _draw_axes(canvas, points, unit, y)
    if plot is None:
        return image
    _draw_x_labels(canvas, plot, points)
    if style == "line":
        _draw_line(canvas, plot, points)
    else:
        _draw_bars(canvas, plot, points, higher_is_better)
    _draw_targets(canvas, plot, points)
    _draw_latest(canvas, plot, points, unit)
    return image


def _draw_heading(canvas: _Canvas, title: str | None, subtitle: str) -> int:
    """The title (unless None) and subtitle, each on one line; the y below them."""
    draw, pad, w = canvas.draw, canvas.pad, canvas.w
    y = pad
    if title is not None:
        f_title = canvas.f_title
        draw.text((pad, y), _fit(draw, title, f_title, w - 2 * pad), font=f_title, fill=INK)
        y += canvas.line_height(f_title) + 8 * SS
    if subtitle:
        f_small = canvas.f_small
        draw.text((pad, y), _fit(draw, subtitle, f_small, w - 2 * pad), font=f_small, fill=MUTED)
        y += canvas.line_height(f_small) + 6 * SS
    return y


_LegendEntry = tuple[str, str, tuple[int, int, int]]  # kind ("box", "line", "dash"), text, colour


def _legend(points: Sequence[KpiPoint], style: str, higher_is_better: bool) -> list[_LegendEntry]:
    """What the chart's marks mean: the line, or each status a bar has; the target."""
    legend: list[_LegendEntry] = []
    if style == "line":
        legend.append(("line", _("Actual"), LINE))
    else:
        used = {
            kpi_status(p.value, p.target, higher_is_better) for p in points if p.value is not None
        }
        for status in (
            KpiStatus.ON_TARGET,
            KpiStatus.NEAR,
            KpiStatus.OFF_TARGET,
            KpiStatus.NO_TARGET,
        ):
            if status in used:
                legend.append(("box", label(status), STATUS_COLOURS[status]))
        if not legend:
            legend.append(("box", _("Actual"), STATUS_COLOURS[KpiStatus.NO_TARGET]))
    if any(p.target is not None for p in points):
        legend.append(("dash", _("Target"), TARGET))
    return legend


def _draw_legend(canvas: _Canvas, legend: Sequence[_LegendEntry], y: int) -> int:
    """The legend in a row from `y`, wrapped when it is wider than the chart; the y below."""
    draw, pad, w, f_text = canvas.draw, canvas.pad, canvas.w, canvas.f_text
    lx = pad
    sw = 22 * SS
    line_h = canvas.line_height(f_text) + 6 * SS
    for kind, text, colour in legend:
        entry = (14 if kind == "box" else 22) * SS + 6 * SS + _text_size(draw, text, f_text)[0]
        if lx > pad and lx + entry > w - pad:  # no room left on this line: the next one
            lx = pad
            y += line_h
        cy = y + canvas.line_height(f_text) // 2 + 2 * SS
        if kind == "box":
            draw.rectangle((lx, cy - 7 * SS, lx + 14 * SS, cy + 7 * SS), fill=colour)
            lx += 14 * SS + 6 * SS
        elif kind == "line":
            draw.line((lx, cy, lx + sw, cy), fill=colour, width=3 * SS)
            draw.ellipse(
                (lx + sw // 2 - 4 * SS, cy - 4 * SS, lx + sw // 2 + 4 * SS, cy + 4 * SS),
                fill=colour,
            )
            lx += sw + 6 * SS
        else:
            _dashed(draw, (lx, cy), (lx + sw, cy), colour, 2 * SS)
            lx += sw + 6 * SS
        draw.text((lx, y), text, font=f_text, fill=INK)
        lx += _text_size(draw, text, f_text)[0] + 18 * SS
    return y + canvas.line_height(f_text) + 14 * SS


def _draw_axes(canvas: _Canvas, points: Sequence[KpiPoint], unit: str, top: int) -> _Plot | None:
    """The value axis (ticks, grid lines, labels) and the base line of a plot from `top`
    down; None, with a note instead, when there is nothing to plot."""
    draw, pad, w, h, f_small = canvas.draw, canvas.pad, canvas.w, canvas.h, canvas.f_small
    values = [p.value for p in points if p.value is not None]
    targets = [p.target for p in points if p.target is not None]
    everything = values + targets
    label_h = canvas.line_height(f_small)
    if not everything:
        draw.text(
            (pad, top + 20 * SS),
            _("No measurements yet for these periods."),
            font=canvas.f_text,
            fill=MUTED,
        )
        return None
    low = min(0.0, min(everything))
    high = max(everything)
    if high <= low:
        high = low + 1
    ticks = nice_ticks(low, high * 1.08 if high > 0 else high)
    t_low, t_high = ticks[0], ticks[-1]
    if t_high <= t_low:
        t_high = t_low + 1
    tick_labels = [_axis_text(t, unit) for t in ticks]
    axis_w = max(_text_size(draw, t, f_small)[0] for t in tick_labels) + 10 * SS
    plot = _Plot(
        left=pad + axis_w,
        right=w - pad,
        top=top,
        bottom=h - pad - label_h - 8 * SS,
        t_low=t_low,
        t_high=t_high,
        n=max(1, len(points)),
    )
    left, right = plot.left, plot.right
    for tick, text in zip(ticks, tick_labels, strict=True):
        ty = plot.to_y(tick)
        draw.line((left, ty, right, ty), fill=GRID, width=SS)
        tw, th = _text_size(draw, text, f_small)
        draw.text((left - 8 * SS - tw, ty - th // 2 - 2 * SS), text, font=f_small, fill=MUTED)
    draw.line((left, plot.bottom, right, plot.bottom), fill=AXIS, width=SS)
    return plot


def _draw_x_labels(canvas: _Canvas, plot: _Plot, points: Sequence[KpiPoint]) -> None:
    """The periods under the axis: as many as fit, always the latest."""
    draw, f_small = canvas.draw, canvas.f_small
    n = plot.n
    widest = max((_text_size(draw, p.label, f_small)[0] for p in points), default=0)
    every = max(1, math.ceil((widest + 10 * SS) / max(plot.slot, 1)))
    for i, point in enumerate(points):
        cx = plot.x(i)
        if (n - 1 - i) % every == 0:  # always label the latest period
            tw, _height = _text_size(draw, point.label, f_small)
            colour = INK if i == n - 1 else MUTED
            x = min(max(cx - tw / 2, plot.left), canvas.w - canvas.pad // 2 - tw)  # never cut
            draw.text((x, plot.bottom + 6 * SS), point.label, font=f_small, fill=colour)


def _draw_line(canvas: _Canvas, plot: _Plot, points: Sequence[KpiPoint]) -> None:
    """The actual values as a line (broken where a period has none) with a dot each."""
    draw = canvas.draw
    previous: tuple[float, float] | None = None
    for i, point in enumerate(points):
        if point.value is None:
            previous = None
            continue
        cx, cy = plot.x(i), plot.to_y(point.value)
        if previous is not None:
            draw.line((*previous, cx, cy), fill=LINE, width=3 * SS)
        previous = (cx, cy)
    for i, point in enumerate(points):
        if point.value is not None:
            cx, cy = plot.x(i), plot.to_y(point.value)
            r = 5 * SS
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=LINE, outline=WHITE, width=SS)


def _draw_bars(
    canvas: _Canvas, plot: _Plot, points: Sequence[KpiPoint], higher_is_better: bool
) -> None:
    """The actual values as bars from zero, coloured by how they stand against the target."""
    bar = max(2 * SS, plot.slot * 0.62)
    zero_y = plot.zero_y
    for i, point in enumerate(points):
        if point.value is None:
            continue
        cx = plot.x(i)
        status = kpi_status(point.value, point.target, higher_is_better)
        y1, y2 = sorted((zero_y, plot.to_y(point.value)))
        canvas.draw.rectangle(
            (cx - bar / 2, y1, cx + bar / 2, max(y2, y1 + SS)), fill=STATUS_COLOURS[status]
        )


def _draw_targets(canvas: _Canvas, plot: _Plot, points: Sequence[KpiPoint]) -> None:
    """The target: a dashed step line across each period that has one."""
    for i, point in enumerate(points):
        if point.target is None:
            continue
        x1, x2 = plot.left + plot.slot * i + 2 * SS, plot.left + plot.slot * (i + 1) - 2 * SS
        ty = plot.to_y(point.target)
        _dashed(canvas.draw, (x1, ty), (x2, ty), TARGET, 2 * SS)


def _draw_latest(canvas: _Canvas, plot: _Plot, points: Sequence[KpiPoint], unit: str) -> None:
    """The latest value, written above its bar or point."""
    n = plot.n
    latest = next((i for i in range(n - 1, -1, -1) if points[i].value is not None), None)
    if latest is None:
        return
    draw, f_text, left, slot = canvas.draw, canvas.f_text, plot.left, plot.slot
    value = points[latest].value
    assert value is not None
    text = format_value(value, unit)
    tw, th = _text_size(draw, text, f_text)
    cx = plot.x(latest)
    tx = min(max(cx - tw / 2, left), plot.right - tw)
    # Above every bar, point and target line the label spans, not only its own: a label
    # wider than its slot must not cover the neighbouring bars.
    first = max(0, int((tx - 3 * SS - left) // slot))
    last = min(n - 1, int((tx + tw + 3 * SS - left) // slot))
    zero_y = plot.zero_y
    highest = min(plot.to_y(value), zero_y)
    for i in range(first, last + 1):
        for v in (points[i].value, points[i].target):
            if v is not None:
                highest = min(highest, plot.to_y(v), zero_y)
    ty = max(plot.top - th, highest - th - 12 * SS)
    draw.rectangle((tx - 3 * SS, ty, tx + tw + 3 * SS, ty + th + 6 * SS), fill=WHITE)
    draw.text((tx, ty), text, font=f_text, fill=INK)


def _dashed(
    draw: ImageDraw.ImageDraw,
    start: tuple[float, float],
    end: tuple[float, float],
    colour: tuple[int, int, int],
    width: int,
) -> None:
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return
    dash, gap = 7 * SS, 5 * SS
    dx, dy = (x2 - x1) / length, (y2 - y1) / length
    pos = 0.0
    while pos < length:
        stop = min(pos + dash, length)
        draw.line(
            (x1 + dx * pos, y1 + dy * pos, x1 + dx * stop, y1 + dy * stop), fill=colour, width=width
        )
        pos = stop + gap


def _row_chart(
    row: KpiRow, width: int, height: int, show_title: bool = True, min_base: int = 11
) -> Image.Image:
    direction = _("higher is better") if row.kpi.higher_is_better else _("lower is better")
    subtitle = _("{period}: {value} · target {target} · {direction}").format(
        period=row.period_label, value=row.value_text, target=row.target_text, direction=direction
    )
    return _kpi_chart_image(
        title=row.kpi.name,
        points=row.history,
        unit=row.kpi.unit,
        higher_is_better=row.kpi.higher_is_better,
        style="bar",
        width=width,
        height=height,
        subtitle=subtitle,
        show_title=show_title,
        min_base=min_base,
    )


def row_chart_png(
    row: KpiRow,
    *,
    width: int = 900,
    height: int = 400,
    show_title: bool = True,
    print_width_cm: float | None = None,
) -> bytes:
    """One dashboard row's chart (the KPI over its history) as PNG bytes; printed
    `print_width_cm` wide, no text in it is under 8 pt."""
    min_base = min_text_px(width, print_width_cm)
    return _png(_row_chart(row, width, height, show_title, min_base), (width, height))


# The smallest text on paper (QUALITY: charts readable when printed).
MIN_PRINT_PT = 8.0


def min_text_px(width_px: int, print_width_cm: float | None) -> int:
    """The body text size (px) a chart `width_px` wide needs so that its smallest text
    (0.92 of it) is at least MIN_PRINT_PT when printed `print_width_cm` wide."""
    if not print_width_cm:
        return 11
    pt_per_px = print_width_cm / 2.54 * 72 / max(1, width_px)
    return max(11, math.ceil(MIN_PRINT_PT / pt_per_px / 0.92) + 1)


# ---- the whole dashboard -------------------------------------------------------------------


def _grid(
    rows: Sequence[KpiRow], columns: int, cell_w: int, cell_h: int, gap: int, min_base: int = 11
) -> Image.Image:
    count = max(1, len(rows))
    lines = math.ceil(count / columns)
    w = (cell_w * columns + gap * (columns - 1)) * SS
    h = (cell_h * lines + gap * (lines - 1)) * SS
    image = Image.new("RGB", (w, h), WHITE)
    for i, row in enumerate(rows):
        r, c = divmod(i, columns)
        chart = _row_chart(row, cell_w, cell_h, min_base=min_base)
        x, y = c * (cell_w + gap) * SS, r * (cell_h + gap) * SS
        image.paste(chart, (x, y))
        ImageDraw.Draw(image).rectangle(
            (x, y, x + chart.width - 1, y + chart.height - 1), outline=GRID, width=SS
        )
    return image


def dashboard_chart_png(
    data: DashboardData, *, columns: int = 2, print_width_cm: float | None = None
) -> bytes:
    """Every KPI's chart of `data`, `columns` side by side (one KPI takes the whole width),
    as one PNG (for the minutes); printed `print_width_cm` wide, no text is under 8 pt."""
    columns = max(1, min(columns, len(data.rows)))
    gap = 16
    cell_w = (1256 - gap * (columns - 1)) // columns
    cell_h = 440 if columns > 1 else 520
    min_base = min_text_px(cell_w * columns + gap * (columns - 1), print_width_cm)
    image = _grid(data.rows, columns, cell_w, cell_h, gap, min_base)
    return _png(image, (image.width // SS, image.height // SS))


def chart_alt_text(row: KpiRow) -> str:
    """What a KPI's chart shows, in words, for people who cannot see it (the picture's
    alternative text): the KPI, the periods, the latest value against its target."""
    periods = [p.label for p in row.history]
    span = f"{periods[0]}–{periods[-1]}" if len(periods) > 1 else "".join(periods)
    direction = _("higher is better") if row.kpi.higher_is_better else _("lower is better")
    return _(
        "Bar chart of {kpi} per period, {span}, against its target (dashed line): "
        "{period} {value}, target {target}, {status} ({direction})."
    ).format(
        kpi=row.kpi.name,
        span=span,
        period=row.period_label,
        value=row.value_text,
        target=row.target_text,
        status=_(row.status.label),
        direction=direction,
    )


@dataclass(frozen=True)
class _Page:
    """The overview being drawn: its pen, left edge and inner width, line height and
    type sizes (all SS times the size asked)."""

    draw: ImageDraw.ImageDraw
    x0: int
    inner: int
    line_h: int
    f_title: Any
    f_head: Any
    f_text: Any
    f_small: Any


def _overview_fonts() -> tuple[Any, Any, Any, Any]:
    """The overview's title, heading, text and small type."""
    return (
        _font(30 * SS, bold=True),
        _font(17 * SS, bold=True),
        _font(16 * SS),
        _font(14 * SS),
    )


def dashboard_overview_png(data: DashboardData, *, width: int = 1400) -> bytes:
    """The whole dashboard on one picture: title and period, the revenue goal with its
    progress, the KPI status table and every KPI's chart (at least 640 px wide: the
    table's columns need it)."""
    width = max(width, 640)
    pad, gap = 28, 18
    columns = 2
    cell_w = (width - 2 * pad - gap * (columns - 1)) // columns
    cell_h = 360
    charts = _grid(data.rows, columns, cell_w, cell_h, gap) if data.rows else None

    f_title, f_head, f_text, f_small = _overview_fonts()
    scratch = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    line_h = _text_size(scratch, "Ag", f_text)[1] + 16 * SS
    header_h = 140 * SS
    table_h = (len(data.rows) + 1) * line_h + 24 * SS if data.rows else 60 * SS
    goals_h = (len(data.activity_goals) + 1) * line_h + 30 * SS if data.activity_goals else 0
    charts_h = charts.height + 2 * gap * SS if charts is not None else 0
    w = width * SS
    h = header_h + table_h + goals_h + charts_h + pad * SS
    image = Image.new("RGB", (w, h), WHITE)
    page = _Page(
        draw=ImageDraw.Draw(image),
        x0=pad * SS,
        inner=w - 2 * pad * SS,
        line_h=line_h,
        f_title=f_title,
        f_head=f_head,
        f_text=f_text,
        f_small=f_small,
    )
    y = _draw_overview_title(page, data, pad * SS)
    _draw_revenue_goal(page, data, y)
    y = _draw_status_table(page, data.rows, header_h)
    y = _draw_activity_goals(page, data.activity_goals, y)
    if charts is not None:
        image.paste(charts, (page.x0, y + gap * SS))
    return _png(image, (width, h // SS))


def _draw_overview_title(page: _Page, data: DashboardData, y: int) -> int:
    """The dashboard's title and, under it, its period, date and status counts; the y below."""
    draw, x0 = page.draw, page.x0
    draw.text(
        (x0, y), _fit(draw, data.title, page.f_title, page.inner), font=page.f_title, fill=INK
    )
    y += _text_size(draw, "Ag", page.f_title)[1] + 12 * SS
    generated = _("generated {date}").format(date=short_date(data.generated_at.date()))
    sub = f"{data.period_label} · {generated}"
    counts = status_counts(data)
    if counts:
        sub += " · " + counts
    draw.text((x0, y), sub, font=page.f_text, fill=MUTED)
    return y + _text_size(draw, "Ag", page.f_text)[1] + 16 * SS


def _draw_revenue_goal(page: _Page, data: DashboardData, y: int) -> None:
    """The shared revenue goal with a progress bar (or a note that there is none)."""
    draw, x0, inner = page.draw, page.x0, page.inner
    goal = data.revenue_goal
    if goal is None:
        text = _("No revenue goal for {period}.").format(period=data.period_label)
        draw.text((x0, y), text, font=page.f_text, fill=MUTED)
        return
    heading = _("Shared revenue goal ({period}): {title}").format(
        period=goal.period_label, title=goal.title
    )
    draw.text((x0, y), _fit(draw, heading, page.f_head, inner // 2), font=page.f_head, fill=INK)
    bar_x = x0 + inner // 2 + 20 * SS
    bar_w = inner - (bar_x - x0) - 260 * SS
    bar_y = y + 4 * SS
    draw.rounded_rectangle((bar_x, bar_y, bar_x + bar_w, bar_y + 18 * SS), radius=9 * SS, fill=GRID)
    progress = goal.progress or 0.0
    if progress > 0:
        filled = int(bar_w * min(progress, 1.0))
        colour = STATUS_COLOURS[KpiStatus.ON_TARGET if progress >= 1 else KpiStatus.NO_TARGET]
        draw.rounded_rectangle(
            (bar_x, bar_y, bar_x + max(filled, 18 * SS), bar_y + 18 * SS),
            radius=9 * SS,
            fill=colour,
        )
    draw.text(
        (bar_x + bar_w + 14 * SS, y),
        _fit(draw, goal.describe(), page.f_small, 250 * SS),
        font=page.f_small,
        fill=INK,
    )


_TABLE_COLUMNS = (0.30, 0.16, 0.20, 0.20, 0.14)  # KPI, target, actual, vs target, trend


def _draw_status_table(page: _Page, rows: Sequence[KpiRow], y: int) -> int:
    """The KPI status table (or a note that there are no KPIs) from `y`; the y below."""
    draw, x0, inner, line_h = page.draw, page.x0, page.inner, page.line_h
    if not rows:
        draw.text((x0, y), _("No KPIs are defined yet."), font=page.f_text, fill=MUTED)
        return y + 60 * SS
    cols = _TABLE_COLUMNS
    xs = [x0]
    for frac in cols[:-1]:
        xs.append(xs[-1] + int(inner * frac))
    header = (_("KPI"), _("Target"), _("Actual"), _("vs target"), _("Trend"))
    draw.rectangle((x0, y, x0 + inner, y + line_h), fill=(233, 236, 239))
    for x, text in zip(xs, header, strict=True):
        draw.text((x + 10 * SS, y + 8 * SS), text, font=page.f_head, fill=INK)
    y += line_h
    for i, row in enumerate(rows):
        if i % 2:
            draw.rectangle((x0, y, x0 + inner, y + line_h), fill=(248, 249, 250))
        colour = STATUS_COLOURS[row.status]
        draw.rectangle((x0, y + 6 * SS, x0 + 6 * SS, y + line_h - 6 * SS), fill=colour)
        cells = (
            row.kpi.name,
            row.target_text,
            row.value_text,
            row.vs_target_text,
            row.trend_text,
        )
        for j, (x, text) in enumerate(zip(xs, cells, strict=True)):
            width_j = int(inner * cols[j]) - 16 * SS
            fill = colour if j == 3 else INK
            draw.text(
                (x + 14 * SS, y + 8 * SS),
                _fit(draw, text, page.f_text, width_j),
                font=page.f_text,
                fill=fill,
            )
        y += line_h
    draw.line((x0, y, x0 + inner, y), fill=GRID, width=SS)
    return y + 24 * SS


def _draw_activity_goals(page: _Page, goals: Sequence[GoalRecord], y: int) -> int:
    """The activity goals, each with its disposition, from `y` (nothing without any)."""
    if not goals:
        return y
    draw, x0, inner, line_h = page.draw, page.x0, page.inner, page.line_h
    draw.text((x0, y), _("Activity goals"), font=page.f_head, fill=INK)
    y += line_h
    for goal in goals:
        mark = label(goal.disposition) if goal.disposition else "—"
        colour = _disposition_colour(goal.disposition)
        draw.text(
            (x0 + 10 * SS, y),
            _fit(draw, mark, page.f_head, 135 * SS),
            font=page.f_head,
            fill=colour,
        )
        text = f"{goal.title} — {goal.owner_name or _('no owner')}"
        draw.text(
            (x0 + 150 * SS, y),
            _fit(draw, text, page.f_text, inner - 160 * SS),
            font=page.f_text,
            fill=INK,
        )
        y += line_h
    return y + 30 * SS


def _disposition_colour(disposition: Disposition | None) -> tuple[int, int, int]:
    return (
        {
            Disposition.CONTINUE: STATUS_COLOURS[KpiStatus.ON_TARGET],
            Disposition.IMPROVE: STATUS_COLOURS[KpiStatus.NEAR],
            Disposition.ELIMINATE: STATUS_COLOURS[KpiStatus.OFF_TARGET],
        }.get(disposition, MUTED)
        if disposition is not None
        else MUTED
    )


# "3 on target, 1 near target": whole phrases (German cannot lower-case its labels).
_COUNTED = (
    (KpiStatus.ON_TARGET, N_("{n} on target")),
    (KpiStatus.NEAR, N_("{n} near target")),
    (KpiStatus.OFF_TARGET, N_("{n} off target")),
)


def status_counts(data: DashboardData) -> str:
    """ "3 on target, 1 near target" (statuses with none left out; "" when all are)."""
    counts = data.counts()
    return ", ".join(_(text).format(n=counts[s]) for s, text in _COUNTED if counts[s])
