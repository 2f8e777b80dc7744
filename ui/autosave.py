"""Debounced saving: every edit reaches the database shortly after typing stops, and
never later than MAX_WAIT_MS after it was typed (someone typing without a pause for a
minute still has at most 1.5 s at risk: QUALITY.md, "Data safety")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

AUTOSAVE_DELAY_MS = 800
MAX_WAIT_MS = 1500


class DebouncedSaver(QObject):
    """Calls `save()` once, `delay_ms` after the last `touch()` but at most `max_wait_ms`
    after the first unsaved one; `flush()` saves now.

    Views create one per edited text and call `touch()` from `textChanged`.
    The controller keeps every saver so closing the window (or switching
    meeting) flushes what is pending: no save button to forget.
    """

    def __init__(
        self,
        save: Callable[[], None],
        parent: QObject | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max(max_wait_ms, delay_ms))
        self._deadline.timeout.connect(self._run)
        self._suspended = 0

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def touch(self) -> None:
        if not self._suspended:
            self._timer.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._run()

    def cancel(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def suspend(self) -> _Suspension:
        """`with saver.suspend():` while loading text into a widget programmatically."""
        return _Suspension(self)

    def _run(self) -> None:
        self._timer.stop()
        self._deadline.stop()
        self._save()


class _Suspension:
    def __init__(self, saver: DebouncedSaver) -> None:
        self._saver = saver

    def __enter__(self) -> None:
        self._saver._suspended += 1

    def __exit__(self, *exc: object) -> None:
        self._saver._suspended -= 1
