"""AlignMeet in a Linux desktop's application menu: `alignmeet --install-desktop-entry`.

The wheel carries a freedesktop.org entry (resources/linux/alignmeet.desktop) and the app's
SVG icon; pip puts them under <scheme>/share/applications and
<scheme>/share/icons/hicolor/scalable/apps, which a desktop reads for a system or
`pip install --user` installation but not from a virtual environment. This writes both
into the user's own folders ($XDG_DATA_HOME, else ~/.local/share), the entry pointing at
this installation's `alignmeet` and at the icon by its full path, so it works whichever
environment AlignMeet was installed in. Running it again replaces them.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from alignmeet.i18n import _
from alignmeet.paths import resources_dir

__all__ = [
    "DesktopEntry",
    "desktop_entry_text",
    "install_and_report",
    "install_desktop_entry",
    "launcher",
]

ENTRY_NAME = "alignmeet.desktop"
ICON_NAME = "alignmeet.svg"


@dataclass(frozen=True)
class DesktopEntry:
    entry: Path  # the .desktop file written
    icon: Path  # the SVG icon it shows


def _data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def launcher() -> str:
    """The command line that starts this installation's app, for the entry's Exec key."""
    script = Path(sys.executable).parent / "alignmeet"
    if script.is_file():
        return _quoted(str(script))
    return " ".join(_quoted(part) for part in (sys.executable, "-m", "ui.app"))


def _quoted(arg: str) -> str:
    """An Exec argument: quoted when it holds a space or a reserved character
    (freedesktop.org's Desktop Entry Specification, "The Exec key")."""
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry_text(*, exec_line: str, icon: Path) -> str:
    """The shipped entry with its Exec and Icon keys pointing at this installation."""
    lines = []
    shipped = (resources_dir() / "linux" / ENTRY_NAME).read_text(encoding="utf-8")
    for line in shipped.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line.replace('%', '%%')}"
        elif line.startswith("Icon="):
            line = f"Icon={icon}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop_entry(data_home: Path | None = None) -> DesktopEntry:
    """Write the entry and its icon into the user's data folder (OSError when it cannot)."""
    home = data_home or _data_home()
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / ICON_NAME
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resources_dir() / "icons" / ICON_NAME, icon)
    entry = home / "applications" / ENTRY_NAME
    entry.parent.mkdir(parents=True, exist_ok=True)
    text = desktop_entry_text(exec_line=launcher(), icon=icon)
    partial = entry.with_name(entry.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.chmod(0o755)  # some desktops only trust an executable entry
    partial.replace(entry)
    return DesktopEntry(entry=entry, icon=icon)


def install_and_report() -> int:
    """`alignmeet --install-desktop-entry`: install, say what was written (exit status)."""
    try:
        written = install_desktop_entry()
    except OSError as exc:
        print(
            _("alignmeet: the menu entry was not added: {problem} ({path})").format(
                problem=exc.strerror or exc, path=exc.filename or _data_home()
            ),
            file=sys.stderr,
        )
        return 1
    print(
        _("AlignMeet is in the application menu: {entry} (icon {icon}).").format(
            entry=written.entry, icon=written.icon
        )
    )
    return 0
