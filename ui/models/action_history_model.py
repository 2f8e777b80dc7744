"""One action's history: when, in which meeting, what changed, by whom, and the note."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from alignmeet.domain.enums import ActionStatus
from alignmeet.domain.records import ActionUpdateRecord
from alignmeet.domain.rules import short_date
from ui.core_labels import label
from ui.models.columns import text_column, time_order
from ui.models.record_table_model import RecordTableModel

COL_HISTORY = 0


def change_text(u: ActionUpdateRecord) -> str:
    """ "Open → Done", "Agreed", or "Due 3 Mar 2026 → 17 Mar 2026" for a move."""
    parts = []
    if u.old_status is None:
        parts.append(
            QCoreApplication.translate("ActionHistoryModel", "Agreed")
            if u.new_status is ActionStatus.OPEN
            else label(u.new_status.label)
        )
    elif u.old_status is not u.new_status:
        parts.append(f"{label(u.old_status.label)} → {label(u.new_status.label)}")
    if u.old_status is not None and u.old_due != u.new_due:
        parts.append(
            QCoreApplication.translate("ActionHistoryModel", "Due {old} → {new}").format(
                old=short_date(u.old_due), new=short_date(u.new_due)
            )
        )
    return " · ".join(parts) or QCoreApplication.translate("ActionHistoryModel", "Note")


def history_line(u: ActionUpdateRecord) -> str:
    """One line: "22 Nov 2026 · Sept sync · Open → Done · by Priya · note"."""
    parts = [
        short_date(u.changed_at.date()),
        u.meeting_title or QCoreApplication.translate("ActionHistoryModel", "Outside a meeting"),
    ]
    parts.append(change_text(u))
    if u.changed_by_name:
        parts.append(
            QCoreApplication.translate("ActionHistoryModel", "by {name}").format(
                name=u.changed_by_name
            )
        )
    if u.note and not (u.old_status is None and u.note == "Agreed"):
        parts.append(" ".join(u.note.split()))
    return " · ".join(parts)


_IN_ORDER = time_order(lambda u: u.changed_at, lambda u: u.id)


class ActionHistoryModel(RecordTableModel[ActionUpdateRecord]):
    """One column, one line per change, oldest first (shown in a list)."""

    COLUMNS = (
        text_column(
            QT_TRANSLATE_NOOP("Columns", "History"),
            history_line,
            sort_key=_IN_ORDER,
        ),
    )
