"""Long work off the GUI thread, with a progress dialog that can be cancelled.

`run_in_background(parent, title, label, work)` runs `work(cancelled)` in a QThread while
the window stays responsive (timers keep counting, it repaints) and a modal progress
dialog offers Cancel. `cancelled()` turns True once the person presses it; the work stops
at its next checkpoint by raising `ExportCancelled` (see alignmeet.services.exports), and
this returns None. Any other exception is raised again here, on the GUI thread, so the
caller shows it as usual. Closing the window (the application's loop ends, and this loop
with it) cancels the work the same way: it never runs on unseen, and what the caller then
says (cancelled, or saved when it was done first) is true.

Garbage: the cyclic collector stops every thread while it walks the objects it tracks,
so a full collection the worker's allocations trigger would freeze the window for as
long as it walks the GUI's own objects (929 ms at 300,000 actions, when the page held
them all). Before the work starts, what is alive is moved out of the collector's reach
(`gc.freeze()`, as the app does after start-up): those are the window's long-lived
objects, and a collection during the work walks only what the work made since.

The GIL: the window's every call back into Python (a table's `data()`, a slot, a paint)
has to take the interpreter lock from the worker, which holds it for up to the thread
switch interval each time (5 ms by default): a repaint that calls back hundreds of times
waited tens of milliseconds. While the work runs the interval is 0.5 ms.

Even so, on a loaded machine the worker is often taken off the processor while it holds
the lock, and the window waits until it is back (53 ms during a 300,000-action .ics
export). `run_in_process` runs a module of the core in a process of its own instead,
with the same dialog and Cancel: the window then shares only the processors.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QProcess,
    QProcessEnvironment,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from alignmeet.services.exports import ExportCancelled

T = TypeVar("T")
SHOW_AFTER_MS = 300  # quick work finishes without a dialog flashing up
SWITCH_INTERVAL = 0.0005  # seconds the worker may hold the GIL when the window wants it


class _Worker(QObject):
    """Runs the work and keeps its outcome (read after the thread ended, also when the
    loop waiting for its signal was left early), then says it is done."""

    done = Signal()

    def __init__(self, work: Callable[[], Any], outcome: dict[str, Any]) -> None:
        super().__init__()
        self._work = work
        self._outcome = outcome

    def run(self) -> None:
        try:
            self._outcome["result"] = self._work()
        except BaseException as exc:  # handed to the GUI thread, raised there
            self._outcome["error"] = exc
        self.done.emit()


def _progress_dialog(
    parent: QWidget | None, title: str, label: str, on_cancel: Callable[[], None]
) -> tuple[QProgressDialog, QTimer]:
    """The modal progress dialog, shown by the timer returned if the work is still
    running after SHOW_AFTER_MS; Cancel calls `on_cancel` and says it is cancelling."""
    cancel = QCoreApplication.translate("Background", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(24 * 3600 * 1000)  # we show it ourselves, below
    dialog.hide()
    show_timer = QTimer()
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(dialog.show)  # only if the work is still running then
    show_timer.start(SHOW_AFTER_MS)

    def cancelling() -> None:
        on_cancel()
        dialog.setLabelText(
            QCoreApplication.translate(
                "Background", "Cancelling… (at the next safe point; nothing is half-written)"
            )
        )

    dialog.canceled.connect(cancelling)
    return dialog, show_timer


def run_in_background(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Callable[[], bool]], T],
) -> T | None:
    """`work(cancelled)`'s result, or None when the person cancelled it."""
    stop = threading.Event()
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    dialog, show_timer = _progress_dialog(parent, title, label, stop.set)

    gc.collect(1)  # the young garbage first: only what lives on is frozen
    gc.freeze()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    thread = QThread()
    worker = _Worker(lambda: work(stop.is_set), outcome)
    worker.moveToThread(thread)
    worker.done.connect(loop.quit)  # queued: quits the loop on the GUI thread
    thread.started.connect(worker.run)
    thread.start()
    try:
        loop.exec()
    finally:
        sys.setswitchinterval(interval)
        show_timer.stop()
        # Left before the work was done (the application quits: the window was closed):
        # the work stops at its next checkpoint, instead of running on unseen to its end.
        stop.set()
        thread.quit()
        thread.wait()
        dialog.close()
        dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, ExportCancelled):
        return None
    if error is not None:
        raise error
    return outcome.get("result")  # type: ignore[no-any-return]


class ProcessStopped(RuntimeError):
    """A process of `run_in_process` ended without its reply; the message says so for
    people, what it printed went to stderr."""


def run_in_process(
    parent: QWidget | None,
    title: str,
    label: str,
    module: str,
    request: bytes,
    result: Callable[[dict[str, Any]], T],
) -> T | None:
    """`result(reply)` for the JSON reply `python -m module` prints to `request` (one
    line on its standard input), or None when the person cancelled it (Cancel writes
    "cancel" to it; `result` raises `ExportCancelled` for the reply it then gives)."""
    loop = QEventLoop()
    process = QProcess()
    environment = QProcessEnvironment.systemEnvironment()
    # The core is importable in the child as here, from a checkout or an installation.
    root = str(Path(__file__).resolve().parents[1])
    python_path = environment.value("PYTHONPATH")
    environment.insert("PYTHONPATH", os.pathsep.join(p for p in (root, python_path) if p))
    process.setProcessEnvironment(environment)
    process.setProgram(sys.executable)
    process.setArguments(["-m", module])
    process.finished.connect(loop.quit)
    process.errorOccurred.connect(
        lambda error: loop.quit() if error == QProcess.ProcessError.FailedToStart else None
    )
    dialog, show_timer = _progress_dialog(parent, title, label, lambda: process.write(b"cancel\n"))
    process.start()
    process.write(request)  # stdin stays open: its end would mean "cancel"
    try:
        if process.state() != QProcess.ProcessState.NotRunning:  # else: failed to start
            loop.exec()
    finally:
        show_timer.stop()
        if process.state() != QProcess.ProcessState.NotRunning:  # the loop was left early
            process.write(b"cancel\n")
            if not process.waitForFinished(5000):
                process.kill()
                process.waitForFinished(1000)
        dialog.close()
        dialog.deleteLater()
    lines = bytes(process.readAllStandardOutput().data()).decode("utf-8").splitlines()
    if not lines:  # it crashed, was killed or could not start: its own words go to stderr
        problem = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        print(f"{module}: {process.errorString()}\n{problem[-4000:]}", file=sys.stderr)
        raise ProcessStopped(
            QCoreApplication.translate(
                "Background",
                "The work stopped before it was done ({reason}); it may not have been saved. "
                "Try again.",
            ).format(reason=process.errorString())
        )
    from alignmeet.services.exports import ExportCancelled

    try:
        return result(json.loads(lines[-1]))
    except ExportCancelled:
        return None


def was_cancelled_message(what: str) -> str:
    return QCoreApplication.translate(
        "Background", "{what} cancelled: no file was written."
    ).format(what=what)
