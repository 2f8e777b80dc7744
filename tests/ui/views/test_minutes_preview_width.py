"""The minutes preview reads like a page: nothing on it needs scrolling sideways.

The last review saw a horizontal scroll bar under the preview at 900 px wide: Qt's rich-text
layout rounds a table of `width="100%"` up by a pixel at some widths, so the page was one
pixel wider than the window. Checked through File › Preview on the real window, with the
demo meetings (minutes of a closed one, the agenda of the one still to run) and with a
long-titled meeting, in English and German, at the dialog's default size and at 900 px.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet import i18n as core_i18n
from alignmeet.demo import build_demo
from alignmeet.services import Services
from ui import i18n
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views.minutes_preview import MinutesPreview

LONG_TITLE = (
    "Quarterly Sales & Marketing alignment — pipeline hand-over, lead scoring, webinar "
    "follow-through and the EMEA / North America campaign calendar for the first quarter"
)


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    code = str(request.param)
    assert i18n.install_translator(qapp, code) == code
    with core_i18n.use_language(code):
        yield code
    i18n.install_translator(qapp, "en")


def _open_preview(qtbot: QtBot, window: MainWindow, meeting_id: int) -> MinutesPreview:
    window.controller.select_meeting(meeting_id)
    window.preview_action.trigger()
    preview = window.findChild(MinutesPreview)
    assert isinstance(preview, MinutesPreview) and preview.isVisible()
    qtbot.waitExposed(preview)
    return preview


def _sideways(preview: MinutesPreview) -> int:
    for _ in range(3):
        QApplication.processEvents()
    return preview.browser.horizontalScrollBar().maximum()


def test_the_preview_never_scrolls_sideways_at_its_default_size_or_900_px(
    qtbot: QtBot, services: Services, language: str
) -> None:
    build_demo(services, today=date.today())
    meetings = services.meetings.list_meetings()
    upcoming = meetings[0]  # newest first: the meeting still to run (its agenda)
    closed = next(m for m in meetings if m.status.value == "closed")
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    for meeting_id in (closed.id, upcoming.id):
        preview = _open_preview(qtbot, window, meeting_id)
        for width in (None, 900, 860, 920):
            if width is not None:
                preview.resize(width, preview.height())
            assert _sideways(preview) == 0, (language, meeting_id, preview.size())
            assert not preview.browser.horizontalScrollBar().isVisible()
        preview.close()
        QApplication.processEvents()

    # A long title (and a long item title) wraps on the page; the window title holds it all.
    window.controller.update_meeting(meeting_id=upcoming.id, title=LONG_TITLE)
    item = services.agenda.items(upcoming.id)[0]
    window.controller.update_item(item_id=item.id, title=LONG_TITLE)
    preview = _open_preview(qtbot, window, upcoming.id)
    assert LONG_TITLE in preview.windowTitle()
    for width in (None, 900):
        if width is not None:
            preview.resize(width, preview.height())
        assert _sideways(preview) == 0, (language, preview.size())
    preview.close()


def test_the_preview_fits_the_screen_it_opens_on(
    qtbot: QtBot, services: Services, controller: Controller, meeting_id: int
) -> None:
    """Its default size (900×980) is taller than a projector's 1280×800 screen: it opens
    within the screen's free area instead (the offscreen test screen is 800×800)."""
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    preview = _open_preview(qtbot, window, meeting_id)
    screen = preview.screen().availableGeometry()
    assert preview.frameGeometry().width() <= screen.width()
    assert preview.frameGeometry().height() <= screen.height()
    assert _sideways(preview) == 0
    preview.close()
