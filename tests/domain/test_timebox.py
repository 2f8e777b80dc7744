"""Time boxes on a monotonic clock: no drift, warning near the end, overtime."""

import pytest

from alignmeet.domain.timebox import BoxState, Stopwatch, read_box


class FakeMonotonic:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return FakeMonotonic()


def test_a_new_stopwatch_is_stopped_at_zero(clock):
    watch = Stopwatch()
    assert not watch.running
    assert watch.elapsed(clock()) == 0


def test_running_time_is_counted_from_start(clock):
    watch = Stopwatch().start(clock())
    clock.advance(90)
    assert watch.running
    assert watch.elapsed(clock()) == 90


def test_paused_time_is_not_counted_and_resume_adds_up(clock):
    watch = Stopwatch().start(clock())
    clock.advance(120)
    watch = watch.pause(clock())
    clock.advance(600)  # coffee break: not part of the time box
    assert watch.elapsed(clock()) == 120
    watch = watch.start(clock())
    clock.advance(30)
    assert watch.elapsed(clock()) == 150


def test_no_drift_over_a_two_hour_meeting_with_many_pauses(clock):
    watch = Stopwatch()
    counted = 0.0
    for _ in range(240):  # 240 × (25 s running + 5 s paused) = 2 hours
        watch = watch.start(clock())
        clock.advance(25)
        counted += 25
        watch = watch.pause(clock())
        clock.advance(5)
    assert watch.elapsed(clock()) == counted == 6000


def test_starting_a_running_watch_or_pausing_a_paused_one_changes_nothing(clock):
    running = Stopwatch().start(clock())
    clock.advance(10)
    assert running.start(clock()) is running
    paused = running.pause(clock())
    clock.advance(10)
    assert paused.pause(clock()) is paused
    assert paused.elapsed(clock()) == 10


def test_a_stopwatch_is_an_immutable_value(clock):
    watch = Stopwatch()
    started = watch.start(clock())
    assert watch is not started
    assert not watch.running
    with pytest.raises(AttributeError):
        started.accumulated = 5  # type: ignore[misc]


def test_a_clock_reading_earlier_than_the_start_never_gives_negative_time(clock):
    watch = Stopwatch(accumulated=30).start(clock())
    assert watch.elapsed(clock() - 5) == 30


# ---- the box ------------------------------------------------------------------------
def test_a_box_that_has_not_started_is_idle(clock):
    reading = read_box(Stopwatch(), 10, clock())
    assert reading.state is BoxState.IDLE
    assert reading.remaining == 600


def test_a_ten_minute_box_warns_in_its_last_minute(clock):
    watch = Stopwatch().start(clock())
    clock.advance(539)
    assert read_box(watch, 10, clock()).state is BoxState.OK
    clock.advance(1)
    reading = read_box(watch, 10, clock())
    assert reading.state is BoxState.WARN
    assert reading.remaining == 60


def test_a_short_box_warns_when_a_fifth_of_it_remains(clock):
    watch = Stopwatch().start(clock())
    clock.advance(95)  # 2-minute box: 25 s left
    assert read_box(watch, 2, clock()).state is BoxState.OK
    clock.advance(1)  # 24 s left = 20 %
    assert read_box(watch, 2, clock()).state is BoxState.WARN


def test_the_box_shows_overtime_after_its_end(clock):
    watch = Stopwatch().start(clock())
    clock.advance(600)
    assert read_box(watch, 10, clock()).state is BoxState.WARN  # exactly at the end
    clock.advance(200)
    reading = read_box(watch, 10, clock())
    assert reading.state is BoxState.OVERTIME
    assert reading.remaining == -200
    assert reading.fraction == pytest.approx(800 / 600)


def test_one_more_minute_takes_a_box_out_of_overtime(clock):
    watch = Stopwatch().start(clock())
    clock.advance(610)
    assert read_box(watch, 10, clock()).state is BoxState.OVERTIME
    assert read_box(watch, 10 + 1, clock()).state is BoxState.WARN


def test_a_zero_length_box_counts_as_full(clock):
    reading = read_box(Stopwatch(accumulated=1), 0, clock())
    assert reading.fraction == 1.0
    assert reading.state is BoxState.OVERTIME
