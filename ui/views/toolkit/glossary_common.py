"""What the Glossary tab and the meeting's glossary panel share."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from ui.record_table import record_table

AREA = "glossary"


def glossary_table(name: str, model: object) -> QTableView:
    """A record table whose columns the user sizes (the definition takes the rest)."""
    return record_table(
        model,  # type: ignore[arg-type]
        name,
        row_height=32,
        resize=QHeaderView.ResizeMode.Interactive,
    )
