"""Personas tab, the persona card on screen, and the picker editors use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from ui.models.personas_model import PersonaReferencesModel, PersonasModel
from ui.views.toolkit.personas_view import (
    PersonaCard,
    PersonaPicker,
    PersonasView,
    show_persona_card,
)

LARRY = dict(
    name="Larry, the CFO",
    role="CFO",
    pains="Forecast misses\nBoard questions",
    goals="Predictable revenue",
    objections="“Another tool?”",
)


@pytest.fixture
def view(qtbot, controller):
    widget = PersonasView(controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_models_pass_the_model_tester(qtmodeltester, services):
    larry = services.personas.add_persona(**LARRY)
    model = PersonasModel()
    model.set_rows(services.personas.list_personas())
    qtmodeltester.check(model)
    refs = PersonaReferencesModel()
    refs.set_rows(services.personas.references(larry.id).agenda_items)
    qtmodeltester.check(refs)


def test_add_a_persona_by_typing(qtbot, view, services):
    qtbot.keyClicks(view.name_edit, "Olivia, Head of Operations")
    qtbot.keyClicks(view.role_edit, "Head of RevOps")
    qtbot.keyClicks(view.text_edits["pains"], "Chasing CRM updates")
    _click(qtbot, view.add_button)
    (olivia,) = services.personas.list_personas()
    assert (olivia.name, olivia.role, olivia.pains) == (
        "Olivia, Head of Operations",
        "Head of RevOps",
        "Chasing CRM updates",
    )
    assert view.model.rowCount() == 1
    assert view.form_heading.text() == "Editing Olivia, Head of Operations"
    assert view.form_note.text() == "Added Olivia, Head of Operations."


def test_an_empty_or_taken_name_is_shown_at_the_field_and_nothing_typed_is_lost(
    qtbot, view, services
):
    qtbot.keyClicks(view.text_edits["goals"], "Fewer tools")
    _click(qtbot, view.add_button)
    assert view.field_errors["name"].isVisibleTo(view)
    assert view.field_errors["name"].text() == "Persona name cannot be empty."
    assert view.text_edits["goals"].toPlainText() == "Fewer tools"

    services.personas.add_persona(name="Larry")
    qtbot.keyClicks(view.name_edit, "LARRY")
    _click(qtbot, view.add_button)
    assert view.field_errors["name"].text() == "There is already a persona called “Larry”."
    assert view.name_edit.text() == "LARRY"
    assert len(services.personas.list_personas()) == 1


def test_edit_and_save(qtbot, view, controller, services):
    larry = services.personas.add_persona(**LARRY)
    controller.toolkit_changed.emit("personas")
    view.table.selectRow(0)
    assert view.name_edit.text() == "Larry, the CFO"
    view.text_edits["objections"].setPlainText("“Is SSO included?”")
    _click(qtbot, view.save_button)
    assert services.personas.get_persona(larry.id).objections == "“Is SSO included?”"
    assert view.form_note.text() == "Saved Larry, the CFO."


def test_picking_another_persona_saves_the_edits_first(qtbot, view, controller, services):
    larry = services.personas.add_persona(**LARRY)
    services.personas.add_persona(name="Raj, IT Manager")
    controller.toolkit_changed.emit("personas")
    view.table.selectRow(0)
    view.role_edit.setText("Chief Financial Officer")
    view.table.selectRow(1)
    assert services.personas.get_persona(larry.id).role == "Chief Financial Officer"
    assert view.name_edit.text() == "Raj, IT Manager"


def test_archive_hides_and_restore_brings_back(qtbot, view, controller, services):
    services.personas.add_persona(**LARRY)
    controller.toolkit_changed.emit("personas")
    view.table.selectRow(0)
    _click(qtbot, view.archive_button)
    assert services.personas.list_personas() == []
    assert view.model.rowCount() == 0
    view.archived_check.setChecked(True)
    assert view.model.record(0).label == "Larry, the CFO (archived)"
    view.table.selectRow(0)
    assert view.archive_button.text() == "Restore"
    _click(qtbot, view.archive_button)
    assert [p.name for p in services.personas.list_personas()] == ["Larry, the CFO"]


def test_references_show_the_items_naming_the_persona(
    qtbot, view, controller, services, meeting_id
):
    larry = services.personas.add_persona(**LARRY)
    item = services.agenda.items(meeting_id)[0]
    services.agenda.update_item(item_id=item.id, persona_id=larry.id)
    controller.toolkit_changed.emit("personas")
    view.table.selectRow(0)
    assert view.references_model.rowCount() == 1
    assert view.references_model.record(0).title == item.title
    assert view.references_label.text() == "Referenced by 1 agenda item."


def test_show_on_screen_opens_the_card_not_modal_and_follows_edits(
    qtbot, view, controller, services
):
    larry = services.personas.add_persona(**LARRY)
    controller.toolkit_changed.emit("personas")
    view.table.selectRow(0)
    _click(qtbot, view.show_button)
    (dialog,) = view._cards
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.windowTitle() == "Persona — Larry, the CFO"
    assert dialog.card.points_text() == [
        ["Forecast misses", "Board questions"],
        ["Predictable revenue"],
        ["“Another tool?”"],
    ]
    controller.perform(
        "update persona",
        lambda s: s.personas.update_persona(persona_id=larry.id, goals="Fewer tools"),
    )
    assert dialog.card.points_text()[1] == ["Fewer tools"]
    dialog.close()


def test_the_card_shows_markup_as_typed_in_large_type(qtbot, controller, services):
    persona = services.personas.add_persona(name="<b>Larry</b> {{7*7}}", pains="<i>x</i>")
    dialog = show_persona_card(controller, persona.id, None)
    assert isinstance(dialog, QDialog)
    card = dialog.findChild(PersonaCard)
    assert card.name_label.text() == "<b>Larry</b> {{7*7}}"
    for label in card.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert card.name_label.font().pointSizeF() >= 24
    assert card.points_text()[0] == ["<i>x</i>"]
    dialog.close()


def test_picker_lists_none_and_active_personas_and_keeps_an_archived_choice(
    qtbot, controller, services
):
    larry = services.personas.add_persona(name="Larry")
    raj = services.personas.add_persona(name="Raj")
    picker = PersonaPicker(controller)
    qtbot.addWidget(picker)
    assert [picker.itemText(i) for i in range(picker.count())] == ["(none)", "Larry", "Raj"]
    assert picker.persona_id() is None
    picker.set_persona_id(raj.id)
    assert picker.persona_id() == raj.id
    controller.perform("archive persona", lambda s: s.personas.archive_persona(persona_id=larry.id))
    assert [picker.itemText(i) for i in range(picker.count())] == ["(none)", "Raj"]
    picker.set_persona_id(larry.id)  # an item still naming the archived persona
    assert picker.currentText() == "Larry (archived)"
    assert picker.persona_id() == larry.id
    picker.set_persona_id(None)
    assert picker.currentText() == "(none)"
