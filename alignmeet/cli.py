"""alignmeet-cli: headless commands over the services (demo data, exports, listings).

Imports no Qt. python-docx is imported only by the export command (through the
export module), so `--version`, `demo` and `meetings` stay fast.

Exit codes: 0 success, 1 a user error (missing or unreadable database, unknown
meeting, failed export), 2 bad arguments (argparse).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from alignmeet import __version__

if TYPE_CHECKING:
    from alignmeet.services import Services

PROG = "alignmeet-cli"


class CliError(Exception):
    """A user error: printed as one line, exit code 1."""


def _meeting_ref(value: str) -> int | str:
    text = value.strip().casefold()
    if text == "latest":
        return "latest"
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid meeting {value!r}: give a meeting id (a number) or 'latest'"
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"invalid meeting id {value!r}: ids start at 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="AlignMeet without the window: demo data, exports and listings.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    db_help = "the database file (default: the app's own database)"

    demo = commands.add_parser(
        "demo",
        help="fill a new database with a realistic sample (three monthly meetings)",
        description="Create (or fill an empty) database with a sample Sales & Marketing series.",
    )
    demo.add_argument("--db", metavar="PATH", help=db_help)

    listing = commands.add_parser("meetings", help="list the meetings in a database")
    listing.add_argument("--db", metavar="PATH", help=db_help)

    export = commands.add_parser("export", help="write documents from a database")
    kinds = export.add_subparsers(dest="kind", metavar="WHAT", required=True)
    minutes = kinds.add_parser(
        "minutes",
        help="the minutes of one meeting as a Word document",
        description="Write the minutes of one meeting as a .docx file.",
    )
    minutes.add_argument("--db", metavar="PATH", help=db_help)
    minutes.add_argument(
        "--meeting",
        metavar="ID|latest",
        type=_meeting_ref,
        default="latest",
        help="meeting id (see the 'meetings' command) or 'latest': the most recent meeting "
        "that has started (default: latest)",
    )
    minutes.add_argument("--out", metavar="FILE.docx", type=Path, required=True)
    minutes.add_argument(
        "--template", metavar="company.docx", type=Path, help="a .docx whose styles to use"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, bad arguments (argparse printed them)
        return exc.code if isinstance(exc.code, int) else 2
    from sqlalchemy.exc import SQLAlchemyError

    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "meetings":
            return _meetings(args)
        if args.command == "export":
            return _export_minutes(args)
    except CliError as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:  # e.g. the file is locked by the app or read-only
        detail = getattr(exc, "orig", None) or exc
        return _fail(f"the database could not be read or written: {detail}")
    except KeyboardInterrupt:
        return _fail("interrupted")
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover - argparse guards it
    return 2  # pragma: no cover


# ---- commands -------------------------------------------------------------------------
def _demo(args: argparse.Namespace) -> int:
    from alignmeet.demo import build_demo
    from alignmeet.domain.rules import ValidationError
    from alignmeet.services import Services
    from alignmeet.storage.database import DatabaseOpenError, open_database

    try:
        db = open_database(args.db, create=True)
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from exc
    services = Services(db)
    try:
        summary = build_demo(services, today=date.today())
    except (ValueError, ValidationError) as exc:
        raise CliError(f"{_label(args.db, db.path)}: {exc}") from exc
    finally:
        services.close()
    print(f"{summary.describe()} Database: {_label(args.db, db.path)}.")
    return 0


def _meetings(args: argparse.Namespace) -> int:
    services = _open_existing(args.db)
    try:
        rows = sorted(services.meetings.list_meetings(), key=lambda x: (x.starts_at, x.id))
    finally:
        services.close()
    if not rows:
        print(f"No meetings in {_label(args.db, services.db.path)}.")
        return 0
    width = max(len(str(x.id)) for x in rows)
    status_width = max(len(x.status.value) for x in rows)
    for x in rows:
        print(
            f"{x.id:>{width}}  {x.starts_at:%Y-%m-%d %H:%M}  "
            f"{x.status.value:<{status_width}}  {x.title}"
        )
    return 0


def _export_minutes(args: argparse.Namespace) -> int:
    from alignmeet.services import NotFoundError

    template: Path | None = args.template
    if template is not None and not template.is_file():
        raise CliError(f"the template {template} does not exist or is not a file")
    services = _open_existing(args.db)
    try:
        meeting_id = _resolve_meeting(services, args.meeting, args.db)
        try:
            from alignmeet.export import ExportError
        except ImportError as exc:  # pragma: no cover - a broken installation
            raise CliError(f"the Word export is not available here ({exc})") from exc
        try:
            written = services.minutes.export_docx(
                meeting_id=meeting_id, path=args.out, template=template
            )
        except NotFoundError as exc:
            raise CliError(_no_meeting(meeting_id, args.db)) from exc
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
        title = services.meetings.get_meeting(meeting_id).title
    finally:
        services.close()
    print(f"Minutes of “{title}” (meeting {meeting_id}) written to {written}.")
    return 0


# ---- helpers --------------------------------------------------------------------------
def _open_existing(db_arg: str | None) -> Services:
    """Services over an existing database; never creates one."""
    from alignmeet.services import Services
    from alignmeet.storage.database import DatabaseOpenError, open_database

    try:
        return Services(open_database(db_arg, create=False))
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from exc


def _resolve_meeting(services: Services, ref: int | str, db_arg: str | None) -> int:
    from alignmeet.domain.enums import MeetingStatus

    meetings = services.meetings.list_meetings()  # newest first
    if ref == "latest":
        if not meetings:
            raise CliError(f"there are no meetings in {_label(db_arg, services.db.path)}")
        held = [x for x in meetings if x.status is not MeetingStatus.PLANNED]
        return (held or meetings)[0].id
    assert isinstance(ref, int)
    if not any(x.id == ref for x in meetings):
        raise CliError(_no_meeting(ref, db_arg))
    return ref


def _no_meeting(meeting_id: int, db_arg: str | None) -> str:
    db_part = f" --db {db_arg}" if db_arg else ""
    return f"no meeting with id {meeting_id}; run '{PROG} meetings{db_part}' to list them"


def _label(db_arg: str | None, path: Path | None) -> str:
    return str(path) if path is not None else str(db_arg)


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def _tolerant_streams() -> None:
    """Never crash on a console that cannot show “quotes” or arrows."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # detached or closed stream
                reconfigure(errors="replace")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
