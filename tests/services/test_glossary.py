"""The glossary: a wording becomes current only as a meeting's decision."""

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import ItemKind, Phase
from alignmeet.domain.glossary import VersionStatus, validate_definition
from alignmeet.domain.rules import ValidationError, clean_line
from alignmeet.domain.sections import Paragraph, Table
from alignmeet.domain.text_gate import gate_text
from alignmeet.services.base import NotFoundError
from alignmeet.services.glossary import GlossaryService
from alignmeet.storage import models as m

NOW = datetime(2026, 3, 2, 9, 30)  # the fixed clock of tests/services/conftest.py

MQL_V1 = "A lead whose score reaches 60 points."
MQL_V2 = "A contact at an ICP company with a manager-level role whose score reaches 60 points."


@pytest.fixture
def gl(services):
    return services.glossary


@pytest.fixture
def meeting(new_meeting):
    return new_meeting(day=1)


@pytest.fixture
def item(services, meeting):
    return services.agenda.add_item(
        meeting_id=meeting.id, title="What counts as an MQL", kind=ItemKind.GLOSSARY
    )


def agreed(gl, item, term="MQL", definition=MQL_V1, by=None):
    """Propose and approve a wording in `item`'s meeting."""
    proposal = gl.propose(term=term, definition=definition, proposed_by_id=by)
    return gl.approve(version_id=proposal.id, item_id=item.id)


def test_the_service_is_reached_as_services_glossary(services):
    assert isinstance(services.glossary, GlossaryService)


class TestPropose:
    def test_a_new_term_starts_as_a_proposal_not_a_definition(self, gl, people, meeting):
        v = gl.propose(
            term="MQL", definition=MQL_V1, meeting_id=meeting.id, proposed_by_id=people.chloe.id
        )
        assert (v.term, v.number, v.status) == ("MQL", 1, VersionStatus.PROPOSED)
        assert (v.proposed_by_name, v.proposed_at, v.meeting_id) == (
            "Chloé Martin",
            NOW,
            meeting.id,
        )
        assert v.decision_id is None and v.decided_at is None
        assert gl.current_definitions() == []
        [term] = gl.terms()
        assert (term.term, term.current, term.open_proposals) == ("MQL", None, 1)

    def test_mql_and_mql_in_lower_case_are_one_term_with_numbered_versions(self, gl):
        first = gl.propose(term="MQL", definition=MQL_V1)
        second = gl.propose(term="  mql ", definition=MQL_V2)
        assert second.term_id == first.term_id
        assert (first.number, second.number) == (1, 2)
        assert second.term == "MQL"  # the first spelling stays
        assert len(gl.terms()) == 1

    def test_the_wording_that_is_already_current_is_refused(self, gl, item):
        agreed(gl, item)
        with pytest.raises(ValidationError) as info:
            gl.propose(term="mql", definition=" a lead whose SCORE reaches 60 points. ")
        assert info.value.field == "definition"
        assert "already the current definition of “MQL”" in info.value.message

    def test_the_same_wording_proposed_twice_is_refused(self, gl):
        gl.propose(term="MQL", definition=MQL_V1)
        with pytest.raises(ValidationError, match=r"already proposed \(v1\)"):
            gl.propose(term="MQL", definition=MQL_V1)

    def test_a_closed_meeting_takes_no_proposals(self, gl, services, meeting):
        services.meetings.close_meeting(meeting_id=meeting.id)
        with pytest.raises(ValidationError) as info:
            gl.propose(term="MQL", definition=MQL_V1, meeting_id=meeting.id)
        assert info.value.field == "meeting"
        assert meeting.title in info.value.message
        assert gl.terms() == []

    def test_bad_input_is_told_at_its_field_and_nothing_is_stored(self, gl):
        for field, kwargs in (
            ("term", {"term": " ", "definition": MQL_V1}),
            ("definition", {"term": "MQL", "definition": "\n"}),
        ):
            with pytest.raises(ValidationError) as info:
                gl.propose(**kwargs)
            assert info.value.field == field
        with pytest.raises(NotFoundError):
            gl.propose(term="MQL", definition=MQL_V1, proposed_by_id=999)
        assert gl.terms() == []

    @settings(
        max_examples=30,
        deadline=None,
        # One run per database backend (a fresh database each): two executors by design.
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.differing_executors,
        ],
    )
    @given(term=st.text(min_size=1, max_size=60), definition=st.text(min_size=1, max_size=200))
    def test_any_text_is_stored_as_typed_or_refused_with_a_message(self, gl, term, definition):
        try:
            v = gl.propose(term=term, definition=definition)
        except ValidationError as exc:
            assert exc.field in {"term", "definition"} and exc.message
            return
        # As typed, minus what the text gate removes on the way in (domain/text_gate.py).
        term, definition = gate_text("term", term), gate_text("definition", definition)
        assert v.term == gl.get_term(v.term_id).term == clean_line(term)
        assert gl.get_version(v.id).definition == v.definition == validate_definition(definition)
        gl.withdraw(version_id=v.id)


class TestApprove:
    def test_approving_records_the_decision_on_the_item_in_one_step(self, gl, services, item):
        proposal = gl.propose(term="MQL", definition=MQL_V1)
        v = gl.approve(version_id=proposal.id, item_id=item.id)
        assert v.status is VersionStatus.CURRENT
        assert (v.decided_at, v.meeting_id) == (NOW, item.meeting_id)
        [decision] = services.agenda.decisions(item.id)
        assert decision.id == v.decision_id
        assert decision.text == f"Glossary: “MQL” now means: {MQL_V1}"
        [term] = gl.current_definitions()
        assert (term.definition, term.current.number) == (MQL_V1, 1)

    def test_a_new_wording_supersedes_the_current_one(self, gl, services, item):
        agreed(gl, item)
        v2 = agreed(gl, item, definition=MQL_V2)
        history = gl.term_history(v2.term_id)
        assert [(v.number, v.status) for v in history] == [
            (2, VersionStatus.CURRENT),
            (1, VersionStatus.SUPERSEDED),
        ]
        assert gl.current_definitions()[0].definition == MQL_V2
        assert len(services.agenda.decisions(item.id)) == 2

    def test_a_planned_meeting_can_decide_as_well_as_a_running_one(self, gl, services, item):
        assert services.meetings.get_meeting(item.meeting_id).status.value == "planned"
        agreed(gl, item)
        services.meetings.set_phase(meeting_id=item.meeting_id, phase=Phase.AGENDA)
        assert agreed(gl, item, definition=MQL_V2).status is VersionStatus.CURRENT

    def test_a_closed_meeting_cannot_approve_and_nothing_changes(self, gl, services, item):
        proposal = gl.propose(term="MQL", definition=MQL_V1)
        services.meetings.close_meeting(meeting_id=item.meeting_id)
        with pytest.raises(ValidationError) as info:
            gl.approve(version_id=proposal.id, item_id=item.id)
        assert info.value.field == "meeting"
        assert "is closed" in info.value.message and "planned or running" in info.value.message
        assert gl.get_version(proposal.id).status is VersionStatus.PROPOSED
        assert services.agenda.decisions(item.id) == []
        with pytest.raises(ValidationError, match="is closed"):
            gl.reject(version_id=proposal.id, item_id=item.id)

    def test_approving_needs_an_agenda_item(self, gl):
        proposal = gl.propose(term="MQL", definition=MQL_V1)
        with pytest.raises(ValidationError) as info:
            gl.approve(version_id=proposal.id, item_id=12345)
        assert info.value.field == "item"
        assert "agenda item" in info.value.message
        assert gl.current_definitions() == []

    def test_a_decided_version_cannot_be_decided_again(self, gl, item):
        v = agreed(gl, item)
        with pytest.raises(ValidationError, match="already the current definition"):
            gl.approve(version_id=v.id, item_id=item.id)
        v2 = agreed(gl, item, definition=MQL_V2)
        with pytest.raises(ValidationError, match="since been replaced"):
            gl.reject(version_id=v.id, item_id=item.id)
        assert gl.get_version(v2.id).status is VersionStatus.CURRENT

    def test_when_the_approval_fails_midway_nothing_is_written(
        self, gl, services, item, monkeypatch
    ):
        agreed(gl, item)
        proposal = gl.propose(term="MQL", definition=MQL_V2)

        def broken(*_args, **_kwargs):
            raise RuntimeError("disk gone")

        monkeypatch.setattr("alignmeet.services.glossary._Converter.version", broken)
        with pytest.raises(RuntimeError):
            gl.approve(version_id=proposal.id, item_id=item.id)
        monkeypatch.undo()
        assert gl.current_definitions()[0].definition == MQL_V1
        assert gl.get_version(proposal.id).status is VersionStatus.PROPOSED
        assert len(services.agenda.decisions(item.id)) == 1

    def test_a_proposal_for_another_meeting_moves_to_the_meeting_that_decides(
        self, gl, services, item, new_meeting
    ):
        later = new_meeting(day=30)
        proposal = gl.propose(term="MQL", definition=MQL_V1, meeting_id=later.id)
        v = gl.approve(version_id=proposal.id, item_id=item.id)
        assert v.meeting_id == item.meeting_id


class TestReject:
    def test_a_rejection_is_a_decision_and_the_definition_stays(self, gl, services, item):
        agreed(gl, item)
        proposal = gl.propose(term="MQL", definition="Any lead an SDR has called.")
        v = gl.reject(version_id=proposal.id, item_id=item.id)
        assert v.status is VersionStatus.REJECTED and v.decided_at == NOW
        texts = [d.text for d in services.agenda.decisions(item.id)]
        assert texts[-1].startswith("Glossary: the proposed wording of “MQL” (v2) was not adopted")
        assert gl.current_definitions()[0].definition == MQL_V1

    def test_a_rejected_term_never_agreed_stays_without_a_definition(self, gl, item):
        proposal = gl.propose(term="ICP", definition="Companies with 50–500 employees.")
        gl.reject(version_id=proposal.id, item_id=item.id)
        assert gl.current_definitions() == []
        assert gl.terms()[0].open_proposals == 0


class TestDeletingTheDecision:
    """Deleting the decision later does NOT change the definition: the agreed wording
    stays current, its history shows the decision record as removed."""

    def test_the_definition_stays_current_when_its_decision_is_deleted(self, gl, services, item):
        agreed(gl, item)
        v2 = agreed(gl, item, definition=MQL_V2)
        services.agenda.remove_decision(v2.decision_id)
        after = gl.get_version(v2.id)
        assert after.status is VersionStatus.CURRENT
        assert after.decision_id is None and after.decided_at == NOW
        assert after.decision_removed
        assert gl.current_definitions()[0].definition == MQL_V2
        assert [v.status for v in gl.term_history(v2.term_id)] == [
            VersionStatus.CURRENT,
            VersionStatus.SUPERSEDED,
        ]

    def test_deleting_the_agenda_item_keeps_the_definition_too(self, gl, services, item):
        v = agreed(gl, item)
        services.agenda.remove_item(item.id)
        after = gl.get_version(v.id)
        assert after.status is VersionStatus.CURRENT and after.decision_removed
        assert after.meeting_id == item.meeting_id  # the meeting is still there

    def test_going_back_takes_a_new_decision(self, gl, services, item):
        agreed(gl, item)
        v2 = agreed(gl, item, definition=MQL_V2)
        services.agenda.remove_decision(v2.decision_id)
        v3 = agreed(gl, item, definition=MQL_V1)  # the old wording, agreed again
        assert (v3.number, v3.status) == (3, VersionStatus.CURRENT)
        assert gl.get_version(v2.id).status is VersionStatus.SUPERSEDED


class TestEditingProposals:
    def test_a_proposal_can_be_reworded_or_moved_before_it_is_decided(
        self, gl, services, meeting, item
    ):
        proposal = gl.propose(term="MQL", definition=MQL_V1)
        v = gl.update_proposal(version_id=proposal.id, definition=MQL_V2, meeting_id=meeting.id)
        assert (v.definition, v.meeting_id) == (MQL_V2, meeting.id)
        v = gl.update_proposal(version_id=proposal.id, meeting_id=None)
        assert (v.definition, v.meeting_id) == (MQL_V2, None)
        gl.approve(version_id=proposal.id, item_id=item.id)
        with pytest.raises(ValidationError, match="already the current definition"):
            gl.update_proposal(version_id=proposal.id, definition="changed afterwards")

    def test_withdrawing_the_only_proposal_removes_the_term(self, gl, item):
        proposal = gl.propose(term="ICP", definition="Companies with 50–500 employees.")
        gl.withdraw(version_id=proposal.id)
        assert gl.terms() == []
        v = agreed(gl, item)
        with pytest.raises(ValidationError):
            gl.withdraw(version_id=v.id)

    def test_a_term_can_be_respelled_but_not_onto_another(self, gl):
        mql = gl.propose(term="Mql", definition=MQL_V1)
        gl.propose(term="SQL", definition="An MQL Sales accepted.")
        assert gl.rename_term(term_id=mql.term_id, term="MQL").term == "MQL"
        with pytest.raises(ValidationError, match="already has “SQL”"):
            gl.rename_term(term_id=mql.term_id, term="sql")


class TestQueries:
    def test_definitions_are_sorted_and_searchable(self, gl, item):
        agreed(gl, item, term="speed to lead", definition="Minutes from form to first call.")
        agreed(gl, item, term="ICP", definition="B2B SaaS, 200–2,000 employees.")
        agreed(gl, item, term="MQL", definition=MQL_V1)
        gl.propose(term="Lead recycling", definition="Back to nurture.")
        assert [t.term for t in gl.current_definitions()] == ["ICP", "MQL", "speed to lead"]
        assert [t.term for t in gl.terms()] == ["ICP", "Lead recycling", "MQL", "speed to lead"]
        assert [t.term for t in gl.current_definitions(search="employees")] == ["ICP"]
        assert [t.term for t in gl.current_definitions(search="FIRST call")] == ["speed to lead"]
        assert gl.current_definitions(search="nothing like this") == []

    def test_history_says_who_when_and_which_meeting(self, gl, people, item, meeting):
        agreed(gl, item, by=people.chloe.id)
        gl.propose(
            term="MQL", definition=MQL_V2, proposed_by_id=people.ben.id, meeting_id=meeting.id
        )
        history = gl.term_history(gl.terms()[0].id)
        assert [(v.number, v.status, v.proposed_by_name) for v in history] == [
            (2, VersionStatus.PROPOSED, "Ben Okoro"),
            (1, VersionStatus.CURRENT, "Chloé Martin"),
        ]
        assert all(v.meeting_title == meeting.title for v in history)
        with pytest.raises(NotFoundError):
            gl.term_history(999)

    def test_the_proposals_on_a_meetings_table(self, gl, services, meeting, new_meeting):
        other = new_meeting(day=40)
        earlier = new_meeting(day=-20)
        mine = gl.propose(term="MQL", definition=MQL_V1, meeting_id=meeting.id)
        anywhere = gl.propose(term="SQL", definition="An MQL Sales accepted.")
        waiting = gl.propose(term="ICP", definition="Mid-market SaaS.", meeting_id=other.id)
        left_open = gl.propose(
            term="Speed to lead", definition="Form to call.", meeting_id=earlier.id
        )
        services.meetings.close_meeting(meeting_id=earlier.id)
        on_table = {v.id for v in gl.open_proposals(meeting_id=meeting.id)}
        assert on_table == {mine.id, anywhere.id, left_open.id}
        assert waiting.id not in on_table
        assert len(gl.open_proposals()) == 4


class TestMinutes:
    def test_a_meeting_that_did_not_touch_the_glossary_has_no_section(self, gl, item, new_meeting):
        agreed(gl, item)
        assert gl.minutes_sections(new_meeting(day=9).id) == ()

    def test_the_section_lists_approved_rejected_and_proposed_with_both_wordings(
        self, gl, services, people, item, meeting, new_meeting
    ):
        earlier = new_meeting(day=-28)
        earlier_item = services.agenda.add_item(meeting_id=earlier.id, title="Definitions")
        agreed(gl, earlier_item)  # MQL v1, in an earlier meeting
        proposal = gl.propose(term="MQL", definition=MQL_V2, proposed_by_id=people.chloe.id)
        gl.approve(version_id=proposal.id, item_id=item.id)
        loose = gl.propose(term="SQL", definition="Any MQL an SDR has called.")
        gl.reject(version_id=loose.id, item_id=item.id)
        gl.propose(term="ICP", definition="Mid-market SaaS.", meeting_id=meeting.id)

        changes = gl.changes_in_meeting(meeting.id)
        assert [(c.version.term, c.action) for c in changes] == [
            ("MQL", "approved"),
            ("SQL", "rejected"),
            ("ICP", "proposed"),
        ]
        [section] = gl.minutes_sections(meeting.id)
        assert section.heading == "Glossary changes"
        intro, table = section.blocks
        assert isinstance(intro, Paragraph) and isinstance(table, Table)
        assert "1 approved, 1 rejected, 1 proposed, still to decide" in intro.text
        assert table.header == ("Term", "Change", "New wording", "Previous wording")
        mql, sql, icp = table.rows
        assert mql == ("MQL", "Approved (v2)\nby Chloé Martin", MQL_V2, f"v1: {MQL_V1}")
        assert sql[:3] == ("SQL", "Rejected (v1)", "Any MQL an SDR has called.")
        assert sql[3] == "— (new term)"
        assert icp[1] == "Proposed (v1)"
        # The earlier meeting's minutes still show only what it did.
        [earlier_section] = gl.minutes_sections(earlier.id)
        assert [row[0] for row in earlier_section.blocks[1].rows] == ["MQL"]

    def test_a_rejection_shows_the_wording_current_when_it_was_decided(self, gl, item):
        agreed(gl, item)
        loose = gl.propose(term="MQL", definition="Any download.")
        later = gl.propose(term="MQL", definition=MQL_V2)
        gl.reject(version_id=loose.id, item_id=item.id)
        gl.approve(version_id=later.id, item_id=item.id)
        rejected = next(c for c in gl.changes_in_meeting(item.meeting_id) if c.action == "rejected")
        assert rejected.previous_definition == MQL_V1

    def test_an_unknown_meeting_is_an_error(self, gl):
        with pytest.raises(NotFoundError):
            gl.minutes_sections(999)


class TestAppendixData:
    def test_the_appendix_has_each_current_definition_with_its_meeting(self, gl, item, meeting):
        agreed(gl, item)
        agreed(gl, item, definition=MQL_V2)
        agreed(gl, item, term="ICP", definition="B2B SaaS, 200–2,000 employees.")
        gl.propose(term="SQL", definition="An MQL Sales accepted.")
        data = gl.glossary_data()
        assert data.generated_at == NOW
        assert data.open_proposals == 1
        assert [(e.term, e.number, e.previous_versions) for e in data.entries] == [
            ("ICP", 1, 0),
            ("MQL", 2, 1),
        ]
        mql = data.entries[1]
        assert (mql.definition, mql.meeting_title, mql.agreed_on) == (
            MQL_V2,
            meeting.title,
            NOW.date(),
        )


class TestPastDecisions:
    """History from meetings now closed (demo data, imports) is written honestly: the
    decision is recorded on the item, stamped at the time it was taken."""

    def test_a_closed_meetings_decision_can_be_recorded_with_its_time(self, gl, services, item):
        services.meetings.close_meeting(meeting_id=item.meeting_id)
        when = datetime(2026, 2, 10, 10, 25)
        v = gl.record_past_decision(
            term="MQL",
            definition=MQL_V1,
            item_id=item.id,
            decided_at=when,
            proposed_at=when - timedelta(days=3),
        )
        assert (v.status, v.decided_at, v.meeting_id) == (
            VersionStatus.CURRENT,
            when,
            item.meeting_id,
        )
        assert v.proposed_at == when - timedelta(days=3)
        with services.db.sessions() as s:
            assert s.get(m.Decision, v.decision_id).created_at == when

    def test_history_must_go_forward(self, gl, item):
        gl.record_past_decision(
            term="MQL", definition=MQL_V1, item_id=item.id, decided_at=datetime(2026, 2, 10)
        )
        with pytest.raises(ValidationError, match="newer agreed definition"):
            gl.record_past_decision(
                term="MQL", definition=MQL_V2, item_id=item.id, decided_at=datetime(2026, 1, 10)
            )
        rejected = gl.record_past_decision(
            term="MQL",
            definition="Anyone.",
            item_id=item.id,
            decided_at=datetime(2026, 2, 11),
            approved=False,
        )
        assert rejected.status is VersionStatus.REJECTED
        assert gl.current_definitions()[0].definition == MQL_V1
