"""The agenda table's editors on the Prepare page: a padded row, a combo over choices (owner,
kind, persona), a title that keeps a rejected text, and a spin box for the minutes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from alignmeet.domain.rules import MAX_TITLE

Index = QModelIndex | QPersistentModelIndex


class PaddedDelegate(QStyledItemDelegate):
    """Rows with room to breathe, also when a long title wraps onto two lines."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 12)


class ChoiceDelegate(PaddedDelegate):
    """A combo box editor over (label, value) choices; the model's EditRole is the value."""

    def __init__(self, choices: Callable[[], list[tuple[str, object]]], parent: QWidget) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self._choices():
            combo.addItem(label, value)
        combo.activated.connect(lambda _row, c=combo: self._on_combo_activated(c))
        return combo

    def _on_combo_activated(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        row = editor.findData(value)
        if row < 0 and value:
            editor.addItem(str(index.data(Qt.ItemDataRole.DisplayRole)), value)
            row = editor.count() - 1
        editor.setCurrentIndex(max(row, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TitleDelegate(PaddedDelegate):
    """A one-line editor as long as a title may be; a rejected title stays in the editor.

    When the model refuses a non-empty text (`setData` returns False, the reason
    is shown under the table), the editor opens again on the same cell with the
    text as typed, so nothing typed is lost; Esc gives up the edit. An emptied
    title is simply refused: the cell keeps its title.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._rejected: tuple[QPersistentModelIndex, str] | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setMaxLength(MAX_TITLE)
        edit.setFrame(False)
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        rejected, self._rejected = self._rejected, None
        if rejected is not None and rejected[0] == QPersistentModelIndex(index):
            editor.setText(rejected[1])
        else:
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text()
        if not model.setData(index, text, Qt.ItemDataRole.EditRole) and text.strip():
            self._rejected = (QPersistentModelIndex(index), text)
            QTimer.singleShot(0, self._reopen)

    def _reopen(self) -> None:
        if self._rejected is None:
            return
        cell, view = self._rejected[0], self._view
        index = view.model().index(cell.row(), cell.column()) if cell.isValid() else QModelIndex()
        if (
            not index.isValid()
            or not index.flags() & Qt.ItemFlag.ItemIsEditable
            or view.state() == QAbstractItemView.State.EditingState
            or not view.isVisible()
        ):
            self._rejected = None
            return
        view.setCurrentIndex(index)
        view.edit(index)


class MinutesDelegate(PaddedDelegate):
    """A spin box from 1 to 480 minutes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, 480)
        spin.setSuffix(QCoreApplication.translate("MeetingDialog", " min"))
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 1))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
