"""The calendar (.ics): all-day VEVENTs that re-parse equal to the actions, stable UIDs,
SEQUENCE bumped only for what changed, text that cannot break the file."""

from __future__ import annotations

import dataclasses
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.records import ActionRecord, ActionRow
from alignmeet.export import ExportError
from alignmeet.export.ics import (
    action_uid,
    event_summary,
    ics_bytes,
    ics_text,
    write_ics,
)

GENERATED = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
SEP = date(2026, 9, 29)


def action_row(
    action_id: int,
    title: str = "Send the webinar list to SDRs",
    *,
    owner: str = "Priya Raman",
    team: str = "Sales",
    due: date | None = date(2026, 12, 1),
    status: ActionStatus = ActionStatus.OPEN,
    tag: TeamTag = TeamTag.SALES,
    milestone: str = "",
    meeting: str = "Sales & Marketing sync — September 2026",
    slipped: int = 0,
) -> ActionRow:
    return ActionRow(
        action=ActionRecord(
            id=action_id,
            meeting_id=1,
            meeting_title=meeting,
            meeting_date=SEP,
            owner_id=1,
            owner_name=owner,
            title=title,
            due=due,
            team_tag=tag,
            status=status,
            milestone=milestone,
            position=1,
        ),
        series_id=1,
        series_name="Monthly Sales & Marketing sync",
        owner_team=team,
        times_slipped=slipped,
        last_note="",
    )


ROWS = [
    action_row(
        1,
        "Agree the revenue target split",
        due=date(2026, 10, 20),
        slipped=2,
        status=ActionStatus.IN_PROGRESS,
        tag=TeamTag.JOINT,
        milestone="Targets agreed",
    ),
    action_row(2, "Make a rejection reason mandatory", status=ActionStatus.DONE),
    action_row(3, "Set up round-robin", status=ActionStatus.DROPPED, owner="Liam O'Brien"),
    action_row(4, "Plan the campaign calendar", due=None, owner="Amara Nwosu", team="Marketing"),
    action_row(5, "Launch the webinar, part 1; then \\ part 2", due=date(2026, 12, 31)),
]
CREATED = {i: datetime(2026, 9, 29, 10, i) for i in range(1, 6)}


def parse(data: bytes) -> tuple[Calendar, dict[str, object]]:
    cal = Calendar.from_ical(data)
    return cal, {str(e["uid"]): e for e in cal.walk("VEVENT")}


def export(rows=ROWS, **kwargs) -> bytes:
    kwargs.setdefault("calendar_name", "AlignMeet — Open actions")
    kwargs.setdefault("generated_at", GENERATED)
    kwargs.setdefault("created", CREATED)
    return ics_bytes(rows, **kwargs)


# --------------------------------------------------------------------------- re-parse


def test_the_calendar_reparses_and_every_event_equals_its_action() -> None:
    cal, events = parse(export())
    assert str(cal["x-wr-calname"]) == "AlignMeet — Open actions"
    assert str(cal["version"]) == "2.0"
    with_due = [row for row in ROWS if row.action.due is not None]
    assert len(events) == len(with_due) == 4
    for row in with_due:
        action = row.action
        uid = f"alignmeet-action-{action.id}-20260929T10{action.id:02d}00@alignmeet.local"
        event = events[uid]
        assert event.decoded("dtstart") == action.due
        assert event.decoded("dtend") == action.due + timedelta(days=1)
        assert type(event.decoded("dtstart")) is date  # all-day, not a date-time
        assert (
            str(event["summary"]) == f"Action A-{action.id}: {action.title} ({action.owner_name})"
        )
        assert event.decoded("dtstamp") == GENERATED
        assert str(event["transp"]) == "TRANSPARENT"
        description = str(event["description"])
        assert f"Status: {action.status.label}" in description
        assert f"Team: {action.team_tag.label}" in description
        assert f"From: {action.meeting_title}, 29 Sep 2026" in description
        assert f"Owner: {action.owner_name} ({row.owner_team})" in description


def test_all_day_events_are_written_as_dates() -> None:
    text = export().decode()
    assert text.count("DTSTART;VALUE=DATE:") == 4
    assert "DTSTART;VALUE=DATE:20261020\r\n" in text
    assert "DTEND;VALUE=DATE:20261021\r\n" in text
    assert "BEGIN:VTODO" not in text
    assert "DTSTAMP:20261122T093000Z\r\n" in text


def test_status_description_milestone_and_slips() -> None:
    _, events = parse(export())
    by_id = {int(uid.split("-")[2]): event for uid, event in events.items()}
    assert str(by_id[1]["status"]) == "CONFIRMED"
    assert str(by_id[2]["status"]) == "CONFIRMED"  # done: still happened
    assert str(by_id[3]["status"]) == "CANCELLED"  # dropped
    description = str(by_id[1]["description"])
    assert "Milestone: Targets agreed" in description
    assert "Due date slipped 2×" in description
    assert "Series: Monthly Sales & Marketing sync" in description
    assert "slipped" not in str(by_id[2]["description"])
    assert (
        str(by_id[5]["summary"])
        == "Action A-5: Launch the webinar, part 1; then \\ part 2 (Priya Raman)"
    )


def test_actions_without_due_date_are_skipped_and_counted(tmp_path: Path) -> None:
    summary = write_ics(ROWS, tmp_path / "a.ics", calendar_name="x", generated_at=GENERATED)
    assert (summary.events, summary.skipped_without_due) == (4, 1)
    assert summary.describe().endswith("; 1 action without a due date left out.")
    assert "Plan the campaign calendar" not in (tmp_path / "a.ics").read_text(encoding="utf-8")


def test_empty_calendar_is_still_a_calendar() -> None:
    cal, events = parse(export([]))
    assert events == {}
    assert cal.name == "VCALENDAR"


# --------------------------------------------------------------------------- re-import


def test_uid_is_stable_per_action_and_database() -> None:
    action = ROWS[0].action
    assert action_uid(action, datetime(2026, 9, 29, 10, 15, 7)) == (
        "alignmeet-action-1-20260929T101507@alignmeet.local"
    )
    other_db = action_uid(action, datetime(2025, 1, 2, 3, 4, 5))
    assert other_db != action_uid(action, datetime(2026, 9, 29, 10, 15, 7))
    # without a creation time: the date of the meeting that agreed it
    assert action_uid(action) == "alignmeet-action-1-d20260929@alignmeet.local"
    changed = dataclasses.replace(action, title="Another title", due=date(2027, 1, 1))
    assert action_uid(changed) == action_uid(action)


def test_exporting_twice_with_one_change_bumps_only_that_sequence() -> None:
    revisions = {1: 3, 2: 0, 3: 1, 5: 0}
    first = parse(export(revisions=revisions))[1]
    changed_rows = list(ROWS)
    changed_rows[4] = action_row(5, "Launch the webinar (moved)", due=date(2027, 1, 14))
    later = GENERATED + timedelta(days=3)
    second = parse(export(changed_rows, revisions={**revisions, 5: 1}, generated_at=later))[1]
    assert set(first) == set(second)  # same UIDs: re-importing updates, never duplicates
    bumped = [uid for uid in first if int(second[uid]["sequence"]) != int(first[uid]["sequence"])]
    assert bumped == ["alignmeet-action-5-20260929T100500@alignmeet.local"]
    assert int(second[bumped[0]]["sequence"]) == int(first[bumped[0]]["sequence"]) + 1
    assert second[bumped[0]].decoded("dtstart") == date(2027, 1, 14)
    assert {int(e["sequence"]) for u, e in first.items()} == {3, 0, 1}


def test_same_data_gives_the_same_file_but_for_the_stamp() -> None:
    one = export().decode().replace("20261122T093000Z", "STAMP")
    two = export(generated_at=GENERATED + timedelta(hours=1)).decode()
    assert one == two.replace("20261122T103000Z", "STAMP")


def test_naive_generated_time_is_local_time_in_utc() -> None:
    naive = datetime(2026, 11, 22, 9, 30)
    _, events = parse(export(generated_at=naive))
    stamp = next(iter(events.values())).decoded("dtstamp")
    assert stamp == naive.astimezone(UTC)


# --------------------------------------------------------------------------- hostile text


def assert_well_formed(data: bytes) -> None:
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    for line in lines:
        assert b"\r" not in line and b"\n" not in line
        assert len(line) <= 75
        assert not any(byte < 0x20 and byte != 0x09 for byte in line)
        assert 0x7F not in line


@pytest.mark.parametrize(
    "title",
    [
        "first line\r\nsecond line",
        "carriage\ronly",
        "line\nfeed",
        "BEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT",
        "soft\x0bbreak\x0cpage",
        "nul\x00bell\x07del\x7f",
        "lone \ud800 surrogate",
        'comma, semicolon; backslash \\ colon: quote "',
        "x" * 300 + "🎉" * 40,
    ],
)
def test_line_breaks_and_controls_in_titles_cannot_break_the_file(title: str) -> None:
    row = action_row(9, title, owner=title, milestone=title, meeting=title)
    data = export([row], calendar_name=title)
    assert_well_formed(data)
    cal, events = parse(data)
    (event,) = events.values()
    one_line = " ".join(ics_text(title).split())
    assert str(event["summary"]) == f"Action A-9: {one_line} ({one_line})"
    assert str(event["description"]).endswith("\n" + ics_text(title))
    assert str(cal["x-wr-calname"]) == (one_line or "AlignMeet follow-ups")
    assert str(event["uid"]).startswith("alignmeet-action-9-")


texts = st.text(max_size=80) | st.sampled_from(["\r\n\x00\x0b", "\ud800", "a\x7fb"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, owner=texts, milestone=texts, meeting=texts, name=texts)
def test_any_text_reparses_equal(title, owner, milestone, meeting, name) -> None:
    row = action_row(7, title, owner=owner, milestone=milestone, meeting=meeting)
    data = export([row], calendar_name=name)
    assert_well_formed(data)
    _, events = parse(data)
    (event,) = events.values()
    assert str(event["summary"]) == event_summary(row.action)
    expected_owner = " ".join(ics_text(owner).split())
    expected_title = " ".join(ics_text(title).split())
    assert str(event["summary"]) == (
        f"Action A-7: {expected_title} ({expected_owner})"
        if expected_owner
        else f"Action A-7: {expected_title}"
    )
    description = str(event["description"])
    assert description.endswith("\n" + ics_text(title))
    assert f"From: {' '.join(ics_text(meeting).split())}, 29 Sep 2026" in description
    assert event.decoded("dtstart") == row.action.due


# --------------------------------------------------------------------------- files


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "due.ics"
    path.write_bytes(b"BEGIN:VCALENDAR old")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied") as caught:
        write_ics(ROWS, path, calendar_name="x")
    assert str(path) in str(caught.value)
    assert path.read_bytes() == b"BEGIN:VCALENDAR old"
    assert [p.name for p in tmp_path.iterdir()] == ["due.ics"]


def test_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_ics(ROWS, tmp_path / "nope" / "due.ics", calendar_name="x")
