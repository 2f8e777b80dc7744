"""User text set beside other text without reordering it (issue 11, finding 10).

A right-to-left override (RLO, U+202E) in a meeting title reverses everything after it
up to its PDF (U+202C) or the end of the paragraph. Cut at 70 characters for the minutes'
footer, the title lost its PDF and the rest of the footer read "fo 1 egaP". The same
holds for embeddings (LRE, RLE), overrides (LRO, RLO) and isolates (LRI, RLI, FSI) left
open anywhere user text is put into a line of ours: a footer, an e-mail subject, a window
title, a snippet in a table cell.

`bidi_safe(text, limit)` is the one helper for all of them. It

- cuts `text` to at most `limit` characters with the ellipsis and the closers it adds
  (so a 200-character column stays within 200) — the FSI … PDI pair around it aside,
- drops the closers that close nothing (a PDF with no embedding open, a PDI with no
  isolate open — the bidi algorithm ignores them, and a cut can orphan them) and closes,
  at the end, every embedding, override and isolate still open (PDF, PDI, innermost
  first; a PDI that closes an isolate first closes the embeddings opened inside it, for
  renderers without isolates),
- and, with `isolate=True`, wraps the result in FSI … PDI when it holds anything that
  could reorder its neighbours (right-to-left letters, Arabic digits, bidi controls): the
  text then takes its own direction from its first strong letter and leaves the text
  around it alone. Text without any of those is returned as it is (nearly all text).

`closing(text)` is its light form for text shown exactly as typed and followed by words of
ours on the same line (an idea, then "— its author"): only the closers of what `text`
leaves open, to put after it; nothing is cut, dropped or isolated.

Word and LibreOffice lay out each paragraph with the Unicode bidi algorithm (UAX #9);
an explicit PDF closes an override in every version of it, so the balance holds even
where isolates are not understood.
"""

from __future__ import annotations

import re

__all__ = [
    "BIDI_CONTROLS",
    "FSI",
    "LRE",
    "LRI",
    "LRO",
    "PDF",
    "PDI",
    "RLE",
    "RLI",
    "RLO",
    "bidi_safe",
    "closing",
    "cut_line",
    "open_controls",
]

LRE, RLE, PDF, LRO, RLO = "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_EMBEDDINGS = LRE + RLE + LRO + RLO
_ISOLATES = LRI + RLI + FSI
BIDI_CONTROLS = _EMBEDDINGS + PDF + _ISOLATES + PDI
_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
# Everything that can reorder its neighbours: the explicit controls, the marks RLM and
# ALM, and every right-to-left letter or Arabic digit (these ranges hold all characters
# of bidi class R, AL and AN; tests/domain/test_bidi.py checks it against unicodedata).
_REORDERS = re.compile(
    f"[{BIDI_CONTROLS}\u200f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
    "\U00010800-\U00010fff\U0001e800-\U0001efff\u2060-\u206f]"
)


def open_controls(text: str) -> list[str]:
    """The embeddings, overrides and isolates `text` leaves open, outermost first (as the
    bidi algorithm counts them: a PDF closes only an embedding opened inside the current
    isolate; a PDI closes the innermost isolate and what was opened inside it)."""
    stack: list[str] = []
    for char in _CONTROL.findall(text):
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(char)
        elif char == PDF:
            if stack and stack[-1] in _EMBEDDINGS:
                stack.pop()
        elif any(c in _ISOLATES for c in stack):  # PDI
            while stack.pop() not in _ISOLATES:
                pass
    return stack


def closing(text: str) -> str:
    """The closers (PDF, PDI, innermost first) of what `text` leaves open: put after it,
    before text of ours on the same line, so an override in it cannot reverse ours
    ("" for nearly all text: `text` itself stays as typed)."""
    if _CONTROL.search(text) is None:
        return ""
    return "".join(PDI if c in _ISOLATES else PDF for c in reversed(open_controls(text)))


def _balance(text: str) -> str:
    """`text` without closers that close nothing, and with what it leaves open closed."""
    if _CONTROL.search(text) is None:
        return text
    out: list[str] = []
    stack: list[str] = []
    for char in text:
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(char)
        elif char == PDF:
            if not stack or stack[-1] not in _EMBEDDINGS:
                continue  # closes nothing
            stack.pop()
        elif char == PDI:
            if not any(c in _ISOLATES for c in stack):
                continue  # closes nothing
            while stack[-1] not in _ISOLATES:
                stack.pop()
                out.append(PDF)  # what the PDI closes anyway, closed where isolates are unknown
            stack.pop()
        out.append(char)
    out.extend(PDF if c in _EMBEDDINGS else PDI for c in reversed(stack))
    return "".join(out)


def _without_unclosed(text: str) -> str:
    """`text` without the openers it never closes (and without closers that close
    nothing): as long as `text` at most, every visible character kept."""
    stack: list[int] = []  # indices of the openers still open
    dropped: set[int] = set()
    for i, char in enumerate(text):
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(i)
        elif char == PDF:
            if stack and text[stack[-1]] in _EMBEDDINGS:
                stack.pop()
            else:
                dropped.add(i)
        elif char == PDI:
            if any(text[j] in _ISOLATES for j in stack):
                while text[stack[-1]] not in _ISOLATES:
                    stack.pop()  # closed by the PDI as well
                stack.pop()
            else:
                dropped.add(i)
    dropped.update(stack)
    return "".join(c for i, c in enumerate(text) if i not in dropped)


def bidi_safe(
    text: str, limit: int | None = None, *, ellipsis: str = "…", isolate: bool = True
) -> str:
    """`text` to be set beside other text: at most `limit` characters (the isolating pair
    aside), cut with `ellipsis`, nothing left open, isolated when it could reorder its
    neighbours (see the module docstring).

    With `isolate=False` (text that stands on its own: a table cell, a stored field, a
    chart label) only a cut is balanced; text within `limit` comes back as it is.
    """
    wrap = isolate and _REORDERS.search(text) is not None
    room = limit
    if room is None or len(text) <= room:
        if not isolate:
            return text
        whole = _balance(text)
        if room is not None and len(whole) > room:
            # Closing what is open pushed it over the limit: the openers nothing closes go
            # instead, before any visible character is cut.
            whole = _balance(_without_unclosed(text))
        if room is None or len(whole) <= room:
            return f"{FSI}{whole}{PDI}" if wrap else whole
    assert room is not None
    keep = max(0, room - len(ellipsis))
    while True:
        piece = _balance(text[:keep].rstrip()) + ellipsis
        if len(piece) <= room or keep == 0:
            break
        keep = max(0, keep - (len(piece) - room))
    piece = piece[:room] if len(piece) > room else piece  # an ellipsis longer than the room
    return f"{FSI}{piece}{PDI}" if wrap else piece


def cut_line(text: str, limit: int) -> str:
    """A one-line field as stored: white space folded, cut at `limit` characters (no
    ellipsis) without leaving an override open at the cut."""
    return bidi_safe(" ".join(text.split()), limit, ellipsis="", isolate=False)
