"""The follow-up list across meetings: the filter as WHERE clauses, counts, windows in any
order, the position of one action, the team balance, the export stream, full-text search,
the decisions log and one member's commitments.

Each read is one Core SELECT of the columns it needs (no ORM objects). Free text is
matched with SQLite's FTS5 indexes when they exist (`fts`: the MATCH expression the caller
made of the text with `fulltext.fts_query`, None without them), else with ILIKE per word
(accents folded on PostgreSQL). Text sorts ignore case: ASCII case on SQLite, whose NOCASE
folds no other letters; every case PostgreSQL's lower() knows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Result,
    Row,
    Select,
    and_,
    case,
    cast,
    column,
    false,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import TextClause, UnaryExpression

from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.domain.followups import DUE_BUCKETS, ActionFilter, due_bucket_bounds
from alignmeet.storage import models as m
from alignmeet.storage.fulltext import (
    FTS_SOURCES,
    accent_folded,
    fold_accents,
    like_pattern,
    search_words,
)

_OPEN_VALUES = tuple(s.value for s in OPEN_STATUSES)

Key = tuple[Any, bool, bool]  # expression, descending, nulls last
# The columns of an ActionLine but series_id (read from the meetings of the window).
LINE_COLUMNS = (
    m.Action.id,
    m.Action.due,
    m.Action.title,
    m.Action.owner_id,
    m.Action.team_tag,
    m.Action.status,
    m.Action.meeting_id,
    m.Action.times_slipped,
    m.Action.last_note,
    m.Action.milestone,
    m.Action.position,
    m.Action.version,
)
# Sorts by a key with few values, read a group at a time (owners by name, meetings by
# date, team tags by label, statuses in order, times slipped by number).
GROUPED: dict[str, Any] = {
    "owner": m.Action.owner_id,
    "meeting": m.Action.meeting_id,
    "team": m.Action.team_tag,
    "status": m.Action.status,
    "slipped": m.Action.times_slipped,
}
# Due order, the tie-break of every sort: by due date, none last, then id.
DUE_KEYS: list[Key] = [(m.Action.due, False, True), (m.Action.id, False, False)]
DUE_ORDER = (m.Action.due.asc().nulls_last(), m.Action.id.asc())


# ---- the names an action list refers to ---------------------------------------------------
def members_with_team(s: Session) -> Result[Any]:
    """(member id, name, team name) of every member."""
    return s.execute(
        select(m.Member.id, m.Member.name, m.Team.name).join(m.Team, m.Member.team_id == m.Team.id)
    )


def series_names(s: Session) -> Result[Any]:
    """(series id, name) of every series."""
    return s.execute(select(m.Series.id, m.Series.name))


def meetings_by_day(s: Session) -> Result[Any]:
    """(meeting id, title, day, series id) of every meeting."""
    return s.execute(
        select(
            m.Meeting.id,
            m.Meeting.title,
            date_of(s, m.Meeting.starts_at),
            m.Meeting.series_id,
        )
    )


# ---- the follow-up list ------------------------------------------------------------------
def lines(
    s: Session,
    flt: ActionFilter,
    today: date,
    *,
    fts: str | None,
    after_id: int = 0,
    limit: int | None = None,
) -> Result[Any]:
    """The columns of an ActionLine of what `flt` selects, by id; `after_id`/`limit` read
    it in pages."""
    A = m.Action
    query = select(
        A.id,
        A.due,
        A.title,
        A.owner_id,
        A.team_tag,
        A.status,
        A.meeting_id,
        m.Meeting.series_id,
        A.times_slipped,
        A.last_note,
        A.milestone,
        A.position,
        A.version,
    ).join(m.Meeting, A.meeting_id == m.Meeting.id)
    if after_id:
        query = query.where(A.id > after_id)
    query = query.order_by(A.id)
    if limit is not None:
        query = query.limit(limit)
    return s.execute(apply(s, query, flt, today, fts=fts))


def count(s: Session, flt: ActionFilter, today: date, *, fts: str | None) -> int:
    """How many actions `flt` selects."""
    query = apply(s, select(func.count()).select_from(m.Action), flt, today, fts=fts)
    return int(s.scalar(query) or 0)


def group_window(
    s: Session,
    flt: ActionFilter,
    today: date,
    sort: str,
    value: Any,
    skip: int,
    take: int,
    *,
    fts: str | None,
) -> Result[Any]:
    """LINE_COLUMNS of `take` actions from `skip` in due order, of the ones `flt` selects
    whose GROUPED[sort] key is `value`."""
    query = select(*LINE_COLUMNS).where(GROUPED[sort] == value)
    query = query.order_by(*DUE_ORDER).offset(skip).limit(take)
    return s.execute(apply(s, query, flt, today, fts=fts))


def series_of(s: Session, rows: Sequence[Any]) -> dict[int, int]:
    """meeting id → series id, for the meetings of these rows."""
    meetings = {row.meeting_id for row in rows}
    query = select(m.Meeting.id, m.Meeting.series_id).where(m.Meeting.id.in_(meetings))
    return {mid: sid for mid, sid in s.execute(query)}


def first_window(
    s: Session,
    flt: ActionFilter,
    today: date,
    sort: str,
    descending: bool,
    limit: int,
    *,
    fts: str | None,
) -> list[Row[Any]]:
    """LINE_COLUMNS and how many `flt` selects in all (the last column) of the first
    `limit` actions in the order of a sort by due date, title or note."""
    keys = order_keys(s, sort, descending)
    query = select(*LINE_COLUMNS, func.count().over())
    query = query.order_by(*order_by(keys)).limit(limit)
    return s.execute(apply(s, query, flt, today, fts=fts, in_order=True)).all()


def sort_values(
    s: Session,
    action_id: int,
    flt: ActionFilter,
    today: date,
    keys: Sequence[Key],
    grouped: Any,
    *,
    fts: str | None,
) -> Row[Any] | None:
    """The values of `keys` for `action_id` and its `grouped` key (its id when None), or
    None when `flt` does not select it."""
    A = m.Action
    found = select(*(key for key, _d, _n in keys), grouped if grouped is not None else A.id)
    return s.execute(apply(s, found.where(A.id == action_id), flt, today, fts=fts)).first()


def count_before(
    s: Session,
    keys: Sequence[Key],
    values: tuple[Any, ...],
    flt: ActionFilter,
    today: date,
    *,
    grouped: Any = None,
    group: Any = None,
    fts: str | None,
) -> int:
    """How many actions `flt` selects come before the one whose `keys` have `values`
    (within its group of GROUPED key `grouped` when given)."""
    A = m.Action
    before = sorts_before(keys, values)
    query = select(func.count()).select_from(A).where(before)
    if grouped is not None:
        query = query.where(grouped == group)
    return int(s.scalar(apply(s, query, flt, today, fts=fts)) or 0)


def sorted_rows(
    s: Session,
    flt: ActionFilter,
    today: date,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
    total: int | None,
    *,
    fts: str | None,
) -> list[Any]:
    """LINE_COLUMNS of `limit` actions from `offset`, in the order of a sort by due date,
    title or note; with `total`, a window in the second half is read from the end."""
    keys = order_keys(s, sort, descending)
    backwards = total is not None and offset > total // 2
    if backwards:
        assert total is not None
        if offset >= total:  # past the end (the list shrank meanwhile): nothing to read
            return []
        end = min(total, offset + limit)
        offset, limit = max(0, total - end), end - offset
        keys = [(key, not desc, nulls) for key, desc, nulls in keys]
    query = select(*LINE_COLUMNS).order_by(*order_by(keys))
    rows = list(
        s.execute(apply(s, query.offset(offset).limit(limit), flt, today, fts=fts, in_order=True))
    )
    if backwards:
        rows.reverse()
    return rows


def group_counts(
    s: Session, flt: ActionFilter, today: date, sort: str, *, fts: str | None
) -> dict[Any, int]:
    """GROUPED[sort] value → how many actions `flt` selects with it."""
    key = GROUPED[sort]
    query = select(key, func.count()).select_from(m.Action).group_by(key)
    return dict(s.execute(apply(s, query, flt, today, fts=fts)).all())


def member_names(s: Session) -> dict[int, str]:
    """member id → name."""
    return dict(s.execute(select(m.Member.id, m.Member.name)).all())


def meeting_days(s: Session) -> dict[int, date]:
    """meeting id → the day it starts."""
    return dict(s.execute(select(m.Meeting.id, date_of(s, m.Meeting.starts_at))).all())


def order_keys(s: Session, sort: str, descending: bool, *, compared: bool = False) -> list[Key]:
    """The ORDER BY of a window sorted by due date, title or note: (expression,
    descending, nulls last) triples.

    `compared`: the keys `count_before` compares one action's values with. There the
    note is `unindexed`: SQLite would read every action before it through a note index
    (0008), and each one's row for the rest of the filter, which is slower than reading
    the filter's actions (at 300,000 actions, the Joint ones: about 37 ms to 76-90 ms;
    due later: 1 ms to 6-30 ms; with no filter no faster)."""
    A = m.Action
    if sort == "due":
        return [(A.due, descending, True), (A.id, descending, False)]
    if sort == "title":
        return [(text_key(s, A.title), descending, False), *DUE_KEYS]
    note = unindexed(s, A.last_note) if compared else A.last_note
    return [(text_key(s, note), descending, False), *DUE_KEYS]


def text_key(s: Session, column_: Any) -> ColumnElement[Any]:
    if is_sqlite(s):
        return column_.collate("NOCASE")  # type: ignore[no-any-return]
    return func.lower(column_).collate("C")


# ---- exports, owners, full text ----------------------------------------------------------
def export_rows(
    s: Session, flt: ActionFilter, today: date, *, every: int, fts: str | None
) -> Result[Any]:
    """What `flt` selects with its owner, team, meeting and series, by due date (none last)
    then id, streamed from the database `every` rows at a time."""
    A, Mt, Mb, T, Se = m.Action, m.Meeting, m.Member, m.Team, m.Series
    query = (
        select(
            A.id,
            A.title,
            A.owner_id,
            func.coalesce(Mb.name, ""),
            func.coalesce(T.name, ""),
            A.team_tag,
            A.status,
            A.due,
            A.meeting_id,
            Mt.title,
            date_of(s, Mt.starts_at),
            Mt.series_id,
            func.coalesce(Se.name, ""),
            A.milestone,
            A.times_slipped,
            A.last_note,
            A.created_at,
            A.version,
        )
        .join(Mt, A.meeting_id == Mt.id)
        .outerjoin(Mb, A.owner_id == Mb.id)
        .outerjoin(T, Mb.team_id == T.id)
        .outerjoin(Se, Mt.series_id == Se.id)
        .order_by(*DUE_ORDER)
        .execution_options(yield_per=every)
    )
    return s.execute(apply(s, query, flt, today, fts=fts))


def owner_tag_totals(s: Session, flt: ActionFilter, today: date, *, fts: str | None) -> Result[Any]:
    """(owner id, team tag, how many, how many overdue, how many done, highest id) of what
    `flt` selects, per owner and tag."""
    A = m.Action
    late = and_(A.due < today, A.status.in_(_OPEN_VALUES))
    query = select(
        A.owner_id,
        A.team_tag,
        func.count(),
        func.sum(case((late, 1), else_=0)),
        func.sum(case((A.status == ActionStatus.DONE.value, 1), else_=0)),
        func.max(A.id),
    ).group_by(A.owner_id, A.team_tag)
    return s.execute(apply(s, query, flt, today, fts=fts))


def due_dates(s: Session, flt: ActionFilter, today: date, *, fts: str | None) -> Result[Any]:
    """(due date, whether overdue, times slipped) of what `flt` selects, each once."""
    A = m.Action
    late = and_(A.due < today, A.status.in_(_OPEN_VALUES))
    query = select(A.due, case((late, True), else_=False), A.times_slipped).distinct()
    return s.execute(apply(s, query, flt, today, fts=fts))


def members_named(s: Session, member_ids: Collection[int]) -> Result[Any]:
    """(member id, name, team name) of these members."""
    return s.execute(
        select(m.Member.id, m.Member.name, m.Team.name)
        .join(m.Team, m.Member.team_id == m.Team.id)
        .where(m.Member.id.in_(list(member_ids)))
    )


def matching_action_ids(s: Session, words: Sequence[str], fts: str | None) -> frozenset[int]:
    """Ids of the actions whose title or history notes contain every word."""
    U, A = m.ActionUpdate, m.Action
    by_title = select(A.id).where(matches(s, A.id, A.title, "action_fts", words, fts))
    by_note = select(U.action_id).where(matches(s, U.id, U.note, "action_update_fts", words, fts))
    return frozenset(s.scalars(by_title.union(by_note)))


# ---- the team balance --------------------------------------------------------------------
def balance_by_tag(s: Session, flt: ActionFilter, today: date, *, fts: str | None) -> Result[Any]:
    """(team tag, open, done, overdue, dropped) of what `flt` selects, its statuses aside."""
    A = m.Action
    is_open = A.status.in_(_OPEN_VALUES)
    query = select(
        A.team_tag,
        func.sum(case((is_open, 1), else_=0)),
        func.sum(case((A.status == ActionStatus.DONE.value, 1), else_=0)),
        func.sum(case((and_(is_open, A.due < today), 1), else_=0)),
        func.sum(case((A.status == ActionStatus.DROPPED.value, 1), else_=0)),
    )
    query = apply(s, query, flt, today, statuses=False, fts=fts)
    return s.execute(query.group_by(A.team_tag))


def balance_by_index(
    s: Session,
    flt: ActionFilter,
    today: date,
    tags: Sequence[TeamTag],
    *,
    fts: str | None,
) -> tuple[dict[str, tuple[int, int]], dict[str, int], Row[Any]]:
    """The team balance in three reads the indexes serve (statuses aside): per tag (how
    many open, how many of them late), per tag how many dropped, and how many each of
    `tags` has in all."""
    A = m.Action
    late = func.sum(case((A.due < today, 1), else_=0))
    opened = select(A.team_tag, func.count(), late).where(A.status.in_(_OPEN_VALUES))
    dropped = select(A.team_tag, func.count()).where(A.status == ActionStatus.DROPPED.value)
    every = select(
        *(func.sum(case((A.team_tag == tag.value, 1), else_=0)) for tag in tags)
    ).select_from(A)
    open_by_tag = {
        tag: (int(n), int(x or 0))
        for tag, n, x in s.execute(
            apply(s, opened, flt, today, statuses=False, fts=fts).group_by(A.team_tag)
        )
    }
    dropped_by_tag = {
        tag: int(n)
        for tag, n in s.execute(
            apply(s, dropped, flt, today, statuses=False, fts=fts).group_by(A.team_tag)
        )
    }
    totals = s.execute(apply(s, every, flt, today, statuses=False, fts=fts)).one()
    return open_by_tag, dropped_by_tag, totals


# ---- search ------------------------------------------------------------------------------
def action_hits(
    s: Session, words: Sequence[str], query: str | None, limit: int
) -> tuple[list[Row[Any]], list[Row[Any]]]:
    """Actions whose title contains the words — (id, title, meeting id, meeting title,
    day, series name) — and those whose history notes do (the same and the note), newest
    meeting first, at most `limit` of each."""
    A, U, Mt = m.Action, m.ActionUpdate, m.Meeting
    base = (
        select(A.id, A.title, Mt.id, Mt.title, date_of(s, Mt.starts_at), m.Series.name)
        .join(Mt, A.meeting_id == Mt.id)
        .join(m.Series, Mt.series_id == m.Series.id)
        .order_by(Mt.starts_at.desc(), A.id.desc())
        .limit(limit)
    )
    by_title = base.where(matches(s, A.id, A.title, "action_fts", words, query))
    by_note = base.add_columns(U.note).join(U, U.action_id == A.id)
    by_note = by_note.where(matches(s, U.id, U.note, "action_update_fts", words, query))
    return list(s.execute(by_title)), list(s.execute(by_note))


def item_child_hits(
    s: Session,
    kind: str,
    model: type[m.Idea] | type[m.Decision],
    text_column: Any,
    words: Sequence[str],
    query: str | None,
    limit: int,
) -> Result[Any]:
    """Ideas or decisions (`kind`) containing the words — (id, text, item title, meeting
    id, meeting title, day, series name) — newest meeting first."""
    It, Mt = m.AgendaItem, m.Meeting
    return s.execute(
        select(model.id, text_column, It.title, Mt.id, Mt.title, date_of(s, Mt.starts_at))
        .add_columns(m.Series.name)
        .join(It, model.item_id == It.id)
        .join(Mt, It.meeting_id == Mt.id)
        .join(m.Series, Mt.series_id == m.Series.id)
        .where(matches(s, model.id, text_column, f"{kind}_fts", words, query))
        .order_by(Mt.starts_at.desc(), model.id.desc())
        .limit(limit)
    )


def note_hits(s: Session, words: Sequence[str], query: str | None, limit: int) -> Result[Any]:
    """Agenda items whose notes contain the words — (id, notes, title, meeting id, meeting
    title, day, series name) — newest meeting first."""
    It, Mt = m.AgendaItem, m.Meeting
    return s.execute(
        select(It.id, It.notes, It.title, Mt.id, Mt.title, date_of(s, Mt.starts_at))
        .add_columns(m.Series.name)
        .join(Mt, It.meeting_id == Mt.id)
        .join(m.Series, Mt.series_id == m.Series.id)
        .where(matches(s, It.id, It.notes, "agenda_item_fts", words, query))
        .order_by(Mt.starts_at.desc(), It.id.desc())
        .limit(limit)
    )


# ---- decisions log -----------------------------------------------------------------------
def decisions(
    s: Session, words: Sequence[str], fts: str | None, series_id: int | None
) -> Result[Any]:
    """Every decision (of one series) with its item and meeting, newest meeting first; with
    `words`, those whose text or item title contains them."""
    D, It, Mt = m.Decision, m.AgendaItem, m.Meeting
    query = (
        select(
            D.id,
            D.text,
            It.id,
            It.title,
            Mt.id,
            Mt.title,
            date_of(s, Mt.starts_at),
            Mt.series_id,
            m.Series.name,
        )
        .join(It, D.item_id == It.id)
        .join(Mt, It.meeting_id == Mt.id)
        .join(m.Series, Mt.series_id == m.Series.id)
        .order_by(Mt.starts_at.desc(), Mt.id.desc(), It.position, D.id)
    )
    if series_id is not None:
        query = query.where(Mt.series_id == series_id)
    if words:
        in_title = and_(*(like(s, It.title, w) for w in words))
        query = query.where(or_(matches(s, D.id, D.text, "decision_fts", words, fts), in_title))
    return s.execute(query)


# ---- one member --------------------------------------------------------------------------
def commitments(s: Session, member_id: int) -> list[Row[Any]]:
    """Every "I commit" the member made — (meeting id, title, day, series name, committed
    at, confidence, note, their open actions of that meeting) — newest first."""
    P, Mt, A = m.Participant, m.Meeting, m.Action
    open_here = (
        select(func.count())
        .where(
            A.meeting_id == Mt.id,
            A.owner_id == member_id,
            A.status.in_(_OPEN_VALUES),
        )
        .scalar_subquery()
    )
    return s.execute(
        select(
            Mt.id,
            Mt.title,
            date_of(s, Mt.starts_at),
            m.Series.name,
            P.committed_at,
            P.confidence,
            P.commitment_note,
            open_here,
        )
        .join(Mt, P.meeting_id == Mt.id)
        .join(m.Series, Mt.series_id == m.Series.id)
        .where(P.member_id == member_id, P.committed_at.is_not(None))
        .order_by(Mt.starts_at.desc(), Mt.id.desc())
    ).all()


# ---- building blocks ---------------------------------------------------------------------
def apply(
    s: Session,
    query: Select[Any],
    flt: ActionFilter,
    today: date,
    *,
    statuses: bool = True,
    fts: str | None,
    in_order: bool = False,
) -> Select[Any]:
    """The filter as WHERE clauses (shared by the list and the team balance).

    `in_order`: a window sorted by due date, title or note (`first_window`,
    `sorted_rows`). Then a series is not looked up by its meetings' ids (`unindexed`):
    SQLite would read the series' actions through ix_action_meeting_id_status_due (0008)
    and sort them all, where walking an index in the order asked stops after a window
    (at 300,000 actions, a series searched for "webinar", its end by due date: 14 ms
    instead of 5). Counts and totals look it up there: they read every action the filter
    selects, and that index holds the meeting and status of each. Windows of a group
    (`group_window`), pages by id and the export stream keep it too: deep in a group,
    sorting the series' actions beats walking the due index (the end of a series
    sorted by times slipped: 53 ms, 112 ms without)."""
    A = m.Action
    if flt.owner_id is not None:
        query = query.where(A.owner_id == flt.owner_id)
    if flt.team_tag is not None:
        query = query.where(A.team_tag == TeamTag(flt.team_tag).value)
    if flt.series_id is not None:
        in_series = select(m.Meeting.id).where(m.Meeting.series_id == flt.series_id)
        meeting = unindexed(s, A.meeting_id) if in_order else A.meeting_id
        query = query.where(meeting.in_(in_series))
    if flt.meeting_id is not None:
        query = query.where(A.meeting_id == flt.meeting_id)
    if statuses and flt.statuses is not None:
        query = query.where(A.status.in_(sorted(ActionStatus(x).value for x in flt.statuses)))
    if flt.due is not None:
        start, week_end = due_bucket_bounds(today)
        if flt.due == "overdue":  # only what is still open can be overdue
            query = query.where(A.due < start, A.status.in_(_OPEN_VALUES))
        elif flt.due == "this_week":
            query = query.where(A.due >= start, A.due <= week_end)
        elif flt.due == "later":
            query = query.where(A.due > week_end)
        elif flt.due == "none":
            query = query.where(A.due.is_(None))
        else:
            raise ValueError(f"unknown due bucket {flt.due!r}; use one of {DUE_BUCKETS}")
    words = search_words(flt.text)
    if words:
        U = m.ActionUpdate
        noted = select(U.action_id).where(matches(s, U.id, U.note, "action_update_fts", words, fts))
        query = query.where(
            or_(matches(s, A.id, A.title, "action_fts", words, fts), A.id.in_(noted))
        )
    return query


def matches(
    s: Session,
    id_column: Any,
    text_column: Any,
    fts_table: str,
    words: Sequence[str],
    fts: str | None,
) -> ColumnElement[bool]:
    """`text_column` contains every word: FTS5 when available, else ILIKE per word."""
    if fts is not None:
        assert fts_table in FTS_SOURCES
        return id_column.in_(_fts_rowids(fts_table, fts))
    return and_(*(like(s, text_column, w) for w in words))


def unindexed(s: Session, expression: Any) -> Any:
    """`expression` with the same value, which SQLite's planner cannot look up in an index
    (`+expression`, SQLite's documented way to steer its choice of index); as it is
    elsewhere."""
    if not is_sqlite(s):
        return expression
    return UnaryExpression(expression, operator=operators.custom_op("+"), type_=expression.type)


def like(s: Session, column: Any, word: str) -> ColumnElement[bool]:
    """`column` contains `word`, any case; on PostgreSQL accents are folded as well
    ("sofia" finds "Sofía", as SQLite's FTS5 index does)."""
    if is_sqlite(s):
        return column.ilike(like_pattern(word), escape="\\")
    return accent_folded(column).ilike(like_pattern(fold_accents(word)), escape="\\")


def fts_ready(s: Session) -> bool:
    """Whether the FTS5 indexes exist (SQLite with FTS5, schema 0002 or later)."""
    if not is_sqlite(s):
        return False
    found = s.execute(
        text(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
            "('action_fts', 'action_update_fts', 'idea_fts', 'decision_fts', "
            "'agenda_item_fts')"
        )
    ).scalar()
    return found == len(FTS_SOURCES)


def date_of(s: Session, starts_at: Any) -> ColumnElement[date]:
    """The date part of a DateTime column, computed by the database."""
    if is_sqlite(s):
        return func.date(starts_at, type_=Date)
    return cast(starts_at, Date)


def is_sqlite(s: Session) -> bool:
    return s.get_bind().dialect.name == "sqlite"


def _fts_rowids(fts_table: str, query: str) -> Any:
    """SELECT rowid FROM <fts> WHERE <fts> MATCH :query (table names from FTS_SOURCES only)."""
    clause: TextClause = text(
        f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :match_{fts_table}"
    ).bindparams(**{f"match_{fts_table}": query})
    return clause.columns(column("rowid", Integer))


# ---- ordering the list in SQL ------------------------------------------------------------
def ordered(key: Any, descending: bool, nulls_last: bool) -> Any:
    """`key` in ORDER BY: NULLs after the values (nulls_last) whichever the direction,
    i.e. the exact reverse of the ascending order when descending."""
    if not nulls_last:
        return key.desc() if descending else key.asc()
    return key.desc().nulls_first() if descending else key.asc().nulls_last()


def order_by(keys: Sequence[Key]) -> list[Any]:
    """The ORDER BY of `keys`. A key with NULLs last that is not the first (the due date
    after the title or the note) is spelled `key IS NULL, key` (the same order both ways:
    values before NULLs ascending, exactly reversed descending), the columns of the note
    index (revision 0008), which SQLite cannot match to `NULLS LAST`. The first key keeps
    `NULLS LAST`, which SQLite reads from the due index (the list sorted by due date)."""
    terms: list[Any] = []
    for at, (key, descending, nulls_last) in enumerate(keys):
        if nulls_last and at > 0:
            terms.append(ordered(key.is_(None), descending, False))
            terms.append(ordered(key, descending, False))
        else:
            terms.append(ordered(key, descending, nulls_last))
    return terms


def sorts_before(keys: Sequence[Key], values: tuple[Any, ...]) -> ColumnElement[bool]:
    """Rows that come strictly before the row whose keys have these `values`, in the
    order of `keys` (the last key, the id, is unique). A key with NULLs last has them
    after every value ascending and before every value descending (`ordered`)."""
    terms: list[ColumnElement[bool]] = []
    equal: list[ColumnElement[bool]] = []
    for (key, descending, nulls_last), value in zip(keys, values, strict=True):
        if value is None:
            assert nulls_last, "only the due date can be empty"
            if not descending:  # every value comes before the empty ones
                terms.append(and_(*equal, key.is_not(None)))
            equal.append(key.is_(None))
            continue
        if descending:
            smaller = or_(key.is_(None), key > value) if nulls_last else key > value
        else:
            smaller = key < value
        terms.append(and_(*equal, smaller))
        equal.append(key == value)
    return or_(false(), *terms)
