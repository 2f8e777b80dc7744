"""Shared goals, KPIs and their measurements."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m
from alignmeet.storage.queries import tables

__all__ = [
    "actions_serving",
    "delete_measurements",
    "goals",
    "kpi_by_key",
    "kpi_reviews",
    "kpis",
    "measurement",
    "measurement_count",
    "measurements",
    "measurements_of",
]


def goals(
    s: Session,
    *,
    kind: str | None = None,
    period: str | None = None,
    include_archived: bool = True,
) -> list[m.Goal]:
    """Goals (of one kind, of one period key; archived ones only when asked)."""
    query = select(m.Goal)
    if kind is not None:
        query = query.where(m.Goal.kind == kind)
    if period is not None:
        query = query.where(m.Goal.period == period)
    if not include_archived:
        query = query.where(m.Goal.archived.is_(False))
    return list(s.scalars(query).all())


def actions_serving(s: Session, goal_id: int) -> list[m.Action]:
    """The actions that serve a goal."""
    return list(s.scalars(select(m.Action).where(m.Action.goal_id == goal_id)))


def kpis(s: Session, *, include_archived: bool = True, ordered: bool = True) -> list[m.Kpi]:
    """KPIs in their order on the dashboard (archived ones only when asked)."""
    query = select(m.Kpi)
    if ordered:
        query = query.order_by(m.Kpi.position, m.Kpi.id)
    if not include_archived:
        query = query.where(m.Kpi.archived.is_(False))
    return list(s.scalars(query))


def kpi_by_key(s: Session, key: str) -> m.Kpi | None:
    """The KPI whose name reads as `key` (alignmeet.domain.rules.name_key)."""
    return s.scalar(select(m.Kpi).where(m.Kpi.name_key == key))


def measurement_count(s: Session, kpi_id: int) -> int:
    """How many measurements a KPI has."""
    return tables.count(s, m.KpiMeasurement, m.KpiMeasurement.kpi_id == kpi_id)


def delete_measurements(s: Session, kpi_id: int) -> None:
    """Remove every measurement of a KPI (before the KPI itself)."""
    s.execute(delete(m.KpiMeasurement).where(m.KpiMeasurement.kpi_id == kpi_id))


def measurements_of(s: Session, kpi_id: int) -> list[m.KpiMeasurement]:
    """A KPI's measurements, newest period first."""
    return list(
        s.scalars(
            select(m.KpiMeasurement)
            .where(m.KpiMeasurement.kpi_id == kpi_id)
            .order_by(m.KpiMeasurement.period.desc())
        )
    )


def measurement(s: Session, kpi_id: int, period: str) -> m.KpiMeasurement | None:
    """A KPI's measurement of one period."""
    return s.scalar(
        select(m.KpiMeasurement).where(
            m.KpiMeasurement.kpi_id == kpi_id, m.KpiMeasurement.period == period
        )
    )


def measurements(
    s: Session,
    kpi_ids: Iterable[int] | None = None,
    *,
    recorded_by: datetime | None = None,
    by_period: bool = False,
) -> list[m.KpiMeasurement]:
    """Measurements (of these KPIs, recorded by `recorded_by`; by period when asked)."""
    query = select(m.KpiMeasurement)
    if kpi_ids is not None:
        query = query.where(m.KpiMeasurement.kpi_id.in_(list(kpi_ids)))
    if recorded_by is not None:
        query = query.where(m.KpiMeasurement.recorded_at <= recorded_by)
    if by_period:
        query = query.order_by(m.KpiMeasurement.period)
    return list(s.scalars(query))


def kpi_reviews(s: Session, meeting_id: int, kind: str) -> int:
    """How many items of the meeting, not parked, are of `kind` (the KPI review)."""
    return tables.count(
        s,
        m.AgendaItem,
        m.AgendaItem.meeting_id == meeting_id,
        m.AgendaItem.kind == kind,
        m.AgendaItem.parked.is_(False),
    )
