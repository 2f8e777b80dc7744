"""The main window: a sidebar of pages, the current meeting in the header, menus."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
    QRect,
    QSettings,
    Qt,
    QTimer,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet import APP_NAME
from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.rules import ValidationError
from alignmeet.recovery import NotSavedError
from ui.colors import shade
from ui.controller import Controller
from ui.core_labels import label as core_label
from ui.save_banner import SaveBanner
from ui.save_paths import ask_save_path, safe_name
from ui.views.meetings_view import MeetingsView
from ui.widgets import ElidedLabel, inform, install_double_click_guard, plain_label, warn

if TYPE_CHECKING:
    from ui.presenter import PresenterMode
    from ui.room_panel import RoomLink, RoomPanel
    from ui.views.followups_view import FollowUpsView
    from ui.views.people_view import PeopleView
    from ui.views.prepare_view import PrepareView
    from ui.views.run_view import RunView
    from ui.views.toolkit.page import AlignmentPage

# (key, label): labels are translated where shown (self.tr(label)).
PAGES = (
    ("meetings", QT_TRANSLATE_NOOP("MainWindow", "Meetings")),
    ("prepare", QT_TRANSLATE_NOOP("MainWindow", "Prepare")),
    ("run", QT_TRANSLATE_NOOP("MainWindow", "Run meeting")),
    ("followups", QT_TRANSLATE_NOOP("MainWindow", "Follow-ups")),
    ("alignment", QT_TRANSLATE_NOOP("MainWindow", "Alignment")),
    ("people", QT_TRANSLATE_NOOP("MainWindow", "People & teams")),
)


RECENT_LIMIT = 8
DOUBLE_CLICK_GUARD_AFTER_MS = 250  # see MainWindow.__init__


def _tab_leaves_tables(root: QWidget) -> None:
    """Tab goes on to the next control instead of from cell to cell (arrows move inside
    a table): otherwise a table is a trap for someone working without a mouse."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


def _splitters(page: QWidget) -> dict[str, QSplitter]:
    """A page's splitters under the names their places are remembered by: the object name
    where it has one, else its place in Qt's list (which changes as tabs are raised and
    built: a named splitter keeps its place whichever tab was open)."""
    return {s.objectName() or str(i): s for i, s in enumerate(page.findChildren(QSplitter))}


def _tabs(page: QWidget) -> QTabWidget | None:
    """A page's own tabs (Follow-ups, Alignment), if it has them."""
    tabs = getattr(page, "tabs", None)
    return tabs if isinstance(tabs, QTabWidget) else None


def recent_databases() -> list[str]:
    """Databases opened before, newest first (files that are gone are left out)."""
    value = QSettings().value("recent/databases", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [t for t in items if "://" in t or Path(t).is_file()][:RECENT_LIMIT]


def remember_database(target: str) -> None:
    """Put `target` first in File › Open recent (a URL without its password: settings
    files are no place for one)."""
    from alignmeet.redact import without_password

    target = without_password(target)
    items = [t for t in recent_databases() if t != target]
    QSettings().setValue("recent/databases", [target, *items][:RECENT_LIMIT])


def first_start_geometry(room: QRect) -> QRect:
    """Where the window opens the first time on a screen whose free area is `room`: 80 %
    of it, centred, when that is still a laptop's 1280×800 or more; else all of it."""
    width = int(room.width() * 0.8) if room.width() * 0.8 >= 1280 else room.width()
    height = int(room.height() * 0.8) if room.height() * 0.8 >= 800 else room.height()
    fitted = QRect(0, 0, width, height)
    fitted.moveCenter(room.center())
    return fitted


def _shortcut(standard: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """StandardKey can be empty on some platforms (Quit on Windows): fall back."""
    seq = QKeySequence(standard)
    return seq if not seq.isEmpty() else QKeySequence(fallback)


class _CommandText(QObject):
    """Names the command on Edit › Undo / Redo with a translated pattern ("&Undo {what}"):
    QUndoStack only knows "prefix text". A child of the action, so it goes with it."""

    def __init__(self, action: QAction, changed: SignalInstance, text: str, pattern: str) -> None:
        super().__init__(action)
        self._pattern = pattern
        self._bare = action.text()  # the prefix alone: "&Undo"
        changed.connect(self.update)
        self.update(text)

    @Slot(str)
    def update(self, text: str) -> None:
        action = self.parent()  # (not a kept wrapper: shiboken may invalidate that one early)
        if isinstance(action, QAction):
            action.setText(self._pattern.format(what=text) if text else self._bare)


class MainWindow(QMainWindow):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        # A double-clicked button acts once, app-wide — from a quarter second after the
        # window is built. The guard sees every event of the application, and the first
        # event of each kind of Qt object makes PySide build that object's Python type:
        # about 15 ms at start-up, spent after the first paint instead of before it.
        QTimer.singleShot(DOUBLE_CLICK_GUARD_AFTER_MS, install_double_click_guard)
        self._build_sidebar()

        # Only the home page is built at start-up; the others on first visit
        # (they load from the controller's current state when they are built).
        self.stack = QStackedWidget()
        self.meetings_view = MeetingsView(controller)
        _tab_leaves_tables(self.meetings_view)
        self._pages: dict[str, QWidget] = {"meetings": self.meetings_view}
        self._presenter: PresenterMode | None = None
        self.room_link: RoomLink | None = None
        self.open_requested: str | None = None
        self.restore_requested: Path | None = (
            None  # a backup to put in place after closing  # another database to open after closing
        )
        self._read_only = False
        self._read_only_short: str | None = None
        # Why the database is read-only, for people (None: it is not).
        self.read_only_reason: str | None = None
        self.stack.addWidget(self.meetings_view)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self._build_right(), 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.room_label = plain_label(object_name="RoomState")
        self.room_label.setAccessibleName(self.tr("What the room sees"))
        self.statusBar().addPermanentWidget(self.room_label)
        self.room_label.hide()
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        controller.navigation_requested.connect(self.show_page)
        controller.export_requested.connect(self.export_minutes)
        controller.current_meeting_changed.connect(self._on_controller_current_meeting_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)
        controller.status_shown.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self._restore_settings()
        self._update_header()
        self._update_page_access()
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    def _build_sidebar(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        for key, label in PAGES:
            item = QListWidgetItem(self.tr(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        # As wide as its longest page name (translations are longer), never scrolling.
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frame = 2 * self.sidebar.frameWidth()
        self.sidebar.setFixedWidth(max(190, self.sidebar.sizeHintForColumn(0) + frame + 8))

    def _build_right(self) -> QWidget:
        """The meeting's header and the bars above the pages, then the pages."""
        controller = self.controller
        self.header = ElidedLabel("")
        self.header.setObjectName("MeetingHeader")
        # Not saved — retrying…: over every page while the database does not take a write.
        self.save_banner = SaveBanner(controller.unsaved)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(16, 10, 16, 12)
        right_layout.addWidget(self.save_banner)
        right_layout.addWidget(self.header)
        # "Reminders are due" (issue 15): offered at start, see offer_reminders().
        from ui.views.accountability.reminder_bar import ReminderBar

        self.reminder_bar = ReminderBar(controller)
        right_layout.addWidget(self.reminder_bar)
        # Messages waiting in the outbox are tried again when due, while the app is open.
        from ui.views.accountability.outbox_retrier import OutboxRetrier

        self.outbox_retrier = OutboxRetrier(controller, self)
        right_layout.addWidget(self.stack, 1)
        return right

    # ---- menus --------------------------------------------------------------
    def _build_menus(self) -> None:
        self._build_file_menu()
        self._build_edit_menu()
        self._build_go_menu()
        self._build_view_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About AlignMeet"), self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def _build_file_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_meeting_action = QAction(self.tr("&New meeting…"), self)
        self.new_meeting_action.setShortcut(_shortcut(QKeySequence.StandardKey.New, "Ctrl+N"))
        self.new_meeting_action.triggered.connect(self.meetings_view.new_meeting)
        file_menu.addAction(self.new_meeting_action)
        self.export_action = QAction(self.tr("&Export minutes…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._on_export_action_triggered)
        file_menu.addAction(self.export_action)
        self.preview_action = QAction(self.tr("Pre&view minutes…"), self)
        self.preview_action.setShortcut(_shortcut(QKeySequence.StandardKey.Print, "Ctrl+P"))
        self.preview_action.triggered.connect(self._on_preview_action_triggered)
        file_menu.addAction(self.preview_action)
        file_menu.addSeparator()
        self.open_action = QAction(self.tr("&Open database…"), self)
        self.open_action.setShortcut(_shortcut(QKeySequence.StandardKey.Open, "Ctrl+O"))
        self.open_action.triggered.connect(self._on_open_action_triggered)
        file_menu.addAction(self.open_action)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.show_backups)
        self.backups_action.setEnabled(self.controller.services.db.path is not None)
        file_menu.addAction(self.backups_action)
        # The e-mail outbox: recaps and reminders, what became of each (issue 15).
        self.outbox_action = QAction(self.tr("Out&box…"), self)
        self.outbox_action.triggered.connect(self.show_outbox)
        file_menu.addAction(self.outbox_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(_shortcut(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def _build_edit_menu(self) -> None:
        stack = getattr(self.controller, "undo_stack", None)
        if stack is not None:
            edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
            self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
            self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
            self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
            # Qt puts "prefix text" together; German needs its own word order ("…: text").
            _CommandText(
                self.undo_action, stack.undoTextChanged, stack.undoText(), self.tr("&Undo {what}")
            )
            _CommandText(
                self.redo_action, stack.redoTextChanged, stack.redoText(), self.tr("&Redo {what}")
            )
            self.redo_action.setShortcut(_shortcut(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"))
            edit_menu.addAction(self.undo_action)
            edit_menu.addAction(self.redo_action)
            edit_menu.addSeparator()
        else:
            edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(_shortcut(QKeySequence.StandardKey.Preferences, "Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self._on_settings_action_triggered)
        edit_menu.addAction(self.settings_action)

    def _build_go_menu(self) -> None:
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for i, (key, label) in enumerate(PAGES):
            action = QAction(self.tr(label), self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            go_menu.addAction(action)
        go_menu.addSeparator()
        # The agreed definitions, one click (or Ctrl+G) away on every page (issue 4).
        self.glossary_action = QAction(self.tr("&Glossary…"), self)
        self.glossary_action.setShortcut(QKeySequence("Ctrl+G"))
        self.glossary_action.setToolTip(self.tr("Look up the current agreed definitions"))
        self.glossary_action.triggered.connect(self.show_glossary)
        go_menu.addAction(self.glossary_action)
        self.glossary_button = self._glossary_corner_button()  # kept: Qt does not own it
        self.menuBar().setCornerWidget(self.glossary_button)

    def _build_view_menu(self) -> None:
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.presenter_action = QAction(self.tr("&Presenter mode"), self)
        self.presenter_action.setCheckable(True)
        self.presenter_action.setShortcut(QKeySequence("F5"))
        self.presenter_action.setToolTip(
            self.tr("Show the meeting to the room on a second screen (Esc leaves, B blanks it)")
        )
        self.presenter_action.triggered.connect(self.toggle_presenter)
        view_menu.addAction(self.presenter_action)
        self.swap_screens_action = QAction(self.tr("&Swap screens"), self)
        self.swap_screens_action.setShortcut(QKeySequence("Ctrl+F5"))
        self.swap_screens_action.setEnabled(False)
        self.swap_screens_action.triggered.connect(self._on_swap_screens_triggered)
        view_menu.addAction(self.swap_screens_action)
        self.blank_action = QAction(self.tr("&Blank the room's screen"), self)
        self.blank_action.setCheckable(True)
        self.blank_action.setShortcut(QKeySequence("Ctrl+B"))
        self.blank_action.setToolTip(
            self.tr("Black out the audience screen, and show it again (B, or Ctrl+B anywhere)")
        )
        self.blank_action.setEnabled(False)
        self.blank_action.triggered.connect(self._on_blank_action_triggered)
        view_menu.addAction(self.blank_action)
        view_menu.addSeparator()
        # Room Link: participants write from their phones (built on first use).
        self.room_link_action = QAction(self.tr("Room &Link…"), self)
        self.room_link_action.setToolTip(
            self.tr("Let people in the room write their own ideas, actions and commitments")
        )
        self.room_link_action.triggered.connect(self.show_room_link)
        view_menu.addAction(self.room_link_action)
        self.join_screen_action = QAction(self.tr("Show how to &join"), self)
        self.join_screen_action.setCheckable(True)
        self.join_screen_action.setShortcut(QKeySequence("Ctrl+J"))
        self.join_screen_action.setToolTip(
            self.tr("Room Link's QR code, address and code on the room's screen (J presenting)")
        )
        self.join_screen_action.setEnabled(False)  # while a room is open (ui.room_panel)
        self.join_screen_action.triggered.connect(self.show_how_to_join)
        view_menu.addAction(self.join_screen_action)

    def _glossary_corner_button(self) -> QWidget:
        button = QToolButton()
        button.setDefaultAction(self.glossary_action)
        button.setText(self.tr("Glossary"))
        button.setAccessibleName(self.tr("Open the glossary"))
        button.setAutoRaise(True)
        return button

    def show_glossary(self) -> QWidget:
        from ui.views.toolkit.glossary_lookup import show_glossary_lookup

        return show_glossary_lookup(self.controller, self)

    # ---- presenter mode -------------------------------------------------------
    @property
    def presenter(self) -> PresenterMode:
        if self._presenter is None:
            from ui.presenter import PresenterMode

            self._presenter = PresenterMode(self.run_view, self)
            self._presenter.active_changed.connect(self._on_presenter_active_changed)
            self._presenter.blanked_changed.connect(self._on_presenter_blanked_changed)
            self._presenter.join_shown_changed.connect(self.join_screen_action.setChecked)
        return self._presenter

    def toggle_presenter(self) -> None:
        if self._presenter is not None and self._presenter.active:
            self._presenter.stop()
            return
        if self.controller.current_meeting_id is None:
            self.presenter_action.setChecked(False)
            self.statusBar().showMessage(self.tr("Choose a meeting to present first."), 5000)
            return
        self.show_page("run")
        self.presenter.start()

    def _on_presenter_active_changed(self, active: bool) -> None:
        self.presenter_action.setChecked(active)
        self.swap_screens_action.setEnabled(active)
        self.blank_action.setEnabled(active)
        self._show_room_state(active, blanked=False)
        if active:
            self.statusBar().showMessage(
                self.tr(
                    "Presenter mode: Page Down / Page Up move on and back, B blanks the "
                    "audience screen, Esc leaves."
                ),
                10000,
            )

    def _on_presenter_blanked_changed(self, blanked: bool) -> None:
        self._show_room_state(self._presenter is not None and self._presenter.active, blanked)
        self.statusBar().showMessage(
            self.tr("The room's screen is blank. B (or Ctrl+B) shows it again.")
            if blanked
            else self.tr("The room sees the meeting again."),
            5000,
        )

    def _on_blank_action_triggered(self, checked: bool) -> None:
        if self._presenter is not None:
            self._presenter.set_blank(checked)

    def _show_room_state(self, active: bool, blanked: bool) -> None:
        """While presenting, the status bar says what the room sees: the meeting, or a
        blank screen (in the warning colour, so it is not forgotten)."""
        self.blank_action.setChecked(blanked)
        self.room_label.setVisible(active)
        if blanked:
            self.room_label.setText(self.tr("■ Room screen blanked — B shows it"))
            self.room_label.setStyleSheet(f"color: {shade('warn')}; font-weight: bold;")
        else:
            self.room_label.setText(self.tr("▶ Presenting to the room"))
            self.room_label.setStyleSheet("")

    def show_room_link(self) -> RoomPanel:
        if self.room_link is None:
            from ui.room_panel import RoomLink

            self.room_link = RoomLink(self)
        return self.room_link.show_panel()

    def show_how_to_join(self, shown: bool = True) -> None:
        """Room Link's QR code, address and code on the whole room's screen (presenter
        mode starts if it is off), or the meeting again."""
        if shown and not (self._presenter is not None and self._presenter.active):
            self.toggle_presenter()
        if self._presenter is not None:
            self._presenter.set_join_screen(shown)
        self.join_screen_action.setChecked(
            self._presenter is not None and self._presenter.join_wanted
        )

    def _on_swap_screens_triggered(self) -> None:
        if self._presenter is not None:
            self._presenter.swap_screens()

    # ---- pages --------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page widget for `key`, built on first use."""
        if key not in self._pages:
            if key == "prepare":
                from ui.views.prepare_view import PrepareView

                widget: QWidget = PrepareView(self.controller)
            elif key == "run":
                from ui.views.run_view import RunView

                widget = RunView(self.controller)
            elif key == "followups":
                from ui.views.followups_view import FollowUpsView

                widget = FollowUpsView(self.controller)
            elif key == "alignment":
                from ui.views.toolkit.page import AlignmentPage

                widget = AlignmentPage(self.controller)
            elif key == "people":
                from ui.views.people_view import PeopleView

                widget = PeopleView(self.controller)
            else:
                raise KeyError(key)
            self._pages[key] = widget
            self.stack.addWidget(widget)
            self._restore_splitters(key, widget)
            _tab_leaves_tables(widget)
            part_built = getattr(widget, "part_built", None)  # tabs built when first shown
            if part_built is not None:
                part_built.connect(lambda part, k=key: self._on_page_part_built(k, part))
            self._restore_tab(key, widget)  # after: a tab built now gets its splitters
        return self._pages[key]

    def _restore_tab(self, key: str, page: QWidget) -> None:
        """The tab the page was on when the window last closed (built and filled as
        when a person goes to it)."""
        tabs = _tabs(page)
        index = QSettings().value(f"tabs/{key}")
        if tabs is None or index is None:
            return
        try:
            index = int(index)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return
        if 0 <= index < tabs.count():
            tabs.setCurrentIndex(index)

    def _on_page_part_built(self, key: str, part: QWidget) -> None:
        """A part of a page built after the page (a tab on its first show) is treated as
        the page was: its splitters put back, its tables let Tab leave."""
        self._restore_splitters(key, self._pages[key], only_in=part)
        _tab_leaves_tables(part)

    @property
    def prepare_view(self) -> PrepareView:
        return self.page("prepare")  # type: ignore[return-value]

    @property
    def run_view(self) -> RunView:
        return self.page("run")  # type: ignore[return-value]

    @property
    def followups_view(self) -> FollowUpsView:
        return self.page("followups")  # type: ignore[return-value]

    @property
    def alignment_page(self) -> AlignmentPage:
        return self.page("alignment")  # type: ignore[return-value]

    @property
    def people_view(self) -> PeopleView:
        return self.page("people")  # type: ignore[return-value]

    def show_page(self, key: str) -> None:
        keys = [k for k, _ in PAGES]
        if key in keys:
            self.sidebar.setCurrentRow(keys.index(key))

    def current_page(self) -> str:
        return PAGES[max(0, self.sidebar.currentRow())][0]

    def _on_sidebar_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = PAGES[row][0]
        if key in ("prepare", "run") and self.controller.current_meeting_id is None:
            self.statusBar().showMessage(self.tr("Choose or create a meeting first."), 5000)
            self.sidebar.setCurrentRow(0)
            return
        self.stack.setCurrentWidget(self.page(key))

    def _update_page_access(self) -> None:
        has_meeting = self.controller.current_meeting_id is not None
        for row, (key, _) in enumerate(PAGES):
            item = self.sidebar.item(row)
            if key in ("prepare", "run"):
                flags = item.flags()
                if has_meeting:
                    item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                else:
                    item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
        self.export_action.setEnabled(has_meeting)
        self.preview_action.setEnabled(has_meeting)

    def _on_controller_current_meeting_changed(self, _meeting_id: int) -> None:
        self._update_header()
        self._update_page_access()

    def _on_controller_meeting_changed(self, meeting_id: int) -> None:
        if meeting_id == self.controller.current_meeting_id:
            self._update_header()

    def set_read_only(
        self, read_only: bool, reason: str | None = None, short: str | None = None
    ) -> None:
        """The database is open read-only: say so, and why, everywhere, permanently.

        `reason` is the true cause as a sentence (read-only file, immutable file, read-only
        folder or file system, another AlignMeet holding it), `short` the same in a few
        words for the window title; without them it is another AlignMeet."""
        self._read_only = read_only
        self._read_only_short = short if read_only else None
        self.read_only_reason = (
            reason or self.tr("another AlignMeet has this database open.") if read_only else None
        )
        if read_only:
            if reason:
                text = self.tr("Read-only: {reason} Changes are not saved.").format(reason=reason)
            else:
                text = self.tr(
                    "Read-only: another AlignMeet has this database open; changes are not saved."
                )
            label = plain_label(text, object_name="ReadOnlyNotice")
            label.setWordWrap(True)  # a long path must not widen the window...
            label.setMinimumWidth(560)  # ...nor make the bar lines tall for a narrow label
            self.statusBar().addPermanentWidget(label, 1)
        self._update_header()

    def _update_header(self) -> None:
        suffix = ""
        if self._read_only:
            short = self._read_only_short
            suffix = (
                self.tr(" (read-only: {why})").format(why=short)
                if short
                else self.tr(" (read-only)")
            )
        meeting = self.controller.current_meeting()
        if meeting is None:
            self.header.setText(self.tr("No meeting selected"))
            self.setWindowTitle(APP_NAME + suffix)
            return
        # The format is translated too: German shows no English day or month names.
        when = meeting.starts_at.strftime(self.tr("%a %d %b %Y, %H:%M"))
        status = core_label(meeting.status.value.capitalize())
        title = bidi_safe(meeting.title)  # an override in the title must not turn ours around
        self.header.setText(f"{title} · {when} · {status}")
        self.setWindowTitle(f"{title} — {APP_NAME}{suffix}")

    def _on_preview_action_triggered(self) -> None:
        meeting_id = self.controller.current_meeting_id
        if meeting_id is not None:
            from ui.views.minutes_preview import show_minutes_preview

            show_minutes_preview(self.controller, meeting_id, self)

    def _on_settings_action_triggered(self) -> None:
        from ui.views.settings_dialog import open_settings

        open_settings(self)

    # ---- export -------------------------------------------------------------
    def _on_export_action_triggered(self) -> None:
        if self.controller.current_meeting_id is not None:
            self.export_minutes(self.controller.current_meeting_id)

    def export_minutes(self, meeting_id: int) -> Path | None:
        from alignmeet.services import ExportError

        meeting = self.controller.services.meetings.get_meeting(meeting_id)
        settings = QSettings()
        folder = Path(str(settings.value("export/folder", str(Path.home()))))
        safe = safe_name(meeting.title) or self.tr("minutes")
        stem = self.tr("{title} {date} minutes").format(
            title=safe, date=f"{meeting.starts_at:%Y-%m-%d}"
        )
        suggested = folder / f"{stem}.docx"
        path = ask_save_path(
            self, self.tr("Export minutes"), suggested, self.tr("Word document (*.docx)")
        )
        if path is None:
            return None
        try:
            written = self.controller.export_minutes(meeting_id=meeting_id, path=path)
        except (ExportError, ValidationError) as exc:
            warn(self, self.tr("Minutes not saved"), str(exc))
            return None
        settings.setValue("export/folder", str(path.parent))
        return written

    def _on_about_triggered(self) -> None:
        from alignmeet import __version__

        inform(
            self,
            self.tr("About AlignMeet"),
            self.tr(
                "AlignMeet {version}\n\nJoint Sales & Marketing meetings that end with an "
                "action plan per person and a commitment to it.\n\nDatabase: {database}"
            ).format(version=__version__, database=self.controller.services.db.label),
        )

    # ---- settings and closing ------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        self.geometry_restored = geometry is not None and self.restoreGeometry(geometry)  # type: ignore[arg-type]

    def place_on_screen(self, screen: QScreen | None = None) -> None:
        """The first start: a window that fits the screen, in its middle — 80 % of a large
        screen (1536×864 on 1920×1080), all of a laptop's (1280×800), never more."""
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        fitted = first_start_geometry(screen.availableGeometry())
        self.resize(fitted.size())
        frame = self.frameGeometry()
        frame.moveCenter(fitted.center())
        self.move(frame.topLeft())

    def focus_first_field(self) -> None:
        """Put the keyboard in the first field to fill on the page shown (after the first
        run's choice: the new member's name; with the sample data, the meetings list) —
        never in the page list, where typing a name would jump between pages."""
        page = self.stack.currentWidget()
        target = getattr(page, "first_field", None)
        widget = target() if callable(target) else None
        if isinstance(widget, QWidget):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def restore_last_view(self) -> None:
        """The meeting and page that were open when the app last closed on this database."""
        settings = QSettings()
        if settings.value("window/database") != self.controller.services.db.label:
            return
        meeting_id = settings.value("window/meeting")
        try:
            meeting = int(meeting_id) if meeting_id not in (None, "", 0, "0") else None
        except (TypeError, ValueError):
            meeting = None
        if meeting is not None:
            try:
                self.controller.services.meetings.get_meeting(meeting)
            except Exception:  # deleted since: start from the Meetings page
                meeting = None
            else:
                self.controller.select_meeting(meeting)
        page = str(settings.value("window/page", "meetings"))
        if page in dict(PAGES) and (meeting is not None or page not in ("prepare", "run")):
            self.show_page(page)

    def _save_view(self) -> None:
        settings = QSettings()
        settings.setValue("window/database", self.controller.services.db.label)
        settings.setValue("window/meeting", self.controller.current_meeting_id or 0)
        settings.setValue("window/page", self.current_page())
        for key, page in self._pages.items():
            tabs = _tabs(page)
            if tabs is not None:
                settings.setValue(f"tabs/{key}", tabs.currentIndex())
            for name, splitter in _splitters(page).items():
                settings.setValue(f"splitters/{key}/{name}", splitter.saveState())

    def _restore_splitters(
        self, key: str, page: QWidget, *, only_in: QWidget | None = None
    ) -> None:
        settings = QSettings()
        for name, splitter in _splitters(page).items():
            if only_in is not None and not (splitter is only_in or only_in.isAncestorOf(splitter)):
                continue
            state = settings.value(f"splitters/{key}/{name}")
            if state is not None:
                splitter.restoreState(state)  # type: ignore[arg-type]

    # ---- other databases ------------------------------------------------------------
    def _on_open_action_triggered(self) -> None:
        start = self.controller.services.db.path
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an AlignMeet database"),
            str(start.parent if start else Path.home()),
            self.tr("AlignMeet database (*.sqlite3 *.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_database(path)

    def show_backups(self) -> QWidget | None:
        if self.controller.services.db.path is None:
            return None
        from ui.views.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.controller, self)
        dialog.open()
        return dialog

    def show_outbox(self) -> QWidget:
        from ui.views.accountability.outbox_dialog import OutboxDialog

        dialog = OutboxDialog(self.controller, self)
        dialog.open()
        return dialog

    def offer_reminders(self) -> bool:
        """At start: offer the "due this week" reminders when none went out for six days,
        and start trying again what waits in the outbox."""
        if self._read_only:
            return False
        self.outbox_retrier.start()
        return self.reminder_bar.offer()

    def request_restore(self, backup: Path) -> None:
        """Close the database; the app restores `backup` and opens it again."""
        self.restore_requested = backup
        self.close()

    def open_database(self, target: str) -> None:
        """Close this database and open `target` (the app restarts its window on it)."""
        if target == self.controller.services.db.label:
            return
        self.open_requested = target
        self.close()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.controller.services.db.label
        shown = 0
        for target in recent_databases():
            if target == current:
                continue
            action = self.recent_menu.addAction(target)
            action.triggered.connect(lambda _=False, t=target: self.open_database(t))
            shown += 1
        if not shown:
            empty = self.recent_menu.addAction(self.tr("No other database opened yet"))
            empty.setEnabled(False)

    def offer_recovered_edits(self) -> str | None:
        """Edits an earlier run kept for this database (a crash, "keep for later"): offered
        back (Restore / Discard / Later)."""
        from ui.views.recovery_dialog import offer_recovered_edits

        return offer_recovered_edits(self.controller, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Each step runs even if an earlier one fails (the error is reported after).
        if self._presenter is not None:
            self._presenter.stop()
        if self.room_link is not None:
            self.room_link.close()  # the server stops with the window
        failure: Exception | None = None
        self.outbox_retrier.timer.stop()
        self.outbox_retrier.wait()  # a message being sent finishes and is recorded
        try:
            try:
                self.controller.flush_pending()
            finally:
                run_view = self._pages.get("run")
                if run_view is not None:
                    # NotSavedError: the banner says so; a clock's seconds are not typed text.
                    with contextlib.suppress(NotSavedError):
                        run_view.save_timers()  # type: ignore[attr-defined]
        except Exception as exc:  # re-raised below, once the window has done its part
            failure = exc
        if self._may_close_with_unsaved():
            QSettings().setValue("window/geometry", self.saveGeometry())
            self._save_view()
            self.controller.unsaved.stop()
            self.controller.stop_live_changes()
            super().closeEvent(event)
        else:  # keep trying: the window stays open, and so does what it owes
            event.ignore()
            self.open_requested = None
            self.restore_requested = None
        if failure is not None:
            raise failure

    def _may_close_with_unsaved(self) -> bool:
        """Edits the database has not taken: one more try, then ask what to do with them."""
        unsaved = self.controller.unsaved
        if unsaved.count and unsaved.retry_helps:
            unsaved.retry_now()
        if not unsaved.count:
            return True
        from ui.views.recovery_dialog import ask_before_closing

        choice = ask_before_closing(self, unsaved)
        if choice == "discard":
            unsaved.discard()
        return choice != "stay"
