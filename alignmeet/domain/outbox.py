"""The e-mail outbox's rules: the states a message goes through, when a failed one is tried
again, and what "sent" is allowed to mean.

    queued ──claim──▶ sending ──server said 250──▶ sent
       ▲                 │
       │                 ├── refused, no connection, timed out before the hand-over ──▶ queued
       │                 │        (with the reason; tried again later, see `next_attempt`)
       │                 └── connection broke after the whole message was handed over ──▶
       │                          unconfirmed (it may have arrived)
       └──── "Send again" (a person decides) ◀── unconfirmed

The guarantee (README "Recaps that reach people"): a message is never lost — it stays in the
outbox, with the reason, until a server accepted it; and it is never sent twice on its own
— each attempt first claims the message in the database (so two AlignMeets, or the app and a
cron job, never send the same one), and a message whose fate SMTP cannot tell (the app
stopped between the server's "250" and the database's "sent", or the connection broke after
the hand-over) is held as *unconfirmed* for a person to decide. Sending it again re-uses its
Message-ID, so a mail program that de-duplicates shows it once. Exactly-once delivery is
not something SMTP can promise; this is at-most-once automatically, never lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from alignmeet.i18n import N_


class OutboxStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    UNCONFIRMED = "unconfirmed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            "queued": N_("Waiting"),
            "sending": N_("Sending"),
            "sent": N_("Sent"),
            "unconfirmed": N_("Unconfirmed"),
            "cancelled": N_("Cancelled"),
        }[self.value]


class MailKind(StrEnum):
    RECAP = "recap"
    REMINDER = "reminder"

    @property
    def label(self) -> str:
        return {"recap": N_("Recap"), "reminder": N_("Reminder")}[self.value]


# A message claimed longer ago than this by a sender that never reported back: that sender
# stopped (crash, power cut). Longer than any one attempt can take (connect, log in, send,
# each with the SMTP timeout).
SENDING_LEASE = timedelta(minutes=10)
# After the n-th failed attempt, try again this much later; then every 12 hours.
BACKOFF = (
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
)
LATER = timedelta(hours=12)


def next_attempt(attempts: int, now: datetime, *, permanent: bool) -> datetime | None:
    """When to try a failed message again; None: not on its own (the server refused it
    for good — a person retries once the address or the settings are fixed)."""
    if permanent:
        return None
    step = BACKOFF[attempts - 1] if 1 <= attempts <= len(BACKOFF) else LATER
    return now + step


@dataclass(frozen=True)
class OutboxRecord:
    id: int
    kind: MailKind
    meeting_id: int | None
    member_id: int | None
    recipient: str
    recipient_name: str
    subject: str
    message_id: str
    status: OutboxStatus
    attempts: int
    last_error: str
    created_at: datetime
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None
    sent_at: datetime | None

    @property
    def retries_on_its_own(self) -> bool:
        return self.status is OutboxStatus.QUEUED and (
            self.attempts == 0 or self.next_attempt_at is not None
        )


@dataclass(frozen=True)
class SendOutcome:
    """What happened to one message in a sending run."""

    outbox_id: int
    recipient: str
    recipient_name: str
    status: OutboxStatus  # sent, queued (failed, kept) or unconfirmed
    detail: str  # the server's answer, or why it failed


@dataclass(frozen=True)
class SendReport:
    """A sending run: each message's outcome, and the reason a whole run stopped."""

    outcomes: tuple[SendOutcome, ...] = ()
    stopped: str = ""  # e.g. the server refused the password: nothing could be sent
    not_tried: int = 0  # due messages left for later (the run stopped or was cancelled)

    @property
    def sent(self) -> int:
        return sum(1 for o in self.outcomes if o.status is OutboxStatus.SENT)

    @property
    def failed(self) -> int:
        return sum(1 for o in self.outcomes if o.status is OutboxStatus.QUEUED)

    @property
    def unconfirmed(self) -> int:
        return sum(1 for o in self.outcomes if o.status is OutboxStatus.UNCONFIRMED)
