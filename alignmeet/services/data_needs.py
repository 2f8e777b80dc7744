"""Data needs Top 10: the needs, each team's ranking, the overlap, and the joint Top 10
the meeting agrees — each joint item tracked as an action of that meeting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from alignmeet.domain.data_needs import (
    Comparison,
    DataNeedRecord,
    JointEntry,
    TeamRank,
    TeamRanking,
    action_title,
    overlap,
    suggest_joint,
    validate_joint,
    validate_ranking,
)
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.domain.rules import (
    MAX_TITLE,
    ValidationError,
    name_key,
    optional_text,
    require_text,
    short_date,
)
from alignmeet.domain.sections import DocSection, Paragraph, Table
from alignmeet.i18n import _, ngettext
from alignmeet.services.actions import AGREED_NOTE, ActionService
from alignmeet.services.base import ServiceBase, side_effect, versioned_write
from alignmeet.storage import models as m
from alignmeet.storage.queries import data_needs as q
from alignmeet.storage.queries import people, tables

DROPPED_NOTE = "Left out of the joint data-needs Top 10."
BACK_NOTE = "Back in the joint data-needs Top 10."
MOVED_NOTE = "Due date set again with the joint data-needs Top 10."

JointRow = JointEntry | tuple[int, int, date | None]


class DataNeedService(ServiceBase):
    # ---- reading -----------------------------------------------------------------------------
    def list_needs(self) -> list[DataNeedRecord]:
        """Every data need, by title."""
        with self.db.sessions() as s:
            return sorted(self._records(s).values(), key=lambda n: name_key(n.title))

    def get_need(self, need_id: int) -> DataNeedRecord:
        with self.db.sessions() as s:
            self._get(s, m.DataNeed, need_id, "Data need")
            return self._records(s)[need_id]

    def rankings(self) -> list[TeamRanking]:
        """Each team's list, most wanted first (teams in their usual order, empty lists too)."""
        with self.db.sessions() as s:
            return self._rankings(s, self._records(s))

    def overlap(self) -> Comparison:
        """What both teams want, what only one wants, and a suggested joint Top 10."""
        with self.db.sessions() as s:
            records = self._records(s)
            rankings = self._rankings(s, records)
        lists = {r.team_id: r.need_ids for r in rankings}
        found = overlap(lists)
        return Comparison(
            teams=tuple((r.team_id, r.team_name) for r in rankings),
            shared=tuple(records[n] for n in found.shared),
            only=tuple(
                (r.team_id, tuple(records[n] for n in found.only[r.team_id])) for r in rankings
            ),
            suggested=tuple(records[n] for n in suggest_joint(lists)),
        )

    def joint_top10(self) -> list[DataNeedRecord]:
        """The agreed joint Top 10, rank 1 first (empty until a meeting agrees one)."""
        with self.db.sessions() as s:
            joint = [n for n in self._records(s).values() if n.joint_rank is not None]
            return sorted(joint, key=lambda n: n.joint_rank or 0)

    # ---- the needs ---------------------------------------------------------------------------
    def add_need(self, *, title: str, description: str = "") -> DataNeedRecord:
        text = require_text("title", title, label=_("Data need"), limit=MAX_TITLE)
        body = optional_text("description", description, label=_("Description"), limit=5_000)
        with self.db.transaction() as s:
            self._check_title(s, text, None)
            need = m.DataNeed(
                title=text, title_key=name_key(text), description=body, created_at=self._now()
            )
            s.add(need)
            s.flush()
            return self._records(s)[need.id]

    @versioned_write(m.DataNeed)
    def update_need(
        self,
        *,
        need_id: int,
        title: str | None = None,
        description: str | None = None,
        seen: object | None = None,
    ) -> DataNeedRecord:
        """Rename or describe a need. A joint item's action takes the new title.
        `seen`: the need as the user saw it; ConflictError when someone else changed what
        this sets since then."""
        asked = {f for f, v in (("title", title), ("description", description)) if v is not None}
        with (
            self._guarded(m.DataNeed, need_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            need = self._get(s, m.DataNeed, need_id, "Data need")
            guard.loaded(need, _("Data need “{title}”").format(title=need.title))
            if title is not None:
                text = require_text("title", title, label=_("Data need"), limit=MAX_TITLE)
                self._check_title(s, text, need_id)
                need.title = text
                need.title_key = name_key(text)
            if description is not None:
                need.description = optional_text(
                    "description", description, label=_("Description"), limit=5_000
                )
            guard.check(s, need)
            action = s.get(m.Action, need.action_id) if need.action_id else None
            if title is not None and action is not None and need.joint_rank is not None:
                with side_effect(s):  # the joint item's action is titled after the need
                    action.title = action_title(need.joint_rank, need.title)
                    action.updated_at = self._now()
            s.flush()
            return self._records(s)[need.id]

    def remove_need(self, *, need_id: int) -> None:
        """Delete a need nobody has agreed on yet (it leaves the teams' lists, which close up)."""
        with self.db.transaction() as s:
            need = self._get(s, m.DataNeed, need_id, "Data need")
            if need.joint_rank is not None:
                raise ValidationError(
                    "need",
                    _(
                        "“{title}” is #{rank} of the joint Top 10; agree a Top 10 without it "
                        "in a meeting before deleting it."
                    ).format(title=need.title, rank=need.joint_rank),
                )
            affected = q.teams_ranking(s, need_id)
            s.delete(need)
            s.flush()
            for team_id in affected:  # close the gap the need leaves
                ranks = q.ranks(s, team_id=team_id, without_need=need_id)
                self._write_ranks(s, team_id, [r.data_need_id for r in ranks])

    def _check_title(self, s: Session, text: str, own_id: int | None) -> None:
        existing = q.by_title_key(s, name_key(text))
        if existing is not None and existing.id != own_id:
            raise ValidationError(
                "title",
                _("There is already a data need called “{title}”.").format(title=existing.title),
            )

    # ---- the teams' rankings -----------------------------------------------------------------
    def set_ranking(self, *, team_id: int, need_ids: Sequence[int]) -> TeamRanking:
        """Replace a team's list (most wanted first, at most ten) in one go."""
        with self.db.transaction() as s:
            team = self._get(s, m.Team, team_id, "Team")
            ids = validate_ranking(need_ids, team_name=team.name)
            for need_id in ids:
                self._get(s, m.DataNeed, need_id, "Data need")
            self._write_ranks(s, team_id, ids)
            records = self._records(s)
            return next(r for r in self._rankings(s, records) if r.team_id == team_id)

    @staticmethod
    def _write_ranks(s: Session, team_id: int, need_ids: Iterable[int]) -> None:
        for old in q.ranks(s, team_id=team_id):
            s.delete(old)
        s.flush()  # the old ranks go before the new ones take their numbers
        for rank, need_id in enumerate(need_ids, start=1):
            s.add(m.DataNeedRank(team_id=team_id, data_need_id=need_id, rank=rank))
        s.flush()

    # ---- the joint Top 10 --------------------------------------------------------------------
    def agree_joint(
        self,
        *,
        meeting_id: int,
        entries: Sequence[JointRow],
        today: date | None = None,
    ) -> list[DataNeedRecord]:
        """The meeting agrees the joint Top 10: rows in rank order, each (need, owner, due).

        Each row becomes (or updates) one joint action of this meeting — "Data need #k:
        title", owner, due — so it shows in the follow-ups and the next meeting's review.
        Agreeing again updates those actions instead of adding new ones; a need left out
        loses its joint rank and its open action is dropped (kept in its history).
        """
        rows = [e if isinstance(e, JointEntry) else JointEntry(*e) for e in entries]
        now = self._now()
        today = today or now.date()
        actions = ActionService(self.db, self.clock)
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            needs = {r.need_id: self._get(s, m.DataNeed, r.need_id, "Data need") for r in rows}
            validate_joint(rows, titles={k: v.title for k, v in needs.items()})
            self._check_joint_rows(s, rows, needs, today)
            # The agreement moves its actions along (dropped, titled, owned and due as
            # agreed): declared as the consequence of the meeting's decision.
            with side_effect(s):
                _leave_joint_list(s, needs, actions, meeting_id, now)
                s.flush()
                for rank, row in enumerate(rows, start=1):  # the agreed rows, in rank order
                    need = needs[row.need_id]
                    need.joint_rank = rank
                    need.owner_id = row.owner_id
                    need.meeting_id = meeting_id
                    title = action_title(rank, need.title)
                    action = s.get(m.Action, need.action_id) if need.action_id else None
                    if action is None:
                        need.action_id = self._new_action(s, meeting, row, title, now)
                        continue
                    _follow_agreed_row(s, action, row, title, actions, meeting_id, now)
                s.flush()
            records = self._records(s)
            return sorted(
                (n for n in records.values() if n.joint_rank is not None),
                key=lambda n: n.joint_rank or 0,
            )

    def _check_joint_rows(
        self,
        s: Session,
        rows: Sequence[JointEntry],
        needs: dict[int, m.DataNeed],
        today: date,
    ) -> None:
        """Every row's owner exists, and its due date is not in the past (unless it is
        the date its action already has)."""
        for position, row in enumerate(rows, start=1):
            self._get(s, m.Member, row.owner_id, "Member")
            need = needs[row.need_id]
            current = s.get(m.Action, need.action_id) if need.action_id else None
            unchanged = current is not None and current.due == row.due
            if row.due is not None and row.due < today and not unchanged:
                raise ValidationError(
                    "due",
                    _("Row {row} (“{title}”): the due date {date} is in the past.").format(
                        row=position, title=needs[row.need_id].title, date=short_date(row.due)
                    ),
                )

    @staticmethod
    def _new_action(
        s: Session, meeting: m.Meeting, row: JointEntry, title: str, now: object
    ) -> int:
        """A joint action of the meeting, with its first history entry (as ActionService
        writes them: "Agreed", by the meeting's facilitator)."""
        position = tables.next_position(s, m.Action.position, m.Action.meeting_id == meeting.id)
        action = m.Action(
            meeting_id=meeting.id,
            owner_id=row.owner_id,
            title=title,
            due=row.due,
            team_tag=TeamTag.JOINT.value,
            status=ActionStatus.OPEN.value,
            milestone="Data needs Top 10",
            position=position,
            created_at=now,
            updated_at=now,
            times_slipped=0,
            last_note=AGREED_NOTE,
        )
        s.add(action)
        s.flush()
        s.add(
            m.ActionUpdate(
                action_id=action.id,
                meeting_id=meeting.id,
                changed_at=now,
                old_status=None,
                new_status=ActionStatus.OPEN.value,
                new_due=row.due,
                note=AGREED_NOTE,
                changed_by_id=meeting.facilitator_id,
            )
        )
        return action.id

    # ---- minutes -----------------------------------------------------------------------------
    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """ "Data needs Top 10": the joint list when it was agreed in this meeting."""
        with self.db.sessions() as s:
            agreed = sorted(
                (n for n in self._records(s).values() if n.meeting_id == meeting_id),
                key=lambda n: n.joint_rank or 0,
            )
        agreed = [n for n in agreed if n.joint_rank is not None]
        if not agreed:
            return ()
        shared = sum(1 for n in agreed if n.shared)
        intro = ngettext(
            "Both teams ranked the data they need; {shared} of the {n} agreed item was on "
            "both lists. Each item is tracked as a joint action.",
            "Both teams ranked the data they need; {shared} of the {n} agreed items were on "
            "both lists. Each item is tracked as a joint action.",
            len(agreed),
        ).format(shared=shared, n=len(agreed))
        table = Table(
            header=("#", _("Data need"), _("Owner"), _("Due"), _("Wanted by")),
            rows=tuple(
                (str(n.joint_rank), n.title, n.owner_name, short_date(n.due), n.wanted_by)
                for n in agreed
            ),
            weights=(1, 8, 4, 3, 5),
        )
        return (DocSection(heading=_("Data needs Top 10"), blocks=(Paragraph(intro), table)),)

    # ---- records -----------------------------------------------------------------------------
    def _records(self, s: Session) -> dict[int, DataNeedRecord]:
        teams = {t.id: (t.position, t.name) for t in people.teams(s)}
        ranks: dict[int, list[TeamRank]] = {}
        for row in q.ranks(s):
            _position, name = teams[row.team_id]
            ranks.setdefault(row.data_need_id, []).append(TeamRank(row.team_id, name, row.rank))
        order = {tid: (pos, tid) for tid, (pos, _name) in teams.items()}
        names = q.member_names(s)
        needs = q.needs(s)
        action_ids = [n.action_id for n in needs if n.action_id is not None]
        acts = {a.id: a for a in q.actions(s, action_ids)}
        result = {}
        for need in needs:
            action = acts.get(need.action_id) if need.action_id else None
            owner_id = action.owner_id if action is not None else need.owner_id
            result[need.id] = DataNeedRecord(
                id=need.id,
                title=need.title,
                description=need.description,
                team_ranks=tuple(sorted(ranks.get(need.id, []), key=lambda t: order[t.team_id])),
                joint_rank=need.joint_rank,
                owner_id=owner_id,
                owner_name=names.get(owner_id, "") if owner_id else "",
                meeting_id=need.meeting_id,
                action_id=action.id if action is not None else None,
                status=ActionStatus(action.status) if action is not None else None,
                due=action.due if action is not None else None,
            )
        return result

    def _rankings(self, s: Session, records: dict[int, DataNeedRecord]) -> list[TeamRanking]:
        result = []
        for team in people.teams(s):
            mine = [n for n in records.values() if n.rank_for(team.id) is not None]
            mine.sort(key=lambda n: n.rank_for(team.id) or 0)
            result.append(TeamRanking(team_id=team.id, team_name=team.name, needs=tuple(mine)))
        return result


def _leave_joint_list(
    s: Session,
    agreed: dict[int, m.DataNeed],
    actions: ActionService,
    meeting_id: int,
    now: datetime,
) -> None:
    """The needs not `agreed` leave the joint list; their open actions are dropped."""
    for need in q.in_joint_list(s):
        if need.id in agreed:
            continue
        need.joint_rank = None
        need.meeting_id = None
        action = s.get(m.Action, need.action_id) if need.action_id else None
        if action is not None and ActionStatus(action.status) in OPEN_STATUSES:
            actions._add_update(
                s,
                action,
                meeting_id=meeting_id,
                new_status=ActionStatus.DROPPED.value,
                new_due=action.due,
                note=DROPPED_NOTE,
            )
            action.status = ActionStatus.DROPPED.value
            action.updated_at = now


def _follow_agreed_row(
    s: Session,
    action: m.Action,
    row: JointEntry,
    title: str,
    actions: ActionService,
    meeting_id: int,
    now: datetime,
) -> None:
    """An agreed row's existing action takes its title and owner; dropped, it opens again
    (due as agreed); a new due date is recorded as moved."""
    action.title = title
    action.owner_id = row.owner_id
    action.team_tag = TeamTag.JOINT.value
    if action.status == ActionStatus.DROPPED.value:
        actions._add_update(
            s,
            action,
            meeting_id=meeting_id,
            new_status=ActionStatus.OPEN.value,
            new_due=row.due,
            note=BACK_NOTE,
        )
        action.status = ActionStatus.OPEN.value
        action.due = row.due
    elif row.due != action.due:
        actions._add_update(
            s,
            action,
            meeting_id=meeting_id,
            new_status=action.status,
            new_due=row.due,
            note=MOVED_NOTE,
        )
        action.due = row.due
    action.updated_at = now
