"""alignmeet-cli export followups | ics | csv: filters, defaults, files, one-line errors."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, timedelta

import docx
import pytest
from docx.oxml.ns import qn
from icalendar import Calendar

from alignmeet.cli import main
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus
from alignmeet.services import Services
from alignmeet.services.followups import ActionFilter
from alignmeet.storage.database import open_database

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
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
    path = tmp_path_factory.mktemp("cli-exports") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def actions(demo_db):
    """Every action of the demo, as the follow-up service lists them."""
    services = Services(open_database(demo_db, create=False))
    try:
        return services.followups.actions(ActionFilter())
    finally:
        services.close()


def open_ones(actions):
    return [r for r in actions if r.action.status in OPEN_STATUSES]


def checklist(path):
    document = docx.Document(str(path))
    owners = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    titles = [
        row.cells[2].paragraphs[0].text.split("\n")[0]
        for table in document.tables
        for row in table.rows[2:]
    ]
    ticked = [
        checkbox.find(f"{{{W14}}}checked").get(f"{{{W14}}}val") == "1"
        for checkbox in document.element.body.iter(f"{{{W14}}}checkbox")
    ]
    return owners, titles, ticked


# ---- followups ----------------------------------------------------------------------------
def test_followups_defaults_to_the_open_actions(capsys, tmp_path, demo_db, actions):
    out_file = tmp_path / "followups.docx"
    code, out, err = run(capsys, "export", "followups", "--db", demo_db, "--out", out_file)
    assert code == 0, err
    expected = open_ones(actions)
    assert out == (
        f"Follow-up checklist of {len(expected)} actions (Open actions) written to {out_file}.\n"
    )
    owners, titles, ticked = checklist(out_file)
    assert sorted(titles) == sorted(r.action.title for r in expected)
    assert len(owners) == len({r.action.owner_id for r in expected})
    assert ticked and not any(ticked)


def test_followups_of_one_owner_by_first_name_with_all_statuses(capsys, tmp_path, demo_db, actions):
    out_file = tmp_path / "priya.docx"
    code, out, err = run(
        capsys,
        "export",
        "followups",
        "--db",
        demo_db,
        "--owner",
        "priya",
        "--status",
        "all",
        "--out",
        out_file,
    )
    assert code == 0, err
    assert "(All actions · Priya Raman)" in out
    mine = [r for r in actions if r.action.owner_name == "Priya Raman"]
    owners, titles, ticked = checklist(out_file)
    assert owners == ["Priya Raman (Sales)"]
    assert sorted(titles) == sorted(r.action.title for r in mine)
    assert sum(ticked) == sum(1 for r in mine if r.action.status is ActionStatus.DONE)


def test_owner_and_series_by_id_and_full_name(capsys, tmp_path, demo_db, actions):
    owner = actions[0].action
    for series in ("1", "monthly sales & marketing SYNC"):
        for who in (str(owner.owner_id), owner.owner_name.upper()):
            out_file = tmp_path / "one.docx"
            code, out, err = run(
                capsys,
                "export",
                "followups",
                "--db",
                demo_db,
                "--series",
                series,
                "--owner",
                who,
                "--status",
                "all",
                "--out",
                out_file,
            )
            assert code == 0, err
            assert f"Monthly Sales & Marketing sync · {owner.owner_name})" in out


def test_unknown_owner_lists_close_matches(capsys, tmp_path, demo_db):
    out_file = tmp_path / "x.docx"
    code, out, err = run(
        capsys, "export", "followups", "--db", demo_db, "--owner", "Pria", "--out", out_file
    )
    assert code == 1
    assert out == ""
    assert err == "alignmeet-cli: error: unknown owner “Pria”; did you mean “Priya Raman”?\n"
    assert not out_file.exists()


def test_ambiguous_and_hopeless_owner_names(capsys, tmp_path, demo_db):
    code, _, err = run(
        capsys, "export", "csv", "--db", demo_db, "--owner", "Mar", "--out", tmp_path / "a.csv"
    )
    assert code == 1
    assert_one_line_error(err, "unknown owner “Mar”", "did you mean", "Marcus Okafor")
    code, _, err = run(
        capsys, "export", "csv", "--db", demo_db, "--owner", "Zzyzx", "--out", tmp_path / "a.csv"
    )
    assert code == 1
    assert_one_line_error(err, "unknown owner “Zzyzx”; known owners: Amara Nwosu")
    code, _, err = run(
        capsys, "export", "csv", "--db", demo_db, "--owner", "999", "--out", tmp_path / "a.csv"
    )
    assert code == 1
    assert_one_line_error(err, "there is no owner with id 999")


def test_unknown_series_lists_the_known_ones(capsys, tmp_path, demo_db):
    code, _, err = run(
        capsys, "export", "ics", "--db", demo_db, "--series", "Weekly", "--out", tmp_path / "a.ics"
    )
    assert code == 1
    assert_one_line_error(err, "unknown series “Weekly”", "Monthly Sales & Marketing sync")
    code, _, err = run(
        capsys,
        "export",
        "ics",
        "--db",
        demo_db,
        "--series",
        "Montly sync",
        "--out",
        tmp_path / "a.ics",
    )
    assert code == 1
    assert_one_line_error(err, "did you mean “Monthly Sales & Marketing sync”?")


@pytest.mark.parametrize("status", ["bogus", "open,nope", ""])
def test_a_bad_status_is_a_usage_error(capsys, tmp_path, demo_db, status):
    code, _, err = run(
        capsys, "export", "csv", "--db", demo_db, "--status", status, "--out", tmp_path / "a.csv"
    )
    assert code == 2
    assert "argument --status" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("kind", ["followups", "ics", "csv"])
def test_every_export_needs_an_output_file(capsys, demo_db, kind):
    code, _, err = run(capsys, "export", kind, "--db", demo_db)
    assert code == 2
    assert "--out" in err


@pytest.mark.parametrize(
    ("kind", "default"), [("followups", "open"), ("ics", "open"), ("csv", "all")]
)
def test_help_documents_the_status_default(capsys, kind, default):
    code, out, _ = run(capsys, "export", kind, "--help")
    assert code == 0
    assert f"(default: {default})" in " ".join(out.split())
    assert "open (= open, in progress and blocked)" in " ".join(out.split())


# ---- ics ----------------------------------------------------------------------------------
def test_ics_of_open_actions_reparses_equal(capsys, tmp_path, demo_db, actions):
    out_file = tmp_path / "due.ics"
    code, out, err = run(capsys, "export", "ics", "--db", demo_db, "--out", out_file)
    assert code == 0, err
    expected = [r for r in open_ones(actions) if r.action.due is not None]
    skipped = len(open_ones(actions)) - len(expected)
    assert out.startswith(f"Calendar with {len(expected)} due dates (Open actions) written to")
    if skipped:
        assert "without a due date left out" in out
    cal = Calendar.from_ical(out_file.read_bytes())
    events = {int(str(e["uid"]).split("-")[2]): e for e in cal.walk("VEVENT")}
    assert set(events) == {r.action.id for r in expected}
    for row in expected:
        assert events[row.action.id].decoded("dtstart") == row.action.due
        assert str(events[row.action.id]["summary"]) == (
            f"Action A-{row.action.id}: {row.action.title} ({row.action.owner_name})"
        )


def test_ics_exported_twice_has_the_same_uids_and_sequences(capsys, tmp_path, demo_db):
    files = [tmp_path / "1.ics", tmp_path / "2.ics"]
    for out_file in files:
        assert run(capsys, "export", "ics", "--db", demo_db, "--out", out_file)[0] == 0
    first, second = (
        {
            str(e["uid"]): int(e["sequence"])
            for e in Calendar.from_ical(f.read_bytes()).walk("VEVENT")
        }
        for f in files
    )
    assert first == second


# ---- csv ----------------------------------------------------------------------------------
def test_csv_defaults_to_every_action(capsys, tmp_path, demo_db, actions):
    out_file = tmp_path / "actions.csv"
    code, out, err = run(capsys, "export", "csv", "--db", demo_db, "--out", out_file)
    assert code == 0, err
    assert out == f"CSV of {len(actions)} actions (All actions) written to {out_file}.\n"
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbfid,action,owner,")
    with out_file.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [int(line["id"]) for line in table] == [r.action.id for r in actions]


def test_csv_with_several_statuses(capsys, tmp_path, demo_db, actions):
    out_file = tmp_path / "closed.csv"
    code, out, err = run(
        capsys, "export", "csv", "--db", demo_db, "--status", "done, dropped", "--out", out_file
    )
    assert code == 0, err
    wanted = {ActionStatus.DONE, ActionStatus.DROPPED}
    with out_file.open(encoding="utf-8-sig", newline="") as handle:
        ids = [int(line["id"]) for line in csv.DictReader(handle)]
    assert ids == [r.action.id for r in actions if r.action.status in wanted]
    assert "(Done or dropped actions)" in out


# ---- errors -------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["followups", "ics", "csv"])
def test_a_missing_database_is_never_created(capsys, tmp_path, kind):
    db = tmp_path / "missing.sqlite3"
    code, _, err = run(capsys, "export", kind, "--db", db, "--out", tmp_path / "out.file")
    assert code == 1
    assert_one_line_error(err, "There is no database at")
    assert not db.exists()


@pytest.mark.parametrize("kind", ["followups", "ics", "csv"])
def test_a_missing_folder_is_one_clear_line_and_the_old_file_stays(capsys, tmp_path, demo_db, kind):
    code, _, err = run(
        capsys, "export", kind, "--db", demo_db, "--out", tmp_path / "no" / "such" / "out.file"
    )
    assert code == 1
    assert_one_line_error(err, "does not exist")
    out_file = tmp_path / "out.file"
    (tmp_path / "out.file").mkdir()
    code, _, err = run(capsys, "export", kind, "--db", demo_db, "--out", out_file)
    assert code == 1
    assert_one_line_error(err, "is a folder")


def test_csv_and_ics_never_load_word_or_qt(tmp_path, demo_db):
    code = (
        "import sys\n"
        "from alignmeet.cli import main\n"
        "assert main(['export', 'csv', '--db', sys.argv[1], '--out', sys.argv[2] + '.csv']) == 0\n"
        "assert main(['export', 'ics', '--db', sys.argv[1], '--out', sys.argv[2] + '.ics']) == 0\n"
        "roots = {name.split('.')[0] for name in sys.modules}\n"
        "print('LOADED', sorted(roots & {'PySide6', 'shiboken6', 'ui', 'docx'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(demo_db), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_the_installed_script_exports_the_checklist(tmp_path, demo_db):
    out_file = tmp_path / "script.docx"
    result = subprocess.run(
        [sys.executable, "-m", "alignmeet", "export", "followups", "--db", str(demo_db),
         "--owner", "Amara Nwosu", "--out", str(out_file)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out_file))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"] == [
        "Amara Nwosu (Marketing)"
    ]
    assert len(list(document.element.body.iter(qn("w:sdt")))) >= 1


# ---- demo --size --------------------------------------------------------------------------
def test_demo_size_large_builds_the_large_history(capsys, tmp_path, monkeypatch):
    import alignmeet.demo

    real = alignmeet.demo.build_large_demo
    calls = []

    def smaller(services, *, today, **kwargs):  # the real size takes half a minute
        calls.append(today)
        return real(services, today=today, meetings=6, members=8, actions=300)

    monkeypatch.setattr(alignmeet.demo, "build_large_demo", smaller)
    path = tmp_path / "large.sqlite3"
    code, out, err = run(capsys, "demo", "--db", path, "--size", "large")
    assert code == 0, err
    assert len(calls) == 1
    assert out.startswith("Large demo written: 8 members")
    assert "300 actions" in out
    assert out.rstrip().endswith(f"Database: {path}.")
    code, out, err = run(capsys, "export", "csv", "--db", path, "--out", tmp_path / "a.csv")
    assert code == 0, err
    assert "CSV of 300 actions" in out


def test_demo_size_huge_builds_ten_years_of_history(capsys, tmp_path, monkeypatch):
    import alignmeet.demo

    real = alignmeet.demo.build_large_demo
    asked = []

    def smaller(services, *, today, **kwargs):  # the real size takes minutes
        asked.append(kwargs)
        return real(services, today=today, meetings=12, members=8, actions=600, years=10)

    monkeypatch.setattr(alignmeet.demo, "build_large_demo", smaller)
    path = tmp_path / "huge.sqlite3"
    code, out, err = run(capsys, "demo", "--db", path, "--size", "huge")
    assert code == 0, err
    assert asked == [{"meetings": 240, "actions": 300_000, "years": 10}]
    assert "600 actions" in out
    first = date.fromisoformat(out.split(" from ")[1].split(" ")[0])
    assert first <= date.today() - timedelta(days=9 * 365)


def test_demo_size_defaults_to_small_and_rejects_others(capsys, tmp_path):
    code, _, err = run(capsys, "demo", "--db", tmp_path / "x.sqlite3", "--size", "gigantic")
    assert code == 2
    assert "invalid choice: 'gigantic'" in err
    code, out, _ = run(capsys, "demo", "--help")
    assert code == 0
    assert "(default: small)" in " ".join(out.split())
