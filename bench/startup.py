"""Start-up benchmark (not a test): `alignmeet --smoke-test` against a bare PySide6 window.

The floor is a bare QMainWindow that also imports sqlalchemy.orm; QUALITY.md asks
for the app to start within 1.5x of it on a 3-year history. Run by hand:

    .venv/bin/python bench/startup.py [--runs 7] [--db PATH] [--parts]

Without --db it builds the demo database in a temporary folder. --parts also times the
floor with each layer the app adds on top of it (the schema, the records, the services,
the UI's modules), interleaved with the rest: what each layer costs as a share of the
floor, i.e. how low the app's start-up could go while its first window imports it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


# The floor with each layer the app imports before its first window (the collector off,
# as the app has it during start-up): cumulative, so each line adds one layer.
LAYERS = {
    "+ the schema (alignmeet.storage.models)": ["alignmeet.storage.models"],
    "+ the records (alignmeet.domain.records)": ["alignmeet.domain.records"],
    "+ the start-up services (alignmeet.services)": ["alignmeet.services"],
    "+ the UI's modules (ui.main_window, ui.controller)": ["ui.main_window", "ui.controller"],
}


def _layered(count: int) -> str:
    modules = [m for layer in list(LAYERS.values())[:count] for m in layer]
    imports = "".join(f"import {m}\n" for m in modules)
    return "import gc\ngc.disable()\n" + BARE.replace(
        "import sqlalchemy.orm\n", "import sqlalchemy.orm\n" + imports
    )


def _time(cmd: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", help="database to start on (default: a fresh demo database)")
    parser.add_argument("--parts", action="store_true", help="also time the floor + each layer")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    bin_dir = Path(sys.executable).parent
    # An installed app has its bytecode compiled (pip does it; `make run` does it for
    # the editable install); measure that, not a compile on every start.
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(root / "alignmeet"), str(root / "ui")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = tmp
        db = args.db
        if db is None:
            db = str(Path(tmp) / "bench.sqlite3")
            subprocess.run(
                [str(bin_dir / "alignmeet-cli"), "demo", "--db", db],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
        app_cmd = [str(bin_dir / "alignmeet"), "--smoke-test", "--db", db]
        bare_cmd = [sys.executable, "-c", BARE]
        _time(app_cmd, 1, env)  # warm the file cache
        _time(bare_cmd, 1, env)
        env["PYTHONPATH"] = str(root)  # the layers import this checkout's modules
        layer_cmds = [
            [sys.executable, "-c", _layered(n + 1)] for n in range(len(LAYERS) if args.parts else 0)
        ]
        bare: list[float] = []
        app: list[float] = []
        layers: list[list[float]] = [[] for _ in layer_cmds]
        loads: list[float] = []
        for _ in range(args.runs):  # interleaved, so drift in machine load hits all alike
            loads.append(os.getloadavg()[0])
            bare += _time(bare_cmd, 1, env)
            for cmd, times in zip(layer_cmds, layers, strict=True):
                times += _time(cmd, 1, env)
            app += _time(app_cmd, 1, env)
    b, a = statistics.median(bare), statistics.median(app)
    for name, times in zip(LAYERS, layers, strict=False):
        t = statistics.median(times)
        print(f"  floor {name:52s} median {t:.3f} s = {t / b:.2f}x the floor")
    print(f"bare PySide6 window + sqlalchemy.orm: median {b:.3f} s, min {min(bare):.3f} s")
    print(f"alignmeet --smoke-test:              median {a:.3f} s, min {min(app):.3f} s")
    print(
        f"ratio over {args.runs} interleaved runs: median {a / b:.2f}x, "
        f"min {min(app) / min(bare):.2f}x (bars: 1.5x, 1.2x at scale); "
        f"load average {statistics.median(loads):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
