"""Exports of the follow-ups: the checklist (.docx), the calendar (.ics) and a CSV.

Each method gathers the actions of one `ActionFilter` through `FollowUpService` (the same
rows the follow-up view shows, overdue judged against the service clock's today) and hands
them to a writer in `alignmeet.export`; the writers replace the target atomically and raise
`ExportError` with a message for the user when they cannot.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alignmeet import i18n
from alignmeet.domain import records as r
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.i18n import N_, _
from alignmeet.services.base import NotFoundError
from alignmeet.services.documents import DocumentExports
from alignmeet.services.followups import ActionFilter, FollowUpService
from alignmeet.storage import models as m
from alignmeet.storage.queries import actions as action_queries

__all__ = ["ExportResult", "ExportService"]

_DUE_WORDS = {
    "overdue": N_("overdue"),
    "this_week": N_("due this week"),
    "later": N_("due later"),
    "none": N_("without a due date"),
}


Cancel = Callable[[], bool]  # True once the person asked to stop


class ExportCancelled(Exception):
    """The person cancelled the export before the file was written; nothing changed."""


def _checkpoint(cancelled: Cancel | None) -> None:
    """Stop here if cancelled: every checkpoint comes before the file is replaced."""
    if cancelled is not None and cancelled():
        raise ExportCancelled(_("The export was cancelled; no file was written."))


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    actions: int  # actions in the file
    scope: str  # which actions, in words ("Open actions · Monthly Sales & Marketing sync")
    skipped: int = 0  # actions left out of the calendar because they have no due date


def _status_words(statuses: frozenset[ActionStatus] | None) -> str:
    if statuses is None:
        return _("All actions")
    chosen = frozenset(ActionStatus(s) for s in statuses)
    if chosen == OPEN_STATUSES:
        return _("Open actions")
    if not chosen:
        return _("No actions")
    labels = [_(s.label) for s in ActionStatus if s in chosen]
    if i18n.language() == "en":  # "In progress or blocked actions"; German keeps its nouns
        labels = [label.lower() for label in labels]
    text = _("{statuses} actions").format(statuses=_(" or ").join(labels))
    return text[0].upper() + text[1:]


class ExportService(DocumentExports):
    """Every file for people: the follow-up exports below, and the documents of
    alignmeet/services/documents.py with the company template applied in one place."""

    def describe_filter(self, flt: ActionFilter) -> str:
        """The filter in words, for the line under a title or a calendar's name:
        "Open actions · Monthly Sales & Marketing sync · Priya Raman · overdue"."""
        parts = [_status_words(flt.statuses)]
        with self.db.sessions() as s:
            if flt.series_id is not None:
                series = s.get(m.Series, flt.series_id)
                if series is None:
                    raise NotFoundError(_("Series {id} does not exist.").format(id=flt.series_id))
                parts.append(series.name)
            if flt.owner_id is not None:
                member = s.get(m.Member, flt.owner_id)
                if member is None:
                    raise NotFoundError(_("Member {id} does not exist.").format(id=flt.owner_id))
                parts.append(member.name)
        if flt.team_tag is not None:
            parts.append(_("{team} team").format(team=_(TeamTag(flt.team_tag).label)))
        if flt.due is not None:
            parts.append(_(_DUE_WORDS[flt.due]) if flt.due in _DUE_WORDS else flt.due)
        words = " ".join(flt.text.split())
        if words:
            parts.append(_("matching “{words}”").format(words=words))
        return " · ".join(parts)

    def followups_docx(
        self,
        *,
        flt: ActionFilter,
        path: Path,
        title: str | None = None,
        template: Path | None = None,
        cancelled: Cancel | None = None,
    ) -> ExportResult:
        """The follow-up checklist, grouped by owner, as a Word document."""
        from alignmeet.export.checklist_docx import DEFAULT_TITLE, write_checklist

        now = self._now()
        rows = self._rows(flt, now)
        _checkpoint(cancelled)
        scope = self.describe_filter(flt)
        written = write_checklist(
            rows,
            Path(path),
            title=title or DEFAULT_TITLE,
            generated_at=now,
            today=now.date(),
            scope=scope,
            template=template,
        )
        return ExportResult(path=written, actions=len(rows), scope=scope)

    def ics(
        self, *, flt: ActionFilter, path: Path, cancelled: Cancel | None = None
    ) -> ExportResult:
        """Due dates as all-day events; re-importing the file updates them.

        UID: the action's id and creation time. SEQUENCE: the action row's revision
        counter (the ORM version column, 1 when created, +1 on every edit of title, owner,
        team, milestone, due date or status), minus one, so it starts at 0 and only grows.
        It is used rather than the number of history entries because title and owner edits
        leave no history entry but do change the event.
        """
        from alignmeet.export.ics import write_ics

        now = self._now()
        rows = self._rows(flt, now)
        _checkpoint(cancelled)
        scope = self.describe_filter(flt)
        created, revisions = self._revisions([row.action.id for row in rows])
        _checkpoint(cancelled)
        summary = write_ics(
            rows,
            Path(path),
            calendar_name=f"AlignMeet — {scope}",
            generated_at=now,
            created=created,
            revisions=revisions,
        )
        return ExportResult(
            path=summary.path,
            actions=summary.events,
            scope=scope,
            skipped=summary.skipped_without_due,
        )

    def csv(
        self, *, flt: ActionFilter, path: Path, cancelled: Cancel | None = None
    ) -> ExportResult:
        """The actions as a spreadsheet-safe CSV file."""
        from alignmeet.export.csv_export import write_csv

        rows = self._rows(flt, self._now())
        _checkpoint(cancelled)
        written = write_csv(rows, Path(path))
        return ExportResult(path=written, actions=len(rows), scope=self.describe_filter(flt))

    # ---- helpers ----------------------------------------------------------------------
    def _rows(self, flt: ActionFilter, now: datetime) -> list[r.ActionRow]:
        return FollowUpService(self.db, self.clock).actions(flt, today=now.date())

    def _revisions(self, ids: list[int]) -> tuple[dict[int, datetime], dict[int, int]]:
        """action id → when it was created, and → its revision (0 for an untouched action)."""
        created: dict[int, datetime] = {}
        revisions: dict[int, int] = {}
        with self.db.sessions() as s:
            for action_id, created_at, version in action_queries.created_and_versions(s, ids):
                created[action_id] = created_at
                revisions[action_id] = max(0, (version or 1) - 1)
        return created, revisions
