"""Ideas captured on one agenda item, each with who said it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from alignmeet.domain.bidi import closing
from alignmeet.domain.records import IdeaRecord
from ui.models.record_table_model import Column, RecordTableModel, elided, plain_tooltip

LIST_CHARACTERS = 160  # of an idea or a decision in the meeting's lists; all in the tooltip


def idea_text(idea: IdeaRecord) -> str:
    # closed: an override typed into the idea (on a phone, say) cannot reverse the name
    if not idea.author_name:
        return idea.text
    return f"{idea.text}{closing(idea.text)} — {idea.author_name}"


def idea_line(idea: IdeaRecord) -> str:
    """As in the list: a long idea elided, who said it kept."""
    text = elided(idea.text, LIST_CHARACTERS)
    return f"{text}{closing(text)} — {idea.author_name}" if idea.author_name else text


class IdeasModel(RecordTableModel[IdeaRecord]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Idea"),
            idea_line,
            tooltip=lambda i: plain_tooltip(idea_text(i)),
        ),
    )
