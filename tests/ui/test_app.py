"""The desktop entry point: `alignmeet --smoke-test`, `--db`, and a database it cannot open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    return subprocess.run(
        [sys.executable, "-m", "ui.app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_smoke_test_creates_the_database_shows_the_window_and_exits_zero(tmp_path: Path) -> None:
    db = tmp_path / "new" / "meetings.sqlite3"
    result = _run_app("--smoke-test", "--db", str(db), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert db.is_file()


def test_smoke_test_on_a_file_that_is_not_a_database_fails_with_a_clear_message(
    tmp_path: Path,
) -> None:
    db = tmp_path / "notes.sqlite3"
    db.write_text("shopping list: milk, eggs\n")
    before = db.read_bytes()
    result = _run_app("--smoke-test", "--db", str(db), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "is not a database file" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_smoke_test_on_a_zero_length_file_keeps_it_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    db.touch()
    result = _run_app("--smoke-test", "--db", str(db), tmp_path=tmp_path)
    assert result.returncode == 1
    assert "empty (0 bytes)" in result.stderr
    assert db.stat().st_size == 0


@pytest.mark.slow
def test_a_file_damaged_inside_its_pages_stops_the_app_untouched(tmp_path: Path) -> None:
    from alignmeet.services import open_services

    db = tmp_path / "damaged.sqlite3"
    services = open_services(str(db))
    sales = services.people.list_teams()[0].id
    for i in range(300):
        services.people.add_member(name=f"Member {i:03d}", team_id=sales, role="x" * 200)
    services.close()
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for n in (3, 4, 5):  # b-tree page headers and cell pointers of three pages
        data[n * page : n * page + 64] = bytes(range(7, 71))
    db.write_bytes(bytes(data))
    before = db.read_bytes()

    result = _run_app("--smoke-test", "--db", str(db), tmp_path=tmp_path)

    assert result.returncode == 1
    assert "damaged" in result.stderr or "malformed" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


@pytest.mark.slow
def test_start_up_leaves_exports_migrations_and_the_follow_up_index_unloaded(
    tmp_path: Path,
) -> None:
    """QUALITY.md's start-up bar: the heavy parts load on first use, and the core is
    imported before PySide6 hooks every later import."""
    code = (
        "import sys\n"
        "from ui.app import main\n"
        "assert main(['--smoke-test', '--db', sys.argv[1]]) == 0\n"
        "names = list(sys.modules)\n"
        "late = {'docx', 'jinja2', 'icalendar', 'alembic', 'alignmeet.services.followups',"
        " 'alignmeet.services.exports', 'ui.views.meeting_dialog', 'ui.views.series_dialog'}\n"
        "print('LOADED', sorted(late & set(names)))\n"
        "print('CORE_FIRST', names.index('sqlalchemy.orm') < names.index('PySide6.QtCore'))\n"
        "import ui.app\n"
        "feature = sys.modules['PySide6.support.feature']\n"
        "print('NO_SOURCE_SCAN', feature._mod_uses_pyside is ui.app._uses_pyside)\n"
    )
    db = tmp_path / "first.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    # A database at the current schema, so that no migration runs.
    subprocess.run(
        [sys.executable, "-m", "ui.app", "--smoke-test", "--db", str(db)], env=env, check=True
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
    assert "CORE_FIRST True" in result.stdout
    assert "NO_SOURCE_SCAN True" in result.stdout


# ---- PySide6's look at every later import -----------------------------------------------
def _fresh_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)


def test_modules_imported_after_pyside_are_told_apart_without_reading_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide6 reads each later module's source for the word "PySide6" (~10 ms at
    start-up); the app answers from the module's names instead, with the same answer."""
    import importlib
    import inspect

    import PySide6.QtCore  # noqa: F401  # installs PySide6's import hook

    import ui.app

    feature = sys.modules["PySide6.support.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # restored after
    ui.app._skip_pyside_source_scan()
    read: list[object] = []
    real_getsource = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda o: read.append(o) or real_getsource(o))
    _fresh_module(tmp_path, monkeypatch, "am_uses_qt", "from PySide6.QtCore import QObject\n")
    _fresh_module(tmp_path, monkeypatch, "am_plain", "import json\nVALUE = json.dumps(1)\n")
    import am_plain  # type: ignore[import-not-found]  # noqa: F401
    import am_uses_qt  # type: ignore[import-not-found]  # noqa: F401

    assert read == []
    assert feature.pyside_feature_dict["am_uses_qt"] == 0  # a PySide6 user, as PySide6 says
    assert feature.pyside_feature_dict["am_plain"] == -1  # left out of feature switching
    assert ui.app._uses_pyside(importlib.import_module("ui.main_window")) is True
    assert ui.app._uses_pyside(importlib.import_module("alignmeet.services")) is False


def test_a_module_whose_names_raise_when_asked_is_imported_all_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check runs inside every later import: a lazy object that raises when asked for
    its module (as context-bound proxies do) must not make that import fail."""
    import PySide6.QtCore  # noqa: F401

    import ui.app

    feature = sys.modules["PySide6.support.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # restored after
    ui.app._skip_pyside_source_scan()
    _fresh_module(
        tmp_path,
        monkeypatch,
        "am_lazy",
        "class Lazy:\n"
        "    def __getattribute__(self, name):\n"
        "        raise RuntimeError('working outside of its context')\n"
        "proxy = Lazy()\n",
    )
    import am_lazy  # type: ignore[import-not-found]  # noqa: F401

    assert feature.pyside_feature_dict["am_lazy"] == -1


def test_a_pyside6_without_that_check_starts_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import PySide6.QtCore  # noqa: F401

    import ui.app

    feature = sys.modules["PySide6.support.feature"]
    monkeypatch.delattr(feature, "_mod_uses_pyside")
    ui.app._skip_pyside_source_scan()  # nothing to replace: no error, nothing added
    assert not hasattr(feature, "_mod_uses_pyside")


def _damaged_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    from alignmeet.services import open_services

    db = tmp_path / "meetings.sqlite3"
    services = open_services(str(db))
    sales = services.people.list_teams()[0].id
    for i in range(300):
        services.people.add_member(name=f"Member {i:03d}", team_id=sales, role="x" * 200)
    backup = services.db.backup("periodic")
    services.close()
    assert backup is not None
    data = bytearray(db.read_bytes())
    for n in (3, 4, 5):
        data[n * 4096 : n * 4096 + 64] = bytes(range(7, 71))
    db.write_bytes(bytes(data))
    return db, backup


def test_a_damaged_file_offers_the_newest_good_backup_and_keeps_the_damaged_one(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from alignmeet.storage.backups import check_file
    from ui.app import offer_restore

    db, _backup = _damaged_with_backup(tmp_path)
    damaged = db.read_bytes()
    shown: list[str] = []

    def accept(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[0].click()  # "Restore the backup"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", accept)
    assert offer_restore(None, db, f"{db} is damaged.")
    assert "newest good backup" in shown[0] and "kept" in shown[0]
    assert check_file(db) is None
    aside = list(tmp_path.glob("meetings.sqlite3.damaged-*"))
    main_files = [p for p in aside if not p.name.endswith(("-wal", "-shm"))]
    assert [p.read_bytes() for p in main_files] == [damaged]


def test_declining_the_restore_leaves_the_damaged_file_as_it_was(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.app import offer_restore

    db, _backup = _damaged_with_backup(tmp_path)
    before = db.read_bytes()

    def quit_(box: QMessageBox) -> int:
        box.buttons()[1].click()  # "Quit"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", quit_)
    assert not offer_restore(None, db, f"{db} is damaged.")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.damaged-*"))


def _smoke_with_check(db: Path, tmp_path: Path, check: str) -> subprocess.CompletedProcess[str]:
    """`alignmeet --smoke-test` with SQLite's whole-file check replaced by `check` (Python
    source of a function body taking `path`), in a subprocess."""
    code = (
        "import sys, time\n"
        "import alignmeet.storage.integrity as integrity\n"
        "def quick_check_file(path):\n"
        f"    {check}\n"
        "integrity.quick_check_file = quick_check_file\n"
        "from ui.app import main\n"
        "raise SystemExit(main(['--smoke-test', '--db', sys.argv[1]]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    return subprocess.run(
        [sys.executable, "-c", code, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.mark.slow
def test_the_smoke_test_does_not_wait_for_the_whole_file_check(tmp_path: Path) -> None:
    """However long the check of a big file takes, start-up and the smoke test go on."""
    db = tmp_path / "big.sqlite3"
    assert _run_app("--smoke-test", "--db", str(db), tmp_path=tmp_path).returncode == 0
    result = _smoke_with_check(db, tmp_path, "time.sleep(300)")  # the check never ends
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_a_check_that_passed_is_remembered_until_the_file_changes(tmp_path: Path) -> None:
    db = tmp_path / "meetings.sqlite3"
    assert _run_app("--smoke-test", "--db", str(db), tmp_path=tmp_path).returncode == 0  # new
    assert _run_app("--smoke-test", "--db", str(db), tmp_path=tmp_path).returncode == 0  # checked
    # Found sound and closed cleanly since: not checked again.
    refuse = "raise AssertionError('checked again')"
    assert _smoke_with_check(db, tmp_path, refuse).returncode == 0
    # Written by someone else: checked again, and what it finds is said.
    stat = db.stat()
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    damaged = "return f'{path} is damaged (SQLite quick check: page 7 is never used).'"
    result = _smoke_with_check(db, tmp_path, damaged)
    assert result.returncode == 1
    assert "is damaged (SQLite quick check: page 7" in result.stderr
    assert "Traceback" not in result.stderr


# ---- the start-up check beside the window -----------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own nice is Linux's")
def test_the_start_up_check_reads_the_file_at_the_lowest_priority_and_the_window_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a busy machine the file's check waits for spare processor time instead of taking
    the window's (bench: 2.1x -> 1.6x the floor at 300,000 actions, load 1.6)."""
    import threading

    import ui.app
    from alignmeet.services import open_services
    from alignmeet.services.backups import BackupService

    db = tmp_path / "meetings.sqlite3"
    open_services(str(db)).close()
    seen: list[int] = []

    def quick_check(_self: object) -> None:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    monkeypatch.setattr(BackupService, "quick_check", quick_check)
    ours = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    check = ui.app._IntegrityCheck(db)
    check.wait()
    assert seen == [19]  # the check's thread, at the lowest priority
    assert check.problem is None and check.gate is not None and check.gate.is_open
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == ours  # not the window's


def test_an_edit_as_the_start_up_check_ends_waits_for_that_check_not_a_whole_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an idle machine the low-priority check runs at full speed; an edit that comes as
    it is ending used to run a whole check of its own on the window's thread (about half a
    second at 300,000 actions) and froze the window for it. Now the edit waits for
    whichever check ends first: here the running one, nearly done, while the edit's own
    check is modelled as one that would take a long time."""
    import threading

    import ui.app
    from alignmeet.services import open_services
    from alignmeet.services.backups import BackupService

    db = tmp_path / "meetings.sqlite3"
    services = open_services(str(db))
    team = services.people.list_teams()[0].id
    services.close()
    nearly_done = threading.Event()  # the running check ends once the edit is waiting
    slow = threading.Event()  # the edit's own check: a whole check, longer than the test
    started = threading.Event()

    def quick_check(_self: BackupService) -> str | None:
        if threading.current_thread().name == "alignmeet-check":
            started.set()
            nearly_done.wait()
        else:
            slow.wait()
        return None

    monkeypatch.setattr(BackupService, "quick_check", quick_check)
    check = ui.app._IntegrityCheck(db)
    assert started.wait(10)
    services = open_services(str(db), quick_check=False, write_gate=check.gate)
    outcome: list[str] = []

    def edit() -> None:
        services.people.add_member(name="Ben Okafor", team_id=team)
        outcome.append("saved")

    try:
        writer = threading.Thread(target=edit, daemon=True)
        writer.start()
        writer.join(0.3)
        assert outcome == []  # held: the file is not checked yet
        nearly_done.set()
        writer.join(10)
        assert outcome == ["saved"]  # the running check ended: the edit did not wait on
        assert not slow.is_set()  # ...its own, still running
        assert check.done() and check.problem is None
        assert [m.name for m in services.people.list_members()] == ["Ben Okafor"]
    finally:
        nearly_done.set()
        slow.set()
        services.close()


@pytest.mark.parametrize("damaged", [False, True], ids=["sound", "damaged"])
def test_a21b_an_edit_during_the_start_up_check_does_not_wait_for_an_idle_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: bool
) -> None:
    """The check runs at the lowest priority, and writes wait for it: on a machine kept
    busy beside the meeting (a video call, a build) the first edit froze the window until
    the machine had time to spare for the check — the window waiting on the least
    important thread. Now a write that has to wait runs the check itself, at the window's
    priority (as long as the check takes, as before it ran at the lowest): the edit is
    saved, or refused as before when the file is damaged. The starved check is modelled
    as one that gets no processor time at all while the test runs."""
    import threading

    import ui.app
    from alignmeet.services import open_services
    from alignmeet.services.backups import BackupService
    from alignmeet.storage.integrity import DatabaseDamagedError

    db = tmp_path / "meetings.sqlite3"
    services = open_services(str(db))
    team = services.people.list_teams()[0].id
    services.close()
    real = BackupService.quick_check
    starved = threading.Event()  # never set: the low-priority thread never gets to run
    editing: set[int] = set()  # the thread of the edit (the window's)
    priorities: list[int] = []  # of the check the edit waits for

    def quick_check(self: BackupService) -> str | None:
        if threading.current_thread().name == "alignmeet-check":  # the low-priority one
            starved.wait()
            return None
        if sys.platform.startswith("linux"):
            priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return "meetings.sqlite3 is damaged (test)" if damaged else real(self)

    monkeypatch.setattr(BackupService, "quick_check", quick_check)
    check = ui.app._IntegrityCheck(db)
    services = open_services(str(db), quick_check=False, write_gate=check.gate)
    outcome: list[object] = []
    writer_priority: list[int] = []

    def edit() -> None:  # as the window's thread does, at its (normal) priority
        editing.add(threading.get_ident())
        if sys.platform.startswith("linux"):
            writer_priority.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        try:
            services.people.add_member(name="Ben Okafor", team_id=team)
            outcome.append("saved")
        except DatabaseDamagedError as exc:
            outcome.append(exc)

    try:
        writer = threading.Thread(target=edit, daemon=True)
        writer.start()
        writer.join(30)
        assert priorities == writer_priority  # the second check runs at the writer's priority
        if damaged:
            assert len(outcome) == 1 and isinstance(outcome[0], DatabaseDamagedError)
            assert check.done() and check.problem == "meetings.sqlite3 is damaged (test)"
            assert [m.name for m in services.people.list_members()] == []
        else:
            assert outcome == ["saved"]
            assert [m.name for m in services.people.list_members()] == ["Ben Okafor"]
            assert check.done() and check.problem is None and check.gate.is_open  # type: ignore[union-attr]
    finally:
        starved.set()
        services.close()
