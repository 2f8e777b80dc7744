"""GoalService: the shared revenue goal, activity goals, KPIs, measurements, CSV import,
the dashboard and the minutes' KPI review section. Clock: Monday 2 March 2026."""

import pytest

from alignmeet.domain.enums import ItemKind, TeamTag
from alignmeet.domain.goals import Disposition, GoalKind, KpiStatus, Trend
from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Paragraph, Picture, Table
from alignmeet.services.base import NotFoundError


@pytest.fixture
def goals(services):
    return services.goals


def _revenue(goals, period="2026-Q1", **kw):
    kw.setdefault("title", "New ARR")
    kw.setdefault("target_value", 5_000_000)
    return goals.add_goal(kind=GoalKind.REVENUE, period=period, unit="$", **kw)


def _activity(goals, owner_id, **kw):
    kw.setdefault("title", "Joint webinar series")
    kw.setdefault("period", "2026-Q1")
    kw.setdefault("disposition", Disposition.CONTINUE)
    return goals.add_goal(kind=GoalKind.ACTIVITY, owner_id=owner_id, **kw)


@pytest.fixture
def kpis(goals):
    conversion = goals.add_kpi(name="MQL→SQL conversion", unit="%", target=30)
    speed = goals.add_kpi(name="Speed to lead", unit="h", target=1, higher_is_better=False)
    return conversion, speed


# ---- goals -----------------------------------------------------------------------------------


def test_one_revenue_goal_per_period(goals):
    first = _revenue(goals, period="2026-q1")
    assert first.period == "2026-Q1" and first.period_label == "Q1 2026"
    with pytest.raises(ValidationError) as info:
        _revenue(goals, title="Another number")
    assert info.value.field == "period"
    assert "Q1 2026 already has a revenue goal (“New ARR”)" in info.value.message
    # another period is fine, and an archived goal frees its period
    _revenue(goals, period="2026-Q2")
    goals.archive_goal(goal_id=first.id)
    assert _revenue(goals, title="Replacement").title == "Replacement"
    with pytest.raises(ValidationError):  # restoring would make two
        goals.archive_goal(goal_id=first.id, archived=False)


def test_revenue_goal_needs_a_positive_target(goals):
    with pytest.raises(ValidationError) as info:
        goals.add_goal(kind="revenue", title="ARR", period="2026-Q1")
    assert info.value.field == "target_value"
    with pytest.raises(ValidationError):
        _revenue(goals, target_value="-5")


def test_revenue_goal_of_a_month_is_the_quarter_goal(goals):
    goal = _revenue(goals, actual_value="1.250.000")
    assert goals.revenue_goal("2026-02").id == goal.id
    assert goals.revenue_goal("2026-04") is None
    assert goal.progress == pytest.approx(0.25)
    assert goal.describe() == "$5M target · $1.2M so far (25 %)"


def test_activity_goal_needs_owner_and_disposition(goals, people):
    with pytest.raises(ValidationError) as info:
        goals.add_goal(kind="activity", title="Webinars", period="2026-Q1", disposition="continue")
    assert (info.value.field, info.value.message) == (
        "owner_id",
        "Every activity goal needs an owner.",
    )
    with pytest.raises(ValidationError) as info:
        goals.add_goal(kind="activity", title="Webinars", period="2026-Q1", owner_id=people.ana.id)
    assert info.value.field == "disposition"
    with pytest.raises(ValidationError) as info:
        _activity(goals, people.ana.id, disposition="maybe")
    assert info.value.field == "disposition"
    with pytest.raises(ValidationError) as info:
        _activity(goals, people.ana.id, title="   ")
    assert info.value.message == "The activity goal cannot be empty."
    with pytest.raises(ValidationError) as info:
        _activity(goals, people.ana.id, period="next quarter")
    assert info.value.field == "period"
    with pytest.raises(NotFoundError):
        _activity(goals, 999)


def test_activity_goal_update_archive_and_delete(goals, people):
    goal = _activity(goals, people.ana.id, team_tag="joint", notes="  works ")
    assert (goal.owner_name, goal.disposition, goal.notes) == (
        "Ana López",
        Disposition.CONTINUE,
        "works",
    )
    changed = goals.update_goal(
        goal_id=goal.id, disposition="improve", owner_id=people.dev.id, team_tag="marketing"
    )
    assert (changed.disposition, changed.owner_name, changed.team_tag) == (
        Disposition.IMPROVE,
        "Dev Patel",
        TeamTag.MARKETING,
    )
    assert changed.title == goal.title  # untouched fields stay
    with pytest.raises(ValidationError):
        goals.update_goal(goal_id=goal.id, owner_id=None)
    goals.archive_goal(goal_id=goal.id)
    assert goals.list_goals() == []
    assert [g.id for g in goals.list_goals(include_archived=True)] == [goal.id]
    goals.delete_goal(goal_id=goal.id)
    with pytest.raises(NotFoundError):
        goals.get_goal(goal.id)


def test_list_goals_of_a_month_includes_the_quarter(goals, people):
    _revenue(goals)
    _activity(goals, people.ana.id, title="Webinars")
    _activity(goals, people.ben.id, title="Old campaign", period="2025-Q4")
    _activity(goals, people.ben.id, title="March push", period="2026-03")
    titles = [g.title for g in goals.list_goals(period="2026-03")]
    assert titles == ["March push", "New ARR", "Webinars"]


def test_deleting_a_goal_unlinks_its_actions(services, goals, people, new_meeting):
    goal = _activity(goals, people.ana.id)
    meeting = new_meeting()
    action = services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.ana.id, title="Book speaker", goal_id=goal.id
    )
    goals.delete_goal(goal_id=goal.id)
    assert services.actions.get_action(action.id).title == "Book speaker"


def test_goals_for_linking_current_first_then_recent_past(goals, people):
    _revenue(goals, period="2025-Q4")
    _revenue(goals, period="2026-Q1")
    _activity(goals, people.ana.id, title="Webinars")
    archived = _activity(goals, people.ana.id, title="Gone")
    goals.archive_goal(goal_id=archived.id)
    labels = [o.label for o in goals.goals_for_linking()]
    assert labels == [
        "Q1 2026 · Revenue: New ARR",
        "Q1 2026 · Webinars",
        "Q4 2025 · Revenue: New ARR",
    ]


# ---- KPIs and measurements -------------------------------------------------------------------


def test_kpi_names_are_unique_and_fields_validated(goals, kpis):
    with pytest.raises(ValidationError) as info:
        goals.add_kpi(name="  mql→sql   CONVERSION ")
    assert info.value.message == "There is already a KPI called “MQL→SQL conversion”."
    with pytest.raises(ValidationError) as info:
        goals.add_kpi(name="Win rate", target="lots")
    assert (info.value.field, info.value.message) == ("target", "Target: “lots” is not a number.")
    with pytest.raises(ValidationError) as info:
        goals.add_kpi(name="Win rate", period_kind="year")
    assert info.value.field == "period_kind"
    with pytest.raises(ValidationError):
        goals.add_kpi(name="")


def test_kpi_order_archive_and_delete(goals, kpis):
    conversion, speed = kpis
    rejected = goals.add_kpi(name="Leads rejected", higher_is_better=False)
    goals.move_kpi(kpi_id=rejected.id, to_position=0)
    assert [k.name for k in goals.list_kpis()] == [
        "Leads rejected",
        "MQL→SQL conversion",
        "Speed to lead",
    ]
    goals.archive_kpi(kpi_id=conversion.id)
    assert [k.id for k in goals.list_kpis()] == [rejected.id, speed.id]
    assert len(goals.list_kpis(include_archived=True)) == 3
    goals.record_measurement(kpi_id=speed.id, period="2026-02", value=2)
    goals.delete_kpi(kpi_id=speed.id)
    with pytest.raises(NotFoundError):
        goals.measurements(speed.id)


def test_record_measurement_replaces_the_periods_value(goals, kpis):
    conversion, _ = kpis
    first = goals.record_measurement(kpi_id=conversion.id, period="Feb 2026", value="23,5")
    assert (first.period, first.value, first.source) == ("2026-02", 23.5, "manual")
    second = goals.record_measurement(
        kpi_id=conversion.id, period="2026-02", value=27, target=28, note="after the pause"
    )
    assert second.id == first.id
    assert [(m.period, m.value, m.target) for m in goals.measurements(conversion.id)] == [
        ("2026-02", 27.0, 28.0)
    ]
    updated = goals.update_measurement(measurement_id=first.id, value="26", target=None)
    assert (updated.value, updated.target) == (26.0, None)
    goals.delete_measurement(measurement_id=first.id)
    assert goals.measurements(conversion.id) == []


def test_a_measurement_needs_a_period_of_the_kpis_kind_and_a_value(goals, kpis):
    conversion, _ = kpis
    with pytest.raises(ValidationError) as info:
        goals.record_measurement(kpi_id=conversion.id, period="2026-Q1", value=20)
    assert info.value.message.startswith("“2026-Q1” is a quarter, but this needs a month")
    with pytest.raises(ValidationError) as info:
        goals.record_measurement(kpi_id=conversion.id, period="2026-02", value="")
    assert (info.value.field, info.value.message) == ("value", "Enter the measured value.")


def test_period_kind_is_fixed_once_measured(goals, kpis):
    conversion, speed = kpis
    goals.update_kpi(kpi_id=speed.id, period_kind="week")  # nothing measured yet: fine
    goals.record_measurement(kpi_id=conversion.id, period="2026-02", value=20)
    with pytest.raises(ValidationError) as info:
        goals.update_kpi(kpi_id=conversion.id, period_kind="quarter")
    assert "already has 1 monthly measurements" in info.value.message


# ---- CSV import ------------------------------------------------------------------------------


def test_csv_from_excel_with_bom_semicolons_and_decimal_commas(goals, kpis):
    conversion, _speed = kpis
    goals.record_measurement(kpi_id=conversion.id, period="2026-01", value=22)
    text = (
        "\ufeffKPI;Period;Value;Target;Note\r\n"
        "MQL→SQL conversion;2026-01;23,5;;\r\n"
        'mql→sql conversion;Feb 2026;27;;"after the\nLinkedIn pause"\r\n'
        ";;;;\r\n"
        "Speed to lead;2026-02;3,67;1;\r\n"
    )
    preview = goals.preview_csv(text=text)
    assert preview.separator == ";"
    assert preview.ok, preview.problems
    assert [(r.line, r.change) for r in preview.rows] == [(2, "update"), (4, "new"), (6, "new")]
    assert preview.summary() == "3 rows ready: 2 new, 1 changed, 0 unchanged."
    result = goals.import_csv(text=text)
    assert (result.added, result.updated, result.unchanged) == (2, 1, 0)
    assert [(m.period, m.value, m.source) for m in goals.measurements(conversion.id)] == [
        ("2026-02", 27.0, "csv"),
        ("2026-01", 23.5, "csv"),
    ]
    assert goals.measurements(conversion.id)[0].note == "after the LinkedIn pause"
    assert goals.preview_csv(text=text).count("same") == 3


def test_csv_without_header_and_with_commas(goals, kpis):
    text = 'Speed to lead,2026-02,"1,5"\nSpeed to lead,2026-01,2.25\n'
    preview = goals.preview_csv(text=text)
    assert preview.separator == ","
    assert [r.value for r in preview.rows] == [1.5, 2.25]


def test_csv_with_problems_imports_nothing(goals, kpis):
    conversion, _ = kpis
    text = (
        "kpi,period,value\n"
        "MQL→SQL conversion,2026-02,27\n"
        "Win rate,2026-02,18\n"
        "MQL→SQL conversion,2026-Q1,27\n"
        "MQL→SQL conversion,2026-03,lots\n"
        "MQL→SQL conversion,2026-02,28\n"
        "MQL→SQL conversion,2026-01,\n"
    )
    preview = goals.preview_csv(text=text)
    assert not preview.ok
    assert [(r.line, r.problem) for r in preview.problems] == [
        (3, "There is no KPI called “Win rate”."),
        (4, "“2026-Q1” is a quarter, but this needs a month (e.g. 2026-11 or Nov 2026)."),
        (5, "Value: “lots” is not a number."),
        (6, "MQL→SQL conversion for Feb 2026 is already on line 2."),
        (7, "The value is missing."),
    ]
    with pytest.raises(ValidationError) as info:
        goals.import_csv(text=text)
    assert info.value.field == "csv"
    assert "5 of 6 rows have problems" in info.value.message
    assert "line 3: There is no KPI called “Win rate”." in info.value.message
    assert goals.measurements(conversion.id) == []


def test_csv_header_missing_a_column_is_explained(goals, kpis):
    with pytest.raises(ValidationError) as info:
        goals.preview_csv(text="KPI;Value\nSpeed to lead;3\n")
    assert "lacks the column Period" in info.value.message


def test_csv_empty_file(goals, kpis):
    assert goals.preview_csv(text="\n\n").summary() == "The file holds no measurements."
    with pytest.raises(ValidationError):
        goals.import_csv(text="")


def test_csv_file_from_disk(goals, kpis, tmp_path):
    path = tmp_path / "kpis.csv"
    path.write_bytes("KPI;Period;Value\r\nSpeed to lead;2026-02;3,5\r\n".encode("utf-8-sig"))
    assert goals.preview_csv_file(path=path).ok
    assert goals.import_csv_file(path=path).added == 1
    latin = tmp_path / "latin.csv"
    latin.write_bytes("KPI;Period;Value;Note\nSpeed to lead;2026-01;4;caf\xe9\n".encode("cp1252"))
    assert goals.preview_csv_file(path=latin).rows[0].note == "café"
    with pytest.raises(ValidationError) as info:
        goals.preview_csv_file(path=tmp_path / "missing.csv")
    assert "missing.csv cannot be read" in info.value.message


# ---- the dashboard ---------------------------------------------------------------------------


def test_dashboard_status_trend_and_history(goals, kpis, people):
    conversion, speed = kpis
    _revenue(goals)
    _activity(goals, people.ana.id)
    for period, conv, hours in (("2025-12", 29, 6), ("2026-01", 23, 3.7), ("2026-02", 27, 2.1)):
        goals.record_measurement(kpi_id=conversion.id, period=period, value=conv)
        goals.record_measurement(kpi_id=speed.id, period=period, value=hours)
    data = goals.dashboard("2026-02")
    assert (data.period, data.period_label) == ("2026-02", "Feb 2026")
    assert data.revenue_goal.title == "New ARR"
    assert [g.title for g in data.activity_goals] == ["Joint webinar series"]
    conv_row, speed_row = data.rows
    assert (conv_row.value, conv_row.previous, conv_row.status) == (27, 23, KpiStatus.NEAR)
    assert (conv_row.trend, conv_row.trend_text) == (Trend.BETTER, "▲ better")
    assert conv_row.vs_target_text == "Near target (−3 pts)"
    assert (speed_row.trend_text, speed_row.status) == ("▼ better", KpiStatus.OFF_TARGET)
    assert len(conv_row.history) == 12
    assert conv_row.history[-1].label == "Feb 26"
    assert [p.value for p in conv_row.history[-3:]] == [29, 23, 27]


def test_dashboard_of_a_period_without_values_shows_the_latest_earlier_one(goals, kpis):
    conversion, _ = kpis
    goals.record_measurement(kpi_id=conversion.id, period="2026-01", value=31)
    row = goals.dashboard().rows[0]  # this month: March 2026
    assert (row.period, row.value_period, row.is_earlier) == ("2026-03", "2026-01", True)
    assert row.value_text == "31 % (Jan 2026)"
    assert row.status is KpiStatus.ON_TARGET
    empty = goals.dashboard("2025-06").rows[0]
    assert (empty.value, empty.status, empty.value_text) == (None, KpiStatus.NO_DATA, "—")


def test_a_periods_own_target_overrides_the_kpis(goals, kpis):
    conversion, _ = kpis
    goals.record_measurement(kpi_id=conversion.id, period="2026-02", value=26, target=25)
    row = goals.dashboard("2026-02").rows[0]
    assert (row.target, row.status) == (25, KpiStatus.ON_TARGET)


def test_quarterly_kpis_show_the_quarter_of_the_month(goals):
    kpi = goals.add_kpi(name="Win rate", unit="%", target=20, period_kind="quarter")
    goals.record_measurement(kpi_id=kpi.id, period="2025-Q4", value=18)
    row = goals.dashboard("2025-11").rows[0]
    assert (row.period, row.value, row.period_label) == ("2025-Q4", 18, "Q4 2025")
    assert row.history[-1].label == "Q4 25"


def test_archived_kpis_leave_the_dashboard(goals, kpis):
    goals.archive_kpi(kpi_id=kpis[0].id)
    assert [r.kpi.name for r in goals.dashboard_data(None).rows] == ["Speed to lead"]


# ---- the minutes -----------------------------------------------------------------------------


def test_no_section_without_a_kpi_review_item(services, goals, kpis, new_meeting):
    meeting = new_meeting()
    services.agenda.add_item(meeting_id=meeting.id, title="Campaigns", kind=ItemKind.REGULAR)
    assert goals.minutes_sections(meeting.id) == ()


def test_a_parked_kpi_review_adds_no_section(services, goals, kpis, new_meeting):
    meeting = new_meeting()
    item = services.agenda.add_item(meeting_id=meeting.id, title="KPIs", kind=ItemKind.KPI_REVIEW)
    services.agenda.park_item(item_id=item.id)
    assert goals.minutes_sections(meeting.id) == ()


def test_kpi_review_section_for_the_meetings_period(services, goals, kpis, people, new_meeting):
    conversion, speed = kpis
    _revenue(goals, actual_value=1_000_000)
    _activity(goals, people.chloe.id, disposition="eliminate", title="LinkedIn forms")
    goals.record_measurement(kpi_id=conversion.id, period="2026-03", value=31, note="best month")
    goals.record_measurement(kpi_id=speed.id, period="2026-02", value=2.5)
    meeting = new_meeting(day=3)  # 5 March 2026
    services.agenda.add_item(meeting_id=meeting.id, title="KPIs", kind=ItemKind.KPI_REVIEW)
    (section,) = goals.minutes_sections(meeting.id)
    assert section.heading == "KPI review"
    blocks = section.blocks
    assert blocks[0] == Paragraph("Reviewed for Mar 2026.", muted=True)
    assert blocks[1] == Paragraph(
        "New ARR — $5M target · $1M so far (20 %)", label="Shared revenue goal: "
    )
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.header == ("KPI", "Target", "Actual", "vs target", "Trend")
    assert table.rows == (
        ("MQL→SQL conversion", "≥ 30 %", "31 %", "On target (+1 pts)", "—"),
        ("Speed to lead", "≤ 1 h", "2.5 h (Feb 2026)", "Off target (+150 %)", "—"),
    )
    assert Paragraph("MQL→SQL conversion: best month", muted=True) in blocks
    picture = next(b for b in blocks if isinstance(b, Picture))
    assert picture.png.startswith(b"\x89PNG") and picture.width_cm == 16.0
    activity = [b for b in blocks if isinstance(b, Table)][-1]
    assert activity.rows == (("LinkedIn forms", "Chloé Martin", "Eliminate"),)


def test_minutes_section_of_a_missing_meeting(goals):
    with pytest.raises(NotFoundError):
        goals.minutes_sections(999)
