"""Why a database file cannot be written — found before opening it, with its true cause.

SQLite opens a file it may not write read-only without a word and fails on the first
save; a WAL database also needs to create `-wal` and `-shm` files beside it. So the causes
are found here first, each named for people:

- a read-only file (its permissions: EACCES when opened for writing),
- an immutable file (`chattr +i`: EPERM, even for root),
- a read-only folder (no new file can be made beside the database),
- a read-only file system (EROFS),
- another AlignMeet holding the file (its lock: see `alignmeet.storage.lock`).

Opening the file with O_RDWR and asking `access()` about the folder change nothing, and
both answer for root too (root passes permission bits, not an immutable flag or a
read-only mount).
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from alignmeet.i18n import _


class Cause(Enum):
    FILE = "read-only file"
    IMMUTABLE = "immutable file"
    FOLDER = "read-only folder"
    FILE_SYSTEM = "read-only file system"
    LOCKED = "open in another AlignMeet"


@dataclass(frozen=True)
class ReadOnly:
    """A database opened read-only, and why (`message` a sentence, `short` for titles)."""

    cause: Cause
    message: str
    short: str


def short_text(cause: Cause) -> str:
    texts = {
        Cause.FILE: _("read-only file"),
        Cause.IMMUTABLE: _("immutable file"),
        Cause.FOLDER: _("read-only folder"),
        Cause.FILE_SYSTEM: _("read-only file system"),
        Cause.LOCKED: _("open in another AlignMeet"),
    }
    return texts[cause]


def read_only(cause: Cause, path: Path, message: str | None = None) -> ReadOnly:
    """The record for `cause` on the database `path` (`message` overrides the sentence)."""
    return ReadOnly(cause, message or _sentence(cause, path), short_text(cause))


def _sentence(cause: Cause, path: Path) -> str:
    if cause is Cause.FILE:
        return _("{path} is a read-only file: its permissions do not allow writing.").format(
            path=path
        )
    if cause is Cause.IMMUTABLE:
        return _(
            "{path} is marked immutable: the system allows no change to it "
            "(`lsattr` shows the flag; `chattr -i` removes it)."
        ).format(path=path)
    if cause is Cause.FOLDER:
        return _(
            "The folder {folder} is read-only: AlignMeet cannot create the working files "
            "(-wal, -shm) and backups that {name} needs beside it."
        ).format(folder=path.parent, name=path.name)
    if cause is Cause.FILE_SYSTEM:
        return _("{path} is on a read-only file system.").format(path=path)
    return _("{database} is open in another AlignMeet.").format(database=path)


def cause_of_error(code: int | None, *, folder: bool) -> Cause | None:
    """The cause behind an errno from writing a file (or, `folder=True`, creating one)."""
    if code == errno.EROFS:
        return Cause.FILE_SYSTEM
    if folder and code in (errno.EACCES, errno.EPERM):
        return Cause.FOLDER
    if code == errno.EPERM:
        return Cause.IMMUTABLE
    if code == errno.EACCES:
        return Cause.FILE
    return None


def folder_problem(folder: Path) -> Cause | None:
    """Why no new file can be made in `folder` (None: it can)."""
    if os.access(folder, os.W_OK | os.X_OK):
        return None
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return Cause.FILE_SYSTEM
    except OSError:
        pass
    return Cause.FOLDER


def write_problem(path: Path) -> ReadOnly | None:
    """Why the database file `path` (existing, or to be created) cannot be written; None
    when it can. Changes nothing."""
    if path.exists():
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError as exc:
            cause = cause_of_error(exc.errno, folder=False)
            if cause is not None:
                return read_only(cause, path)
        else:
            os.close(fd)
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent  # a new file in folders still to be made: ask the first one
    folder_cause = folder_problem(parent)
    if folder_cause is not None:
        return read_only(folder_cause, path)
    return None


def describe_os_error(exc: OSError, path: Path) -> str:
    """An OSError from writing at `path` (a file, or a folder to make), in words that name
    the true cause when it is one of the read-only ones."""
    where = Path(exc.filename) if exc.filename else path
    cause = cause_of_error(exc.errno, folder=False)
    if cause is Cause.FILE_SYSTEM:
        return _("{path} is on a read-only file system.").format(path=where)
    if cause is not None:
        folder = where if where.is_dir() else where.parent
        if folder_problem(folder) is Cause.FOLDER:
            return _("The folder {folder} is read-only: no file can be created in it.").format(
                folder=folder
            )
        return _sentence(cause, where)
    return f"{where}: {exc.strerror or exc}"
