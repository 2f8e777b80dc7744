"""One write path, one announcement (issue 13), checked on the source: a reader can trust
that every change reaches the views the same way.

- The `*_changed` signals are emitted in one place, `Controller.announce`, worked out from
  what an operation changed — for the window's own writes, undo and redo, Room Link and
  the change feed alike. Nobody else emits them (a view that did would announce a change
  other windows never hear of).
- No screen calls a service use case that writes: it asks the controller to `perform` it
  (the runtime proof for the controller's own writes is in test_undo.py).
- Services are typed attributes, and screens call them by name (no `toolkit(area,
  "method")` strings)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from alignmeet.services.base import ServiceBase
from alignmeet.services.toolkit import TOOLKIT
from ui.controller import Controller

UI = Path(__file__).resolve().parents[2] / "ui"
# Signals that say what the window does, not what changed in the data.
EVENTS = {
    "current_meeting_changed",
    "meeting_started",
    "status_shown",
    "navigation_requested",
    "export_requested",
}
ANNOUNCERS = {"announce", "_announce_next"}


def _signals() -> set[str]:
    return {
        name
        for name, value in vars(Controller).items()
        if type(value).__name__ == "Signal" and name not in EVENTS
    }


def _ui_sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def _functions(tree: ast.AST) -> dict[ast.AST, str]:
    """Each node's enclosing function name."""
    owner: dict[ast.AST, str] = {}

    def walk(node: ast.AST, name: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else name
            owner[child] = inner
            walk(child, inner)

    walk(tree, "")
    return owner


def test_only_announce_emits_what_changed() -> None:
    changes = _signals()
    assert {"meetings_changed", "agenda_changed", "toolkit_changed"} <= changes
    offenders = []
    for path in _ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner = _functions(tree)
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "emit"
            ):
                continue
            target = node.func.value
            announcing = path.name == "controller.py" and owner[node] in ANNOUNCERS
            named = target.attr if isinstance(target, ast.Attribute) else None
            if named in changes and not announcing:
                offenders.append(f"{path.relative_to(UI)}:{node.lineno} {named}.emit")
            elif path.name == "controller.py" and isinstance(target, ast.Name) and not announcing:
                offenders.append(f"{path.relative_to(UI)}:{node.lineno} {target.id}.emit")
    assert offenders == []


# Services' attributes -> where their classes live (the toolkit's from its table).
SERVICES = {
    "people": ("alignmeet.services.people", "PeopleService"),
    "meetings": ("alignmeet.services.meetings", "MeetingService"),
    "agenda": ("alignmeet.services.agenda", "AgendaService"),
    "actions": ("alignmeet.services.actions", "ActionService"),
    "minutes": ("alignmeet.services.minutes", "MinutesService"),
    "followups": ("alignmeet.services.followups", "FollowUpService"),
    "exports": ("alignmeet.services.exports", "ExportService"),
    "recaps": ("alignmeet.services.recaps", "RecapService"),
    **TOOLKIT,
}


def _writing_use_cases() -> dict[str, set[str]]:
    """Service attribute -> its public methods that open a write transaction."""
    found: dict[str, set[str]] = {}
    for attribute, (module, name) in SERVICES.items():
        cls = getattr(importlib.import_module(module), name)
        assert issubclass(cls, ServiceBase)
        found[attribute] = {
            method
            for method, fn in vars(cls).items()
            if callable(fn)
            and not method.startswith("_")
            and "self.db.transaction()" in inspect.getsource(fn)
        }
    return found


def test_no_screen_calls_a_writing_use_case_itself() -> None:
    writes = _writing_use_cases()
    assert "add_kpi" in writes["goals"] and "add_idea" in writes["agenda"]
    assert "list_kpis" not in writes["goals"]
    offenders = []
    for path in _ui_sources():
        if path.name == "screenshots.py":  # a script that builds sample screens' data
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            area = node.func.value
            if not isinstance(area, ast.Attribute) or area.attr not in writes:
                continue
            holder = area.value  # `<...>.services.<area>.<method>(...)`
            named = holder.attr if isinstance(holder, ast.Attribute) else getattr(holder, "id", "")
            if named == "services" and node.func.attr in writes[area.attr]:
                offenders.append(
                    f"{path.relative_to(UI)}:{node.lineno} {area.attr}.{node.func.attr}"
                )
    assert offenders == []


def test_no_toolkit_dispatch_by_name_is_left() -> None:
    assert not hasattr(Controller, "toolkit")
    offenders = [
        f"{path.relative_to(UI)}:{number}"
        for path in _ui_sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".toolkit(" in line
    ]
    assert offenders == []
