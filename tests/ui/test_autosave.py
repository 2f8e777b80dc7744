"""DebouncedSaver: one save shortly after typing stops; flush saves at once."""

from __future__ import annotations

import time

import pytest
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


# ---- what the database did not take ---------------------------------------------------------
def _unsaved(tmp_path, write):  # type: ignore[no-untyped-def]
    from alignmeet.recovery import RecoveryJournal
    from ui.autosave import UnsavedEdits

    return UnsavedEdits(RecoveryJournal("/data/x.sqlite3", folder=tmp_path), write)


def test_a_save_the_database_refuses_does_not_escape_the_saver(qtbot: QtBot) -> None:
    from alignmeet.recovery import Cause, NotSavedError

    def refused() -> None:
        raise NotSavedError(Cause.DISK_FULL, "Not saved yet")

    saver = DebouncedSaver(refused, delay_ms=10_000)
    saver.touch()
    saver.flush()  # kept by UnsavedEdits: nothing for the caller to handle
    assert not saver.pending

    def broken() -> None:
        raise RuntimeError("a bug")

    buggy = DebouncedSaver(broken, delay_ms=10_000)
    buggy.touch()
    with pytest.raises(RuntimeError):  # a bug still reaches the error dialog
        buggy.flush()


def test_unsaved_edits_are_tried_again_after_1_2_4_up_to_30_seconds(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alignmeet.recovery import Cause, NotSavedError

    def refused(_key, _text, _extra) -> None:  # type: ignore[no-untyped-def]
        raise NotSavedError(Cause.SERVER, "")

    unsaved = _unsaved(tmp_path, refused)
    unsaved.keep(("agenda_item", 1, "notes"), "draft", Cause.SERVER)
    waits = [unsaved._timer.interval()]
    for _ in range(7):
        unsaved.retry()
        waits.append(unsaved._timer.interval())
    assert waits == [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]
    assert unsaved.state == "failing" and unsaved.count == 1
    assert [e.text for e in unsaved.journal.pending()] == ["draft"]  # one line, not eight
    unsaved.stop()


def test_the_newest_text_of_each_field_lands_oldest_field_first(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alignmeet.recovery import Cause

    written: list[tuple[object, str, dict]] = []
    unsaved = _unsaved(tmp_path, lambda key, text, extra: written.append((key, text, extra)))
    seen = object()  # e.g. the record as the user saw it: not for a JSON file
    unsaved.keep(("agenda_item", 1, "notes"), "a", Cause.DISK_FULL)
    unsaved.keep(("meeting", 2, "topic"), "Q3", Cause.DISK_FULL)
    unsaved.keep(("agenda_item", 1, "notes"), "ab", Cause.DISK_FULL, {"seen": seen, "version": 4})
    assert unsaved.text_for(("agenda_item", 1, "notes")) == "ab"
    line = unsaved.journal.pending()[0]
    assert (line.text, line.extra) == ("ab", {"version": 4})
    unsaved.retry()
    assert written == [
        (("agenda_item", 1, "notes"), "ab", {"seen": seen, "version": 4}),
        (("meeting", 2, "topic"), "Q3", {}),
    ]
    assert unsaved.state == "saved" and unsaved.count == 0
    assert unsaved.journal.pending() == []
    qtbot.waitUntil(lambda: unsaved.state == "idle", timeout=10_000)


def test_saved_is_said_only_after_a_write_committed(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alignmeet.recovery import Cause

    unsaved = _unsaved(tmp_path, lambda *_: None)
    states: list[str] = []
    unsaved.changed.connect(lambda: states.append(unsaved.state))
    unsaved.failed(Cause.LOCKED)  # a button's write: nothing queued
    assert unsaved.state == "failing"
    unsaved.retry()  # nothing owed and the storage is not a server: nothing to claim
    assert unsaved.state == "failing"
    unsaved.succeeded()  # the next write committed
    assert states[-1] == "saved"
    unsaved.stop()
