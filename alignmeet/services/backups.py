"""Backups, restore and the integrity check of a SQLite database file: the one way the app
(File › Backups, the damaged-file offer at start) and the CLI (`backup`, `backups`,
`check`, `restore`) reach alignmeet.storage.backups and alignmeet.storage.integrity.

A backup service works on a file, not on an open database: restoring happens while the
database is closed, and the check runs before it is opened. `Services.backups` gives one
over the open database, which then makes its backups through the open connection
(SQLite's online backup), or from the file as it is when the database is read-only.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alignmeet.storage.backups import BackupError, BackupInfo
from alignmeet.storage.integrity import WriteGate, remember_sound, remembered_check

if TYPE_CHECKING:
    from alignmeet.storage.database import Database

# The start-up check (ui.app) takes these with the service: whether the file was found
# sound lately, the gate that holds writes while it is checked, and remembering it sound.
__all__ = [
    "BackupError",
    "BackupInfo",
    "BackupService",
    "WriteGate",
    "remember_sound",
    "remembered_check",
]


class BackupService:
    """The backups of the SQLite file `path` (in its backups folder); `db`: that file
    open, when it is."""

    def __init__(self, path: Path, db: Database | None = None) -> None:
        self.path = Path(path)
        self.db = db

    def list(self) -> list[BackupInfo]:
        """Its backups, newest first."""
        from alignmeet.storage import backups as b

        return b.list_backups(self.path)

    def make(self, reason: str = "manual") -> Path:
        """A backup now (BackupError or OSError naming the true cause when it cannot be
        made): through the open database when it can write, else copied from the file."""
        from alignmeet.storage import backups as b

        written = self.db.backup(reason) if self.db is not None else None
        if written is None:  # closed, or read-only: a copy of the file as it is
            written = b.backup_file(self.path, reason)
        return written

    def make_if_changed(self, reason: str = "periodic") -> Path | None:
        """A backup when something was committed since the last one (else None)."""
        if self.db is None:
            return None
        return self.db.backup_if_changed(reason)

    def thin(self, now: datetime | None = None) -> list[Path]:
        """Drop the backups the keeping rule no longer needs; returns those removed."""
        from alignmeet.storage import backups as b

        return b.thin_backups(self.path, now)

    def restore(self, backup: Path) -> Path | None:
        """Put `backup` in place of the (closed) database file; the current file is kept
        aside first and returned (None when there was none)."""
        from alignmeet.storage import backups as b

        return b.restore(self.path, Path(backup))

    def refuse_foreign(self) -> None:
        """BackupError when the file is not an AlignMeet database (never touched then)."""
        from alignmeet.storage import backups as b

        b.refuse_foreign(self.path)

    def check(self) -> str | None:
        """What is wrong with the file (None: it is sound, or not there). A sound file is
        remembered, so the app's next start need not check it again today."""
        from alignmeet.storage import backups as b
        from alignmeet.storage.integrity import forget_check, remember_sound

        started = datetime.now()
        problem = b.check_file(self.path)
        if problem is None:
            remember_sound(self.path, started)
        elif self.path.exists():
            forget_check(self.path)
        return problem

    def quick_check(self) -> str | None:
        """SQLite's quick check of the whole file: None when sound, else what is wrong (and
        the file is no longer remembered as sound)."""
        from alignmeet.storage.integrity import forget_check, quick_check_file

        problem = quick_check_file(self.path)
        if problem is not None:
            forget_check(self.path)
        return problem

    def latest_good(self) -> BackupInfo | None:
        """The newest backup that passes the check (None: there is none)."""
        from alignmeet.storage import backups as b

        return b.latest_good_backup(self.path)
