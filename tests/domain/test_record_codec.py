"""Records stored as JSON read back exactly: the minutes of record's format."""

import dataclasses
import json
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.record_codec import Codec, RecordFormatError, canonical_json
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Picture, Table

CODEC = Codec(r.MinutesData)

finite = st.floats(allow_nan=False)


def _round_trip(value):
    text = canonical_json(CODEC.encode(value))
    return CODEC.decode(json.loads(text)), text


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(st.builds(r.MinutesData))
def test_any_minutes_read_back_equal(data):
    """Every field of every record the minutes hold (stamp, toolkit pictures and tables
    included), with any text, date or enum value Hypothesis finds."""
    assume(data == data)  # a NaN width would never equal itself; no record holds one
    back, text = _round_trip(data)
    assert back == data
    assert text.isascii()
    assert canonical_json(CODEC.encode(back)) == text  # the same record, the same text


@settings(max_examples=80, deadline=None)
@given(
    st.text(),
    st.binary(max_size=64),
    finite,
    st.datetimes(),
    st.sampled_from(ActionStatus),
)
def test_user_text_bytes_dates_and_enums_survive(text, png, width, moment, status):
    section = DocSection(
        heading=text,
        blocks=(
            Paragraph(text, label=text, muted=True),
            Bullets((text, "")),
            Table(header=(text,), rows=((text,),), weights=(1,)),
            Picture(png=png, width_cm=width, caption=text),
        ),
        level=2,
    )
    action = r.ActionRecord(
        id=1,
        meeting_id=2,
        meeting_title=text,
        meeting_date=moment.date(),
        owner_id=3,
        owner_name=text,
        title=text,
        due=None,
        team_tag=TeamTag.JOINT,
        status=status,
        milestone=text,
        position=0,
    )
    back, _text = _round_trip((section, action, moment))
    assert back == (section, action, moment)
    assert type(back[2]) is datetime


def test_a_field_added_later_with_a_default_reads_old_text_as_its_default():
    stored = CODEC.encode(
        r.RevisionInfo(id=1, revision=1, closed_at=datetime(2026, 10, 13, 10, 43))
    )
    del stored["reconstructed_on"]  # written before the field existed
    assert CODEC.decode(stored) == r.RevisionInfo(
        id=1, revision=1, closed_at=datetime(2026, 10, 13, 10, 43), reconstructed_on=None
    )


def test_a_field_this_version_does_not_know_is_refused_not_dropped():
    stored = CODEC.encode(r.RevisionInfo(id=1, revision=1, closed_at=datetime(2026, 10, 13)))
    stored["approved_by_board"] = True  # written by a newer AlignMeet
    with pytest.raises(RecordFormatError, match="approved_by_board"):
        CODEC.decode(stored)


def test_a_missing_field_without_default_is_refused():
    stored = CODEC.encode(r.RevisionInfo(id=1, revision=1, closed_at=datetime(2026, 10, 13)))
    del stored["closed_at"]
    with pytest.raises(RecordFormatError, match="closed_at"):
        CODEC.decode(stored)


def test_the_text_names_types_but_cannot_choose_any_other_class():
    with pytest.raises(RecordFormatError, match="unknown record type"):
        CODEC.decode({"$type": "Path", "args": ["/etc/passwd"]})
    with pytest.raises(TypeError):
        CODEC.encode(object())


def test_dates_stay_dates_and_tuples_stay_tuples():
    value = (date(2026, 10, 13), [1, 2], {3: "x"}, b"\x00\xff")
    back, _text = _round_trip(value)
    assert back == value
    assert type(back[0]) is date
    assert dataclasses.is_dataclass(r.MinutesData)
