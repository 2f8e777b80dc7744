"""The core's labels (enums shown on screen: phases, statuses, kinds, teams...) for the
translation catalogue. The core never imports Qt, so its English labels are marked here
for Qt Linguist, and `label(x)` shows an enum member's label in the chosen language.
tests/ui/test_i18n.py checks that every label of the core is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

LABELS = (
    QT_TRANSLATE_NOOP("Labels", "Open"),  # ActionStatus.OPEN
    QT_TRANSLATE_NOOP("Labels", "In progress"),  # ActionStatus.IN_PROGRESS
    QT_TRANSLATE_NOOP("Labels", "Done"),  # ActionStatus.DONE
    QT_TRANSLATE_NOOP("Labels", "Blocked"),  # ActionStatus.BLOCKED
    QT_TRANSLATE_NOOP("Labels", "Dropped"),  # ActionStatus.DROPPED
    QT_TRANSLATE_NOOP("Labels", "Invited"),  # Attendance.INVITED
    QT_TRANSLATE_NOOP("Labels", "Present"),  # Attendance.PRESENT
    QT_TRANSLATE_NOOP("Labels", "Apologies"),  # Attendance.APOLOGIES
    QT_TRANSLATE_NOOP("Labels", "Absent"),  # Attendance.ABSENT
    QT_TRANSLATE_NOOP("Labels", "Discussion"),  # ItemKind.REGULAR
    QT_TRANSLATE_NOOP("Labels", "KPI review"),  # ItemKind.KPI_REVIEW
    QT_TRANSLATE_NOOP("Labels", "Glossary change"),  # ItemKind.GLOSSARY
    QT_TRANSLATE_NOOP("Labels", "Lead-feedback review"),  # ItemKind.LEAD_FEEDBACK
    QT_TRANSLATE_NOOP("Labels", "Data-needs ranking"),  # ItemKind.DATA_NEEDS
    QT_TRANSLATE_NOOP("Labels", "Wins & lessons"),  # ItemKind.WINS_LESSONS
    QT_TRANSLATE_NOOP("Labels", "Review follow-ups"),  # Phase.REVIEW
    QT_TRANSLATE_NOOP("Labels", "Agenda"),  # Phase.AGENDA
    QT_TRANSLATE_NOOP("Labels", "Action plans"),  # Phase.ACTIONS
    QT_TRANSLATE_NOOP("Labels", "Commitments"),  # Phase.COMMITMENTS
    QT_TRANSLATE_NOOP("Labels", "Close"),  # Phase.CLOSE
    QT_TRANSLATE_NOOP("Labels", "Sales"),  # TeamTag.SALES
    QT_TRANSLATE_NOOP("Labels", "Marketing"),  # TeamTag.MARKETING
    QT_TRANSLATE_NOOP("Labels", "Joint"),  # TeamTag.JOINT
    QT_TRANSLATE_NOOP("Labels", "Continue"),  # Disposition.CONTINUE
    QT_TRANSLATE_NOOP("Labels", "Improve"),  # Disposition.IMPROVE
    QT_TRANSLATE_NOOP("Labels", "Eliminate"),  # Disposition.ELIMINATE
    QT_TRANSLATE_NOOP("Labels", "Revenue goal"),  # GoalKind.REVENUE
    QT_TRANSLATE_NOOP("Labels", "Activity goal"),  # GoalKind.ACTIVITY
    QT_TRANSLATE_NOOP("Labels", "On target"),  # KpiStatus.ON_TARGET
    QT_TRANSLATE_NOOP("Labels", "Near target"),  # KpiStatus.NEAR
    QT_TRANSLATE_NOOP("Labels", "Off target"),  # KpiStatus.OFF_TARGET
    QT_TRANSLATE_NOOP("Labels", "No target"),  # KpiStatus.NO_TARGET
    QT_TRANSLATE_NOOP("Labels", "No data"),  # KpiStatus.NO_DATA
    QT_TRANSLATE_NOOP("Labels", "Not a fit"),  # RejectionReason.NOT_FIT
    QT_TRANSLATE_NOOP("Labels", "Bad timing"),  # RejectionReason.BAD_TIMING
    QT_TRANSLATE_NOOP("Labels", "No budget"),  # RejectionReason.NO_BUDGET
    QT_TRANSLATE_NOOP("Labels", "Wrong contact"),  # RejectionReason.WRONG_CONTACT
    QT_TRANSLATE_NOOP("Labels", "Duplicate"),  # RejectionReason.DUPLICATE
    QT_TRANSLATE_NOOP("Labels", "Other"),  # RejectionReason.OTHER
    QT_TRANSLATE_NOOP("Labels", "Win"),  # BoardKind.WIN
    QT_TRANSLATE_NOOP("Labels", "Lesson"),  # BoardKind.LESSON
    QT_TRANSLATE_NOOP("Labels", "Proposed"),  # VersionStatus.PROPOSED
    QT_TRANSLATE_NOOP("Labels", "Current"),  # VersionStatus.CURRENT
    QT_TRANSLATE_NOOP("Labels", "Superseded"),  # VersionStatus.SUPERSEDED
    QT_TRANSLATE_NOOP("Labels", "Rejected"),  # VersionStatus.REJECTED
    QT_TRANSLATE_NOOP("Labels", "Month"),  # PeriodKind.MONTH
    QT_TRANSLATE_NOOP("Labels", "Quarter"),  # PeriodKind.QUARTER
    QT_TRANSLATE_NOOP("Labels", "Week"),  # PeriodKind.WEEK
    QT_TRANSLATE_NOOP("Labels", "Planned"),  # MeetingStatus.PLANNED (value, capitalized)
    QT_TRANSLATE_NOOP("Labels", "Running"),  # MeetingStatus.RUNNING
    QT_TRANSLATE_NOOP("Labels", "Closed"),  # MeetingStatus.CLOSED
    QT_TRANSLATE_NOOP("Labels", "Kept"),  # Outcome.KEPT
    QT_TRANSLATE_NOOP("Labels", "Kept by the next meeting"),  # Outcome.KEPT_NEXT_MEETING
    QT_TRANSLATE_NOOP("Labels", "Done late"),  # Outcome.LATE
    QT_TRANSLATE_NOOP("Labels", "Missed"),  # Outcome.MISSED
    QT_TRANSLATE_NOOP("Labels", "Not due yet"),  # Outcome.PENDING
    QT_TRANSLATE_NOOP("Labels", "KPI off target"),  # ProposalKind.KPI
    QT_TRANSLATE_NOOP("Labels", "Slipped twice"),  # ProposalKind.SLIPPED
    QT_TRANSLATE_NOOP("Labels", "Lead feedback overdue"),  # ProposalKind.LEAD_FEEDBACK
    QT_TRANSLATE_NOOP("Labels", "Waiting"),  # OutboxStatus.QUEUED
    QT_TRANSLATE_NOOP("Labels", "Sending"),  # OutboxStatus.SENDING
    QT_TRANSLATE_NOOP("Labels", "Sent"),  # OutboxStatus.SENT
    QT_TRANSLATE_NOOP("Labels", "Unconfirmed"),  # OutboxStatus.UNCONFIRMED
    QT_TRANSLATE_NOOP("Labels", "Cancelled"),  # OutboxStatus.CANCELLED
    QT_TRANSLATE_NOOP("Labels", "Recap"),  # MailKind.RECAP
    QT_TRANSLATE_NOOP("Labels", "Reminder"),  # MailKind.REMINDER
)


def label(member: object) -> str:
    """`member.label` in the chosen language (any object with a `.label`, or a string)."""
    labelled = getattr(member, "label", None)  # (a StrEnum member is a str too: label first)
    text = labelled if isinstance(labelled, str) else str(member)
    if text == "Open" and type(member).__name__ == "Phase":
        # The same English as ActionStatus.OPEN ("Offen"), another German word ("Eröffnung").
        return QCoreApplication.translate("Labels", "Open", "Phase")
    return QCoreApplication.translate(CONTEXT, text)
