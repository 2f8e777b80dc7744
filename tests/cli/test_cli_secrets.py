"""Passwords never shown, and a missing driver in one line (issue 11, finding 9).

Every command is run with a PostgreSQL URL that holds a password — against the local
server, a server that is down, and a server that rejects the password — and the
password appears nowhere in what it prints, in any form.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy.engine import make_url

from alignmeet.cli import main

PASSWORD = "Pl41n-S3cret@Hunter2"  # an '@' too: the URL holds it as %40

EVERY_COMMAND = [
    ["demo"],
    ["meetings"],
    ["upgrade"],
    ["export", "minutes", "--meeting", "999", "--out", "{out}/m.docx"],
    ["export", "followups", "--out", "{out}/f.docx"],
    ["export", "ics", "--out", "{out}/d.ics"],
    ["export", "csv", "--out", "{out}/a.csv"],
    ["export", "glossary", "--out", "{out}/g.docx"],
    ["export", "dashboard", "--out", "{out}/d.png"],
    ["backup"],
    ["check"],
    ["backups"],
    ["restore"],
]


def with_password(url: str, password: str = PASSWORD) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def assert_never_shown(text: str, password: str = PASSWORD) -> None:
    for form in (password, quote(password, safe=""), quote(password)):
        assert form not in text, text


def run_all(capsys, url: str, out: Path) -> list[tuple[int, str]]:
    results = []
    for command in EVERY_COMMAND:
        argv = [part.format(out=out) for part in command]
        code = main(
            [*argv[:2], "--db", url, *argv[2:]] if argv[0] == "export" else [*argv, "--db", url]
        )
        stdout, stderr = capsys.readouterr()
        assert "Traceback" not in stderr
        assert_never_shown(stdout + stderr)
        results.append((code, stdout + stderr))
    return results


def test_no_command_shows_the_password_of_a_working_server(
    capsys, postgres_database, tmp_path: Path
) -> None:
    url = with_password(postgres_database())  # the test server trusts loopback: any password
    assert PASSWORD.replace("@", "%40") in url
    results = run_all(capsys, url, tmp_path)
    demo_code, demo_text = results[0]
    assert demo_code == 0 and "postgresql+psycopg://alignmeet:***@" in demo_text
    minutes_code, minutes_text = results[3]
    assert minutes_code == 1 and "meetings --db postgresql+psycopg://alignmeet:***@" in minutes_text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_command_shows_the_password_when_the_server_is_down(capsys, tmp_path: Path) -> None:
    url = f"postgresql+psycopg://alignmeet:{quote(PASSWORD, safe='')}@127.0.0.1:{free_port()}/x"
    for code, text in run_all(capsys, url, tmp_path):
        assert code == 1
        assert text.count("\n") == 1  # one line
    code = main(["meetings", "--db", url])
    err = capsys.readouterr().err
    assert "Connection refused" in err or "connection" in err.lower()
    assert "alignmeet:***@127.0.0.1" in err


# ---- a server that checks passwords ------------------------------------------------------
def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture(scope="module")
def password_server() -> Iterator[str]:
    """A throwaway PostgreSQL on loopback that checks passwords (scram); its URL with the
    right password. Skips where it cannot be started."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries are not installed")
    runner: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="alignmeet-pgpw-"))
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("runuser is missing: initdb will not run as root")
        runner = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
    pwfile = folder / "pw"
    pwfile.write_text("right-password\n")
    if runner:
        shutil.chown(pwfile, "postgres")
    port = free_port()
    init = subprocess.run(
        [
            *runner,
            *(str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", "alignmeet"),
            *("--auth=scram-sha-256", f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[-300:]}")
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
    start = subprocess.run(
        [
            *runner,
            *(str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log")),
            *("-w", "-t", "60", "-o", options, "start"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if start.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"pg_ctl start failed: {start.stderr.strip()[-300:]}")
    try:
        time.sleep(0.2)
        yield f"postgresql+psycopg://alignmeet:right-password@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*runner, str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def test_no_command_shows_a_rejected_password(capsys, password_server: str, tmp_path: Path) -> None:
    url = with_password(password_server)
    for code, text in run_all(capsys, url, tmp_path):
        assert code == 1
        assert text.count("\n") == 1
    main(["meetings", "--db", url])
    err = capsys.readouterr().err
    assert "password authentication failed" in err
    assert_never_shown(err)


def test_the_right_password_works_and_is_not_shown_either(
    capsys, password_server: str, tmp_path: Path
) -> None:
    for argv in (["demo"], ["meetings"], ["upgrade"]):
        code = main([*argv, "--db", password_server])
        out, err = capsys.readouterr()
        assert code == 0, err
        assert_never_shown(out + err, "right-password")


# ---- the driver ------------------------------------------------------------------------
def test_a_missing_driver_is_one_line_naming_the_install(
    capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    for argv in (["meetings"], ["demo"], ["upgrade"]):
        code = main([*argv, "--db", f"postgresql+psycopg://u:{PASSWORD}@db.example/x"])
        out, err = capsys.readouterr()
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "pip install 'alignmeet[postgres]'" in err
        assert_never_shown(err)
