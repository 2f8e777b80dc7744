"""The Channels tab and the meeting strip: agree which channel for what urgency."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignmeet.services import Services
from ui.controller import Controller
from ui.models.channels_rules_model import COL_URGENCY, ChannelRulesModel
from ui.views.toolkit.channels_view import ChannelsStrip, ChannelsView


@pytest.fixture
def view(qtbot: QtBot, controller: Controller) -> ChannelsView:
    widget = ChannelsView(controller)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def urgencies(view: ChannelsView) -> list[str]:
    return [view.model.index(r, COL_URGENCY).data() for r in range(view.model.rowCount())]


def fill(qtbot: QtBot, view: ChannelsView, urgency: str, channel: str, response: str = "") -> None:
    for edit, text in (
        (view.urgency_edit, urgency),
        (view.channel_edit, channel),
        (view.response_edit, response),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_the_model_passes_qt_model_tester(qtmodeltester, services: Services) -> None:
    model = ChannelRulesModel()
    model.set_rows(services.channels.ensure_defaults())
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "within 1 hour"


def test_an_empty_list_offers_the_suggested_channels(view: ChannelsView, services) -> None:
    assert urgencies(view) == []
    assert view.empty_label.isVisible() and view.defaults_button.isVisible()
    view.defaults_button.click()
    assert urgencies(view) == ["Urgent (deal at risk)", "Today", "This week", "FYI"]
    assert not view.defaults_button.isVisible()
    assert len(services.channels.list_rules()) == 4


def test_adding_a_rule_through_the_form(qtbot: QtBot, view: ChannelsView, services) -> None:
    fill(qtbot, view, "Urgent", "Phone call", "within 1 hour")
    qtbot.keyClicks(view.notes_edit, "Leave a voicemail.")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    [rule] = services.channels.list_rules()
    assert (rule.urgency, rule.channel, rule.response_time, rule.notes) == (
        "Urgent",
        "Phone call",
        "within 1 hour",
        "Leave a voicemail.",
    )
    assert urgencies(view) == ["Urgent"]
    assert view.urgency_edit.text() == ""  # ready for the next one
    assert view.form_note.text() == "Added: Urgent → Phone call (within 1 hour)."


def test_a_missing_channel_is_told_at_the_field_and_nothing_typed_is_lost(
    qtbot: QtBot, view: ChannelsView, services
) -> None:
    fill(qtbot, view, "Today", "", "same day")
    view.add_button.click()
    error = view.field_errors["channel"]
    assert error.isVisible() and error.text() == "Channel cannot be empty."
    assert view.channel_edit.hasFocus()
    assert (view.urgency_edit.text(), view.response_edit.text()) == ("Today", "same day")
    assert services.channels.list_rules() == []


def test_a_duplicate_urgency_is_refused_at_the_urgency_field(
    qtbot: QtBot, view: ChannelsView, services
) -> None:
    services.channels.add_rule(urgency="Urgent", channel="Phone call")
    view.refresh()
    fill(qtbot, view, "urgent", "SMS")
    qtbot.keyClick(view.channel_edit, Qt.Key.Key_Return)
    assert view.field_errors["urgency"].text() == "“Urgent” already has a channel (Phone call)."
    assert len(services.channels.list_rules()) == 1


def test_selecting_a_rule_edits_it(qtbot: QtBot, view: ChannelsView, services) -> None:
    services.channels.ensure_defaults()
    view.refresh()
    view.table.selectRow(1)
    assert view.form_heading.text() == "Editing “Today”"
    assert view.channel_edit.text() == "Team chat"
    view.channel_edit.clear()
    qtbot.keyClicks(view.channel_edit, "Slack #sales-marketing")
    view.save_button.click()
    assert services.channels.list_rules()[1].channel == "Slack #sales-marketing"
    assert view.model.index(1, 1).data() == "Slack #sales-marketing"


def test_moving_and_removing_rules(view: ChannelsView, services) -> None:
    services.channels.ensure_defaults()
    view.refresh()
    view.table.selectRow(0)
    assert not view.up_button.isEnabled() and view.down_button.isEnabled()
    view.down_button.click()
    assert urgencies(view)[:2] == ["Today", "Urgent (deal at risk)"]
    assert view.up_button.isEnabled()  # the moved rule stays selected
    view.remove_button.click()
    assert urgencies(view) == ["Today", "This week", "FYI"]
    assert [r.urgency for r in services.channels.list_rules()] == urgencies(view)


def test_the_strip_shows_the_agreement_and_follows_changes(
    qtbot: QtBot, controller: Controller
) -> None:
    strip = ChannelsStrip(controller)
    qtbot.addWidget(strip)
    assert strip.text() == "No channels agreed yet (Alignment → Channels)."
    controller.perform("ensure defaults", lambda s: s.channels.ensure_defaults())
    assert strip.text().startswith(
        "Urgent (deal at risk) → Phone call (within 1 hour) · Today → Team chat (same day)"
    )
    assert strip.text_label.textFormat() == Qt.TextFormat.PlainText
    rule = controller.services.channels.list_rules()[0]
    controller.perform(
        "update rule", lambda s: s.channels.update_rule(rule_id=rule.id, urgency="<b>Urgent</b>")
    )
    assert strip.text().startswith("<b>Urgent</b> → Phone call")
