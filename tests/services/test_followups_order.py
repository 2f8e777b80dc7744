"""The follow-up list as the page reads it — the count, the first window, windows from
either end, the position of one action — against a brute-force Python sort of the same
rows, on SQLite and PostgreSQL (issue 16, revision 0008).

Random actions (notes and titles that differ only in case, equal and missing due dates,
every status) in random series; the page's orders: by due date, by title and by last
note, up and down. A text sort ignores case (ASCII case: the letters below have no
other), ties go by due date with none last, then id, both ways; sorted down is the text
order reversed with the ties still in due order.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus
from alignmeet.domain.records import ActionLine
from alignmeet.services.followups import ActionFilter

TODAY = date(2026, 3, 2)
OPEN = frozenset(OPEN_STATUSES)
# Case variants, prefixes, punctuation and a lowercase-only accented letter (no case to
# fold: NOCASE and lower() agree), so the order and its ties are what is tested.
WORDS = ["Agreed", "agreed", "AGREED", "b", "B", "ba", "a-b", "a b", "é", "a", "Sent."]
NOTES = st.sampled_from(["", *WORDS])  # "": the note stays "Agreed" (set when agreed)
DUES = st.one_of(st.none(), st.integers(0, 4).map(lambda n: TODAY + timedelta(days=n)))
ACTIONS = st.lists(
    st.tuples(st.sampled_from(WORDS), NOTES, DUES, st.sampled_from(list(ActionStatus))),
    min_size=1,
    max_size=12,
)


def _text(value: str) -> str:
    """The key both databases sort a text by, for these letters: ASCII case folded."""
    return value.translate(
        str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
    )


def _brute_force(lines: list[ActionLine], sort: str, descending: bool) -> list[ActionLine]:
    def due_order(line: ActionLine) -> tuple[bool, date, int]:
        return (line.due is None, line.due or date.max, line.id)

    ordered = sorted(lines, key=due_order)  # the ties' order, both ways
    if sort == "due":
        return ordered[::-1] if descending else ordered
    column = (lambda x: x.title) if sort == "title" else (lambda x: x.last_note)
    return sorted(ordered, key=lambda line: _text(column(line)), reverse=descending)


def _selected(lines: list[ActionLine], flt: ActionFilter) -> list[ActionLine]:
    wanted = None if flt.statuses is None else {s.value for s in flt.statuses}
    return [
        line
        for line in lines
        if (flt.series_id is None or line.series_id == flt.series_id)
        and (wanted is None or line.status in wanted)
    ]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=ACTIONS, window=st.integers(1, 5))
def test_the_database_orders_counts_and_windows_the_list_as_a_brute_force_sort(
    services, people, actions, window
):
    """Each example adds a series with one meeting and its actions to what the earlier
    ones added; every filter and order is checked over all of them."""
    sv = services
    n = len(sv.meetings.list_series())
    series = sv.meetings.ensure_series(name=f"Series {n}")
    meeting = sv.meetings.create_meeting(
        title=f"Meeting {n}",
        starts_at=datetime(2026, 2, 2, 10, 0),
        series_id=series.id,
        facilitator_id=people.ana.id,
    )
    for title, note, due, status in actions:
        action = sv.actions.add_action(
            meeting_id=meeting.id, owner_id=people.ben.id, title=title, due=due, today=TODAY
        )
        if note or status is not ActionStatus.OPEN:
            sv.actions.set_status(action_id=action.id, status=status, note=note)
    fu = sv.followups
    every = fu.lines(ActionFilter(), today=TODAY)
    filters = [
        ActionFilter(),
        ActionFilter(statuses=OPEN),
        ActionFilter(series_id=series.id),
        ActionFilter(statuses=OPEN, series_id=series.id),
        ActionFilter(statuses=frozenset({ActionStatus.DONE}), series_id=series.id),
    ]
    for flt in filters:
        selected = _selected(every, flt)
        assert fu.count(flt, today=TODAY) == len(selected), flt
        for sort in ("due", "title", "note"):
            for descending in (False, True):
                expected = _brute_force(selected, sort, descending)
                where = (flt, sort, descending)
                args = {"today": TODAY, "sort": sort, "descending": descending}
                assert fu.first_window(flt, limit=window, **args) == (
                    len(expected),
                    expected[:window],
                ), where
                total = len(expected)
                # Windows from the start to the end: the second half is read from the end.
                pieces = [
                    fu.window(flt, offset=start, limit=window, total=total, **args)
                    for start in range(0, total, window)
                ]
                assert [line for piece in pieces for line in piece] == expected, where
                for row, line in enumerate(expected):
                    if line.meeting_id == meeting.id:  # this example's: positions
                        assert fu.position(line.id, flt, **args) == row, (where, line)
    outside = [line for line in every if line not in _selected(every, filters[3])]
    for line in outside[-3:]:  # not listed: no position
        assert fu.position(line.id, filters[3], today=TODAY, sort="note") is None


@pytest.mark.parametrize("descending", [False, True])
def test_sorted_by_note_ties_keep_due_order_with_no_date_last(services, people, descending):
    """The case the note indexes (0008) spell differently on SQLite — `(due IS NULL), due`
    for `due NULLS LAST` — by hand: one note in three cases, dates equal, missing, apart."""
    sv = services
    series = sv.meetings.ensure_series(name="Ties")
    meeting = sv.meetings.create_meeting(
        title="Ties",
        starts_at=datetime(2026, 2, 2, 10, 0),
        series_id=series.id,
        facilitator_id=people.ana.id,
    )
    plan = [
        ("Sent.", None),
        ("sent.", TODAY + timedelta(days=2)),
        ("SENT.", TODAY),
        ("Sent.", TODAY + timedelta(days=2)),
        ("b", None),
        ("B", TODAY),
    ]
    ids = []
    for note, due in plan:
        action = sv.actions.add_action(
            meeting_id=meeting.id, owner_id=people.ben.id, title="Call", due=due, today=TODAY
        )
        sv.actions.set_status(action_id=action.id, status=ActionStatus.IN_PROGRESS, note=note)
        ids.append(action.id)
    by_note = [ids[2], ids[1], ids[3], ids[0]]  # "sent.": today, +2 (lower id first), none
    if not descending:
        expected = [ids[5], ids[4], *by_note]  # "b" sorts before "sent."
    else:
        expected = [*by_note, ids[5], ids[4]]
    flt = ActionFilter(series_id=series.id)
    got = sv.followups.window(flt, today=TODAY, sort="note", descending=descending, limit=10)
    assert [line.id for line in got] == expected
    for row, action_id in enumerate(expected):
        position = sv.followups.position(
            action_id, flt, today=TODAY, sort="note", descending=descending
        )
        assert position == row
