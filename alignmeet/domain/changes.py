"""What one operation changed: the tables it wrote, the row ids, and where those rows belong.

The one value every writer produces and every screen reads (Anki's `OpChanges` is the
model). A change made here, in another window, by another facilitator on the same
PostgreSQL server or from a participant's phone arrives as the same kind of value; a
screen asks `changes.touches("action", "action_update")` and refreshes what it shows, and
`changes.parents("meeting", "action")` says which meetings' actions those were — so a
screen showing one meeting knows without a read whether the change is its business.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Row ids are not listed beyond this many per table: the table is then "changed as a
# whole" (a demo build or an import writes thousands of rows in one operation).
MAX_IDS = 500
ALL: None = None  # in `ids`: every row of the table may have changed
# The records other rows belong to, that screens are organised by: a meeting (its
# participants, agenda, actions, ratings…) and an agenda item (its ideas, decisions).
PARENTS = ("meeting", "agenda_item")
_SEP = "@"  # in JSON: "action@meeting": the meetings of the changed actions
_COLUMNS = "#columns"  # in JSON: "agenda_item#columns": the columns its updates changed
# in JSON: "agenda_item#kept_both": the rows whose text is both versions of a conflict
_KEPT_BOTH = "#kept_both"

Ids = frozenset[int] | None


@dataclass(frozen=True)
class OpChanges:
    """`ids[table]` is the set of row ids written, or None when the rows are not listed
    (too many, a bulk statement, or rows the database changed on its own: ON DELETE
    CASCADE / SET NULL). `within[table][parent]` is the set of `parent` ids ("meeting",
    "agenda_item") the changed rows of `table` belong to — before or after the change —
    or None when not known; a table without such a link has no entry. `origin` names the
    writer (one per open database connection set: this window, another window, a
    server); `local` is True for this client's own. `columns[table]`, when present, says
    that the table's rows were only updated, and which columns changed (a note typed into
    an agenda item is not a new agenda); a table without it had rows added or removed, or
    changed in columns not known. `kept_both` names the rows ((table, id)) whose text the
    writer saved as both versions of a conflict ("Keep both": theirs, a blank line, mine),
    so that the other facilitator's window can say so."""

    ids: Mapping[str, Ids] = field(default_factory=dict)
    origin: str = ""
    local: bool = True
    within: Mapping[str, Mapping[str, Ids]] = field(default_factory=dict)
    columns: Mapping[str, frozenset[str]] = field(default_factory=dict)
    kept_both: frozenset[tuple[str, int]] = frozenset()

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def touches(self, *tables: str) -> bool:
        return any(t in self.ids for t in tables)

    def ids_of(self, table: str) -> Ids:
        """The ids written in `table` (empty when untouched, None when not listed)."""
        if table not in self.ids:
            return frozenset()
        return self.ids[table]

    def touches_row(self, table: str, ident: int) -> bool:
        if table not in self.ids:
            return False
        ids = self.ids[table]
        return ids is None or ident in ids

    def parents(self, parent: str, *tables: str) -> Ids:
        """The `parent` ids (e.g. the meetings) the changed rows of `tables` belong to:
        empty when none of them was changed, None when some are not known. A `parent`
        table's own changed rows are their own parents."""
        found: set[int] = set()
        for table in tables:
            if table not in self.ids:
                continue
            ids = self.ids[table] if table == parent else self.within.get(table, {}).get(parent)
            if table != parent and parent not in self.within.get(table, {}):
                continue  # rows of this table belong to no `parent`
            if ids is None:
                return None
            found |= ids
        return frozenset(found)

    def columns_of(self, table: str) -> frozenset[str] | None:
        """The columns the updates of `table` changed; None when rows were added or
        removed, or the columns are not known (and empty when `table` was not touched)."""
        if table not in self.ids:
            return frozenset()
        return self.columns.get(table)

    def only(self, table: str, columns: Iterable[str]) -> bool:
        """`table` was touched, and only by updates of some of `columns`."""
        changed = self.columns_of(table)
        return table in self.ids and changed is not None and changed <= frozenset(columns)

    def merged(self, other: OpChanges) -> OpChanges:
        return merge([self, other], origin=self.origin, local=self.local and other.local)

    def to_json(self) -> dict[str, list[int] | list[str] | None]:
        out: dict[str, list[int] | list[str] | None] = {
            t: (sorted(i) if i is not None else None) for t, i in sorted(self.ids.items())
        }
        for table, parents in sorted(self.within.items()):
            for parent, ids in sorted(parents.items()):
                out[f"{table}{_SEP}{parent}"] = sorted(ids) if ids is not None else None
        for table, columns in sorted(self.columns.items()):
            out[f"{table}{_COLUMNS}"] = sorted(columns)
        for table in sorted({t for t, _i in self.kept_both}):
            out[f"{table}{_KEPT_BOTH}"] = sorted(i for t, i in self.kept_both if t == table)
        return out

    @classmethod
    def from_json(
        cls,
        data: Mapping[str, Iterable[int | str] | None],
        *,
        origin: str = "",
        local: bool = False,
    ) -> OpChanges:
        ids: dict[str, Ids] = {}
        within: dict[str, dict[str, Ids]] = {}
        columns: dict[str, frozenset[str]] = {}
        kept_both: set[tuple[str, int]] = set()
        for key, rows in data.items():
            if key.endswith(_KEPT_BOTH):
                table = key.removesuffix(_KEPT_BOTH)
                kept_both |= {(table, int(x)) for x in rows or ()}
                continue
            if key.endswith(_COLUMNS):
                if rows is not None:
                    columns[key.removesuffix(_COLUMNS)] = frozenset(str(x) for x in rows)
                continue
            value = frozenset(int(x) for x in rows) if rows is not None else None
            table, _sep, parent = key.partition(_SEP)
            if parent:
                within.setdefault(table, {})[parent] = value
            else:
                ids[table] = value
        return cls(
            ids=ids,
            origin=origin,
            local=local,
            within=within,
            columns={t: c for t, c in columns.items() if t in ids},
            kept_both=frozenset(kept_both),
        )


def _union(known: set[int] | None, more: Ids) -> set[int] | None:
    if known is None or more is None:
        return None
    known = known | more
    return known if len(known) <= MAX_IDS else None


def merge(changes: Iterable[OpChanges], *, origin: str = "", local: bool = True) -> OpChanges:
    ids: dict[str, set[int] | None] = {}
    within: dict[str, dict[str, set[int] | None]] = {}
    columns: dict[str, frozenset[str] | None] = {}
    kept_both: set[tuple[str, int]] = set()
    for change in changes:
        kept_both |= change.kept_both
        for table, rows in change.ids.items():
            ids[table] = _union(ids.get(table, set()), rows)
            mine_columns = columns.get(table, frozenset())
            theirs = change.columns.get(table)
            columns[table] = (
                None if mine_columns is None or theirs is None else mine_columns | theirs
            )
        for table, parents in change.within.items():
            mine = within.setdefault(table, {})
            for parent, rows in parents.items():
                mine[parent] = _union(mine.get(parent, set()), rows)
    return OpChanges(
        ids={t: _frozen(i) for t, i in ids.items()},
        origin=origin,
        local=local,
        within={t: {p: _frozen(i) for p, i in ps.items()} for t, ps in within.items()},
        columns={t: c for t, c in columns.items() if c is not None},
        kept_both=frozenset(kept_both),
    )


def _frozen(ids: set[int] | None) -> Ids:
    return frozenset(ids) if ids is not None else None
