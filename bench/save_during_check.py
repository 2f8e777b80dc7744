"""Benchmark: how long a save waits when it comes while the start-up check still runs.

    .venv/bin/python bench/save_during_check.py --db BIG.sqlite3 [--delays 0.1,0.3,0.5]
                                                [--runs 5] [--other-checkout DIR]

The app checks the whole database file at start-up (`PRAGMA quick_check`) in a thread at
the lowest processor priority, and holds writes until it has spoken (README, "Damage").
Each run copies --db to a temporary file (so the check is not remembered and nothing is
written to the original), starts the check as the app does, opens the services with the
check's gate, waits `delay` seconds and adds a member: the figure is how long that save
waited. Each run is a fresh process.

With --other-checkout, the same runs are made with that checkout's code too, interleaved
run by run (an A/B in one run: the machine's load hits both alike). The load average
(1 minute) is printed beside every line.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

RUN = r"""
import os, shutil, sys, time
from pathlib import Path
sys.path.insert(0, os.getcwd())
import ui.app
from alignmeet.services import open_services

source, target, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
shutil.copyfile(source, target)
started = time.perf_counter()
check = ui.app._IntegrityCheck(Path(target))
services = open_services(target, quick_check=False, write_gate=check.gate)
team = services.people.list_teams()[0].id
time.sleep(max(0.0, delay - (time.perf_counter() - started)))
before = time.perf_counter()
services.people.add_member(name="Bench Saver", team_id=team)
waited = time.perf_counter() - before
check.wait()
print(f"{waited:.4f} {time.perf_counter() - started:.4f}")
services.close()
"""


def _one(checkout: Path, db: Path, target: Path, delay: float) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", RUN, str(db), str(target), str(delay)],
        cwd=checkout,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return float(out[0]), float(out[1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a big database (demo --size huge)")
    parser.add_argument("--delays", default="0.1,0.3,0.5")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--other-checkout", help="a second checkout to time beside this one")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    checkouts = {"this": here}
    if args.other_checkout:
        checkouts["other"] = Path(args.other_checkout).resolve()
    delays = [float(d) for d in args.delays.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "copy.sqlite3"
        for delay in delays:
            waits: dict[str, list[float]] = {name: [] for name in checkouts}
            ends: dict[str, list[float]] = {name: [] for name in checkouts}
            for _ in range(args.runs):
                for name, checkout in checkouts.items():
                    waited, ended = _one(checkout, Path(args.db), target, delay)
                    waits[name].append(waited)
                    ends[name].append(ended)
            load = os.getloadavg()[0]
            for name in checkouts:
                print(
                    f"save at {delay:.1f} s  {name:5}  waited median "
                    f"{1e3 * statistics.median(waits[name]):5.0f} ms  "
                    f"(min {1e3 * min(waits[name]):4.0f}, max {1e3 * max(waits[name]):4.0f})  "
                    f"low-priority check ended at {1e3 * statistics.median(ends[name]):5.0f} ms"
                    f"  load {load:.2f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
