"""Revision 0008 on a PostgreSQL database that already holds a history: a schema-0007
database with a few thousand actions (notes and titles differing only in case, accents,
empty notes, no due date, equal due dates, members whose names sort differently from their
ids) is upgraded as a facilitator's would be on the next start, and the Follow-ups list,
in every sort and both directions, counted, read whole and read a page at a time (as the
page scrolls, from the end too), and each action's place in it, is what sorting every
action by hand gives."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, text

import alignmeet.storage.database as database
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.services import Services, open_services
from alignmeet.services.followups import SORT_FIELDS, ActionFilter
from alignmeet.storage.database import current_revision, upgrade

ACTIONS = 3000
PAGE = 250  # rows the page reads at a time, about
TODAY = date(2026, 11, 22)
NOTES = ["", "Agreed", "agreed", "AGREED", "Ärger mit CRM", "ärger mit crm", "Zebra", "zebra",
         "Éclair", "eclair", "Straße", "STRASSE", "1 follow-up", "~", "Ω omega", "ω omega",
         "emoji 👍", "a", "B", "b"]  # fmt: skip
TITLES = ["Call the leads", "call the leads", "Ändern", "andern", "Webinar", "webinar",
          "Zahlen prüfen", "zahlen Prüfen", "Ölpreis", "oelpreis"]  # fmt: skip
# Names whose order differs from their ids' (and one only by case).
MEMBERS = ["Zoë Brandt", "anna Weber", "Émile Roux", "Bernd Yilmaz", "ANNA Adler", "Sofía Ortega"]


def _insert_at_0007(conn: Any) -> None:
    """A history written in the 0007 schema (plain SQL: the models are newer)."""
    rng = random.Random(8)
    when = datetime(2026, 1, 6, 10, 0)
    conn.execute(text("INSERT INTO team (id, name, position) VALUES (1, 'Sales', 0)"))
    conn.execute(text("INSERT INTO team (id, name, position) VALUES (2, 'Marketing', 1)"))
    for mid, name in enumerate(MEMBERS, 1):
        conn.execute(
            text(
                "INSERT INTO member (id, name, name_key, team_id, role, email, active, version)"
                " VALUES (:id, :name, :key, :team, '', '', true, 1)"
            ),
            {"id": mid, "name": name, "key": name.casefold(), "team": 1 + mid % 2},
        )
    for sid in (1, 2):
        conn.execute(
            text("INSERT INTO series (id, name, cadence_days) VALUES (:id, :name, 30)"),
            {"id": sid, "name": f"Series {sid}"},
        )
    for mid in range(1, 9):  # two meetings on the same day: ordered by id
        conn.execute(
            text(
                "INSERT INTO meeting (id, series_id, title, starts_at, planned_minutes, place,"
                " facilitator_id, topic, end_goal, status, phase, previous_minutes_approved,"
                " closing_notes, elapsed_seconds, created_at, version) VALUES (:id, :series,"
                " :title, :at, 60, '', 1, '', '', 'closed', 'close', false, '', 0, :at, 1)"
            ),
            {
                "id": mid,
                "series": 1 + mid % 2,
                "title": f"Meeting {mid}",
                "at": when + timedelta(days=(9 - mid) // 2 * 7),
            },
        )
    rows = []
    for aid in range(1, ACTIONS + 1):
        rows.append(
            {
                "id": aid,
                "meeting": rng.randint(1, 8),
                "owner": rng.randint(1, len(MEMBERS)),
                "title": rng.choice(TITLES),
                "due": None
                if rng.random() < 0.15
                else TODAY + timedelta(days=rng.randint(-40, 40)),
                "tag": rng.choice(list(TeamTag)).value,
                "status": rng.choice(list(ActionStatus)).value,
                "slipped": rng.choice([0, 0, 0, 1, 2, 5]),
                "note": rng.choice(NOTES),
                "when": when,
            }
        )
    conn.execute(
        text(
            "INSERT INTO action (id, meeting_id, owner_id, title, due, team_tag, status,"
            " milestone, position, created_at, updated_at, version, times_slipped, last_note)"
            " VALUES (:id, :meeting, :owner, :title, :due, :tag, :status, '', 0, :when, :when,"
            " 1, :slipped, :note)"
        ),
        rows,
    )
    conn.execute(text("SELECT setval('action_id_seq', :n)"), {"n": ACTIONS})


@pytest.fixture(scope="module")
def upgraded(postgres_server: Any) -> Iterator[tuple[Services, dict[int, tuple[str, str]]]]:
    """The upgraded database's services, and each action's title and note as PostgreSQL
    lowers them (the list ignores case as the database does: `lower() COLLATE "C"`)."""
    name = postgres_server.create()
    url = postgres_server.url_of(name)
    engine = create_engine(url)
    db = database.Database(url=url, engine=engine, sessions=database.sessionmaker(engine))
    try:
        upgrade(db, "0007")
        with engine.begin() as conn:
            _insert_at_0007(conn)
    finally:
        engine.dispose()
    services = open_services(url)  # the next start: upgraded to 0008
    try:
        assert current_revision(services.db) == "0008"
        with services.db.engine.connect() as conn:
            lowered = {
                aid: (title, note)
                for aid, title, note in conn.execute(
                    text("SELECT id, lower(title), lower(last_note) FROM action")
                )
            }
        yield services, lowered
    finally:
        services.close()
        postgres_server.drop(name)


def _by_hand(
    services: Services, lowered: dict[int, tuple[str, str]], sort: str, descending: bool
) -> list[int]:
    """Every action's id in the order the page promises, sorted here (ties in due order,
    by due date with none last then id, both ways; a sort by due date is reversed whole)."""
    from alignmeet.services.followups import _STATUS_ORDER, _TAG_ORDER

    lines = services.followups.lines(ActionFilter(), today=TODAY)

    def due(line: Any) -> tuple[Any, ...]:
        return (line.due is None, line.due or date.min, line.id)

    if sort == "due":
        return [line.id for line in sorted(lines, key=due, reverse=descending)]
    if sort in ("title", "note"):
        at = 0 if sort == "title" else 1
        ordered = sorted(lines, key=due)
        ordered.sort(key=lambda line: lowered[line.id][at], reverse=descending)  # stable
        return [line.id for line in ordered]
    names = {m.id: m.name for m in services.people.list_members(include_inactive=True)}
    days = {meeting.id: meeting.starts_at.date() for meeting in services.meetings.list_meetings()}
    group = {
        "owner": lambda line: (names[line.owner_id].casefold(), line.owner_id),
        "meeting": lambda line: (days[line.meeting_id], line.meeting_id),
        "team": lambda line: _TAG_ORDER[line.team_tag],
        "status": lambda line: _STATUS_ORDER[line.status],
        "slipped": lambda line: line.times_slipped,
    }[sort]
    ordered = sorted(lines, key=due)
    ordered.sort(key=group, reverse=descending)  # stable: due order within a group
    return [line.id for line in ordered]


@pytest.mark.parametrize("descending", [False, True], ids=["up", "down"])
@pytest.mark.parametrize("sort", SORT_FIELDS)
def test_after_upgrading_0007_on_postgresql_the_list_is_in_the_order_sorted_by_hand(
    upgraded: tuple[Services, dict[int, tuple[str, str]]], sort: str, descending: bool
) -> None:
    services, lowered = upgraded
    followups = services.followups
    everything = ActionFilter()
    total = followups.count(everything, today=TODAY)
    assert total == ACTIONS
    expected = _by_hand(services, lowered, sort, descending)
    whole = followups.window(
        everything, today=TODAY, sort=sort, descending=descending, limit=total, total=total
    )
    assert [line.id for line in whole] == expected
    paged: list[int] = []
    for offset in range(0, total, PAGE):  # scrolling down, each page read on its own
        window = followups.window(
            everything, today=TODAY, sort=sort, descending=descending, offset=offset,
            limit=PAGE, total=total,
        )  # fmt: skip
        paged.extend(line.id for line in window)
    assert paged == expected
    count, first = followups.first_window(
        everything, today=TODAY, sort=sort, descending=descending, limit=PAGE
    )
    assert (count, [line.id for line in first]) == (total, expected[:PAGE])
    rng = random.Random(sort)
    for at in [*sorted(rng.sample(range(total), 40)), 0, total - 1]:
        place = followups.position(
            expected[at], everything, today=TODAY, sort=sort, descending=descending
        )
        assert place == at, (expected[at], place, at)


@pytest.mark.parametrize("sort", SORT_FIELDS)
def test_after_upgrading_0007_on_postgresql_a_filtered_list_counts_and_orders_by_hand(
    upgraded: tuple[Services, dict[int, tuple[str, str]]], sort: str
) -> None:
    """One series' open actions (the series index of 0008): counted and ordered as the
    whole list, filtered by hand."""
    from alignmeet.domain.enums import OPEN_STATUSES

    services, lowered = upgraded
    followups = services.followups
    flt = ActionFilter(statuses=frozenset(OPEN_STATUSES), series_id=2)
    series_of = {m.id: m.series_id for m in services.meetings.list_meetings()}
    open_values = {s.value for s in OPEN_STATUSES}
    lines = {line.id: line for line in followups.lines(ActionFilter(), today=TODAY)}
    for descending in (False, True):
        expected = [
            aid
            for aid in _by_hand(services, lowered, sort, descending)
            if series_of[lines[aid].meeting_id] == 2 and lines[aid].status in open_values
        ]
        total = followups.count(flt, today=TODAY)
        assert total == len(expected)
        shown = followups.window(
            flt, today=TODAY, sort=sort, descending=descending, limit=total, total=total
        )
        assert [line.id for line in shown] == expected
        last = followups.window(
            flt, today=TODAY, sort=sort, descending=descending, offset=total - 30, limit=30,
            total=total,
        )  # fmt: skip
        assert [line.id for line in last] == expected[-30:]
