"""Shared goals and KPIs: the records the goals service hands out, and the pure rules.

- One **revenue goal** per period, shared by both teams (seeds 000, 003, 004).
- **Activity goals** both teams agreed on, each with an owner and a disposition from the
  last review: continue, eliminate or improve (seed 002).
- **KPIs** defined once for both teams (MQL→SQL conversion, speed to lead, ...), with a
  target, a period kind and which way is better; **measurements** per period.

How a value compares with its target (`kpi_status`) and with the period before
(`kpi_trend`) honours `higher_is_better`: for speed to lead, 0.8 h against a 1 h target is on
target, and going from 3.7 h to 2.1 h is better.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.periods import Period, PeriodKind
from alignmeet.domain.rules import ValidationError, too_long
from alignmeet.i18n import _, language, localize_number, ngettext

__all__ = [
    "NEAR_TOLERANCE",
    "CsvImportResult",
    "CsvPreview",
    "CsvPreviewRow",
    "DashboardData",
    "Disposition",
    "GoalKind",
    "GoalOption",
    "GoalRecord",
    "KpiPoint",
    "KpiRecord",
    "KpiRow",
    "KpiStatus",
    "MeasurementRecord",
    "Trend",
    "axis_labels",
    "check_measured_period",
    "format_number",
    "format_value",
    "kpi_status",
    "kpi_trend",
    "parse_number",
    "vs_target_text",
]

MAX_UNIT = 30
# The largest value (either sign) a KPI, its target or a goal holds: 999 trillion and a bit.
# Beyond it a value is a typo or a pasted cell gone wrong ("1e308" printed ~300 digits).
MAX_VALUE = 1e15
# The earliest period a measurement is recorded for: "1926-01" for "2026-01" is a typo.
EARLIEST_MEASURED = date(2000, 1, 1)
NEAR_TOLERANCE = 0.10  # within 10 % of the target (on the wrong side) counts as "near"


class GoalKind(StrEnum):
    REVENUE = "revenue"
    ACTIVITY = "activity"

    @property
    def label(self) -> str:
        return "Revenue goal" if self is GoalKind.REVENUE else "Activity goal"


class Disposition(StrEnum):
    """What the last review decided about a mutual activity (seed 002)."""

    CONTINUE = "continue"
    IMPROVE = "improve"
    ELIMINATE = "eliminate"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def hint(self) -> str:
        return {
            "continue": "works: keep doing it",
            "improve": "worth doing, but change how",
            "eliminate": "stop: it does not serve the shared goal",
        }[self.value]


class KpiStatus(StrEnum):
    ON_TARGET = "on_target"
    NEAR = "near"
    OFF_TARGET = "off_target"
    NO_TARGET = "no_target"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {
            "on_target": "On target",
            "near": "Near target",
            "off_target": "Off target",
            "no_target": "No target",
            "no_data": "No data",
        }[self.value]


class Trend(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    FLAT = "flat"
    NONE = "none"  # no earlier value to compare with

    def text(self, direction: str) -> str:
        """ "▲ better", "▼ worse", "= same", "—"."""
        if self is Trend.NONE:
            return "—"
        if self is Trend.FLAT:
            return _("= same")
        if direction == "up":
            return _("▲ better") if self is Trend.BETTER else _("▲ worse")
        return _("▼ better") if self is Trend.BETTER else _("▼ worse")


# ---- records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalRecord:
    id: int
    kind: GoalKind
    title: str
    period: str
    period_label: str
    target_value: float | None
    actual_value: float | None
    unit: str
    disposition: Disposition | None  # activity goals; None for revenue goals
    team_tag: TeamTag
    owner_id: int | None
    owner_name: str
    notes: str
    archived: bool
    created_at: datetime
    version: int = 0  # the row's version: a change carries the one its user saw

    @property
    def progress(self) -> float | None:
        """actual / target (0.75 = 75 %), None without both."""
        if self.target_value in (None, 0) or self.actual_value is None:
            return None
        return self.actual_value / self.target_value  # type: ignore[operator]

    def describe(self) -> str:
        """ "$5.2M target · $3.9M so far (75 %)"."""
        parts = []
        if self.target_value is not None:
            parts.append(
                _("{value} target").format(value=format_value(self.target_value, self.unit))
            )
        if self.actual_value is not None:
            parts.append(
                _("{value} so far").format(value=format_value(self.actual_value, self.unit))
            )
        text = " · ".join(parts)
        if self.progress is not None:
            text += f" ({self.progress * 100:.0f} %)"
        return text


@dataclass(frozen=True)
class GoalOption:
    """A goal an action can serve: for the action forms' "Goal" choice."""

    id: int
    label: str  # "Q4 2026 · Revenue: €5.2M new ARR" / "Q4 2026 · Joint webinar series"
    kind: GoalKind
    period: str


@dataclass(frozen=True)
class KpiRecord:
    id: int
    name: str
    description: str
    unit: str
    higher_is_better: bool
    target: float | None
    period_kind: PeriodKind
    team_tag: TeamTag
    position: int
    archived: bool
    version: int = 0

    @property
    def direction_text(self) -> str:
        """ "higher is better" / "lower is better", in the current language."""
        return _("higher is better") if self.higher_is_better else _("lower is better")


@dataclass(frozen=True)
class MeasurementRecord:
    id: int
    kpi_id: int
    period: str
    period_label: str
    value: float
    target: float | None  # this period's own target, overriding the KPI's; None: the KPI's
    note: str
    source: str  # "manual" | "csv"
    recorded_at: datetime


@dataclass(frozen=True)
class KpiPoint:
    """One period on a KPI's chart."""

    period: str
    label: str  # short, for an axis: "Nov 26"
    value: float | None
    target: float | None


@dataclass(frozen=True)
class KpiRow:
    """One KPI on the dashboard for a period."""

    kpi: KpiRecord
    period: str  # the KPI's own period for the dashboard ("2026-11" or "2026-Q4")
    period_label: str
    value: float | None  # the value shown: this period's, or the latest before it
    value_period: str  # the period `value` belongs to ("" when there is none)
    value_period_label: str
    target: float | None
    status: KpiStatus
    previous: float | None  # the value of the period before `value_period`
    trend: Trend
    direction: str  # "up" | "down" | "" (how the value moved)
    note: str
    history: tuple[KpiPoint, ...]  # oldest first, ending with `period`

    @property
    def is_earlier(self) -> bool:
        """True when the period has no measurement yet and an earlier one is shown."""
        return bool(self.value_period) and self.value_period != self.period

    @property
    def value_text(self) -> str:
        if self.value is None:
            return "—"
        text = format_value(self.value, self.kpi.unit)
        return f"{text} ({self.value_period_label})" if self.is_earlier else text

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "—"
        sign = "≥" if self.kpi.higher_is_better else "≤"
        return f"{sign} {format_value(self.target, self.kpi.unit)}"

    @property
    def vs_target_text(self) -> str:
        return vs_target_text(self.value, self.target, self.kpi.unit, self.status)

    @property
    def trend_text(self) -> str:
        return self.trend.text(self.direction)


@dataclass(frozen=True)
class DashboardData:
    """The common dashboard both teams see, for one period."""

    period: str
    period_label: str
    generated_at: datetime
    revenue_goal: GoalRecord | None
    activity_goals: tuple[GoalRecord, ...]
    rows: tuple[KpiRow, ...]
    title: str = "Shared Sales & Marketing dashboard"

    def counts(self) -> dict[KpiStatus, int]:
        out = {status: 0 for status in KpiStatus}
        for row in self.rows:
            out[row.status] += 1
        return out


@dataclass(frozen=True)
class CsvPreviewRow:
    line: int  # line number in the file (1 = first line)
    kpi_text: str
    period_text: str
    value_text: str
    kpi_id: int | None
    kpi_name: str
    period: str
    value: float | None
    target: float | None
    note: str
    change: str  # "new" | "update" | "same" | "" (with a problem)
    problem: str

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class CsvPreview:
    rows: tuple[CsvPreviewRow, ...]
    separator: str
    skipped_empty: int

    @property
    def problems(self) -> tuple[CsvPreviewRow, ...]:
        return tuple(row for row in self.rows if row.problem)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems

    def count(self, change: str) -> int:
        return sum(1 for row in self.rows if row.ok and row.change == change)

    def summary(self) -> str:
        if not self.rows:
            return _("The file holds no measurements.")
        if self.problems:
            n = len(self.problems)
            return ngettext(
                "{n} of {rows} rows has a problem: fix the file and try again. Nothing is "
                "imported until every row is right.",
                "{n} of {rows} rows have problems: fix the file and try again. Nothing is "
                "imported until every row is right.",
                n,
            ).format(n=n, rows=len(self.rows))
        return ngettext(
            "{rows} row ready: {new} new, {changed} changed, {same} unchanged.",
            "{rows} rows ready: {new} new, {changed} changed, {same} unchanged.",
            len(self.rows),
        ).format(
            rows=len(self.rows),
            new=self.count("new"),
            changed=self.count("update"),
            same=self.count("same"),
        )


@dataclass(frozen=True)
class CsvImportResult:
    added: int
    updated: int
    unchanged: int

    def describe(self) -> str:
        return _("Imported: {new} new, {changed} changed, {same} unchanged.").format(
            new=self.added, changed=self.updated, same=self.unchanged
        )


# ---- rules ---------------------------------------------------------------------------------


def kpi_status(
    value: float | None,
    target: float | None,
    higher_is_better: bool,
    *,
    tolerance: float = NEAR_TOLERANCE,
) -> KpiStatus:
    """On target, near (within `tolerance` of the target, on the wrong side) or off target."""
    if value is None:
        return KpiStatus.NO_DATA
    if target is None:
        return KpiStatus.NO_TARGET
    if (value >= target) if higher_is_better else (value <= target):
        return KpiStatus.ON_TARGET
    margin = abs(target) * tolerance
    gap = abs(value - target)
    return KpiStatus.NEAR if gap <= margin else KpiStatus.OFF_TARGET


def kpi_trend(
    previous: float | None, current: float | None, higher_is_better: bool
) -> tuple[Trend, str]:
    """How `current` compares with `previous`: (better/worse/flat/none, "up"/"down"/"")."""
    if previous is None or current is None:
        return Trend.NONE, ""
    if math.isclose(previous, current, rel_tol=1e-9, abs_tol=1e-12):
        return Trend.FLAT, ""
    direction = "up" if current > previous else "down"
    better = (direction == "up") == higher_is_better
    return (Trend.BETTER if better else Trend.WORSE), direction


def vs_target_text(
    value: float | None, target: float | None, unit: str, status: KpiStatus | None = None
) -> str:
    """ "+2 pts", "-0.3 h", "+12 %" against the target, with the status: "On target (+2 %)"."""
    if value is None:
        return _(KpiStatus.NO_DATA.label)
    if target is None:
        return _(KpiStatus.NO_TARGET.label)
    diff = value - target
    if unit.strip() == "%":
        delta = _("{delta} pts").format(delta=_signed(diff))
    elif target:
        delta = f"{_signed(_round_relative(diff / abs(target) * 100))} %"
    else:
        delta = _signed(diff)
    if status is None:
        return delta
    return _("{status} ({delta})").format(status=_(status.label), delta=delta)


def _round_relative(percent: float) -> float:
    return round(percent) if abs(percent) >= 10 else round(percent, 1)


def _signed(number: float) -> str:
    text = format_number(abs(number))
    if math.isclose(number, 0, abs_tol=1e-9):
        return "±0"
    return f"+{text}" if number > 0 else f"−{text}"


_CURRENCY = {"$", "€", "£", "¥", "usd", "eur", "gbp", "chf"}


# Compact suffixes, largest first: (size, English, German). German as the press writes it.
_COMPACT = (
    (1e12, "T", " Bio."),
    (1e9, "B", " Mrd."),
    (1e6, "M", " Mio."),
)


def _suffix(english: str, german: str) -> str:
    return german if language() == "de" else english


def format_number(value: float, *, compact: bool = False) -> str:
    """12,300 · 23.5 · 0.8 · with `compact`: 1.3M, 640k, 2.5B, 1.2T — in the current
    language's way (German: 12.300 · 23,5 · 1,3 Mio. · 640 Tsd. · 2,5 Mrd. · 1,2 Bio.)."""
    if not math.isfinite(value) or abs(value) >= MAX_VALUE:  # stored before the limit
        return localize_number(f"{value:.3g}")
    if compact:
        for size, english, german in _COMPACT:
            if abs(value) >= size:
                number = f"{value / size:.1f}".removesuffix(".0")
                return localize_number(number) + _suffix(english, german)
    if compact and abs(value) >= 10_000:
        return f"{value / 1_000:.0f}" + _suffix("k", " Tsd.")
    if float(value).is_integer():
        return localize_number(f"{int(value):,}")
    if abs(value) >= 100:
        return localize_number(f"{value:,.0f}")
    if abs(value) >= 10:
        return localize_number(f"{value:,.1f}")
    return localize_number(f"{value:,.2f}".rstrip("0").rstrip("."))


def format_value(value: float | None, unit: str, *, compact: bool = True) -> str:
    """A value with its unit: "23.5 %", "3.7 h", "$1.6M", "−€640k", "18 leads"."""
    if value is None:
        return "—"
    return _with_unit(value < 0, format_number(abs(value), compact=compact), unit)


def _with_unit(negative: bool, number: str, unit: str, *, axis: bool = False) -> str:
    """The sign before a currency symbol ("−$500k"), a unit after the number ("18 leads",
    "-0.3 h")."""
    unit = unit.strip()
    if unit.casefold() in _CURRENCY:
        symbol = unit if len(unit) == 1 else f"{unit.upper()} "
        return f"{'−' if negative else ''}{symbol}{number}"
    sign = "-" if negative else ""
    if not unit or (axis and len(unit) > 6):  # a long unit crowds an axis: the title says it
        return f"{sign}{number}"
    return f"{sign}{number} {unit}"


def axis_labels(ticks: list[float], unit: str) -> list[str]:
    """The labels of a value axis with these ticks, written as the KPI tables write values:
    one compact suffix for the axis, as many decimals as the ticks need, the sign before a
    currency symbol ("−$0.5M · $0 · $0.5M · $1M", German "−$0,5 Mio.")."""
    high = max((abs(t) for t in ticks), default=0.0)
    size, suffix = 1.0, ""
    for step, english, german in _COMPACT:
        if high >= step:
            size, suffix = step, _suffix(english, german)
            break
    else:
        if high >= 10_000:
            size, suffix = 1_000.0, _suffix("k", " Tsd.")
    scaled = [t / size for t in ticks]
    decimals = next(
        (d for d in (0, 1, 2) if all(abs(v * 10**d - round(v * 10**d)) < 1e-6 for v in scaled)), 2
    )
    out = []
    for v in scaled:
        number = localize_number(f"{abs(v):,.{decimals}f}") + suffix
        negative = round(v, decimals) < 0
        out.append(_with_unit(negative, number, unit, axis=True))
    return out


def check_measured_period(period: Period, latest: date) -> None:
    """A measured value belongs to a period that has begun — by `latest` (today, or the
    meeting's date when a meeting planned ahead records its own month) — and that starts
    no earlier than 2000 (an earlier year is a typo): ValidationError("period") otherwise."""
    if period.start > latest:
        raise ValidationError(
            "period",
            _(
                "{period} has not begun yet: a measured value belongs to a period that has started."
            ).format(period=period.label),
        )
    if period.end < EARLIEST_MEASURED:
        raise ValidationError(
            "period",
            _("{period} is before 2000: check the year (values are recorded from 2000 on).").format(
                period=period.label
            ),
        )


_NUMBER_JUNK = re.compile(r"[\s\u00a0\u202f'’_]")


def parse_number(text: str | float | int | None, *, field: str, label: str) -> float | None:
    """A number typed by a person or read from a spreadsheet; None for an empty cell.

    Accepts a decimal comma ("23,5"), thousands separators ("1 300 000", "1.300.000,50",
    "1,300,000.50"), and a unit around it ("23 %", "$1,300.50", "1300 €"). A lone
    separator before three digits written as the current language's thousands separator
    ("1,300" in English, "1.300" in German) could be either: it is refused with both
    readings, never guessed.
    """
    if text is None:
        return None
    if isinstance(text, int | float):
        number = float(text)
    else:
        raw = text.strip()
        if not raw:
            return None
        cleaned = _NUMBER_JUNK.sub("", raw)
        cleaned = cleaned.strip("%$€£¥").replace("−", "-")
        if cleaned.startswith("(") and cleaned.endswith(")"):
            cleaned = "-" + cleaned[1:-1]
        _refuse_ambiguous(cleaned, raw, field=field, label=label)
        cleaned = _normalise_separators(cleaned)
        try:
            number = float(cleaned)
        except ValueError:
            raise ValidationError(
                field, _("{label}: “{text}” is not a number.").format(label=label, text=raw)
            ) from None
    if not math.isfinite(number):
        raise ValidationError(field, _("{label} must be a finite number.").format(label=label))
    if abs(number) >= MAX_VALUE:
        raise ValidationError(
            field,
            _(
                "{label}: “{text}” is more than a KPI can hold: at most 999 trillion, either way."
            ).format(label=label, text=str(text).strip()),
        )
    return number


_LONE_GROUP = re.compile(r"(-?[1-9]\d{0,2})([.,])(\d{3})")


def _refuse_ambiguous(cleaned: str, raw: str, *, field: str, label: str) -> None:
    """ValidationError for "1,300" on an English screen (a thousands comma, or a decimal
    one?) and "1.300" on a German one; the decimal separator of the language reads as one."""
    match = _LONE_GROUP.fullmatch(cleaned)
    thousands = "." if language() == "de" else ","
    if match is None or match.group(2) != thousands:
        return
    head, tail = match.group(1), match.group(3)
    whole = f"{head}{tail}"
    decimal = localize_number(f"{head}.{tail}".rstrip("0").rstrip("."))
    raise ValidationError(
        field,
        _("{label}: does “{text}” mean {whole} or {decimal}? Type one of them.").format(
            label=label, text=raw, whole=whole, decimal=decimal
        ),
    )


def _normalise_separators(text: str) -> str:
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return text.replace(thousands, "").replace(decimal, ".")
    if commas > 1:  # 1,300,000
        return text.replace(",", "")
    if dots > 1:  # 1.300.000
        return text.replace(".", "")
    return text.replace(",", ".")  # the decimal comma: 23,5


def validate_unit(value: str | None) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_UNIT:
        raise too_long("unit", _("The unit"), len(text), MAX_UNIT)
    return text
