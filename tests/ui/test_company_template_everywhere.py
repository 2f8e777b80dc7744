"""The company Word template chosen in Edit › Settings reaches every Word document the
window writes — and the window writes the same document as the CLI given that template
(one ExportService behind both; the glossary once skipped the template in the window)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from company_templates import ACME_RED, make_company_template
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from alignmeet import cli
from alignmeet.domain.enums import ItemKind
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views.settings_dialog import SettingsDialog
from ui.views.toolkit.glossary_view import GlossaryView

MQL = "A lead whose score reaches 60 points."


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, meeting_id: int, people: dict[str, int]
) -> Iterator[MainWindow]:
    item = services.agenda.add_item(
        meeting_id=meeting_id, title="What counts as an MQL", kind=ItemKind.GLOSSARY
    )
    version = services.glossary.propose(
        term="MQL", definition=MQL, proposed_by_id=people["Maya Rossi"]
    )
    services.glossary.approve(version_id=version.id, item_id=item.id)
    main = MainWindow(Controller(services))
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    main.controller.select_meeting(meeting_id)
    yield main


def choose_in_settings(qtbot: QtBot, template: Path) -> None:
    """Edit › Settings: type the template's path, press OK."""
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.template_edit.setText(str(template))
    dialog.buttons.accepted.emit()
    assert not dialog.template_error.text()


def header_text(path: Path) -> str:
    return docx.Document(str(path)).sections[0].header.paragraphs[0].text


def test_minutes_exported_from_the_window_use_the_template_chosen_in_settings(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_in_settings(qtbot, make_company_template(tmp_path))
    target = tmp_path / "out" / "minutes.docx"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.export_action.trigger()
    assert header_text(target) == "ACME Corp — Sales & Marketing"
    assert docx.Document(str(target)).styles["Heading 1"].font.color.rgb == ACME_RED


def test_the_glossary_exported_from_the_window_uses_the_template_chosen_in_settings(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, message_boxes: object
) -> None:
    choose_in_settings(qtbot, make_company_template(tmp_path))
    view = window.alignment_page.show_tab("glossary")
    assert isinstance(view, GlossaryView)
    written = view.export_to(tmp_path / "glossary.docx")
    assert written is not None
    assert header_text(written) == "ACME Corp — Sales & Marketing"
    assert docx.Document(str(written)).styles["Heading 1"].font.color.rgb == ACME_RED


def test_the_window_and_the_cli_write_the_same_glossary(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    message_boxes: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    template = make_company_template(tmp_path)
    choose_in_settings(qtbot, template)
    view = window.alignment_page.show_tab("glossary")
    assert isinstance(view, GlossaryView)
    from_window = view.export_to(tmp_path / "window.docx")
    assert from_window is not None
    from_cli = tmp_path / "cli.docx"
    database = str(services.db.path)
    argv = ["export", "glossary", "--db", database, "--template", str(template)]
    assert cli.main([*argv, "--out", str(from_cli)]) == 0
    assert "Glossary (1 term) written to" in capsys.readouterr().out

    def content(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
        document = docx.Document(str(path))
        paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
        return [h.text for h in document.sections[0].header.paragraphs], paragraphs

    assert content(from_window) == content(from_cli)
    header, paragraphs = content(from_cli)
    assert header[0] == "ACME Corp — Sales & Marketing"
    assert MQL in [text for _style, text in paragraphs]


@pytest.mark.parametrize("scale", [False, True], ids=["in a thread", "in a process of its own"])
def test_the_follow_up_checklist_exported_from_the_window_uses_the_template_chosen_in_settings(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    scale: bool,
) -> None:
    """The Follow-ups page's Word checklist is a Word document too: it once ignored the
    template (in the window's thread and in the export's own process alike)."""
    from ui.views import followups_view

    services.actions.add_action(
        meeting_id=meeting_id, owner_id=people["Maya Rossi"], title="Send the MQL one-pager"
    )
    if scale:
        monkeypatch.setattr(followups_view, "BACKGROUND_ABOVE", 0)
    choose_in_settings(qtbot, make_company_template(tmp_path))
    target = tmp_path / "checklist.docx"
    monkeypatch.setattr(followups_view, "ask_export_path", lambda *_a: target)
    window.show_page("followups")
    page = window.followups_view
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    assert page.export("docx") == target
    assert header_text(target) == "ACME Corp — Sales & Marketing"
    assert docx.Document(str(target)).styles["Heading 1"].font.color.rgb == ACME_RED
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    texts += [c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells]
    assert any("Send the MQL one-pager" in text for text in texts)
