"""The current definitions, one click away from every screen (seed 004: agree what a
qualified lead is — and keep it at hand).

`show_glossary_lookup(controller, parent)` opens a small, non-modal tool window over
`parent` (the main window binds it to Ctrl+G): a search field with the focus, and the
agreed terms with their full definitions in large, readable type. One window per parent:
asking again brings the same window to the front, search field selected.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.glossary import GlossaryTermRecord, matches
from ui.controller import Controller
from ui.models.glossary_terms_model import GlossaryLookupModel
from ui.models.record_table_model import RECORD_ROLE
from ui.record_table import record_table
from ui.views.toolkit.common import follow_area
from ui.widgets import fill, plain_label, search_field

AREA = "glossary"
_OBJECT_NAME = "GlossaryLookup"


class _SearchProxy(QSortFilterProxyModel):
    """Rows whose term or definition holds every word typed (case-insensitive)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: object) -> bool:
        index = self.sourceModel().index(source_row, 0)
        record = index.data(RECORD_ROLE)
        if record is None:
            return False
        return matches(self._query, record.term, record.definition)


class GlossaryLookup(QWidget):
    """A small tool window: search, and the agreed definitions in large type."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.controller = controller
        self.setObjectName(_OBJECT_NAME)
        self.setWindowTitle(self.tr("Glossary — agreed definitions"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

        self._terms: list[GlossaryTermRecord] = []
        self.search_edit = search_field(
            self.tr("Type a term: MQL, SQL, ICP…"), self.tr("Search the glossary")
        )
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)

        self.model = GlossaryLookupModel(self)
        self.proxy = _SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table(
            self.proxy,
            self.tr("Agreed definitions"),
            word_wrap=True,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
        )
        self.table.setShowGrid(False)
        self.table.setStyleSheet("QTableView::item { border-bottom: 1px solid palette(midlight); }")
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # A scroll bar that comes and goes would change the wrap width after the rows were
        # measured, and cut the last line of a definition.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.sectionResized.connect(self._on_header_section_resized)
        header.hide()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        font = self.table.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.3)
        self.table.setFont(font)
        search_font = self.search_edit.font()
        search_font.setPointSizeF(max(search_font.pointSizeF(), 10) * 1.3)
        self.search_edit.setFont(search_font)

        self.empty_label = plain_label()
        self.empty_label.setWordWrap(True)
        self.empty_label.setFont(font)
        self.footer = plain_label(
            self.tr(
                "Definitions change only as a meeting decision (Alignment → Glossary).  Esc closes."
            ),
            wrap=True,
        )

        fill(
            QVBoxLayout(self),
            self.search_edit,
            (self.table, 1),
            self.empty_label,
            self.footer,
            margins=(12, 12, 12, 10),
            spacing=8,
        )

        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        follow_area(self, controller, AREA)
        self.resize(720, 520)
        self.refresh()

    def refresh(self) -> None:
        self._terms = self.controller.services.glossary.current_definitions()
        self._show_rows()

    def _show_rows(self) -> None:
        """Terms whose name matches come first (typing "lead" lists "Lead recycling" and
        "Qualified lead" before definitions that mention a lead)."""
        query = self.search_edit.text()
        rows = sorted(self._terms, key=lambda t: not (query and matches(query, t.term)))
        self.model.set_rows(rows)
        self._after_filter()

    def _after_filter(self) -> None:
        self.table.resizeRowsToContents()
        shown = self.proxy.rowCount()
        if not self.model.rowCount():
            self.empty_label.setText(self.tr("No definitions agreed yet."))
        elif not shown:
            self.empty_label.setText(
                self.tr("No agreed term matches “{query}”.").format(query=self.search_edit.text())
            )
        self.empty_label.setVisible(shown == 0)
        self.table.setVisible(shown > 0)

    def _on_header_section_resized(self, *_: object) -> None:
        self.table.resizeRowsToContents()

    def visible_terms(self) -> list[str]:
        return [
            self.proxy.index(row, 0).data(RECORD_ROLE).term for row in range(self.proxy.rowCount())
        ]

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._show_rows()

    def _on_search_edit_return_pressed(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)
            self.table.scrollToTop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def present(self) -> None:
        """Show it in front, the search field focused and its text selected."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.search_edit.setFocus()
        self.search_edit.selectAll()


def show_glossary_lookup(controller: Controller, parent: QWidget | None) -> GlossaryLookup:
    """Open (or bring back) the lookup window of `parent`; one per parent."""
    existing = parent.findChild(GlossaryLookup, _OBJECT_NAME) if parent is not None else None
    lookup = (
        existing if isinstance(existing, GlossaryLookup) else GlossaryLookup(controller, parent)
    )
    lookup.present()
    return lookup
