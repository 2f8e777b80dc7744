"""The "Agenda" card of the Prepare page: the time-boxed agenda (edited in place, dragged or
moved with Ctrl+↑/↓, removed with Delete), a line to add an item, the time budget, and the
agenda templates. The page connects the actions and buttons to what they do."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from alignmeet.domain.enums import ItemKind
from alignmeet.domain.records import AgendaItemRecord
from alignmeet.domain.rules import AgendaBudget
from ui.core_labels import label as core_label
from ui.limits import limit_line
from ui.models.agenda_model import (
    COL_KIND,
    COL_MINUTES,
    COL_NUMBER,
    COL_OWNER,
    COL_PERSONA,
    COL_TITLE,
    AgendaModel,
)
from ui.models.templates_model import TemplatesModel
from ui.record_table import set_current_row
from ui.views.meeting_dialog import minutes_spin
from ui.views.prepare.agenda_delegates import (
    ChoiceDelegate,
    MinutesDelegate,
    PaddedDelegate,
    TitleDelegate,
)
from ui.views.prepare.cards import fill_card, hint, repolish
from ui.widgets import FieldError, plain_label

Choices = Callable[[], list[tuple[str, object]]]
COLUMN_WIDTHS = (
    # Narrow enough that the stretching Title keeps a readable width on a laptop.
    (COL_NUMBER, 32),
    (COL_OWNER, 115),
    (COL_KIND, 135),
    (COL_MINUTES, 68),
    (COL_PERSONA, 100),
)


def agenda_table(model: AgendaModel) -> QTableView:
    """The agenda as a table: rows selected whole, edited in place, dragged to reorder."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    table.setDragEnabled(True)
    table.setAcceptDrops(True)
    table.setDropIndicatorShown(True)
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.setDragDropOverwriteMode(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)  # long titles take two lines rather than being cut
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setMinimumSectionSize(34)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
    for column, width in COLUMN_WIDTHS:
        table.setColumnWidth(column, width)
    return table


class AgendaCard(QFrame):
    def __init__(
        self,
        model: AgendaModel,
        templates_model: TemplatesModel,
        *,
        owner_choices: Choices,
        persona_choices: Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.agenda_model = model
        self.agenda_table = table = agenda_table(model)
        table.setAccessibleName(self.tr("Agenda"))
        self._set_delegates(owner_choices, persona_choices)
        self._build_moves()
        self._build_add_row()
        self._build_notes()
        self._build_templates(templates_model)
        self._lay_out()

    def _set_delegates(self, owner_choices: Choices, persona_choices: Choices) -> None:
        table = self.agenda_table
        self.owner_delegate = ChoiceDelegate(owner_choices, table)
        self.kind_delegate = ChoiceDelegate(
            lambda: [(core_label(kind), kind.value) for kind in ItemKind], table
        )
        self.minutes_delegate = MinutesDelegate(table)
        self.title_delegate = TitleDelegate(table)
        self.padded_delegate = PaddedDelegate(table)
        table.setItemDelegate(self.padded_delegate)
        table.setItemDelegateForColumn(COL_TITLE, self.title_delegate)
        table.setItemDelegateForColumn(COL_OWNER, self.owner_delegate)
        table.setItemDelegateForColumn(COL_KIND, self.kind_delegate)
        table.setItemDelegateForColumn(COL_MINUTES, self.minutes_delegate)
        self.persona_delegate = ChoiceDelegate(persona_choices, table)
        table.setItemDelegateForColumn(COL_PERSONA, self.persona_delegate)

    def _table_action(self, text: str, key: QKeySequence | str) -> QAction:
        """A shortcut of the table (while it has the focus); the page connects it."""
        act = QAction(text, self.agenda_table)
        act.setShortcut(QKeySequence(key))
        act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.agenda_table.addAction(act)
        return act

    def _build_moves(self) -> None:
        self.move_up_action = self._table_action(self.tr("Move up"), "Ctrl+Up")
        self.move_down_action = self._table_action(self.tr("Move down"), "Ctrl+Down")
        self.remove_action = self._table_action(
            self.tr("Remove"), QKeySequence(QKeySequence.StandardKey.Delete)
        )
        self.move_up_button = QPushButton(self.tr("Move up"))
        self.move_up_button.setToolTip(self.tr("Move the selected item up (Ctrl+Up)"))
        self.move_up_button.clicked.connect(self.move_up_action.trigger)
        self.move_down_button = QPushButton(self.tr("Move down"))
        self.move_down_button.setToolTip(self.tr("Move the selected item down (Ctrl+Down)"))
        self.move_down_button.clicked.connect(self.move_down_action.trigger)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected item (Delete)"))
        self.remove_button.clicked.connect(self.remove_action.trigger)

    def _build_add_row(self) -> None:
        self.add_title_edit = QLineEdit()
        self.add_title_edit.setPlaceholderText(self.tr("New agenda item — type it and press Enter"))
        self.add_title_edit.setAccessibleName(self.tr("New agenda item"))
        limit_line(self.add_title_edit, "agenda_item.title")
        self.add_minutes_spin = minutes_spin(1, 480, 5)
        self.add_minutes_spin.setValue(10)
        self.add_minutes_spin.setAccessibleName(self.tr("Minutes for the new item"))
        self.add_button = QPushButton(self.tr("Add item"))

    def _build_notes(self) -> None:
        self.agenda_error = FieldError()
        self.empty_agenda_hint = hint(
            self.tr("The agenda is empty. Type an item below, or add a template's items.")
        )
        self.budget_label = plain_label(object_name="BudgetLine")
        font = self.budget_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.1)
        self.budget_label.setFont(font)
        self.budget_label.setProperty("overrun", False)
        self.parked_label = hint("")
        self.parked_label.hide()

    def _build_templates(self, templates_model: TemplatesModel) -> None:
        self.template_combo = QComboBox()
        self.template_combo.setModel(templates_model)
        self.template_combo.setAccessibleName(self.tr("Agenda template"))
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(24)
        self.apply_template_button = QPushButton(self.tr("Add to agenda"))
        self.apply_template_button.setToolTip(self.tr("Append the template's items to this agenda"))
        self.save_template_button = QPushButton(self.tr("Save agenda as template…"))
        self.template_note = plain_label()

    def _lay_out(self) -> None:
        layout = fill_card(self, self.tr("Agenda"))
        layout.addWidget(
            hint(
                self.tr(
                    "Double-click a cell to edit it. Drag rows, or use Ctrl+↑ / Ctrl+↓, to "
                    "change the order. ↪ marks an item carried over from an earlier meeting."
                )
            )
        )
        layout.addWidget(self.empty_agenda_hint)
        layout.addWidget(self.agenda_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_up_button)
        buttons.addWidget(self.move_down_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_template_button)
        layout.addLayout(buttons)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_title_edit, 1)
        add_row.addWidget(self.add_minutes_spin)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        layout.addWidget(self.agenda_error)
        layout.addWidget(self.budget_label)
        layout.addWidget(self.parked_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        templates_row = QHBoxLayout()
        templates_row.addWidget(plain_label(self.tr("Template:")))
        templates_row.addWidget(self.template_combo, 1)
        templates_row.addWidget(self.apply_template_button)
        layout.addLayout(templates_row)
        layout.addWidget(self.template_note)

    def show_agenda(
        self, items: Sequence[AgendaItemRecord], budget: AgendaBudget, *, empty: bool
    ) -> None:
        """The lines around the table: the hint when it is `empty`, the parked items, and
        the time budget."""
        self.empty_agenda_hint.setVisible(empty)
        parked = [i.title for i in items if i.parked]
        if parked:
            self.parked_label.setText(
                self.tr("Parked for the next meeting: {titles}").format(titles="; ".join(parked))
            )
        self.parked_label.setVisible(bool(parked))
        self.budget_label.setText(self._budget_text(budget))
        if bool(self.budget_label.property("overrun")) != budget.is_overrun:
            self.budget_label.setProperty("overrun", budget.is_overrun)
            self.budget_label.setObjectName("FieldError" if budget.is_overrun else "BudgetLine")
            repolish(self.budget_label)
        self.budget_label.setToolTip(
            self.tr("Shorten or remove items, or plan a longer meeting.")
            if budget.is_overrun
            else self.tr("Sum of the time boxes against the planned length.")
        )

    def _budget_text(self, budget: AgendaBudget) -> str:
        """AgendaBudget.describe() in the chosen language."""
        base = self.tr("Agenda {boxed} min of {planned} min planned").format(
            boxed=budget.boxed_minutes, planned=budget.planned_minutes
        )
        if budget.is_overrun:
            rest = self.tr("{minutes} min over").format(minutes=budget.overrun_minutes)
        elif budget.spare_minutes:
            rest = self.tr("{minutes} min spare").format(minutes=budget.spare_minutes)
        else:
            rest = self.tr("exactly on time")
        return f"{base} — {rest}"

    # ---- the selected row ------------------------------------------------------------
    def finish_edit(self) -> None:
        """Commit and close an open cell editor before the rows are replaced."""
        if self.agenda_table.state() == QAbstractItemView.State.EditingState:
            # Moving the current index away commits the editor's value, then closes it.
            self.agenda_table.setCurrentIndex(QModelIndex())

    def selected_row(self) -> int:
        rows = self.agenda_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.agenda_model.rowCount():
            index = self.agenda_model.index(row, COL_TITLE)
            set_current_row(self.agenda_table.selectionModel(), index)
            self.agenda_table.scrollTo(index)

    def update_buttons(self) -> None:
        row = self.selected_row()
        count = self.agenda_model.rowCount()
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(0 <= row < count - 1)
        self.remove_action.setEnabled(row >= 0)
        self.move_up_button.setEnabled(row > 0)
        self.move_down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        self.save_template_button.setEnabled(count > 0)
