"""Alembic environment: runs on the connection the app hands over (one transaction)."""

from __future__ import annotations

from alembic import context

from alignmeet.storage.fulltext import include_name, include_object
from alignmeet.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via alignmeet.storage.database.upgrade
    raise RuntimeError("Run migrations through alignmeet.storage.database.upgrade().")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
    compare_type=True,
    include_name=include_name,  # the FTS5 tables are not ORM models
    include_object=include_object,  # nor can it compare an index per database
)
with context.begin_transaction():
    context.run_migrations()
