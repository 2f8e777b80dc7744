"""`alignmeet-cli export minutes` writes a closed meeting's minutes of record, any revision."""

from __future__ import annotations

from datetime import datetime

import pytest
from docx import Document
from sqlalchemy import update

from alignmeet.cli import main
from alignmeet.domain.enums import ActionStatus
from alignmeet.services import Services
from alignmeet.storage import models as m
from alignmeet.storage.database import open_database


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    """A meeting closed at 11:00 (revision 1), reopened, renamed, closed at 15:00 (2)."""
    path = tmp_path / "record.sqlite3"
    now = {"t": datetime(2026, 10, 13, 10, 0)}
    services = Services(open_database(path), clock=lambda: now["t"])
    services.bootstrap()
    sales = services.people.list_teams()[0]
    ana = services.people.add_member(name="Ana López", team_id=sales.id)
    meeting = services.meetings.create_meeting(
        title="October sync", starts_at=datetime(2026, 10, 13, 10, 0), invitee_ids=[ana.id]
    )
    action = services.actions.add_action(
        meeting_id=meeting.id, owner_id=ana.id, title="Tag every rejected lead"
    )
    now["t"] = datetime(2026, 10, 13, 11, 0)
    services.meetings.close_meeting(meeting_id=meeting.id)
    now["t"] = datetime(2026, 10, 13, 14, 0)
    services.meetings.reopen_meeting(meeting.id)
    services.actions.update_action(action_id=action.id, title="Tag every rejected lead, reasoned")
    now["t"] = datetime(2026, 10, 13, 15, 0)
    services.meetings.close_meeting(meeting_id=meeting.id)
    now["t"] = datetime(2026, 11, 10, 10, 0)
    services.actions.set_status(action_id=action.id, status=ActionStatus.DONE)
    services.close()
    return path, meeting.id


def test_export_minutes_writes_the_latest_revision_of_record(capsys, tmp_path, db):
    path, meeting_id = db
    out = tmp_path / "m.docx"
    code, _out, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(path),
        "--meeting",
        str(meeting_id),
        "--out",
        str(out),
    )
    assert code == 0, err
    text = docx_text(out)
    assert "Minutes of record as closed on 13 Oct 2026 at 15:00 (revision 2)." in text
    assert "Tag every rejected lead, reasoned" in text
    assert "Done" not in text  # November's status is not October's minutes


def test_export_minutes_revision_1_is_still_there(capsys, tmp_path, db):
    path, meeting_id = db
    out = tmp_path / "r1.docx"
    code, _out, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(path),
        "--meeting",
        str(meeting_id),
        "--revision",
        "1",
        "--out",
        str(out),
    )
    assert code == 0, err
    text = docx_text(out)
    assert "Minutes of record as closed on 13 Oct 2026 at 11:00 (revision 1)." in text
    assert "Superseded by revision 2, closed on 13 Oct 2026 at 15:00." in text
    assert "reasoned" not in text


def test_a_revision_that_does_not_exist_is_one_clear_line(capsys, tmp_path, db):
    path, meeting_id = db
    code, _out, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(path),
        "--meeting",
        str(meeting_id),
        "--revision",
        "7",
        "--out",
        str(tmp_path / "x.docx"),
    )
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "no revision 7" in err
    assert not (tmp_path / "x.docx").exists()


def test_a_tampered_record_is_refused_in_one_clear_line(capsys, tmp_path, db):
    path, meeting_id = db
    services = Services(open_database(path))
    with services.db.transaction() as s:
        s.execute(update(m.MinutesRecord).values(data=m.MinutesRecord.data + " "))
    services.close()
    code, _out, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(path),
        "--meeting",
        str(meeting_id),
        "--out",
        str(tmp_path / "x.docx"),
    )
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "changed outside AlignMeet" in err
    assert not (tmp_path / "x.docx").exists()
