"""What a use case raises for the caller to tell the person: a record that is not there,
a save that would overwrite someone else's change, and the errors of the files the services
write (exports, backups), so that no caller needs to import storage or export to catch them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from alignmeet.export import ExportError
from alignmeet.i18n import _

__all__ = ["ConflictError", "ExportError", "NotFoundError"]


class NotFoundError(LookupError):
    """A record that does not exist (deleted elsewhere, or a wrong id)."""


class ConflictError(Exception):
    """Someone else saved the same fields of a record since this client last saw them.

    `mine` and `theirs` map each conflicting field to the value this save wanted and
    the value now stored, both ready to show (people and goals by name, not by id).
    Nothing was written. To keep mine, save again with `seen=conflict.rebased` (on top
    of their version: a third change since then conflicts again); to take theirs, read
    the record again. A save that carried no `seen` (the client's book decided, see
    below) keeps mine by `acknowledge_conflict()` and the same save again.
    """

    def __init__(
        self,
        what: str,
        mine: Mapping[str, object],
        theirs: Mapping[str, object],
        *,
        key: tuple[str, int] | None = None,
        stored: Mapping[str, object] | None = None,
        version: int | None = None,
        rebased: object | None = None,
        parts: Iterable[ConflictError] = (),
    ) -> None:
        self.what = what
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.key = key  # (table, id)
        self.stored = dict(stored or {})  # their values of the conflicting fields, as stored
        self.version = version  # the stored row's version (None: the table has none)
        # What "keep mine" passes as `seen` to save on top of theirs: a `Seen` with their
        # version and values (for a change of several rows, one per row).
        self.rebased = rebased
        # A change of several rows at once: one conflict per row changed meanwhile.
        self.parts = tuple(parts)
        names = ", ".join(f.replace("_", " ") for f in self.fields)
        super().__init__(
            _("{what} was changed by someone else meanwhile ({fields}).").format(
                what=what, fields=names
            )
        )

    @property
    def fields(self) -> tuple[str, ...]:
        if self.parts:
            return tuple(dict.fromkeys(f for part in self.parts for f in part.fields))
        return tuple(self.mine)

    @property
    def same_values(self) -> bool:
        """Both saved the same values: keeping either changes nothing a person would see."""
        if self.parts:
            return all(part.same_values for part in self.parts)
        return all(self.mine[f] == self.theirs.get(f) for f in self.mine)
