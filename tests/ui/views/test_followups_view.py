"""The Follow-ups page: every action across meetings, filtered, sorted, changed; the
decisions log; search across meetings; "My commitments"; and the whole flow from a
meeting's review to the follow-up list."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus, Attendance, Phase, TeamTag
from alignmeet.domain.rules import short_date
from alignmeet.services import Services
from alignmeet.services.followups import ActionFilter
from ui.colors import color
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.models import followup_rows_model
from ui.models.action_history_model import ActionHistoryModel, history_line
from ui.models.decision_log_model import DecisionLogModel
from ui.models.followup_rows_model import (
    COL_ACTION,
    COL_DUE,
    COL_FROM,
    COL_OWNER,
    COL_SLIPPED,
    COL_STATUS,
    FollowUpRowsModel,
)
from ui.models.member_commitments_model import MemberCommitmentsModel
from ui.models.search_hits_model import SearchHitsModel
from ui.views import followups_view
from ui.views.followups.number_header import ActionNumberHeader
from ui.views.followups_view import STATUS_CHOICES, FollowUpsView

TODAY = date(2030, 3, 20)  # the view's "today": the March meeting was two weeks ago


@pytest.fixture
def history(services: Services, people: dict[str, int], meeting_id: int) -> SimpleNamespace:
    """The March meeting (facilitated by Maya) with four actions, an idea, a decision and a
    note; a quarterly review with one more action; a member whose name looks like markup."""
    sv = services
    sv.meetings.update_meeting(meeting_id=meeting_id, facilitator_id=people["Maya Rossi"])
    march = date(2030, 3, 5)

    def add(owner: str, title: str, due: date | None, meeting: int = meeting_id, **kw: object):
        return sv.actions.add_action(
            meeting_id=meeting, owner_id=people[owner], title=title, due=due, today=march, **kw
        )

    call = add("Ava Chen", "Call every webinar lead within a day", date(2030, 3, 12))
    tag = add("Ben Okafor", "Tag every rejected lead with a reason", date(2030, 3, 24))
    mail = add("Maya Rossi", "Rewrite the webinar follow-up e-mail", date(2030, 5, 1))
    icp = add("Leo Novak", "Update the ICP one-pager", None, team_tag=TeamTag.JOINT)
    item = sv.agenda.items(meeting_id)[0]
    sv.agenda.update_item(item_id=item.id, notes="Pipeline from webinars at 61 % of target")
    sv.agenda.add_idea(item_id=item.id, text="Score webinar attendance by minutes watched")
    sv.agenda.add_decision(item_id=item.id, text="Report speed to lead weekly")
    quarterly = sv.meetings.ensure_series(name="Quarterly review")
    review = sv.meetings.create_meeting(
        title="Q1 review", starts_at=datetime(2030, 3, 1, 14, 0), series_id=quarterly.id
    )
    budget = add("Ava Chen", "Agree the Q2 budget split", date(2030, 4, 2), meeting=review.id)
    sales = next(t.id for t in sv.people.list_teams() if t.name == "Sales")
    sam = sv.people.add_member(name="<b>Sam</b> {{7*7}}", team_id=sales)
    people = {**people, sam.name: sam.id}
    odd = add("<b>Sam</b> {{7*7}}", "Check <i>this</i> & that", date(2030, 4, 9))
    return SimpleNamespace(
        meeting_id=meeting_id,
        review_id=review.id,
        quarterly_id=quarterly.id,
        call=call,
        tag=tag,
        mail=mail,
        icp=icp,
        budget=budget,
        odd=odd,
        sam=sam,
        people=people,
    )


@pytest.fixture
def view(qtbot: QtBot, controller: Controller, history: SimpleNamespace) -> FollowUpsView:
    page = FollowUpsView(controller, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    assert page.is_loaded
    return page


def shown_titles(view: FollowUpsView) -> list[str]:
    return [line.title for line in view.model.lines()]


def after_date(update) -> str:  # type: ignore[no-untyped-def]
    """A history line without its date (stamped by the real clock in these tests)."""
    day, rest = history_line(update).split(" · ", 1)
    assert day == short_date(update.changed_at.date())
    return rest


def choose(combo, data: object) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# ---- models ------------------------------------------------------------------------------
def test_every_model_of_the_page_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, history: SimpleNamespace
) -> None:
    fu = services.followups
    rows = FollowUpRowsModel(today=lambda: TODAY, page_rows=2)  # lazy: windows of two rows
    rows.set_reader(fu, fu.directory())
    rows.set_filter(ActionFilter())
    qtmodeltester.check(rows)
    rows.sort(COL_OWNER, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(rows)
    for model, records in (
        (DecisionLogModel(), fu.decisions()),
        (SearchHitsModel(), fu.search("webinar")),
        (ActionHistoryModel(), services.actions.history(history.call.id)),
        (MemberCommitmentsModel(), []),
    ):
        model.set_rows(records)  # type: ignore[attr-defined]
        assert model.rowCount() == len(records)  # type: ignore[attr-defined]
        qtmodeltester.check(model)


def test_the_row_numbers_never_read_rows_to_size_their_header_and_never_clip(
    qtbot: QtBot, services: Services, history: SimpleNamespace
) -> None:
    """Qt sizes a row header from its first and last hundred sections: on a long list that
    read the last window of rows after every change, only to measure "A-123" (12-17 ms
    at 300,000 actions). Only the windows on screen are read; the header is as wide as
    the highest action number there is, under every filter; a row not read yet shows
    "…" there as in its cells."""
    fu = services.followups
    asked: list[int] = []

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(fu, name)

        def window(self, *args: object, **kwargs: object) -> object:
            asked.append(int(kwargs.get("offset", 0)))  # type: ignore[call-overload]
            return fu.window(*args, **kwargs)  # type: ignore[arg-type]

    table = QTableView()
    qtbot.addWidget(table)
    table.setVerticalHeader(ActionNumberHeader(table))
    rows = FollowUpRowsModel(table, today=lambda: TODAY, page_rows=2)
    rows.set_reader(Counting(), fu.directory())  # type: ignore[arg-type]
    table.setModel(rows)
    table.resize(700, 120)  # two or three rows on screen
    table.show()
    rows.set_filter(ActionFilter())
    qtbot.waitExposed(table)
    table.verticalHeader().sizeHint()
    QApplication.processEvents()
    assert rows.rowCount() == 6
    assert asked and max(asked) <= 2, asked  # the windows on screen, never the last one
    assert rows.headerData(5, Qt.Orientation.Vertical) == "…"
    highest = fu.history_size()
    widest = table.verticalHeader().fontMetrics().horizontalAdvance(f"A-{highest}")
    assert table.verticalHeader().sizeHint().width() >= widest
    width = table.verticalHeader().sizeHint().width()
    rows.set_filter(ActionFilter(team_tag=TeamTag.JOINT.value))  # one action, a short number
    assert rows.rowCount() == 1
    assert table.verticalHeader().sizeHint().width() == width  # the table does not shift
    assert rows.headerData(0, Qt.Orientation.Vertical) == f"A-{history.icp.id}"


def test_overdue_dates_are_red_with_a_mark_and_due_soon_dates_amber_and_bold(
    view: FollowUpsView, history: SimpleNamespace
) -> None:
    model = view.model
    late = model.row_of_id(history.call.id)
    soon = model.row_of_id(history.tag.id)
    later = model.row_of_id(history.mail.id)
    due = model.index(late, COL_DUE)
    assert due.data() == "⚠ 12 Mar 2030"
    assert due.data(Qt.ItemDataRole.AccessibleTextRole) == "12 Mar 2030, overdue"
    assert "overdue" in due.data(Qt.ItemDataRole.ToolTipRole)
    assert QColor(due.data(Qt.ItemDataRole.ForegroundRole)) == color("bad")
    # Issue 12: only the date is marked; the rest of the row is in the normal colour.
    assert model.index(late, COL_ACTION).data(Qt.ItemDataRole.ForegroundRole) is None
    assert due.data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(soon, COL_DUE).data() == "◷ 24 Mar 2030"
    assert QColor(model.index(soon, COL_DUE).data(Qt.ItemDataRole.ForegroundRole)) == color("warn")
    assert model.index(soon, COL_ACTION).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(later, COL_DUE).data() == "1 May 2030"
    assert model.index(later, COL_DUE).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(late, COL_FROM).data() == "5 Mar 2030"
    tip = model.index(late, COL_FROM).data(Qt.ItemDataRole.ToolTipRole)
    assert "Sales &amp; Marketing sync" in tip  # escaped: tooltips are rich text


def test_a_done_action_past_its_date_is_not_overdue(
    view: FollowUpsView, controller: Controller, history: SimpleNamespace
) -> None:
    view.status_combo.setCurrentIndex(1)  # all statuses
    controller.set_action_status(action_id=history.call.id, status=ActionStatus.DONE)
    row = view.model.row_of_id(history.call.id)
    assert view.model.index(row, COL_DUE).data() == "12 Mar 2030"
    assert view.model.index(row, COL_STATUS).data() == "Done"


def test_user_text_shows_exactly_as_typed(view: FollowUpsView, history: SimpleNamespace) -> None:
    assert view.person_combo.findText("<b>Sam</b> {{7*7}}") >= 0
    row = view.model.row_of_id(history.odd.id)
    assert view.model.index(row, COL_OWNER).data() == "<b>Sam</b> {{7*7}}"
    assert view.model.index(row, COL_ACTION).data() == "Check <i>this</i> & that"
    tip = view.model.index(row, COL_ACTION).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;i&gt;this&lt;/i&gt; &amp; that" in tip
    view.select_action(history.odd.id)
    assert view.selected_label.textFormat() == Qt.TextFormat.PlainText
    assert view.selected_label.text() == "<b>Sam</b> {{7*7}}: Check <i>this</i> & that"


# ---- filters, balance, sorting -----------------------------------------------------------
def test_it_opens_on_open_actions_by_due_date_with_the_team_balance(
    view: FollowUpsView,
) -> None:
    assert view.status_combo.currentText() == "Open"
    assert shown_titles(view) == [
        "Call every webinar lead within a day",
        "Tag every rejected lead with a reason",
        "Agree the Q2 budget split",
        "Check <i>this</i> & that",
        "Rewrite the webinar follow-up e-mail",
        "Update the ICP one-pager",
    ]
    assert view.count_label.text() == "6 actions"
    assert view.balance_strip_text() == (
        "Sales 4 open · 1 overdue · 0 done | Marketing 1 open · 0 overdue · 0 done"
        " | Joint 1 open · 0 overdue · 0 done"
    )


def test_each_filter_narrows_the_list_and_the_balance_follows(
    qtbot: QtBot, view: FollowUpsView, history: SimpleNamespace
) -> None:
    choose(view.person_combo, history.people["Ava Chen"])
    assert shown_titles(view) == [
        "Call every webinar lead within a day",
        "Agree the Q2 budget split",
    ]
    assert view.balance_strip_text().startswith("Sales 2 open · 1 overdue")
    assert view.mine_button.isEnabled()
    choose(view.series_combo, history.quarterly_id)
    assert shown_titles(view) == ["Agree the Q2 budget split"]
    choose(view.person_combo, None)
    choose(view.series_combo, None)
    choose(view.team_combo, "joint")
    assert shown_titles(view) == ["Update the ICP one-pager"]
    choose(view.team_combo, None)
    for bucket, expected in (
        ("overdue", ["Call every webinar lead within a day"]),
        ("this_week", ["Tag every rejected lead with a reason"]),
        ("none", ["Update the ICP one-pager"]),
    ):
        choose(view.due_combo, bucket)
        assert shown_titles(view) == expected, bucket
    choose(view.due_combo, None)
    view.search_edit.setText("webin")  # applied after the typing pause
    assert len(shown_titles(view)) == 6
    qtbot.waitUntil(lambda: len(shown_titles(view)) == 2, timeout=2000)
    assert shown_titles(view) == [
        "Call every webinar lead within a day",
        "Rewrite the webinar follow-up e-mail",
    ]
    view.search_edit.setText("nothing matches this")
    view.apply_filter()
    assert shown_titles(view) == [] and view.count_label.text() == "0 actions"


def test_status_choices_select_what_they_say(
    view: FollowUpsView, controller: Controller, history: SimpleNamespace
) -> None:
    controller.set_action_status(action_id=history.mail.id, status=ActionStatus.DONE)
    controller.set_action_status(action_id=history.icp.id, status=ActionStatus.BLOCKED)
    labels = [text for text, _ in STATUS_CHOICES]
    view.status_combo.setCurrentIndex(labels.index("Done"))
    assert shown_titles(view) == ["Rewrite the webinar follow-up e-mail"]
    view.status_combo.setCurrentIndex(labels.index("Blocked"))
    assert shown_titles(view) == ["Update the ICP one-pager"]
    view.status_combo.setCurrentIndex(labels.index("Open"))
    assert len(shown_titles(view)) == 5  # blocked is still open
    view.status_combo.setCurrentIndex(labels.index("All statuses"))
    assert len(shown_titles(view)) == 6
    assert view.balance_strip_text().startswith("Sales 4 open · 1 overdue · 0 done")
    assert "Marketing 0 open · 0 overdue · 1 done" in view.balance_strip_text()


def test_every_column_sorts_both_ways(view: FollowUpsView) -> None:
    view.status_combo.setCurrentIndex(1)
    model = view.model

    def column(col: int) -> list[str]:
        return [model.index(r, col).data() for r in range(model.rowCount())]

    view.table.sortByColumn(COL_ACTION, Qt.SortOrder.AscendingOrder)
    assert column(COL_ACTION) == sorted(column(COL_ACTION), key=str.casefold)
    view.table.sortByColumn(COL_ACTION, Qt.SortOrder.DescendingOrder)
    assert column(COL_ACTION) == sorted(column(COL_ACTION), key=str.casefold, reverse=True)
    view.table.sortByColumn(COL_OWNER, Qt.SortOrder.AscendingOrder)
    assert column(COL_OWNER) == sorted(column(COL_OWNER), key=str.casefold)
    view.table.sortByColumn(COL_FROM, Qt.SortOrder.AscendingOrder)
    assert column(COL_FROM)[0] == "1 Mar 2030"
    for col in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            view.table.sortByColumn(col, order)
            assert model.rowCount() == 6
    view.table.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    assert column(COL_DUE)[-1] == "—"


def test_the_selection_stays_on_its_action_when_the_list_is_sorted(
    view: FollowUpsView, history: SimpleNamespace
) -> None:
    view.select_action(history.mail.id)
    view.table.sortByColumn(COL_OWNER, Qt.SortOrder.DescendingOrder)
    assert view.selected_line().id == history.mail.id  # type: ignore[union-attr]
    view.table.sortByColumn(COL_SLIPPED, Qt.SortOrder.AscendingOrder)
    assert view.selected_line().id == history.mail.id  # type: ignore[union-attr]


# ---- the selected action: status, history, meeting ---------------------------------------
def test_a_status_change_here_is_recorded_outside_any_meeting_and_shows_in_its_history(
    qtbot: QtBot, view: FollowUpsView, services: Services, history: SimpleNamespace
) -> None:
    assert view.select_action(history.tag.id)
    assert [after_date(u) for u in view.history_model.rows()] == [
        "Sales & Marketing sync · Agreed · by Maya Rossi"
    ]
    qtbot.keyClicks(view.note_edit, "Half of them tagged")
    qtbot.mouseClick(view.status_buttons[ActionStatus.IN_PROGRESS], Qt.MouseButton.LeftButton)
    (_, change) = services.actions.history(history.tag.id)
    assert (change.new_status, change.meeting_id, change.changed_by_id) == (
        ActionStatus.IN_PROGRESS,
        None,
        None,
    )
    assert view.selected_line().status == "in_progress"  # type: ignore[union-attr]
    assert view.history_model.rowCount() == 2
    assert after_date(view.history_model.record(1)) == (
        "Outside a meeting · Open → In progress · Half of them tagged"
    )
    assert view.note_edit.text() == ""
    assert not view.status_buttons[ActionStatus.IN_PROGRESS].isEnabled()
    titles = shown_titles(view)
    following = titles[titles.index("Tag every rejected lead with a reason") + 1]
    qtbot.mouseClick(view.status_buttons[ActionStatus.DONE], Qt.MouseButton.LeftButton)
    assert view.model.row_of_id(history.tag.id) == -1  # done: no longer open
    # The list moves on: the action that took its place is the one selected now.
    assert view.selected_line().title == following  # type: ignore[union-attr]


def test_done_under_open_moves_on_to_the_next_action_and_the_list_keeps_the_keyboard(
    qtbot: QtBot, controller: Controller, services: Services, history: SimpleNamespace
) -> None:
    """A hurried facilitator: type the note, Return, Space on "Done". The note is recorded
    with the status; under "Open" the action leaves the list and the next one is selected,
    with the keyboard on the list — not on an empty History (where Qt sent it when the
    buttons went grey) nor on the next status button (where a second Space would mark the
    next action)."""
    window = MainWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page("followups")
    page = window.followups_view
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    titles = shown_titles(page)
    following = titles[titles.index("Tag every rejected lead with a reason") + 1]
    assert page.select_action(history.tag.id)
    page.note_edit.setFocus()
    qtbot.keyClicks(page.note_edit, "All tagged")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)  # on to the statuses
    done = page.status_buttons[ActionStatus.DONE]
    assert QApplication.focusWidget() is done
    assert page.note_edit.text() == "All tagged"  # nothing typed is lost
    qtbot.keyClick(done, Qt.Key.Key_Space)
    assert services.actions.get_action(history.tag.id).status is ActionStatus.DONE
    assert services.actions.history(history.tag.id)[-1].note == "All tagged"
    assert page.model.row_of_id(history.tag.id) == -1
    assert page.selected_line().title == following  # type: ignore[union-attr]
    assert page.selected_label.text().endswith(f": {following}")
    assert QApplication.focusWidget() is page.table
    assert page.status_buttons[ActionStatus.DONE].isEnabled()  # the next one can be marked


def test_an_action_closed_elsewhere_is_not_replaced_by_the_next_one_in_the_panel(
    view: FollowUpsView, controller: Controller, history: SimpleNamespace
) -> None:
    """Only this page's own change moves the selection on: when the selected action is
    closed elsewhere (a meeting's review, another facilitator), the panel must not
    quietly act on a neighbour the person never chose."""
    assert view.select_action(history.tag.id)
    controller.set_action_status(action_id=history.tag.id, status=ActionStatus.DONE)
    assert view.model.row_of_id(history.tag.id) == -1
    assert view.selected_line() is None
    assert not view.status_buttons[ActionStatus.DONE].isEnabled()


def test_open_meeting_goes_to_the_meeting_where_it_was_agreed(
    qtbot: QtBot, view: FollowUpsView, controller: Controller, history: SimpleNamespace
) -> None:
    view.select_action(history.budget.id)
    with qtbot.waitSignal(controller.navigation_requested) as blocker:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["run"]
    assert controller.current_meeting_id == history.review_id
    row = view.model.row_of_id(history.call.id)
    rect = view.table.visualRect(view.model.index(row, COL_ACTION))
    with qtbot.waitSignal(controller.navigation_requested):  # press, release, double-click
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert controller.current_meeting_id == history.meeting_id


def test_changes_made_elsewhere_show_up(
    view: FollowUpsView, controller: Controller, history: SimpleNamespace
) -> None:
    controller.add_action(
        meeting_id=history.review_id,
        owner_id=history.people["Leo Novak"],
        title="Brief the agency on Q2",
        due=TODAY,
    )
    assert "Brief the agency on Q2" in shown_titles(view)
    controller.update_meeting(meeting_id=history.review_id, title="Q1 pipeline review")
    row = view.model.row_of_id(history.budget.id)
    assert "Q1 pipeline review" in view.model.index(row, COL_FROM).data(Qt.ItemDataRole.ToolTipRole)
    controller.delete_meeting(history.review_id)
    assert "Agree the Q2 budget split" not in shown_titles(view)


def test_changes_while_hidden_are_taken_in_when_shown(
    view: FollowUpsView, controller: Controller, history: SimpleNamespace
) -> None:
    view.hide()
    controller.set_action_status(action_id=history.call.id, status=ActionStatus.DONE)
    assert "Call every webinar lead within a day" in shown_titles(view)  # not yet
    view.show()
    assert "Call every webinar lead within a day" not in shown_titles(view)


def test_a_long_history_is_read_off_the_gui_thread_a_window_at_a_time(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    monkeypatch: pytest.MonkeyPatch,
    controller: Controller,
    history: SimpleNamespace,
) -> None:
    """Past BACKGROUND_ABOVE actions the page never waits on the database: the count, the
    rows on screen and the balance are read on another thread, a window at a time, and
    rows whose window is on its way show "…" until it comes."""
    monkeypatch.setattr(followups_view, "BACKGROUND_ABOVE", 0)  # six actions count as many
    monkeypatch.setattr(followup_rows_model, "PAGE_ROWS", 2)
    fu = controller.services.followups
    on_gui_thread: list[str] = []
    for name in ("count", "window", "first_window", "position", "team_balance"):
        read = getattr(fu, name)

        def watched(*args, _read=read, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread():
                on_gui_thread.append(_name)
            return _read(*args, **kwargs)

        monkeypatch.setattr(fu, name, watched)

    page = FollowUpsView(controller, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    assert not page.is_loaded
    assert page.count_label.text() == "Loading actions…"
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    assert page.count_label.text() == "6 actions"
    assert page.balance_strip_text().startswith("Sales 4 open · 1 overdue")
    model = page.model
    qtbot.waitUntil(lambda: not page.is_busy, timeout=5000)  # the windows on screen
    assert [model.index(r, COL_ACTION).data() for r in (0, 5)] == [
        "Call every webinar lead within a day",
        "Update the ICP one-pager",
    ]
    choose(page.team_combo, "joint")  # the old rows stay until the new ones are in
    assert not page.is_loaded and model.rowCount() == 6
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    assert model.rowCount() == 1 and page.count_label.text() == "1 action"
    assert model.index(0, COL_ACTION).data() == "Update the ICP one-pager"
    assert on_gui_thread == []

    # A row whose window is not read yet shows "…" until it comes.
    rows = FollowUpRowsModel(page, today=lambda: TODAY)
    rows.set_reader(fu, fu.directory(), background=True)
    rows.set_filter(ActionFilter())
    qtbot.waitUntil(lambda: rows.is_settled, timeout=5000)
    assert rows.rowCount() == 6 and rows.index(0, COL_ACTION).data() != "…"
    assert rows.index(5, COL_ACTION).data() == "…"
    qtbot.waitUntil(lambda: rows.index(5, COL_ACTION).data() != "…", timeout=5000)
    assert rows.index(5, COL_ACTION).data() == "Update the ICP one-pager"
    rows.sort(COL_OWNER, Qt.SortOrder.AscendingOrder)  # windows on their way, and in
    qtmodeltester.check(rows)
    qtbot.waitUntil(lambda: not rows.is_busy, timeout=5000)
    qtmodeltester.check(rows)
    assert on_gui_thread == []


# ---- my commitments ----------------------------------------------------------------------
def test_my_commitments_shows_one_members_open_actions_and_commitments_and_saves_a_pdf(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    view: FollowUpsView,
    services: Services,
    history: SimpleNamespace,
) -> None:
    ava = history.people["Ava Chen"]
    services.meetings.set_attendance(
        meeting_id=history.meeting_id, member_id=ava, attendance=Attendance.PRESENT
    )
    services.meetings.commit(meeting_id=history.meeting_id, member_id=ava, confidence=4)
    assert not view.mine_button.isEnabled()
    choose(view.person_combo, ava)
    view.mine_button.setChecked(True)
    assert view.commitments_card.isVisible()
    assert not view.status_combo.isEnabled()
    assert view.commitments_title.text() == "Ava Chen: 2 open actions · 1 commitment"
    assert view.commitments_model.rowCount() == 1
    assert view.commitments_model.record(0).confidence == 4
    assert shown_titles(view) == [
        "Call every webinar lead within a day",
        "Agree the Q2 budget split",
    ]

    target = tmp_path / "ava.pdf"
    monkeypatch.setattr(followups_view, "ask_pdf_path", lambda parent, suggested: target)
    view.pdf_button.click()
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    html = followups_view.commitments_html(services.followups.member_commitments(ava, TODAY))
    assert "Call every webinar lead within a day" in html and "(overdue)" in html
    choose(view.person_combo, None)
    assert not view.mine_button.isChecked() and view.status_combo.isEnabled()
    assert not view.commitments_card.isVisible()


def test_the_printable_page_escapes_user_text(services: Services, history: SimpleNamespace) -> None:
    page = followups_view.commitments_html(services.followups.member_commitments(history.sam.id))
    assert "&lt;b&gt;Sam&lt;/b&gt; {{7*7}}" in page
    assert "Check &lt;i&gt;this&lt;/i&gt; &amp; that" in page
    assert "<b>Sam</b>" not in page


# ---- decisions and search ----------------------------------------------------------------
def test_the_decisions_tab_lists_and_searches_the_decisions_log(
    qtbot: QtBot, view: FollowUpsView, controller: Controller, history: SimpleNamespace
) -> None:
    view.tabs.setCurrentIndex(followups_view.TAB_DECISIONS)
    assert not view.decisions_open_button.isEnabled()  # no decision chosen yet
    assert view.decisions_model.rowCount() == 1
    assert view.decisions_model.record(0).text == "Report speed to lead weekly"
    assert view.decisions_count.text() == "1 decision"
    view.decisions_search.setText("budget")
    qtbot.waitUntil(lambda: view.decisions_model.rowCount() == 0, timeout=2000)
    assert view.decisions_count.text() == "No decision matches “budget”."
    view.decisions_search.setText("speed")
    view.refresh_decisions()
    view.decisions_table.selectRow(0)
    with qtbot.waitSignal(controller.navigation_requested):
        view.decisions_open_button.click()
    assert controller.current_meeting_id == history.meeting_id


def test_search_all_meetings_finds_actions_ideas_decisions_and_notes(
    view: FollowUpsView, history: SimpleNamespace
) -> None:
    view.tabs.setCurrentIndex(followups_view.TAB_SEARCH)
    assert view.hits_count.text() == "Type a few words: every one must appear."
    assert not view.hits_open_button.isEnabled()  # nothing to open yet
    view.search_all_edit.setText("webinar")
    view.refresh_hits()
    kinds = sorted(view.hits_model.record(r).kind for r in range(view.hits_model.rowCount()))
    assert kinds == ["action", "action", "idea", "note"]
    assert view.hits_count.text() == "4 found"
    assert not view.hits_open_button.isEnabled()  # until a hit is chosen
    view.hits_table.selectRow(0)
    assert view.hits_open_button.isEnabled()
    view.search_all_edit.setText("nothing of the sort")
    view.refresh_hits()
    assert view.hits_model.rowCount() == 0 and not view.hits_open_button.isEnabled()


# ---- the whole flow ----------------------------------------------------------------------
def test_open_actions_come_back_in_the_next_meeting_and_their_review_shows_in_follow_ups(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    history: SimpleNamespace,
) -> None:
    """Close a meeting with open actions, create the next one, review them there, then find
    the change and its history on the Follow-ups page."""
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    controller.close_meeting(meeting_id=history.meeting_id)
    following = controller.create_next_meeting(history.meeting_id)
    assert controller.current_meeting_id == following.id

    window.show_page("run")
    run = window.run_view
    controller.set_phase(meeting_id=following.id, phase=Phase.REVIEW)
    review = run.review_phase
    assert run.stack.currentWidget() is review
    reviewed = {review.model.record(r).action.title for r in range(review.model.rowCount())}
    assert reviewed == {
        "Call every webinar lead within a day",
        "Tag every rejected lead with a reason",
        "Rewrite the webinar follow-up e-mail",
        "Update the ICP one-pager",
        "Check <i>this</i> & that",
    }
    row = review.model.row_of(lambda f: f.action.id == history.call.id)
    review.select_row(row)
    qtbot.keyClicks(review.note_edit, "Queue live for all SDRs")
    qtbot.mouseClick(review.status_buttons[ActionStatus.DONE], Qt.MouseButton.LeftButton)
    assert services.actions.get_action(history.call.id).status is ActionStatus.DONE

    window.show_page("followups")
    page = window.followups_view
    assert window.stack.currentWidget() is page
    choose(page.person_combo, history.people["Ava Chen"])
    assert shown_titles(page) == ["Agree the Q2 budget split"]  # the call is done
    page.status_combo.setCurrentIndex([t for t, _ in STATUS_CHOICES].index("Done"))
    assert shown_titles(page) == ["Call every webinar lead within a day"]
    choose(page.person_combo, None)
    page.status_combo.setCurrentIndex(1)  # all statuses
    page.search_edit.setText("queue live")
    qtbot.waitUntil(lambda: len(shown_titles(page)) == 1, timeout=2000)  # found by its note
    assert page.select_action(history.call.id)
    assert [after_date(u) for u in page.history_model.rows()] == [
        "Sales & Marketing sync · Agreed · by Maya Rossi",
        "Sales & Marketing sync · Open → Done · by Maya Rossi · Queue live for all SDRs",
    ]
    assert services.actions.history(history.call.id)[-1].meeting_id == following.id
    row = page.model.row_of_id(history.call.id)
    assert page.model.index(row, COL_STATUS).data() == "Done"
    assert page.model.index(row, 7).data() == "Queue live for all SDRs"


def test_my_commitments_follow_the_chosen_person(
    view: FollowUpsView, services: Services, history: SimpleNamespace
) -> None:
    for name, confidence in (("Ava Chen", 5), ("Ben Okafor", 3)):
        member = history.people[name]
        services.meetings.set_attendance(
            meeting_id=history.meeting_id, member_id=member, attendance=Attendance.PRESENT
        )
        services.meetings.commit(
            meeting_id=history.meeting_id, member_id=member, confidence=confidence
        )
    choose(view.person_combo, history.people["Ava Chen"])
    view.mine_button.setChecked(True)
    assert view.commitments_model.record(0).confidence == 5
    view.select_action(history.call.id)
    choose(view.person_combo, history.people["Ben Okafor"])
    assert view.mine_button.isChecked()
    assert view.commitments_title.text() == "Ben Okafor: 1 open action · 1 commitment"
    assert view.commitments_model.record(0).confidence == 3
    assert shown_titles(view) == ["Tag every rejected lead with a reason"]


def test_the_export_menu_saves_the_listed_actions_as_checklist_calendar_and_csv(
    view: FollowUpsView,
    history: SimpleNamespace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import csv

    import docx
    import icalendar

    monkeypatch.setattr(
        followups_view, "ask_export_path", lambda _parent, kind, _suggested: tmp_path / f"f.{kind}"
    )
    choose(view.person_combo, history.people["Ava Chen"])
    for kind in ("docx", "ics", "csv"):
        view.export_actions[kind].trigger()

    checklist = docx.Document(str(tmp_path / "f.docx"))
    text = "\n".join(c.text for t in checklist.tables for row in t.rows for c in row.cells)
    assert "Call every webinar lead within a day" in text
    assert "Agree the Q2 budget split" in text
    assert "Rewrite the webinar follow-up e-mail" not in text  # Maya's, filtered out

    calendar = icalendar.Calendar.from_ical((tmp_path / "f.ics").read_bytes())
    # "Action A-<id>: title (owner)": the number the action has in every document.
    by_id = {int(str(e["UID"]).split("-")[2]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    titles = {"Agree the Q2 budget split", "Call every webinar lead within a day"}
    expected = {f"Action A-{n}: {t} (Ava Chen)" for n, s in by_id.items() for t in titles if t in s}
    assert set(by_id.values()) == expected and len(expected) == len(titles)

    with (tmp_path / "f.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert sorted(r[1] for r in rows[1:]) == [
        "Agree the Q2 budget split",
        "Call every webinar lead within a day",
    ]


def test_at_scale_an_export_is_written_by_a_process_of_its_own_with_the_same_rows(
    qtbot: QtBot,
    controller: Controller,
    history: SimpleNamespace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past BACKGROUND_ABOVE actions seconds of Python in a thread of the window held the
    interpreter its paints need (53 ms still at 300,000 actions): the export runs in a
    process of its own, writes what the filters list, and the status bar says so."""
    import csv

    monkeypatch.setattr(followups_view, "BACKGROUND_ABOVE", 0)  # six actions count as many
    monkeypatch.setattr(
        followups_view, "ask_export_path", lambda _parent, kind, _suggested: tmp_path / f"f.{kind}"
    )
    here: list[str] = []
    monkeypatch.setattr(controller, "write_followups", lambda **kw: here.append(kw["kind"]))
    said: list[str] = []
    controller.status_shown.connect(said.append)
    page = FollowUpsView(controller, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    choose(page.person_combo, history.people["Ava Chen"])
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)

    assert page.export("csv") == tmp_path / "f.csv"
    assert here == []  # not in the window's process
    with (tmp_path / "f.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert sorted(r[1] for r in rows[1:]) == [
        "Agree the Q2 budget split",
        "Call every webinar lead within a day",
    ]
    assert said[-1] == f"Saved 2 actions to {tmp_path / 'f.csv'}"

    warned: list[str] = []
    monkeypatch.setattr(followups_view, "warn", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(followups_view, "ask_export_path", lambda *_: tmp_path / "no" / "f.ics")
    assert page.export("ics") is None
    assert len(warned) == 1 and str(tmp_path / "no") in warned[0]


def test_an_export_process_that_dies_says_so_in_a_warning_never_a_traceback(
    qtbot: QtBot,
    controller: Controller,
    history: SimpleNamespace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The export's process killed or crashed before its reply: "Not saved" says the work
    stopped and may not be saved — not "Something went wrong" with its output."""
    from alignmeet.services import export_process

    (tmp_path / "dies_at_once.py").write_text("import os\nos._exit(3)\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setattr(export_process, "MODULE", "dies_at_once")
    monkeypatch.setattr(followups_view, "BACKGROUND_ABOVE", 0)
    monkeypatch.setattr(followups_view, "ask_export_path", lambda *_: tmp_path / "f.csv")
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(
        followups_view, "warn", lambda _p, title, text: warned.append((title, text))
    )
    page = FollowUpsView(controller, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    assert page.export("csv") is None
    assert len(warned) == 1 and warned[0][0] == "Not saved"
    assert warned[0][1].startswith("The work stopped before it was done (")
    assert "may not have been saved" in warned[0][1]
    assert not (tmp_path / "f.csv").exists()


def test_an_export_that_cannot_be_written_says_so_and_keeps_the_page(
    view: FollowUpsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    target = tmp_path / "missing-folder" / "f.csv"
    monkeypatch.setattr(followups_view, "ask_export_path", lambda *_: target)
    monkeypatch.setattr(followups_view, "warn", lambda _p, _t, text: warnings.append(text))
    assert view.export("csv") is None
    assert len(warnings) == 1 and str(target.parent) in warnings[0]
    assert not target.parent.exists()


def test_each_row_is_numbered_with_the_actions_own_number(
    view: FollowUpsView, history: SimpleNamespace
) -> None:
    """The follow-up list numbers rows as every document does (issue 17, finding 5):
    "A-<id>", not the row's place in the list, whatever the sort."""
    assert not view.table.verticalHeader().isHidden()
    for action in (history.call, history.odd):
        row = view.model.row_of_id(action.id)
        assert view.model.headerData(row, Qt.Orientation.Vertical) == f"A-{action.id}"
    view.table.sortByColumn(COL_ACTION, Qt.SortOrder.DescendingOrder)
    row = view.model.row_of_id(history.call.id)
    assert view.model.headerData(row, Qt.Orientation.Vertical) == f"A-{history.call.id}"


def test_a21_closing_the_window_during_an_export_stops_it_and_says_so_truly(
    qtbot: QtBot,
    qapp: QApplication,
    controller: Controller,
    history: SimpleNamespace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window closed (Ctrl+Q, the title bar's ×) while the export's thread runs: the
    application's loop ends and takes the export's loop with it. The export then went on
    to the end after the window had gone (at scale: seconds of a closed window still
    running) and wrote the file, while the window said "cancelled: no file was written".
    Now closing cancels it at its next checkpoint: the old file as it was, and what the
    window says is true."""
    target = tmp_path / "f.csv"
    target.write_bytes(b"the old file\r\n")
    monkeypatch.setattr(followups_view, "ask_export_path", lambda *_: target)
    real = controller.write_followups

    def still_running(**kw: object) -> object:  # a long export: not done at the close
        cancelled = kw["cancelled"]
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:  # type: ignore[operator]
            time.sleep(0.01)
        return real(**kw)  # type: ignore[arg-type]

    monkeypatch.setattr(controller, "write_followups", still_running)
    said: list[str] = []
    controller.status_shown.connect(said.append)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.show_page("followups")
    page = window.followups_view
    qtbot.waitUntil(lambda: page.is_loaded, timeout=5000)
    returned: list[object] = []

    QTimer.singleShot(0, lambda: returned.append(page.export("csv")))
    QTimer.singleShot(100, window.close)
    QTimer.singleShot(20_000, qapp.quit)  # never hang the suite
    qapp.exec()  # as in the app: its loop ends when the last window closes

    assert returned == [None]
    assert not window.isVisible()
    assert target.read_bytes() == b"the old file\r\n"
    assert said[-1] == "The actions cancelled: no file was written."
