"""Benchmark: the follow-up view on a 5-year history (QUALITY.md, "History at scale").

    .venv/bin/python bench/followups.py [--db PATH] [--actions 100000] [--runs 5]

Builds the large demo (`alignmeet.demo.build_large_demo`: 120 meetings, 60 members,
100,000 actions with their histories) in a temporary file, or reuses --db PATH when
it already holds meetings (it is built there otherwise). Then measures, in-process,
the best of N runs of:

  - the services: `FollowUpService.actions` (records, what the exports use) and
    `FollowUpService.lines` (tuples) for the default "Open" filter and each filter,
    `team_balance`, `matching_action_ids`, `search`, `decisions`;
  - the in-memory index the page filters with: loading it in pages, building it,
    `select` for each filter change, `order` for each column;
  - the Qt model: `set_selection` (reset) and `sort` for each column;
  - the page itself, offscreen: constructing `FollowUpsView` until its first rows
    are shown, the longest single event-loop turn while it loads, and each filter /
    sort / search change through its widgets;
  - peak RSS of the process (resource.getrusage).

Targets: the view opens in <= 1 s, each filter/sort/search change <= 100 ms,
memory <= 400 MB, no event-loop turn > 100 ms.
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
from alignmeet.services.followups import ActionFilter, FollowUpIndex

OPEN = frozenset(OPEN_STATUSES)
TARGET_MS = 100.0
results: list[tuple[str, str, float, str]] = []  # section, label, ms, note


def best_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000, value


def record(section: str, label: str, ms: float, note: str = "", *, target: float | None = None):
    flag = ""
    if target is not None:
        flag = "ok" if ms <= target else "OVER"
    results.append((section, label, ms, f"{note} {flag}".strip()))
    print(f"  {label:48s} {ms:9.1f} ms  {note} {flag}".rstrip(), flush=True)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse (or build) the large history here")
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    today = date.today()

    folder = tempfile.mkdtemp(prefix="alignmeet-bench-")
    path = args.db or Path(folder) / "large.sqlite3"
    services = open_services(str(path))
    if not services.meetings.list_meetings():
        from alignmeet.demo import build_large_demo

        print(f"Building the large demo in {path} …", flush=True)
        start = time.perf_counter()
        summary = build_large_demo(services, today=today, actions=args.actions)
        print(f"  built in {time.perf_counter() - start:.1f} s: {summary.describe()}")
    size = path.stat().st_size / 1e6
    followups = services.followups
    runs = args.runs
    filters: list[tuple[str, ActionFilter]] = [
        ("Open (default)", ActionFilter(statuses=OPEN)),
        ("All statuses", ActionFilter()),
        ("Done", ActionFilter(statuses=frozenset({ActionStatus.DONE}))),
        ("Open · one person", ActionFilter(statuses=OPEN, owner_id=_some_member(services))),
        ("Open · team Joint", ActionFilter(statuses=OPEN, team_tag=TeamTag.JOINT)),
        ("Open · one series", ActionFilter(statuses=OPEN, series_id=_some_series(services))),
        ("Overdue", ActionFilter(statuses=OPEN, due="overdue")),
        ("This week", ActionFilter(statuses=OPEN, due="this_week")),
        ("Later", ActionFilter(statuses=OPEN, due="later")),
        ("No due date", ActionFilter(due="none")),
        ("Search “webinar” (all)", ActionFilter(text="webinar")),
        ("Search “contoso case” (open)", ActionFilter(statuses=OPEN, text="contoso case")),
        ("Search “le” (open)", ActionFilter(statuses=OPEN, text="le")),
    ]

    print(f"\nDatabase {path} ({size:.0f} MB)\n\nThe page (offscreen, first thing in the process):")
    _bench_page(services, runs, today)
    record("memory", "peak RSS after the page (the app's share)", 0.0, f"{rss_mb():.0f} MB")
    print("\nServices (SQL):")
    for label, flt in filters:
        ms, rows = best_of(runs, lambda f=flt: followups.actions(f, today=today))
        record("services", f"actions() {label}", ms, f"{len(rows):,} rows")  # type: ignore[arg-type]
    for label, flt in filters[:3]:
        ms, rows = best_of(runs, lambda f=flt: followups.lines(f, today=today))
        record("services", f"lines() {label}", ms, f"{len(rows):,} rows")  # type: ignore[arg-type]
    ms, _ = best_of(runs, lambda: followups.team_balance(ActionFilter(statuses=OPEN), today))
    record("services", "team_balance() Open", ms)
    for text in ("webinar", "le", "contoso case"):
        ms, ids = best_of(runs, lambda t=text: followups.matching_action_ids(t))
        record("services", f"matching_action_ids({text!r})", ms, f"{len(ids or ()):,} ids")  # type: ignore[arg-type]
        ms, hits = best_of(runs, lambda t=text: followups.search(t))
        record("services", f"search({text!r})", ms, f"{len(hits):,} hits")  # type: ignore[arg-type]
    ms, rows = best_of(runs, lambda: followups.decisions())
    record("services", "decisions()", ms, f"{len(rows):,} rows")  # type: ignore[arg-type]
    ms, rows = best_of(runs, lambda: followups.decisions("lead"))
    record("services", "decisions('lead')", ms, f"{len(rows):,} rows")  # type: ignore[arg-type]

    print("\nIn-memory index:")
    start = time.perf_counter()
    lines: list = []
    after, longest = 0, 0.0
    while True:
        t0 = time.perf_counter()
        page = followups.lines(after_id=after, limit=10_000)
        longest = max(longest, time.perf_counter() - t0)
        lines.extend(page)
        if len(page) < 10_000:
            break
        after = page[-1].id
    record("index", "read every action (pages of 10,000)", (time.perf_counter() - start) * 1000,
           f"{len(lines):,} lines, longest page {longest * 1000:.0f} ms")  # fmt: skip
    directory = followups.directory()
    ms, index = best_of(runs, lambda: FollowUpIndex(lines, directory))
    record("index", "build FollowUpIndex at once (the page: in steps)", ms)
    assert isinstance(index, FollowUpIndex)
    for label, flt in filters:
        ids = followups.matching_action_ids(flt.text)
        ms, (positions, _balance) = best_of(runs, lambda f=flt, i=ids: index.select(f, today, i))  # type: ignore[misc]
        record("index", f"select {label}", ms, f"{len(positions):,} rows", target=TARGET_MS)
    every, _ = index.select(ActionFilter(), today)
    for field in ("due", "title", "owner", "team", "status", "meeting", "slipped", "note"):
        first, _ = best_of(1, lambda f=field: index.order(every, f))
        ms, _ = best_of(runs, lambda f=field: index.order(every, f, descending=True))
        record("index", f"order 100% by {field}", ms, f"first time {first:.0f} ms",
               target=TARGET_MS)  # fmt: skip

    print("\nQt model (offscreen):")
    _bench_model(index, filters, runs, today)
    record(
        "memory",
        "peak RSS at the end (+ benchmark data)",
        0.0,
        f"{rss_mb():.0f} MB (target 400 MB)",
    )
    services.close()
    print(f"\nPeak RSS {rss_mb():.0f} MB")
    return 0


def _app():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from ui.theme import apply_theme

    app = QApplication.instance()
    if app is None:
        app = QApplication(["bench"])
        QCoreApplication.setOrganizationName("AlignMeetBench")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
        apply_theme(app)  # type: ignore[arg-type]
    return app


def _bench_model(index, filters, runs: int, today: date) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from ui.models.followup_rows_model import FollowUpRowsModel

    _app()
    model = FollowUpRowsModel(today=lambda: today)
    open_positions, _ = index.select(filters[0][1], today)
    every, _ = index.select(ActionFilter(), today)
    ms, _ = best_of(runs, lambda: model.set_selection(index, open_positions))
    record("qt", f"model.set_selection Open ({len(open_positions):,})", ms, target=TARGET_MS)
    ms, _ = best_of(runs, lambda: model.set_selection(index, every))
    record("qt", f"model.set_selection All ({len(every):,})", ms, target=TARGET_MS)

    def sort_both_ways(column: int) -> None:
        model.sort(column, Qt.SortOrder.AscendingOrder)
        model.sort(column, Qt.SortOrder.DescendingOrder)

    for column in range(model.columnCount()):
        ms, _ = best_of(runs, lambda c=column: sort_both_ways(c))
        header = model.headerData(column, Qt.Orientation.Horizontal)
        record("qt", f"model.sort All by {header} (one way)", ms / 2, target=TARGET_MS)


def _bench_page(services, runs: int, today: date) -> None:  # type: ignore[no-untyped-def]
    """The page in a fresh process, as a user meets it: open, then each change."""
    from PySide6.QtCore import Qt

    from ui.controller import Controller
    from ui.views import followups_view as fv

    app = _app()
    controller = Controller(services)
    turns: dict[str, float] = {"_load_step": 0.0, "_prepare_sort_keys": 0.0}
    originals = {name: getattr(fv.FollowUpsView, name) for name in turns}

    def timed(name: str):  # type: ignore[no-untyped-def]
        def run(self):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            originals[name](self)
            turns[name] = max(turns[name], time.perf_counter() - t0)

        return run

    for name in turns:
        setattr(fv.FollowUpsView, name, timed(name))
    start = time.perf_counter()
    view = fv.FollowUpsView(controller, today=lambda: today)
    view.resize(1090, 760)
    view.show()
    built = time.perf_counter() - start
    while not view.is_loaded:
        app.processEvents()
    app.processEvents()
    opened = time.perf_counter() - start
    record("page", "construct FollowUpsView (first paint possible)", built * 1000)
    record("page", "open: construct + every action loaded + shown", opened * 1000,
           f"{view.model.rowCount():,} rows", target=1000.0)  # fmt: skip
    idle_until = time.perf_counter() + 3
    while time.perf_counter() < idle_until:  # let the sort keys be prepared
        app.processEvents()
        time.sleep(0.01)
    for name, original in originals.items():
        setattr(fv.FollowUpsView, name, original)
    record("page", "longest event-loop turn while loading", turns["_load_step"] * 1000,
           target=TARGET_MS)  # fmt: skip
    record("page", "longest turn preparing sort keys (idle)", turns["_prepare_sort_keys"] * 1000,
           target=TARGET_MS)  # fmt: skip

    def change(label: str, apply: Callable[[], None]) -> None:
        start = time.perf_counter()
        apply()
        app.processEvents()
        ms = (time.perf_counter() - start) * 1000
        record("page", label, ms, f"{view.model.rowCount():,} rows", target=TARGET_MS)

    member_row = 1 + max(0, view.person_combo.count() // 2 - 1)
    change("status → All statuses", lambda: view.status_combo.setCurrentIndex(1))
    change("sort by Action", lambda: view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder))
    change("sort by Owner", lambda: view.table.sortByColumn(2, Qt.SortOrder.AscendingOrder))
    change("sort by From (desc)", lambda: view.table.sortByColumn(5, Qt.SortOrder.DescendingOrder))
    change("sort by Due", lambda: view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder))
    change("status → Done", lambda: view.status_combo.setCurrentIndex(5))
    change("status → Open", lambda: view.status_combo.setCurrentIndex(0))
    change("person → one member", lambda: view.person_combo.setCurrentIndex(member_row))
    change("person → everyone", lambda: view.person_combo.setCurrentIndex(0))
    change("team → Joint", lambda: view.team_combo.setCurrentIndex(3))
    change("team → all", lambda: view.team_combo.setCurrentIndex(0))
    change("series → second", lambda: view.series_combo.setCurrentIndex(2))
    change("series → all", lambda: view.series_combo.setCurrentIndex(0))
    change("due → Overdue", lambda: view.due_combo.setCurrentIndex(1))
    change("due → any", lambda: view.due_combo.setCurrentIndex(0))

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            view.search_edit.setText(text)
            view.apply_filter()  # what the 250 ms debounce timer calls

        return run

    change("search “webinar” (after the debounce)", search("webinar"))
    change("search “webinar follow” ", search("webinar follow"))
    change("search cleared", search(""))
    first_row = view.model.line(0)
    change(
        "status change of one action (through the controller)",
        lambda: (view.select_action(first_row.id), view.set_status(ActionStatus.IN_PROGRESS)),
    )
    view.close()


def _some_member(services) -> int | None:  # type: ignore[no-untyped-def]
    """Someone with open actions."""
    lines = services.followups.lines(ActionFilter(statuses=OPEN), limit=1)
    return lines[0].owner_id if lines else None


def _some_series(services) -> int | None:  # type: ignore[no-untyped-def]
    series = services.meetings.list_series()
    return series[-1].id if series else None


if __name__ == "__main__":
    raise SystemExit(main())
