"""DebouncedSaver: one save shortly after typing stops; flush saves at once."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from ui.autosave import DebouncedSaver


def test_many_touches_make_one_save_after_the_delay(qtbot: QtBot) -> None:
    saved: list[int] = []
    saver = DebouncedSaver(lambda: saved.append(1), delay_ms=50)
    for _ in range(10):
        saver.touch()
    assert saved == []
    qtbot.waitUntil(lambda: saved == [1], timeout=2000)
    assert not saver.pending


def test_flush_saves_pending_edits_immediately_and_only_once(qtbot: QtBot) -> None:
    saved: list[int] = []
    saver = DebouncedSaver(lambda: saved.append(1), delay_ms=10_000)
    saver.touch()
    saver.flush()
    saver.flush()
    assert saved == [1]


def test_loading_text_while_suspended_does_not_schedule_a_save(qtbot: QtBot) -> None:
    saved: list[int] = []
    saver = DebouncedSaver(lambda: saved.append(1), delay_ms=10)
    with saver.suspend():
        saver.touch()
    assert not saver.pending


def test_typing_without_a_pause_is_still_saved_within_the_maximum_wait(qtbot: QtBot) -> None:
    """Someone typing non-stop: the debounce alone would never fire."""
    saves: list[float] = []
    started = time.monotonic()
    saver = DebouncedSaver(
        lambda: saves.append(time.monotonic() - started), delay_ms=200, max_wait_ms=500
    )
    while time.monotonic() - started < 1.3:
        saver.touch()  # a keystroke every 50 ms, never a 200 ms pause
        qtbot.wait(50)
    assert len(saves) >= 2
    assert saves[0] < 0.8  # the first save came at the deadline, not after typing stopped
    saver.flush()
