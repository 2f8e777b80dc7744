"""The minutes preview (print, PDF, Word) and the Close phase's ways out: preview, e-mail
text on the clipboard, an .eml draft. Hostile text shows literally everywhere."""

from __future__ import annotations

import dataclasses
import email
import re
import shutil
import subprocess
from datetime import date, datetime
from email import policy
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Attendance, Phase
from alignmeet.domain.records import DecisionRecord
from alignmeet.export.sanitize import clean_text
from alignmeet.services import Services
from ui.controller import Controller
from ui.views import minutes_preview
from ui.views.minutes_preview import MinutesPreview, minutes_pdf_bytes, show_minutes_preview
from ui.views.phases import close_phase
from ui.views.run_view import RunView

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py

HOSTILE_NAME = "<b>Sam</b> {{7*7}} مرحبا 🚀"


@pytest.fixture
def held_meeting(
    services: Services, controller: Controller, meeting_id: int, people: dict[str, int]
) -> int:
    """The meeting, run: two present (one with a hostile name), ideas, a decision, actions,
    commitments, the next meeting."""
    controller.update_member(member_id=people["Ben Okafor"], name=HOSTILE_NAME)
    services.people.update_member(member_id=people["Ava Chen"], email="ava@example.com")
    services.people.update_member(member_id=people["Maya Rossi"], email="maya@example.com")
    for name in ("Ava Chen", "Ben Okafor", "Maya Rossi"):
        controller.set_attendance(
            meeting_id=meeting_id, member_id=people[name], attendance=Attendance.PRESENT
        )
    controller.set_attendance(
        meeting_id=meeting_id, member_id=people["Leo Novak"], attendance=Attendance.APOLOGIES
    )
    item = services.agenda.items(meeting_id)[0]
    controller.add_idea(item_id=item.id, text="Call webinar leads within 1 hour")
    controller.add_decision(item_id=item.id, text="Speed to lead is a shared KPI </td>")
    controller.add_action(
        meeting_id=meeting_id,
        owner_id=people["Ava Chen"],
        title="Call back every webinar lead",
        due=date(2030, 3, 12),
    )
    controller.add_action(
        meeting_id=meeting_id, owner_id=people["Ben Okafor"], title="Write {{ the }} script"
    )
    controller.commit(meeting_id=meeting_id, member_id=people["Ava Chen"], confidence=4)
    controller.update_meeting(meeting_id=meeting_id, next_meeting_at=datetime(2030, 4, 2, 9, 0))
    return meeting_id


@pytest.fixture
def preview(qtbot: QtBot, controller: Controller, held_meeting: int) -> MinutesPreview:
    dialog = MinutesPreview(controller, held_meeting)
    qtbot.addWidget(dialog)
    return dialog


def pdf_text(blob: bytes, tmp_path: Path) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(blob)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")


# ---- the preview --------------------------------------------------------------------------


def test_the_preview_shows_the_minutes_with_hostile_text_literally(
    preview: MinutesPreview,
) -> None:
    text = preview.browser.toPlainText()
    assert preview.windowTitle() == "Minutes preview — Sales & Marketing sync"
    for expected in (
        "Draft minutes: Sales & Marketing sync",
        "Attendance",
        f"Present (3): {HOSTILE_NAME} (Sales), Ava Chen (Sales), Maya Rossi (Marketing)",
        "Apologies (1): Leo Novak (Marketing)",
        "Call webinar leads within 1 hour",
        "Decision 1: Speed to lead is a shared KPI </td>",
        "Write {{ the }} script",
        "1 of 3 present members committed to their plan.",
        "Next meeting",
    ):
        assert expected in text
    # {{7*7}} was not evaluated: no 49 anywhere but in the clock times (written at 09:49...)
    assert "49" not in re.sub(r"\b\d{1,2}:\d{2}\b", "", text.replace("2030", ""))
    # The document's own headings: nothing the users typed became markup.
    # The title block, the decisions and the action plans.
    assert preview.html().count("<table") == 3
    assert not preview.browser.openLinks()


def test_the_preview_follows_changes_to_the_meeting(
    qtbot: QtBot, preview: MinutesPreview, controller: Controller, services: Services
) -> None:
    preview.browser.verticalScrollBar().setValue(0)
    item = services.agenda.items(preview.meeting_id)[1]
    controller.add_decision(item_id=item.id, text="Publish the shared ICP next week")
    qtbot.waitUntil(lambda: "Publish the shared ICP" in preview.browser.toPlainText())


def test_the_preview_closes_when_its_meeting_is_deleted(
    qtbot: QtBot, preview: MinutesPreview, controller: Controller
) -> None:
    preview.show()
    controller.delete_meeting(preview.meeting_id)
    qtbot.waitUntil(lambda: not preview.isVisible())


def test_show_minutes_preview_saves_pending_typing_first(
    qtbot: QtBot, controller: Controller, held_meeting: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed: list[bool] = []
    monkeypatch.setattr(controller, "flush_pending", lambda: flushed.append(True))
    dialog = show_minutes_preview(controller, held_meeting)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert flushed == [True]
    assert dialog.isVisible()


def test_a_deleted_meeting_gives_a_message_not_a_traceback(
    controller: Controller, held_meeting: int, message_boxes: MessageBoxes
) -> None:
    assert show_minutes_preview(controller, 9999) is None
    assert message_boxes.shown[0].title == "No minutes to show"


@needs_pdftotext
def test_save_as_pdf_writes_the_minutes(
    preview: MinutesPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.pdf"
    asked: list[Path] = []

    def ask(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return target

    monkeypatch.setattr(minutes_preview, "ask_save_path", ask)
    preview.pdf_button.click()
    assert asked[0].name == "Sales _ Marketing sync 2030-03-05 minutes.pdf"
    blob = target.read_bytes()
    assert blob.startswith(b"%PDF")
    text = pdf_text(blob, tmp_path)
    assert "Sales & Marketing sync" in text
    assert "Write {{ the }} script" in text
    assert "<b>Sam</b>" in text


def test_a_failed_pdf_keeps_the_old_file(
    preview: MinutesPreview,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    missing = tmp_path / "gone" / "minutes.pdf"
    monkeypatch.setattr(minutes_preview, "ask_save_path", lambda *a: missing)
    preview.pdf_button.click()
    assert message_boxes.shown[0].title == "PDF not saved"
    assert str(missing.parent) in message_boxes.shown[0].text
    assert not missing.parent.exists()


def test_print_lays_the_minutes_out_on_the_printer(
    preview: MinutesPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "printed.pdf"

    def accept(printer: QPrinter, _parent) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer we can read
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(minutes_preview, "ask_print", accept)
    preview.print_button.click()
    assert target.read_bytes().startswith(b"%PDF")

    target.unlink()
    monkeypatch.setattr(minutes_preview, "ask_print", lambda *a: False)
    preview.print_button.click()
    assert not target.exists()


def test_save_as_word_writes_the_docx(
    preview: MinutesPreview, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(minutes_preview, "ask_save_path", lambda *a: target)
    preview.word_button.click()
    doc = docx.Document(str(target))
    assert doc.paragraphs[0].text == "Draft minutes: Sales & Marketing sync"
    assert preview.template_label.text() == "Word: AlignMeet's own styles"


# ---- hostile text through Qt's own HTML reader ----------------------------------------------


def test_qt_shows_any_text_of_the_minutes_literally(services: Services, held_meeting: int) -> None:
    from alignmeet.export.html_minutes import minutes_html

    base = services.minutes.gather(held_meeting)
    first = base.items[0]

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        text=st.one_of(
            st.text(min_size=1),
            st.sampled_from(
                ["<b>Sam</b>", "{{7*7}}", "<img src=x>", "&amp;", "مرحبا 👩‍👩‍👧", "\u202e"]
            ),
        )
    )
    def check(text: str) -> None:
        data = dataclasses.replace(
            base,
            meeting=dataclasses.replace(base.meeting, title=text, topic=text),
            items=(
                dataclasses.replace(first, decisions=(DecisionRecord(1, first.item.id, text),)),
                *base.items[1:],
            ),
        )
        document = QTextDocument()
        document.setHtml(minutes_html(data))
        shown = " ".join(document.toPlainText().split())
        folded = " ".join(clean_text(text).split())
        if folded:  # an empty topic is left out, as in the Word minutes
            assert f"Decision 1: {folded}" in shown
            assert f"Topic: {folded}" in shown
        assert not any(fmt.isImageFormat() for fmt in document.allFormats())  # no picture

    check()


def test_pdf_of_minutes_html_is_a_pdf(qapp: object) -> None:
    assert minutes_pdf_bytes("<h1>x</h1>").startswith(b"%PDF")


# ---- the Close phase ------------------------------------------------------------------------


@pytest.fixture
def run(qtbot: QtBot, controller: Controller, held_meeting: int) -> RunView:
    controller.select_meeting(held_meeting)
    view = RunView(controller, clock=lambda: 100.0)
    qtbot.addWidget(view)
    view.go_to(Phase.CLOSE)
    view.show()
    return view


@pytest.fixture
def closing(run: RunView) -> close_phase.ClosePhase:
    return run.close_phase


def test_close_phase_opens_the_preview(qtbot: QtBot, closing: close_phase.ClosePhase) -> None:
    closing.preview_button.click()
    preview = closing.preview
    assert isinstance(preview, MinutesPreview)
    assert preview.isVisible()
    assert "Call back every webinar lead" in preview.browser.toPlainText()
    preview.close()


def test_copy_email_text_puts_subject_and_body_on_the_clipboard(
    closing: close_phase.ClosePhase,
) -> None:
    closing.copy_email_button.click()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Subject: Minutes: Sales & Marketing sync — Tuesday 5 March 2030\n\n")
    assert "- Speed to lead is a shared KPI </td>" in text
    assert f"{HOSTILE_NAME}\n  - Write {{{{ the }}}} script — no due date" in text
    assert "  - Call back every webinar lead — due 12 Mar 2030 (Sales)" in text
    assert "- Ava Chen: committed, confidence 4/5" in text
    assert f"- {HOSTILE_NAME}: has not committed yet" in text
    assert "Tuesday 2 April 2030 at 09:00" in text
    assert "&lt;" not in text
    assert closing.share_note.isVisible()


def test_save_eml_addresses_the_attendees(
    closing: close_phase.ClosePhase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.eml"
    asked: list[Path] = []

    def ask(_parent, suggested):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return target

    monkeypatch.setattr(close_phase, "ask_eml_path", ask)
    closing.eml_button.click()
    assert asked[0].name == "Sales _ Marketing sync 2030-03-05 e-mail.eml"
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert " ".join(message["Subject"].split()) == (
        "Minutes: Sales & Marketing sync — Tuesday 5 March 2030"
    )
    assert [a.addr_spec for a in message["To"].addresses] == [
        "ava@example.com",
        "maya@example.com",
    ]
    assert "Cc" not in message  # Leo sent apologies but has no address
    body = message.get_content()
    assert "Write {{ the }} script" in body
    note = closing.share_note.text()
    assert note.startswith(f"E-mail saved to {target}")
    assert f"No e-mail address for: {HOSTILE_NAME}, Leo Novak" in note


def test_save_eml_into_a_missing_folder_says_so(
    closing: close_phase.ClosePhase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
) -> None:
    monkeypatch.setattr(close_phase, "ask_eml_path", lambda *a: tmp_path / "nope" / "m.eml")
    closing.eml_button.click()
    assert message_boxes.shown[0].title == "E-mail not saved"
    assert "does not exist" in message_boxes.shown[0].text


# ---- a planned meeting: the preview is its agenda (issue 17's leftover) -----------------------


def test_file_preview_of_a_planned_meeting_shows_the_agenda_its_word_export_holds(
    qtbot: QtBot,
    services: Services,
    controller: Controller,
    meeting_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File › Preview minutes… on a meeting not started yet, in the real window: the page
    says what the Word export of that meeting says (an agenda, its planned times, who is
    invited), in the same order — and nothing claims a meeting took place."""
    from ui.main_window import MainWindow

    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    controller.select_meeting(meeting_id)
    window.preview_action.trigger()
    preview = window.findChild(MinutesPreview)
    assert isinstance(preview, MinutesPreview) and preview.isVisible()
    assert preview.windowTitle() == "Agenda preview — Sales & Marketing sync"
    text = preview.browser.toPlainText()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == "Agenda: Sales & Marketing sync"
    assert "Invited (4): Ava Chen (Sales), Ben Okafor (Sales), Leo Novak (Marketing)" in text
    assert "09:00–09:" in text  # the first item at the meeting's start, then the next...
    for claim in ("Attendance", "nobody recorded", "Present (", "Decisions", "Commitments"):
        assert claim not in text, claim
    assert "Approval" not in text and "Not yet approved" not in text

    # Save as Word… from the same dialog: every paragraph of the file is on the screen, in
    # the same order (the table cells too).
    target = tmp_path / "agenda.docx"
    asked: list[Path] = []
    monkeypatch.setattr(
        minutes_preview, "ask_save_path", lambda _p, _t, path, _f: asked.append(path) or target
    )
    preview.word_button.click()
    assert asked[0].name.endswith(" 2030-03-05 agenda.docx")
    document = docx.Document(str(target))
    word = [" ".join(p.text.split()) for p in document.paragraphs if p.text.strip()]
    assert word[0] == lines[0]
    screen = " ".join(text.split())
    position = 0
    for paragraph in word:
        found = screen.find(paragraph, position)
        assert found >= 0, f"{paragraph!r} is not on the screen after position {position}"
        position = found + len(paragraph)
    preview.close()
