"""Members of a series: every active member with a check box, "Name — Team"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from alignmeet.domain.records import MemberRecord
from ui.models.invitees_model import InviteesModel
from ui.models.record_table_model import Column, plain_tooltip


def member_team_label(member: MemberRecord) -> str:
    """ "Ava Chen — Sales" """
    return f"{member.name} — {member.team_name}"


class SeriesMembersModel(InviteesModel):
    """The invitees model with a shorter label; `invited_ids()` are the ticked members."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Member"),
            member_team_label,
            lambda m: m.name.casefold(),
            tooltip=lambda m: plain_tooltip(member_team_label(m)),
        ),
    )
