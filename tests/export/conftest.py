"""What the export tests share: the core's language back to English after each test (a
German one must not leak into the next), and the ACME company template."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignmeet import i18n
from tests.company_templates import make_company_template


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A company's own .docx template: its styles, a serif table font, its page."""
    return make_company_template(tmp_path_factory.mktemp("acme"))
