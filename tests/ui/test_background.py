"""Long work off the GUI thread, with a progress dialog that can be cancelled (issue 5)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from alignmeet.services import Services
from alignmeet.services.exports import ExportCancelled
from alignmeet.services.followups import ActionFilter
from ui.background import run_in_background


def test_the_window_keeps_ticking_while_the_work_runs(qapp: QApplication) -> None:
    """The work waits until the window's thread has ticked ten times: it can only end with
    42 if the window kept running events while the work ran (whatever the machine's load:
    counting ticks in a fixed half second failed on a busy machine)."""
    ticks: list[float] = []
    ticked = threading.Event()
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        ticks.append(time.monotonic())
        if len(ticks) >= 10:
            ticked.set()

    timer.timeout.connect(tick)
    timer.start()

    def work(cancelled):
        return 42 if ticked.wait(60) else "the window's thread never ticked"

    try:
        assert run_in_background(None, "Working", "Working…", work) == 42
    finally:
        timer.stop()
    assert len(ticks) >= 10  # the GUI thread was free the whole time


def test_cancel_stops_the_work_at_its_next_checkpoint(qapp: QApplication) -> None:
    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                button = widget.findChild(QPushButton)
                assert button is not None and button.text() == "Cancel"
                button.click()  # as the person does
                return
        QTimer.singleShot(20, press_cancel)

    def work(cancelled):
        started = time.monotonic()
        while time.monotonic() - started < 10:
            if cancelled():
                raise ExportCancelled("stopped")
            time.sleep(0.01)
        return "finished"

    QTimer.singleShot(50, press_cancel)
    started = time.monotonic()
    assert run_in_background(None, "Working", "Working…", work) is None
    assert time.monotonic() - started < 5


def test_an_error_in_the_work_is_raised_on_the_gui_thread(qapp: QApplication) -> None:
    def work(cancelled):
        raise ValueError("disk on fire")

    with pytest.raises(ValueError, match="disk on fire"):
        run_in_background(None, "Working", "Working…", work)


@pytest.mark.parametrize("kind", ["followups_docx", "ics", "csv"])
def test_a_cancelled_export_writes_nothing_and_keeps_the_old_file(
    services: Services, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "out.file"
    path.write_bytes(b"the previous export")
    with pytest.raises(ExportCancelled):
        getattr(services.exports, kind)(flt=ActionFilter(), path=path, cancelled=lambda: True)
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out")] == ["out.file"]
