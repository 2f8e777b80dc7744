"""The core's own words in the user's language: validation messages, the wording of the
minutes, the e-mail and the other exports, and dates.

The core never imports Qt, so it cannot use the UI's Qt Linguist catalogues. Its strings
go through `_()` (and `ngettext()` for counts); `N_()` only marks a string to be
translated later (constant tables). The catalogues are plain gettext `.po` files in
`alignmeet/locale/<language>/*.po`, read at first use (no build step), which any
gettext tool (Poedit, Lokalize) edits. `python -m alignmeet.locale.update` refreshes them
from the code; tests/test_i18n_core.py fails on a string without a translation or with
different `{placeholders}` than its English original.

The language is one per process: the app sets it to the UI's language at start, the CLI
from `--language` (or ALIGNMEET_LANGUAGE). English needs no catalogue. A document that
keeps the language it was recorded in (the minutes of record) is written `speaking()` it:
that holds for the `with` block in its own thread only, so an export thread cannot change
the window's words.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"en": "English", "de": "Deutsch"}
ENV = "ALIGNMEET_LANGUAGE"

_language = "en"
_spoken: ContextVar[str | None] = ContextVar("alignmeet_spoken", default=None)
_catalogues: dict[str, dict[str, str | tuple[str, ...]]] = {}
_lock = threading.Lock()


# ---- catalogues ----------------------------------------------------------------------
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}


def _unquote(text: str) -> str:
    """A .po (C) string literal, quotes included, as text."""
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"not a .po string: {text!r}")
    out, chars, i = [], text[1:-1], 0
    while i < len(chars):
        char = chars[i]
        if char == "\\" and i + 1 < len(chars):
            out.append(_ESCAPES.get(chars[i + 1], chars[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def parse_po(text: str) -> list[dict[str, object]]:
    """The entries of a .po file: dicts with msgid, msgid_plural, msgstr (str, or a
    tuple for plurals), flags (set) and comments (list). The header entry (msgid "")
    is included; fuzzy entries are flagged, not dropped."""
    entries: list[dict[str, object]] = []
    entry: dict[str, object] = {}
    last: str | None = None
    plural: dict[int, str] = {}

    def finish() -> None:
        nonlocal entry, plural, last
        if "msgid" in entry:
            if plural:
                entry["msgstr"] = tuple(plural[i] for i in sorted(plural))
            entry.setdefault("msgstr", "")
            entries.append(entry)
        entry, plural, last = {}, {}, None

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if "msgid" in entry:
                finish()
            if line.startswith("#,"):
                flags = {f.strip() for f in line[2:].split(",") if f.strip()}
                entry.setdefault("flags", set()).update(flags)  # type: ignore[union-attr]
            else:
                entry.setdefault("comments", []).append(raw)  # type: ignore[union-attr]
            continue
        if line.startswith('"'):
            if last is None:
                raise ValueError(f"stray string in .po file: {line!r}")
            if last.startswith("msgstr["):
                index = int(last[7:-1])
                plural[index] += _unquote(line)
            else:
                entry[last] = str(entry[last]) + _unquote(line)
            continue
        keyword, _sep, rest = line.partition(" ")
        if keyword == "msgid" and "msgid" in entry and ("msgstr" in entry or plural):
            finish()
        if keyword.startswith("msgstr["):
            plural[int(keyword[7:-1])] = _unquote(rest)
        elif keyword in {"msgid", "msgid_plural", "msgstr", "msgctxt"}:
            entry[keyword] = _unquote(rest)
        else:
            raise ValueError(f"unknown .po line: {line!r}")
        last = keyword
    finish()
    for e in entries:
        e.setdefault("flags", set())
        e.setdefault("comments", [])
    return entries


def _load(language: str) -> dict[str, str | tuple[str, ...]]:
    with _lock:
        catalogue = _catalogues.get(language)
        if catalogue is None:
            catalogue = {}
            for path in sorted((LOCALE / language).glob("*.po")):
                for e in parse_po(path.read_text(encoding="utf-8")):
                    msgstr = e["msgstr"]
                    if (
                        not e["msgid"]
                        or "fuzzy" in e["flags"]
                        or not any(  # type: ignore[operator]
                            msgstr if isinstance(msgstr, tuple) else (msgstr,)  # type: ignore[arg-type]
                        )
                    ):
                        continue
                    key = str(e["msgid"])
                    if e.get("msgctxt"):
                        key = f"{e['msgctxt']}\x04{key}"  # gettext's own convention
                    catalogue[key] = msgstr  # type: ignore[assignment]
            _catalogues[language] = catalogue
        return catalogue


# ---- the language -------------------------------------------------------------------
def language() -> str:
    return _spoken.get() or _language


def _known(code: str | None) -> str:
    """`code` as a language AlignMeet speaks ("de_DE" counts as "de"; unknown: English)."""
    short = (code or "en").replace("-", "_").split("_")[0].lower()
    return short if short in LANGUAGES else "en"


def set_language(code: str | None) -> str:
    """Use `code` ("en", "de"; "de_DE" counts as "de") from now on; an unknown one means
    English. Returns the language in use."""
    global _language
    _language = _known(code)
    if _language != "en":
        _load(_language)
    return language()


@contextmanager
def speaking(code: str | None) -> Iterator[str]:
    """The words of the `with` block in `code`, in this thread only: a document written in
    the language it was recorded in (minutes of record) from an export thread while the
    window goes on in its own. None or "": the language in use."""
    if not code:
        yield language()
        return
    token = _spoken.set(_known(code))
    try:
        yield language()
    finally:
        _spoken.reset(token)


@contextmanager
def use_language(code: str | None) -> Iterator[str]:
    """The language `code` for the `with` block (tests, one export in another language)."""
    before = _language
    try:
        yield set_language(code)
    finally:
        set_language(before)


# ---- translating --------------------------------------------------------------------
def _(message: str) -> str:
    """`message` in the current language (itself in English or when not translated)."""
    lang = _spoken.get() or _language
    if lang == "en":
        return message
    found = _load(lang).get(message)
    return found if isinstance(found, str) and found else message


def N_(message: str) -> str:
    """Marks `message` for the catalogue; translate it with `_()` where it is shown."""
    return message


def pgettext(context: str, message: str) -> str:
    """`message` where the same English means different things ("Open" as a phase is
    "Eröffnung", as a status "Offen"): the catalogue entry with msgctxt `context`."""
    lang = _spoken.get() or _language
    if lang == "en":
        return message
    found = _load(lang).get(f"{context}\x04{message}")
    return found if isinstance(found, str) and found else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` (English and German: one form for 1, another for the rest)."""
    index = 0 if n == 1 else 1
    lang = _spoken.get() or _language
    if lang != "en":
        found = _load(lang).get(singular)
        if isinstance(found, tuple) and len(found) > index and found[index]:
            return found[index]
    return singular if index == 0 else plural


# ---- dates ----------------------------------------------------------------------------
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
MONTHS_SHORT = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May "),  # the trailing space tells it from the full name; stripped when shown
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)
WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


WEEKDAYS_SHORT = (
    N_("Mon"),
    N_("Tue"),
    N_("Wed"),
    N_("Thu"),
    N_("Fri"),
    N_("Sat"),
    N_("Sun"),
)


def month_name(month: int) -> str:
    return _(MONTHS[month - 1])


def month_short(month: int) -> str:
    return _(MONTHS_SHORT[month - 1]).strip()


def weekday_name(value: date) -> str:
    return _(WEEKDAYS[value.weekday()])


def short_date(value: date) -> str:
    """20 Oct 2026 / 20. Okt. 2026"""
    return _("{day} {month} {year}").format(
        day=value.day, month=month_short(value.month), year=value.year
    )


def day_date(value: date) -> str:
    """Tue 20 Oct 2026 / Di., 20. Okt. 2026 (lists and tables)."""
    return _("{weekday} {day} {month} {year}").format(
        weekday=_(WEEKDAYS_SHORT[value.weekday()]),
        day=value.day,
        month=month_short(value.month),
        year=value.year,
    )


def long_date(value: date) -> str:
    """Tuesday 20 October 2026 / Dienstag, 20. Oktober 2026"""
    return _("{weekday} {day} {month} {year}").format(
        weekday=weekday_name(value), day=value.day, month=month_name(value.month), year=value.year
    )


# ---- numbers ------------------------------------------------------------------------------
def localize_number(text: str) -> str:
    """A number written the English way ("1,234.5") in the current language's way: German
    swaps the separators ("1.234,5"). Only digits, separators and signs are touched, so it
    may be given a whole "29.1 %" or "$1.6M"."""
    if language() != "de":
        return text
    return text.translate(_SWAP_SEPARATORS)


_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


def format_decimal(value: float, places: int = 1) -> str:
    """ "29.1" / "29,1" with `places` decimals and thousands grouped, in the current
    language."""
    return localize_number(f"{value:,.{places}f}")


# ---- region: the document language tag and the paper size ---------------------------------
# Where paper is US Letter rather than A4 (ISO 216 everywhere else).
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"})
PAPER_ENV = "ALIGNMEET_PAPER"
_DEFAULT_REGION = {"en": "US", "de": "DE"}


def _locale(names: tuple[str, ...]) -> tuple[str, str]:
    """(language, region) of the first of the environment variables `names` that is set,
    e.g. ("de", "AT") for "de_AT.UTF-8"; ("", "") for none or the C locale."""
    for name in names:
        value = os.environ.get(name, "")
        if not value:
            continue
        code = value.split(".")[0].split("@")[0]
        lang, _sep, where = code.partition("_")
        ok = len(where) == 2 and where.isalpha()
        return lang.lower(), where.upper() if ok else ""
    return "", ""


def region() -> str:
    """The user's region for paper ("DE", "US", "GB", ...) from the environment's locale
    (LC_ALL, LC_PAPER, LANG), or "" when it names none (the C locale)."""
    return _locale(("LC_ALL", "LC_PAPER", "LANG"))[1]


def document_language() -> str:
    """The language tag Word and LibreOffice spell-check and hyphenate the exports in:
    "de-DE", "en-US", "en-GB" — the current language, in the user's region when the
    environment's locale is of that language (German for Austria is "de-AT")."""
    lang, where = _locale(("LC_ALL", "LC_MESSAGES", "LANG"))
    spoken = language()
    if lang != spoken or not where:
        where = _DEFAULT_REGION.get(spoken, "")
    return f"{spoken}-{where}" if where else spoken


def paper() -> str:
    """ "a4" or "letter": ALIGNMEET_PAPER when set to one of them, else Letter in the US,
    Canada and the few other regions that use it, A4 everywhere else — and A4 when the
    environment names no region."""
    chosen = os.environ.get(PAPER_ENV, "").strip().lower()
    if chosen in ("a4", "letter"):
        return chosen
    return "letter" if region() in LETTER_REGIONS else "a4"


__all__ = [
    "LANGUAGES",
    "N_",
    "_",
    "day_date",
    "document_language",
    "format_decimal",
    "language",
    "localize_number",
    "long_date",
    "month_name",
    "month_short",
    "ngettext",
    "paper",
    "parse_po",
    "pgettext",
    "region",
    "set_language",
    "short_date",
    "speaking",
    "use_language",
    "weekday_name",
]
