"""The one CSV reader behind both imports (members on the People page, KPI measurements
on the Goals page): the file as Excel and others save it, read within limits, every
refusal a `ValidationError("csv", ...)` that says which line and which column.

- **Encodings**: UTF-8 with or without BOM, UTF-16 with BOM ("Unicode text"), or the
  Windows code page of older Excel versions. A file with NUL in it is binary (a
  spreadsheet saved as .xlsx, a zip, an image) and refused as "not a text file".
- **Separators**: `;` (Excel in most of Europe), `,` or a tab, whichever the first lines
  use most outside quotes; quoted separators and quoted line breaks are read.
- **Limits**: the file's size (checked before it is read), the number of rows, and the
  length of one field. Python's csv module refuses a field over 131,072 characters with
  `_csv.Error` — usually a quote mark that is never closed, which makes the rest of the
  file one field; here a field over `MAX_FIELD` characters is refused with its line and
  column instead.
- Empty rows (no cell with more than white space) are skipped and counted.
- Every cell passes the text gate (domain/text_gate.py) like every other text — cell by
  cell, after the rows are read: a vertical tab is a line break inside a cell, not the
  end of a row. So the services take a whole file as `CsvText`, which the gate in front
  of them leaves to this reader (services/text_gate.py).
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.rules import MAX_TEXT, ValidationError, group_digits
from alignmeet.domain.text_gate import gate_text, lone_surrogate
from alignmeet.i18n import _

# The text of a whole CSV file, as a service parameter: gated cell by cell here.
CsvText = str

__all__ = [
    "MAX_FIELD",
    "CsvLimits",
    "CsvRow",
    "CsvTable",
    "CsvText",
    "decode_csv",
    "read_csv",
    "read_csv_file",
]

# A field longer than the longest note a form takes (MAX_TEXT) is no cell a person typed.
MAX_FIELD = MAX_TEXT
# The csv module's limit is one number for the whole process: it is raised only while
# one of our reads runs (under this lock) and put back after, so the module never
# refuses a field before our own check can name it.
_FIELD_LIMIT_LOCK = threading.Lock()


@dataclass(frozen=True)
class CsvLimits:
    """What one import accepts. The messages are the import's own words, translated:
    `too_large` for a file over `max_bytes` ("… (over 2 MB)."), `too_large_file` the same
    with the file's `{path}`, `too_many_rows` with `{most}` for more than `max_rows` rows."""

    max_bytes: int
    max_rows: int
    too_large: Callable[[], str]
    too_large_file: Callable[[], str]
    too_many_rows: Callable[[], str]
    max_field: int = MAX_FIELD


@dataclass(frozen=True)
class CsvRow:
    line: int  # the line of the file where the row starts (1 = the first line)
    cells: list[str]
    last_line: int  # where it ends (a quoted line break makes a row span lines)


@dataclass(frozen=True)
class CsvTable:
    header: list[str] | None  # the first non-empty row, when it names the columns
    rows: list[CsvRow]  # the rows after it (or every row, without a header)
    separator: str
    skipped_empty: int


def read_csv_file(path: str | Path, limits: CsvLimits) -> str:
    """The text of the CSV file at `path` (see the module docstring for the encodings)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ValidationError("csv", limits.too_large_file().format(path=path))
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            "csv",
            _("{path} cannot be read ({problem}). Choose another file.").format(
                path=path, problem=exc.strerror or exc
            ),
        ) from exc
    if len(raw) > limits.max_bytes:  # it grew since
        raise ValidationError("csv", limits.too_large_file().format(path=path))
    return decode_csv(raw, path=path)


def decode_csv(raw: bytes, *, path: str | Path | None = None) -> str:
    """`raw` as text: UTF-16 with a BOM, else UTF-8 (BOM or not), else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break  # a binary file that happens to decode
        return text
    if path is None:
        raise ValidationError("csv", _("The file is not a text (CSV) file. Choose a .csv file."))
    raise ValidationError(
        "csv", _("{path} is not a text (CSV) file. Choose a .csv file.").format(path=path)
    )


def read_csv(text: str, limits: CsvLimits, *, has_header: Callable[[list[str]], bool]) -> CsvTable:
    """The rows of `text`, all at once (a file within the limits is small).

    `has_header(cells)` says whether the first non-empty row names the columns; the rows
    after it are the data, and a field too long is reported under its column's name.
    """
    text = text.removeprefix("\ufeff")
    if len(text) > limits.max_bytes:
        raise ValidationError("csv", limits.too_large())
    separator = sniff_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header: list[str] | None = None
    rows: list[CsvRow] = []
    skipped = 0
    first = True
    with _FIELD_LIMIT_LOCK:
        before = csv.field_size_limit()
        csv.field_size_limit(max(before, limits.max_bytes + 1))
        try:
            while True:
                start = reader.line_num + 1
                try:
                    cells = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    raise ValidationError(
                        "csv",
                        _("The file is not a readable CSV file (line {line}: {problem}).").format(
                            line=start, problem=exc
                        ),
                    ) from exc
                cells = _gated(start, cells, header)
                if not any(cell.strip() for cell in cells):
                    skipped += 1
                    continue
                if first:
                    first = False
                    if has_header(cells):
                        _check_fields(start, cells, None, limits)
                        header = cells
                        continue
                _check_fields(start, cells, header, limits)
                if len(rows) >= limits.max_rows:
                    raise ValidationError(
                        "csv", limits.too_many_rows().format(most=group_digits(limits.max_rows))
                    )
                rows.append(CsvRow(start, cells, reader.line_num))
        finally:
            csv.field_size_limit(before)
    return CsvTable(header=header, rows=rows, separator=separator, skipped_empty=skipped)


def _gated(line: int, cells: list[str], header: list[str] | None) -> list[str]:
    try:
        return [gate_text("csv", cell) for cell in cells]
    except ValidationError:
        index = next(i for i, cell in enumerate(cells) if lone_surrogate(cell) is not None)
        raise ValidationError(
            "csv",
            _("Line {line}, {column}: {problem}").format(
                line=line,
                column=_column(index, header),
                problem=_("a character that cannot be stored (half of a character)."),
            ),
        ) from None


def _check_fields(line: int, cells: list[str], header: list[str] | None, limits: CsvLimits) -> None:
    for index, cell in enumerate(cells):
        if len(cell) > limits.max_field:
            raise ValidationError(
                "csv",
                _(
                    "The file is not a readable CSV file (line {line}, {column}: "
                    "{length} characters, more than the {most} a field may hold). Often a "
                    'quote mark (") that is never closed makes the rest of the file one '
                    "field: check the line."
                ).format(
                    line=line,
                    column=_column(index, header),
                    length=group_digits(len(cell)),
                    most=group_digits(limits.max_field),
                ),
            )


def _column(index: int, header: list[str] | None) -> str:
    """ "column 3 “Note”" (named by the header row) or "column 3"."""
    name = " ".join(header[index].split()) if header is not None and index < len(header) else ""
    if name and len(name) <= 40:
        return _("column {number} “{name}”").format(number=index + 1, name=bidi_safe(name))
    return _("column {number}").format(number=index + 1)


def sniff_separator(text: str) -> str:
    """`;` (Excel in most of Europe), `,` or a tab: whichever the header line uses most,
    outside quotes (the header names the columns: cells below may hold any of the three);
    when the header has none, whichever the first non-empty lines use most."""
    lines = []
    for line in io.StringIO(text[:65_536], newline=""):
        if line.strip():
            lines.append(line)
            if len(lines) == 5:
                break
    for sample in (lines[:1], lines):
        counts = {";": 0, ",": 0, "\t": 0}
        for line in sample:
            quoted = False
            for char in line:
                if char == '"':
                    quoted = not quoted
                elif not quoted and char in counts:
                    counts[char] += 1
        if any(counts.values()):
            break
    if counts["\t"] > max(counts[";"], counts[","]):
        return "\t"
    return ";" if counts[";"] >= counts[","] and counts[";"] else ","
