"""One AlignMeet per database file (QLockFile next to it).

A second instance learns who holds the file (process, host) and may open it read-only.
A lock left behind by a crashed AlignMeet is stale — its process is gone — and QLockFile
takes it over on the next start.

The core reads the same file without Qt (`alignmeet.storage.lock`): `restore` and
`alignmeet-cli upgrade` refuse while a live AlignMeet holds it, and take it (in
QLockFile's format) while they replace or upgrade the file, so an AlignMeet starting
meanwhile finds it held. Keep the two in step if QLockFile's format changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._lock = QLockFile(str(self.path))
        # Never declare a live holder stale by age: a meeting can run for hours.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """True when this process now holds the lock (a stale one is taken over)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # QLockFile takes over a lock whose process is gone (a crash) by itself.
        return bool(self._lock.tryLock(100))

    def holder(self) -> str:
        """Who holds the lock, for people."""
        db = self.path.with_name(self.path.name.removesuffix(".lock"))
        info = self._lock.getLockInfo()
        if not isinstance(info, tuple) or len(info) != 3 or not info[0]:
            return QCoreApplication.translate(
                "InstanceLock", "{database} is open in another AlignMeet."
            ).format(database=db)
        pid, host, _app = info
        return QCoreApplication.translate(
            "InstanceLock", "{database} is open in another AlignMeet (process {pid} on {host})."
        ).format(
            database=db,
            pid=pid,
            host=host or QCoreApplication.translate("InstanceLock", "this computer"),
        )

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
