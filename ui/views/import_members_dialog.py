"""Import members from a CSV file: choose the file, see every row and what is wrong with
it, then import all of them — or none. "Import" is offered only when every row is right."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.rules import ValidationError
from alignmeet.services.people import (
    MemberImportPreview,
    MemberImportResult,
    MemberImportRow,
    read_member_csv,
)
from ui.colors import color
from ui.controller import Controller
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip
from ui.widgets import FieldError, plain_label

__all__ = ["COL_PROBLEM", "ImportMembersDialog", "MemberImportModel", "ask_members_csv_path"]

COL_LINE, COL_NAME, COL_TEAM, COL_ROLE, COL_EMAIL, COL_PROBLEM = range(6)


def ask_members_csv_path(parent: QWidget, start: str = "") -> Path | None:
    """Ask for the CSV file of members (tests replace this function)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportMembersDialog", "Import members from CSV"),
        start,
        QCoreApplication.translate("ImportMembersDialog", "CSV files (*.csv *.txt);;All files (*)"),
    )
    return Path(name) if name else None


class MemberImportModel(RecordTableModel[MemberImportRow]):
    """The rows of the file: what each would add, problems in the "bad" colour."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Line"),
            lambda r: str(r.line),
            sort_key=lambda r: r.line,
            align=Qt.AlignmentFlag.AlignRight,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda r: r.team),
        Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda r: r.role),
        Column(QT_TRANSLATE_NOOP("Columns", "E-mail"), lambda r: r.email),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Problem"),
            lambda r: r.problem or QCoreApplication.translate("MemberImportModel", "OK"),
            tooltip=lambda r: plain_tooltip("\n".join(r.problems)),
        ),
    )

    def extra_data(self, record: MemberImportRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if record.problems:
                return color("bad")
            if column == COL_PROBLEM:
                return color("good")
        if role == Qt.ItemDataRole.FontRole and record.problems and column == COL_PROBLEM:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ImportMembersDialog(QDialog):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.path: Path | None = None
        self.text = ""
        self.preview: MemberImportPreview | None = None
        self.import_result: MemberImportResult | None = None
        self.setWindowTitle(self.tr("Import members from CSV"))
        self.resize(1000, 540)

        self.file_label = plain_label(self.tr("No file chosen yet."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        hint = plain_label(
            self.tr(
                "A first row naming the columns — Name, Team, Role, E-mail (in any order; "
                "German Name, Team, Rolle, E-Mail too) — then one member per row. Excel's "
                "“CSV UTF-8” and “CSV (semicolon)” both work. Teams must exist already."
            ),
            wrap=True,
        )
        hint.setObjectName("Hint")

        self.model = MemberImportModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Members in the file"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # a long problem wraps in its cell
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_PROBLEM, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped problem text, for the width the column has now.
        header.sectionResized.connect(self._on_header_section_resized)
        for column, width in (
            (COL_LINE, 50),
            (COL_NAME, 170),
            (COL_TEAM, 100),
            (COL_ROLE, 150),
            (COL_EMAIL, 190),
        ):
            self.table.setColumnWidth(column, width)

        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.error = FieldError(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # ---- the file ---------------------------------------------------------------------
    def load(self, path: Path) -> bool:
        """Read and preview `path`; a file that cannot be used says why. True when the
        preview shows rows (with or without problems)."""
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        try:
            self.text = read_member_csv(self.path)
            preview = self.controller.services.people.preview_member_import(text=self.text)
        except ValidationError as exc:
            self.text = ""
            self.show_preview(None, problem=exc.message)
            return False
        self.show_preview(preview)
        return bool(preview.rows)

    def show_preview(self, preview: MemberImportPreview | None, *, problem: str = "") -> None:
        self.preview = preview
        self.model.set_rows(list(preview.rows) if preview is not None else [])
        self.table.resizeRowsToContents()
        self.error.clear_error()
        if problem:
            self.summary.hide()
            self.error.show_error(problem)
        elif preview is not None:
            self.summary.setText(self.summary_text(preview))
            self.summary.setObjectName("FieldError" if preview.problem_rows else "")
            self.summary.style().unpolish(self.summary)
            self.summary.style().polish(self.summary)
            self.summary.show()
            first = next((i for i, row in enumerate(preview.rows) if row.problems), -1)
            if first >= 0:
                self.table.scrollTo(self.model.index(first, 0))
        self.import_button.setEnabled(preview is not None and preview.ok)
        if preview is not None and preview.ok:
            self.import_button.setDefault(True)

    def summary_text(self, preview: MemberImportPreview) -> str:
        """MemberImportPreview.summary() in the chosen language."""
        count = len(preview.rows)
        if not count:
            return self.tr("The file holds no members.")
        bad = len(preview.problem_rows)
        if bad:
            text = (
                self.tr("1 of 1 row has a problem")
                if count == 1
                else self.tr("1 of {count} rows has a problem")
                if bad == 1
                else self.tr("{bad} of {count} rows have problems")
            )
            return self.tr("{rows}: nothing will be imported until the file is corrected.").format(
                rows=text.format(bad=bad, count=count)
            )
        teams = Counter(row.team for row in preview.rows)
        per_team = ", ".join(
            self.tr("{count} in {team}").format(count=n, team=team) for team, n in teams.items()
        )
        members = (
            self.tr("Ready to import 1 member: {teams}.")
            if count == 1
            else self.tr("Ready to import {count} members: {teams}.")
        )
        return members.format(count=count, teams=per_team)

    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COL_PROBLEM:
            self.table.resizeRowsToContents()

    def _on_choose_button_clicked(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        path = ask_members_csv_path(self, start)
        if path is not None:
            self.load(path)

    # ---- importing --------------------------------------------------------------------
    def _on_import_button_clicked(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        try:
            # One transaction: every row is checked again and added, or none is.
            self.import_result = self.controller.import_members(text=self.text)
        except ValidationError as exc:
            # Someone was added meanwhile (or the file changed): show the rows as they
            # stand now, with the message; nothing was imported.
            with contextlib.suppress(ValidationError):
                self.show_preview(
                    self.controller.services.people.preview_member_import(text=self.text)
                )
            self.error.show_error(exc.message)
            self.import_button.setEnabled(False)
            return
        self.accept()
