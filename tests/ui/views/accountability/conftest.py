"""What the accountability screens' tests share: an in-memory password store, and the demo
(built once per module around today, as the app's real clock sees it) copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from harness import smtp as H

from alignmeet.demo import build_demo
from alignmeet.mail import settings as mail_settings
from alignmeet.services import Services, open_services


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch):
    import keyring

    previous = keyring.get_keyring()
    backend = H.MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv(mail_settings.PASSWORD_ENV, raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo around today: the app's clock is the real one."""
    path = tmp_path_factory.mktemp("ui-acc") / "demo.sqlite3"
    services = open_services(str(path))
    build_demo(services, today=date.today())
    services.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    services = open_services(str(path))
    yield services
    services.close()
