"""The Alignment page: the toolkit's features, one tab each, built on first visit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.controller import Controller
from ui.views.toolkit import TABS, load
from ui.widgets import page_title


class AlignmentPage(QWidget):
    # A tab built when first shown (for the main window: its splitters put back, its tables
    # let Tab leave, as for the tabs built with the page).
    part_built = Signal(QWidget)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_title(self.tr("Alignment toolkit")))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._built: dict[str, QWidget] = {}
        for key, label, _module, _cls in TABS:
            holder = QWidget()
            holder.setObjectName(f"tab-{key}")
            QVBoxLayout(holder).setContentsMargins(0, 8, 0, 0)
            self.tabs.addTab(holder, self.tr(label))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._build)
        self._build(self.tabs.currentIndex())

    def show_tab(self, key: str) -> QWidget:
        """Switch to the tab of `key` and return its view."""
        index = [k for k, *_ in TABS].index(key)
        self.tabs.setCurrentIndex(index)
        return self.view(key)

    def view(self, key: str) -> QWidget:
        """The view of tab `key`, built if it was not yet."""
        self._build([k for k, *_ in TABS].index(key))
        return self._built[key]

    def _build(self, index: int) -> None:
        if index < 0:
            return
        key, _label, module, cls = TABS[index]
        if key in self._built:
            return
        view = load(module, cls)(self.controller)
        holder = self.tabs.widget(index)
        layout = holder.layout()
        assert layout is not None
        layout.addWidget(view)
        self._built[key] = view
        self.part_built.emit(view)
