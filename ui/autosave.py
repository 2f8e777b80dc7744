"""Debounced saving: every edit reaches the database shortly after typing stops, and
never later than MAX_WAIT_MS after it was typed (someone typing without a pause for a
minute still has at most 1.5 s at risk: QUALITY.md, "Data safety").

When the database does not take an edit (server gone, disk full, read-only, locked:
alignmeet.recovery.storage_cause), `UnsavedEdits` keeps it — on screen, in the recovery
journal on the disk, and in a queue it retries with backoff on the GUI thread's timers until
the edit lands. "Saved" is said only once the write has committed (QUALITY.md, "Saved means
stored").
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from alignmeet.domain.rules import ValidationError
from alignmeet.recovery import Cause, NotSavedError, RecoveryJournal, UnsavedEdit
from alignmeet.services import NotFoundError
from alignmeet.services.base import ConflictError

AUTOSAVE_DELAY_MS = 800
MAX_WAIT_MS = 1500
# Waits between tries of unsaved edits: 1 s, 2 s, 4 s … then every 30 s.
RETRY_DELAYS_MS = (1000, 2000, 4000, 8000, 16000, 30000)
# How long "Saved." stays up once everything owed has landed.
SAVED_SHOWN_MS = 4000

Key = tuple[str, int, str]  # (table, row id, field): one field of one record

# Why a write did not reach the database, in the user's words: one sentence per cause.
CAUSES = {
    Cause.SERVER: QT_TRANSLATE_NOOP("UnsavedEdits", "AlignMeet cannot reach the database server."),
    Cause.DISK_FULL: QT_TRANSLATE_NOOP("UnsavedEdits", "The disk is full."),
    Cause.READ_ONLY: QT_TRANSLATE_NOOP("UnsavedEdits", "The database accepts no changes."),
    Cause.READ_ONLY_FILE: QT_TRANSLATE_NOOP("UnsavedEdits", "The database file is read-only."),
    Cause.READ_ONLY_FOLDER: QT_TRANSLATE_NOOP(
        "UnsavedEdits", "The folder of the database file is read-only."
    ),
    Cause.OPENED_READ_ONLY: QT_TRANSLATE_NOOP(
        "UnsavedEdits", "This window has the database open read-only."
    ),
    Cause.LOCKED: QT_TRANSLATE_NOOP("UnsavedEdits", "The database is locked by another program."),
    Cause.IO_ERROR: QT_TRANSLATE_NOOP(
        "UnsavedEdits", "The disk reported an error reading or writing the database."
    ),
}


def cause_text(cause: Cause) -> str:
    """The sentence that names `cause` for the user."""
    return QCoreApplication.translate("UnsavedEdits", CAUSES[cause])


class DebouncedSaver(QObject):
    """Calls `save()` once, `delay_ms` after the last `touch()` but at most `max_wait_ms`
    after the first unsaved one; `flush()` saves now.

    Views create one per edited text and call `touch()` from `textChanged`.
    The controller keeps every saver so closing the window (or switching
    meeting) flushes what is pending: no save button to forget.
    """

    def __init__(
        self,
        save: Callable[[], None],
        parent: QObject | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._run)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max(max_wait_ms, delay_ms))
        self._deadline.timeout.connect(self._run)
        self._suspended = 0

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def touch(self) -> None:
        if not self._suspended:
            self._timer.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._run()

    def cancel(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def suspend(self) -> _Suspension:
        """`with saver.suspend():` while loading text into a widget programmatically."""
        return _Suspension(self)

    def _run(self) -> None:
        self._timer.stop()
        self._deadline.stop()
        # NotSavedError: kept by UnsavedEdits (journal, retry, banner); the text stays.
        with contextlib.suppress(NotSavedError):
            self._save()


class _Suspension:
    def __init__(self, saver: DebouncedSaver) -> None:
        self._saver = saver

    def __enter__(self) -> None:
        self._saver._suspended += 1

    def __exit__(self, *exc: object) -> None:
        self._saver._suspended -= 1


@dataclass
class _Owed:
    text: str
    extra: dict[str, Any]
    entries: list[str] = field(default_factory=list)  # its lines in the recovery journal


class UnsavedEdits(QObject):
    """Typed text the database has not taken yet, and why; retried until it lands.

    The controller calls `keep()` when a field saved as you type fails for a storage
    reason, `failed()` when any other write fails so (a button's write: its text stays in
    its field), and `succeeded()` after every write that committed. `write(key, text,
    extra)` stores one owed field through the controller (conflict dialog included).

    state: "idle" (nothing to say), "failing" (something is not saved, or the storage is
    not reachable), "saved" (what was owed has just been stored; back to idle shortly).
    """

    changed = Signal()
    given_up = Signal(str)  # a kept edit that can never land (its record was deleted)

    def __init__(
        self,
        journal: RecoveryJournal,
        write: Callable[[Key, str, dict[str, Any]], object],
        probe: Callable[[], object] | None = None,
        parent: QObject | None = None,
        *,
        read_only: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._read_only = read_only  # this window opened the database read-only
        self._write = write
        self._probe = probe
        self._owed: dict[Key, _Owed] = {}
        self.cause: Cause | None = None
        self.journal_error: str | None = None  # the journal could not be written either
        self.state = "idle"
        self.failures = 0  # how many failures so far (the banner shows again on a new one)
        self.last_failure_was_write = True  # else a read failed: nothing typed was refused
        self._attempt = 0
        self._retrying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.retry)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(SAVED_SHOWN_MS)
        self._saved_timer.timeout.connect(self._on_saved_timer_timeout)

    # ---- what the views and the banner ask -------------------------------------------
    @property
    def count(self) -> int:
        """How many fields hold text that is not stored."""
        return len(self._owed)

    @property
    def failing(self) -> bool:
        return self.state == "failing"

    @property
    def retrying(self) -> bool:
        """True while a retry writes (its own failures are not new edits)."""
        return self._retrying

    def helps(self, cause: Cause) -> bool:
        """Whether trying again can store what `cause` kept out: never in a window that
        opened the database read-only (its connection stays so, whatever the file does)."""
        return cause.retry_helps and not (self._read_only is not None and self._read_only())

    @property
    def retry_helps(self) -> bool:
        """Whether retrying can help with the failure now (False when none)."""
        return self.cause is not None and self.helps(self.cause)

    def text_for(self, key: Key) -> str | None:
        """The unsaved text of one field (show it instead of the stored one), or None."""
        owed = self._owed.get(key)
        return owed.text if owed is not None else None

    def keys(self) -> list[Key]:
        return list(self._owed)

    def next_retry_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    # ---- what the controller reports -------------------------------------------------
    def keep(self, key: Key, text: str, cause: Cause, extra: dict[str, Any] | None = None) -> None:
        """A field's text did not reach the database: journal it, queue it, retry later."""
        extra = dict(extra or {})
        owed = self._owed.get(key)
        if owed is None or owed.text != text or owed.extra != extra:
            entry = self._journal_record(key, text, extra)
            if owed is None:
                owed = self._owed[key] = _Owed(text, extra)
            owed.text, owed.extra = text, extra
            if entry is not None:
                owed.entries.append(entry)
        self._fail(cause)

    def failed(self, cause: Cause, *, wrote: bool = True) -> None:
        """A write (`wrote`) or a read failed for a storage reason; nothing to queue."""
        self._fail(cause, wrote=wrote)

    def succeeded(self) -> None:
        """A write committed: the storage works again."""
        if self._retrying or self.state != "failing":
            return
        if self._owed:
            self._timer.start(0)  # the owed edits now, in order
        else:
            self._settled()

    # ---- retrying ------------------------------------------------------------------------
    def retry(self) -> None:
        """Store every owed field, oldest first; stop at the first storage failure."""
        if self._retrying:
            return
        self._timer.stop()
        if not self._owed:
            self._probe_storage()
            return
        self._retrying = True
        try:
            for key in list(self._owed):
                owed = self._owed[key]
                try:
                    self._write(key, owed.text, owed.extra)
                except NotSavedError as exc:
                    self.cause = exc.cause
                    break
                except ConflictError:
                    break  # the conflict dialog was closed without a choice: ask again later
                except NotFoundError:
                    self._settle(key)
                    self.given_up.emit(
                        self.tr(
                            "An edit could not be saved: what it belonged to was deleted meanwhile."
                        )
                    )
                    continue
                except ValidationError as exc:  # refused as it is: it can never land
                    self._settle(key)
                    self.given_up.emit(
                        self.tr("An edit was not saved: {problem}").format(problem=exc.message)
                    )
                    continue
                except Exception:  # a bug: said by the app's error dialog; tried again later
                    self._retrying = False
                    self._attempt += 1
                    if self.cause is not None:
                        self._fail(self.cause)
                    raise
                self._settle(key)
        finally:
            self._retrying = False
        if self._owed:
            self._attempt += 1
            self._fail(self.cause or Cause.IO_ERROR)
        else:
            self._settled()

    def retry_now(self) -> None:
        """The banner's "Try now"."""
        self.retry()

    def restore(self, edits: list[UnsavedEdit]) -> None:
        """Edits kept by an earlier run (a crash, "keep for later"): owed again, tried now."""
        for edit in edits:
            owed = self._owed.setdefault(edit.key, _Owed(edit.text, dict(edit.extra)))
            owed.text, owed.extra = edit.text, dict(edit.extra)
            try:
                owed.entries.extend(
                    e for e in self.journal.entries_for(edit.key) if e not in owed.entries
                )
            except OSError as exc:
                self.journal_error = str(exc)
        self._attempt = 0
        self.retry()

    def discard(self) -> None:
        """Give up every owed edit (the user chose so)."""
        entries = [e for owed in self._owed.values() for e in owed.entries]
        self._owed.clear()
        try:
            self.journal.settle(entries)
        except OSError as exc:
            self.journal_error = str(exc)
        self._timer.stop()
        self._attempt = 0
        self.cause = None
        self._set_state("idle")

    def stop(self) -> None:
        """No more tries (the window closes; what is owed stays in the journal)."""
        self._timer.stop()
        self._saved_timer.stop()

    # ---- inside -------------------------------------------------------------------
    def _journal_record(self, key: Key, text: str, extra: dict[str, Any]) -> str | None:
        try:
            entry = self.journal.record(*key, text, extra).entry
        except (OSError, ValueError) as exc:  # the recovery file is on a full disk too
            self.journal_error = str(exc)
            return None
        self.journal_error = None
        return entry

    def _settle(self, key: Key) -> None:
        owed = self._owed.pop(key)
        try:
            self.journal.settle(owed.entries)
        except OSError as exc:  # stored in the database all the same
            self.journal_error = str(exc)

    def _fail(self, cause: Cause, *, wrote: bool = True) -> None:
        self.cause = cause
        self.failures += 1
        self.last_failure_was_write = wrote
        self._saved_timer.stop()
        if not self._timer.isActive() and not self._retrying and self.helps(cause):
            delay = RETRY_DELAYS_MS[min(self._attempt, len(RETRY_DELAYS_MS) - 1)]
            self._timer.start(delay)
        self._set_state("failing", force=True)

    def _probe_storage(self) -> None:
        """Nothing owed, but the server could not be reached: look whether it is back."""
        if self.state != "failing" or self.cause is not Cause.SERVER or self._probe is None:
            return
        try:
            self._probe()
        except NotSavedError as exc:
            self._attempt += 1
            self._fail(exc.cause)
            return
        self._attempt = 0
        self.cause = None
        self._set_state("idle")

    def _settled(self) -> None:
        self._attempt = 0
        self.cause = None
        self._timer.stop()
        try:
            self.journal.compact()
        except OSError as exc:
            self.journal_error = str(exc)
        else:
            self.journal_error = None
        self._set_state("saved")
        self._saved_timer.start()

    def _on_saved_timer_timeout(self) -> None:
        if self.state == "saved":
            self._set_state("idle")

    def _set_state(self, state: str, *, force: bool = False) -> None:
        if state != self.state or force:
            self.state = state
            self.changed.emit()
