"""Both CSV imports — members (People) and KPI measurements (Goals) — read files through
one reader with limits (issue 11, finding 7): the file's size, the number of rows and the
length of a field, each refused with a message naming the line and the column, never
`_csv.Error: field larger than field limit (131072)` ("Something went wrong").
BOM, `;`, quoted line breaks and all-or-nothing stay as they were
(tests/services/test_member_import.py, tests/services/test_goals.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmeet import i18n
from alignmeet.domain.rules import ValidationError
from alignmeet.services.csv_reader import MAX_FIELD
from alignmeet.services.goals import MAX_CSV_BYTES, MAX_CSV_ROWS
from alignmeet.services.people import MAX_MEMBER_CSV_BYTES, read_member_csv

HUGE = "x" * 200_000  # over the csv module's own limit of 131,072 characters


@pytest.fixture
def kpi(services):
    return services.goals.add_kpi(name="Leads", unit="count")


def refusal(call) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == "csv"
    return caught.value


# ---- a field too long -----------------------------------------------------------------------


def test_a_kpi_file_with_a_huge_field_is_refused_naming_its_line_and_column(services, kpi):
    text = f"KPI;Period;Value;Target;Note\nLeads;2026-03;5;;ok\nLeads;2026-02;4;;{HUGE}\n"
    error = refusal(lambda: services.goals.preview_csv(text=text))
    assert "line 3, column 5 “Note”: 200,000 characters" in error.message
    assert "more than the 20,000 a field may hold" in error.message
    error = refusal(lambda: services.goals.import_csv(text=text))
    assert services.goals.measurements(kpi.id) == []  # all or nothing


def test_a_kpi_file_from_disk_with_a_huge_field_is_a_message_not_a_crash(
    services, kpi, tmp_path: Path
):
    path = tmp_path / "kpis.csv"
    path.write_text(f"Leads,2026-03,5,,{HUGE}\n", encoding="utf-8")
    error = refusal(lambda: services.goals.preview_csv_file(path=path))
    assert "line 1, column 5:" in error.message  # no header: the column by its number
    refusal(lambda: services.goals.import_csv_file(path=path))
    assert services.goals.measurements(kpi.id) == []


def test_a_quote_never_closed_is_explained_at_the_line_where_it_opens(services, kpi):
    rows = "".join(f"Leads;2026-{m:02d};{m};;fine\n" for m in range(1, 10))
    text = 'KPI;Period;Value;Target;Note\nLeads;2025-12;1;;"oops\n' + rows * 3000
    error = refusal(lambda: services.goals.preview_csv(text=text))
    assert "line 2, column 5 “Note”" in error.message
    assert "quote mark" in error.message


def test_a_member_file_with_a_huge_field_names_line_and_column(services):
    text = f"Name;Team;Role\nAna López;Sales;AE\nBen;Sales;{HUGE}\n"
    error = refusal(lambda: services.people.preview_member_import(text=text))
    assert "not a readable CSV" in error.message
    assert "line 3, column 3 “Role”: 200,000 characters" in error.message
    refusal(lambda: services.people.import_members(text=text))
    assert [m.name for m in services.people.list_members()] == []


def test_a_field_just_within_the_limit_is_read(services, kpi):
    note = "n" * MAX_FIELD
    preview = services.goals.preview_csv(text=f"Leads;2026-03;5;;{note}\n")
    assert preview.ok
    assert preview.rows[0].note == note[:2000]  # the note is cut as before


# ---- size and rows ----------------------------------------------------------------------------


def test_an_oversized_file_is_refused_before_it_is_read(services, tmp_path: Path):
    for path, limit, call in (
        (tmp_path / "big-kpis.csv", MAX_CSV_BYTES, services.goals.preview_csv_file),
        (tmp_path / "big-members.csv", MAX_MEMBER_CSV_BYTES, None),
    ):
        with path.open("wb") as sparse:
            sparse.truncate(limit + 1)  # a sparse file: nothing to read
        if call is None:
            error = refusal(lambda p=path: read_member_csv(p))
            assert "too large for a member list (over 2 MB)" in error.message
        else:
            error = refusal(lambda p=path, c=call: c(path=p))
            assert "too large for a KPI import (over 5 MB)" in error.message
        assert str(path) in error.message


def test_too_many_rows_are_refused(services, kpi):
    text = "KPI;Period;Value\n" + "Leads;2026-03;1\n" * (MAX_CSV_ROWS + 1)
    error = refusal(lambda: services.goals.preview_csv(text=text))
    assert "more than 20,000 rows" in error.message


# ---- what both imports now read alike ------------------------------------------------------


def test_a_unicode_text_kpi_file_is_read_like_a_member_file(services, kpi, tmp_path: Path):
    path = tmp_path / "unicode.txt"
    path.write_bytes(
        "KPI\tPeriod\tValue\tNote\nLeads\t2026-03\t7\tAprès la pause\n".encode("utf-16")
    )
    preview = services.goals.preview_csv_file(path=path)
    assert preview.ok
    assert preview.rows[0].note == "Après la pause"


def test_a_binary_file_is_not_taken_for_kpis(services, tmp_path: Path):
    path = tmp_path / "sheet.xlsx.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary")
    error = refusal(lambda: services.goals.preview_csv_file(path=path))
    assert "is not a text (CSV) file" in error.message


def test_control_characters_in_a_file_pass_the_text_gate(services, kpi, tmp_path: Path):
    path = tmp_path / "kpis.csv"
    path.write_bytes(b"Leads;2026-03;5;;after\x0bthe\x1b pause\n")
    services.goals.import_csv_file(path=path)
    (measurement,) = services.goals.measurements(kpi.id)
    assert measurement.note == "after the pause"


def test_the_messages_are_in_german(services, kpi):
    text = f"KPI;Period;Value;Target;Note\nLeads;2026-02;4;;{HUGE}\n"
    with i18n.use_language("de"):
        error = refusal(lambda: services.goals.preview_csv(text=text))
    assert "Zeile 2, Spalte 5 „Note“: 200.000 Zeichen" in error.message
