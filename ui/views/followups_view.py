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
on the database. Writes go through the controller; user text is shown as plain text.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QItemSelectionModel,
    QMarginsF,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontMetrics,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.domain.records import (
    ActionLine,
    DecisionLogRow,
    FollowUpDirectory,
    MemberCommitments,
    SearchHit,
    TeamBalance,
)
from alignmeet.domain.rules import ValidationError
from alignmeet.services.followups import ActionFilter
from ui.background import run_in_background, was_cancelled_message
from ui.background_reads import BackgroundReads
from ui.colors import shade
from ui.controller import Controller
from ui.core_labels import label
from ui.models.action_history_model import ActionHistoryModel
from ui.models.decision_log_model import COL_DECISION, DecisionLogModel
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
    slipped_text,
)
from ui.models.member_commitments_model import COL_NOTE as COL_COMMIT_NOTE
from ui.models.member_commitments_model import MemberCommitmentsModel
from ui.models.record_table_model import RECORD_ROLE, SORT_ROLE
from ui.models.search_hits_model import COL_TEXT, SearchHitsModel
from ui.views.phases import format_date, format_number
from ui.widgets import FieldError, page_title, plain_label, warn

# Past this many actions in the database, every read of the page runs off the GUI thread
# (a count or a sort over all of them can take longer than a frame).
BACKGROUND_ABOVE = 20_000
SEARCH_DELAY_MS = 250
OPEN_SET = frozenset(OPEN_STATUSES)

STATUS_CHOICES: tuple[tuple[str, frozenset[ActionStatus] | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "Open"), OPEN_SET),
    (QT_TRANSLATE_NOOP("FollowUpsView", "All statuses"), None),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Not started"), frozenset({ActionStatus.OPEN})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "In progress"), frozenset({ActionStatus.IN_PROGRESS})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Blocked"), frozenset({ActionStatus.BLOCKED})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Done"), frozenset({ActionStatus.DONE})),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Dropped"), frozenset({ActionStatus.DROPPED})),
)
DUE_CHOICES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "Any due date"), None),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Overdue"), "overdue"),
    (QT_TRANSLATE_NOOP("FollowUpsView", "This week"), "this_week"),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Later"), "later"),
    (QT_TRANSLATE_NOOP("FollowUpsView", "No due date"), "none"),
)
TEAM_CHOICES: tuple[tuple[str, TeamTag | None], ...] = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "All teams"), None),
    (TeamTag.SALES.label, TeamTag.SALES),
    (TeamTag.MARKETING.label, TeamTag.MARKETING),
    (TeamTag.JOINT.label, TeamTag.JOINT),
)
# (button text, status) for the selected action
STATUS_BUTTONS = (
    (QT_TRANSLATE_NOOP("FollowUpsView", "Done"), ActionStatus.DONE),
    (QT_TRANSLATE_NOOP("FollowUpsView", "In progress"), ActionStatus.IN_PROGRESS),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Blocked"), ActionStatus.BLOCKED),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Dropped"), ActionStatus.DROPPED),
    (QT_TRANSLATE_NOOP("FollowUpsView", "Reopen"), ActionStatus.OPEN),
)
# The context menu's entries and the buttons' tooltips, per status.
MARK_AS = {
    ActionStatus.DONE: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as done"),
    ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as in progress"),
    ActionStatus.BLOCKED: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as blocked"),
    ActionStatus.DROPPED: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as dropped"),
    ActionStatus.OPEN: QT_TRANSLATE_NOOP("FollowUpsView", "Reopen"),
}
MARK_AS_TIPS = {
    ActionStatus.DONE: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as done, with the note below"),
    ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP(
        "FollowUpsView", "Mark as in progress, with the note below"
    ),
    ActionStatus.BLOCKED: QT_TRANSLATE_NOOP(
        "FollowUpsView", "Mark as blocked, with the note below"
    ),
    ActionStatus.DROPPED: QT_TRANSLATE_NOOP(
        "FollowUpsView", "Mark as dropped, with the note below"
    ),
    ActionStatus.OPEN: QT_TRANSLATE_NOOP("FollowUpsView", "Mark as open, with the note below"),
}
TAB_ACTIONS, TAB_DECISIONS, TAB_SEARCH, TAB_ACCOUNTABILITY = range(4)
# The printable "My commitments" page (translated where written).
OVERDUE_MARK = QT_TRANSLATE_NOOP("FollowUpsView", "(overdue)")
OPEN_ACTIONS = QT_TRANSLATE_NOOP("FollowUpsView", "Open actions")
COMMITMENTS = QT_TRANSLATE_NOOP("FollowUpsView", "Commitments")
NOTHING_OPEN = QT_TRANSLATE_NOOP("FollowUpsView", "Nothing open.")
NO_COMMITMENTS = QT_TRANSLATE_NOOP("FollowUpsView", "No commitments yet.")
DUE = QT_TRANSLATE_NOOP("FollowUpsView", "Due")
ACTION = QT_TRANSLATE_NOOP("FollowUpsView", "Action")
STATUS = QT_TRANSLATE_NOOP("FollowUpsView", "Status")
AGREED_IN = QT_TRANSLATE_NOOP("FollowUpsView", "Agreed in")
DATE = QT_TRANSLATE_NOOP("FollowUpsView", "Date")
MEETING = QT_TRANSLATE_NOOP("FollowUpsView", "Meeting")
CONFIDENCE = QT_TRANSLATE_NOOP("FollowUpsView", "Confidence")
STILL_OPEN = QT_TRANSLATE_NOOP("FollowUpsView", "Still open")
NOTE = QT_TRANSLATE_NOOP("FollowUpsView", "Note")
PAGE_STYLE = (
    "QFrame#BalanceChip { border: 1px solid palette(mid); border-radius: 9px;"
    " background: palette(base); }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpsView", text)


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the PDF (tests replace this)."""
    text, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FollowUpsView", "Save as PDF"),
        suggested,
        QCoreApplication.translate("FollowUpsView", "PDF (*.pdf)"),
    )
    if not text:
        return None
    path = Path(text)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


EXPORT_KINDS = {
    # kind: (menu text, file filter, file suffix, suggested file name), all translated
    # where shown
    "docx": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up checklist (Word)…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "Word document (*.docx)"),
        ".docx",
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up checklist"),
    ),
    "ics": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Calendar of due dates (.ics)…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "Calendar (*.ics)"),
        ".ics",
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up due dates"),
    ),
    "csv": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Actions as CSV…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "CSV (*.csv)"),
        ".csv",
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up actions"),
    ),
}
# kind: (progress text, what was cancelled)
EXPORT_PROGRESS = {
    "docx": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Writing the checklist to {file}…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "The checklist"),
    ),
    "ics": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Writing the due dates to {file}…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "The due dates"),
    ),
    "csv": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Writing the actions to {file}…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "The actions"),
    ),
}


def ask_export_path(parent: QWidget, kind: str, suggested: str) -> Path | None:
    """Where to save an export of the listed actions (tests replace this)."""
    _text, file_filter, suffix, _name = EXPORT_KINDS[kind]
    text, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FollowUpsView", "Export follow-ups"),
        suggested,
        _tr(file_filter),
    )
    if not text:
        return None
    path = Path(text)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def balance_text(balance: TeamBalance) -> str:
    """ "12 open · 3 overdue · 40 done"."""
    return QCoreApplication.translate(
        "FollowUpsView", "{open} open · {overdue} overdue · {done} done"
    ).format(
        open=format_number(balance.open),
        overdue=format_number(balance.overdue),
        done=format_number(balance.done),
    )


def _date(value: date | None) -> str:
    """ "3 Mar 2026" in the UI's language (as the core's short_date in English)."""
    return (
        "—"
        if value is None
        else format_date(value, QCoreApplication.translate("FollowUpsView", "d MMM yyyy"))
    )


def commitments_html(mc: MemberCommitments) -> str:
    """A printable page: the member's open actions and commitments (every text escaped)."""
    e = html.escape

    def t(text: str) -> str:  # a translated text of the page, escaped as well
        return e(_tr(text))

    member = mc.member
    rows = []
    for row in mc.actions:
        a = row.action
        late = a.due is not None and a.due < mc.today
        due = e(_date(a.due)) + (f" <b>{t(OVERDUE_MARK)}</b>" if late else "")
        slipped = (
            " · "
            + e(
                QCoreApplication.translate("FollowUpsView", "slipped {times}").format(
                    times=slipped_text(row.times_slipped)
                )
            )
            if row.times_slipped
            else ""
        )
        rows.append(
            f"<tr><td>☐</td><td>{due}</td><td>{e(a.title)}</td>"
            f"<td>{e(label(a.status))}</td>"
            f"<td>{e(a.meeting_title)}, {e(_date(a.meeting_date))}{slipped}</td></tr>"
        )
    commitments = [
        f"<tr><td>{e(_date(c.meeting_date))}</td><td>{e(c.meeting_title)}</td>"
        f"<td>{e(f'{c.confidence} / 5' if c.confidence else '—')}</td>"
        f"<td>{c.open_actions}</td><td>{e(c.note)}</td></tr>"
        for c in mc.commitments
    ]

    def heads(*texts: str) -> str:
        return (
            "<tr>" + "".join(f"<th align='left'>{t(h) if h else ''}</th>" for h in texts) + "</tr>"
        )

    count = len(mc.actions)
    open_count = (
        QCoreApplication.translate("FollowUpsView", "1 open action")
        if count == 1
        else QCoreApplication.translate("FollowUpsView", "{count} open actions").format(
            count=format_number(count)
        )
    )
    about = " · ".join(
        [e(member.team_name)]
        + ([e(member.role)] if member.role else [])
        + [
            e(
                QCoreApplication.translate("FollowUpsView", "as of {date}").format(
                    date=_date(mc.today)
                )
            ),
            e(open_count),
        ]
    )
    title = QCoreApplication.translate("FollowUpsView", "My commitments — {name}").format(
        name=member.name
    )
    nothing_open = f"<tr><td colspan=5>{t(NOTHING_OPEN)}</td></tr>"
    no_commitments = f"<tr><td colspan=5>{t(NO_COMMITMENTS)}</td></tr>"
    return (
        "<html><body style='font-family: sans-serif; font-size: 10pt'>"
        f"<h1>{e(title)}</h1>"
        f"<p>{about}</p>"
        f"<h2>{t(OPEN_ACTIONS)}</h2>"
        "<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
        f"{heads('', DUE, ACTION, STATUS, AGREED_IN)}{''.join(rows) or nothing_open}</table>"
        f"<h2>{t(COMMITMENTS)}</h2>"
        "<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
        f"{heads(DATE, MEETING, CONFIDENCE, STILL_OPEN, NOTE)}"
        f"{''.join(commitments) or no_commitments}"
        "</table></body></html>"
    )


def pdf_bytes(document_html: str) -> bytes:
    """Render HTML to an A4 PDF in memory (QTextDocument + QPdfWriter)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(QCoreApplication.translate("FollowUpsView", "My commitments"))
    document = QTextDocument()
    document.setHtml(document_html)
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def _combo(name: str, tip: str, width: int) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tip)
    combo.setMinimumWidth(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(30)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _set_widths(view: QTableView, widths: dict[int, int]) -> None:
    """Column widths, each at least as wide as its header (with room for the sort arrow):
    the headers are longer in some languages."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    for column, width in widths.items():
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        view.setColumnWidth(column, max(width, metrics.horizontalAdvance(text) + 28))


def _sortable(view: QTableView, model: object, parent: QWidget) -> QSortFilterProxyModel:
    """A small record table, sortable through a proxy on SORT_ROLE."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # column 0 is the date: newest first
    return proxy


class FollowUpsView(QWidget):
    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FollowUpsView")
        self.setStyleSheet(PAGE_STYLE)
        self.controller = controller
        self._today = today
        self._directory = FollowUpDirectory({}, {}, {})
        self._stale = False  # something changed while the page was hidden
        self._stale_directory = False
        self._last_balance: list[TeamBalance] = []
        self._balances: dict[tuple[ActionFilter, date], list[TeamBalance]] = {}
        self._balance_shown = True
        self._selected_id: int | None = None  # followed through filters, sorts, changes
        self._keep_selected: int | None = None
        self._reads = BackgroundReads(self)  # the balance, at scale
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_actions_tab(), self.tr("Actions"))
        self.tabs.addTab(self._build_decisions_tab(), self.tr("Decisions"))
        self.tabs.addTab(self._build_search_tab(), self.tr("Search all meetings"))
        # Say/do, calibration and meeting ratings (issue 15); its charts load when shown.
        from ui.views.accountability.accountability_view import AccountabilityView

        self.accountability_view = AccountabilityView(controller)
        self.tabs.addTab(self.accountability_view, self.tr("Accountability"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        # How many actions the filters select, top right, whatever the tab.
        self.tabs.setCornerWidget(self.count_label, Qt.Corner.TopRightCorner)

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
        self.reload()

    # ---- building -------------------------------------------------------------------
    def _build_actions_tab(self) -> QWidget:
        self.count_label = plain_label(object_name="FollowUpCount")
        self.count_label.setContentsMargins(0, 0, 4, 0)
        self.person_combo = _combo(self.tr("Person"), self.tr("Whose actions"), 150)
        self.team_combo = _combo(self.tr("Team"), self.tr("Sales, Marketing or Joint actions"), 100)
        for text, tag in TEAM_CHOICES:
            self.team_combo.addItem(
                label(tag) if tag else self.tr(text), tag.value if tag else None
            )
        self.series_combo = _combo(self.tr("Series"), self.tr("Which meeting series"), 150)
        self.status_combo = _combo(
            self.tr("Status"),
            self.tr("Open means open, in progress or blocked: what still needs doing"),
            110,
        )
        for text, _statuses in STATUS_CHOICES:
            self.status_combo.addItem(self.tr(text))
        self.due_combo = _combo(
            self.tr("Due"), self.tr("Overdue, due this week, later, or without a date"), 110
        )
        for text, bucket in DUE_CHOICES:
            self.due_combo.addItem(self.tr(text), bucket)
        for combo in (self.team_combo, self.status_combo, self.due_combo):  # short, fixed lists
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search actions & notes…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search actions"))
        self.search_edit.setToolTip(
            self.tr(
                "Every word must appear (as the start of a word) in the action or a note of"
                " its history"
            )
        )
        self.search_edit.setMinimumWidth(160)
        self.mine_button = QPushButton(self.tr("My commitments"))
        self.mine_button.setCheckable(True)
        self.mine_button.setToolTip(
            self.tr("The chosen person's open actions across all series and their commitments")
        )
        for combo in (self.person_combo, self.team_combo, self.series_combo, self.due_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.status_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.mine_button.toggled.connect(self._on_mine_button_toggled)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        for widget in (
            self.person_combo,
            self.team_combo,
            self.series_combo,
            self.status_combo,
            self.due_combo,
        ):
            filters.addWidget(widget)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.mine_button)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save the actions these filters show"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for kind, (text, *_rest) in EXPORT_KINDS.items():
            action = export_menu.addAction(self.tr(text))
            action.triggered.connect(lambda _=False, k=kind: self.export(k))
            self.export_actions[kind] = action
        self.export_button.setMenu(export_menu)
        filters.addWidget(self.export_button)

        # ---- team balance strip: "Sales 12 open · 3 overdue · 40 done" per team ----
        self.balance_chips: dict[TeamTag, QFrame] = {}
        self.balance_open: dict[TeamTag, QLabel] = {}
        self.balance_late: dict[TeamTag, QLabel] = {}
        self.balance_done: dict[TeamTag, QLabel] = {}
        strip = QHBoxLayout()
        strip.setSpacing(8)
        for tag in (TeamTag.SALES, TeamTag.MARKETING, TeamTag.JOINT):
            chip = QFrame()
            chip.setObjectName("BalanceChip")
            chip_layout = QHBoxLayout(chip)
            chip_layout.setContentsMargins(9, 2, 9, 2)
            chip_layout.setSpacing(4)
            name = plain_label(label(tag), object_name="BalanceTeam")
            chip_font = name.font()
            chip_font.setPointSizeF(max(1.0, chip_font.pointSizeF() * 0.92))
            bold = QFont(chip_font)
            bold.setBold(True)
            name.setFont(bold)
            chip_layout.addWidget(name)
            for store, object_name in (
                (self.balance_open, "BalanceOpen"),
                (self.balance_late, "BalanceLate"),
                (self.balance_done, "BalanceDone"),
            ):
                value = plain_label("", object_name=object_name)
                value.setFont(chip_font)
                store[tag] = value
                chip_layout.addWidget(value)
            self.balance_chips[tag] = chip
            strip.addWidget(chip)
        strip.addStretch(1)

        # ---- my commitments (shown in that mode) ----
        self.commitments_model = MemberCommitmentsModel(self)
        self.commitments_table = _table(self.tr("Commitments"))
        self.commitments_proxy = _sortable(self.commitments_table, self.commitments_model, self)
        self.commitments_table.horizontalHeader().setSectionResizeMode(
            COL_COMMIT_NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.commitments_table.setMaximumHeight(112)
        _set_widths(self.commitments_table, {1: 300})
        self.commitments_title = plain_label(object_name="SectionLabel")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setToolTip(
            self.tr("A printable page of these open actions and commitments")
        )
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.commitments_card = QFrame()
        self.commitments_card.setObjectName("Card")
        card_layout = QVBoxLayout(self.commitments_card)
        card_layout.setContentsMargins(12, 8, 12, 8)
        card_top = QHBoxLayout()
        card_top.addWidget(self.commitments_title, 1)
        card_top.addWidget(self.pdf_button)
        card_layout.addLayout(card_top)
        card_layout.addWidget(self.commitments_table)
        self.commitments_card.hide()

        # ---- the list ----
        self.model = FollowUpRowsModel(self, today=self._today)
        self.table = _table(self.tr("Follow-ups"))
        self.table.setModel(self.model)
        # Each row's number is the action's own ("A-123"), as in every document.
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
        _set_widths(
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

        # ---- the selected action: status, note, history ----
        self.selected_label = plain_label(object_name="SelectedAction")
        self.selected_label.setWordWrap(True)
        font = self.selected_label.font()
        font.setBold(True)
        self.selected_label.setFont(font)
        self.status_buttons: dict[ActionStatus, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for text, status in STATUS_BUTTONS:
            button = QPushButton(self.tr(text))
            button.setToolTip(self.tr(MARK_AS_TIPS[status]))
            button.clicked.connect(lambda _=False, s=status: self.set_status(s))
            self.status_buttons[status] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note for the history, e.g. “Sent on 3 March”"))
        self.note_edit.setAccessibleName(self.tr("Status note"))
        self.note_edit.setMaxLength(5000)
        self.open_button = QPushButton(self.tr("Open meeting"))
        self.open_button.setToolTip(
            self.tr("Open the meeting where this action was agreed (Enter)")
        )
        self.open_button.clicked.connect(self.open_meeting)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.open_button)
        self.error = FieldError(self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.selected_label)
        left_layout.addLayout(buttons)
        left_layout.addLayout(note_row)
        left_layout.addWidget(self.error)
        left_layout.addStretch(1)

        # One line per change: "22 Nov 2026 · Sept sync · Open → Done · by Priya · note".
        self.history_model = ActionHistoryModel(self)
        self.history_list = QListView()
        self.history_list.setModel(self.history_model)
        self.history_list.setAccessibleName(self.tr("History"))
        self.history_list.setWordWrap(True)
        self.history_list.setAlternatingRowColors(True)
        self.history_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history_list.setResizeMode(QListView.ResizeMode.Adjust)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        right_layout.addWidget(plain_label(self.tr("History"), object_name="SectionLabel"))
        right_layout.addWidget(self.history_list, 1)

        details = QWidget()
        details_layout = QHBoxLayout(details)
        details_layout.setContentsMargins(0, 4, 0, 0)
        details_layout.setSpacing(16)
        details_layout.addWidget(left, 2)
        details_layout.addWidget(right, 3)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([430, 170])

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(strip)
        layout.addWidget(self.commitments_card)
        layout.addWidget(self.splitter, 1)
        self._show_selected(None)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.settled.connect(self._on_model_settled)
        return page

    def _build_decisions_tab(self) -> QWidget:
        self.decisions_search = QLineEdit()
        self.decisions_search.setPlaceholderText(
            self.tr("Search decisions and their agenda items…")
        )
        self.decisions_search.setClearButtonEnabled(True)
        self.decisions_search.setAccessibleName(self.tr("Search decisions"))
        self.decisions_series_combo = _combo(
            self.tr("Decisions series"), self.tr("Which meeting series"), 200
        )
        self.decisions_count = plain_label(object_name="DecisionCount")
        self._decisions_timer = QTimer(self)
        self._decisions_timer.setSingleShot(True)
        self._decisions_timer.setInterval(SEARCH_DELAY_MS)
        self._decisions_timer.timeout.connect(self.refresh_decisions)
        self.decisions_search.textChanged.connect(lambda _t: self._decisions_timer.start())
        self.decisions_series_combo.currentIndexChanged.connect(lambda _i: self.refresh_decisions())
        self.decisions_model = DecisionLogModel(self)
        self.decisions_table = _table(self.tr("Decisions log"))
        self.decisions_proxy = _sortable(self.decisions_table, self.decisions_model, self)
        header = self.decisions_table.horizontalHeader()
        header.setSectionResizeMode(COL_DECISION, QHeaderView.ResizeMode.Stretch)
        _set_widths(self.decisions_table, {0: 110, 1: 260, 2: 230})
        self.decisions_table.activated.connect(self._on_decisions_table_activated)
        self.decisions_open_button = QPushButton(self.tr("Open meeting"))
        self.decisions_open_button.clicked.connect(lambda: self._open_from(self.decisions_table))
        row = QHBoxLayout()
        row.addWidget(self.decisions_search, 1)
        row.addWidget(self.decisions_series_combo)
        row.addWidget(self.decisions_open_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.decisions_count)
        layout.addWidget(self.decisions_table, 1)
        return page

    def _build_search_tab(self) -> QWidget:
        self.search_all_edit = QLineEdit()
        self.search_all_edit.setPlaceholderText(
            self.tr("Search actions, notes, ideas and decisions of all meetings…")
        )
        self.search_all_edit.setClearButtonEnabled(True)
        self.search_all_edit.setAccessibleName(self.tr("Search all meetings"))
        self._hits_timer = QTimer(self)
        self._hits_timer.setSingleShot(True)
        self._hits_timer.setInterval(SEARCH_DELAY_MS)
        self._hits_timer.timeout.connect(self.refresh_hits)
        self.search_all_edit.textChanged.connect(lambda _t: self._hits_timer.start())
        self.hits_count = plain_label(object_name="HitCount")
        self.hits_model = SearchHitsModel(self)
        self.hits_table = _table(self.tr("Search results"))
        self.hits_proxy = _sortable(self.hits_table, self.hits_model, self)
        header = self.hits_table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        _set_widths(self.hits_table, {0: 110, 1: 240, 2: 80, 3: 260})
        self.hits_table.activated.connect(lambda _i: self._open_from(self.hits_table))
        self.hits_open_button = QPushButton(self.tr("Open meeting"))
        self.hits_open_button.clicked.connect(lambda: self._open_from(self.hits_table))
        row = QHBoxLayout()
        row.addWidget(self.search_all_edit, 1)
        row.addWidget(self.hits_open_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hits_count)
        layout.addWidget(self.hits_table, 1)
        return page

    # ---- loading --------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again: names, the filter choices, the list and its balance."""
        services = self.controller.services.followups
        self._directory = services.directory()
        self._fill_choices()
        self._stale = self._stale_directory = False
        self._balances.clear()
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
        person = self.person_combo.currentData()
        series = self.series_combo.currentData()
        decisions_series = self.decisions_series_combo.currentData()
        members = services.people.list_members(include_inactive=True)
        for combo in (self.person_combo, self.series_combo, self.decisions_series_combo):
            combo.blockSignals(True)
            combo.clear()
        self.person_combo.addItem(self.tr("Everyone"), None)
        for member in sorted(members, key=lambda m: m.name.casefold()):
            text = (
                member.name
                if member.active
                else self.tr("{name} (inactive)").format(name=member.name)
            )
            self.person_combo.addItem(text, member.id)
        for combo, current in (
            (self.series_combo, series),
            (self.decisions_series_combo, decisions_series),
        ):
            combo.addItem(self.tr("All series"), None)
            for record in services.meetings.list_series():
                combo.addItem(record.name, record.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(person)))
        for combo in (self.person_combo, self.series_combo, self.decisions_series_combo):
            combo.blockSignals(False)
        self.mine_button.setEnabled(self.person_combo.currentData() is not None)

    # ---- filtering ------------------------------------------------------------------
    def current_filter(self) -> ActionFilter:
        team = self.team_combo.currentData()
        return ActionFilter(
            owner_id=self.person_combo.currentData(),
            team_tag=TeamTag(team) if team else None,
            series_id=self.series_combo.currentData(),
            statuses=STATUS_CHOICES[max(0, self.status_combo.currentIndex())][1],
            due=self.due_combo.currentData(),
            text=self.search_edit.text(),
        )

    def apply_filter(self) -> None:
        """Show what the filters select: the database counts and reads the rows on screen
        (off the GUI thread at scale), the balance follows."""
        self._search_timer.stop()
        flt = self.current_filter()
        self.model.set_filter(flt)
        if not self.model.is_settled and not self.model.count:
            # The first read at scale; later the previous count stays, with the previous
            # rows, until the new ones are in.
            self.count_label.setText(self.tr("Loading actions…"))
        self._update_balance(flt)
        if self.mine_button.isChecked():
            self._refresh_commitments()

    def _on_model_about_to_be_reset(self) -> None:
        self._keep_selected = self._selected_id  # the reset may clear the current row

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
        key = (dataclasses.replace(flt, statuses=None), self._today())
        known = self._balances.get(key)
        if known is not None:
            self._reads.forget("balance")
            self._balance_shown = True
            self._show_balance(known)
            return
        services, today = self.controller.services.followups, key[1]

        def shown(balance: list[TeamBalance]) -> None:
            self._balances[key] = balance
            self._balance_shown = True
            self._show_balance(balance)

        if not self.model.background:
            shown(services.team_balance(flt, today))
            return
        self._balance_shown = False
        self._reads.submit("balance", lambda: services.team_balance(flt, today), shown)

    def _show_balance(self, balance: list[TeamBalance]) -> None:
        self._last_balance = balance
        for item in balance:
            tag = item.team_tag
            self.balance_open[tag].setText(
                self.tr("{count} open").format(count=format_number(item.open))
            )
            late = self.balance_late[tag]
            late.setText(self.tr("· {count} overdue").format(count=format_number(item.overdue)))
            late.setStyleSheet(f"color: {shade('bad')}; font-weight: 600;" if item.overdue else "")
            self.balance_done[tag].setText(
                self.tr("· {count} done").format(count=format_number(item.done))
            )
            self.balance_chips[tag].setToolTip(
                self.tr(
                    "{team}: {open} open ({overdue} of them overdue), {done} done, {dropped}"
                    " dropped — under the current filters, whatever the status filter"
                ).format(
                    team=label(item.team_tag),
                    open=format_number(item.open),
                    overdue=format_number(item.overdue),
                    done=format_number(item.done),
                    dropped=format_number(item.dropped),
                )
            )

    def balance_strip_text(self) -> str:
        """ "Sales 12 open · 3 overdue · 40 done | Marketing … | Joint …"."""
        return " | ".join(f"{label(b.team_tag)} {balance_text(b)}" for b in self._last_balance)

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
        if member_id is None:
            self.commitments_model.set_rows([])
            return
        mc = self.controller.services.followups.member_commitments(member_id, self._today())
        self.commitments_model.set_rows(mc.commitments)
        actions, commitments = len(mc.actions), len(mc.commitments)
        self.commitments_title.setText(
            self.tr("{name}: {actions} · {commitments}").format(
                name=mc.member.name,
                actions=self.tr("1 open action")
                if actions == 1
                else self.tr("{count} open actions").format(count=format_number(actions)),
                commitments=self.tr("1 commitment")
                if commitments == 1
                else self.tr("{count} commitments").format(count=format_number(commitments)),
            )
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
        from alignmeet.services import ExportError

        name = self.tr(EXPORT_KINDS[kind][3])
        suffix = EXPORT_KINDS[kind][2]
        writing, what = EXPORT_PROGRESS[kind]
        path = ask_export_path(self, kind, str(Path.home() / f"{name}{suffix}"))
        if path is None:
            return None
        self.controller.flush_pending()
        flt = self.current_filter()
        try:
            # 100,000 actions take seconds: off the GUI thread, with Cancel.
            result = run_in_background(
                self,
                self.tr("Exporting follow-ups"),
                self.tr(writing).format(file=path.name),
                lambda cancelled: self.controller.write_followups(
                    kind=kind, flt=flt, path=path, cancelled=cancelled
                ),
            )
        except ExportError as exc:
            warn(self, self.tr("Not saved"), str(exc))
            return None
        if result is None:
            self.controller.status_shown.emit(was_cancelled_message(self.tr(what)))
            return None
        self.controller.exported(result)
        return path

    def _on_pdf_button_clicked(self) -> None:
        from alignmeet.services import ExportError

        name = self.person_combo.currentText() or self.tr("commitments")
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip()
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
        line = self.model.line(row) if row >= 0 else None
        if line is None or line.id != action_id:
            self._show_selected(None)
            return False
        index = self.model.index(row, COL_ACTION)
        same_row = self.table.currentIndex().row() == row
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        if same_row:  # otherwise currentRowChanged shows it
            self._show_selected(line)
        return True

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_selected(self.selected_line())

    def _show_selected(self, line: ActionLine | None) -> None:
        self._selected_id = None if line is None else line.id
        self.error.clear_error()
        enabled = line is not None
        for status, button in self.status_buttons.items():
            button.setEnabled(enabled and (line is None or line.status != status.value))
        self.note_edit.setEnabled(enabled)
        self.open_button.setEnabled(enabled)
        if line is None:
            self.selected_label.setText(
                self.tr("Select an action to change its status or see its history.")
            )
            self.history_model.set_rows([])
            return
        owner = self._directory.owner_name(line)
        self.selected_label.setText(f"{owner}: {line.title}")
        self.history_model.set_rows(self.controller.services.actions.history(line.id))
        self.history_list.scrollToBottom()

    def set_status(self, status: ActionStatus) -> bool:
        """Change the selected action's status (outside a meeting), with the note. The
        change carries the line as shown (its status and version): someone else's change
        since is a conflict to resolve, never overwritten unseen."""
        line = self.selected_line()
        if line is None:
            return False
        try:
            saved = self.controller.set_action_status(
                action_id=line.id,
                status=status,
                note=self.note_edit.text(),
                meeting_id=None,
                seen=line,
            )
        except ValidationError as exc:
            self.error.show_error(exc.message, self.note_edit)
            return False
        if saved.status is status:  # not when the other version was kept: the note stays
            self.note_edit.clear()
        self._selected_id = line.id  # kept if still listed (the list is read again)
        self.catch_up()
        if self.model.is_settled and self.selected_line() is None:
            self._select_id(line.id)
        return True

    def open_meeting(self) -> None:
        line = self.selected_line()
        if line is not None:
            self._go_to_meeting(line.meeting_id)

    def _go_to_meeting(self, meeting_id: int) -> None:
        self.controller.select_meeting(meeting_id)
        self.controller.navigate("run")

    def _open_from(self, view: QTableView) -> None:
        record = view.currentIndex().data(RECORD_ROLE)
        if isinstance(record, DecisionLogRow | SearchHit):
            self._go_to_meeting(record.meeting_id)

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
        self._decisions_timer.stop()
        rows = self.controller.services.followups.decisions(
            self.decisions_search.text(), self.decisions_series_combo.currentData()
        )
        self.decisions_model.set_rows(rows)
        text = self.decisions_search.text().strip()
        if rows:
            self.decisions_count.setText(
                self.tr("1 decision")
                if len(rows) == 1
                else self.tr("{count} decisions").format(count=format_number(len(rows)))
            )
        else:
            self.decisions_count.setText(
                self.tr("No decision matches “{text}”.").format(text=text)
                if text
                else self.tr("No decisions recorded yet.")
            )

    def refresh_hits(self) -> None:
        self._hits_timer.stop()
        text = self.search_all_edit.text()
        hits = self.controller.services.followups.search(text) if text.strip() else []
        self.hits_model.set_rows(hits)
        if not text.strip():
            self.hits_count.setText(self.tr("Type a few words: every one must appear."))
        elif not hits:
            self.hits_count.setText(
                self.tr("Nothing found for “{text}”.").format(text=text.strip())
            )
        elif len(hits) >= 200:
            self.hits_count.setText(
                self.tr("{count} found (the newest 200)").format(count=len(hits))
            )
        else:
            self.hits_count.setText(self.tr("{count} found").format(count=len(hits)))

    def _on_decisions_table_activated(self, _index: QModelIndex) -> None:
        self._open_from(self.decisions_table)

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
        self._balances.clear()
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
