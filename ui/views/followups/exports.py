"""The follow-ups page's files: the checklist, calendar and CSV exports of the listed
actions (where to save them), and the printable "My commitments" page as a PDF. Every text
is translated in the page's own context ("FollowUpsView")."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from alignmeet.domain.records import MemberCommitments
from ui.core_labels import label
from ui.models.followup_rows_model import slipped_text
from ui.save_paths import ask_save_path
from ui.views.phases import format_date, format_number

# The printable "My commitments" page (translated where written).
OVERDUE_MARK = QT_TRANSLATE_NOOP("FollowUpsView", "(overdue)")
OPEN_ACTIONS = QT_TRANSLATE_NOOP("FollowUpsView", "Open actions")
COMMITMENTS = QT_TRANSLATE_NOOP("FollowUpsView", "Commitments")
NOTHING_OPEN = QT_TRANSLATE_NOOP("FollowUpsView", "Nothing open.")
NO_COMMITMENTS = QT_TRANSLATE_NOOP("FollowUpsView", "No commitments yet.")
DUE = QT_TRANSLATE_NOOP("FollowUpsView", "Due")
ACTION = QT_TRANSLATE_NOOP("FollowUpsView", "Action")
STATUS = QT_TRANSLATE_NOOP("FollowUpsView", "Status")
AGREED_IN = QT_TRANSLATE_NOOP("FollowUpsView", "Agreed in")
DATE = QT_TRANSLATE_NOOP("FollowUpsView", "Date")
MEETING = QT_TRANSLATE_NOOP("FollowUpsView", "Meeting")
CONFIDENCE = QT_TRANSLATE_NOOP("FollowUpsView", "Confidence")
STILL_OPEN = QT_TRANSLATE_NOOP("FollowUpsView", "Still open")
NOTE = QT_TRANSLATE_NOOP("FollowUpsView", "Note")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpsView", text)


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the PDF (tests replace this)."""
    return ask_save_path(
        parent,
        QCoreApplication.translate("FollowUpsView", "Save as PDF"),
        suggested,
        QCoreApplication.translate("FollowUpsView", "PDF (*.pdf)"),
        ".pdf",
    )


EXPORT_KINDS = {
    # kind: (menu text, file filter, file suffix, suggested file name), all translated
    # where shown
    "docx": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up checklist (Word)…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "Word document (*.docx)"),
        ".docx",
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up checklist"),
    ),
    "ics": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Calendar of due dates (.ics)…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "Calendar (*.ics)"),
        ".ics",
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up due dates"),
    ),
    "csv": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Actions as CSV…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "CSV (*.csv)"),
        ".csv",
        QT_TRANSLATE_NOOP("FollowUpsView", "Follow-up actions"),
    ),
}
# kind: (progress text, what was cancelled)
EXPORT_PROGRESS = {
    "docx": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Writing the checklist to {file}…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "The checklist"),
    ),
    "ics": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Writing the due dates to {file}…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "The due dates"),
    ),
    "csv": (
        QT_TRANSLATE_NOOP("FollowUpsView", "Writing the actions to {file}…"),
        QT_TRANSLATE_NOOP("FollowUpsView", "The actions"),
    ),
}


def ask_export_path(parent: QWidget, kind: str, suggested: str) -> Path | None:
    """Where to save an export of the listed actions (tests replace this)."""
    _text, file_filter, suffix, _name = EXPORT_KINDS[kind]
    return ask_save_path(
        parent,
        QCoreApplication.translate("FollowUpsView", "Export follow-ups"),
        suggested,
        _tr(file_filter),
        suffix,
    )


def _date(value: date | None) -> str:
    """ "3 Mar 2026" in the UI's language (as the core's short_date in English)."""
    return (
        "—"
        if value is None
        else format_date(value, QCoreApplication.translate("FollowUpsView", "d MMM yyyy"))
    )


def commitments_html(mc: MemberCommitments) -> str:
    """A printable page: the member's open actions and commitments (every text escaped)."""
    e = html.escape

    def t(text: str) -> str:  # a translated text of the page, escaped as well
        return e(_tr(text))

    member = mc.member
    rows = []
    for row in mc.actions:
        a = row.action
        late = a.due is not None and a.due < mc.today
        due = e(_date(a.due)) + (f" <b>{t(OVERDUE_MARK)}</b>" if late else "")
        slipped = (
            " · "
            + e(
                QCoreApplication.translate("FollowUpsView", "slipped {times}").format(
                    times=slipped_text(row.times_slipped)
                )
            )
            if row.times_slipped
            else ""
        )
        rows.append(
            f"<tr><td>☐</td><td>{due}</td><td>{e(a.title)}</td>"
            f"<td>{e(label(a.status))}</td>"
            f"<td>{e(a.meeting_title)}, {e(_date(a.meeting_date))}{slipped}</td></tr>"
        )
    commitments = [
        f"<tr><td>{e(_date(c.meeting_date))}</td><td>{e(c.meeting_title)}</td>"
        f"<td>{e(f'{c.confidence} / 5' if c.confidence else '—')}</td>"
        f"<td>{c.open_actions}</td><td>{e(c.note)}</td></tr>"
        for c in mc.commitments
    ]

    def heads(*texts: str) -> str:
        return (
            "<tr>" + "".join(f"<th align='left'>{t(h) if h else ''}</th>" for h in texts) + "</tr>"
        )

    count = len(mc.actions)
    open_count = (
        QCoreApplication.translate("FollowUpsView", "1 open action")
        if count == 1
        else QCoreApplication.translate("FollowUpsView", "{count} open actions").format(
            count=format_number(count)
        )
    )
    about = " · ".join(
        [e(member.team_name)]
        + ([e(member.role)] if member.role else [])
        + [
            e(
                QCoreApplication.translate("FollowUpsView", "as of {date}").format(
                    date=_date(mc.today)
                )
            ),
            e(open_count),
        ]
    )
    title = QCoreApplication.translate("FollowUpsView", "My commitments — {name}").format(
        name=member.name
    )
    nothing_open = f"<tr><td colspan=5>{t(NOTHING_OPEN)}</td></tr>"
    no_commitments = f"<tr><td colspan=5>{t(NO_COMMITMENTS)}</td></tr>"
    return (
        "<html><body style='font-family: sans-serif; font-size: 10pt'>"
        f"<h1>{e(title)}</h1>"
        f"<p>{about}</p>"
        f"<h2>{t(OPEN_ACTIONS)}</h2>"
        "<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
        f"{heads('', DUE, ACTION, STATUS, AGREED_IN)}{''.join(rows) or nothing_open}</table>"
        f"<h2>{t(COMMITMENTS)}</h2>"
        "<table cellspacing='0' cellpadding='4' border='1' width='100%'>"
        f"{heads(DATE, MEETING, CONFIDENCE, STILL_OPEN, NOTE)}"
        f"{''.join(commitments) or no_commitments}"
        "</table></body></html>"
    )


def pdf_bytes(document_html: str) -> bytes:
    """Render HTML to an A4 PDF in memory (QTextDocument + QPdfWriter)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(QCoreApplication.translate("FollowUpsView", "My commitments"))
    document = QTextDocument()
    document.setHtml(document_html)
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())
