"""Data needs, each team's ranking of them and the joint Top 10."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = [
    "actions",
    "by_title_key",
    "in_joint_list",
    "member_names",
    "needs",
    "ranks",
    "teams_ranking",
]


def needs(s: Session) -> list[m.DataNeed]:
    """Every data need."""
    return list(s.scalars(select(m.DataNeed)).all())


def by_title_key(s: Session, key: str) -> m.DataNeed | None:
    """The need whose title reads as `key` (alignmeet.domain.rules.name_key)."""
    return s.scalar(select(m.DataNeed).where(m.DataNeed.title_key == key))


def in_joint_list(s: Session) -> list[m.DataNeed]:
    """The needs on the joint Top 10."""
    return list(s.scalars(select(m.DataNeed).where(m.DataNeed.joint_rank.is_not(None))))


def teams_ranking(s: Session, need_id: int) -> set[int]:
    """The teams that rank this need."""
    query = select(m.DataNeedRank.team_id).where(m.DataNeedRank.data_need_id == need_id)
    return set(s.scalars(query))


def ranks(
    s: Session, *, team_id: int | None = None, without_need: int | None = None
) -> list[m.DataNeedRank]:
    """The ranks (of one team, by rank; leaving one need out when asked)."""
    query = select(m.DataNeedRank)
    if team_id is not None:
        query = query.where(m.DataNeedRank.team_id == team_id).order_by(m.DataNeedRank.rank)
    if without_need is not None:
        query = query.where(m.DataNeedRank.data_need_id != without_need)
    return list(s.scalars(query).all())


def member_names(s: Session) -> dict[int, str]:
    """Every member's name by id."""
    return {ident: name for ident, name in s.execute(select(m.Member.id, m.Member.name))}


def actions(s: Session, ids: list[int]) -> list[m.Action]:
    """These actions."""
    return list(s.scalars(select(m.Action).where(m.Action.id.in_(ids))))
