"""AlignMeet as a person installs it: a wheel built from a clean copy of the repository,
installed into a fresh virtual environment, without the network (tests/test_installed_app.py,
tests/ui/test_translations_package.py).

The fresh environment has no pip and no dependencies of its own: a .pth file adds this
environment's site-packages (where PySide6, SQLAlchemy… are), and this environment's pip
installs the wheel into it with `--no-deps`. Nothing is downloaded, and this checkout's
editable install is not seen (its import hook is a .pth of a folder that is only added to
sys.path, never processed as a site folder).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def need_a_checkout() -> None:
    """Skip without a git checkout to build from (a copy of the files, an unpacked
    source archive) — except in CI (`CI` set, as .ci/run runs), where these tests must run:
    there a missing checkout fails."""
    import pytest

    if (ROOT / ".git").exists():
        return
    reason = "not a git checkout: no clean clone to build the wheel from"
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason} (CI must build and install the wheel)")
    pytest.skip(reason)


def clean_copy(target: Path) -> Path:
    """The repository's tracked files, as a clean clone has them (the working copy's
    contents, so an uncommitted fix is tested too; nothing untracked or ignored)."""
    files = subprocess.run(
        # safe.directory: CI's clone may belong to another user than the one running it.
        ["git", "-c", "safe.directory=*", "ls-files", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        relative = name.decode()
        source = ROOT / relative
        if source.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)
    return target


def build_wheel(folder: Path) -> Path:
    """A wheel of a clean copy of the repository, built without a download."""
    clone = clean_copy(folder / "clone")
    dist = folder / "dist"
    build = ["wheel", ".", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)]
    subprocess.run(
        [sys.executable, "-m", "pip", *build],
        cwd=clone,
        check=True,
        capture_output=True,
    )
    return next(dist.glob("alignmeet-*.whl"))


@dataclass(frozen=True)
class Environment:
    root: Path  # the virtual environment

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    @property
    def bin(self) -> Path:
        return self.root / "bin"


def fresh_venv(folder: Path) -> Environment:
    """A virtual environment without pip, whose dependencies are this environment's."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    site = next((folder / "lib").glob("python3*/site-packages"))
    ours = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    (site / "deps.pth").write_text(ours + "\n")
    return Environment(folder)


def pip_install(env: Environment, wheel: Path, *options: str) -> None:
    """Install `wheel` into `env` with this environment's pip (no dependencies)."""
    install = ["install", "--no-deps", "-q", *options, str(wheel)]
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(env.python), *install],
        check=True,
        capture_output=True,
    )
