"""Columns the record tables declare again and again: text with its tooltip, a count,
a time order, the date and meeting of a row that comes from a meeting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from alignmeet.domain.rules import short_date
from ui.models.record_table_model import Column, plain_tooltip

T = TypeVar("T")


def text_column(
    header: str,
    text: Callable[[T], str],
    tip: Callable[[T], str] | None = None,
    sort_key: Callable[[T], Any] | None = None,
) -> Column[T]:
    """Text with a plain-text tooltip: `tip(record)`, or the text itself (cut off in a
    narrow column, read in full on hover)."""
    shown = tip or text
    return Column(header, text, sort_key, tooltip=lambda r: plain_tooltip(shown(r)))


def count_column(
    header: str, value: Callable[[T], int], align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignRight
) -> Column[T]:
    """A whole number, sorted as a number (right-aligned unless told)."""
    return Column(header, lambda r: str(value(r)), value, align)


def time_order(when: Callable[[T], Any], key: Callable[[T], int]) -> Callable[[T], str]:
    """A sort key: by `when` (a date or datetime), then by `key` (ties in the order made)."""
    return lambda r: f"{when(r).isoformat()}#{key(r):010d}"


def meeting_columns() -> tuple[Column[Any], Column[Any]]:
    """Date and Meeting of a row that comes from a meeting (a record with `meeting_date`,
    `meeting_id`, `meeting_title`, `series_name`): by date, the series on hover."""
    return (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Date"),
            lambda r: short_date(r.meeting_date),
            sort_key=time_order(lambda r: r.meeting_date, lambda r: r.meeting_id),
        ),
        text_column(
            QT_TRANSLATE_NOOP("Columns", "Meeting"),
            lambda r: r.meeting_title,
            lambda r: f"{r.meeting_title}\n{r.series_name}",
        ),
    )
