"""The one text gate: what no database column and no exported document can hold, cleaned
or refused before a use case sees it.

Every text argument of every service method passes `gate_text` (services/text_gate.py
applies it to each `ServiceBase` subclass as the class is made, so no method can forget
it). The characters it deals with, and why each is cleaned or refused:

- **Dropped**: NUL, the C0 controls ``\\x01``-``\\x08`` and ``\\x0e``-``\\x1f`` (bell,
  escape, the "information separators"...), and the non-characters U+FFFE and U+FFFF.
  PostgreSQL cannot store NUL at all; Word (XML 1.0) can hold none of them. They are
  invisible, say nothing to a reader and arrive by pasting from terminals, PDFs and web
  pages: refusing them would stop a person over a character they cannot see or find.
- **A line break**: ``\\x0b`` (how Word itself hands over a soft line break when text is
  copied out of it) and ``\\x0c`` (Google Docs' page break) become ``"\\n"``, so the
  words on either side stay apart — as the Word export shows them (export/sanitize.py).
- **Joined**: a high surrogate followed by a low one (text that went through UTF-16 in
  halves) is the one character the pair encodes.
- **Refused**: a *lone* surrogate (U+D800-U+DFFF without its other half). It is half of
  a character — usually of an emoji — that a broken source cut; no encoding can store it
  (SQLite and PostgreSQL raise UnicodeEncodeError). Dropping it or putting U+FFFD in its
  place would silently change what the person meant, so the write is refused with a
  `ValidationError` naming the field and where the character is; the text stays where
  it was typed.
- **Kept**: everything else — tab, line feed, carriage return (the exports map line ends
  themselves), DEL and the C1 controls (XML 1.0 allows them), bidi controls (a right-to-
  left override is legitimate text; exports keep it from leaking, see domain/bidi.py),
  emoji, markup such as ``<b>`` or ``{{ }}``.

So for text it lets through, ``gate_text(field, s)`` is ``s`` with the dropped characters
removed, ``\\x0b``/``\\x0c`` as ``"\\n"`` and surrogate pairs joined; it is idempotent.
"""

from __future__ import annotations

import re

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _

__all__ = ["DROPPED", "LINE_BREAKS", "gate_text", "lone_surrogate"]

# What the gate removes, and what it turns into "\n" (export/sanitize.py uses the same).
DROPPED = "\x00-\x08\x0e-\x1f\ufffe\uffff"
LINE_BREAKS = "\x0b\x0c"
_DROPPED = re.compile(f"[{DROPPED}]")
_LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEEDS_WORK = re.compile(f"[{DROPPED}{LINE_BREAKS}\ud800-\udfff]")
_CONTEXT = 20  # characters of what comes before a lone surrogate, to find it by


def gate_text(field: str, value: str) -> str:
    """`value` as it may be stored and exported (see the module docstring), or
    `ValidationError(field, ...)` when it holds a lone surrogate."""
    if _NEEDS_WORK.search(value) is None:
        return value  # nearly all text: one regex search, the very same object back
    if _SURROGATE.search(value) is not None:
        value = _join_pairs(value)
        at = lone_surrogate(value)
        if at is not None:
            raise ValidationError(field, _refusal(value, at))
    return _LINE_BREAK.sub("\n", _DROPPED.sub("", value))


def lone_surrogate(value: str) -> int | None:
    """The index of the first lone surrogate in `value` (pairs joined first), or None."""
    match = _SURROGATE.search(value)
    return match.start() if match is not None else None


def _join_pairs(value: str) -> str:
    # UTF-16 with "surrogatepass" writes each surrogate as its own two bytes; read back,
    # a high one followed by a low one decodes as the character they encode together,
    # and a lone one stays what it was.
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _refusal(value: str, at: int) -> str:
    before = _DROPPED.sub("", _SURROGATE.sub("", value[max(0, at - _CONTEXT) : at]))
    before = " ".join(before.split())
    if not before:
        return _(
            "This text starts with a character that cannot be stored (half of a "
            "character, cut by the program it was copied from). Delete it, or type "
            "that part again instead of pasting it."
        )
    return _(
        "This text has a character that cannot be stored after “{before}” (half of a "
        "character, cut by the program it was copied from). Delete it, or type that "
        "part again instead of pasting it."
    ).format(before=bidi_safe(("…" if at > _CONTEXT else "") + before))
