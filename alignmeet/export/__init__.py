"""Files AlignMeet writes for people: Word minutes, and the helpers every export shares.

Importing this package is cheap: python-docx is only imported by the modules that need it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ExportError"]


class ExportError(Exception):
    """An export could not be written. The message is meant for the user as is.

    It names the file or folder and says what to do; `path` is that file, when known.
    """

    def __init__(self, message: str, *, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
