"""The follow-ups page's fixed choices: the filters' statuses, due dates and teams, and
the status buttons of the selected action (marked for translation in the page's context,
"FollowUpsView"; translated where shown)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag

OPEN_SET = frozenset(OPEN_STATUSES)

STATUS_CHOICES: tuple[tuple[str, frozenset[ActionStatus] | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "Open"), OPEN_SET),
    (QT_TRANSLATE_NOOP("FollowUpsView", "All statuses"), None),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Not started"), frozenset({ActionStatus.OPEN})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "In progress"), frozenset({ActionStatus.IN_PROGRESS})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Blocked"), frozenset({ActionStatus.BLOCKED})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Done"), frozenset({ActionStatus.DONE})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Dropped"), frozenset({ActionStatus.DROPPED})),
)
DUE_CHOICES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "Any due date"), None),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Overdue"), "overdue"),
    (QT_TRANSLATE_NOOP("FollowUpsView", "This week"), "this_week"),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Later"), "later"),
    (QT_TRANSLATE_NOOP("FollowUpsView", "No due date"), "none"),
)
TEAM_CHOICES: tuple[tuple[str, TeamTag | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "All teams"), None),
    (TeamTag.SALES.label, TeamTag.SALES),
    (TeamTag.MARKETING.label, TeamTag.MARKETING),
    (TeamTag.JOINT.label, TeamTag.JOINT),
)
# (button text, status) for the selected action
STATUS_BUTTONS = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "Done"), ActionStatus.DONE),
    (QT_TRANSLATE_NOOP("FollowUpsView", "In progress"), ActionStatus.IN_PROGRESS),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Blocked"), ActionStatus.BLOCKED),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Dropped"), ActionStatus.DROPPED),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Reopen"), ActionStatus.OPEN),
)
# The context menu's entries and the buttons' tooltips, per status.
MARK_AS = {
    ActionStatus.DONE: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as done"),
    ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as in progress"),
    ActionStatus.BLOCKED: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as blocked"),
    ActionStatus.DROPPED: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as dropped"),
    ActionStatus.OPEN: QT_TRANSLATE_NOOP("FollowUpsView", "Reopen"),
}
MARK_AS_TIPS = {
    ActionStatus.DONE: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as done, with the note below"),
    ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP(
        "FollowUpsView", "Mark as in progress, with the note below"
    ),
    ActionStatus.BLOCKED: QT_TRANSLATE_NOOP(
        "FollowUpsView", "Mark as blocked, with the note below"
    ),
    ActionStatus.DROPPED: QT_TRANSLATE_NOOP(
        "FollowUpsView", "Mark as dropped, with the note below"
    ),
    ActionStatus.OPEN: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as open, with the note below"),
}


def tr_page(text: str) -> str:
    """A text marked in the page's context, translated."""
    return QCoreApplication.translate("FollowUpsView", text)
