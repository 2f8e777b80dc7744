"""What the Glossary tab and the meeting's glossary panel share."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QHeaderView

from ui.record_table import record_table

AREA = "glossary"

# A record table whose columns the user sizes (the definition takes the rest).
glossary_table = partial(record_table, row_height=32, resize=QHeaderView.ResizeMode.Interactive)
