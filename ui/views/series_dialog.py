"""The "Series" dialog: name, cadence, default agenda and members of each meeting series.

"Create next meeting" and new meetings of a series start from what is set here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.records import SeriesRecord
from alignmeet.domain.rules import ValidationError
from alignmeet.services.meetings import MAX_CADENCE_DAYS
from ui.controller import Controller
from ui.limits import limit_line
from ui.models.series_members_model import SeriesMembersModel
from ui.models.templates_model import template_label
from ui.views.meeting_dialog import fields_form
from ui.widgets import FieldError, plain_label, show_validation

NO_TEMPLATE = QT_TRANSLATE_NOOP("SeriesDialog", "— none —")  # translated where shown


class SeriesDialog(QDialog):
    """Series on the left, the selected one's settings on the right; Save applies them.

    A rejected value keeps the dialog open with the message under its field and
    everything typed left in place. Choosing another series shows its saved values.
    """

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        series_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Meeting series"))
        self.setMinimumSize(720, 460)

        self.series_list = QListWidget()
        self.series_list.setAccessibleName(self.tr("Series"))
        self.series_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.series_list.setMaximumWidth(240)

        self._build_fields()

        self.members_model = SeriesMembersModel(self)
        self.members_view = QListView()
        self.members_view.setModel(self.members_model)
        self.members_view.setAccessibleName(self.tr("Members"))
        self.members_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.members_view.setUniformItemSizes(True)
        self.members_hint = plain_label(wrap=True)

        form = self._build_form()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form, 1)
        editor_layout.addWidget(self.general_error)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.series_list)
        body.addWidget(self.editor, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        self.series_list.currentRowChanged.connect(self._on_series_list_current_row_changed)
        self._load_list(series_id)

    def _build_fields(self) -> None:
        services = self.controller.services
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Series name"))
        limit_line(self.name_edit, "series.name")
        self.cadence_spin = QSpinBox()
        self.cadence_spin.setRange(1, MAX_CADENCE_DAYS)
        self.cadence_spin.setPrefix(self.tr("every "))
        self.cadence_spin.setSuffix(self.tr(" days"))
        self.cadence_spin.setAccessibleName(self.tr("Cadence in days"))
        self.cadence_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cadence_spin.setToolTip(
            self.tr(
                "How far apart the meetings are: “Create next meeting” adds this many days "
                "unless a next meeting date was set when closing."
            )
        )
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName(self.tr("Default agenda template"))
        self.template_combo.addItem(self.tr(NO_TEMPLATE), None)
        for t in services.agenda.templates():
            self.template_combo.addItem(template_label(t), t.id)
        self.template_combo.setToolTip(
            self.tr(
                "New meetings of this series start with this agenda; with none, "
                "“Create next meeting” copies the previous agenda."
            )
        )

    def _build_form(self) -> QFormLayout:
        self.errors: dict[str, FieldError] = {}
        self._fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "cadence_days": self.cadence_spin,
            "default_template_id": self.template_combo,
            "member_ids": self.members_view,
        }
        labels = {
            "name": self.tr("&Name"),
            "cadence_days": self.tr("&Cadence"),
            "default_template_id": self.tr("&Agenda"),
            "member_ids": self.tr("&Members"),
        }
        form = fields_form(self._fields, labels, self.errors)
        form.addRow("", self.members_hint)
        self.general_error = FieldError()
        self.saved_label = plain_label()
        return form

    # ---- reading --------------------------------------------------------------------
    def _load_list(self, select_id: int | None) -> None:
        self._series = self.controller.services.meetings.list_series()
        self.series_list.blockSignals(True)
        self.series_list.clear()
        for s in self._series:
            item = QListWidgetItem(s.name)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(s.name)
            self.series_list.addItem(item)
        self.series_list.blockSignals(False)
        ids = [s.id for s in self._series]
        row = ids.index(select_id) if select_id in ids else 0
        self.editor.setEnabled(bool(self._series))
        self.save_button.setEnabled(bool(self._series))
        if not self._series:
            self.saved_label.setText(
                self.tr("No series yet: the first meeting you create starts one.")
            )
            return
        self.series_list.setCurrentRow(row)
        self._show(self._series[row])

    def current_series(self) -> SeriesRecord | None:
        row = self.series_list.currentRow()
        return self._series[row] if 0 <= row < len(self._series) else None

    def _show(self, series: SeriesRecord) -> None:
        self._clear_errors()
        self.name_edit.setText(series.name)
        self.cadence_spin.setValue(series.cadence_days)
        self.template_combo.setCurrentIndex(
            max(0, self.template_combo.findData(series.default_template_id))
        )
        members = self.controller.services.people.list_members()
        self.members_model.set_members(members, series.member_ids)
        self.members_hint.setText(
            self.tr(
                "Ticked members are invited to new meetings of this series. With nobody "
                "ticked, “Create next meeting” invites the previous meeting's participants."
            )
        )

    def _on_series_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._series):
            self.saved_label.clear()
            self._show(self._series[row])

    # ---- saving ---------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_error()
        self.general_error.clear_error()

    def save(self) -> bool:
        """Apply the form to the selected series; False (message at the field) if refused."""
        series = self.current_series()
        if series is None:
            return False
        self._clear_errors()
        self.saved_label.clear()
        shown = {m.id for m in self.members_model.rows()}
        # Inactive members are not listed; they stay members until someone removes them.
        kept = [member_id for member_id in series.member_ids if member_id not in shown]
        try:
            self.controller.update_series(
                series_id=series.id,
                name=self.name_edit.text(),
                cadence_days=self.cadence_spin.value(),
                default_template_id=self.template_combo.currentData(),
            )
            saved = self.controller.set_series_members(
                series_id=series.id, member_ids=[*self.members_model.invited_ids(), *kept]
            )
        except ValidationError as exc:
            show_validation(exc, self._fields, self.errors.get(exc.field, self.general_error), self)
            return False
        self._load_list(saved.id)
        self.saved_label.setText(self.tr("Saved “{name}”.").format(name=saved.name))
        return True
