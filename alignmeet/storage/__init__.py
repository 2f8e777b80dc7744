"""SQLAlchemy 2 typed ORM, engine/session factory and Alembic migrations.

Queries take a Session and never commit; services own the transactions.
"""
