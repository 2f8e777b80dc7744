"""Backups (QUALITY.md, "Data safety"): online backups in a bounded set, a damaged file
put aside and never overwritten, restore from the latest good backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.storage import backups as b
from alignmeet.storage.database import open_database


def make_db(path: Path, rows: int = 3) -> Path:
    db = open_database(path)
    with db.transaction() as s:
        from alignmeet.storage import models as m

        for i in range(rows):
            s.add(m.Team(name=f"Team {i}", position=i + 10))
    db.dispose()
    return path


def teams(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM team ORDER BY id")]
    finally:
        con.close()


def damage(path: Path) -> None:
    """Scribble over the middle of the file (pages, not the header)."""
    data = bytearray(path.read_bytes())
    for i in range(4096, min(len(data), 4096 * 3)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))


def info(days_ago: float, reason: str = "periodic", now: datetime | None = None) -> b.BackupInfo:
    now = now or datetime(2026, 11, 22, 12, 0)
    taken = now - timedelta(days=days_ago)
    return b.BackupInfo(Path(f"/x/db-{taken:%Y%m%d-%H%M%S-%f}-{reason}.sqlite3"), taken, reason, 1)


def test_a_backup_is_listed_newest_first_with_its_reason(tmp_path: Path) -> None:
    db = open_database(make_db(tmp_path / "meetings.sqlite3"))
    try:
        first = db.backup("manual")
        second = db.backup("periodic")
    finally:
        db.dispose()
    listed = b.list_backups(tmp_path / "meetings.sqlite3")
    assert [x.path for x in listed] == [second, first]
    assert [x.reason for x in listed] == ["periodic", "manual"]
    assert teams(listed[0].path) == teams(tmp_path / "meetings.sqlite3")
    assert b.check_file(listed[0].path) is None


def test_only_a_change_triggers_the_periodic_backup(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    try:
        db.backup("manual")
        assert db.backup_if_changed() is None
        with db.transaction() as s:
            from alignmeet.storage import models as m

            s.add(m.Team(name="New", position=99))
        assert db.backup_if_changed() is not None
        assert db.backup_if_changed() is None
    finally:
        db.dispose()


def test_thinning_keeps_the_newest_one_a_day_then_one_a_week_then_one_a_month() -> None:
    now = datetime(2026, 11, 22, 12, 0)
    hourly = [info(h / 4, now=now) for h in range(0, 4 * 400)]  # 400 days, every 6 hours
    dropped = {x.path for x in b.backups_to_drop(hourly, now)}
    kept = [x for x in hourly if x.path not in dropped]
    assert hourly[:5] == kept[:5]  # the newest five, however close together
    assert len({x.taken_at.date() for x in kept if (now - x.taken_at).days < 14}) >= 14
    day = timedelta(days=1)
    weekly = [x for x in kept if 14 * day < now - x.taken_at <= b.KEEP_WEEKLY_DAYS * day]
    assert len({x.taken_at.isocalendar()[:2] for x in weekly}) == len(weekly)  # one a week
    monthly = [x for x in kept if now - x.taken_at > b.KEEP_WEEKLY_DAYS * day]
    assert len({(x.taken_at.year, x.taken_at.month) for x in monthly}) == len(monthly)
    assert monthly and not [x for x in kept if (now - x.taken_at).days > b.KEEP_MONTHLY_DAYS]
    assert len(kept) <= 5 + 15 + 10 + 10


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=400), max_size=300))
def test_thinning_is_bounded_and_never_drops_the_newest(ages: list[float]) -> None:
    now = datetime(2026, 11, 22, 12, 0)
    backups = [info(a, now=now) for a in sorted(set(ages))]
    kept = [x for x in backups if x not in b.backups_to_drop(backups, now)]
    assert len(kept) <= (b.KEEP_NEWEST + b.KEEP_DAILY_DAYS + 1 + b.KEEP_WEEKLY_DAYS // 7 + 2 + 10)
    if backups:
        assert max(backups, key=lambda x: x.taken_at) in kept


def test_backups_before_an_upgrade_or_a_restore_outlive_the_periodic_ones() -> None:
    now = datetime(2026, 11, 22, 12, 0)
    backups = [info(400, "before-upgrade-0003", now), info(300, "periodic", now)] + [
        info(d / 10, now=now) for d in range(10)
    ]
    dropped = b.backups_to_drop(backups, now)
    assert backups[0] not in dropped
    assert backups[1] in dropped


def test_a_damaged_file_is_put_aside_with_its_wal_never_deleted(tmp_path: Path) -> None:
    path = make_db(tmp_path / "meetings.sqlite3")
    (tmp_path / "meetings.sqlite3-wal").write_bytes(b"wal bytes")
    original = path.read_bytes()
    aside = b.put_aside(path, datetime(2026, 11, 22, 9, 30))
    assert not path.exists()
    assert aside.name == "meetings.sqlite3.damaged-20261122-093000"
    assert aside.read_bytes() == original
    assert (tmp_path / "meetings.sqlite3.damaged-20261122-093000-wal").read_bytes() == b"wal bytes"
    path.write_bytes(b"again")
    second = b.put_aside(path, datetime(2026, 11, 22, 9, 30))
    assert second != aside and aside.exists() and second.exists()


def test_restore_puts_the_latest_good_backup_in_place_of_a_damaged_file(tmp_path: Path) -> None:
    path = make_db(tmp_path / "meetings.sqlite3")
    db = open_database(path)
    good = db.backup("manual")
    db.dispose()
    expected = teams(path)
    damage(path)
    assert b.check_file(path) is not None
    latest = b.latest_good_backup(path)
    assert latest is not None and latest.path == good
    aside = b.restore(path, latest.path)
    assert aside is not None and ".damaged-" in aside.name  # kept, not overwritten
    assert b.check_file(path) is None
    assert teams(path) == expected
    assert not list(tmp_path.glob(".*restoring*"))


def test_restore_over_a_sound_file_backs_it_up_first(tmp_path: Path) -> None:
    path = make_db(tmp_path / "meetings.sqlite3", rows=1)
    db = open_database(path)
    old = db.backup("manual")
    with db.transaction() as s:
        from alignmeet.storage import models as m

        s.add(m.Team(name="Added after the backup", position=50))
    db.dispose()
    kept = b.restore(path, old)
    assert kept is not None and kept.name.endswith("-before-restore.sqlite3")
    assert "Added after the backup" in teams(kept)
    assert "Added after the backup" not in teams(path)


def test_a_damaged_backup_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    path = make_db(tmp_path / "meetings.sqlite3")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    before = path.read_bytes()
    with pytest.raises(b.BackupError, match=r"bad\.sqlite3"):
        b.restore(path, bad)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"hello", "not a database"), (None, "does not exist")],
)
def test_check_file_says_what_is_wrong(tmp_path: Path, content: bytes | None, message: str):
    path = tmp_path / "x.sqlite3"
    if content is not None:
        path.write_bytes(content)
    problem = b.check_file(path)
    assert problem is not None and message in problem and str(path) in problem


def test_an_import_is_preceded_by_a_backup(tmp_path: Path) -> None:
    """QUALITY.md: a backup before risky operations — imports included."""
    from alignmeet.services import open_services

    path = tmp_path / "meetings.sqlite3"
    services = open_services(str(path))
    try:
        services.people.import_members(text="name;team\nAna López;Sales\n")
        reasons = [x.reason for x in b.list_backups(path)]
        assert "before-import" in reasons
        kept = next(x for x in b.list_backups(path) if x.reason == "before-import")
        assert "Ana López" not in [r for r in _member_names(kept.path)]  # taken before it
    finally:
        services.close()


def _member_names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member")]
    finally:
        con.close()
