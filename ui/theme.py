"""Look and feel: Fusion style, a palette-based style sheet, a readable base font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from alignmeet.paths import resources_dir


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    try:
        qss = (resources_dir() / "style.qss").read_text(encoding="utf-8")
    except OSError:
        qss = ""
    app.setStyleSheet(qss)
    icon = resources_dir() / "icons" / "alignmeet.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
