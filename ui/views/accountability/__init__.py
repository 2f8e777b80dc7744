"""Accountability over time (issue 15) on screen: the meeting's rating at Close, the
items proposed for the agenda in Prepare, the say/do view in Follow-ups, recaps and
reminders by e-mail with their outbox, and the e-mail settings."""
