"""The one bidi-safe cut (domain/bidi.py): never an embedding, override or isolate left
open, never a closer that closes nothing, never more than the limit, and the text itself
kept up to the cut."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignmeet.domain.bidi import (
    _REORDERS,
    BIDI_CONTROLS,
    FSI,
    LRE,
    LRI,
    PDF,
    PDI,
    RLE,
    RLI,
    RLO,
    bidi_safe,
    cut_line,
    open_controls,
)

_EMBEDDINGS = {LRE, RLE, "\u202d", RLO}
_ISOLATES = {LRI, RLI, FSI}


def orphans(text: str) -> int:
    """Closers that close nothing, counted as the bidi algorithm reads them."""
    stack: list[str] = []
    count = 0
    for char in text:
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(char)
        elif char == PDF:
            if stack and stack[-1] in _EMBEDDINGS:
                stack.pop()
            else:
                count += 1
        elif char == PDI:
            if any(c in _ISOLATES for c in stack):
                while stack.pop() not in _ISOLATES:
                    pass
            else:
                count += 1
    return count


def unbidi(text: str) -> str:
    return "".join(c for c in text if c not in BIDI_CONTROLS)


def unwrap(text: str) -> str:
    return text[1:-1] if text.startswith(FSI) and text.endswith(PDI) else text


def test_an_override_cut_before_its_end_is_closed_before_the_ellipsis() -> None:
    title = "A" * 60 + RLO + "B" * 30 + PDF
    cut = bidi_safe(title, 70)
    assert cut == FSI + "A" * 60 + RLO + "B" * 7 + PDF + "…" + PDI
    assert open_controls(cut) == []


def test_plain_text_comes_back_as_it_is() -> None:
    assert bidi_safe("Quarterly review", 70) == "Quarterly review"
    assert bidi_safe("Quarterly review " * 10, 20) == "Quarterly review Qu…"
    assert cut_line("  a   b  ", 200) == "a b"


def test_right_to_left_text_is_isolated_from_what_follows() -> None:
    assert bidi_safe("שלום 2026") == f"{FSI}שלום 2026{PDI}"
    assert bidi_safe("שלום 2026", isolate=False) == "שלום 2026"


def test_closers_that_close_nothing_are_dropped() -> None:
    assert bidi_safe(f"a{PDF}b{PDI}c") == f"{FSI}abc{PDI}"
    assert bidi_safe(f"{LRI}x{RLO}y{PDI}z") == f"{FSI}{LRI}x{RLO}y{PDF}{PDI}z{PDI}"


def test_every_right_to_left_character_is_seen() -> None:
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.bidirectional(chr(code)) in ("R", "AL", "AN", "RLE", "RLO", "RLI", "FSI")
        and _REORDERS.match(chr(code)) is None
    ]
    assert missed == []


_ALPHABET = st.sampled_from(list(BIDI_CONTROLS) + list("ab אב 12") + ["\u200f", "…"])


@given(
    text=st.text(_ALPHABET, max_size=60),
    limit=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
    isolate=st.booleans(),
    ellipsis=st.sampled_from(["…", "", "..."]),
)
def test_any_bidi_text_is_cut_and_closed(
    text: str, limit: int | None, isolate: bool, ellipsis: str
) -> None:
    safe = bidi_safe(text, limit, ellipsis=ellipsis, isolate=isolate)
    cut = limit is not None and len(text) > limit
    if isolate or cut:
        assert open_controls(safe) == []
        assert orphans(safe) == 0
    if limit is not None:
        assert len(unwrap(safe)) <= limit
    kept = unbidi(unwrap(safe))
    if cut:  # the ellipsis, or as much of it as the limit leaves room for
        ends = [k for k in range(len(ellipsis), 0, -1) if kept.endswith(ellipsis[:k])]
        kept = kept[: -ends[0]] if ends else kept
    assert unbidi(text).startswith(kept)
    if not isolate and not cut:
        assert safe == text  # standing on its own and within the limit: untouched


@pytest.mark.parametrize("limit", [0, 1, 2, 3])
def test_tiny_limits(limit: int) -> None:
    safe = bidi_safe(RLO + "abcdef", limit)
    assert len(unwrap(safe)) <= limit
    assert open_controls(safe) == []


@pytest.mark.parametrize("text", ["1\u202a", "1\u202a1", "\u2067ab", "a\u202eb\u202c\u202a"])
def test_text_within_the_limit_loses_no_visible_character_to_what_it_leaves_open(
    text: str,
) -> None:
    """Closing what the text leaves open would take it over the limit: the openers that
    nothing closes go instead (found by Hypothesis: "1" + LRE + "1" at a limit of 3)."""
    safe = bidi_safe(text, len(text))
    assert unbidi(unwrap(safe)) == unbidi(text)
    assert open_controls(safe) == [] and orphans(safe) == 0
