"""alignmeet.recovery: why a write did not reach the database, and the journal that keeps
what was typed until it does (QUALITY.md, "Saved means stored")."""

from __future__ import annotations

import errno
import json
import os
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from alignmeet import recovery
from alignmeet.domain.rules import ValidationError
from alignmeet.recovery import Cause, NotSavedError, RecoveryJournal, mask_password, storage_cause

DB = "/home/ana/AlignMeet/alignmeet.sqlite3"


def journal(tmp_path: Path, database: str = DB) -> RecoveryJournal:
    return RecoveryJournal(database, folder=tmp_path / "recovery")


# ---- the journal ---------------------------------------------------------------------------
def test_a_recorded_edit_is_on_the_disk_before_record_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        real_fsync(fd)

    monkeypatch.setattr(recovery.os, "fsync", fsync)
    j = journal(tmp_path)
    j.record("agenda_item", 7, "notes", "Pricing agreed")
    assert os.stat(j.path).st_ino in synced  # the file's data, not only some other file
    line = json.loads(j.path.read_bytes().splitlines()[-1])
    assert (line["table"], line["row"], line["field"], line["text"]) == (
        "agenda_item",
        7,
        "notes",
        "Pricing agreed",
    )


def test_the_journal_only_ever_grows_while_edits_are_pending(tmp_path: Path) -> None:
    j = journal(tmp_path)
    j.record("agenda_item", 7, "notes", "one")
    before = j.path.read_bytes()
    j.record("agenda_item", 7, "notes", "one two")
    middle = j.path.read_bytes()
    j.record("meeting", 3, "closing_notes", "bye")
    first = j.pending()[0]
    j.settle(j.entries_for(first.key))  # the notes landed, the closing notes did not
    after = j.path.read_bytes()
    assert middle.startswith(before) and after.startswith(middle)


def test_pending_is_the_newest_text_of_each_field_oldest_field_first(tmp_path: Path) -> None:
    j = journal(tmp_path)
    j.record("agenda_item", 7, "notes", "draft")
    j.record("meeting", 3, "closing_notes", "thanks all")
    j.record("agenda_item", 7, "notes", "draft, finished")
    pending = j.pending()
    assert [(e.key, e.text) for e in pending] == [
        (("agenda_item", 7, "notes"), "draft, finished"),
        (("meeting", 3, "closing_notes"), "thanks all"),
    ]
    assert len(j.entries_for(("agenda_item", 7, "notes"))) == 2


def test_settled_edits_are_no_longer_pending_and_the_file_is_emptied_at_the_end(
    tmp_path: Path,
) -> None:
    j = journal(tmp_path)
    j.record("agenda_item", 7, "notes", "a")
    j.record("agenda_item", 7, "notes", "ab")
    j.record("meeting", 3, "topic", "Q3")
    j.settle(j.entries_for(("agenda_item", 7, "notes")))
    assert [e.key for e in j.pending()] == [("meeting", 3, "topic")]
    assert j.path.stat().st_size > 0  # something is still owed: nothing is thrown away
    j.settle_all()
    assert j.pending() == []
    assert j.path.read_bytes() == b""


def test_a_line_torn_by_a_crash_is_ignored_and_cut_off_before_the_next(tmp_path: Path) -> None:
    j = journal(tmp_path)
    j.record("agenda_item", 7, "notes", "kept")
    with open(j.path, "ab") as f:  # kill -9 in the middle of a write
        f.write(b'{"id":"x","db":"' + DB.encode() + b'","table":"agenda_item","row":7,"fie')
    again = journal(tmp_path)
    assert [e.text for e in again.pending()] == ["kept"]
    again.record("meeting", 3, "topic", "after the crash")
    assert [e.text for e in journal(tmp_path).pending()] == ["kept", "after the crash"]
    assert all(json.loads(line) for line in j.path.read_bytes().splitlines())


def test_a_damaged_line_in_the_middle_does_not_hide_the_others(tmp_path: Path) -> None:
    j = journal(tmp_path)
    j.record("agenda_item", 1, "notes", "first")
    with open(j.path, "ab") as f:
        f.write(b"\x00\xff garbage\n")
    j.record("agenda_item", 2, "notes", "second")
    assert [e.text for e in j.pending()] == ["first", "second"]


def test_each_database_has_its_own_edits(tmp_path: Path) -> None:
    a = journal(tmp_path, "/data/a.sqlite3")
    b = journal(tmp_path, "/data/b.sqlite3")
    a.record("agenda_item", 1, "notes", "for a")
    b.record("agenda_item", 1, "notes", "for b")
    assert [e.text for e in a.pending()] == ["for a"]
    assert [e.text for e in b.pending()] == ["for b"]
    a.settle_all()
    assert [e.text for e in b.pending()] == ["for b"]


def test_the_password_of_a_server_url_never_reaches_the_journal(tmp_path: Path) -> None:
    url = "postgresql+psycopg://ana:s3cr3t-pw@db.example:5432/meetings?password=s3cr3t-pw"
    j = journal(tmp_path, url)
    j.record("meeting", 1, "topic", "Q3 plan")
    assert b"s3cr3t-pw" not in j.path.read_bytes()
    assert "s3cr3t-pw" not in j.path.name
    assert j.pending()[0].database == (
        "postgresql+psycopg://ana:***@db.example:5432/meetings?password=***"
    )
    assert journal(tmp_path, url).pending()  # found again under the masked name


def test_a_big_journal_keeps_only_the_newest_text_of_each_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "COMPACT_BYTES", 2000)
    j = journal(tmp_path)
    for n in range(40):
        j.record("agenda_item", 7, "notes", "typed " * n)
    j.record("meeting", 3, "topic", "Q3")
    j.compact()
    assert j.path.stat().st_size < 2000
    assert [(e.key, e.text) for e in j.pending()] == [
        (("agenda_item", 7, "notes"), "typed " * 39),
        (("meeting", 3, "topic"), "Q3"),
    ]
    j.settle(j.entries_for(("agenda_item", 7, "notes")))
    assert [e.text for e in j.pending()] == ["Q3"]


def test_a_journal_in_a_folder_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "recovery"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(OSError):
        RecoveryJournal(DB, folder=blocker).record("agenda_item", 1, "notes", "x")


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(blacklist_categories=())))
def test_any_text_comes_back_exactly_as_typed(tmp_path: Path, text: str) -> None:
    """Including NUL, control characters and lone surrogates (which UTF-8 cannot encode)."""
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        j = RecoveryJournal(DB, folder=Path(folder))
        j.record("agenda_item", 7, "notes", text)
        raw = j.path.read_bytes()
        raw.decode("ascii")  # pure ASCII on the disk
        assert [e.text for e in RecoveryJournal(DB, folder=Path(folder)).pending()] == [text]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(database=st.text(alphabet=st.characters(blacklist_categories=()), min_size=1))
def test_any_database_label_is_kept_apart_and_read_back(tmp_path: Path, database: str) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        j = RecoveryJournal(database, folder=Path(folder))
        j.record("meeting", 1, "topic", "x")
        assert RecoveryJournal(database, folder=Path(folder)).pending()[0].text == "x"


# ---- why a write failed ----------------------------------------------------------------------
def test_mask_password_hides_url_and_query_passwords_only() -> None:
    assert mask_password("postgresql://u:pw@h/db") == "postgresql://u:***@h/db"
    assert mask_password("postgresql://u@h/db?password=pw&x=1") == (
        "postgresql://u@h/db?password=***&x=1"
    )
    assert mask_password("/home/a:b@c/file.sqlite3") == "/home/a:b@c/file.sqlite3"
    assert mask_password("postgresql://u:***@h/db") == "postgresql://u:***@h/db"


def _sqlite_error(tmp_path: Path, sql: str, **connect: object) -> OperationalError:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}", connect_args=connect)
    with pytest.raises(OperationalError) as caught, engine.begin() as con:
        con.execute(text(sql))
    engine.dispose()
    return caught.value


def test_a_locked_sqlite_file_is_locked_by_another_program(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        exc = _sqlite_error(tmp_path, "INSERT INTO t VALUES (1)", timeout=0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert storage_cause(exc, path=path) is Cause.LOCKED


def test_a_database_opened_read_only_says_so_not_that_the_file_is(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    )
    with pytest.raises(OperationalError) as caught, engine.begin() as con:
        con.execute(text("INSERT INTO t VALUES (1)"))
    engine.dispose()
    exc = caught.value
    assert storage_cause(exc) is Cause.READ_ONLY
    assert storage_cause(exc, path=path, opened_read_only=True) is Cause.OPENED_READ_ONLY


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files anyway")
def test_a_read_only_file_is_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    path.chmod(0o444)
    exc = _sqlite_error(tmp_path, "INSERT INTO t VALUES (1)")
    assert storage_cause(exc, path=path, opened_read_only=True) is Cause.READ_ONLY_FILE


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs holding a database, then remounted read-only (needs root and mount)."""
    folder = tmp_path / "mnt"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        con = sqlite3.connect(folder / "x.sqlite3")
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_file_on_a_read_only_disk_is_a_read_only_file(read_only_mount: Path) -> None:
    path = read_only_mount / "x.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with pytest.raises(OperationalError) as caught, engine.begin() as con:
        con.execute(text("INSERT INTO t VALUES (1)"))
    engine.dispose()
    assert storage_cause(caught.value, path=path, opened_read_only=True) is Cause.READ_ONLY_FILE


def test_a_wal_file_that_cannot_be_opened_on_a_read_only_disk_is_not_an_io_error(
    read_only_mount: Path,
) -> None:
    """SQLite says "unable to open database file" when WAL needs a file the disk refuses."""
    path = read_only_mount / "x.sqlite3"
    subprocess.run(["mount", "-o", "remount,rw", str(read_only_mount)], check=True)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    con.close()
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    with pytest.raises(sqlite3.Error) as caught:
        sqlite3.connect(path).execute("INSERT INTO t VALUES (2)")
    assert storage_cause(caught.value) in (Cause.IO_ERROR, Cause.READ_ONLY)
    assert storage_cause(caught.value, path=path) is Cause.READ_ONLY_FILE


def test_sqlites_own_words_for_full_disks_and_io_errors() -> None:
    for message, cause in (
        ("database or disk is full", Cause.DISK_FULL),
        ("disk I/O error", Cause.IO_ERROR),
        ("attempt to write a readonly database", Cause.READ_ONLY),
        ("database is locked", Cause.LOCKED),
    ):
        wrapped = OperationalError("INSERT …", {}, sqlite3.OperationalError(message))
        assert storage_cause(wrapped) is cause, message


def test_sqlites_result_code_wins_over_its_words() -> None:
    error = sqlite3.OperationalError("something worded differently")
    error.sqlite_errorcode = 13  # type: ignore[attr-defined]  # SQLITE_FULL
    assert storage_cause(error) is Cause.DISK_FULL
    error.sqlite_errorcode = 10 | (3 << 8)  # type: ignore[attr-defined]  # SQLITE_IOERR_WRITE
    assert storage_cause(error) is Cause.IO_ERROR


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_postgresql_server_that_is_not_there_cannot_be_reached() -> None:
    pytest.importorskip("psycopg")
    engine = create_engine(
        f"postgresql+psycopg://alignmeet@127.0.0.1:{_closed_port()}/x",
        connect_args={"connect_timeout": 2},
    )
    with pytest.raises(OperationalError) as caught:
        engine.connect()
    engine.dispose()
    assert storage_cause(caught.value) is Cause.SERVER


def test_a_postgresql_server_that_never_answers_cannot_be_reached() -> None:
    """A host that takes the connection and then says nothing (hung, or half gone)."""
    pytest.importorskip("psycopg")
    from alignmeet.storage.database import _server_timeouts

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    url = f"postgresql+psycopg://alignmeet@127.0.0.1:{listener.getsockname()[1]}/x"
    timeouts = _server_timeouts(url)
    assert timeouts["connect_timeout"] > 0  # libpq would otherwise wait for ever
    engine = create_engine(url, connect_args={**timeouts, "connect_timeout": 2})
    try:
        with pytest.raises(OperationalError) as caught:
            engine.connect()
    finally:
        engine.dispose()
        listener.close()
    assert storage_cause(caught.value) is Cause.SERVER


def test_a_timeout_in_the_url_wins_over_the_default() -> None:
    from alignmeet.storage.database import _server_timeouts

    assert (
        _server_timeouts("postgresql+psycopg://u@h/db?connect_timeout=30").get("connect_timeout")
        is None
    )
    assert _server_timeouts("sqlite:///x.sqlite3") == {}


def test_postgresql_states_name_their_cause() -> None:
    errors = pytest.importorskip("psycopg.errors")
    assert storage_cause(errors.lookup("53100")("disk full")) is Cause.DISK_FULL
    assert storage_cause(errors.lookup("57P01")("terminating")) is Cause.SERVER
    assert storage_cause(errors.lookup("08006")("connection failure")) is Cause.SERVER
    assert storage_cause(errors.lookup("55P03")("lock not available")) is Cause.LOCKED
    assert storage_cause(errors.lookup("25006")("read-only transaction")) is Cause.READ_ONLY
    assert storage_cause(errors.lookup("23505")("duplicate key")) is None
    assert storage_cause(errors.lookup("22P02")("invalid text")) is None


def test_operating_system_errors_by_number() -> None:
    assert storage_cause(OSError(errno.ENOSPC, "No space left")) is Cause.DISK_FULL
    assert storage_cause(OSError(errno.EROFS, "Read-only file system")) is Cause.READ_ONLY
    assert storage_cause(OSError(errno.EIO, "I/O error")) is Cause.IO_ERROR
    assert storage_cause(ConnectionRefusedError(errno.ECONNREFUSED, "refused")) is Cause.SERVER
    assert storage_cause(FileNotFoundError(errno.ENOENT, "gone")) is None


def test_other_errors_are_not_storage_failures() -> None:
    assert storage_cause(ValueError("bad")) is None
    assert storage_cause(ValidationError("title", "A title is needed.")) is None
    assert storage_cause(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    assert storage_cause(KeyError("x")) is None
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left")
    assert storage_cause(wrapped) is Cause.DISK_FULL
    assert storage_cause(NotSavedError(Cause.LOCKED, "Not saved")) is Cause.LOCKED


def test_a_not_saved_error_is_shown_like_a_refused_input() -> None:
    """Forms show ValidationError at the field and keep the text: NotSavedError too."""
    error = NotSavedError(Cause.DISK_FULL, "Not saved: the disk is full.", field="title")
    assert isinstance(error, ValidationError)
    assert (error.field, error.message) == ("title", "Not saved: the disk is full.")


def test_an_edit_knows_its_field() -> None:
    edit = recovery.UnsavedEdit(
        entry="e", database=DB, table="meeting", row=3, field="topic", text="x", at=datetime.now()
    )
    assert edit.key == ("meeting", 3, "topic")
