"""Edits the database has not taken: what to do with them on closing, and after a crash.

Closing with unsaved edits asks: keep trying (the window stays open), keep them for later
(they stay in the recovery journal; the next start on this database offers them), or
discard them. The next start (after "keep for later", a crash or kill -9) lists what was
kept and where it belongs — Restore writes it through the services (a field changed by
someone else since asks, as any write does), Discard drops it, Later asks again next time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet import i18n as core_i18n
from alignmeet.recovery import UnsavedEdit
from alignmeet.services import NotFoundError
from ui.autosave import UnsavedEdits, cause_text
from ui.models.plural import plural
from ui.views.conflict_dialog import field_label
from ui.widgets import ask_yes_no, message_box, plain_label

if TYPE_CHECKING:
    from ui.controller import Controller

STAY, LATER, DISCARD = "stay", "later", "discard"
RESTORE = "restore"
_NULL_INDEX = QModelIndex()


# ---- closing ---------------------------------------------------------------------------------
def ask_before_closing(parent: QWidget | None, unsaved: UnsavedEdits) -> str:
    """STAY, LATER or DISCARD for the edits `unsaved` still owes."""
    count = unsaved.count
    cause = cause_text(unsaved.cause) if unsaved.cause is not None else ""
    headline = (
        QCoreApplication.translate(
            "RecoveryDialog", "Edits not saved in the database: {count}."
        ).format(count=count)
        + " "
        + cause
    )
    keepable = unsaved.journal_error is None
    retry_helps = unsaved.cause is None or unsaved.retry_helps
    if retry_helps:
        stay_text = QCoreApplication.translate("RecoveryDialog", "Keep trying")
        stay_line = QCoreApplication.translate(
            "RecoveryDialog", "Keep trying: AlignMeet stays open and saves them as soon as it can."
        )
    else:  # e.g. opened read-only: trying again cannot help
        stay_text = QCoreApplication.translate("RecoveryDialog", "Stay open")
        stay_line = QCoreApplication.translate(
            "RecoveryDialog", "Stay open: the window stays, with what you typed in its fields."
        )
    paragraphs = [stay_line]
    if keepable:
        paragraphs.append(
            QCoreApplication.translate(
                "RecoveryDialog",
                "Keep for later: they stay on this computer; AlignMeet offers them again the "
                "next time it opens this database.",
            )
        )
    else:
        paragraphs.insert(
            0,
            QCoreApplication.translate(
                "RecoveryDialog",
                "They could not be kept on this computer either ({error}): closing now loses them.",
            ).format(error=unsaved.journal_error),
        )
    paragraphs.append(QCoreApplication.translate("RecoveryDialog", "Discard them: they are lost."))
    details = "\n\n".join(paragraphs)
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("RecoveryDialog", "Not everything is saved"),
        headline,
        QMessageBox.StandardButton.NoButton,
    )
    box.setInformativeText(details)
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:  # (the error text may quote a folder's name)
        informative.setTextFormat(Qt.TextFormat.PlainText)
    stay = box.addButton(stay_text, QMessageBox.ButtonRole.RejectRole)
    later = box.addButton(
        QCoreApplication.translate("RecoveryDialog", "Keep for later"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    later.setVisible(keepable)
    later.setEnabled(keepable)
    discard = box.addButton(
        QCoreApplication.translate("RecoveryDialog", "Discard them"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(stay)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is later and keepable:
        return LATER
    if clicked is discard:
        return DISCARD
    return STAY


# ---- the next start --------------------------------------------------------------------------
def describe(controller: Controller, edit: UnsavedEdit) -> tuple[str, str]:
    """What the edit is ("Notes on “Pricing”") and where it belongs (meeting and date)."""
    services = controller.services
    what = field_label(edit.field)
    try:
        if edit.table == "agenda_item":
            item = services.agenda.get_item(edit.row)
            what = QCoreApplication.translate("RecoveryDialog", "{field} on “{item}”").format(
                field=what, item=item.title
            )
            meeting = services.meetings.get_meeting(item.meeting_id)
        elif edit.table == "meeting":
            meeting = services.meetings.get_meeting(edit.row)
        else:
            return what, ""
    except NotFoundError:
        return what, QCoreApplication.translate("RecoveryDialog", "(deleted since)")
    except Exception as exc:  # the server is gone again: say so, offer it all the same
        if controller.storage_cause(exc) is None:
            raise
        return what, QCoreApplication.translate("RecoveryDialog", "(cannot be looked up now)")
    return what, f"{meeting.title} · {core_i18n.day_date(meeting.starts_at)}"


class RecoveredEditsModel(QAbstractTableModel):
    COL_WHAT, COL_WHERE, COL_TYPED, COL_TEXT = range(4)
    _HEADERS = ("What", "Where", "Typed", "Text")

    def __init__(self, rows: list[tuple[UnsavedEdit, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._rows = rows
        self._headers = (self.tr("What"), self.tr("Where"), self.tr("Typed"), self.tr("Text"))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NULL_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NULL_INDEX) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def edit(self, row: int) -> UnsavedEdit:  # type: ignore[override]
        return self._rows[row][0]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        edit, what, where = self._rows[index.row()]
        column = index.column()
        if column == self.COL_WHAT:
            return what
        if column == self.COL_WHERE:
            return where
        if column == self.COL_TYPED:
            return f"{core_i18n.day_date(edit.at)}, {edit.at:%H:%M}"
        first = edit.text.strip().splitlines()[0] if edit.text.strip() else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return edit.text[:500]
        return first[:80] + ("…" if len(first) > 80 or "\n" in edit.text.strip() else "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None


class RecoveryDialog(QDialog):
    """The kept edits, with Restore / Discard / Later; `choice` says which was pressed."""

    def __init__(
        self, controller: Controller, edits: list[UnsavedEdit], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.edits = edits
        self.choice = LATER
        self.setWindowTitle(self.tr("Edits that were not saved"))
        self.setMinimumSize(880, 440)
        count = len(edits)
        intro = plain_label(
            plural(
                self.tr(
                    "When AlignMeet last ran on this database, %n edit(s) did not reach it. "
                    "They were kept on this computer.",
                    "",
                    count,
                ),
                count,
            )
            + "\n"
            + self.tr(
                "Restore writes them now; if someone changed the same field since, you choose "
                "which version to keep. Later asks again the next time."
            ),
            wrap=True,
        )
        self.model = RecoveredEditsModel([(e, *describe(controller, e)) for e in edits], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Edits that were not saved"))
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RecoveredEditsModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        self.full_text = QPlainTextEdit()
        self.full_text.setReadOnly(True)
        self.full_text.setAccessibleName(self.tr("The text of the chosen edit"))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        if edits:
            self.table.selectRow(0)

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.later_button = QPushButton(self.tr("Later"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.later_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.full_text, 1)
        layout.addWidget(buttons)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.full_text.setPlainText(self.model.edit(current.row()).text)

    def _on_restore_button_clicked(self) -> None:
        self.choice = RESTORE
        self.accept()

    def _on_discard_button_clicked(self) -> None:
        if ask_yes_no(
            self,
            self.tr("Discard the kept edits?"),
            self.tr("They are deleted from this computer and cannot be brought back."),
        ):
            self.choice = DISCARD
            self.accept()


def offer_recovered_edits(controller: Controller, parent: QWidget | None = None) -> str | None:
    """At start: the edits an earlier run kept for this database, offered back. The choice
    (RESTORE, DISCARD, LATER), or None when there was nothing to offer."""
    try:
        edits = controller.recovered_edits()
    except OSError:  # the recovery folder cannot be read: nothing to offer
        return None
    if not edits:
        return None
    dialog = RecoveryDialog(controller, edits, parent)
    dialog.exec()
    if dialog.choice == RESTORE:
        controller.restore_edits(edits)
        restored = len(edits) - controller.unsaved.count
        if not controller.unsaved.count:
            controller.status_shown.emit(
                QCoreApplication.translate("RecoveryDialog", "Edits restored: {count}.").format(
                    count=restored
                )
            )
    elif dialog.choice == DISCARD:
        controller.unsaved.journal.settle(
            entry for e in edits for entry in controller.unsaved.journal.entries_for(e.key)
        )
    return dialog.choice
