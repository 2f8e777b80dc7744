"""The queries: every `select()` the services run, one module per area.

Each function takes a `Session` (or a `Connection`), never commits, and returns ORM objects,
rows or plain values; the services compose them inside their transactions
(`with self.db.transaction() as s:`). Services never build a query themselves
(tests/services/test_layers.py).
"""
