"""`label(member)`: every enum label of alignmeet/domain in the current language."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from enum import Enum

import pytest

import alignmeet.domain
from alignmeet import i18n
from alignmeet.domain.enums import ActionStatus, MeetingStatus, Phase, TeamTag
from alignmeet.domain.labels import LABELS, label
from alignmeet.locale import update


def _labelled_enums() -> list[type[Enum]]:
    """Every enum in alignmeet/domain with a `.label` (found, not listed: a new one counts)."""
    found: dict[str, type[Enum]] = {}
    for info in pkgutil.iter_modules(alignmeet.domain.__path__):
        module = importlib.import_module(f"alignmeet.domain.{info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            labelled = isinstance(inspect.getattr_static(cls, "label", None), property)
            if issubclass(cls, Enum) and cls.__module__.startswith("alignmeet.domain") and labelled:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


ENUMS = _labelled_enums()


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


def test_the_domain_enums_with_labels_are_all_found() -> None:
    names = {cls.__name__ for cls in ENUMS}
    assert {"Phase", "ActionStatus", "TeamTag", "ItemKind", "KpiStatus", "RejectionReason"} <= names
    assert len(ENUMS) >= 12


@pytest.mark.parametrize("enum", ENUMS, ids=lambda cls: cls.__name__)
def test_every_member_has_a_german_label_in_the_catalogue(enum: type[Enum]) -> None:
    catalogue = update.load("de")
    for member in enum:
        english = member.label  # type: ignore[attr-defined]
        key = "phase\x04Open" if member is Phase.OPEN else english
        assert english in LABELS or member is Phase.OPEN, f"{english!r} is not marked"
        entry = catalogue.get(key)
        assert entry is not None and entry["msgstr"], f"no German for {english!r}"
        with i18n.use_language("de"):
            german = label(member)
        assert german and german == entry["msgstr"]
        assert label(member) == english  # English: the label itself


def test_meeting_status_has_labels_too() -> None:
    with i18n.use_language("de"):
        assert [label(s) for s in MeetingStatus] == ["Geplant", "Läuft", "Abgeschlossen"]
    assert [label(s) for s in MeetingStatus] == ["Planned", "Running", "Closed"]


def test_open_is_two_different_words_in_german() -> None:
    with i18n.use_language("de"):
        assert label(Phase.OPEN) == "Eröffnung"
        assert label(ActionStatus.OPEN) == "Offen"
        assert label(TeamTag.SALES) == "Vertrieb"
    assert label(Phase.OPEN) == label(ActionStatus.OPEN) == "Open"


def test_the_enum_labels_themselves_stay_english() -> None:
    with i18n.use_language("de"):
        assert ActionStatus.DONE.label == "Done"
        assert label("a string no catalogue has") == "a string no catalogue has"
