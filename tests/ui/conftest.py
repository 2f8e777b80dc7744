"""GUI fixtures: a controller over a fresh database, settings kept in a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from alignmeet.services import Services, open_services
from ui.controller import Controller
from ui.widgets import DoubleClickGuard, install_double_click_guard


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path: Path, qapp: object) -> None:
    QCoreApplication.setOrganizationName("AlignMeetTests")
    QCoreApplication.setApplicationName("AlignMeetTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QSettings().clear()


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = open_services(str(tmp_path / "ui-test.sqlite3"))
    yield svc
    svc.close()


@pytest.fixture
def controller(services: Services) -> Controller:
    return Controller(services)


@pytest.fixture
def team_ids(services: Services) -> dict[str, int]:
    return {t.name: t.id for t in services.people.list_teams()}


@pytest.fixture
def people(services: Services, team_ids: dict[str, int]) -> dict[str, int]:
    """Four members, two per team."""
    names = {
        "Ava Chen": ("Sales", "Account Executive"),
        "Ben Okafor": ("Sales", "SDR"),
        "Maya Rossi": ("Marketing", "Demand Gen Manager"),
        "Leo Novak": ("Marketing", "Content Marketing Manager"),
    }
    return {
        name: services.people.add_member(name=name, team_id=team_ids[team], role=role).id
        for name, (team, role) in names.items()
    }


@pytest.fixture
def meeting_id(services: Services, people: dict[str, int]) -> int:
    template = next(t for t in services.agenda.templates() if t.name.startswith("Monthly"))
    meeting = services.meetings.create_meeting(
        title="Sales & Marketing sync",
        starts_at=datetime(2030, 3, 5, 9, 0),
        planned_minutes=60,
        place="Room 2",
        invitee_ids=list(people.values()),
        template_id=template.id,
        topic="Turn webinar leads into pipeline",
    )
    return meeting.id


@dataclass
class ShownBox:
    icon: QMessageBox.Icon
    title: str
    text: str
    text_format: Qt.TextFormat


@dataclass
class MessageBoxes:
    """Every QMessageBox shown (through `exec`), answered with `answer` instead of waiting."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    shown: list[ShownBox] = field(default_factory=list)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def exec_(box: QMessageBox) -> int:
        boxes.shown.append(ShownBox(box.icon(), box.windowTitle(), box.text(), box.textFormat()))
        return boxes.answer.value if boxes.answer in box.standardButtons() else 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return boxes


@pytest.fixture
def double_click_guard(qapp: QApplication) -> DoubleClickGuard:
    """The application-wide guard MainWindow installs, for tests of single views."""
    guard = install_double_click_guard(qapp)
    assert guard is not None
    return guard
