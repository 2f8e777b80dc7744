"""Minutes of record in the window: close a meeting, change an action afterwards on the
Follow-ups page, export the minutes — they still say what was true at the close. And the
next meeting's Open phase approves a named revision of the previous minutes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from alignmeet.domain.enums import ActionStatus, Attendance, MeetingStatus, Phase
from alignmeet.services import Services
from alignmeet.storage import models as m
from ui import main_window
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views.phases import close_phase
from ui.views.phases.open_phase import OpenPhase

SHOTS = Path("/tmp")


def docx_rows(path: Path) -> tuple[str, list[list[str]]]:
    doc = Document(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    rows = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    return text, rows


@pytest.fixture
def held(services: Services, people: dict[str, int], meeting_id: int) -> int:
    """The meeting with everyone present and one action for Ava."""
    for member_id in people.values():
        services.meetings.set_attendance(
            meeting_id=meeting_id, member_id=member_id, attendance=Attendance.PRESENT
        )
    return services.actions.add_action(
        meeting_id=meeting_id,
        owner_id=people["Ava Chen"],
        title="Send the webinar deck to every lead",
        today=date(2030, 3, 5),
    ).id


def test_minutes_exported_after_a_later_status_change_show_the_status_at_close(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    controller: Controller,
    services: Services,
    meeting_id: int,
    held: int,
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    controller.select_meeting(meeting_id)
    window.show_page("run")
    controller.set_phase(meeting_id=meeting_id, phase=Phase.CLOSE)
    closing = window.run_view.close_phase
    monkeypatch.setattr(close_phase, "ask", lambda *a: True)  # not everyone committed
    qtbot.mouseClick(closing.close_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get_meeting(meeting_id).status is MeetingStatus.CLOSED

    # Afterwards, on the Follow-ups page: the deck went out.
    window.show_page("followups")
    page = window.followups_view
    assert page.select_action(held)
    qtbot.mouseClick(page.status_buttons[ActionStatus.DONE], Qt.MouseButton.LeftButton)
    assert services.actions.get_action(held).status is ActionStatus.DONE

    # The minutes, exported from the window, say what was true when the meeting closed.
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(
        main_window.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "Word document (*.docx)")),
    )
    window.show_page("run")
    qtbot.mouseClick(closing.export_button, Qt.MouseButton.LeftButton)
    text, rows = docx_rows(target)
    closed_at = services.meetings.get_meeting(meeting_id).closed_at
    assert closed_at is not None
    assert f"Minutes of record as closed on {closed_at:%-d %b %Y} at {closed_at:%H:%M}" in text
    row = next(r for r in rows if "Send the webinar deck to every lead" in r)
    assert row[-1] == "Open"


def test_the_open_phase_approves_a_named_revision_of_the_previous_minutes(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    people: dict[str, int],
    meeting_id: int,
    tmp_path: Path,
) -> None:
    series_id = services.meetings.get_meeting(meeting_id).series_id
    february = services.meetings.create_meeting(
        title="February sync",
        starts_at=datetime(2030, 2, 5, 9, 0),
        series_id=series_id,
        invitee_ids=list(people.values()),
    )
    services.meetings.close_meeting(meeting_id=february.id)
    services.meetings.reopen_meeting(february.id)
    services.meetings.close_meeting(meeting_id=february.id)  # revision 2

    controller.select_meeting(meeting_id)
    page = OpenPhase(controller)
    qtbot.addWidget(page)
    page.set_meeting(meeting_id)
    page.resize(1100, 640)
    page.show()
    row = page.previous_minutes
    assert row.check.text() == "Approve the minutes of February sync, 5 Feb 2030, revision 2"
    assert row.revision_combo.count() == 2 and row.revision_combo.isVisible()
    assert not row.check.isChecked()

    row.revision_combo.setCurrentIndex(1)  # revision 1
    row.revision_combo.activated.emit(1)
    assert row.check.text() == "Approve the minutes of February sync, 5 Feb 2030, revision 1"
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    page.grab().save(str(SHOTS / "h2-open-phase-approval.png"))

    offered = services.minutes.previous_minutes(meeting_id)
    assert offered.approved and offered.approved_revision is not None
    assert offered.approved_revision.revision == 1
    assert row.hint.text() == "Revision 2 is newer than the one approved."
    path = services.minutes.export_docx(
        meeting_id=february.id, path=tmp_path / "feb.docx", revision=1
    )
    text, _rows = docx_rows(path)
    assert "Approved in Sales & Marketing sync on 5 Mar 2030 (revision 1)." in text

    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)  # withdrawn
    assert not services.meetings.get_meeting(meeting_id).previous_minutes_approved


def test_a_tampered_record_is_reported_in_the_summary_not_shown(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int, held: int
) -> None:
    services.meetings.close_meeting(meeting_id=meeting_id)
    with services.db.transaction() as s:
        s.execute(update(m.MinutesRecord).values(data=m.MinutesRecord.data + " "))
    controller.select_meeting(meeting_id)
    page = close_phase.ClosePhase(controller)
    qtbot.addWidget(page)
    page.set_meeting(meeting_id)
    page.show()
    page.refresh()
    assert "changed outside AlignMeet" in page.summary_text()
