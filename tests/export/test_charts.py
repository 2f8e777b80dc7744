"""KPI charts drawn with Pillow: real PNGs of the asked size, something drawn, no crash on
odd data."""

import io
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.goals import DashboardData, KpiPoint, KpiRecord, KpiRow, KpiStatus, Trend
from alignmeet.domain.periods import PeriodKind
from alignmeet.export.charts import (
    STATUS_COLOURS,
    dashboard_chart_png,
    dashboard_overview_png,
    kpi_chart_png,
    nice_ticks,
)


def _points(values, target=30.0):
    labels = ["Oct 26", "Nov 26", "Dec 26", "Jan 27"]
    return [
        KpiPoint(period=f"p{i}", label=labels[i % 4], value=v, target=target)
        for i, v in enumerate(values)
    ]


def _image(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(png)).convert("RGB")


def _colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return {c for _n, c in image.getcolors(maxcolors=1_000_000)}


def test_bar_chart_has_the_size_asked_and_bars_coloured_by_status():
    png = kpi_chart_png(
        title="MQL→SQL conversion",
        points=_points([31, 28, 20, None]),
        unit="%",
        width=600,
        height=300,
    )
    image = _image(png)
    assert image.size == (600, 300)
    colours = _colours(image)
    for status in (KpiStatus.ON_TARGET, KpiStatus.NEAR, KpiStatus.OFF_TARGET):
        assert STATUS_COLOURS[status] in colours


def test_lower_is_better_turns_the_colours_around():
    image = _image(
        kpi_chart_png(
            title="Speed to lead",
            points=_points([0.5, 4.0], target=1.0),
            unit="h",
            higher_is_better=False,
        )
    )
    assert STATUS_COLOURS[KpiStatus.ON_TARGET] in _colours(image)
    assert STATUS_COLOURS[KpiStatus.OFF_TARGET] in _colours(image)


def test_line_chart_and_a_chart_without_data():
    assert _image(kpi_chart_png(title="x", points=_points([1, 2, 3]), style="line")).size == (
        900,
        420,
    )
    empty = _image(kpi_chart_png(title="Nothing yet", points=_points([None, None], target=None)))
    assert len(_colours(empty)) > 2  # the title and the "no measurements" line are drawn


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 34, [0, 10, 20, 30, 40]),
        (0, 1_944_000, [0, 500_000, 1_000_000, 1_500_000, 2_000_000]),
        (0, 9.5, [0, 2.5, 5, 7.5, 10]),
        (5, 5, [4.5, 4.75, 5.0, 5.25, 5.5]),  # a flat line gets some room
    ],
)
def test_nice_ticks(low, high, ticks):
    assert nice_ticks(low, high) == pytest.approx(ticks)


def _row(name, values, unit="%", target=30.0, higher=True):
    kpi = KpiRecord(
        id=1,
        name=name,
        description="",
        unit=unit,
        higher_is_better=higher,
        target=target,
        period_kind=PeriodKind.MONTH,
        team_tag=TeamTag.JOINT,
        position=1,
        archived=False,
    )
    return KpiRow(
        kpi=kpi,
        period="2026-11",
        period_label="Nov 2026",
        value=values[-1],
        value_period="2026-11",
        value_period_label="Nov 2026",
        target=target,
        status=KpiStatus.NEAR,
        previous=values[-2],
        trend=Trend.BETTER,
        direction="up",
        note="",
        history=tuple(_points(values, target)),
    )


def _data(rows):
    return DashboardData(
        period="2026-11",
        period_label="Nov 2026",
        generated_at=datetime(2026, 11, 18, 9, 0),
        revenue_goal=None,
        activity_goals=(),
        rows=tuple(rows),
    )


def test_dashboard_pictures_grow_with_the_kpis():
    one = _image(dashboard_chart_png(_data([_row("A", [1, 2])])))
    three = _image(dashboard_chart_png(_data([_row(n, [1, 2]) for n in "ABC"])))
    assert three.width == one.width and three.height > one.height
    overview = _image(dashboard_overview_png(_data([_row("A", [1, 2])]), width=1200))
    assert overview.width == 1200


@settings(max_examples=25, deadline=None)
@given(
    title=st.text(max_size=80),
    values=st.lists(
        st.one_of(st.none(), st.floats(min_value=-1e9, max_value=1e9)), min_size=1, max_size=14
    ),
    target=st.one_of(st.none(), st.floats(min_value=-1e9, max_value=1e9)),
    unit=st.sampled_from(["", "%", "$", "h", "leads", "<b>x</b>"]),
)
def test_any_data_draws_a_picture(title, values, target, unit):
    png = kpi_chart_png(
        title=title, points=_points(values, target), unit=unit, width=400, height=220
    )
    assert _image(png).size == (400, 220)
