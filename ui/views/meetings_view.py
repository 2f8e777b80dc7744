"""The home page: every meeting, newest first, and what to do with the selected one."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelection,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.records import MeetingSummary
from ui.controller import Controller
from ui.models.meetings_model import (
    COL_DATE,
    COL_PHASE,
    COL_RATING,
    COL_SERIES,
    COL_STATUS,
    COL_TIME,
    COL_TITLE,
    MeetingsModel,
)
from ui.models.record_table_model import ID_ROLE, RECORD_ROLE, SORT_ROLE, SourceSortProxy
from ui.widgets import (  # ask_yes_no: tests replace it
    ask_yes_no,
    page_title,
    plain_label,
    search_field,
)

EMPTY_HINT = QT_TRANSLATE_NOOP(
    "MeetingsView", "No meetings yet. Add your team under People & teams, then create a meeting."
)


class MeetingsView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

        self.model = MeetingsModel(self)
        self.proxy = SourceSortProxy(self)  # the model sorts: 240 meetings in 1 ms, not 12
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(COL_TITLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search_edit = search_field(
            self.tr("Search meeting titles…"), self.tr("Search meeting titles")
        )
        self.search_edit.setMinimumWidth(240)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)

        self._build_buttons()
        self._build_table()
        empty_card = self._build_empty_card()
        self._build_details_card()

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_card)

        title_row, actions = self._build_title_rows()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(title_row)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.no_match_hint)
        layout.addWidget(self.details_card)

        controller.meetings_changed.connect(self.refresh)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.current_meeting_changed.connect(self._on_controller_current_meeting_changed)
        self.refresh()

    def _build_buttons(self) -> None:
        self.new_button = QPushButton(self.tr("New meeting…"))
        self.new_button.setToolTip(self.tr("Create a meeting (Ctrl+N)"))
        self.prepare_button = QPushButton(self.tr("Prepare"))
        self.prepare_button.setToolTip(
            self.tr("Agenda, invitees and details of the selected meeting")
        )
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setToolTip(self.tr("Run the selected meeting, phase by phase"))
        self.next_button = QPushButton(self.tr("Create next meeting"))
        self.next_button.setToolTip(
            self.tr(
                "The next meeting of the same series: same invitees and agenda; "
                "open actions and parked items come along"
            )
        )
        self.export_button = QPushButton(self.tr("Export minutes…"))
        self.export_button.setToolTip(
            self.tr("Save the minutes of the selected meeting as a Word document")
        )
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.series_button = QPushButton(self.tr("Series…"))
        self.series_button.setToolTip(
            self.tr(
                "Members, cadence and default agenda of each meeting series: "
                "what “Create next meeting” starts from"
            )
        )
        self.series_button.clicked.connect(self.edit_series)
        self.new_button.clicked.connect(self.new_meeting)
        self.prepare_button.clicked.connect(self._on_prepare_button_clicked)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Meetings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_DATE, 150),
            (COL_TIME, 70),
            (COL_SERIES, 240),
            (COL_STATUS, 110),
            (COL_PHASE, 170),
            (COL_RATING, 70),
        ):
            self.table.setColumnWidth(column, width)
        # Double-click (or Enter) opens: Prepare while planned, Run once it has started.
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.delete_action = QAction(self.tr("Delete meeting"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._on_delete_button_clicked)
        self.table.addAction(self.delete_action)
        self.delete_button.setToolTip(
            self.tr("Delete the selected meeting (Delete key in the list)")
        )

    def _build_empty_card(self) -> QFrame:
        self.empty_hint = plain_label(self.tr(EMPTY_HINT), object_name="EmptyHint", wrap=True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.empty_hint.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.3)
        self.empty_hint.setFont(font)
        empty_card = QFrame()
        empty_card.setObjectName("Card")
        empty_layout = QVBoxLayout(empty_card)
        empty_layout.setContentsMargins(32, 32, 32, 32)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addStretch(2)
        self.no_match_hint = plain_label("")
        self.no_match_hint.hide()
        return empty_card

    def _build_details_card(self) -> None:
        self.details_title = plain_label()
        title_font = self.details_title.font()
        title_font.setPointSizeF(max(title_font.pointSizeF(), 10) * 1.2)
        title_font.setBold(True)
        self.details_title.setFont(title_font)
        self.details_title.setWordWrap(True)  # a long title wraps, never widens the window
        self.details_text = plain_label(wrap=True)
        self.details_card = QFrame()
        self.details_card.setObjectName("Card")
        details_layout = QVBoxLayout(self.details_card)
        details_layout.setContentsMargins(14, 10, 14, 12)
        details_layout.setSpacing(4)
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.details_text)

    def _build_title_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in (self.new_button, self.prepare_button, self.run_button):
            actions.addWidget(button)
        actions.addSpacing(16)
        for button in (self.next_button, self.export_button, self.delete_button):
            actions.addWidget(button)
        actions.addSpacing(16)
        actions.addWidget(self.series_button)
        actions.addStretch(1)
        # The search sits beside the title: the buttons' row keeps room for longer words
        # (German is ~30 % longer) without widening the window.
        title_row = QHBoxLayout()
        title_row.addWidget(page_title(self.tr("Meetings")), 1)
        title_row.addWidget(self.search_edit, 0, Qt.AlignmentFlag.AlignBottom)
        return title_row, actions

    # ---- reading --------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_rows(self.controller.services.meetings.list_meetings())
        self._load_ratings()
        self.stack.setCurrentIndex(0 if self.model.rowCount() else 1)
        self._select_id(self.controller.current_meeting_id)
        self._update_hints()
        self._update_buttons()

    def _update_details(self) -> None:
        summary = self.selected_meeting()
        if summary is None:
            self.details_card.setVisible(self.model.rowCount() > 0)
            self.details_title.setText(self.tr("Select a meeting"))
            lines = [
                self.tr(
                    "Double-click a meeting to open it: Prepare while it is planned, "
                    "Run once it has started. Create next meeting continues the series."
                )
            ]
            lines += self._series_rating_lines()
            self.details_text.setText("\n".join(lines))
            return
        self.details_card.show()
        services = self.controller.services
        meeting = services.meetings.get_meeting(summary.id)
        invited = len(services.meetings.participants(summary.id))
        items = [i for i in services.agenda.items(summary.id) if not i.parked]
        budget = services.agenda.budget(summary.id)
        # The format is translated too: German shows no English day or month names.
        when = meeting.starts_at.strftime(self.tr("%A %d %B %Y, %H:%M"))
        place = f" · {meeting.place}" if meeting.place else ""
        self.details_title.setText(meeting.title)
        minutes = self.tr("{minutes} min").format(minutes=meeting.planned_minutes)
        lines = [f"{when} · {minutes}{place}"]
        if meeting.topic:
            lines.append(self.tr("Topic: {topic}").format(topic=meeting.topic))
        people = self.tr("{count} invited").format(count=invited)
        if meeting.facilitator_name:
            people += " · " + self.tr("facilitator {name}").format(name=meeting.facilitator_name)
        agenda = (
            self.tr("1 agenda item")
            if len(items) == 1
            else self.tr("{count} agenda items").format(count=len(items))
        )
        boxed = self.tr("({minutes} min boxed)").format(minutes=budget.boxed_minutes)
        lines.append(f"{people} · {agenda} {boxed}")
        rating = self._rating_line(summary)
        if rating:
            lines.append(rating)
        self.details_text.setText("\n".join(lines))

    def selected_meeting(self) -> MeetingSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        record = rows[0].data(RECORD_ROLE)
        return record if isinstance(record, MeetingSummary) else None

    def _select_id(self, meeting_id: int | None) -> None:
        selection = self.table.selectionModel()
        if meeting_id is None:
            selection.clearSelection()
            return
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == meeting_id:
                if not selection.isRowSelected(row, QModelIndex()):
                    self.table.selectRow(row)
                self.table.scrollTo(index)
                return

    def _update_buttons(self) -> None:
        self._update_details()
        meeting = self.selected_meeting()
        has = meeting is not None
        for button in (
            self.prepare_button,
            self.run_button,
            self.next_button,
            self.export_button,
            self.delete_button,
        ):
            button.setEnabled(has)
        if meeting is not None and meeting.status is MeetingStatus.RUNNING:
            self.run_button.setText(self.tr("Continue"))
        elif meeting is not None and meeting.status is MeetingStatus.CLOSED:
            self.run_button.setText(self.tr("Review"))
        else:
            self.run_button.setText(self.tr("Run"))

    def _update_hints(self) -> None:
        text = self.search_edit.text().strip()
        show = bool(text) and self.model.rowCount() > 0 and self.proxy.rowCount() == 0
        self.no_match_hint.setText(
            self.tr("No meeting title contains “{text}”.").format(text=text) if show else ""
        )
        self.no_match_hint.setVisible(show)

    # ---- actions ----------------------------------------------------------------------
    def first_field(self) -> QWidget:
        """Where the keyboard starts on this page: the meetings list."""
        return self.table

    def new_meeting(self) -> MeetingSummary | None:
        """File › New meeting and the "New meeting…" button: ask, create, go to Prepare."""
        from ui.views.meeting_dialog import MeetingDialog  # not needed to show the page

        dialog = MeetingDialog(self.controller, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.created is None:
                return None
            created = dialog.created
        finally:
            dialog.deleteLater()
        self._select_id(created.id)
        self.controller.navigate("prepare")
        return self.selected_meeting()

    def edit_series(self) -> None:
        """The "Series…" button: the series of the selected meeting, else the first."""
        selected = self.selected_meeting()
        from ui.views.series_dialog import SeriesDialog  # not needed to show the page

        dialog = SeriesDialog(
            self.controller, self, series_id=selected.series_id if selected else None
        )
        try:
            dialog.exec()  # tests replace SeriesDialog.exec
        finally:
            dialog.deleteLater()

    def _open(self, meeting: MeetingSummary) -> None:
        self.controller.select_meeting(meeting.id)
        self.controller.navigate("prepare" if meeting.status is MeetingStatus.PLANNED else "run")

    def _on_prepare_button_clicked(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.controller.select_meeting(meeting.id)
            self.controller.navigate("prepare")

    def _on_run_button_clicked(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.controller.select_meeting(meeting.id)
            self.controller.navigate("run")

    def _on_next_button_clicked(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.controller.flush_pending()
            created = self.controller.create_next_meeting(meeting.id)
            self._select_id(created.id)

    def _on_export_button_clicked(self) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.controller.request_export(meeting.id)

    def _on_delete_button_clicked(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            return
        when = meeting.starts_at.strftime(self.tr("%a %d %b %Y, %H:%M"))
        if ask_yes_no(
            self,
            self.tr("Delete meeting?"),
            self.tr(
                "Delete “{title}” ({when})?\n\n"
                "Its agenda, notes, decisions, attendance and the actions agreed in it "
                "are deleted too. This cannot be undone."
            ).format(title=meeting.title, when=when),
        ):
            self.controller.delete_meeting(meeting.id)

    # ---- ratings (issue 15): each meeting's average, each series' trend -------------
    def _load_ratings(self) -> None:
        self.series_ratings = {
            r.series_id: r for r in self.controller.services.accountability.series_ratings()
        }
        self.model.set_ratings(
            {
                rated.meeting_id: rated.summary.average
                for series in self.series_ratings.values()
                for rated in series.meetings
                if rated.summary.average is not None
            }
        )

    def _rating_line(self, summary: MeetingSummary) -> str:
        from alignmeet.domain.accountability import RATING_TARGET, trend_text

        series = getattr(self, "series_ratings", {}).get(summary.series_id)
        if series is None:
            return ""
        mine = next((m for m in series.meetings if m.meeting_id == summary.id), None)
        text = self.tr("Ratings of {series}: {trend} (aim {target}+)").format(
            series=series.series_name, trend=trend_text(series), target=RATING_TARGET
        )
        if mine is not None:
            text = (
                self.tr("This meeting: {average} from {count} ratings.").format(
                    average=mine.summary.average_text, count=mine.summary.count
                )
                + " "
                + text
            )
        return text

    def _series_rating_lines(self) -> list[str]:
        """Each series' meeting ratings: the last few, the trend, the average."""
        from alignmeet.domain.accountability import RATING_TARGET, trend_text

        return [
            self.tr("Ratings of {series}: {trend} (aim {target}+)").format(
                series=series.series_name, trend=trend_text(series), target=RATING_TARGET
            )
            for series in getattr(self, "series_ratings", {}).values()
        ]

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == "accountability":
            self._load_ratings()
            self._update_details()

    # ---- signals ----------------------------------------------------------------------
    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._select_id(self.controller.current_meeting_id)
        self._update_hints()
        self._update_buttons()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        meeting = self.selected_meeting()
        if meeting is not None:
            self.controller.select_meeting(meeting.id)
        self._update_buttons()

    def _on_table_activated(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if isinstance(record, MeetingSummary):
            self._open(record)

    def _on_controller_current_meeting_changed(self, meeting_id: int) -> None:
        self._select_id(meeting_id or None)
        self._update_buttons()
