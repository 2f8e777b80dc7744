"""The house installs like an app: a wheel built from a clean copy of the repository carries
the templates, resources (icons, style sheet, Room Link's files, the Linux menu entry) and
translations; installed into a fresh virtual environment it starts (`alignmeet
--smoke-test`), builds the demo (`alignmeet-cli demo`) and writes the minutes from any
folder; installed under another prefix it still finds its files; and it puts itself in a
Linux desktop's application menu (`alignmeet --install-desktop-entry`).

Built once for the module (slow: ~20 s); nothing is downloaded (tests/wheels.py).
"""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from wheels import ROOT, Environment, build_wheel, fresh_venv, need_a_checkout, pip_install

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    env: Environment
    folder: Path  # scratch space of this module
    elsewhere: Path  # a folder far from the checkout, where the commands run


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    need_a_checkout()
    folder = tmp_path_factory.mktemp("installed")
    wheel = build_wheel(folder)
    env = fresh_venv(folder / "venv")
    pip_install(env, wheel)
    elsewhere = folder / "elsewhere"
    elsewhere.mkdir()
    yield Installed(wheel, env, folder, elsewhere)


def run(installed: Installed, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ALIGNMEET_DATA_DIR": str(installed.folder / "data"),
        "XDG_CONFIG_HOME": str(installed.folder / "config"),
        "PYTHONDONTWRITEBYTECODE": "1",
        **env,
    }
    if "PYTHONPATH" not in env:  # the installed package, not this checkout
        environment.pop("PYTHONPATH", None)
    return subprocess.run(
        list(argv),
        cwd=installed.elsewhere,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_carries_templates_resources_translations_and_the_menu_entry(
    installed: Installed,
) -> None:
    with zipfile.ZipFile(installed.wheel) as archive:
        names = set(archive.namelist())
    data = "alignmeet-0.1.0.data/data/share/"
    shipped = [f"{data}alignmeet/templates/{p.name}" for p in (ROOT / "templates").glob("*.j2")]
    shipped += [
        f"{data}alignmeet/{p.relative_to(ROOT)}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    ]
    assert len(shipped) > 15
    missing = [name for name in shipped if name not in names]
    assert not missing, f"not in the wheel: {missing}"
    assert "ui/translations/alignmeet_de.qm" in names
    assert any(n.startswith("alignmeet/locale/de/") and n.endswith(".po") for n in names)
    assert any(n.startswith("alignmeet/storage/migrations/versions/0005_") for n in names)
    assert f"{data}applications/alignmeet.desktop" in names
    assert f"{data}icons/hicolor/scalable/apps/alignmeet.svg" in names


def test_the_installed_app_starts_from_another_folder(installed: Installed) -> None:
    where = run(
        installed,
        str(installed.env.python),
        "-c",
        "import ui, alignmeet.paths as p; print(ui.__file__); print(p.templates_dir());"
        " print(p.resources_dir())",
    )
    assert where.returncode == 0, where.stderr
    package, templates, resources = where.stdout.split("\n")[:3]
    venv = str(installed.env.root)
    assert package.startswith(venv), f"imported {package}, not the installed package"
    assert templates == f"{venv}/share/alignmeet/templates"
    assert resources == f"{venv}/share/alignmeet/resources"

    smoke = run(installed, str(installed.env.bin / "alignmeet"), "--smoke-test")
    assert smoke.returncode == 0, smoke.stderr
    assert "missing" not in smoke.stderr


def test_the_installed_cli_builds_the_demo_and_writes_its_minutes(installed: Installed) -> None:
    database = installed.folder / "demo.sqlite3"
    cli = str(installed.env.bin / "alignmeet-cli")
    demo = run(installed, cli, "demo", "--db", str(database))
    assert demo.returncode == 0, demo.stderr
    assert database.is_file()
    minutes = installed.elsewhere / "minutes.docx"
    export = run(
        installed, cli, "export", "minutes", "--db", str(database), "--out", "minutes.docx"
    )
    assert export.returncode == 0, export.stderr
    assert docx.Document(str(minutes)).paragraphs[0].text.startswith("Minutes")
    # The e-mail text is a template of the wheel's (templates/recap_email.txt.j2).
    drafts = installed.elsewhere / "drafts"
    drafts.mkdir()
    recap = run(installed, cli, "send", "recap", "--db", str(database), "--eml-dir", "drafts")
    assert recap.returncode == 0, recap.stderr
    assert sorted(drafts.glob("*.eml"))


def test_installed_under_another_prefix_it_finds_its_files(installed: Installed) -> None:
    """Not a virtual environment's share/: `pip install --prefix` puts the data files under
    that prefix, which the package finds through its record of installed files."""
    bare = fresh_venv(installed.folder / "bare")
    prefix = installed.folder / "prefix"
    pip_install(bare, installed.wheel, "--prefix", str(prefix))
    site = next((prefix / "lib").glob("python3*/site-packages"))
    where = run(
        installed,
        str(bare.python),
        "-c",
        "import alignmeet.paths as p; print(p.templates_dir()); print(p.resources_dir())",
        PYTHONPATH=str(site),
    )
    assert where.returncode == 0, where.stderr
    assert where.stdout.split("\n")[:2] == [
        f"{prefix.resolve()}/share/alignmeet/templates",
        f"{prefix.resolve()}/share/alignmeet/resources",
    ]
    cli = str(prefix / "bin" / "alignmeet-cli")
    database = installed.folder / "prefix-demo.sqlite3"
    demo = run(
        installed, str(bare.python), cli, "demo", "--db", str(database), PYTHONPATH=str(site)
    )
    assert demo.returncode == 0, demo.stderr


def test_the_installed_app_adds_itself_to_the_application_menu(installed: Installed) -> None:
    home = installed.folder / "data-home"
    done = run(
        installed,
        str(installed.env.bin / "alignmeet"),
        "--install-desktop-entry",
        XDG_DATA_HOME=str(home),
    )
    assert done.returncode == 0, done.stderr
    entry = home / "applications" / "alignmeet.desktop"
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / "alignmeet.svg"
    assert str(entry) in done.stdout
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "alignmeet.svg").read_bytes()
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    keys = parser["Desktop Entry"]
    assert keys["Type"] == "Application"
    assert keys["Name"] == "AlignMeet"
    assert keys["Icon"] == str(icon)
    assert shlex.split(keys["Exec"]) == [str(installed.env.bin / "alignmeet")]
    assert keys["Comment[de]"]  # the menu speaks German too
    validate = shutil.which("desktop-file-validate")  # Debian's desktop-file-utils
    if validate is not None:
        checked = subprocess.run([validate, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
