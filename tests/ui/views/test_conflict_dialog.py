"""Two facilitators, one database: a save that collides shows both versions side by side;
keep mine saves it over theirs, take theirs shows theirs — never a silent overwrite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus
from alignmeet.services import Services, open_services
from alignmeet.services.base import ConflictError
from ui.controller import Controller
from ui.views.conflict_dialog import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from ui.views.prepare_view import PrepareView


@pytest.fixture
def other(services: Services) -> Iterator[Services]:
    """The second facilitator's AlignMeet on the same database."""
    assert services.db.path is not None
    second = open_services(str(services.db.path))
    yield second
    second.close()


def conflict(**overrides: object) -> ConflictError:
    values: dict[str, object] = {
        "what": "Meeting “<b>Q3</b> {{7*7}}”",
        "mine": {"topic": "<i>Webinar</i> leads", "due": date(2026, 3, 6), "owner_id": None},
        "theirs": {"topic": "Lead hand-off", "due": date(2026, 3, 13), "owner_id": "Ana López"},
    }
    values.update(overrides)
    return ConflictError(values["what"], values["mine"], values["theirs"])  # type: ignore[arg-type]


def test_the_dialog_shows_both_versions_side_by_side_as_plain_text(qtbot: QtBot, tmp_path) -> None:
    dialog = ConflictDialog(conflict())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.mine_text.toPlainText() == (
        "Topic:\n<i>Webinar</i> leads\n\nDue:\nFri 6 Mar 2026\n\nOwner:\n(none)"
    )
    assert dialog.theirs_text.toPlainText() == (
        "Topic:\nLead hand-off\n\nDue:\nFri 13 Mar 2026\n\nOwner:\nAna López"
    )
    labels = dialog.findChildren(QLabel)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert any("Meeting “<b>Q3</b> {{7*7}}” was changed" in label.text() for label in labels)
    assert dialog.mine_text.isReadOnly() and dialog.theirs_text.isReadOnly()
    assert dialog.mine_text.x() < dialog.theirs_text.x()  # side by side, mine on the left
    dialog.grab().save(str(tmp_path / "conflict_dialog.png"))


def test_escape_does_not_choose_for_the_user(qtbot: QtBot) -> None:
    dialog = ConflictDialog(conflict())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.choice is None
    dialog.take_theirs_button.click()
    assert not dialog.isVisible()


@pytest.mark.parametrize(("button", "choice"), [("keep_mine", KEEP_MINE), ("take", TAKE_THEIRS)])
def test_each_button_makes_its_choice_before_the_dialog_closes(
    qtbot: QtBot, button: str, choice: str
) -> None:
    seen: list[tuple[str, bool]] = []
    dialog = ConflictDialog(conflict(), on_choice=lambda c: seen.append((c, dialog.isVisible())))
    qtbot.addWidget(dialog)
    dialog.show()
    target = dialog.keep_mine_button if button == "keep_mine" else dialog.take_theirs_button
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert dialog.choice == choice
    assert seen == [(choice, True)]  # applied while the dialog was still up
    assert not dialog.isVisible()


def test_values_of_statuses_dates_and_flags_read_as_words() -> None:
    from ui.views.conflict_dialog import shown_value

    assert shown_value("status", "in_progress") == "In progress"
    assert shown_value("status", ActionStatus.BLOCKED) == "Blocked"
    assert shown_value("previous_minutes_approved", True) == "Yes"
    assert shown_value("place", "") == "(empty)"


# ---- through the controller --------------------------------------------------------------
def _answer(choice: str):  # type: ignore[no-untyped-def]
    asked: list[ConflictError] = []

    def resolver(conflict: ConflictError, apply) -> None:  # type: ignore[no-untyped-def]
        asked.append(conflict)
        apply(choice)

    return resolver, asked


def test_keep_mine_saves_mine_on_top_of_theirs(
    qtbot: QtBot, controller: Controller, services: Services, other: Services, meeting_id: int
) -> None:
    controller.services.meetings.get_meeting(meeting_id)  # on screen here
    other.meetings.update_meeting(meeting_id=meeting_id, topic="Lead hand-off")
    controller.conflict_resolver, asked = _answer(KEEP_MINE)
    with qtbot.waitSignal(controller.meeting_changed):
        saved = controller.update_meeting(meeting_id=meeting_id, topic="Webinar leads")
    assert [(c.mine, c.theirs) for c in asked] == [
        ({"topic": "Webinar leads"}, {"topic": "Lead hand-off"})
    ]
    assert saved.topic == "Webinar leads"
    assert other.meetings.get_meeting(meeting_id).topic == "Webinar leads"


def test_take_theirs_keeps_theirs_and_says_so(
    qtbot: QtBot, controller: Controller, other: Services, meeting_id: int, people: dict[str, int]
) -> None:
    item = controller.add_item(meeting_id=meeting_id, title="Lead quality")
    action = controller.add_action(
        meeting_id=meeting_id, owner_id=people["Ava Chen"], title="Send the deck"
    )
    other.agenda.update_item(item_id=item.id, notes="Marketing shares the scoring sheet")
    other.actions.set_status(action_id=action.id, status=ActionStatus.DONE, note="Sent")
    controller.conflict_resolver, asked = _answer(TAKE_THEIRS)
    with qtbot.waitSignal(controller.status_shown) as shown:
        kept = controller.update_item(item_id=item.id, notes="Sales sends ten rejected leads")
    assert kept.notes == "Marketing shares the scoring sheet"
    assert shown.args == ["Kept the other version of Agenda item “Lead quality”."]
    with qtbot.waitSignal(controller.actions_changed):
        status = controller.set_action_status(action_id=action.id, status=ActionStatus.BLOCKED)
    assert status.status is ActionStatus.DONE
    assert len(asked) == 2
    assert [u.note for u in other.actions.history(action.id)] == ["Agreed", "Sent"]
    # Having taken theirs, the next edit is saved without asking.
    assert controller.update_item(item_id=item.id, notes="Both lists").notes == "Both lists"
    assert len(asked) == 2


def test_the_same_value_saved_by_both_is_not_asked_about(
    controller: Controller, other: Services, meeting_id: int
) -> None:
    controller.services.meetings.get_meeting(meeting_id)
    other.meetings.update_meeting(meeting_id=meeting_id, place="Room 4")
    controller.conflict_resolver, asked = _answer(TAKE_THEIRS)
    assert controller.update_meeting(meeting_id=meeting_id, place="Room 4").place == "Room 4"
    assert asked == []


def test_without_a_choice_nothing_is_saved_and_the_conflict_stays(
    controller: Controller, other: Services, meeting_id: int
) -> None:
    controller.services.meetings.get_meeting(meeting_id)
    other.meetings.update_meeting(meeting_id=meeting_id, topic="Theirs")
    controller.conflict_resolver = lambda conflict, apply: None  # the dialog went away
    with pytest.raises(ConflictError):
        controller.update_meeting(meeting_id=meeting_id, topic="Mine")
    assert other.meetings.get_meeting(meeting_id).topic == "Theirs"


def test_typing_in_the_prepare_page_then_taking_theirs_shows_theirs_in_the_field(
    qtbot: QtBot, controller: Controller, other: Services, meeting_id: int, tmp_path
) -> None:
    """The real dialog, from the autosave of a field being typed into."""
    controller.select_meeting(meeting_id)
    view = PrepareView(controller)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.topic_edit.setFocus()
    other.meetings.update_meeting(meeting_id=meeting_id, topic="Lead hand-off, by Chloé")
    shots: list[str] = []

    def take_theirs() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ConflictDialog) and w.isVisible()
        ]
        if not shown:  # not up yet: look again in a moment
            QTimer.singleShot(20, take_theirs)
            return
        [dialog] = shown
        assert dialog.isModal()
        assert dialog.theirs_text.toPlainText() == "Topic:\nLead hand-off, by Chloé"
        assert dialog.mine_text.toPlainText() == "Topic:\nWebinar leads: who calls them?"
        path = tmp_path / "conflict_over_prepare.png"
        dialog.grab().save(str(path))
        shots.append(str(path))
        dialog.take_theirs_button.click()

    QTimer.singleShot(0, take_theirs)
    view.topic_edit.setPlainText("Webinar leads: who calls them?")
    controller.flush_pending()
    assert shots  # the dialog was shown
    assert view.topic_edit.toPlainText() == "Lead hand-off, by Chloé"
    assert not view.savers["topic"].pending
    assert other.meetings.get_meeting(meeting_id).topic == "Lead hand-off, by Chloé"


def test_members_and_toolkit_records_get_the_dialog_too(
    qtbot: QtBot, controller: Controller, other: Services, people: dict[str, int]
) -> None:
    ava = people["Ava Chen"]
    controller.services.people.list_members()  # on screen here
    other.people.update_member(member_id=ava, role="Team lead")
    controller.conflict_resolver, asked = _answer(TAKE_THEIRS)
    with qtbot.waitSignal(controller.members_changed):
        kept = controller.update_member(member_id=ava, role="Senior AE")
    assert kept.role == "Team lead" and asked[0].theirs == {"role": "Team lead"}

    larry = controller.perform("add persona", lambda s: s.personas.add_persona(name="Larry"))
    other.personas.update_persona(persona_id=larry.id, role="CFO")
    controller.conflict_resolver, asked = _answer(KEEP_MINE)
    with qtbot.waitSignal(controller.toolkit_changed):
        controller.perform(
            "update persona",
            lambda s: s.personas.update_persona(persona_id=larry.id, role="Finance"),
        )
    assert asked[0].what == "Persona “Larry”"
    assert other.personas.get_persona(larry.id).role == "Finance"


def _mnemonic(text: str) -> str:
    return text[text.index("&") + 1].lower()


@pytest.mark.parametrize("language", ["en", "de"])
def test_keep_both_is_reached_by_tab_and_by_its_own_mnemonic(
    qtbot: QtBot, qapp: QApplication, language: str, tmp_path
) -> None:
    """Notes typed by both: the dialog offers "Keep both" next to the two others; Tab
    reaches it, and its Alt key (one no other button has) chooses it — in German too."""
    from ui import i18n

    assert i18n.install_translator(qapp, language) == language
    try:
        notes = conflict(
            what="Agenda item “Budget”",
            mine={"notes": "Sales to confirm the budget"},
            theirs={"notes": "Budget: 40k for Q3 webinars"},
        )
        dialog = ConflictDialog(notes, keep_both=True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        both = dialog.keep_both_button
        assert both is not None and both.isVisible()
        buttons = [dialog.keep_mine_button, both, dialog.take_theirs_button]
        keys = [_mnemonic(b.text()) for b in buttons]
        assert len(set(keys)) == 3, keys
        dialog.grab().save(str(tmp_path / f"conflict_keep_both_{language}.png"))

        with qtbot.waitActive(dialog):
            dialog.activateWindow()
        reached = set()
        dialog.mine_text.setFocus()
        for _ in range(8):
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
            reached.add(dialog.focusWidget())
        assert both in reached

        alt_key = Qt.Key(ord(keys[1].upper()))
        qtbot.keyClick(dialog.focusWidget(), alt_key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: dialog.choice == "both")  # a mnemonic animates the click
        assert not dialog.isVisible()
    finally:
        i18n.install_translator(qapp, "en")


def test_one_line_fields_and_statuses_keep_the_two_choices(qtbot: QtBot) -> None:
    from ui.controller import can_keep_both

    def on(table: str, **mine: object) -> ConflictError:
        theirs = dict.fromkeys(mine, "other")
        return ConflictError("x", mine, theirs, key=(table, 1), stored=theirs)

    assert can_keep_both(on("agenda_item", notes="mine"), {"notes": "mine"})
    assert can_keep_both(on("meeting", closing_notes="a"), {"closing_notes": "a"})
    assert not can_keep_both(on("meeting", title="a"), {"title": "a"})  # one line
    assert not can_keep_both(on("action", status="done"), {"status": "done"})
    # notes and a one-line field at once: the two choices
    assert not can_keep_both(on("meeting", topic="a", place="b"), {"topic": "a", "place": "b"})
    # a write that cannot be given the merged text
    assert not can_keep_both(on("agenda_item", notes="mine"), None)
    dialog = ConflictDialog(on("meeting", title="a"))
    qtbot.addWidget(dialog)
    assert dialog.keep_both_button is None
