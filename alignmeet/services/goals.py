"""Shared goals and KPIs: the revenue goal, mutual activity goals, KPI definitions, their
measurements per period (typed or imported from CSV), and the common dashboard."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from alignmeet.domain.bidi import cut_line
from alignmeet.domain.enums import ItemKind, TeamTag
from alignmeet.domain.goals import (
    CsvImportResult,
    CsvPreview,
    CsvPreviewRow,
    DashboardData,
    Disposition,
    GoalKind,
    GoalOption,
    GoalRecord,
    KpiPoint,
    KpiRecord,
    KpiRow,
    MeasurementRecord,
    check_measured_period,
    kpi_status,
    kpi_trend,
    parse_number,
    validate_unit,
)
from alignmeet.domain.periods import Period, PeriodKind, parse_period, period_containing
from alignmeet.domain.rules import (
    MAX_TITLE,
    ValidationError,
    name_key,
    optional_text,
    require_text,
)
from alignmeet.domain.sections import DocSection, Paragraph, Picture, Table
from alignmeet.i18n import _, ngettext
from alignmeet.services.base import ServiceBase, member_name, side_effect, versioned_write
from alignmeet.services.base import given as given_fields
from alignmeet.services.csv_reader import CsvLimits, CsvText, read_csv, read_csv_file
from alignmeet.storage import models as m
from alignmeet.storage.queries import goals as q
from alignmeet.storage.queries import tables

__all__ = ["DEFAULT_HISTORY", "GoalService"]

_UNSET: Any = object()
DEFAULT_HISTORY = 12  # periods on a KPI's chart
MINUTES_CHART_CM = 16.0  # how wide the KPI charts are printed in the minutes
MAX_CSV_BYTES = 5_000_000
MAX_CSV_ROWS = 20_000
_KPI_LIMITS = CsvLimits(
    max_bytes=MAX_CSV_BYTES,
    max_rows=MAX_CSV_ROWS,
    too_large=lambda: _("The file is too large for a KPI import (over 5 MB)."),
    too_large_file=lambda: _("{path} is too large for a KPI import (over 5 MB)."),
    too_many_rows=lambda: _("The file has more than {most} rows: split it up."),
)
_CSV_COLUMNS = {
    "kpi": ("kpi", "kpi name", "name", "metric", "indicator"),
    "period": ("period", "month", "quarter", "week"),
    "value": ("value", "actual", "measurement", "result"),
    "target": ("target", "goal"),
    "note": ("note", "notes", "comment", "comments"),
}


class GoalService(ServiceBase):
    # Measurements recorded after this moment are left out of the dashboards (None: all):
    # set by the minutes service when it gathers a meeting's minutes as they stood when it
    # closed (see MinutesService.record_past_close).
    as_of: datetime | None = None

    # ---- helpers -----------------------------------------------------------------------------
    def _today(self) -> date:
        return self._now().date()

    def current_period(self, kind: PeriodKind | str = PeriodKind.MONTH) -> str:
        """The key of the period (of `kind`) holding today."""
        return period_containing(_period_kind(kind), self._today()).key

    def _goal_record(self, s: Session, goal: m.Goal) -> GoalRecord:
        try:
            label = parse_period(goal.period).label
        except ValidationError:
            label = goal.period
        return GoalRecord(
            id=goal.id,
            kind=GoalKind(goal.kind),
            title=goal.title,
            period=goal.period,
            period_label=label,
            target_value=goal.target_value,
            actual_value=goal.actual_value,
            unit=goal.unit,
            disposition=Disposition(goal.disposition) if goal.disposition else None,
            team_tag=TeamTag(goal.team_tag),
            owner_id=goal.owner_id,
            owner_name=member_name(s, goal.owner_id),
            notes=goal.notes,
            archived=goal.archived,
            created_at=goal.created_at,
            version=goal.version,
        )

    @staticmethod
    def _kpi_record(kpi: m.Kpi) -> KpiRecord:
        return KpiRecord(
            id=kpi.id,
            name=kpi.name,
            description=kpi.description,
            unit=kpi.unit,
            higher_is_better=kpi.higher_is_better,
            target=kpi.target,
            period_kind=PeriodKind(kpi.period_kind),
            team_tag=TeamTag(kpi.team_tag),
            position=kpi.position,
            archived=kpi.archived,
            version=kpi.version,
        )

    @staticmethod
    def _measurement_record(row: m.KpiMeasurement) -> MeasurementRecord:
        try:
            label = parse_period(row.period).label
        except ValidationError:
            label = row.period
        return MeasurementRecord(
            id=row.id,
            kpi_id=row.kpi_id,
            period=row.period,
            period_label=label,
            value=row.value,
            target=row.target,
            note=row.note,
            source=row.source,
            recorded_at=row.recorded_at,
        )

    # ---- goals -------------------------------------------------------------------------------
    def list_goals(
        self,
        *,
        period: str | None = None,
        kind: GoalKind | str | None = None,
        include_archived: bool = False,
    ) -> list[GoalRecord]:
        """Goals, newest period first; revenue before activity goals, then by title.

        With `period`, the goals whose period overlaps it: for "2026-11", the goals of
        "2026-11" and of "2026-Q4" (and of the weeks in November).
        """
        with self.db.sessions() as s:
            goals = q.goals(
                s,
                kind=_goal_kind(kind).value if kind is not None else None,
                include_archived=include_archived,
            )
            if period is not None:
                wanted = parse_period(period)
                goals = [g for g in goals if _overlaps(g.period, wanted)]
            goals.sort(key=lambda g: (g.title.casefold(), g.id))
            goals.sort(key=lambda g: g.kind != GoalKind.REVENUE.value)
            goals.sort(key=lambda g: _start_ordinal(g.period), reverse=True)
            return [self._goal_record(s, g) for g in goals]

    def get_goal(self, goal_id: int) -> GoalRecord:
        with self.db.sessions() as s:
            return self._goal_record(s, self._get(s, m.Goal, goal_id, "Goal"))

    def revenue_goal(self, period: str) -> GoalRecord | None:
        """The revenue goal for `period`: of that very period, else of a period holding it
        (the quarter's goal for a month)."""
        wanted = parse_period(period)
        with self.db.sessions() as s:
            goals = q.goals(s, kind=GoalKind.REVENUE.value, include_archived=False)
            exact = [g for g in goals if g.period == wanted.key]
            found = exact or sorted(
                (g for g in goals if _overlaps(g.period, wanted)),
                key=lambda g: _span_days(g.period),
            )
            return self._goal_record(s, found[0]) if found else None

    def add_goal(
        self,
        *,
        kind: GoalKind | str,
        title: str,
        period: str,
        target_value: float | str | None = None,
        actual_value: float | str | None = None,
        unit: str = "",
        disposition: Disposition | str | None = None,
        team_tag: TeamTag | str = TeamTag.JOINT,
        owner_id: int | None = None,
        notes: str = "",
    ) -> GoalRecord:
        """A revenue goal (one per period) or an activity goal (owner and disposition)."""
        goal_kind = _goal_kind(kind)
        fields = _goal_fields(
            goal_kind,
            title=title,
            period=period,
            target_value=target_value,
            actual_value=actual_value,
            unit=unit,
            disposition=disposition,
            team_tag=team_tag,
            owner_id=owner_id,
            notes=notes,
        )
        with self.db.transaction() as s:
            if fields["owner_id"] is not None:
                self._get(s, m.Member, fields["owner_id"], "Member")
            if goal_kind is GoalKind.REVENUE:
                self._check_one_revenue_goal(s, fields["period"], None)
            goal = m.Goal(kind=goal_kind.value, created_at=self._now(), **fields)
            s.add(goal)
            s.flush()
            return self._goal_record(s, goal)

    @versioned_write(m.Goal)
    def update_goal(
        self,
        *,
        goal_id: int,
        title: str | None = None,
        period: str | None = None,
        target_value: float | str | None = _UNSET,
        actual_value: float | str | None = _UNSET,
        unit: str | None = None,
        disposition: Disposition | str | None = _UNSET,
        team_tag: TeamTag | str | None = None,
        owner_id: int | None = _UNSET,
        notes: str | None = None,
        seen: object | None = None,
    ) -> GoalRecord:
        """Change what is given; `None` clears the numbers, the owner or the disposition.
        `seen`: the goal as the user saw it. ConflictError when someone else changed one
        of them since then."""
        asked = given_fields(
            title=title, period=period, unit=unit, team_tag=team_tag, notes=notes
        ) | {
            f
            for f, v in (
                ("target_value", target_value),
                ("actual_value", actual_value),
                ("disposition", disposition),
                ("owner_id", owner_id),
            )
            if v is not _UNSET
        }
        with self._guarded(m.Goal, goal_id, asked, seen) as guard, self.db.transaction() as s:
            goal = self._get(s, m.Goal, goal_id, "Goal")
            guard.loaded(goal, _("Goal “{title}”").format(title=goal.title))
            kind = GoalKind(goal.kind)
            current = {
                "title": goal.title,
                "period": goal.period,
                "target_value": goal.target_value,
                "actual_value": goal.actual_value,
                "unit": goal.unit,
                "disposition": goal.disposition or None,
                "team_tag": goal.team_tag,
                "owner_id": goal.owner_id,
                "notes": goal.notes,
            }
            given = {
                "title": title,
                "period": period,
                "unit": unit,
                "team_tag": team_tag,
                "notes": notes,
            }
            merged = {**current, **{k: v for k, v in given.items() if v is not None}}
            for key, value in (
                ("target_value", target_value),
                ("actual_value", actual_value),
                ("disposition", disposition),
                ("owner_id", owner_id),
            ):
                if value is not _UNSET:
                    merged[key] = value
            fields = _goal_fields(kind, **merged)
            if fields["owner_id"] is not None and fields["owner_id"] != goal.owner_id:
                self._get(s, m.Member, fields["owner_id"], "Member")
            if kind is GoalKind.REVENUE and not goal.archived:
                self._check_one_revenue_goal(s, fields["period"], goal.id)
            for key, value in fields.items():
                setattr(goal, key, value)
            guard.check(s, goal)
            s.flush()
            return self._goal_record(s, goal)

    def archive_goal(self, *, goal_id: int, archived: bool = True) -> GoalRecord:
        """Archived goals leave the lists and the dashboard; actions keep their link."""
        with self.db.transaction() as s:
            goal = self._get(s, m.Goal, goal_id, "Goal")
            if not archived and goal.kind == GoalKind.REVENUE.value:
                self._check_one_revenue_goal(s, goal.period, goal.id)
            goal.archived = archived
            s.flush()
            return self._goal_record(s, goal)

    def delete_goal(self, *, goal_id: int) -> None:
        """Delete a goal for good; actions that served it lose the link (nothing else)."""
        with self.db.transaction() as s:
            goal = self._get(s, m.Goal, goal_id, "Goal")
            with side_effect(s):  # the goal is gone: no action can keep pointing at it
                for action in q.actions_serving(s, goal_id):
                    action.goal_id = None
            s.delete(goal)

    def _check_one_revenue_goal(self, s: Session, period: str, own_id: int | None) -> None:
        existing = q.goals(s, kind=GoalKind.REVENUE.value, period=period, include_archived=False)
        for goal in existing:
            if goal.id != own_id:
                raise ValidationError(
                    "period",
                    _(
                        "{period} already has a revenue goal (“{title}”): both teams share one. "
                        "Edit that goal, or archive it first."
                    ).format(period=parse_period(period).label, title=goal.title),
                )

    def goals_for_linking(self) -> list[GoalOption]:
        """The goals an action can serve: current and future periods first, then the
        recent past (archived goals are left out)."""
        today = self._today()
        current: list[GoalOption] = []
        past: list[GoalOption] = []
        for goal in sorted(self.list_goals(), key=lambda g: g.period):
            try:
                ended = parse_period(goal.period).end < today
            except ValidationError:
                ended = False
            if goal.kind is GoalKind.REVENUE:
                text = _("{period} · Revenue: {title}")
            else:
                text = _("{period} · {title}")
            option = GoalOption(
                id=goal.id,
                label=text.format(period=goal.period_label, title=goal.title),
                kind=goal.kind,
                period=goal.period,
            )
            (past if ended else current).append(option)
        return current + past[::-1]

    # ---- KPI definitions ---------------------------------------------------------------------
    def list_kpis(self, *, include_archived: bool = False) -> list[KpiRecord]:
        with self.db.sessions() as s:
            return [self._kpi_record(k) for k in q.kpis(s, include_archived=include_archived)]

    def get_kpi(self, kpi_id: int) -> KpiRecord:
        with self.db.sessions() as s:
            return self._kpi_record(self._get(s, m.Kpi, kpi_id, "KPI"))

    def add_kpi(
        self,
        *,
        name: str,
        unit: str = "",
        higher_is_better: bool = True,
        target: float | str | None = None,
        period_kind: PeriodKind | str = PeriodKind.MONTH,
        team_tag: TeamTag | str = TeamTag.JOINT,
        description: str = "",
    ) -> KpiRecord:
        text = require_text("name", name, label=_("KPI name"), limit=MAX_TITLE)
        fields = {
            "unit": validate_unit(unit),
            "higher_is_better": bool(higher_is_better),
            "target": parse_number(target, field="target", label=_("Target")),
            "period_kind": _period_kind(period_kind).value,
            "team_tag": _team_tag(team_tag).value,
            "description": optional_text("description", description, label=_("Description")),
        }
        with self.db.transaction() as s:
            self._check_kpi_name(s, text, None)
            position = tables.next_position(s, m.Kpi.position)
            kpi = m.Kpi(name=text, name_key=name_key(text), position=position, **fields)
            s.add(kpi)
            s.flush()
            return self._kpi_record(kpi)

    @versioned_write(m.Kpi)
    def update_kpi(
        self,
        *,
        kpi_id: int,
        name: str | None = None,
        unit: str | None = None,
        higher_is_better: bool | None = None,
        target: float | str | None = _UNSET,
        period_kind: PeriodKind | str | None = None,
        team_tag: TeamTag | str | None = None,
        description: str | None = None,
        seen: object | None = None,
    ) -> KpiRecord:
        """`seen`: the KPI as the user saw it. ConflictError when someone else changed a
        field given since then."""
        asked = given_fields(
            _UNSET,
            name=name,
            unit=unit,
            higher_is_better=higher_is_better,
            period_kind=period_kind,
            team_tag=team_tag,
            description=description,
        ) | ({"target"} if target is not _UNSET else set())
        with self._guarded(m.Kpi, kpi_id, asked, seen) as guard, self.db.transaction() as s:
            kpi = self._get(s, m.Kpi, kpi_id, "KPI")
            guard.loaded(kpi, _("KPI “{name}”").format(name=kpi.name))
            if name is not None:
                text = require_text("name", name, label=_("KPI name"), limit=MAX_TITLE)
                self._check_kpi_name(s, text, kpi_id)
                kpi.name, kpi.name_key = text, name_key(text)
            if unit is not None:
                kpi.unit = validate_unit(unit)
            if higher_is_better is not None:
                kpi.higher_is_better = bool(higher_is_better)
            if target is not _UNSET:
                kpi.target = parse_number(target, field="target", label=_("Target"))
            if period_kind is not None:
                kind = _period_kind(period_kind)
                if kind.value != kpi.period_kind:
                    count = q.measurement_count(s, kpi_id)
                    if count:
                        raise ValidationError(
                            "period_kind",
                            {
                                # "1 monthly measurements": the English the tests know
                                "month": _(
                                    "“{name}” already has {count} monthly measurements: its "
                                    "period cannot change. Add a new KPI instead."
                                ),
                                "quarter": _(
                                    "“{name}” already has {count} quarterly measurements: its "
                                    "period cannot change. Add a new KPI instead."
                                ),
                                "week": _(
                                    "“{name}” already has {count} weekly measurements: its "
                                    "period cannot change. Add a new KPI instead."
                                ),
                            }[PeriodKind(kpi.period_kind).value].format(name=kpi.name, count=count),
                        )
                    kpi.period_kind = kind.value
            if team_tag is not None:
                kpi.team_tag = _team_tag(team_tag).value
            if description is not None:
                kpi.description = optional_text("description", description, label=_("Description"))
            guard.check(s, kpi)
            s.flush()
            return self._kpi_record(kpi)

    def move_kpi(self, *, kpi_id: int, to_position: int) -> list[KpiRecord]:
        """Put the KPI at `to_position` (0 = first) among the KPIs in use."""
        with self.db.transaction() as s:
            kpi = self._get(s, m.Kpi, kpi_id, "KPI")
            ordered = q.kpis(s, include_archived=False)
            if kpi in ordered:
                ordered.remove(kpi)
            ordered.insert(max(0, min(to_position, len(ordered))), kpi)
            for i, item in enumerate(ordered, start=1):
                if item.position != i:
                    item.position = i
            s.flush()
            return [self._kpi_record(k) for k in ordered]

    def archive_kpi(self, *, kpi_id: int, archived: bool = True) -> KpiRecord:
        """Archived KPIs leave the dashboard; their measurements are kept."""
        with self.db.transaction() as s:
            kpi = self._get(s, m.Kpi, kpi_id, "KPI")
            kpi.archived = archived
            if not archived:
                kpi.position = tables.next_position(s, m.Kpi.position)
            s.flush()
            return self._kpi_record(kpi)

    def delete_kpi(self, *, kpi_id: int) -> None:
        """Delete a KPI and all its measurements."""
        with self.db.transaction() as s:
            kpi = self._get(s, m.Kpi, kpi_id, "KPI")
            q.delete_measurements(s, kpi_id)
            s.delete(kpi)

    def _check_kpi_name(self, s: Session, text: str, own_id: int | None) -> None:
        existing = q.kpi_by_key(s, name_key(text))
        if existing is not None and existing.id != own_id:
            if existing.archived:
                text = _("There is already a KPI called “{name}” (archived — restore it instead).")
            else:
                text = _("There is already a KPI called “{name}”.")
            raise ValidationError("name", text.format(name=existing.name))

    # ---- measurements ------------------------------------------------------------------------
    def measurements(self, kpi_id: int) -> list[MeasurementRecord]:
        """The KPI's measurements, newest period first."""
        with self.db.sessions() as s:
            self._get(s, m.Kpi, kpi_id, "KPI")
            return [self._measurement_record(x) for x in q.measurements_of(s, kpi_id)]

    @versioned_write(m.KpiMeasurement)
    def record_measurement(
        self,
        *,
        kpi_id: int,
        period: str,
        value: float | str,
        target: float | str | None = None,
        note: str = "",
        source: str = "manual",
        recorded_at: datetime | None = None,
        meeting_id: int | None = None,
        seen: object | None = None,
    ) -> MeasurementRecord:
        """The KPI's value for `period` (a period of the KPI's kind); replaces the value
        already recorded for that period. `target` overrides the KPI's target for it.
        The period must have begun by today — or, recorded in the meeting `meeting_id`, by
        the meeting's date (a meeting planned ahead records its own month), or by
        `recorded_at` when given — and not end before 2000 (`check_measured_period`).
        `seen`: the measurement of that period as the user saw it; ConflictError when
        someone else recorded another value for it since (nothing is written then)."""
        number = parse_number(value, field="value", label=_("Value"))
        if number is None:
            raise ValidationError("value", _("Enter the measured value."))
        own_target = parse_number(target, field="target", label=_("Target"))
        text = optional_text("note", note, label=_("Note"))
        asked = {"value", "target", "note"}
        with (
            self._guarded(m.KpiMeasurement, None, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            kpi = self._get(s, m.Kpi, kpi_id, "KPI")
            wanted = parse_period(period, kpi.period_kind)
            latest = self._today()
            if recorded_at is not None:  # recorded then (the demo's history): begun by then
                latest = max(latest, recorded_at.date())
            if meeting_id is not None:
                day = self._get(s, m.Meeting, meeting_id, "Meeting").starts_at.date()
                latest = max(latest, day)
            check_measured_period(wanted, latest)
            key = wanted.key
            row = q.measurement(s, kpi_id, key)
            replacing = row is not None
            if row is None:
                row = m.KpiMeasurement(kpi_id=kpi_id, period=key)
                s.add(row)
            else:
                guard.loaded(row, self._measurement_what(kpi, row))
            row.value = number
            row.target = own_target
            row.note = text
            row.source = "csv" if source == "csv" else "manual"
            row.recorded_at = recorded_at or self._now()
            if replacing:
                guard.check(s, row)
            s.flush()
            return self._measurement_record(row)

    def _measurement_what(self, kpi: m.Kpi, row: m.KpiMeasurement) -> str:
        label = self._measurement_record(row).period_label
        return _("“{kpi}” for {period}").format(kpi=kpi.name, period=label)

    @versioned_write(m.KpiMeasurement)
    def update_measurement(
        self,
        *,
        measurement_id: int,
        value: float | str | None = None,
        target: float | str | None = _UNSET,
        note: str | None = None,
        seen: object | None = None,
    ) -> MeasurementRecord:
        """Change what is given. `seen`: the measurement as the user saw it; ConflictError
        when someone else changed one of them since then (nothing is written then)."""
        asked = {f for f, v in (("value", value), ("note", note)) if v is not None} | (
            {"target"} if target is not _UNSET else set()
        )
        with (
            self._guarded(m.KpiMeasurement, measurement_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            row = self._get(s, m.KpiMeasurement, measurement_id, "Measurement")
            kpi = self._get(s, m.Kpi, row.kpi_id, "KPI")
            guard.loaded(row, self._measurement_what(kpi, row))
            if value is not None:
                number = parse_number(value, field="value", label=_("Value"))
                if number is None:
                    raise ValidationError("value", _("Enter the measured value."))
                row.value = number
            if target is not _UNSET:
                row.target = parse_number(target, field="target", label=_("Target"))
            if note is not None:
                row.note = optional_text("note", note, label=_("Note"))
            row.source = "manual"
            row.recorded_at = self._now()
            guard.check(s, row)
            s.flush()
            return self._measurement_record(row)

    def delete_measurement(self, *, measurement_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.KpiMeasurement, measurement_id, "Measurement"))

    # ---- CSV import --------------------------------------------------------------------------
    def preview_csv(self, *, text: CsvText) -> CsvPreview:
        """What importing `text` would do, row by row, with each row's problem if any.

        Columns (a header row names them, in any order, case-insensitive): KPI, Period,
        Value, and optionally Target and Note. Without a header the columns are taken in
        that order. `;` or `,` separators, Excel's BOM, quoted line breaks and decimal
        commas are read; empty rows are skipped.
        """
        with self.db.sessions() as s:
            return self._preview(s, text)

    def preview_csv_file(self, *, path: str | Path) -> CsvPreview:
        return self.preview_csv(text=read_csv_file(path, _KPI_LIMITS))

    def import_csv(self, *, text: CsvText) -> CsvImportResult:
        """Import every row of `text`, or nothing: a row with a problem stops the import
        (`ValidationError("csv", ...)` says how many and the first one).
        A backup comes first (QUALITY.md: before risky operations; SQLite files only)."""
        self.db.backup("before-import")
        with self.db.transaction() as s:
            preview = self._preview(s, text)
            if not preview.rows:
                raise ValidationError("csv", _("The file holds no measurements: nothing imported."))
            if preview.problems:
                first = preview.problems[0]
                raise ValidationError(
                    "csv",
                    _("{summary} First problem, line {line}: {problem}").format(
                        summary=preview.summary(), line=first.line, problem=first.problem
                    ),
                )
            now = self._now()
            existing = {
                (x.kpi_id, x.period): x for x in q.measurements(s, {r.kpi_id for r in preview.rows})
            }
            # Declared: the file replaces the periods its preview listed as "update".
            with side_effect(s):
                for row in preview.rows:
                    if row.change == "same":
                        continue
                    assert row.kpi_id is not None and row.value is not None
                    target = existing.get((row.kpi_id, row.period))
                    if target is None:
                        target = m.KpiMeasurement(kpi_id=row.kpi_id, period=row.period)
                        s.add(target)
                    target.value = row.value
                    target.target = row.target
                    target.note = row.note
                    target.source = "csv"
                    target.recorded_at = now
            return CsvImportResult(
                added=preview.count("new"),
                updated=preview.count("update"),
                unchanged=preview.count("same"),
            )

    def import_csv_file(self, *, path: str | Path) -> CsvImportResult:
        return self.import_csv(text=read_csv_file(path, _KPI_LIMITS))

    def _preview(self, s: Session, text: str) -> CsvPreview:
        table = read_csv(
            text, _KPI_LIMITS, has_header=lambda cells: _header_columns(cells) is not None
        )
        columns = _header_columns(table.header) if table.header is not None else None
        columns = columns or {"kpi": 0, "period": 1, "value": 2, "target": 3, "note": 4}
        kpis = {k.name_key: k for k in q.kpis(s, ordered=False)}
        stored = {(x.kpi_id, x.period): x for x in q.measurements(s)}
        seen: dict[tuple[int, str], int] = {}
        today = self._today()
        rows = [
            self._preview_row(row.last_line, row.cells, columns, kpis, stored, seen, today)
            for row in table.rows
        ]
        return CsvPreview(
            rows=tuple(rows), separator=table.separator, skipped_empty=table.skipped_empty
        )

    @staticmethod
    def _preview_row(
        line: int,
        cells: list[str],
        columns: dict[str, int],
        kpis: dict[str, m.Kpi],
        stored: dict[tuple[int, str], m.KpiMeasurement],
        seen: dict[tuple[int, str], int],
        today: date,
    ) -> CsvPreviewRow:
        def cell(name: str) -> str:
            index = columns.get(name)
            if index is None or index >= len(cells):
                return ""
            return cells[index].strip()

        kpi_text, period_text, value_text = cell("kpi"), cell("period"), cell("value")
        note = cut_line(cell("note"), 2000)
        problem = ""
        kpi = kpis.get(name_key(kpi_text)) if kpi_text else None
        period = ""
        value = target = None
        change = ""
        try:
            if not kpi_text:
                raise ValidationError("kpi", _("The KPI name is missing."))
            if kpi is None:
                raise ValidationError(
                    "kpi", _("There is no KPI called “{name}”.").format(name=kpi_text)
                )
            if kpi.archived:
                raise ValidationError(
                    "kpi",
                    _("The KPI “{name}” is archived: restore it first.").format(name=kpi.name),
                )
            wanted = parse_period(period_text, kpi.period_kind)
            check_measured_period(wanted, today)
            period = wanted.key
            value = parse_number(value_text, field="value", label=_("Value"))
            if value is None:
                raise ValidationError("value", _("The value is missing."))
            target = parse_number(cell("target"), field="target", label=_("Target"))
            key = (kpi.id, period)
            if key in seen:
                raise ValidationError(
                    "period",
                    _("{kpi} for {period} is already on line {line}.").format(
                        kpi=kpi.name, period=parse_period(period).label, line=seen[key]
                    ),
                )
            seen[key] = line
            old = stored.get(key)
            if old is None:
                change = "new"
            elif old.value == value and old.target == target and old.note == note:
                change = "same"
            else:
                change = "update"
        except ValidationError as exc:
            problem = exc.message
        return CsvPreviewRow(
            line=line,
            kpi_text=kpi_text,
            period_text=period_text,
            value_text=value_text,
            kpi_id=kpi.id if kpi is not None else None,
            kpi_name=kpi.name if kpi is not None else kpi_text,
            period=period,
            value=value,
            target=target,
            note=note,
            change=change if not problem else "",
            problem=problem,
        )

    # ---- the dashboard -----------------------------------------------------------------------
    def dashboard(
        self, period: str | None = None, *, history: int = DEFAULT_HISTORY
    ) -> DashboardData:
        """The common dashboard for `period` (default: this month): the revenue goal, the
        activity goals, and per KPI its value, target, status, trend and recent history.

        A KPI measured per quarter shows the quarter holding the period; a period without a
        measurement yet shows the latest earlier one, labelled with its own period.
        """
        wanted = parse_period(period) if period else period_containing("month", self._today())
        return self._dashboard(wanted, history=history)

    def dashboard_data(self, period: str | None = None) -> DashboardData:
        """The dashboard for the CLI's `export dashboard` (same as `dashboard`)."""
        return self.dashboard(period)

    def _reference_day(self, period: Period) -> date:
        today = self._today()
        if period.contains(today):
            return today
        return period.end if period.end < today else period.start

    def _dashboard(self, wanted: Period, *, history: int, day: date | None = None) -> DashboardData:
        day = day or self._reference_day(wanted)
        goals = self.list_goals(period=wanted.key)
        revenue = self.revenue_goal(wanted.key)
        activity = tuple(g for g in goals if g.kind is GoalKind.ACTIVITY)
        rows: list[KpiRow] = []
        with self.db.sessions() as s:
            kpis = q.kpis(s, include_archived=False)
            by_kpi: dict[int, list[m.KpiMeasurement]] = {k.id: [] for k in kpis}
            if kpis:
                found = q.measurements(s, by_kpi, recorded_by=self.as_of, by_period=True)
                for x in found:
                    by_kpi[x.kpi_id].append(x)
            for kpi in kpis:
                rows.append(
                    _kpi_row(
                        self._kpi_record(kpi),
                        period_containing(kpi.period_kind, day),
                        by_kpi[kpi.id],
                        history,
                    )
                )
        return DashboardData(
            period=wanted.key,
            period_label=wanted.label,
            generated_at=self._now(),
            revenue_goal=revenue,
            activity_goals=activity,
            rows=tuple(rows),
        )

    # ---- the meeting -------------------------------------------------------------------------
    def meeting_period(self, meeting_id: int) -> str:
        """The month holding the meeting's date (the period its KPI review looks at)."""
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            return period_containing("month", meeting.starts_at.date()).key

    def meeting_dashboard(
        self, meeting_id: int, *, history: int = DEFAULT_HISTORY
    ) -> DashboardData:
        """The dashboard of the month holding the meeting's date; each KPI shows its own
        period (month, quarter or week) holding that date."""
        with self.db.sessions() as s:
            day = self._get(s, m.Meeting, meeting_id, "Meeting").starts_at.date()
        return self._dashboard(period_containing("month", day), history=history, day=day)

    def has_kpi_review(self, meeting_id: int) -> bool:
        with self.db.sessions() as s:
            return bool(q.kpi_reviews(s, meeting_id, ItemKind.KPI_REVIEW.value))

    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """A "KPI review" section when the meeting had a KPI review item (not parked):
        the revenue goal of the meeting's period, the KPI table and a chart, the activity
        goals. Empty when the meeting did not review KPIs."""
        with self.db.sessions() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
        if not self.has_kpi_review(meeting_id):
            return ()
        data = self.meeting_dashboard(meeting_id)
        return (kpi_review_section(data),)


# ---- the dashboard's rows --------------------------------------------------------------------


def _kpi_row(
    kpi: KpiRecord, period: Period, measured: list[m.KpiMeasurement], history: int
) -> KpiRow:
    by_period = {x.period: x for x in measured}
    shown = by_period.get(period.key)
    if shown is None:
        earlier = [x for x in measured if x.period < period.key]
        shown = earlier[-1] if earlier else None
    previous = None
    if shown is not None:
        try:
            previous_row = by_period.get(parse_period(shown.period).previous().key)
        except ValidationError:
            previous_row = None
        previous = previous_row.value if previous_row is not None else None
    value = shown.value if shown is not None else None
    target = shown.target if shown is not None and shown.target is not None else kpi.target
    trend, direction = kpi_trend(previous, value, kpi.higher_is_better)
    points = []
    for step in range(history - 1, -1, -1):
        p = period.shift(-step)
        row = by_period.get(p.key)
        point_target = row.target if row is not None and row.target is not None else kpi.target
        points.append(
            KpiPoint(
                period=p.key,
                label=p.short_label,
                value=row.value if row is not None else None,
                target=point_target,
            )
        )
    value_period = shown.period if shown is not None else ""
    return KpiRow(
        kpi=kpi,
        period=period.key,
        period_label=period.label,
        value=value,
        value_period=value_period,
        value_period_label=parse_period(value_period).label if value_period else "",
        target=target,
        status=kpi_status(value, target, kpi.higher_is_better),
        previous=previous,
        trend=trend,
        direction=direction,
        note=shown.note if shown is not None else "",
        history=tuple(points),
    )


def kpi_review_section(data: DashboardData) -> DocSection:
    """The minutes' "KPI review" section for a dashboard."""
    from alignmeet.export.charts import chart_alt_text, dashboard_chart_png

    blocks: list[Paragraph | Table | Picture] = [
        Paragraph(_("Reviewed for {period}.").format(period=data.period_label), muted=True)
    ]
    goal = data.revenue_goal
    if goal is not None:
        text = goal.title
        detail = goal.describe()
        blocks.append(
            Paragraph(f"{text} — {detail}" if detail else text, label=_("Shared revenue goal: "))
        )
    else:
        blocks.append(
            Paragraph(
                _("No revenue goal set for {period}.").format(period=data.period_label),
                muted=True,
            )
        )
    if data.rows:
        blocks.append(
            Table(
                header=(_("KPI"), _("Target"), _("Actual"), _("vs target"), _("Trend")),
                rows=tuple(
                    (
                        row.kpi.name,
                        row.target_text,
                        row.value_text,
                        row.vs_target_text,
                        row.trend_text,
                    )
                    for row in data.rows
                ),
                weights=(4, 2, 3, 3, 2),
            )
        )
        notes = [f"{row.kpi.name}: {row.note}" for row in data.rows if row.note]
        for note in notes:
            blocks.append(Paragraph(note, muted=True))
        blocks.append(
            Picture(
                png=dashboard_chart_png(data, print_width_cm=MINUTES_CHART_CM),
                width_cm=MINUTES_CHART_CM,
                caption=_(
                    "Each KPI in its own unit over its recent periods up to {period}: bars are "
                    "the actual values, coloured by how they stand against the target; the "
                    "dashed line is the target."
                ).format(period=data.period_label),
                alt=" ".join(chart_alt_text(row) for row in data.rows),
            )
        )
    else:
        blocks.append(Paragraph(_("No KPIs are defined yet."), muted=True))
    if data.activity_goals:
        blocks.append(
            Table(
                header=(_("Activity goal"), _("Owner"), _("Decision")),
                rows=tuple(
                    (
                        g.title,
                        g.owner_name or "—",
                        _(g.disposition.label) if g.disposition else "—",
                    )
                    for g in data.activity_goals
                ),
                weights=(6, 3, 2),
            )
        )
    return DocSection(heading=_("KPI review"), blocks=tuple(blocks))


# ---- validation helpers ----------------------------------------------------------------------


def _goal_kind(kind: GoalKind | str) -> GoalKind:
    try:
        return GoalKind(kind)
    except ValueError:
        raise ValidationError("kind", _("A goal is a revenue goal or an activity goal.")) from None


def _period_kind(kind: PeriodKind | str) -> PeriodKind:
    try:
        return PeriodKind(kind)
    except ValueError:
        raise ValidationError("period_kind", _("Measure per month, quarter or week.")) from None


def _team_tag(tag: TeamTag | str) -> TeamTag:
    try:
        return TeamTag(tag)
    except ValueError:
        raise ValidationError("team_tag", _("The team is Sales, Marketing or Joint.")) from None


def _disposition(value: Disposition | str | None) -> Disposition | None:
    if value in (None, ""):
        return None
    try:
        return Disposition(value)  # type: ignore[arg-type]
    except ValueError:
        raise ValidationError(
            "disposition", _("Mark the activity continue, improve or eliminate.")
        ) from None


def _goal_fields(
    kind: GoalKind,
    *,
    title: str,
    period: str,
    target_value: float | str | None,
    actual_value: float | str | None,
    unit: str,
    disposition: Disposition | str | None,
    team_tag: TeamTag | str,
    owner_id: int | None,
    notes: str,
) -> dict[str, Any]:
    label = _("The revenue goal") if kind is GoalKind.REVENUE else _("The activity goal")
    text = require_text("title", title, label=label, limit=MAX_TITLE)
    key = parse_period(period).key
    target = parse_number(target_value, field="target_value", label=_("Target"))
    actual = parse_number(actual_value, field="actual_value", label=_("Actual"))
    choice = _disposition(disposition)
    if kind is GoalKind.REVENUE:
        if target is None:
            raise ValidationError("target_value", _("Enter the revenue target for the period."))
        if target <= 0:
            raise ValidationError("target_value", _("The revenue target must be more than zero."))
        choice = None
    else:
        if choice is None:
            raise ValidationError(
                "disposition", _("Mark the activity continue, improve or eliminate.")
            )
        if owner_id is None:
            raise ValidationError("owner_id", _("Every activity goal needs an owner."))
    return {
        "title": text,
        "period": key,
        "target_value": target,
        "actual_value": actual,
        "unit": validate_unit(unit),
        "disposition": choice.value if choice else "",
        "team_tag": _team_tag(team_tag).value,
        "owner_id": owner_id,
        "notes": optional_text("notes", notes, label=_("Notes")),
    }


def _overlaps(key: str, wanted: Period) -> bool:
    try:
        period = parse_period(key)
    except ValidationError:
        return key == wanted.key
    return period.start <= wanted.end and wanted.start <= period.end


def _start_ordinal(key: str) -> int:
    try:
        return parse_period(key).start.toordinal()
    except ValidationError:
        return 0


def _span_days(key: str) -> int:
    try:
        period = parse_period(key)
    except ValidationError:
        return 10_000
    return (period.end - period.start).days


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column positions from a header row; None when the row is data."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = " ".join(cell.strip().casefold().split())
        for column, names in _CSV_COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
    if {"kpi", "value"} <= found.keys() and "period" in found:
        return found
    if len(found) >= 2:
        missing = [c for c in ("kpi", "period", "value") if c not in found]
        raise ValidationError(
            "csv",
            ngettext(
                "The header row lacks the column {columns}. Expected columns: KPI, Period, "
                "Value (and optionally Target, Note).",
                "The header row lacks the columns {columns}. Expected columns: KPI, Period, "
                "Value (and optionally Target, Note).",
                len(missing),
            ).format(columns=", ".join(c.capitalize() for c in missing)),
        )
    return None
