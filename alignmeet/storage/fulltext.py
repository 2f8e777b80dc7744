"""Full-text search on SQLite: FTS5 indexes over the texts people search for.

Each index is an external-content FTS5 table (the text lives once, in its own
table) kept in step by triggers that migration 0002 creates. Tokenizer
`unicode61 remove_diacritics 2`: case- and accent-insensitive ("sofia" finds
"Sofía"); every word typed is a prefix ("webin" finds "webinar"); all words must
match. On other databases (PostgreSQL) the services fall back to ILIKE over text
with its accents folded (`accent_folded`), so "sofia" still finds "Sofía".
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import func

# FTS table -> (content table, indexed column)
FTS_SOURCES: dict[str, tuple[str, str]] = {
    "action_fts": ("action", "title"),
    "action_update_fts": ("action_update", "note"),
    "idea_fts": ("idea", "text"),
    "decision_fts": ("decision", "text"),
    "agenda_item_fts": ("agenda_item", "notes"),
}
_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
MAX_WORDS = 12


def is_fts_table(name: str | None) -> bool:
    """True for the FTS5 tables and their shadow tables (not part of the ORM models)."""
    if not name:
        return False
    if name in FTS_SOURCES:
        return True
    return any(name == f"{fts}{suffix}" for fts in FTS_SOURCES for suffix in _SHADOW_SUFFIXES)


def include_name(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """Alembic `include_name` hook: autogenerate and schema checks ignore the FTS tables."""
    return not (type_ == "table" and is_fts_table(name))


# Indexes on a key written differently per database (`models.caseless`: NOCASE on
# SQLite, lower() on PostgreSQL). Neither database's reflection gives them back as the
# models declare them, so autogenerate leaves them alone;
# tests/storage/test_migration_0007.py and _0008.py check them on both databases.
EXPRESSION_INDEXES = frozenset(
    {
        "ix_action_title_nocase_status",
        "ix_action_last_note_nocase_due",
        "ix_action_last_note_nocase_desc_due",
    }
)


def include_object(
    _object: object, name: str | None, type_: str, _reflected: bool, _compare_to: object
) -> bool:
    """Alembic `include_object` hook: autogenerate and schema checks ignore the
    EXPRESSION_INDEXES, in the models and in the database alike."""
    return not (type_ == "index" and name in EXPRESSION_INDEXES)


def search_words(text: str) -> list[str]:
    """The words of a search: white-space separated, each with a letter or digit."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression: every word as a quoted prefix, all required.

    Quoting makes user text inert (no column filters, NEAR, OR, NOT…); a word with
    inner punctuation ("speed-to-lead") becomes a phrase. A one-character word
    matches whole words only ("Q" finds "Q 3", not every word starting with q),
    which keeps the first key stroke of a search cheap. None when nothing to search.
    """
    words = search_words(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + ('"*' if len(w) > 1 else '"') for w in words)


def like_pattern(word: str) -> str:
    """An ILIKE/LIKE pattern for `word` anywhere, with % _ and \\ taken literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _accent_table() -> tuple[str, str]:
    """Latin letters with diacritics (U+00C0–U+024F) and the ASCII letter each folds to."""
    source, target = [], []
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base != char and base.isascii():
            source.append(char)
            target.append(base)
    for char, base in zip("ØøĐđŁłÐð", "OoDdLlDd", strict=True):
        source.append(char)
        target.append(base)
    return "".join(source), "".join(target)


ACCENTED, UNACCENTED = _accent_table()
_FOLD = str.maketrans(ACCENTED, UNACCENTED)


def fold_accents(text: str) -> str:
    """`text` with its Latin diacritics removed, as `accent_folded` does in the database."""
    return text.translate(_FOLD)


def accent_folded(column: Any) -> Any:
    """SQL for `column` with its Latin diacritics removed (PostgreSQL's translate())."""
    return func.translate(column, ACCENTED, UNACCENTED)
