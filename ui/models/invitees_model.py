"""Who is invited: every active member, with a check box, labelled by team."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal

from alignmeet.domain.records import MemberRecord
from ui.models.columns import text_column
from ui.models.record_table_model import Column, Index, RecordTableModel

COL_MEMBER = 0


def invitee_label(member: MemberRecord) -> str:
    """ "Ava Chen — Sales, Account Executive" """
    detail = f"{member.team_name}, {member.role}" if member.role else member.team_name
    inactive = QCoreApplication.translate("InviteesModel", "(inactive)")
    suffix = f" {inactive}" if not member.active else ""
    return f"{member.name} — {detail}{suffix}"


def _is_checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    try:
        return int(value) == Qt.CheckState.Checked.value
    except (TypeError, ValueError):
        return bool(value)


def member_column(text: Callable[[MemberRecord], str]) -> Column[MemberRecord]:
    """The member as `text` labels them (the same on hover), sorted by name."""
    return text_column(
        QT_TRANSLATE_NOOP("Columns", "Member"), text, sort_key=lambda m: m.name.casefold()
    )


class InviteesModel(RecordTableModel[MemberRecord]):
    """Rows are members (in team order); ticking one emits `invitees_edited(ids)`."""

    invitees_edited = Signal(object)  # sorted list of invited member ids

    COLUMNS = (member_column(invitee_label),)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._invited: set[int] = set()

    # ---- loading --------------------------------------------------------------
    def set_members(self, members: Sequence[MemberRecord], invited: Iterable[int]) -> None:
        """Show these members and ticks; updates in place when the people are the same."""
        wanted = set(invited)
        if [m.id for m in members] != [m.id for m in self._rows]:
            self.beginResetModel()
            self._rows = list(members)
            self._invited = wanted
            self.endResetModel()
            return
        before, self._invited = self._invited, wanted
        for row, member in enumerate(members):
            if member != self._rows[row] or (member.id in before) != (member.id in wanted):
                self._rows[row] = member
                idx = self.index(row, COL_MEMBER)
                self.dataChanged.emit(idx, idx)

    def invited_ids(self) -> list[int]:
        return sorted(self._invited & {m.id for m in self._rows})

    def summary(self) -> str:
        """ "7 invited (4 Sales, 3 Marketing)" — teams in the order they are listed."""
        counts: dict[str, int] = {}
        for member in self._rows:
            if member.id in self._invited:
                counts[member.team_name] = counts.get(member.team_name, 0) + 1
        total = sum(counts.values())
        if not total:
            return self.tr("Nobody invited yet — tick who should come.")
        parts = ", ".join(f"{n} {team}" for team, n in counts.items())
        return self.tr("{total} invited ({teams})").format(total=total, teams=parts)

    # ---- Qt -------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def extra_data(self, record: MemberRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if record.id in self._invited else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        member_id = self._rows[index.row()].id
        if _is_checked(value):
            self._invited.add(member_id)
        else:
            self._invited.discard(member_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.invitees_edited.emit(self.invited_ids())
        return True

    def set_all(self, checked: bool) -> None:
        """Tick (or untick) everyone, then announce once."""
        self._invited = {m.id for m in self._rows} if checked else set()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_MEMBER),
                self.index(len(self._rows) - 1, COL_MEMBER),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.invitees_edited.emit(self.invited_ids())
