"""Demo goals and KPIs: a newcomer opens the dashboard and sees it filled in, consistent
with what the demo meetings' notes say."""

from datetime import date, datetime

import pytest

from alignmeet.demo import build_demo
from alignmeet.domain.goals import Disposition, GoalKind, KpiStatus, Trend
from alignmeet.domain.periods import period_containing
from alignmeet.domain.sections import Picture, Table
from alignmeet.services import Services
from alignmeet.storage.database import open_database

TODAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services(
        open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"),
        clock=lambda: datetime(2026, 3, 4, 12, 0),
    )
    summary = build_demo(services, today=TODAY)
    ctx = summary.context
    written = summary.toolkit["goals"]  # build_demo seeds the toolkit
    yield services, ctx, written
    services.close()


def test_what_was_written(demo):
    _services, _ctx, written = demo
    assert written == {
        "revenue_goals": 2,
        "activity_goals": 4,
        "kpis": 4,
        "kpi_measurements": 48,
    }


def test_a_revenue_goal_for_this_quarter_and_the_last(demo):
    services, _ctx, _written = demo
    revenue = services.goals.list_goals(kind=GoalKind.REVENUE)
    assert [g.period for g in revenue] == ["2026-Q1", "2025-Q4"]
    assert all(g.target_value and g.actual_value and g.owner_name for g in revenue)
    last = revenue[1]
    assert last.actual_value < last.target_value  # missed, as its notes say


def test_activity_goals_with_each_disposition_and_an_owner(demo):
    services, ctx, _written = demo
    activity = services.goals.list_goals(kind=GoalKind.ACTIVITY)
    assert {g.disposition for g in activity} == set(Disposition)
    members = set(ctx.member_ids.values())
    assert all(g.owner_id in members for g in activity)


def test_four_kpis_with_a_year_of_months(demo):
    services, _ctx, _written = demo
    kpis = services.goals.list_kpis()
    assert [(k.name, k.unit, k.higher_is_better) for k in kpis] == [
        ("MQL→SQL conversion", "%", True),
        ("Speed to lead", "h", False),
        ("Leads rejected by Sales", "leads", False),
        ("Pipeline from marketing", "$", True),
    ]
    for kpi in kpis:
        periods = [m.period for m in services.goals.measurements(kpi.id)]
        assert periods[0] == "2026-02" and periods[-1] == "2025-03"
        assert len(periods) == 12


def test_the_numbers_agree_with_the_meeting_notes(demo):
    services, ctx, _written = demo
    before_first, before_second = (
        period_containing("month", d).previous().key for d in ctx.meeting_days[:2]
    )
    data = {k.name: services.goals.measurements(k.id) for k in services.goals.list_kpis()}

    def value(name, period):
        return next(m.value for m in data[name] if m.period == period)

    assert value("MQL→SQL conversion", before_first) == 23
    assert value("MQL→SQL conversion", before_second) == 27
    assert value("Speed to lead", before_second) == pytest.approx(3.67)
    assert value("Pipeline from marketing", before_first) == 1_300_000
    assert value("Pipeline from marketing", before_second) == 1_600_000


def test_the_dashboard_is_full(demo):
    services, _ctx, _written = demo
    data = services.goals.dashboard()
    assert data.revenue_goal is not None and data.revenue_goal.period == "2026-Q1"
    assert len(data.activity_goals) == 4
    assert all(r.value is not None for r in data.rows)
    assert all(r.status is not KpiStatus.NO_DATA for r in data.rows)
    assert all(r.trend is not Trend.NONE for r in data.rows)
    assert all(sum(p.value is not None for p in r.history) == 11 for r in data.rows)


def test_the_held_meetings_minutes_show_the_kpi_review(demo):
    services, ctx, _written = demo
    for meeting_id in ctx.held_meeting_ids:
        (section,) = services.goals.minutes_sections(meeting_id)
        table = next(b for b in section.blocks if isinstance(b, Table))
        assert len(table.rows) == 4
        assert any(isinstance(b, Picture) for b in section.blocks)
