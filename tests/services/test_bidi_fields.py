"""Fields the services cut to their column (a place, a milestone, a role: 200 characters)
are cut without leaving a right-to-left override open (issue 11, finding 10)."""

from __future__ import annotations

from datetime import date

from alignmeet.domain.bidi import PDF, RLO, open_controls

TODAY = date(2026, 3, 2)


def test_a_field_the_services_cut_is_stored_with_nothing_open(services, people, new_meeting):
    meeting = new_meeting(place="x" * 190 + RLO + "y" * 40 + PDF)
    assert len(meeting.place) <= 200
    assert open_controls(meeting.place) == []
    action = services.actions.add_action(
        meeting_id=meeting.id,
        owner_id=people.ana.id,
        title="Send the deck",
        due=date(2026, 3, 20),
        milestone="m" * 195 + RLO + "z" * 40,
        today=TODAY,
    )
    assert len(action.milestone) <= 200
    assert open_controls(action.milestone) == []
    member = services.people.update_member(member_id=people.ben.id, role="r" * 199 + RLO + "x")
    assert len(member.role) <= 200
    assert open_controls(member.role) == []
