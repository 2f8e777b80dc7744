"""The text gate at the service boundary: every text argument of every public service
method passes `alignmeet.domain.text_gate.gate_text` before the method runs.

`ServiceBase.__init_subclass__` calls `gate_methods` on each service class as Python
makes it, so a new use case is gated without anyone remembering to: a parameter is text
when its annotation admits `str` (``str``, ``str | None``, ``TeamTag | str``...) or is a
sequence of it (``Sequence[str]``, ``list[str]``...), and it is not a path (``Path``,
``str | Path``: a file name may legitimately hold what the gate refuses — Python keeps
undecodable bytes of a file name as lone surrogates). A text parameter the gate cannot
see into (``dict[str, str]``, a dataclass of texts, ``Any``) is reported by
`unseen_text_parameters`, which tests/services/test_text_gate.py runs over every service:
such a parameter fails that test until it is typed so the gate sees it.

The refusal is a `ValidationError` whose `field` is the parameter's name, the name the
forms already show the services' messages under.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any

from alignmeet.domain.text_gate import gate_text

__all__ = ["GATED", "gate_methods", "gated_parameters", "text_kind", "unseen_text_parameters"]

GATED = "__text_gate__"  # set on a gated method: the names of the parameters it gates

_STR = re.compile(r"\bstr\b")
_PATH = re.compile(r"\bPath\b")
_SEQUENCE_OF_STR = re.compile(
    r"^(?:Sequence|Iterable|Collection|list|tuple|frozenset|set)\[str(?:, \.\.\.)?\]$"
)
# Annotations that carry no text, or only text a method never stores (a path, a filter),
# or text gated elsewhere: `CsvText`, a whole CSV file, is gated cell by cell by the CSV
# reader (services/csv_reader.py) — a vertical tab in a cell must not end the row.
_NOT_TEXT = re.compile(
    r"^(?:int|float|bool|bytes|date|datetime|None|object|Path|EllipsisType|_Unset|Callable\[.*\]"
    r"|CsvText|Cancel|ActionFilter|SortField|Changeset|ConflictError"
    r"|Sequence\[JointRow\]|Sequence\[tuple\[int, int\]\]"
    r"|(?:Sequence|Iterable|list)\[(?:int|object)\]|[A-Za-z]*(?:Kind|Tag|Status|Reason|Phase)"
    r"|Attendance|Disposition|Session|m\.[A-Z][A-Za-z]*)$"
)


def text_kind(annotation: object) -> str:
    """ "text", "texts" (a sequence of text), "none" (no text) or "unseen" (text the gate
    cannot see into) for a parameter's annotation."""
    if annotation is inspect.Parameter.empty:
        return "unseen"
    words = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    if _PATH.search(words):
        return "none"
    parts = [p.strip() for p in _split_union(words)]
    kinds = set()
    for part in parts:
        if part == "str":
            kinds.add("text")
        elif _SEQUENCE_OF_STR.match(part):
            kinds.add("texts")
        elif _STR.search(part) or not _NOT_TEXT.match(part):
            return "unseen"
    if len(kinds) > 1:
        return "unseen"
    return kinds.pop() if kinds else "none"


def _split_union(words: str) -> Iterator[str]:
    """The members of `A | B[C | D] | E`, brackets respected."""
    depth, start = 0, 0
    for i, char in enumerate(words):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            yield words[start:i]
            start = i + 1
    yield words[start:]


def gated_parameters(function: Callable[..., Any]) -> dict[str, str]:
    """The parameters of `function` the gate checks, with their kind ("text"/"texts")."""
    found = {}
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name == "self" or parameter.kind in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        ):
            continue
        kind = text_kind(parameter.annotation)
        if kind in ("text", "texts"):
            found[parameter.name] = kind
    return found


def _gate_value(field: str, value: object) -> object:
    if isinstance(value, str):
        return gate_text(field, value)
    if isinstance(value, (list, tuple)) and any(isinstance(v, str) for v in value):
        return type(value)(gate_text(field, v) if isinstance(v, str) else v for v in value)
    return value


def _gated(function: Callable[..., Any], fields: dict[str, str]) -> Callable[..., Any]:
    parameters = list(inspect.signature(function).parameters.values())
    # Where each gated parameter sits when it is passed by position (self is args[0]).
    positions = {
        p.name: i
        for i, p in enumerate(parameters)
        if p.name in fields
        and p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    }

    @functools.wraps(function)
    def gated(*args: Any, **kwargs: Any) -> Any:
        if len(args) > 1 and positions:
            args_list = list(args)
            for name, at in positions.items():
                if at < len(args_list):
                    args_list[at] = _gate_value(name, args_list[at])
            args = tuple(args_list)
        for name in fields:
            if name in kwargs:
                kwargs[name] = _gate_value(name, kwargs[name])
        return function(*args, **kwargs)

    setattr(gated, GATED, tuple(fields))
    return gated


def gate_methods(cls: type) -> None:
    """Put the gate in front of every public method `cls` defines that takes text."""
    for name, attribute in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(attribute):
            continue
        if hasattr(attribute, GATED):
            continue
        fields = gated_parameters(attribute)
        if fields:
            setattr(cls, name, _gated(attribute, fields))


def unseen_text_parameters(cls: type) -> list[str]:
    """ "Class.method(parameter: annotation)" for each parameter of a public method of
    `cls` that may carry text the gate does not check."""
    problems = []
    for name in dir(cls):
        if name.startswith("_"):
            continue
        attribute = inspect.getattr_static(cls, name)
        if isinstance(attribute, (staticmethod, classmethod)):
            attribute = attribute.__func__
        if not inspect.isfunction(attribute):
            continue
        original = inspect.unwrap(attribute)
        gated = set(getattr(attribute, GATED, ()))
        for parameter in inspect.signature(original).parameters.values():
            if parameter.name == "self":
                continue
            kind = text_kind(parameter.annotation)
            where = f"{cls.__name__}.{name}({parameter.name}: {parameter.annotation})"
            if kind == "unseen" or (kind in ("text", "texts") and parameter.name not in gated):
                problems.append(where)
    return problems
