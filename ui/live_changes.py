"""Other writers' changes, as they land: the change feed, read off the GUI thread.

Another window on the same file, another facilitator on the same PostgreSQL server, the
command line: every committed write leaves a row in the change log
(alignmeet.storage.changelog). `LiveChanges` polls the feed every `interval_ms` on its
own thread — on SQLite one `PRAGMA data_version` when nothing happened, on PostgreSQL one
indexed range query — and hands what it found to the GUI thread (`arrived`, a queued
signal), where the controller announces it like the window's own changes
(Controller.announce). The GUI thread never waits on the database for it: a server that
has gone away costs the poll thread its timeouts, not the window.

Writes this window hears in-process already (its own, and its Room Link server's: see
`ignore`) are left out.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from alignmeet.services import Services
    from alignmeet.services.operations import ChangeFeed

log = logging.getLogger(__name__)


class LiveChanges(QObject):
    arrived = Signal(object)  # OpChanges, from the poll thread (queued to the GUI thread)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._interval = 0.5
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._feed: ChangeFeed | None = None
        self._ignored: set[str] = set()
        # What the polls cost (bench/live_changes.py reads these).
        self.polls = 0
        self.poll_seconds = 0.0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, interval_ms: int = 500) -> None:
        """Poll every `interval_ms`; returns once the feed is open (what is written from
        then on is heard — what was written before is on the screens already)."""
        self._interval = interval_ms / 1000
        if self.running:
            return
        self._stop.clear()
        self._ready.clear()
        self._thread = threading.Thread(target=self._run, name="live-changes", daemon=True)
        self._thread.start()
        self._ready.wait(10)

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(5)

    def ignore(self, origin: str, *, ignored: bool = True) -> None:
        """Leave out (or hear again) another client's writes — e.g. the window's own Room
        Link server, whose participants' entries the window hears in-process."""
        if ignored:
            self._ignored.add(origin)
        else:
            self._ignored.discard(origin)
        if self._feed is not None:
            self._feed.ignore(origin, ignored=ignored)

    def _open(self) -> ChangeFeed | None:
        try:
            feed = self._services.db.change_feed()
        except Exception:  # the database is gone: the window's banner says so; try again
            log.warning("the change feed could not be opened", exc_info=True)
            return None
        for origin in self._ignored:
            feed.ignore(origin)
        return feed

    def _run(self) -> None:
        feed = self._feed = self._open()
        self._ready.set()
        try:
            while not self._stop.wait(self._interval):
                if feed is None:
                    feed = self._feed = self._open()
                    continue
                started = time.perf_counter()
                try:
                    changes = feed.poll()
                except Exception:  # the server is gone or the file locked: next time
                    log.warning("reading the change feed failed", exc_info=True)
                    feed.close()  # a fresh connection next time; the position is kept
                    continue
                finally:
                    self.polls += 1
                    self.poll_seconds += time.perf_counter() - started
                if changes and not self._stop.is_set():
                    try:
                        self.arrived.emit(changes)
                    except RuntimeError:  # the window is gone
                        return
        finally:
            if feed is not None:
                feed.close()
            self._feed = None
