"""AlignMeet core: domain rules, storage, services, exports and CLI. Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "AlignMeet"
