"""What a KPI chart looks like wherever it is drawn — the Word report's pictures
(alignmeet/export/charts.py) and the Goals view on screen: the colour of each status and
round values for the axis."""

from __future__ import annotations

import math

from alignmeet.domain.goals import KpiStatus

__all__ = ["STATUS_COLOURS", "nice_ticks"]

STATUS_COLOURS: dict[KpiStatus, tuple[int, int, int]] = {
    KpiStatus.ON_TARGET: (46, 125, 50),
    KpiStatus.NEAR: (230, 145, 0),
    KpiStatus.OFF_TARGET: (198, 40, 40),
    KpiStatus.NO_TARGET: (31, 94, 168),
    KpiStatus.NO_DATA: (173, 181, 189),
}


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high (about `count` of them)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high < low:
        low, high = high, low
    if math.isclose(low, high, abs_tol=1e-9):
        pad = abs(high) * 0.1 if abs(high) > 1e-9 else 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 2.5, 5, 10) if f * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks
