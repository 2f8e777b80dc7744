"""Refresh the German catalogue sources from the code: `python ui/translations/update.py`.

Runs pyside6-lupdate per part of the UI into ui/translations/de/<part>.ts (or into
--out DIR, which tests/ui/test_i18n.py uses to check that nothing is left untranslated).
New strings appear as unfinished entries; translate them (Qt Linguist, or by hand), then
`make translations` compiles the .qm.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"

# part -> the UI files whose strings it holds (globs relative to ui/)
PARTS: dict[str, tuple[str, ...]] = {
    "core": ("core_labels.py",),
    "main": (
        "app.py",
        "main_window.py",
        "widgets.py",
        "presenter.py",
        "audience_window.py",
        "audience_join.py",
        "room_content.py",
        "limits.py",
        "background.py",
        "undo.py",
        "controller.py",
        "instance_lock.py",
        "autosave.py",
        "save_banner.py",
        "views/welcome_dialog.py",
        "views/recovery_dialog.py",
    ),
    "meetings": (
        "views/meetings_view.py",
        "views/meeting_dialog.py",
        "views/series_dialog.py",
        "views/prepare_view.py",
        "views/prepare/*.py",
        "views/people_view.py",
        "views/import_members_dialog.py",
        "views/settings_dialog.py",
        "views/conflict_dialog.py",
        "views/backups_dialog.py",
        "views/minutes_preview.py",
    ),
    "run": ("views/run_view.py", "views/phases/*.py", "meeting_clock.py"),
    "followups": ("views/followups_view.py", "views/followups/*.py"),
    "toolkit": ("views/toolkit/*.py",),
    "accountability": ("views/accountability/*.py",),
    "models": ("models/*.py",),
    "room": ("room_panel.py", "room_bridge.py"),
}


def sources(part: str) -> list[Path]:
    found: list[Path] = []
    for pattern in PARTS[part]:
        found.extend(sorted(p for p in UI.glob(pattern) if p.is_file()))
    return found


def lupdate() -> str:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    return str(tool) if tool.exists() else "pyside6-lupdate"


def update(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for part in PARTS:
        files = sources(part)
        if not files:
            continue
        target = out / f"{part}.ts"
        subprocess.run(
            [
                lupdate(),
                *map(str, files),
                "-ts",
                str(target),
                "-target-language",
                "de_DE",
                "-no-obsolete",
                "-locations",
                "none",
                "-silent",
            ],
            check=True,
        )
        written.append(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "de")
    args = parser.parse_args()
    for path in update(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
