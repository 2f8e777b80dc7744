"""Undo for any use case: the journal records what a use case wrote, row by row, and puts
it back (revert) or does it again (reapply). The database after a revert is the database
before, to the last row and column (version counters aside, which only go forward)."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest
from sqlalchemy import select

from alignmeet.demo import build_demo
from alignmeet.domain.enums import TeamTag
from alignmeet.domain.goals import Disposition, GoalKind
from alignmeet.services import Services
from alignmeet.services.journal import ChangedSinceError
from alignmeet.storage import models as m
from alignmeet.storage.database import open_database

from .conftest import NOW

DEMO_DAY = date(2026, 11, 22)
DEMO_NOW = datetime(2026, 11, 22, 9, 30)


def dump(services: Services) -> dict[str, list[tuple]]:
    """Every row of every table (the version counter left out), sorted."""
    out = {}
    with services.db.transaction() as s:
        for table in m.Base.metadata.sorted_tables:
            if table.name == "change_log":  # every write, an undo too, adds a row there
                continue
            columns = [c for c in table.c if c.name != "version"]
            rows = s.execute(select(*columns)).all()
            out[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return out


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("journal") / "demo.sqlite3"
    services = Services(open_database(path), clock=lambda: NOW)
    services.bootstrap()
    build_demo(services, today=DEMO_DAY)
    services.close()
    return path


@pytest.fixture
def demo(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    services = Services(open_database(path), clock=lambda: DEMO_NOW)
    yield services
    services.close()


def round_trip(services: Services, use_case) -> None:
    """Run `use_case` recorded; revert, reapply and revert again, checking every row."""
    before = dump(services)
    with services.journal.recording() as changes:
        use_case(services)
    after = dump(services)
    assert after != before, "the use case changed nothing: the test proves nothing"
    assert changes, "a change was made but not recorded"
    services.journal.revert(changes)
    assert dump(services) == before
    services.journal.reapply(changes)
    assert dump(services) == after
    services.journal.revert(changes)
    assert dump(services) == before


def _goal_with_actions(s: Services) -> int:
    """A goal two actions serve (linked before the recording starts: see the test)."""
    with s.db.transaction() as session:
        return session.scalars(
            select(m.Action.goal_id).where(m.Action.goal_id.is_not(None)).limit(1)
        ).one()


def _link_goal(s: Services) -> None:
    goal = s.goals.list_goals()[0].id
    for action_id in (1, 2):
        s.actions.update_action(action_id=action_id, goal_id=goal)


def _kpi(s: Services) -> int:
    return s.goals.list_kpis()[0].id


def _persona_in_use(s: Services) -> int:
    with s.db.transaction() as session:
        return session.scalars(
            select(m.Action.persona_id).where(m.Action.persona_id.is_not(None)).limit(1)
        ).one()


USE_CASES = {
    # deleting a goal clears the link of the actions that served it (ON DELETE SET NULL)
    "delete a goal linked to actions": lambda s: s.goals.delete_goal(goal_id=_goal_with_actions(s)),
    # a KPI goes with its measurements (a bulk DELETE, then the row)
    "delete a KPI and its measurements": lambda s: s.goals.delete_kpi(kpi_id=_kpi(s)),
    "add an activity goal": lambda s: s.goals.add_goal(
        kind=GoalKind.ACTIVITY,
        title="Webinar leads called within 48 h",
        period=s.goals.current_period(),
        team_tag=TeamTag.JOINT,
        owner_id=1,
        disposition=Disposition.IMPROVE,
    ),
    "rename a KPI": lambda s: s.goals.update_kpi(kpi_id=_kpi(s), name="SQLs per week"),
    "reorder KPIs": lambda s: s.goals.move_kpi(kpi_id=_kpi(s), to_position=3),
    "archive a persona named by actions": lambda s: s.personas.archive_persona(
        persona_id=_persona_in_use(s)
    ),
    "remove a lead batch with its rejections": lambda s: s.lead_feedback.remove_batch(
        s.lead_feedback.reviewed_in(s.meetings.latest_meeting_id() - 1)[0].id
        if s.lead_feedback.reviewed_in(s.meetings.latest_meeting_id() - 1)
        else s.lead_feedback.unreviewed_batches()[0].id
    ),
    "start the suggested coaching rotation": lambda s: s.coaching.apply_rotation(
        pairs=[
            (p.sales_member_id, p.marketing_member_id)
            for p in s.coaching.suggest_rotation(DEMO_DAY).pairs
        ],
        today=DEMO_DAY,
    ),
    "move a channel rule": lambda s: s.channels.move_rule(
        rule_id=s.channels.list_rules()[0].id, offset=1
    ),
    "resolve a lesson": lambda s: s.board.resolve(
        entry_id=next(e for e in s.board.entries() if e.kind == "lesson" and not e.resolved).id
    ),
    "add a team": lambda s: s.people.add_team(name="Customer Success"),
    "rename a team": lambda s: s.people.rename_team(team_id=1, name="Field Sales"),
    "change the series' members": lambda s: s.meetings.set_series_members(
        series_id=1, member_ids=[1, 2, 6]
    ),
    "change the series' cadence": lambda s: s.meetings.update_series(series_id=1, cadence_days=14),
    "change who is invited": lambda s: s.meetings.set_invitees(
        meeting_id=s.meetings.latest_meeting_id(), member_ids=[1, 6, 7]
    ),
    "save an agenda as a template": lambda s: s.agenda.save_as_template(
        meeting_id=1, name="Monthly alignment (long)"
    ),
    "import members from CSV": lambda s: s.people.import_members(
        text="name,team,role,email\nJo Park,Sales,AE,jo@example.com\n"
        "Ana Lima,Marketing,Content,ana@example.com\n"
    ),
    # the largest cascade there is: a held meeting with its agenda, actions and history
    "delete a held meeting": lambda s: s.meetings.delete_meeting(1),
}


@pytest.mark.parametrize("name", list(USE_CASES))
def test_undo_and_redo_put_every_row_back(demo, name):
    _link_goal(demo)
    round_trip(demo, USE_CASES[name])


def test_nothing_is_recorded_outside_the_block_or_on_another_thread(demo):
    import threading

    with demo.journal.recording() as changes:
        worker = threading.Thread(target=lambda: demo.people.add_team(name="Elsewhere"))
        worker.start()
        worker.join()
    demo.people.add_team(name="Afterwards")
    assert not changes


def test_undo_is_refused_when_someone_changed_the_row_since(demo):
    kpi = _kpi(demo)
    with demo.journal.recording() as changes:
        demo.goals.update_kpi(kpi_id=kpi, name="SQLs per week")
    demo.goals.update_kpi(kpi_id=kpi, name="SQLs (weekly)")  # another window, afterwards
    state = dump(demo)
    with pytest.raises(ChangedSinceError, match="changed since, in another window"):
        demo.journal.revert(changes)
    assert dump(demo) == state  # nothing written


def test_undoing_an_addition_is_refused_once_others_built_on_it(demo):
    with demo.journal.recording() as changes:
        team = demo.people.add_team(name="Customer Success")
    demo.people.add_member(name="Jo Park", team_id=team.id)
    state = dump(demo)
    with pytest.raises(ChangedSinceError, match="used since"):
        demo.journal.revert(changes)
    assert dump(demo) == state


def test_undo_keeps_optimistic_locking_honest(demo):
    """After undoing a rename, this client may rename again without a conflict with itself,
    and the row's version has gone forward (another client's stale copy still conflicts)."""
    kpi = _kpi(demo)

    def version() -> int:
        with demo.db.transaction() as session:
            return session.get(m.Kpi, kpi).version

    first = version()
    with demo.journal.recording() as changes:
        demo.goals.update_kpi(kpi_id=kpi, name="SQLs per week")
    demo.journal.revert(changes)
    assert version() > first + 1
    demo.goals.update_kpi(kpi_id=kpi, name="SQLs a week")  # no ConflictError
    assert demo.goals.get_kpi(kpi).name == "SQLs a week"


def test_round_trip_on_every_backend(services):
    """The same on PostgreSQL (sequences, bulk statements, cascades)."""
    build_demo(services, today=DEMO_DAY)
    _link_goal(services)
    for name in (
        "delete a goal linked to actions",
        "delete a KPI and its measurements",
        "delete a held meeting",
        "import members from CSV",
    ):
        round_trip(services, USE_CASES[name])
