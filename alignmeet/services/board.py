"""Wins and hard lessons: a shared board, added to during or between meetings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from alignmeet.domain.board import (
    BoardEntryRecord,
    BoardKind,
    clean_details,
    clean_title,
    one_line,
)
from alignmeet.domain.enums import TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Table
from alignmeet.i18n import _
from alignmeet.services.base import ServiceBase, given, versioned_write
from alignmeet.storage import models as m
from alignmeet.storage.queries import board as q

_UNSET: object = object()


def _kind(value: BoardKind | str) -> BoardKind:
    try:
        return BoardKind(value)
    except ValueError:
        raise ValidationError("kind", _("Choose whether it is a win or a lesson.")) from None


def _team_tag(value: TeamTag | str) -> TeamTag:
    try:
        return TeamTag(value)
    except ValueError:
        raise ValidationError("team_tag", _("The team is Sales, Marketing or Joint.")) from None


class BoardService(ServiceBase):
    # ---- reading -----------------------------------------------------------------------------
    def entries(
        self,
        *,
        kind: BoardKind | str | None = None,
        team_tag: TeamTag | str | None = None,
        unresolved_only: bool = False,
        meeting_id: int | None = None,
    ) -> list[BoardEntryRecord]:
        """Newest first. `unresolved_only` keeps wins and the lessons still open."""
        with self.db.sessions() as s:
            found = q.entries(
                s,
                kind=_kind(kind).value if kind is not None else None,
                team_tag=_team_tag(team_tag).value if team_tag is not None else None,
                unresolved_only=unresolved_only,
                meeting_id=meeting_id,
            )
            return [self._record(s, e) for e in found]

    def get_entry(self, entry_id: int) -> BoardEntryRecord:
        with self.db.sessions() as s:
            return self._record(s, self._get(s, m.BoardEntry, entry_id, "Board entry"))

    # ---- writing -----------------------------------------------------------------------------
    def add_entry(
        self,
        *,
        kind: BoardKind | str,
        title: str,
        details: str = "",
        team_tag: TeamTag | str = TeamTag.JOINT,
        author_id: int | None = None,
        meeting_id: int | None = None,
    ) -> BoardEntryRecord:
        """A win or a lesson, raised in a meeting (`meeting_id`) or between meetings."""
        what = _kind(kind)
        text = clean_title(title)
        body = clean_details(details)
        tag = _team_tag(team_tag)
        with self.db.transaction() as s:
            if author_id is not None:
                self._get(s, m.Member, author_id, "Member")
            if meeting_id is not None:
                self._get(s, m.Meeting, meeting_id, "Meeting")
            entry = m.BoardEntry(
                kind=what.value,
                title=text,
                details=body,
                team_tag=tag.value,
                author_id=author_id,
                meeting_id=meeting_id,
                resolved=False,
                created_at=self._now(),
            )
            s.add(entry)
            s.flush()
            return self._record(s, entry)

    @versioned_write(m.BoardEntry)
    def update_entry(
        self,
        *,
        entry_id: int,
        kind: BoardKind | str | None = None,
        title: str | None = None,
        details: str | None = None,
        team_tag: TeamTag | str | None = None,
        author_id: int | object | None = _UNSET,
        meeting_id: int | object | None = _UNSET,
        seen: object | None = None,
    ) -> BoardEntryRecord:
        """Change the fields given. A lesson turned into a win is no longer "solved".
        `seen`: the entry as the user saw it. ConflictError when someone else changed one
        of them since then."""
        asked = given(_UNSET, kind=kind, title=title, details=details, team_tag=team_tag) | {
            f for f, v in (("author_id", author_id), ("meeting_id", meeting_id)) if v is not _UNSET
        }
        with (
            self._guarded(m.BoardEntry, entry_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            entry = self._get(s, m.BoardEntry, entry_id, "Board entry")
            guard.loaded(entry, _("Board entry “{title}”").format(title=entry.title))
            if kind is not None:
                entry.kind = _kind(kind).value
                if entry.kind == BoardKind.WIN.value:
                    entry.resolved = False
            if title is not None:
                entry.title = clean_title(title)
            if details is not None:
                entry.details = clean_details(details)
            if team_tag is not None:
                entry.team_tag = _team_tag(team_tag).value
            if author_id is not _UNSET:
                if author_id is not None:
                    assert isinstance(author_id, int)
                    self._get(s, m.Member, author_id, "Member")
                entry.author_id = author_id  # type: ignore[assignment]
            if meeting_id is not _UNSET:
                if meeting_id is not None:
                    assert isinstance(meeting_id, int)
                    self._get(s, m.Meeting, meeting_id, "Meeting")
                entry.meeting_id = meeting_id  # type: ignore[assignment]
            guard.check(s, entry)
            s.flush()
            return self._record(s, entry)

    def resolve(self, *, entry_id: int) -> BoardEntryRecord:
        """A lesson the teams have solved together."""
        return self._set_resolved(entry_id, True)

    def reopen(self, *, entry_id: int) -> BoardEntryRecord:
        return self._set_resolved(entry_id, False)

    def _set_resolved(self, entry_id: int, resolved: bool) -> BoardEntryRecord:
        with self.db.transaction() as s:
            entry = self._get(s, m.BoardEntry, entry_id, "Board entry")
            if entry.kind != BoardKind.LESSON.value:
                raise ValidationError(
                    "resolved",
                    _("Only a lesson is solved or reopened; a win is there to celebrate."),
                )
            entry.resolved = resolved
            s.flush()
            return self._record(s, entry)

    def delete_entry(self, *, entry_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.BoardEntry, entry_id, "Board entry"))

    # ---- minutes -----------------------------------------------------------------------------
    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """ "Wins and lessons": this meeting's wins, then its lessons with their status."""
        mine = sorted(self.entries(meeting_id=meeting_id), key=lambda e: (e.created_at, e.id))
        if not mine:
            return ()
        wins = [e for e in mine if e.kind is BoardKind.WIN]
        lessons = [e for e in mine if e.kind is BoardKind.LESSON]
        blocks: list[Paragraph | Bullets | Table] = [Paragraph("", label=_("Wins to celebrate"))]
        if wins:
            blocks.append(Bullets(tuple(one_line(e) for e in wins)))
        else:
            blocks.append(Paragraph(_("No wins recorded in this meeting."), muted=True))
        blocks.append(Paragraph("", label=_("Hard lessons to solve together")))
        if lessons:
            blocks.append(
                Table(
                    header=(
                        _("Lesson"),
                        _("What happened / what we try next"),
                        _("Raised by"),
                        _("Status"),
                    ),
                    rows=tuple((e.title, e.details, e.byline, _(e.status_label)) for e in lessons),
                    weights=(5, 8, 4, 2),
                )
            )
        else:
            blocks.append(Paragraph(_("No lessons recorded in this meeting."), muted=True))
        return (DocSection(heading=_("Wins and lessons"), blocks=tuple(blocks)),)

    # ---- records -----------------------------------------------------------------------------
    @staticmethod
    def _record(s: Session, entry: m.BoardEntry) -> BoardEntryRecord:
        author = s.get(m.Member, entry.author_id) if entry.author_id else None
        meeting = s.get(m.Meeting, entry.meeting_id) if entry.meeting_id else None
        return BoardEntryRecord(
            id=entry.id,
            kind=BoardKind(entry.kind),
            title=entry.title,
            details=entry.details,
            team_tag=TeamTag(entry.team_tag),
            author_id=entry.author_id,
            author_name=author.name if author else "",
            meeting_id=entry.meeting_id,
            meeting_title=meeting.title if meeting else "",
            meeting_date=meeting.starts_at.date() if meeting else None,
            resolved=entry.resolved,
            created_at=entry.created_at,
            version=entry.version,
        )
