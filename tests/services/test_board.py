"""Wins and hard lessons: the shared board, in and between meetings, and in the minutes."""

from __future__ import annotations

import pytest

from alignmeet.domain.board import BoardKind
from alignmeet.domain.enums import TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Bullets, Paragraph, Table
from alignmeet.services.base import NotFoundError


def test_add_a_win_in_a_meeting_and_a_lesson_between_meetings(services, new_meeting, people):
    meeting = new_meeting()
    win = services.board.add_entry(
        kind="win",
        title="Fabrikam signed after two webinars",
        details="First deal attributed end-to-end to a campaign.",
        team_tag=TeamTag.JOINT,
        author_id=people.ana.id,
        meeting_id=meeting.id,
    )
    lesson = services.board.add_entry(kind=BoardKind.LESSON, title="Three SQLs went cold")
    assert (win.kind, win.author_name, win.meeting_title) == (
        BoardKind.WIN,
        "Ana López",
        meeting.title,
    )
    assert win.meeting_date == meeting.starts_at.date()
    assert (lesson.meeting_id, lesson.author_name, lesson.team_tag) == (None, "", TeamTag.JOINT)
    assert not lesson.resolved
    assert services.board.get_entry(win.id) == win


def test_bad_input_names_the_field(services):
    with pytest.raises(ValidationError) as err:
        services.board.add_entry(kind="win", title="   ")
    assert err.value.field == "title"
    with pytest.raises(ValidationError) as err:
        services.board.add_entry(kind="party", title="Cake")
    assert err.value.field == "kind"
    with pytest.raises(NotFoundError):
        services.board.add_entry(kind="win", title="Cake", author_id=999)


def test_update_changes_the_fields_given(services, people, new_meeting):
    entry = services.board.add_entry(kind="lesson", title="Round-robin duplicated routing")
    meeting = new_meeting()
    updated = services.board.update_entry(
        entry_id=entry.id,
        details="Check the tools we have first.",
        author_id=people.dev.id,
        team_tag="marketing",
        meeting_id=meeting.id,
    )
    assert updated.title == "Round-robin duplicated routing"
    assert updated.details == "Check the tools we have first."
    assert (updated.author_name, updated.team_tag, updated.meeting_id) == (
        "Dev Patel",
        TeamTag.MARKETING,
        meeting.id,
    )
    assert updated.version > entry.version
    cleared = services.board.update_entry(entry_id=entry.id, author_id=None, meeting_id=None)
    assert (cleared.author_id, cleared.meeting_id) == (None, None)


def test_lessons_are_solved_and_reopened_wins_are_not(services):
    lesson = services.board.add_entry(kind="lesson", title="Nobody owned SQLs in the holidays")
    win = services.board.add_entry(kind="win", title="6 meetings in a week")
    assert services.board.resolve(entry_id=lesson.id).resolved
    assert not services.board.reopen(entry_id=lesson.id).resolved
    with pytest.raises(ValidationError) as err:
        services.board.resolve(entry_id=win.id)
    assert err.value.field == "resolved"


def test_a_solved_lesson_turned_into_a_win_is_no_longer_solved(services):
    lesson = services.board.add_entry(kind="lesson", title="x")
    services.board.resolve(entry_id=lesson.id)
    assert not services.board.update_entry(entry_id=lesson.id, kind="win").resolved


def test_delete(services):
    entry = services.board.add_entry(kind="win", title="x")
    services.board.delete_entry(entry_id=entry.id)
    assert services.board.entries() == []
    with pytest.raises(NotFoundError):
        services.board.delete_entry(entry_id=entry.id)


def test_list_filters_by_kind_team_open_lessons_and_meeting(services, new_meeting):
    meeting = new_meeting()
    add = services.board.add_entry
    w_sales = add(kind="win", title="w sales", team_tag="sales", meeting_id=meeting.id)
    w_joint = add(kind="win", title="w joint")
    l_open = add(kind="lesson", title="l open", team_tag="sales")
    l_solved = add(kind="lesson", title="l solved", meeting_id=meeting.id)
    services.board.resolve(entry_id=l_solved.id)

    def titles(**flt):
        return {e.title for e in services.board.entries(**flt)}

    assert titles() == {"w sales", "w joint", "l open", "l solved"}
    assert titles(kind="win") == {w_sales.title, w_joint.title}
    assert titles(team_tag=TeamTag.SALES) == {w_sales.title, l_open.title}
    assert titles(unresolved_only=True) == {"w sales", "w joint", "l open"}
    assert titles(kind="lesson", unresolved_only=True) == {"l open"}
    assert titles(meeting_id=meeting.id) == {"w sales", "l solved"}


def test_minutes_carry_the_meetings_wins_then_lessons_with_status(services, new_meeting, people):
    meeting = new_meeting()
    other = new_meeting(day=7)
    add = services.board.add_entry
    add(
        kind="lesson",
        title="Round-robin duplicated routing",
        details="Check the tools first.",
        author_id=people.ben.id,
        team_tag="sales",
        meeting_id=meeting.id,
    )
    solved = add(kind="lesson", title="Holiday cover", meeting_id=meeting.id)
    services.board.resolve(entry_id=solved.id)
    add(kind="win", title="Fabrikam signed", author_id=people.ana.id, meeting_id=meeting.id)
    add(kind="win", title="Elsewhere", meeting_id=other.id)
    add(kind="win", title="Between meetings")

    (section,) = services.board.minutes_sections(meeting.id)
    assert section.heading == "Wins and lessons"
    assert section.blocks[0] == Paragraph("", label="Wins to celebrate")
    assert section.blocks[1] == Bullets(("Fabrikam signed (Ana López · Joint)",))
    assert section.blocks[2] == Paragraph("", label="Hard lessons to solve together")
    table = section.blocks[3]
    assert isinstance(table, Table)
    assert table.rows == (
        ("Round-robin duplicated routing", "Check the tools first.", "Ben Okoro · Sales", "Open"),
        ("Holiday cover", "", "Joint", "Solved"),
    )


def test_minutes_say_when_a_meeting_had_only_wins(services, new_meeting):
    meeting = new_meeting()
    services.board.add_entry(kind="win", title="Fabrikam", meeting_id=meeting.id)
    (section,) = services.board.minutes_sections(meeting.id)
    assert section.blocks[-1] == Paragraph("No lessons recorded in this meeting.", muted=True)


def test_no_section_for_a_meeting_without_entries(services, new_meeting):
    services.board.add_entry(kind="win", title="Between meetings")
    assert services.board.minutes_sections(new_meeting().id) == ()
