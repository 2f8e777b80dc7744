"""The e-mail outbox: every recap and reminder, its state, tries and the last answer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from alignmeet import i18n as core_i18n
from alignmeet.domain.outbox import OutboxRecord, OutboxStatus
from ui.colors import color
from ui.core_labels import label
from ui.models.columns import count_column, text_column, time_order
from ui.models.record_table_model import Column, RecordTableModel

COL_CREATED, COL_KIND, COL_TO, COL_SUBJECT, COL_STATUS, COL_TRIES, COL_DETAIL = range(7)


def _when(record: OutboxRecord) -> str:
    moment = record.created_at
    return f"{core_i18n.day_date(moment)} {moment:%H:%M}"


def detail_text(record: OutboxRecord) -> str:
    """What happened last: the reason it waits, or when it was accepted."""
    if record.status is OutboxStatus.SENT and record.sent_at is not None:
        return QCoreApplication.translate("OutboxModel", "Accepted by the server {when}").format(
            when=f"{core_i18n.day_date(record.sent_at)} {record.sent_at:%H:%M}"
        )
    if record.status is OutboxStatus.QUEUED and record.attempts == 0:
        return QCoreApplication.translate("OutboxModel", "Not tried yet")
    text = record.last_error
    if record.status is OutboxStatus.QUEUED and record.attempts and record.next_attempt_at is None:
        text += " " + QCoreApplication.translate(
            "OutboxModel", "(not retried on its own: use Retry now)"
        )
    return text


class OutboxModel(RecordTableModel[OutboxRecord]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Queued"),
            _when,
            sort_key=time_order(lambda r: r.created_at, lambda r: r.id),
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r: label(r.kind.label)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "To"),
            lambda r: f"{r.recipient_name} <{r.recipient}>" if r.recipient_name else r.recipient,
        ),
        text_column(QT_TRANSLATE_NOOP("Columns", "Subject"), lambda r: r.subject),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: label(r.status.label)),
        count_column(QT_TRANSLATE_NOOP("Columns", "Tries"), lambda r: r.attempts),
        text_column(QT_TRANSLATE_NOOP("Columns", "Last answer"), detail_text),
    )

    def extra_data(self, record: OutboxRecord, column: int, role: int) -> Any:
        if column == COL_STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return {
                OutboxStatus.SENT: color("good"),
                OutboxStatus.QUEUED: color("warn"),
                OutboxStatus.UNCONFIRMED: color("bad"),
                OutboxStatus.SENDING: color("info"),
                OutboxStatus.CANCELLED: color("muted"),
            }[record.status]
        return None
