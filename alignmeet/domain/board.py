"""Wins and hard lessons (seeds 000, 001): successes to celebrate and lessons to solve
together, added during or between meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.rules import MAX_TITLE, optional_text, require_text
from alignmeet.i18n import N_, _

MAX_DETAILS = 5_000


class BoardKind(StrEnum):
    WIN = "win"
    LESSON = "lesson"

    @property
    def label(self) -> str:
        return "Win" if self is BoardKind.WIN else "Lesson"


@dataclass(frozen=True, slots=True)
class BoardEntryRecord:
    id: int
    kind: BoardKind
    title: str
    details: str
    team_tag: TeamTag
    author_id: int | None
    author_name: str
    meeting_id: int | None
    meeting_title: str  # "" when added between meetings
    meeting_date: date | None
    resolved: bool  # a lesson solved; always False for a win
    created_at: datetime
    version: int

    @property
    def status_label(self) -> str:
        """ "Solved" / "Open" for lessons, "" for wins."""
        if self.kind is BoardKind.WIN:
            return ""
        return N_("Solved") if self.resolved else N_("Open")

    @property
    def byline(self) -> str:
        """ "Sofía Delgado · Sales" or just the team when nobody is named."""
        who = self.author_name
        return f"{who} · {self.team_tag.label}" if who else self.team_tag.label


def clean_title(value: str | None) -> str:
    return require_text("title", value, label=_("Title"), limit=MAX_TITLE)


def clean_details(value: str | None) -> str:
    return optional_text("details", value, label=_("Details"), limit=MAX_DETAILS)


def one_line(entry: BoardEntryRecord) -> str:
    """A bullet for the minutes: "Title — details (who · team)"."""
    text = entry.title
    if entry.details:
        text += " — " + " ".join(entry.details.split())
    return f"{text} ({entry.byline})"
