"""What the phones follow live: the meeting's phase (stored), the agenda item on the
facilitator's screen and its timer (not stored: the window tells the room, `set_stage`),
and a revision number that goes up whenever anything the pages show may have changed.

The server's event streams (SSE) compare revisions; a phone that sees a new one updates
the header from the state sent with it and reloads the lists it shows.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Stage:
    """The facilitator's screen: the agenda item shown and its timer at `at` (monotonic)."""

    item_id: int | None = None
    box_seconds: int = 0
    used_seconds: float = 0.0
    running: bool = False
    at: float = 0.0

    def left(self, now: float) -> int:
        """Seconds left in the item's box now (negative: over time)."""
        used = self.used_seconds + (now - self.at if self.running else 0.0)
        return round(self.box_seconds - used)


class Live:
    """The revision, the stage, and the state the phones are sent (read once per revision,
    however many phones listen)."""

    def __init__(
        self,
        read: Callable[[Stage], dict[str, Any]],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read = read
        self._clock = clock
        self._lock = threading.Lock()
        self._revision = 1
        self._stage = Stage(at=clock())
        self._cached: tuple[int, dict[str, Any]] | None = None

    @property
    def revision(self) -> int:
        return self._revision

    @property
    def stage(self) -> Stage:
        return self._stage

    def bump(self) -> None:
        """Something the pages show may have changed."""
        with self._lock:
            self._revision += 1

    def set_stage(
        self, *, item_id: int | None, box_seconds: int, used_seconds: float, running: bool
    ) -> None:
        stage = Stage(item_id, int(box_seconds), float(used_seconds), running, self._clock())
        with self._lock:
            if stage == self._stage:
                return
            self._stage = stage
            self._revision += 1

    def state(self) -> dict[str, Any]:
        """The state for the current revision (read from the database once per revision),
        with the timer as it reads now."""
        state = self.cached_state()
        if state is not None:
            return state
        with self._lock:
            revision, stage = self._revision, self._stage
        cached = (revision, self._read(stage))
        with self._lock:
            if self._revision == revision:
                self._cached = cached
        return self._finish(cached, stage)

    def cached_state(self) -> dict[str, Any] | None:
        """The state if this revision's was read already (no database), else None."""
        with self._lock:
            revision, stage, cached = self._revision, self._stage, self._cached
        if cached is None or cached[0] != revision:
            return None
        return self._finish(cached, stage)

    def _finish(self, cached: tuple[int, dict[str, Any]], stage: Stage) -> dict[str, Any]:
        revision = cached[0]
        state = dict(cached[1])
        state["rev"] = revision
        if state.get("item_id") is not None and stage.item_id == state["item_id"]:
            state["left"] = stage.left(self._clock())
            state["running"] = stage.running
        return state
