"""Series: name, cadence, default agenda template and members; new meetings start from them."""

from __future__ import annotations

import pytest

from alignmeet.domain.rules import ValidationError


def test_update_series_renames_and_changes_cadence_and_template(services, series) -> None:
    template = services.agenda.templates()[0]
    saved = services.meetings.update_series(
        series_id=series.id,
        name="  Weekly   sync ",
        cadence_days=7,
        default_template_id=template.id,
    )
    assert (saved.name, saved.cadence_days, saved.default_template_id) == (
        "Weekly sync",
        7,
        template.id,
    )
    assert services.meetings.get_series(series.id) == saved
    cleared = services.meetings.update_series(series_id=series.id, default_template_id=None)
    assert cleared.default_template_id is None
    assert cleared.cadence_days == 7  # what was not passed is left alone


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "other SERIES"}, "name"),
        ({"cadence_days": 0}, "cadence_days"),
        ({"cadence_days": 366}, "cadence_days"),
    ],
)
def test_update_series_refuses_bad_values_at_their_field(services, series, fields, field) -> None:
    services.meetings.ensure_series(name="Other series")
    with pytest.raises(ValidationError) as err:
        services.meetings.update_series(series_id=series.id, **fields)
    assert err.value.field == field
    assert services.meetings.get_series(series.id) == series


def test_set_series_members_replaces_the_members(services, series, people) -> None:
    saved = services.meetings.set_series_members(
        series_id=series.id, member_ids=[people.ben.id, people.ana.id, people.ana.id]
    )
    assert saved.member_ids == (people.ana.id, people.ben.id)  # name order, once each
    saved = services.meetings.set_series_members(
        series_id=series.id, member_ids=[people.chloe.id, people.ben.id]
    )
    assert set(saved.member_ids) == {people.ben.id, people.chloe.id}
    assert services.meetings.set_series_members(series_id=series.id, member_ids=[]).member_ids == ()


def test_a_new_meeting_uses_the_series_template_and_invites_its_active_members(
    services, series, people, new_meeting
) -> None:
    template = services.agenda.templates()[0]
    services.meetings.update_series(series_id=series.id, default_template_id=template.id)
    services.meetings.set_series_members(
        series_id=series.id, member_ids=[people.ana.id, people.dev.id]
    )
    services.people.update_member(member_id=people.dev.id, active=False)

    meeting = new_meeting(invitee_ids=[])
    assert [p.member_id for p in services.meetings.participants(meeting.id)] == [people.ana.id]
    assert [i.title for i in services.agenda.items(meeting.id)] == [i.title for i in template.items]


def test_what_the_caller_gives_wins_over_the_series_defaults(
    services, series, people, new_meeting
) -> None:
    templates = services.agenda.templates()
    services.meetings.update_series(series_id=series.id, default_template_id=templates[0].id)
    services.meetings.set_series_members(series_id=series.id, member_ids=[people.ana.id])
    meeting = new_meeting(invitee_ids=[people.ben.id], template_id=templates[1].id)
    assert [p.member_id for p in services.meetings.participants(meeting.id)] == [people.ben.id]
    assert [i.title for i in services.agenda.items(meeting.id)] == [
        i.title for i in templates[1].items
    ]


def test_without_series_defaults_a_meeting_starts_empty(services, new_meeting) -> None:
    meeting = new_meeting(invitee_ids=[])
    assert services.meetings.participants(meeting.id) == []
    assert services.agenda.items(meeting.id) == []


def test_deleting_the_default_template_leaves_the_series_without_one(services, series) -> None:
    from alignmeet.storage import models as m

    template = services.agenda.templates()[0]
    services.meetings.update_series(series_id=series.id, default_template_id=template.id)
    with services.db.transaction() as s:
        s.delete(s.get(m.AgendaTemplate, template.id))
    assert services.meetings.get_series(series.id).default_template_id is None
