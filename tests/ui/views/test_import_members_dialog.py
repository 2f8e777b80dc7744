"""Import members from CSV, from the People page: choose the file, see each row's problems,
import all of them or none."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from alignmeet.services import Services
from ui.colors import color
from ui.controller import Controller
from ui.models.members_model import COL_NAME
from ui.views import import_members_dialog, people_view
from ui.views.import_members_dialog import (
    COL_EMAIL,
    COL_PROBLEM,
    ImportMembersDialog,
    MemberImportModel,
)
from ui.views.import_members_dialog import (
    COL_NAME as IMPORT_COL_NAME,
)
from ui.views.people_view import PeopleView

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

GOOD = (
    "\ufeffName;Team;Rolle;E-Mail\r\n"
    "Priya Shah;Marketing;Marketing Ops;priya@example.com\r\n"
    '"<b>Sam</b> {{7*7}}";Sales;"SDR; EMEA";sam@example.com\r\n'
    "\r\n"
)
BAD = (
    "name,team,email\n"
    "Priya Shah,Marketing,priya@example.com\n"
    "Ava Chen,Sales,\n"  # already a member
    "Zed,Finance,zed@example.com\n"  # no such team
    "Priya Shah,Sales,\n"  # twice in the file
    ",Sales,nobody-at-example\n"  # no name, bad e-mail
)


def write(tmp_path: Path, text: str, name: str = "members.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def member_names(services: Services) -> list[str]:
    return sorted(m.name for m in services.people.list_members(include_inactive=True))


@pytest.fixture
def dialog(qtbot: QtBot, controller: Controller, people: dict[str, int]) -> ImportMembersDialog:
    widget = ImportMembersDialog(controller)
    qtbot.addWidget(widget)
    return widget


def test_the_preview_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, people: dict[str, int]
) -> None:
    model = MemberImportModel()
    model.set_rows(list(services.people.preview_member_import(text=BAD).rows))
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.headerData(COL_PROBLEM, Qt.Orientation.Horizontal) == "Problem"


def test_a_good_file_previews_and_imports_every_member(
    qtbot: QtBot,
    dialog: ImportMembersDialog,
    controller: Controller,
    services: Services,
    tmp_path: Path,
) -> None:
    assert dialog.load(write(tmp_path, GOOD))
    model = dialog.model
    assert model.rowCount() == 2
    assert model.index(1, IMPORT_COL_NAME).data() == "<b>Sam</b> {{7*7}}"  # as typed
    assert model.index(0, COL_PROBLEM).data() == "OK"
    assert model.index(0, COL_PROBLEM).data(Qt.ItemDataRole.ForegroundRole) == color("good")
    assert dialog.summary.text() == "Ready to import 2 members: 1 in Marketing, 1 in Sales."
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(controller.members_changed, timeout=1000):
        dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.import_result is not None
    assert dialog.import_result.describe() == "Imported 2 members."
    sam = next(m for m in services.people.list_members() if m.name.startswith("<b>"))
    assert (sam.team_name, sam.role, sam.email) == ("Sales", "SDR; EMEA", "sam@example.com")


def test_problems_are_shown_per_row_and_nothing_can_be_imported(
    dialog: ImportMembersDialog, services: Services, tmp_path: Path
) -> None:
    before = member_names(services)
    assert dialog.load(write(tmp_path, BAD))
    model = dialog.model
    problems = [model.index(r, COL_PROBLEM).data() for r in range(model.rowCount())]
    assert problems == [
        "OK",
        "“Ava Chen” is already a member.",
        "There is no team called “Finance”: add it on the People page first, or correct the file.",
        "“Priya Shah” is already on line 2 of the file.",
        "The name is missing. “nobody-at-example” is not an e-mail address.",
    ]
    bad = model.index(1, COL_EMAIL)
    assert bad.data(Qt.ItemDataRole.ForegroundRole) == color("bad")
    assert model.index(1, COL_PROBLEM).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is None
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.objectName() == "FieldError"
    assert dialog.summary.text() == (
        "4 of 5 rows have problems: nothing will be imported until the file is corrected."
    )
    dialog.import_button.click()  # disabled: does nothing
    assert member_names(services) == before


def test_a_file_that_cannot_be_read_says_why_and_another_can_be_chosen(
    dialog: ImportMembersDialog,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not dialog.load(write(tmp_path, "Priya Shah;Marketing\n", "no-header.csv"))
    assert dialog.error.isVisibleTo(dialog)
    assert "does not name the columns" in dialog.error.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()

    good = write(tmp_path, GOOD)
    monkeypatch.setattr(import_members_dialog, "ask_members_csv_path", lambda *a: good)
    dialog.choose_button.click()
    assert not dialog.error.isVisibleTo(dialog)
    assert dialog.file_label.text() == str(good)
    assert dialog.import_button.isEnabled()


def test_a_member_added_meanwhile_stops_the_import_and_shows_why(
    dialog: ImportMembersDialog, services: Services, team_ids: dict[str, int], tmp_path: Path
) -> None:
    assert dialog.load(write(tmp_path, GOOD))
    services.people.add_member(name="Priya Shah", team_id=team_ids["Sales"])
    before = member_names(services)
    dialog.import_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "“Priya Shah” is already a member" in dialog.error.text()
    assert dialog.model.index(0, COL_PROBLEM).data() == "“Priya Shah” is already a member."
    assert not dialog.import_button.isEnabled()
    assert member_names(services) == before


# ---- from the People page -------------------------------------------------------------------


def test_import_from_the_people_page(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    people: dict[str, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = PeopleView(controller)
    qtbot.addWidget(view)
    path = write(tmp_path, GOOD)
    monkeypatch.setattr(people_view, "ask_members_csv_path", lambda *a: path)

    def run(dialog: ImportMembersDialog) -> int:
        assert dialog.file_label.text() == str(path)
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(ImportMembersDialog, "exec", run)
    assert view.import_button.text() == "Import from CSV…"
    view.import_button.click()
    names = [view.proxy.index(r, COL_NAME).data() for r in range(view.proxy.rowCount())]
    assert "Priya Shah" in names and "<b>Sam</b> {{7*7}}" in names
    assert view.form_note.text() == "Imported 2 members."
    assert view.count_label.text() == "(6 active)"


def test_cancelling_the_file_choice_opens_nothing(
    qtbot: QtBot, controller: Controller, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    view = PeopleView(controller)
    qtbot.addWidget(view)
    monkeypatch.setattr(people_view, "ask_members_csv_path", lambda *a: None)
    monkeypatch.setattr(ImportMembersDialog, "exec", lambda self: pytest.fail("no dialog"))
    view.import_button.click()
