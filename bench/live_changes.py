"""Benchmark: what hearing other writers costs (ui.live_changes, issue 13).

    .venv/bin/python bench/live_changes.py [--db PATH] [--actions 100000] [--polls 2000]
                                           [--postgres URL]

Builds the large demo (`build_large_demo`, 100,000 actions) in a temporary file, or
reuses --db PATH. Then measures:

1. The change feed's poll on a quiet database (alignmeet.storage.changelog.ChangeFeed):
   on the SQLite history (one `PRAGMA data_version`, no query), and with --postgres on a
   scratch PostgreSQL database (one indexed range query on change_log; the number of
   actions does not enter it). Median and 95th percentile of --polls polls.
2. The window on the history (offscreen MainWindow, the Follow-ups page loaded, live
   changes on at the app's 500 ms): what the GUI thread spends per poll while nothing
   changes (the poll runs on its own thread; the GUI thread is only woken when something
   arrived — counted), and per change another client makes (it adds an action): from its
   commit until the window has announced it, and the longest single event-loop slice of
   that announcement (paced: one view's refresh per turn).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from alignmeet.services import Services, another_client, open_services


def _polls(services: Services, count: int) -> tuple[float, float]:
    """Median and 95th percentile (µs) of `count` polls of a quiet database."""
    feed = services.db.change_feed()
    times = []
    try:
        for _ in range(count):
            start = time.perf_counter()
            feed.poll()
            times.append(time.perf_counter() - start)
    finally:
        feed.close()
    times.sort()
    return statistics.median(times) * 1e6, times[int(len(times) * 0.95)] * 1e6


def _window(services: Services, seconds: float) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.controller import Controller
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    controller = Controller(services)
    window = MainWindow(controller)
    window.show()
    window.show_page("followups")
    view = window.followups_view
    deadline = time.monotonic() + 120
    while not view.is_loaded and time.monotonic() < deadline:  # rows, count and balance in
        app.processEvents()
    print(f"  Follow-ups page loaded: {view.model.rowCount():,} rows shown")

    timing = _GuiTime(controller)
    live = controller.start_live_changes(500)
    _quiet(app, live, timing, seconds)
    other = _remote_actions(app, services, controller, timing)
    controller.stop_live_changes()
    other.close()
    window.close()


class _GuiTime:
    """The GUI thread's slices of work on the controller's announcements (each paced
    refresh, each arrival from the feed), and how many arrivals woke it."""

    def __init__(self, controller) -> None:  # type: ignore[no-untyped-def]
        self.slices: list[float] = []
        self.arrivals = 0
        self._next = controller._announce_next
        self._arrived = controller._on_live_arrived
        controller._announce_next = self._timed_next
        controller.live.arrived.disconnect(controller._on_live_arrived)
        controller.live.arrived.connect(self._timed_arrived)

    def _timed_next(self) -> None:
        start = time.perf_counter()
        self._next()
        self.slices.append(time.perf_counter() - start)

    def _timed_arrived(self, changes: object) -> None:
        self.arrivals += 1
        start = time.perf_counter()
        self._arrived(changes)
        self.slices.append(time.perf_counter() - start)


def _quiet(app, live, timing: _GuiTime, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Quiet: what does the GUI thread do per poll?"""
    from PySide6.QtCore import QElapsedTimer

    polls_before = live.polls
    longest = 0.0
    clock = QElapsedTimer()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        clock.start()
        app.processEvents()
        longest = max(longest, clock.nsecsElapsed() / 1e6)
        time.sleep(0.005)
    polls = live.polls - polls_before
    per_poll = live.poll_seconds / max(live.polls, 1) * 1e6
    print(
        f"  quiet, {seconds:.0f} s: {polls} polls on the feed's thread ({per_poll:.0f} µs each), "
        f"{timing.arrivals} woke the GUI thread (0 µs of GUI time per poll); "
        f"longest event-loop turn {longest:.1f} ms"
    )


def _remote_actions(app, services: Services, controller, timing: _GuiTime) -> Services:  # type: ignore[no-untyped-def]
    """Another facilitator adds actions: time until the window has announced each; the
    other facilitator's services (still open)."""
    other = another_client(services)
    meeting = services.meetings.list_meetings()[0]
    owner = services.people.list_members()[0].id
    slices = timing.slices
    for n in range(5):
        slices.clear()
        done = [False]
        heard = controller.changes_announced

        def on_heard(_changes: object, done: list[bool] = done) -> None:
            done[0] = True

        heard.connect(on_heard)
        start = time.perf_counter()
        other.actions.add_action(meeting_id=meeting.id, owner_id=owner, title=f"Remote {n}")
        while not done[0] or controller._paced:
            app.processEvents()
            time.sleep(0.001)
        total = time.perf_counter() - start
        heard.disconnect(on_heard)
        gui = sum(slices) * 1000
        print(
            f"  remote action {n + 1}: shown after {total * 1000:.0f} ms (poll interval "
            f"included); GUI thread {gui:.1f} ms in {len(slices)} slices, longest "
            f"{max(slices) * 1000:.1f} ms"
        )
    return other


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse (or build) the large history here")
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--polls", type=int, default=2000)
    parser.add_argument("--quiet-seconds", type=float, default=10.0)
    parser.add_argument("--postgres", help="a PostgreSQL URL to measure the poll on too")
    args = parser.parse_args(argv)

    path = args.db or Path(tempfile.mkdtemp(prefix="alignmeet-bench-")) / "large.sqlite3"
    services = open_services(str(path))
    if not services.meetings.list_meetings():
        from alignmeet.demo import build_large_demo

        print(f"Building the large demo in {path} …", flush=True)
        start = time.perf_counter()
        summary = build_large_demo(services, today=date.today(), actions=args.actions)
        print(f"  built in {time.perf_counter() - start:.1f} s: {summary.describe()}")

    print("\n1. The change feed's poll on a quiet database")
    median, p95 = _polls(services, args.polls)
    print(f"  SQLite, {path.stat().st_size / 1e6:.0f} MB: median {median:.0f} µs, p95 {p95:.0f} µs")
    if args.postgres:
        pg = open_services(args.postgres)
        try:
            median, p95 = _polls(pg, args.polls)
            print(f"  PostgreSQL: median {median:.0f} µs, p95 {p95:.0f} µs")
        finally:
            pg.close()

    print("\n2. The window (Follow-ups page on the history), live changes on")
    _window(services, args.quiet_seconds)
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
