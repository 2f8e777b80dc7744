"""Settings: the company's Word template the exported minutes adopt (styles, header, logo).

The choice lives in QSettings under `export/company_template`; `company_template()` is how
every export of the minutes reads it (the Close phase's, the preview's, File › Export).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
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

from ui.widgets import FieldError, plain_label

__all__ = [
    "TEMPLATE_KEY",
    "SettingsDialog",
    "ask_template_path",
    "company_template",
    "open_settings",
    "set_company_template",
    "template_problem",
]

TEMPLATE_KEY = "export/company_template"


def company_template() -> Path | None:
    """The company Word template chosen in the settings, or None for AlignMeet's own look."""
    value = QSettings().value(TEMPLATE_KEY, "")
    text = str(value or "").strip()
    return Path(text) if text else None


def set_company_template(path: Path | None) -> None:
    settings = QSettings()
    if path is None:
        settings.remove(TEMPLATE_KEY)
    else:
        settings.setValue(TEMPLATE_KEY, str(path))


def template_problem(path: Path) -> str:
    """Why `path` cannot serve as the company template ("" when it can)."""
    if not path.exists():
        return f"There is no file {path}. Choose the template again."
    if path.is_dir():
        return f"{path} is a folder. Choose a Word document (.docx or .dotx) inside it."
    if path.suffix.lower() not in (".docx", ".dotx", ".docm", ".dotm"):
        return (
            f"{path.name} is not a Word document. Choose a .docx (or .dotx) file — "
            "in Word, “Save As” › Word Document."
        )
    from alignmeet.export import ExportError
    from alignmeet.export.docx_xml import open_template

    try:
        open_template(path)
    except ExportError as exc:
        return exc.message
    return ""


def ask_template_path(parent: QWidget, start: str) -> Path | None:
    """Ask for the template file (tests replace this function)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "Company Word template",
        start,
        "Word documents and templates (*.docx *.dotx);;All files (*)",
    )
    return Path(name) if name else None


class SettingsDialog(QDialog):
    """Edit › Settings: the company Word template, checked before it is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(620)

        current = company_template()
        self.template_edit = QLineEdit(str(current) if current else "")
        self.template_edit.setPlaceholderText("None — AlignMeet's own styles")
        self.template_edit.setAccessibleName("Company Word template (.docx)")
        self.template_edit.setClearButtonEnabled(True)
        self.template_edit.textEdited.connect(self._on_template_edit_text_edited)
        self.template_edit.textChanged.connect(self._on_template_edit_text_changed)
        self.browse_button = QPushButton("&Browse…")
        self.browse_button.setToolTip("Choose the company's Word document or template")
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.clear_button = QPushButton("&Use none")
        self.clear_button.setToolTip("Export the minutes with AlignMeet's own styles")
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.template_error = FieldError(self)
        self.template_status = plain_label()
        self.template_status.setWordWrap(True)

        label = QLabel("&Company Word template (.docx)")  # static text; & marks Alt+C
        label.setBuddy(self.template_edit)
        hint = plain_label(
            "The exported minutes take this document's styles (fonts, heading colours, "
            "tables), page set-up, header and footer — with the company logo in them. "
            "Its body text is left out."
        )
        hint.setWordWrap(True)
        hint.setObjectName("Hint")

        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.clear_button)
        group = QGroupBox("Word minutes")
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(label)
        group_layout.addLayout(row)
        group_layout.addWidget(self.template_error)
        group_layout.addWidget(self.template_status)
        group_layout.addWidget(hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update_status()

    # ---- the template -----------------------------------------------------------------
    def template_path(self) -> Path | None:
        text = self.template_edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def _update_status(self) -> None:
        path = self.template_path()
        self.template_status.setText(
            f"Minutes will use {path.name}." if path else "Minutes use AlignMeet's own styles."
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
        set_company_template(self.template_path())
        super().accept()


def open_settings(parent: QWidget | None = None) -> bool:
    """Edit › Settings…: True when the user saved changes."""
    return SettingsDialog(parent).exec() == QDialog.DialogCode.Accepted
