"""Teams and members."""

from __future__ import annotations

from sqlalchemy import func, select

from alignmeet.domain import records as r
from alignmeet.domain.rules import (
    MAX_NAME,
    ValidationError,
    name_key,
    require_text,
    validate_email,
)
from alignmeet.services.base import ServiceBase, to_member
from alignmeet.storage import models as m

DEFAULT_TEAMS = ("Sales", "Marketing")


class PeopleService(ServiceBase):
    def ensure_default_teams(self) -> None:
        with self.db.transaction() as s:
            if s.scalar(select(func.count()).select_from(m.Team)):
                return
            for i, name in enumerate(DEFAULT_TEAMS):
                s.add(m.Team(name=name, position=i))

    def list_teams(self) -> list[r.TeamRecord]:
        with self.db.sessions() as s:
            rows = s.scalars(select(m.Team).order_by(m.Team.position, m.Team.id))
            return [r.TeamRecord(id=t.id, name=t.name, position=t.position) for t in rows]

    def add_team(self, *, name: str) -> r.TeamRecord:
        text = require_text("name", name, label="Team name", limit=MAX_NAME)
        with self.db.transaction() as s:
            self._check_team_name(s, text, None)
            position = (s.scalar(select(func.max(m.Team.position))) or 0) + 1
            team = m.Team(name=text, position=position)
            s.add(team)
            s.flush()
            return r.TeamRecord(id=team.id, name=team.name, position=team.position)

    def rename_team(self, *, team_id: int, name: str) -> r.TeamRecord:
        text = require_text("name", name, label="Team name", limit=MAX_NAME)
        with self.db.transaction() as s:
            team = self._get(s, m.Team, team_id, "Team")
            self._check_team_name(s, text, team_id)
            team.name = text
            return r.TeamRecord(id=team.id, name=team.name, position=team.position)

    def _check_team_name(self, s, text: str, own_id: int | None) -> None:  # type: ignore[no-untyped-def]
        key = name_key(text)
        for team in s.scalars(select(m.Team)):
            if team.id != own_id and name_key(team.name) == key:
                raise ValidationError("name", f"There is already a team called “{team.name}”.")

    def list_members(self, *, include_inactive: bool = False) -> list[r.MemberRecord]:
        with self.db.sessions() as s:
            query = select(m.Member).join(m.Team).order_by(m.Team.position, m.Member.name)
            if not include_inactive:
                query = query.where(m.Member.active.is_(True))
            return [to_member(x) for x in s.scalars(query)]

    def get_member(self, member_id: int) -> r.MemberRecord:
        with self.db.sessions() as s:
            return to_member(self._get(s, m.Member, member_id, "Member"))

    def add_member(
        self, *, name: str, team_id: int, role: str = "", email: str = ""
    ) -> r.MemberRecord:
        text = require_text("name", name, label="Name", limit=MAX_NAME)
        mail = validate_email(email)
        role_text = " ".join(role.split())[:200]
        with self.db.transaction() as s:
            self._get(s, m.Team, team_id, "Team")
            self._check_member_name(s, text, None)
            member = m.Member(
                name=text, name_key=name_key(text), team_id=team_id, role=role_text, email=mail
            )
            s.add(member)
            s.flush()
            return to_member(member)

    def update_member(
        self,
        *,
        member_id: int,
        name: str | None = None,
        team_id: int | None = None,
        role: str | None = None,
        email: str | None = None,
        active: bool | None = None,
    ) -> r.MemberRecord:
        with self.db.transaction() as s:
            member = self._get(s, m.Member, member_id, "Member")
            if name is not None:
                text = require_text("name", name, label="Name", limit=MAX_NAME)
                self._check_member_name(s, text, member_id)
                member.name = text
                member.name_key = name_key(text)
            if team_id is not None:
                self._get(s, m.Team, team_id, "Team")
                member.team_id = team_id
            if role is not None:
                member.role = " ".join(role.split())[:200]
            if email is not None:
                member.email = validate_email(email)
            if active is not None:
                member.active = active
            s.flush()
            s.refresh(member, ["team"])
            return to_member(member)

    def _check_member_name(self, s, text: str, own_id: int | None) -> None:  # type: ignore[no-untyped-def]
        existing = s.scalar(select(m.Member).where(m.Member.name_key == name_key(text)))
        if existing is not None and existing.id != own_id:
            hint = "" if existing.active else " (inactive — reactivate them instead)"
            raise ValidationError("name", f"“{existing.name}” is already a member{hint}.")
