"""Tabs built the first time they are shown.

A page with tabs builds every tab when it is opened, though a person sees one. The
Follow-ups page opens on its Actions tab; its Decisions, Search and Accountability tabs
were a fifth of its building, paid on every open at 300,000 actions.

`LazyTabs.add(build, title)` puts an empty stand-in in the tab's place. The first time
the tab becomes current (a click, the arrow keys on the tab bar, Ctrl+Tab) or code asks
for it (`page(index)`), `build()` makes the real page and it takes the stand-in's place
before anything is painted: the same index, title and tool tip; the focus goes into it
as Qt gives it going from tab to tab (to the first control in the Tab order); and its
controls take the stand-in's place in the window's Tab order (a widget added to a shown
window otherwise comes last, after every other page). Then
`built` is emitted with the page, for what the window does to every page it builds
(tables that let Tab leave, splitters put back where they were).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    built = Signal(QWidget)  # a tab's page, just built

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._builders: dict[QWidget, Callable[[], QWidget]] = {}
        # Connected before anyone else's: the page is there when they hear of the change.
        tabs.currentChanged.connect(self._on_tabs_current_changed)

    def add(self, build: Callable[[], QWidget], title: str) -> int:
        stand_in = QWidget()
        stand_in.setObjectName("LazyTabStandIn")
        stand_in.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._builders[stand_in] = build
        return self._tabs.addTab(stand_in, title)

    def is_built(self, index: int) -> bool:
        page = self._tabs.widget(index)
        return page is not None and page not in self._builders

    def page(self, index: int) -> QWidget:
        """The page of tab `index`, built now if it was not yet."""
        tabs = self._tabs
        stand_in = tabs.widget(index)
        build = self._builders.pop(stand_in, None)
        if build is None:
            return stand_in
        page = build()
        chain = _focus_chain(page)  # in the order it was built, before it joins the window
        current = tabs.currentIndex()
        blocked = tabs.blockSignals(True)  # one tab's page changes, not which tab is current
        try:
            tabs.insertTab(index, page, tabs.tabText(index))
            tabs.setTabToolTip(index, tabs.tabToolTip(index + 1))
            tabs.setTabWhatsThis(index, tabs.tabWhatsThis(index + 1))
            _take_place_in_tab_order(stand_in, chain)
            if current == index:
                # Shown in the stand-in's place: Qt moves the focus into it as from tab to
                # tab (the stand-in had it if it came from the previous tab's page).
                tabs.setCurrentIndex(index)
            tabs.removeTab(index + 1)
            if tabs.currentIndex() != current:
                tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        stand_in.deleteLater()
        self.built.emit(page)
        return page

    def _on_tabs_current_changed(self, index: int) -> None:
        if index >= 0:
            self.page(index)


def _focus_chain(root: QWidget) -> list[QWidget]:
    """`root` and its widgets in `root`'s own Tab order."""
    chain = [root]
    widget = root.nextInFocusChain()
    while widget is not root and root.isAncestorOf(widget):
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _take_place_in_tab_order(stand_in: QWidget, chain: list[QWidget]) -> None:
    """Move `chain` (a page just put in the window: at the end of its Tab order) to where
    the stand-in is, in the same order (Qt orders only widgets that take focus)."""
    before = stand_in.previousInFocusChain()
    while before.focusPolicy() == Qt.FocusPolicy.NoFocus and before is not stand_in.window():
        before = before.previousInFocusChain()
    for widget in chain:
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            QWidget.setTabOrder(before, widget)
            before = widget
