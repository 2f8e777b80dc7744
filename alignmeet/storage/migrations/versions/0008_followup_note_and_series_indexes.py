"""indexes for the Follow-ups page sorted by last note or owner, filtered by series (issue 16)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Indexes only (no table is altered or recreated). Measured on the 300,000-action demo
(SQLite, the service call behind each page change, machine load about 1):
- ix_action_last_note_nocase_due and ix_action_last_note_nocase_desc_due: the list
  sorted by last note reads its windows in index order instead of sorting every action
  (all statuses: about 38 ms to under 2 ms). The demo has only 17 distinct notes, so an
  index on the note alone leaves up to 43,000 ties per note to sort by due date; these
  hold the whole order the page shows: the note ignoring case (`models.caseless`:
  NOCASE on SQLite, `lower() COLLATE "C"` on PostgreSQL), then due date with none last,
  then id. SQLite cannot match `due NULLS LAST` to an index column after another key,
  so that key is `(due IS NULL), due` here and in the query
  (`queries.followups.order_by`): the same order. Ties stay in due order both ways, so
  the order down (note descending, due ascending) is not the first index read
  backwards: the second index serves it. With the first one alone, the end of the list
  sorted down (read from the end, in the reverse order) sorted the 43,000 "Agreed"
  actions: about 62 ms instead of 39. Each is about 15 MB at 300,000 actions.
- ix_action_meeting_id_status_due: a series filter with a status filter
  (`meeting_id IN (the series' meetings) AND status IN (...)`) is counted from the index
  alone instead of reading every open action's row: the open actions of the
  150,000-action series, about 21 ms to 2 ms; its done ones (38,682 of another series),
  the first window with its count, about 80 ms to 4 ms.
- ix_action_owner_id_due: the list sorted by owner reads one owner's actions at a time
  in due order (`queries.followups.group_window`); with the owner's index alone SQLite
  read and sorted all of them (8,000 for one demo member) for every window: about
  13-24 ms to under 1 ms. SQLite matches `due NULLS LAST` to an index column that follows
  an equality (`owner_id = ?`), so a plain index serves it.

The page's "sort by Last note" went from 51-90 ms to 11-20 ms and "series → second" from
61-78 ms to 31-35 ms (bench/scale.py, 300,000 actions, two sittings at load 1.6-1.9). On PostgreSQL
(EXPLAIN ANALYZE, same data): the first window sorted by note, either way, 165-350 ms
(a parallel sort of every action) to under 1 ms; the series' open actions counted,
32 ms to 2 ms (an index-only scan).

Without statistics SQLite's planner also takes the new series index where it does not
help, so the queries steer it (`queries.followups`): a window sorted by due date, title
or note does not look a series up by its meetings, and `count_before` compares the note
unindexed. Still no ANALYZE (see 0007).
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

NOTE_INDEXES = {  # name: the note's direction
    'ix_action_last_note_nocase_due': '',
    'ix_action_last_note_nocase_desc_due': ' DESC',
}
PLAIN_INDEXES = {
    'ix_action_meeting_id_status_due': ['meeting_id', 'status', 'due'],
    'ix_action_owner_id_due': ['owner_id', 'due'],
}


def note_key(dialect_name: str, direction: str = '') -> sa.TextClause:
    """The expression the follow-up list sorts notes by on this database."""
    if dialect_name == 'sqlite':
        return sa.text(f'last_note COLLATE "NOCASE"{direction}')
    return sa.text(f'lower(last_note) COLLATE "C"{direction}')


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, direction in NOTE_INDEXES.items():
        columns = [note_key(dialect, direction), sa.text('(due IS NULL)'), 'due', 'id']
        op.create_index(name, 'action', columns, unique=False)
    for name, columns in PLAIN_INDEXES.items():
        op.create_index(name, 'action', columns, unique=False)


def downgrade() -> None:
    for name in (*PLAIN_INDEXES, *NOTE_INDEXES):
        op.drop_index(name, table_name='action')
