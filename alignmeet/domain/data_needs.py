"""Data needs Top 10 (seed 001): each team ranks the data it needs to decide well, the
overlap is where both teams already agree, and the meeting turns the two lists into one
joint Top 10 with an owner per item.

Pure rules (no storage): a team's ranking, the overlap and differences between teams, and
a suggested joint order the facilitator starts from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from alignmeet.domain.enums import ActionStatus
from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _

MAX_RANKED = 10  # a team's list, and the joint list


# ---- records ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TeamRank:
    team_id: int
    team_name: str
    rank: int  # 1 = most wanted


@dataclass(frozen=True, slots=True)
class DataNeedRecord:
    id: int
    title: str
    description: str
    team_ranks: tuple[TeamRank, ...]  # in team order; teams that did not rank it are absent
    joint_rank: int | None  # 1..10 once agreed
    owner_id: int | None
    owner_name: str
    meeting_id: int | None  # where the joint rank was agreed
    action_id: int | None
    status: ActionStatus | None  # the action's status: the joint item tracks like an action
    due: date | None  # the action's due date

    def rank_for(self, team_id: int) -> int | None:
        return next((t.rank for t in self.team_ranks if t.team_id == team_id), None)

    @property
    def wanted_by(self) -> str:
        """ "Sales #2 · Marketing #1", or "—" when no team ranked it."""
        if not self.team_ranks:
            return "—"
        return " · ".join(f"{t.team_name} #{t.rank}" for t in self.team_ranks)

    @property
    def shared(self) -> bool:
        """Wanted by more than one team: part of the overlap."""
        return len(self.team_ranks) > 1


@dataclass(frozen=True, slots=True)
class TeamRanking:
    team_id: int
    team_name: str
    needs: tuple[DataNeedRecord, ...]  # rank 1 first

    @property
    def need_ids(self) -> tuple[int, ...]:
        return tuple(n.id for n in self.needs)


@dataclass(frozen=True, slots=True)
class Comparison:
    """What the service's `overlap()` returns: the teams' lists side by side."""

    teams: tuple[tuple[int, str], ...]  # (team id, name) in team order
    shared: tuple[DataNeedRecord, ...]  # wanted by two or more teams, suggested order
    only: tuple[tuple[int, tuple[DataNeedRecord, ...]], ...]  # (team id, its own needs)
    suggested: tuple[DataNeedRecord, ...]  # a joint Top 10 to start the discussion from

    def only_for(self, team_id: int) -> tuple[DataNeedRecord, ...]:
        return next((needs for tid, needs in self.only if tid == team_id), ())


@dataclass(frozen=True, slots=True)
class JointEntry:
    """One row of the joint Top 10 as the meeting agrees it (rank = position + 1)."""

    need_id: int
    owner_id: int
    due: date | None = None


# ---- rules ------------------------------------------------------------------------------
def validate_ranking(need_ids: Iterable[int], *, team_name: str = "team") -> tuple[int, ...]:
    """A team's list, most wanted first: at most ten, each need once."""
    ids = tuple(need_ids)
    if len(ids) > MAX_RANKED:
        raise ValidationError(
            "ranking",
            _(
                "The {team} list has {count} data needs; a Top 10 holds at most {most}. "
                "Take some out first."
            ).format(team=team_name, count=len(ids), most=MAX_RANKED),
        )
    seen: set[int] = set()
    for need_id in ids:
        if need_id in seen:
            raise ValidationError(
                "ranking",
                _("The {team} list names the same data need twice.").format(team=team_name),
            )
        seen.add(need_id)
    return ids


def ranks_for(need_ids: Sequence[int]) -> dict[int, int]:
    """need id -> rank: 1..n in list order, without gaps."""
    return {need_id: position + 1 for position, need_id in enumerate(need_ids)}


@dataclass(frozen=True, slots=True)
class Overlap:
    shared: tuple[int, ...]  # wanted by two or more teams, in suggested order
    only: dict[int, tuple[int, ...]]  # team id -> wanted by that team alone, in its rank order


def overlap(rankings: Mapping[int, Sequence[int]]) -> Overlap:
    """The needs two or more teams want (with two teams: both), and each team's own."""
    wanted_by: dict[int, int] = {}
    for ids in rankings.values():
        for need_id in set(ids):
            wanted_by[need_id] = wanted_by.get(need_id, 0) + 1
    shared = tuple(n for n in suggest_joint(rankings, limit=None) if wanted_by[n] > 1)
    only = {
        team_id: tuple(n for n in ids if wanted_by[n] == 1) for team_id, ids in rankings.items()
    }
    return Overlap(shared=shared, only=only)


def score(need_id: int, rankings: Mapping[int, Sequence[int]]) -> int:
    """Combined rank score: a team's #1 counts 10, its #10 counts 1, unranked 0."""
    total = 0
    for ids in rankings.values():
        ranks = ranks_for(ids)
        if need_id in ranks:
            total += MAX_RANKED + 1 - ranks[need_id]
    return total


def suggest_joint(
    rankings: Mapping[int, Sequence[int]], *, limit: int | None = MAX_RANKED
) -> tuple[int, ...]:
    """A joint order to start from: needs more teams want first (the overlap), then by
    combined rank score, then by the best single rank; ties by id so it is stable."""
    counts: dict[int, int] = {}
    best: dict[int, int] = {}
    for ids in rankings.values():
        for need_id, rank in ranks_for(ids).items():
            counts[need_id] = counts.get(need_id, 0) + 1
            best[need_id] = min(best.get(need_id, rank), rank)
    order = sorted(counts, key=lambda n: (-counts[n], -score(n, rankings), best[n], n))
    return tuple(order if limit is None else order[:limit])


def validate_joint(entries: Sequence[JointEntry], *, titles: Mapping[int, str]) -> None:
    """One to ten rows, each need once, each with an owner."""
    if not entries:
        raise ValidationError("entries", _("Pick at least one data need for the joint Top 10."))
    if len(entries) > MAX_RANKED:
        raise ValidationError(
            "entries",
            _("The joint Top 10 has {count} rows; keep it to {most} at most.").format(
                count=len(entries), most=MAX_RANKED
            ),
        )
    seen: set[int] = set()
    for position, entry in enumerate(entries, start=1):
        title = titles.get(entry.need_id, f"#{position}")
        if entry.need_id in seen:
            raise ValidationError(
                "entries", _("“{title}” is in the joint Top 10 twice.").format(title=title)
            )
        seen.add(entry.need_id)
        if not entry.owner_id:
            raise ValidationError(
                "owner",
                _("Row {row} (“{title}”) needs an owner.").format(row=position, title=title),
            )


def action_title(rank: int, title: str) -> str:
    """The action a joint item becomes: "Data need #3: Lead source per opportunity"."""
    return _("Data need #{rank}: {title}").format(rank=rank, title=title)
