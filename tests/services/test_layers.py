"""Storage owns the queries; services compose them (ARCHITECTURE.md, "Data flows one way").

A service opens the transaction of its use case and calls the query functions of
alignmeet/storage/queries/ with its session; it never builds a query itself. This reads
every service module and fails on an import of SQLAlchemy's query building (select,
update, func, and_, aliased, …). What a service may take from SQLAlchemy: the Session type,
its errors, and the ORM events of the optimistic-lock guard.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "alignmeet" / "services"

# What a service may import from SQLAlchemy (module -> names; "*": any name).
ALLOWED = {
    "sqlalchemy": {"Engine", "Connection", "event", "inspect"},
    "sqlalchemy.orm": {"Session", "object_session", "Mapper", "ORMExecuteState"},
    "sqlalchemy.exc": {"*"},
    "sqlalchemy.orm.exc": {"*"},
}

# Still building their own queries, each with the reason. The list only shrinks: a module
# that no longer builds queries must leave it (the last test says so).
NOT_YET: dict[str, str] = {}


def _query_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("sqlalchemy")
        ):
            allowed = ALLOWED.get(node.module, set())
            found += [
                f"{node.module}.{alias.name} (line {node.lineno})"
                for alias in node.names
                if "*" not in allowed and alias.name not in allowed
            ]
        elif isinstance(node, ast.Import):
            found += [
                f"import {alias.name} (line {node.lineno})"
                for alias in node.names
                if alias.name.startswith("sqlalchemy") and alias.name not in ALLOWED
            ]
    return found


def _modules() -> list[Path]:
    return sorted(SERVICES.glob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_a_service_builds_no_query(path: Path) -> None:
    if path.name in NOT_YET:
        pytest.skip(f"not moved yet: {NOT_YET[path.name]}")
    found = _query_imports(path)
    assert not found, (
        f"{path.name} builds queries ({', '.join(found)}): put them in "
        "alignmeet/storage/queries/ as functions taking a Session, and call those"
    )


def test_the_list_of_modules_not_moved_yet_only_shrinks() -> None:
    names = {p.name for p in _modules()}
    assert set(NOT_YET) <= names, f"gone: {set(NOT_YET) - names}"
    done = [name for name in NOT_YET if not _query_imports(SERVICES / name)]
    assert not done, f"{done} no longer build queries: take them off NOT_YET"


def test_the_check_sees_a_query(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from sqlalchemy import func, select\nfrom sqlalchemy.orm import Session, aliased\n"
    )
    assert _query_imports(probe) == [
        "sqlalchemy.func (line 1)",
        "sqlalchemy.select (line 1)",
        "sqlalchemy.orm.aliased (line 2)",
    ]
