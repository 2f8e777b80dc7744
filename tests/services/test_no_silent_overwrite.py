"""No silent overwrite, anywhere (issue 11, finding 3).

Every use case that changes a record someone else may be changing too is in one registry
(`alignmeet.services.base.VERSIONED_WRITES`, joined with `@versioned_write`) and takes
`seen=`, what its user saw (the record the screen showed: its version and values). For
each of them, on SQLite and on PostgreSQL, another facilitator — a process of its own,
with its own engine — changes the same field between this client's read and its write:
the write is refused with a ConflictError (nothing written), and "keep mine" then saves
on top of their version. The client that writes has read the row again after the other's
change (as the undo stack does) — the case its own book of first reads cannot catch.

Completeness: a use case with `seen` must be in the registry and have a case here; and
the suite-wide fixture in tests/conftest.py fails any test in which a service writes a
field people edit without a guard (or a declared side effect).
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from alignmeet.domain.enums import ActionStatus, Attendance
from alignmeet.services import Services, guard
from alignmeet.services import base as services_base
from alignmeet.services.base import VERSIONED_WRITES, ConflictError, Seen
from alignmeet.services.followups import ActionFilter
from alignmeet.services.toolkit import TOOLKIT
from alignmeet.storage.database import open_database

from .conftest import NOW, TODAY

HARNESS = Path(__file__).resolve().parents[1] / "harness" / "facilitator.py"


# ---- the other facilitator ----------------------------------------------------------------
class OtherFacilitator:
    """Another AlignMeet, in its own process, on the same database."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HARNESS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _send(self, command: dict[str, Any]) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(command, default=_encode) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert answer == {"ok": True}, answer

    def open(self, target: str) -> None:
        self._send({"open": target})

    def __call__(self, area: str, method: str, **kwargs: Any) -> None:
        self._send({"call": [area, method], "kwargs": kwargs})

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)


def _encode(value: object) -> object:
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    raise TypeError(type(value).__name__)


@pytest.fixture(scope="module")
def facilitator() -> Iterator[OtherFacilitator]:
    other = OtherFacilitator()
    yield other
    other.close()


@pytest.fixture
def other(facilitator: OtherFacilitator, db_url: str, services: Services) -> OtherFacilitator:
    """The other facilitator, on this test's database (after `services` bootstrapped it)."""
    facilitator.open(db_url)
    return facilitator


@pytest.fixture
def fresh(db_url: str, services: Services) -> Iterator[Services]:
    """This facilitator's app: its own engine, which has not read anything yet."""
    mine = Services(open_database(db_url), clock=lambda: NOW)
    yield mine
    mine.close()


# ---- every versioned write, one case each -------------------------------------------------
@dataclass(frozen=True)
class Case:
    """make: the record (returns its id); read: what a screen shows of it; theirs: the other
    facilitator's change (area, method, kwargs); mine: the use case with `seen`; stored:
    the field as stored; theirs_value / mine_value: that field after each change."""

    make: Callable[[Services, SimpleNamespace], int]
    read: Callable[[Services, int], object]
    theirs: Callable[[int, SimpleNamespace], tuple[str, str, dict[str, Any]]]
    mine: Callable[[Services, int, object, SimpleNamespace], object]
    stored: Callable[[Services, int], object]
    theirs_value: object
    mine_value: object


def _action(sv: Services, w: SimpleNamespace) -> int:
    return sv.actions.add_action(
        meeting_id=w.meeting.id, owner_id=w.ana.id, title="Send the deck", due=TODAY
    ).id


def _participant(sv: Services, member_id: int, meeting_id: int) -> Any:
    return next(p for p in sv.meetings.participants(meeting_id) if p.member_id == member_id)


def _present(sv: Services, w: SimpleNamespace) -> int:
    sv.meetings.set_attendance(
        meeting_id=w.meeting.id, member_id=w.ana.id, attendance=Attendance.PRESENT
    )
    return w.ana.id


def _committed(sv: Services, w: SimpleNamespace) -> int:
    _present(sv, w)
    sv.meetings.commit(meeting_id=w.meeting.id, member_id=w.ana.id, confidence=3)
    return w.ana.id


def _pair_checkin(sv: Services, w: SimpleNamespace) -> int:
    pair = sv.coaching.start_pair(sales_member_id=w.ana.id, marketing_member_id=w.chloe.id)
    w.pair_id = pair.id
    return sv.coaching.log_checkin(pair_id=pair.id, held_on=TODAY, progress="First call").id


def _batch(sv: Services, _w: SimpleNamespace) -> int:
    return sv.lead_feedback.add_batch(
        label="February webinars", period="2026-02", leads_received=40
    ).id


def _rejection(sv: Services, w: SimpleNamespace) -> int:
    w.batch_id = _batch(sv, w)
    return sv.lead_feedback.add_rejection(
        batch_id=w.batch_id, reason="not_fit", count=3, note="Too small"
    ).id


def _measurement(sv: Services, w: SimpleNamespace) -> int:
    w.kpi_id = sv.goals.add_kpi(name="Speed to lead", unit="h").id
    return sv.goals.record_measurement(kpi_id=w.kpi_id, period="2026-02", value=30).id


def _measured(sv: Services, measurement_id: int) -> Any:
    return next(
        x
        for k in sv.goals.list_kpis()
        for x in sv.goals.measurements(k.id)
        if x.id == measurement_id
    )


def _line(sv: Services, action_id: int) -> object:
    """The action as the Follow-ups page shows it: a row of a Core query, no ORM object."""
    return next(x for x in sv.followups.lines(ActionFilter()) if x.id == action_id)


CASES: dict[str, Case] = {
    "ActionService.update_action": Case(
        make=_action,
        read=lambda sv, i: sv.actions.get_action(i),
        theirs=lambda i, w: ("actions", "update_action", {"action_id": i, "title": "Theirs"}),
        mine=lambda sv, i, seen, w: sv.actions.update_action(action_id=i, title="Mine", seen=seen),
        stored=lambda sv, i: sv.actions.get_action(i).title,
        theirs_value="Theirs",
        mine_value="Mine",
    ),
    "ActionService.set_status": Case(  # the finding: from the Follow-ups page's rows
        make=_action,
        read=_line,
        theirs=lambda i, w: ("actions", "set_status", {"action_id": i, "status": "blocked"}),
        mine=lambda sv, i, seen, w: sv.actions.set_status(
            action_id=i, status=ActionStatus.DONE, seen=seen
        ),
        stored=lambda sv, i: sv.actions.get_action(i).status,
        theirs_value=ActionStatus.BLOCKED,
        mine_value=ActionStatus.DONE,
    ),
    "MeetingService.update_meeting": Case(
        make=lambda sv, w: w.meeting.id,
        read=lambda sv, i: sv.meetings.get_meeting(i),
        theirs=lambda i, w: ("meetings", "update_meeting", {"meeting_id": i, "topic": "Theirs"}),
        mine=lambda sv, i, seen, w: sv.meetings.update_meeting(
            meeting_id=i, topic="Mine", seen=seen
        ),
        stored=lambda sv, i: sv.meetings.get_meeting(i).topic,
        theirs_value="Theirs",
        mine_value="Mine",
    ),
    "MeetingService.set_attendance": Case(
        make=lambda sv, w: w.ana.id,
        read=lambda sv, i: _participant(sv, i, sv.meetings.latest_meeting_id()),
        theirs=lambda i, w: (
            "meetings",
            "set_attendance",
            {"meeting_id": w.meeting.id, "member_id": i, "attendance": "apologies"},
        ),
        mine=lambda sv, i, seen, w: sv.meetings.set_attendance(
            meeting_id=w.meeting.id, member_id=i, attendance=Attendance.PRESENT, seen=seen
        ),
        stored=lambda sv, i: _participant(sv, i, sv.meetings.latest_meeting_id()).attendance,
        theirs_value=Attendance.APOLOGIES,
        mine_value=Attendance.PRESENT,
    ),
    "MeetingService.mark_present": Case(  # a change of many rows: all or nothing
        make=lambda sv, w: w.meeting.id,
        read=lambda sv, i: sv.meetings.participants(i),
        theirs=lambda i, w: (
            "meetings",
            "set_attendance",
            {"meeting_id": i, "member_id": w.ben.id, "attendance": "apologies"},
        ),
        mine=lambda sv, i, seen, w: sv.meetings.mark_present(
            meeting_id=i, member_ids=[w.ana.id, w.ben.id, w.chloe.id, w.dev.id], seen=seen
        ),
        stored=lambda sv, i: tuple(p.attendance.value for p in sv.meetings.participants(i)),
        # Sales first (ana, ben), then Marketing (chloe, dev): by team, then name.
        theirs_value=("invited", "apologies", "invited", "invited"),
        mine_value=("present", "present", "present", "present"),
    ),
    "MeetingService.commit": Case(
        make=_present,
        read=lambda sv, i: _participant(sv, i, sv.meetings.latest_meeting_id()),
        theirs=lambda i, w: (
            "meetings",
            "commit",
            {"meeting_id": w.meeting.id, "member_id": i, "confidence": 2},
        ),
        mine=lambda sv, i, seen, w: sv.meetings.commit(
            meeting_id=w.meeting.id, member_id=i, confidence=5, seen=seen
        ),
        stored=lambda sv, i: _participant(sv, i, sv.meetings.latest_meeting_id()).confidence,
        theirs_value=2,
        mine_value=5,
    ),
    "MeetingService.withdraw_commitment": Case(
        make=_committed,
        read=lambda sv, i: _participant(sv, i, sv.meetings.latest_meeting_id()),
        theirs=lambda i, w: (
            "meetings",
            "commit",
            {"meeting_id": w.meeting.id, "member_id": i, "confidence": 4},
        ),
        mine=lambda sv, i, seen, w: sv.meetings.withdraw_commitment(
            meeting_id=w.meeting.id, member_id=i, seen=seen
        ),
        stored=lambda sv, i: _participant(sv, i, sv.meetings.latest_meeting_id()).confidence,
        theirs_value=4,
        mine_value=None,
    ),
    "AgendaService.update_item": Case(
        make=lambda sv, w: sv.agenda.add_item(meeting_id=w.meeting.id, title="Lead quality").id,
        read=lambda sv, i: sv.agenda.get_item(i),
        theirs=lambda i, w: ("agenda", "update_item", {"item_id": i, "notes": "Theirs"}),
        mine=lambda sv, i, seen, w: sv.agenda.update_item(item_id=i, notes="Mine", seen=seen),
        stored=lambda sv, i: sv.agenda.get_item(i).notes,
        theirs_value="Theirs",
        mine_value="Mine",
    ),
    "PeopleService.update_member": Case(
        make=lambda sv, w: w.ana.id,
        read=lambda sv, i: sv.people.get_member(i),
        theirs=lambda i, w: ("people", "update_member", {"member_id": i, "role": "Team lead"}),
        mine=lambda sv, i, seen, w: sv.people.update_member(
            member_id=i, role="Senior AE", seen=seen
        ),
        stored=lambda sv, i: sv.people.get_member(i).role,
        theirs_value="Team lead",
        mine_value="Senior AE",
    ),
    "GoalService.update_goal": Case(
        make=lambda sv, w: (
            sv.goals.add_goal(
                kind="activity",
                title="Joint webinars",
                period="2026-Q1",
                disposition="continue",
                owner_id=w.ana.id,
            ).id
        ),
        read=lambda sv, i: sv.goals.get_goal(i),
        theirs=lambda i, w: ("goals", "update_goal", {"goal_id": i, "notes": "Theirs"}),
        mine=lambda sv, i, seen, w: sv.goals.update_goal(goal_id=i, notes="Mine", seen=seen),
        stored=lambda sv, i: sv.goals.get_goal(i).notes,
        theirs_value="Theirs",
        mine_value="Mine",
    ),
    "GoalService.update_kpi": Case(
        make=lambda sv, w: sv.goals.add_kpi(name="MQL→SQL", unit="%", target=25).id,
        read=lambda sv, i: sv.goals.get_kpi(i),
        theirs=lambda i, w: ("goals", "update_kpi", {"kpi_id": i, "target": 30}),
        mine=lambda sv, i, seen, w: sv.goals.update_kpi(kpi_id=i, target=20, seen=seen),
        stored=lambda sv, i: sv.goals.get_kpi(i).target,
        theirs_value=30,
        mine_value=20,
    ),
    "GoalService.record_measurement": Case(  # the value for a period, recorded again
        make=_measurement,
        read=_measured,
        theirs=lambda i, w: (
            "goals",
            "record_measurement",
            {"kpi_id": w.kpi_id, "period": "2026-02", "value": 26},
        ),
        mine=lambda sv, i, seen, w: sv.goals.record_measurement(
            kpi_id=w.kpi_id, period="2026-02", value=24, seen=seen
        ),
        stored=lambda sv, i: _measured(sv, i).value,
        theirs_value=26,
        mine_value=24,
    ),
    "GoalService.update_measurement": Case(
        make=_measurement,
        read=_measured,
        theirs=lambda i, w: ("goals", "update_measurement", {"measurement_id": i, "value": 26}),
        mine=lambda sv, i, seen, w: sv.goals.update_measurement(
            measurement_id=i, value=24, seen=seen
        ),
        stored=lambda sv, i: _measured(sv, i).value,
        theirs_value=26,
        mine_value=24,
    ),
    "PersonaService.update_persona": Case(
        make=lambda sv, w: sv.personas.add_persona(name="Larry").id,
        read=lambda sv, i: sv.personas.get_persona(i),
        theirs=lambda i, w: ("personas", "update_persona", {"persona_id": i, "role": "CFO"}),
        mine=lambda sv, i, seen, w: sv.personas.update_persona(
            persona_id=i, role="Finance lead", seen=seen
        ),
        stored=lambda sv, i: sv.personas.get_persona(i).role,
        theirs_value="CFO",
        mine_value="Finance lead",
    ),
    "BoardService.update_entry": Case(
        make=lambda sv, w: sv.board.add_entry(kind="win", title="Six meetings booked").id,
        read=lambda sv, i: sv.board.get_entry(i),
        theirs=lambda i, w: ("board", "update_entry", {"entry_id": i, "title": "Seven booked"}),
        mine=lambda sv, i, seen, w: sv.board.update_entry(
            entry_id=i, title="Eight booked", seen=seen
        ),
        stored=lambda sv, i: sv.board.get_entry(i).title,
        theirs_value="Seven booked",
        mine_value="Eight booked",
    ),
    "GlossaryService.update_proposal": Case(
        make=lambda sv, w: (
            sv.glossary.propose(term="MQL", definition="A lead Marketing has qualified.").id
        ),
        read=lambda sv, i: sv.glossary.get_version(i),
        theirs=lambda i, w: (
            "glossary",
            "update_proposal",
            {"version_id": i, "definition": "A lead that matches the ICP and engaged."},
        ),
        mine=lambda sv, i, seen, w: sv.glossary.update_proposal(
            version_id=i, definition="A lead with a score of 60 or more.", seen=seen
        ),
        stored=lambda sv, i: sv.glossary.get_version(i).definition,
        theirs_value="A lead that matches the ICP and engaged.",
        mine_value="A lead with a score of 60 or more.",
    ),
    "GlossaryService.rename_term": Case(
        make=lambda sv, w: sv.glossary.propose(term="Mql", definition="A qualified lead.").term_id,
        read=lambda sv, i: sv.glossary.get_term(i),
        theirs=lambda i, w: ("glossary", "rename_term", {"term_id": i, "term": "MQL"}),
        mine=lambda sv, i, seen, w: sv.glossary.rename_term(term_id=i, term="M.Q.L.", seen=seen),
        stored=lambda sv, i: sv.glossary.get_term(i).term,
        theirs_value="MQL",
        mine_value="M.Q.L.",
    ),
    "DataNeedService.update_need": Case(
        make=lambda sv, w: sv.data_needs.add_need(title="Win-loss reasons").id,
        read=lambda sv, i: sv.data_needs.get_need(i),
        theirs=lambda i, w: (
            "data_needs",
            "update_need",
            {"need_id": i, "description": "From the CRM"},
        ),
        mine=lambda sv, i, seen, w: sv.data_needs.update_need(
            need_id=i, description="From interviews", seen=seen
        ),
        stored=lambda sv, i: sv.data_needs.get_need(i).description,
        theirs_value="From the CRM",
        mine_value="From interviews",
    ),
    "LeadFeedbackService.update_batch": Case(
        make=_batch,
        read=lambda sv, i: sv.lead_feedback.get_batch(i),
        theirs=lambda i, w: (
            "lead_feedback",
            "update_batch",
            {"batch_id": i, "leads_received": 45},
        ),
        mine=lambda sv, i, seen, w: sv.lead_feedback.update_batch(
            batch_id=i, leads_received=41, seen=seen
        ),
        stored=lambda sv, i: sv.lead_feedback.get_batch(i).leads_received,
        theirs_value=45,
        mine_value=41,
    ),
    "LeadFeedbackService.update_rejection": Case(
        make=_rejection,
        read=lambda sv, i: next(
            line
            for batch in sv.lead_feedback.list_batches()
            for line in batch.lines
            if line.id == i
        ),
        theirs=lambda i, w: ("lead_feedback", "update_rejection", {"rejection_id": i, "count": 5}),
        mine=lambda sv, i, seen, w: sv.lead_feedback.update_rejection(
            rejection_id=i, count=4, seen=seen
        ),
        stored=lambda sv, i: next(
            line.count
            for batch in sv.lead_feedback.list_batches()
            for line in batch.lines
            if line.id == i
        ),
        theirs_value=5,
        mine_value=4,
    ),
    "CoachingService.update_checkin": Case(
        make=_pair_checkin,
        read=lambda sv, i: next(
            c for p in sv.coaching.list_pairs() for c in sv.coaching.checkins(p.id) if c.id == i
        ),
        theirs=lambda i, w: (
            "coaching",
            "update_checkin",
            {"checkin_id": i, "held_on": TODAY, "progress": "Theirs"},
        ),
        mine=lambda sv, i, seen, w: sv.coaching.update_checkin(
            checkin_id=i, held_on=TODAY, progress="Mine", seen=seen
        ),
        stored=lambda sv, i: next(
            c.progress
            for p in sv.coaching.list_pairs()
            for c in sv.coaching.checkins(p.id)
            if c.id == i
        ),
        theirs_value="Theirs",
        mine_value="Mine",
    ),
    "ChannelService.update_rule": Case(
        make=lambda sv, w: sv.channels.add_rule(urgency="On fire", channel="Phone").id,
        read=lambda sv, i: next(r for r in sv.channels.list_rules() if r.id == i),
        theirs=lambda i, w: ("channels", "update_rule", {"rule_id": i, "channel": "Pager"}),
        mine=lambda sv, i, seen, w: sv.channels.update_rule(
            rule_id=i, channel="Walk over", seen=seen
        ),
        stored=lambda sv, i: next(r.channel for r in sv.channels.list_rules() if r.id == i),
        theirs_value="Pager",
        mine_value="Walk over",
    ),
}


@pytest.fixture
def world(services: Services, people: SimpleNamespace, new_meeting: Any) -> SimpleNamespace:
    return SimpleNamespace(**vars(people), meeting=new_meeting(0, title="Monthly sync"))


@pytest.mark.parametrize("use_case", sorted(CASES))
def test_a_change_made_by_another_facilitator_between_read_and_write_is_detected(
    use_case: str,
    services: Services,
    world: SimpleNamespace,
    other: OtherFacilitator,
    fresh: Services,
) -> None:
    case = CASES[use_case]
    ident = case.make(services, world)
    seen = case.read(fresh, ident)  # on this facilitator's screen

    area, method, kwargs = case.theirs(ident, world)
    other(area, method, **kwargs)  # the other facilitator, in another process
    case.read(fresh, ident)  # read again after their change (the undo stack does)

    with pytest.raises(ConflictError) as info:
        case.mine(fresh, ident, seen, world)
    conflict = info.value
    assert conflict.fields, use_case
    assert case.stored(fresh, ident) == case.theirs_value  # nothing of mine was written

    # "Keep mine": on top of their version, as the conflict says it stood.
    case.mine(fresh, ident, conflict.rebased, world)
    assert case.stored(services, ident) == case.mine_value


def test_every_use_case_with_seen_is_registered_and_has_a_case_here() -> None:
    """A new write that takes `seen` must join the registry, and the registry this test."""
    classes = [
        import_module(f"alignmeet.services.{name}")
        for name in ("actions", "agenda", "meetings", "people", "minutes", "followups")
    ]
    services = [getattr(module, n) for module in classes for n in dir(module)]
    services += [getattr(import_module(mod), cls) for mod, cls in TOOLKIT.values()]
    with_seen = {
        f"{cls.__name__}.{name}"
        for cls in services
        if isinstance(cls, type) and issubclass(cls, services_base.ServiceBase)
        for name, fn in vars(cls).items()
        if callable(fn) and not name.startswith("_")
        if "seen" in inspect.signature(fn).parameters
    }
    assert with_seen == set(VERSIONED_WRITES)
    assert set(CASES) == set(VERSIONED_WRITES)
    for name, model in VERSIONED_WRITES.items():
        assert model in services_base.GUARDED_FIELDS, name
    # Every table with a version column is guarded.
    versioned = {m for m in services_base.GUARDED_FIELDS if "version" in m.__table__.c}
    from alignmeet.storage import models as m

    every = {
        mapper.class_ for mapper in m.Base.registry.mappers if "version" in mapper.local_table.c
    }
    assert every == versioned


def test_a_guarded_field_written_outside_a_guarded_save_is_reported(
    services: Services, world: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What keeps the registry complete: the suite-wide check fails such a write."""
    from alignmeet.storage import models as m

    found: list[str] = []
    monkeypatch.setattr(guard, "on_unguarded_write", found.append)
    action_id = _action(services, world)
    with services.db.transaction() as s:  # a use case forgetting its guard
        s.get(m.Action, action_id).title = "Overwritten unseen"
    assert len(found) == 1 and found[0].startswith(f"action {action_id}: title written by")
    found.clear()
    services.actions.update_action(action_id=action_id, title="Through the guard")
    assert found == []


# ---- the semantics, with what the screen showed --------------------------------------------
def test_the_followups_row_catches_what_the_book_misses(
    services: Services, world: SimpleNamespace, other: OtherFacilitator, fresh: Services
) -> None:
    """The finding, and why `seen` is needed: the list came from a Core query (no ORM
    object), so this client's book never saw the action before the other's change."""
    action_id = _action(services, world)
    line = _line(fresh, action_id)
    other("actions", "set_status", action_id=action_id, status="blocked")
    with pytest.raises(ConflictError) as info:
        fresh.actions.set_status(action_id=action_id, status=ActionStatus.DONE, seen=line)
    assert (info.value.mine, info.value.theirs) == ({"status": "done"}, {"status": "blocked"})
    assert info.value.version == line.version + 1  # type: ignore[attr-defined]
    # Without it, the book has nothing to compare with: the old silent overwrite.
    blind = Services(open_database(fresh.db.url if fresh.db.path is None else fresh.db.path))
    try:
        assert blind.actions.set_status(action_id=action_id, status=ActionStatus.DONE).status is (
            ActionStatus.DONE
        )
    finally:
        blind.close()


def test_fields_the_other_did_not_change_are_merged_and_the_version_moves_on(
    services: Services, world: SimpleNamespace, other: OtherFacilitator, fresh: Services
) -> None:
    meeting = fresh.meetings.get_meeting(world.meeting.id)
    other("meetings", "update_meeting", meeting_id=meeting.id, place="Room 4")
    saved = fresh.meetings.update_meeting(meeting_id=meeting.id, topic="Mine", seen=meeting)
    assert (saved.place, saved.topic) == ("Room 4", "Mine")
    assert saved.version == meeting.version + 2  # theirs, then mine on top


def test_a_typed_field_saved_again_on_its_own_save_is_no_conflict(
    services: Services, world: SimpleNamespace
) -> None:
    """An autosave after an autosave: the field still stands on the value it was loaded
    with, but the stored one is this client's own."""
    item = services.agenda.add_item(meeting_id=world.meeting.id, title="Lead quality")
    loaded = Seen(item.version, {"notes": item.notes})
    services.agenda.update_item(item_id=item.id, notes="Draft", seen=loaded)
    saved = services.agenda.update_item(item_id=item.id, notes="Draft, longer", seen=loaded)
    assert saved.notes == "Draft, longer"


def test_keep_mine_conflicts_again_when_a_third_change_came_in_between(
    services: Services, world: SimpleNamespace, other: OtherFacilitator, fresh: Services
) -> None:
    action_id = _action(services, world)
    seen = fresh.actions.get_action(action_id)
    other("actions", "update_action", action_id=action_id, title="Theirs 1")
    with pytest.raises(ConflictError) as first:
        fresh.actions.update_action(action_id=action_id, title="Mine", seen=seen)
    other("actions", "update_action", action_id=action_id, title="Theirs 2")
    with pytest.raises(ConflictError) as second:
        fresh.actions.update_action(action_id=action_id, title="Mine", seen=first.value.rebased)
    assert second.value.theirs == {"title": "Theirs 2"}


def test_all_present_with_one_row_changed_meanwhile_writes_none_and_names_it(
    services: Services, world: SimpleNamespace, other: OtherFacilitator, fresh: Services
) -> None:
    shown = fresh.meetings.participants(world.meeting.id)
    other(
        "meetings",
        "set_attendance",
        meeting_id=world.meeting.id,
        member_id=world.ben.id,
        attendance="apologies",
    )
    with pytest.raises(ConflictError) as info:
        fresh.meetings.mark_present(
            meeting_id=world.meeting.id, member_ids=[p.member_id for p in shown], seen=shown
        )
    conflict = info.value
    assert conflict.what == "Attendance and commitment of Ben Okoro"
    assert [(p.mine, p.theirs) for p in conflict.parts] == [
        ({"attendance": "present"}, {"attendance": "apologies"})
    ]
    assert not conflict.same_values
    assert {p.attendance for p in fresh.meetings.participants(world.meeting.id)} == {
        Attendance.INVITED,
        Attendance.APOLOGIES,
    }


@pytest.mark.parametrize("db_backend", ["postgresql"], indirect=True)
def test_on_a_server_a_race_between_check_and_write_is_a_conflict_too(
    services: Services, world: SimpleNamespace, db_url: str
) -> None:
    """Both passed the check against what they saw; the version column stops the second."""
    import threading

    action_id = _action(services, world)
    clients = [Services(open_database(db_url), clock=lambda: NOW) for _ in range(6)]
    try:
        seen = clients[0].actions.get_action(action_id)
        barrier = threading.Barrier(len(clients))
        outcome: dict[int, str] = {}

        def save(n: int) -> None:
            barrier.wait()
            try:
                clients[n].actions.update_action(action_id=action_id, title=f"T{n}", seen=seen)
                outcome[n] = "saved"
            except ConflictError:
                outcome[n] = "conflict"
            except Exception as exc:
                outcome[n] = repr(exc)

        threads = [threading.Thread(target=save, args=(n,)) for n in range(len(clients))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcome.values()) == ["conflict"] * 5 + ["saved"], outcome
    finally:
        for c in clients:
            c.close()
