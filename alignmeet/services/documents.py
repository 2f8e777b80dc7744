"""The documents AlignMeet writes for people, and the one place the company template is
applied: the app and the CLI call these same functions, so their files cannot differ.

`ExportService` (alignmeet/services/exports.py) carries these methods next to the
follow-up exports. Every Word document takes the company template from
`company_template()`: the app sets where it comes from once (its settings), the CLI from
`--template`; `own_styles=True` writes with AlignMeet's own styles instead (the app's
"save without the template" when the template can no longer be used).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from alignmeet.services.base import ServiceBase

if TYPE_CHECKING:
    from alignmeet.domain.records import MinutesData
    from alignmeet.services.recaps import QueueResult

__all__ = ["DocumentExports", "EmailDraft", "GlossaryExport", "MinutesPage", "TemplateSource"]

TemplateSource = Callable[[], "Path | None"]


def _no_template() -> Path | None:
    return None


@dataclass(frozen=True)
class EmailDraft:
    """The minutes as an e-mail saved to a file (.eml), addressed to the attendees."""

    path: Path
    without_address: tuple[str, ...]  # attendees with no e-mail address on file


@dataclass(frozen=True)
class MinutesPage:
    title: str  # the meeting's title ("" when it has none)
    html: str
    agenda: bool = False  # a meeting not started yet: the page is its agenda, not minutes


@dataclass(frozen=True)
class GlossaryExport:
    path: Path
    terms: int  # agreed terms in the appendix


class DocumentExports(ServiceBase):
    """Minutes (Word, HTML, e-mail), glossary, dashboard, say/do report, recap drafts."""

    _template_source: TemplateSource = staticmethod(_no_template)  # type: ignore[assignment]

    # ---- the company template -----------------------------------------------------------
    def use_company_template(self, source: TemplateSource | Path | None) -> None:
        """Where the company template comes from: a function asked at every export (the
        app's settings, which may change while it runs), a fixed file, or None."""
        if source is None or isinstance(source, Path):
            fixed = source
            self._template_source = lambda: fixed  # type: ignore[method-assign]
        else:
            self._template_source = source  # type: ignore[method-assign]

    def company_template(self) -> Path | None:
        """The company Word template every Word export uses now (None: AlignMeet's own)."""
        return self._template_source()

    def template_problem(self, path: Path) -> str:
        """Why the Word file at `path` cannot serve as the company template, in words for the
        person choosing it; "" when it can (the same check every export applies again)."""
        from alignmeet.services.company_template import template_problem

        return template_problem(path)

    def _template(self, own_styles: bool) -> Path | None:
        return None if own_styles else self.company_template()

    # ---- the minutes --------------------------------------------------------------------
    def _minutes_data(self, meeting_id: int, revision: int | None = None) -> MinutesData:
        from alignmeet.services.minutes import MinutesService

        return MinutesService(self.db, self.clock).gather(meeting_id, revision=revision)

    def minutes_docx(
        self,
        *,
        meeting_id: int,
        path: Path,
        revision: int | None = None,
        own_styles: bool = False,
    ) -> Path:
        """The minutes as a Word document, with the company template. ExportError (the old
        file kept) when it cannot be written; its `path` is the template's when the
        template is what failed."""
        from alignmeet.services.minutes import MinutesService

        return MinutesService(self.db, self.clock).export_docx(
            meeting_id=meeting_id,
            path=Path(path),
            template=self._template(own_styles),
            revision=revision,
        )

    def minutes_page(self, meeting_id: int) -> MinutesPage:
        """The minutes as one HTML page (the preview, printing and PDF) and their title; for a
        meeting not started yet, its agenda (what its Word export holds then)."""
        from alignmeet.export.html_minutes import minutes_html
        from alignmeet.export.wording import AGENDA, document_kind

        data = self._minutes_data(meeting_id)
        return MinutesPage(
            title=data.meeting.title,
            html=minutes_html(data),
            agenda=document_kind(data) == AGENDA,
        )

    def minutes_email(self, meeting_id: int) -> tuple[str, str]:
        """(subject, body) of the e-mail with the minutes, as saved now."""
        from alignmeet.export.email_minutes import minutes_email

        return minutes_email(self._minutes_data(meeting_id))

    def minutes_eml(self, *, meeting_id: int, path: Path) -> EmailDraft:
        """The e-mail with the minutes as an .eml draft to the attendees (to: present,
        cc: the others), ready to open and send."""
        from alignmeet.export.email_minutes import minutes_email, recipients, write_eml
        from alignmeet.services.people import PeopleService

        data = self._minutes_data(meeting_id)
        subject, body = minutes_email(data)
        people = PeopleService(self.db, self.clock)
        emails = {p.id: p.email for p in people.list_members(include_inactive=True)}
        to = recipients(data, emails)
        written = write_eml(Path(path), subject, body, to=to.to, cc=to.cc)
        return EmailDraft(path=written or Path(path), without_address=to.without_address)

    def save_bytes(self, path: Path, data: bytes) -> Path:
        """A file the window rendered itself (a PDF), written atomically: an existing
        file is kept when this fails (ExportError)."""
        from alignmeet.export.atomic import atomic_write_bytes

        atomic_write_bytes(Path(path), data)
        return Path(path)

    # ---- the toolkit's documents --------------------------------------------------------
    def glossary_docx(self, *, path: Path, own_styles: bool = False) -> GlossaryExport:
        """The agreed definitions and open proposals as a Word appendix."""
        from alignmeet.export.glossary_docx import write_glossary
        from alignmeet.services.glossary import GlossaryService

        data = GlossaryService(self.db, self.clock).glossary_data()
        written = write_glossary(data, Path(path), template=self._template(own_styles))
        return GlossaryExport(path=written, terms=len(data.entries))

    def dashboard(self, *, path: Path, period: str | None = None) -> tuple[Path, str]:
        """The KPI dashboard of `period` as a Word report (.docx) or one picture (.png,
        by the file's suffix); returns the file and the period in words."""
        from alignmeet.export import dashboard_docx
        from alignmeet.services.goals import GoalService

        board = GoalService(self.db, self.clock).dashboard_data(period)
        path = Path(path)
        if path.suffix.lower() == ".png":
            written = dashboard_docx.write_dashboard_png(board, path)
        else:
            written = dashboard_docx.write_dashboard(board, path, template=self._template(False))
        return written, board.period_label

    def accountability_report(self, *, path: Path, series_id: int | None = None) -> Path:
        """The say/do report as .docx (with the company template) or .csv."""
        from alignmeet.services.accountability import AccountabilityService

        service = AccountabilityService(self.db, self.clock)
        return service.export(path=path, series_id=series_id, template=self.company_template())

    # ---- recaps and reminders as files (no mail server) ---------------------------------
    def recap_emls(self, *, meeting_id: int, folder: Path) -> QueueResult:
        """One recap .eml per attendee in `folder`, the minutes attached (company template)."""
        from alignmeet.services.recaps import RecapService

        recaps = RecapService(self.db, self.clock)
        return recaps.write_recap_emls(meeting_id, Path(folder), template=self.company_template())

    def reminder_emls(self, *, folder: Path) -> QueueResult:
        """One reminder .eml per owner with actions overdue or due this week, in `folder`."""
        from alignmeet.services.recaps import RecapService

        return RecapService(self.db, self.clock).write_reminder_emls(Path(folder))
