"""ExportService end to end: the demo database → checklist, calendar and CSV, read back."""

from __future__ import annotations

import csv
import os
import shutil
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from icalendar import Calendar

from alignmeet.demo import build_demo
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.export import ExportError
from alignmeet.services import NotFoundError, Services
from alignmeet.services.exports import ExportCancelled, ExportService
from alignmeet.services.followups import ActionFilter
from alignmeet.storage.database import open_database

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 30)
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
OPEN = ActionFilter(statuses=OPEN_STATUSES)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "demo.sqlite3"
    services = Services(open_database(path), clock=lambda: NOW)
    build_demo(services, today=TODAY)
    services.close()
    return path


@pytest.fixture
def sv(tmp_path, demo_file):
    """Services over a private copy of the demo, the clock at 22 Nov 2026 09:30."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    services = Services(open_database(path), clock=lambda: NOW)
    yield services
    services.close()


def boxes(document) -> dict[int, bool]:
    """action id → check box ticked, from the content controls' tags."""
    out = {}
    for sdt in document.element.body.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        checkbox = pr.find(f"{{{W14}}}checkbox")
        if checkbox is None:
            continue
        tag = pr.find(qn("w:tag")).get(qn("w:val"))
        checked = checkbox.find(f"{{{W14}}}checked").get(f"{{{W14}}}val") == "1"
        out[int(tag.rsplit("-", 1)[1])] = checked
    return out


def action_titles(document) -> list[str]:
    return [
        row.cells[2].paragraphs[0].text.split("\n")[0]
        for table in document.tables
        for row in table.rows[2:]
    ]


def test_services_have_the_export_service(sv) -> None:
    assert isinstance(sv.exports, ExportService)


# --------------------------------------------------------------------------- checklist


def test_checklist_of_open_actions_groups_every_owner(sv, tmp_path) -> None:
    rows = sv.followups.actions(OPEN, today=TODAY)
    assert rows
    result = sv.exports.followups_docx(flt=OPEN, path=tmp_path / "open.docx")
    assert result.actions == len(rows)
    assert result.scope == "Open actions"
    document = docx.Document(str(result.path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    owners = {(r.action.owner_name, r.owner_team) for r in rows}
    assert headings == [f"{n} ({t})" for n, t in sorted(owners, key=lambda x: x[0].casefold())]
    assert Counter(action_titles(document)) == Counter(r.action.title for r in rows)
    ticked = boxes(document)
    assert set(ticked) == {r.action.id for r in rows}
    assert not any(ticked.values())  # open actions: nothing ticked
    texts = [p.text for p in document.paragraphs]
    assert texts[1] == "Open actions · generated 22 Nov 2026"
    overdue = sum(1 for r in rows if r.action.due is not None and r.action.due < TODAY)
    assert f"{overdue} overdue" in texts[2]


def test_checklist_of_all_actions_ticks_exactly_the_done_ones(sv, tmp_path) -> None:
    rows = sv.followups.actions(ActionFilter(), today=TODAY)
    path = tmp_path / "all.docx"
    result = sv.exports.followups_docx(flt=ActionFilter(), path=path, title="Everything")
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "Everything"
    assert result.actions == len(rows)
    done = {r.action.id for r in rows if r.action.status is ActionStatus.DONE}
    assert done
    ticked = boxes(document)
    assert {i for i, checked in ticked.items() if checked} == done
    assert len(ticked) == len(rows)


def test_checklist_shows_where_each_action_came_from(sv, tmp_path) -> None:
    rows = sv.followups.actions(OPEN, today=TODAY)
    document = docx.Document(
        str(sv.exports.followups_docx(flt=OPEN, path=tmp_path / "c.docx").path)
    )
    cells = [row.cells[2].text for table in document.tables for row in table.rows[2:]]
    origins = {f"from {r.action.meeting_title}, " for r in rows}
    assert all(any(origin in cell for origin in origins) for cell in cells)


def test_checklist_for_one_owner_of_one_series(sv, tmp_path) -> None:
    series = sv.meetings.list_series()[0]
    member = next(m for m in sv.people.list_members() if m.name == "Priya Raman")
    flt = ActionFilter(statuses=OPEN_STATUSES, owner_id=member.id, series_id=series.id)
    result = sv.exports.followups_docx(flt=flt, path=tmp_path / "priya.docx")
    assert result.scope == f"Open actions · {series.name} · Priya Raman"
    document = docx.Document(str(result.path))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == [
        "Priya Raman (Sales)"
    ]
    assert document.paragraphs[1].text == (
        f"Open actions · {series.name} · Priya Raman · generated 22 Nov 2026"
    )


def test_filter_in_words(sv) -> None:
    words = sv.exports.describe_filter
    assert words(ActionFilter()) == "All actions"
    assert words(OPEN) == "Open actions"
    assert words(ActionFilter(statuses=frozenset({ActionStatus.DONE}))) == "Done actions"
    both = frozenset({ActionStatus.BLOCKED, ActionStatus.IN_PROGRESS})
    assert words(ActionFilter(statuses=both)) == "In progress or blocked actions"
    assert (
        words(ActionFilter(team_tag=TeamTag.JOINT, due="overdue", text="  ICP   draft "))
        == "All actions · Joint team · overdue · matching “ICP draft”"
    )
    with pytest.raises(NotFoundError):
        words(ActionFilter(series_id=999))
    with pytest.raises(NotFoundError):
        words(ActionFilter(owner_id=999))


# --------------------------------------------------------------------------- calendar


def read_events(path: Path) -> dict[int, object]:
    cal = Calendar.from_ical(path.read_bytes())
    return {int(str(e["uid"]).split("-")[2]): e for e in cal.walk("VEVENT")}


def test_calendar_events_equal_the_actions(sv, tmp_path) -> None:
    rows = sv.followups.actions(OPEN, today=TODAY)
    result = sv.exports.ics(flt=OPEN, path=tmp_path / "due.ics")
    with_due = [r for r in rows if r.action.due is not None]
    assert result.actions == len(with_due)
    assert result.skipped == len(rows) - len(with_due)
    cal = Calendar.from_ical(result.path.read_bytes())
    assert str(cal["x-wr-calname"]) == "AlignMeet — Open actions"
    events = read_events(result.path)
    assert set(events) == {r.action.id for r in with_due}
    for row in with_due:
        event = events[row.action.id]
        assert event.decoded("dtstart") == row.action.due
        assert event.decoded("dtend") == row.action.due + timedelta(days=1)
        assert (
            str(event["summary"])
            == f"Action A-{row.action.id}: {row.action.title} ({row.action.owner_name})"
        )
        uid = str(event["uid"])
        assert uid.startswith(f"alignmeet-action-{row.action.id}-2026")  # created in the demo
        assert uid.endswith("@alignmeet.local")


def test_reexport_after_one_change_keeps_uids_and_bumps_only_its_sequence(sv, tmp_path) -> None:
    first = read_events(sv.exports.ics(flt=ActionFilter(), path=tmp_path / "1.ics").path)
    target = next(
        r.action for r in sv.followups.actions(OPEN, today=TODAY) if r.action.due is not None
    )
    sv.actions.set_status(action_id=target.id, status=ActionStatus.DONE, note="Finished.")
    second = read_events(sv.exports.ics(flt=ActionFilter(), path=tmp_path / "2.ics").path)
    assert {i: str(e["uid"]) for i, e in first.items()} == {
        i: str(e["uid"]) for i, e in second.items()
    }
    changed = [i for i in first if int(first[i]["sequence"]) != int(second[i]["sequence"])]
    assert changed == [target.id]
    assert int(second[target.id]["sequence"]) > int(first[target.id]["sequence"])
    assert "Status: Done" in str(second[target.id]["description"])

    # a new due date (title, owner ... too) bumps it again
    sv.actions.update_action(action_id=target.id, due=target.due + timedelta(days=7))
    third = read_events(sv.exports.ics(flt=ActionFilter(), path=tmp_path / "3.ics").path)
    assert int(third[target.id]["sequence"]) > int(second[target.id]["sequence"])
    assert third[target.id].decoded("dtstart") == target.due + timedelta(days=7)
    assert all(
        int(third[i]["sequence"]) == int(second[i]["sequence"]) for i in third if i != target.id
    )


def test_dropped_actions_are_cancelled_events(sv, tmp_path) -> None:
    dropped = ActionFilter(statuses=frozenset({ActionStatus.DROPPED}))
    rows = sv.followups.actions(dropped, today=TODAY)
    assert rows
    events = read_events(sv.exports.ics(flt=dropped, path=tmp_path / "d.ics").path)
    assert {str(e["status"]) for e in events.values()} == {"CANCELLED"}


# --------------------------------------------------------------------------- CSV


def test_csv_lists_every_action_of_the_filter(sv, tmp_path) -> None:
    rows = sv.followups.actions(ActionFilter(), today=TODAY)
    result = sv.exports.csv(flt=ActionFilter(), path=tmp_path / "actions.csv")
    assert result.actions == len(rows)
    with result.path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [int(line["id"]) for line in table] == [r.action.id for r in rows]
    by_id = {int(line["id"]): line for line in table}
    for row in rows:
        line = by_id[row.action.id]
        assert line["action"] == row.action.title
        assert line["owner"] == row.action.owner_name
        assert line["status"] == row.action.status.label
        assert line["due"] == (row.action.due.isoformat() if row.action.due else "")
        assert int(line["times slipped"]) == row.times_slipped
        assert line["series"] == row.series_name


def test_csv_neutralises_a_hostile_title_from_the_database(sv, tmp_path) -> None:
    target = sv.followups.actions(OPEN, today=TODAY)[0].action
    sv.actions.update_action(action_id=target.id, title='=HYPERLINK("http://x","y")')
    path = sv.exports.csv(flt=ActionFilter(), path=tmp_path / "a.csv").path
    with path.open(encoding="utf-8-sig", newline="") as handle:
        by_id = {int(line["id"]): line for line in csv.DictReader(handle)}
    assert by_id[target.id]["action"] == '\'=HYPERLINK("http://x","y")'


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize("kind", ["followups_docx", "ics", "csv"])
def test_a_failed_export_keeps_the_old_file_and_says_why(sv, tmp_path, kind, monkeypatch) -> None:
    path = tmp_path / "export.bin"
    path.write_bytes(b"previous export")

    def locked(*args, **kwargs):  # e.g. the file is open in Excel on Windows
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="permission denied") as caught:
        getattr(sv.exports, kind)(flt=ActionFilter(), path=path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == b"previous export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no leftovers


@pytest.mark.parametrize("kind", ["followups_docx", "ics", "csv"])
def test_a_missing_folder_is_an_export_error(sv, tmp_path, kind) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        getattr(sv.exports, kind)(flt=ActionFilter(), path=tmp_path / "no" / "file")


# ---- long lists: streamed, and cancelled while they stream -------------------------------
@pytest.fixture(scope="module")
def long_file(tmp_path_factory) -> Path:
    from alignmeet.demo import build_large_demo

    path = tmp_path_factory.mktemp("long") / "long.sqlite3"
    services = Services(open_database(path), clock=lambda: NOW)
    build_large_demo(services, today=TODAY, meetings=6, members=8, actions=2_500)
    services.close()
    return path


@pytest.mark.parametrize("kind", ["followups_docx", "ics", "csv"])
def test_an_export_cancelled_while_its_rows_stream_in_leaves_the_old_file(
    tmp_path, long_file, kind
) -> None:
    """The rows go from the database to the file as they are read; Cancel is honoured
    there too (not only before the first row), and the half-written file is dropped."""
    db = tmp_path / "long.sqlite3"
    shutil.copyfile(long_file, db)
    services = Services(open_database(db), clock=lambda: NOW)
    path = tmp_path / "out.file"
    path.write_bytes(b"the previous export")
    asked = []

    def cancelled() -> bool:  # Cancel pressed once some rows are in
        asked.append(1)
        return len(asked) >= 3

    try:
        with pytest.raises(ExportCancelled):
            getattr(services.exports, kind)(flt=ActionFilter(), path=path, cancelled=cancelled)
    finally:
        services.close()
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if "out" in p.name] == ["out.file"]


def test_a_long_export_writes_every_action_once_in_due_order(tmp_path, long_file) -> None:
    services = Services(open_database(long_file), clock=lambda: NOW)
    try:
        result = services.exports.csv(flt=ActionFilter(), path=tmp_path / "all.csv")
        expected = [row.action.id for row in services.followups.actions(ActionFilter())]
    finally:
        services.close()
    with (tmp_path / "all.csv").open(encoding="utf-8-sig", newline="") as fh:
        ids = [int(row[0]) for row in list(csv.reader(fh))[1:]]
    assert result.actions == 2_500 and ids == expected
