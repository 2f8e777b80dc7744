"""The core's words in German: every string the core shows is in the catalogue, with the
same placeholders, and the catalogue on disk is what the code asks for."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignmeet import i18n
from alignmeet.domain.rules import short_date
from alignmeet.locale import update


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("lang", [code for code in i18n.LANGUAGES if code != "en"])
def test_every_core_string_has_a_translation_with_the_same_placeholders(lang):
    catalogue = update.load(lang)
    problems = []
    for book in update.extract().values():
        for key, message in book.items():
            msgid = message.msgid
            entry = catalogue.get(key)
            if entry is None:
                problems.append(f"missing: {msgid!r} ({message.places[0]})")
                continue
            forms = entry["msgstr"]
            forms = forms if isinstance(forms, tuple) else (forms,)
            originals = (msgid, message.plural) if message.plural else (msgid,)
            if not all(forms) or "fuzzy" in entry["flags"]:
                problems.append(f"untranslated: {msgid!r} ({message.places[0]})")
                continue
            for original, form in zip(originals, forms, strict=False):
                if _fields(original) != _fields(form):
                    problems.append(f"placeholders differ: {original!r} -> {form!r}")
    assert not problems, "Run `python -m alignmeet.locale.update` and translate:\n" + "\n".join(
        problems
    )


def test_the_catalogue_files_are_up_to_date():
    """What `python -m alignmeet.locale.update` would write is what is committed (no string
    of the code missing, none left over)."""
    books = update.extract()
    for lang in (code for code in i18n.LANGUAGES if code != "en"):
        known = {key: entry["msgstr"] for key, entry in update.load(lang).items()}
        for name, messages in books.items():
            path = i18n.LOCALE / lang / name
            assert path.read_text(encoding="utf-8") == update.render(lang, messages, known), (
                f"{path} is out of date: run `python -m alignmeet.locale.update`"
            )


def test_english_needs_no_catalogue_and_unknown_languages_fall_back_to_it():
    assert i18n.set_language("fr") == "en"
    assert i18n._("October") == "October"
    assert i18n.set_language("de_AT") == "de"
    assert i18n._("October") == "Oktober"
    assert i18n._("a string no catalogue has") == "a string no catalogue has"


def test_use_language_is_undone_after_the_block():
    i18n.set_language("en")
    with i18n.use_language("de") as lang:
        assert lang == "de"
        assert short_date(date(2026, 10, 20)) == "20. Okt. 2026"
    assert short_date(date(2026, 10, 20)) == "20 Oct 2026"


def test_dates_in_german():
    with i18n.use_language("de"):
        assert short_date(date(2026, 5, 3)) == "3. Mai 2026"
        assert short_date(None) == "—"
        assert i18n.long_date(date(2026, 10, 20)) == "Dienstag, 20. Oktober 2026"
        assert i18n.day_date(date(2026, 11, 24)) == "Di., 24. Nov. 2026"
    assert i18n.day_date(date(2026, 11, 24)) == "Tue 24 Nov 2026"
    assert i18n.long_date(date(2026, 10, 20)) == "Tuesday 20 October 2026"
    assert i18n.month_short(5) == "May"


def test_the_same_english_in_two_contexts_has_two_translations(tmp_path, monkeypatch):
    folder = tmp_path / "de"
    folder.mkdir()
    (folder / "t.po").write_text(
        'msgctxt "phase"\nmsgid "Open"\nmsgstr "Eröffnung"\n\nmsgid "Open"\nmsgstr "Offen"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE", tmp_path)
    monkeypatch.setattr(i18n, "_catalogues", {})
    with i18n.use_language("de"):
        assert i18n.pgettext("phase", "Open") == "Eröffnung"
        assert i18n._("Open") == "Offen"
    assert i18n.pgettext("phase", "Open") == "Open"


def test_plural_forms_are_chosen_by_count():
    assert i18n.ngettext("{n} action", "{n} actions", 1) == "{n} action"
    assert i18n.ngettext("{n} action", "{n} actions", 0) == "{n} actions"


@given(st.text())
def test_po_strings_survive_quoting(text):
    po = f"msgid {update.quote('x')}\nmsgstr {update.quote(text)}\n"
    (entry,) = i18n.parse_po(po)
    assert entry["msgstr"] == text


def test_po_parser_reads_plurals_multiline_strings_and_flags(tmp_path: Path):
    po = (
        'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
        "#, fuzzy\n"
        'msgid "one"\nmsgstr "eins"\n\n'
        'msgid "{n} item"\nmsgid_plural "{n} items"\nmsgstr[0] "{n} Punkt"\nmsgstr[1] ""\n'
        '"{n} Punkte"\n'
    )
    header, fuzzy, plural = i18n.parse_po(po)
    assert header["msgstr"] == "Language: de\n"
    assert "fuzzy" in fuzzy["flags"]
    assert plural["msgid_plural"] == "{n} items"
    assert plural["msgstr"] == ("{n} Punkt", "{n} Punkte")
