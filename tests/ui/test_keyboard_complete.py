"""Issue 12, finding 6: keyboard-complete. The ideas row tabs idea → who said it → Add,
confidence takes the number keys, Tab leaves a date and time in one step — and in every
phase and dialog Tab reaches every control in reading order (no trap, no jump back up the
same column)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from alignmeet.demo import build_demo
from alignmeet.domain.enums import Attendance, Phase
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def rect_of(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


PLACES: dict[int, QRect] = {}  # where each widget was when it had the focus


def tab_chain(qtbot: QtBot, first: QWidget, limit: int = 150) -> list[QWidget]:
    """Tab from `first` until the focus comes back to it: the widgets in order (and where
    each was while it had the focus: a scroll area scrolls to its focused control)."""
    PLACES.clear()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is first, first
    PLACES[id(first)] = rect_of(first)
    chain = [first]
    for _ in range(limit):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        widget = focused()
        if widget is first:
            return chain
        if widget is chain[-1]:
            pytest.fail(f"Tab is trapped in {type(widget).__name__} {widget.accessibleName()!r}")
        PLACES[id(widget)] = rect_of(widget)
        chain.append(widget)
    pytest.fail("Tab never came back to where it started")


def tabbable(root: QWidget) -> list[QWidget]:
    """Every control in `root` a keyboard user must reach (visible, enabled, takes Tab)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None:
            continue
        parent = widget.parentWidget()
        inside_view = False
        while parent is not None and parent is not root:
            if isinstance(parent, QAbstractItemView):
                inside_view = True  # an open cell editor belongs to its table
            parent = parent.parentWidget()
        if not inside_view and not widget.visibleRegion().isEmpty():
            found.append(widget)
    return found


def name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = widget.accessibleName() or (text() if callable(text) else "")
    return f"{type(widget).__name__} {label!r}"


def reading_order_problems(chain: list[QWidget]) -> list[str]:
    """Steps of the Tab order that go backwards: left along a row, or up the same column."""
    problems = []
    for a, b in pairwise(chain):
        ra, rb = PLACES.get(id(a), rect_of(a)), PLACES.get(id(b), rect_of(b))
        overlap = min(ra.bottom(), rb.bottom()) - max(ra.top(), rb.top())
        same_row = overlap > 0.5 * min(ra.height(), rb.height())
        if same_row and rb.left() < ra.left() - 4 and not ra.contains(rb):
            problems.append(f"{name(a)} → {name(b)}: goes left along a row")
        elif rb.bottom() <= ra.top() + 2 and rb.left() < ra.right() - 4:
            if isinstance(a, QAbstractScrollArea) and rb.intersects(ra):
                continue
            problems.append(f"{name(a)} → {name(b)}: goes back up")
    return problems


def check_tab_order(qtbot: QtBot, root: QWidget, first: QWidget | None = None) -> None:
    expected = tabbable(root)
    assert expected, "nothing to tab to"
    start = first or expected[0]
    chain = tab_chain(qtbot, start)
    # The window's Tab order is a circle: read the part in `root` from where it enters.
    within = [root.isAncestorOf(w) or w is root for w in chain]
    entry = next((i for i in range(len(chain)) if within[i] and not within[i - 1]), 0)
    inside = [
        w
        for w, keep in zip(
            chain[entry:] + chain[:entry], within[entry:] + within[:entry], strict=True
        )
        if keep
    ]
    missing = [name(w) for w in expected if w not in chain]
    assert not missing, f"Tab never reaches: {missing}"
    problems = reading_order_problems(inside)
    assert not problems, "\n".join(problems)


# ---- fixtures ---------------------------------------------------------------------------------
@pytest.fixture
def demo(services: Services) -> int:
    return build_demo(services, today=date.today()).upcoming_meeting_id


@pytest.fixture
def ucontroller(services: Services) -> Controller:
    return Controller(services)


@pytest.fixture
def window(qtbot: QtBot, ucontroller: Controller, demo: int) -> Iterator[MainWindow]:
    main = MainWindow(ucontroller)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    ucontroller.select_meeting(demo)
    for p in ucontroller.services.meetings.participants(demo)[:6]:
        ucontroller.set_attendance(
            meeting_id=demo, member_id=p.member_id, attendance=Attendance.PRESENT
        )
    main.show_page("run")
    yield main


# ---- the findings -----------------------------------------------------------------------------
def test_f6_the_ideas_row_tabs_idea_then_who_said_it_and_return_saves_both(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    run = window.run_view
    run.go_to(Phase.AGENDA)
    agenda = run.agenda_phase
    item = agenda.current_item()
    assert item is not None
    line = agenda.ideas.line
    line.setFocus()
    qtbot.keyClicks(line, "Score webinar leads by intent")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert focused() is agenda.author_combo
    speaker = agenda.author_combo.itemText(3)
    qtbot.keyClicks(agenda.author_combo, speaker[:4])
    assert agenda.author_combo.currentText() == speaker
    qtbot.keyClick(agenda.author_combo, Qt.Key.Key_Return)
    ideas = services.agenda.ideas(item.id)
    assert [(i.text, i.author_name) for i in ideas][-1] == (
        "Score webinar leads by intent",
        speaker,
    )
    assert focused() is line  # ready for the next idea
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is agenda.ideas.add_button


def test_f6_confidence_is_set_with_the_number_keys_and_return_commits(
    qtbot: QtBot, window: MainWindow, services: Services, demo: int
) -> None:
    run = window.run_view
    run.go_to(Phase.COMMITMENTS)
    page = run.commitments_phase
    member = page.selected_member()
    assert member is not None
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_4)
    assert page.confidence_combo.currentData() == 4
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    stored = {p.member_id: p for p in services.meetings.participants(demo)}[member.member_id]
    assert stored.committed_at is not None and stored.confidence == 4
    # In the note the digits are text.
    page.note_edit.setFocus()
    qtbot.keyClicks(page.note_edit, "by 3 May")
    assert page.note_edit.text() == "by 3 May"
    assert page.confidence_combo.currentData() != 3


def test_f6_in_the_new_meeting_dialog_tab_leaves_the_date_in_one_step(
    qtbot: QtBot, ucontroller: Controller
) -> None:
    from ui.views.meeting_dialog import MeetingDialog

    dialog = MeetingDialog(ucontroller)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.title_edit.setFocus()
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
    assert focused() is dialog.when_edit
    qtbot.keyClick(dialog.when_edit, Qt.Key.Key_Tab)
    assert focused() is dialog.length_spin
    qtbot.keyClick(dialog.length_spin, Qt.Key.Key_Tab)
    assert focused() is dialog.place_edit
    qtbot.keyClicks(focused(), "Room 5")
    assert dialog.place_edit.text() == "Room 5"


# ---- every phase and dialog: Tab reaches everything, in reading order --------------------------
@pytest.mark.parametrize("phase", list(Phase))
def test_f6_every_phase_tabs_through_all_its_controls_in_reading_order(
    qtbot: QtBot, window: MainWindow, phase: Phase
) -> None:
    run = window.run_view
    run.go_to(phase)
    QApplication.processEvents()
    check_tab_order(qtbot, run.pages[phase])


def _dialogs() -> dict[str, Callable[[Controller], QDialog]]:
    from ui.views.import_members_dialog import ImportMembersDialog
    from ui.views.meeting_dialog import MeetingDialog
    from ui.views.series_dialog import SeriesDialog
    from ui.views.settings_dialog import SettingsDialog
    from ui.views.welcome_dialog import WelcomeDialog

    return {
        "new meeting": lambda c: MeetingDialog(c),
        "series": lambda c: SeriesDialog(c),
        "settings": lambda c: SettingsDialog(),
        "import members": lambda c: ImportMembersDialog(c),
        "welcome": lambda c: WelcomeDialog(c),
    }


@pytest.mark.parametrize(
    "which", ["new meeting", "series", "settings", "import members", "welcome"]
)
def test_f6_every_dialog_tabs_through_all_its_controls_in_reading_order(
    qtbot: QtBot, ucontroller: Controller, demo: int, which: str
) -> None:
    dialog = _dialogs()[which](ucontroller)
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    check_tab_order(qtbot, dialog)
    dialog.close()
