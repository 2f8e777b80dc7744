"""Status colours that read well in light and dark: one place, chosen by the palette.

Everything else comes from the palette (style.qss uses palette roles only). These are
the few colours with a meaning — late, done, warning — in a darker shade on light
backgrounds and a lighter one on dark backgrounds, each at least 4.5:1 against the
palette's base colour.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# meaning: (on light, on dark)
_SHADES: dict[str, tuple[str, str]] = {
    "bad": ("#c62828", "#ff8a80"),  # overdue, overtime, off target, errors
    "good": ("#2e7d32", "#81c784"),  # done, committed, on target
    "warn": ("#a65f00", "#ffb74d"),  # due soon, near target, the last minute
    "info": ("#1f5ea8", "#8ab4f8"),  # no target
    "muted": ("#5f6670", "#b0b8c0"),  # no data
}


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark (a dark system theme)."""
    if palette is None:
        app = QGuiApplication.instance()
        palette = QGuiApplication.palette() if app is not None else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def shade(meaning: str, palette: QPalette | None = None) -> str:
    """The colour (#rrggbb) for `meaning` on the current palette."""
    light, dark = _SHADES[meaning]
    return dark if is_dark(palette) else light


def color(meaning: str, palette: QPalette | None = None) -> QColor:
    return QColor(shade(meaning, palette))
