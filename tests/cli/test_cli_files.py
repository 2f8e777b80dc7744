"""alignmeet-cli and the files it is given (issue 11, findings 4, 5, 8).

Another program's file is refused by every command and stays byte-identical; listings
and exports never upgrade (they name `alignmeet-cli upgrade`, which does, with a backup);
restore never replaces a file a running AlignMeet holds; a read-only folder is named as
such, never as damage; `| head` ends quietly.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from harness.read_only import immutable, read_only_folder

from alignmeet.cli import main
from alignmeet.storage import database
from alignmeet.storage.database import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "storage" / "fixtures"
REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


@pytest.fixture
def other_app_db(tmp_path: Path) -> Path:
    """Another program's SQLite file: its own tables, rollback-journal mode."""
    folder = tmp_path / "other"
    folder.mkdir()
    path = folder / "other_app.db"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("CREATE TABLE team (id INTEGER PRIMARY KEY, label TEXT)")  # a name clash
    con.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    con.commit()
    con.close()
    return path


COMMANDS = [
    ["meetings"],
    ["demo"],
    ["upgrade"],
    ["backup"],
    ["check"],
    ["backups"],
    ["restore"],
    ["export", "minutes", "--out", "{out}.docx"],
    ["export", "followups", "--out", "{out}.docx"],
    ["export", "ics", "--out", "{out}.ics"],
    ["export", "csv", "--out", "{out}.csv"],
    ["export", "glossary", "--out", "{out}.docx"],
    ["export", "dashboard", "--out", "{out}.png"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_refuses_a_foreign_file_and_leaves_it_byte_identical(
    capsys, other_app_db: Path, tmp_path: Path, command: list[str]
) -> None:
    before = sha(other_app_db)
    out = tmp_path / "written"
    argv = [part.format(out=out) for part in command]
    code, _stdout, err = run(capsys, *argv[:2], "--db", str(other_app_db), *argv[2:])
    assert code == 1
    assert err.startswith("alignmeet-cli: error: ") and err.count("\n") == 1
    assert "is not an AlignMeet database" in err and "notes" in err
    assert sha(other_app_db) == before
    assert beside(other_app_db) == []  # no -wal, -shm, -journal, backups or lock
    assert not list(tmp_path.glob("written*"))


def test_restore_from_another_programs_file_is_refused(
    capsys, tmp_path: Path, other_app_db: Path
) -> None:
    db = tmp_path / "meetings.sqlite3"
    open_database(db).dispose()
    before = sha(db)
    code, _, err = run(capsys, "restore", "--db", str(db), "--from", str(other_app_db))
    assert code == 1 and "is not an AlignMeet database" in err
    assert sha(db) == before


@pytest.mark.parametrize("revision", ["0001", "0004"])
def test_listing_an_older_file_changes_nothing_and_names_upgrade_which_upgrades_it(
    capsys, tmp_path: Path, revision: str
) -> None:
    db = tmp_path / "alignmeet.sqlite3"
    shutil.copyfile(FIXTURES / f"schema-{revision}.sqlite3", db)
    before = sha(db)

    for argv in (["meetings"], ["export", "csv", "--out", str(tmp_path / "a.csv")]):
        code, out, err = run(capsys, *argv[:2], "--db", str(db), *argv[2:])
        assert code == 1 and out == ""
        assert err.count("\n") == 1
        assert f"schema {revision}" in err
        assert f"alignmeet-cli upgrade --db {db}" in err
        assert sha(db) == before
        assert beside(db) == []

    code, out, err = run(capsys, "upgrade", "--db", str(db))
    assert code == 0, err
    assert f"from schema {revision} to {database.HEAD_REVISION}" in out
    from alignmeet.storage.ownership import APPLICATION_ID, application_id_of

    (backup,) = (db.parent / "backups").glob(f"*before-upgrade-{revision}.sqlite3")
    con = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    con.close()
    assert application_id_of(db) == APPLICATION_ID

    code, out, _ = run(capsys, "upgrade", "--db", str(db))
    assert code == 0 and f"already at schema {database.HEAD_REVISION}" in out
    if revision == "0004":  # the demo's meetings, listed now
        code, out, err = run(capsys, "meetings", "--db", str(db))
        assert code == 0, err
        assert out.strip()


# ---- restore and the app's lock -----------------------------------------------------------
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


@pytest.fixture
def db_with_backup(capsys, tmp_path: Path) -> Path:
    db = tmp_path / "meetings.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["backup", "--db", str(db)]) == 0
    capsys.readouterr()
    return db


def test_restore_refuses_while_an_app_holds_the_lock_and_names_it(
    capsys, db_with_backup: Path
) -> None:
    import socket

    db = db_with_backup
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        wal = db.with_name(db.name + "-wal")
        con = sqlite3.connect(db)  # the running app's connection, with its -wal
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("UPDATE team SET name = name")
        con.commit()
        before = sha(db)
        code, out, err = run(capsys, "restore", "--db", str(db))
        assert code == 1 and out == ""
        assert f"process {holder.pid}" in err and socket.gethostname() in err
        assert "Close AlignMeet there first" in err
        assert sha(db) == before
        assert wal.exists()  # the running app's -wal is left alone
        con.close()
    finally:
        holder.kill()
        holder.wait()


def test_restore_over_a_stale_lock_proceeds(capsys, db_with_backup: Path) -> None:
    db = db_with_backup
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.kill()  # a crash: the lock file stays behind
    holder.wait()
    assert db.with_name(db.name + ".lock").exists()
    code, out, err = run(capsys, "restore", "--db", str(db))
    assert code == 0, err
    assert "Restored" in out
    assert not db.with_name(db.name + ".lock").exists()


# ---- read-only --------------------------------------------------------------------------
def test_backup_in_a_read_only_folder_names_the_folder_never_damage(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "meetings.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    capsys.readouterr()
    with read_only_folder(folder):
        code, _, err = run(capsys, "backup", "--db", str(db))
        check_code, check_out, _ = run(capsys, "check", "--db", str(db))
        list_code, list_out, _ = run(capsys, "meetings", "--db", str(db))
    assert code == 1
    assert "damaged" not in err
    assert f"the folder {folder} is read-only" in err
    assert check_code == 0 and "ok" in check_out  # not damaged
    assert list_code == 0 and list_out.strip()  # listed read-only


@pytest.mark.parametrize("where", ["immutable file", "read-only folder"])
def test_upgrade_of_a_file_that_cannot_be_written_says_why_and_changes_nothing(
    capsys, tmp_path: Path, where: str
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    db = folder / "alignmeet.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0003.sqlite3", db)
    before = sha(db)
    guard = immutable(db) if where == "immutable file" else read_only_folder(folder)
    with guard:
        code, out, err = run(capsys, "upgrade", "--db", str(db))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert ("immutable" if where == "immutable file" else f"folder {folder} is read-only") in err
    assert sha(db) == before
    assert beside(db) == []


# ---- output ---------------------------------------------------------------------------
def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`alignmeet-cli meetings | head`: the reader is gone before the listing is written
    (here its end of the pipe is closed from the start, so it always is)."""
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "alignmeet", "meetings", "--db", str(db)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""  # no traceback, no "Exception ignored"
    assert result.returncode == 141  # 128 + SIGPIPE, as for any program the pipe ended


def test_an_older_schema_on_a_server_never_promises_a_backup_alignmeet_does_not_take(
    capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`upgrade` backs up a SQLite file first; a server it does not back up at all, so the
    listing's hint says to back the server up first instead of "a backup is taken"."""

    def older(*_args: object, **_kwargs: object) -> None:
        raise database.UpgradeNeededError("older", "0006")

    monkeypatch.setattr(database, "open_database", older)
    url = "postgresql+psycopg://facilitator:s3cret@127.0.0.1:5432/alignmeet"
    code, out, err = run(capsys, "meetings", "--db", url)
    assert code == 1 and out == ""
    assert "schema 0006" in err and "pg_dump" in err and "upgrade --db" in err
    assert "a backup is taken" not in err
    assert "s3cret" not in err
