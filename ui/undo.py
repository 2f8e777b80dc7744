"""Undo and redo (Edit › Undo, Ctrl+Z; Edit › Redo): the steps, and what they are called.

Every write is one operation (`Controller.perform`, alignmeet.services.operations): the
services' journal (alignmeet.services.journal) records the rows it wrote, and the step
pushed here puts exactly those back (undo) or writes them again (redo) — with their ids,
so nothing needs remapping — and refuses, saying why, when someone changed or used them
since (another window, another facilitator). One kind of step serves every use case:
`JournalStep`. A participant's entry on Room Link becomes the same kind of step.

One change keeps a hand-written inverse (`InverseStep`), because the journal cannot do
what it must: an action's status or due date (see Controller.set_action_status). Its
history is the record of what was promised and when it slipped — say/do, the recaps and
reminders quote it — so an undo adds a line ("Undone") instead of erasing one, and an
undo over someone else's later status is a conflict to resolve, not a refusal.

Typed text (notes and other fields saved as you type) has its own undo in the field
(Ctrl+Z while typing); those saves are not steps here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from alignmeet.services.journal import Changeset
    from ui.controller import Controller

# The note of a status change made by an undo (saved in the history, in the chosen language).
UNDONE_NOTE = QT_TRANSLATE_NOOP("Controller", "Undone")


class Step:
    """What the Edit menu calls a step ("Undo new goal"): the toolkit's and the
    accountability panels' writes name theirs with these (`step(Step.NEW_GOAL)`)."""

    NEW_GOAL = QT_TRANSLATE_NOOP("Controller", "new goal")
    CHANGE_GOAL = QT_TRANSLATE_NOOP("Controller", "change to a goal")
    ARCHIVE_GOAL = QT_TRANSLATE_NOOP("Controller", "archiving a goal")
    DELETE_GOAL = QT_TRANSLATE_NOOP("Controller", "deleting a goal")
    NEW_KPI = QT_TRANSLATE_NOOP("Controller", "new KPI")
    CHANGE_KPI = QT_TRANSLATE_NOOP("Controller", "change to a KPI")
    ARCHIVE_KPI = QT_TRANSLATE_NOOP("Controller", "archiving a KPI")
    KPI_ORDER = QT_TRANSLATE_NOOP("Controller", "KPI order")
    KPI_MEASUREMENT = QT_TRANSLATE_NOOP("Controller", "KPI measurement")
    DELETE_MEASUREMENT = QT_TRANSLATE_NOOP("Controller", "deleting a measurement")
    KPI_IMPORT = QT_TRANSLATE_NOOP("Controller", "KPI import")
    GOALS = QT_TRANSLATE_NOOP("Controller", "change to goals and KPIs")
    GLOSSARY_PROPOSAL = QT_TRANSLATE_NOOP("Controller", "glossary proposal")
    APPROVE_DEFINITION = QT_TRANSLATE_NOOP("Controller", "approving a definition")
    REJECT_DEFINITION = QT_TRANSLATE_NOOP("Controller", "rejecting a definition")
    WITHDRAW_PROPOSAL = QT_TRANSLATE_NOOP("Controller", "withdrawing a proposal")
    GLOSSARY = QT_TRANSLATE_NOOP("Controller", "change to the glossary")
    NEW_PERSONA = QT_TRANSLATE_NOOP("Controller", "new persona")
    CHANGE_PERSONA = QT_TRANSLATE_NOOP("Controller", "change to a persona")
    ARCHIVE_PERSONA = QT_TRANSLATE_NOOP("Controller", "archiving a persona")
    RESTORE_PERSONA = QT_TRANSLATE_NOOP("Controller", "restoring a persona")
    NEW_DATA_NEED = QT_TRANSLATE_NOOP("Controller", "new data need")
    DATA_NEEDS_RANKING = QT_TRANSLATE_NOOP("Controller", "data-needs ranking")
    JOINT_TOP_10 = QT_TRANSLATE_NOOP("Controller", "joint Top 10")
    DATA_NEEDS = QT_TRANSLATE_NOOP("Controller", "change to data needs")
    LEAD_FEEDBACK = QT_TRANSLATE_NOOP("Controller", "change to lead feedback")
    COACHING_ROTATION = QT_TRANSLATE_NOOP("Controller", "coaching rotation")
    END_COACHING_PAIR = QT_TRANSLATE_NOOP("Controller", "ending a coaching pair")
    COACHING_CHECKIN = QT_TRANSLATE_NOOP("Controller", "coaching check-in")
    COACHING = QT_TRANSLATE_NOOP("Controller", "change to coaching")
    NEW_BOARD_ENTRY = QT_TRANSLATE_NOOP("Controller", "new board entry")
    SOLVE_LESSON = QT_TRANSLATE_NOOP("Controller", "solving a lesson")
    REOPEN_LESSON = QT_TRANSLATE_NOOP("Controller", "reopening a lesson")
    DELETE_BOARD_ENTRY = QT_TRANSLATE_NOOP("Controller", "deleting a board entry")
    BOARD = QT_TRANSLATE_NOOP("Controller", "change to wins and lessons")
    NEW_CHANNEL_RULE = QT_TRANSLATE_NOOP("Controller", "new channel rule")
    CHANNEL_ORDER = QT_TRANSLATE_NOOP("Controller", "channel order")
    REMOVE_CHANNEL_RULE = QT_TRANSLATE_NOOP("Controller", "removing a channel rule")
    CHANNELS = QT_TRANSLATE_NOOP("Controller", "change to channels")
    RATING = QT_TRANSLATE_NOOP("Controller", "meeting rating")
    REMOVE_RATING = QT_TRANSLATE_NOOP("Controller", "removing a rating")
    ACCEPT_PROPOSAL = QT_TRANSLATE_NOOP("Controller", "accepting a proposed item")
    DISMISS_PROPOSAL = QT_TRANSLATE_NOOP("Controller", "dismissing a proposed item")


def step(text: str) -> str:
    """A step name declared in `Step`, in the user's language."""
    return QCoreApplication.translate("Controller", text)


class JournalStep(QUndoCommand):
    """A change already made (by this window, or a participant on Room Link): undo puts
    back the rows it wrote, redo writes them again (Controller.replay_rows)."""

    def __init__(self, text: str, rows: Changeset, controller: Controller) -> None:
        super().__init__(text)
        self.rows = rows
        self._controller = controller
        self._first = True

    def redo(self) -> None:
        if self._first:  # done already, by the change itself
            self._first = False
            return
        self._controller.replay_rows(self, undoing=False)

    def undo(self) -> None:
        self._controller.replay_rows(self, undoing=True)


class InverseStep(QUndoCommand):
    """A hand-written step (see the module's docstring for the one use): `apply` has
    already happened when it is pushed; undo runs `revert`, redo `apply` again."""

    def __init__(
        self,
        text: str,
        apply: Callable[[], None],
        revert: Callable[[], None],
        controller: Controller,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._revert = revert
        self._controller = controller
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._controller.replay(self._apply, self, undoing=False)

    def undo(self) -> None:
        self._controller.replay(self._revert, self, undoing=True)


__all__ = ["UNDONE_NOTE", "InverseStep", "JournalStep", "Step", "step"]
