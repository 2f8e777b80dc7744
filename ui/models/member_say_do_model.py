"""Say/do per member: commitments counted and kept, last 90 days and all time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from alignmeet.domain.accountability import MemberSayDo, SayDo, percent
from ui.colors import color
from ui.models.columns import count_column
from ui.models.record_table_model import Column, RecordTableModel

COL_MEMBER, COL_TEAM, COL_RECENT, COL_RECENT_RATE, COL_ALL, COL_ALL_RATE, COL_PENDING = range(7)


def figures(say_do: SayDo) -> str:
    """ "4 of 5" or "—"."""
    if not say_do.made:
        return "—"
    return QCoreApplication.translate("MemberSayDoModel", "{kept} of {made}").format(
        kept=say_do.kept, made=say_do.made
    )


def _name(member: MemberSayDo) -> str:
    if member.active:
        return member.name
    return QCoreApplication.translate("MemberSayDoModel", "{name} (left)").format(name=member.name)


def _rate_key(say_do: SayDo) -> float:
    return -1.0 if say_do.rate is None else say_do.rate


def _span_columns(
    made: str, kept: str, span: Callable[[MemberSayDo], SayDo]
) -> tuple[Column[MemberSayDo], Column[MemberSayDo]]:
    """Over one span: "4 of 5" (sorted by how many were made) and the share kept."""
    return (
        Column(made, lambda m: figures(span(m)), sort_key=lambda m: span(m).made),
        Column(
            kept,
            lambda m: percent(span(m).rate),
            sort_key=lambda m: _rate_key(span(m)),
            align=Qt.AlignmentFlag.AlignRight,
        ),
    )


class MemberSayDoModel(RecordTableModel[MemberSayDo]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Member"), _name),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda m: m.team_name),
        *_span_columns(
            QT_TRANSLATE_NOOP("Columns", "90 days"),
            QT_TRANSLATE_NOOP("Columns", "Kept"),
            lambda m: m.recent,
        ),
        *_span_columns(
            QT_TRANSLATE_NOOP("Columns", "All time"),
            QT_TRANSLATE_NOOP("Columns", "Kept (all)"),
            lambda m: m.all_time,
        ),
        count_column(QT_TRANSLATE_NOOP("Columns", "Not due yet"), lambda m: m.all_time.pending),
    )

    def extra_data(self, record: MemberSayDo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_RECENT_RATE and record.recent.rate is not None:
                return color("bad" if record.recent.below_target else "good")
            if column == COL_MEMBER and not record.active:
                return color("muted")
        return None
