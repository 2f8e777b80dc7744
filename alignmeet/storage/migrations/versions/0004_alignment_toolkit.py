"""the alignment toolkit: goals and KPIs, glossary, personas, data needs, lead feedback,
coaching pairs, wins and lessons, communication channels

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

New tables only, plus three nullable link columns added with ALTER TABLE ... ADD
COLUMN (never a batch recreate: action and agenda_item are referenced with ON DELETE
CASCADE, see 0002):
- action.goal_id (FK goal, SET NULL): the goal the action serves;
- action.persona_id and agenda_item.persona_id (FK persona, SET NULL).
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# (table, column, referred table, constraint name)
LINKS = (
    ('action', 'goal_id', 'goal', 'fk_action_goal_id_goal'),
    ('action', 'persona_id', 'persona', 'fk_action_persona_id_persona'),
    ('agenda_item', 'persona_id', 'persona', 'fk_agenda_item_persona_id_persona'),
)

NEW_TABLES = (
    'glossary_version', 'data_need_rank', 'lead_rejection', 'data_need', 'lead_batch',
    'coaching_checkin', 'board_entry', 'goal', 'coaching_pair', 'kpi_measurement',
    'persona', 'kpi', 'glossary_term', 'channel_rule',
)


def upgrade() -> None:
    op.create_table('channel_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('urgency', sa.String(length=120), nullable=False),
    sa.Column('channel', sa.String(length=120), nullable=False),
    sa.Column('response_time', sa.String(length=120), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_rule'))
    )
    op.create_table('glossary_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=120), nullable=False),
    sa.Column('term_key', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_term')),
    sa.UniqueConstraint('term_key', name=op.f('uq_glossary_term_term_key'))
    )
    op.create_table('kpi',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('period_kind', sa.String(length=10), nullable=False),
    sa.Column('team_tag', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kpi')),
    sa.UniqueConstraint('name_key', name=op.f('uq_kpi_name_key'))
    )
    op.create_table('persona',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_key', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('pains', sa.Text(), nullable=False),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.Column('objections', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persona')),
    sa.UniqueConstraint('name_key', name=op.f('uq_persona_name_key'))
    )
    op.create_table('kpi_measurement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kpi_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['kpi_id'], ['kpi.id'], name=op.f('fk_kpi_measurement_kpi_id_kpi'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kpi_measurement')),
    sa.UniqueConstraint('kpi_id', 'period', name=op.f('uq_kpi_measurement_kpi_id'))
    )
    op.create_table('coaching_pair',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sales_member_id', sa.Integer(), nullable=False),
    sa.Column('marketing_member_id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['marketing_member_id'], ['member.id'], name=op.f('fk_coaching_pair_marketing_member_id_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sales_member_id'], ['member.id'], name=op.f('fk_coaching_pair_sales_member_id_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coaching_pair'))
    )
    with op.batch_alter_table('coaching_pair', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coaching_pair_marketing_member_id'), ['marketing_member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coaching_pair_sales_member_id'), ['sales_member_id'], unique=False)

    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('target_value', sa.Float(), nullable=True),
    sa.Column('actual_value', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('disposition', sa.String(length=20), nullable=False),
    sa.Column('team_tag', sa.String(length=20), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['member.id'], name=op.f('fk_goal_owner_id_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goal'))
    )
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_period'), ['period'], unique=False)

    op.create_table('board_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('team_tag', sa.String(length=20), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('resolved', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['member.id'], name=op.f('fk_board_entry_author_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_board_entry_meeting_id_meeting'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board_entry'))
    )
    with op.batch_alter_table('board_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_entry_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('coaching_checkin',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pair_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('progress', sa.Text(), nullable=False),
    sa.Column('tips_asked', sa.Text(), nullable=False),
    sa.Column('tips_given', sa.Text(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_coaching_checkin_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['pair_id'], ['coaching_pair.id'], name=op.f('fk_coaching_checkin_pair_id_coaching_pair'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coaching_checkin'))
    )
    with op.batch_alter_table('coaching_checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coaching_checkin_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coaching_checkin_pair_id'), ['pair_id'], unique=False)

    op.create_table('lead_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('leads_received', sa.Integer(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_in_meeting_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['member.id'], name=op.f('fk_lead_batch_recorded_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewed_in_meeting_id'], ['meeting.id'], name=op.f('fk_lead_batch_reviewed_in_meeting_id_meeting'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead_batch'))
    )
    with op.batch_alter_table('lead_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_batch_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_lead_batch_reviewed_in_meeting_id'), ['reviewed_in_meeting_id'], unique=False)

    op.create_table('data_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('title_key', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('joint_rank', sa.Integer(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_data_need_action_id_action'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_data_need_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['member.id'], name=op.f('fk_data_need_owner_id_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_need')),
    sa.UniqueConstraint('title_key', name=op.f('uq_data_need_title_key'))
    )
    with op.batch_alter_table('data_need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_need_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('lead_rejection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('lead_ref', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['lead_batch.id'], name=op.f('fk_lead_rejection_batch_id_lead_batch'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead_rejection'))
    )
    with op.batch_alter_table('lead_rejection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_rejection_batch_id'), ['batch_id'], unique=False)

    op.create_table('data_need_rank',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('data_need_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['data_need_id'], ['data_need.id'], name=op.f('fk_data_need_rank_data_need_id_data_need'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_data_need_rank_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_need_rank')),
    sa.UniqueConstraint('team_id', 'data_need_id', name=op.f('uq_data_need_rank_team_id')),
    sa.UniqueConstraint('team_id', 'rank', name='uq_data_need_rank_team_rank')
    )
    op.create_table('glossary_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('proposed_at', sa.DateTime(), nullable=False),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_glossary_version_decision_id_decision'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_glossary_version_meeting_id_meeting'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['member.id'], name=op.f('fk_glossary_version_proposed_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['term_id'], ['glossary_term.id'], name=op.f('fk_glossary_version_term_id_glossary_term'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_version')),
    sa.UniqueConstraint('term_id', 'number', name=op.f('uq_glossary_version_term_id'))
    )
    with op.batch_alter_table('glossary_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_glossary_version_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_glossary_version_meeting_id'), ['meeting_id'], unique=False)

    bind = op.get_bind()
    for table, column, referred, name in LINKS:
        if bind.dialect.name == "sqlite":
            # A new nullable column may carry its own REFERENCES clause on SQLite.
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
                f"CONSTRAINT {name} REFERENCES {referred} (id) ON DELETE SET NULL"
            )
        else:
            op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(name, table, referred, [column], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        raise NotImplementedError(
            "Revision 0004 cannot be undone on SQLite; restore the backup taken before the upgrade."
        )
    for table, column, _referred, name in LINKS:
        op.drop_constraint(name, table, type_='foreignkey')
        op.drop_column(table, column)
    for table in NEW_TABLES:
        op.drop_table(table)
