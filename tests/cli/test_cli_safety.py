"""`alignmeet-cli backup | check | backups | restore` (issue 6: local safety)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from alignmeet.cli import main
from alignmeet.storage.database import open_database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "meetings.sqlite3"
    db = open_database(path)
    with db.transaction() as s:
        from alignmeet.storage import models as m

        s.add(m.Team(name="Partners", position=7))
    db.dispose()
    return path


def names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM team ORDER BY id")]
    finally:
        con.close()


def test_check_passes_a_sound_file(capsys, db_file: Path) -> None:
    code, out, _ = run(capsys, "check", "--db", str(db_file))
    assert code == 0 and "ok" in out


def test_backup_then_check_finds_damage_and_restore_latest_brings_the_data_back(
    capsys, db_file: Path
) -> None:
    code, out, _ = run(capsys, "backup", "--db", str(db_file))
    assert code == 0 and "backups" in out
    expected = names(db_file)
    data = bytearray(db_file.read_bytes())
    data[4096 : 4096 * 2] = b"\xa5" * 4096
    db_file.write_bytes(bytes(data))

    code, _, err = run(capsys, "check", "--db", str(db_file))
    assert code == 1
    assert str(db_file) in err and "restore" in err and len(err.strip().splitlines()) == 1

    code, out, err = run(capsys, "restore", "--db", str(db_file))
    assert code == 0, err
    assert "damaged" in out  # the damaged file is kept aside, and the message says where
    assert names(db_file) == expected
    assert list(db_file.parent.glob("meetings.sqlite3.damaged-*"))

    code, out, _ = run(capsys, "backups", "--db", str(db_file))
    assert code == 0 and "manual" in out


def test_restore_without_any_backup_is_a_clear_error(capsys, db_file: Path) -> None:
    before = db_file.read_bytes()
    code, _, err = run(capsys, "restore", "--db", str(db_file))
    assert code == 1 and "no good backup" in err
    assert db_file.read_bytes() == before


def test_restore_from_a_file_that_is_not_a_database_changes_nothing(
    capsys, db_file: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello")
    before = db_file.read_bytes()
    code, _, err = run(capsys, "restore", "--db", str(db_file), "--from", str(junk))
    assert code == 1 and "junk.sqlite3" in err
    assert db_file.read_bytes() == before


def test_a_server_url_is_told_to_use_its_own_backups(capsys) -> None:
    code, _, err = run(capsys, "backup", "--db", "postgresql+psycopg://u@localhost/x")
    assert code == 1 and "pg_dump" in err


def test_check_remembers_a_sound_file_so_the_app_need_not_check_it_again_today(
    capsys, tmp_path
) -> None:
    from alignmeet.services import open_services
    from alignmeet.storage.integrity import remembered_check

    db = tmp_path / "meetings.sqlite3"
    open_services(str(db)).close()
    assert remembered_check(db) is None
    assert main(["check", "--db", str(db)]) == 0
    assert remembered_check(db) is not None
