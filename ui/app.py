"""Desktop entry point: `alignmeet [--db PATH|URL] [--smoke-test] [--install-desktop-entry]`."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import threading
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING

from alignmeet import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from alignmeet.services import ReadOnly, Services
    from alignmeet.services.backups import WriteGate
    from ui.instance_lock import InstanceLock
    from ui.main_window import MainWindow


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="alignmeet", description="AlignMeet desktop app")
    parser.add_argument(
        "--db",
        default=os.environ.get("ALIGNMEET_DATABASE_URL"),
        help="database file, or a postgresql+psycopg:// URL (default: the user's data folder)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the database, show the main window, let the event loop go idle, exit",
    )
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add AlignMeet to this Linux desktop's application menu (for this user), then exit",
    )
    parser.add_argument("--version", action="version", version=f"alignmeet {__version__}")
    known, _qt_args = parser.parse_known_args(argv)
    return known


def main(argv: list[str] | None = None) -> int:
    # Start-up makes a few hundred thousand objects and keeps nearly all of them: the
    # cyclic collector would walk them again and again (~200 collections, 7 % of the
    # start). It is off until the window is shown, and back on for the meeting.
    global _collecting
    outermost = _collecting is None
    if outermost:  # a restart (after a restore, File › Open) keeps the first answer
        _collecting = gc.isenabled()
    collecting = bool(_collecting)
    gc.disable()
    try:
        return _start(argv, collecting)
    finally:
        if outermost:
            _collecting = None
        if collecting:
            gc.enable()


_collecting: bool | None = None  # whether the cyclic collector runs, as main found it


def _start(argv: list[str] | None, collecting: bool) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    if args.install_desktop_entry:  # no window, no database
        from alignmeet.desktop_entry import install_and_report

        return install_and_report()
    # Read the whole database file while Qt and SQLAlchemy are imported — unless it was
    # found sound less than a day ago and nothing has written it since. Nothing waits
    # for it; writes to the file do (see alignmeet.storage.integrity).
    check = _IntegrityCheck(_database_file(args.db))

    # The core (SQLAlchemy included) before Qt: once PySide6 is imported it hooks
    # every later import (its __feature__ check), which costs ~90 ms over ~300 modules.
    import alignmeet.services  # noqa: F401  # isort: skip

    app, missing = _application()
    opened = open_window(args, argv, write_gate=check.gate)
    if isinstance(opened, int):
        return opened
    if missing:
        opened.window.statusBar().showMessage(missing)
    _show_window(opened.window, smoke=args.smoke_test, collecting=collecting)
    if args.smoke_test:
        return _smoke_test(app, opened, check, missing)
    return _run(app, opened, check, args, argv)


def _application() -> tuple[QApplication, str]:
    """The QApplication, named, translated and themed; and why the chosen language is not
    shown ("" when it is)."""
    from PySide6.QtWidgets import QApplication

    _skip_pyside_source_scan()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("alignmeet")  # the menu entry's name: its icon on Wayland

    from alignmeet import i18n as core_i18n
    from ui.i18n import catalogue_missing, chosen_language, install_translator

    # before any window: every tr() from here on is translated, and the core's own words
    # (validation messages, minutes, e-mail, dates) follow the same language.
    wanted = chosen_language()
    language = install_translator(app, wanted)
    core_i18n.set_language(language)
    # A language chosen but not shown is said, never silently ignored.
    missing = catalogue_missing(wanted, language)
    if missing:
        print(f"alignmeet: {missing}", file=sys.stderr)

    from ui.theme import apply_theme

    apply_theme(app)
    return app, missing or ""


def _skip_pyside_source_scan() -> None:
    """Once imported, PySide6 reads the source file of every module imported after it,
    looking for the word "PySide6", to know which modules its `__feature__` switches
    (snake_case, true_property) may apply to: about 10 ms for the ~95 modules the first
    window imports. AlignMeet uses no `__feature__`, so a module's own names answer that
    question well enough. If PySide6 changes how it keeps this, nothing is replaced."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return
    feature._mod_uses_pyside = _uses_pyside


def _uses_pyside(module: object) -> bool:
    """Whether `module` has PySide6 (a module of it, or anything defined in it) among its
    names: the answer PySide6's own check gets from the module's source."""
    for value in list(getattr(module, "__dict__", {}).values()):
        try:  # a lazy object may raise anything when asked (this runs inside an import)
            name = getattr(value, "__name__", "") if isinstance(value, ModuleType) else ""
            where = name or str(getattr(value, "__module__", "") or "")
        except Exception:
            continue
        if where.startswith("PySide6"):
            return True
    return False


def _show_window(window: MainWindow, *, smoke: bool, collecting: bool) -> None:
    window.restore_last_view()
    if not window.geometry_restored:
        window.place_on_screen()  # the first start: fitted to the screen, centred
    _install_excepthook(window, smoke=smoke)
    window.show()
    # Everything built so far (Qt wrappers, SQLAlchemy's mappers, compiled SQL)
    # lives until exit: keep it out of the cyclic collector, so collections in
    # the meeting stay short and shutdown does not walk it again.
    gc.freeze()
    if collecting:
        gc.enable()


def _smoke_test(app: QApplication, opened: Opened, check: _IntegrityCheck, missing: str) -> int:
    """`--smoke-test`: the window shown, the event loop idle once, then exit (1 when
    something is wrong, said on stderr)."""
    from PySide6.QtCore import QTimer

    window, failures = opened.window, []

    def finish() -> None:
        if not window.isVisible():
            failures.append("main window is not visible")
        if missing:
            failures.append(missing)
        if check.done() and check.problem:  # never waited for: it may still run
            failures.append(check.problem)
        window.close()
        app.quit()

    QTimer.singleShot(0, finish)
    app.exec()
    opened.services.close()
    if opened.lock is not None:
        if not failures:
            check.remember_if_sound()
        opened.lock.release()
    if failures:
        print("alignmeet: smoke test failed: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


def _run(
    app: QApplication,
    opened: Opened,
    check: _IntegrityCheck,
    args: argparse.Namespace,
    argv: list[str] | None,
) -> int:
    """The meeting: the event loop with the integrity check watched and periodic backups;
    after it, a restart, a restore or another file when the user asked for one."""
    services, window = opened.services, opened.window
    db_file = _database_file(args.db)
    read_only = opened.reason is not None
    restart: list[bool] = []
    if not read_only:
        _offer_at_start(window)
    _watch_integrity(app, opened, check, db_file, restart)
    _back_up_every_ten_minutes(window, services)
    code = app.exec()
    _backup_quietly(services, "on-close")
    services.close()
    if opened.lock is not None:
        if not restart and window.restore_requested is None:
            check.remember_if_sound()  # as closed: the next start compares with this
        opened.lock.release()
    if restart:
        return main(argv)
    if window.restore_requested is not None and db_file is not None:  # File › Backups
        _restore_requested(db_file, window.restore_requested)
        return main(argv)
    if window.open_requested is not None:  # File › Open: the same app on another file
        return main(["--db", window.open_requested])
    return int(code)


def _offer_at_start(window: MainWindow) -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: _welcome_if_new(window))
    # Edits an earlier run could not save (a crash, "keep for later"): offered back.
    QTimer.singleShot(0, window.offer_recovered_edits)
    # Reminders due this week, none sent for six days: offered in a bar (issue 15).
    QTimer.singleShot(500, window.offer_reminders)


def _watch_integrity(
    app: QApplication,
    opened: Opened,
    check: _IntegrityCheck,
    db_file: Path | None,
    restart: list[bool],
) -> None:
    """When the start-up check is done: a damaged file closes the window, offering the
    newest good backup (`restart` then asks for a new start on it)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    services, window = opened.services, opened.window

    def on_check_done() -> None:
        if not check.done():
            return
        poll.stop()
        if check.problem is None and check.gate is not None and opened.reason is None:
            services.trim_change_log()  # the write bootstrap left for after the check
        if check.problem:
            window.hide()
            services.close()
            if db_file is not None and offer_restore(None, db_file, check.problem):
                restart.append(True)
                app.exit(0)
                return
            from ui.widgets import warn

            warn(
                None,
                QCoreApplication.translate("App", "AlignMeet cannot use this database"),
                QCoreApplication.translate(
                    "App",
                    "{problem}\n\nAlignMeet stops here and changes nothing in the file. "
                    "Restore a backup from the backups folder next to it, or open another "
                    "database.",
                ).format(problem=check.problem),
            )
            window.close()
            app.exit(1)

    poll = QTimer(window)
    poll.setInterval(50)
    poll.timeout.connect(on_check_done)
    poll.start()


def _back_up_every_ten_minutes(window: MainWindow, services: Services) -> None:
    """A backup every ten minutes when something changed (the last one at the end)."""
    from PySide6.QtCore import QTimer

    backups = QTimer(window)
    backups.setInterval(BACKUP_EVERY_MS)
    # In a thread: SQLite's backup API releases the GIL, a big file never freezes the window.
    backups.timeout.connect(
        lambda: threading.Thread(
            target=_backup_quietly, args=(services, "periodic"), daemon=True
        ).start()
    )
    backups.start()


def _restore_requested(db_file: Path, backup: Path) -> None:
    """File › Backups › Restore, after the window closed; a failure is said."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from alignmeet.services.backups import BackupError, BackupService
    from ui.widgets import message_box

    try:
        BackupService(db_file).restore(backup)
    except (BackupError, OSError) as exc:
        message_box(
            None,
            QMessageBox.Icon.Critical,
            QApplication.translate("App", "Not restored"),
            str(exc),
        ).exec()


@dataclass
class Opened:
    """The database open and its window built (`reason`: why it is read-only, if so)."""

    services: Services
    window: MainWindow
    lock: InstanceLock | None
    reason: ReadOnly | None


def open_window(
    args: argparse.Namespace, argv: list[str] | None, *, write_gate: WriteGate | None = None
) -> Opened | int:
    """The app's open path: refuse what is not AlignMeet's, take the lock (or learn who
    holds it), find why a file cannot be written, open, and build the window — read-only
    with the true reason in its banner and title when it must be. An int: the exit code
    after a refusal the user has been told about. `write_gate`: writes wait for it (the
    file's check, still running)."""
    from alignmeet.services import (
        Cause,
        DatabaseOpenError,
        ReadOnly,
        check_target,
        open_services,
        short_text,
    )

    db_file = _database_file(args.db)
    lock = None
    try:
        # Another program's file, a newer AlignMeet's or an unreadable one is refused
        # before anything is created beside it (even the lock); a file that cannot be
        # written opens read-only, with the true reason.
        reason = check_target(args.db)
    except DatabaseOpenError as exc:
        return _cannot_open(exc, args, argv, db_file, None, may_restore=True)
    if db_file is not None and reason is None:
        from ui.instance_lock import InstanceLock

        lock = InstanceLock(db_file)
        if not lock.acquire():
            holder = lock.holder()
            if args.smoke_test:
                print(f"alignmeet: {holder}", file=sys.stderr)
                return 1
            if not _ask_read_only(holder):
                return 1
            reason = ReadOnly(Cause.LOCKED, holder, short_text(Cause.LOCKED))
    if reason is not None and args.smoke_test:
        print(f"alignmeet: read-only: {reason.message}", file=sys.stderr)
    try:
        services = open_services(
            args.db,
            quick_check=False,
            read_only=reason or False,
            write_gate=None if reason else write_gate,
        )
    except DatabaseOpenError as exc:
        return _cannot_open(exc, args, argv, db_file, lock, may_restore=reason is None)

    from ui.controller import Controller
    from ui.main_window import MainWindow

    controller = Controller(services)
    window = MainWindow(controller)
    # Other windows' and facilitators' changes reach this one's views (ui.live_changes).
    controller.start_live_changes()
    if reason is not None:
        window.set_read_only(True, reason.message, reason.short)
    if services.db.path is not None:
        from ui.main_window import remember_database

        remember_database(str(services.db.path))
    return Opened(services, window, lock, reason)


BACKUP_EVERY_MS = 10 * 60 * 1000


def _cannot_open(
    exc: Exception,
    args: argparse.Namespace,
    argv: list[str] | None,
    db_file: Path | None,
    lock: object | None,
    *,
    may_restore: bool,
) -> int:
    """The database cannot be opened: offer the newest good backup of a damaged file
    (restoring honours another AlignMeet's lock), else say why. Passwords never shown."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from alignmeet.redact import redact
    from ui.widgets import message_box

    text = redact(exc, args.db)
    if args.smoke_test:
        print(f"alignmeet: {text}", file=sys.stderr)
        return 1
    if db_file is not None and may_restore and offer_restore(None, db_file, text):
        if lock is not None:
            lock.release()  # type: ignore[attr-defined]
        return main(argv)  # the restored file, from the top
    message_box(
        None,
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("App", "AlignMeet cannot open the database"),
        text,
    ).exec()
    return 1


def _welcome_if_new(window: object) -> None:
    """First run on an empty database: offer the sample data or an empty start."""
    from ui.views.welcome_dialog import WelcomeDialog, is_new_database

    controller = window.controller  # type: ignore[attr-defined]
    if is_new_database(controller.services):
        WelcomeDialog(controller, window).exec()  # type: ignore[arg-type]
        window.focus_first_field()  # type: ignore[attr-defined]


def _backup_quietly(services: object, reason: str) -> None:
    """A backup when something changed; a failure is reported on stderr, never fatal."""
    try:
        if services.db.path is not None:  # type: ignore[attr-defined]  # a server backs up itself
            services.backups.make_if_changed(reason)  # type: ignore[attr-defined]
    except Exception as exc:  # a full disk must not end the meeting
        print(f"alignmeet: backup failed: {exc}", file=sys.stderr)


def _ask_read_only(holder: str) -> bool:
    """Another AlignMeet has the file: open it read-only (True) or quit (False)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    return _this_or_quit(
        None,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("App", "The database is already open"),
        QCoreApplication.translate(
            "App",
            "{holder}\n\nTwo copies of AlignMeet writing the same file could overwrite each "
            "other's changes. You can look at it read-only here (nothing can be changed), or "
            "quit and use the other window.",
        ).format(holder=holder),
        QCoreApplication.translate("App", "Open read-only"),
    )


def _this_or_quit(parent: object, icon: object, title: str, text: str, accept: str) -> bool:
    """A message with two buttons, `accept` (the default) and Quit: True for `accept`."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from ui.widgets import message_box

    box = message_box(
        parent,  # type: ignore[arg-type]
        icon,  # type: ignore[arg-type]
        title,
        text,
        QMessageBox.StandardButton.NoButton,
    )
    accepted = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accepted)
    box.exec()
    return box.clickedButton() is accepted


def offer_restore(parent: object, db_file: Path, problem: str) -> bool:
    """A damaged database: offer the newest good backup. True when it was restored.

    The damaged file is renamed aside (never overwritten or deleted) before the backup
    takes its place; see alignmeet.services.backups.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from alignmeet.services.backups import BackupError, BackupService
    from ui.widgets import warn

    backups = BackupService(db_file)
    if backups.check() is None:
        return False  # not damaged (e.g. a newer schema): nothing to restore
    latest = backups.latest_good()
    if latest is None:
        return False
    # The date's format is translated too ("%A %d %B %Y" would name English days).
    taken = latest.taken_at.strftime(QCoreApplication.translate("App", "%A %d %B %Y, %H:%M"))
    if not _this_or_quit(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("App", "AlignMeet cannot use this database"),
        QCoreApplication.translate(
            "App",
            "{problem}\n\nThe newest good backup is from {taken} ({reason}).\n\n"
            "Restore it? The damaged file is kept next to it, renamed, so nothing is lost.",
        ).format(problem=problem, taken=taken, reason=latest.reason),
        QCoreApplication.translate("App", "Restore the backup"),
    ):
        return False
    try:
        kept = backups.restore(latest.path)
    except (BackupError, OSError) as exc:
        warn(
            parent,  # type: ignore[arg-type]
            QCoreApplication.translate("App", "The backup was not restored"),
            str(exc),
        )
        return False
    print(f"alignmeet: restored {db_file} from {latest.path}; kept {kept}", file=sys.stderr)
    return True


def _database_file(target: str | None) -> Path | None:
    """The SQLite file the app will open, or None for a server URL."""
    if target is not None and "://" in target:
        return None
    from alignmeet.paths import default_db_path

    return Path(target).expanduser().resolve() if target else default_db_path()


class _IntegrityCheck:
    """SQLite's quick check of the whole file, in a thread (it releases the GIL) — or
    nothing to do when the file is new, a server's, or was found sound less than a day
    ago and is as AlignMeet left it (alignmeet.storage.integrity). While it runs, its
    `gate` holds writes to the file."""

    def __init__(self, path: Path | None) -> None:
        from alignmeet.services.backups import WriteGate, remembered_check

        self.path = path
        self.problem: str | None = None
        self.checked_at: datetime | None = None
        self.gate: WriteGate | None = None
        self._thread: threading.Thread | None = None
        if path is None or not path.exists():
            return  # a server checks itself; a new file has nothing to check
        self.checked_at = remembered_check(path)
        if self.checked_at is not None:
            return
        self._deciding = threading.Lock()
        self._hurried = False
        self.gate = WriteGate(hurry=self._hurry)
        self._thread = threading.Thread(
            target=self._run, args=(path,), name="alignmeet-check", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path) -> None:
        _yield_to_the_window()
        self._check(path)

    def _hurry(self) -> None:
        """A write waits for the check (the window's thread, as a rule). The check's
        thread runs at the lowest priority: on a machine kept busy beside the meeting it
        would get processor time only when the machine is idle. So a second check starts
        beside it, at the writer's priority, and the write waits for whichever ends first:
        on an idle machine that is the first one, often nearly done, and the write does
        not wait for a whole check again; on a busy one it is the second."""
        with self._deciding:
            if self._hurried or (self.gate is not None and self.gate.is_decided):
                return
            self._hurried = True
        threading.Thread(
            target=self._check, args=(self.path,), name="alignmeet-check-hurried", daemon=True
        ).start()

    def _check(self, path: Path) -> None:
        started = datetime.now()
        try:
            from alignmeet.services.backups import BackupService

            problem = BackupService(path).quick_check()
        except Exception as exc:  # report it like a damaged file, never as a traceback
            problem = f"{path} could not be checked: {exc}"
        with self._deciding:
            assert self.gate is not None
            if self.gate.is_decided:
                return  # the other check ended first (it read the same, unwritten file)
            self.problem = problem
            if problem is None:
                self.checked_at = started
                self.gate.open()
            else:
                self.gate.fail(problem)

    def done(self) -> bool:
        if self.gate is not None and self.gate.is_decided:
            return True  # (by a write that ran the check itself: the thread may still run)
        return self._thread is None or not self._thread.is_alive()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def remember_if_sound(self) -> None:
        """After a clean close: the file, as it is now, is as sound as it was checked."""
        if self.path is None or self.checked_at is None or not self.done() or self.problem:
            return
        from alignmeet.services.backups import remember_sound

        remember_sound(self.path, self.checked_at)


def _yield_to_the_window() -> None:
    """Run the calling thread at the lowest processor priority. The start-up check reads
    the whole file while the window is built: on a busy machine (two cores, a video call
    beside the meeting) it took the window's processor time: start-up 2.1x the floor at
    300,000 actions instead of 1.6x. Linux gives each thread its own nice value; elsewhere
    (where a thread id is no process id) nothing changes."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError):  # not allowed here: normal priority, as before
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


def _install_excepthook(window: object, *, smoke: bool) -> None:
    """No traceback reaches a user: unexpected errors become a dialog (and stderr).

    A storage failure (server gone, disk full, read-only, locked) is no unexpected error:
    the window's save banner names it, and nothing modal claims anything. The dialog for
    a real bug says what is true about unsaved text at that moment."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        print(text, file=sys.stderr)
        if smoke:
            os._exit(1)
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QMessageBox

        controller = getattr(window, "controller", None)
        if controller is not None and _storage_failure(controller, value):
            return  # the banner says what is not saved and why
        box = QMessageBox(window)  # type: ignore[arg-type]
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("App", "Something went wrong"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote user text
        box.setText(
            QCoreApplication.translate(
                "App",
                "AlignMeet hit an unexpected problem; the step you were taking may not have "
                "been done.",
            )
            + " "
            + _unsaved_state(controller)
            + f"\n\n{kind.__name__}: {value}"
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook


def _storage_failure(controller: object, value: BaseException) -> bool:
    """A storage failure that reached the hook (e.g. a read while the server is gone): the
    banner shows it. True when it was one."""
    from alignmeet.recovery import NotSavedError

    if isinstance(value, NotSavedError):
        return True  # the controller has told the banner already
    cause = controller.storage_cause(value)  # type: ignore[attr-defined]
    if cause is None:
        return False
    controller.unsaved.failed(cause, wrote=False)  # type: ignore[attr-defined]
    return True


def _unsaved_state(controller: object) -> str:
    """What is true about typed text right now: saved only if that has just been checked."""
    from PySide6.QtCore import QCoreApplication

    if controller is None:
        return ""
    try:
        controller.flush_pending()  # type: ignore[attr-defined]
        flushed = True
    except Exception:  # the state below still says what is not saved
        flushed = False
    count = controller.unsaved.count  # type: ignore[attr-defined]
    if count:
        return QCoreApplication.translate(
            "App", "Edits not saved yet: {count}. AlignMeet keeps trying to save them."
        ).format(count=count)
    if not flushed or controller.has_pending:  # type: ignore[attr-defined]
        return ""  # not checked: nothing is claimed
    return QCoreApplication.translate("App", "Everything typed into text fields so far is saved.")


if __name__ == "__main__":
    raise SystemExit(main())
