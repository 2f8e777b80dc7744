"""Plain rules and values: no session, no I/O, no Qt."""
