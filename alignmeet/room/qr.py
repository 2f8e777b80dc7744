"""The room's address as a QR code (segno: pure Python, no Pillow needed), for the
facilitator's panel and the audience (presenter) window."""

from __future__ import annotations

import io


def qr_png(text: str, size: int = 320, *, dark: str = "#000000", light: str = "#ffffff") -> bytes:
    """A PNG of `text` as a QR code, about `size` pixels square (whole modules, quiet zone
    included: never smaller than 1 pixel a module)."""
    import segno

    code = segno.make(text, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(1, size // modules), border=4, dark=dark, light=light)
    return buffer.getvalue()


def qr_svg(text: str) -> str:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="svg", scale=8, border=4)
    return buffer.getvalue().decode("utf-8")
