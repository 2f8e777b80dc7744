"""A PostgreSQL server of the test's own, in a temporary folder, that the test can stop and
start again (the shared test server must never be stopped).

Uses the installed binaries (/usr/lib/postgresql/*/bin or `pg_config --bindir`); as root
the server runs as the `postgres` user, as `.ci/run` does. `ThrowawayPostgres.reason()`
says why it cannot run here (the test then skips with that reason).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name)
    for folder in reversed(candidates):
        if (folder / "initdb").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ThrowawayPostgres:
    """initdb + pg_ctl start/stop on a free loopback port; `url` names its database."""

    def __init__(self) -> None:
        self.bin = _bindir()
        self.folder = Path(tempfile.mkdtemp(prefix="alignmeet-pg-"))
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            self._as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres")
        self.url = f"postgresql+psycopg://alignmeet@127.0.0.1:{self.port}/alignmeet_test"

    @staticmethod
    def reason() -> str | None:
        """Why no throwaway server can run here, or None."""
        if _bindir() is None:
            return "no PostgreSQL binaries (initdb) on this machine"
        if os.geteuid() == 0:
            try:
                import pwd

                pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and there is no `postgres` user to run the server"
        return None

    def _run(self, *args: str) -> None:
        assert self.bin is not None
        result = subprocess.run(
            [*self._as, str(self.bin / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}{result.stderr}")

    def create(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.folder / "data"),
            "-U",
            "alignmeet",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "alignmeet",
                  "alignmeet_test")  # fmt: skip

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            with contextlib.suppress(RuntimeError):
                self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def started_or_skip() -> Iterator[ThrowawayPostgres]:
    """A created and started server for a fixture to yield (destroyed after it), or the
    test skipped with the reason it cannot run here."""
    reason = ThrowawayPostgres.reason()
    if reason:
        pytest.skip(reason)
    server = ThrowawayPostgres()
    try:
        server.create()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        server.destroy()
        pytest.skip(f"a throwaway PostgreSQL server could not start: {exc}")
    yield server
    server.destroy()
