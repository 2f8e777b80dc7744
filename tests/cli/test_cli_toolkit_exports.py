"""`alignmeet-cli export glossary | dashboard` (issue 4), on the demo database."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PIL import Image

from alignmeet.cli import main


def run(capsys, *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str, *fragments: str) -> None:
    assert err.startswith("alignmeet-cli: error: ") and err.count("\n") == 1
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("toolkit-exports") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def test_the_glossary_appendix_lists_the_agreed_definitions(capsys, demo_db, tmp_path):
    out = tmp_path / "glossary.docx"
    code, said, err = run(capsys, "export", "glossary", "--db", demo_db, "--out", out)
    assert code == 0, err
    assert "Glossary (6 terms) written to" in said
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    tables = "\n".join(
        c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells
    )
    for term in ("MQL", "SQL", "ICP", "Qualified lead"):
        assert term in text + tables


def test_the_dashboard_as_a_word_report_and_as_a_picture(capsys, demo_db, tmp_path):
    report = tmp_path / "dashboard.docx"
    code, said, err = run(capsys, "export", "dashboard", "--db", demo_db, "--out", report)
    assert code == 0, err
    assert said.startswith("Dashboard for ")
    document = docx.Document(str(report))
    assert len(document.inline_shapes) >= 4  # a chart per KPI
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any("MQL" in c for c in cells)

    picture = tmp_path / "dashboard.png"
    code, _said, err = run(capsys, "export", "dashboard", "--db", demo_db, "--out", picture)
    assert code == 0, err
    with Image.open(picture) as image:
        assert image.format == "PNG" and image.width >= 800


def test_a_bad_period_or_format_is_a_one_line_error(capsys, demo_db, tmp_path):
    code, _out, err = run(
        capsys,
        "export",
        "dashboard",
        "--db",
        demo_db,
        "--period",
        "Smarch",
        "--out",
        tmp_path / "d.docx",
    )
    assert code == 1
    one_line_error(err, "Smarch")
    code, _out, err = run(
        capsys, "export", "dashboard", "--db", demo_db, "--out", tmp_path / "d.pdf"
    )
    assert code == 1
    one_line_error(err, ".docx or a .png")
    assert not (tmp_path / "d.docx").exists() and not (tmp_path / "d.pdf").exists()
