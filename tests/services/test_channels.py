"""Communication expectations: the agreed channel per urgency, in every meeting's minutes."""

import pytest

from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Table
from alignmeet.services.base import NotFoundError
from alignmeet.services.channels import ChannelService


@pytest.fixture
def ch(services):
    return services.channels


def urgencies(ch) -> list[str]:
    return [r.urgency for r in ch.list_rules()]


def test_the_service_is_reached_as_services_channels(services):
    assert isinstance(services.channels, ChannelService)


def test_a_new_database_has_no_rules_until_the_teams_agree_them(ch):
    assert ch.list_rules() == []  # ensure_defaults is never called on its own


def test_rules_are_added_in_order(ch):
    a = ch.add_rule(urgency="Urgent", channel="Phone call", response_time="within 1 hour")
    b = ch.add_rule(urgency="Today", channel="Team chat", notes="Mention the person.")
    assert [(r.id, r.position) for r in ch.list_rules()] == [(a.id, 1), (b.id, 2)]
    assert b.response_time == "" and b.notes == "Mention the person."
    assert a.describe() == "Urgent → Phone call (within 1 hour)"


def test_urgency_and_channel_are_required(ch):
    with pytest.raises(ValidationError) as info:
        ch.add_rule(urgency="  ", channel="Phone call")
    assert info.value.field == "urgency" and "Urgency cannot be empty" in info.value.message
    with pytest.raises(ValidationError) as info:
        ch.add_rule(urgency="Urgent", channel="")
    assert info.value.field == "channel"
    assert ch.list_rules() == []


def test_one_channel_per_urgency(ch):
    ch.add_rule(urgency="Urgent", channel="Phone call")
    with pytest.raises(ValidationError) as info:
        ch.add_rule(urgency=" urgent ", channel="SMS")
    assert info.value.field == "urgency"
    assert "“Urgent” already has a channel (Phone call)" in info.value.message
    assert urgencies(ch) == ["Urgent"]


def test_updating_changes_only_the_given_fields_and_keeps_urgencies_unique(ch):
    urgent = ch.add_rule(urgency="Urgent", channel="Phone call", response_time="1 hour")
    ch.add_rule(urgency="Today", channel="Team chat")
    changed = ch.update_rule(rule_id=urgent.id, channel="Phone or SMS")
    assert (changed.urgency, changed.channel, changed.response_time) == (
        "Urgent",
        "Phone or SMS",
        "1 hour",
    )
    assert ch.update_rule(rule_id=urgent.id, urgency="URGENT").urgency == "URGENT"
    with pytest.raises(ValidationError, match="“Today” already has a channel"):
        ch.update_rule(rule_id=urgent.id, urgency="today")
    with pytest.raises(ValidationError):
        ch.update_rule(rule_id=urgent.id, channel=" ")
    assert ch.list_rules()[0].channel == "Phone or SMS"
    with pytest.raises(NotFoundError):
        ch.update_rule(rule_id=999, channel="x")


def test_rules_move_up_and_down_and_stay_at_the_ends(ch):
    for name in ("Urgent", "Today", "This week"):
        ch.add_rule(urgency=name, channel="x")
    week = ch.list_rules()[2]
    ch.move_rule(rule_id=week.id, offset=-1)
    assert urgencies(ch) == ["Urgent", "This week", "Today"]
    ch.move_rule(rule_id=week.id, offset=-5)
    assert urgencies(ch) == ["This week", "Urgent", "Today"]
    ch.move_rule(rule_id=week.id, offset=-1)
    assert urgencies(ch) == ["This week", "Urgent", "Today"]
    assert [r.position for r in ch.list_rules()] == [1, 2, 3]


def test_reorder_takes_every_rule_once(ch):
    ids = [ch.add_rule(urgency=n, channel="x").id for n in ("A", "B", "C")]
    assert [r.urgency for r in ch.reorder(rule_ids=[ids[2], ids[0], ids[1]])] == ["C", "A", "B"]
    with pytest.raises(ValidationError):
        ch.reorder(rule_ids=ids[:2])
    assert urgencies(ch) == ["C", "A", "B"]


def test_removing_closes_the_gap(ch):
    ids = [ch.add_rule(urgency=n, channel="x").id for n in ("A", "B", "C")]
    ch.remove_rule(rule_id=ids[1])
    assert [(r.urgency, r.position) for r in ch.list_rules()] == [("A", 1), ("C", 2)]
    with pytest.raises(NotFoundError):
        ch.remove_rule(rule_id=ids[1])


def test_the_suggested_rules_are_added_only_when_asked_and_only_once(ch):
    rules = ch.ensure_defaults()
    assert [(r.urgency, r.channel, r.response_time) for r in rules] == [
        ("Urgent (deal at risk)", "Phone call", "within 1 hour"),
        ("Today", "Team chat", "same day"),
        ("This week", "E-mail", "2 working days"),
        ("FYI", "Shared channel / newsletter", "no reply needed"),
    ]
    ch.remove_rule(rule_id=rules[-1].id)
    assert len(ch.ensure_defaults()) == 3  # a list the teams changed is left alone


def test_no_rules_no_section_in_the_minutes(ch, new_meeting):
    assert ch.minutes_sections(new_meeting().id) == ()


def test_every_meetings_minutes_carry_the_agreement(ch, new_meeting):
    first, second = new_meeting(day=-28), new_meeting(day=0)
    ch.add_rule(urgency="Urgent", channel="Phone call", response_time="within 1 hour")
    ch.add_rule(urgency="FYI", channel="Newsletter")
    for meeting in (first, second):
        [section] = ch.minutes_sections(meeting.id)
        assert section.heading == "Communication expectations"
        table = section.blocks[-1]
        assert isinstance(table, Table)
        assert table.header == ("Urgency", "Channel", "Response time")
        assert table.rows == (("Urgent", "Phone call", "within 1 hour"), ("FYI", "Newsletter", "—"))
    with pytest.raises(NotFoundError):
        ch.minutes_sections(999)
