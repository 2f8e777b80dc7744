"""What the accountability screens' tests share: an in-memory password store, and the demo
(built once per module around today, as the app's real clock sees it) copied per test."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from alignmeet.demo import build_demo
from alignmeet.mail import settings as mail_settings
from alignmeet.services import Services, open_services

_HARNESS = Path(__file__).resolve().parents[3] / "harness" / "smtp.py"
if "smtp_harness" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("smtp_harness", _HARNESS)
    assert _spec is not None and _spec.loader is not None
    sys.modules["smtp_harness"] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules["smtp_harness"])
H = sys.modules["smtp_harness"]


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
