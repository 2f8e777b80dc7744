"""The use cases: one transaction per user action, keyword arguments in, records out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.exc import DatabaseError as SADatabaseError

from alignmeet.redact import redact
from alignmeet.services.actions import ActionService
from alignmeet.services.agenda import AgendaService
from alignmeet.services.errors import ConflictError, ExportError, NotFoundError
from alignmeet.services.meetings import MeetingService
from alignmeet.services.minutes import MinutesRecordError, MinutesService
from alignmeet.services.people import PeopleService
from alignmeet.storage import changelog
from alignmeet.storage.access import Cause, ReadOnly, short_text
from alignmeet.storage.database import Database, DatabaseOpenError, check_target, open_database

if TYPE_CHECKING:
    from pathlib import Path

    from alignmeet.services.accountability import AccountabilityService
    from alignmeet.services.backups import BackupService
    from alignmeet.services.board import BoardService
    from alignmeet.services.channels import ChannelService
    from alignmeet.services.coaching import CoachingService
    from alignmeet.services.data_needs import DataNeedService
    from alignmeet.services.documents import TemplateSource
    from alignmeet.services.exports import ExportService
    from alignmeet.services.followups import FollowUpService
    from alignmeet.services.glossary import GlossaryService
    from alignmeet.services.goals import GoalService
    from alignmeet.services.journal import JournalService
    from alignmeet.services.lead_feedback import LeadFeedbackService
    from alignmeet.services.operations import Operations
    from alignmeet.services.personas import PersonaService
    from alignmeet.services.recaps import RecapService
    from alignmeet.storage.integrity import WriteGate

__all__ = [
    "Cause",
    "ConflictError",
    "DatabaseOpenError",
    "ExportError",
    "MinutesRecordError",
    "NotFoundError",
    "ReadOnly",
    "Services",
    "another_client",
    "check_target",
    "open_services",
    "short_text",
]


class Services:
    """All use cases over one database."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self.db = db
        self.people = PeopleService(db, clock)
        self.meetings = MeetingService(db, clock)
        self.agenda = AgendaService(db, clock)
        self.actions = ActionService(db, clock)
        self.minutes = MinutesService(db, clock)
        self._clock = clock
        self._company_template: TemplateSource | Path | None = None

    # The follow-up index and the exports are not needed to show the first page:
    # importing them on first use keeps them out of start-up.
    @cached_property
    def followups(self) -> FollowUpService:
        from alignmeet.services.followups import FollowUpService

        return FollowUpService(self.db, self._clock)

    @cached_property
    def exports(self) -> ExportService:
        from alignmeet.services.exports import ExportService

        service = ExportService(self.db, self._clock)
        service.use_company_template(self._company_template)
        return service

    def use_company_template(self, source: TemplateSource | Path | None) -> None:
        """Where every Word export takes the company template from (see
        alignmeet.services.documents): the app's settings, or the CLI's --template."""
        self._company_template = source
        if "exports" in self.__dict__:  # already built
            self.exports.use_company_template(source)

    @property
    def backups(self) -> BackupService:
        """Backups, restore and the check of this database's file (SQLite only: a
        server keeps its own backups, and `db.path` is None then)."""
        from alignmeet.services.backups import BackupService

        if self.db.path is None:
            raise ValueError("a database server has no backup file")
        return BackupService(self.db.path, self.db)

    @cached_property
    def operations(self) -> Operations:
        """The one write path: a use case run as an operation that says what it changed."""
        from alignmeet.services.operations import Operations

        return Operations(self)

    @cached_property
    def journal(self) -> JournalService:
        """Row-level record of a use case's writes: the app's undo for any of them."""
        from alignmeet.services.journal import JournalService

        return JournalService(self.db, self._clock)

    @cached_property
    def recaps(self) -> RecapService:
        """Recaps and reminders by e-mail, and the outbox they go through (issue 15)."""
        from alignmeet.services.recaps import RecapService

        return RecapService(self.db, self._clock)

    # ---- the alignment toolkit (alignmeet.services.toolkit lists its areas) ----------------
    # Each is built on first use: a window that never opens the Alignment page never
    # imports them.
    @cached_property
    def goals(self) -> GoalService:
        """Shared goals and KPIs."""
        from alignmeet.services.goals import GoalService

        return GoalService(self.db, self._clock)

    @cached_property
    def glossary(self) -> GlossaryService:
        from alignmeet.services.glossary import GlossaryService

        return GlossaryService(self.db, self._clock)

    @cached_property
    def personas(self) -> PersonaService:
        from alignmeet.services.personas import PersonaService

        return PersonaService(self.db, self._clock)

    @cached_property
    def data_needs(self) -> DataNeedService:
        from alignmeet.services.data_needs import DataNeedService

        return DataNeedService(self.db, self._clock)

    @cached_property
    def lead_feedback(self) -> LeadFeedbackService:
        from alignmeet.services.lead_feedback import LeadFeedbackService

        return LeadFeedbackService(self.db, self._clock)

    @cached_property
    def coaching(self) -> CoachingService:
        from alignmeet.services.coaching import CoachingService

        return CoachingService(self.db, self._clock)

    @cached_property
    def board(self) -> BoardService:
        """Wins and hard lessons."""
        from alignmeet.services.board import BoardService

        return BoardService(self.db, self._clock)

    @cached_property
    def channels(self) -> ChannelService:
        """Who to call for what."""
        from alignmeet.services.channels import ChannelService

        return ChannelService(self.db, self._clock)

    @cached_property
    def accountability(self) -> AccountabilityService:
        """Ratings, say/do, proposals for the agenda (issue 15)."""
        from alignmeet.services.accountability import AccountabilityService

        return AccountabilityService(self.db, self._clock)

    def bootstrap(self) -> None:
        """Out-of-the-box content: Sales and Marketing teams, built-in agenda templates;
        and the change log trimmed to the last day (alignmeet.storage.changelog) — later
        (`trim_change_log`) while writes wait for the file's check: the teams and
        templates are only written to a file that lacks them, the trim on most days."""
        self.people.ensure_default_teams()
        self.agenda.ensure_builtin_templates()
        if not self.db.writes_held:
            self.trim_change_log()

    def trim_change_log(self) -> None:
        """Forget other clients' changes older than a day."""
        with self.db.engine.begin() as connection:
            changelog.trim(connection)

    def close(self) -> None:
        self.db.dispose()


def another_client(services: Services) -> Services:
    """Services over the same database as `services`, as another client: its own
    connections, its own origin in the change log (so each hears the other's writes from
    its change feed) and its own record of what it has seen (so optimistic locking treats
    the two as two people). Room Link's server is one; close it with `close()`."""
    db = services.db
    target = str(db.path) if db.path is not None else db.url
    # Already at the newest schema (its first client opened it): nothing to upgrade. A
    # database the first client has read-only is read-only for this one too.
    read_only = db.read_only_reason or db.read_only
    return Services(
        open_database(target, create=False, quick_check=False, read_only=read_only),
        clock=services._clock,
    )


def open_services(
    target: str | None = None,
    *,
    create: bool = True,
    quick_check: bool = True,
    read_only: bool | ReadOnly = False,
    fall_back_to_read_only: bool = False,
    write_gate: WriteGate | None = None,
) -> Services:
    """All use cases over a database opened to be written (see `open_database`; with
    `fall_back_to_read_only`, a file that cannot be written opens read-only and
    `services.db.read_only_reason` says why). `write_gate`: writes wait for it (the
    file's check, running in a thread; see alignmeet.storage.integrity)."""
    services = Services(
        open_database(
            target,
            create=create,
            quick_check=quick_check,
            read_only=read_only,
            fall_back_to_read_only=fall_back_to_read_only,
        )
    )
    if write_gate is not None:
        services.db.hold_writes(write_gate)
    try:
        if not services.db.read_only:
            services.bootstrap()
    except SADatabaseError as exc:  # a damaged file the quick check has not seen yet
        services.close()
        problem = redact(exc.orig or exc, services.db.url)
        raise DatabaseOpenError(f"Cannot use {services.db.label}: {problem}") from exc
    return services
