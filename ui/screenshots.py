"""Screenshots of every main screen for the README: `python -m ui.screenshots OUTDIR`.

Builds the demo database in a temporary folder, opens the real main window at
1280×800 (offscreen) and grabs each page and each phase of the meeting still to
run. Regenerate after changing a screen (`make screenshots`) and look at them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.mkdtemp(prefix="alignmeet-shots-")
    os.environ["XDG_CONFIG_HOME"] = tmp

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from alignmeet.demo import build_demo
    from alignmeet.domain.enums import Phase
    from alignmeet.services import open_services
    from ui.controller import Controller
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication(["alignmeet-screenshots"])
    QCoreApplication.setOrganizationName("AlignMeetScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    apply_theme(app)  # type: ignore[arg-type]

    services = open_services(str(Path(tmp) / "demo.sqlite3"))
    build_demo(services, today=date.today())
    controller = Controller(services)
    window = MainWindow(controller)
    window.resize(1280, 800)
    window.show()

    def shot(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    shot("meetings")
    meetings = services.meetings.list_meetings()
    upcoming = meetings[0]  # newest first: the meeting still to run
    controller.select_meeting(upcoming.id)
    window.show_page("prepare")
    shot("prepare")
    window.show_page("run")
    for phase in Phase:
        controller.set_phase(meeting_id=upcoming.id, phase=phase)
        shot(f"run-{phase.number}-{phase.value}")
    # A finished meeting, as it looks after closing.
    closed = next(m for m in meetings if m.status.value == "closed")
    controller.select_meeting(closed.id)
    window.show_page("run")
    controller.set_phase(meeting_id=closed.id, phase=Phase.COMMITMENTS)
    shot("run-closed-commitments")
    controller.set_phase(meeting_id=closed.id, phase=Phase.CLOSE)
    window.show_page("people")
    shot("people")
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
