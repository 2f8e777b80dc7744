"""Loading large histories fast: SQLAlchemy Core `executemany`, one transaction.

For generated data (`alignmeet.demo.build_large_demo`, benchmarks) and imports,
where going through one use case per row would take minutes. The caller hands
plain dicts keyed by column name, with explicit ids from `next_ids()`; the
database still checks foreign keys, NOT NULL and uniqueness, and the full-text
triggers index every row. No validation beyond that: callers build valid rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from alignmeet.services.base import ServiceBase
from alignmeet.storage import models as m
from alignmeet.storage.queries import bulk as q

# In foreign-key order: a row only points at tables listed before its own.
TABLES: dict[str, type[m.Base]] = {
    "team": m.Team,
    "member": m.Member,
    "series": m.Series,
    "meeting": m.Meeting,
    "participant": m.Participant,
    "agenda_item": m.AgendaItem,
    "idea": m.Idea,
    "decision": m.Decision,
    "action": m.Action,
    "action_update": m.ActionUpdate,
}
CHUNK = 20_000


class BulkLoader(ServiceBase):
    def next_ids(self) -> dict[str, int]:
        """For each table, the first id free after the rows already there."""
        with self.db.sessions() as s:
            return {
                name: q.first_free_id(s, model.__table__)  # type: ignore[attr-defined]
                for name, model in TABLES.items()
            }

    def load(self, rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, int]:
        """Insert every table's rows (in foreign-key order) in one transaction.

        Returns how many rows each table received. All or nothing.
        """
        return self.load_batches([rows])

    def load_batches(
        self, batches: Iterable[Mapping[str, Sequence[Mapping[str, Any]]]]
    ) -> dict[str, int]:
        """`load` for rows made a batch at a time (a generator: ten years of actions
        never sit in memory at once), all batches in one transaction.

        Within a batch tables go in foreign-key order; a row may point at rows of
        earlier batches. Returns how many rows each table received. All or nothing.
        """
        counts: dict[str, int] = {}
        with self.db.transaction() as s:
            for rows in batches:
                unknown = set(rows) - set(TABLES)
                if unknown:
                    raise ValueError(f"unknown tables: {sorted(unknown)}; use {list(TABLES)}")
                for name, model in TABLES.items():
                    batch = rows.get(name) or ()
                    table = model.__table__  # type: ignore[attr-defined]
                    for start in range(0, len(batch), CHUNK):
                        q.insert_rows(s, table, batch[start : start + CHUNK])
                    counts[name] = counts.get(name, 0) + len(batch)
            if self.db.engine.dialect.name == "postgresql":
                for name, model in TABLES.items():
                    if counts.get(name):  # explicit ids leave the id sequence behind
                        q.move_id_sequence(s, model.__table__)  # type: ignore[attr-defined]
        return {name: counts.get(name, 0) for name in TABLES}
