"""One whole meeting, driven through the real main window the way a facilitator runs it.

Prepared data (members, an agenda from the monthly template, an open action from
last month's meeting) comes from the fixtures and the services; everything in
the meeting itself is clicked and typed. At the end the minutes are exported
and read back with python-docx.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus, Attendance, MeetingStatus, Phase, TeamTag
from alignmeet.services import Services
from ui import main_window
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.models.attendance_model import COL_APOLOGIES, COL_PRESENT
from ui.views.phases import close_phase

PLANS = {
    "Ava Chen": [
        "Call every webinar lead within 24 hours",
        "Share lost-deal reasons with Marketing",
    ],
    "Ben Okafor": ["Tag every rejected lead with a reason"],
    "Maya Rossi": ["Rewrite the webinar follow-up e-mail with Sales"],
}
CONFIDENCE = {"Ava Chen": 5, "Ben Okafor": 4, "Maya Rossi": 3}


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 1) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def docx_text(path: Path) -> str:
    docx = pytest.importorskip("docx")
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def last_month_action(services: Services, meeting_id: int, people: dict[str, int]) -> int:
    """Last month's meeting of the same series, closed, with one open action for Ava."""
    series_id = services.meetings.get_meeting(meeting_id).series_id
    earlier = services.meetings.create_meeting(
        title="Sales & Marketing sync",
        starts_at=datetime(2030, 2, 5, 9, 0),
        series_id=series_id,
        invitee_ids=list(people.values()),
    )
    action = services.actions.add_action(
        meeting_id=earlier.id,
        owner_id=people["Ava Chen"],
        title="Send the webinar deck to every lead",
        today=date(2030, 2, 5),
    )
    services.meetings.close_meeting(meeting_id=earlier.id)
    return action.id


def test_a_facilitator_runs_a_whole_meeting_and_exports_the_minutes(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    controller: Controller,
    services: Services,
    people: dict[str, int],
    last_month_action: int,
    meeting_id: int,
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    controller.select_meeting(meeting_id)
    window.show_page("run")
    run = window.run_view
    assert window.stack.currentWidget() is run
    assert run.phase is Phase.OPEN

    # ---- 1 Open: the goal on screen, attendance taken --------------------------------
    open_page = run.open_phase
    assert open_page.topic_label.text() == "Turn webinar leads into pipeline"
    table = open_page.table
    for name in ("Ava Chen", "Ben Okafor", "Maya Rossi"):
        row = open_page.model.row_of(lambda p, n=name: p.name == n)
        table.setFocus()
        table.setCurrentIndex(open_page.model.index(row, COL_PRESENT))
        qtbot.keyClick(table, Qt.Key.Key_Space)
    leo = open_page.model.row_of(lambda p: p.name == "Leo Novak")
    open_page.model.setData(
        open_page.model.index(leo, COL_APOLOGIES),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    click(qtbot, open_page.minutes_check)
    assert open_page.count_label.text() == "3 present · 1 apologies · 0 not marked"
    click(qtbot, run.next_button)

    # ---- 2 Review: last month's action is done -----------------------------------------
    assert run.phase is Phase.REVIEW
    review = run.review_phase
    assert review.model.rowCount() == 1
    click_row(qtbot, review.table, 0)
    qtbot.keyClicks(review.note_edit, "Sent to all 212 leads")
    click(qtbot, review.status_buttons[ActionStatus.DONE])
    assert services.actions.get_action(last_month_action).status is ActionStatus.DONE
    click(qtbot, run.next_button)

    # ---- 3 Agenda: timer, notes, an idea with its author, a decision, a parked item -------
    assert run.phase is Phase.AGENDA
    agenda = run.agenda_phase
    first_item = agenda.current_item()
    assert first_item is not None
    click(qtbot, agenda.start_button)
    qtbot.wait(1100)
    click(qtbot, agenda.start_button)  # pause: the used time is stored
    assert services.agenda.get_item(first_item.id).used_seconds >= 1

    agenda.notes_edit.setFocus()
    qtbot.keyClicks(agenda.notes_edit, "MQL to SQL conversion up from 18 to 24 percent")
    agenda.author_combo.setCurrentIndex(agenda.author_combo.findData(people["Maya Rossi"]))
    qtbot.keyClicks(agenda.ideas.line, "Score webinar attendance higher than downloads")
    qtbot.keyClick(agenda.ideas.line, Qt.Key.Key_Return)
    qtbot.keyClicks(agenda.decisions.line, "An MQL needs a score of 60 or more")
    click(qtbot, agenda.decisions.add_button)

    last_row = agenda.model.rowCount() - 1
    parked_title = agenda.model.record(last_row).title
    click_row(qtbot, agenda.table, last_row)
    assert agenda.title_label.text() == parked_title
    click(qtbot, agenda.park_button)
    assert parked_title not in [i.title for i in agenda.model.rows()]
    click(qtbot, run.next_button)

    controller.flush_pending()
    stored_first = services.agenda.get_item(first_item.id)
    assert stored_first.notes == "MQL to SQL conversion up from 18 to 24 percent"
    assert [(i.text, i.author_name) for i in services.agenda.ideas(first_item.id)] == [
        ("Score webinar attendance higher than downloads", "Maya Rossi")
    ]

    # ---- 4 Action plans: round-robin, everyone present gets a plan -------------------
    assert run.phase is Phase.ACTIONS
    plans = run.actions_phase
    spoken: list[str] = []
    for _ in range(len(PLANS)):
        member = plans.current_member()
        assert member is not None
        spoken.append(member.name)
        assert plans.plan_title.text() == f"{member.name}'s action plan"
        for title in PLANS[member.name]:
            qtbot.keyClicks(plans.text_edit, title)
            if member.name == "Maya Rossi":
                plans.tag_combo.setCurrentIndex(plans.tag_combo.findData(TeamTag.JOINT))
                qtbot.keyClicks(plans.milestone_edit, "Draft reviewed by Ben")
            qtbot.keyClick(plans.text_edit, Qt.Key.Key_Return)
            assert plans.error.isHidden(), plans.error.text()
        click(qtbot, plans.next_member_button)
    assert sorted(spoken) == sorted(PLANS)
    agreed = services.actions.actions_for_meeting(meeting_id)
    assert {(a.owner_name, a.title) for a in agreed} == {
        (name, title) for name, titles in PLANS.items() for title in titles
    }
    assert next(a for a in agreed if a.owner_name == "Maya Rossi").team_tag is TeamTag.JOINT
    click(qtbot, run.next_button)

    # ---- 5 Commitments: each says "I commit" ------------------------------------------
    assert run.phase is Phase.COMMITMENTS
    commitments = run.commitments_phase
    for _ in range(len(PLANS)):
        name = commitments.member_label.text()
        combo = commitments.confidence_combo
        combo.setCurrentIndex(combo.findData(CONFIDENCE[name]))
        click(qtbot, commitments.commit_button)
    assert commitments.missing_label.text() == "Everyone present has committed ✔"
    click(qtbot, run.next_button)

    # ---- 6 Close: next meeting, close -------------------------------------------------
    assert run.phase is Phase.CLOSE
    closing = run.close_phase
    assert "Commitments: 3 of 3 present" in closing.summary_text()
    closing.next_edit.setDateTime(QDateTime(datetime(2030, 4, 2, 10, 0)))
    click(qtbot, closing.set_next_button)
    qtbot.keyClicks(closing.notes_edit, "Good energy; webinar follow-up is the focus.")
    monkeypatch.setattr(close_phase, "ask", lambda *a: pytest.fail("everyone committed"))
    click(qtbot, closing.close_button)
    meeting = services.meetings.get_meeting(meeting_id)
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.next_meeting_at == datetime(2030, 4, 2, 10, 0)
    assert meeting.closing_notes == "Good energy; webinar follow-up is the focus."
    assert meeting.previous_minutes_approved
    assert not run.closed_banner.isHidden()
    parts = {p.name: p for p in services.meetings.participants(meeting_id)}
    assert parts["Leo Novak"].attendance is Attendance.APOLOGIES
    assert {n: parts[n].confidence for n in CONFIDENCE} == CONFIDENCE

    # ---- Export the minutes and read them back ----------------------------------------
    pytest.importorskip("alignmeet.export.minutes_docx")
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(
        main_window.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "Word document (*.docx)")),
    )
    click(qtbot, closing.export_button)
    assert target.is_file()
    text = docx_text(target)
    for name in ("Ava Chen", "Ben Okafor", "Maya Rossi", "Leo Novak"):
        assert name in text
    for titles in PLANS.values():
        for title in titles:
            assert title in text
    for name, level in CONFIDENCE.items():
        assert any(
            line.startswith(f"✔ {name} — committed at") and f"confidence {level}/5" in line
            for line in text.splitlines()
        ), name
    assert "Send the webinar deck to every lead" in text  # the review of last month's action
    assert "An MQL needs a score of 60 or more" in text
