"""The Alignment page reopens on the tab it was closed on (`MainWindow._restore_tab`),
and that tab is as the person left it: its splitter where they dragged it — not back at
its default, and not given another tab's place."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views.toolkit import TABS
from ui.views.toolkit.page import AlignmentPage

KEYS = [key for key, *_ in TABS]


def _alignment(qtbot: QtBot, services: Services) -> tuple[MainWindow, AlignmentPage]:
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("alignment")
    page = window.page("alignment")
    assert isinstance(page, AlignmentPage)
    return window, page


def _ratio(splitter: QSplitter) -> float:
    first, second = splitter.sizes()
    return first / (first + second)


def test_a21b_alignment_reopens_on_its_tab_with_the_splitter_where_it_was_left(
    qtbot: QtBot, services: Services
) -> None:
    """Closed on Coaching with its splitter dragged (and Glossary's dragged too, earlier):
    the next start came up on Coaching with its splitter back at the default — the tab
    built after the page's splitters were put back — and the place saved for it was
    applied to whichever splitter was built first."""
    window, page = _alignment(qtbot, services)
    kept = {}
    for key, share in (("glossary", 0.8), ("coaching", 0.25)):
        page.show_tab(key)
        qtbot.wait(10)
        splitter = page.view(key).findChild(QSplitter)
        total = sum(splitter.sizes())
        splitter.setSizes([int(total * share), total - int(total * share)])
        kept[key] = _ratio(splitter)
    window.close()

    window, page = _alignment(qtbot, services)
    assert page.tabs.currentIndex() == KEYS.index("coaching")
    qtbot.wait(10)
    assert abs(_ratio(page.view("coaching").findChild(QSplitter)) - kept["coaching"]) < 0.03
    page.show_tab("glossary")
    qtbot.wait(10)
    assert abs(_ratio(page.view("glossary").findChild(QSplitter)) - kept["glossary"]) < 0.03
