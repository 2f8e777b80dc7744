"""A follow-ups export in a process of its own (what the window does at scale, so that
seconds of Python never hold the interpreter its paints need): the same file as the
export run in the app's own process, the same message when it cannot be written, and
Cancel leaves the old file as it was."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignmeet.demo import build_demo
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.services import ExportError, Services, export_process
from alignmeet.services.exports import ExportCancelled
from alignmeet.services.followups import ActionFilter
from alignmeet.storage.database import open_database

TODAY = date.today()  # the process has the real clock: so has the app, and so these files


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export-process") / "demo.sqlite3"
    services = Services(open_database(path))
    build_demo(services, today=TODAY)
    services.close()
    return path


@pytest.fixture
def db(tmp_path: Path, demo_file: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def in_process_of_its_own(request: bytes, *then: bytes) -> dict:
    """Send the request (and `then`), keep the input open as the window does, read the
    reply."""
    child = subprocess.Popen(
        [sys.executable, "-m", export_process.MODULE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(request + b"".join(then))
    child.stdin.flush()
    reply = child.stdout.readline()
    child.stdin.close()
    child.wait(timeout=60)
    assert reply, child.stderr.read().decode() if child.stderr else ""
    return json.loads(reply)


def without_stamps(ics: bytes) -> list[bytes]:
    """The calendar without DTSTAMP (the moment of the export)."""
    return [line for line in ics.split(b"\r\n") if not line.startswith(b"DTSTAMP:")]


@pytest.mark.parametrize(
    "flt",
    [ActionFilter(), ActionFilter(statuses=OPEN_STATUSES, team_tag=TeamTag.SALES)],
    ids=["every action", "open Sales actions"],
)
def test_the_csv_and_calendar_made_in_a_process_of_their_own_equal_those_made_here(
    db: Path, tmp_path: Path, flt: ActionFilter
) -> None:
    services = Services(open_database(db))
    try:
        for kind in ("csv", "ics"):
            here, there = tmp_path / f"here.{kind}", tmp_path / f"there.{kind}"
            expected = getattr(services.exports, kind)(flt=flt, path=here)
            request = export_process.request_line(kind=kind, target=str(db), flt=flt, path=there)
            result = export_process.reply_result(in_process_of_its_own(request))
            assert result == dataclasses.replace(expected, path=there)
            if kind == "csv":
                assert there.read_bytes() == here.read_bytes()
            else:
                assert without_stamps(there.read_bytes()) == without_stamps(here.read_bytes())
    finally:
        services.close()


def test_the_checklist_made_in_a_process_of_its_own_lists_the_same_actions(
    db: Path, tmp_path: Path
) -> None:
    import docx

    services = Services(open_database(db))
    try:
        expected = services.exports.followups_docx(flt=ActionFilter(), path=tmp_path / "here.docx")
    finally:
        services.close()
    request = export_process.request_line(
        kind="docx", target=str(db), flt=ActionFilter(), path=tmp_path / "there.docx"
    )
    result = export_process.reply_result(in_process_of_its_own(request))
    assert (result.actions, result.scope) == (expected.actions, expected.scope)

    def cells(path: Path) -> list[str]:
        document = docx.Document(str(path))
        return [c.text for t in document.tables for row in t.rows for c in row.cells]

    assert cells(tmp_path / "there.docx") == cells(tmp_path / "here.docx")


def test_a_file_that_cannot_be_written_says_so_as_it_does_here(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "actions.csv"
    services = Services(open_database(db))
    try:
        with pytest.raises(ExportError) as here:
            services.exports.csv(flt=ActionFilter(), path=target)
    finally:
        services.close()
    request = export_process.request_line(
        kind="csv", target=str(db), flt=ActionFilter(), path=target
    )
    with pytest.raises(ExportError) as there:
        export_process.reply_result(in_process_of_its_own(request))
    assert str(there.value) == str(here.value) and str(target.parent) in str(there.value)
    assert not target.parent.exists()


def test_a_database_the_process_cannot_reach_is_a_sentence_without_the_password(
    tmp_path: Path,
) -> None:
    """The server gone between the click and the export: the window warns "Not saved" with
    the cause, as for a file it cannot write — never a traceback, never the password of
    the URL the request carried."""
    target = "postgresql+psycopg://alignmeet:s3cret-Pw@127.0.0.1:9/nowhere"
    request = export_process.request_line(
        kind="csv", target=target, flt=ActionFilter(), path=tmp_path / "actions.csv"
    )
    reply = in_process_of_its_own(request)
    with pytest.raises(ExportError) as raised:
        export_process.reply_result(reply)
    message = str(raised.value)
    assert message.startswith("The export stopped before the file was written: ")
    assert "s3cret-Pw" not in json.dumps(reply) and "Traceback" not in message
    assert not (tmp_path / "actions.csv").exists()


def test_cancel_leaves_the_old_file_as_it_was(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "actions.ics"
    target.write_bytes(b"the previous export")
    request = export_process.request_line(
        kind="ics", target=str(db), flt=ActionFilter(), path=target
    )
    reply = in_process_of_its_own(request, b"cancel\n")
    with pytest.raises(ExportCancelled):
        export_process.reply_result(reply)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if "actions" in p.name] == ["actions.ics"]


@given(
    text=st.text(),
    owner=st.none() | st.integers(1, 10**9),
    statuses=st.none() | st.frozensets(st.sampled_from(list(ActionStatus))),
    team=st.none() | st.sampled_from(list(TeamTag)),
    due=st.none() | st.sampled_from(["overdue", "this_week", "later", "none"]),
)
def test_the_filter_reaches_the_process_as_typed(text, owner, statuses, team, due) -> None:
    """Whatever is typed in the search field (emoji, control characters, lone surrogates)
    reaches the export process unchanged."""
    flt = ActionFilter(owner_id=owner, team_tag=team, statuses=statuses, due=due, text=text)
    request = json.loads(
        export_process.request_line(kind="csv", target="x", flt=flt, path=Path("f.csv"))
    )
    assert export_process._filter_of(request["filter"]) == flt


def test_the_request_names_a_known_export_only() -> None:
    with pytest.raises(ValueError):
        export_process.request_line(kind="pdf", target="x", flt=ActionFilter(), path=Path("f"))


def test_the_language_in_use_goes_with_the_request() -> None:
    from alignmeet import i18n

    with i18n.use_language("de"):
        request = export_process.request_line(
            kind="csv", target="x", flt=ActionFilter(), path=Path("f")
        )
    assert json.loads(request)["language"] == "de"


def test_on_either_database_the_process_writes_the_same_csv(
    db_url: str, services: Services, people, new_meeting, tmp_path: Path
) -> None:
    """SQLite (a file) or PostgreSQL (a URL, which goes through the pipe, not the
    command line)."""
    meeting = new_meeting(day=0)
    for owner, title in ((people.ana, "Call, every; lead"), (people.chloe, "Tag\nleads")):
        services.actions.add_action(
            meeting_id=meeting.id, owner_id=owner.id, title=title, due=TODAY
        )
    here_services = Services(open_database(db_url))  # the real clock, as the process's
    try:
        here_services.exports.csv(flt=ActionFilter(), path=tmp_path / "here.csv")
    finally:
        here_services.close()
    request = export_process.request_line(
        kind="csv", target=db_url, flt=ActionFilter(), path=tmp_path / "there.csv"
    )
    result = export_process.reply_result(in_process_of_its_own(request))
    assert result.actions == 2
    assert (tmp_path / "there.csv").read_bytes() == (tmp_path / "here.csv").read_bytes()
