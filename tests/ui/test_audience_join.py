"""Room Link on the room's screen: while a room is open, the audience (presenter) window
shows the join address, the 6-character code and the QR code — beside the topic in the
Open phase, and on the whole screen when the facilitator chooses "Show how to join" (View
menu, Ctrl+J, or J while presenting) — large enough to scan from the back of the room at
a projector's 1280×720 and at 1920×1080; it goes when the room closes.

The QR code is read back from the grabbed screen: its modules, sampled from the pixels,
are the QR code of the room's join address."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import segno
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget

from alignmeet.domain.enums import Phase
from ui.audience_window import AudienceWindow
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.presenter import PresenterMode

SIZES = ((1280, 720), (1920, 1080))
MIN_MODULE_PX = 10  # a module of at least 10 px: ~1.3 cm on a 2.5 m wide 1920 projection


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def main(qtbot, services, meeting_id: int) -> Iterator[MainWindow]:
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.show()
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    yield window
    if window._presenter is not None:
        window._presenter.stop()
    if window.room_link is not None:
        window.room_link.close()


def open_room(window: MainWindow):
    window.show_room_link()
    return window.room_link.bridge.open(
        window.controller.current_meeting_id, host="127.0.0.1", port=free_port()
    )


def present(window: MainWindow, qtbot, size: tuple[int, int] = (1280, 720)) -> PresenterMode:
    if not (window._presenter is not None and window._presenter.active):
        window.toggle_presenter()
    mode = window.presenter
    assert mode.window is not None
    mode.window.resize(*size)
    settle(qtbot, mode)
    return mode


def settle(qtbot, mode: PresenterMode) -> None:
    qtbot.wait(20)  # the audience refreshes on the next turn of the event loop
    mode.refresh()
    qtbot.wait(10)


def shown_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def assert_is_the_qr_of(audience: AudienceWindow, label: QLabel, url: str) -> int:
    """The QR code on the screen is `url`'s, module for module, in a light quiet zone of
    at least 3 modules (read from a grab of the whole audience window: each module sampled
    at its centre); returns a module's size in pixels."""
    image = audience.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    origin = label.mapTo(audience, QPoint(0, 0))
    xs = range(origin.x(), origin.x() + label.width())
    ys = range(origin.y(), origin.y() + label.height())

    def dark(x: int, y: int) -> bool:
        return image.pixelColor(x, y).lightness() < 128

    def box(points: list[tuple[int, int]]) -> tuple[int, int, int, int]:
        return (
            min(x for x, _ in points),
            min(y for _, y in points),
            max(x for x, _ in points) + 1,
            max(y for _, y in points) + 1,
        )

    light = box([(x, y) for y in ys[::2] for x in xs[::2] if not dark(x, y)])
    assert light[2] - light[0] > 100, "no QR code on the screen"
    symbol = box(
        [(x, y) for y in range(light[1], light[3]) for x in range(light[0], light[2]) if dark(x, y)]
    )
    expected = [[bool(v) for v in row] for row in segno.make(url, error="m", micro=False).matrix]
    n = len(expected)
    width, height = symbol[2] - symbol[0], symbol[3] - symbol[1]
    module = width / n
    assert width == height and width % n == 0, (width, height, n)
    assert symbol[0] - light[0] >= 3 * module - 2 and light[2] - symbol[2] >= 3 * module - 2
    seen = [
        [
            dark(int(symbol[0] + (c + 0.5) * module), int(symbol[1] + (r + 0.5) * module))
            for c in range(n)
        ]
        for r in range(n)
    ]
    assert seen == expected
    return int(module)


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_the_open_phase_shows_the_qr_code_address_and_code_while_a_room_is_open(
    qtbot, main: MainWindow, size, tmp_path
) -> None:
    room = open_room(main)
    mode = present(main, qtbot, size)
    audience = mode.window
    assert main.run_view.phase is Phase.OPEN
    card = audience.join_card
    assert card.isVisible()
    texts = shown_texts(card)
    assert room.base_url.rstrip("/") in texts and room.access.code in texts
    assert "Turn webinar leads into pipeline" in shown_texts(audience)  # the topic stays
    module = assert_is_the_qr_of(audience, card.qr, room.join_url)
    assert module >= MIN_MODULE_PX * size[1] / 1080
    assert card.qr.height() >= 0.45 * size[1]  # half the screen's height
    code_font = card.code.font().pointSizeF()
    assert code_font >= 2 * audience.body_point_size()  # the code reads from the back
    audience.grab().save(str(tmp_path / f"open-{size[0]}.png"))


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_show_how_to_join_fills_the_screen_and_the_clicker_goes_back(
    qtbot, main: MainWindow, size
) -> None:
    room = open_room(main)
    main.run_view.go_to(Phase.AGENDA)
    mode = present(main, qtbot, size)
    audience = mode.window
    assert not audience.join_card.isVisible()  # the agenda needs the room
    assert main.join_screen_action.isEnabled()
    main.join_screen_action.trigger()
    settle(qtbot, mode)
    assert audience.join_shown and main.join_screen_action.isChecked()
    screen = audience.join_screen
    assert room.access.code in shown_texts(screen)
    module = assert_is_the_qr_of(audience, screen.qr, room.join_url)
    assert module >= MIN_MODULE_PX * size[1] / 1080 * 1.3
    assert screen.qr.height() >= 0.65 * size[1]
    item = main.run_view.agenda_phase.current_item()
    mode.handle_key(Qt.Key.Key_PageDown)  # the clicker: back to the meeting, not on
    assert not audience.join_shown and not main.join_screen_action.isChecked()
    assert main.run_view.agenda_phase.current_item() == item
    mode.handle_key(Qt.Key.Key_J)  # J while presenting: again
    assert audience.join_shown
    mode.handle_key(Qt.Key.Key_J)
    assert not audience.join_shown


def test_show_how_to_join_starts_presenting(qtbot, main: MainWindow) -> None:
    open_room(main)
    assert main._presenter is None or not main._presenter.active
    main.join_screen_action.trigger()
    mode = main.presenter
    assert mode.active and mode.window.join_shown


def test_a_new_code_reaches_the_room_screen(qtbot, main: MainWindow) -> None:
    room = open_room(main)
    mode = present(main, qtbot)
    old = room.access.code
    main.room_link.panel.rotate_button.click()
    qtbot.waitUntil(lambda: room.access.code in shown_texts(mode.window.join_card))
    assert old not in shown_texts(mode.window.join_card)
    assert_is_the_qr_of(mode.window, mode.window.join_card.qr, room.join_url)


def test_closing_the_room_takes_it_off_the_room_screen(qtbot, main: MainWindow) -> None:
    room = open_room(main)
    mode = present(main, qtbot)
    main.show_how_to_join(True)
    settle(qtbot, mode)
    assert mode.window.join_shown
    code = room.access.code
    main.room_link.panel.close_button.click()
    settle(qtbot, mode)
    audience = mode.window
    assert not audience.join_shown and not audience.join_card.isVisible()
    assert code not in "\n".join(shown_texts(audience))
    assert not main.join_screen_action.isEnabled() and not main.join_screen_action.isChecked()
    mode.handle_key(Qt.Key.Key_J)  # nothing to show: J does nothing
    assert not audience.join_shown


def test_without_a_room_there_is_nothing_to_join(qtbot, main: MainWindow) -> None:
    mode = present(main, qtbot)
    assert not mode.window.join_card.isVisible()
    assert not main.join_screen_action.isEnabled()
    assert mode.handle_key(Qt.Key.Key_J) is False
    assert not mode.window.join_shown


def test_blanking_hides_the_join_screen_too(qtbot, main: MainWindow) -> None:
    open_room(main)
    mode = present(main, qtbot)
    main.show_how_to_join(True)
    mode.set_blank(True)
    assert mode.window.blanked and not mode.window.join_shown
    mode.set_blank(False)
    assert mode.window.join_shown
