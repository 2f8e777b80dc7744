"""The whole-file check never delays the start, yet nothing writes to a file before its
check has spoken (QUALITY.md, "Corruption" and "Speed"): a check that passed is
remembered for a day while the file stays as AlignMeet left it; otherwise writes wait
for the check, and fail when it finds the file damaged."""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from alignmeet.services import open_services
from alignmeet.storage import integrity
from alignmeet.storage.integrity import (
    DatabaseDamagedError,
    WriteGate,
    check_and_remember,
    remember_sound,
    remembered_check,
)

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "meetings.sqlite3"
    services = open_services(str(path))
    services.people.add_member(name="Ava Chen", team_id=services.people.list_teams()[0].id)
    services.close()
    return path


def test_a_sound_check_is_remembered_for_a_day_while_the_file_is_unchanged(db: Path) -> None:
    assert remembered_check(db) is None  # never checked
    assert check_and_remember(db) is None
    checked = remembered_check(db)
    assert checked is not None
    assert remembered_check(db, now=checked + timedelta(hours=23)) == checked
    assert remembered_check(db, now=checked + timedelta(days=1, minutes=1)) is None


def test_any_change_to_the_file_means_it_is_checked_again(db: Path) -> None:
    check_and_remember(db)
    before = db.stat()
    os.utime(db, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000))  # another writer
    assert remembered_check(db) is None
    remember_sound(db, datetime.now())
    assert remembered_check(db) is not None
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"x" * 100)  # left by a crash, or another program has it open
    assert remembered_check(db) is None


def test_a_damaged_file_is_forgotten_and_an_unreadable_record_means_check(db: Path) -> None:
    check_and_remember(db)
    data = bytearray(db.read_bytes())
    data[2 * 4096 : 2 * 4096 + 64] = bytes(range(7, 71))
    db.write_bytes(bytes(data))
    assert check_and_remember(db) is not None
    assert str(db.resolve()) not in json.loads(integrity._records_file().read_text())
    integrity._records_file().write_text("{ not json")
    assert remembered_check(db) is None


def test_writes_wait_for_the_check_and_go_on_once_it_passed(db: Path) -> None:
    gate = WriteGate()
    services = open_services(str(db), quick_check=False, write_gate=gate)
    try:
        team = services.people.list_teams()[0].id  # reads go on meanwhile
        done: list[str] = []

        def write() -> None:
            services.people.add_member(name="Ben Okafor", team_id=team)
            done.append("written")

        writer = threading.Thread(target=write)
        writer.start()
        writer.join(0.3)
        assert done == [] and writer.is_alive()  # held at the gate
        gate.open()
        writer.join(10)
        assert done == ["written"]
        assert [m.name for m in services.people.list_members()] == ["Ava Chen", "Ben Okafor"]
    finally:
        services.close()


def test_a_damaged_file_is_reported_before_anything_is_written_to_it(db: Path) -> None:
    gate = WriteGate()
    services = open_services(str(db), quick_check=False, write_gate=gate)
    before = db.read_bytes()
    failed: list[BaseException] = []

    def write() -> None:
        try:
            services.people.add_member(name="Ben Okafor", team_id=1)
        except Exception as exc:
            failed.append(exc)

    try:
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.1)
        gate.fail(f"{db} is damaged (SQLite quick check: page 3 is never used).")
        writer.join(10)
    finally:
        services.close()
    assert len(failed) == 1
    chain = [failed[0], failed[0].__cause__, getattr(failed[0], "orig", None)]
    assert any(isinstance(e, DatabaseDamagedError) for e in chain), chain
    assert "is damaged" in str(failed[0])
    assert db.read_bytes() == before


def test_the_daily_trim_of_the_change_log_waits_for_the_check(db: Path) -> None:
    """Opening writes nothing while the check runs: the change log is trimmed after."""
    gate = WriteGate()
    before = db.read_bytes()
    services = open_services(str(db), quick_check=False, write_gate=gate)
    try:
        assert services.db.writes_held
        services.close()
        assert db.read_bytes() == before
    finally:
        services.close()
