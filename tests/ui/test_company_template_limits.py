"""Company templates within limits, where a person meets them (issue 11, finding 6): a
template that cannot be made safe is refused at the field in Edit › Settings, and a file
changed since it was chosen is caught again when the minutes are exported."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from company_templates import base_template, hostile_template, with_bomb
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui.controller import Controller
from ui.views import minutes_preview
from ui.views.minutes_preview import export_minutes_docx
from ui.views.settings_dialog import TEMPLATE_KEY, SettingsDialog, set_company_template

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    widget = SettingsDialog()
    qtbot.addWidget(widget)
    return widget


def macro_template(folder: Path) -> Path:
    path = base_template(folder, "ACME macros.dotm")
    with zipfile.ZipFile(path, "a") as package:
        package.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: with_bomb(folder, 5 * 1024 * 1024), "as only a zip bomb does"),
        (macro_template, "contains macros"),
    ],
    ids=["zip bomb", "macros"],
)
def test_a_template_that_cannot_be_made_safe_is_refused_at_the_field(
    qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path, make, message: str
) -> None:
    path = make(tmp_path)
    dialog.show()
    dialog.template_edit.setText(str(path))
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.template_edit.text() == str(path)  # what was chosen stays
    assert dialog.template_error.isVisible()
    assert message in dialog.template_error.text()
    assert path.name in dialog.template_error.text()
    assert QSettings().value(TEMPLATE_KEY) is None
    dialog.grab().save(str(tmp_path / "settings-refused.png"))


def test_a_template_with_links_to_the_outside_is_accepted_and_cleaned(
    dialog: SettingsDialog, tmp_path: Path
) -> None:
    path = hostile_template(tmp_path)
    dialog.template_edit.setText(str(path))
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert QSettings().value(TEMPLATE_KEY) == str(path)


def test_a_template_changed_since_it_was_chosen_is_caught_at_the_export(
    controller: Controller,
    meeting_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    template = base_template(tmp_path, "ACME.docx")
    set_company_template(template)
    bomb = with_bomb(tmp_path / "..", 5 * 1024 * 1024, name="bomb-source.docx")
    template.write_bytes(bomb.read_bytes())  # replaced after it was chosen
    message_boxes.answer = QMessageBox.StandardButton.Yes  # use AlignMeet's own styles
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(minutes_preview, "ask_save_path", lambda *a: target)
    parent = QWidget()
    try:
        written = export_minutes_docx(controller, meeting_id, parent)
    finally:
        parent.deleteLater()
    [box] = message_boxes.shown
    assert box.title == "Company template not usable"
    assert str(template) in box.text and "zip bomb" in box.text
    assert written == target
    assert target.stat().st_size < 100_000
    assert docx.Document(str(target)).paragraphs[0].text == "Agenda: Sales & Marketing sync"
