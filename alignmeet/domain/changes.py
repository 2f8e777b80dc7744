"""What one operation changed: the tables it wrote and, where known, the row ids.

The one value every writer produces and every screen reads (Anki's `OpChanges` is the
model). A change made here, in another window, by another facilitator on the same
PostgreSQL server or from a participant's phone arrives as the same kind of value; a
screen asks `changes.touches("action", "action_update")` and refreshes what it shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Row ids are not listed beyond this many per table: the table is then "changed as a
# whole" (a demo build or an import writes thousands of rows in one operation).
MAX_IDS = 500
ALL: None = None  # in `ids`: every row of the table may have changed


@dataclass(frozen=True)
class OpChanges:
    """`ids[table]` is the set of row ids written, or None when the rows are not listed
    (too many, a bulk statement, or rows the database changed on its own: ON DELETE
    CASCADE / SET NULL). `origin` names the writer (one per open database connection
    set: this window, another window, a server); `local` is True for this client's own."""

    ids: Mapping[str, frozenset[int] | None] = field(default_factory=dict)
    origin: str = ""
    local: bool = True

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def touches(self, *tables: str) -> bool:
        return any(t in self.ids for t in tables)

    def ids_of(self, table: str) -> frozenset[int] | None:
        """The ids written in `table` (empty when untouched, None when not listed)."""
        if table not in self.ids:
            return frozenset()
        return self.ids[table]

    def touches_row(self, table: str, ident: int) -> bool:
        if table not in self.ids:
            return False
        ids = self.ids[table]
        return ids is None or ident in ids

    def merged(self, other: OpChanges) -> OpChanges:
        return merge([self, other], origin=self.origin, local=self.local and other.local)

    def to_json(self) -> dict[str, list[int] | None]:
        return {t: (sorted(i) if i is not None else None) for t, i in sorted(self.ids.items())}

    @classmethod
    def from_json(
        cls, data: Mapping[str, Iterable[int] | None], *, origin: str = "", local: bool = False
    ) -> OpChanges:
        return cls(
            ids={
                t: (frozenset(int(x) for x in i) if i is not None else None)
                for t, i in data.items()
            },
            origin=origin,
            local=local,
        )


def merge(changes: Iterable[OpChanges], *, origin: str = "", local: bool = True) -> OpChanges:
    ids: dict[str, set[int] | None] = {}
    for change in changes:
        for table, rows in change.ids.items():
            known = ids.get(table, set())
            if rows is None or known is None:
                ids[table] = None
            else:
                known = set(known) | rows
                ids[table] = known if len(known) <= MAX_IDS else None
    return OpChanges(
        ids={t: (frozenset(i) if i is not None else None) for t, i in ids.items()},
        origin=origin,
        local=local,
    )
