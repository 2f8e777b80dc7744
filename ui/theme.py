"""Look and feel: Fusion style, a palette-based style sheet, a readable base font.

Light and dark follow the system: Fusion takes the system's colour scheme, the style
sheet uses palette roles, and the few status colours (ui/colors.py) are chosen for the
palette — again whenever the system switches scheme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from alignmeet.paths import resources_dir
from ui.colors import is_dark, shade


def apply_theme(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Style `app`; `scheme` forces light or dark (screenshots), else the system's."""
    app.setStyle("Fusion")
    if scheme is not None:
        app.styleHints().setColorScheme(scheme)
        # A platform without colour schemes (offscreen, older desktops) ignores the
        # request: then set the palette ourselves.
        if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
            app.setPalette(dark_palette())
        elif scheme == Qt.ColorScheme.Light and is_dark(app.palette()):
            app.setPalette(app.style().standardPalette())
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    _apply_style_sheet(app)
    if not app.property("alignmeet_theme_hooked"):
        app.setProperty("alignmeet_theme_hooked", True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply_style_sheet(app))
    icon = resources_dir() / "icons" / "alignmeet.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def dark_palette() -> QPalette:
    """Fusion's dark palette, for platforms that cannot report a dark scheme."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#2b2d30"),
        (roles.WindowText, "#e8eaed"),
        (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#26282b"),
        (roles.ToolTipBase, "#2b2d30"),
        (roles.ToolTipText, "#e8eaed"),
        (roles.Text, "#e8eaed"),
        (roles.Button, "#3a3c40"),
        (roles.ButtonText, "#e8eaed"),
        (roles.BrightText, "#ffffff"),
        (roles.Highlight, "#3d7bd9"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#8ab4f8"),
        (roles.PlaceholderText, "#9aa0a6"),
        (roles.Light, "#4a4d52"),
        (roles.Midlight, "#404347"),
        (roles.Mid, "#55585d"),
        (roles.Dark, "#1a1b1e"),
        (roles.Shadow, "#000000"),
    ):
        p.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8489"))
    return p


def style_sheet() -> str:
    """resources/style.qss with its status colours filled in for the current palette."""
    try:
        qss = (resources_dir() / "style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
    for meaning in ("bad", "good", "warn", "info", "muted"):
        qss = qss.replace(f"@{meaning}@", shade(meaning))
    return qss


def _apply_style_sheet(app: QApplication) -> None:
    app.setStyleSheet(style_sheet())
