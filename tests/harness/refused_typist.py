"""Types into a meeting's notes while every write is refused ("database or disk is full"),
then waits to be killed: `python refused_typist.py DB MEETING_ID`.

Prints "NOT SAVED <banner text>" once the window says the notes are not saved (by then the
recovery journal holds them), so the test that kills it with -9 knows the moment.
"""

from __future__ import annotations

import sqlite3
import sys

TEXT = "Typed while the disk was full"


def main() -> None:
    db, meeting_id = sys.argv[1], int(sys.argv[2])
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from alignmeet.domain.enums import Phase
    from alignmeet.services import open_services
    from ui.controller import Controller
    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    services = open_services(db)

    def refuse(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")

    window = MainWindow(Controller(services))
    window.show()
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    window.run_view.go_to(Phase.AGENDA)
    event.listen(services.db.engine, "before_cursor_execute", refuse)
    QTest.keyClicks(window.run_view.agenda_phase.notes_edit, TEXT)

    def check() -> None:
        if window.save_banner.isVisible():
            print(f"NOT SAVED {window.save_banner.text()}", flush=True)
            poll.stop()

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(check)
    poll.start()
    app.exec()


if __name__ == "__main__":
    main()
