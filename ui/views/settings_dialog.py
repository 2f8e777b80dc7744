"""Settings: the company's Word template the exported minutes adopt (styles, header, logo),
the language of the program, and the e-mail server recaps and reminders go through
(ui/views/accountability/mail_settings_group.py).

The template lives in QSettings under `export/company_template` (ui/company_template.py);
the services take it from there for every Word export (Services.use_company_template). The
language lives under `ui/language` (see ui/i18n.py) and applies at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.company_template import TEMPLATE_KEY, company_template, set_company_template
from ui.i18n import LANGUAGES
from ui.i18n import SETTING as LANGUAGE_KEY
from ui.widgets import FieldError, plain_label

__all__ = [
    "LANGUAGE_KEY",
    "TEMPLATE_KEY",
    "SettingsDialog",
    "ask_template_path",
    "company_template",
    "open_settings",
    "set_company_template",
    "template_problem",
]


def template_problem(path: Path) -> str:
    """Why `path` cannot serve as the company template ("" when it can)."""
    if not path.exists():
        return QCoreApplication.translate(
            "SettingsDialog", "There is no file {path}. Choose the template again."
        ).format(path=path)
    if path.is_dir():
        return QCoreApplication.translate(
            "SettingsDialog",
            "{path} is a folder. Choose a Word document (.docx or .dotx) inside it.",
        ).format(path=path)
    if path.suffix.lower() not in (".docx", ".dotx", ".docm", ".dotm"):
        return QCoreApplication.translate(
            "SettingsDialog",
            "{name} is not a Word document. Choose a .docx (or .dotx) file — "
            "in Word, “Save As” › Word Document.",
        ).format(name=path.name)
    from alignmeet.services.company_template import template_problem as problem

    return problem(path)


def ask_template_path(parent: QWidget, start: str) -> Path | None:
    """Ask for the template file (tests replace this function)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("SettingsDialog", "Company Word template"),
        start,
        QCoreApplication.translate(
            "SettingsDialog", "Word documents and templates (*.docx *.dotx);;All files (*)"
        ),
    )
    return Path(name) if name else None


class SettingsDialog(QDialog):
    """Edit › Settings: the company Word template, checked before it is kept, and the
    language (applied at the next start)."""

    def __init__(self, parent: QWidget | None = None, *, recaps: object = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)

        group = self._build_template_group()
        language_group = self._build_language_group()

        # ---- e-mail: the SMTP server for recaps and reminders (issue 15) ----
        from ui.views.accountability.mail_settings_group import MailSettingsGroup

        if recaps is None:
            controller = getattr(parent, "controller", None)
            if controller is not None:
                recaps = controller.services.recaps
            else:  # no database at hand: the settings file and keyring need none
                from alignmeet.services.recaps import RecapService

                recaps = RecapService(None)  # type: ignore[arg-type]
        # Without a parent until the layout takes it, like the other groups: the Tab order
        # then follows the layout (template, language, e-mail, OK / Cancel).
        self.mail_group = MailSettingsGroup(recaps)  # type: ignore[arg-type]
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addWidget(language_group)
        layout.addWidget(self.mail_group)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update_status()

    def _build_template_group(self) -> QGroupBox:
        current = company_template()
        self.template_edit = QLineEdit(str(current) if current else "")
        self.template_edit.setPlaceholderText(self.tr("None — AlignMeet's own styles"))
        self.template_edit.setAccessibleName(self.tr("Company Word template (.docx)"))
        self.template_edit.setClearButtonEnabled(True)
        self.template_edit.textEdited.connect(self._on_template_edit_text_edited)
        self.template_edit.textChanged.connect(self._on_template_edit_text_changed)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setToolTip(self.tr("Choose the company's Word document or template"))
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.clear_button = QPushButton(self.tr("&Use none"))
        self.clear_button.setToolTip(self.tr("Export the minutes with AlignMeet's own styles"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.template_error = FieldError(self)
        self.template_status = plain_label(wrap=True)

        label = QLabel(self.tr("&Company Word template (.docx)"))  # static text; & marks Alt+C
        label.setBuddy(self.template_edit)
        hint = plain_label(
            self.tr(
                "The exported minutes take this document's styles (fonts, heading colours, "
                "tables), page set-up, header and footer — with the company logo in them. "
                "Its body text is left out."
            ),
            wrap=True,
        )
        hint.setObjectName("Hint")

        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.clear_button)
        group = QGroupBox(self.tr("Word minutes"))
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(label)
        group_layout.addLayout(row)
        group_layout.addWidget(self.template_error)
        group_layout.addWidget(self.template_status)
        group_layout.addWidget(hint)
        return group

    def _build_language_group(self) -> QGroupBox:
        # ---- language ----
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("System default"), "system")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language in its own words
        chosen = str(QSettings().value(LANGUAGE_KEY, "system"))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen)))
        language_label = QLabel(self.tr("&Language"))
        language_label.setBuddy(self.language_combo)
        self.language_hint = plain_label(
            self.tr("A change applies the next time AlignMeet starts.")
        )
        self.language_hint.setObjectName("Hint")
        self.language_hint.setWordWrap(True)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language_combo)
        language_row.addWidget(self.language_hint, 1)
        language_group = QGroupBox(self.tr("Language"))
        language_layout = QVBoxLayout(language_group)
        language_layout.addLayout(language_row)
        return language_group

    # ---- the template -----------------------------------------------------------------
    def template_path(self) -> Path | None:
        text = self.template_edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def _update_status(self) -> None:
        path = self.template_path()
        self.template_status.setText(
            self.tr("Minutes will use {name}.").format(name=path.name)
            if path
            else self.tr("Minutes use AlignMeet's own styles.")
        )
        self.template_status.setVisible(not self.template_error.isVisibleTo(self))

    def check_template(self) -> bool:
        """Show at the field why the template cannot be used; True when it can."""
        path = self.template_path()
        problem = template_problem(path) if path is not None else ""
        if problem:
            self.template_error.show_error(problem, self.template_edit)
            self._update_status()
            return False
        self.template_error.clear_error()
        self._update_status()
        return True

    def _on_template_edit_text_edited(self, _text: str) -> None:
        self.template_error.clear_error()
        self._update_status()

    def _on_template_edit_text_changed(self, _text: str) -> None:
        self._update_status()

    def _on_browse_button_clicked(self) -> None:
        current = self.template_path()
        start = str(current.parent if current else Path.home())
        path = ask_template_path(self, start)
        if path is None:
            return
        self.template_edit.setText(str(path))
        self.check_template()

    def _on_clear_button_clicked(self) -> None:
        self.template_error.clear_error()
        self.template_edit.clear()

    # ---- closing ----------------------------------------------------------------------
    def accept(self) -> None:
        """Keep the settings, unless the template is unusable (then the message shows at
        the field and the dialog stays open with what was typed)."""
        if not self.check_template():
            return
        if not self.mail_group.save():
            return
        set_company_template(self.template_path())
        QSettings().setValue(LANGUAGE_KEY, self.language_combo.currentData())
        super().accept()


def open_settings(parent: QWidget | None = None) -> bool:
    """Edit › Settings…: True when the user saved changes."""
    return SettingsDialog(parent).exec() == QDialog.DialogCode.Accepted
