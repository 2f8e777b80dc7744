"""The run view's Qt models: model-tester clean, and showing what the facilitator needs."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, TeamTag
from alignmeet.domain.records import (
    ActionRecord,
    AgendaItemRecord,
    DecisionRecord,
    FollowUpRecord,
    IdeaRecord,
    ParticipantRecord,
)
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.actions_model import ActionsModel, RoundRobinModel
from ui.models.attendance_model import (
    COL_APOLOGIES,
    COL_PRESENT,
    COL_REPRESENTATIVE,
    AttendanceModel,
)
from ui.models.commitments_model import (
    COL_ACTIONS,
    COL_COMMITTED,
    COL_CONFIDENCE,
    CommitmentsModel,
)
from ui.models.decisions_model import DecisionsModel
from ui.models.follow_ups_model import COL_DUE, COL_FROM, COL_NOW, FollowUpsModel
from ui.models.ideas_model import IdeasModel
from ui.models.record_table_model import ID_ROLE, RECORD_ROLE
from ui.models.run_agenda_model import COL_TIME, RunAgendaModel

DISPLAY = Qt.ItemDataRole.DisplayRole
CHECK = Qt.ItemDataRole.CheckStateRole


def participant(
    member_id: int = 1,
    name: str = "Ava Chen",
    attendance: Attendance = Attendance.INVITED,
    *,
    representative: bool = False,
    committed_at: datetime | None = None,
    confidence: int | None = None,
) -> ParticipantRecord:
    return ParticipantRecord(
        meeting_id=1,
        member_id=member_id,
        name=name,
        team_name="Sales",
        role="Account Executive",
        attendance=attendance,
        representative=representative,
        committed_at=committed_at,
        confidence=confidence,
        commitment_note="",
    )


def action(
    action_id: int = 1,
    title: str = "Call every webinar lead within 24 h",
    *,
    due: date | None = date(2030, 3, 19),
    status: ActionStatus = ActionStatus.OPEN,
    owner_id: int = 1,
) -> ActionRecord:
    return ActionRecord(
        id=action_id,
        meeting_id=1,
        meeting_title="Sync 1",
        meeting_date=date(2030, 2, 5),
        owner_id=owner_id,
        owner_name="Ava Chen",
        title=title,
        due=due,
        team_tag=TeamTag.SALES,
        status=status,
        milestone="",
        position=action_id,
    )


def item(item_id: int = 1, *, used: int = 0, minutes: int = 10) -> AgendaItemRecord:
    return AgendaItemRecord(
        id=item_id,
        meeting_id=1,
        position=item_id - 1,
        title=f"Item {item_id}",
        owner_id=None,
        owner_name="",
        minutes=minutes,
        extra_minutes=0,
        kind=ItemKind.REGULAR,
        notes="",
        used_seconds=used,
        parked=False,
        carried_from="",
    )


# ---- attendance -----------------------------------------------------------------------
def test_attendance_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = AttendanceModel()
    model.set_rows([participant(1), participant(2, "Ben Okafor", Attendance.PRESENT)])
    qtmodeltester.check(model)


def test_attendance_columns_are_check_boxes() -> None:
    model = AttendanceModel()
    model.set_rows([participant(attendance=Attendance.PRESENT, representative=True)])
    assert model.data(model.index(0, COL_PRESENT), CHECK) == Qt.CheckState.Checked
    assert model.data(model.index(0, COL_APOLOGIES), CHECK) == Qt.CheckState.Unchecked
    assert model.data(model.index(0, COL_REPRESENTATIVE), CHECK) == Qt.CheckState.Checked
    assert model.flags(model.index(0, COL_PRESENT)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(model.index(0, 0), ID_ROLE) == 1


def test_ticking_a_box_writes_attendance_through_the_controller(
    controller: Controller, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    def write(p: ParticipantRecord, attendance: Attendance | None, rep: bool | None) -> None:
        controller.set_attendance(
            meeting_id=p.meeting_id,
            member_id=p.member_id,
            attendance=attendance,
            representative=rep,
        )

    model = AttendanceModel(write)
    model.set_rows(services.meetings.participants(meeting_id))
    ben = model.row_of(lambda p: p.name == "Ben Okafor")
    assert model.setData(model.index(ben, COL_APOLOGIES), Qt.CheckState.Checked.value, CHECK)
    stored = {p.name: p.attendance for p in services.meetings.participants(meeting_id)}
    assert stored["Ben Okafor"] is Attendance.APOLOGIES
    assert not model.setData(model.index(ben, 0), "Benjamin", Qt.ItemDataRole.EditRole)


def test_attendance_updates_in_place_when_the_same_people_are_listed() -> None:
    model = AttendanceModel()
    model.set_rows([participant(1), participant(2, "Ben Okafor")])
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.update_rows([participant(1, attendance=Attendance.PRESENT), participant(2, "Ben Okafor")])
    assert resets == []
    assert model.counts()[Attendance.PRESENT] == 1


# ---- follow-ups -----------------------------------------------------------------------
def follow_up(a: ActionRecord, *, reviewed: bool = False, note: str = "") -> FollowUpRecord:
    return FollowUpRecord(
        action=a, status_before=ActionStatus.OPEN, review_note=note, reviewed=reviewed
    )


def test_follow_ups_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = FollowUpsModel(today=lambda: date(2030, 3, 5))
    model.set_rows([follow_up(action(1)), follow_up(action(2, due=None))])
    qtmodeltester.check(model)


def test_an_overdue_open_action_is_red_bold_and_says_so() -> None:
    model = FollowUpsModel(today=lambda: date(2030, 3, 5))
    model.set_rows([follow_up(action(1, due=date(2030, 3, 1))), follow_up(action(2))])
    due = model.index(0, COL_DUE)
    assert model.data(due, DISPLAY) == "1 Mar 2030 · overdue"
    assert model.data(due, Qt.ItemDataRole.ForegroundRole) == QColor("#c62828")
    assert isinstance(model.data(due, Qt.ItemDataRole.FontRole), QFont)
    assert model.data(model.index(1, COL_DUE), DISPLAY) == "19 Mar 2030"
    assert model.data(model.index(1, COL_DUE), Qt.ItemDataRole.ForegroundRole) is None


def test_a_done_action_is_not_overdue_any_more() -> None:
    model = FollowUpsModel(today=lambda: date(2030, 3, 5))
    done = action(1, due=date(2030, 3, 1), status=ActionStatus.DONE)
    model.set_rows([follow_up(done, reviewed=True, note="Sent")])
    assert model.data(model.index(0, COL_DUE), DISPLAY) == "1 Mar 2030"
    assert model.data(model.index(0, COL_NOW), DISPLAY) == "Done"


def test_follow_ups_show_where_they_came_from_and_their_number() -> None:
    model = FollowUpsModel()
    model.set_rows([follow_up(action(7)), follow_up(action(9))])
    # The action's own number, the one the minutes, checklist, CSV and calendar give it.
    assert model.data(model.index(1, 0), DISPLAY) == "A-9"
    assert model.data(model.index(0, COL_FROM), DISPLAY) == "5 Feb 2030"
    assert model.data(model.index(1, 0), ID_ROLE) == 9


# ---- agenda ---------------------------------------------------------------------------
def test_run_agenda_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RunAgendaModel()
    model.set_rows([item(1, used=725), item(2)])
    model.set_current(1)
    qtmodeltester.check(model)


def test_agenda_rows_show_used_time_against_the_box_and_the_current_item_in_bold() -> None:
    model = RunAgendaModel()
    model.set_rows([item(1, used=725), item(2)])
    assert model.data(model.index(0, COL_TIME), DISPLAY) == "12:05 / 10 min"
    assert model.data(model.index(0, COL_TIME), Qt.ItemDataRole.ForegroundRole) is not None
    model.set_current(2)
    assert model.data(model.index(1, 1), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.FontRole) is None


def test_live_time_overrides_the_stored_time() -> None:
    model = RunAgendaModel()
    model.set_rows([item(1)])
    changed: list[int] = []
    model.dataChanged.connect(lambda a, b: changed.append(a.column()))
    model.set_used(1, 95.4)
    assert model.data(model.index(0, COL_TIME), DISPLAY) == "1:35 / 10 min"
    assert changed == [COL_TIME]


# ---- ideas and decisions ----------------------------------------------------------------
def test_ideas_show_who_said_it(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = IdeasModel()
    model.set_rows(
        [
            IdeaRecord(1, 1, 3, "Maya Rossi", "Webinar leads to SDRs"),
            IdeaRecord(2, 1, None, "", "Anon"),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), DISPLAY) == "Webinar leads to SDRs — Maya Rossi"
    assert model.data(model.index(1, 0), DISPLAY) == "Anon"


def test_a_right_to_left_override_in_a_phones_idea_leaves_the_name_readable() -> None:
    """On the facilitator's Run page, as in the list and its tooltip: the override typed
    into the idea is closed (PDF) before " — Ana López", which reads left to right."""
    model = IdeasModel()
    model.set_rows([IdeaRecord(1, 1, 3, "Ana López", "\u202eevil idea")])
    shown = model.data(model.index(0, 0), DISPLAY)
    assert shown == "\u202eevil idea\u202c — Ana López"
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "\u202c — Ana López" in tip


def test_decisions_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = DecisionsModel()
    model.set_rows([DecisionRecord(4, 1, "MQL means score ≥ 60")])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), DISPLAY) == "MQL means score ≥ 60"
    assert model.data(model.index(0, 0), RECORD_ROLE).id == 4


# ---- action plans -----------------------------------------------------------------------
def test_actions_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ActionsModel()
    model.set_rows([action(5), action(6, due=None)])
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "#",
        "Action",
        "Due",
        "Team",
        "Milestone",
    ]
    assert model.data(model.index(1, 0), DISPLAY) == "A-6"  # as in every document
    assert model.data(model.index(1, 2), DISPLAY) == "—"
    assert model.data(model.index(0, 3), DISPLAY) == "Sales"


def test_round_robin_marks_members_with_a_plan_and_the_speaker(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RoundRobinModel()
    model.set_rows_and_plans([participant(1), participant(2, "Ben Okafor")], with_plan=[1])
    model.set_current(2)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0), DISPLAY) == "✔ Ava Chen"
    assert "✔" not in model.data(model.index(1, 0), DISPLAY)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 0), ID_ROLE) == 2


# ---- commitments ------------------------------------------------------------------------
def test_commitments_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CommitmentsModel()
    done = participant(1, committed_at=datetime(2030, 3, 5, 10, 42), confidence=4)
    model.set_rows_and_counts([done, participant(2, "Ben Okafor")], {1: 3})
    qtmodeltester.check(model)
    assert model.data(model.index(0, COL_ACTIONS), DISPLAY) == "3"
    assert model.data(model.index(0, COL_COMMITTED), DISPLAY) == "✔ 10:42"
    assert model.data(model.index(0, COL_CONFIDENCE), DISPLAY) == "4 / 5"
    assert model.data(model.index(1, COL_ACTIONS), DISPLAY) == "0"
    assert model.data(model.index(1, COL_COMMITTED), DISPLAY) == "—"
    assert [p.name for p in model.not_committed()] == ["Ben Okafor"]


@pytest.mark.parametrize(
    "model_class", [AttendanceModel, FollowUpsModel, RunAgendaModel, ActionsModel, CommitmentsModel]
)
def test_empty_models_pass_the_model_tester(qtmodeltester, model_class: type) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(model_class())


def test_user_text_in_tooltips_is_not_read_as_html() -> None:
    model = ActionsModel()
    model.set_rows([action(1, "<b>Bold</b> & co")])
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip == '<p style="white-space:pre-wrap">&lt;b&gt;Bold&lt;/b&gt; &amp; co</p>'
