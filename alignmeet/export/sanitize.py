"""Make user text safe for Word (python-docx / XML 1.0) without losing what it says."""

from __future__ import annotations

import re

from alignmeet.domain.text_gate import DROPPED, LINE_BREAKS

__all__ = ["clean_text"]

# Characters XML 1.0 (and so python-docx / lxml) refuses: C0 controls other than \t \n \r
# (\x0b and \x0c are handled separately below), the non-characters U+FFFE and U+FFFF —
# the very characters the text gate drops on the way in (domain/text_gate.py: one list) —
# and lone surrogates (which cannot be encoded as UTF-8 at all; the gate refuses them).
_ILLEGAL = re.compile(f"[{DROPPED}\ud800-\udfff]")
# Everything that means "new line": Windows and old-Mac line ends, Word's soft line
# break (vertical tab) and the page break Google Docs pastes (form feed).
_LINE_BREAK = re.compile(f"\r\n?|[{LINE_BREAKS}]")
_NEEDS_WORK = re.compile(f"[{DROPPED}{LINE_BREAKS}\r\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Return `text` with everything Word cannot store removed, keeping its line breaks.

    - Removed: NUL, ``\\x01``-``\\x08``, ``\\x0e``-``\\x1f``, U+FFFE, U+FFFF and lone
      surrogates (``\\ud800``-``\\udfff``). A properly encoded emoji is one code point in
      Python and is kept.
    - Turned into ``"\\n"`` rather than dropped, so the words on either side stay apart:
      ``\\x0b`` (vertical tab, which is how Word itself stores a soft line break when text
      is copied out of it) and ``\\x0c`` (form feed, Google Docs' page break). The minutes
      show both as a line break, not a page break.
    - Line ends are normalised: ``"\\r\\n"`` and a lone ``"\\r"`` become ``"\\n"``.
      python-docx turns each of ``\\r`` and ``\\n`` into a ``<w:br/>``, so pasted Windows
      text would otherwise get double line spacing. This happens after the removal, so
      ``"\\r\\x00\\n"`` is one line break.
    - ``\\t`` is kept (a tab in Word) and so is every other character, including markup
      such as ``<b>`` or ``{{ }}``, which python-docx stores literally.

    So ``clean_text(s)`` equals ``s`` minus the removed characters, with the line breaks
    mapped as above; it is idempotent, and what python-docx reads back from a paragraph
    or cell written with it is exactly ``clean_text(s)``.
    """
    if not text:
        return ""
    if _NEEDS_WORK.search(text) is None:
        return text
    return _LINE_BREAK.sub("\n", _ILLEGAL.sub("", text))
