"""The alignment toolkit inside a running meeting: the panel beside a toolkit agenda item,
the persona card, the goal and persona an action serves, the persona column in Prepare
and the channels when the meeting opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ItemKind, Phase
from ui.controller import Controller
from ui.models.agenda_model import COL_PERSONA
from ui.views.run_view import RunView
from ui.views.toolkit import PANELS


@pytest.fixture
def run(qtbot: QtBot, controller: Controller, meeting_id: int) -> RunView:
    controller.select_meeting(meeting_id)
    view = RunView(controller, clock=lambda: 100.0)
    view.resize(1280, 800)
    qtbot.addWidget(view)
    view.show()
    view.go_to(Phase.AGENDA)
    return view


@pytest.mark.parametrize("kind", list(PANELS))
def test_each_toolkit_kind_shows_its_panel_beside_the_item(
    run: RunView, controller: Controller, meeting_id: int, kind: ItemKind
) -> None:
    item = controller.add_item(meeting_id=meeting_id, title=f"A {kind.label}", kind=kind)
    run.agenda_phase.select_item(item.id)
    panel = run.agenda_phase.toolkit_panel()
    assert panel is not None and type(panel).__name__ == PANELS[kind][1]
    assert run.agenda_phase.toolkit_scroll.isVisible()
    # The panel scrolls: the page still fits a laptop screen.
    assert run.height() <= 800


def test_a_regular_item_has_no_panel(run: RunView, controller: Controller, meeting_id: int):
    item = controller.add_item(meeting_id=meeting_id, title="Open discussion")
    run.agenda_phase.select_item(item.id)
    assert run.agenda_phase.toolkit_panel() is None
    assert not run.agenda_phase.toolkit_scroll.isVisible()


def test_an_item_naming_a_persona_puts_the_card_on_screen(
    run: RunView, controller: Controller, meeting_id: int
) -> None:
    larry = controller.perform(
        "add persona",
        lambda s: s.personas.add_persona(name="Larry, the CFO", role="CFO", pains="Cash flow"),
    )
    item = controller.add_item(meeting_id=meeting_id, title="Campaign X", persona_id=larry.id)
    run.agenda_phase.select_item(item.id)
    assert run.agenda_phase.persona_button.isVisible()
    assert "Persona: Larry, the CFO" in run.agenda_phase.meta_label.text()
    card = run.agenda_phase.show_persona()
    assert card is not None and card.isVisible()
    texts = " ".join(label.text() for label in card.findChildren(QLabel))
    assert "Larry, the CFO" in texts and "Cash flow" in texts
    card.close()


def test_a_new_action_serves_a_goal_and_a_persona(
    run: RunView, controller: Controller, meeting_id: int, people: dict[str, int]
) -> None:
    goal = controller.perform(
        "add goal",
        lambda s: s.goals.add_goal(
            kind="revenue", title="New ARR", period="2030-Q1", target_value=1_000_000, unit="$"
        ),
    )
    persona = controller.perform("add persona", lambda s: s.personas.add_persona(name="Olivia"))
    run.go_to(Phase.ACTIONS)
    page = run.actions_phase
    page.owner_combo.setCurrentIndex(page.owner_combo.findData(people["Ava Chen"]))
    page.goal_combo.setCurrentIndex(page.goal_combo.findData(goal.id))
    page.persona_picker.set_persona_id(persona.id)
    page.text_edit.setText("Call the ten biggest accounts")
    action = page.add_action()
    assert action is not None
    assert (action.goal_id, action.persona_id) == (goal.id, persona.id)


def test_the_prepare_agenda_shows_and_sets_the_persona(
    qtbot: QtBot, controller: Controller, meeting_id: int
) -> None:
    from ui.views.prepare_view import PrepareView

    raj = controller.perform(
        "add persona", lambda s: s.personas.add_persona(name="Raj, IT Manager")
    )
    controller.select_meeting(meeting_id)
    view = PrepareView(controller)
    qtbot.addWidget(view)
    model = view.agenda_model
    index = model.index(0, COL_PERSONA)
    assert model.data(index) == "—"
    assert model.setData(index, raj.id)
    assert model.data(model.index(0, COL_PERSONA)) == "Raj, IT Manager"
    item = controller.services.agenda.items(meeting_id)[0]
    assert item.persona_id == raj.id


def test_the_open_phase_shows_the_agreed_channels(run: RunView, controller: Controller) -> None:
    controller.perform(
        "add rule",
        lambda s: s.channels.add_rule(
            urgency="Urgent", channel="Phone call", response_time="1 hour"
        ),
    )
    run.go_to(Phase.OPEN)
    strip = run.open_phase.channels_strip
    texts = " ".join(label.text() for label in strip.findChildren(QLabel))
    assert "Urgent" in texts and "Phone call" in texts


def test_the_glossary_is_one_click_away_on_every_page(qtbot: QtBot, controller: Controller):
    from ui.main_window import PAGES, MainWindow

    controller.perform(
        "propose", lambda s: s.glossary.propose(term="MQL", definition="A lead scored 60+")
    )
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    for key, _label in PAGES:
        window.show_page(key)
        assert window.glossary_button.isVisible(), key
    qtbot.mouseClick(window.glossary_button, Qt.MouseButton.LeftButton)
    lookup = window.show_glossary()
    assert lookup.isVisible()
    lookup.close()
