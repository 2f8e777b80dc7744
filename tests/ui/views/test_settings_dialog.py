"""Settings: the company Word template — chosen, checked, remembered, and used by the Word
export (its header, logo and styles survive into the minutes)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from company_templates import ACME_BLUE, ACME_RED, logo_png, make_company_template
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.services import Services
from ui.controller import Controller
from ui.views import minutes_preview, settings_dialog
from ui.views.minutes_preview import export_minutes_docx
from ui.views.settings_dialog import (
    TEMPLATE_KEY,
    SettingsDialog,
    company_template,
    set_company_template,
)

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return make_company_template(tmp_path)


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    widget = SettingsDialog()
    qtbot.addWidget(widget)
    return widget


# ---- the dialog -----------------------------------------------------------------------------


def test_choosing_a_template_keeps_it_in_the_settings(
    dialog: SettingsDialog, template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert company_template() is None
    assert dialog.template_status.text() == "Minutes use AlignMeet's own styles."
    monkeypatch.setattr(settings_dialog, "ask_template_path", lambda *a: template)
    dialog.browse_button.click()
    assert dialog.template_edit.text() == str(template)
    assert dialog.template_status.text() == "Minutes will use ACME minutes template.docx."
    assert not dialog.template_error.isVisibleTo(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert QSettings().value(TEMPLATE_KEY) == str(template)
    assert company_template() == template
    # Opened again, it shows the template chosen.
    again = SettingsDialog()
    assert again.template_edit.text() == str(template)
    again.deleteLater()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: folder / "missing.docx", "There is no file"),
        (lambda folder: folder, "is a folder"),
        (lambda folder: _write(folder / "notes.txt", b"hello"), "is not a Word document"),
        (lambda folder: _write(folder / "fake.docx", b"not a zip"), "is not a Word document"),
    ],
)
def test_an_unusable_template_is_refused_at_the_field_and_nothing_is_lost(
    qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path, make, message: str
) -> None:
    path = make(tmp_path)
    dialog.show()
    dialog.template_edit.setText(str(path))
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()  # still open, with what was typed
    assert dialog.template_edit.text() == str(path)
    assert dialog.template_error.isVisible()
    assert message in dialog.template_error.text()
    assert str(path.name) in dialog.template_error.text()
    assert QSettings().value(TEMPLATE_KEY) is None
    # Typing again clears the message.
    qtbot.keyClick(dialog.template_edit, "x")
    assert not dialog.template_error.isVisible()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_use_none_clears_the_template(dialog: SettingsDialog, template: Path) -> None:
    set_company_template(template)
    fresh = SettingsDialog()
    fresh.clear_button.click()
    assert fresh.template_edit.text() == ""
    fresh.buttons.accepted.emit()
    assert company_template() is None
    assert QSettings().value(TEMPLATE_KEY) is None
    fresh.deleteLater()


def test_cancel_keeps_the_old_choice(dialog: SettingsDialog, template: Path) -> None:
    set_company_template(template)
    fresh = SettingsDialog()
    fresh.template_edit.setText("")
    fresh.buttons.rejected.emit()
    assert company_template() == template
    fresh.deleteLater()


def test_the_dialog_has_a_mnemonic_and_accessible_names(dialog: SettingsDialog) -> None:
    assert dialog.template_edit.accessibleName() == "Company Word template (.docx)"
    assert dialog.browse_button.text() == "&Browse…"


# ---- the Word export with the company template ---------------------------------------------


def _save_minutes(
    controller: Controller, meeting_id: int, target: Path, monkeypatch: pytest.MonkeyPatch
) -> Path | None:
    monkeypatch.setattr(minutes_preview, "ask_save_path", lambda *a: target)
    parent = QWidget()
    try:
        return export_minutes_docx(controller, meeting_id, parent)
    finally:
        parent.deleteLater()


def test_exported_minutes_keep_the_company_header_logo_and_styles(
    controller: Controller,
    services: Services,
    meeting_id: int,
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_company_template(template)
    target = tmp_path / "minutes.docx"
    assert _save_minutes(controller, meeting_id, target, monkeypatch) == target

    doc = docx.Document(str(target))
    header = doc.sections[0].header
    assert header.paragraphs[0].text == "ACME Corp — Sales & Marketing"
    blips = header._element.xpath(".//a:blip/@r:embed")
    assert len(blips) == 1  # the logo
    assert header.part.related_parts[blips[0]].blob == logo_png()
    assert doc.styles["Heading 1"].font.color.rgb == ACME_RED
    assert doc.styles["Heading 1"].font.name == "Liberation Serif"
    assert doc.styles["Title"].font.color.rgb == ACME_BLUE
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Invited", "Purpose"]  # a planned meeting: its agenda
    assert doc.paragraphs[0].text == "Agenda: Sales & Marketing sync"
    assert "Delete this sample text" not in "\n".join(p.text for p in doc.paragraphs)


def test_without_a_template_the_minutes_have_no_company_header(
    controller: Controller, meeting_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.docx"
    assert _save_minutes(controller, meeting_id, target, monkeypatch) == target
    doc = docx.Document(str(target))
    assert "ACME" not in doc.sections[0].header._element.xml
    assert doc.styles["Heading 1"].font.color.rgb != ACME_RED


@pytest.mark.parametrize("answer", ["Yes", "No"])
def test_a_template_gone_since_it_was_chosen_offers_the_own_styles(
    controller: Controller,
    meeting_id: int,
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
    answer: str,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    set_company_template(template)
    template.unlink()
    message_boxes.answer = getattr(QMessageBox.StandardButton, answer)
    target = tmp_path / "minutes.docx"
    written = _save_minutes(controller, meeting_id, target, monkeypatch)
    [box] = message_boxes.shown
    assert box.title == "Company template not usable"
    assert str(template) in box.text
    assert box.text.endswith("Save the minutes with AlignMeet's own styles instead?")
    if answer == "Yes":
        assert written == target
        assert docx.Document(str(target)).paragraphs[0].text == "Agenda: Sales & Marketing sync"
    else:
        assert written is None
        assert not target.exists()
