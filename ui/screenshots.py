"""Screenshots of every main screen for the README: `python -m ui.screenshots OUTDIR [--dark]`.

With --dark, every screen again in the dark colour scheme, named `*-dark.png`; with
`--language de`, a sample of them in German, named `*-de.png`.

Builds the demo database in a temporary folder, opens the real main window at
1280×800 (offscreen) and grabs each page and each phase of the meeting still to
run. Regenerate after changing a screen (`make screenshots`) and look at them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alignmeet.domain.enums import Phase

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from alignmeet.services import Services
    from ui.main_window import MainWindow


def _options(argv: list[str] | None) -> tuple[Path, bool, str]:
    """(folder, dark, language) from `[FOLDER] [--dark] [--language CODE]`."""
    args = sys.argv[1:] if argv is None else argv
    dark = "--dark" in args
    args = [a for a in args if a != "--dark"]
    language = "en"
    if "--language" in args:
        at = args.index("--language")
        language = args[at + 1]
        del args[at : at + 2]
    return Path(args[0] if args else "docs/screenshots").resolve(), dark, language


def main(argv: list[str] | None = None) -> int:
    out, dark, language = _options(argv)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = tempfile.mkdtemp(prefix="alignmeet-shots-")
    os.environ["XDG_CONFIG_HOME"] = tmp

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from alignmeet.demo import build_demo
    from alignmeet.services import open_services
    from ui.controller import Controller
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication(["alignmeet-screenshots"])
    QCoreApplication.setOrganizationName("AlignMeetScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    from PySide6.QtCore import Qt

    apply_theme(app, Qt.ColorScheme.Dark if dark else None)  # type: ignore[arg-type]
    from alignmeet import i18n
    from ui.i18n import install_translator

    language = i18n.set_language(install_translator(app, language))

    services = open_services(str(Path(tmp) / "demo.sqlite3"))
    build_demo(services, today=date.today())
    controller = Controller(services)
    window = MainWindow(controller)
    window.resize(1280, 800)
    window.show()

    suffix = ("-dark" if dark else "") + ("" if language == "en" else f"-{language}")

    def shot(name: str, widget: QWidget | None = None) -> None:
        if language != "en" and name not in TRANSLATED_SHOTS:
            return
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}{suffix}.png"
        (widget or window).grab().save(str(path))
        print(path)

    shot("meetings")
    meetings = services.meetings.list_meetings()
    upcoming = meetings[0]  # newest first: the meeting still to run
    _play_first_half(services, upcoming.id)
    controller.select_meeting(upcoming.id)
    window.show_page("prepare")
    shot("prepare")
    window.show_page("run")
    for phase in Phase:
        controller.set_phase(meeting_id=upcoming.id, phase=phase)
        shot(f"run-{phase.number}-{phase.value}")
    # A finished meeting, as it looks after closing.
    closed = next(m for m in meetings if m.status.value == "closed")
    _closed_meeting_shots(app, window, closed.id, shot)
    _accountability_shots(window, services, closed.id, shot)
    window.show_page("people")
    shot("people")
    _toolkit_shots(window, shot)
    _presenter_shots(app, window, upcoming.id, shot)
    if not dark and language == "en":
        _live_shots(app, window, controller, upcoming.id, out / "live")
    _room_panel(window, upcoming.id, shot, room_screens=not dark and language == "en")
    window.close()
    services.close()
    return 0


def _closed_meeting_shots(
    app: QApplication, window: MainWindow, closed_id: int, shot: Callable[..., None]
) -> None:
    """The closed meeting's commitments, then the follow-ups and decisions it left."""
    controller = window.controller
    controller.select_meeting(closed_id)
    window.show_page("run")
    controller.set_phase(meeting_id=closed_id, phase=Phase.COMMITMENTS)
    shot("run-closed-commitments")
    controller.set_phase(meeting_id=closed_id, phase=Phase.CLOSE)
    window.show_page("followups")
    followups = window.page("followups")
    while not followups.is_loaded:  # type: ignore[attr-defined]
        app.processEvents()
    table = followups.table  # type: ignore[attr-defined]
    table.selectRow(1)
    shot("followups")
    followups.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    shot("followups-decisions")
    followups.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]


def _toolkit_shots(window: MainWindow, shot: Callable[..., None]) -> None:
    """The alignment toolkit, tab by tab, and the glossary look-up."""
    from ui.views.toolkit import TABS

    window.show_page("alignment")
    page = window.alignment_page
    for key, *_ in TABS:
        page.show_tab(key)
        shot(f"alignment-{key}")
    lookup = window.show_glossary()
    shot("glossary-lookup", lookup)
    lookup.close()


def _presenter_shots(
    app: QApplication, window: MainWindow, upcoming_id: int, shot: Callable[..., None]
) -> None:
    """Presenter mode on the meeting still to run: the room's view at 1080p."""
    controller = window.controller
    controller.select_meeting(upcoming_id)
    window.show_page("run")
    controller.set_phase(meeting_id=upcoming_id, phase=Phase.AGENDA)
    presenter = window.presenter
    audience = presenter.start()
    audience.resize(1920, 1080)
    for _ in range(3):
        app.processEvents()
    presenter.refresh()
    for _ in range(3):
        app.processEvents()
    shot("presenter-audience", audience)
    controller.set_phase(meeting_id=upcoming_id, phase=Phase.COMMITMENTS)
    for _ in range(3):
        app.processEvents()
    presenter.refresh()
    shot("presenter-commitments", audience)
    presenter.stop()


# The live meeting on both screens, at a laptop's and a desktop's size (issue 12): every
# phase, and every kind of toolkit item, the facilitator's window and the room's.
LIVE_SIZES = ((1280, 800), (1920, 1080))


def _live_shots(app: Any, window: Any, controller: Any, meeting_id: int, out: Path) -> None:
    from alignmeet.domain.enums import ItemKind

    controller.add_item(
        meeting_id=meeting_id,
        title="Data needs: agree our joint Top 10",
        minutes=10,
        kind=ItemKind.DATA_NEEDS,
    )
    window.show_page("run")
    presenter = window.presenter
    audience = presenter.start()

    def settle() -> None:
        for _ in range(4):
            app.processEvents()
        presenter._cached_blocks = None
        presenter.refresh()
        for _ in range(4):
            app.processEvents()

    for width, height in LIVE_SIZES:
        folder = out / f"{width}x{height}"
        folder.mkdir(parents=True, exist_ok=True)
        window.resize(width, height)
        audience.resize(width, height)

        def both(name: str, folder: Path = folder) -> None:
            settle()
            window.grab().save(str(folder / f"{name}.png"))
            audience.grab().save(str(folder / f"{name}-room.png"))
            print(folder / f"{name}.png")

        for phase in Phase:
            controller.set_phase(meeting_id=meeting_id, phase=phase)
            both(f"run-{phase.number}-{phase.value}")
        controller.set_phase(meeting_id=meeting_id, phase=Phase.AGENDA)
        agenda = window.run_view.agenda_phase
        for item in agenda.items():
            if item.kind is not ItemKind.REGULAR:
                agenda.select_item(item.id)
                both(f"run-3-agenda-{item.kind.value}")
            elif item.persona_id is not None:
                agenda.select_item(item.id)
                both("run-3-agenda-persona")
    presenter.stop()
    window.resize(1280, 800)


def _room_panel(window: object, meeting_id: int, shot: object, *, room_screens: bool) -> None:
    """Room Link's panel with the room open on loopback and two phones: one let in, one
    waiting (and, with `room_screens`, the room's screen showing how to join)."""
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.controller.set_phase(meeting_id=meeting_id, phase=Phase.ACTIONS)
    panel = window.show_room_link()
    room = window.room_link.bridge.open(meeting_id, host="127.0.0.1", port=0)  # type: ignore[union-attr]
    present = [p for p in window.controller.services.meetings.participants(meeting_id)][:2]
    agents = (
        "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1",
    )
    for participant, agent in zip(present, agents, strict=False):
        ticket = room.access.ticket_for(room.access.code)
        room.access.join(room.access.code, ticket, member_id=participant.member_id, agent=agent)
    room.access.approve(room.access.devices()[0].id)
    panel.refresh()
    panel.resize(860, 680)
    shot("room-panel", panel)  # type: ignore[operator]
    if room_screens:
        _room_screens(window, meeting_id, shot)
    window.room_link.close()  # type: ignore[union-attr]
    panel.close()


ROOM_SCREEN_SIZES = ((1280, 720), (1920, 1080))  # a projector's, a large screen's


def _room_screens(window: Any, meeting_id: int, shot: Any) -> None:
    """The room's screen while Room Link is open: the Open phase with the QR code beside
    the topic, and "Show how to join" on the whole screen, at both sizes."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window.controller.set_phase(meeting_id=meeting_id, phase=Phase.OPEN)
    presenter = window.presenter
    audience = presenter.start()
    for width, height in ROOM_SCREEN_SIZES:
        audience.resize(width, height)
        for name, join in (("open", False), ("join", True)):
            presenter.set_join_screen(join)
            for _ in range(4):
                app.processEvents()  # type: ignore[union-attr]
            presenter.refresh()
            shot(f"room-screen-{name}-{width}x{height}", audience)
    presenter.stop()


# With --language: a sample of the screens in that language (all of them would double the
# repository's pictures for little more proof).
TRANSLATED_SHOTS = frozenset(
    {"meetings", "prepare", "run-3-agenda", "run-5-commitments", "alignment-goals", "room-panel"}
)


def _play_first_half(services: Services, meeting_id: int) -> None:
    """Half a meeting, so every phase has something on screen: attendance, a few
    reviewed follow-ups, a timed item with notes, ideas and a decision, the first
    action plans and commitments."""
    from alignmeet.domain.enums import ActionStatus, Attendance

    people = services.meetings.participants(meeting_id)
    for i, p in enumerate(people):
        attendance = Attendance.APOLOGIES if i == 2 else Attendance.PRESENT
        services.meetings.set_attendance(
            meeting_id=meeting_id, member_id=p.member_id, attendance=attendance
        )
    services.meetings.set_attendance(
        meeting_id=meeting_id, member_id=people[0].member_id, representative=True
    )
    notes = ("Done — shared in the team channel.", "Half the SDRs trained so far.", "")
    statuses = (ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED)
    for follow_up, status, note in zip(
        services.actions.follow_ups(meeting_id), statuses, notes, strict=False
    ):
        services.actions.set_status(
            action_id=follow_up.action.id, status=status, note=note, meeting_id=meeting_id
        )
    item = services.agenda.items(meeting_id)[0]
    services.agenda.record_time(item_id=item.id, used_seconds=8 * 60 + 40)
    services.meetings.record_elapsed(meeting_id=meeting_id, seconds=14 * 60 + 5)
    services.agenda.update_item(
        item_id=item.id,
        notes="Pipeline from marketing: 61 % of target.\nMQL→SQL conversion up from 18 % to 24 %.",
    )
    present = [p for p in people if p.member_id != people[2].member_id]
    services.agenda.add_idea(
        item_id=item.id,
        text="Show pipeline by campaign, not by channel.",
        author_id=present[1].member_id,
    )
    services.agenda.add_decision(
        item_id=item.id, text="Report speed to lead weekly in the joint channel."
    )
    plans = (
        "Call back every inbound demo request within one hour",
        "Share the top five objections from lost deals with Marketing",
        "Draft the webinar follow-up sequence with Sales' input",
        "Update the ICP one-pager with the latest wins",
    )
    today = date.today()
    for p, title in zip(present, plans, strict=False):
        services.actions.add_action(
            meeting_id=meeting_id,
            owner_id=p.member_id,
            title=title,
            due=today + timedelta(days=14),
            today=today,
        )
    for p, confidence in zip(present[:3], (4, 5, 3), strict=False):
        services.meetings.commit(
            meeting_id=meeting_id, member_id=p.member_id, confidence=confidence
        )
    # The first ratings, as they come in at Close (one below 8, with its answer).
    for p, score, answer in zip(
        present, (8, 9, 6), ("", "", "Start with the decisions, then the updates."), strict=False
    ):
        services.accountability.rate(
            meeting_id=meeting_id, member_id=p.member_id, score=score, answer=answer
        )
    services.meetings.set_phase(meeting_id=meeting_id, phase=Phase.AGENDA)


def _accountability_shots(window: object, services: Services, closed_id: int, shot: object) -> None:
    """Follow-ups › Accountability, and the recaps of a closed meeting sent to a server that
    is not there (127.0.0.1 on a closed port): the dialog and the outbox say so honestly."""
    import socket

    from alignmeet.services.recaps import MailSettings, Security
    from ui.views.accountability.mail_run_dialog import MailRunDialog
    from ui.views.accountability.outbox_dialog import OutboxDialog

    followups = window.page("followups")  # type: ignore[attr-defined]
    followups.tabs.setCurrentWidget(followups.accountability_view)
    shot("followups-accountability")  # type: ignore[operator]
    followups.tabs.setCurrentIndex(0)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    services.recaps.save_mail_settings(
        MailSettings(
            host="127.0.0.1",
            port=port,
            security=Security.NONE,
            sender="amara.nwosu@example.com",
            sender_name="Amara Nwosu",
            timeout=2,
        )
    )
    services.recaps.queue_recaps(closed_id)
    services.recaps.send_outbox()
    dialog = MailRunDialog(window.controller, closed_id, window)  # type: ignore[attr-defined]
    dialog.resize(1000, 560)
    dialog.show()
    shot("recaps", dialog)  # type: ignore[operator]
    dialog.close()
    outbox = OutboxDialog(window.controller, window)  # type: ignore[attr-defined]
    outbox.resize(1180, 520)
    outbox.show()
    shot("outbox", outbox)  # type: ignore[operator]
    outbox.close()


if __name__ == "__main__":
    raise SystemExit(main())
