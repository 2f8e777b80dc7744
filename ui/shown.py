"""What a form shows of one record, field by field: the value each field was last loaded
with and the record's version then. A save of a field carries it as `seen` (see
`alignmeet.services.base`): someone else's change to that field since is a conflict to
resolve, never overwritten — even while the field being typed into kept the typist's text
when the rest of the form was loaded again."""

from __future__ import annotations

from alignmeet.services.base import Seen, same_value


class Shown:
    def __init__(self) -> None:
        self._values: dict[str, tuple[int | None, object]] = {}

    def clear(self) -> None:
        self._values.clear()

    def load(self, record: object, *names: str) -> None:
        """`names` now show `record`'s values (loaded into their widgets, or saved from them)."""
        version = getattr(record, "version", None)
        for name in names:
            self._values[name] = (version, getattr(record, name))

    def value(self, name: str, default: object = None) -> object:
        """The value `name` was last loaded with."""
        return self._values[name][1] if name in self._values else default

    def changed(self, values: dict[str, object]) -> dict[str, object]:
        """Of a form's `values`, those that differ from what the fields were loaded with
        (the user changed them): a save sends only those, and someone else's change of
        another field is kept."""
        return {k: v for k, v in values.items() if k not in self._values or v != self.value(k)}

    def seen(self, *names: str) -> Seen | None:
        """What the user saw of `names`; None when one of them was never loaded (the
        services then fall back to what this client read)."""
        if not names or any(name not in self._values for name in names):
            return None
        versions = [self._values[name][0] for name in names]
        version = None if None in versions else min(v for v in versions if v is not None)
        return Seen(version, {name: self._values[name][1] for name in names})


def changed_fields(record: object, values: dict[str, object]) -> dict[str, object]:
    """Of a form's `values` for `record` (as the form was loaded with it), those the user
    changed: a save sends only those with `seen=record`, so someone else's change of
    another field is kept and only a change of the same field is asked about."""
    return {k: v for k, v in values.items() if not same_value(v, getattr(record, k, None))}


class LoadedForm:
    """A form loaded from a record: the record and the form's own values right after
    loading. A save sends `edits(values)` — what the user changed in the form — with
    `seen=form.record`; a refresh that keeps what is typed leaves both as they were."""

    def __init__(self) -> None:
        self.record: object = None
        self._values: dict[str, object] = {}

    def loaded(self, record: object, values: dict[str, object]) -> None:
        self.record = record
        self._values = dict(values)

    def edits(self, values: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in values.items() if k not in self._values or v != self._values[k]}
