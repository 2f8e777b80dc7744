"""Who a recap or reminder run reaches, and — after sending — what became of each message.
"Sent" is shown only for a message the server accepted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from alignmeet.domain.outbox import OutboxStatus
from ui.colors import color
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_NAME, COL_ADDRESS, COL_CONTENT, COL_RESULT = range(4)


@dataclass(frozen=True)
class RecipientRow:
    member_id: int
    name: str
    address: str  # "" when none is usable
    content: str  # "2 actions"
    status: OutboxStatus | None = None  # after a run
    detail: str = ""  # the server's answer or the reason

    @property
    def id(self) -> int:
        return self.member_id


def result_text(row: RecipientRow) -> str:
    if not row.address:
        return QCoreApplication.translate("RecipientsModel", "No e-mail address — not sent")
    if row.status is None:
        return ""
    if row.status is OutboxStatus.SENT:
        return QCoreApplication.translate("RecipientsModel", "Sent: the server accepted it")
    if row.status is OutboxStatus.UNCONFIRMED:
        return QCoreApplication.translate("RecipientsModel", "Unconfirmed: {detail}").format(
            detail=row.detail
        )
    if row.status is OutboxStatus.QUEUED:
        return QCoreApplication.translate(
            "RecipientsModel", "Waiting in the outbox: {detail}"
        ).format(detail=row.detail)
    return row.detail


class RecipientsModel(RecordTableModel[RecipientRow]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "E-mail"),
            lambda r: r.address or "—",
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Gets"), lambda r: r.content),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Result"),
            result_text,
            tooltip=lambda r: plain_tooltip(result_text(r)),
        ),
    )

    def extra_data(self, record: RecipientRow, column: int, role: int) -> Any:
        if column == COL_RESULT and role == Qt.ItemDataRole.ForegroundRole:
            if not record.address:
                return color("muted")
            if record.status is OutboxStatus.SENT:
                return color("good")
            if record.status is OutboxStatus.UNCONFIRMED:
                return color("bad")
            if record.status is OutboxStatus.QUEUED:
                return color("warn")
        return None
