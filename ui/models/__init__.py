"""Qt models over service records: every list or table in the app is one of these."""
