"""A toolkit item's panel in the agenda's side tabs (Run › Agenda): built on first show
for each item, only the current one in the scroll area (the others wait, hidden, in a
store), Tab going from the tabs through the panel's controls to the notes."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from alignmeet.domain.records import AgendaItemRecord
from ui.controller import Controller
from ui.core_labels import label
from ui.views.toolkit import PANELS
from ui.views.toolkit import load as load_toolkit

AGENDA_TAB, TOOLKIT_TAB = 0, 1


class ToolkitSlot:
    """The toolkit tab of `side_tabs` (its page is `scroll`) beside `agenda_list`; `store`
    keeps the panels not shown; `after` is where Tab goes after the panel's last control."""

    def __init__(
        self,
        controller: Controller,
        side_tabs: QTabWidget,
        agenda_list: QWidget,
        scroll: QScrollArea,
        store: QWidget,
        after: QWidget,
    ) -> None:
        self.controller = controller
        self.side_tabs, self.agenda_list = side_tabs, agenda_list
        self.scroll, self.store, self.after = scroll, store, after
        self.panels: dict[int, QWidget] = {}

    def panel(self, item_id: int | None) -> QWidget | None:
        return self.panels.get(item_id) if item_id is not None else None

    def show_for(self, item: AgendaItemRecord | None, meeting_id: int | None) -> None:
        """A toolkit item's panel in its tab, shown — unless the agenda list is being used
        (it has the focus: the list stays where the facilitator is working)."""
        if item is None or item.kind not in PANELS or meeting_id is None:
            self.side_tabs.setCurrentIndex(AGENDA_TAB)
            self.side_tabs.setTabVisible(TOOLKIT_TAB, False)
            return
        panel = self.panels.get(item.id)
        if panel is None:
            module, name = PANELS[item.kind]
            panel = load_toolkit(module, name)(
                self.controller, meeting_id=meeting_id, item_id=item.id
            )
            self.panels[item.id] = panel
        if self.scroll.widget() is not panel:
            shown = self.scroll.widget()
            if shown is not None:
                self.put_away(shown)
            self.scroll.setWidget(panel)
            panel.show()
            self._tab_through(panel)
        self.side_tabs.setTabText(TOOLKIT_TAB, label(item.kind).replace("&", "&&"))
        self.side_tabs.setTabVisible(TOOLKIT_TAB, True)
        if not self.agenda_list.hasFocus():
            self.side_tabs.setCurrentIndex(TOOLKIT_TAB)

    def _tab_through(self, panel: QWidget) -> None:
        """Tab goes from the tabs through the panel's controls to the notes (reading order:
        the panel is left of the notes), not after the decisions."""
        controls = []
        widget = panel.nextInFocusChain()
        while widget is not panel and widget is not None:
            if panel.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                controls.append(widget)
            widget = widget.nextInFocusChain()
            if len(controls) > 500:
                break
        for first, second in pairwise([self.side_tabs, *controls, self.after]):
            QWidget.setTabOrder(first, second)

    def put_away(self, panel: QWidget) -> None:
        """Out of the scroll area (which would delete it) into the hidden store."""
        if self.scroll.widget() is panel:
            self.scroll.takeWidget()
        panel.setParent(self.store)

    def drop(self, item_id: int) -> None:
        """The item's panel, gone (the item was removed)."""
        panel = self.panels.pop(item_id, None)
        if panel is not None:
            self.put_away(panel)
            panel.deleteLater()

    def drop_all(self) -> None:
        for panel in self.panels.values():
            self.put_away(panel)
            panel.deleteLater()
        self.panels.clear()
        self.side_tabs.setTabVisible(TOOLKIT_TAB, False)
