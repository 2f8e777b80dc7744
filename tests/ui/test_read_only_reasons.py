"""The app opens a database it cannot write read-only, with the true reason (issue 11,
finding 8), refuses another program's file untouched (finding 4), and never shows a
password (finding 9).

Each test goes through the app's own open path (`ui.app.open_window`, what `alignmeet
--db …` runs) and reads what a person sees: the banner in the status bar and the window
title. Causes are real where root can be stopped (immutable file, read-only folder,
read-only mount, a live AlignMeet holding the lock); a read-only file by permissions is
real for other users and the errno case for root.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from harness.read_only import IS_ROOT, immutable, read_only_folder, tmpfs
from PySide6.QtWidgets import QLabel

import ui.app as app_module
from alignmeet.services import open_services

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "Pl41n-S3cret-Hunter2"


def make_db(path: Path) -> Path:
    services = open_services(str(path))
    services.people.add_member(name="Ana López", team_id=services.people.list_teams()[0].id)
    services.close()
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_app(qtbot, db: str) -> app_module.Opened:
    opened = app_module.open_window(app_module._parse(["--db", db]), None)
    assert isinstance(opened, app_module.Opened), f"refused with exit code {opened}"
    qtbot.addWidget(opened.window)
    return opened


def close(opened: app_module.Opened) -> None:
    opened.window.close()
    opened.services.close()
    if opened.lock is not None:
        opened.lock.release()


def banner(opened: app_module.Opened) -> str:
    notice = opened.window.statusBar().findChild(QLabel, "ReadOnlyNotice")
    assert notice is not None, "no read-only banner"
    return notice.text()


def assert_read_only_because(opened: app_module.Opened, short: str, *words: str) -> None:
    assert opened.services.db.read_only
    text = banner(opened)
    assert text.startswith("Read-only: ")
    assert "another AlignMeet" not in text
    for word in words:
        assert word in text
    assert f"(read-only: {short})" in opened.window.windowTitle()
    # Reading works: the member is listed.
    assert [m.name for m in opened.services.people.list_members()] == ["Ana López"]


def test_an_immutable_file_opens_read_only_saying_immutable(qtbot, tmp_path: Path) -> None:
    db = make_db(tmp_path / "meetings.sqlite3")
    with immutable(db):
        before = sha(db)
        opened = open_app(qtbot, str(db))
        try:
            assert_read_only_because(opened, "immutable file", "immutable", str(db))
            opened.window.resize(1100, 700)
            opened.window.show()
            qtbot.wait(50)
            opened.window.grab().save(str(tmp_path / "immutable.png"))
        finally:
            close(opened)
        assert sha(db) == before


def test_a_read_only_folder_opens_read_only_naming_the_folder(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = make_db(folder / "meetings.sqlite3")
    with read_only_folder(folder):
        opened = open_app(qtbot, str(db))
        try:
            assert_read_only_because(opened, "read-only folder", f"The folder {folder}", "-wal")
            assert opened.lock is None  # no lock file could be made there: none was tried
        finally:
            close(opened)


def test_a_read_only_file_system_opens_read_only_saying_so(qtbot, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt") as mount:
        db = make_db(mount.where / "meetings.sqlite3")
        mount.read_only()
        opened = open_app(qtbot, str(db))
        try:
            assert_read_only_because(opened, "read-only file system", "read-only file system")
        finally:
            close(opened)


@pytest.mark.skipif(IS_ROOT, reason="permission bits do not stop root (the errno case below)")
def test_a_read_only_file_opens_read_only_saying_so(qtbot, tmp_path: Path) -> None:
    db = make_db(tmp_path / "meetings.sqlite3")
    db.chmod(0o444)
    try:
        opened = open_app(qtbot, str(db))
        try:
            assert_read_only_because(opened, "read-only file", "read-only file", "permissions")
        finally:
            close(opened)
    finally:
        db.chmod(0o644)


def test_a_file_refusing_writes_with_eacces_opens_read_only_as_a_read_only_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_db(tmp_path / "meetings.sqlite3")
    real_open = os.open

    def no_write(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == db and flags & (os.O_RDWR | os.O_WRONLY):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_write)
    opened = open_app(qtbot, str(db))
    try:
        assert_read_only_because(opened, "read-only file", "read-only file", "permissions")
    finally:
        close(opened)


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


def test_a_file_another_alignmeet_holds_opens_read_only_naming_it(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = make_db(tmp_path / "meetings.sqlite3")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(app_module, "_ask_read_only", lambda _holder: True)
        opened = open_app(qtbot, str(db))
        try:
            assert opened.services.db.read_only
            text = banner(opened)
            assert f"process {holder.pid}" in text and "another AlignMeet" in text
            assert "(read-only: open in another AlignMeet)" in opened.window.windowTitle()
        finally:
            close(opened)
    finally:
        holder.kill()
        holder.wait()


def test_a_save_refused_by_a_read_only_file_names_its_cause_not_another_alignmeet(
    qtbot, tmp_path: Path
) -> None:
    """The first save on an immutable file said "another AlignMeet has it open". Now the
    window opens it read-only saying why, and a write tried anyway is reported as not
    saved, for that reason — never as another AlignMeet's."""
    from alignmeet.recovery import NotSavedError

    db = make_db(tmp_path / "meetings.sqlite3")
    with immutable(db):
        opened = open_app(qtbot, str(db))
        try:
            window = opened.window
            with pytest.raises(NotSavedError):
                window.controller.add_member(name="Ben", team_id=1)
            notice = window.read_only_reason or ""
            banner = window.save_banner.text()
        finally:
            close(opened)
    assert "immutable" in notice and "another AlignMeet" not in notice
    assert "read-only" in banner and "another AlignMeet" not in banner


def test_another_programs_file_is_refused_by_the_app_and_left_byte_identical(
    qtbot, tmp_path: Path, message_boxes
) -> None:
    db = tmp_path / "other_app.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.commit()
    con.close()
    before = sha(db)
    code = app_module.open_window(app_module._parse(["--db", str(db)]), None)
    assert code == 1
    (box,) = message_boxes.shown
    assert "is not an AlignMeet database" in box.text
    assert sha(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other_app.db"]


def test_the_smoke_test_on_an_immutable_file_opens_read_only_and_says_why(tmp_path: Path) -> None:
    db = make_db(tmp_path / "meetings.sqlite3")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    with immutable(db):
        before = sha(db)
        result = subprocess.run(
            [sys.executable, "-m", "ui.app", "--smoke-test", "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            cwd=REPO,
            check=False,
        )
        assert sha(db) == before
    assert result.returncode == 0, result.stderr
    assert "read-only" in result.stderr and "immutable" in result.stderr


# ---- passwords --------------------------------------------------------------------------
def test_the_window_never_shows_the_password(qtbot, postgres_database) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(postgres_database()).set(password=PASSWORD)
    opened = open_app(qtbot, url.render_as_string(hide_password=False))
    try:
        window = opened.window
        assert PASSWORD not in window.windowTitle()
        assert PASSWORD not in opened.services.db.label
        window._fill_recent_menu()
        assert all(PASSWORD not in a.text() for a in window.recent_menu.actions())
    finally:
        close(opened)


def test_a_server_that_is_down_is_reported_without_the_password(
    qtbot, tmp_path: Path, message_boxes
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://alignmeet:{PASSWORD}@127.0.0.1:{port}/x"
    code = app_module.open_window(app_module._parse(["--db", url]), None)
    assert code == 1
    (box,) = message_boxes.shown
    assert PASSWORD not in box.text and PASSWORD not in box.title
    assert "alignmeet:***@127.0.0.1" in box.text


def test_a_missing_driver_is_one_line_in_the_app(
    qtbot, message_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    url = f"postgresql+psycopg://alignmeet:{PASSWORD}@db.example/x"
    code = app_module.open_window(app_module._parse(["--db", url]), None)
    assert code == 1
    (box,) = message_boxes.shown
    assert "pip install 'alignmeet[postgres]'" in box.text
    assert "\n" not in box.text and PASSWORD not in box.text


def test_back_up_now_in_a_read_only_folder_names_the_folder_never_damage(
    qtbot, tmp_path: Path, message_boxes
) -> None:
    from ui.views.backups_dialog import BackupsDialog

    folder = tmp_path / "shared"
    folder.mkdir()
    db = make_db(folder / "meetings.sqlite3")
    with read_only_folder(folder):
        opened = open_app(qtbot, str(db))
        try:
            dialog = BackupsDialog(opened.window.controller, opened.window)
            qtbot.addWidget(dialog)
            assert dialog.back_up_now() is None
        finally:
            close(opened)
    (box,) = message_boxes.shown
    assert box.title == "No backup made"
    assert f"the folder {folder} is read-only" in box.text
    assert "damaged" not in box.text


def test_text_typed_in_a_window_opened_read_only_is_kept_for_later_never_promised_a_retry(
    qtbot, tmp_path: Path
) -> None:
    """A file that is read-only at start opens the window read-only; text typed then can
    never reach the database from this window, even once the file is writable again (the
    connection was opened read-only). The banner said "Not saved — retrying…" with "Try
    now" and the message "AlignMeet keeps trying"; it must say the text is kept for later
    (offered back at the next start), with the file's reason."""
    from alignmeet.recovery import NotSavedError

    db = make_db(tmp_path / "meetings.sqlite3")
    services = open_services(str(db))
    meeting = services.meetings.create_meeting(title="Sync", starts_at=datetime(2026, 12, 8, 10))
    services.close()
    with immutable(db):
        opened = open_app(qtbot, str(db))
        try:
            window = opened.window
            window.resize(1280, 800)
            window.show()
            with pytest.raises(NotSavedError) as caught:
                window.controller.update_meeting(meeting_id=meeting.id, closing_notes="Keep me")
            qtbot.waitUntil(window.save_banner.isVisible, timeout=5000)
            banner_text = window.save_banner.text()
            try_now = window.save_banner.try_now_button.isVisible()
            window.grab().save(str(tmp_path / "typed-read-only.png"))
            kept = window.controller.unsaved.count
            window.controller.unsaved.discard()  # (closing would ask about it)
        finally:
            close(opened)
    assert "keeps trying" not in str(caught.value)
    assert "kept for later" in str(caught.value)
    assert "retrying" not in banner_text and not try_now
    assert "They are kept on this computer for later." in banner_text
    assert kept == 1
