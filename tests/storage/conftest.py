"""Storage fixtures: an empty database of each backend (`db_backend`, see tests/conftest.py).

`empty_db_target` is a file path on SQLite and the URL of a new, empty PostgreSQL
database (dropped after the test) on a server — nothing migrated yet.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def empty_db_target(db_backend: str, request: pytest.FixtureRequest, tmp_path) -> str:
    if db_backend == "sqlite":
        return str(tmp_path / "alignmeet.sqlite3")
    return request.getfixturevalue("postgres_database")()


@pytest.fixture
def postgres_url(postgres_database) -> str:
    """A new, empty PostgreSQL database (skips with the reason when there is no server)."""
    return postgres_database()
