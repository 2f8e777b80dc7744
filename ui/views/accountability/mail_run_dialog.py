"""Send the recaps of a closed meeting, or the "due this week" reminders: who gets what,
then — after sending — what became of each message, read back from the outbox. A message
shows as sent only when the server accepted it; one that failed says why and waits in the
outbox, which retries it. Without a server: one .eml per person, saved to a folder.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.outbox import MailKind, OutboxRecord, OutboxStatus
from alignmeet.domain.rules import ValidationError
from ui.background import run_in_background
from ui.colors import shade
from ui.controller import Controller
from ui.models.recipients_model import COL_RESULT, RecipientRow, RecipientsModel
from ui.views.phases import caption_label, fit_columns, format_date, section_label, table_view
from ui.widgets import plain_label, warn


def ask_folder(parent: QWidget, start: Path) -> Path | None:
    """Where to save the .eml files (tests replace this module-level name)."""
    text = QFileDialog.getExistingDirectory(
        parent,
        QCoreApplication.translate("MailRunDialog", "Save the e-mails in a folder"),
        str(start),
    )
    return Path(text) if text else None


def actions_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("MailRunDialog", "1 action")
    return QCoreApplication.translate("MailRunDialog", "{count} actions").format(count=count)


class MailRunDialog(QDialog):
    """`meeting_id` given: that meeting's recaps; None: the reminders due this week."""

    def __init__(
        self, controller: Controller, meeting_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MailRunDialog")
        self.controller = controller
        self.meeting_id = meeting_id
        self.kind = MailKind.RECAP if meeting_id is not None else MailKind.REMINDER
        services = controller.services
        self.setMinimumSize(760, 460)
        if meeting_id is not None:
            meeting = services.meetings.get_meeting(meeting_id)
            self.setWindowTitle(self.tr("Send the recaps"))
            heading = self.tr("Recaps of “{title}”").format(title=meeting.title)
            about = self.tr(
                "Each person gets their own actions and commitment, the decisions and the "
                "minutes as a Word file."
            )
        else:
            self.setWindowTitle(self.tr("Send reminders"))
            heading = self.tr("Reminders: due this week")
            until = services.recaps.clock().date() + timedelta(days=7)
            about = self.tr(
                "Each owner gets their open actions that are overdue or due by {date}."
            ).format(date=format_date(until, self.tr("d MMM yyyy")))

        self.model = RecipientsModel(self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Recipients"))
        fit_columns(self.table, stretch_column=COL_RESULT)
        self.server_label = plain_label(wrap=True)
        self.result_label = plain_label(object_name="MailRunResult", wrap=True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.eml_button = QPushButton(self.tr("Save as .&eml files…"))
        self.eml_button.setToolTip(
            self.tr("One message per person, to open and send from your mail program")
        )
        self.eml_button.clicked.connect(self._on_eml_button_clicked)
        self.outbox_button = QPushButton(self.tr("&Outbox…"))
        self.outbox_button.clicked.connect(self._on_outbox_button_clicked)
        for button in (self.send_button, self.eml_button, self.outbox_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(section_label(heading))
        explanation = caption_label(about, wrap=True)
        layout.addWidget(explanation)
        layout.addWidget(self.server_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._load()

    # ---- what is there -------------------------------------------------------------
    def _recipients(self) -> list:  # type: ignore[type-arg]
        recaps = self.controller.services.recaps
        if self.meeting_id is not None:
            return recaps.recap_recipients(self.meeting_id)
        return recaps.reminder_recipients()

    def _outbox_state(self) -> dict[int, OutboxRecord]:
        """Member → the newest outbox message of this run's kind (and meeting)."""
        state: dict[int, OutboxRecord] = {}
        today = self.controller.services.recaps.clock().date()
        for record in self.controller.services.recaps.outbox():  # newest first
            if record.kind is not self.kind or record.member_id is None:
                continue
            if self.meeting_id is not None and record.meeting_id != self.meeting_id:
                continue
            if self.meeting_id is None and record.created_at.date() != today:
                continue
            if record.status is OutboxStatus.CANCELLED:
                continue
            state.setdefault(record.member_id, record)
        return state

    def _load(self, stopped: str = "") -> None:
        """The recipients and what became of each; `stopped`: why the last run stopped
        (given to those it never reached)."""
        recaps = self.controller.services.recaps
        try:
            settings = recaps.mail_settings()
            problem = ""
        except Exception as exc:  # a settings file that cannot be read: say so
            settings = None
            problem = str(exc)
        configured = settings is not None and settings.configured
        if configured:
            assert settings is not None
            self.server_label.setText(
                self.tr("Through {server} ({security}) from {sender}.").format(
                    server=settings.label,
                    security={
                        "starttls": "STARTTLS",
                        "ssl": "SSL/TLS",
                        "none": self.tr("no encryption"),
                    }[settings.security.value],
                    sender=settings.sender,
                )
            )
        else:
            self.server_label.setText(
                problem
                or self.tr(
                    "No e-mail server is set (Edit › Settings › E-mail): save the messages as "
                    ".eml files and send them from your mail program."
                )
            )
        state = self._outbox_state()
        self._held = 0  # waiting, and not to be tried again on their own (refused for good)
        rows = []
        for p in self._recipients():
            record = state.get(p.member_id)
            status = record.status if record is not None else None
            detail = record.last_error if record is not None else ""
            if record is not None and status is OutboxStatus.QUEUED:
                if not detail:
                    detail = (
                        self.tr("not tried, the run stopped before it. {reason}").format(
                            reason=stopped
                        )
                        if stopped
                        else self.tr("not tried yet")
                    )
                elif record.attempts and record.next_attempt_at is None:
                    self._held += 1
            rows.append(
                RecipientRow(
                    member_id=p.member_id,
                    name=p.name,
                    address=p.address,
                    content=actions_text(p.actions),
                    status=status,
                    detail=detail,
                )
            )
        self.model.set_rows(rows)
        reachable = any(r.address for r in rows)
        self.send_button.setEnabled(configured and reachable)
        self.eml_button.setEnabled(reachable)
        if not rows:
            self.result_label.setText(
                self.tr("Nobody to write to.")
                if self.meeting_id is not None
                else self.tr("No open actions are overdue or due this week.")
            )

    # ---- sending -------------------------------------------------------------------
    def send(self) -> None:
        from alignmeet.services.recaps import MailSettingsError

        try:
            if self.meeting_id is not None:
                queued = self.controller.queue_recaps(
                    meeting_id=self.meeting_id,
                    template=self.controller.services.exports.company_template(),
                )
            else:
                queued = self.controller.queue_reminders()
        except (ValidationError, MailSettingsError) as exc:
            warn(self, self.tr("Nothing was sent"), str(exc))
            return
        waiting = {
            r.id
            for r in self.controller.services.recaps.outbox()
            if r.status is OutboxStatus.QUEUED
            and r.kind is self.kind
            and (self.meeting_id is None or r.meeting_id == self.meeting_id)
        } | set(queued.queued)
        report = None
        if waiting:
            try:
                report = run_in_background(
                    self,
                    self.tr("Sending"),
                    self.tr("Sending {count} message(s)…").format(count=len(waiting)),
                    lambda cancelled: self.controller.send_outbox_work(
                        ids=waiting, force=True, cancelled=cancelled
                    ),
                )
            except MailSettingsError as exc:
                warn(self, self.tr("Nothing was sent"), str(exc))
            finally:
                self.controller.outbox_updated()
        self._load(stopped=getattr(report, "stopped", ""))
        self._show_result(report, queued.without_address)

    def _show_result(self, report: object, without: tuple[str, ...]) -> None:
        rows = self.model.rows()
        sent = sum(1 for r in rows if r.status is OutboxStatus.SENT)
        waiting = sum(1 for r in rows if r.status is OutboxStatus.QUEUED)
        held = min(self._held, waiting)  # refused for good: no retry comes on its own
        unsure = sum(1 for r in rows if r.status is OutboxStatus.UNCONFIRMED)
        parts = [self.tr("{count} sent (accepted by the server)").format(count=sent)]
        if waiting - held:
            parts.append(
                self.tr("{count} waiting in the outbox, tried again later").format(
                    count=waiting - held
                )
            )
        if held:
            parts.append(
                self.tr(
                    "{count} waiting in the outbox, not tried again until the cause shown is "
                    "fixed and you press Send"
                ).format(count=held)
            )
        if unsure:
            parts.append(self.tr("{count} unconfirmed: decide in the outbox").format(count=unsure))
        if without:
            parts.append(self.tr("no address for {names}").format(names=", ".join(without)))
        stopped = getattr(report, "stopped", "")
        text = " · ".join(parts) + "."
        if stopped:
            text += "\n" + stopped
        self.result_label.setText(text)
        bad = waiting or unsure or stopped
        self.result_label.setStyleSheet(f"color: {shade('bad' if bad else 'good')};")
        self.controller.status_shown.emit(text.splitlines()[0])

    def _on_eml_button_clicked(self) -> None:
        from alignmeet.services import ExportError

        settings = QSettings()
        start = Path(str(settings.value("export/folder", str(Path.home()))))
        folder = ask_folder(self, start)
        if folder is None:
            return
        exports = self.controller.services.exports
        self.controller.flush_pending()
        try:
            if self.meeting_id is not None:
                result = exports.recap_emls(meeting_id=self.meeting_id, folder=folder)
            else:
                result = exports.reminder_emls(folder=folder)
        except (ExportError, ValidationError) as exc:
            warn(self, self.tr("Not all e-mails were saved"), str(exc))
            return
        settings.setValue("export/folder", str(folder))
        text = self.tr("{count} e-mail(s) saved to {folder}: open each one to send it.").format(
            count=len(result.files), folder=folder
        )
        if result.without_address:
            text += " " + self.tr("No e-mail address for: {names}.").format(
                names=", ".join(result.without_address)
            )
        self.result_label.setText(text)
        self.result_label.setStyleSheet("")
        self.controller.status_shown.emit(text)

    def _on_outbox_button_clicked(self) -> None:
        from ui.views.accountability.outbox_dialog import OutboxDialog

        dialog = OutboxDialog(self.controller, self)
        dialog.exec()
        self._load()
