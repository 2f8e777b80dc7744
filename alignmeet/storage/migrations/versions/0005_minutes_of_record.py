"""minutes of record and the versions every write carries

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

- minutes_record (new): what a meeting's minutes said when it was closed, one row per
  closing (revision 1, 2, ... after a reopen), the gathered minutes as JSON with a
  SHA-256 of that text; later work never changes them.
- meeting.approved_minutes_id (FK minutes_record, SET NULL): the revision of the
  previous meeting's minutes this meeting approved.
- meeting.started_at: when the meeting really started (the meeting clock), beside the
  planned starts_at.
- change_log (new): one row per committed write, the tables and row ids it changed and
  which client wrote it, so other windows and facilitators refresh what they show.
- participant.version: attendance and commitments are versioned like the other records
  two facilitators may edit, so a write carries the version its user saw.

Columns are added with ALTER TABLE ... ADD COLUMN, never a batch recreate: meeting is
referenced with ON DELETE CASCADE (see 0002).
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('minutes_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=False),
    sa.Column('language', sa.String(length=20), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_minutes_record_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_record')),
    sa.UniqueConstraint('meeting_id', 'revision', name=op.f('uq_minutes_record_meeting_id'))
    )
    with op.batch_alter_table('minutes_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_record_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('change_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('origin', sa.String(length=40), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_log_at'), ['at'], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # A new nullable column may carry its own REFERENCES clause on SQLite.
        op.execute(
            "ALTER TABLE meeting ADD COLUMN approved_minutes_id INTEGER "
            "CONSTRAINT fk_meeting_approved_minutes_id_minutes_record "
            "REFERENCES minutes_record (id) ON DELETE SET NULL"
        )
    else:
        op.add_column('meeting', sa.Column('approved_minutes_id', sa.Integer(), nullable=True))
        op.create_foreign_key(
            'fk_meeting_approved_minutes_id_minutes_record', 'meeting', 'minutes_record',
            ['approved_minutes_id'], ['id'], ondelete='SET NULL',
        )
    op.add_column('meeting', sa.Column('started_at', sa.DateTime(), nullable=True))
    op.add_column(
        'participant', sa.Column('version', sa.Integer(), server_default='1', nullable=False)
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        raise NotImplementedError(
            "Revision 0005 cannot be undone on SQLite; restore the backup taken before the upgrade."
        )
    op.drop_column('participant', 'version')
    op.drop_column('meeting', 'started_at')
    op.drop_constraint('fk_meeting_approved_minutes_id_minutes_record', 'meeting', type_='foreignkey')
    op.drop_column('meeting', 'approved_minutes_id')
    op.drop_table('minutes_record')
    op.drop_table('change_log')
