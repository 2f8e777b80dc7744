"""Issue 12, finding 10: German was silently ignored when AlignMeet was installed with pip
rather than `make run` — the compiled catalogue was not part of the package, and
Settings › Deutsch saved language=de while the next start was English.

The .qm is committed (a wheel has no build step that could make it); this checks that it
matches the .ts sources, that a wheel built from a clean copy of the repository carries
it, and that the installed app, started from another folder, shows German — or says so
and fails its smoke test when it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from wheels import build_wheel, fresh_venv, need_a_checkout, pip_install

from ui.i18n import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
QM = TRANSLATIONS / "alignmeet_de.qm"


def _lrelease() -> Path:
    tool = BIN / "pyside6-lrelease"
    if not tool.exists():
        pytest.skip("pyside6-lrelease is not installed next to this Python")
    return tool


def test_f10_the_committed_catalogue_is_the_ts_sources_compiled(tmp_path: Path) -> None:
    sources = sorted((TRANSLATIONS / "de").glob("*.ts"))
    assert sources
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(_lrelease()), "-silent", *map(str, sources), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert QM.is_file(), f"{QM} is missing: run `make translations` and commit it"
    assert QM.read_bytes() == fresh.read_bytes(), (
        f"{QM.name} is older than the .ts files: run `make translations` and commit it"
    )
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", str(QM.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
    )
    if tracked.returncode != 0 and (ROOT / ".git").exists():
        pytest.fail(f"{QM.name} is not committed: a clean clone would have no German")


def test_f10_a_missing_catalogue_is_said_not_silently_ignored(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)  # an installation without it
    shown = i18n.install_translator(QCoreApplication.instance(), "de")
    try:
        assert shown == "en"
        message = i18n.catalogue_missing("de", shown)
        assert "Deutsch" in message and "alignmeet_de.qm" in message
        assert i18n.catalogue_missing("de", "de") == ""
    finally:
        monkeypatch.undo()
        i18n.install_translator(QCoreApplication.instance(), "en")


@pytest.mark.slow
def test_f10_pip_install_of_a_clean_clone_shows_german(tmp_path: Path) -> None:
    need_a_checkout()
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        assert "ui/translations/alignmeet_de.qm" in archive.namelist()

    # A fresh environment with the wheel; the dependencies are this environment's (added
    # by a .pth: nothing is downloaded, and this checkout's editable install is not seen).
    env = fresh_venv(tmp_path / "venv")
    venv, python = env.root, env.python
    pip_install(env, wheel)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    config = tmp_path / "config"
    (config / "AlignMeet").mkdir(parents=True)
    (config / "AlignMeet" / "AlignMeet.conf").write_text("[ui]\nlanguage=de\n")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "ALIGNMEET_DATA_DIR": str(tmp_path / "data"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("PYTHONPATH", None)
    probe = (
        "import ui, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.i18n import install_translator\n"
        "print(ui.__file__)\n"
        "print(install_translator(app, 'de'))\n"
        "print(QCoreApplication.translate('MainWindow', 'Follow-ups'))\n"
    )
    out = subprocess.run(
        [str(python), "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    where, language, word = out.stdout.split("\n")[:3]
    assert where.startswith(str(venv)), f"imported {where}, not the installed package"
    assert language == "de"
    assert word != "Follow-ups"  # the German word
    smoke = subprocess.run(
        [str(venv / "bin" / "alignmeet"), "--smoke-test"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert smoke.returncode == 0, smoke.stderr
    assert "missing" not in smoke.stderr
