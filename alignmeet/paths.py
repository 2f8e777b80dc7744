"""Where things live: the user's data folder, shipped templates and resources.

Works from a checkout and from an installed wheel, wherever pip put it: the wheel carries
templates/ and resources/ as data files under <scheme>/share/alignmeet, which is
<venv>/share in a virtual environment, ~/.local/share for `pip install --user`,
<prefix>/share for `--prefix`. The installed package finds them through its own record of
installed files (importlib.metadata), so it never guesses the scheme. platformdirs, not
QStandardPaths, so the Qt-free CLI and the app agree on the data folder.
"""

from __future__ import annotations

import os
import site
import sys
from functools import lru_cache
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


def _checkout() -> Path | None:
    """The source checkout this package runs from (an editable install), if it does."""
    return _CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() else None


@lru_cache(maxsize=1)
def _installed_share() -> Path | None:
    """<scheme>/share/alignmeet of the wheel this package was installed from, found in the
    distribution's RECORD next to the package (not another alignmeet on sys.path)."""
    from importlib.metadata import distributions

    for dist in distributions(path=[str(_CHECKOUT)]):
        if (dist.metadata["Name"] or "").lower() != "alignmeet":
            continue
        for file in dist.files or ():
            parts = file.parts
            if "share" in parts and parts[parts.index("share") + 1 :][:1] == ("alignmeet",):
                at = parts.index("share")
                located = Path(str(dist.locate_file(Path(*parts[: at + 2])))).resolve()
                if located.is_dir():
                    return located
    return None


def _shipped(name: str) -> Path:
    checkout = _checkout()
    if checkout is not None and (checkout / name).is_dir():
        return checkout / name
    candidates = [
        _installed_share(),
        Path(sys.prefix) / "share" / "alignmeet",
        Path(site.getuserbase()) / "share" / "alignmeet",
    ]
    for share in candidates:
        if share is not None and (share / name).is_dir():
            return share / name
    looked = ", ".join(str(c / name) for c in candidates if c is not None)
    raise FileNotFoundError(f"AlignMeet's {name}/ folder is missing (looked in {looked})")


def templates_dir() -> Path:
    return _shipped("templates")


def resources_dir() -> Path:
    return _shipped("resources")
