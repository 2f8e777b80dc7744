"""Every file writer, when writing fails: the message names the path and the cause, the
previous file is byte-identical, and no temporary file is left behind (issue 6, QUALITY.md
"Export failures keep the old file").

Writers: Word minutes, follow-up checklist, glossary appendix, dashboard (.docx and .png),
calendar (.ics), CSV. Each goes through `alignmeet.export.atomic.atomic_write_bytes`; the
failures are made real where a test can (missing folder, a folder at the path, a parent that
is a file, a read-only folder when not root) and simulated where it cannot (a disk filling
up midway, permission denied as root, a file held open elsewhere).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alignmeet.domain.glossary import GlossaryData, GlossaryEntry
from alignmeet.export import ExportError
from alignmeet.export.checklist_docx import write_checklist
from alignmeet.export.csv_export import write_csv
from alignmeet.export.dashboard_docx import write_dashboard, write_dashboard_png
from alignmeet.export.glossary_docx import write_glossary
from alignmeet.export.ics import write_ics
from alignmeet.export.minutes_docx import write_minutes

from .test_hostile_text import action_row, dashboard_with, minutes_with

Writer = Callable[[Path, str], object]  # (path, a text that makes this version differ)


def _glossary(text: str) -> GlossaryData:
    entry = GlossaryEntry(
        term="MQL",
        definition=f"Marketing-qualified lead ({text})",
        number=1,
        meeting_title="February sync",
        agreed_on=date(2026, 2, 10),
        previous_versions=0,
    )
    return GlossaryData(generated_at=datetime(2026, 3, 4, 9, 30), entries=(entry,))


WRITERS: dict[str, Writer] = {
    "minutes.docx": lambda path, text: write_minutes(minutes_with(text), path),
    "checklist.docx": lambda path, text: write_checklist(
        [action_row(text)],
        path,
        generated_at=datetime(2026, 11, 22, 9, 30),
        today=date(2026, 11, 22),
    ),
    "glossary.docx": lambda path, text: write_glossary(_glossary(text), path),
    "dashboard.docx": lambda path, text: write_dashboard(dashboard_with(text), path),
    "dashboard.png": lambda path, text: write_dashboard_png(dashboard_with(text), path),
    "follow-ups.ics": lambda path, text: write_ics(
        [action_row(text)],
        path,
        calendar_name=text,
        generated_at=datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
    ),
    "actions.csv": lambda path, text: write_csv([action_row(text)], path),
}


@pytest.fixture(params=list(WRITERS))
def writer(request: pytest.FixtureRequest) -> tuple[str, Writer]:
    return request.param, WRITERS[request.param]


@pytest.fixture
def previous(tmp_path: Path, writer: tuple[str, Writer]) -> tuple[Path, bytes, Writer]:
    """A file written by the writer before (the minutes everybody already received)."""
    name, write = writer
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / name
    write(path, "the version people already have")
    old = path.read_bytes()
    assert old  # the writer really wrote something
    return path, old, write


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


NEW = "a newer version, with different text"


def fails(write: Writer, path: Path) -> str:
    with pytest.raises(ExportError) as caught:
        write(path, NEW)
    assert caught.value.path == path
    assert isinstance(caught.value.__cause__, OSError)
    return str(caught.value)


# ---------------------------------------------------------------------------- disk full


class _FillsUp:
    """A file object that writes the first `room` bytes (None: half of what it is given),
    then finds the disk full."""

    def __init__(self, handle: object, room: int | None) -> None:
        self._handle = handle
        self._room = room
        self.written = 0

    def __enter__(self) -> _FillsUp:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()  # type: ignore[attr-defined]

    def write(self, data: bytes) -> int:
        if self._room is None:
            self._room = len(data) // 2
        part = data[: max(0, self._room - self.written)]
        self._handle.write(part)  # type: ignore[attr-defined]
        self._handle.flush()  # type: ignore[attr-defined]
        self.written += len(part)
        if len(part) < len(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        return len(data)

    def __getattr__(self, name: str) -> object:
        return getattr(self._handle, name)


@pytest.mark.parametrize("room", [0, 64, None], ids=["at-once", "after-64-bytes", "halfway"])
def test_disk_full_midway(
    previous: tuple[Path, bytes, Writer], monkeypatch: pytest.MonkeyPatch, room: int | None
) -> None:
    path, old, write = previous
    real_fdopen = os.fdopen
    opened: list[_FillsUp] = []

    def fdopen(fd: int, *args: object, **kwargs: object) -> _FillsUp:
        opened.append(_FillsUp(real_fdopen(fd, *args, **kwargs), room))  # type: ignore[arg-type]
        return opened[-1]

    monkeypatch.setattr(os, "fdopen", fdopen)
    message = fails(write, path)
    assert opened and opened[0].written == opened[0]._room  # it failed after `room` bytes
    assert str(path) in message
    assert "not enough disk space" in message
    assert "Free some space or choose another drive" in message
    assert path.read_bytes() == old
    assert files_in(path.parent) == [path.name]


def test_disk_full_when_flushing_to_disk(
    previous: tuple[Path, bytes, Writer], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old, write = previous

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert "not enough disk space" in fails(write, path)
    assert path.read_bytes() == old
    assert files_in(path.parent) == [path.name]


# ---------------------------------------------------------------------------- permissions


def test_read_only_folder_simulated(
    previous: tuple[Path, bytes, Writer], monkeypatch: pytest.MonkeyPatch
) -> None:
    """EACCES creating the temporary file: what a read-only folder does (as root too)."""
    path, old, write = previous
    real_open = os.open

    def refuse(name: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(name).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    message = fails(write, path)
    assert str(path) in message
    assert "permission denied" in message
    assert "Choose a folder you can write to" in message
    assert path.read_bytes() == old
    assert files_in(path.parent) == [path.name]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root ignores folder permissions (test_read_only_folder_simulated covers it)",
)
def test_read_only_folder_real(previous: tuple[Path, bytes, Writer]) -> None:
    path, old, write = previous
    os.chmod(path.parent, 0o500)
    try:
        message = fails(write, path)
    finally:
        os.chmod(path.parent, 0o700)
    assert str(path) in message and "permission denied" in message
    assert path.read_bytes() == old
    assert files_in(path.parent) == [path.name]


def test_file_held_open_elsewhere(
    previous: tuple[Path, bytes, Writer], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file Word has open: EACCES at the rename."""
    path, old, write = previous

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    message = fails(write, path)
    assert str(path) in message
    assert "close the file if it is open elsewhere" in message
    assert path.read_bytes() == old
    assert files_in(path.parent) == [path.name]


# ---------------------------------------------------------------------------- wrong paths


def test_missing_folder(tmp_path: Path, writer: tuple[str, Writer]) -> None:
    name, write = writer
    path = tmp_path / "no such folder" / name
    message = fails(write, path)
    assert str(path.parent) in message
    assert "does not exist" in message
    assert not path.parent.exists()
    assert files_in(tmp_path) == []


def test_a_folder_at_the_path(tmp_path: Path, writer: tuple[str, Writer]) -> None:
    name, write = writer
    path = tmp_path / name
    path.mkdir()
    (path / "inside.txt").write_bytes(b"kept")
    message = fails(write, path)
    assert str(path) in message
    assert "is a folder, not a file" in message
    assert (path / "inside.txt").read_bytes() == b"kept"
    assert files_in(tmp_path) == [name]
    assert files_in(path) == ["inside.txt"]


def test_a_file_where_the_folder_should_be(tmp_path: Path, writer: tuple[str, Writer]) -> None:
    name, write = writer
    not_a_folder = tmp_path / "report.pdf"
    not_a_folder.write_bytes(b"%PDF-1.7 kept")
    message = fails(write, not_a_folder / name)
    assert str(not_a_folder) in message
    assert "is a file, not a folder" in message
    assert not_a_folder.read_bytes() == b"%PDF-1.7 kept"
    assert files_in(tmp_path) == ["report.pdf"]


# ---------------------------------------------------------------------------- symbolic links


@pytest.fixture
def linked(tmp_path: Path, writer: tuple[str, Writer]) -> tuple[Path, Path, bytes, Writer]:
    """`exports/<name>` is a link to `shared/<name>`, which holds the previous version."""
    name, write = writer
    shared, exports = tmp_path / "shared", tmp_path / "exports"
    shared.mkdir()
    exports.mkdir()
    real = shared / name
    write(real, "the version people already have")
    link = exports / name
    link.symlink_to(real)
    return link, real, real.read_bytes(), write


def test_a_link_is_written_through_and_stays_a_link(
    linked: tuple[Path, Path, bytes, Writer],
) -> None:
    link, real, old, write = linked
    write(link, NEW)
    assert link.is_symlink()
    assert link.resolve() == real
    assert real.read_bytes() != old  # the file the link points to got the new version
    assert files_in(link.parent) == [link.name]
    assert files_in(real.parent) == [real.name]


def test_a_link_whose_file_cannot_be_written(
    linked: tuple[Path, Path, bytes, Writer], monkeypatch: pytest.MonkeyPatch
) -> None:
    link, real, old, write = linked
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FillsUp(real_fdopen(fd, *a, **k), 10))
    message = fails(write, link)
    assert str(link) in message and str(real) in message
    assert "not enough disk space" in message
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() == old
    assert files_in(link.parent) == [link.name]
    assert files_in(real.parent) == [real.name]


def test_a_link_to_a_missing_folder(tmp_path: Path, writer: tuple[str, Writer]) -> None:
    name, write = writer
    link = tmp_path / name
    link.symlink_to(tmp_path / "gone" / name)
    message = fails(write, link)
    assert str(link) in message
    assert str(tmp_path / "gone") in message and "does not exist" in message
    assert link.is_symlink()
    assert files_in(tmp_path) == [name]


def test_a_link_to_a_folder(tmp_path: Path, writer: tuple[str, Writer]) -> None:
    name, write = writer
    folder = tmp_path / "a folder"
    folder.mkdir()
    link = tmp_path / name
    link.symlink_to(folder)
    message = fails(write, link)
    assert str(link) in message and "is a folder" in message
    assert link.is_symlink() and files_in(folder) == []
    assert files_in(tmp_path) == sorted(["a folder", name])


def test_a_link_loop(tmp_path: Path, writer: tuple[str, Writer]) -> None:
    name, write = writer
    link = tmp_path / name
    other = tmp_path / "other"
    link.symlink_to(other)
    other.symlink_to(link)
    message = fails(write, link)
    assert str(link) in message and "Too many levels of symbolic links" in message
    assert link.is_symlink() and other.is_symlink()
    assert files_in(tmp_path) == sorted([name, "other"])
