"""Where things live: the user's data folder, shipped templates and resources.

Works from a checkout and from an installed wheel (data-files under
<prefix>/share/alignmeet). platformdirs, not QStandardPaths, so the Qt-free CLI
and the app agree on the data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    override = os.environ.get("ALIGNMEET_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("AlignMeet", appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "alignmeet.sqlite3"


def recovery_dir() -> Path:
    """Edits that did not reach their database yet (alignmeet.recovery)."""
    return data_dir() / "recovery"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _shipped(name: str) -> Path:
    local = _CHECKOUT / name
    if local.is_dir():
        return local
    installed = Path(sys.prefix) / "share" / "alignmeet" / name
    if installed.is_dir():
        return installed
    raise FileNotFoundError(f"AlignMeet's {name}/ folder is missing from {local} and {installed}")


def templates_dir() -> Path:
    return _shipped("templates")


def resources_dir() -> Path:
    return _shipped("resources")
