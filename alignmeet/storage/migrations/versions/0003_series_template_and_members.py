"""series: default agenda template and members

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

- series.default_template_id (nullable FK agenda_template, ON DELETE SET NULL): the
  agenda a new meeting of the series starts from.
- series_member: who belongs to a series (invited to its new meetings); one row per
  (series, member), removed with the series.

Only adds: `series` is referenced by meeting, so it is never recreated (see 0002 for
why recreating a referenced table inside the migration transaction loses rows). On
SQLite the new column and its foreign key come from one ALTER TABLE ... ADD COLUMN.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

FK_NAME = 'fk_series_default_template_id_agenda_template'


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # SQLite cannot add a constraint to an existing table, but a new column may
        # carry its own REFERENCES clause (it has to be nullable, as this one is).
        op.execute(
            "ALTER TABLE series ADD COLUMN default_template_id INTEGER "
            f"CONSTRAINT {FK_NAME} REFERENCES agenda_template (id) ON DELETE SET NULL"
        )
    else:
        op.add_column('series', sa.Column('default_template_id', sa.Integer(), nullable=True))
        op.create_foreign_key(
            FK_NAME, 'series', 'agenda_template', ['default_template_id'], ['id'],
            ondelete='SET NULL',
        )

    op.create_table('series_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_series_member_member_id_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['series_id'], ['series.id'], name=op.f('fk_series_member_series_id_series'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_series_member')),
    sa.UniqueConstraint('series_id', 'member_id', name=op.f('uq_series_member_series_id'))
    )
    with op.batch_alter_table('series_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_series_member_member_id'), ['member_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('series_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_series_member_member_id'))
    op.drop_table('series_member')
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Dropping a column that has a foreign key means recreating `series`, which
        # meeting references (see 0002). AlignMeet never downgrades.
        raise NotImplementedError(
            "Revision 0003 cannot be undone on SQLite; restore the backup taken before the upgrade."
        )
    op.drop_constraint(FK_NAME, 'series', type_='foreignkey')
    op.drop_column('series', 'default_template_id')
