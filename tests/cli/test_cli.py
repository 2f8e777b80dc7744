"""alignmeet-cli: headless commands, one clear line for every user error, never a traceback."""

import shutil
import sqlite3
import subprocess
import sys
import zipfile

import pytest

from alignmeet import __version__
from alignmeet.cli import main
from alignmeet.services import Services
from alignmeet.storage.database import open_database


def run(capsys, *argv):
    """main(argv) → (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err, *fragments):
    assert err.startswith("alignmeet-cli: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A demo database made once with the CLI; tests must not change it."""
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


# ---- version and entry points -------------------------------------------------------------
def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out == f"alignmeet-cli {__version__}\n"
    assert out == "alignmeet-cli 0.1.0\n"


def test_python_dash_m_alignmeet_is_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "alignmeet", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"alignmeet-cli {__version__}"


def test_the_cli_never_imports_qt_and_imports_word_only_to_export(tmp_path):
    code = (
        "import sys\n"
        "from alignmeet.cli import main\n"
        "assert main(['--version']) == 0\n"
        "assert main(['demo', '--db', sys.argv[1]]) == 0\n"
        "assert main(['meetings', '--db', sys.argv[1]]) == 0\n"
        "roots = {name.split('.')[0] for name in sys.modules}\n"
        "print('LOADED', sorted(roots & {'PySide6', 'shiboken6', 'ui', 'docx'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "demo.sqlite3")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_no_command_is_a_usage_error(capsys):
    code, _, err = run(capsys)
    assert code == 2
    assert "alignmeet-cli: error:" in err


# ---- demo ---------------------------------------------------------------------------------
def test_demo_creates_a_database_and_prints_a_one_paragraph_summary(capsys, tmp_path):
    path = tmp_path / "new" / "demo.sqlite3"
    code, out, err = run(capsys, "demo", "--db", str(path))
    assert code == 0, err
    assert err == ""
    assert out.count("\n") == 1
    assert "10 members" in out
    assert "3 meetings" in out
    assert str(path) in out
    assert path.is_file()


def test_demo_refuses_a_database_that_already_has_meetings(capsys, demo_db):
    code, out, err = run(capsys, "demo", "--db", str(demo_db))
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "already has 3 meeting")


def test_demo_refuses_a_zero_length_file_and_leaves_it(capsys, tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    code, _, err = run(capsys, "demo", "--db", str(path))
    assert code == 1
    assert_one_line_error(err, "empty (0 bytes)")
    assert path.read_bytes() == b""


# ---- meetings -----------------------------------------------------------------------------
def test_meetings_lists_id_date_status_and_title_oldest_first(capsys, demo_db):
    code, out, _ = run(capsys, "meetings", "--db", str(demo_db))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    ids = [int(line.split()[0]) for line in lines]
    assert ids == [1, 2, 3]
    statuses = [line.split()[3] for line in lines]
    assert statuses == ["closed", "closed", "planned"]
    assert all("Sales & Marketing sync" in line for line in lines)
    dates = [line.split()[1] for line in lines]
    assert dates == sorted(dates)


def test_meetings_of_an_empty_database(capsys, tmp_path):
    path = tmp_path / "empty.sqlite3"
    open_database(path).dispose()
    code, out, _ = run(capsys, "meetings", "--db", str(path))
    assert code == 0
    assert out.startswith("No meetings in ")


def test_meetings_never_creates_a_missing_database(capsys, tmp_path):
    path = tmp_path / "missing.sqlite3"
    code, out, err = run(capsys, "meetings", "--db", str(path))
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "There is no database at", str(path))
    assert not path.exists()


def test_a_database_from_a_newer_version_is_refused(capsys, tmp_path, demo_db):
    path = tmp_path / "future.sqlite3"
    shutil.copyfile(demo_db, path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    code, _, err = run(capsys, "meetings", "--db", str(path))
    assert code == 1
    assert_one_line_error(err, "newer version of AlignMeet")


def test_a_locked_database_is_one_line_not_a_traceback(capsys, demo_db, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from alignmeet.services.meetings import MeetingService

    def locked(self):
        raise OperationalError("SELECT ...", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(MeetingService, "list_meetings", locked)
    code, _, err = run(capsys, "meetings", "--db", str(demo_db))
    assert code == 1
    assert_one_line_error(err, "database is locked")


# ---- export minutes: errors ---------------------------------------------------------------
def test_export_never_creates_a_missing_database(capsys, tmp_path):
    path = tmp_path / "missing.sqlite3"
    out_file = tmp_path / "minutes.docx"
    code, _, err = run(
        capsys, "export", "minutes", "--db", str(path), "--meeting", "1", "--out", str(out_file)
    )
    assert code == 1
    assert_one_line_error(err, "There is no database at")
    assert not path.exists()
    assert not out_file.exists()


def test_export_of_an_unknown_meeting_says_how_to_list_them(capsys, tmp_path, demo_db):
    code, _, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(demo_db),
        "--meeting",
        "99",
        "--out",
        str(tmp_path / "m.docx"),
    )
    assert code == 1
    assert err == (
        "alignmeet-cli: error: no meeting with id 99; "
        f"run 'alignmeet-cli meetings --db {demo_db}' to list them\n"
    )


@pytest.mark.parametrize("meeting", ["abc", "0", "-3", "1.5"])
def test_export_with_a_bad_meeting_argument_is_a_usage_error(capsys, tmp_path, meeting):
    code, _, err = run(
        capsys, "export", "minutes", "--meeting", meeting, "--out", str(tmp_path / "m.docx")
    )
    assert code == 2
    assert "error: argument --meeting" in err
    assert "Traceback" not in err


def test_export_needs_an_output_file(capsys, demo_db):
    code, _, err = run(capsys, "export", "minutes", "--db", str(demo_db), "--meeting", "1")
    assert code == 2
    assert "--out" in err


def test_export_with_a_missing_template_file(capsys, tmp_path, demo_db):
    code, _, err = run(
        capsys,
        "export",
        "minutes",
        "--db",
        str(demo_db),
        "--meeting",
        "1",
        "--out",
        str(tmp_path / "m.docx"),
        "--template",
        str(tmp_path / "company.docx"),
    )
    assert code == 1
    assert_one_line_error(err, "company.docx")


def test_export_of_latest_on_a_database_without_meetings(capsys, tmp_path):
    path = tmp_path / "empty.sqlite3"
    open_database(path).dispose()
    code, _, err = run(
        capsys, "export", "minutes", "--db", str(path), "--out", str(tmp_path / "m.docx")
    )
    assert code == 1
    assert_one_line_error(err, "there are no meetings")


def test_an_export_error_is_one_line_with_its_message(capsys, tmp_path, demo_db, monkeypatch):
    export = pytest.importorskip("alignmeet.export")
    from alignmeet.services.minutes import MinutesService

    def refuse(self, **kwargs):
        raise export.ExportError(f"{kwargs['path']} is open in Word: close it and try again.")

    monkeypatch.setattr(MinutesService, "export_docx", refuse)
    out_file = tmp_path / "m.docx"
    code, _, err = run(
        capsys, "export", "minutes", "--db", str(demo_db), "--meeting", "2", "--out", str(out_file)
    )
    assert code == 1
    assert_one_line_error(err, "is open in Word: close it and try again.")


# ---- export minutes: the document ------------------------------------------------------------
@pytest.fixture
def exporter():
    pytest.importorskip("docx")
    return pytest.importorskip("alignmeet.export.minutes_docx")


def meeting_title(db_path, meeting_id):
    services = Services(open_database(db_path, create=False))
    try:
        return services.meetings.get_meeting(meeting_id).title
    finally:
        services.close()


def docx_text(path):
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_export_minutes_writes_a_word_document_with_the_meeting_title(
    capsys, tmp_path, demo_db, exporter
):
    out_file = tmp_path / "minutes.docx"
    code, out, err = run(
        capsys, "export", "minutes", "--db", str(demo_db), "--meeting", "2", "--out", str(out_file)
    )
    assert code == 0, err
    assert "meeting 2" in out
    assert zipfile.is_zipfile(out_file)
    with zipfile.ZipFile(out_file) as archive:
        assert "word/document.xml" in archive.namelist()
    assert meeting_title(demo_db, 2) in docx_text(out_file)


def test_latest_means_the_most_recent_meeting_that_was_held(capsys, tmp_path, demo_db, exporter):
    out_file = tmp_path / "latest.docx"
    code, out, err = run(capsys, "export", "minutes", "--db", str(demo_db), "--out", str(out_file))
    assert code == 0, err
    assert "meeting 2" in out  # meeting 3 is still planned
    assert meeting_title(demo_db, 2) in docx_text(out_file)


def test_export_into_a_missing_folder_is_one_clear_line(capsys, tmp_path, demo_db, exporter):
    out_file = tmp_path / "no" / "such" / "folder" / "minutes.docx"
    code, _, err = run(
        capsys, "export", "minutes", "--db", str(demo_db), "--meeting", "1", "--out", str(out_file)
    )
    if code == 0:  # the exporter may create missing folders: then the file must be there
        assert zipfile.is_zipfile(out_file)
    else:
        assert code == 1
        assert_one_line_error(err)
