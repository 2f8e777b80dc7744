"""DebouncedSaver: one save shortly after typing stops; flush saves at once."""

from __future__ import annotations

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
