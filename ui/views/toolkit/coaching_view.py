"""Coaching pairs: a Sales member paired with a Marketing member (seed 004).

The tab shows the active pairs — an overdue pair has a red "!" badge and the words
"Overdue — N days", not only a colour — with the selected pair's check-in log under it.
"Log check-in…" records a week's talk (progress, tips asked, tips given, optionally the
meeting it was logged in); "Suggest rotation…" proposes the next round so that everyone
meets the other team, shows who each person has already met, and applies it in one step.

Writes are operations (`controller.perform(step(...), lambda s: s.coaching...)`); user
text is plain text. The dialogs are in `coaching_dialogs` (offered here too).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.coaching import CheckinRecord, PairStatus
from alignmeet.domain.rules import ValidationError, short_date
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.models.coaching_models import (
    COL_ASKED,
    COL_DATE,
    COL_GIVEN,
    COL_LAST,
    COL_MARKETING,
    COL_MEETING,
    COL_PROGRESS,
    COL_SALES,
    COL_SINCE,
    COL_STATUS,
    COL_TIP,
    ActivePairsModel,
    CheckinsModel,
)
from ui.models.plural import plural
from ui.models.record_table_model import RECORD_ROLE
from ui.record_table import selected_record, sortable_record_table
from ui.undo import Step, step
from ui.views.toolkit.coaching_dialogs import CheckinDialog, RotationDialog, coaching_table
from ui.views.toolkit.common import button_row, follow_area
from ui.views.toolkit.common import card as _card
from ui.widgets import FieldError, ask_yes_no, plain_label, section_heading, show_validation

__all__ = ["CheckinDialog", "CoachingView", "RotationDialog"]

AREA = "coaching"


class CoachingView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._restoring = False

        pairs_box = self._build_pairs()
        log_card = self._build_log()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("CoachingSplitter")  # its place is remembered by this name
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(pairs_box)
        splitter.addWidget(log_card)
        splitter.setSizes([430, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        follow_area(self, controller, AREA, controller.members_changed, controller.meetings_changed)
        self.refresh()
        if self.proxy.rowCount():
            self.pairs_table.selectRow(0)  # the most urgent pair, with its check-ins

    def _build_pairs(self) -> QWidget:
        """The active pairs, what can be done with the one picked, and a new pair (top)."""
        self.count_label = plain_label()
        self.rotate_button = QPushButton(self.tr("Suggest rotation…"))
        self.rotate_button.setToolTip(
            self.tr("Propose new pairs so that everyone meets the other team, and apply them")
        )
        self.rotate_button.clicked.connect(self._on_rotate_button_clicked)
        self.pairs_model = ActivePairsModel(self)
        self.proxy, self.pairs_table = sortable_record_table(  # overdue first until clicked
            self.pairs_model, self.tr("Active coaching pairs"), self, row_height=32, icon_size=18
        )
        self.pairs_table.horizontalHeader().setSectionResizeMode(
            COL_TIP, QHeaderView.ResizeMode.Stretch
        )
        for column, width in (
            (COL_SALES, 160),
            (COL_MARKETING, 160),
            (COL_SINCE, 110),
            (COL_LAST, 170),
            (COL_STATUS, 175),
        ):
            self.pairs_table.setColumnWidth(column, width)
        self.pairs_table.selectionModel().selectionChanged.connect(self._on_pair_selection_changed)
        self.pairs_table.doubleClicked.connect(self._on_log_button_clicked)
        pair_buttons = self._build_pair_buttons()
        top = button_row(
            (section_heading(self.tr("Active pairs")), self.count_label), (self.rotate_button,)
        )
        pairs_box = QWidget()
        pairs_layout = QVBoxLayout(pairs_box)
        pairs_layout.setContentsMargins(0, 0, 0, 0)
        pairs_layout.setSpacing(8)
        pairs_layout.addLayout(top)
        self.hint_label = plain_label(
            self.tr(
                "Pairs check in every week; a pair is overdue when the last check-in "
                "(or the start) was more than 7 days ago."
            ),
            wrap=True,
        )
        pairs_layout.addWidget(self.hint_label)
        pairs_layout.addWidget(self.pairs_table, 1)
        pairs_layout.addLayout(pair_buttons)
        pairs_layout.addWidget(self.start_error)
        return pairs_box

    def _build_pair_buttons(self) -> QHBoxLayout:
        self.log_button = QPushButton(self.tr("Log check-in…"))
        self.log_button.clicked.connect(self._on_log_button_clicked)
        self.end_button = QPushButton(self.tr("End pair…"))
        self.end_button.clicked.connect(self._on_end_button_clicked)

        self.sales_combo = QComboBox()
        self.sales_combo.setAccessibleName(self.tr("Sales member"))
        self.marketing_combo = QComboBox()
        self.marketing_combo.setAccessibleName(self.tr("Marketing member"))
        self.start_button = QPushButton(self.tr("Start pair"))
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.start_error = FieldError()
        pair_buttons = QHBoxLayout()
        pair_buttons.addWidget(self.log_button)
        pair_buttons.addWidget(self.end_button)
        pair_buttons.addStretch(1)
        new_label = QLabel(self.tr("New pair:"))
        pair_buttons.addWidget(new_label)
        sales_label = QLabel(self.tr("&Sales"))
        sales_label.setBuddy(self.sales_combo)
        marketing_label = QLabel(self.tr("&Marketing"))
        marketing_label.setBuddy(self.marketing_combo)
        pair_buttons.addWidget(sales_label)
        pair_buttons.addWidget(self.sales_combo)
        pair_buttons.addWidget(marketing_label)
        pair_buttons.addWidget(self.marketing_combo)
        pair_buttons.addWidget(self.start_button)
        return pair_buttons

    def _build_log(self) -> QWidget:
        """The check-ins of the pair picked (bottom)."""
        self.log_heading = section_heading(self.tr("Check-ins"))
        self.checkins_model = CheckinsModel(self)
        self.checkins_table = coaching_table(
            self.checkins_model, self.tr("Check-ins of the selected pair")
        )
        log_header = self.checkins_table.horizontalHeader()
        for column in (COL_PROGRESS, COL_ASKED, COL_GIVEN):
            log_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.checkins_table.setWordWrap(True)  # the whole tip, on as many lines as it takes
        self.checkins_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.checkins_table.setColumnWidth(COL_DATE, 110)
        self.checkins_table.setColumnWidth(COL_MEETING, 220)
        self.checkins_table.doubleClicked.connect(self._on_edit_checkin_clicked)
        self.edit_checkin_button = QPushButton(self.tr("Edit…"))
        self.edit_checkin_button.clicked.connect(self._on_edit_checkin_clicked)
        self.remove_checkin_button = QPushButton(self.tr("Remove"))
        self.remove_checkin_button.clicked.connect(self._on_remove_checkin_clicked)
        self.checkins_table.selectionModel().selectionChanged.connect(self._update_state)
        log_buttons = QHBoxLayout()
        log_buttons.addWidget(self.log_heading, 1)
        log_buttons.addWidget(self.edit_checkin_button)
        log_buttons.addWidget(self.remove_checkin_button)
        log_card, log_layout = _card()
        log_layout.addLayout(log_buttons)
        log_layout.addWidget(self.checkins_table, 1)
        return log_card

    # ---- reading -----------------------------------------------------------------------------

    def today(self) -> date:
        return self.controller.services.coaching.clock().date()

    def refresh(self) -> None:
        sv = self.controller.services.coaching
        selected = self.selected_pair()
        self._restoring = True
        try:
            pairs = sv.active_pairs(today=self.today())
            self.pairs_model.set_rows(pairs)
            sales, marketing = sv.team_members()
            for combo, members in ((self.sales_combo, sales), (self.marketing_combo, marketing)):
                chosen = combo.currentData()
                combo.clear()
                for member_id, name in members:
                    combo.addItem(name, member_id)
                combo.setCurrentIndex(max(combo.findData(chosen), 0))
            if selected is not None:
                self._select_pair(selected.id)
        finally:
            self._restoring = False
        overdue = sum(1 for p in pairs if p.overdue)
        count = plural(self.tr("%n pair(s)", "", len(pairs)), len(pairs))
        if overdue:
            text = self.tr("({pairs} · {overdue} overdue)").format(pairs=count, overdue=overdue)
        else:
            text = self.tr("({pairs} · all on track)").format(pairs=count)
        self.count_label.setText(text if pairs else self.tr("(none yet — start one below)"))
        # "Overdue — 12 days" is longer in some languages: the column grows to fit it.
        self.pairs_table.resizeColumnToContents(COL_STATUS)
        self.pairs_table.setColumnWidth(
            COL_STATUS, max(175, self.pairs_table.columnWidth(COL_STATUS))
        )
        self.rotate_button.setEnabled(bool(sales and marketing))
        self.start_button.setEnabled(bool(sales and marketing))
        self._show_checkins()

    def selected_pair(self) -> PairStatus | None:
        record = selected_record(self.pairs_table)
        return record if isinstance(record, PairStatus) else None

    def selected_checkin(self) -> CheckinRecord | None:
        record = selected_record(self.checkins_table)
        return record if isinstance(record, CheckinRecord) else None

    def _select_pair(self, pair_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            record = self.proxy.index(row, 0).data(RECORD_ROLE)
            if record is not None and record.id == pair_id:
                self.pairs_table.selectRow(row)
                return

    def _on_pair_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if not self._restoring:
            self._show_checkins()

    def _show_checkins(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            self.checkins_model.set_rows([])
            self.log_heading.setText(self.tr("Check-ins — select a pair above"))
        else:
            try:
                self.checkins_model.set_rows(self.controller.services.coaching.checkins(pair.id))
            except NotFoundError:
                self.checkins_model.set_rows([])
            count = self.checkins_model.rowCount()
            checkins = plural(self.tr("%n check-in(s)", "", count), count)
            self.log_heading.setText(
                self.tr("Check-ins: {pair} ({checkins})").format(pair=pair.label, checkins=checkins)
            )
        self._update_state()

    def _update_state(self, *_: object) -> None:
        has_pair = self.selected_pair() is not None
        self.log_button.setEnabled(has_pair)
        self.end_button.setEnabled(has_pair)
        has_checkin = self.selected_checkin() is not None
        self.edit_checkin_button.setEnabled(has_checkin)
        self.remove_checkin_button.setEnabled(has_checkin)

    # ---- writing -----------------------------------------------------------------------------
    def _on_start_button_clicked(self) -> None:
        self.start_error.clear_error()
        try:
            sales, marketing = self.sales_combo.currentData(), self.marketing_combo.currentData()
            pair = self.controller.perform(
                step(Step.COACHING),
                lambda s: s.coaching.start_pair(
                    sales_member_id=sales, marketing_member_id=marketing
                ),
            )
        except ValidationError as exc:
            fields = {
                "sales_member_id": self.sales_combo,
                "marketing_member_id": self.marketing_combo,
            }
            show_validation(exc, fields, self.start_error, self)
            return
        self._select_pair(pair.id)

    def _on_end_button_clicked(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        if not ask_yes_no(
            self,
            self.tr("End pair"),
            self.tr("End the coaching pair {pair}? Their check-ins stay in the history.").format(
                pair=pair.label
            ),
        ):
            return
        try:
            self.controller.perform(
                step(Step.END_COACHING_PAIR), lambda s: s.coaching.end_pair(pair_id=pair.id)
            )
        except ValidationError as exc:
            self.start_error.show_error(exc.message)

    def _on_log_button_clicked(self, *_: object) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        dialog = CheckinDialog(self.controller, pair=pair, parent=self)
        dialog.open()

    def _on_edit_checkin_clicked(self, *_: object) -> None:
        pair, checkin = self.selected_pair(), self.selected_checkin()
        if pair is None or checkin is None:
            return
        CheckinDialog(self.controller, pair=pair, checkin=checkin, parent=self).open()

    def _on_remove_checkin_clicked(self) -> None:
        checkin = self.selected_checkin()
        if checkin is None:
            return
        if ask_yes_no(
            self,
            self.tr("Remove check-in"),
            self.tr("Remove the check-in of {date}?").format(date=short_date(checkin.held_on)),
        ):
            self.controller.perform(
                step(Step.COACHING), lambda s: s.coaching.remove_checkin(checkin_id=checkin.id)
            )

    def _on_rotate_button_clicked(self) -> None:
        try:
            dialog = RotationDialog(self.controller, parent=self)
        except ValidationError as exc:
            self.start_error.show_error(exc.message)
            return
        dialog.open()
