"""alignmeet-cli export accountability | send recap | send reminders | send outbox | outbox
(issue 15), on the demo: the report reads back, recaps reach a real SMTP server on loopback,
a failed run keeps the messages and exits 3 for the scheduler, no message goes twice."""

from __future__ import annotations

import csv
import email
import email.policy
import shutil

import docx
import pytest
from harness import smtp as H

from alignmeet.cli import main
from alignmeet.mail import settings as mail_settings
from alignmeet.mail.settings import MailSettings, Security


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-acc") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture
def demo(demo_file, tmp_path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def server_settings(port: int) -> None:
    mail_settings.save(
        MailSettings(
            host=H.HOST, port=port, security=Security.NONE, sender="amara@example.com", timeout=5
        )
    )


def test_export_accountability_docx_and_csv(capsys, demo, tmp_path) -> None:
    code, out, err = run(
        capsys, "export", "accountability", "--db", demo, "--out", tmp_path / "a.docx"
    )
    assert code == 0, err
    assert "Say/do of 10 members written to" in out
    document = docx.Document(str(tmp_path / "a.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["Teams", "Members", "Calibration", "Meeting ratings"]
    tables = ["\n".join(c.text for row in t.rows for c in row.cells) for t in document.tables]
    assert any("Priya Raman" in t for t in tables)
    assert any("5 / 5" in t and "100 %" in t for t in tables)  # calibration: the 5/5 row
    assert len(document.inline_shapes) == 1  # the calibration chart
    code, out, err = run(
        capsys, "export", "accountability", "--db", demo, "--out", tmp_path / "a.csv"
    )
    assert code == 0, err
    rows = list(csv.reader((tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["scope", "name", "team"]
    assert {r[0] for r in rows[1:]} == {"member", "team", "total"}
    assert sum(r[0] == "member" for r in rows) == 10


def test_export_accountability_refuses_another_suffix(capsys, demo, tmp_path) -> None:
    code, _out, err = run(
        capsys, "export", "accountability", "--db", demo, "--out", tmp_path / "a.pdf"
    )
    assert code == 1 and "must end in .docx or .csv" in err


def test_send_recap_reaches_every_attendee_once(capsys, demo) -> None:
    with H.SmtpServer() as server:
        server_settings(server.port)
        code, out, err = run(capsys, "send", "recap", "--db", demo, "--meeting", "2")
        assert code == 0, err
        # 9 present, and Marcus: away, but he got an action in the meeting
        assert "10 message(s) queued." in out
        assert out.count("sent to ") == 10 and "marcus.okafor@example.com" in out
        sent = len(server.messages)
        assert sent == 10
        code, out, _err = run(capsys, "send", "recap", "--db", demo, "--meeting", "2")
        assert code == 0 and "Queued before, not again" in out
        assert len(server.messages) == sent  # nothing twice
    message = server.messages[0]
    assert message["Subject"].startswith("Your actions from Sales & Marketing sync")
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename().endswith("minutes.docx")


def test_a_failed_run_exits_3_keeps_the_messages_and_the_next_run_sends_them(capsys, demo):
    server_settings(H.free_port())  # nobody listens
    code, out, _err = run(capsys, "send", "recap", "--db", demo, "--meeting", "1")
    assert code == 3
    assert "refused the connection" in out and "waiting in the outbox" in out
    code, out, _err = run(capsys, "outbox", "--db", demo)
    assert code == 0 and "Waiting" in out and "refused the connection" in out
    with H.SmtpServer() as server:
        server_settings(server.port)
        code, out, err = run(capsys, "send", "outbox", "--db", demo, "--all")
        assert code == 0, err
        assert "0 message(s) waiting" in out
        count = len(server.messages)
        assert count == 9  # meeting 1: nine present (Noah away, without an action)
        assert run(capsys, "send", "outbox", "--db", demo, "--all")[0] == 0
        assert len(server.messages) == count


def test_send_recap_without_a_server_says_what_to_do(capsys, demo, tmp_path) -> None:
    code, _out, err = run(capsys, "send", "recap", "--db", demo, "--meeting", "2")
    assert code == 1 and "No e-mail server is set" in err
    code, _out, err = run(
        capsys, "send", "recap", "--db", demo, "--meeting", "2", "--eml-dir", tmp_path
    )
    assert code == 0, err
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) >= 9
    message = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1"


def test_send_reminders_queues_one_digest_per_owner(capsys, demo, tmp_path) -> None:
    code, out, err = run(capsys, "send", "reminders", "--db", demo, "--eml-dir", tmp_path)
    assert code == 0, err
    digests = sorted(tmp_path.glob("* – reminder.eml"))
    assert digests, out
    subject = email.message_from_bytes(digests[0].read_bytes(), policy=email.policy.default)[
        "Subject"
    ]
    assert subject.startswith("Due this week:")


def test_an_open_meeting_has_no_recap_yet(capsys, demo) -> None:
    server_settings(H.free_port())
    code, _out, err = run(capsys, "send", "recap", "--db", demo, "--meeting", "3")
    assert code == 1 and "Close the meeting first" in err
