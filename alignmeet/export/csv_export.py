"""Actions as a CSV file that Excel, LibreOffice and Google Sheets open safely.

- UTF-8 with a byte-order mark, so Excel reads accents and emoji correctly; comma
  separators, CRLF row ends, cells quoted when they hold a comma, quote or line break
  (line breaks inside a cell are kept: the spreadsheet shows them inside the cell).
- Formula injection (OWASP "CSV Injection"): a cell whose text starts with ``=``, ``+``,
  ``-``, ``@``, a tab or a carriage return would be run as a formula by a spreadsheet
  (``=cmd|' /C calc'!A0``, ``@SUM(A1)``). Such a text cell gets a single quote in front,
  which spreadsheets show as text and do not evaluate. Nothing else is changed, so reading
  the file back with `csv.reader` gives every text as written, but for that quote; the
  only characters dropped are lone surrogates, which no UTF-8 file can hold.
- Dates are ISO (``2026-11-03``), which every spreadsheet recognises; ids and counts are
  numbers and never start with a dangerous character.

The rows are `alignmeet.domain.records.ActionRow`s or `ExportLine`s (which read alike);
`write_csv` streams them into the file, so 300,000 actions never sit in memory.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from alignmeet.domain.records import ActionRow, ExportLine
from alignmeet.domain.rules import action_number
from alignmeet.export.atomic import atomic_writer

__all__ = ["HEADER", "csv_bytes", "csv_cell", "write_csv"]

HEADER = (
    "id",
    "action",
    "owner",
    "owner team",
    "team tag",
    "status",
    "due",
    "meeting",
    "meeting date",
    "series",
    "milestone",
    "times slipped",
    "last note",
    # "A-123", as the minutes, checklist and calendar show it; last, so that files read
    # by column position before it was added still read the same.
    "number",
)

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_SURROGATES = re.compile("[\ud800-\udfff]")


def csv_cell(text: str) -> str:
    """A text cell: lone surrogates dropped, a leading formula character neutralised."""
    text = _SURROGATES.sub("", text or "")
    if text.startswith(_DANGEROUS_START):
        return "'" + text
    return text


def _date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _record(row: ActionRow | ExportLine) -> list[str | int]:
    action = row.action
    return [
        int(action.id),
        csv_cell(action.title),
        csv_cell(action.owner_name),
        csv_cell(row.owner_team),
        action.team_tag.label,
        action.status.label,
        _date(action.due),
        csv_cell(action.meeting_title),
        _date(action.meeting_date),
        csv_cell(row.series_name),
        csv_cell(action.milestone),
        int(getattr(row, "times_slipped", 0) or 0),
        csv_cell(getattr(row, "last_note", "") or ""),
        action_number(action.id),
    ]


def csv_bytes(rows: Iterable[ActionRow | ExportLine]) -> bytes:
    """The CSV file's bytes: BOM, header row, one row per action."""
    buffer = io.BytesIO()
    _write(rows, buffer)
    return buffer.getvalue()


def write_csv(rows: Iterable[ActionRow | ExportLine], path: Path) -> Path:
    """Write the CSV to `path` atomically, a row at a time, and return `path`.

    Raises `ExportError` (old file kept) when the file cannot be written.
    """
    path = Path(path)
    with atomic_writer(path) as handle:
        _write(rows, handle)
    return path


def _write(rows: Iterable[ActionRow | ExportLine], binary: Any) -> None:
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="", write_through=False)
    try:
        writer = csv.writer(text, dialect="excel")
        writer.writerow(HEADER)
        writer.writerows(map(_record, rows))
        text.flush()
    finally:
        text.detach()  # the caller closes the file
