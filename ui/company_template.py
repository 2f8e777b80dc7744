"""The company Word template chosen in Edit › Settings, kept in QSettings.

The window hands `company_template` to the services once (`Services.use_company_template`,
see ui/controller.py): every Word export then takes the template from there, the same way
the CLI's `--template` does (alignmeet/services/documents.py). A template chosen while the
app runs applies to the next export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

__all__ = ["TEMPLATE_KEY", "company_template", "set_company_template"]

TEMPLATE_KEY = "export/company_template"


def company_template() -> Path | None:
    """The company Word template chosen in the settings, or None for AlignMeet's own look."""
    value = QSettings().value(TEMPLATE_KEY, "")
    text = str(value or "").strip()
    return Path(text) if text else None


def set_company_template(path: Path | None) -> None:
    settings = QSettings()
    if path is None:
        settings.remove(TEMPLATE_KEY)
    else:
        settings.setValue(TEMPLATE_KEY, str(path))
