"""The Series dialog: cadence, default agenda and members of a series, saved through the
controller; a refused value is shown at its field with everything typed kept."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from alignmeet.services import Services
from ui.controller import Controller
from ui.models.series_members_model import SeriesMembersModel
from ui.views.meetings_view import MeetingsView
from ui.views.series_dialog import NO_TEMPLATE, SeriesDialog


def tick(model: SeriesMembersModel, names: set[str]) -> None:
    from PySide6.QtCore import Qt

    for row, member in enumerate(model.rows()):
        state = Qt.CheckState.Checked if member.name in names else Qt.CheckState.Unchecked
        assert model.setData(model.index(row, 0), state, Qt.ItemDataRole.CheckStateRole)


def test_editing_cadence_members_and_template_saves_them(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    series_id = services.meetings.get_meeting(meeting_id).series_id
    dialog = SeriesDialog(controller, series_id=series_id)
    qtbot.addWidget(dialog)
    assert dialog.template_combo.itemText(0) == NO_TEMPLATE
    assert {m.name for m in dialog.members_model.rows()} == set(people)

    dialog.cadence_spin.setValue(14)
    dialog.template_combo.setCurrentIndex(2)
    template_id = dialog.template_combo.currentData()
    tick(dialog.members_model, {"Ava Chen", "Maya Rossi"})
    with qtbot.waitSignal(controller.series_changed, timeout=1000):
        assert dialog.save()

    saved = services.meetings.get_series(series_id)
    assert saved.cadence_days == 14
    assert saved.default_template_id == template_id
    assert set(saved.member_ids) == {people["Ava Chen"], people["Maya Rossi"]}
    assert "Saved" in dialog.saved_label.text()


def test_an_empty_name_is_refused_at_the_field_and_nothing_typed_is_lost(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int
) -> None:
    series = services.meetings.get_series(services.meetings.get_meeting(meeting_id).series_id)
    dialog = SeriesDialog(controller, series_id=series.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setText("   ")
    dialog.cadence_spin.setValue(21)

    assert not dialog.save()
    assert dialog.errors["name"].isVisible()
    assert "cannot be empty" in dialog.errors["name"].text()
    assert dialog.name_edit.text() == "   "
    assert dialog.cadence_spin.value() == 21
    assert services.meetings.get_series(series.id) == series
    dialog.close()


def test_the_series_button_opens_the_dialog_on_the_selected_meetings_series(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int, monkeypatch
) -> None:
    view = MeetingsView(controller)
    qtbot.addWidget(view)
    controller.select_meeting(meeting_id)
    opened: list[int | None] = []

    def fake_exec(dialog: SeriesDialog) -> int:
        series = dialog.current_series()
        opened.append(series.id if series else None)
        return 0

    monkeypatch.setattr(SeriesDialog, "exec", fake_exec)
    view.series_button.click()
    assert opened == [services.meetings.get_meeting(meeting_id).series_id]


def test_the_members_model_passes_the_model_tester(
    qtmodeltester, controller: Controller, people: dict[str, int]
) -> None:
    model = SeriesMembersModel()
    model.set_members(controller.services.people.list_members(), [people["Ava Chen"]])
    qtmodeltester.check(model)
