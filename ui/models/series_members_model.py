"""Members of a series: every active member with a check box, "Name — Team"."""

from __future__ import annotations

from alignmeet.domain.records import MemberRecord
from ui.models.invitees_model import InviteesModel, member_column


def member_team_label(member: MemberRecord) -> str:
    """ "Ava Chen — Sales" """
    return f"{member.name} — {member.team_name}"


class SeriesMembersModel(InviteesModel):
    """The invitees model with a shorter label; `invited_ids()` are the ticked members."""

    COLUMNS = (member_column(member_team_label),)
