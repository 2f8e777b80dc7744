"""history: who changed it; follow-up list columns and indexes; full-text search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

- action_update.changed_by_id (nullable FK member, ON DELETE SET NULL): the
  meeting's facilitator for changes made in a meeting. Back-filled that way for
  the existing history.
- action.times_slipped and action.last_note: kept by the services from the
  history (back-filled here), so the follow-up list reads one row per action.
- Indexes for the follow-up list: (status, due) and (owner_id, status) replace
  the single-column status and owner_id indexes.
- SQLite only: FTS5 full-text indexes (external content) over action titles,
  history notes, ideas, decisions and agenda notes, with the triggers that keep
  them in step. Skipped when the SQLite library has no FTS5 (the services then
  search with LIKE).

Only action_update is recreated (batch "move and copy", for its new foreign key);
`action` gets ALTER TABLE ... ADD COLUMN and new indexes (recreate='never'). That
matters: migrations run in one transaction with foreign keys ON (SQLite cannot
switch them off inside a transaction), so dropping the old copy of a table that
others reference with ON DELETE CASCADE (action, meeting, agenda_item) would
delete their rows. Nothing references action_update, so recreating it is safe.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# FTS table -> (content table, indexed column). Frozen here on purpose: a migration
# must keep doing what it did, whatever alignmeet.storage.fulltext becomes.
FTS = {
    "action_fts": ("action", "title"),
    "action_update_fts": ("action_update", "note"),
    "idea_fts": ("idea", "text"),
    "decision_fts": ("decision", "text"),
    "agenda_item_fts": ("agenda_item", "notes"),
}
TOKENIZER = "unicode61 remove_diacritics 2"


def _has_fts5(bind) -> bool:
    try:
        rows = bind.exec_driver_sql("PRAGMA compile_options").scalars().all()
    except Exception:  # pragma: no cover - very old SQLite
        return False
    return "ENABLE_FTS5" in rows


def _create_fts(bind) -> None:
    for fts, (table, column) in FTS.items():
        bind.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
            f"content_rowid='id', tokenize='{TOKENIZER}')"
        )
        bind.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        bind.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END"
        )
        bind.exec_driver_sql(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
            "END"
        )
        bind.exec_driver_sql(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
            f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END"
        )


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"

    # Batch mode: on SQLite this recreates action_update ("move and copy"), which is
    # safe because no table references it (see the module docstring).
    with op.batch_alter_table('action_update', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changed_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_action_update_changed_by_id'), ['changed_by_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_action_update_changed_by_id_member'), 'member',
            ['changed_by_id'], ['id'], ondelete='SET NULL',
        )

    with op.batch_alter_table('action', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('times_slipped', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('last_note', sa.Text(), server_default='', nullable=False))
        batch_op.drop_index(batch_op.f('ix_action_status'))
        batch_op.drop_index(batch_op.f('ix_action_owner_id'))
        batch_op.create_index('ix_action_status_due', ['status', 'due'], unique=False)
        batch_op.create_index('ix_action_owner_id_status', ['owner_id', 'status'], unique=False)

    # ---- back-fill from the history ------------------------------------------------
    op.execute(
        "UPDATE action_update SET changed_by_id = "
        "(SELECT meeting.facilitator_id FROM meeting WHERE meeting.id = action_update.meeting_id) "
        "WHERE meeting_id IS NOT NULL"
    )
    op.execute(
        "UPDATE action SET times_slipped = (SELECT count(*) FROM action_update u "
        "WHERE u.action_id = action.id AND u.old_due IS NOT NULL AND u.new_due > u.old_due)"
    )
    op.execute(
        "UPDATE action SET last_note = coalesce((SELECT u.note FROM action_update u "
        "WHERE u.action_id = action.id AND u.note != '' "
        "ORDER BY u.changed_at DESC, u.id DESC LIMIT 1), '')"
    )

    if sqlite and _has_fts5(bind):
        _create_fts(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Dropping these columns means recreating tables, which cascades deletes
        # inside the migration transaction (see above). AlignMeet never downgrades:
        # it refuses newer files and keeps a backup from before every upgrade.
        raise NotImplementedError(
            "Revision 0002 cannot be undone on SQLite; restore the backup taken before the upgrade."
        )
    op.drop_index('ix_action_owner_id_status', table_name='action')
    op.drop_index('ix_action_status_due', table_name='action')
    op.create_index(op.f('ix_action_owner_id'), 'action', ['owner_id'], unique=False)
    op.create_index(op.f('ix_action_status'), 'action', ['status'], unique=False)
    op.drop_column('action', 'last_note')
    op.drop_column('action', 'times_slipped')
    op.drop_index(op.f('ix_action_update_changed_by_id'), table_name='action_update')
    op.drop_constraint(op.f('fk_action_update_changed_by_id_member'), 'action_update', type_='foreignkey')
    op.drop_column('action_update', 'changed_by_id')
