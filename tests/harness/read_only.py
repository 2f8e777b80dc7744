"""Making files and folders read-only for real, also as root (issue 11).

Root passes permission bits, so chmod proves nothing there: an immutable file or folder
(`chattr +i`) and a read-only mount (tmpfs remounted read-only) stop root too. Each
helper skips the test, saying why, where the machine cannot do it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

IS_ROOT = os.geteuid() == 0


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


@contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """`path` (a file or a folder) marked immutable for the time of the block."""
    result = _run("chattr", "+i", str(path))
    if result.returncode != 0:
        pytest.skip(f"chattr +i does not work here: {result.stderr.strip() or 'no chattr'}")
    try:
        yield path
    finally:
        _run("chattr", "-i", str(path))


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """No new file can be made in `folder`: chmod 555, and as root also immutable."""
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        if IS_ROOT:
            with immutable(folder):
                yield folder
        else:
            yield folder
    finally:
        folder.chmod(mode)


class Tmpfs:
    """A tmpfs mounted at `where`, made read-only by `read_only()`, unmounted after."""

    def __init__(self, where: Path) -> None:
        where.mkdir(parents=True, exist_ok=True)
        result = _run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(where))
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        self.where = where

    def read_only(self) -> None:
        result = _run("mount", "-o", "remount,ro", str(self.where))
        assert result.returncode == 0, result.stderr

    def close(self) -> None:
        if _run("umount", str(self.where)).returncode != 0:
            _run("umount", "-l", str(self.where))


@contextmanager
def tmpfs(where: Path) -> Iterator[Tmpfs]:
    mount = Tmpfs(where)
    try:
        yield mount
    finally:
        mount.close()
