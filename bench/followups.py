"""Benchmark: the follow-up list on a long history (QUALITY.md, "History at scale").

    .venv/bin/python bench/followups.py [--db PATH] [--actions 100000] [--years 5] [--runs 5]

Builds the large demo (`alignmeet.demo.build_large_demo`) in a temporary file, or reuses
--db PATH when it already holds meetings (it is built there otherwise; `--actions 300000
--years 10` is `demo --size huge`). Then measures, in-process, the best of N runs of
what the Follow-ups page asks the database for:

  - `count` and the first `window` for each filter, the team balance for some;
  - the first window in the order of each column, over every action and over the open
    ones, and a window from the middle of the list sorted by title (the deepest read);
  - full-text search, the decisions log, and streaming every open action for an export;
  - the page itself, offscreen: constructing `FollowUpsView` until its rows, count and
    balance are shown, and each filter / sort / search change through its widgets
    until the rows on screen are in (the balance strip may follow);
  - peak RSS of the process (resource.getrusage).

Targets: the view opens in <= 300 ms, each change <= 50 ms (bench/scale.py puts these
side by side with start-up, memory and exports, for every size, in one table).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.services import open_services
from alignmeet.services.followups import SORT_FIELDS, ActionFilter

OPEN = frozenset(OPEN_STATUSES)
TARGET_MS = 50.0


def best_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000, value


def record(label: str, ms: float, note: str = "", *, target: float | None = None) -> None:
    flag = "" if target is None else ("ok" if ms <= target else "OVER")
    print(f"  {label:52s} {ms:9.1f} ms  {note} {flag}".rstrip(), flush=True)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse (or build) the large history here")
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    today = date.today()

    path = args.db or Path(tempfile.mkdtemp(prefix="alignmeet-bench-")) / "large.sqlite3"
    services = _history(path, today, args.actions, args.years)
    fu = services.followups
    filters = _filters(services, today)
    print(f"\nDatabase {path} ({path.stat().st_size / 1e6:.0f} MB)")
    print("\nThe page (offscreen, first thing in the process):")
    _bench_page(services, today)
    record("peak RSS after the page (the app's share)", 0.0, f"{rss_mb():.0f} MB")
    _bench_filters_and_sorts(fu, filters, args.runs, today)
    _bench_the_rest(fu, filters, args.runs, today)
    services.close()
    print(f"\nPeak RSS {rss_mb():.0f} MB")
    return 0


def _history(path: Path, today: date, actions: int, years: int):  # type: ignore[no-untyped-def]
    """The services over `path`, the large demo built there first when it is empty."""
    services = open_services(str(path))
    if not services.meetings.list_meetings():
        from alignmeet.demo import build_large_demo

        print(f"Building the large demo in {path} …", flush=True)
        start = time.perf_counter()
        meetings = 24 * years
        summary = build_large_demo(
            services, today=today, actions=actions, years=years, meetings=meetings
        )
        print(f"  built in {time.perf_counter() - start:.1f} s: {summary.describe()}")
    return services


def _filters(services, today: date) -> list[tuple[str, ActionFilter]]:  # type: ignore[no-untyped-def]
    """The filters a facilitator picks, from the default to searches."""
    series = services.meetings.list_series()
    someone = services.followups.window(ActionFilter(statuses=OPEN), today=today, limit=1)
    return [
        ("Open (default)", ActionFilter(statuses=OPEN)),
        ("All statuses", ActionFilter()),
        ("Done", ActionFilter(statuses=frozenset({ActionStatus.DONE}))),
        ("Open · one person", ActionFilter(statuses=OPEN, owner_id=someone[0].owner_id)),
        ("Open · team Joint", ActionFilter(statuses=OPEN, team_tag=TeamTag.JOINT)),
        ("All · team Joint", ActionFilter(team_tag=TeamTag.JOINT)),
        ("Open · one series", ActionFilter(statuses=OPEN, series_id=series[-1].id)),
        ("Overdue", ActionFilter(statuses=OPEN, due="overdue")),
        ("This week", ActionFilter(statuses=OPEN, due="this_week")),
        ("No due date", ActionFilter(due="none")),
        ("Search “webinar” (all)", ActionFilter(text="webinar")),
        ("Search “contoso case” (open)", ActionFilter(statuses=OPEN, text="contoso case")),
        ("Search “le” (open)", ActionFilter(statuses=OPEN, text="le")),
    ]


def _bench_filters_and_sorts(fu, filters, runs: int, today: date) -> None:  # type: ignore[no-untyped-def]
    """What a filter change and a sort change read."""
    print("\nCount and first window per filter (what a filter change reads):")
    for label, flt in filters:
        ms, total = best_of(runs, lambda f=flt: fu.count(f, today=today))
        w_ms, _ = best_of(runs, lambda f=flt, t=total: fu.window(f, today=today, total=t))  # type: ignore[misc]
        record(f"{label}", ms + w_ms, f"{total:,} rows", target=TARGET_MS)
    print("\nFirst window per sort (what a sort change reads):")
    for label, flt in filters[:2]:
        for field in SORT_FIELDS:
            for descending in (False, True):
                ms, _ = best_of(
                    runs,
                    lambda f=flt, s=field, d=descending: fu.window(
                        f, today=today, sort=s, descending=d
                    ),
                )
                way = "desc" if descending else "asc"
                record(f"{label} by {field} {way}", ms, target=TARGET_MS)


def _bench_the_rest(fu, filters, runs: int, today: date) -> None:  # type: ignore[no-untyped-def]
    """The deepest window, the team balance, search, decisions and the export stream."""
    every = fu.count(ActionFilter(), today=today)
    ms, _ = best_of(
        1, lambda: fu.window(ActionFilter(), today=today, sort="title", offset=every // 2)
    )
    record("All by title, the window in the middle (read in the background)", ms)
    print("\nTeam balance (read in the background, remembered per filter):")
    for label, flt in filters[:6]:
        ms, _ = best_of(runs, lambda f=flt: fu.team_balance(f, today))
        record(f"team_balance() {label}", ms)
    print("\nSearch, decisions, export stream:")
    for text in ("webinar", "le", "contoso case"):
        ms, hits = best_of(runs, lambda t=text: fu.search(t))
        record(f"search({text!r})", ms, f"{len(hits):,} hits")  # type: ignore[arg-type]
    ms, rows = best_of(runs, lambda: fu.decisions())
    record("decisions()", ms, f"{len(rows):,} rows")  # type: ignore[arg-type]
    ms, count = best_of(1, lambda: sum(1 for _ in fu.export_lines(ActionFilter(statuses=OPEN))))
    record("export_lines() Open, streamed", ms, f"{count:,} rows")


def _bench_page(services, today: date) -> None:  # type: ignore[no-untyped-def]
    """The page in a fresh process, as a user meets it: open, then each change."""
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from ui.controller import Controller
    from ui.theme import apply_theme
    from ui.views.followups_view import FollowUpsView

    app = QApplication.instance() or QApplication(["bench"])
    QCoreApplication.setOrganizationName("AlignMeetBench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    apply_theme(app)  # type: ignore[arg-type]

    def settle(view: FollowUpsView) -> None:
        while view.is_busy or not view.is_loaded:
            app.processEvents()
        view.table.viewport().repaint()
        while view.is_busy:
            app.processEvents()

    start = time.perf_counter()
    view = FollowUpsView(Controller(services), today=lambda: today)
    view.resize(1090, 760)
    view.show()
    settle(view)
    record("open: rows, count and balance shown", (time.perf_counter() - start) * 1000,
           f"{view.model.count:,} rows", target=300.0)  # fmt: skip

    def change(label: str, apply: Callable[[], None]) -> None:
        start = time.perf_counter()
        apply()
        while view.model.is_busy:
            app.processEvents()
        view.table.viewport().repaint()
        while view.model.is_busy:
            app.processEvents()
        ms = (time.perf_counter() - start) * 1000
        settle(view)  # the balance, before the next change
        record(label, ms, f"{view.model.count:,} rows", target=TARGET_MS)

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            view.search_edit.setText(text)
            view.apply_filter()  # what the 250 ms debounce timer calls

        return run

    asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    member_row = 1 + max(0, view.person_combo.count() // 2 - 1)
    change("status → All statuses", lambda: view.status_combo.setCurrentIndex(1))
    for column, order in ((1, asc), (2, asc), (5, desc), (7, asc), (0, asc)):
        header = view.model.headerData(column, Qt.Orientation.Horizontal)
        change(f"sort by {header}", lambda c=column, o=order: view.table.sortByColumn(c, o))
    change("status → Done", lambda: view.status_combo.setCurrentIndex(5))
    change("status → Open", lambda: view.status_combo.setCurrentIndex(0))
    change("person → one member", lambda: view.person_combo.setCurrentIndex(member_row))
    change("person → everyone", lambda: view.person_combo.setCurrentIndex(0))
    change("team → Joint", lambda: view.team_combo.setCurrentIndex(3))
    change("team → all", lambda: view.team_combo.setCurrentIndex(0))
    change("due → Overdue", lambda: view.due_combo.setCurrentIndex(1))
    change("due → any", lambda: view.due_combo.setCurrentIndex(0))
    change("search “webinar”", search("webinar"))
    change("search cleared", search(""))
    change("scroll to the end", view.table.scrollToBottom)
    first = view.model.line(0)
    assert first is not None
    change(
        "status change of one action (through the controller)",
        lambda: (view.select_action(first.id), view.set_status(ActionStatus.IN_PROGRESS)),
    )
    view.close()


if __name__ == "__main__":
    raise SystemExit(main())
