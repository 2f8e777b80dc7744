"""The command line's accountability commands (part of `alignmeet-cli`, see alignmeet.cli):

    alignmeet-cli export accountability --out say-do.docx [--series NAME]   # or .csv
    alignmeet-cli send recap --meeting 12        # queue each attendee's recap and send
    alignmeet-cli send reminders                 # each owner's "due this week" digest
    alignmeet-cli send outbox                    # retry what is waiting (cron, Task Scheduler)
    alignmeet-cli outbox                         # list the outbox

Sending uses the SMTP settings the app saved (Settings › E-mail; a file in the user's
config folder) and the password from the OS keyring or $ALIGNMEET_SMTP_PASSWORD. With
`--eml-dir DIR` (or no server set) one .eml per person is written instead. Exit codes: 0
when everything due was sent (or written), 1 for a user error, 3 when some messages could
not be sent and stay in the outbox (so a scheduler can alert).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alignmeet.i18n import _

if TYPE_CHECKING:
    from alignmeet.domain.outbox import SendReport
    from alignmeet.services import Services
    from alignmeet.services.recaps import QueueResult

NOT_ALL_SENT = 3


def add_export(kinds: Any, db_help: str) -> None:
    report = kinds.add_parser(
        "accountability",
        help="say/do and calibration per member and team, meeting ratings (.docx or .csv)",
        description="Write the say/do report: commitments made against kept per member and "
        "per team (last 90 days and all time), calibration against the confidence stated "
        "when committing, and the meeting ratings per series. A .csv file gets one row per "
        "member, team and the total.",
    )
    report.add_argument("--db", metavar="PATH", help=db_help)
    report.add_argument(
        "--series", metavar="NAME|ID", help="only this series' commitments (default: all)"
    )
    report.add_argument("--out", metavar="FILE.docx|FILE.csv", type=Path, required=True)


def add_commands(commands: Any, db_help: str, meeting_ref: Any) -> None:
    send = commands.add_parser(
        "send",
        help="send recaps, reminders or what waits in the outbox (by SMTP, or as .eml files)",
        description="Queue and send e-mail through the SMTP server set in the app "
        "(Settings › E-mail). Every message goes through the outbox: one that fails stays "
        "there with the reason and is retried by the next run; none is sent twice.",
    )
    what = send.add_subparsers(dest="what", metavar="WHAT", required=True)
    recap = what.add_parser(
        "recap",
        help="each attendee's recap of a closed meeting, with the minutes attached",
    )
    recap.add_argument("--db", metavar="PATH", help=db_help)
    recap.add_argument(
        "--meeting",
        metavar="ID|latest",
        type=meeting_ref,
        default="latest",
        help="meeting id or 'latest' (the most recent meeting that has started)",
    )
    recap.add_argument("--template", metavar="company.docx", type=Path, help="minutes' styles")
    recap.add_argument(
        "--eml-dir", metavar="DIR", type=Path, help="write .eml files here instead of sending"
    )
    reminders = what.add_parser(
        "reminders", help="each owner's open actions overdue or due in the next 7 days"
    )
    reminders.add_argument("--db", metavar="PATH", help=db_help)
    reminders.add_argument(
        "--eml-dir", metavar="DIR", type=Path, help="write .eml files here instead of sending"
    )
    outbox = what.add_parser("outbox", help="send what waits in the outbox and is due")
    outbox.add_argument("--db", metavar="PATH", help=db_help)
    outbox.add_argument(
        "--all", action="store_true", help="also messages refused for good or not due yet"
    )
    listing = commands.add_parser("outbox", help="list the e-mail outbox, newest first")
    listing.add_argument("--db", metavar="PATH", help=db_help)


def run_export(args: argparse.Namespace) -> int:
    from alignmeet import cli

    suffix = args.out.suffix.lower()
    if suffix not in (".docx", ".csv"):
        raise cli.CliError(_("--out must end in .docx or .csv, not “{name}”").format(name=args.out))
    services = cli._open_existing(args.db)
    try:
        series_id = cli._resolve_series(services, args.series) if args.series else None
        written = _exported(
            lambda: services.exports.accountability_report(path=args.out, series_id=series_id)
        )
        report = services.accountability.report(series_id=series_id)
    finally:
        services.close()
    from alignmeet.domain.accountability import kept_text

    print(
        _("Say/do of {members} members written to {path} (last {days} days: {figures}).").format(
            members=len(report.members),
            path=written,
            days=report.window_days,
            figures=kept_text(report.total_recent),
        )
    )
    return 0


def _exported(write: Any) -> Path:
    from alignmeet import cli
    from alignmeet.services import ExportError

    try:
        return write()  # type: ignore[no-any-return]
    except ExportError as exc:
        raise cli.CliError(str(exc)) from exc


def run_send(args: argparse.Namespace) -> int:
    from alignmeet import cli
    from alignmeet.domain.rules import ValidationError
    from alignmeet.mail.settings import MailSettingsError

    services = cli._open_existing(args.db, write=True)  # the outbox is written
    try:
        try:
            if args.what == "recap":
                meeting_id = cli._resolve_meeting(services, args.meeting, args.db)
                services.use_company_template(args.template)
                if args.eml_dir is not None:
                    result = _exported(
                        lambda: services.exports.recap_emls(
                            meeting_id=meeting_id, folder=args.eml_dir
                        )
                    )
                    return _written(result)
                result = services.recaps.queue_recaps(
                    meeting_id, template=services.exports.company_template()
                )
                _queued(result)
            elif args.what == "reminders":
                if args.eml_dir is not None:
                    result = _exported(lambda: services.exports.reminder_emls(folder=args.eml_dir))
                    return _written(result)
                result = services.recaps.queue_reminders()
                _queued(result)
            report = services.recaps.send_outbox(force=getattr(args, "all", False))
        except (ValidationError, MailSettingsError) as exc:
            raise cli.CliError(str(exc)) from exc
        return _sent(report, services)
    finally:
        services.close()


def _queued(result: QueueResult) -> None:
    if result.queued:
        print(_("{count} message(s) queued.").format(count=len(result.queued)))
    if result.already:
        print(_("Queued before, not again: {names}.").format(names=", ".join(result.already)))
    if result.without_address:
        print(
            _("No e-mail address for: {names} (add them on the People page).").format(
                names=", ".join(result.without_address)
            )
        )


def _written(result: QueueResult) -> int:
    for path in result.files:
        print(path)
    print(_("{count} .eml file(s) written, ready to send.").format(count=len(result.files)))
    if result.without_address:
        print(
            _("No e-mail address for: {names} (add them on the People page).").format(
                names=", ".join(result.without_address)
            )
        )
    return 0


def _sent(report: SendReport, services: Services) -> int:
    from alignmeet.domain.outbox import OutboxStatus

    for outcome in report.outcomes:
        if outcome.status is OutboxStatus.SENT:
            line = _("sent to {to}").format(to=outcome.recipient)
        elif outcome.status is OutboxStatus.UNCONFIRMED:
            line = _("UNCONFIRMED {to}: {detail}").format(
                to=outcome.recipient, detail=outcome.detail
            )
        else:
            line = _("not sent to {to}, kept in the outbox: {detail}").format(
                to=outcome.recipient, detail=outcome.detail
            )
        print(line)
    if report.stopped and not report.outcomes:
        print(report.stopped)
    if report.not_tried:
        print(_("{count} message(s) left for the next run.").format(count=report.not_tried))
    waiting = services.recaps.pending_count()
    print(
        _("Sent {sent}; {waiting} message(s) waiting in the outbox.").format(
            sent=report.sent, waiting=waiting
        )
    )
    return 0 if not (report.failed or report.unconfirmed or report.not_tried) else NOT_ALL_SENT


def run_outbox(args: argparse.Namespace) -> int:
    from alignmeet import cli
    from alignmeet.domain.labels import label

    services = cli._open_existing(args.db)
    try:
        rows = services.recaps.outbox()
    finally:
        services.close()
    if not rows:
        print(_("The outbox is empty."))
        return 0
    for row in rows:
        when = (row.sent_at or row.last_attempt_at or row.created_at).strftime("%Y-%m-%d %H:%M")
        status = label(row.status)
        line = f"{row.id:>5}  {when}  {status:<12}  {row.recipient}  {row.subject}"
        if row.last_error and row.status.value != "sent":
            line += f"\n       {row.last_error}"
        print(line)
    return 0
