"""`.ci/run` starts from a bare Debian: before the README's test command it installs what
that command needs (python3 with venv, make, git), not only Qt's and LibreOffice's
libraries. A bare `debian:bookworm` has none of them."""

from __future__ import annotations

import re
from pathlib import Path

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
