"""Importing members from a CSV file: what Excel writes, a preview with per-row problems,
then all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.rules import ValidationError
from alignmeet.services.people import (
    MemberImportPreview,
    decode_member_csv,
    read_member_csv,
)


def names(services) -> list[str]:
    return sorted(m.name for m in services.people.list_members(include_inactive=True))


def preview(services, text: str) -> MemberImportPreview:
    return services.people.preview_member_import(text=text)


# ---- what spreadsheets write ---------------------------------------------------------------


def test_excel_file_with_bom_and_semicolons_imports_every_member(services, tmp_path: Path):
    # Excel (German locale) "CSV UTF-8": a BOM, ";" between cells, CRLF line ends.
    raw = (
        "\ufeffName;Team;Rolle;E-Mail\r\n"
        "Ana López;Sales;Account Executive;ana@example.com\r\n"
        "Chloé Martin;marketing;Demand Gen;chloe@example.com\r\n"
    ).encode("utf-8")
    path = tmp_path / "members.csv"
    path.write_bytes(raw)
    text = read_member_csv(path)

    shown = preview(services, text)
    assert shown.ok, shown.summary()
    assert shown.separator == ";"
    assert shown.columns == ("name", "team", "role", "email")
    assert [(r.line, r.name, r.team, r.role, r.email) for r in shown.rows] == [
        (2, "Ana López", "Sales", "Account Executive", "ana@example.com"),
        (3, "Chloé Martin", "Marketing", "Demand Gen", "chloe@example.com"),
    ]
    assert shown.summary() == "Ready to import 2 members: 1 in Sales, 1 in Marketing."

    result = services.people.import_members(text=text)
    assert result.describe() == "Imported 2 members."
    assert [(m.name, m.team_name, m.role, m.email) for m in result.added] == [
        ("Ana López", "Sales", "Account Executive", "ana@example.com"),
        ("Chloé Martin", "Marketing", "Demand Gen", "chloe@example.com"),
    ]
    assert names(services) == ["Ana López", "Chloé Martin"]


def test_commas_quoted_separators_and_quoted_line_breaks(services):
    text = (
        "email,name,role,team\n"
        '"ana@example.com","López, Ana","Account Executive; EMEA",Sales\n'
        'dev@example.com,"Dev\nPatel","Content, ""brand"" and web",Marketing\n'
        "ben@example.com,Ben Okoro,SDR,Sales\n"
    )
    shown = preview(services, text)
    assert shown.separator == ","
    assert shown.ok, [r.problems for r in shown.rows]
    assert [(r.line, r.name, r.role) for r in shown.rows] == [
        (2, "López, Ana", "Account Executive; EMEA"),
        (3, "Dev Patel", 'Content, "brand" and web'),  # a pasted line break folds to a space
        (5, "Ben Okoro", "SDR"),  # the line after the two-line row
    ]


def test_empty_lines_and_rows_of_empty_cells_are_skipped(services):
    text = "\n\nName;Team\n;;\n\nAna López;Sales\n \n;\nBen Okoro;Sales\n\n"
    shown = preview(services, text)
    assert [r.name for r in shown.rows] == ["Ana López", "Ben Okoro"]
    assert shown.skipped_empty == 7
    assert shown.ok


@pytest.mark.parametrize(
    "header",
    [
        "Name,Team,Role,Email",
        "NAME,TEAM,ROLE,E-MAIL",
        "name , team , role , e-mail address",
        "Name,Team,Rolle,E-Mail",  # German
        "Name,Team,Funktion,E-Mail-Adresse",
        "Full name,Department,Job title,Mail",
        "E_mail,Role,Team,Name",  # any order
    ],
)
def test_header_variants(services, header):
    order = [c.strip().casefold() for c in header.split(",")]
    values = {"name": "Ana López", "team": "Sales", "role": "AE", "email": "ana@example.com"}
    kinds = []
    for cell in order:
        if "mail" in cell:
            kinds.append("email")
        elif cell in ("team", "department"):
            kinds.append("team")
        elif "name" in cell:
            kinds.append("name")
        else:
            kinds.append("role")
    text = header + "\n" + ",".join(values[k] for k in kinds) + "\n"
    shown = preview(services, text)
    assert shown.ok, shown.summary()
    row = shown.rows[0]
    assert (row.name, row.team, row.role, row.email) == tuple(values.values())


def test_first_and_last_name_columns_make_the_name(services):
    shown = preview(services, "Vorname;Nachname;Team\nAna;López;Sales\n")
    assert [r.name for r in shown.rows] == ["Ana López"]


def test_role_and_email_columns_are_optional(services):
    shown = preview(services, "Team,Name\nSales,Ana López\n")
    assert shown.ok
    assert (shown.rows[0].role, shown.rows[0].email) == ("", "")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Ana López;Sales\nBen Okoro;Sales\n", "does not name the columns"),
        ("Name;Role\nAna López;AE\n", "lacks the column Team"),
        ("Team;Role\nSales;AE\n", "lacks the column Name"),
    ],
)
def test_a_file_without_the_needed_header_is_refused_with_a_message(services, text, message):
    with pytest.raises(ValidationError) as err:
        preview(services, text)
    assert err.value.field == "csv"
    assert message in err.value.message
    assert "Name, Team, Role, E-mail" in err.value.message


def test_an_empty_file_holds_no_members_and_imports_nothing(services):
    shown = preview(services, "Name;Team\n\n")
    assert not shown.ok
    assert shown.summary() == "The file holds no members."
    with pytest.raises(ValidationError, match="holds no members"):
        services.people.import_members(text="Name;Team\n")


# ---- problems, row by row ------------------------------------------------------------------


def test_each_problem_is_reported_on_its_row(services, people):
    services.people.update_member(member_id=people.dev.id, active=False)
    text = (
        "Name;Team;Role;E-mail\n"
        "Zoe Ok;Sales;AE;zoe@example.com\n"  # 2 fine
        ";Sales;AE;\n"  # 3 missing name
        "Finn Nord;Support;;\n"  # 4 unknown team
        "Gia Rossi;;;\n"  # 5 missing team
        "zoe  ok;Marketing;;\n"  # 6 duplicate of line 2
        "ana lópez;Sales;;\n"  # 7 already a member
        "Dev Patel;Marketing;;\n"  # 8 an inactive member
        "Hal Berg;Sales;;hal-at-example.com\n"  # 9 invalid e-mail
        f"{'X' * 130};Sales;;\n"  # 10 name too long
        ";Nowhere;;@\n"  # 11 three problems at once
    )
    shown = preview(services, text)
    problems = {row.line: row.problems for row in shown.rows}
    assert problems == {
        2: (),
        3: ("The name is missing.",),
        4: (
            "There is no team called “Support”: add it on the People page first, "
            "or correct the file.",
        ),
        5: ("The team is missing.",),
        6: ("“zoe ok” is already on line 2 of the file.",),
        7: ("“Ana López” is already a member.",),
        8: ("“Dev Patel” is already a member (inactive — reactivate them instead).",),
        9: ("“hal-at-example.com” is not an e-mail address.",),
        10: ("The name is too long (130 characters; at most 80).",),
        11: (
            "The name is missing.",
            "There is no team called “Nowhere”: add it on the People page first, "
            "or correct the file.",
            "“@” is not an e-mail address.",
        ),
    }
    assert not shown.ok
    assert len(shown.problem_rows) == 9
    assert shown.summary() == (
        "9 of 10 rows have problems: nothing will be imported until the file is corrected."
    )


def test_a_problem_anywhere_imports_nothing(services, people):
    before = names(services)
    text = "Name,Team\nZoe Ok,Sales\nYan Li,Marketing\nXi Wu,Finance\n"
    with pytest.raises(ValidationError) as err:
        services.people.import_members(text=text)
    assert err.value.field == "csv"
    assert err.value.message == (
        "1 of 3 rows has a problem: nothing will be imported until the file is corrected. "
        "First problem, line 4: There is no team called “Finance”: add it on the People "
        "page first, or correct the file."
    )
    assert names(services) == before


def test_a_failure_while_writing_rolls_every_member_back(services, people, monkeypatch):
    """All or nothing holds even when something fails after the rows reached the database."""
    from alignmeet.services import people as people_module

    before = names(services)
    converted = []

    def failing_to_member(obj):
        converted.append(obj.name)
        raise RuntimeError("disk gone")

    monkeypatch.setattr(people_module, "to_member", failing_to_member)
    with pytest.raises(RuntimeError):
        services.people.import_members(text="Name;Team\nA One;Sales\nB Two;Sales\n")
    monkeypatch.undo()
    assert converted == ["A One"]  # both rows were flushed, then the error came
    assert names(services) == before


def test_a_member_added_between_preview_and_import_stops_the_import(services, teams):
    text = "Name;Team\nAna López;Sales\nBen Okoro;Sales\n"
    assert preview(services, text).ok
    services.people.add_member(name="Ben Okoro", team_id=teams["Marketing"])
    with pytest.raises(ValidationError, match="“Ben Okoro” is already a member"):
        services.people.import_members(text=text)
    assert names(services) == ["Ben Okoro"]


# ---- reading the file ----------------------------------------------------------------------


def test_files_from_older_excel_and_unicode_text_are_read(tmp_path: Path):
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes("Name;Team\nJörg Müller;Sales\n".encode("cp1252"))
    assert read_member_csv(ansi) == "Name;Team\nJörg Müller;Sales\n"
    utf16 = tmp_path / "unicode.txt"
    utf16.write_bytes("Name\tTeam\nJörg Müller\tSales\n".encode("utf-16"))
    assert read_member_csv(utf16) == "Name\tTeam\nJörg Müller\tSales\n"


def test_tab_separated_text_is_read(services):
    shown = preview(services, "Name\tTeam\nJörg Müller\tSales\n")
    assert shown.separator == "\t"
    assert [r.name for r in shown.rows] == ["Jörg Müller"]


def test_unreadable_files_are_validation_errors(tmp_path: Path):
    with pytest.raises(ValidationError, match="cannot be read"):
        read_member_csv(tmp_path / "missing.csv")
    with pytest.raises(ValidationError, match="not a text"):
        decode_member_csv(b"PK\x03\x04\x00\x00binary")


def test_a_malformed_csv_is_a_validation_error(services):
    huge = "x" * 200_000  # longer than the csv module accepts in one field
    with pytest.raises(ValidationError, match="not a readable CSV"):
        preview(services, f'Name,Team\n"{huge}",Sales\n')


# ---- any text ------------------------------------------------------------------------------

_cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters='"\r\n;\x00'),
    max_size=30,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.tuples(_cell, _cell, _cell), max_size=6))
def test_any_cells_preview_without_crashing_and_never_write(services, rows):
    text = "Name;Team;Role\n" + "".join(";".join(row) + "\n" for row in rows)
    shown = preview(services, text)
    for row in shown.rows:
        assert row.ok == (row.team_id is not None and bool(row.name) and not row.problems)
    assert names(services) == []
