"""A follow-ups export in a process of its own, for the window at scale.

Exporting 300,000 actions keeps Python busy for seconds (an .ics file: 15–20 s). In a
thread of the window's own process that work holds the interpreter lock the window needs
for every paint, timer and click; on a loaded machine the worker is often taken off the
processor while it holds the lock, and the window then stood still until it came back
(53 ms during an .ics export, at a load of 2.2). A process of its own has a lock of its
own: the window only shares the processors.

`python -m alignmeet.services.export_process` reads one JSON request on its standard
input (`request_line`: which export, the database, the filter, the file, the language,
the company template),
writes the file with the same `ExportService` method as the app (so the same bytes,
atomically), and prints one JSON reply (`reply_result` turns it back into the
`ExportResult`, or raises the `ExportError` or `ExportCancelled` the method raised). A
line "cancel" on its standard input stops it at the export's next checkpoint: no file
is written and the old one stays as it was. The database is opened read-only.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Any

from alignmeet import i18n
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.followups import ActionFilter
from alignmeet.services.errors import ExportError
from alignmeet.services.exports import ExportCancelled, ExportResult

KINDS = ("docx", "ics", "csv")
MODULE = __name__
CANCEL = "cancel"


def request_line(
    *,
    kind: str,
    target: str,
    flt: ActionFilter,
    path: Path,
    language: str | None = None,
    template: Path | None = None,
) -> bytes:
    """The request, one line of JSON (the database's URL may hold a password: it goes
    through the pipe, never the command line)."""
    if kind not in KINDS:
        raise ValueError(f"unknown export {kind!r}")
    request = {
        "kind": kind,
        "target": target,
        "filter": _filter_json(flt),
        "path": str(path),
        "language": language or i18n.language(),
        "template": None if template is None else str(template),  # the company's, for Word
    }
    return (json.dumps(request) + "\n").encode("utf-8")


def reply_result(reply: dict[str, Any]) -> ExportResult:
    """The export's result from its reply; raises what the export raised."""
    if reply.get("cancelled"):
        raise ExportCancelled(str(reply.get("message", "")))
    error = reply.get("error")
    if error is not None:
        path = reply.get("path")
        raise ExportError(str(error), path=Path(path) if path else None)
    return ExportResult(
        path=Path(reply["path"]),
        actions=int(reply["actions"]),
        scope=str(reply["scope"]),
        skipped=int(reply.get("skipped", 0)),
    )


def _filter_json(flt: ActionFilter) -> dict[str, Any]:
    return {
        "owner_id": flt.owner_id,
        "team_tag": None if flt.team_tag is None else TeamTag(flt.team_tag).value,
        "series_id": flt.series_id,
        "statuses": None
        if flt.statuses is None
        else sorted(ActionStatus(s).value for s in flt.statuses),
        "due": flt.due,
        "text": flt.text,
        "meeting_id": flt.meeting_id,
    }


def _filter_of(data: dict[str, Any]) -> ActionFilter:
    statuses = data.get("statuses")
    team = data.get("team_tag")
    return ActionFilter(
        owner_id=data.get("owner_id"),
        team_tag=None if team is None else TeamTag(team),
        series_id=data.get("series_id"),
        statuses=None if statuses is None else frozenset(ActionStatus(s) for s in statuses),
        due=data.get("due"),
        text=data.get("text", ""),
        meeting_id=data.get("meeting_id"),
    )


def _export(request: dict[str, Any], cancelled: threading.Event) -> dict[str, Any]:
    from alignmeet.services import Services
    from alignmeet.storage.database import open_database

    i18n.set_language(request.get("language"))
    # Only to read: no upgrade, no start-up upkeep (the window's process did both); on a
    # server too, where `read_only` alone would still let the open path write.
    db = open_database(
        request["target"], create=False, quick_check=False, read_only=True, migrate=False
    )
    services = Services(db)
    template = request.get("template")
    services.use_company_template(Path(template) if template else None)
    try:
        method = {"docx": "followups_docx"}.get(request["kind"], request["kind"])
        writer = getattr(services.exports, method)
        result = writer(
            flt=_filter_of(request["filter"]),
            path=Path(request["path"]),
            cancelled=cancelled.is_set,
        )
    finally:
        services.close()
    return {
        "path": str(result.path),
        "actions": result.actions,
        "scope": result.scope,
        "skipped": result.skipped,
    }


def stopped_message(exc: BaseException, target: object) -> str:
    """What went wrong, in a sentence for the window's warning (also for the same export
    in the window's own thread); a password of the database's URL never in it."""
    from alignmeet.i18n import _
    from alignmeet.redact import redact

    detail = getattr(exc, "orig", None) or exc  # a driver's own words, without the SQL
    return _("The export stopped before the file was written: {problem}").format(
        problem=redact(detail, target) or type(exc).__name__
    )


def _listen(stream: Any, cancelled: threading.Event) -> None:
    """ "cancel" (or the parent gone: end of input) stops the export at its next
    checkpoint."""
    for line in stream:
        if line.strip() == CANCEL:
            break
    cancelled.set()


def main() -> int:
    request = json.loads(sys.stdin.readline())
    cancelled = threading.Event()
    threading.Thread(target=_listen, args=(sys.stdin, cancelled), daemon=True).start()
    try:
        reply = _export(request, cancelled)
    except ExportCancelled as exc:
        reply = {"cancelled": True, "message": str(exc)}
    except ExportError as exc:
        path = getattr(exc, "path", None)
        reply = {"error": str(exc), "export_error": True, "path": str(path) if path else None}
    except Exception as exc:  # the database gone, a bug: said in the window, never a traceback
        reply = {"error": stopped_message(exc, request.get("target"))}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
