"""Time boxes on a monotonic clock.

A `Stopwatch` never reads wall time: it is fed readings of a monotonic clock
(`time.monotonic()` in the app, a fake in tests), so changing the system clock
cannot make it jump. `time.monotonic` on Linux does not advance while the laptop
sleeps; the meeting clock therefore shows time spent in the meeting, which is
what a time box measures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

# Warn for the last 20 % of the box, but never for more than its last minute:
# a 10-minute box warns in its last 60 s, a 2-minute box in its last 24 s.
WARN_FRACTION = 0.8
WARN_MIN_SECONDS = 60


@dataclass(frozen=True)
class Stopwatch:
    """Accumulated seconds plus, while running, the monotonic start reading."""

    accumulated: float = 0.0
    started_at: float | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def elapsed(self, now: float) -> float:
        if self.started_at is None:
            return self.accumulated
        return self.accumulated + max(0.0, now - self.started_at)

    def start(self, now: float) -> Stopwatch:
        return self if self.running else replace(self, started_at=now)

    def pause(self, now: float) -> Stopwatch:
        if not self.running:
            return self
        return Stopwatch(accumulated=self.elapsed(now), started_at=None)


class BoxState(StrEnum):
    IDLE = "idle"
    OK = "ok"
    WARN = "warn"
    OVERTIME = "overtime"


@dataclass(frozen=True)
class BoxReading:
    elapsed: float
    box_seconds: float

    @property
    def remaining(self) -> float:
        return self.box_seconds - self.elapsed

    @property
    def state(self) -> BoxState:
        if self.elapsed <= 0:
            return BoxState.IDLE
        if self.remaining < 0:
            return BoxState.OVERTIME
        # box - box * 0.8, not box * (1 - 0.8): the latter is 23.999… s for a 2-min box
        warn_at = min(self.box_seconds - self.box_seconds * WARN_FRACTION, WARN_MIN_SECONDS)
        if self.remaining <= warn_at:
            return BoxState.WARN
        return BoxState.OK

    @property
    def fraction(self) -> float:
        if self.box_seconds <= 0:
            return 1.0
        return self.elapsed / self.box_seconds


def read_box(watch: Stopwatch, box_minutes: float, now: float) -> BoxReading:
    return BoxReading(elapsed=watch.elapsed(now), box_seconds=box_minutes * 60)
