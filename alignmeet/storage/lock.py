"""The app's lock on a database file, read (and briefly taken) without Qt.

The app holds `<database>.lock` with Qt's QLockFile while it has the file open
(`ui/instance_lock.py`). QLockFile writes text lines: the process id, the process's
name, the host name, and on newer Qt the machine id and the boot id. A lock is stale
when its process is gone: same host (and same boot) and `kill(pid, 0)` finds no such
process, or the process id now belongs to another program. A lock from another host
cannot be checked from here and counts as live.

`hold` takes the lock in the same format for a command that replaces the file (restore),
so an app starting meanwhile sees a live holder and opens nothing.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alignmeet.i18n import _


@dataclass(frozen=True)
class LockHolder:
    pid: int
    app: str
    host: str
    stale: bool

    def describe(self, database: Path) -> str:
        return _("{database} is open in AlignMeet (process {pid} on {host}).").format(
            database=database, pid=self.pid, host=self.host or _("this computer")
        )


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _read_first_line(path: str) -> str:
    try:
        with open(path, encoding="ascii", errors="replace") as fh:
            return fh.readline().strip()
    except OSError:
        return ""


def _process_name(pid: int) -> str:
    """What QLockFile writes as the application: the executable's file name (Linux)."""
    try:
        return Path(os.readlink(f"/proc/{pid}/exe")).name
    except OSError:
        return ""


def read_lock(db_path: Path) -> LockHolder | None:
    """Who holds the lock on `db_path` (stale or not); None when there is no lock file."""
    try:
        text = lock_path(db_path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:
        text = ""
    lines = text.splitlines()
    try:
        pid = int(lines[0])
    except (IndexError, ValueError):
        # Half written or garbled: QLockFile treats it as stale too.
        return LockHolder(pid=0, app="", host="", stale=True)
    app = lines[1] if len(lines) > 1 else ""
    host = lines[2] if len(lines) > 2 else ""
    boot = lines[4] if len(lines) > 4 else ""
    return LockHolder(pid=pid, app=app, host=host, stale=_is_stale(pid, app, host, boot))


def _is_stale(pid: int, app: str, host: str, boot: str) -> bool:
    if host and host != socket.gethostname():
        return False  # another computer's process: nothing here can tell
    current_boot = _read_first_line("/proc/sys/kernel/random/boot_id")
    if boot and current_boot and boot != current_boot:
        return True  # written before this computer last started
    if pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    running = _process_name(pid)
    return bool(app and running and running != app)  # the id now names another program


def live_holder(db_path: Path) -> LockHolder | None:
    """Another process that holds the lock on `db_path` now; None when free, stale or ours."""
    holder = read_lock(db_path)
    if holder is None or holder.stale:
        return None
    if holder.pid == os.getpid() and holder.host in ("", socket.gethostname()):
        return None
    return holder


class LockedError(Exception):
    """The database is held by a live AlignMeet; the message names it."""


@contextmanager
def hold(db_path: Path) -> Iterator[None]:
    """Hold the app's lock on `db_path` for a while (QLockFile's format, so the app
    honours it). Raises LockedError when a live process holds it; a stale lock is
    taken over. Our own app's lock (this process) is left as it is."""
    path = lock_path(db_path)
    holder = read_lock(db_path)
    if holder is not None and holder.pid == os.getpid() and not holder.stale:
        yield  # this process (the app, restoring at start-up) holds it already
        return
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_lock(db_path)
            if holder is not None and not holder.stale:
                raise LockedError(holder.describe(db_path)) from None
            path.unlink(missing_ok=True)
            continue
        break
    else:  # pragma: no cover - someone else took it between our two tries
        holder = read_lock(db_path)
        raise LockedError(holder.describe(db_path) if holder else str(path))
    try:
        content = "\n".join(
            (
                str(os.getpid()),
                _process_name(os.getpid()),
                socket.gethostname(),
                _read_first_line("/etc/machine-id"),
                _read_first_line("/proc/sys/kernel/random/boot_id"),
            )
        )
        os.write(fd, (content + "\n").encode())
    finally:
        os.close(fd)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
