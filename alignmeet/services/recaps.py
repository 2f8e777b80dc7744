"""Recaps and reminders that reach people, through an outbox that never loses a message.

After a meeting is closed, each attendee gets a recap (their actions and commitment, the
decisions, the minutes attached); between meetings, each owner can get a "due this week"
digest. With an SMTP server set (Settings › E-mail; `alignmeet.mail.settings`) the
messages are queued in the outbox (`outbox_message`) and sent from there; without one they
are written as one .eml per person, ready to send from a mail program.

The outbox's states and its guarantee are in alignmeet.domain.outbox. Here: queueing is one
transaction (all of a meeting's recaps or none) and never queues the same message twice
(a unique key per message: the meeting, the member and the closing; the owner and the
day); each attempt claims its message with a conditional UPDATE before the server hears of
it, and records the outcome after.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from alignmeet.domain import records as r
from alignmeet.domain.enums import OPEN_STATUSES, Attendance, MeetingStatus
from alignmeet.domain.outbox import (
    SENDING_LEASE,
    MailKind,
    OutboxRecord,
    OutboxStatus,
    SendOutcome,
    SendReport,
    next_attempt,
)
from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import N_, _
from alignmeet.mail import settings as mail_settings
from alignmeet.mail.settings import (
    MailSettings,
    MailSettingsError,
    PasswordUnavailable,
    Security,
)
from alignmeet.services.base import ServiceBase, to_action
from alignmeet.storage import models as m
from alignmeet.storage.queries import recaps as q

RECORD_NAMES = (N_("Outbox message"),)
REMINDER_DAYS = 7  # "due this week": overdue, or due in the next seven days
REMINDER_EVERY = timedelta(days=6)  # offered at start when none went out for this long
_OPEN_VALUES = [s.value for s in OPEN_STATUSES]

Cancelled = Callable[[], bool]
Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class Recipient:
    """Who a recap or a reminder goes to, and whether it can go."""

    member_id: int
    name: str
    address: str  # "" when the member has no usable e-mail address
    actions: int  # their actions in the recap, or due in the reminder

    @property
    def reachable(self) -> bool:
        return bool(self.address)


@dataclass(frozen=True)
class QueueResult:
    """What queueing (or writing .eml files) did."""

    queued: tuple[int, ...] = ()  # outbox ids
    already: tuple[str, ...] = ()  # names whose message was queued before (not again)
    without_address: tuple[str, ...] = ()  # names without a usable address
    files: tuple[Path, ...] = ()  # .eml files written (no server)


class RecapService(ServiceBase):
    """`ssl_context` (tests: a context that trusts a test server's certificate)."""

    ssl_context: ssl.SSLContext | None = None

    # ==== settings ===========================================================================
    def mail_settings(self) -> MailSettings:
        return mail_settings.load()

    def save_mail_settings(
        self, settings: MailSettings, *, password: str | None = None
    ) -> MailSettings:
        """Keep the settings (a file) and, when given, the password (the OS keyring)."""
        clean = mail_settings.validate(settings)
        if password:
            mail_settings.set_password(clean, password)
        mail_settings.save(clean)
        return clean

    def check_mail_settings(self, settings: MailSettings, password: str | None = None) -> str:
        """Connect and log in without sending: "" when it works, else why not."""
        from alignmeet.mail.smtp import SendError, check_login

        clean = mail_settings.validate(settings)
        try:
            secret = password if password else mail_settings.get_password(clean)
            check_login(clean, secret, ssl_context=self.ssl_context)
        except (SendError, MailSettingsError) as exc:
            return str(exc)
        return ""

    # ==== recaps =============================================================================
    def recap_recipients(self, meeting_id: int) -> list[Recipient]:
        """The members present, and anyone else who got an action in the meeting."""
        from alignmeet.export.email_minutes import header_text

        with self.db.sessions() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            present = {
                p.member_id for p in q.participants_with(s, meeting_id, Attendance.PRESENT.value)
            }
            counts: dict[int, int] = {}
            for owner_id in q.action_owners(s, meeting_id):
                counts[owner_id] = counts.get(owner_id, 0) + 1
            members = q.members(s, present | set(counts))
        out = [
            Recipient(
                member_id=member.id,
                name=member.name,
                address=_usable(member.name, header_text(member.email)),
                actions=counts.get(member.id, 0),
            )
            for member in members
        ]
        out.sort(key=lambda x: (x.name.casefold(), x.member_id))
        return out

    def _recap_mails(
        self,
        meeting_id: int,
        *,
        template: Path | None,
        unsent: bool,
        settings: MailSettings,
    ) -> tuple[list[tuple[Recipient, object]], list[str], MeetingKey]:
        from alignmeet.export.minutes_docx import minutes_document_bytes
        from alignmeet.export.recap_email import docx_name, message_id, recap_mail
        from alignmeet.services.minutes import MinutesService

        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            if meeting.status != MeetingStatus.CLOSED.value or meeting.closed_at is None:
                raise ValidationError(
                    "meeting",
                    _("Close the meeting first: the recap carries its minutes as closed."),
                )
            key = MeetingKey(meeting_id, meeting.closed_at)
        data = MinutesService(self.db, self.clock).gather(meeting_id)
        attachment = (docx_name(data), minutes_document_bytes(data, template=template))
        sender = (settings.sender_name, settings.sender) if settings.sender else None
        domain = settings.sender.rpartition("@")[2] if settings.sender else ""
        mails: list[tuple[Recipient, object]] = []
        missing: list[str] = []
        for person in self.recap_recipients(meeting_id):
            if not person.reachable:
                missing.append(person.name)
                continue
            mails.append(
                (
                    person,
                    recap_mail(
                        data,
                        person.member_id,
                        to=(person.name, person.address),
                        sender=sender,
                        msg_id=message_id("recap", domain),
                        when=self._now(),
                        attachment=attachment,
                        unsent=unsent,
                    ),
                )
            )
        return mails, missing, key

    def queue_recaps(self, meeting_id: int, *, template: Path | None = None) -> QueueResult:
        """Queue one recap per attendee with an address (all in one transaction); a recap
        queued before for the same closing is not queued again."""
        settings = self._server_settings()
        mails, missing, key = self._recap_mails(
            meeting_id, template=template, unsent=False, settings=settings
        )
        return self._queue(
            [
                (
                    f"recap:{key.meeting_id}:{person.member_id}:{key.closed_at:%Y%m%dT%H%M%S}",
                    person,
                    mail,
                )
                for person, mail in mails
            ],
            kind=MailKind.RECAP,
            meeting_id=meeting_id,
            missing=missing,
        )

    def write_recap_emls(
        self, meeting_id: int, folder: Path, *, template: Path | None = None
    ) -> QueueResult:
        """No server: one .eml per attendee in `folder`, ready to open and send."""
        settings = self._settings_or_default()
        mails, missing, _key = self._recap_mails(
            meeting_id, template=template, unsent=True, settings=settings
        )
        return QueueResult(
            files=self._write_emls(folder, [(p, mail) for p, mail in mails], _("recap")),
            without_address=tuple(missing),
        )

    # ==== reminders ==========================================================================
    def reminder_rows(self, today: date | None = None) -> dict[int, list[r.ActionRow]]:
        """Per owner (active members): open actions overdue or due in the next 7 days."""
        today = today or self._now().date()
        until = today + timedelta(days=REMINDER_DAYS)
        with self.db.sessions() as s:
            rows = q.open_actions_due_by(s, until, _OPEN_VALUES)
        out: dict[int, list[r.ActionRow]] = {}
        for action, meeting, owner, series_name, team_name in rows:
            out.setdefault(owner.id, []).append(
                r.ActionRow(
                    action=to_action(action, meeting, owner),
                    series_id=meeting.series_id,
                    series_name=series_name,
                    owner_team=team_name,
                    times_slipped=action.times_slipped or 0,
                    last_note=action.last_note or "",
                )
            )
        return out

    def reminder_recipients(self, today: date | None = None) -> list[Recipient]:
        from alignmeet.export.email_minutes import header_text

        rows = self.reminder_rows(today)
        if not rows:
            return []
        with self.db.sessions() as s:
            members = q.members(s, rows)
        out = [
            Recipient(
                member_id=member.id,
                name=member.name,
                address=_usable(member.name, header_text(member.email)),
                actions=len(rows[member.id]),
            )
            for member in members
        ]
        out.sort(key=lambda x: (x.name.casefold(), x.member_id))
        return out

    def _reminder_mails(
        self, today: date | None, *, unsent: bool, settings: MailSettings
    ) -> tuple[list[tuple[Recipient, object]], list[str], date]:
        from alignmeet.export.recap_email import message_id, reminder_mail

        today = today or self._now().date()
        rows = self.reminder_rows(today)
        sender = (settings.sender_name, settings.sender) if settings.sender else None
        domain = settings.sender.rpartition("@")[2] if settings.sender else ""
        mails: list[tuple[Recipient, object]] = []
        missing: list[str] = []
        for person in self.reminder_recipients(today):
            if not person.reachable:
                missing.append(person.name)
                continue
            mails.append(
                (
                    person,
                    reminder_mail(
                        rows[person.member_id],
                        to=(person.name, person.address),
                        sender=sender,
                        msg_id=message_id("reminder", domain),
                        when=self._now(),
                        today=today,
                        until=today + timedelta(days=REMINDER_DAYS),
                        signature=settings.sender_name
                        if settings.sender_name != "AlignMeet"
                        else "",
                        unsent=unsent,
                    ),
                )
            )
        return mails, missing, today

    def queue_reminders(self, today: date | None = None) -> QueueResult:
        """Queue each owner's "due this week" digest (once a day per owner at most)."""
        settings = self._server_settings()
        mails, missing, day = self._reminder_mails(today, unsent=False, settings=settings)
        return self._queue(
            [
                (f"reminder:{person.member_id}:{day.isoformat()}", person, mail)
                for person, mail in mails
            ],
            kind=MailKind.REMINDER,
            meeting_id=None,
            missing=missing,
        )

    def write_reminder_emls(self, folder: Path, today: date | None = None) -> QueueResult:
        settings = self._settings_or_default()
        mails, missing, _day = self._reminder_mails(today, unsent=True, settings=settings)
        return QueueResult(
            files=self._write_emls(folder, mails, _("reminder")),
            without_address=tuple(missing),
        )

    def last_reminders_at(self) -> datetime | None:
        with self.db.sessions() as s:
            return q.last_created(
                s, MailKind.REMINDER.value, not_status=OutboxStatus.CANCELLED.value
            )

    def reminders_due(self, today: date | None = None) -> list[Recipient]:
        """Whom a reminder would reach, when none went out for six days; else []."""
        now = self._now()
        last = self.last_reminders_at()
        if last is not None and now - last < REMINDER_EVERY:
            return []
        return [p for p in self.reminder_recipients(today) if p.reachable]

    # ==== queueing ===========================================================================
    def _server_settings(self) -> MailSettings:
        settings = mail_settings.load()
        if not settings.configured:
            raise MailSettingsError(
                _(
                    "No e-mail server is set. Set one in Settings › E-mail, or save the "
                    "messages as .eml files to send from your mail program."
                )
            )
        return settings

    def _settings_or_default(self) -> MailSettings:
        try:
            return mail_settings.load()
        except MailSettingsError:
            return MailSettings()

    def _queue(
        self,
        items: Sequence[tuple[str, Recipient, object]],
        *,
        kind: MailKind,
        meeting_id: int | None,
        missing: Sequence[str],
    ) -> QueueResult:
        now = self._now()
        keys = [key for key, _p, _mail in items]
        with self.db.transaction() as s:
            existing = q.existing_keys(s, keys)
            rows = []
            already = []
            for key, person, mail in items:
                if key in existing:
                    already.append(person.name)
                    continue
                row = m.OutboxMessage(
                    message_id=mail.message_id,  # type: ignore[attr-defined]
                    dedup_key=key,
                    kind=kind.value,
                    meeting_id=meeting_id,
                    member_id=person.member_id,
                    recipient=person.address,
                    recipient_name=person.name[:200],
                    subject=mail.subject[:300],  # type: ignore[attr-defined]
                    content=mail.content.decode("ascii"),  # type: ignore[attr-defined]
                    status=OutboxStatus.QUEUED.value,
                    attempts=0,
                    last_error="",
                    created_at=now,
                )
                s.add(row)
                rows.append(row)
            try:
                s.flush()
            except IntegrityError as exc:  # queued meanwhile by another AlignMeet
                raise ValidationError(
                    "outbox",
                    _("These messages were just queued by another AlignMeet; look in the outbox."),
                ) from exc
            return QueueResult(
                queued=tuple(row.id for row in rows),
                already=tuple(already),
                without_address=tuple(missing),
            )

    def _write_emls(
        self, folder: Path, mails: Sequence[tuple[Recipient, object]], what: str
    ) -> tuple[Path, ...]:
        from alignmeet.export import ExportError
        from alignmeet.export.atomic import atomic_write_bytes

        folder = Path(folder)
        if not folder.is_dir():
            raise ExportError(
                _("The folder {folder} does not exist. Choose another one.").format(folder=folder),
                path=folder,
            )
        written: list[Path] = []
        for number, (person, mail) in enumerate(mails):
            safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in person.name).strip()
            path = folder / f"{safe or person.member_id} – {what}.eml"
            if path in written:  # "Sam (Sales)" and "Sam [Sales]": one file each
                path = folder / f"{safe} ({person.member_id}) – {what}.eml"
            try:
                atomic_write_bytes(path, mail.content)  # type: ignore[attr-defined]
            except ExportError as exc:
                if not written:
                    raise
                raise ExportError(  # the files that are there are not "not saved"
                    _(
                        "{count} of {total} e-mails were saved in {folder}. None for: {names}. "
                        "{reason}"
                    ).format(
                        count=len(written),
                        total=len(mails),
                        folder=folder,
                        names=", ".join(p.name for p, _m in mails[number:]),
                        reason=str(exc),
                    ),
                    path=exc.path,
                ) from exc
            written.append(path)
        return tuple(written)

    # ==== the outbox =========================================================================
    def outbox(self, *, include_sent: bool = True) -> list[OutboxRecord]:
        """Every message, newest first (sent ones too, unless left out)."""
        with self.db.sessions() as s:
            rows = q.messages(s, except_status=None if include_sent else OutboxStatus.SENT.value)
            return [_record(row) for row in rows]

    def message_bytes(self, outbox_id: int) -> bytes:
        with self.db.sessions() as s:
            return self._get(s, m.OutboxMessage, outbox_id, "Outbox message").content.encode(
                "ascii"
            )

    def pending_count(self) -> int:
        """Messages waiting (queued) or needing a decision (unconfirmed)."""
        with self.db.sessions() as s:
            return len(
                q.pending_ids(s, [OutboxStatus.QUEUED.value, OutboxStatus.UNCONFIRMED.value])
            )

    def reconcile(self) -> int:
        """Messages a sender claimed and never reported back on (it stopped): unconfirmed.
        Returns how many."""
        now = self._now()
        with self.db.transaction() as s:
            return q.mark_stale_unconfirmed(
                s,
                sending=OutboxStatus.SENDING.value,
                unconfirmed=OutboxStatus.UNCONFIRMED.value,
                before=now - SENDING_LEASE,
                error=_(
                    "AlignMeet stopped while sending this message, so it is not known "
                    "whether the server received it."
                ),
            )

    def due_ids(self, *, force: bool = False, ids: Iterable[int] | None = None) -> list[int]:
        now = self._now()
        with self.db.sessions() as s:
            rows = q.due_candidates(s, OutboxStatus.QUEUED.value, ids)
        return [
            ident
            for ident, attempts, at in rows
            if force or attempts == 0 or (at is not None and at <= now)
        ]

    def send_outbox(
        self,
        *,
        ids: Iterable[int] | None = None,
        force: bool = False,
        cancelled: Cancelled | None = None,
        progress: Progress | None = None,
    ) -> SendReport:
        """Send the queued messages that are due (all of `ids` with `force`: "Retry").

        A message counts as sent only once the server answered 250 to it. Settings or a
        password that cannot be had raise MailSettingsError before anything is touched.
        """
        from alignmeet.mail.smtp import SendError, SmtpSession

        self.reconcile()
        settings = self._server_settings()
        password = mail_settings.get_password(settings)
        due = self.due_ids(force=force, ids=ids)
        if not due:
            return SendReport()
        session = SmtpSession(settings, password, ssl_context=self.ssl_context)
        try:
            session.connect()
        except SendError as exc:
            self._record_failure(due, exc.message, permanent=exc.permanent)
            return SendReport(
                outcomes=tuple(self._outcome(i, OutboxStatus.QUEUED, exc.message) for i in due),
                stopped=exc.message,
            )
        outcomes: list[SendOutcome] = []
        try:
            for number, ident in enumerate(due):
                if cancelled is not None and cancelled():
                    return SendReport(tuple(outcomes), not_tried=len(due) - number)
                claimed = self._claim(ident)
                if claimed is None:
                    continue  # someone else is sending it, or it was sent meanwhile
                content, recipient = claimed
                try:
                    reply = session.send(content, sender=settings.sender, recipient=recipient)
                except SendError as exc:
                    if exc.maybe_delivered:
                        self._finish(ident, OutboxStatus.UNCONFIRMED, error=exc.message)
                        outcomes.append(self._outcome(ident, OutboxStatus.UNCONFIRMED, exc.message))
                    else:
                        self._finish(
                            ident, OutboxStatus.QUEUED, error=exc.message, permanent=exc.permanent
                        )
                        outcomes.append(self._outcome(ident, OutboxStatus.QUEUED, exc.message))
                    if exc.kind != "refused":  # the connection is gone: stop this run
                        left = due[number + 1 :]
                        return SendReport(tuple(outcomes), stopped=exc.message, not_tried=len(left))
                else:
                    self._finish(ident, OutboxStatus.SENT, error="")
                    outcomes.append(self._outcome(ident, OutboxStatus.SENT, reply))
                if progress is not None:
                    progress(number + 1, len(due))
        finally:
            session.close()
        return SendReport(tuple(outcomes))

    def _claim(self, ident: int) -> tuple[bytes, str] | None:
        """Take the message for this attempt (queued → sending, attempts + 1), committed
        before the server hears of it; None when it is not queued any more."""
        now = self._now()
        with self.db.transaction() as s:
            claimed = q.claim(
                s,
                ident,
                queued=OutboxStatus.QUEUED.value,
                sending=OutboxStatus.SENDING.value,
                now=now,
            )
            if not claimed:
                return None
            row = s.get(m.OutboxMessage, ident)
            assert row is not None
            return row.content.encode("ascii"), row.recipient

    def _finish(
        self, ident: int, status: OutboxStatus, *, error: str, permanent: bool = False
    ) -> None:
        now = self._now()
        with self.db.transaction() as s:
            row = s.get(m.OutboxMessage, ident)
            if row is None or row.status != OutboxStatus.SENDING.value:
                return
            row.status = status.value
            row.last_error = error
            if status is OutboxStatus.SENT:
                row.sent_at = now
                row.next_attempt_at = None
            elif status is OutboxStatus.QUEUED:
                row.next_attempt_at = next_attempt(row.attempts, now, permanent=permanent)

    def _record_failure(self, ids: Sequence[int], error: str, *, permanent: bool) -> None:
        """The server could not be reached (or refused the login): every due message
        records the attempt and the reason, and stays queued."""
        now = self._now()
        with self.db.transaction() as s:
            for row in q.queued(s, ids, OutboxStatus.QUEUED.value):
                row.attempts += 1
                row.last_attempt_at = now
                row.last_error = error
                row.next_attempt_at = next_attempt(row.attempts, now, permanent=permanent)

    def _outcome(self, ident: int, status: OutboxStatus, detail: str) -> SendOutcome:
        with self.db.sessions() as s:
            row = self._get(s, m.OutboxMessage, ident, "Outbox message")
            return SendOutcome(ident, row.recipient, row.recipient_name, status, detail)

    # ---- a person's decisions ------------------------------------------------------------
    def send_again(self, outbox_id: int) -> OutboxRecord:
        """An unconfirmed message queued again (same bytes, same Message-ID), on purpose."""
        return self._set_status(
            outbox_id, {OutboxStatus.UNCONFIRMED}, OutboxStatus.QUEUED, reset_retry=True
        )

    def mark_sent(self, outbox_id: int) -> OutboxRecord:
        """An unconfirmed message the recipient did receive (they said so)."""
        return self._set_status(outbox_id, {OutboxStatus.UNCONFIRMED}, OutboxStatus.SENT)

    def cancel(self, outbox_id: int) -> OutboxRecord:
        """Not to be sent (kept in the list, marked cancelled)."""
        return self._set_status(
            outbox_id, {OutboxStatus.QUEUED, OutboxStatus.UNCONFIRMED}, OutboxStatus.CANCELLED
        )

    def _set_status(
        self,
        outbox_id: int,
        allowed: set[OutboxStatus],
        status: OutboxStatus,
        *,
        reset_retry: bool = False,
    ) -> OutboxRecord:
        with self.db.transaction() as s:
            row = self._get(s, m.OutboxMessage, outbox_id, "Outbox message")
            if OutboxStatus(row.status) not in allowed:
                raise ValidationError(
                    "status",
                    _("This message is {status} now; nothing was changed.").format(
                        status=_(OutboxStatus(row.status).label).lower()
                    ),
                )
            row.status = status.value
            if status is OutboxStatus.SENT:
                row.sent_at = self._now()
            if reset_retry:  # due at the next sending run
                row.next_attempt_at = self._now()
            s.flush()
            return _record(row)


@dataclass(frozen=True)
class MeetingKey:
    meeting_id: int
    closed_at: datetime

    @property
    def prefix(self) -> str:
        return f"recap:{self.meeting_id}"

    @property
    def stamp(self) -> str:
        """Which closing: a meeting reopened and closed again gets new recaps."""
        return f"{self.closed_at:%Y%m%dT%H%M%S}"


def _signature(settings: MailSettings) -> str:
    name = settings.sender_name
    return "" if name in ("", "AlignMeet") else name


def _usable(name: str, address: str) -> str:
    """The address as it goes on the envelope and in the To line, or "" when it cannot."""
    from alignmeet.export.email_minutes import _usable_address

    address = mail_settings.ascii_domain(address)
    return address if address and _usable_address(name, address) else ""


def _record(row: m.OutboxMessage) -> OutboxRecord:
    return OutboxRecord(
        id=row.id,
        kind=MailKind(row.kind),
        meeting_id=row.meeting_id,
        member_id=row.member_id,
        recipient=row.recipient,
        recipient_name=row.recipient_name,
        subject=row.subject,
        message_id=row.message_id,
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        last_error=row.last_error,
        created_at=row.created_at,
        last_attempt_at=row.last_attempt_at,
        next_attempt_at=row.next_attempt_at,
        sent_at=row.sent_at,
    )


# The settings' types too, for the UI (which reaches the core through the services).
__all__ = [
    "MailSettings",
    "MailSettingsError",
    "PasswordUnavailable",
    "QueueResult",
    "RecapService",
    "Recipient",
    "Security",
]
