"""Frozen records as JSON and back, exactly: how the minutes of record are stored.

`encode` turns a record (frozen dataclasses, enums, dates, tuples, bytes...) into plain
JSON values; `decode` turns them back into equal records. Nothing is special to the
minutes: a record type is named by its class name, and only the classes reachable from the
root type given to `Codec` (through its fields' type hints) can be read back — the stored
text names types, it never chooses code to run.

Reading old records: a field added later with a default reads as its default when the
stored text lacks it, so records written before the field existed still read. A field the
stored text has but this version does not know means the text was written by a newer
AlignMeet (or changed by hand): `RecordFormatError`, never a silent loss of content.

    {"$type": "ActionRecord", "title": "...", "status": {"$enum": "ActionStatus",
     "value": "open"}, "due": {"$date": "2026-10-20"}, ...}

Tuples are JSON arrays; lists, dicts, bytes, dates and times are tagged objects. The text
itself is canonical (`canonical_json`: sorted keys, ASCII only, no spaces), so the same
record always gives the same text and the same SHA-256.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any

__all__ = ["Codec", "RecordFormatError", "canonical_json"]

_TYPE = "$type"
_TAGS = ("$enum", "$datetime", "$date", "$time", "$bytes", "$list", "$dict")


class RecordFormatError(ValueError):
    """Stored text that is not a record this version can read (damaged, or newer)."""


def canonical_json(value: Any) -> str:
    """The one text of a JSON value: sorted keys, ASCII only, no spaces."""
    return json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))


class Codec:
    """Encodes and decodes the records reachable from `root` (a dataclass)."""

    def __init__(self, root: type) -> None:
        self.root = root
        self.types: dict[str, type] = {}
        self._collect(root)

    # ---- the types it knows -------------------------------------------------------------
    def _collect(self, hint: Any) -> None:
        origin = typing.get_origin(hint)
        if origin is not None or isinstance(hint, types.UnionType):
            for arg in typing.get_args(hint):
                self._collect(arg)
            return
        if not isinstance(hint, type):
            return
        if dataclasses.is_dataclass(hint) or issubclass(hint, Enum):
            known = self.types.get(hint.__name__)
            if known is hint:
                return
            if known is not None:
                raise TypeError(f"two record types are called {hint.__name__}")
            self.types[hint.__name__] = hint
            if dataclasses.is_dataclass(hint):
                hints = typing.get_type_hints(hint)
                for f in dataclasses.fields(hint):
                    self._collect(hints[f.name])

    # ---- out ----------------------------------------------------------------------------
    def encode(self, value: Any) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, Enum):
            return {"$enum": self._known(type(value)), "value": value.value}
        if isinstance(value, (int, float, str)):
            if type(value) not in (int, float, str):
                raise TypeError(f"cannot store a {type(value).__name__} exactly")
            return value
        if isinstance(value, datetime):
            return {"$datetime": value.isoformat()}
        if isinstance(value, date):
            return {"$date": value.isoformat()}
        if isinstance(value, time):
            return {"$time": value.isoformat()}
        if isinstance(value, bytes):
            return {"$bytes": base64.b64encode(value).decode("ascii")}
        if isinstance(value, tuple) and type(value) is tuple:
            return [self.encode(v) for v in value]
        if isinstance(value, list):
            return {"$list": [self.encode(v) for v in value]}
        if isinstance(value, dict):
            return {"$dict": [[self.encode(k), self.encode(v)] for k, v in value.items()]}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            out: dict[str, Any] = {_TYPE: self._known(type(value))}
            for f in dataclasses.fields(value):
                out[f.name] = self.encode(getattr(value, f.name))
            return out
        raise TypeError(f"cannot store a {type(value).__name__} in a record")

    def _known(self, cls: type) -> str:
        if self.types.get(cls.__name__) is not cls:
            raise TypeError(f"{cls.__name__} is not a field type of {self.root.__name__}")
        return cls.__name__

    # ---- in -----------------------------------------------------------------------------
    def decode(self, value: Any) -> Any:
        try:
            return self._decode(value)
        except RecordFormatError:
            raise
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise RecordFormatError(f"unreadable value: {exc}") from exc

    def _decode(self, value: Any) -> Any:
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, list):
            return tuple(self._decode(v) for v in value)
        if not isinstance(value, dict):
            raise RecordFormatError(f"unexpected {type(value).__name__}")
        if _TYPE in value:
            return self._dataclass(value)
        tag = next((t for t in _TAGS if t in value), None)
        if tag is None:
            raise RecordFormatError(f"an object without a type: {sorted(value)[:3]}")
        inner = value[tag]
        if tag == "$enum":
            cls = self._type(inner)
            return cls(value["value"])
        if tag == "$datetime":
            return datetime.fromisoformat(inner)
        if tag == "$date":
            return date.fromisoformat(inner)
        if tag == "$time":
            return time.fromisoformat(inner)
        if tag == "$bytes":
            return base64.b64decode(inner.encode("ascii"), validate=True)
        if tag == "$list":
            return [self._decode(v) for v in inner]
        return {self._decode(k): self._decode(v) for k, v in inner}  # "$dict"

    def _type(self, name: Any) -> type:
        cls = self.types.get(name) if isinstance(name, str) else None
        if cls is None:
            raise RecordFormatError(f"unknown record type {name!r}")
        return cls

    def _dataclass(self, value: dict[str, Any]) -> Any:
        cls = self._type(value[_TYPE])
        if not dataclasses.is_dataclass(cls):
            raise RecordFormatError(f"{cls.__name__} is not a record")
        known = {f.name: f for f in dataclasses.fields(cls)}
        unknown = set(value) - set(known) - {_TYPE}
        if unknown:
            raise RecordFormatError(
                f"{cls.__name__} has fields this version does not know: {sorted(unknown)}"
            )
        kwargs = {}
        for name, f in known.items():
            if name in value:
                kwargs[name] = self._decode(value[name])
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise RecordFormatError(f"{cls.__name__} lacks its field {name!r}")
        return cls(**kwargs)
