"""Types into a running meeting's notes until killed: `python typist.py DB MEETING_ID`.

Prints "<characters typed> <monotonic time>" after every keystroke, so the test that
kills it knows what was typed when (CLOCK_MONOTONIC is shared by processes on Linux).
The text is a known sequence (TEXT), so what reached the database can be measured.
"""

from __future__ import annotations

import sys
import time

TEXT = "".join(f"{n % 10}" for n in range(100_000))


def main() -> None:
    db, meeting_id = sys.argv[1], int(sys.argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from alignmeet.domain.enums import Phase
    from alignmeet.services import open_services
    from ui.controller import Controller
    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    services = open_services(db)
    controller = Controller(services)
    window = MainWindow(controller)
    window.show()
    controller.select_meeting(meeting_id)
    window.show_page("run")
    window.run_view.go_to(Phase.AGENDA)
    notes = window.run_view.agenda_phase.notes_edit
    notes.setFocus()
    typed = 0

    def key() -> None:
        nonlocal typed
        QTest.keyClicks(notes, TEXT[typed])
        typed += 1
        print(f"{typed} {time.monotonic():.4f}", flush=True)

    timer = QTimer()
    timer.setInterval(30)
    timer.timeout.connect(key)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
