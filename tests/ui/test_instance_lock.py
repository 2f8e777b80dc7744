"""One AlignMeet per database file: a second instance hears who holds it and may look
read-only; the lock of a crashed instance is taken over (issue 6)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from alignmeet.services import open_services
from ui.instance_lock import InstanceLock

HOLD = """
import sys, time
from pathlib import Path
from ui.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
assert lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def hold_in_subprocess(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_holder_is_refused_and_told_who_has_it(tmp_path: Path) -> None:
    db = tmp_path / "meetings.sqlite3"
    proc = hold_in_subprocess(db)
    try:
        lock = InstanceLock(db)
        assert not lock.acquire()
        holder = lock.holder()
        assert str(db) in holder and f"process {proc.pid}" in holder
    finally:
        proc.kill()
        proc.wait()


def test_the_lock_of_a_killed_instance_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "meetings.sqlite3"
    proc = hold_in_subprocess(db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert (tmp_path / "meetings.sqlite3.lock").exists()  # left behind by the crash
    lock = InstanceLock(db)
    started = time.monotonic()
    assert lock.acquire()
    assert time.monotonic() - started < 5
    lock.release()


def test_released_means_free_again(tmp_path: Path) -> None:
    db = tmp_path / "meetings.sqlite3"
    first = InstanceLock(db)
    assert first.acquire()
    first.release()
    second = InstanceLock(db)
    assert second.acquire()
    second.release()


def test_read_only_reads_everything_and_refuses_every_write(tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    db = tmp_path / "meetings.sqlite3"
    writer = open_services(str(db))
    sales = writer.people.list_teams()[0].id
    writer.people.add_member(name="Ana López", team_id=sales)
    reader = open_services(str(db), read_only=True)
    try:
        assert [m.name for m in reader.people.list_members()] == ["Ana López"]
        writer.people.add_member(name="Ben Okoro", team_id=sales)
        assert len(reader.people.list_members()) == 2  # sees the other's commits
        with pytest.raises(OperationalError, match="readonly"):
            reader.people.add_member(name="Chloé", team_id=sales)
        assert reader.db.backup("manual") is None
    finally:
        reader.close()
        writer.close()


def test_the_window_says_read_only(qtbot, tmp_path: Path) -> None:
    from ui.controller import Controller
    from ui.main_window import MainWindow

    db = tmp_path / "meetings.sqlite3"
    open_services(str(db)).close()
    services = open_services(str(db), read_only=True)
    try:
        window = MainWindow(Controller(services))
        qtbot.addWidget(window)
        window.set_read_only(True)
        assert window.windowTitle().endswith("(read-only)")
        notice = window.statusBar().findChild(QLabel, "ReadOnlyNotice")
        assert notice is not None and "another AlignMeet" in notice.text()
    finally:
        services.close()
