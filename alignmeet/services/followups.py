"""Follow-ups across meetings: every action until it is done, filtered and searched.

Built for long histories (300,000 actions over ten years): the follow-up page never
reads the whole list. The database filters, sorts and searches; the page asks for
what it shows — `count`, a `window` of rows in the chosen order, the `position` of
one action, the `team_balance` — each one Core SELECT of the columns it needs (no
ORM objects; alignmeet.storage.queries.followups), rows as `ActionLine` tuples. The
running totals it shows (times slipped, last note) are columns of `action` kept by
`ActionService`, not aggregated from the history on every read. Free text is searched
with SQLite FTS5 (see `alignmeet.storage.fulltext`), with ILIKE on other databases.
"""

from __future__ import annotations

import copy
import dataclasses
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import compress
from operator import add, itemgetter
from typing import Any

from sqlalchemy.orm import Session

from alignmeet.domain import records as r
from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.domain.followups import DUE_BUCKETS, ActionFilter, due_bucket_bounds
from alignmeet.services.base import ServiceBase, to_member
from alignmeet.storage import models as m
from alignmeet.storage.fulltext import fts_query, search_words
from alignmeet.storage.queries import followups as q
from alignmeet.storage.queries import tables

SortField = str  # one of SORT_FIELDS: a column's name, never user text (the text gate skips it)
SEARCH_KINDS = ("action", "idea", "decision", "note")
_OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)
SNIPPET_WIDTH = 160


def due_order(line: r.ActionLine) -> date:
    """Sort key: by due date, actions without one last (stable sorts keep id order)."""
    return line.due or date.max


class FollowUpService(ServiceBase):
    _fts: bool | None = None

    # ---- the follow-up list ----------------------------------------------------------
    def directory(self) -> r.FollowUpDirectory:
        """Members, meetings and series by id: the names an action list refers to."""
        with self.db.sessions() as s:
            members = {mid: r.MemberInfo(name, team) for mid, name, team in q.members_with_team(s)}
            series = {sid: name for sid, name in q.series_names(s)}
            meetings = {
                mid: r.MeetingInfo(title, day, series_id, series.get(series_id, ""))
                for mid, title, day, series_id in q.meetings_by_day(s)
            }
        return r.FollowUpDirectory(members=members, meetings=meetings, series=series)

    def lines(
        self,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        after_id: int = 0,
        limit: int | None = None,
    ) -> list[r.ActionLine]:
        """The follow-up list as plain tuples, by id; `after_id`/`limit` read it in pages."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        with self.db.sessions() as s:
            fts = self._fts_of(s, flt.text)
            rows = q.lines(s, flt, today, fts=fts, after_id=after_id, limit=limit)
            make = r.ActionLine._make
            return [make(row) for row in rows]

    def actions(
        self, flt: ActionFilter | None = None, *, today: date | None = None
    ) -> list[r.ActionRow]:
        """The follow-up list as records (exports, CLI), by due date (no date last), then id."""
        lines = sorted(self.lines(flt, today=today), key=due_order)
        directory = self.directory()
        return [directory.row(line) for line in lines]

    # ---- the list as the page shows it: counted, windowed, in any order ---------------
    def history_size(self) -> int:
        """About how many actions the database holds (the highest id: one index lookup,
        instant whatever the size), to judge how long reading the list can take."""
        with self.db.sessions() as s:
            return int(tables.largest(s, m.Action.id) or 0)

    def count(self, flt: ActionFilter | None = None, *, today: date | None = None) -> int:
        """How many actions `flt` selects."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        with self.db.sessions() as s:
            return q.count(s, flt, today, fts=self._fts_of(s, flt.text))

    def window(
        self,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        sort: SortField = "due",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
        total: int | None = None,
    ) -> list[r.ActionLine]:
        """`limit` actions from `offset` of what `flt` selects, in the order of one of
        SORT_FIELDS; ties in due order (by due date, none last, then id) both ways.

        Sorts by a key with few values (owner, meeting, team, status, times slipped) go
        a group at a time: the database counts each group and reads the window from the
        groups it falls in, each in due order (an index serves both), instead of
        sorting every action. `total` (the `count`, when known): a window in the second
        half of a sort by due date, title or note is read from the end, in the reverse
        order, so the database never sorts past the middle."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        if limit <= 0 or offset < 0:
            return []
        if sort not in SORT_FIELDS:
            raise ValueError(f"unknown sort field {sort!r}; use one of {SORT_FIELDS}")
        with self.db.sessions() as s:
            fts = self._fts_of(s, flt.text)
            if sort in q.GROUPED:
                rows: list[Any] = []
                if offset == 0 and sort in _FEW_GROUPS:  # no need to count them first
                    order = _FEW_GROUPS[sort]
                    slices = ((v, 0, limit) for v in (order[::-1] if descending else order))
                else:
                    slices = self._group_slices(s, flt, today, sort, descending, offset, limit)
                for value, skip, take in slices:
                    take = min(take, limit - len(rows))
                    rows.extend(q.group_window(s, flt, today, sort, value, skip, take, fts=fts))
                    if len(rows) >= limit:
                        break
            else:
                rows = q.sorted_rows(s, flt, today, sort, descending, offset, limit, total, fts=fts)
            series = q.series_of(s, rows)
        make = r.ActionLine._make
        return [make((*row[:7], series.get(row[6], 0), *row[7:])) for row in rows]

    def first_window(
        self,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        sort: SortField = "due",
        descending: bool = False,
        limit: int = 100,
    ) -> tuple[int, list[r.ActionLine]]:
        """`count` and the first `window` together: what a filter or sort change shows.
        With words to search, one query gives both (the full-text match, the costly part,
        runs once: "le" at 300,000 actions, 61 ms instead of 112)."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        if not search_words(flt.text) or sort in q.GROUPED or limit <= 0:
            total = self.count(flt, today=today)
            return total, self.window(
                flt, today=today, sort=sort, descending=descending, limit=limit, total=total
            )
        with self.db.sessions() as s:
            fts = self._fts_of(s, flt.text)
            rows = q.first_window(s, flt, today, sort, descending, limit, fts=fts)
            series = q.series_of(s, rows)
        make = r.ActionLine._make
        lines = [make((*row[:7], series.get(row[6], 0), *row[7:-1])) for row in rows]
        return (rows[0][-1] if rows else 0), lines

    def position(
        self,
        action_id: int,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        sort: SortField = "due",
        descending: bool = False,
    ) -> int | None:
        """Where `action_id` stands in `window`'s order (0 first), or None when `flt`
        does not select it."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        grouped = q.GROUPED.get(sort)
        with self.db.sessions() as s:
            if grouped is not None:
                keys = q.DUE_KEYS
            else:
                keys = q.order_keys(s, sort, descending, compared=True)
            fts = self._fts_of(s, flt.text)
            values = q.sort_values(s, action_id, flt, today, keys, grouped, fts=fts)
            if values is None:
                return None
            before = tuple(values)[: len(keys)]
            ahead = 0
            group = None
            if grouped is not None:
                group = values[-1]
                for value, count in self._group_counts(s, flt, today, sort, descending):
                    if value == group:
                        break
                    ahead += count
            return ahead + q.count_before(
                s, keys, before, flt, today, grouped=grouped, group=group, fts=fts
            )

    def _group_counts(
        self, s: Session, flt: ActionFilter, today: date, sort: str, descending: bool
    ) -> list[tuple[Any, int]]:
        """(group value, how many actions `flt` selects in it), in the sort's order."""
        counts = q.group_counts(s, flt, today, sort, fts=self._fts_of(s, flt.text))
        if sort == "owner":
            names = q.member_names(s)
            rank: Any = lambda v: (v not in names, names.get(v, "").casefold(), v)  # noqa: E731
        elif sort == "meeting":
            days = q.meeting_days(s)
            rank = lambda v: (v not in days, days.get(v, date.max), v)  # noqa: E731
        elif sort == "team":
            rank = lambda v: _TAG_ORDER.get(v, len(_TAG_ORDER))  # noqa: E731
        elif sort == "status":
            rank = lambda v: _STATUS_ORDER.get(v, len(_STATUS_ORDER))  # noqa: E731
        else:
            rank = lambda v: v  # noqa: E731
        return sorted(counts.items(), key=lambda item: rank(item[0]), reverse=descending)

    def _group_slices(
        self,
        s: Session,
        flt: ActionFilter,
        today: date,
        sort: str,
        descending: bool,
        offset: int,
        limit: int,
    ) -> Iterator[tuple[Any, int, int]]:
        """(group value, rows to skip in it, rows to take) for the window."""
        start = 0
        for value, count in self._group_counts(s, flt, today, sort, descending):
            if limit <= 0:
                return
            if offset < start + count:
                skip = max(0, offset - start)
                take = min(limit, count - skip)
                yield value, skip, take
                offset, limit = offset + take, limit - take
            start += count

    # ---- the list as the exports write it: streamed --------------------------------------
    def export_lines(
        self,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        checkpoint: Callable[[], None] | None = None,
        every: int = 1000,
    ) -> Iterator[r.ExportLine]:
        """What `flt` selects, by due date (none last) then id, as `ExportLine`s streamed
        from the database a batch at a time: nothing is kept, so an export of 300,000
        actions needs the memory of a batch. `checkpoint` is called every `every` rows
        (an export stops there when cancelled, before its file replaces anything)."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        tags, statuses = _TAGS, _STATUSES
        with self.db.sessions() as s:
            rows = q.export_rows(s, flt, today, every=every, fts=self._fts_of(s, flt.text))
            for count, row in enumerate(rows, 1):
                yield r.ExportLine(
                    row[0], row[1], row[2], row[3], row[4], tags[row[5]], statuses[row[6]],
                    *row[7:],
                )  # fmt: skip
                if checkpoint is not None and count % every == 0:
                    checkpoint()

    def owner_totals(
        self, flt: ActionFilter | None = None, *, today: date | None = None
    ) -> list[r.OwnerTotals]:
        """Per owner of what `flt` selects: how many actions, how many overdue (open and
        past due), how many done, and which team tags they carry — one aggregate query."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        totals: dict[int, list[Any]] = {}
        with self.db.sessions() as s:
            rows = q.owner_tag_totals(s, flt, today, fts=self._fts_of(s, flt.text))
            for owner_id, tag, count, overdue, done, top in rows:
                entry = totals.setdefault(owner_id, [0, 0, 0, set(), 0])
                entry[0] += int(count or 0)
                entry[1] += int(overdue or 0)
                entry[2] += int(done or 0)
                entry[3].add(_TAGS[tag])
                entry[4] = max(entry[4], int(top or 0))
            names = {mid: (name, team) for mid, name, team in q.members_named(s, totals)}
        return [
            r.OwnerTotals(
                owner_id=owner_id,
                name=names.get(owner_id, ("", ""))[0],
                team=names.get(owner_id, ("", ""))[1],
                count=count,
                overdue=overdue,
                done=done,
                team_tags=frozenset(tags),
                max_id=top,
            )
            for owner_id, (count, overdue, done, tags, top) in totals.items()
        ]

    def due_dates(
        self, flt: ActionFilter | None = None, *, today: date | None = None
    ) -> r.DueDates:
        """The due dates of what `flt` selects, each once with whether it is overdue there,
        and the most times one moved (what a checklist's Due column holds) — one query."""
        flt = flt or ActionFilter()
        today = today or self._now().date()
        dates: set[tuple[date | None, bool]] = set()
        most = 0
        with self.db.sessions() as s:
            for due, late, slipped in q.due_dates(s, flt, today, fts=self._fts_of(s, flt.text)):
                dates.add((due, bool(late)))
                most = max(most, int(slipped or 0))
        return r.DueDates(dates=tuple(sorted(dates, key=str)), most_slipped=most)

    def matching_action_ids(self, text: str) -> frozenset[int] | None:
        """Ids of the actions whose title or history notes contain every word of `text`
        (what `ActionFilter.text` selects); None when `text` has no words."""
        words = search_words(text)
        if not words:
            return None
        with self.db.sessions() as s:
            fts = fts_query(text) if self._fts_ready(s) else None
            return q.matching_action_ids(s, words, fts)

    def team_balance(
        self, flt: ActionFilter | None = None, today: date | None = None
    ) -> list[r.TeamBalance]:
        """Open / done / overdue actions per team tag (Sales, Marketing, Joint).

        Follows every part of the filter except the statuses: the balance counts
        each status itself. Over every action (what the page shows first) it is three
        queries the indexes serve better than one: the open ones (and how many are
        late) and the dropped ones by tag through the status index, and how many each
        tag has in all (one pass, no grouping); done is the rest (every action has one
        of the five statuses). At 300,000 actions: about 95 ms instead of 145.
        """
        flt = flt or ActionFilter()
        today = today or self._now().date()
        tags = (TeamTag.SALES, TeamTag.MARKETING, TeamTag.JOINT)
        everything = dataclasses.replace(flt, statuses=None) == ActionFilter()
        with self.db.sessions() as s:
            if not everything:
                counts = {
                    tag: (int(o or 0), int(d or 0), int(late or 0), int(x or 0))
                    for tag, o, d, late, x in q.balance_by_tag(
                        s, flt, today, fts=self._fts_of(s, flt.text)
                    )
                }
            else:
                counts = self._balance_by_index(s, flt, today, tags)
        return [r.TeamBalance(tag, *counts.get(tag.value, (0, 0, 0, 0))) for tag in tags]

    def _balance_by_index(
        self, s: Session, flt: ActionFilter, today: date, tags: Sequence[TeamTag]
    ) -> dict[str, tuple[int, int, int, int]]:
        open_by_tag, dropped_by_tag, totals = q.balance_by_index(
            s, flt, today, tags, fts=self._fts_of(s, flt.text)
        )
        counts = {}
        for tag, total in zip(tags, totals, strict=True):
            n_open, n_late = open_by_tag.get(tag.value, (0, 0))
            n_dropped = int(dropped_by_tag.get(tag.value, 0))
            n_done = int(total or 0) - n_open - n_dropped
            counts[tag.value] = (n_open, n_done, n_late, n_dropped)
        return counts

    # ---- search ----------------------------------------------------------------------
    def search(self, text: str, *, limit: int = 200) -> list[r.SearchHit]:
        """Actions (titles and history notes), ideas, decisions and agenda notes of all
        meetings that contain every word of `text` (each word as a prefix), newest first.

        At most `limit` hits; ideas, decisions and notes keep up to half of them, so the
        many actions cannot crowd out the few decisions.
        """
        words = search_words(text)
        if not words or limit <= 0:
            return []
        order = {k: i for i, k in enumerate(SEARCH_KINDS)}

        def newest_first(hit: r.SearchHit) -> tuple[date, int, int]:
            return (hit.meeting_date, -order[hit.kind], hit.ref_id)

        others: list[r.SearchHit] = []
        with self.db.sessions() as s:
            fts = self._fts_ready(s)
            query = fts_query(text) if fts else None
            for kind, model, column_ in (
                ("idea", m.Idea, m.Idea.text),
                ("decision", m.Decision, m.Decision.text),
            ):
                others.extend(self._item_child_hits(s, kind, model, column_, words, query, limit))
            others.extend(self._note_hits(s, words, query, limit))
            others = sorted(others, key=newest_first, reverse=True)[: max(1, limit // 2)]
            actions = self._action_hits(s, words, query, limit - len(others))
        hits = sorted(actions, key=newest_first, reverse=True)[: limit - len(others)] + others
        hits.sort(key=newest_first, reverse=True)
        return hits

    def _action_hits(
        self, s: Session, words: list[str], query: str | None, limit: int
    ) -> list[r.SearchHit]:
        by_title, by_note = q.action_hits(s, words, query, limit)
        hits: dict[int, r.SearchHit] = {}
        for action_id, title, mid, mtitle, mdate, series in by_title:
            hits[action_id] = r.SearchHit(
                "action", action_id, mid, mtitle, mdate, series, title,
                snippet(title, words), action_id=action_id,
            )  # fmt: skip
        for action_id, title, mid, mtitle, mdate, series, note in by_note:
            if action_id not in hits:
                hits[action_id] = r.SearchHit(
                    "action", action_id, mid, mtitle, mdate, series, title,
                    snippet(note, words), action_id=action_id,
                )  # fmt: skip
        return list(hits.values())

    def _item_child_hits(
        self,
        s: Session,
        kind: str,
        model: type[m.Idea] | type[m.Decision],
        text_column: Any,
        words: list[str],
        query: str | None,
        limit: int,
    ) -> list[r.SearchHit]:
        rows = q.item_child_hits(s, kind, model, text_column, words, query, limit)
        return [
            r.SearchHit(kind, ref, mid, mtitle, mdate, series, item_title, snippet(body, words))
            for ref, body, item_title, mid, mtitle, mdate, series in rows
        ]

    def _note_hits(
        self, s: Session, words: list[str], query: str | None, limit: int
    ) -> list[r.SearchHit]:
        rows = q.note_hits(s, words, query, limit)
        return [
            r.SearchHit("note", ref, mid, mtitle, mdate, series, item_title, snippet(body, words))
            for ref, body, item_title, mid, mtitle, mdate, series in rows
        ]

    # ---- decisions log ---------------------------------------------------------------
    def decisions(self, text: str = "", series_id: int | None = None) -> list[r.DecisionLogRow]:
        """Every decision of every meeting, newest meeting first; `text` searches the
        decision and the title of the agenda item it was taken under."""
        words = search_words(text)
        with self.db.sessions() as s:
            fts = self._fts_of(s, text)
            return [r.DecisionLogRow(*row) for row in q.decisions(s, words, fts, series_id)]

    # ---- one member ------------------------------------------------------------------
    def member_commitments(self, member_id: int, today: date | None = None) -> r.MemberCommitments:
        """ "My commitments": the member's open actions across all series (by due date) and
        every "I commit" they made, newest first."""
        today = today or self._now().date()
        with self.db.sessions() as s:
            member = to_member(self._get(s, m.Member, member_id, "Member"))
            rows = q.commitments(s, member_id)
        commitments = tuple(r.CommitmentRow(*row) for row in rows)
        actions = self.actions(
            ActionFilter(owner_id=member_id, statuses=frozenset(OPEN_STATUSES)), today=today
        )
        return r.MemberCommitments(
            member=member, actions=tuple(actions), commitments=commitments, today=today
        )

    # ---- building blocks -------------------------------------------------------------
    def _fts_of(self, s: Session, text: str) -> str | None:
        """The FTS5 MATCH expression of the words of `text` when the indexes are there;
        None without words or indexes (ILIKE then)."""
        if not search_words(text):
            return None
        return fts_query(text) if self._fts_ready(s) else None

    def _fts_ready(self, s: Session) -> bool:
        """Whether the FTS5 indexes exist (SQLite with FTS5, schema 0002 or later)."""
        if self._fts is None:
            self._fts = self.db.is_sqlite and q.fts_ready(s)
        return self._fts


# Team tags by their label (Joint, Marketing, Sales); statuses in their enum's order.
_TAG_ORDER = {t.value: i for i, t in enumerate(sorted(TeamTag, key=lambda t: t.label))}
_TAGS = {t.value: t for t in TeamTag}
_STATUSES = {s.value: s for s in ActionStatus}
_STATUS_ORDER = {s.value: i for i, s in enumerate(ActionStatus)}
# Keys with a handful of known values: the first window is read a group at a time
# without counting the groups (at 300,000 actions, counting team tags is a full scan).
_FEW_GROUPS: dict[str, tuple[str, ...]] = {
    "team": tuple(sorted(_TAG_ORDER, key=_TAG_ORDER.__getitem__)),
    "status": tuple(sorted(_STATUS_ORDER, key=_STATUS_ORDER.__getitem__)),
}


# ---- snippets ----------------------------------------------------------------------------
def _fold(text_: str) -> tuple[str, list[int]]:
    """Case- and accent-folded text, and for each folded character its index in `text_`."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text_):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        ).casefold()
        out.append(base)
        where.extend([i] * len(base))
    return "".join(out), where


def snippet(text_: str, words: Iterable[str], width: int = SNIPPET_WIDTH) -> str:
    """One line of `text_` around the first word found, at most about `width` characters."""
    line = " ".join(text_.split())
    if len(line) <= width:
        return line
    folded, where = _fold(line)
    first = len(line)
    for word in words:
        key, _ = _fold(word)
        at = folded.find(key)
        if at >= 0 and where:
            first = min(first, where[at])
    if first >= len(line):
        first = 0
    start = max(0, first - width // 3)
    end = min(len(line), start + width)
    start = max(0, end - width)
    piece = line[start:].strip()
    if end < len(line):  # cut with "…", no override left open to turn the "…" around
        piece = bidi_safe(piece, len(line[start:end].strip()) + 1, isolate=False)
    return ("…" if start > 0 else "") + piece


# ---- the whole list in memory ------------------------------------------------------------
_STATUS_CODES = {s.value: i for i, s in enumerate(ActionStatus)}
_TAG_CODES = {t.value: i for i, t in enumerate(sorted(TeamTag, key=lambda t: t.label))}
_OPEN_CODES = frozenset(_STATUS_CODES[s] for s in _OPEN_VALUES)
SORT_FIELDS = ("due", "title", "owner", "team", "status", "meeting", "slipped", "note")


def _keep(positions: list[int], column: Sequence[Any], wanted: Any) -> list[int]:
    """The positions whose value in `column` is in `wanted` — C-level passes, no Python
    code per row."""
    values = map(column.__getitem__, positions)
    return list(compress(positions, map(wanted.__contains__, values)))


def _inverse(permutation: list[int]) -> list[int]:
    """inverse[p] = i where permutation[i] = p."""
    inverse = [0] * len(permutation)
    for i, position in enumerate(permutation):
        inverse[position] = i
    return inverse


def _ranks_of(order: Sequence[int], keys: Sequence[Any]) -> list[int]:
    """For each position, its rank in `order` (positions sorted by `keys`); equal keys
    get equal ranks, so a stable sort by rank keeps their previous order."""
    ranks = [0] * len(keys)
    rank, previous = -1, object()
    for position in order:
        key = keys[position]
        if key != previous:
            rank, previous = rank + 1, key
        ranks[position] = rank
    return ranks


class FollowUpIndexBuilder:
    """Builds a `FollowUpIndex` a page at a time, so no single step takes long:
    each `add` prepares that page's columns, `finish` only sorts."""

    def __init__(self) -> None:
        self.lines: list[r.ActionLine] = []
        self._columns: dict[str, list[Any]] = {
            name: []
            for name in (
                "ids",
                "dues",
                "owners",
                "tags",
                "statuses",
                "meetings",
                "series",
                "slipped",
            )
        }

    def __len__(self) -> int:
        return len(self.lines)

    def add(self, lines: Sequence[r.ActionLine]) -> None:
        self.lines.extend(lines)
        c = self._columns
        c["ids"].extend(map(itemgetter(0), lines))
        c["dues"].extend([due or date.max for due in map(itemgetter(1), lines)])
        c["owners"].extend(map(itemgetter(3), lines))
        c["tags"].extend(map(_TAG_CODES.__getitem__, map(itemgetter(4), lines)))
        c["statuses"].extend(map(_STATUS_CODES.__getitem__, map(itemgetter(5), lines)))
        c["meetings"].extend(map(itemgetter(6), lines))
        c["series"].extend(map(itemgetter(7), lines))
        c["slipped"].extend(map(itemgetter(8), lines))

    def finish(self, directory: r.FollowUpDirectory | None = None) -> FollowUpIndex:
        index = FollowUpIndex.__new__(FollowUpIndex)
        self.finish_into(index, directory)
        return index

    def finish_into(self, index: FollowUpIndex, directory: r.FollowUpDirectory | None) -> None:
        c = self._columns
        index._lines = self.lines
        index._ids = c["ids"]
        index._owners = c["owners"]
        index._tags = c["tags"]
        index._statuses = c["statuses"]
        index._meetings = c["meetings"]
        index._series = c["series"]
        index._slipped = c["slipped"]
        width = len(_STATUS_CODES)
        index._codes = list(map(add, map(width.__mul__, c["tags"]), c["statuses"]))
        # Due order: by date, then id (two stable sorts are cheaper than tuple keys).
        ids, dues = c["ids"], c["dues"]
        by_id = sorted(range(len(ids)), key=ids.__getitem__)  # usually in order already
        index._by_due = sorted(by_id, key=dues.__getitem__)
        index._sorted_dues = list(map(dues.__getitem__, index._by_due))
        index._due_rank = _inverse(index._by_due)
        index._sort_keys = {}
        index.directory = directory or r.FollowUpDirectory({}, {}, {})
        self.lines = []
        self._columns = {name: [] for name in self._columns}


class FollowUpIndex:
    """Every action in memory, for filtering, counting and sorting in milliseconds.

    The lines stay in the order they were read (memory order: passes over them
    are cache-friendly) and are also held as columns (ids, owners, series,
    meetings, status and team codes). Due order (no date last, then id) is a
    permutation of positions. `select` works on positions: due buckets are
    slices found by bisection, the other conditions C-level `compress` passes
    over one column, the team balance a `Counter` of small ints. At 100,000
    actions that takes milliseconds where reading them again from SQLite takes
    half a second. It selects exactly what `FollowUpService.lines` selects (the
    tests hold them to that); free text comes in as the ids from
    `FollowUpService.matching_action_ids`.
    """

    def __init__(
        self,
        lines: Iterable[r.ActionLine] = (),
        directory: r.FollowUpDirectory | None = None,
    ) -> None:
        builder = FollowUpIndexBuilder()
        builder.add(list(lines))
        builder.finish_into(self, directory)

    def __len__(self) -> int:
        return len(self._lines)

    @property
    def lines(self) -> list[r.ActionLine]:
        """Every line, by position (the order they were given in)."""
        return self._lines

    def due_ordered(self) -> list[int]:
        """Every position, in due order."""
        return list(self._by_due)

    def line(self, position: int) -> r.ActionLine:
        return self._lines[position]

    def rows(self, positions: Iterable[int]) -> list[r.ActionLine]:
        return list(map(self._lines.__getitem__, positions))

    # -- changes (each builds a new index; the old one stays valid for its users) -------
    def with_meeting(self, meeting_id: int, lines: Iterable[r.ActionLine]) -> FollowUpIndex:
        """This index with one meeting's actions replaced by their current state."""
        kept = [line for line in self._lines if line.meeting_id != meeting_id]
        return FollowUpIndex([*kept, *lines], self.directory)

    def update_meeting(self, meeting_id: int, lines: Sequence[r.ActionLine]) -> bool:
        """Change one meeting's actions in place when only their contents changed
        (status, title, note, owner, tag: same ids, same due dates) — milliseconds,
        where `with_meeting` rebuilds. False (nothing changed) when it cannot."""
        positions = _keep(list(range(len(self._lines))), self._meetings, {meeting_id})
        old = {self._lines[p].id: p for p in positions}
        if len(old) != len(lines) or any(
            line.id not in old or self._lines[old[line.id]].due != line.due for line in lines
        ):
            return False
        width = len(_STATUS_CODES)
        for line in lines:
            p = old[line.id]
            before = self._lines[p]
            self._lines[p] = line
            self._owners[p] = line.owner_id
            self._tags[p] = _TAG_CODES[line.team_tag]
            self._statuses[p] = _STATUS_CODES[line.status]
            self._codes[p] = self._tags[p] * width + self._statuses[p]
            self._slipped[p] = line.times_slipped
            for field, changed in (
                ("title", before.title != line.title),
                ("note", before.last_note != line.last_note),
                ("owner", before.owner_id != line.owner_id),
            ):
                if changed:
                    self._sort_keys.pop(field, None)
        return True

    def with_directory(self, directory: r.FollowUpDirectory) -> FollowUpIndex:
        """This index under new names; actions of meetings no longer there are dropped."""
        alive = directory.meetings
        if all(line.meeting_id in alive for line in self._lines):
            index = copy.copy(self)
            index.directory = directory
            index._sort_keys = {
                k: v for k, v in self._sort_keys.items() if k not in ("owner", "meeting")
            }
            return index
        return FollowUpIndex([line for line in self._lines if line.meeting_id in alive], directory)

    # -- reading ----------------------------------------------------------------------
    def select(
        self,
        flt: ActionFilter,
        today: date,
        text_ids: frozenset[int] | None = None,
    ) -> tuple[list[int], list[r.TeamBalance]]:
        """The positions `flt` selects (ascending: due order) and the team balance.

        `text_ids`: the ids matching `flt.text` (None when there is no text).
        The balance follows every condition except the statuses, like
        `FollowUpService.team_balance`.
        """
        positions: list[int] = self._bucket(flt.due, today)
        if flt.owner_id is not None:
            positions = _keep(positions, self._owners, {flt.owner_id})
        if flt.team_tag is not None:
            positions = _keep(positions, self._tags, {_TAG_CODES[TeamTag(flt.team_tag).value]})
        if flt.series_id is not None:
            positions = _keep(positions, self._series, {flt.series_id})
        if flt.meeting_id is not None:
            positions = _keep(positions, self._meetings, {flt.meeting_id})
        if search_words(flt.text):
            positions = _keep(positions, self._ids, text_ids or frozenset())
        balance = self._balance(positions, today)
        if flt.statuses is not None:
            wanted = {_STATUS_CODES[ActionStatus(s).value] for s in flt.statuses}
            positions = _keep(positions, self._statuses, wanted)
        return positions if positions is not self._by_due else list(positions), balance

    def _bucket(self, due: str | None, today: date) -> list[int]:
        dues, by_due = self._sorted_dues, self._by_due
        if due is None:
            return by_due
        start, week_end = due_bucket_bounds(today)
        if due == "overdue":  # only what is still open can be overdue
            return _keep(by_due[: bisect_left(dues, start)], self._statuses, _OPEN_CODES)
        if due == "this_week":
            return by_due[bisect_left(dues, start) : bisect_right(dues, week_end)]
        if due == "later":
            return by_due[bisect_right(dues, week_end) : bisect_left(dues, date.max)]
        if due == "none":
            return by_due[bisect_left(dues, date.max) :]
        raise ValueError(f"unknown due bucket {due!r}; use one of {DUE_BUCKETS}")

    def _balance(self, positions: list[int], today: date) -> list[r.TeamBalance]:
        codes = self._codes
        every = positions is self._by_due
        counts = Counter(codes if every else map(codes.__getitem__, positions))
        # Positions come in due order: the overdue ones are a prefix.
        cut = bisect_left(self._sorted_dues, today)
        past = positions[: bisect_left(positions, cut, key=self._due_rank.__getitem__)]
        late = Counter(map(codes.__getitem__, past))
        width = len(_STATUS_CODES)
        done = _STATUS_CODES[ActionStatus.DONE.value]
        dropped = _STATUS_CODES[ActionStatus.DROPPED.value]
        result = []
        for tag in (TeamTag.SALES, TeamTag.MARKETING, TeamTag.JOINT):
            base = _TAG_CODES[tag.value] * width
            result.append(
                r.TeamBalance(
                    tag,
                    open=sum(counts[base + s] for s in _OPEN_CODES),
                    done=counts[base + done],
                    overdue=sum(late[base + s] for s in _OPEN_CODES),
                    dropped=counts[base + dropped],
                )
            )
        return result

    # -- sorting ----------------------------------------------------------------------
    def order(
        self,
        positions: Sequence[int],
        field: str,
        *,
        descending: bool = False,
        in_due_order: bool = False,
    ) -> list[int]:
        """`positions` sorted by one of SORT_FIELDS; ties keep due order (stable sort).

        `in_due_order`: the positions already are (as `select` returns them), which
        saves a pass. Text columns sort by ranks computed once per index
        (case-insensitive), so a sort is one pass of integer comparisons.
        """
        by_due = (
            list(positions) if in_due_order else sorted(positions, key=self._due_rank.__getitem__)
        )
        if field == "due":
            return by_due[::-1] if descending else by_due
        keys = self.sort_keys(field)
        return sorted(by_due, key=keys.__getitem__, reverse=descending)

    def sort_keys(self, field: str) -> Sequence[int]:
        """An integer sort key per position for `field` (computed on first use)."""
        if field not in self._sort_keys:
            for _ in self.prepare_sort_keys(field):
                pass
        return self._sort_keys[field]

    def has_sort_keys(self, field: str) -> bool:
        return field in self._sort_keys

    def prepare_sort_keys(self, field: str) -> Iterator[None]:
        """Compute `sort_keys(field)` in steps: the caller may let other work run at each
        `yield` (the text columns take three steps of tens of milliseconds each at
        100,000 actions instead of one of over a hundred)."""
        if field in ("title", "note"):
            text = itemgetter(2 if field == "title" else 9)
            folded = [value.casefold() for value in map(text, self._lines)]
            yield
            order = sorted(range(len(folded)), key=folded.__getitem__)
            yield
            self._sort_keys[field] = _ranks_of(order, folded)
            return
        self._sort_keys[field] = self._make_sort_keys(field)

    def _make_sort_keys(self, field: str) -> Sequence[int]:
        if field == "team":
            return self._tags
        if field == "status":
            return self._statuses
        if field == "slipped":
            return self._slipped
        if field == "owner":
            members = self.directory.members
            names = sorted(members, key=lambda k: (members[k].name.casefold(), k))
            rank = {member_id: i for i, member_id in enumerate(names)}
            unknown = len(rank)
            return [rank.get(owner, unknown) for owner in self._owners]
        if field == "meeting":
            meetings = self.directory.meetings
            ids = sorted(meetings, key=lambda k: (meetings[k].date, k))
            rank = {meeting_id: i for i, meeting_id in enumerate(ids)}
            unknown = len(rank)
            return [rank.get(meeting, unknown) for meeting in self._meetings]
        raise ValueError(f"unknown sort field {field!r}; use one of {SORT_FIELDS}")
