"""Data needs: the teams' lists side by side, the overlap, and agreeing the joint Top 10
inside a meeting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt

from alignmeet.domain.enums import ActionStatus, Attendance, TeamTag
from ui.models.data_needs_model import ComparisonModel, JointTopModel, TeamRankingModel
from ui.views.toolkit.data_needs_view import DataNeedsPanel, DataNeedsView

TITLES = ("Reasons deals are lost", "Lead source per opportunity", "Speed to lead per SDR")


@pytest.fixture
def needs(services):
    return [services.data_needs.add_need(title=t).id for t in TITLES]


@pytest.fixture
def ranked(services, team_ids, needs):
    """Sales: lost, source, speed. Marketing: source."""
    services.data_needs.set_ranking(team_id=team_ids["Sales"], need_ids=needs)
    services.data_needs.set_ranking(team_id=team_ids["Marketing"], need_ids=[needs[1]])
    return needs


@pytest.fixture
def view(qtbot, controller):
    widget = DataNeedsView(controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_models_pass_the_model_tester(qtmodeltester, services, team_ids, ranked, people):
    sales = services.data_needs.rankings()[0]
    model = TeamRankingModel(team_ids["Sales"])
    model.set_rows(list(sales.needs))
    qtmodeltester.check(model)
    comparison = ComparisonModel()
    found = services.data_needs.overlap()
    comparison.set_teams(found.teams)
    comparison.set_rows(list(found.suggested))
    qtmodeltester.check(comparison)
    assert [comparison.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == [
        "Data need",
        "Sales",
        "Marketing",
        "Wanted by",
    ]
    joint = JointTopModel()
    joint.set_rows(services.data_needs.joint_top10())
    qtmodeltester.check(joint)


def test_both_lists_side_by_side_with_the_overlap_marked(ranked, view):
    sales, marketing = view.team_panels
    assert (sales.team_name, marketing.team_name) == ("Sales", "Marketing")
    titles = [sales.model.index(r, 1).data() for r in range(sales.model.rowCount())]
    assert titles == [
        "Reasons deals are lost",
        "★ Lead source per opportunity",
        "Speed to lead per SDR",
    ]
    shared = sales.model.index(1, 1)
    assert shared.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert shared.data(Qt.ItemDataRole.FontRole).bold()
    assert sales.model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.summary_label.text() == (
        "3 data needs · 1 on both lists · 2 only Sales · 0 only Marketing."
    )


def test_add_a_need_and_put_it_on_a_teams_list(qtbot, view, services, team_ids):
    qtbot.keyClicks(view.title_edit, "Which campaigns generated closed deals")
    _click(qtbot, view.add_need_button)
    assert [n.title for n in services.data_needs.list_needs()] == [
        "Which campaigns generated closed deals"
    ]
    marketing = view.team_panels[1]
    assert marketing.add_combo.currentText() == "Which campaigns generated closed deals"
    _click(qtbot, marketing.add_button)
    assert [n.title for n in services.data_needs.rankings()[1].needs] == [
        "Which campaigns generated closed deals"
    ]
    assert marketing.heading.text() == "Marketing — Top 10  (1 of 10)"


def test_a_duplicate_need_is_refused_at_the_field_with_the_text_kept(qtbot, view, needs):
    qtbot.keyClicks(view.title_edit, "reasons DEALS are lost")
    _click(qtbot, view.add_need_button)
    assert view.title_error.isVisibleTo(view)
    assert "already a data need" in view.title_error.text()
    assert view.title_edit.text() == "reasons DEALS are lost"


def test_up_down_and_take_off_reorder_the_stored_list(qtbot, ranked, view, services):
    sales = view.team_panels[0]
    sales.table.selectRow(2)
    _click(qtbot, sales.up_button)
    assert services.data_needs.rankings()[0].need_ids == (ranked[0], ranked[2], ranked[1])
    assert sales.selected_id() == ranked[2]  # the moved need stays selected
    _click(qtbot, sales.remove_button)
    assert services.data_needs.rankings()[0].need_ids == (ranked[0], ranked[1])


def test_dragging_a_row_saves_the_new_order(ranked, view, services):
    sales = view.team_panels[0]
    model = sales.model
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    assert services.data_needs.rankings()[0].need_ids == (ranked[1], ranked[2], ranked[0])


def test_a_full_list_cannot_take_an_eleventh(view, services, team_ids):
    ids = [services.data_needs.add_need(title=f"Need {i}").id for i in range(11)]
    services.data_needs.set_ranking(team_id=team_ids["Sales"], need_ids=ids[:10])
    view.refresh()
    sales = view.team_panels[0]
    assert sales.add_combo.count() == 1
    assert not sales.add_button.isEnabled()
    assert "full" in sales.add_button.toolTip()


def test_the_joint_top10_shows_owners_and_the_actions_status(
    view, controller, services, ranked, people, meeting_id
):
    (need,) = controller.perform(
        "agree joint",
        lambda s: s.data_needs.agree_joint(
            meeting_id=meeting_id, entries=[(ranked[1], people["Maya Rossi"], None)]
        ),
    )
    services.actions.set_status(action_id=need.action_id, status=ActionStatus.IN_PROGRESS)
    controller.actions_changed.emit(meeting_id)
    model = view.joint_model
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == [
        "1",
        "Lead source per opportunity",
        "Maya Rossi",
        "—",
        "In progress",
        "Sales #2 · Marketing #1",
    ]
    assert view.joint_label.text().startswith("Agreed in “Sales & Marketing sync”.")


# ---- in the meeting ---------------------------------------------------------------------
@pytest.fixture
def panel(qtbot, controller, services, meeting_id, ranked):
    item = services.agenda.add_item(meeting_id=meeting_id, title="Data needs", minutes=15)
    widget = DataNeedsPanel(controller, meeting_id=meeting_id, item_id=item.id)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_panel_compares_the_lists_and_starts_from_the_suggestion(panel, ranked):
    model = panel.comparison_model
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == "★ Lead source per opportunity"
    assert panel.comparison_label.text() == "1 on both lists · 2 only Sales · 0 only Marketing."
    assert [r.need_id() for r in panel.rows[:4]] == [ranked[1], ranked[0], ranked[2], None]
    assert all(r.owner_id() is None for r in panel.rows)


def test_agreeing_needs_an_owner_per_row(qtbot, panel, services):
    _click(qtbot, panel.agree_button)
    assert panel.error.isVisibleTo(panel)
    assert panel.error.text() == "Row 1 (“Lead source per opportunity”) needs an owner."
    assert services.data_needs.joint_top10() == []


def test_owners_are_the_members_present(qtbot, panel, controller, services, meeting_id, people):
    controller.set_attendance(
        meeting_id=meeting_id, member_id=people["Leo Novak"], attendance=Attendance.PRESENT
    )
    owners = [
        panel.rows[0].owner_combo.itemText(i) for i in range(panel.rows[0].owner_combo.count())
    ]
    assert owners == ["Owner…", "Leo Novak"]


def test_agree_creates_joint_actions_in_the_meeting(qtbot, panel, services, meeting_id, people):
    due = date.today() + timedelta(days=30)
    for row, owner in zip(panel.rows[:3], ("Maya Rossi", "Ava Chen", "Ben Okafor"), strict=True):
        row.owner_combo.setCurrentIndex(row.owner_combo.findData(people[owner]))
    panel.rows[0].due_edit.setDate(QDate(due))
    panel.rows[2].need_combo.setCurrentIndex(0)  # "—": leave Speed to lead out
    _click(qtbot, panel.agree_button)
    actions = services.actions.actions_for_meeting(meeting_id)
    assert [(a.title, a.owner_name, a.due, a.team_tag) for a in actions] == [
        ("Data need #1: Lead source per opportunity", "Maya Rossi", due, TeamTag.JOINT),
        ("Data need #2: Reasons deals are lost", "Ava Chen", None, TeamTag.JOINT),
    ]
    assert panel.note.text().startswith("Agreed: 2 data needs")
    # The form now shows what was agreed.
    assert [(r.need_id(), r.owner_id()) for r in panel.rows[:3]] == [
        (services.data_needs.joint_top10()[0].id, people["Maya Rossi"]),
        (services.data_needs.joint_top10()[1].id, people["Ava Chen"]),
        (None, None),
    ]
    assert panel.rows[0].due() == due


def test_fill_in_the_suggestion_keeps_chosen_owners(qtbot, panel, people, ranked):
    panel.rows[1].owner_combo.setCurrentIndex(
        panel.rows[1].owner_combo.findData(people["Ava Chen"])
    )
    panel.rows[0].need_combo.setCurrentIndex(0)
    _click(qtbot, panel.suggest_button)
    assert [r.need_id() for r in panel.rows[:3]] == [ranked[1], ranked[0], ranked[2]]
    assert panel.rows[1].owner_id() == people["Ava Chen"]
