"""Reporting periods: the text keys goals and KPI measurements are stored under.

Three kinds, each a key that sorts in time order as plain text:

- month   "2026-11"   shown as "Nov 2026"
- quarter "2026-Q4"   shown as "Q4 2026"
- week    "2026-W47"  shown as "Week 47, 2026" (ISO weeks: Monday to Sunday; week 1 holds
  the year's first Thursday, so 29 Dec 2025 is in "2026-W01")

`parse_period` also reads what people type or what a spreadsheet holds ("Nov 2026",
"november 2026", "Q4 2026", "2026-q4", "W47 2026", "2026-11-01" is refused) and answers with a
`ValidationError` that says what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _, month_name, month_short, pgettext

__all__ = [
    "Period",
    "PeriodKind",
    "current_period",
    "parse_period",
    "period_containing",
    "period_label",
    "recent_periods",
]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MIN_YEAR, MAX_YEAR = 1900, 2200


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    WEEK = "week"

    @property
    def label(self) -> str:
        return {"month": "Month", "quarter": "Quarter", "week": "Week"}[self.value]

    @property
    def adjective(self) -> str:
        return {"month": "monthly", "quarter": "quarterly", "week": "weekly"}[self.value]

    @property
    def example(self) -> str:
        return {"month": "2026-11", "quarter": "2026-Q4", "week": "2026-W47"}[self.value]


def _weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


@dataclass(frozen=True, order=True)
class Period:
    """One month, quarter or ISO week. Periods of one kind order in time."""

    kind: PeriodKind
    year: int
    number: int  # month 1-12, quarter 1-4, ISO week 1-53

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValidationError(
                "period", _("The year {year} is out of range.").format(year=self.year)
            )
        high = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}.get(self.kind) or _weeks_in(self.year)
        if not 1 <= self.number <= high:
            message = {
                "month": _("Month {number} does not exist in {year} (1 to {high})."),
                "quarter": _("Quarter {number} does not exist in {year} (1 to {high})."),
                "week": _("Week {number} does not exist in {year} (1 to {high})."),
            }[self.kind.value]
            raise ValidationError(
                "period", message.format(number=self.number, year=self.year, high=high)
            )

    # ---- text ---------------------------------------------------------------------------
    @property
    def key(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year:04d}-{self.number:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year:04d}-Q{self.number}"
        return f"{self.year:04d}-W{self.number:02d}"

    @property
    def label(self) -> str:
        """ "Nov 2026" ("Nov. 2026" in German), "Q4 2026", "Week 47, 2026"."""
        if self.kind is PeriodKind.MONTH:
            return f"{month_short(self.number)} {self.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"Q{self.number} {self.year}"
        return f"Week {self.number}, {self.year}"

    @property
    def short_label(self) -> str:
        """For chart axes: "Nov 26" ("Nov. 26" in German), "Q4 26", "W47"."""
        if self.kind is PeriodKind.MONTH:
            return f"{month_short(self.number)} {self.year % 100:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"Q{self.number} {self.year % 100:02d}"
        return f"W{self.number:02d}"

    def __str__(self) -> str:
        return self.key

    # ---- dates ----------------------------------------------------------------------------
    @property
    def start(self) -> date:
        if self.kind is PeriodKind.MONTH:
            return date(self.year, self.number, 1)
        if self.kind is PeriodKind.QUARTER:
            return date(self.year, 3 * self.number - 2, 1)
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def end(self) -> date:
        """The last day in the period."""
        return self.next().start - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    # ---- neighbours -------------------------------------------------------------------------
    def shift(self, steps: int) -> Period:
        """The period `steps` later (earlier when negative)."""
        if self.kind is PeriodKind.WEEK:
            day = self.start + timedelta(weeks=steps)
            iso = day.isocalendar()
            return Period(PeriodKind.WEEK, iso[0], iso[1])
        per_year = 12 if self.kind is PeriodKind.MONTH else 4
        index = self.year * per_year + (self.number - 1) + steps
        return Period(self.kind, index // per_year, index % per_year + 1)

    def next(self) -> Period:
        return self.shift(1)

    def previous(self) -> Period:
        return self.shift(-1)


def period_containing(kind: PeriodKind | str, day: date) -> Period:
    kind = PeriodKind(kind)
    if kind is PeriodKind.MONTH:
        return Period(kind, day.year, day.month)
    if kind is PeriodKind.QUARTER:
        return Period(kind, day.year, (day.month - 1) // 3 + 1)
    iso = day.isocalendar()
    return Period(kind, iso[0], iso[1])


def current_period(kind: PeriodKind | str, today: date) -> Period:
    return period_containing(kind, today)


def recent_periods(last: Period, count: int) -> list[Period]:
    """`count` periods ending with `last`, oldest first."""
    return [last.shift(-i) for i in range(count - 1, -1, -1)]


# ---- parsing ---------------------------------------------------------------------------------

_KEY_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_KEY_QUARTER = re.compile(r"^(\d{4})\s*-?\s*q(\d)$")
_KEY_WEEK = re.compile(r"^(\d{4})\s*-?\s*w(\d{1,2})$")
_LABEL_QUARTER = re.compile(r"^q(\d)[\s,/-]*(\d{4})$")
_LABEL_WEEK = re.compile(r"^(?:w|wk|week)\s*(\d{1,2})[\s,/-]*(\d{4})$")
_LABEL_MONTH = re.compile(r"^([^\W\d_]+)\.?[\s,/-]*(\d{4})$")
_SLASH_MONTH = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")


def parse_period(text: str | None, kind: PeriodKind | str | None = None) -> Period:
    """The period `text` names; with `kind`, it must be a period of that kind.

    Raises `ValidationError("period", ...)` with a message that shows the expected form.
    """
    raw = " ".join((text or "").split())
    wanted = PeriodKind(kind) if kind is not None else None
    if not raw:
        raise ValidationError("period", _expected(wanted, raw, empty=True))
    period = _parse(raw.casefold())
    if period is None:
        raise ValidationError("period", _expected(wanted, raw, empty=False))
    if wanted is not None and period.kind is not wanted:
        raise ValidationError(
            "period",
            _("“{text}” is a {found}, but this needs a {wanted} (e.g. {key} or {label}).").format(
                text=raw,
                found=_kind_noun(period.kind),
                wanted=_kind_noun(wanted),
                key=wanted.example,
                label=parse_period(wanted.example).label,
            ),
        )
    return period


def _kind_noun(kind: PeriodKind) -> str:
    return {
        "month": pgettext("period kind", "month"),
        "quarter": pgettext("period kind", "quarter"),
        "week": pgettext("period kind", "week"),
    }[kind.value]


def _expected(kind: PeriodKind | None, text: str, *, empty: bool) -> str:
    """The message for no period (`empty`) or `text` that is none, with the forms it takes."""
    if kind is None:
        if empty:
            return _("Choose a period: a month (2026-11), quarter (2026-Q4) or week (2026-W47).")
        return _(
            "“{text}” is not a period: a month (2026-11), quarter (2026-Q4) or week (2026-W47)."
        ).format(text=text)
    if empty:
        message = {
            "month": _("Choose a period: a month such as {key} or “{label}”."),
            "quarter": _("Choose a period: a quarter such as {key} or “{label}”."),
            "week": _("Choose a period: a week such as {key} or “{label}”."),
        }[kind.value]
    else:
        message = {
            "month": _("“{text}” is not a period: a month such as {key} or “{label}”."),
            "quarter": _("“{text}” is not a period: a quarter such as {key} or “{label}”."),
            "week": _("“{text}” is not a period: a week such as {key} or “{label}”."),
        }[kind.value]
    return message.format(text=text, key=kind.example, label=parse_period(kind.example).label)


def _parse(text: str) -> Period | None:
    if match := _KEY_MONTH.match(text) or _SLASH_MONTH.match(text):
        a, b = match.groups()
        year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        return Period(PeriodKind.MONTH, year, month)
    if match := _KEY_QUARTER.match(text):
        return Period(PeriodKind.QUARTER, int(match[1]), int(match[2]))
    if match := _KEY_WEEK.match(text):
        return Period(PeriodKind.WEEK, int(match[1]), int(match[2]))
    if match := _LABEL_QUARTER.match(text):
        return Period(PeriodKind.QUARTER, int(match[2]), int(match[1]))
    if match := _LABEL_WEEK.match(text):
        return Period(PeriodKind.WEEK, int(match[2]), int(match[1]))
    if match := _LABEL_MONTH.match(text):
        name = match[1]
        for i, (abbr, full) in enumerate(zip(_MONTHS, _MONTH_NAMES, strict=True)):
            if name in (abbr, full) or (len(name) >= 3 and full.startswith(name)):
                return Period(PeriodKind.MONTH, int(match[2]), i + 1)
        # The month as the current language shows it ("Okt. 2026", "März 2026").
        for i in range(12):
            names = (month_short(i + 1).rstrip(".").casefold(), month_name(i + 1).casefold())
            if name in names:
                return Period(PeriodKind.MONTH, int(match[2]), i + 1)
    return None


def period_label(key: str) -> str:
    """The label of a stored key ("2026-Q4" → "Q4 2026"); the key itself if it is not one."""
    try:
        return parse_period(key).label
    except ValidationError:
        return key
