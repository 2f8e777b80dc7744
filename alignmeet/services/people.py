"""Teams and members, and importing members from a CSV file (preview, then all or nothing)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from alignmeet.domain import records as r
from alignmeet.domain.bidi import cut_line
from alignmeet.domain.rules import (
    ValidationError,
    clean_line,
    max_length,
    name_key,
    require_text,
    too_long,
    validate_email,
)
from alignmeet.i18n import N_, _, ngettext
from alignmeet.services.base import ServiceBase, given, to_member, versioned_write
from alignmeet.services.csv_reader import CsvLimits, CsvText, decode_csv, read_csv, read_csv_file
from alignmeet.storage import models as m
from alignmeet.storage.queries import people as q
from alignmeet.storage.queries import tables

DEFAULT_TEAMS = ("Sales", "Marketing")


class PeopleService(ServiceBase):
    def ensure_default_teams(self) -> None:
        with self.db.transaction() as s:
            if tables.count(s, m.Team):
                return
            for i, name in enumerate(DEFAULT_TEAMS):
                s.add(m.Team(name=name, position=i))

    def list_teams(self) -> list[r.TeamRecord]:
        with self.db.sessions() as s:
            return [r.TeamRecord(id=t.id, name=t.name, position=t.position) for t in q.teams(s)]

    def add_team(self, *, name: str) -> r.TeamRecord:
        text = require_text("name", name, label=_("Team name"), limit=max_length("team.name"))
        with self.db.transaction() as s:
            self._check_team_name(s, text, None)
            position = tables.next_position(s, m.Team.position)
            team = m.Team(name=text, position=position)
            s.add(team)
            s.flush()
            return r.TeamRecord(id=team.id, name=team.name, position=team.position)

    def rename_team(self, *, team_id: int, name: str) -> r.TeamRecord:
        text = require_text("name", name, label=_("Team name"), limit=max_length("team.name"))
        with self.db.transaction() as s:
            team = self._get(s, m.Team, team_id, "Team")
            self._check_team_name(s, text, team_id)
            team.name = text
            return r.TeamRecord(id=team.id, name=team.name, position=team.position)

    def _check_team_name(self, s, text: str, own_id: int | None) -> None:  # type: ignore[no-untyped-def]
        key = name_key(text)
        for team in q.teams(s):
            if team.id != own_id and name_key(team.name) == key:
                raise ValidationError(
                    "name", _("There is already a team called “{name}”.").format(name=team.name)
                )

    def list_members(self, *, include_inactive: bool = False) -> list[r.MemberRecord]:
        with self.db.sessions() as s:
            return [to_member(x) for x in q.members(s, include_inactive=include_inactive)]

    def get_member(self, member_id: int) -> r.MemberRecord:
        with self.db.sessions() as s:
            return to_member(self._get(s, m.Member, member_id, "Member"))

    def add_member(
        self, *, name: str, team_id: int, role: str = "", email: str = ""
    ) -> r.MemberRecord:
        text = require_text("name", name, label=_("Name"), limit=max_length("member.name"))
        mail = validate_email(email)
        role_text = cut_line(role, 200)
        with self.db.transaction() as s:
            self._get(s, m.Team, team_id, "Team")
            self._check_member_name(s, text, None)
            member = m.Member(
                name=text, name_key=name_key(text), team_id=team_id, role=role_text, email=mail
            )
            s.add(member)
            s.flush()
            return to_member(member)

    @versioned_write(m.Member)
    def update_member(
        self,
        *,
        member_id: int,
        name: str | None = None,
        team_id: int | None = None,
        role: str | None = None,
        email: str | None = None,
        active: bool | None = None,
        seen: object | None = None,
    ) -> r.MemberRecord:
        """`seen`: the member as the user saw it (a record or a `Seen`). ConflictError
        when someone else changed one of the fields given since then (nothing is written
        then)."""
        asked = given(name=name, team_id=team_id, role=role, email=email, active=active)
        with (
            self._guarded(m.Member, member_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            member = self._get(s, m.Member, member_id, "Member")
            guard.loaded(member, _("Member “{name}”").format(name=member.name))
            if name is not None:
                text = require_text("name", name, label=_("Name"), limit=max_length("member.name"))
                self._check_member_name(s, text, member_id)
                member.name = text
                member.name_key = name_key(text)
            if team_id is not None:
                self._get(s, m.Team, team_id, "Team")
                member.team_id = team_id
            if role is not None:
                member.role = cut_line(role, 200)
            if email is not None:
                member.email = validate_email(email)
            if active is not None:
                member.active = active
            guard.check(s, member)
            s.flush()
            s.refresh(member, ["team"])
            return to_member(member)

    def _check_member_name(self, s, text: str, own_id: int | None) -> None:  # type: ignore[no-untyped-def]
        existing = q.member_by_key(s, name_key(text))
        if existing is not None and existing.id != own_id:
            raise ValidationError("name", _already_member(existing))

    # ---- importing members from CSV ------------------------------------------------------
    def preview_member_import(self, *, text: CsvText) -> MemberImportPreview:
        """What importing `text` would add, row by row, with each row's problems.

        The first row names the columns, in any order and any case: Name, Team, Role,
        E-mail (German Name, Team, Rolle, E-Mail too; First name + Last name instead of
        Name). `;` or `,` separators, Excel's BOM, quoted separators and line breaks are
        read; empty rows are skipped. Teams must exist already (they are not created).
        A file the import cannot read at all raises `ValidationError("csv", ...)`.
        """
        with self.db.sessions() as s:
            return _member_preview(s, text)

    def import_members(self, *, text: CsvText) -> MemberImportResult:
        """Add every member of `text`, or none: one row with a problem stops the import
        (`ValidationError("csv", ...)` says how many rows and the first problem).
        A backup comes first (QUALITY.md: before risky operations; SQLite files only)."""
        self.db.backup("before-import")
        with self.db.transaction() as s:
            preview = _member_preview(s, text)
            if not preview.rows:
                raise ValidationError("csv", _("The file holds no members: nothing imported."))
            if not preview.ok:
                first = preview.problem_rows[0]
                raise ValidationError(
                    "csv",
                    _("{summary} First problem, line {line}: {problem}").format(
                        summary=preview.summary(), line=first.line, problem=first.problem
                    ),
                )
            added = []
            for row in preview.rows:
                assert row.team_id is not None
                member = m.Member(
                    name=row.name,
                    name_key=name_key(row.name),
                    team_id=row.team_id,
                    role=row.role,
                    email=row.email,
                )
                s.add(member)
                added.append(member)
            s.flush()
            return MemberImportResult(added=tuple(to_member(x) for x in added))


# ---- importing members from CSV -----------------------------------------------------------

MAX_MEMBER_CSV_BYTES = 2_000_000
MAX_MEMBER_CSV_ROWS = 5_000
# Header names (case-insensitive; "-" and "_" read as spaces), English and German.
_MEMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "member", "person", "vollständiger name"),
    "first": ("first name", "given name", "firstname", "vorname"),
    "last": ("last name", "surname", "family name", "lastname", "nachname"),
    "team": ("team", "department", "abteilung"),
    "role": ("role", "job title", "title", "position", "rolle", "funktion"),
    "email": (
        "email",
        "e mail",
        "mail",
        "email address",
        "e mail address",
        "e mail adresse",
        "email adresse",
    ),
}
_EXPECTED = N_("Expected a first row naming the columns Name, Team, Role, E-mail (in any order).")


@dataclass(frozen=True)
class MemberImportRow:
    """One member as a CSV import would add them, or what stops it."""

    line: int  # line number in the file where the row starts (1 = the header row)
    name: str
    team: str  # the team as it exists ("Sales"), or as written when there is no such team
    role: str
    email: str
    team_id: int | None
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem(self) -> str:
        return " ".join(self.problems)


@dataclass(frozen=True)
class MemberImportPreview:
    rows: tuple[MemberImportRow, ...]
    separator: str
    skipped_empty: int
    columns: tuple[str, ...]  # the recognised columns, in the file's order

    @property
    def problem_rows(self) -> tuple[MemberImportRow, ...]:
        return tuple(row for row in self.rows if row.problems)

    @property
    def ok(self) -> bool:
        """True when importing would add every row (and there is at least one)."""
        return bool(self.rows) and not self.problem_rows

    def summary(self) -> str:
        if not self.rows:
            return _("The file holds no members.")
        count = len(self.rows)
        bad = len(self.problem_rows)
        if bad:
            if bad == 1:
                text = ngettext(
                    "{bad} of {count} row has a problem: nothing will be imported until the "
                    "file is corrected.",
                    "{bad} of {count} rows has a problem: nothing will be imported until the "
                    "file is corrected.",
                    count,
                )
            else:
                text = _(
                    "{bad} of {count} rows have problems: nothing will be imported until the "
                    "file is corrected."
                )
            return text.format(bad=bad, count=count)
        teams = Counter(row.team for row in self.rows)
        per_team = ", ".join(_("{n} in {team}").format(n=n, team=team) for team, n in teams.items())
        return ngettext(
            "Ready to import {count} member: {per_team}.",
            "Ready to import {count} members: {per_team}.",
            count,
        ).format(count=count, per_team=per_team)


@dataclass(frozen=True)
class MemberImportResult:
    added: tuple[r.MemberRecord, ...]

    def describe(self) -> str:
        count = len(self.added)
        return ngettext("Imported {count} member.", "Imported {count} members.", count).format(
            count=count
        )


def _already_member(existing: m.Member) -> str:
    if existing.active:
        return _("“{name}” is already a member.").format(name=existing.name)
    return _("“{name}” is already a member (inactive — reactivate them instead).").format(
        name=existing.name
    )


_MEMBER_LIMITS = CsvLimits(
    max_bytes=MAX_MEMBER_CSV_BYTES,
    max_rows=MAX_MEMBER_CSV_ROWS,
    too_large=lambda: _("The file is too large for a member list (over 2 MB)."),
    too_large_file=lambda: _("{path} is too large for a member list (over 2 MB)."),
    too_many_rows=lambda: _("The file has more than {most} members: split it up."),
)


def read_member_csv(path: str | Path) -> str:
    """The text of a CSV file as Excel and others save it (see services/csv_reader.py)."""
    return read_csv_file(path, _MEMBER_LIMITS)


def decode_member_csv(raw: bytes, *, path: str | Path | None = None) -> str:
    return decode_csv(raw, path=path)


def _member_preview(s: Session, text: str) -> MemberImportPreview:
    table = read_csv(text, _MEMBER_LIMITS, has_header=lambda _cells: True)
    columns = _member_columns(table.header) if table.header is not None else None
    teams = {name_key(t.name): t for t in q.teams(s)}
    members = {x.name_key: x for x in q.members(s)}
    seen: dict[str, int] = {}
    rows = [
        _member_row(row.line, row.cells, columns, teams, members, seen)
        for row in table.rows
        if columns is not None
    ]
    order = sorted(columns.items(), key=lambda kv: kv[1]) if columns else []
    return MemberImportPreview(
        rows=tuple(rows),
        separator=table.separator,
        skipped_empty=table.skipped_empty,
        columns=tuple(name for name, _ in order),
    )


def _member_columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = " ".join(
            cell.strip()
            .removeprefix("\ufeff")
            .casefold()
            .replace("-", " ")
            .replace("_", " ")
            .split()
        )
        for column, names in _MEMBER_COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
                break
    has_name = "name" in found or {"first", "last"} <= found.keys()
    if not has_name and "team" not in found:
        raise ValidationError(
            "csv",
            _("The first row does not name the columns. {expected}").format(expected=_(_EXPECTED)),
        )
    if not has_name or "team" not in found:
        text = (
            _("The first row lacks the column Name. {expected}")
            if "team" in found
            else _("The first row lacks the column Team. {expected}")
        )
        raise ValidationError("csv", text.format(expected=_(_EXPECTED)))
    if "name" in found:
        found.pop("first", None)
        found.pop("last", None)
    return found


def _member_row(
    line: int,
    cells: list[str],
    columns: dict[str, int],
    teams: dict[str, m.Team],
    members: dict[str, m.Member],
    seen: dict[str, int],
) -> MemberImportRow:
    def cell(column: str) -> str:
        index = columns.get(column)
        return clean_line(cells[index]) if index is not None and index < len(cells) else ""

    name = cell("name") if "name" in columns else clean_line(f"{cell('first')} {cell('last')}")
    team_text = cell("team")
    role = cut_line(cell("role"), 200)
    email_text = cell("email")
    problems: list[str] = []
    if not name:
        problems.append(_("The name is missing."))
    elif len(name) > max_length("member.name"):
        problems.append(
            too_long("name", _("The name"), len(name), max_length("member.name")).message
        )
    else:
        key = name_key(name)
        existing = members.get(key)
        if existing is not None:
            problems.append(_already_member(existing))
        elif key in seen:
            problems.append(
                _("“{name}” is already on line {line} of the file.").format(
                    name=name, line=seen[key]
                )
            )
        else:
            seen[key] = line
    team = teams.get(name_key(team_text)) if team_text else None
    if not team_text:
        problems.append(_("The team is missing."))
    elif team is None:
        problems.append(
            _(
                "There is no team called “{team}”: add it on the People page first, "
                "or correct the file."
            ).format(team=team_text)
        )
    try:
        email = validate_email(email_text)
    except ValidationError as exc:
        email = email_text
        problems.append(exc.message)
    return MemberImportRow(
        line=line,
        name=name,
        team=team.name if team is not None else team_text,
        role=role,
        email=email,
        team_id=team.id if team is not None else None,
        problems=tuple(problems),
    )
