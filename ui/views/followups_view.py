"""Follow-ups: every action of every meeting until it is done, the decisions log, and a
search across all meetings.

One page with three tabs:

- **Actions** — the follow-up checklist: filters (person, team, series, status, due,
  free text), a team-balance strip that follows them, a table sortable by every
  column (an overdue date red with ⚠, a date due soon amber with ◷), the
  selected action's status buttons and history, "Open meeting", and the
  "My commitments" mode (one member's open actions and commitments, printable
  to PDF).
- **Decisions** — the decisions log across meetings, searchable.
- **Search all meetings** — actions, history notes, ideas, decisions and agenda
  notes, newest first.

Long histories (300,000 actions): the page never reads the whole list. The
database filters, sorts, searches and counts; the table's model reads the windows
of rows on screen (`FollowUpRowsModel`), and the team balance is one aggregate
query (remembered per filter until something changes). Past `BACKGROUND_ABOVE`
actions every one of those reads runs off the GUI thread, so the window never waits
on the database, and an export runs in a process of its own. Opening the page at
that size: the balance, the slowest read, is asked before the page is built and
comes in while it is; the tabs other than Actions are built the first time they are
shown (`ui.lazy_tabs`). Writes go through the controller; user text is shown as
plain text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.records import ActionLine, FollowUpDirectory, TeamBalance
from alignmeet.domain.rules import ValidationError
from alignmeet.services.followups import ActionFilter
from ui.background_reads import BackgroundReads
from ui.controller import Controller
from ui.core_labels import label
from ui.lazy_tabs import LazyTabs
from ui.models.followup_rows_model import (
    COL_ACTION,
    COL_DUE,
    COL_FROM,
    COL_NOTE,
    COL_OWNER,
    COL_SLIPPED,
    COL_STATUS,
    COL_TEAM,
    FollowUpRowsModel,
)
from ui.record_table import set_current_row
from ui.save_paths import safe_name
from ui.views.followups.action_details_panel import ActionDetailsPanel
from ui.views.followups.choices import (
    MARK_AS,
    STATUS_BUTTONS,
    STATUS_CHOICES,
)
from ui.views.followups.decisions_log_tab import DecisionsLogTab
from ui.views.followups.exports import (
    EXPORT_KINDS,
    EXPORT_PROGRESS,
    ask_export_path,
    ask_pdf_path,
    commitments_html,
    pdf_bytes,
)
from ui.views.followups.followup_filters_bar import FollowUpFiltersBar
from ui.views.followups.my_commitments_card import MyCommitmentsCard
from ui.views.followups.number_header import ActionNumberHeader
from ui.views.followups.search_all_tab import SearchAllTab
from ui.views.followups.tables import record_table, set_widths
from ui.views.followups.team_balance_strip import TeamBalanceStrip
from ui.views.phases import format_number
from ui.widgets import fill, page_title, plain_label, warn

if TYPE_CHECKING:
    from ui.views.accountability.accountability_view import AccountabilityView

# Past this many actions in the database, every read of the page runs off the GUI thread
# (a count or a sort over all of them can take longer than a frame).
BACKGROUND_ABOVE = 20_000
SEARCH_DELAY_MS = 250
TAB_ACTIONS, TAB_DECISIONS, TAB_SEARCH, TAB_ACCOUNTABILITY = range(4)


class FollowUpsView(QWidget):
    """The page: assembled from its panels (`ui.views.followups`); it reads the filters,
    keeps the list, its count, the balance and the selection in step, and writes through
    the controller. The panels' widgets are reachable from the page as before
    (`view.person_combo`, `view.table`, …)."""

    part_built = Signal(QWidget)  # a tab built when first shown (for the main window)

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FollowUpsView")
        self.controller = controller
        self._today = today
        self._directory = FollowUpDirectory({}, {}, {})
        self._stale = False  # something changed while the page was hidden
        self._stale_directory = False
        self._balances: dict[tuple[ActionFilter, date], list[TeamBalance]] = {}
        self._balance_shown = True
        self._balance_asked: tuple[ActionFilter, date] | None = None  # on its way
        self._selected_id: int | None = None  # followed through filters, sorts, changes
        # (action id, row) of a status just set here, until the list is read again; the
        # row that took its place while its window is still on its way.
        self._move_on: tuple[int, int] | None = None
        self._move_on_row: int | None = None
        self._keep_selected: int | None = None
        self._reads = BackgroundReads(self)  # the balance, at scale
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.tabs = QTabWidget()
        self._lazy_tabs = LazyTabs(self.tabs)
        self.filters = FollowUpFiltersBar()
        if controller.services.followups.history_size() > BACKGROUND_ABOVE:
            # At scale the team balance is the page's slowest read (40 ms at 300,000
            # actions): asked first, it runs off the GUI thread while the page is built.
            self._ask_balance(self.current_filter())
        actions_tab = self._build_actions_tab()
        # The list's reads start here, before the other tabs are added and the page laid
        # out: at scale they too run off the GUI thread meanwhile.
        self._load()
        self._build_tabs(actions_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(page_title(self.tr("Follow-ups")))
        layout.addWidget(self.tabs, 1)

        controller.actions_changed.connect(self._on_controller_actions_changed)
        controller.follow_ups_changed.connect(self._on_controller_follow_ups_changed)
        controller.meetings_changed.connect(self._on_controller_meetings_changed)
        controller.members_changed.connect(self._on_controller_members_changed)
        controller.item_changed.connect(self._on_controller_item_changed)

    # ---- building -------------------------------------------------------------------
    def _build_tabs(self, actions_tab: QWidget) -> None:
        """The Actions tab; the others are built the first time they are shown (or asked
        for: `view.decisions_tab`, …), each then announced by `part_built`."""
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(actions_tab, self.tr("Actions"))
        self._lazy_tabs.built.connect(self.part_built)
        self._lazy_tabs.add(self._build_decisions_tab, self.tr("Decisions"))
        self._lazy_tabs.add(self._build_search_tab, self.tr("Search all meetings"))
        self._lazy_tabs.add(self._build_accountability_tab, self.tr("Accountability"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        # How many actions the filters select, top right, whatever the tab.
        self.tabs.setCornerWidget(self.count_label, Qt.Corner.TopRightCorner)

    def _build_decisions_tab(self) -> QWidget:
        tab = DecisionsLogTab(self.controller)
        tab.meeting_requested.connect(self._go_to_meeting)
        tab.fill_series(self.controller.services.meetings.list_series())
        return tab

    def _build_search_tab(self) -> QWidget:
        tab = SearchAllTab(self.controller)
        tab.meeting_requested.connect(self._go_to_meeting)
        return tab

    def _build_accountability_tab(self) -> QWidget:
        # Say/do, calibration and meeting ratings (issue 15); its charts load when shown.
        from ui.views.accountability.accountability_view import AccountabilityView

        return AccountabilityView(self.controller)

    @property
    def decisions_tab(self) -> DecisionsLogTab:
        return self._lazy_tabs.page(TAB_DECISIONS)  # type: ignore[return-value]

    @property
    def search_tab(self) -> SearchAllTab:
        return self._lazy_tabs.page(TAB_SEARCH)  # type: ignore[return-value]

    @property
    def accountability_view(self) -> AccountabilityView:
        return self._lazy_tabs.page(TAB_ACCOUNTABILITY)  # type: ignore[return-value]

    def _build_actions_tab(self) -> QWidget:
        self.count_label = plain_label(object_name="FollowUpCount")
        self.count_label.setContentsMargins(0, 0, 4, 0)
        self._connect_filters()
        self.balance_strip = TeamBalanceStrip()
        self.commitments_card = MyCommitmentsCard()
        self.commitments_card.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.details = ActionDetailsPanel()
        self.details.status_requested.connect(self.set_status)
        self.details.open_requested.connect(self.open_meeting)
        self._build_table()
        self._expose_actions_tab()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("ActionsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([430, 170])

        page = QWidget()
        fill(
            QVBoxLayout(page),
            self.filters,
            self.balance_strip,
            self.commitments_card,
            (self.splitter, 1),
            margins=(0, 8, 0, 0),
            spacing=8,
        )
        self._show_selected(None)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.settled.connect(self._on_model_settled)
        self.model.page_read.connect(self._on_model_page_read)
        return page

    def _connect_filters(self) -> None:
        bar = self.filters
        for combo in (bar.person_combo, bar.team_combo, bar.series_combo, bar.due_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        bar.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        bar.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        bar.mine_button.toggled.connect(self._on_mine_button_toggled)
        bar.export_requested.connect(self.export)

    def _build_table(self) -> None:
        self.model = FollowUpRowsModel(self, today=self._today)
        self.table = record_table(self.tr("Follow-ups"))
        self.table.setModel(self.model)
        # Each row's number is the action's own ("A-123"), as in every document.
        self.table.setVerticalHeader(ActionNumberHeader(self.table))
        self.table.verticalHeader().show()
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        # Due: wide enough for a bold "⚠ 30 Sep 2026"; the action takes the rest (the
        # other columns are short, the last note elided with the whole note in its tooltip).
        bold = QFont(self.table.font())
        bold.setBold(True)
        due_width = QFontMetrics(bold).horizontalAdvance("⚠ 30 Sep 2026") + 18
        set_widths(
            self.table,
            {
                COL_DUE: due_width,
                COL_OWNER: 118,
                COL_TEAM: max(
                    74,
                    *(self.table.fontMetrics().horizontalAdvance(label(t)) + 14 for t in TeamTag),
                ),
                COL_STATUS: 88,
                COL_FROM: 92,
                COL_SLIPPED: 58,
                COL_NOTE: 130,
            },
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

    def _expose_actions_tab(self) -> None:
        """The panels' widgets under the page's names (the tests and the screenshots use
        them)."""
        bar, card, details = self.filters, self.commitments_card, self.details
        self.person_combo, self.team_combo = bar.person_combo, bar.team_combo
        self.series_combo, self.status_combo = bar.series_combo, bar.status_combo
        self.due_combo, self.search_edit = bar.due_combo, bar.search_edit
        self.mine_button, self.export_button = bar.mine_button, bar.export_button
        self.export_actions = bar.export_actions
        strip = self.balance_strip
        self.balance_chips, self.balance_open = strip.chips, strip.open_labels
        self.balance_late, self.balance_done = strip.late_labels, strip.done_labels
        self.commitments_model, self.commitments_table = card.model, card.table
        self.commitments_proxy, self.commitments_title = card.proxy, card.title
        self.pdf_button = card.pdf_button
        self.selected_label, self.status_buttons = details.selected_label, details.status_buttons
        self.note_edit, self.open_button = details.note_edit, details.open_button
        self.error, self.history_model = details.error, details.history_model
        self.history_list = details.history_list

    # The tabs' widgets under the page's names (the tests use them); asking builds the tab.
    decisions_search = property(lambda self: self.decisions_tab.search_edit)
    decisions_series_combo = property(lambda self: self.decisions_tab.series_combo)
    decisions_count = property(lambda self: self.decisions_tab.count_label)
    decisions_model = property(lambda self: self.decisions_tab.model)
    decisions_table = property(lambda self: self.decisions_tab.table)
    decisions_proxy = property(lambda self: self.decisions_tab.proxy)
    decisions_open_button = property(lambda self: self.decisions_tab.open_button)
    search_all_edit = property(lambda self: self.search_tab.search_edit)
    hits_count = property(lambda self: self.search_tab.count_label)
    hits_model = property(lambda self: self.search_tab.model)
    hits_table = property(lambda self: self.search_tab.table)
    hits_proxy = property(lambda self: self.search_tab.proxy)
    hits_open_button = property(lambda self: self.search_tab.open_button)

    # ---- loading --------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again: names, the filter choices, the list and its balance."""
        self._forget_balances()
        self._load()

    def _load(self) -> None:
        services = self.controller.services.followups
        self._directory = services.directory()
        self._fill_choices()
        self._stale = self._stale_directory = False
        background = services.history_size() > BACKGROUND_ABOVE
        self.model.set_reader(services, self._directory, background=background)
        self.apply_filter()

    @property
    def is_loaded(self) -> bool:
        """The list, its count and the team balance are shown for the current filters."""
        return self.model.is_settled and self._balance_shown

    @property
    def is_busy(self) -> bool:
        """A read for the page is still on its way (rows, count or balance)."""
        return self.model.is_busy or not self._balance_shown

    def _fill_choices(self) -> None:
        """People and series in the filter combos, keeping what was chosen."""
        services = self.controller.services
        members = services.people.list_members(include_inactive=True)
        series = services.meetings.list_series()
        self.filters.fill_choices(members, series)
        if self._lazy_tabs.is_built(TAB_DECISIONS):
            self.decisions_tab.fill_series(series)

    # ---- filtering ------------------------------------------------------------------
    def current_filter(self) -> ActionFilter:
        bar = self.filters
        team = bar.team_combo.currentData()
        return ActionFilter(
            owner_id=bar.person_combo.currentData(),
            team_tag=TeamTag(team) if team else None,
            series_id=bar.series_combo.currentData(),
            statuses=STATUS_CHOICES[max(0, bar.status_combo.currentIndex())][1],
            due=bar.due_combo.currentData(),
            text=bar.search_edit.text(),
        )

    def apply_filter(self) -> None:
        """Show what the filters select: the database counts and reads the rows on screen
        (off the GUI thread at scale), the balance follows."""
        self._search_timer.stop()
        flt = self.current_filter()
        self._update_balance(flt)  # first: at scale the slower of the two reads
        self.model.set_filter(flt)
        if not self.model.is_settled and not self.model.count:
            # The first read at scale; later the previous count stays, with the previous
            # rows, until the new ones are in.
            self.count_label.setText(self.tr("Loading actions…"))
        if self.mine_button.isChecked():
            self._refresh_commitments()

    def _on_model_about_to_be_reset(self) -> None:
        self._keep_selected = self._selected_id  # the reset may clear the current row
        self._move_on_row = None  # another list: the row it meant is gone

    def _on_model_page_read(self) -> None:
        """A window arrived: the action that took the place of one just changed here may
        be in it (see set_status)."""
        row = self._move_on_row
        if row is None or self.selected_line() is not None:
            self._move_on_row = None
            return
        line = self.model.line(row)
        if line is not None:
            self._move_on_row = None
            self._select_row(line.id, row)

    def _on_model_settled(self) -> None:
        """The new count and first rows are in: say how many, keep the selection."""
        self._selected_id, self._keep_selected = self._keep_selected, None
        total = self.model.count
        self.count_label.setText(
            self.tr("1 action")
            if total == 1
            else self.tr("{count} actions").format(count=format_number(total))
        )
        selected = self._selected_id
        if selected is None:
            self._show_selected(None)
            return
        self.model.locate(selected, lambda row: self._select_row(selected, row))

    def _update_balance(self, flt: ActionFilter) -> None:
        """The team balance under `flt` (whatever its statuses): one aggregate query,
        remembered until something changes."""
        key = self._balance_key(flt)
        known = self._balances.get(key)
        if known is not None:
            self._reads.forget("balance")
            self._balance_asked = None
            self._balance_shown = True
            self._show_balance(known)
            return
        if key == self._balance_asked and self._reads.is_pending("balance"):
            self._balance_shown = False  # on its way (asked as the page opened)
            return
        if not self.model.background:
            services = self.controller.services.followups
            self._balance_read(key, services.team_balance(flt, key[1]))
            return
        self._ask_balance(flt)

    def _balance_key(self, flt: ActionFilter) -> tuple[ActionFilter, date]:
        return dataclasses.replace(flt, statuses=None), self._today()

    def _ask_balance(self, flt: ActionFilter) -> None:
        """Read the balance under `flt` off the GUI thread."""
        services, key = self.controller.services.followups, self._balance_key(flt)
        self._balance_shown = False
        self._balance_asked = key
        self._reads.submit(
            "balance",
            lambda: services.team_balance(flt, key[1]),
            lambda balance: self._balance_read(key, balance),
        )

    def _balance_read(self, key: tuple[ActionFilter, date], balance: list[TeamBalance]) -> None:
        self._balance_asked = None
        self._balances[key] = balance
        self._balance_shown = True
        self._show_balance(balance)

    def _forget_balances(self) -> None:
        """Something changed: every balance is read again (one on its way too)."""
        self._balances.clear()
        self._balance_asked = None

    def _show_balance(self, balance: list[TeamBalance]) -> None:
        self.balance_strip.show_balance(balance)

    def balance_strip_text(self) -> str:
        """ "Sales 12 open · 3 overdue · 40 done | Marketing … | Joint …"."""
        return self.balance_strip.text()

    def _on_filter_changed(self, _index: int = 0) -> None:
        if self.sender() is self.person_combo:
            has_person = self.person_combo.currentData() is not None
            self.mine_button.setEnabled(has_person)
            if not has_person and self.mine_button.isChecked():
                self.mine_button.setChecked(False)  # applies the filter
                return
        self.apply_filter()

    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._search_timer.start()  # debounced: typing stays fluid

    # ---- my commitments -------------------------------------------------------------
    def _on_mine_button_toggled(self, checked: bool) -> None:
        self.status_combo.blockSignals(True)
        if checked:
            self.status_combo.setCurrentIndex(0)  # open
        self.status_combo.setEnabled(not checked)
        self.status_combo.blockSignals(False)
        self.commitments_card.setVisible(checked)
        self.apply_filter()  # refreshes the commitments too

    def _refresh_commitments(self) -> None:
        member_id = self.person_combo.currentData()
        self.commitments_card.show_commitments(
            None
            if member_id is None
            else self.controller.services.followups.member_commitments(member_id, self._today())
        )

    def save_commitments_pdf(self, path: Path) -> Path:
        """Write the chosen person's "My commitments" page as a PDF (atomically)."""
        member_id = self.person_combo.currentData()
        if member_id is None:
            raise ValueError("choose a person first")
        mc = self.controller.services.followups.member_commitments(member_id, self._today())
        self.controller.services.exports.save_bytes(path, pdf_bytes(commitments_html(mc)))
        self.controller.status_shown.emit(self.tr("Saved {path}").format(path=path))
        return path

    def export(self, kind: str) -> Path | None:
        """Ask where, then write the checklist, calendar or CSV of what the filters show."""
        from alignmeet.services import ExportError, export_process
        from ui.background import (
            ProcessStopped,
            run_in_background,
            run_in_process,
            was_cancelled_message,
        )

        name = self.tr(EXPORT_KINDS[kind][3])
        suffix = EXPORT_KINDS[kind][2]
        writing, what = EXPORT_PROGRESS[kind]
        path = ask_export_path(self, kind, str(Path.home() / f"{name}{suffix}"))
        if path is None:
            return None
        self.controller.flush_pending()
        flt = self.current_filter()
        title, text = self.tr("Exporting follow-ups"), self.tr(writing).format(file=path.name)
        try:
            if self.model.background:
                # At scale: in a process of its own, with Cancel (seconds of Python in a
                # thread here held the interpreter the window needs for every paint).
                result = run_in_process(
                    self,
                    title,
                    text,
                    export_process.MODULE,
                    self.controller.followups_export_request(kind=kind, flt=flt, path=path),
                    export_process.reply_result,
                )
            else:
                # Off the GUI thread, with Cancel.
                result = run_in_background(
                    self,
                    title,
                    text,
                    lambda cancelled: self.controller.write_followups(
                        kind=kind, flt=flt, path=path, cancelled=cancelled
                    ),
                )
        except (ExportError, ProcessStopped) as exc:
            warn(self, self.tr("Not saved"), str(exc))
            return None
        except Exception as exc:  # the server gone mid-read: said as the export's process does
            if self.controller.storage_cause(exc) is None:
                raise  # a bug: the window's error dialog says so
            db = self.controller.services.db
            target = db.path if db.path is not None else db.url
            warn(self, self.tr("Not saved"), export_process.stopped_message(exc, target))
            return None
        if result is None:
            self.controller.status_shown.emit(was_cancelled_message(self.tr(what)))
            return None
        self.controller.exported(result)
        return path

    def _on_pdf_button_clicked(self) -> None:
        from alignmeet.services import ExportError

        name = self.person_combo.currentText() or self.tr("commitments")
        safe = safe_name(name)
        file_name = self.tr("{name} commitments").format(name=safe)
        path = ask_pdf_path(self, str(Path.home() / f"{file_name}.pdf"))
        if path is None:
            return
        try:
            self.save_commitments_pdf(path)
        except ExportError as exc:
            warn(self, self.tr("PDF not saved"), str(exc))

    # ---- the selected action --------------------------------------------------------
    def selected_line(self) -> ActionLine | None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            return self.model.line(row)
        return None

    def select_action(self, action_id: int) -> bool:
        """Select an action in the list (True when it is shown under the filters)."""
        return self._select_id(action_id)

    def _select_id(self, action_id: int) -> bool:
        return self._select_row(action_id, self.model.row_of_id(action_id))

    def _select_row(self, action_id: int, row: int) -> bool:
        """Select `row` (where `action_id` is listed; -1: it is not)."""
        move_on, self._move_on = self._move_on, None
        line = self.model.line(row) if row >= 0 else None
        if line is None and move_on is not None and move_on[0] == action_id:
            row = min(move_on[1], self.model.rowCount() - 1)
            line = self.model.line(row) if row >= 0 else None  # may ask for its window
            if line is None and row >= 0 and self.model.is_busy:
                self._move_on_row = row  # selected when its window arrives
                return False
            if line is not None:
                action_id = line.id  # the one that took its place
        if line is None or line.id != action_id:
            self._show_selected(None)
            return False
        index = self.model.index(row, COL_ACTION)
        same_row = self.table.currentIndex().row() == row
        set_current_row(self.table.selectionModel(), index)
        self.table.scrollTo(index)
        if same_row:  # otherwise currentRowChanged shows it
            self._show_selected(line)
        return True

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_selected(self.selected_line())

    def _show_selected(self, line: ActionLine | None) -> None:
        self._selected_id = None if line is None else line.id
        if line is None:
            self.details.show_action(None)
            return
        self.details.show_action(
            line,
            self._directory.owner_name(line),
            self.controller.services.actions.history(line.id),
        )

    def set_status(self, status: ActionStatus) -> bool:
        """Change the selected action's status (outside a meeting), with the note. The
        change carries the line as shown (its status and version): someone else's change
        since is a conflict to resolve, never overwritten unseen."""
        line = self.selected_line()
        if line is None:
            return False
        # Clicked or keyed from the panel: the list keeps the keyboard afterwards (the
        # button pressed is disabled now, and Qt would hand focus on to the next one).
        from_panel = self.details.isAncestorOf(QApplication.focusWidget())
        # Gone from the list (Done under "Open"): the action that takes its place is
        # selected, as a list moves on — only after this change, never after someone
        # else's (the panel would then act on an action the person did not choose). Set
        # before the write: the list may be read again while it is announced.
        self._move_on = (line.id, self.table.currentIndex().row())
        try:
            saved = self.controller.set_action_status(
                action_id=line.id,
                status=status,
                note=self.note_edit.text(),
                meeting_id=None,
                seen=line,
            )
        except ValidationError as exc:
            self._move_on = None
            self.error.show_error(exc.message, self.note_edit)
            return False
        except BaseException:
            self._move_on = None
            raise
        if saved.status is status:  # not when the other version was kept: the note stays
            self.note_edit.clear()
        self._selected_id = line.id  # kept if still listed (the list is read again)
        self.catch_up()
        if self.model.is_settled and self.selected_line() is None:
            self._select_id(line.id)
        if self.model.is_settled:
            self._move_on = None  # used, or not needed: it stayed listed
        if from_panel:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def open_meeting(self) -> None:
        line = self.selected_line()
        if line is not None:
            self._go_to_meeting(line.meeting_id)

    def _go_to_meeting(self, meeting_id: int) -> None:
        self.controller.select_meeting(meeting_id)
        self.controller.navigate("run")

    def _on_table_activated(self, _index: QModelIndex) -> None:
        self.open_meeting()

    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        line = self.selected_line()
        if line is None:
            return
        menu = QMenu(self)
        for _text, status in STATUS_BUTTONS:
            action = menu.addAction(self.tr(MARK_AS[status]))
            action.setEnabled(line.status != status.value)
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))
        menu.addSeparator()
        menu.addAction(self.tr("Open meeting"), self.open_meeting)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---- decisions and search tabs --------------------------------------------------
    def refresh_decisions(self) -> None:
        self.decisions_tab.refresh()

    def refresh_hits(self) -> None:
        self.search_tab.refresh()

    def _on_tabs_current_changed(self, tab: int) -> None:
        self.count_label.setVisible(tab == TAB_ACTIONS)
        if tab == TAB_DECISIONS:
            self.refresh_decisions()
        elif tab == TAB_SEARCH:
            self.refresh_hits()

    # ---- keeping up with changes ----------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Bring in what changed while the page was hidden (done on show and at once
        while visible): the names if they changed, then the count, the rows on screen
        and the balance, read again."""
        if not (self._stale or self._stale_directory):
            return
        if self._stale_directory:
            self._directory = self.controller.services.followups.directory()
            self._fill_choices()
            self.model.set_directory(self._directory)
        self._stale = self._stale_directory = False
        self._forget_balances()
        self.model.refresh()
        self._update_balance(self.model.filter)

    def _changed(self, *, meeting_id: int | None = None, directory: bool = False) -> None:
        self._stale = True
        self._stale_directory = self._stale_directory or directory
        if self.isVisible():
            self.catch_up()

    def _on_controller_actions_changed(self, meeting_id: int) -> None:
        self._changed(meeting_id=meeting_id)

    def _on_controller_follow_ups_changed(self, _meeting_id: int) -> None:
        line = self.selected_line()
        if line is not None and self.isVisible():
            self.history_model.set_rows(self.controller.services.actions.history(line.id))

    def _on_controller_meetings_changed(self) -> None:
        self._changed(directory=True)
        if self.tabs.currentIndex() == TAB_DECISIONS and self.isVisible():
            self.refresh_decisions()

    def _on_controller_members_changed(self) -> None:
        self._changed(directory=True)

    def _on_controller_item_changed(self, _item_id: int) -> None:
        if self.isVisible() and self.tabs.currentIndex() == TAB_DECISIONS:
            self.refresh_decisions()
