"""Validation and meeting rules shared by services, CLI and UI."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from alignmeet import i18n
from alignmeet.i18n import _

DEFAULT_END_GOAL = "Every member leaves with their own action plan and a commitment to it."
MAX_NAME = 120
MAX_TITLE = 200
MAX_TEXT = 20_000

# The most characters each field keeps: one table for the services (which refuse more with
# the field's message) and the widgets (which stop typing there and show a counter). Long
# enough for any real name or sentence, short enough that no screen or table is swamped.
MAX_LENGTHS: dict[str, int] = {
    "member.name": 80,
    "team.name": 60,
    "meeting.title": MAX_TITLE,
    "meeting.place": MAX_TITLE,
    "series.name": MAX_TITLE,
    "agenda_item.title": MAX_TITLE,
    "template.name": MAX_TITLE,
    "idea.text": 500,
    "decision.text": 500,
    "action.title": 500,
    "action.milestone": MAX_TITLE,
    "commitment.note": 500,
}


def max_length(field: str) -> int:
    """The most characters `field` ("member.name", "idea.text" …) keeps."""
    return MAX_LENGTHS[field]


class ValidationError(ValueError):
    """Bad input, with the field it belongs to so the UI can show it there."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def clean_line(value: str | None) -> str:
    """One-line text: trimmed, inner runs of white space (incl. newlines) folded, NUL
    dropped (no database stores it in text: PostgreSQL refuses it outright)."""
    return " ".join((value or "").replace("\x00", "").split())


def name_key(value: str) -> str:
    """Key for duplicate detection: case-, width- and space-insensitive."""
    return unicodedata.normalize("NFKC", clean_line(value)).casefold()


def group_digits(number: int) -> str:
    """100,000 in English, 100.000 in German."""
    text = f"{number:,}"
    return text.replace(",", ".") if i18n.language() == "de" else text


def too_long(field: str, label: str, length: int, limit: int) -> ValidationError:
    """The error for a text of `length` characters where `limit` is the most; `label` is
    the field's name, already translated (`_("Title")`)."""
    return ValidationError(
        field,
        _("{label} is too long ({length} characters; at most {limit}).").format(
            label=label, length=length, limit=limit
        ),
    )


def require_text(field: str, value: str | None, *, label: str, limit: int = MAX_TITLE) -> str:
    text = clean_line(value)
    if not text:
        raise ValidationError(field, _("{label} cannot be empty.").format(label=label))
    if len(text) > limit:
        raise too_long(field, label, len(text), limit)
    return text


def optional_text(field: str, value: str | None, *, label: str, limit: int = MAX_TEXT) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise too_long(field, label, len(text), limit)
    return text


def validate_email(value: str | None) -> str:
    text = clean_line(value)
    if text and ("@" not in text or text.startswith("@") or text.endswith("@") or " " in text):
        raise ValidationError("email", _("“{text}” is not an e-mail address.").format(text=text))
    return text


def validate_minutes(field: str, value: int, *, label: str, low: int = 1, high: int = 600) -> int:
    if not low <= int(value) <= high:
        raise ValidationError(
            field,
            _("{label} must be between {low} and {high} minutes.").format(
                label=label, low=low, high=high
            ),
        )
    return int(value)


def validate_confidence(value: int | None) -> int | None:
    if value is None:
        return None
    if not 1 <= int(value) <= 5:
        raise ValidationError("confidence", _("Confidence is a number from 1 to 5."))
    return int(value)


@dataclass(frozen=True)
class AgendaBudget:
    """The sum of time boxes against the planned length of the meeting."""

    planned_minutes: int
    boxed_minutes: int

    @property
    def overrun_minutes(self) -> int:
        return max(0, self.boxed_minutes - self.planned_minutes)

    @property
    def spare_minutes(self) -> int:
        return max(0, self.planned_minutes - self.boxed_minutes)

    @property
    def is_overrun(self) -> bool:
        return self.boxed_minutes > self.planned_minutes

    def describe(self) -> str:
        base = f"Agenda {self.boxed_minutes} min of {self.planned_minutes} min planned"
        if self.is_overrun:
            return f"{base} — {self.overrun_minutes} min over"
        if self.spare_minutes:
            return f"{base} — {self.spare_minutes} min spare"
        return f"{base} — exactly on time"


def due_state(due: date | None, today: date, *, soon_days: int = 7) -> str:
    """'overdue', 'soon' (within `soon_days`), 'later' or 'none'."""
    if due is None:
        return "none"
    if due < today:
        return "overdue"
    if (due - today).days <= soon_days:
        return "soon"
    return "later"


def action_number(action_id: int) -> str:
    """An action's number, the same in every place it is shown — the app's tables, the
    minutes, the checklist, the CSV and the calendar: "A-123" for the action whose id is
    123. It never changes (ids are never reused or renumbered), so "A-123" said in a
    meeting finds the same action in every document."""
    return f"A-{int(action_id)}"


def short_date(value: date | None) -> str:
    """ "20 Oct 2026" ("20. Okt. 2026" in German: alignmeet.i18n), "—" for no date."""
    if value is None:
        return "—"
    return i18n.short_date(value)


def format_minutes_seconds(seconds: float) -> str:
    """12:05, or -3:20 for overtime (negative remaining)."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:d}:{secs:02d}"
