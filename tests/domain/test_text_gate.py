"""The text gate's rule, character class by character class (domain/text_gate.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignmeet import i18n
from alignmeet.domain.rules import ValidationError
from alignmeet.domain.text_gate import gate_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("plain text", "plain text"),
        ("NUL\x00 dropped", "NUL dropped"),
        ("bell\x07 escape\x1b[0m", "bell escape[0m"),
        ("non-characters \ufffe\uffff", "non-characters "),
        ("soft\x0bbreak and\x0cpage", "soft\nbreak and\npage"),
        ("kept: tab\t LF\n CR\r DEL\x7f NEL\x85", "kept: tab\t LF\n CR\r DEL\x7f NEL\x85"),
        ("bidi \u202eRLO\u202c kept", "bidi \u202eRLO\u202c kept"),
        ("a pair \ud83d\ude00 joined", "a pair 😀 joined"),
        ("<b>{{7*7}}</b> 👩‍👩‍👧 שלום", "<b>{{7*7}}</b> 👩‍👩‍👧 שלום"),
    ],
)
def test_each_character_class(typed: str, stored: str) -> None:
    assert gate_text("notes", typed) == stored


def test_text_without_anything_to_do_is_the_same_object() -> None:
    text = "Quarterly pipeline review"
    assert gate_text("title", text) is text


@pytest.mark.parametrize(
    ("typed", "where"),
    [
        ("Q3 plan \ud83d and more", "after “Q3 plan”"),
        ("\udc00 at the start", "starts with a character"),
        ("a low half first \ude00\ud83d", "after “a low half first”"),
        ("x" * 50 + " tail end of it \ud800", "after “…xxxx tail end of it”"),
    ],
)
def test_a_lone_surrogate_is_refused_at_the_field_saying_where(typed: str, where: str) -> None:
    with pytest.raises(ValidationError) as caught:
        gate_text("title", typed)
    assert caught.value.field == "title"
    assert where in caught.value.message
    assert "cannot be stored" in caught.value.message


def test_the_refusal_is_in_german() -> None:
    with i18n.use_language("de"), pytest.raises(ValidationError) as caught:
        gate_text("title", "Q3 \ud83d")
    assert "nach „Q3“ ein Zeichen, das nicht gespeichert werden kann" in caught.value.message


@given(st.text())
def test_any_text_is_stored_minus_what_the_gate_removes_or_refused(text: str) -> None:
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    try:
        stored = gate_text("notes", text)
    except ValidationError as exc:
        assert exc.field == "notes"
        assert any("\ud800" <= c <= "\udfff" for c in joined)
        return
    expected = "".join(
        "\n" if c in "\x0b\x0c" else c
        for c in joined
        if not ((ord(c) < 0x20 and c not in "\t\n\r\x0b\x0c") or c in "\ufffe\uffff")
    )
    assert stored == expected
    assert gate_text("notes", stored) == stored  # idempotent
    stored.encode("utf-8")  # storable
