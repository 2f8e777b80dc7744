"""Settings › E-mail: the SMTP server recaps and reminders go through.

Host, port, security (STARTTLS, SSL or none), user, password, sender address and name.
They are kept where the command line finds them too (a small file in the user's config
folder, alignmeet.mail.settings); the password only in the OS keyring — never in a file. A
password left empty keeps the one stored. "Test" connects and logs in without sending.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from alignmeet.domain.rules import ValidationError
from alignmeet.services.recaps import MailSettings, MailSettingsError, RecapService, Security
from ui.background import run_in_background
from ui.widgets import FieldError, plain_label


class MailSettingsGroup(QGroupBox):
    def __init__(self, recaps: RecapService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("E-mail (recaps and reminders)"))
        self.recaps = recaps
        self.load_problem = ""
        try:
            current = recaps.mail_settings()
        except MailSettingsError as exc:
            current = MailSettings()
            self.load_problem = str(exc)

        self.host_edit = QLineEdit(current.host)
        self.host_edit.setPlaceholderText(self.tr("smtp.example.com — empty: save .eml files"))
        self.host_edit.setAccessibleName(self.tr("SMTP server"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(current.port)
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.security_combo = QComboBox()
        self.security_combo.setAccessibleName(self.tr("Security"))
        for text, value in (
            (self.tr("STARTTLS (port 587)"), Security.STARTTLS),
            (self.tr("SSL/TLS (port 465)"), Security.SSL),
            (self.tr("None (a local relay only)"), Security.NONE),
        ):
            self.security_combo.addItem(text, value.value)
        self.security_combo.setCurrentIndex(
            max(0, self.security_combo.findData(current.security.value))
        )
        self.security_combo.currentIndexChanged.connect(self._on_security_changed)
        self.user_edit = QLineEdit(current.username)
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setPlaceholderText(self.tr("Stored in the system's password store"))
        self.sender_edit = QLineEdit(current.sender)
        self.sender_edit.setAccessibleName(self.tr("Sender address"))
        self.sender_edit.setPlaceholderText(self.tr("facilitator@example.com"))
        self.sender_name_edit = QLineEdit(current.sender_name)
        self.sender_name_edit.setAccessibleName(self.tr("Sender name"))
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.setToolTip(self.tr("Connect and log in, without sending anything"))
        self.test_button.clicked.connect(self.test)
        self.error = FieldError(self)
        self.status = plain_label(object_name="Hint", wrap=True)
        if self.load_problem:
            self.error.show_error(self.load_problem)

        server_row = QHBoxLayout()
        server_row.addWidget(self.host_edit, 1)
        server_row.addWidget(plain_label(self.tr("Port")))
        server_row.addWidget(self.port_spin)
        form = QFormLayout(self)
        form.addRow(self.tr("&Server"), server_row)
        form.addRow(self.tr("Se&curity"), self.security_combo)
        form.addRow(self.tr("&User name"), self.user_edit)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_edit, 1)
        password_row.addWidget(self.test_button)
        form.addRow(self.tr("&Password"), password_row)
        form.addRow(self.tr("Sender add&ress"), self.sender_edit)
        form.addRow(self.tr("Sender &name"), self.sender_name_edit)
        form.addRow(self.error)
        form.addRow(self.status)
        self.fields = {
            "host": self.host_edit,
            "port": self.port_spin,
            "security": self.security_combo,
            "sender": self.sender_edit,
        }
        self._show_status()

    def settings(self) -> MailSettings:
        return MailSettings(
            host=self.host_edit.text(),
            port=self.port_spin.value(),
            security=Security(self.security_combo.currentData()),
            username=self.user_edit.text(),
            sender=self.sender_edit.text(),
            sender_name=self.sender_name_edit.text(),
        )

    def _show_status(self) -> None:
        if not self.host_edit.text().strip():
            self.status.setText(
                self.tr(
                    "No server: recaps and reminders are saved as .eml files to send from your "
                    "mail program. The command line (alignmeet-cli send) uses these settings too; "
                    "for scheduled runs set ALIGNMEET_SMTP_PASSWORD."
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "The password is kept in the system's password store, never in a file. "
                    "For scheduled runs (cron, Task Scheduler) set ALIGNMEET_SMTP_PASSWORD."
                )
            )

    def _on_security_changed(self, _index: int) -> None:
        security = Security(self.security_combo.currentData())
        if self.port_spin.value() in (587, 465, 25):
            self.port_spin.setValue(security.default_port)

    def save(self) -> bool:
        """Keep the settings (and the password, if typed); False with the message at the
        field when they cannot be kept (nothing typed is lost)."""
        try:
            self.recaps.save_mail_settings(self.settings(), password=self.password_edit.text())
        except ValidationError as exc:
            self.error.show_error(exc.message, self.fields.get(exc.field))
            return False
        except MailSettingsError as exc:
            self.error.show_error(str(exc), self.password_edit)
            return False
        self.error.clear_error()
        self.password_edit.clear()
        return True

    def test(self) -> str:
        """Connect and log in with what is in the form: "" when it works."""
        try:
            problem = run_in_background(
                self,
                self.tr("E-mail"),
                self.tr("Connecting to {server}…").format(server=self.host_edit.text()),
                lambda _cancelled: self.recaps.check_mail_settings(
                    self.settings(), self.password_edit.text() or None
                ),
            )
        except ValidationError as exc:
            self.error.show_error(exc.message, self.fields.get(exc.field))
            return exc.message
        if problem:
            self.error.show_error(problem)
            return problem
        self.error.clear_error()
        self.status.setText(self.tr("Connected and logged in: the settings work."))
        return ""
