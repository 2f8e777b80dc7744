"""People & teams: who takes part in the joint meetings, in which team."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.records import MemberRecord
from alignmeet.domain.rules import MAX_TITLE, ValidationError
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.limits import limit_line
from ui.models.members_model import (
    COL_ACTIVE,
    COL_EMAIL,
    COL_NAME,
    COL_ROLE,
    COL_TEAM,
    MembersModel,
    TeamRow,
    TeamsModel,
)
from ui.models.record_table_model import RECORD_ROLE, SORT_ROLE
from ui.shown import Shown
from ui.views.import_members_dialog import ImportMembersDialog, ask_members_csv_path
from ui.views.meeting_dialog import field_with_error
from ui.views.toolkit.common import card
from ui.widgets import (
    FieldError,
    page_title,
    plain_label,
    search_field,
    section_heading,
    show_validation,
)


class PeopleView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._editing: MemberRecord | None = None
        self._form_shown = Shown()  # the member as the form was loaded: what a save stands on
        self._restoring = False
        self._import_folder = Path.home()

        teams_card = self._build_teams_card()
        self._build_members_table()
        form_card = self._build_member_form()

        members_top = QHBoxLayout()
        members_top.addWidget(section_heading(self.tr("Members")))
        members_top.addWidget(self.count_label)
        members_top.addStretch(1)
        members_top.addWidget(self.filter_edit)
        members_top.addWidget(self.import_button)
        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(members_top)
        right.addWidget(self.table, 1)
        right.addWidget(form_card)

        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(teams_card)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.tr("People & teams")))
        layout.addLayout(body, 1)

        controller.members_changed.connect(self.refresh)
        controller.teams_changed.connect(self.refresh)
        self.refresh()
        self._update_form_state()

    def _build_teams_card(self) -> QFrame:
        # ---- teams (left) ----------------------------------------------------------
        self.teams_model = TeamsModel(self)
        self.teams_list = QListView()
        self.teams_list.setModel(self.teams_model)
        self.teams_list.setAccessibleName(self.tr("Teams"))
        self.teams_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.teams_list.setSpacing(4)
        self.teams_list.selectionModel().selectionChanged.connect(self._on_team_selection_changed)
        self.team_name_edit = QLineEdit()
        self.team_name_edit.setPlaceholderText(self.tr("Team name"))
        self.team_name_edit.setAccessibleName(self.tr("Team name"))
        limit_line(self.team_name_edit, "team.name")
        self.team_name_edit.returnPressed.connect(self._on_add_team_clicked)
        self.add_team_button = QPushButton(self.tr("Add team"))
        self.add_team_button.clicked.connect(self._on_add_team_clicked)
        self.rename_team_button = QPushButton(self.tr("Rename"))
        self.rename_team_button.setToolTip(
            self.tr("Rename the selected team to the name typed above")
        )
        self.rename_team_button.clicked.connect(self._on_rename_team_clicked)
        self.team_error = FieldError()

        teams_card, teams_layout = card()
        teams_layout.addWidget(section_heading(self.tr("Teams")))
        teams_layout.addWidget(self.teams_list, 1)
        teams_layout.addWidget(self.team_name_edit)
        team_buttons = QHBoxLayout()
        team_buttons.addWidget(self.add_team_button)
        team_buttons.addWidget(self.rename_team_button)
        teams_layout.addLayout(team_buttons)
        teams_layout.addWidget(self.team_error)
        team_hint = plain_label(self.tr("Select a team to rename it."), wrap=True)
        teams_layout.addWidget(team_hint)
        teams_card.setFixedWidth(250)
        return teams_card

    def _build_members_table(self) -> None:
        # ---- members table (right) -------------------------------------------------
        self.members_model = MembersModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.members_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = search_field(
            self.tr("Filter by name, team, role or e-mail…"), self.tr("Filter members")
        )
        placeholder = self.filter_edit.fontMetrics().horizontalAdvance(
            self.filter_edit.placeholderText()
        )
        self.filter_edit.setMinimumWidth(max(280, placeholder + 24))  # the hint is not cut
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.count_label = plain_label()
        self.import_button = QPushButton(self.tr("Import from CSV…"))
        self.import_button.setToolTip(
            self.tr("Add many members at once from a spreadsheet: columns Name, Team, Role, E-mail")
        )
        self.import_button.clicked.connect(self._on_import_button_clicked)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Members"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # team order until clicked
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_ROLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_NAME, 165), (COL_TEAM, 105), (COL_EMAIL, 225), (COL_ACTIVE, 80)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_member_selection_changed)

    def _build_member_form(self) -> QFrame:
        # ---- member form -----------------------------------------------------------
        self.form_heading = section_heading(self.tr("New member"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("First and last name"))
        self.name_edit.setAccessibleName(self.tr("Name"))
        limit_line(self.name_edit, "member.name")
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName(self.tr("Team"))
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText(self.tr("e.g. Account Executive"))
        self.role_edit.setAccessibleName(self.tr("Role"))
        self.role_edit.setMaxLength(MAX_TITLE)  # the service keeps 200 characters of a role
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("name@example.com (optional)"))
        self.email_edit.setAccessibleName(self.tr("E-mail"))
        self.email_edit.setMaxLength(MAX_TITLE)
        for edit in (self.name_edit, self.role_edit, self.email_edit):
            edit.returnPressed.connect(self._on_return_in_form)

        self.add_button = QPushButton(self.tr("Add member"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.setToolTip(
            self.tr("Inactive members stay in past meetings and minutes but are no longer invited")
        )
        self.active_button.clicked.connect(self._on_active_button_clicked)
        self.clear_button = QPushButton(self.tr("Clear form"))
        self.clear_button.setToolTip(self.tr("Stop editing and start a new member"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.form_error = FieldError()
        self.form_note = plain_label()
        self.form_note.setWordWrap(True)  # "Added <a long name> to Sales." wraps, never widens
        self.form_note.hide()

        self._fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "team": self.team_combo,
            "role": self.role_edit,
            "email": self.email_edit,
        }
        self.field_errors: dict[str, FieldError] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        labels = {
            "name": self.tr("&Name"),
            "team": self.tr("&Team"),
            "role": self.tr("&Role"),
            "email": self.tr("&E-mail"),
        }
        for i, key in enumerate(self._fields):
            box, error = field_with_error(self._fields[key])
            self.field_errors[key] = error
            label = QLabel(labels[key])
            label.setContentsMargins(0, 5, 0, 0)  # level with the field's text
            label.setBuddy(self._fields[key])
            row, col = divmod(i, 2)
            grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, col * 2 + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        form_buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.active_button):
            form_buttons.addWidget(button)
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.clear_button)

        form_card, form_layout = card()
        form_layout.addWidget(self.form_heading)
        form_layout.addLayout(grid)
        form_layout.addLayout(form_buttons)
        form_layout.addWidget(self.form_error)
        form_layout.addWidget(self.form_note)
        return form_card

    # ---- reading --------------------------------------------------------------------
    def first_field(self) -> QWidget:
        """Where a new user starts typing: the new member's name."""
        return self.name_edit

    def refresh(self) -> None:
        """Reload teams and members; the form keeps whatever is typed in it."""
        services = self.controller.services
        teams = services.people.list_teams()
        members = services.people.list_members(include_inactive=True)
        self._restoring = True
        try:
            team_id = self._selected_team_id()
            self.teams_model.set_rows(TeamRow.build(teams, members))
            self._select_team(team_id)

            combo_team = self.team_combo.currentData()
            self.team_combo.blockSignals(True)
            self.team_combo.clear()
            for team in teams:
                self.team_combo.addItem(team.name, team.id)
            found = self.team_combo.findData(combo_team)
            self.team_combo.setCurrentIndex(found if found >= 0 else 0)
            self.team_combo.blockSignals(False)

            self.members_model.set_rows(members)
            if self._editing is not None:
                editing_id = self._editing.id
                fresh = next((m for m in members if m.id == editing_id), None)
                self._editing = fresh
                if fresh is not None:
                    self._select_member(fresh.id)
        finally:
            self._restoring = False
        active = sum(1 for m in members if m.active)
        inactive = len(members) - active
        text = self.tr("{count} active").format(count=active)
        if inactive:
            text += ", " + self.tr("{count} inactive").format(count=inactive)
        self.count_label.setText(
            f"({text})" if members else self.tr("(none yet — add the first below)")
        )
        self._update_form_state()

    def _selected_team_id(self) -> int | None:
        rows = self.teams_list.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE).id if rows else None

    def _select_team(self, team_id: int | None) -> None:
        row = self.teams_model.row_of(lambda t: t.id == team_id) if team_id is not None else -1
        if row >= 0:
            self.teams_list.setCurrentIndex(self.teams_model.index(row, 0))

    def _select_member(self, member_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            record = index.data(RECORD_ROLE)
            if record is not None and record.id == member_id:
                self.table.selectRow(row)
                return

    # ---- the member form ----------------------------------------------------------------
    def _load_form(self, member: MemberRecord | None) -> None:
        self._editing = member
        self._form_shown.clear()
        if member is not None:
            self._form_shown.load(member, "name", "team_id", "role", "email")
        self._clear_errors()
        self._note("")
        if member is None:
            self.name_edit.clear()
            self.role_edit.clear()
            self.email_edit.clear()
        else:
            self.name_edit.setText(member.name)
            self.role_edit.setText(member.role)
            self.email_edit.setText(member.email)
            found = self.team_combo.findData(member.team_id)
            if found >= 0:
                self.team_combo.setCurrentIndex(found)
        self._update_form_state()

    def _update_form_state(self) -> None:
        member = self._editing
        editing = member is not None
        self.form_heading.setText(
            self.tr("Editing {name}").format(name=member.name) if member else self.tr("New member")
        )
        self.save_button.setEnabled(editing)
        self.active_button.setEnabled(editing)
        self.active_button.setText(
            self.tr("Reactivate") if member and not member.active else self.tr("Deactivate")
        )
        self.add_button.setEnabled(self.team_combo.count() > 0)
        self.rename_team_button.setEnabled(self._selected_team_id() is not None)

    def _note(self, text: str) -> None:
        self.form_note.setText(text)
        self.form_note.setVisible(bool(text))

    def _clear_errors(self) -> None:
        self.form_error.clear_error()
        for error in self.field_errors.values():
            error.clear_error()

    def _show_member_error(self, exc: ValidationError) -> None:
        self._clear_errors()
        show_validation(exc, self._fields, self.field_errors.get(exc.field, self.form_error), self)

    def _on_add_button_clicked(self) -> None:
        team_id = self.team_combo.currentData()
        if team_id is None:
            self._show_member_error(ValidationError("team", self.tr("Add a team first.")))
            return
        try:
            member = self.controller.add_member(
                name=self.name_edit.text(),
                team_id=int(team_id),
                role=self.role_edit.text(),
                email=self.email_edit.text(),
            )
        except ValidationError as exc:
            self._show_member_error(exc)
            return
        self.table.clearSelection()
        self._load_form(None)
        self._note(
            self.tr("Added {name} to {team}.").format(name=member.name, team=member.team_name)
        )
        self.name_edit.setFocus()

    def _form_differs(self) -> bool:
        """True when the form holds edits not yet saved to the member being edited."""
        member = self._editing
        if member is None:
            return False
        return (
            self.name_edit.text() != member.name
            or self.team_combo.currentData() != member.team_id
            or self.role_edit.text() != member.role
            or self.email_edit.text() != member.email
        )

    def _on_save_button_clicked(self) -> None:
        self._save_form()

    def _save_form(self) -> MemberRecord | None:
        """Save the form to the member being edited; None (message shown) if refused."""
        if self._editing is None:
            return None
        form = {
            "name": self.name_edit.text(),
            "team_id": int(self.team_combo.currentData()),
            "role": self.role_edit.text(),
            "email": self.email_edit.text(),
        }
        # Only what was changed in the form, on top of the member as the form showed it
        # (a refresh keeps what is typed): someone else's change of another field is
        # kept, of the same field is asked about.
        changed = self._form_shown.changed(form)
        try:
            member = self.controller.update_member(
                member_id=self._editing.id, seen=self._form_shown.seen(*changed), **changed
            )
        except ValidationError as exc:
            self._show_member_error(exc)
            return None
        except NotFoundError as exc:
            self._show_member_error(ValidationError("member", str(exc)))
            return None
        self._load_form(member)
        # "Take theirs" in a conflict saved nothing of the form: no "Saved" then.
        kept = self.controller.kept_theirs
        self._note("" if kept else self.tr("Saved {name}.").format(name=member.name))
        return member

    def _on_return_in_form(self) -> None:
        if self._editing is not None:
            self._on_save_button_clicked()
        else:
            self._on_add_button_clicked()

    def _on_active_button_clicked(self) -> None:
        member = self._editing
        if member is None:
            return
        updated = self.controller.update_member(
            member_id=member.id, active=not member.active, seen=member
        )
        self._editing = updated
        self._update_form_state()
        note = (
            self.tr("{name} is active again.")
            if updated.active
            else self.tr("{name} is inactive: no longer invited to new meetings.")
        )
        self._note(note.format(name=updated.name))

    def _on_clear_button_clicked(self) -> None:
        self.table.clearSelection()
        self._load_form(None)
        self.name_edit.setFocus()

    def _on_member_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._restoring:
            return
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        if not isinstance(record, MemberRecord):
            return
        edited = self._editing
        if edited is not None and record.id != edited.id and self._form_differs():
            # Another member was picked with changes in the form: save them first.
            saved = self._save_form()  # a refresh re-selects the edited member
            picked = record.id if saved is not None else edited.id
            self._restoring = True
            try:
                self._select_member(picked)
            finally:
                self._restoring = False
            if saved is None:
                return  # stay on the edited member, with the message at its field
            row = self.members_model.row_of(lambda m: m.id == picked)
            self._load_form(self.members_model.record(row) if row >= 0 else record)
            if not self.controller.kept_theirs:
                self._note(self.tr("Saved {name}.").format(name=saved.name))
            return
        self._load_form(record)

    def _on_import_button_clicked(self) -> None:
        path = ask_members_csv_path(self, str(self._import_folder))
        if path is None:
            return
        self._import_folder = path.parent
        dialog = ImportMembersDialog(self.controller, self)
        dialog.load(path)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.import_result is not None:
            count = len(dialog.import_result.added)
            self._note(
                self.tr("Imported 1 member.")
                if count == 1
                else self.tr("Imported {count} members.").format(count=count)
            )

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())

    # ---- teams ------------------------------------------------------------------------
    def _on_team_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._restoring:
            return
        team_id = self._selected_team_id()
        if team_id is not None:
            row = self.teams_model.row_of(lambda t: t.id == team_id)
            self.team_name_edit.setText(self.teams_model.record(row).name)
            self.team_error.clear_error()
            if self._editing is None:  # a new member most likely joins the team just picked
                found = self.team_combo.findData(team_id)
                if found >= 0:
                    self.team_combo.setCurrentIndex(found)
        self._update_form_state()

    def _on_add_team_clicked(self) -> None:
        self.team_error.clear_error()
        try:
            team = self.controller.add_team(name=self.team_name_edit.text())
        except ValidationError as exc:
            show_validation(exc, {"name": self.team_name_edit}, self.team_error, self)
            return
        self._select_team(team.id)

    def _on_rename_team_clicked(self) -> None:
        self.team_error.clear_error()
        team_id = self._selected_team_id()
        if team_id is None:
            self.team_error.show_error(self.tr("Select the team to rename in the list first."))
            return
        try:
            self.controller.rename_team(team_id=team_id, name=self.team_name_edit.text())
        except ValidationError as exc:
            show_validation(exc, {"name": self.team_name_edit}, self.team_error, self)
