"""alignmeet-cli: headless commands over the services (demo data, exports, listings).

Imports no Qt. python-docx is imported only by the export command (through the
export module), so `--version`, `demo` and `meetings` stay fast.

Exit codes: 0 success, 1 a user error (missing or unreadable database, unknown
meeting, owner or series, failed export), 2 bad arguments (argparse), 141 when the
reader of the output went away (`| head`), as for any program ended by SIGPIPE.

Which commands write the database: `demo` (fills it; it may upgrade an older AlignMeet
file first, with a backup, as the app does), `upgrade` (that alone), and `restore`
(replaces the file, never while the app holds it); `send` writes the e-mail outbox of an
AlignMeet file already at the newest schema. Listings and exports only read: they
open the file read-only and never upgrade, mark or switch its journal; an older file
makes them say, in one line, to run `alignmeet-cli upgrade`. No command touches a file
that is not AlignMeet's. Passwords in a database URL are never printed (alignmeet.redact).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from alignmeet import __version__, i18n
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus
from alignmeet.i18n import _, ngettext
from alignmeet.redact import display, redact

if TYPE_CHECKING:
    from alignmeet.services import Services
    from alignmeet.services.exports import ExportResult

PROG = "alignmeet-cli"


class CliError(Exception):
    """A user error: printed as one line, exit code 1."""


def _positive_int(value: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"invalid revision {value!r}: revisions start at 1")
    return number


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


# --status words: single statuses, and the groups people ask for.
_STATUS_WORDS: dict[str, frozenset[ActionStatus] | None] = {
    "open": OPEN_STATUSES,  # everything still to do: open, in progress, blocked
    "all": None,
    "closed": frozenset({ActionStatus.DONE, ActionStatus.DROPPED}),
    "in-progress": frozenset({ActionStatus.IN_PROGRESS}),
    "blocked": frozenset({ActionStatus.BLOCKED}),
    "done": frozenset({ActionStatus.DONE}),
    "dropped": frozenset({ActionStatus.DROPPED}),
    "not-started": frozenset({ActionStatus.OPEN}),
}
_STATUS_HELP = (
    "which actions by status: open (= open, in progress and blocked), in-progress, "
    "blocked, not-started, done, dropped, closed (= done and dropped) or all; "
    "several may be joined by commas, e.g. blocked,done"
)


def _statuses(value: str) -> frozenset[ActionStatus] | None:
    """--status: one word or several joined by commas; None means every status."""
    chosen: set[ActionStatus] = set()
    for word in value.split(","):
        key = word.strip().casefold().replace("_", "-").replace(" ", "-")
        if key not in _STATUS_WORDS:
            raise argparse.ArgumentTypeError(
                f"invalid status {word.strip()!r}: use {', '.join(_STATUS_WORDS)}"
            )
        group = _STATUS_WORDS[key]
        if group is None:
            return None
        chosen |= group
    return frozenset(chosen)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="AlignMeet without the window: demo data, exports and listings.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--language",
        choices=sorted(i18n.LANGUAGES),
        default=os.environ.get(i18n.ENV) or None,
        help="the language of the minutes, exports and messages (default: $"
        + i18n.ENV
        + " or English)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_demo_command(commands)
    _add_database_commands(commands)
    export = commands.add_parser("export", help="write documents from a database")
    kinds = export.add_subparsers(dest="kind", metavar="WHAT", required=True)
    _add_minutes_export(kinds)
    _add_action_exports(kinds)
    _add_toolkit_exports(kinds)
    # Accountability (issue 15): the say/do report, recaps and reminders by e-mail.
    from alignmeet import cli_accountability

    cli_accountability.add_export(kinds, DB_HELP)
    cli_accountability.add_commands(commands, DB_HELP, _meeting_ref)
    return parser


DB_HELP = "the database file (default: the app's own database)"


def _add_demo_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`demo`: a sample database, small or at scale."""
    demo = commands.add_parser(
        "demo",
        help="fill a new database with a realistic sample (three monthly meetings)",
        description="Create (or fill an empty) database with a sample Sales & Marketing "
        "series: 'small' is three monthly meetings told in detail; 'large' is a 5-year "
        "history (120 meetings, 60 members, 100,000 actions with their status histories) "
        "for trying the app at scale; 'huge' ten years of it (240 meetings, 300,000 "
        "actions).",
    )
    demo.add_argument("--db", metavar="PATH", help=DB_HELP)
    demo.add_argument(
        "--size",
        choices=("small", "large", "huge"),
        default="small",
        help="small: three meetings; large: a 5-year history; huge: 10 years, 300,000 "
        "actions (default: small)",
    )


def _add_database_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The commands over a database file: list its meetings, back it up, check it,
    upgrade it, list its backups, restore one."""
    listing = commands.add_parser("meetings", help="list the meetings in a database")
    listing.add_argument("--db", metavar="PATH", help=DB_HELP)

    backup = commands.add_parser(
        "backup",
        help="back up a database (SQLite's online backup, safe while the app runs)",
        description="Write a backup into the 'backups' folder next to the database, then "
        "thin the backups to a bounded set (the newest five, one a day for two weeks, one "
        "a week for two months, one a month for nine months, the last three taken before "
        "upgrades and restores).",
    )
    backup.add_argument("--db", metavar="PATH", help=DB_HELP)
    check = commands.add_parser(
        "check",
        help="check a database file for damage (exit 0: sound, 1: damaged)",
        description="Run SQLite's quick check over the whole file and say what is wrong.",
    )
    check.add_argument("--db", metavar="PATH", help=DB_HELP)
    upgrade = commands.add_parser(
        "upgrade",
        help="upgrade an older AlignMeet database to this version (SQLite: backed up first)",
        description="Upgrade a database written by an older AlignMeet to this version's "
        "schema. A SQLite file is backed up first (into its backups folder); the upgrade "
        "runs in one transaction, so a failure leaves the file as it was. Listings and "
        "exports never upgrade a file; they ask for this command.",
    )
    upgrade.add_argument("--db", metavar="PATH", help=DB_HELP)
    backups = commands.add_parser("backups", help="list a database's backups, newest first")
    backups.add_argument("--db", metavar="PATH", help=DB_HELP)
    restore = commands.add_parser(
        "restore",
        help="put a backup in place of the database (close the app first)",
        description="Replace the database by a backup: the newest one that checks out "
        "('latest', the default) or a file. The file it replaces is kept: backed up when "
        "sound, renamed aside (<name>.damaged-<time>) when damaged. Refused while an "
        "AlignMeet has the database open (it names the process and computer).",
    )
    restore.add_argument("--db", metavar="PATH", help=DB_HELP)
    restore.add_argument(
        "--from",
        dest="source",
        metavar="BACKUP|latest",
        default="latest",
        help="the backup file to restore, or 'latest' (default)",
    )


def _add_minutes_export(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`export minutes`: one meeting's minutes (.docx)."""
    minutes = kinds.add_parser(
        "minutes",
        help="the minutes of one meeting as a Word document",
        description="Write the minutes of one meeting as a .docx file.",
    )
    minutes.add_argument("--db", metavar="PATH", help=DB_HELP)
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
    minutes.add_argument(
        "--revision",
        metavar="N",
        type=_positive_int,
        help="which revision of record of a closed meeting (default: the latest; a closed "
        "meeting's minutes are always the record taken when it was closed)",
    )


def _add_action_exports(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`export followups|ics|csv`: the actions, filtered, as a checklist, calendar or CSV."""
    followups = kinds.add_parser(
        "followups",
        help="the follow-up checklist (.docx): actions grouped by owner, with check boxes",
        description="Write the follow-up checklist as a .docx file: the actions grouped by "
        "owner, each with a check box, its due date (overdue ones stand out) and the "
        "meeting it came from. By default only the open actions (open, in progress, blocked).",
    )
    _action_filter_args(followups, DB_HELP, default_status="open")
    followups.add_argument("--out", metavar="FILE.docx", type=Path, required=True)

    ics = kinds.add_parser(
        "ics",
        help="due dates as a calendar file (.ics) to import into Outlook or Google Calendar",
        description="Write the actions' due dates as all-day events (.ics). Each action keeps "
        "its event identity, so importing a newer file updates the events instead of "
        "duplicating them. Actions without a due date are left out. By default only the "
        "open actions (open, in progress, blocked).",
    )
    _action_filter_args(ics, DB_HELP, default_status="open")
    ics.add_argument("--out", metavar="FILE.ics", type=Path, required=True)

    csv = kinds.add_parser(
        "csv",
        help="the actions as a CSV file for spreadsheets",
        description="Write the actions as a CSV file (UTF-8, opens in Excel). Cells that a "
        "spreadsheet would run as a formula are neutralised. By default every action, "
        "whatever its status.",
    )
    _action_filter_args(csv, DB_HELP, default_status="all")
    csv.add_argument("--out", metavar="FILE.csv", type=Path, required=True)


def _add_toolkit_exports(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`export glossary|dashboard`: the alignment toolkit's documents."""
    glossary = kinds.add_parser(
        "glossary",
        help="the glossary of agreed definitions as a Word appendix (.docx)",
        description="Write the current agreed definitions (with their version and the "
        "meeting that agreed them) and the open proposals as a .docx appendix.",
    )
    glossary.add_argument("--db", metavar="PATH", help=DB_HELP)
    glossary.add_argument("--out", metavar="FILE.docx", type=Path, required=True)
    glossary.add_argument(
        "--template", metavar="company.docx", type=Path, help="a .docx whose styles to use"
    )

    dashboard = kinds.add_parser(
        "dashboard",
        help="the shared KPI dashboard as a Word report (.docx) or a picture (.png)",
        description="Write the shared dashboard of one period: the revenue goal, each KPI "
        "against its target with its trend, and their charts. The format follows --out: "
        ".docx (a report with a chart per KPI) or .png (one overview picture).",
    )
    dashboard.add_argument("--db", metavar="PATH", help=DB_HELP)
    dashboard.add_argument(
        "--period",
        metavar="PERIOD",
        help="the month, quarter or week, e.g. 2026-11, 2026-Q4, 'Nov 2026' (default: this month)",
    )
    dashboard.add_argument("--out", metavar="FILE.docx|FILE.png", type=Path, required=True)
    dashboard.add_argument(
        "--template", metavar="company.docx", type=Path, help="a .docx whose styles to use"
    )


def _action_filter_args(
    command: argparse.ArgumentParser, db_help: str, *, default_status: str
) -> None:
    command.add_argument("--db", metavar="PATH", help=db_help)
    command.add_argument(
        "--series",
        metavar="NAME|ID",
        help="only the actions agreed in meetings of this series (default: every series)",
    )
    command.add_argument(
        "--owner",
        metavar="NAME|ID",
        help="only this member's actions: full name, a unique first or last name, or id "
        "(default: everyone's)",
    )
    command.add_argument(
        "--status",
        metavar="STATUS",
        type=_statuses,
        default=_statuses(default_status),
        help=f"{_STATUS_HELP} (default: {default_status})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, bad arguments (argparse printed them)
        return exc.code if isinstance(exc.code, int) else 2
    i18n.set_language(args.language)
    global _SECRET
    _SECRET = getattr(args, "db", None)
    try:
        code = _run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit as "Exception ignored"
        return code
    except BrokenPipeError:
        return _quiet_after_broken_pipe()


# The --db argument: its password (if any) is masked in everything printed.
_SECRET: str | None = None
# A program whose reader has gone (`| head`) ends as if by SIGPIPE: 128 + 13.
BROKEN_PIPE_EXIT = 141


def _run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "meetings":
            return _meetings(args)
        if args.command == "upgrade":
            return _upgrade(args)
        if args.command in ("backup", "check", "backups", "restore"):
            return _safety(args)
        if args.command in ("send", "outbox"):
            from alignmeet.cli_accountability import run_outbox, run_send

            return run_send(args) if args.command == "send" else run_outbox(args)
        if args.command == "export":
            if args.kind == "minutes":
                return _export_minutes(args)
            if args.kind in ("glossary", "dashboard"):
                return _export_toolkit(args)
            if args.kind == "accountability":
                from alignmeet.cli_accountability import run_export

                return run_export(args)
            return _export_actions(args)
    except CliError as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:  # e.g. the file is locked by the app or read-only
        detail = getattr(exc, "orig", None) or exc
        return _fail(
            _("the database could not be read or written: {problem}").format(problem=detail)
        )
    except KeyboardInterrupt:
        return _fail(_("interrupted"))
    raise AssertionError(f"unknown command {args.command!r}")  # pragma: no cover


def _quiet_after_broken_pipe() -> int:
    """Nothing more can reach the reader: send what is left to /dev/null, so Python's
    flush at exit does not print "Exception ignored … BrokenPipeError"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests)
        pass
    return BROKEN_PIPE_EXIT


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
        if args.size in ("large", "huge"):
            from alignmeet.demo import HUGE, build_large_demo

            size = HUGE if args.size == "huge" else {}
            summary = build_large_demo(services, today=date.today(), **size)
        else:
            summary = build_demo(services, today=date.today())
    except (ValueError, ValidationError) as exc:
        raise CliError(f"{db.label}: {exc}") from exc
    finally:
        services.close()
    print(
        _("{summary} Database: {database}.").format(summary=summary.describe(), database=db.label)
    )
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    """Upgrade an older AlignMeet database (a SQLite file is backed up first)."""
    from alignmeet.storage.database import (
        HEAD_REVISION,
        DatabaseOpenError,
        UpgradeNeededError,
        open_database,
    )
    from alignmeet.storage.lock import LockedError, hold

    try:
        open_database(args.db, create=False, migrate=False).dispose()
    except UpgradeNeededError as exc:
        before = exc.revision
        if before is None:
            raise CliError(str(exc)) from exc
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from exc
    else:
        label = display(args.db) if args.db else str(_default_path())
        print(
            _("{database} is already at schema {revision}; nothing to do.").format(
                database=label, revision=HEAD_REVISION
            )
        )
        return 0
    path = _sqlite_path(args.db)
    try:
        with hold(path) if path is not None else contextlib.nullcontext():
            db = open_database(args.db, create=False)
    except LockedError as exc:
        raise CliError(
            _("{holder} Close AlignMeet there first; nothing was upgraded.").format(holder=exc)
        ) from exc
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:  # the lock cannot be made beside it: a read-only folder
        from alignmeet.storage.access import describe_os_error

        raise CliError(describe_os_error(exc, path or Path())) from exc
    db.dispose()
    if db.backups:
        done = _(
            "Upgraded {database} from schema {before} to {after}; the file as it was is "
            "backed up in {backup}."
        )
    else:
        done = _("Upgraded {database} from schema {before} to {after}.")
    print(
        done.format(
            database=db.label,
            before=before,
            after=HEAD_REVISION,
            backup=db.backups[-1] if db.backups else "",
        )
    )
    return 0


def _default_path() -> Path:
    from alignmeet.paths import default_db_path

    return default_db_path()


def _sqlite_path(db_arg: str | None) -> Path | None:
    if db_arg is not None and "://" in db_arg:
        return None
    return Path(db_arg).expanduser().resolve() if db_arg else _default_path()


def _sqlite_file(db_arg: str | None) -> Path:
    if db_arg is not None and "://" in db_arg:
        raise CliError(
            _(
                "backup, check and restore work on SQLite files; a database server has its "
                "own backups (pg_dump)"
            )
        )
    path = _sqlite_path(db_arg)
    assert path is not None
    return path


def _safety(args: argparse.Namespace) -> int:
    """backup | check | backups | restore on a SQLite file."""
    from alignmeet.services.backups import BackupError, BackupService

    path = _sqlite_file(args.db)
    backups = BackupService(path)
    try:
        backups.refuse_foreign()
        if args.command == "check":
            problem = backups.check()
            if problem is not None:
                latest = backups.latest_good() if path.exists() else None
                if latest is None:
                    return _fail(problem)
                hint = _(
                    "{problem} The newest good backup is {backup}; restore it with `{command}`."
                ).format(problem=problem, backup=latest.path, command=f"{PROG} restore --db {path}")
                return _fail(hint)
            print(_("{path}: ok (SQLite quick check passed).").format(path=path))
            return 0
        if args.command == "backups":
            found = backups.list()
            if not found:
                print(
                    _("No backups of {path} in {folder}.").format(
                        path=path, folder=path.parent / "backups"
                    )
                )
            for backup in found:
                print(f"{backup.label}  {backup.path}")
            return 0
        if args.command == "backup":
            written = backups.make("manual")
            backups.thin()
            print(_("Backup of {path} written to {backup}.").format(path=path, backup=written))
            return 0
        if args.source == "latest":
            latest = backups.latest_good()
            if latest is None:
                raise CliError(_("there is no good backup of {path} to restore").format(path=path))
            source = latest.path
        else:
            source = Path(args.source).expanduser()
        kept = backups.restore(source)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"{exc.filename or path}: {exc.strerror or exc}") from exc
    if kept:
        done = _("Restored {path} from {source}. The file it replaced is kept as {kept}.")
    else:
        done = _("Restored {path} from {source}.")
    print(done.format(path=path, source=source, kept=kept))
    return 0


def _meetings(args: argparse.Namespace) -> int:
    services = _open_existing(args.db)
    try:
        rows = sorted(services.meetings.list_meetings(), key=lambda x: (x.starts_at, x.id))
    finally:
        services.close()
    if not rows:
        print(_("No meetings in {database}.").format(database=services.db.label))
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
        raise CliError(
            _("the template {path} does not exist or is not a file").format(path=template)
        )
    services = _open_existing(args.db)
    try:
        meeting_id = _resolve_meeting(services, args.meeting, args.db)
        from alignmeet.services import ExportError

        services.use_company_template(template)
        try:
            written = services.exports.minutes_docx(
                meeting_id=meeting_id, path=args.out, revision=args.revision
            )
        except NotFoundError as exc:
            if args.revision is not None:
                raise CliError(str(exc)) from exc
            raise CliError(_no_meeting(meeting_id, args.db)) from exc
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(
                _("cannot write {path}: {problem}").format(
                    path=args.out, problem=exc.strerror or exc
                )
            ) from exc
        title = services.meetings.get_meeting(meeting_id).title
    finally:
        services.close()
    print(
        _("Minutes of “{title}” (meeting {id}) written to {path}.").format(
            title=title, id=meeting_id, path=written
        )
    )
    return 0


def _export_toolkit(args: argparse.Namespace) -> int:
    """export glossary | dashboard."""
    from alignmeet.domain.rules import ValidationError

    template: Path | None = args.template
    if template is not None and not template.is_file():
        raise CliError(
            _("the template {path} does not exist or is not a file").format(path=template)
        )
    out: Path = args.out
    suffix = out.suffix.lower()
    if args.kind == "glossary" and suffix != ".docx":
        raise CliError(_("{path}: the glossary is written as a .docx file").format(path=out))
    if args.kind == "dashboard" and suffix not in (".docx", ".png"):
        raise CliError(
            _("{path}: the dashboard is written as a .docx or a .png file").format(path=out)
        )
    services = _open_existing(args.db)
    services.use_company_template(template)
    try:
        from alignmeet.services import ExportError

        try:
            if args.kind == "glossary":
                glossary = services.exports.glossary_docx(path=out)
                done = ngettext(
                    "Glossary ({n} term) written to {path}.",
                    "Glossary ({n} terms) written to {path}.",
                    glossary.terms,
                ).format(n=glossary.terms, path=glossary.path)
            else:
                written, period = services.exports.dashboard(path=out, period=args.period)
                done = _("Dashboard for {period} written to {path}.").format(
                    period=period, path=written
                )
        except ValidationError as exc:
            raise CliError(exc.message) from exc
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(
                _("cannot write {path}: {problem}").format(path=out, problem=exc.strerror or exc)
            ) from exc
    finally:
        services.close()
    print(done)
    return 0


def _export_actions(args: argparse.Namespace) -> int:
    """export followups | ics | csv: the actions of one filter, written to --out."""
    from alignmeet.services import NotFoundError
    from alignmeet.services.followups import ActionFilter

    services = _open_existing(args.db)
    try:
        flt = ActionFilter(
            series_id=_resolve_series(services, args.series) if args.series else None,
            owner_id=_resolve_owner(services, args.owner) if args.owner else None,
            statuses=args.status,
        )
        from alignmeet.services import ExportError

        exports = services.exports
        try:
            if args.kind == "followups":
                result = exports.followups_docx(flt=flt, path=args.out)
            elif args.kind == "ics":
                result = exports.ics(flt=flt, path=args.out)
            else:
                result = exports.csv(flt=flt, path=args.out)
        except NotFoundError as exc:  # deleted while we were running
            raise CliError(str(exc)) from exc
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(
                _("cannot write {path}: {problem}").format(
                    path=args.out, problem=exc.strerror or exc
                )
            ) from exc
    finally:
        services.close()
    print(_exported(args.kind, result))
    return 0


def _exported(kind: str, result: ExportResult) -> str:
    n = result.actions
    if kind == "ics":
        text = ngettext(
            "Calendar with {n} due date ({scope}) written to {path}",
            "Calendar with {n} due dates ({scope}) written to {path}",
            n,
        ).format(n=n, scope=result.scope, path=result.path)
        if result.skipped:
            text += ngettext(
                "; {n} action without a due date left out",
                "; {n} actions without a due date left out",
                result.skipped,
            ).format(n=result.skipped)
        return text + "."
    if kind == "followups":
        text = ngettext(
            "Follow-up checklist of {n} action ({scope}) written to {path}.",
            "Follow-up checklist of {n} actions ({scope}) written to {path}.",
            n,
        )
    else:
        text = ngettext(
            "CSV of {n} action ({scope}) written to {path}.",
            "CSV of {n} actions ({scope}) written to {path}.",
            n,
        )
    return text.format(n=n, scope=result.scope, path=result.path)


# ---- helpers --------------------------------------------------------------------------
def _open_existing(db_arg: str | None, *, write: bool = False) -> Services:
    """Services over an existing database, to read it (`write`: to write it too, e.g. the
    outbox of `send`): never creates or upgrades it (an older AlignMeet file is left for
    `alignmeet-cli upgrade`), and only a command that writes opens it for writing."""
    from alignmeet.services import Services
    from alignmeet.storage.database import DatabaseOpenError, UpgradeNeededError, open_database

    try:
        if not write:
            return Services(open_database(db_arg, create=False, migrate=False))
        # Looked at first (read-only: an older file is refused unchanged), then opened to
        # write; at the newest schema there is nothing to upgrade.
        open_database(db_arg, create=False, migrate=False).dispose()
        return Services(open_database(db_arg, create=False))
    except UpgradeNeededError as exc:
        if exc.revision is None:
            raise CliError(str(exc)) from exc
        command = f"{PROG} upgrade" + (f" --db {_quoted(display(db_arg))}" if db_arg else "")
        if db_arg is not None and "://" in db_arg:  # a server: AlignMeet backs up no server
            text = _(
                "{database} was written by an older AlignMeet (schema {revision}); nothing was "
                "changed. Back the server up (pg_dump), then upgrade it with `{command}`."
            )
        else:
            text = _(
                "{database} was written by an older AlignMeet (schema {revision}); nothing was "
                "changed. Upgrade it with `{command}` (a backup is taken first)."
            )
        raise CliError(
            text.format(
                database=display(db_arg) if db_arg else _default_path(),
                revision=exc.revision,
                command=command,
            )
        ) from exc
    except DatabaseOpenError as exc:
        raise CliError(str(exc)) from exc


def _quoted(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _resolve_meeting(services: Services, ref: int | str, db_arg: str | None) -> int:
    from alignmeet.domain.enums import MeetingStatus

    meetings = services.meetings.list_meetings()  # newest first
    if ref == "latest":
        if not meetings:
            raise CliError(
                _("there are no meetings in {database}").format(database=services.db.label)
            )
        held = [x for x in meetings if x.status is not MeetingStatus.PLANNED]
        return (held or meetings)[0].id
    assert isinstance(ref, int)
    if not any(x.id == ref for x in meetings):
        raise CliError(_no_meeting(ref, db_arg))
    return ref


def _resolve_series(services: Services, value: str) -> int:
    choices = [(x.id, x.name) for x in services.meetings.list_series()]
    return _resolve_named("series", value, choices)


def _resolve_owner(services: Services, value: str) -> int:
    choices = [(x.id, x.name) for x in services.people.list_members(include_inactive=True)]
    return _resolve_named("owner", value, choices)


def _resolve_named(what: str, value: str, choices: Sequence[tuple[int, str]]) -> int:
    """An id, a full name (any case or spacing), or a word that only one name contains.

    Anything else is a `CliError` naming the close matches (or the known names).
    """
    from alignmeet.domain.rules import name_key

    text = value.strip()
    if text.isdigit():
        for ident, _name in choices:
            if ident == int(text):
                return ident
        raise CliError(_named(what, "no id", text) + _known(what, choices))
    key = name_key(text)
    for ident, name in choices:
        if name_key(name) == key:
            return ident
    by_word = [(i, n) for i, n in choices if key and key in name_key(n).split()]
    if len(by_word) == 1:
        return by_word[0][0]
    names = [n for _ident, n in choices]
    if len(by_word) > 1:
        close = [n for _ident, n in by_word]
    else:
        close = _close_names(key, names)
    if not close:
        raise CliError(_named(what, "unknown", text) + _known(what, choices))
    lead = _named(what, "several" if len(by_word) > 1 else "unknown", text)
    quoted = _(" or ").join(_("“{name}”").format(name=n) for n in close[:5])
    raise CliError(_("{problem}; did you mean {names}?").format(problem=lead, names=quoted))


def _named(what: str, problem: str, text: str) -> str:
    """ "unknown owner “x”", "“x” matches several series", "there is no owner with id 9"."""
    messages = {
        ("owner", "unknown"): _("unknown owner “{text}”"),
        ("owner", "several"): _("“{text}” matches several owners"),
        ("owner", "no id"): _("there is no owner with id {text}"),
        ("series", "unknown"): _("unknown series “{text}”"),
        ("series", "several"): _("“{text}” matches several series"),
        ("series", "no id"): _("there is no series with id {text}"),
    }
    return messages[(what, problem)].format(text=text)


def _close_names(key: str, names: Sequence[str]) -> list[str]:
    """Names like `key`: spelled alike as a whole or in one word, or with a word starting
    with it; best first."""
    from alignmeet.domain.rules import name_key

    scored = []
    for name in names:
        full = name_key(name)
        words = full.split()
        score = max(difflib.SequenceMatcher(None, key, part).ratio() for part in (full, *words))
        if len(key) >= 2 and any(word.startswith(key) for word in words):
            score = max(score, 0.9)
        if score >= 0.6:
            scored.append((-score, name.casefold(), name))
    return [name for *_, name in sorted(scored)]


def _known(what: str, choices: Sequence[tuple[int, str]]) -> str:
    if not choices:
        if what == "series":
            return _("; there are no series in this database")
        return _("; there are no owners in this database")
    names = sorted((n for _ident, n in choices), key=str.casefold)
    shown = ", ".join(names[:8])
    if len(names) > 8:
        shown = _("{names} and {n} more").format(names=shown, n=len(names) - 8)
    if what == "series":
        return _("; known series: {names}").format(names=shown)
    return _("; known owners: {names}").format(names=shown)


def _no_meeting(meeting_id: int, db_arg: str | None) -> str:
    db_part = f" --db {display(db_arg)}" if db_arg else ""
    return _("no meeting with id {id}; run '{command}' to list them").format(
        id=meeting_id, command=f"{PROG} meetings{db_part}"
    )


def _fail(message: str) -> int:
    """One line on stderr (libpq's messages span lines), with every password masked."""
    one_line = " ".join(part.strip() for part in message.strip().splitlines() if part.strip())
    line = _("{program}: error: {message}").format(program=PROG, message=one_line)
    print(redact(line, _SECRET), file=sys.stderr)
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
