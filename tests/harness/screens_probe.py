"""Runs the real main window on a real X display with two screens and reports, as one
line of JSON, what Qt and the windows did: `python screens_probe.py OUTDIR` with DISPLAY
set (see xscreens.py). Screenshots of the whole display go to OUTDIR.

Used by tests/ui/test_real_screens.py; also handy by hand to look at presenter mode on
two screens.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path


def rect(r) -> list[int]:  # type: ignore[no-untyped-def]
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    tmp = tempfile.mkdtemp(prefix="alignmeet-screens-")
    app = QApplication([sys.argv[0]])
    QCoreApplication.setOrganizationName("AlignMeetScreensProbe")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)

    from alignmeet.demo import build_demo
    from alignmeet.domain.enums import ItemKind, Phase
    from alignmeet.services import open_services
    from ui.controller import Controller
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    apply_theme(app)
    services = open_services(str(Path(tmp) / "demo.sqlite3"))
    upcoming = build_demo(services, today=date.today()).upcoming_meeting_id
    controller = Controller(services)
    report: dict[str, object] = {
        "screens": [[s.name(), *rect(s.geometry())] for s in QGuiApplication.screens()],
        "primary": QGuiApplication.primaryScreen().name(),
    }
    laptop, projector = QGuiApplication.screens()[:2]

    def settle() -> None:
        for _ in range(10):
            app.processEvents()
        QTest.qWait(100)

    window = MainWindow(controller)
    report["restored"] = window.geometry_restored
    # The first start on the large screen, then on the laptop (the app: place_on_screen()).
    window.place_on_screen(projector)
    window.show()
    QTest.qWaitForWindowExposed(window)
    settle()
    report["first_start_on_projector"] = rect(window.frameGeometry())
    window.place_on_screen(laptop)
    settle()
    report["first_start_on_laptop"] = rect(window.frameGeometry())
    report["main_screen"] = window.screen().name()

    controller.select_meeting(upcoming)
    window.show_page("run")
    run = window.run_view
    run.go_to(Phase.AGENDA)
    agenda = run.agenda_phase
    kpi = next(i for i in agenda.items() if i.kind is ItemKind.KPI_REVIEW)
    agenda.select_item(kpi.id)
    window.toggle_presenter()
    presenter = window.presenter
    audience = presenter.window
    assert audience is not None
    QTest.qWaitForWindowExposed(audience)
    settle()
    presenter.refresh()
    settle()
    report["audience_screen"] = audience.screen().name()
    report["audience_geometry"] = rect(audience.geometry())
    report["audience_full_screen"] = audience.isFullScreen()
    report["audience_charts"] = len(audience.chart_views())
    report["audience_body_points"] = round(audience.body_point_size(), 1)

    def grab(name: str) -> None:
        """Each screen as the X server shows it (what a person in the room would see)."""
        for screen in (laptop, projector):
            shot = screen.grabWindow(0)
            shot.save(str(out / f"{name}-{screen.name().lower()}.png"))

    grab("two-screens-kpi")

    # B with the focus in the facilitator's agenda list: the room goes blank, the laptop says so.
    agenda.table.setFocus()
    QTest.keyClick(agenda.table, Qt.Key.Key_B)
    settle()
    report["blanked_after_b"] = audience.blanked
    report["room_label"] = window.room_label.text()
    grab("two-screens-blanked")
    QTest.keyClick(agenda.table, Qt.Key.Key_B)
    settle()
    report["blanked_after_second_b"] = audience.blanked

    # The projector was the wrong screen: swap.
    presenter.swap_screens()
    settle()
    report["swapped_audience_screen"] = audience.screen().name()
    report["swapped_audience_geometry"] = rect(audience.geometry())
    report["swapped_main_screen"] = window.screen().name()

    presenter.stop()
    window.close()
    services.close()
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
