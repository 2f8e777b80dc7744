"""Light and dark follow the system: palette roles everywhere, and the few status
colours chosen for the palette with enough contrast (issue 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui.colors import _SHADES, color, is_dark
from ui.theme import apply_theme, dark_palette, style_sheet

UI = Path(__file__).resolve().parents[2] / "ui"
# Files allowed to name colours: the palette-aware table, the dark palette itself, and the
# audience window (a projector display with its own fixed high-contrast scheme).
ALLOWED = {"colors.py", "theme.py", "presenter.py", "audience_window.py"}


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_no_hard_coded_colours_in_the_ui_code() -> None:
    offenders = [
        f"{path.relative_to(UI)}:{n}"
        for path in UI.rglob("*.py")
        if path.name not in ALLOWED
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#[0-9a-fA-F]{6}\b", line)
    ]
    assert offenders == []


@pytest.mark.parametrize("meaning", sorted(_SHADES))
def test_status_colours_are_readable_on_light_and_dark(meaning: str) -> None:
    light = QApplication.style().standardPalette()
    dark = dark_palette()
    assert not is_dark(light) and is_dark(dark)
    for palette in (light, dark):
        base = palette.color(QPalette.ColorRole.Base)
        assert contrast(color(meaning, palette), base) >= 4.5, (meaning, base.name())
    assert color(meaning, light) != color(meaning, dark)


def test_the_style_sheet_gets_the_shades_of_the_palette(qapp: QApplication) -> None:
    try:
        apply_theme(qapp, Qt.ColorScheme.Dark)
        sheet = style_sheet()
        assert "@" not in sheet
        assert _SHADES["bad"][1] in sheet
        apply_theme(qapp, Qt.ColorScheme.Light)
        assert _SHADES["bad"][0] in style_sheet()
    finally:
        apply_theme(qapp, Qt.ColorScheme.Light)
