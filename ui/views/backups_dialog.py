"""File › Backups: the database's backups, newest first; back up now, or restore one.

Restoring replaces the open database, so the window closes it first; the app then puts
the backup in place (the current file is itself backed up first, see
alignmeet.services.backups) and opens it again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.services.backups import BackupError, BackupInfo
from ui.controller import Controller
from ui.models.record_table_model import Column, RecordTableModel
from ui.widgets import ask_yes_no, plain_label, warn

try:
    from PySide6.QtCore import QT_TRANSLATE_NOOP
except ImportError:  # pragma: no cover

    def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:
        return text


class BackupsModel(RecordTableModel[BackupInfo]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Taken"),
            lambda b: f"{b.taken_at:%Y-%m-%d %H:%M:%S}",
            lambda b: b.taken_at,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Reason"), lambda b: b.reason.replace("-", " ")),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Size"),
            lambda b: b.label.rsplit(" · ", 1)[-1],
            lambda b: b.size,
            Qt.AlignmentFlag.AlignRight,
        ),
    )


class BackupsDialog(QDialog):
    def __init__(self, controller: Controller, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.controller = controller
        self.window_ = window
        self.db_path: Path = controller.services.db.path  # type: ignore[assignment]
        self.setWindowTitle(self.tr("Backups"))
        self.resize(620, 420)
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.doubleClicked.connect(lambda *_: self.restore_selected())
        intro = plain_label(
            self.tr(
                "Backups of {file} (in its backups folder), newest first. AlignMeet makes "
                "them before upgrades, imports and restores, every ten minutes when "
                "something changed, and when it closes."
            ).format(file=self.db_path.name),
            wrap=True,
        )
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.controller.services.backups.list())
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.resizeColumnToContents(0)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def back_up_now(self) -> Path | None:
        self.controller.flush_pending()
        try:
            # Through the open database; read-only: a copy of the file as it is.
            written = self.controller.services.backups.make("manual")
        except (OSError, BackupError) as exc:  # the message names the true cause
            warn(self, self.tr("No backup made"), str(exc))
            return None
        self.refresh()
        return written

    def restore_selected(self) -> bool:
        backup = self.selected()
        if backup is None:
            return False
        question = self.tr(
            "Put the backup of {taken} in place of the database?\n\nThe database as it is "
            "now is backed up first, so this can be undone by restoring that backup. "
            "AlignMeet closes and reopens the database."
        ).format(taken=f"{backup.taken_at:%Y-%m-%d %H:%M}")
        if not ask_yes_no(self, self.tr("Restore a backup"), question):
            return False
        self.accept()
        self.window_.request_restore(backup.path)
        return True
