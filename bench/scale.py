"""Benchmark: ten years of history (QUALITY.md, "History at scale"), as one table.

    .venv/bin/python bench/scale.py [--dir /tmp/alignmeet-scale] [--sizes small,100k,300k]
                                    [--runs 5] [--rounds 3] [--exports csv,ics,docx]

For each size — the small demo, `demo --size large` (5 years, 100,000 actions) and
`demo --size huge` (10 years, 300,000 actions), built once into --dir and reused —
it measures, each figure in fresh processes:

  - start-up: `alignmeet --smoke-test` against the floor (a bare PySide6 window that
    also imports sqlalchemy.orm), interleaved run by run so that the machine's load
    hits both alike; the ratio of the medians;
  - the Follow-ups page: the real MainWindow, the page shown until its rows are on
    screen (fully loaded);
  - each filter, sort and search change through the page's widgets, `--rounds`
    times; the worst of the per-change medians;
  - peak memory (VmHWM) of that process with the page open, after every change;
  - the longest the GUI thread stood still during a background export of every
    action from the page (a 1 ms timer on the GUI thread; its longest gap; the page
    settled first), and the extra memory the export took at its peak (VmHWM reset
    before it; at scale the export runs in a process of its own, whose peak is
    printed beside).

The load average (1 minute) is printed beside every figure: the machine is shared,
so absolute times are loose; the start-up figure is a ratio for that reason.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SIZES = {"small": "small", "100k": "large", "300k": "huge"}  # label: demo --size
BARE = """
import sys
import sqlalchemy.orm
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""
GOALS = {
    "startup": "≤ 1.2×",
    "startup_cold": "≤ 1.2×",
    "open": "≤ 300 ms",
    "change": "≤ 50 ms",
    "first": "≤ 50 ms",
    "memory": "≤ 250 MB",
    "stall": "≤ 50 ms",
    "export_mb": "≤ 50 MB",
}


def load() -> float:
    return os.getloadavg()[0]


def _env(config: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["XDG_CONFIG_HOME"] = str(config)  # no remembered page or meeting
    env["PYTHONPATH"] = str(ROOT)
    return env


def build(folder: Path, label: str) -> Path:
    path = folder / f"{SIZES[label]}.sqlite3"
    if not path.exists():
        print(f"building {path} (demo --size {SIZES[label]}) …", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [str(BIN / "alignmeet-cli"), "demo", "--size", SIZES[label], "--db", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


# ---- start-up ---------------------------------------------------------------------------
def startup(db: Path, runs: int, env: dict[str, str], *, cold: bool = False) -> dict[str, float]:
    """`cold`: the file changed since its last check (its time stamp is moved before each
    run), so the app checks it — in a thread it does not wait for. Otherwise the check
    is remembered (`alignmeet-cli check` ran first), as on every start but the day's first."""
    app_cmd = [str(BIN / "alignmeet"), "--smoke-test", "--db", str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    subprocess.run(
        [str(BIN / "alignmeet-cli"), "check", "--db", str(db)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )

    def once(cmd: list[str]) -> float:
        if cold and cmd is app_cmd:
            stat = db.stat()
            os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        started = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started

    once(app_cmd)  # warm the file cache
    once(bare_cmd)
    bare: list[float] = []
    app: list[float] = []
    loads: list[float] = []
    for _ in range(runs):
        loads.append(load())
        bare.append(once(bare_cmd))
        app.append(once(app_cmd))
    b, a = statistics.median(bare), statistics.median(app)
    return {"ratio": a / b, "app": a, "bare": b, "load": statistics.median(loads)}


# ---- the page (child process) -----------------------------------------------------------
def _vm(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _window(db: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from alignmeet.services import open_services  # the core first, as the app does

    app = QApplication(["bench"])
    QCoreApplication.setOrganizationName("AlignMeetScaleBench")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from ui.controller import Controller
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    apply_theme(app)  # type: ignore[arg-type]
    services = open_services(db, quick_check=False)
    window = MainWindow(Controller(services))
    window.resize(1280, 800)
    window.show()
    gc.freeze()  # as the app does once its window is shown
    app.processEvents()
    return app, services, window


def _open_page(app, window):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    window.show_page("followups")
    view = window.followups_view
    rows_ms = _settle(app, view, started)
    return view, rows_ms, (time.perf_counter() - started) * 1000


def _rows_shown(view) -> bool:  # type: ignore[no-untyped-def]
    model = view.model
    if hasattr(model, "is_busy"):  # the windowed model: its count and windows are in
        return not model.is_busy
    return bool(view.is_loaded)


def _settle(app, view, started: float) -> float:  # type: ignore[no-untyped-def]
    """Until the page shows what was asked: the rows on screen painted (returns the ms
    to that), then the count and the team balance too."""
    rows_ms = None
    while True:
        app.processEvents()
        if _rows_shown(view):
            view.table.viewport().repaint()  # may ask for windows not read yet
            if rows_ms is None and _rows_shown(view):
                rows_ms = (time.perf_counter() - started) * 1000
        if rows_ms is not None and view.is_loaded and not getattr(view, "is_busy", False):
            return rows_ms


def child_page(db: str, rounds: int) -> dict[str, object]:
    from PySide6.QtCore import Qt

    app, services, window = _window(db)
    view, opened_rows, opened = _open_page(app, window)
    times: dict[str, list[float]] = {}
    whole: dict[str, list[float]] = {}

    def change(label: str, apply) -> None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        apply()
        times.setdefault(label, []).append(_settle(app, view, started))
        whole.setdefault(label, []).append((time.perf_counter() - started) * 1000)

    def search(text: str):  # type: ignore[no-untyped-def]
        def run() -> None:
            view.search_edit.setText(text)
            view.apply_filter()  # what the debounce timer calls

        return run

    member_row = 1 + max(0, view.person_combo.count() // 2 - 1)
    asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    steps = [
        ("status → All statuses", lambda: view.status_combo.setCurrentIndex(1)),
        ("sort by Action", lambda: view.table.sortByColumn(1, asc)),
        ("sort by Owner", lambda: view.table.sortByColumn(2, asc)),
        ("sort by From (desc)", lambda: view.table.sortByColumn(5, desc)),
        ("sort by Last note", lambda: view.table.sortByColumn(7, asc)),
        ("sort by Due", lambda: view.table.sortByColumn(0, asc)),
        ("status → Done", lambda: view.status_combo.setCurrentIndex(5)),
        ("status → Open", lambda: view.status_combo.setCurrentIndex(0)),
        ("person → one member", lambda: view.person_combo.setCurrentIndex(member_row)),
        ("person → everyone", lambda: view.person_combo.setCurrentIndex(0)),
        ("team → Joint", lambda: view.team_combo.setCurrentIndex(3)),
        ("team → all", lambda: view.team_combo.setCurrentIndex(0)),
        ("series → second", lambda: view.series_combo.setCurrentIndex(2)),
        ("series → all", lambda: view.series_combo.setCurrentIndex(0)),
        ("due → Overdue", lambda: view.due_combo.setCurrentIndex(1)),
        ("due → any", lambda: view.due_combo.setCurrentIndex(0)),
        ("search “webinar”", search("webinar")),
        ("search “webinar follow”", search("webinar follow")),
        ("search cleared", search("")),
        ("scroll to the end", lambda: view.table.scrollToBottom()),
        ("scroll to the top", lambda: view.table.scrollToTop()),
    ]
    rows = view.model.rowCount()
    for _ in range(rounds):
        for label, apply in steps:
            change(label, apply)
    medians = {label: statistics.median(values) for label, values in times.items()}
    balanced = {label: statistics.median(values) for label, values in whole.items()}
    worst = max(medians, key=medians.__getitem__)
    slowest = max(balanced, key=balanced.__getitem__)
    # The first round: nothing remembered yet (the balance per filter is, afterwards).
    first_rows = max(values[0] for values in times.values())
    first_whole = max(values[0] for values in whole.values())
    result = {
        "open_ms": opened,
        "open_rows_ms": opened_rows,
        "rows": rows,
        "worst_change": worst,
        "worst_change_ms": medians[worst],
        "worst_whole": slowest,
        "worst_whole_ms": balanced[slowest],
        "first_round_rows_ms": first_rows,
        "first_round_whole_ms": first_whole,
        "changes": medians,
        "whole": balanced,
        "peak_mb": _vm("VmHWM"),
    }
    window.close()
    services.close()
    return result


def _children_hwm() -> float:
    """The largest peak memory (VmHWM, MB) of this process's running children."""
    peak = 0.0
    for task in Path("/proc/self/task").iterdir():
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for pid in children:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
    return peak


def child_export(db: str, kinds: list[str]) -> dict[str, object]:
    from PySide6.QtCore import QTimer

    import ui.views.followups_view as fv

    app, services, window = _window(db)
    view, _rows, _opened = _open_page(app, window)
    view.status_combo.setCurrentIndex(1)  # every action: the biggest export
    _settle(app, view, time.perf_counter())  # the page's own re-reading is not the export's
    out = Path(tempfile.mkdtemp())
    results: dict[str, object] = {}
    for kind in kinds:
        target = out / f"actions.{kind}"
        fv.ask_export_path = lambda *_a, t=target: t  # type: ignore[assignment]
        gaps: list[float] = []
        last = [time.perf_counter()]
        child_peak = [0.0]
        since = [time.perf_counter()]

        def tick(
            gaps: list[float] = gaps,
            last: list[float] = last,
            peak: list[float] = child_peak,
            since: list[float] = since,
        ) -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now
            if len(gaps) % 100 == 0 and now - since[0] > 0.5:  # after the child's exec
                peak[0] = max(peak[0], _children_hwm())

        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(tick)
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
        before = _vm("VmRSS")
        started = time.perf_counter()
        last[0] = since[0] = started
        timer.start()
        written = view.export(kind)
        timer.stop()
        took = time.perf_counter() - started
        results[kind] = {
            "stall_ms": max(gaps, default=0.0) * 1000,
            "seconds": took,
            "extra_mb": _vm("VmHWM") - before,
            # At scale the export runs in a process of its own: its peak.
            "process_mb": child_peak[0],
            "written": written is not None,
            "bytes": target.stat().st_size if target.exists() else 0,
        }
    window.close()
    services.close()
    return results


def run_child(kind: str, db: Path, env: dict[str, str], extra: list[str]) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--db", str(db), *extra],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{kind} child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# ---- the table ----------------------------------------------------------------------------
def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "alignmeet-scale")
    parser.add_argument("--sizes", default="small,100k,300k")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs (interleaved)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of page changes")
    parser.add_argument("--exports", default="csv,ics,docx")
    parser.add_argument("--child", choices=("page", "export"), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.child == "page":
        print(json.dumps(child_page(args.db, args.rounds)))
        return 0
    if args.child == "export":
        print(json.dumps(child_export(args.db, args.exports.split(","))))
        return 0

    args.dir.mkdir(parents=True, exist_ok=True)
    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    subprocess.run(  # an installed app has its bytecode compiled: measure that
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "alignmeet"), str(ROOT / "ui")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    columns: dict[str, dict[str, str]] = {}
    details: list[str] = []
    with tempfile.TemporaryDirectory() as config:
        env = _env(Path(config))
        for label in labels:
            db = build(args.dir, label)
            print(f"\n== {label}: {db} ({db.stat().st_size / 1e6:.0f} MB)", flush=True)
            cells: dict[str, str] = {}
            _measure_startup(db, args.runs, env, cells)
            details.extend(_measure_page(db, env, args.rounds, label, cells))
            _measure_export(db, env, args.exports, cells)
            columns[label] = cells
    _print_table(columns, details)
    return 0


def _measure_startup(db: Path, runs: int, env: dict[str, str], cells: dict[str, str]) -> None:
    """Start-up against the floor, the integrity check remembered and not."""
    s = startup(db, runs, env)
    c = startup(db, runs, env, cold=True)
    cells["startup"] = f"{s['ratio']:.2f}× (L{s['load']:.1f})"
    cells["startup_cold"] = f"{c['ratio']:.2f}× (L{c['load']:.1f})"
    for name, x in (("remembered check", s), ("file changed: check runs", c)):
        print(
            f"  start-up, {name}: app {x['app']:.3f} s / floor {x['bare']:.3f} s = "
            f"{x['ratio']:.2f}×  load {x['load']:.2f}",
            flush=True,
        )


def _measure_page(
    db: Path, env: dict[str, str], rounds: int, label: str, cells: dict[str, str]
) -> list[str]:
    """The follow-ups page: open, changes, memory; each change's line for the details."""
    before = load()
    p = run_child("page", db, env, ["--rounds", str(rounds)])
    rows_ms, whole_ms = p.get("open_rows_ms", p["open_ms"]), p["open_ms"]
    cells["open"] = f"{rows_ms:.0f} / {whole_ms:.0f} ms (L{before:.1f})"
    change_ms, change_whole = p["worst_change_ms"], p.get("worst_whole_ms", 0.0)
    cells["change"] = f"{change_ms:.0f} / {change_whole:.0f} ms (L{before:.1f})"
    first_rows = p.get("first_round_rows_ms", change_ms)
    first_whole = p.get("first_round_whole_ms", change_whole)
    cells["first"] = f"{first_rows:.0f} / {first_whole:.0f} ms (L{before:.1f})"
    cells["memory"] = f"{p['peak_mb']:.0f} MB (L{before:.1f})"
    print(
        f"  page: open {rows_ms:.0f} ms rows, {whole_ms:.0f} ms with the balance "
        f"({p['rows']:,} rows); worst change {p['worst_change']} {change_ms:.0f} ms, "
        f"with the balance {p.get('worst_whole')} {change_whole:.0f} ms; "
        f"peak {p['peak_mb']:.0f} MB  load {before:.2f}",
        flush=True,
    )
    whole = p.get("whole", {})
    return [
        f"{label:6s} {change:32s} {ms:7.1f} ms  {whole.get(change, ms):7.1f} ms with the balance"  # type: ignore[union-attr]
        for change, ms in p["changes"].items()  # type: ignore[union-attr]
    ]


def _measure_export(db: Path, env: dict[str, str], exports: str, cells: dict[str, str]) -> None:
    """Background exports: the longest GUI stall and the extra memory."""
    before = load()
    e = run_child("export", db, env, ["--exports", exports])
    worst_kind = max(e, key=lambda k: e[k]["stall_ms"])  # type: ignore[index]
    worst = e[worst_kind]
    extra = max(v["extra_mb"] for v in e.values())  # type: ignore[index]
    cells["stall"] = f"{worst['stall_ms']:.0f} ms {worst_kind} (L{before:.1f})"  # type: ignore[index]
    cells["export_mb"] = f"{extra:.0f} MB (L{before:.1f})"
    for kind, v in e.items():
        print(
            f"  export {kind}: {v['seconds']:.1f} s, longest GUI stall "  # type: ignore[index]
            f"{v['stall_ms']:.0f} ms, +{v['extra_mb']:.0f} MB "  # type: ignore[index]
            f"(its own process: {v.get('process_mb', 0):.0f} MB at most), "  # type: ignore[union-attr]
            f"{v['bytes'] / 1e6:.1f} MB written  load {before:.2f}",  # type: ignore[index]
            flush=True,
        )


_TABLE_ROWS = (
    ("startup", "start-up vs bare window + sqlalchemy.orm"),
    ("startup_cold", "  the same, file changed since its check"),
    ("open", "Follow-ups page loaded: rows / + balance"),
    ("change", "filter/sort/search worst median: rows / + balance"),
    ("first", "  worst of the first round (nothing remembered)"),
    ("memory", "memory, peak (page open)"),
    ("stall", "longest GUI stall during a background export"),
    ("export_mb", "peak extra memory during the export"),
)


def _print_table(columns: dict[str, dict[str, str]], details: list[str]) -> None:
    """Every size side by side against the goals, then each change's figures."""
    width = 28
    print("\n" + " " * 52 + "".join(f"{label:>{width}s}" for label in columns) + "  goal")
    for key, title in _TABLE_ROWS:
        line = f"{title:52s}" + "".join(f"{columns[c][key]:>{width}s}" for c in columns)
        print(f"{line}  {GOALS[key]}")
    print("\n(Lx.x: the 1-minute load average when the figure was taken.)")
    print("\nEach change, median of the rounds:")
    print("\n".join(details))


if __name__ == "__main__":
    raise SystemExit(main())
