"""The agenda editor's model: edit in place, reorder by drag-and-drop or keyboard.

Every edit goes through the controller; a rejected edit (a service
`ValidationError`) makes `setData` return False and is announced with
`edit_rejected(field, message)` so the view can say why. Parked items are not
rows here: they belong to the next meeting.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
    Signal,
)

from alignmeet.domain.enums import ItemKind
from alignmeet.domain.records import AgendaItemRecord
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.core_labels import label
from ui.models.record_table_model import Column, Index, RecordTableModel, plain_tooltip

if TYPE_CHECKING:
    from ui.controller import Controller

COL_NUMBER, COL_TITLE, COL_OWNER, COL_KIND, COL_MINUTES, COL_PERSONA = range(6)
EDITABLE_COLUMNS = frozenset({COL_TITLE, COL_OWNER, COL_KIND, COL_MINUTES, COL_PERSONA})
MIME_TYPE = "application/x-alignmeet-agenda-item-ids"
CARRIED_MARK = "↪"
_NULL_INDEX = QModelIndex()


def _title_text(item: AgendaItemRecord) -> str:
    return f"{CARRIED_MARK} {item.title}" if item.carried_from else item.title


def _title_tooltip(item: AgendaItemRecord) -> str | None:
    if item.carried_from:
        origin = QCoreApplication.translate("AgendaModel", "{mark} from {meeting}").format(
            mark=CARRIED_MARK, meeting=item.carried_from
        )
        return plain_tooltip(f"{item.title}\n{origin}")
    return plain_tooltip(item.title)


def _minutes_text(item: AgendaItemRecord) -> str:
    return f"{item.minutes} + {item.extra_minutes}" if item.extra_minutes else str(item.minutes)


class AgendaModel(RecordTableModel[AgendaItemRecord]):
    edit_rejected = Signal(str, str)  # field, message

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "#"),
            lambda i: str(i.position + 1),
            lambda i: i.position,
            Qt.AlignmentFlag.AlignRight,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Item"),
            _title_text,
            lambda i: i.title.casefold(),
            tooltip=_title_tooltip,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Owner / presenter"), lambda i: i.owner_name or "—"),
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda i: label(i.kind.label)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Minutes"),
            _minutes_text,
            lambda i: i.minutes,
            Qt.AlignmentFlag.AlignRight,
        ),
        # The customer persona the item discusses (issue 4); names come from set_personas.
        Column(QT_TRANSLATE_NOOP("Columns", "Persona"), lambda i: "—"),
    )

    def __init__(self, controller: Controller, parent: Any = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._meeting_id: int | None = None
        self._persona_names: dict[int, str] = {}

    def set_personas(self, names: dict[int, str]) -> None:
        """Persona id → name, for the Persona column."""
        if names != self._persona_names:
            self._persona_names = dict(names)
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, COL_PERSONA), self.index(len(self._rows) - 1, COL_PERSONA)
                )

    def persona_name(self, record: AgendaItemRecord) -> str:
        if record.persona_id is None:
            return "—"
        return self._persona_names.get(record.persona_id, "—")

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    # ---- loading --------------------------------------------------------------
    def set_items(self, meeting_id: int | None, items: Sequence[AgendaItemRecord]) -> None:
        """Show these items; when only their contents changed, update rows in place.

        Updating in place (instead of a reset) keeps the selection, the scroll
        position and an open editor, and is safe while `setData` is running.
        """
        rows = [i for i in items if not i.parked]
        if meeting_id == self._meeting_id and [i.id for i in rows] == [i.id for i in self._rows]:
            for row, item in enumerate(rows):
                if item != self._rows[row]:
                    self.replace_row(row, item)
            return
        self._meeting_id = meeting_id
        self.set_rows(rows)

    def reload(self) -> None:
        if self._meeting_id is None:
            self.set_rows([])
            return
        self.set_items(
            self._meeting_id,
            self._controller.services.agenda.items(self._meeting_id, include_parked=False),
        )

    # ---- Qt: display and editing ---------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == COL_PERSONA
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
            and 0 <= index.row() < len(self._rows)
        ):
            return self.persona_name(self._rows[index.row()])
        if (
            index.isValid()
            and index.column() == COL_NUMBER
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
            and 0 <= index.row() < len(self._rows)
        ):
            return str(index.row() + 1)  # the row is the order, even before the store answers
        return super().data(index, role)

    def extra_data(self, record: AgendaItemRecord, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.EditRole:
            return None
        if column == COL_TITLE:
            return record.title
        if column == COL_OWNER:
            return record.owner_id or 0
        if column == COL_KIND:
            return record.kind.value
        if column == COL_MINUTES:
            return record.minutes
        if column == COL_PERSONA:
            return record.persona_id or 0
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between rows, never on one
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() in EDITABLE_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        record = self._rows[index.row()]
        try:
            fields = self._fields_for(record, index.column(), value)
            if not fields:
                return True  # unchanged: nothing to write
            # The row as the table shows it under the editor: what the change stands on.
            updated = self._controller.update_item(item_id=record.id, seen=record, **fields)
        except ValidationError as exc:
            self.edit_rejected.emit(exc.field, exc.message)
            return False
        except NotFoundError as exc:
            self.edit_rejected.emit("agenda", str(exc))
            self.reload()
            return False
        row = self.row_of(lambda r: r.id == updated.id)
        if row >= 0 and self._rows[row] != updated:
            self.replace_row(row, updated)
        return True

    @staticmethod
    def _fields_for(record: AgendaItemRecord, column: int, value: Any) -> dict[str, Any]:
        if column == COL_TITLE:
            text = "" if value is None else str(value)
            return {} if text == record.title else {"title": text}
        if column == COL_MINUTES:
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                raise ValidationError(
                    "minutes",
                    QCoreApplication.translate(
                        "AgendaModel", "The time box is a whole number of minutes."
                    ),
                ) from None
            return {} if minutes == record.minutes else {"minutes": minutes}
        if column == COL_OWNER:
            owner = int(value) if value not in (None, "", 0) else None
            if owner is not None and owner <= 0:
                owner = None
            return {} if owner == record.owner_id else {"owner_id": owner}
        if column == COL_PERSONA:
            persona = int(value) if value not in (None, "", 0) else None
            return {} if persona == record.persona_id else {"persona_id": persona}
        if column == COL_KIND:
            try:
                kind = ItemKind(value)
            except ValueError:
                message = QCoreApplication.translate(
                    "AgendaModel", "“{value}” is not a kind of agenda item."
                ).format(value=value)
                raise ValidationError("kind", message) from None
            return {} if kind is record.kind else {"kind": kind}
        return {}

    # ---- Qt: moving rows (drag-and-drop and the Move up / Move down buttons) ----------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)})
        data = QMimeData()
        ids = [self._rows[r].id for r in rows]
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode("ascii")))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged items before `row` (dropped on an item: before that item).

        The move is done here, so the view's "remove the source rows" step finds
        nothing to remove (this model does not implement removeRows).
        """
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = [int(x) for x in json.loads(bytes(data.data(MIME_TYPE).data()).decode("ascii"))]
        except (ValueError, TypeError):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        source_rows = sorted(self.row_of(lambda r, i=i: r.id == i) for i in ids)
        if not source_rows or source_rows[0] < 0:
            return False
        first, count = source_rows[0], len(source_rows)
        if source_rows == list(range(first, first + count)):
            return self.moveRows(_NULL_INDEX, first, count, _NULL_INDEX, row)
        moving = [self._rows[r] for r in source_rows]
        staying = [rec for r, rec in enumerate(self._rows) if r not in source_rows]
        at = row - sum(1 for r in source_rows if r < row)
        self.beginResetModel()
        self._rows = staying[:at] + moving + staying[at:]
        self.endResetModel()
        self._persist_order()
        return True

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        size = len(self._rows)
        if sourceParent.isValid() or destinationParent.isValid() or count < 1:
            return False
        if sourceRow < 0 or sourceRow + count > size or not 0 <= destinationChild <= size:
            return False
        if sourceRow <= destinationChild <= sourceRow + count:
            return False  # already there
        if not self.beginMoveRows(
            sourceParent, sourceRow, sourceRow + count - 1, destinationParent, destinationChild
        ):
            return False
        block = self._rows[sourceRow : sourceRow + count]
        del self._rows[sourceRow : sourceRow + count]
        at = destinationChild - count if destinationChild > sourceRow else destinationChild
        self._rows[at:at] = block
        self.endMoveRows()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_NUMBER), self.index(len(self._rows) - 1, COL_NUMBER)
            )
        self._persist_order()
        return True

    def move_row(self, row: int, delta: int) -> int:
        """Move one row up (-1) or down (+1); returns its new row (unchanged if it cannot move)."""
        target = row + delta
        if not 0 <= row < len(self._rows) or not 0 <= target < len(self._rows):
            return row
        destination = target + 1 if delta > 0 else target
        return target if self.moveRows(_NULL_INDEX, row, 1, _NULL_INDEX, destination) else row

    def _persist_order(self) -> None:
        """Store the order shown; parked items (not shown) keep their places."""
        if self._meeting_id is None:
            return
        try:
            stored = self._controller.services.agenda.items(self._meeting_id)
            shown = [r.id for r in self._rows]
            if sorted(shown) != sorted(x.id for x in stored if not x.parked):
                raise ValidationError(
                    "agenda",
                    QCoreApplication.translate(
                        "AgendaModel", "The agenda changed meanwhile; it has been reloaded."
                    ),
                )
            visible = iter(shown)
            order = [x.id if x.parked else next(visible) for x in stored]
            self._controller.reorder_items(meeting_id=self._meeting_id, item_ids=order)
        except (ValidationError, NotFoundError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.edit_rejected.emit("agenda", message)
            self.reload()
