"""Demo glossary and channels: agreed definitions with history in the demo meetings, one
open proposal for the upcoming meeting, and the channel per urgency in every minutes."""

from datetime import date, datetime

import pytest

from alignmeet.demo import build_demo
from alignmeet.domain.enums import ItemKind
from alignmeet.domain.glossary import VersionStatus
from alignmeet.services import Services
from alignmeet.storage.database import open_database

TODAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services(
        open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"),
        clock=lambda: datetime(2026, 3, 4, 12, 0),
    )
    summary = build_demo(services, today=TODAY)
    ctx = summary.context
    written = {**summary.toolkit["glossary"], **summary.toolkit["channels"]}  # seeded by build_demo
    yield services, ctx, written
    services.close()


def test_the_glossary_holds_the_terms_both_teams_use(demo) -> None:
    services, _ctx, written = demo
    terms = {t.term: t for t in services.glossary.terms()}
    assert sorted(terms) == [
        "ICP",
        "Lead recycling",
        "MQL",
        "Qualified lead",
        "SQL",
        "Speed to lead",
    ]
    assert all(t.current is not None and len(t.definition) > 60 for t in terms.values())
    assert written["glossary_terms"] == 6
    assert written["glossary_decisions"] == 8  # every decided version has its decision
    assert written["glossary_open_proposals"] == 1


def test_mql_v2_was_agreed_in_the_second_held_meeting_and_its_minutes_show_it(demo) -> None:
    services, ctx, _ = demo
    gl = services.glossary
    mql = next(t for t in gl.terms() if t.term == "MQL")
    v2, v1 = gl.term_history(mql.id)
    assert (v2.number, v2.status, v2.meeting_id) == (
        2,
        VersionStatus.CURRENT,
        ctx.held_meeting_ids[1],
    )
    assert (v1.status, v1.meeting_id) == (VersionStatus.SUPERSEDED, ctx.held_meeting_ids[0])
    assert v2.proposed_by_name == "Elif Yılmaz" and v2.proposed_at < v2.decided_at
    meeting = services.meetings.get_meeting(ctx.held_meeting_ids[1])
    assert v2.decided_at.date() == meeting.starts_at.date()
    # The decision sits on the meeting's glossary item.
    items = services.agenda.items(meeting.id)
    glossary_item = next(i for i in items if i.kind is ItemKind.GLOSSARY)
    texts = [d.text for d in services.agenda.decisions(glossary_item.id)]
    assert any(t.startswith("Glossary: “MQL” now means: ") for t in texts)
    [section] = gl.minutes_sections(meeting.id)
    rows = {row[0]: row for row in section.blocks[1].rows}
    assert rows["MQL"][1].startswith("Approved (v2)")
    assert rows["MQL"][3].startswith("v1: Marketing-qualified lead")
    assert rows["SQL"][1].startswith("Rejected (v2)")


def test_the_upcoming_meeting_has_one_open_proposal_on_a_glossary_item(demo) -> None:
    services, ctx, _ = demo
    upcoming = ctx.upcoming_meeting_id
    [proposal] = services.glossary.open_proposals(meeting_id=upcoming)
    assert (proposal.term, proposal.number, proposal.meeting_id) == ("Speed to lead", 2, upcoming)
    assert proposal.proposed_at.date() < services.meetings.get_meeting(upcoming).starts_at.date()
    assert any(i.kind is ItemKind.GLOSSARY for i in services.agenda.items(upcoming))
    assert not services.agenda.budget(upcoming).is_overrun
    assert [c.action for c in services.glossary.changes_in_meeting(upcoming)] == ["proposed"]


def test_the_appendix_data_lists_all_six_definitions(demo) -> None:
    services, _ctx, _ = demo
    data = services.glossary.glossary_data()
    assert [e.term for e in data.entries] == [
        "ICP",
        "Lead recycling",
        "MQL",
        "Qualified lead",
        "Speed to lead",
        "SQL",
    ]
    assert data.open_proposals == 1


def test_the_channels_are_agreed_and_every_minutes_carries_them(demo) -> None:
    services, ctx, written = demo
    assert written["channel_rules"] == 4
    rules = services.channels.list_rules()
    assert rules[0].describe() == "Urgent (deal at risk) → Phone call (within 1 hour)"
    for meeting_id in (*ctx.held_meeting_ids, ctx.upcoming_meeting_id):
        [section] = services.channels.minutes_sections(meeting_id)
        assert section.heading == "Communication expectations"
        assert len(section.blocks[-1].rows) == 4
