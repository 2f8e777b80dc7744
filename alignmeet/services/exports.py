"""Exports of the follow-ups: the checklist (.docx), the calendar (.ics) and a CSV.

Each method streams the actions of one `ActionFilter` from `FollowUpService.export_lines`
(the same rows the follow-up view shows, overdue judged against the service clock's
today) into a writer in `alignmeet.export`, a row at a time: no record per row, nothing
kept, so 300,000 actions take the memory of a batch, and the export makes almost no
garbage for a collector to walk. The writers replace the target atomically (the new
file is written beside it first) and raise `ExportError` with a message for the user
when they cannot; a cancelled export leaves no file and the old one as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from alignmeet import i18n
from alignmeet.domain import records as r
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.i18n import N_, _
from alignmeet.services.base import NotFoundError
from alignmeet.services.documents import DocumentExports
from alignmeet.services.followups import ActionFilter, FollowUpService
from alignmeet.storage import models as m

__all__ = ["ExportResult", "ExportService"]

T = TypeVar("T")
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
        """The follow-up checklist, grouped by owner, as a Word document — with the company
        template, like every Word document (`template` given: that one instead)."""
        from alignmeet.domain.labels import label
        from alignmeet.export.checklist_docx import (
            DEFAULT_TITLE,
            ChecklistContent,
            OwnerGroup,
            owner_key,
            write_checklist_content,
        )

        now = self._now()
        today = now.date()
        followups = self._followups()
        owners = sorted(
            followups.owner_totals(flt, today=today), key=lambda o: owner_key(o.name, o.owner_id)
        )
        _checkpoint(cancelled)
        scope = self.describe_filter(flt)

        def rows_of(owner_id: int) -> Iterator[r.ExportLine]:
            _checkpoint(cancelled)
            mine = dataclasses.replace(flt, owner_id=owner_id)
            yield from followups.export_lines(
                mine, today=today, checkpoint=lambda: _checkpoint(cancelled)
            )

        dues = followups.due_dates(flt, today=today)
        content = ChecklistContent(
            total=sum(o.count for o in owners),
            owners=len(owners),
            overdue=sum(o.overdue for o in owners),
            done=sum(o.done for o in owners),
            team_labels=tuple(sorted({label(tag) for o in owners for tag in o.team_tags})),
            max_id=max((o.max_id for o in owners), default=0),
            dues=dues.dates,
            most_slipped=dues.most_slipped,
            groups=(
                OwnerGroup(o.owner_id, o.name, o.team, o.count, o.overdue, rows_of(o.owner_id))
                for o in owners
            ),
        )
        written = write_checklist_content(
            content,
            Path(path),
            title=title or DEFAULT_TITLE,
            generated_at=now,
            today=today,
            scope=scope,
            template=template if template is not None else self.company_template(),
        )
        return ExportResult(path=written, actions=content.total, scope=scope)

    def ics(
        self, *, flt: ActionFilter, path: Path, cancelled: Cancel | None = None
    ) -> ExportResult:
        """Due dates as all-day events; re-importing the file updates them.

        UID: the action's id and creation time. SEQUENCE: the action row's revision
        counter (the ORM version column, 1 when created, +1 on every edit of title, owner,
        team, milestone, due date or status), minus one, so it starts at 0 and only grows.
        It is used rather than the number of history entries because title and owner edits
        leave no history entry but do change the event. Both come with each streamed row.
        """
        from alignmeet.export.ics import write_ics

        now = self._now()
        _checkpoint(cancelled)
        scope = self.describe_filter(flt)
        summary = write_ics(
            self._lines(flt, now.date(), cancelled),
            Path(path),
            calendar_name=f"AlignMeet — {scope}",
            generated_at=now,
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

        _checkpoint(cancelled)
        scope = self.describe_filter(flt)
        counted = _Counted(self._lines(flt, self._now().date(), cancelled))
        written = write_csv(counted, Path(path))
        return ExportResult(path=written, actions=counted.count, scope=scope)

    # ---- helpers ----------------------------------------------------------------------
    def _followups(self) -> FollowUpService:
        return FollowUpService(self.db, self.clock)

    def _lines(
        self, flt: ActionFilter, today: date, cancelled: Cancel | None
    ) -> Iterator[r.ExportLine]:
        return self._followups().export_lines(
            flt, today=today, checkpoint=lambda: _checkpoint(cancelled)
        )


class _Counted(Iterable[T]):
    """An iterable that counts what went through it."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator[T]:
        for item in self._items:
            self.count += 1
            yield item
