"""The shared widgets every screen uses (ui/widgets.py): one click per click (the
double-click guard the main window installs), and message boxes that show user text
literally — a question defaults to No, a field error goes to its label, a failed export
is explained in plain text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.domain.rules import ValidationError
from ui import main_window
from ui.controller import Controller
from ui.main_window import DOUBLE_CLICK_GUARD_AFTER_MS, MainWindow
from ui.widgets import (
    DoubleClickGuard,
    FieldError,
    ask_yes_no,
    inform,
    plain_label,
    show_validation,
    warn,
)

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def window(qtbot: QtBot, controller: Controller, meeting_id: int) -> MainWindow:
    controller.select_meeting(meeting_id)
    win = MainWindow(controller)
    qtbot.addWidget(win)
    return win


# ---- one click per click ----------------------------------------------------------------
def test_the_main_window_installs_one_guard_that_makes_a_double_click_one_click(
    qtbot: QtBot, controller: Controller, qapp: QApplication
) -> None:
    for earlier in qapp.findChildren(DoubleClickGuard):  # from other tests' windows
        qapp.removeEventFilter(earlier)
        earlier.setParent(None)
    for _ in range(2):
        qtbot.addWidget(MainWindow(controller))
    # installed once the window is up (DOUBLE_CLICK_GUARD_AFTER_MS), and only once
    qtbot.wait(DOUBLE_CLICK_GUARD_AFTER_MS + 50)
    assert len(qapp.findChildren(DoubleClickGuard)) == 1
    button = QPushButton("Park")
    qtbot.addWidget(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)  # the second press of a double-click
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a later click still counts
    assert clicks == [True, True]


# ---- message boxes ----------------------------------------------------------------------
def test_message_box_helpers_show_markup_literally(
    qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_yes_no(parent, "Delete?", "Delete “<b>Big</b> sync”?")
    message_boxes.answer = QMessageBox.StandardButton.No
    assert not ask_yes_no(parent, "Delete?", "Delete “<b>Big</b> sync”?")
    warn(parent, "Not saved", "<i>minutes</i>.docx is open elsewhere")
    inform(parent, "About", "Database: <u>team</u>.sqlite3")
    show_validation(ValidationError("nowhere", "<b>Sam</b> is taken"), {}, None, parent)
    assert [b.text_format for b in message_boxes.shown] == [Qt.TextFormat.PlainText] * 5
    assert [b.icon for b in message_boxes.shown[2:]] == [
        QMessageBox.Icon.Warning,
        QMessageBox.Icon.Information,
        QMessageBox.Icon.Warning,
    ]
    assert message_boxes.shown[4].text == "<b>Sam</b> is taken"


def test_a_question_defaults_to_no(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        box.defaultButton().click()

    QTimer.singleShot(0, press_enter)
    assert not ask_yes_no(parent, "Remove?", "Remove <b>Ben</b>?")
    assert "No" in seen[0]


def test_a_field_error_still_goes_to_its_label(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = FieldError(parent)
    show_validation(ValidationError("name", "<b>Sam</b> is taken"), {}, label, parent)
    assert label.text() == "<b>Sam</b> is taken"
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_failed_export_is_explained_in_plain_text(
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
    window: MainWindow,
    controller: Controller,
    meeting_id: int,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(
        main_window.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "minutes.docx"), "")),
    )

    def refuse(**_kwargs: object) -> None:
        raise ValidationError("path", "Cannot write <b>minutes</b>.docx")

    monkeypatch.setattr(controller, "export_minutes", refuse)
    assert window.export_minutes(meeting_id) is None
    [box] = message_boxes.shown
    assert (box.title, box.text, box.text_format) == (
        "Minutes not saved",
        "Cannot write <b>minutes</b>.docx",
        Qt.TextFormat.PlainText,
    )


# ---- long runs without spaces -----------------------------------------------------------
def test_a_label_people_copy_from_shows_its_text_exactly_and_a_wrapped_one_may_break(
    qtbot: QtBot,
) -> None:
    """Room Link's address is selected and copied to a phone: an invisible break inside
    it would make a link that does not open. Only a wrapped label that cannot be
    selected gets places to break (where they keep a long title from widening the
    window); the copy and `text()` are the text as given."""
    url = "http://192.168.178.20:8765/join/7QK2-MX9P-ABCD-EFGH"
    copied = plain_label(url, object_name="RoomAddress")
    copied.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copied_wrapped = plain_label(wrap=True)
    copied_wrapped.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copied_wrapped.setText(url)
    one_line = plain_label(url)
    wrapped = plain_label(url, wrap=True)
    for label in (copied, copied_wrapped, one_line, wrapped):
        qtbot.addWidget(label)
        assert label.text() == url
    for label in (copied, copied_wrapped, one_line):
        assert QLabel.text(label) == url  # what Qt draws, and copies on Ctrl+C
    assert "\u200b" in QLabel.text(wrapped) and QLabel.text(wrapped).replace("\u200b", "") == url


def _characters(text: str) -> list[str]:
    """The characters a person sees in `text` (Qt's grapheme clusters: a flag, an emoji
    with its skin tone, a letter with its accents, a Devanagari conjunct), in order,
    without the invisible places to break."""
    from PySide6.QtCore import QTextBoundaryFinder

    units = text.encode("utf-16-le")
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    seen, start = [], 0
    while (end := finder.toNextBoundary()) != -1:
        if 0xD800 <= int.from_bytes(units[end * 2 - 2 : end * 2], "little") < 0xDC00:
            continue  # (Qt may place one inside a pair of surrogates: not an edge)
        seen.append(units[start * 2 : end * 2].decode("utf-16-le"))
        start = end
    return [c for c in seen if c != "\u200b"]


@pytest.mark.parametrize(
    "title",
    [
        "Kick-off_Marketing_DACH🇩🇪🇦🇹🇨🇭_Q3",  # a flag, not two letters in boxes
        "Marketing_Vertrieb_DAC🇩🇪🇦🇹_Q3",
        "Jahresplanung_Vertrieb" + "क्षेत्र_उत्तर_प्रदेश",  # a conjunct, not a bare virama
        "Launch_Strategie_Partnerkanal👩🏽‍💻👨‍👩‍👧_EMEA",  # a family, a skin tone
    ],
)
def test_a_long_title_without_spaces_keeps_every_flag_emoji_and_conjunct_whole(
    qtbot: QtBot, title: str
) -> None:
    """A wrapped label breaks a long run without spaces — never inside what a person
    sees as one character: 🇩🇪 split by the break showed as two letters 'D' 'E' in
    boxes, a Devanagari conjunct as a consonant with a bare virama."""
    label = plain_label(title, wrap=True)
    qtbot.addWidget(label)
    assert _characters(QLabel.text(label)) == _characters(title)  # what Qt draws


def test_a_screen_reader_reads_a_long_wrapped_title_as_written(qtbot: QtBot) -> None:
    """The invisible places to break are for the layout only: the name a screen reader
    (and a UI test tool) gets is the title as typed, not one with U+200B in it."""
    from PySide6.QtGui import QAccessible

    title = "Vertriebsplanung_Nordwest_Partnerkanal_2026_Q3_Abschluss"
    label = plain_label(title, wrap=True)
    qtbot.addWidget(label)
    label.show()
    assert QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name) == title
    named = plain_label(wrap=True)  # a name given on purpose stays
    qtbot.addWidget(named)
    named.setAccessibleName("Meeting title")
    named.setText(title)
    assert named.accessibleName() == "Meeting title"
    label.setText("short")  # and a name it got for a long text goes with it
    assert QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name) == "short"


# Pieces that combine: flags' halves, a virama, joiners, skin tones, accents, keycaps.
_PIECES = [
    *("a", "Z", "🇩", "🇪", "क", "\u094d", "ष", "\u200d", "👩", "🏽", "\u0301", "\ufe0f"),
    *("1", "\u20e3", "ا", "ل", "\u200f", "\u200b", " ", "/", "한", "\u1100", "\u1161"),
]


@given(
    st.text(min_size=25, max_size=120)
    | st.lists(st.sampled_from(_PIECES), min_size=25, max_size=120).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_breaking_a_long_run_never_changes_what_a_person_sees(text: str) -> None:
    """Any text (any script, emoji, marks, controls): the places to break are the only
    difference, and each sits between two characters a person sees."""
    from ui.widgets import breakable

    shown = breakable(text)
    assert shown.replace("\u200b", "") == text.replace("\u200b", "")
    assert _characters(shown) == _characters(text)
