"""Replace a file all at once, or not at all.

`Document.save(path)` truncates the target before writing, so a failed save leaves a broken
file where the user's minutes were. Here the bytes go to a temporary file next to the
target, are flushed to disk, and only then renamed over it (`os.replace`, atomic on the
same file system). If anything fails the temporary file is removed, the old file is left
byte-identical and an `ExportError` says, for the user, what went wrong and what to do.

A target that is a symbolic link is written through: the file it points to is replaced
(atomically, next to itself) and the link stays a link, as editors do. Replacing the link
itself would leave the real file with the old content and the link gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from alignmeet.export import ExportError
from alignmeet.i18n import _

__all__ = ["atomic_write_bytes", "atomic_writer"]

_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_SPACE_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; raise `ExportError` (old file untouched) on failure."""
    with atomic_writer(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into, a piece at a time (a file of
    300,000 actions never sits in memory): it replaces `path` when the block ends, and
    is removed — the old file byte-identical — when the block raises. An OSError becomes
    an `ExportError` that names the path and what to do; other exceptions (a cancelled
    export) pass through after the clean-up."""
    path = Path(path)
    temp: Path | None = None
    real = path
    try:
        real = _through_links(path)
        folder = real.parent
        if real.is_dir():
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not folder.is_dir():
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(folder))
        temp, fd = _create_temp(real)
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(real, temp)
        os.replace(temp, real)
        temp = None
        _sync_folder(folder)
    except OSError as exc:
        raise ExportError(_message(path, exc, real), path=path) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _through_links(path: Path) -> Path:
    """The file `path` names: itself, or where its symbolic link(s) lead (a link to a file
    not there yet leads to that file). A link loop raises OSError (ELOOP)."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))


def _create_temp(path: Path) -> tuple[Path, int]:
    """A new, empty file next to `path`, created with the usual permissions (umask applies)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "Could not create a temporary file", str(path.parent))


def _copy_mode(target: Path, temp: Path) -> None:
    """Keep the permissions of the file being replaced (best effort)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.chmod(temp, mode & 0o7777)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _message(path: Path, exc: OSError, real: Path | None = None) -> str:
    if real is not None and real != path:
        # A link: name both, then explain as for the file it points to.
        return (
            _("{path} is a link to {real}.").format(path=path, real=real)
            + " "
            + _message(real, exc)
        )
    folder = path.parent
    if isinstance(exc, IsADirectoryError) or _is_dir(path):
        return _(
            "{path} is a folder, not a file. Choose a file name inside it, or another name."
        ).format(path=path)
    if not _is_dir(folder):
        if _exists(folder) and not _is_dir(folder):
            return _(
                "{folder} is a file, not a folder, so {name} cannot be saved there. "
                "Choose another folder."
            ).format(folder=folder, name=path.name)
        return _("The folder {folder} does not exist. Choose another folder.").format(folder=folder)
    if isinstance(exc, PermissionError) or exc.errno in _PERMISSION_ERRNOS:
        return _(
            "AlignMeet cannot write to {path}: permission denied. Choose a folder you can "
            "write to or close the file if it is open elsewhere."
        ).format(path=path)
    if exc.errno in _SPACE_ERRNOS:
        return _(
            "There is not enough disk space to save {path}. Free some space or choose "
            "another drive. The previous file, if any, was kept."
        ).format(path=path)
    reason = exc.strerror or str(exc) or type(exc).__name__
    return _(
        "AlignMeet could not save {path}: {reason}. The previous file, if any, was kept."
    ).format(path=path, reason=reason)
