"""The e-mail outbox (File › Outbox…): every recap and reminder, what became of it and why.

Retry sends what waits now (a message refused for good too, once the cause is fixed).
An unconfirmed message — the connection broke after the server had it, or AlignMeet
stopped while sending — is never sent again on its own: "Send again" sends the very same
message (same Message-ID), "Mark as received" settles it. "Cancel message" keeps it in
the list, marked cancelled.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.outbox import OutboxRecord, OutboxStatus
from alignmeet.domain.rules import ValidationError
from ui.background import run_in_background
from ui.controller import Controller
from ui.models.outbox_model import COL_CREATED, COL_DETAIL, OutboxModel
from ui.models.record_table_model import RECORD_ROLE, SORT_ROLE
from ui.views.phases import caption_label, fit_columns, section_label, table_view
from ui.widgets import ask_yes_no, fill, plain_label, warn

ask = ask_yes_no  # a Yes/No question (No by default); tests replace this name


class OutboxDialog(QDialog):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutboxDialog")
        self.setWindowTitle(self.tr("Outbox"))
        self.setMinimumSize(980, 480)
        self.controller = controller

        self.model = OutboxModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = table_view(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(self.tr("Outbox"))
        fit_columns(self.table, stretch_column=COL_DETAIL, fixed={3: 260})
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_sent = QCheckBox(self.tr("Show &sent messages"))
        self.show_sent.setChecked(True)
        self.show_sent.toggled.connect(self.refresh)
        self.summary = plain_label(object_name="OutboxSummary", wrap=True)

        self.retry_button = QPushButton(self.tr("&Retry now"))
        self.retry_button.setToolTip(
            self.tr(
                "Send the selected waiting message now — or every waiting one if none is selected"
            )
        )
        self.retry_button.clicked.connect(self.retry)
        self.again_button = QPushButton(self.tr("Send &again"))
        self.again_button.setToolTip(
            self.tr("Send an unconfirmed message again, under the same Message-ID")
        )
        self.again_button.clicked.connect(lambda: self._decide("send_again"))
        self.received_button = QPushButton(self.tr("Mark as re&ceived"))
        self.received_button.setToolTip(
            self.tr("The recipient has it: settle an unconfirmed message")
        )
        self.received_button.clicked.connect(lambda: self._decide("mark_sent"))
        self.cancel_button = QPushButton(self.tr("&Cancel message"))
        self.cancel_button.clicked.connect(lambda: self._decide("cancel"))
        buttons = QHBoxLayout()
        for button in (
            self.retry_button,
            self.again_button,
            self.received_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_sent)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        self.hint = hint = caption_label(
            self.tr(
                "A message stays here until the server accepts it. One that failed for a "
                "passing reason is tried again later while AlignMeet is open; one refused "
                "for good waits until you fix the cause and press Retry now; one whose delivery "
                "is unknown waits for your decision."
            ),
            wrap=True,
        )
        fill(
            QVBoxLayout(self),
            section_label(self.tr("Outbox")),
            hint,
            (self.table, 1),
            self.summary,
            buttons,
            close,
            margins=None,
        )

        controller.outbox_changed.connect(self.refresh)
        self.refresh()

    # ---- reading -------------------------------------------------------------------
    def refresh(self) -> None:
        rows = self.controller.services.recaps.outbox(include_sent=self.show_sent.isChecked())
        self.model.set_rows(rows)
        counts = {status: 0 for status in OutboxStatus}
        for row in rows:
            counts[row.status] += 1
        if not rows:
            self.summary.setText(self.tr("The outbox is empty."))
        else:
            self.summary.setText(
                self.tr("{waiting} waiting · {unsure} unconfirmed · {sent} sent").format(
                    waiting=counts[OutboxStatus.QUEUED],
                    unsure=counts[OutboxStatus.UNCONFIRMED],
                    sent=counts[OutboxStatus.SENT],
                )
            )
        self._update_buttons()

    def selected(self) -> OutboxRecord | None:
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        return record if isinstance(record, OutboxRecord) else None

    def _update_buttons(self, *_args: object) -> None:
        record = self.selected()
        waiting = any(r.status is OutboxStatus.QUEUED for r in self.model.rows())
        self.retry_button.setEnabled(
            record.status is OutboxStatus.QUEUED if record is not None else waiting
        )
        unsure = record is not None and record.status is OutboxStatus.UNCONFIRMED
        self.again_button.setEnabled(unsure)
        self.received_button.setEnabled(unsure)
        self.cancel_button.setEnabled(
            record is not None and record.status in (OutboxStatus.QUEUED, OutboxStatus.UNCONFIRMED)
        )

    # ---- writing -------------------------------------------------------------------
    def retry(self) -> None:
        from alignmeet.services.recaps import MailSettingsError

        record = self.selected()
        ids = [record.id] if record is not None else None
        try:
            report = run_in_background(
                self,
                self.tr("Sending"),
                self.tr("Sending what waits in the outbox…"),
                lambda cancelled: self.controller.send_outbox_work(
                    ids=ids, force=True, cancelled=cancelled
                ),
            )
        except MailSettingsError as exc:
            warn(self, self.tr("Nothing was sent"), str(exc))
            return
        finally:
            self.controller.outbox_updated()
        if report is None:
            return
        text = self.tr("{sent} sent (accepted by the server), {failed} still waiting.").format(
            sent=report.sent, failed=report.failed + report.not_tried
        )
        if report.stopped:
            text += " " + report.stopped
        self.controller.status_shown.emit(text)
        self.summary.setText(text)

    def _decide(self, method: str) -> None:
        record = self.selected()
        if record is None:
            return
        if method == "send_again" and not ask(
            self,
            self.tr("Send again?"),
            self.tr(
                "It is not known whether {name} received this message. Send it again? "
                "If they did, they will have it twice (with the same Message-ID)."
            ).format(name=record.recipient_name or record.recipient),
        ):
            return
        try:
            self.controller.outbox_decision(method, record.id)
        except ValidationError as exc:
            warn(self, self.tr("Nothing changed"), exc.message)
            return
        if method == "send_again":
            self._select(record.id)
            self.retry()

    def _select(self, outbox_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            record = index.data(RECORD_ROLE)
            if isinstance(record, OutboxRecord) and record.id == outbox_id:
                self.table.selectRow(row)
                return
