"""Communication expectations: one channel per urgency, required fields, the meeting strip."""

import pytest

from alignmeet.domain.channels import (
    DEFAULT_RULES,
    MAX_FIELD,
    ChannelRuleRecord,
    check_order,
    check_unique_urgency,
    strip_text,
    validate_rule,
)
from alignmeet.domain.rules import ValidationError


def rule(id_: int, urgency: str, channel: str, response: str = "") -> ChannelRuleRecord:
    return ChannelRuleRecord(id_, urgency, channel, response, "", id_)


def test_urgency_and_channel_are_required_each_at_its_field():
    for field, values in (
        ("urgency", {"urgency": " ", "channel": "Phone"}),
        ("channel", {"urgency": "Urgent", "channel": ""}),
    ):
        with pytest.raises(ValidationError) as info:
            validate_rule(response_time="", notes="", **values)
        assert info.value.field == field


def test_fields_are_trimmed_and_the_response_time_is_optional():
    fields = validate_rule(urgency=" Today ", channel="Team  chat", response_time="", notes=" x ")
    assert (fields.urgency, fields.channel, fields.response_time, fields.notes) == (
        "Today",
        "Team chat",
        "",
        "x",
    )


def test_a_too_long_response_time_is_refused_at_its_field():
    with pytest.raises(ValidationError) as info:
        validate_rule(urgency="U", channel="C", response_time="x" * (MAX_FIELD + 1), notes="")
    assert info.value.field == "response_time"


def test_one_channel_per_urgency_whatever_the_case():
    rules = [rule(1, "Urgent", "Phone call")]
    with pytest.raises(ValidationError, match="“Urgent” already has a channel"):
        check_unique_urgency("urgent", rules)
    check_unique_urgency("urgent", rules, own_id=1)  # renaming itself is fine
    check_unique_urgency("Today", rules)


def test_a_new_order_names_every_rule_once():
    assert check_order([3, 1, 2], [1, 2, 3]) == [3, 1, 2]
    for bad in ([1, 2], [1, 2, 2], [1, 2, 3, 4]):
        with pytest.raises(ValidationError):
            check_order(bad, [1, 2, 3])


def test_the_strip_reads_urgency_channel_and_response_time():
    rules = [rule(1, "Urgent", "Phone call", "within 1 hour"), rule(2, "FYI", "Newsletter")]
    assert strip_text(rules) == "Urgent → Phone call (within 1 hour) · FYI → Newsletter"


def test_the_suggested_rules_follow_the_seed():
    assert [(r.urgency, r.channel, r.response_time) for r in DEFAULT_RULES] == [
        ("Urgent (deal at risk)", "Phone call", "within 1 hour"),
        ("Today", "Team chat", "same day"),
        ("This week", "E-mail", "2 working days"),
        ("FYI", "Shared channel / newsletter", "no reply needed"),
    ]
