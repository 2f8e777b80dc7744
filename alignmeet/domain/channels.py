"""Communication expectations (seed 002): the agreed channel per urgency.

"If you've ever missed an urgent email because you were off the grid, you know the
frustration ... did you give them your communication expectations?" Both teams agree,
once, which channel to use for which urgency and how fast an answer is due; the
meeting shows it and every meeting's minutes carry it.

Records and pure rules; the use cases are in alignmeet.services.channels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alignmeet.domain.rules import (
    MAX_NAME,
    ValidationError,
    name_key,
    optional_text,
    require_text,
    too_long,
)
from alignmeet.i18n import _

MAX_FIELD = MAX_NAME  # urgency, channel, response time: 120 characters each
MAX_NOTES = 2000


@dataclass(frozen=True)
class ChannelRuleRecord:
    id: int
    urgency: str
    channel: str
    response_time: str
    notes: str
    position: int

    def describe(self) -> str:
        """ "Urgent (deal at risk) → Phone call (within 1 hour)"."""
        text = f"{self.urgency} → {self.channel}"
        return f"{text} ({self.response_time})" if self.response_time else text


@dataclass(frozen=True)
class ChannelRuleInput:
    """A rule's fields, validated (see `validate_rule`)."""

    urgency: str
    channel: str
    response_time: str
    notes: str


# The suggestion offered on an empty list (seed 002); never added without being asked.
DEFAULT_RULES: tuple[ChannelRuleInput, ...] = (
    ChannelRuleInput(
        "Urgent (deal at risk)",
        "Phone call",
        "within 1 hour",
        "A deal or a customer is at risk. Call; if there is no answer, leave a voicemail "
        "and send a chat message saying you called.",
    ),
    ChannelRuleInput(
        "Today",
        "Team chat",
        "same day",
        "Needed before the end of the working day: the joint Sales & Marketing channel, "
        "mention the person.",
    ),
    ChannelRuleInput(
        "This week",
        "E-mail",
        "2 working days",
        "Requests that can wait a few days: briefs, content reviews, list pulls.",
    ),
    ChannelRuleInput(
        "FYI",
        "Shared channel / newsletter",
        "no reply needed",
        "Wins, campaign launches, results: read when convenient.",
    ),
)


def validate_rule(
    *, urgency: str | None, channel: str | None, response_time: str | None, notes: str | None
) -> ChannelRuleInput:
    return ChannelRuleInput(
        urgency=require_text("urgency", urgency, label=_("Urgency"), limit=MAX_FIELD),
        channel=require_text("channel", channel, label=_("Channel"), limit=MAX_FIELD),
        response_time=_optional_line("response_time", response_time, _("Response time")),
        notes=optional_text("notes", notes, label=_("Notes"), limit=MAX_NOTES),
    )


def _optional_line(field: str, value: str | None, label: str) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_FIELD:
        raise too_long(field, label, len(text), MAX_FIELD)
    return text


def check_unique_urgency(
    urgency: str, rules: Iterable[ChannelRuleRecord], own_id: int | None = None
) -> None:
    """One channel per urgency: "urgent" and "Urgent" are the same urgency."""
    key = name_key(urgency)
    for rule in rules:
        if rule.id != own_id and name_key(rule.urgency) == key:
            raise ValidationError(
                "urgency",
                _("“{urgency}” already has a channel ({channel}).").format(
                    urgency=rule.urgency, channel=rule.channel
                ),
            )


def check_order(wanted: Sequence[int], existing: Iterable[int]) -> list[int]:
    """A new order must name every rule exactly once."""
    ids = list(wanted)
    if sorted(ids) != sorted(existing):
        raise ValidationError("order", _("The new order must list every channel rule once."))
    return ids


def strip_text(rules: Sequence[ChannelRuleRecord], separator: str = " · ") -> str:
    """One line for the meeting screen: "Urgent → Phone call (within 1 hour) · Today → …"."""
    return separator.join(rule.describe() for rule in rules)
