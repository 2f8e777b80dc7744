"""`.ci/run` starts from a bare Debian: before the README's test command it installs what
that command needs (python3 with venv, make, git), not only Qt's and LibreOffice's
libraries. A bare `debian:bookworm` has none of them. And CI runs the whole suite: the
long tests `make test` leaves out (marked `slow`) run there too."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (ROOT / ".ci" / "run").read_text()


def _installed_before_make_test() -> set[str]:
    head = SCRIPT[: SCRIPT.index("\nmake test")].replace("\\\n", " ")  # join continued lines
    packages: set[str] = set()
    for command in re.findall(r"^\s*apt-get install ([^\n|]*)", head, re.MULTILINE):
        packages.update(w for w in command.split() if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w))
    return packages


def test_ci_installs_the_readme_test_commands_own_needs_on_a_bare_debian() -> None:
    needed = {"python3", "python3-venv", "make", "git"}
    assert needed <= _installed_before_make_test()


def test_ci_runs_the_readme_test_command() -> None:
    assert re.search(r"^make test$", SCRIPT, re.MULTILINE)
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme


def _make_test_pytest_command(**env: str) -> str:
    """The pytest command `make test` runs (make's dry run: nothing is executed)."""
    environment = {k: v for k, v in os.environ.items() if k != "ALIGNMEET_TEST_SLOW"}
    done = subprocess.run(
        ["make", "-n", "test"],
        cwd=ROOT,
        env={**environment, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    [command] = [line for line in done.stdout.splitlines() if "/pytest" in line]
    return command


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_leaves_out_the_slow_tests_that_ci_runs() -> None:
    assert '-m "not slow"' in _make_test_pytest_command()
    head = SCRIPT[: SCRIPT.index("\nmake test")]
    assert re.search(r"^export ALIGNMEET_TEST_SLOW=1$", head, re.MULTILINE)
    assert "slow" not in _make_test_pytest_command(ALIGNMEET_TEST_SLOW="1")
