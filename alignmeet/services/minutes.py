"""Gathering a meeting's minutes and writing them out."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from sqlalchemy import select

from alignmeet.domain import records as r
from alignmeet.domain.enums import Attendance
from alignmeet.domain.sections import DocSection
from alignmeet.i18n import _
from alignmeet.services.actions import ActionService
from alignmeet.services.agenda import AgendaService
from alignmeet.services.base import NotFoundError, ServiceBase, to_item, to_meeting, to_participant
from alignmeet.services.toolkit import TOOLKIT
from alignmeet.storage import models as m

# The toolkit's sections in the minutes, after commitments and parked items (PRODUCT.md:
# "KPIs/glossary changes when touched, next meeting").
MINUTES_ORDER = (
    "goals",
    "lead_feedback",
    "data_needs",
    "glossary",
    "personas",
    "board",
    "coaching",
    "channels",
)


class MinutesService(ServiceBase):
    def gather(self, meeting_id: int) -> r.MinutesData:
        actions = ActionService(self.db, self.clock)
        agenda = AgendaService(self.db, self.clock)
        follow_ups = tuple(actions.follow_ups(meeting_id))
        with self.db.sessions() as s:
            meeting_obj = s.get(m.Meeting, meeting_id)
            if meeting_obj is None:
                raise NotFoundError(_("Meeting {id} does not exist.").format(id=meeting_id))
            meeting = to_meeting(s, meeting_obj)
            participants = tuple(
                to_participant(p)
                for p in s.scalars(
                    select(m.Participant)
                    .join(m.Member)
                    .join(m.Team)
                    .where(m.Participant.meeting_id == meeting_id)
                    .order_by(m.Team.position, m.Member.name)
                )
            )
            items_all = [
                to_item(s, x)
                for x in s.scalars(
                    select(m.AgendaItem)
                    .where(m.AgendaItem.meeting_id == meeting_id)
                    .order_by(m.AgendaItem.position, m.AgendaItem.id)
                )
            ]
            items = tuple(
                r.AgendaItemMinutes(
                    item=item,
                    ideas=tuple(agenda._ideas(s, item.id)),
                    decisions=tuple(agenda._decisions(s, item.id)),
                )
                for item in items_all
                if not item.parked
            )
            parked = tuple(item for item in items_all if item.parked)
        meeting_actions = actions.actions_for_meeting(meeting_id)
        by_owner: dict[int, list[r.ActionRecord]] = {}
        for action in meeting_actions:
            by_owner.setdefault(action.owner_id, []).append(action)
        plans = [
            r.MemberPlan(participant=p, actions=tuple(by_owner.pop(p.member_id, [])))
            for p in participants
            if p.attendance is Attendance.PRESENT or p.member_id in by_owner
        ]
        # Owners who were not participants (e.g. an action given to someone absent).
        for owner_id, owned in by_owner.items():
            first = owned[0]
            plans.append(
                r.MemberPlan(
                    participant=r.ParticipantRecord(
                        meeting_id=meeting_id,
                        member_id=owner_id,
                        name=first.owner_name,
                        team_name="",
                        role="",
                        attendance=Attendance.ABSENT,
                        representative=False,
                        committed_at=None,
                        confidence=None,
                        commitment_note="",
                    ),
                    actions=tuple(owned),
                )
            )
        from alignmeet.services.accountability import AccountabilityService

        rating, say_do = AccountabilityService(self.db, self.clock).minutes_figures(meeting_id)
        return r.MinutesData(
            meeting=meeting,
            participants=participants,
            follow_ups=follow_ups,
            items=items,
            parked=parked,
            plans=tuple(plans),
            generated_at=self._now(),
            toolkit=self.toolkit_sections(meeting_id),
            rating=rating,
            say_do=say_do,
        )

    def toolkit_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """Each toolkit feature's part of these minutes, in MINUTES_ORDER."""
        sections: list[DocSection] = []
        for area in MINUTES_ORDER:
            module_name, class_name = TOOLKIT[area]
            service = getattr(import_module(module_name), class_name)(self.db, self.clock)
            sections.extend(service.minutes_sections(meeting_id))
        return tuple(sections)

    def export_docx(self, *, meeting_id: int, path: Path, template: Path | None = None) -> Path:
        from alignmeet.export.minutes_docx import write_minutes

        return write_minutes(self.gather(meeting_id), Path(path), template=template)
