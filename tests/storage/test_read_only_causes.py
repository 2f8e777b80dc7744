"""Why a database cannot be written, found at open with its true cause (issue 11, finding 8),
and the app's lock read without Qt (finding 5).

Read-only causes are made for real where root can be stopped (an immutable file or
folder, a read-only mount); a read-only file by its permissions stops only other users,
so as root that case is the errno SQLite would meet (EACCES), and the real one runs when
the suite runs as another user.
"""

from __future__ import annotations

import errno
import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from harness.read_only import IS_ROOT, immutable, read_only_folder, tmpfs

from alignmeet.storage.access import Cause, write_problem
from alignmeet.storage.backups import BackupError, backup_file
from alignmeet.storage.database import DatabaseOpenError, open_database
from alignmeet.storage.integrity import quick_check_file
from alignmeet.storage.lock import LockedError, hold, live_holder, lock_path, read_lock


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "meetings.sqlite3"
    db = open_database(path)
    with db.transaction() as s:
        from alignmeet.storage import models as m

        s.add(m.Team(name="Partners", position=7))
    db.dispose()
    return path


def teams(db) -> list[str]:
    from sqlalchemy import select

    from alignmeet.storage import models as m

    with db.sessions() as s:
        return list(s.scalars(select(m.Team.name).order_by(m.Team.position)))


def assert_opens_read_only_for(path: Path, cause: Cause, *words: str) -> None:
    problem = write_problem(path)
    assert problem is not None and problem.cause is cause
    for word in words:
        assert word in problem.message
    before = sha(path)
    with pytest.raises(DatabaseOpenError, match="Cannot write to"):
        open_database(path)  # not asked to fall back: says why
    db = open_database(path, fall_back_to_read_only=True)
    try:
        assert db.read_only and db.read_only_reason == problem
        assert "Partners" in teams(db)
    finally:
        db.dispose()
    assert sha(path) == before


def test_an_immutable_file_opens_read_only_and_says_immutable(db_file: Path) -> None:
    with immutable(db_file):
        assert_opens_read_only_for(db_file, Cause.IMMUTABLE, "immutable", str(db_file))
        assert quick_check_file(db_file) is None


def test_a_read_only_folder_opens_read_only_and_names_the_folder(db_file: Path) -> None:
    with read_only_folder(db_file.parent):
        assert_opens_read_only_for(db_file, Cause.FOLDER, str(db_file.parent), "-wal")
        # It is not damaged: the check reads it without creating anything beside it.
        assert quick_check_file(db_file) is None
        with pytest.raises(BackupError) as err:
            backup_file(db_file, "manual")
    assert "read-only" in str(err.value) and "damaged" not in str(err.value)
    assert str(db_file.parent) in str(err.value)


def test_a_read_only_file_system_opens_read_only_and_says_so(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt") as mount:
        path = mount.where / "meetings.sqlite3"
        db = open_database(path)
        with db.transaction() as s:
            from alignmeet.storage import models as m

            s.add(m.Team(name="Partners", position=7))
        db.dispose()
        mount.read_only()
        assert_opens_read_only_for(path, Cause.FILE_SYSTEM, "read-only file system")
        with pytest.raises(BackupError, match="read-only file system"):
            backup_file(path, "manual")


@pytest.mark.skipif(IS_ROOT, reason="permission bits do not stop root (the errno case below)")
def test_a_read_only_file_opens_read_only_and_says_so(db_file: Path) -> None:
    db_file.chmod(0o444)
    try:
        assert_opens_read_only_for(db_file, Cause.FILE, "read-only file")
    finally:
        db_file.chmod(0o644)


def test_a_file_that_refuses_writing_with_eacces_is_a_read_only_file(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root: the errno a non-root user meets on a chmod 444 file."""
    real_open = os.open

    def no_write(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == db_file and flags & (os.O_RDWR | os.O_WRONLY):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_write)
    problem = write_problem(db_file)
    assert problem is not None and problem.cause is Cause.FILE
    assert "read-only file" in problem.message and "permissions" in problem.message
    db = open_database(db_file, fall_back_to_read_only=True)
    try:
        assert db.read_only_reason == problem
    finally:
        db.dispose()


def test_a_new_database_in_a_read_only_folder_is_not_created_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only_folder(folder), pytest.raises(DatabaseOpenError) as err:
        open_database(folder / "new.sqlite3")
    assert "Cannot create" in str(err.value) and "read-only" in str(err.value)
    assert list(folder.iterdir()) == []


# ---- the app's lock, read without Qt ----------------------------------------------------
HOLD = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from ui.instance_lock import InstanceLock
app = QCoreApplication([])
lock = InstanceLock(Path(sys.argv[1]))
assert lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


def hold_with_qt(db: Path) -> subprocess.Popen[str]:
    """A real QLockFile holder, as the app holds it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_qt_lock_of_a_live_app_is_read_with_its_process_and_host(tmp_path: Path) -> None:
    db = tmp_path / "meetings.sqlite3"
    proc = hold_with_qt(db)
    try:
        holder = live_holder(db)
        assert holder is not None
        assert holder.pid == proc.pid and holder.host == socket.gethostname()
        assert f"process {proc.pid}" in holder.describe(db)
        with pytest.raises(LockedError, match=f"process {proc.pid}"), hold(db):
            pass
    finally:
        proc.kill()
        proc.wait()
    # Killed: the lock file is left behind, and it is stale.
    stale = read_lock(db)
    assert stale is not None and stale.stale
    assert live_holder(db) is None
    with hold(db):
        assert read_lock(db).pid == os.getpid()  # type: ignore[union-attr]
    assert not lock_path(db).exists()


def test_a_lock_from_another_computer_counts_as_live(tmp_path: Path) -> None:
    db = tmp_path / "meetings.sqlite3"
    lock_path(db).write_text("4242\npython3\nother-laptop\n\n\n")
    holder = live_holder(db)
    assert holder is not None and holder.host == "other-laptop"
    assert "other-laptop" in holder.describe(db)


def test_the_core_lock_is_honoured_by_the_app_lock(tmp_path: Path) -> None:
    """While restore holds the lock, an AlignMeet starting up finds it taken."""
    db = tmp_path / "meetings.sqlite3"
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ui.instance_lock import InstanceLock\n"
        "app = QCoreApplication([])\n"
        "lock = InstanceLock(Path(sys.argv[1]))\n"
        "print('acquired' if lock.acquire() else lock.holder())\n"
    )
    with hold(db):
        result = subprocess.run(
            [sys.executable, "-c", code, str(db)],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[2],
        )
    assert "acquired" not in result.stdout
    assert f"process {os.getpid()}" in result.stdout


def test_reading_a_file_to_check_it_creates_nothing_beside_it(db_file: Path) -> None:
    con = sqlite3.connect(db_file)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    con.close()
    assert quick_check_file(db_file) is None
    assert sorted(p.name for p in db_file.parent.iterdir()) == [db_file.name]
