"""The core's translation catalogues (gettext .po files, one folder per language)."""
