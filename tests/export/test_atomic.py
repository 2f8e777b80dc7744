"""atomic_write_bytes: the new file whole, or the old file untouched and a clear message."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from alignmeet.export import ExportError
from alignmeet.export.atomic import atomic_write_bytes

OLD = b"PK\x03\x04 the minutes everybody already received" * 800  # ~36 KB
NEW = b"PK\x03\x04 the new minutes" * 2000


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.docx"
    path.write_bytes(OLD)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new.docx"
    atomic_write_bytes(path, NEW)
    assert path.read_bytes() == NEW
    assert leftovers(tmp_path) == []


def test_replaces_an_existing_file_and_keeps_its_permissions(target: Path) -> None:
    os.chmod(target, 0o640)
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(target.parent) == []


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "fresh.docx"
    atomic_write_bytes(path, NEW)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_accepts_a_string_path(tmp_path: Path) -> None:
    atomic_write_bytes(str(tmp_path / "s.docx"), NEW)  # type: ignore[arg-type]
    assert (tmp_path / "s.docx").read_bytes() == NEW


def test_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "minutes.docx"
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(path, NEW)
    message = str(caught.value)
    assert str(path.parent) in message
    assert "does not exist" in message
    assert "Choose another folder" in message
    assert caught.value.path == path
    assert not path.parent.exists()
    assert leftovers(tmp_path) == []


def test_parent_is_a_regular_file(tmp_path: Path) -> None:
    """A real failure, even as root: the 'folder' is a file."""
    not_a_folder = tmp_path / "report.pdf"
    not_a_folder.write_bytes(OLD)
    path = not_a_folder / "minutes.docx"
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(path, NEW)
    assert str(not_a_folder) in str(caught.value)
    assert "not a folder" in str(caught.value)
    assert not_a_folder.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_path_is_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "minutes.docx"
    folder.mkdir()
    (folder / "inside.txt").write_bytes(OLD)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(folder, NEW)
    assert str(folder) in str(caught.value)
    assert "is a folder" in str(caught.value)
    assert folder.is_dir()
    assert (folder / "inside.txt").read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_permission_denied_on_replace(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As on Windows when Word has the file open, or a read-only folder."""

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW)
    message = str(caught.value)
    assert str(target) in message
    assert "permission denied" in message
    assert "close the file if it is open elsewhere" in message
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_permission_denied_creating_the_temp_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only folder does (simulated: tests may run as root, where chmod is moot)."""
    real_open = os.open

    def refuse(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW)
    assert str(target) in str(caught.value)
    assert "permission denied" in str(caught.value)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_real_read_only_folder(target: Path) -> None:
    folder = target.parent
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(ExportError) as caught:
            atomic_write_bytes(target, NEW)
    finally:
        os.chmod(folder, 0o700)
    assert "permission denied" in str(caught.value)
    assert target.read_bytes() == OLD
    assert leftovers(folder) == []


def test_read_only_file_system(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        atomic_write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


class _FillsUp:
    """A file object that writes part of the data, then reports a full disk."""

    def __init__(self, handle: object) -> None:
        self._handle = handle

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()  # type: ignore[attr-defined]

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])  # type: ignore[attr-defined]
        self._handle.flush()  # type: ignore[attr-defined]
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


def test_disk_full(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FillsUp(real_fdopen(fd, *a, **k)))
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW)
    message = str(caught.value)
    assert str(target) in message
    assert "not enough disk space" in message
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_disk_full_at_fsync(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="not enough disk space"):
        atomic_write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_other_error_names_the_reason(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(target, NEW)
    assert str(target) in str(caught.value)
    assert "Input/output error" in str(caught.value)
    assert isinstance(caught.value.__cause__, OSError)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_interrupted_write_leaves_no_temp_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_name_too_long(tmp_path: Path) -> None:
    path = tmp_path / ("m" * 300 + ".docx")
    with pytest.raises(ExportError) as caught:
        atomic_write_bytes(path, NEW)
    assert "could not save" in str(caught.value)
    assert leftovers(tmp_path) == []
