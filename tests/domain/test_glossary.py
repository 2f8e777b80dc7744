"""Glossary rules: what a term is, what a wording is, and when a change may be agreed."""

import string
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.glossary import (
    MAX_DEFINITION,
    MAX_TERM,
    GlossaryTermRecord,
    GlossaryVersionRecord,
    VersionStatus,
    approval_text,
    check_can_decide,
    check_open_proposal,
    matches,
    on_the_table,
    rejection_text,
    same_wording,
    term_key,
    validate_definition,
    validate_term,
)
from alignmeet.domain.rules import ValidationError


def version(**changes) -> GlossaryVersionRecord:
    fields = {
        "id": 1,
        "term_id": 1,
        "term": "MQL",
        "number": 2,
        "definition": "A lead with 60 points.",
        "status": VersionStatus.CURRENT,
        "proposed_at": datetime(2026, 2, 3, 9, 0),
        "proposed_by_id": 4,
        "proposed_by_name": "Elif Yılmaz",
        "meeting_id": 7,
        "meeting_title": "Sales & Marketing sync — February 2026",
        "meeting_date": date(2026, 2, 10),
        "decision_id": 12,
        "decided_at": datetime(2026, 2, 10, 10, 20),
    }
    fields.update(changes)
    return GlossaryVersionRecord(**fields)


class TestTerm:
    def test_mql_in_any_case_or_spacing_is_one_term(self):
        assert term_key("MQL") == term_key("mql") == term_key("  Mql ")
        assert term_key("MQL") != term_key("SQL")

    def test_the_term_is_trimmed_and_folded_onto_one_line(self):
        assert validate_term("  Qualified \n lead ") == "Qualified lead"

    @pytest.mark.parametrize("bad", ["", "   ", None, "\n\t"])
    def test_an_empty_term_is_refused_at_the_term_field(self, bad):
        with pytest.raises(ValidationError) as info:
            validate_term(bad)
        assert info.value.field == "term"
        assert "Term cannot be empty" in info.value.message

    def test_a_term_longer_than_the_column_is_refused(self):
        validate_term("x" * MAX_TERM)
        with pytest.raises(ValidationError, match="too long"):
            validate_term("x" * (MAX_TERM + 1))

    @settings(max_examples=50)
    @given(st.text(alphabet=string.ascii_letters + string.digits + " -→é", min_size=1, max_size=40))
    def test_any_casing_or_spacing_of_a_term_has_the_same_key(self, text):
        assert term_key(text.upper()) == term_key(text.lower())
        assert term_key(f"  {text}  ") == term_key(text)
        assert term_key(text.replace(" ", "  ")) == term_key(text)


class TestDefinition:
    def test_line_breaks_stay_and_trailing_spaces_go(self):
        assert validate_definition("  First line.  \nSecond line.\n\n") == (
            "First line.\nSecond line."
        )

    def test_an_empty_definition_is_refused_at_its_field(self):
        with pytest.raises(ValidationError) as info:
            validate_definition(" \n ")
        assert info.value.field == "definition"

    def test_a_definition_over_the_limit_is_refused(self):
        validate_definition("y" * MAX_DEFINITION)
        with pytest.raises(ValidationError, match="too long"):
            validate_definition("y" * (MAX_DEFINITION + 1))

    def test_wordings_differing_only_in_case_or_spacing_are_the_same(self):
        assert same_wording("A lead with  60 points.", "a lead with 60 points.")
        assert not same_wording("A lead with 60 points.", "A lead with 70 points.")


class TestWhenAChangeCanBeDecided:
    @pytest.mark.parametrize("status", [MeetingStatus.PLANNED, MeetingStatus.RUNNING, "running"])
    def test_a_planned_or_running_meeting_decides(self, status):
        check_can_decide("March sync", status)

    def test_a_closed_meeting_cannot_and_the_message_names_it(self):
        with pytest.raises(ValidationError) as info:
            check_can_decide("March sync", MeetingStatus.CLOSED)
        assert info.value.field == "meeting"
        assert "“March sync” is closed" in info.value.message
        assert "planned or running" in info.value.message

    def test_only_a_proposal_can_be_decided(self):
        check_open_proposal("v3", "MQL", VersionStatus.PROPOSED)
        for status, words in (
            (VersionStatus.CURRENT, "already the current definition"),
            (VersionStatus.SUPERSEDED, "since been replaced"),
            (VersionStatus.REJECTED, "already rejected"),
        ):
            with pytest.raises(ValidationError, match=words) as info:
                check_open_proposal("v3", "MQL", status)
            assert "v3 of “MQL”" in info.value.message

    def test_a_proposal_is_on_the_table_of_its_meeting_of_no_meeting_or_after_a_closed_one(self):
        assert on_the_table(5, "planned", 5)
        assert on_the_table(None, None, 5)
        assert on_the_table(3, "closed", 5)  # left open by a closed meeting: carries on
        assert not on_the_table(6, "planned", 5)  # waits for another meeting
        assert not on_the_table(6, "running", 5)


class TestWording:
    def test_the_decision_says_what_the_term_now_means(self):
        assert approval_text("MQL", "A lead\nwith 60 points.") == (
            "Glossary: “MQL” now means: A lead with 60 points."
        )

    def test_a_rejection_names_the_version_and_wording(self):
        text = rejection_text("SQL", 2, "Any MQL an SDR called.")
        assert text.startswith("Glossary: the proposed wording of “SQL” (v2) was not adopted")
        assert text.endswith("Any MQL an SDR called.")

    def test_search_needs_every_word_in_term_or_definition(self):
        assert matches("", "MQL", "anything")
        assert matches("mql", "MQL", "")
        assert matches("sdr points", "MQL", "60 points, handed to the SDR team")
        assert not matches("sdr budget", "MQL", "60 points, handed to the SDR team")

    @settings(max_examples=50)
    @given(st.text(max_size=30), st.text(max_size=60))
    def test_a_term_is_always_found_by_its_own_text(self, term, definition):
        assert matches(term, term, definition)
        assert matches(definition, term, definition)


class TestRecords:
    def test_a_version_says_where_and_by_whom(self):
        v = version()
        assert v.label == "v2"
        assert v.meeting_label == "Sales & Marketing sync — February 2026, 10 Feb 2026"
        assert v.describe_origin() == "proposed by Elif Yılmaz on 3 Feb 2026"
        assert not v.decision_removed

    def test_a_decided_version_whose_decision_was_deleted_says_so(self):
        assert version(decision_id=None).decision_removed
        assert not version(
            status=VersionStatus.PROPOSED, decision_id=None, decided_at=None
        ).decision_removed

    def test_a_term_shows_its_current_definition_and_where_it_was_agreed(self):
        term = GlossaryTermRecord(id=1, term="MQL", current=version(), open_proposals=1, versions=3)
        assert term.definition == "A lead with 60 points."
        assert term.agreed == "v2 · Sales & Marketing sync — February 2026, 10 Feb 2026"
        empty = GlossaryTermRecord(id=2, term="ICP", current=None, open_proposals=1, versions=1)
        assert empty.definition == "" and empty.agreed == ""
