"""Backups of a SQLite database: list, thin, check, restore, and put a damaged file aside.

Backups are written by `Database.backup` with SQLite's online backup API (never a file
copy, so a backup taken while the app writes is still a consistent database) into the
`backups/` folder next to the database, named `<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.sqlite3`.

Thinning keeps a bounded set: the newest few whatever their age, then one a day for two
weeks, one a week for two months and one a month for nine months; backups taken before a
schema upgrade or a restore are kept longer (they are the way back from a change the app
made itself); so are those taken before an import.

A damaged database is never overwritten or deleted: `put_aside` renames it (with its -wal
and -shm files) to `<name>.damaged-<stamp>`, next to it, before a backup takes its place.

Only AlignMeet's files are backed up or replaced (`alignmeet.storage.ownership`), never
while a running app holds the file (`alignmeet.storage.lock`: restore takes the app's
lock for the time it replaces the file), and a read-only file, folder or file system is
named as such — never reported as damage.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from alignmeet import paths
from alignmeet.i18n import _
from alignmeet.storage.access import Cause, describe_os_error, folder_problem
from alignmeet.storage.integrity import quick_check_file, read_only_uri
from alignmeet.storage.lock import LockedError, hold
from alignmeet.storage.ownership import Owner, foreign_message, inspect_file

KEEP_NEWEST = 5
KEEP_DAILY_DAYS = 14
KEEP_WEEKLY_DAYS = 62
KEEP_MONTHLY_DAYS = 274
# Reasons whose backups are kept up to KEEP_SPECIAL of each, however old.
SPECIAL_PREFIXES = ("before-upgrade", "before-restore", "before-import")
KEEP_SPECIAL = 3

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite3$")
_SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupError(Exception):
    """A backup cannot be made, read or restored; the message is for people."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def label(self) -> str:
        return f"{self.taken_at:%Y-%m-%d %H:%M:%S} · {self.reason} · {_size(self.size)}"


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{max(1, n // 1024)} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of `db_path`, newest first (files of other databases are ignored)."""
    folder = paths.backups_dir(db_path)
    if not folder.is_dir():
        return []
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match is None or match["stem"] != db_path.stem or not entry.is_file():
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
        found.append(BackupInfo(entry, taken, match["reason"], entry.stat().st_size))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def backups_to_drop(backups: Iterable[BackupInfo], now: datetime) -> list[BackupInfo]:
    """Which backups thinning removes (the rule is in the module docstring)."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: set[Path] = {b.path for b in ordered[:KEEP_NEWEST]}
    days: set[object] = set()
    weeks: set[object] = set()
    months: set[object] = set()
    specials: dict[str, int] = {}
    for backup in ordered:
        age = now - backup.taken_at
        special = next((p for p in SPECIAL_PREFIXES if backup.reason.startswith(p)), None)
        if special is not None:
            if specials.get(special, 0) < KEEP_SPECIAL:
                keep.add(backup.path)
            specials[special] = specials.get(special, 0) + 1
            continue
        if age <= timedelta(days=KEEP_DAILY_DAYS):
            day = backup.taken_at.date()
            if day not in days:
                days.add(day)
                keep.add(backup.path)
        elif age <= timedelta(days=KEEP_WEEKLY_DAYS):
            week = backup.taken_at.isocalendar()[:2]
            if week not in weeks:
                weeks.add(week)
                keep.add(backup.path)
        elif age <= timedelta(days=KEEP_MONTHLY_DAYS):
            month = (backup.taken_at.year, backup.taken_at.month)
            if month not in months:
                months.add(month)
                keep.add(backup.path)
    return [b for b in ordered if b.path not in keep]


def thin_backups(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups thinning does not keep; returns the deleted paths."""
    dropped = backups_to_drop(list_backups(db_path), now or datetime.now())
    removed: list[Path] = []
    for backup in dropped:
        try:
            backup.path.unlink()
        except FileNotFoundError:
            continue
        removed.append(backup.path)
    return removed


def check_file(path: Path) -> str | None:
    """None when `path` is a sound SQLite database, else what is wrong (for people)."""
    if not path.exists():
        return _("{path} does not exist.").format(path=path)
    if path.is_dir():
        return _("{path} is a folder, not a database file.").format(path=path)
    if path.stat().st_size == 0:
        return _("{path} is empty (0 bytes).").format(path=path)
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return _("{path} is not a database file.").format(path=path)
    return quick_check_file(path)


def put_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm files) out of the way; never delete it.

    Returns the new path of the database file.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
    for suffix in _SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    if db_path.exists():
        os.replace(db_path, target)
    return target


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes SQLite's quick check."""
    for backup in list_backups(db_path):
        if check_file(backup.path) is None:
            return backup
    return None


def refuse_foreign(path: Path) -> None:
    """BackupError when `path` is another program's SQLite file (a damaged or missing file
    is left to the callers' own checks)."""
    info = inspect_file(path) if path.is_file() else None
    if info is not None and info.owner is Owner.FOREIGN:
        raise BackupError(foreign_message(str(path), info.problem))


def restore(db_path: Path, backup: Path, *, keep_current: bool = True) -> Path | None:
    """Put `backup` in place of `db_path`, never while another AlignMeet has it open
    (BackupError naming the process and host; a stale lock is taken over), and never
    over another program's file or from one.

    The current file is first either backed up (when it is sound and `keep_current`)
    or put aside (when it is damaged), so a restore never loses the file it replaces.
    Returns where the replaced file went (a backup or the damaged file), or None when
    there was no file. The backup is copied with SQLite's backup API into a temporary
    file next to the database, checked, then renamed over it (atomic on one file system).
    """
    problem = check_file(backup)
    if problem is not None:
        raise BackupError(
            _("Cannot restore from {backup}: {problem}").format(backup=backup, problem=problem)
        )
    refuse_foreign(db_path)
    try:
        refuse_foreign(backup)
    except BackupError as exc:
        raise BackupError(
            _("Cannot restore from {backup}: {problem}").format(backup=backup, problem=exc)
        ) from None
    try:
        with hold(db_path):
            return _replace(db_path, backup, keep_current=keep_current)
    except LockedError as exc:
        raise BackupError(
            _("{holder} Close AlignMeet there first; nothing was restored.").format(holder=exc)
        ) from None
    except OSError as exc:
        raise BackupError(
            _("Cannot restore {path}: {problem}").format(
                path=db_path, problem=describe_os_error(exc, db_path)
            )
        ) from exc


def _replace(db_path: Path, backup: Path, *, keep_current: bool) -> Path | None:
    kept: Path | None = None
    if db_path.exists():
        if check_file(db_path) is None and keep_current:
            kept = backup_file(db_path, "before-restore")
        else:
            kept = put_aside(db_path)
    tmp = db_path.with_name(f".{db_path.name}.restoring")
    tmp.unlink(missing_ok=True)
    try:
        _copy_database(backup, tmp)
        problem = check_file(tmp)
        if problem is not None:
            raise BackupError(
                _("The restored copy of {backup} does not check out: {problem}").format(
                    backup=backup, problem=problem
                )
            )
        for suffix in _SIDE_FILES:
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return kept


def backup_file(db_path: Path, reason: str) -> Path:
    """An online backup of a database file that is not open here (CLI, restore)."""
    refuse_foreign(db_path)
    problem = check_file(db_path)
    if problem is not None:
        raise BackupError(
            _("Cannot back up {path}: {problem}").format(path=db_path, problem=problem)
        )
    folder = paths.backups_dir(db_path)
    where = folder if folder.is_dir() else folder.parent
    cause = folder_problem(where)
    if cause is Cause.FILE_SYSTEM:
        reason = _("{folder} is on a read-only file system.").format(folder=where)
    elif cause is not None:
        reason = _("the folder {folder} is read-only, so no backup can be written to {backups}.")
        reason = reason.format(folder=where, backups=folder)
    if cause is not None:
        raise BackupError(_("Cannot back up {path}: {reason}").format(path=db_path, reason=reason))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            _("Cannot back up {path}: {problem}").format(
                path=db_path, problem=describe_os_error(exc, folder)
            )
        ) from exc
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite3"
    _copy_database(db_path, target)
    return target


def _copy_database(source: Path, target: Path) -> None:
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dest = sqlite3.connect(target)
            try:
                src.backup(dest)
                # One self-contained file: no -wal/-shm beside a backup.
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise BackupError(
            _("Cannot copy {source} to {target}: {problem}").format(
                source=source, target=target, problem=exc
            )
        ) from exc
