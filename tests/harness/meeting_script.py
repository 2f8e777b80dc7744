"""A whole meeting as a script: prepare the data (not counted), then play the meeting
through the real main window, counting the facilitator's steps (steps.py).

    scenario = Scenario()                       # 6 members, 5 items, 2 ideas + 1 decision
    meeting_id = prepare(services, scenario)    # members, the meeting, its agenda
    run_meeting(window, steps, scenario, FacilitatorTypes(window, steps), export_to=path)

`Entries` is who writes the meeting's content. Today the facilitator types it all
(`FacilitatorTypes`); with Room Link, participants write their own ideas, actions and
commitments and rate the meeting — `RoomLinkEntries` (room_entries.py) posts them as
the participants would, the facilitator's steps being only what is left (opening the
room, letting everyone in, the decisions, moving on, closing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from steps import StepCounter

from alignmeet.domain.enums import Phase
from alignmeet.services import Services

MEMBERS = (
    ("Ava Chen", "Sales"),
    ("Ben Okafor", "Sales"),
    ("Chloe Dubois", "Sales"),
    ("Maya Rossi", "Marketing"),
    ("Leo Novak", "Marketing"),
    ("Nina Park", "Marketing"),
)


@dataclass(frozen=True)
class Scenario:
    """What the meeting has to produce (QUALITY.md's step benchmark)."""

    members: tuple[tuple[str, str], ...] = MEMBERS
    template: str = "Monthly"  # the agenda template (five items)
    ideas_per_item: int = 2
    decisions_per_item: int = 1
    confidence: int = 4
    starts_at: datetime = datetime(2030, 3, 5, 9, 0)
    ratings: tuple[int, ...] = (9, 8, 7, 9, 8, 10)  # from the phones, at the close

    def rating(self, n: int) -> tuple[int, str]:
        """The n-th member's rating and, below 8, what would make it a 10."""
        score = self.ratings[n % len(self.ratings)]
        return score, ("Decide before we discuss the next item" if score < 8 else "")

    def idea(self, item: int, n: int) -> tuple[str, str]:
        """(text, who said it) of the n-th idea on the item-th agenda item."""
        author = self.members[(item * self.ideas_per_item + n) % len(self.members)][0]
        return f"Idea {n + 1} on item {item + 1}: score leads by intent", author

    def decision(self, item: int, n: int) -> str:
        return f"Decision {n + 1} on item {item + 1}: weekly speed-to-lead report"

    def action(self, member: str) -> str:
        return f"{member.split()[0]} calls back every webinar lead within a day"


@dataclass
class Played:
    meeting_id: int
    items: list[int] = field(default_factory=list)


class Entries(Protocol):
    """Who writes the content of the meeting (attendance, ideas, decisions, actions,
    commitments, the rating)."""

    def take_attendance(self) -> None: ...
    def idea(self, text: str, author: str) -> None: ...
    def decision(self, text: str) -> None: ...
    def action(self, member: str, text: str, *, last: bool) -> None: ...
    def commitment(self, member: str, confidence: int, *, last: bool) -> None: ...
    def rating_round(self) -> None: ...


def prepare(services: Services, scenario: Scenario) -> int:
    """The meeting as the facilitator prepared it beforehand: members of both teams, the
    meeting with its five-item agenda and everyone invited. Returns its id."""
    teams = {t.name: t.id for t in services.people.list_teams()}
    ids = [
        services.people.add_member(name=name, team_id=teams[team]).id
        for name, team in scenario.members
    ]
    template = next(t for t in services.agenda.templates() if t.name.startswith(scenario.template))
    return services.meetings.create_meeting(
        title="Sales & Marketing sync",
        starts_at=scenario.starts_at,
        planned_minutes=60,
        place="Room 2",
        invitee_ids=ids,
        template_id=template.id,
        topic="Turn webinar leads into pipeline",
    ).id


class FacilitatorTypes:
    """The facilitator types everything, by keyboard where that is quicker."""

    def __init__(self, window, steps: StepCounter) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.steps = steps

    @property
    def agenda(self):  # type: ignore[no-untyped-def]
        return self.window.run_view.agenda_phase

    def take_attendance(self) -> None:
        self.steps.key(Qt.Key.Key_Space, what="All present")  # the first field of phase 1

    def idea(self, text: str, author: str) -> None:
        line = self.agenda.ideas.line
        if StepCounter.focused() is not line:
            self.steps.click(line, "the idea field")
        self.steps.type(text, "an idea")
        self.steps.key(Qt.Key.Key_Tab, what="Tab to who said it")
        # A person types a name at a person's pace: a combo box joins the letters typed
        # within the keyboard interval into one search ("Ava" then "Ben" is "AvaBen").
        self.steps.qtbot.wait(QApplication.keyboardInputInterval() + 50)
        self.steps.type(author.split()[0], "who said it")
        self.steps.key(Qt.Key.Key_Return, what="Return adds the idea")

    def decision(self, text: str) -> None:
        line = self.agenda.decisions.line
        if StepCounter.focused() is not line:
            self.steps.click(line, "the decision field")
        self.steps.type(text, "a decision")
        self.steps.key(Qt.Key.Key_Return, what="Return adds the decision")

    def action(self, member: str, text: str, *, last: bool) -> None:
        plans = self.window.run_view.actions_phase
        assert plans.current_member().name == member
        if StepCounter.focused() is not plans.text_edit:
            self.steps.click(plans.text_edit, "the action field")
        self.steps.type(text, "an action")
        self.steps.key(Qt.Key.Key_Return, what="Return adds the action")
        if not last:
            self.steps.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, "next member")

    def commitment(self, member: str, confidence: int, *, last: bool) -> None:
        page = self.window.run_view.commitments_phase
        assert page.selected_member().name == member
        self.steps.key(Qt.Key(Qt.Key.Key_0.value + confidence), what="confidence")
        self.steps.key(Qt.Key.Key_Return, what="Return: I commit")

    def rating_round(self) -> None:
        """(QUALITY.md's facilitator-alone meeting is not rated.)"""


def run_meeting(window, steps: StepCounter, scenario: Scenario, entries: Entries) -> Played:  # type: ignore[no-untyped-def]
    """From the Meetings page to the exported minutes. The save dialog is the test's to
    answer (it is counted as one step here: Return on the suggested name)."""
    controller = window.controller
    meetings = window.meetings_view
    run = window.run_view
    with steps.during("open"):
        steps.click_row(meetings.table, 0, 1, "open the meeting", double=True)
        steps.click(window.prepare_view.start_button, "Start the meeting")
        assert run.phase is Phase.OPEN
        entries.take_attendance()
        steps.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier, "Next: review")
    with steps.during("review"):
        assert run.phase is Phase.REVIEW
        steps.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier, "Next: agenda")
    played = Played(controller.current_meeting_id)
    with steps.during("agenda"):
        agenda = run.agenda_phase
        steps.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier, "start the timer")
        items = agenda.items()
        for i, item in enumerate(items):
            assert agenda.current_item() == item
            played.items.append(item.id)
            for n in range(scenario.ideas_per_item):
                entries.idea(*scenario.idea(i, n))
            for n in range(scenario.decisions_per_item):
                entries.decision(scenario.decision(i, n))
            if i + 1 < len(items):
                steps.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, "next item")
        steps.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier, "Next: action plans")
    with steps.during("actions"):
        assert run.phase is Phase.ACTIONS
        names = [p.name for p in run.actions_phase.members_model.rows()]
        for n, name in enumerate(names):
            entries.action(name, scenario.action(name), last=n == len(names) - 1)
        steps.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier, "Next: commitments")
    with steps.during("commitments"):
        assert run.phase is Phase.COMMITMENTS
        for n, name in enumerate(names):
            entries.commitment(name, scenario.confidence, last=n == len(names) - 1)
        steps.key(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier, "Next: close")
    with steps.during("close"):
        assert run.phase is Phase.CLOSE
        closing = run.close_phase
        entries.rating_round()
        steps.click(closing.close_button, "Close meeting")
        steps.click(closing.export_button, "Export minutes")
        steps._count("key", "Return in the save dialog (the suggested name)")
    return played


def minutes_path(folder: Path) -> Path:
    return folder / "minutes.docx"
