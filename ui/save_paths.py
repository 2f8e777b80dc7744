"""Asking where to save a file, and file names made from user text: one way for every page
that saves something (minutes, e-mail, checklists, PDFs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def safe_name(text: str) -> str:
    """`text` fit for a file name: letters, digits, spaces, "-" and "_" kept, every other
    character made "_"; "" when nothing is left."""
    return "".join(c if c.isalnum() or c in " -_" else "_" for c in text).strip()


def ask_save_path(
    parent: QWidget,
    title: str,
    suggested: Path | str,
    file_filter: str,
    suffix: str | None = None,
) -> Path | None:
    """Where to save (None when cancelled); `suffix` (by default the suggested name's) is
    added when the chosen name lacks it."""
    text, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    if not text:
        return None
    path = Path(text)
    wanted = Path(suggested).suffix if suffix is None else suffix
    return path if path.suffix.lower() == wanted else path.with_name(path.name + wanted)
