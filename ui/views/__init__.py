"""The pages of the main window: meetings, prepare, run, people & teams."""
