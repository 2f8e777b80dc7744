"""Reads that may take longer than a frame, off the GUI thread, one at a time.

`BackgroundReads.submit(key, work, then)` runs `work()` on a worker thread and hands its
result to `then(result)` back on the GUI thread (a queued signal). A newer submission
under the same key supersedes an older one: a superseded read is skipped if it has not
started, and its result is dropped if it has. An exception raised by `work` is raised
again on the GUI thread, where the app's usual handling (the save banner for a storage
failure, the error dialog otherwise) takes it.

The follow-up page uses it at scale: SQLite and PostgreSQL drivers release the GIL
while a query runs, so the window keeps painting and answering while the database
counts, sorts or aggregates a few hundred thousand rows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")


class BackgroundReads(QObject):
    _finished = Signal(object)  # (key, generation, result, error, then)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = None
        self._latest: dict[str, int] = {}
        self._pending: dict[str, int] = {}
        self._lock = threading.Lock()
        self._finished.connect(self._on_finished)  # emitted on the worker: queued here

    @property
    def busy(self) -> bool:
        """Some read is waiting, running, or has a result not yet handed over."""
        return bool(self._pending)

    def is_pending(self, key: str) -> bool:
        return key in self._pending

    def is_current(self, key: str, generation: int) -> bool:
        """Whether `generation` is still the newest submission under `key` (safe from the
        worker thread: a superseded read can stop early)."""
        with self._lock:
            return self._latest.get(key) == generation

    def submit(self, key: str, work: Callable[[], T], then: Callable[[T], Any]) -> int:
        """Run `work` in the background; `then(result)` on the GUI thread unless a newer
        submission under `key` came first. Returns this submission's generation."""
        with self._lock:
            generation = self._latest.get(key, 0) + 1
            self._latest[key] = generation
        self._pending[key] = generation
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reads")

        def run() -> None:
            if not self.is_current(key, generation):
                return  # superseded before it started
            try:
                result, error = work(), None
            except Exception as exc:  # handed to the GUI thread and raised there
                result, error = None, exc
            self._finished.emit((key, generation, result, error, then))

        self._executor.submit(run)
        return generation

    def forget(self, prefix: str) -> None:
        """Drop whatever is on its way under the keys that start with `prefix`."""
        with self._lock:
            for key in [k for k in self._latest if k.startswith(prefix)]:
                self._latest[key] += 1
                self._pending.pop(key, None)

    def shutdown(self) -> None:
        """Stop: reads not started are dropped, a running one finishes unseen."""
        with self._lock:
            for key in self._latest:
                self._latest[key] += 1
        self._pending.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def _on_finished(self, payload: tuple[str, int, Any, Exception | None, Any]) -> None:
        key, generation, result, error, then = payload
        if not self.is_current(key, generation):
            return
        self._pending.pop(key, None)
        if then is None:
            return
        if error is not None:
            raise error
        then(result)
