"""Enum labels in the current language, for everything the core writes (minutes, e-mail,
reports, messages).

The enums keep their English `.label` (the Qt UI translates those through its own
catalogue, ui/core_labels.py). The core's outputs call `label(member)` instead: the same
words through the core's gettext catalogue. Every label of alignmeet/domain is marked
here, so the catalogue has them all (tests/domain/test_labels.py checks that none is
missing). "Open" is two words in German: the phase ("Eröffnung") and the action status
("Offen"), so the phase's label has a context of its own.
"""

from __future__ import annotations

from alignmeet.domain.enums import MeetingStatus, Phase
from alignmeet.i18n import N_, _, pgettext

__all__ = ["LABELS", "label"]

# Every enum label of alignmeet/domain, in English, as `.label` gives it.
LABELS = (
    # Phase (Phase.OPEN is pgettext("phase", "Open"), in `label` below)
    N_("Review follow-ups"),
    N_("Agenda"),
    N_("Action plans"),
    N_("Commitments"),
    N_("Close"),
    # MeetingStatus (no `.label`: its value, capitalised)
    N_("Planned"),
    N_("Running"),
    N_("Closed"),
    # Attendance
    N_("Invited"),
    N_("Present"),
    N_("Apologies"),
    N_("Absent"),
    # ActionStatus
    N_("Open"),
    N_("In progress"),
    N_("Done"),
    N_("Blocked"),
    N_("Dropped"),
    # TeamTag
    N_("Sales"),
    N_("Marketing"),
    N_("Joint"),
    # ItemKind
    N_("Discussion"),
    N_("KPI review"),
    N_("Glossary change"),
    N_("Lead-feedback review"),
    N_("Data-needs ranking"),
    N_("Wins & lessons"),
    # goals: GoalKind, Disposition, KpiStatus
    N_("Revenue goal"),
    N_("Activity goal"),
    N_("Continue"),
    N_("Improve"),
    N_("Eliminate"),
    N_("On target"),
    N_("Near target"),
    N_("Off target"),
    N_("No target"),
    N_("No data"),
    # lead_feedback: RejectionReason
    N_("Not a fit"),
    N_("Bad timing"),
    N_("No budget"),
    N_("Wrong contact"),
    N_("Duplicate"),
    N_("Other"),
    # board: BoardKind
    N_("Win"),
    N_("Lesson"),
    # glossary: VersionStatus
    N_("Proposed"),
    N_("Current"),
    N_("Superseded"),
    N_("Rejected"),
    # periods: PeriodKind
    N_("Month"),
    N_("Quarter"),
    N_("Week"),
    # accountability: Outcome, ProposalKind
    N_("Kept"),
    N_("Kept by the next meeting"),
    N_("Done late"),
    N_("Missed"),
    N_("Not due yet"),
    N_("KPI off target"),
    N_("Slipped twice"),
    N_("Lead feedback overdue"),
    # outbox: OutboxStatus, MailKind
    N_("Waiting"),
    N_("Sending"),
    N_("Sent"),
    N_("Unconfirmed"),
    N_("Cancelled"),
    N_("Recap"),
    N_("Reminder"),
)


def label(member: object) -> str:
    """`member.label` in the current language (any enum member with a `.label`, a
    MeetingStatus, or a plain string, which is translated if the catalogue has it)."""
    if member is Phase.OPEN:
        return pgettext("phase", "Open")
    if isinstance(member, MeetingStatus):
        return _(member.value.capitalize())
    labelled = getattr(member, "label", None)  # a StrEnum member is a str too: label first
    return _(labelled if isinstance(labelled, str) else str(member))
