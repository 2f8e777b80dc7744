"""One German word for the agenda: "Agenda" (the Agenda step, the sidebar, the Word
heading), never "Tagesordnung" beside it — compounds too ("Agendapunkt", not
"Tagesordnungspunkt"). The last review found both names for the same thing on one page
(the agenda preview's title said "Tagesordnung:", its heading "Agenda").

Scans what the app really shows: the compiled UI catalogue (`make translations`' .qm, its
strings are UTF-16) and the core's catalogue as loaded (exports, Word, Room Link pages)."""

from __future__ import annotations

import pytest
from test_i18n import QM, german_catalogue  # noqa: F401 (the fixture: builds the .qm when stale)

from alignmeet import i18n as core_i18n


@pytest.mark.usefixtures("german_catalogue")
def test_the_compiled_ui_catalogue_names_the_agenda_one_way() -> None:
    blob = QM.read_bytes()
    assert "Agenda".encode("utf-16-be") in blob
    assert "Tagesordnung".encode("utf-16-be") not in blob
    assert "tagesordnung".encode("utf-16-be") not in blob


def test_the_core_catalogue_names_the_agenda_one_way() -> None:
    catalogue = core_i18n._load("de")
    shown: list[str] = []
    for value in catalogue.values():
        shown.extend(value if isinstance(value, tuple) else (value,))
    assert any("Agenda" in text for text in shown)
    mixed = [text for text in shown if "tagesordnung" in text.lower()]
    assert not mixed, mixed
