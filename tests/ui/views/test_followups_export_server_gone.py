"""The PostgreSQL server stops while a Follow-ups export reads from it (issue ATTACK21,
attack 2): the window says the file was not written and why, the old file stays as it
was, and once the server is back the same export works."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from harness.throwaway_postgres import ThrowawayPostgres, started_or_skip
from pytestqt.qtbot import QtBot

from alignmeet.services import open_services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views import followups_view


@pytest.fixture
def own_postgres() -> Iterator[ThrowawayPostgres]:
    """A PostgreSQL server of this test's own, that it stops and starts."""
    yield from started_or_skip()


def test_a21_the_server_stopping_during_an_export_is_said_and_the_old_file_kept(
    qtbot: QtBot,
    own_postgres: ThrowawayPostgres,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Below the size where a process of its own writes it, the export runs in a thread of
    the window: the server gone mid-read raised a driver error out of it, and the window
    said nothing about the file (at most the banner for unsaved edits, though nothing was
    typed). Now "Not saved" says the export stopped before the file was written, and why,
    as the export's own process does."""
    services = open_services(own_postgres.url)
    try:
        sales = next(t.id for t in services.people.list_teams() if t.name == "Sales")
        ava = services.people.add_member(name="Ava Chen", team_id=sales)
        meeting = services.meetings.create_meeting(
            title="March sync", starts_at=datetime(2030, 3, 5, 9, 0)
        )
        for n in range(3):
            services.actions.add_action(
                meeting_id=meeting.id,
                owner_id=ava.id,
                title=f"Call lead {n}",
                due=date(2030, 3, 12),
                today=date(2030, 3, 5),
            )
        controller = Controller(services)
        window = MainWindow(controller)
        qtbot.addWidget(window)
        window.show()
        window.show_page("followups")
        page = window.followups_view
        qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
        assert not page.model.background  # the export runs in a thread here

        target = tmp_path / "follow-ups.csv"
        target.write_bytes(b"the old file\r\n")
        monkeypatch.setattr(followups_view, "ask_export_path", lambda *_: target)
        warned: list[tuple[str, str]] = []
        monkeypatch.setattr(
            followups_view, "warn", lambda _p, title, text: warned.append((title, text))
        )
        said: list[str] = []
        controller.status_shown.connect(said.append)
        real = controller.write_followups

        def server_stops_first(**kw: object) -> object:
            own_postgres.stop()
            return real(**kw)  # type: ignore[arg-type]

        monkeypatch.setattr(controller, "write_followups", server_stops_first)
        assert page.export("csv") is None
        assert len(warned) == 1
        title, text = warned[0]
        assert title == "Not saved"
        assert text.startswith("The export stopped before the file was written: ")
        assert target.read_bytes() == b"the old file\r\n"
        assert not any(s.startswith("Saved") for s in said)

        own_postgres.start()
        monkeypatch.setattr(controller, "write_followups", real)
        assert page.export("csv") == target
        assert said[-1] == f"Saved 3 actions to {target}"
        assert b"Call lead 2" in target.read_bytes()
    finally:
        services.close()
