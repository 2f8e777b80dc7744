"""indexes for the Follow-ups page at ten years of history (issue 16)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

Indexes only (no table is altered or recreated). Measured on the 300,000-action demo:
- ix_action_title_nocase_status: the list sorted by action (title ignoring case, as
  `FollowUpService._text_key` orders it: `title COLLATE NOCASE` on SQLite,
  `lower(title) COLLATE "C"` on PostgreSQL) reads the first window in index order
  instead of sorting every action (all statuses: about 45 ms to under 1 ms). The
  status beside it lets a status filter be checked in the index.
- ix_action_status_team_tag_due: the team balance from the index alone, without reading
  the rows: the open and dropped actions per tag (and how many open ones are late), and
  the totals per tag (a scan of this index, a fifth of the table). The balance the
  page opens with: about 210 ms to 85 ms.

An index led by team_tag would count a team filter faster still, but SQLite then
reads a team's actions through it and sorts them all by due date instead of walking
the due index (the list sorted by team: 2 ms to 20 ms), so there is none.

No ANALYZE: with statistics SQLite's planner would read the open actions sorted by
action from the title index too, but it also chose a team index for the balance of
one series (ten times slower), and a new database has no statistics anyway.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

TITLE_INDEX = 'ix_action_title_nocase_status'
PLAIN_INDEXES = {
    'ix_action_status_team_tag_due': ['status', 'team_tag', 'due'],
}


def title_key(dialect_name: str) -> sa.TextClause:
    """The expression the follow-up list sorts titles by on this database."""
    if dialect_name == 'sqlite':
        return sa.text('title COLLATE "NOCASE"')
    return sa.text('lower(title) COLLATE "C"')


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_index(TITLE_INDEX, 'action', [title_key(dialect), 'status'], unique=False)
    for name, columns in PLAIN_INDEXES.items():
        op.create_index(name, 'action', columns, unique=False)


def downgrade() -> None:
    for name in (*PLAIN_INDEXES, TITLE_INDEX):
        op.drop_index(name, table_name='action')
