"""Suite-wide set-up: headless Qt, an isolated data folder and settings per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real data folder or the real QSettings of whoever runs the tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ALIGNMEET_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("ALIGNMEET_DATABASE_URL", raising=False)
