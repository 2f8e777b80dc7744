"""QUALITY.md "Saved means stored": a write that fails for a storage reason is never
reported as saved; the text stays in its field and in the recovery journal, a banner says
why it is not saved, and the write lands on its own once the server or the disk is back.

The storage fails for real where the machine allows it (a PostgreSQL server of the test's
own, stopped and started; a 2 MB tmpfs filled and freed; a tmpfs remounted read-only), and
otherwise at the driver: SQLite's own "database or disk is full" raised for every write."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from harness.throwaway_postgres import ThrowawayPostgres, started_or_skip
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from alignmeet.domain.enums import Phase
from alignmeet.recovery import RecoveryJournal
from alignmeet.services import Services, open_services
from ui.controller import WRITES, Controller
from ui.main_window import MainWindow
from ui.views.recovery_dialog import RecoveredEditsModel, RecoveryDialog

ROOT = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("ALIGNMEET_SHOTS", "")  # a folder: keep pictures of these screens


# ---- helpers ---------------------------------------------------------------------------------
def _meeting_with_one_item(services: Services) -> tuple[int, int]:
    meeting = services.meetings.create_meeting(
        title="Outage sync", starts_at=datetime(2030, 1, 8, 10, 0), planned_minutes=30
    )
    item = services.agenda.add_item(meeting_id=meeting.id, title="Notes under fire")
    return meeting.id, item.id


def _open_run_page(qtbot: QtBot, services: Services, meeting_id: int) -> MainWindow:
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.show()
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    window.run_view.go_to(Phase.AGENDA)
    return window


def _stored_notes(target: str, item_id: int) -> str:
    """The notes as another client reads them (not this window's engine)."""
    if "://" in target:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(target).set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), connect_timeout=3) as c:
            row = c.execute("SELECT notes FROM agenda_item WHERE id = %s", (item_id,)).fetchone()
    else:
        with sqlite3.connect(target) as c:
            row = c.execute("SELECT notes FROM agenda_item WHERE id = ?", (item_id,)).fetchone()
    assert row is not None
    return str(row[0])


def _shoot(widget: object, name: str) -> None:
    """With ALIGNMEET_SHOTS set, keep a picture of what the user sees (to look at)."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))  # type: ignore[attr-defined]


@contextmanager
def refused_writes(services: Services, message: str = "database or disk is full") -> Iterator[None]:
    """Every INSERT/UPDATE/DELETE of this window's engine fails as SQLite fails it
    (sqlite3.OperationalError, wrapped by SQLAlchemy); reads still work."""

    def refuse(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError(message)

    event.listen(services.db.engine, "before_cursor_execute", refuse)
    try:
        yield
    finally:
        event.remove(services.db.engine, "before_cursor_execute", refuse)


def _answer_boxes(monkeypatch: pytest.MonkeyPatch, answer: str, shot: str = "") -> list[str]:
    """QMessageBox.exec clicks the button labelled `answer` (and keeps the box's text)."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        if shot:
            box.adjustSize()
            _shoot(box, shot)
        button = next(b for b in box.buttons() if b.text() == answer)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[ThrowawayPostgres]:
    """A PostgreSQL server of this module's own, that the tests stop and start."""
    yield from started_or_skip()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs (root and mount needed, else the test skips: the driver-level test
    below covers the same path everywhere)."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as f:
        for size in (1 << 16, 512, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError:
                continue
    return filler


# ---- the server goes away, the disk fills ------------------------------------------------------
def test_postgres_stopped_mid_typing_keeps_the_text_says_why_and_saves_when_back(
    qtbot: QtBot, own_postgres: ThrowawayPostgres
) -> None:
    services = open_services(own_postgres.url)
    meeting_id, item_id = _meeting_with_one_item(services)
    window = _open_run_page(qtbot, services, meeting_id)
    notes = window.run_view.agenda_phase.notes_edit
    banner = window.save_banner
    qtbot.keyClicks(notes, "Pricing agreed.")
    qtbot.waitUntil(lambda: _stored_notes(own_postgres.url, item_id) == "Pricing agreed.")
    assert not banner.isVisible()

    own_postgres.stop()
    try:
        qtbot.keyClicks(notes, " Webinar in May.")
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        assert banner.text().startswith("Not saved — retrying…")
        assert "cannot reach the database server" in banner.text()
        assert "1 unsaved edit." in banner.text()
        assert banner.try_now_button.isVisible()
        assert notes.toPlainText() == "Pricing agreed. Webinar in May."
        _shoot(window, "banner-server-gone")
    finally:
        own_postgres.start()

    # No click, no key: the retry lands it.
    qtbot.waitUntil(
        lambda: _stored_notes(own_postgres.url, item_id) == "Pricing agreed. Webinar in May.",
        timeout=15_000,
    )
    qtbot.waitUntil(lambda: banner.text() == "Saved.", timeout=5000)
    _shoot(window, "banner-saved")
    assert window.controller.unsaved.count == 0
    window.close()
    assert not window.isVisible()
    assert _stored_notes(own_postgres.url, item_id) == "Pricing agreed. Webinar in May."
    assert window.controller.unsaved.journal.pending() == []
    services.close()


def _disk_full_round(qtbot: QtBot, services: Services, db: str, fill, free) -> MainWindow:  # type: ignore[no-untyped-def]
    meeting_id, item_id = _meeting_with_one_item(services)
    window = _open_run_page(qtbot, services, meeting_id)
    notes = window.run_view.agenda_phase.notes_edit
    banner = window.save_banner
    qtbot.keyClicks(notes, "Budget: 40k.")
    qtbot.waitUntil(lambda: _stored_notes(db, item_id) == "Budget: 40k.")

    fill()
    qtbot.keyClicks(notes, " Split 60/40.")
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert banner.text().startswith("Not saved — retrying…")
    assert "The disk is full." in banner.text()
    assert notes.toPlainText() == "Budget: 40k. Split 60/40."
    assert _stored_notes(db, item_id) == "Budget: 40k."
    journal = window.controller.unsaved.journal
    assert [e.text for e in journal.pending()] == ["Budget: 40k. Split 60/40."]
    _shoot(window, "banner-disk-full")

    free()
    qtbot.waitUntil(
        lambda: _stored_notes(db, item_id) == "Budget: 40k. Split 60/40.", timeout=15_000
    )
    qtbot.waitUntil(lambda: banner.text() == "Saved.", timeout=5000)
    assert notes.toPlainText() == "Budget: 40k. Split 60/40."
    window.close()
    assert _stored_notes(db, item_id) == "Budget: 40k. Split 60/40."
    assert journal.pending() == []
    assert journal.path.read_bytes() == b""  # compacted once everything landed
    return window


def test_a_full_disk_mid_typing_keeps_the_text_and_saves_it_once_space_is_freed(
    qtbot: QtBot, small_disk: Path
) -> None:
    db = small_disk / "meetings.sqlite3"
    services = open_services(str(db))
    filler: list[Path] = []
    try:
        _disk_full_round(
            qtbot,
            services,
            str(db),
            lambda: filler.append(_fill(small_disk)),
            lambda: filler[0].unlink(),
        )
    finally:
        services.close()


def test_a_full_disk_reported_by_sqlite_keeps_the_text_and_saves_it_later(
    qtbot: QtBot, services: Services
) -> None:
    """The same outcome where no tmpfs can be mounted: SQLite's own error at the driver."""
    refusal = refused_writes(services)
    _disk_full_round(
        qtbot,
        services,
        str(services.db.path),
        refusal.__enter__,
        lambda: refusal.__exit__(None, None, None),
    )


def test_a_read_only_file_is_named_as_such_not_as_another_alignmeet(
    qtbot: QtBot, small_disk: Path
) -> None:
    db = small_disk / "meetings.sqlite3"
    services = open_services(str(db))
    try:
        meeting_id, item_id = _meeting_with_one_item(services)
        window = _open_run_page(qtbot, services, meeting_id)
        services.db.engine.dispose()  # (a file open for writing keeps the disk writable)
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
        qtbot.keyClicks(window.run_view.agenda_phase.notes_edit, "Launch on the 4th.")
        banner = window.save_banner
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        assert "The database file is read-only." in banner.text()
        assert "another AlignMeet" not in banner.text()
        assert "open read-only" not in banner.text()
        _shoot(window, "banner-read-only-file")
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
        qtbot.waitUntil(
            lambda: _stored_notes(str(db), item_id) == "Launch on the 4th.", timeout=15_000
        )
    finally:
        services.close()


# ---- every write, not only the notes -------------------------------------------------------------
def test_a_button_write_that_fails_keeps_its_text_in_the_field_and_claims_nothing(
    qtbot: QtBot, services: Services, meeting_id: int
) -> None:
    window = _open_run_page(qtbot, services, meeting_id)
    agenda = window.run_view.agenda_phase
    item_id = agenda.current_item().id
    with refused_writes(services):
        qtbot.keyClicks(agenda.ideas.line, "Co-host the webinar with a partner")
        qtbot.mouseClick(agenda.ideas.add_button, LEFT)
        assert agenda.ideas.line.text() == "Co-host the webinar with a partner"
        assert agenda.ideas.error.isVisibleTo(agenda)
        assert agenda.ideas.error.text().startswith("Not saved: The disk is full.")
        assert "still here" in agenda.ideas.error.text()
        qtbot.keyClicks(agenda.decisions.line, "Webinar on 12 May")
        qtbot.mouseClick(agenda.decisions.add_button, LEFT)
        assert agenda.decisions.line.text() == "Webinar on 12 May"
        banner = window.save_banner
        assert banner.isVisible()
        assert banner.text() == (
            "Not saved. The disk is full. What you typed is still in its field; try again later."
        )
        assert banner.dismiss_button.isVisible() and not banner.try_now_button.isVisible()
        assert services.agenda.ideas(item_id) == []
        assert services.agenda.decisions(item_id) == []
        _shoot(window, "banner-button-write-refused")

    # Space again: the same click adds it, and only now is anything called saved.
    qtbot.mouseClick(agenda.ideas.add_button, LEFT)
    assert [i.text for i in services.agenda.ideas(item_id)] == [
        "Co-host the webinar with a partner"
    ]
    assert agenda.ideas.line.text() == ""
    assert window.save_banner.text() == "Saved."

    window.run_view.go_to(Phase.ACTIONS)
    actions = window.run_view.actions_phase
    with refused_writes(services):
        actions.text_edit.setText("Send the partner brief")
        qtbot.mouseClick(actions.add_button, LEFT)
        assert actions.text_edit.text() == "Send the partner brief"
        assert actions.error.text().startswith("Not saved: The disk is full.")
        assert services.actions.actions_for_meeting(meeting_id) == []
        assert window.save_banner.text().startswith("Not saved.")


def test_prepare_fields_that_fail_say_so_at_the_field_and_keep_the_text(
    qtbot: QtBot, services: Services, meeting_id: int
) -> None:
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.show()
    window.controller.select_meeting(meeting_id)
    window.show_page("prepare")
    prepare = window.prepare_view
    with refused_writes(services):
        prepare.topic_edit.setPlainText("Turn webinar leads into pipeline, fast")
        qtbot.waitUntil(window.save_banner.isVisible, timeout=5000)
        assert prepare.errors["topic"].text().startswith("Not saved yet: The disk is full.")
        assert prepare.topic_edit.toPlainText() == "Turn webinar leads into pipeline, fast"
        assert services.meetings.get_meeting(meeting_id).topic == "Turn webinar leads into pipeline"
    qtbot.waitUntil(
        lambda: (
            services.meetings.get_meeting(meeting_id).topic
            == "Turn webinar leads into pipeline, fast"
        ),
        timeout=10_000,
    )


def test_switching_meeting_with_unsaved_notes_keeps_them_and_shows_them_on_return(
    qtbot: QtBot, services: Services
) -> None:
    first, item_id = _meeting_with_one_item(services)
    second, _other = _meeting_with_one_item(services)
    window = _open_run_page(qtbot, services, first)
    notes = window.run_view.agenda_phase.notes_edit
    with refused_writes(services):
        qtbot.keyClicks(notes, "Said before the switch")
        window.controller.select_meeting(second)  # flushes: refused, kept
        assert notes.toPlainText() == ""
        window.controller.select_meeting(first)
        assert notes.toPlainText() == "Said before the switch"
        assert window.controller.unsaved.count == 1
    qtbot.waitUntil(
        lambda: _stored_notes(str(services.db.path), item_id) == "Said before the switch",
        timeout=10_000,
    )


def test_a_field_changed_by_someone_else_meanwhile_goes_to_the_conflict_dialog(
    qtbot: QtBot, services: Services
) -> None:
    meeting_id, item_id = _meeting_with_one_item(services)
    window = _open_run_page(qtbot, services, meeting_id)
    notes = window.run_view.agenda_phase.notes_edit
    asked: list[object] = []
    window.controller.conflict_resolver = lambda conflict, apply: (
        asked.append(conflict),
        apply("mine"),
    )
    qtbot.keyClicks(notes, "Mine")
    qtbot.waitUntil(lambda: _stored_notes(str(services.db.path), item_id) == "Mine")
    with refused_writes(services):
        qtbot.keyClicks(notes, ", typed offline")
        qtbot.waitUntil(window.save_banner.isVisible, timeout=5000)
        other = open_services(str(services.db.path))
        other.agenda.update_item(item_id=item_id, notes="Theirs, meanwhile")
        other.close()
    qtbot.waitUntil(lambda: asked != [], timeout=10_000)
    qtbot.waitUntil(lambda: _stored_notes(str(services.db.path), item_id) == "Mine, typed offline")


# ---- closing with unsaved edits, and the next start ----------------------------------------
def _window_with_notes(qtbot: QtBot, services: Services) -> tuple[MainWindow, int]:
    meeting_id, item_id = _meeting_with_one_item(services)
    return _open_run_page(qtbot, services, meeting_id), item_id


def _type_owed_notes(qtbot: QtBot, window: MainWindow) -> None:
    """Type notes the database refuses (inside `refused_writes`)."""
    qtbot.keyClicks(window.run_view.agenda_phase.notes_edit, "Owed to the database")
    qtbot.waitUntil(lambda: window.controller.unsaved.count == 1, timeout=5000)


def test_closing_with_unsaved_edits_keep_trying_stays_open_and_saves_them(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, item_id = _window_with_notes(qtbot, services)
    with refused_writes(services):
        _type_owed_notes(qtbot, window)
        shown = _answer_boxes(monkeypatch, "Keep trying", shot="close-dialog")
        window.close()
        assert window.isVisible()
        assert "Edits not saved in the database: 1." in shown[0]
        assert "The disk is full." in shown[0]
    qtbot.waitUntil(
        lambda: _stored_notes(str(services.db.path), item_id) == "Owed to the database",
        timeout=10_000,
    )
    shown.clear()
    window.close()
    assert not window.isVisible() and shown == []  # nothing owed: no question


def test_closing_with_unsaved_edits_keep_for_later_keeps_them_for_the_next_start(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, item_id = _window_with_notes(qtbot, services)
    with refused_writes(services):
        _type_owed_notes(qtbot, window)
        _answer_boxes(monkeypatch, "Keep for later")
        window.close()
        assert not window.isVisible()
    assert _stored_notes(str(services.db.path), item_id) == ""
    kept = RecoveryJournal(services.db.label).pending()
    assert [(e.key, e.text) for e in kept] == [
        (("agenda_item", item_id, "notes"), "Owed to the database")
    ]

    # The next start on this database offers them; Restore stores them and shows them.
    again = MainWindow(Controller(services))
    qtbot.addWidget(again)
    again.show()
    monkeypatch.setattr(RecoveryDialog, "exec", _press("restore_button", "recovery-dialog"))
    assert again.offer_recovered_edits() == "restore"
    assert _stored_notes(str(services.db.path), item_id) == "Owed to the database"
    assert RecoveryJournal(services.db.label).pending() == []
    meeting_id = services.agenda.get_item(item_id).meeting_id
    again.controller.select_meeting(meeting_id)
    again.show_page("run")
    again.run_view.go_to(Phase.AGENDA)
    assert again.run_view.agenda_phase.notes_edit.toPlainText() == "Owed to the database"


def test_closing_with_unsaved_edits_discard_drops_them(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, item_id = _window_with_notes(qtbot, services)
    with refused_writes(services):
        _type_owed_notes(qtbot, window)
        _answer_boxes(monkeypatch, "Discard them")
        window.close()
        assert not window.isVisible()
    assert _stored_notes(str(services.db.path), item_id) == ""
    assert RecoveryJournal(services.db.label).pending() == []
    assert MainWindow(Controller(services)).offer_recovered_edits() is None


def test_switching_database_with_unsaved_edits_asks_first(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, _item = _window_with_notes(qtbot, services)
    with refused_writes(services):
        _type_owed_notes(qtbot, window)
        shown = _answer_boxes(monkeypatch, "Keep trying")
        window.open_database(str(tmp_path / "other.sqlite3"))
        assert shown and window.isVisible()
        assert window.open_requested is None  # staying: nothing else opens


def _press(button: str, shot: str = ""):  # type: ignore[no-untyped-def]
    def exec_(dialog: RecoveryDialog) -> int:
        if shot:
            dialog.resize(760, 440)
            _shoot(dialog, shot)
        getattr(dialog, button).click()
        return 0

    return exec_


def test_later_offers_the_edits_again_and_discard_drops_them(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, item_id = _meeting_with_one_item(services)
    RecoveryJournal(services.db.label).record("agenda_item", item_id, "notes", "From last time")
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    monkeypatch.setattr(RecoveryDialog, "exec", _press("later_button"))
    assert window.offer_recovered_edits() == "later"
    assert [e.text for e in RecoveryJournal(services.db.label).pending()] == ["From last time"]
    _answer_boxes(monkeypatch, "&Yes")  # "Discard the kept edits?"
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes.value)
    monkeypatch.setattr(RecoveryDialog, "exec", _press("discard_button"))
    assert window.offer_recovered_edits() == "discard"
    assert RecoveryJournal(services.db.label).pending() == []
    assert services.agenda.get_item(item_id).notes == ""
    assert meeting_id


def test_the_recovery_dialog_says_what_and_where(
    qtbot: QtBot, services: Services, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    meeting_id, item_id = _meeting_with_one_item(services)
    journal = RecoveryJournal(services.db.label)
    journal.record("agenda_item", item_id, "notes", "Line one\nline two")
    journal.record("meeting", meeting_id, "closing_notes", "Thanks <b>all</b>")
    journal.record("agenda_item", 999, "notes", "Of an item deleted since")
    controller = Controller(services)
    dialog = RecoveryDialog(controller, controller.recovered_edits())
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    rows = [
        [
            model.index(r, c).data()
            for c in (RecoveredEditsModel.COL_WHAT, RecoveredEditsModel.COL_WHERE)
        ]
        for r in range(model.rowCount())
    ]
    assert rows[0] == ["Notes on “Notes under fire”", "Outage sync · Tue 8 Jan 2030"]
    assert rows[1] == ["Closing notes", "Outage sync · Tue 8 Jan 2030"]
    assert rows[2] == ["Notes", "(deleted since)"]
    assert model.index(0, RecoveredEditsModel.COL_TEXT).data() == "Line one…"
    assert dialog.full_text.toPlainText() == "Line one\nline two"


def test_kill_9_after_a_failed_save_the_next_start_offers_the_edit_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "crash.sqlite3"
    setup = open_services(str(db))
    meeting_id, item_id = _meeting_with_one_item(setup)
    setup.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "harness" / "refused_typist.py"),
            str(db),
            str(meeting_id),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    try:
        said = proc.stdout.readline().strip()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert said.startswith("NOT SAVED"), said
    assert _stored_notes(str(db), item_id) == ""

    services = open_services(str(db))
    try:
        window = MainWindow(Controller(services))
        qtbot.addWidget(window)
        window.show()
        offered: list[list[str]] = []

        def restore(dialog: RecoveryDialog) -> int:
            offered.append(
                [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
            )
            dialog.restore_button.click()
            return 0

        monkeypatch.setattr(RecoveryDialog, "exec", restore)
        assert window.offer_recovered_edits() == "restore"
        assert offered == [["Notes on “Notes under fire”"]]
        assert _stored_notes(str(db), item_id) == "Typed while the disk was full"
        window.controller.select_meeting(meeting_id)
        window.show_page("run")
        window.run_view.go_to(Phase.AGENDA)
        assert (
            window.run_view.agenda_phase.notes_edit.toPlainText() == "Typed while the disk was full"
        )
    finally:
        services.close()


# ---- the error dialog says only what is true ----------------------------------------------------
@pytest.fixture
def hooked(qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, message_boxes):  # type: ignore[no-untyped-def]
    from ui.app import _install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    meeting_id, item_id = _meeting_with_one_item(services)
    window = _open_run_page(qtbot, services, meeting_id)
    _install_excepthook(window, smoke=False)
    return window, item_id, message_boxes


def _raise_in_hook(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException as caught:
        sys.excepthook(type(caught), caught, caught.__traceback__)


def test_the_error_dialog_says_saved_only_when_it_checked_that(hooked, capsys) -> None:  # type: ignore[no-untyped-def]
    window, item_id, boxes = hooked
    services = window.controller.services
    notes = window.run_view.agenda_phase.notes_edit
    notes.insertPlainText("Typed just before the bug")  # not saved yet (debounced)
    _raise_in_hook(RuntimeError("a bug"))
    assert "Everything typed into text fields so far is saved." in boxes.shown[-1].text
    assert _stored_notes(str(services.db.path), item_id) == "Typed just before the bug"

    with refused_writes(services):
        notes.insertPlainText(", and more")
        window.controller.flush_pending()
        _raise_in_hook(RuntimeError("another bug"))
    text = boxes.shown[-1].text
    assert "is saved" not in text
    assert "Edits not saved yet: 1. AlignMeet keeps trying to save them." in text
    capsys.readouterr()


def test_a_storage_failure_never_reaches_the_error_dialog(hooked, capsys) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    window, _item, boxes = hooked
    _raise_in_hook(OperationalError("SELECT …", {}, sqlite3.OperationalError("disk I/O error")))
    _raise_in_hook(
        OperationalError(
            "INSERT …", {}, sqlite3.OperationalError("attempt to write a readonly database")
        )
    )
    assert boxes.shown == []
    assert window.save_banner.isVisible()
    assert "another AlignMeet" not in window.save_banner.text()
    capsys.readouterr()


# ---- the controller's writes are all covered ----------------------------------------------------
def test_every_controller_write_goes_through_the_storage_guard() -> None:
    """A new write method must be named in WRITES, or its storage failures would escape as
    "Something went wrong" and its text would not be kept."""
    not_writes = {
        "flush_pending",
        "has_pending",
        "register_saver",
        "current_meeting_id",
        "current_meeting",
        "select_meeting",
        "navigate",
        "request_export",
        "export_followups",
        "write_followups",
        "followups_export_request",  # builds the request; the process only reads
        "exported",
        "export_minutes",
        "storage_cause",
        "shown_text",
        "recovered_edits",
        "restore_edits",
        # pushes an undo step for a change already made (Room Link); undo's own replay
        # catches storage failures (see Controller.replay, replay_rows)
        "push_outside_step",
        "replay",
        "replay_rows",
        # tell the views what changed (the one announcement), hear other clients' changes
        "announce",
        "flush_announcements",
        "start_live_changes",
        "stop_live_changes",
        # runs off the GUI thread (the outbox records each send's failure itself);
        # outbox_updated only tells the views afterwards
        "send_outbox_work",
        "outbox_updated",
    }
    public = (
        {
            name
            for cls in (Controller,)
            for name in vars(cls)
            if not name.startswith("_") and callable(getattr(cls, name, None))
        }
        - {"clear_history", "cur", "undo_stack"}
        - set(dir(object))
    )
    signals = {
        name for name in public if type(getattr(Controller, name, None)).__name__ == "Signal"
    }
    assert public - signals - not_writes - WRITES == set()
    assert public >= WRITES
    for cls in (Controller,):
        for name in WRITES:
            if name in vars(cls):
                assert getattr(vars(cls)[name], "guarded", False), f"{cls.__name__}.{name}"


def test_the_app_offers_kept_edits_when_it_starts(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The real start-up (ui.app.main) shows the recovery dialog on a database with kept
    edits; Restore stores them."""
    from PySide6.QtWidgets import QApplication

    import ui.app

    db = tmp_path / "meetings.sqlite3"
    setup = open_services(str(db))
    _meeting_id, item_id = _meeting_with_one_item(setup)
    RecoveryJournal(setup.db.label).record("agenda_item", item_id, "notes", "Kept at the crash")
    setup.close()
    offered: list[int] = []

    def restore(dialog: RecoveryDialog) -> int:
        offered.append(dialog.model.rowCount())
        dialog.restore_button.click()
        return 0

    def run_briefly() -> int:
        deadline = datetime.now().timestamp() + 5
        while not offered and datetime.now().timestamp() < deadline:
            qapp.processEvents()
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.close()
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", restore)
    monkeypatch.setattr(QApplication, "exec", staticmethod(run_briefly))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    style = qapp.styleSheet()
    try:
        assert ui.app.main(["--db", str(db)]) == 0
    finally:
        qapp.setStyleSheet(style)
    assert offered == [1]
    assert _stored_notes(str(db), item_id) == "Kept at the crash"
