"""The Qt side of the meeting timers: stopwatches on a monotonic clock and a 250 ms tick.

All arithmetic lives in `alignmeet.domain.timebox.Stopwatch`; this object only
holds the stopwatches of the meeting on screen (one for the meeting, one per
agenda item), reads the clock, and ticks while something runs so labels can
repaint. The clock is injectable: tests pass a fake and call `tick()`.
Nothing here writes to the database; `RunView.save_timers()` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from alignmeet.domain.timebox import Stopwatch

TICK_MS = 250
MonotonicClock = Callable[[], float]


def clock_text(elapsed: float, planned_minutes: int) -> str:
    """ "23:10 of 60:00" — minutes keep counting past the hour (no hours)."""
    total = int(max(0.0, elapsed))
    return QCoreApplication.translate("MeetingClock", "{used} of {planned}").format(
        used=f"{total // 60}:{total % 60:02d}", planned=f"{planned_minutes}:00"
    )


@dataclass(frozen=True)
class ClockSnapshot:
    """The items' stopwatches at one moment, to put back (a timer notice's Undo)."""

    items: tuple[tuple[int, Stopwatch], ...]
    running_item: int | None


class MeetingClock(QObject):
    ticked = Signal()  # every TICK_MS while a stopwatch runs, and after every start/pause
    running_changed = Signal()

    def __init__(
        self,
        clock: MonotonicClock = time.monotonic,
        parent: QObject | None = None,
        interval_ms: int = TICK_MS,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        # Forwarded signal to signal, so the 4-per-second tick makes no Python call
        # of its own (fewer crossings into Python; see RunView for what listens).
        self._timer.timeout.connect(self.ticked)
        self._meeting = Stopwatch()
        self._items: dict[int, Stopwatch] = {}
        self._running_item: int | None = None

    # ---- clock --------------------------------------------------------------
    def now(self) -> float:
        return self._clock()

    def tick(self) -> None:
        self.ticked.emit()

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()

    def _changed(self) -> None:
        if self.meeting_running or self._running_item is not None:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        self.running_changed.emit()
        self.ticked.emit()

    # ---- loading ------------------------------------------------------------
    def reset(self, meeting_elapsed: float = 0.0) -> None:
        """A new meeting on screen: forget every stopwatch, stop ticking."""
        self._meeting = Stopwatch(accumulated=float(meeting_elapsed))
        self._items.clear()
        self._running_item = None
        self._changed()

    def ensure_item(self, item_id: int, used_seconds: float) -> None:
        """Know an agenda item, starting from its stored time (kept if already known)."""
        if item_id not in self._items:
            self._items[item_id] = Stopwatch(accumulated=float(used_seconds))

    def item_ids(self) -> list[int]:
        return list(self._items)

    def forget(self, item_id: int) -> None:
        """Drop an item's stopwatch (the item left the agenda); stops it if it runs."""
        running = self._running_item == item_id
        self._items.pop(item_id, None)
        if running:
            self._running_item = None
            self._changed()

    # ---- meeting ------------------------------------------------------------
    @property
    def meeting_running(self) -> bool:
        return self._meeting.running

    def meeting_elapsed(self) -> float:
        return self._meeting.elapsed(self.now())

    def start_meeting(self) -> None:
        if not self._meeting.running:
            self._meeting = self._meeting.start(self.now())
            self._changed()

    def pause_meeting(self) -> None:
        if self._meeting.running:
            self._meeting = self._meeting.pause(self.now())
            self._changed()

    # ---- agenda items -------------------------------------------------------
    @property
    def running_item(self) -> int | None:
        return self._running_item

    def item_watch(self, item_id: int) -> Stopwatch:
        return self._items.get(item_id, Stopwatch())

    def item_elapsed(self, item_id: int) -> float:
        return self.item_watch(item_id).elapsed(self.now())

    def start_item(self, item_id: int) -> int | None:
        """Run one item's stopwatch; the one that was running pauses. Returns that one's id."""
        if self._running_item == item_id:
            return None
        paused = self._pause_running_item()
        now = self.now()
        self._items[item_id] = self.item_watch(item_id).start(now)
        self._running_item = item_id
        self._changed()
        return paused

    def pause_item(self) -> int | None:
        """Pause the running item; returns its id (None when nothing ran)."""
        paused = self._pause_running_item()
        if paused is not None:
            self._changed()
        return paused

    def _pause_running_item(self) -> int | None:
        item_id = self._running_item
        if item_id is None:
            return None
        self._items[item_id] = self.item_watch(item_id).pause(self.now())
        self._running_item = None
        return item_id

    def snapshot(self) -> ClockSnapshot:
        return ClockSnapshot(tuple(self._items.items()), self._running_item)

    def restore(self, snapshot: ClockSnapshot) -> list[int]:
        """Put the items' stopwatches back as they were at `snapshot` (a running one runs
        on from when it started: the time since counts for it, as if nothing happened).
        Items no longer known stay forgotten. Returns the items whose stopwatch changed."""
        changed = []
        for item_id, watch in snapshot.items:
            if item_id in self._items and self._items[item_id] != watch:
                self._items[item_id] = watch
                changed.append(item_id)
        running = snapshot.running_item
        self._running_item = running if running in self._items else None
        for item_id, watch in self._items.items():  # none runs but the one put back
            if watch.running and item_id != self._running_item:
                self._items[item_id] = watch.pause(self.now())
                changed.append(item_id)
        self._changed()
        return changed

    def pause_all(self) -> int | None:
        """Pause the meeting and the running item; returns the item that was running."""
        item = self._pause_running_item()
        if self._meeting.running:
            self._meeting = self._meeting.pause(self.now())
        self._changed()
        return item
