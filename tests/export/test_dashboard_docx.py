"""The dashboard report: a Word document read back with python-docx (tables, one inline
chart per KPI, text exactly as given) and a PNG overview; both written atomically."""

import io
from datetime import datetime

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.goals import (
    DashboardData,
    Disposition,
    GoalKind,
    GoalRecord,
    KpiPoint,
    KpiRecord,
    KpiRow,
    KpiStatus,
    Trend,
)
from alignmeet.domain.periods import PeriodKind
from alignmeet.export import ExportError
from alignmeet.export.dashboard_docx import (
    dashboard_document_bytes,
    write_dashboard,
    write_dashboard_png,
)
from alignmeet.export.sanitize import clean_text

NOW = datetime(2026, 11, 18, 9, 0)


def _goal(kind, title, disposition=None, owner="Liam O'Brien"):
    return GoalRecord(
        id=1,
        kind=kind,
        title=title,
        period="2026-Q4",
        period_label="Q4 2026",
        target_value=5_400_000 if kind is GoalKind.REVENUE else None,
        actual_value=2_600_000 if kind is GoalKind.REVENUE else None,
        unit="$" if kind is GoalKind.REVENUE else "",
        disposition=disposition,
        team_tag=TeamTag.JOINT,
        owner_id=1,
        owner_name=owner,
        notes="",
        archived=False,
        created_at=NOW,
    )


def _row(name, unit, value, target, higher=True, status=KpiStatus.NEAR):
    kpi = KpiRecord(
        id=1,
        name=name,
        description=f"What {name} counts",
        unit=unit,
        higher_is_better=higher,
        target=target,
        period_kind=PeriodKind.MONTH,
        team_tag=TeamTag.JOINT,
        position=1,
        archived=False,
    )
    history = tuple(
        KpiPoint(period=f"2026-{m:02d}", label=f"M{m}", value=value * (0.8 + m / 50), target=target)
        for m in range(1, 12)
    )
    return KpiRow(
        kpi=kpi,
        period="2026-11",
        period_label="Nov 2026",
        value=value,
        value_period="2026-10",
        value_period_label="Oct 2026",
        target=target,
        status=status,
        previous=value * 0.9,
        trend=Trend.BETTER,
        direction="up",
        note="",
        history=history,
    )


@pytest.fixture
def data():
    return DashboardData(
        period="2026-11",
        period_label="Nov 2026",
        generated_at=NOW,
        revenue_goal=_goal(GoalKind.REVENUE, "New ARR from new customers"),
        activity_goals=(
            _goal(GoalKind.ACTIVITY, "Joint webinars", Disposition.CONTINUE),
            _goal(GoalKind.ACTIVITY, "LinkedIn forms", Disposition.ELIMINATE, owner="<b>Amara</b>"),
        ),
        rows=(
            _row("MQL→SQL conversion", "%", 29.1, 30),
            _row("Speed to lead", "h", 1.77, 1, higher=False, status=KpiStatus.OFF_TARGET),
        ),
    )


def _read(raw: bytes):
    return docx.Document(io.BytesIO(raw))


def test_report_has_title_goal_tables_and_one_chart_per_kpi(data, tmp_path):
    path = write_dashboard(data, tmp_path / "dashboard.docx")
    doc = docx.Document(path)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Shared Sales & Marketing dashboard"
    assert doc.paragraphs[0].style.name == "Title"
    assert "Nov 2026 · generated 18 Nov 2026 · 1 near target, 1 off target" in texts
    assert "New ARR from new customers  (Q4 2026)" in texts
    assert "Progress: $5.4M target · $2.6M so far (48 %)" in texts
    kpi_table, goal_table = doc.tables
    assert [c.text for c in kpi_table.rows[0].cells] == [
        "KPI",
        "Target",
        "Actual",
        "vs target",
        "Trend",
    ]
    assert [c.text for c in kpi_table.rows[2].cells] == [
        "Speed to lead\nlower is better",
        "≤ 1 h",
        "1.77 h (Oct 2026)",
        "Off target (+77 %)",
        "▲ better",
    ]
    assert [c.text for c in goal_table.rows[2].cells] == [
        "LinkedIn forms",
        "<b>Amara</b>",
        "Joint",
        "Eliminate",
    ]
    assert len(doc.inline_shapes) == 2
    for shape in doc.inline_shapes:
        assert shape.width > 0 and shape.height > 0
    blips = [r.target_part.blob for r in doc.part.rels.values() if "image" in r.reltype]
    assert len(blips) == 2 and all(b.startswith(b"\x89PNG") for b in blips)
    ids = [el.get("id") for el in doc.element.body.iter() if el.tag.endswith("}docPr")]
    assert len(set(ids)) == len(ids) == 2  # each picture has its own id
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["MQL→SQL conversion", "Speed to lead"]


def test_report_without_goal_or_kpis(data):
    empty = DashboardData(
        period="2026-11",
        period_label="Nov 2026",
        generated_at=NOW,
        revenue_goal=None,
        activity_goals=(),
        rows=(),
    )
    doc = _read(dashboard_document_bytes(empty))
    texts = [p.text for p in doc.paragraphs]
    assert "No revenue goal is set for Nov 2026." in texts
    assert "No KPIs are defined yet." in texts
    assert doc.tables == [] and len(doc.inline_shapes) == 0


def test_png_report(data, tmp_path):
    path = write_dashboard_png(data, tmp_path / "dashboard.png", width=1000)
    image = Image.open(path)
    assert image.format == "PNG" and image.width == 1000 and image.height > 600


def test_a_failed_export_keeps_the_old_file(data, tmp_path):
    folder = tmp_path / "missing"
    with pytest.raises(ExportError) as info:
        write_dashboard(data, folder / "dashboard.docx")
    assert "does not exist" in str(info.value)
    target = tmp_path / "dashboard.docx"
    target.write_bytes(b"old")
    target_dir = tmp_path / "dashboard.png"
    target_dir.mkdir()
    with pytest.raises(ExportError):
        write_dashboard_png(data, target_dir)
    assert target.read_bytes() == b"old"


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=60))
def test_any_text_reaches_the_report(data, text):
    odd = DashboardData(
        period=data.period,
        period_label=data.period_label,
        generated_at=NOW,
        revenue_goal=_goal(GoalKind.REVENUE, text or "x"),
        activity_goals=(_goal(GoalKind.ACTIVITY, text or "x", Disposition.IMPROVE, owner=text),),
        rows=(_row(text or "x", "%", 10, 20),),
        title=text,
    )
    doc = _read(dashboard_document_bytes(odd))
    cell = doc.tables[1].rows[1].cells[1].text
    assert cell == (clean_text(text) if text else "—")
