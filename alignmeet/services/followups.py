"""Follow-ups across meetings: every action until it is done, filtered and searched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select

from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.services import records as r
from alignmeet.services.base import ServiceBase, to_action
from alignmeet.storage import models as m

DUE_BUCKETS = ("overdue", "this_week", "later", "none")


@dataclass(frozen=True)
class ActionFilter:
    """What the follow-up view and the exports ask for. Empty = everything."""

    owner_id: int | None = None
    team_tag: TeamTag | None = None
    series_id: int | None = None
    statuses: frozenset[ActionStatus] | None = None  # None: all statuses
    due: str | None = None  # one of DUE_BUCKETS, None: any
    text: str = ""  # words searched in action titles and history notes


class FollowUpService(ServiceBase):
    def actions(
        self, flt: ActionFilter | None = None, *, today: date | None = None
    ) -> list[r.ActionRow]:
        flt = flt or ActionFilter()
        today = today or self._now().date()
        origin = m.Meeting
        query = (
            select(m.Action, origin, m.Member, m.Series.name, m.Team.name)
            .join(origin, m.Action.meeting_id == origin.id)
            .join(m.Series, origin.series_id == m.Series.id)
            .join(m.Member, m.Action.owner_id == m.Member.id)
            .join(m.Team, m.Member.team_id == m.Team.id)
        )
        if flt.owner_id is not None:
            query = query.where(m.Action.owner_id == flt.owner_id)
        if flt.team_tag is not None:
            query = query.where(m.Action.team_tag == TeamTag(flt.team_tag).value)
        if flt.series_id is not None:
            query = query.where(origin.series_id == flt.series_id)
        if flt.statuses is not None:
            query = query.where(m.Action.status.in_([ActionStatus(s).value for s in flt.statuses]))
        if flt.due is not None:
            week_end = today + timedelta(days=7)
            if flt.due == "overdue":  # only what is still open can be overdue
                query = query.where(
                    m.Action.due < today, m.Action.status.in_([x.value for x in OPEN_STATUSES])
                )
            elif flt.due == "this_week":
                query = query.where(and_(m.Action.due >= today, m.Action.due <= week_end))
            elif flt.due == "later":
                query = query.where(m.Action.due > week_end)
            elif flt.due == "none":
                query = query.where(m.Action.due.is_(None))
            else:
                raise ValueError(f"unknown due bucket {flt.due!r}; use one of {DUE_BUCKETS}")
        for word in flt.text.split():
            pattern = f"%{word}%"
            noted = select(m.ActionUpdate.action_id).where(m.ActionUpdate.note.ilike(pattern))
            query = query.where(or_(m.Action.title.ilike(pattern), m.Action.id.in_(noted)))
        query = query.order_by(m.Action.due.is_(None), m.Action.due, m.Action.id)
        with self.db.sessions() as s:
            rows = s.execute(query).all()
            ids = [a.id for a, *_ in rows]
            slipped: dict[int, int] = {}
            notes: dict[int, str] = {}
            for chunk_start in range(0, len(ids), 900):
                chunk = ids[chunk_start : chunk_start + 900]
                for action_id, count in s.execute(
                    select(m.ActionUpdate.action_id, func.count())
                    .where(
                        m.ActionUpdate.action_id.in_(chunk),
                        m.ActionUpdate.old_due.is_not(None),
                        m.ActionUpdate.new_due > m.ActionUpdate.old_due,
                    )
                    .group_by(m.ActionUpdate.action_id)
                ):
                    slipped[action_id] = count
                for action_id, note in s.execute(
                    select(m.ActionUpdate.action_id, m.ActionUpdate.note)
                    .where(m.ActionUpdate.action_id.in_(chunk), m.ActionUpdate.note != "")
                    .order_by(m.ActionUpdate.changed_at, m.ActionUpdate.id)
                ):
                    notes[action_id] = note
            return [
                r.ActionRow(
                    action=to_action(action, meeting, owner),
                    series_id=meeting.series_id,
                    series_name=series_name,
                    owner_team=team_name,
                    times_slipped=slipped.get(action.id, 0),
                    last_note=notes.get(action.id, ""),
                )
                for action, meeting, owner, series_name, team_name in rows
            ]
