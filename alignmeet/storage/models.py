"""The schema. Changing it means a new Alembic revision in migrations/versions.

On SQLite, revision 0002 adds full-text indexes (FTS5, `*_fts` virtual tables,
see `alignmeet.storage.fulltext`) kept in step by triggers on action, action_update,
idea, decision and agenda_item. A later migration that has to *recreate* one of
those tables (batch "move and copy") drops its triggers and must create them again.
Migrations run in one transaction with foreign keys ON, where SQLite cannot switch
them off: recreating a table that others reference with ON DELETE CASCADE (meeting,
action, agenda_item, member) would delete those rows. Add columns with ALTER TABLE
instead (see 0002).

No `from __future__ import annotations` here: SQLAlchemy reads every `Mapped[...]`
annotation, and as strings it evaluates each one (`eval`, 470 times: a third of the
time this module takes to import, on every start). Written as objects, they cost
nothing; the few that name a class defined further down are quoted.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.functions import FunctionElement

from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), unique=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    team: Mapped["Team"] = relationship()
    __mapper_args__ = {"version_id_col": version}


class Series(Base):
    __tablename__ = "series"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    cadence_days: Mapped[int] = mapped_column(Integer, default=30)
    # The agenda new meetings of the series start from (revision 0003).
    default_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_template.id", ondelete="SET NULL")
    )


class SeriesMember(Base):
    """A member of a series: invited to its new meetings (revision 0003)."""

    __tablename__ = "series_member"
    __table_args__ = (UniqueConstraint("series_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)


class AgendaTemplate(Base):
    __tablename__ = "agenda_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=60)
    items: Mapped[list["TemplateItem"]] = relationship(
        order_by="TemplateItem.position", cascade="all, delete-orphan"
    )


class TemplateItem(Base):
    __tablename__ = "template_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_template.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30), default="regular")


class Meeting(Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(String(200), default="")
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    note_taker_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    topic: Mapped[str] = mapped_column(Text, default="")
    end_goal: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    phase: Mapped[str] = mapped_column(String(20), default="open")
    previous_minutes_approved: Mapped[bool] = mapped_column(Boolean, default=False)
    next_meeting_at: Mapped[datetime | None] = mapped_column(DateTime)
    closing_notes: Mapped[str] = mapped_column(Text, default="")
    elapsed_seconds: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When the meeting really started (revision 0005), beside the planned starts_at.
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The revision of the previous meeting's minutes this meeting approved (0005).
    approved_minutes_id: Mapped[int | None] = mapped_column(
        ForeignKey("minutes_record.id", ondelete="SET NULL", use_alter=True)
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    series: Mapped["Series"] = relationship()
    __mapper_args__ = {"version_id_col": version}


class Participant(Base):
    """A member invited to a meeting: attendance and their commitment."""

    __tablename__ = "participant"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    attendance: Mapped[str] = mapped_column(String(20), default="invited")
    representative: Mapped[bool] = mapped_column(Boolean, default=False)
    committed_at: Mapped[datetime | None] = mapped_column(DateTime)
    confidence: Mapped[int | None] = mapped_column(Integer)
    commitment_note: Mapped[str] = mapped_column(Text, default="")
    # Attendance and commitments carry the version their user saw (revision 0005).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    member: Mapped["Member"] = relationship()
    __mapper_args__ = {"version_id_col": version}


class MinutesRecord(Base):
    """What a meeting's minutes said when it was closed (revision 0005): the gathered
    minutes as JSON and a SHA-256 of that text. One row per closing; a reopened and
    closed again meeting gets revision 2, and so on. Never changed once written."""

    __tablename__ = "minutes_record"
    __table_args__ = (UniqueConstraint("meeting_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    language: Mapped[str] = mapped_column(String(20))
    content_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    minutes: Mapped[int] = mapped_column(Integer, default=10)
    extra_minutes: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(30), default="regular")
    notes: Mapped[str] = mapped_column(Text, default="")
    used_seconds: Mapped[int] = mapped_column(Integer, default=0)
    parked: Mapped[bool] = mapped_column(Boolean, default=False)
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    # The persona the item discusses (revision 0004).
    persona_id: Mapped[int | None] = mapped_column(ForeignKey("persona.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Idea(Base):
    __tablename__ = "idea"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Decision(Base):
    __tablename__ = "decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class caseless(FunctionElement[str]):
    """A text column as the follow-up list sorts it, ignoring case: `x COLLATE "NOCASE"`
    on SQLite (ASCII case only), `lower(x) COLLATE "C"` on PostgreSQL — the key of
    `FollowUpService._text_key`, and of the indexes that serve those sorts (0007, 0008)."""

    inherit_cache = True
    name = "caseless"


@compiles(caseless, "sqlite")
def _caseless_sqlite(element: caseless, compiler: Any, **kw: Any) -> str:
    return f'{compiler.process(element.clauses, **kw)} COLLATE "NOCASE"'


@compiles(caseless)
def _caseless(element: caseless, compiler: Any, **kw: Any) -> str:
    return f'lower({compiler.process(element.clauses, **kw)}) COLLATE "C"'


class Action(Base):
    """One promise: it keeps its identity from the meeting that agreed it until done."""

    __tablename__ = "action"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    title: Mapped[str] = mapped_column(Text)
    due: Mapped[date | None] = mapped_column(Date, index=True)
    team_tag: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="open")
    milestone: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Kept in step with the history by ActionService (the only writer), so the
    # follow-up list reads one row per action instead of aggregating its history.
    times_slipped: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The goal it serves and the persona it is for (revision 0004).
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"))
    persona_id: Mapped[int | None] = mapped_column(ForeignKey("persona.id", ondelete="SET NULL"))
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # The follow-up view: "open" (and each status) by due date; one person's open list.
        Index("ix_action_status_due", "status", "due"),
        Index("ix_action_owner_id_status", "owner_id", "status"),
        # At scale (revision 0007): the list sorted by action, ignoring case as the
        # follow-up service orders it (NOCASE on SQLite, lower() on PostgreSQL); the team
        # balance from the index alone.
        Index("ix_action_title_nocase_status", caseless(text("title")), "status"),
        Index("ix_action_status_team_tag_due", "status", "team_tag", "due"),
        # Revision 0008: the list sorted by last note either way in the order it shows
        # (note ignoring case, up or down, then due date with none last, then id) read
        # in index order; a series' actions of some statuses counted from the index alone.
        Index(
            "ix_action_last_note_nocase_due",
            caseless(text("last_note")),
            text("(due IS NULL)"),
            "due",
            "id",
        ),
        Index(
            "ix_action_last_note_nocase_desc_due",
            caseless(text("last_note")).desc(),
            text("(due IS NULL)"),
            "due",
            "id",
        ),
        Index("ix_action_meeting_id_status_due", "meeting_id", "status", "due"),
        # …and the list sorted by owner, one owner's actions in due order.
        Index("ix_action_owner_id_due", "owner_id", "due"),
    )


class ActionUpdate(Base):
    """History of an action: status and due-date changes, who, where and why.

    `changed_by_id` is the meeting's facilitator when the change was made in a
    meeting, and None when it was made outside one.
    """

    __tablename__ = "action_update"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    old_status: Mapped[str | None] = mapped_column(String(20))
    new_status: Mapped[str] = mapped_column(String(20))
    old_due: Mapped[date | None] = mapped_column(Date)
    new_due: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    changed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True
    )


# ---- the alignment toolkit (revision 0004) ----------------------------------------------
# Periods are text keys that sort in time order: "2026-11" (month), "2026-Q4" (quarter),
# "2026-W47" (ISO week); see alignmeet.domain.periods.


class Goal(Base):
    """A goal both teams share: the period's revenue goal, or a mutual activity goal
    marked continue / eliminate / improve (seed 002)."""

    __tablename__ = "goal"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "revenue" | "activity"
    title: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(20), index=True)
    target_value: Mapped[float | None] = mapped_column(Float)
    actual_value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(30), default="")
    disposition: Mapped[str] = mapped_column(String(20), default="")  # continue|eliminate|improve
    team_tag: Mapped[str] = mapped_column(String(20), default="joint")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Kpi(Base):
    """A KPI definition both teams read the same way (e.g. MQL→SQL conversion)."""

    __tablename__ = "kpi"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(30), default="")
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)
    target: Mapped[float | None] = mapped_column(Float)
    period_kind: Mapped[str] = mapped_column(String(10), default="month")  # month|quarter|week
    team_tag: Mapped[str] = mapped_column(String(20), default="joint")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class KpiMeasurement(Base):
    __tablename__ = "kpi_measurement"
    __table_args__ = (UniqueConstraint("kpi_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("kpi.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    target: Mapped[float | None] = mapped_column(Float)  # overrides the KPI's target
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual|csv
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class GlossaryTerm(Base):
    __tablename__ = "glossary_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(120))
    term_key: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class GlossaryVersion(Base):
    """One wording of a term. It becomes current only as a meeting's decision."""

    __tablename__ = "glossary_version"
    __table_args__ = (UniqueConstraint("term_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("glossary_term.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    # proposed | current | superseded | rejected
    proposed_at: Mapped[datetime] = mapped_column(DateTime)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="SET NULL"), index=True
    )
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class Persona(Base):
    __tablename__ = "persona"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(200), default="")
    pains: Mapped[str] = mapped_column(Text, default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    objections: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class DataNeed(Base):
    """A piece of data a team needs; both teams' rankings and the joint Top 10 point here."""

    __tablename__ = "data_need"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    title_key: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    joint_rank: Mapped[int | None] = mapped_column(Integer)  # 1..10 once agreed
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(  # where the joint rank was agreed
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(  # tracks like an action once agreed
        ForeignKey("action.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DataNeedRank(Base):
    """A team's ranking of a data need (1 = most wanted, at most 10 per team)."""

    __tablename__ = "data_need_rank"
    __table_args__ = (
        UniqueConstraint("team_id", "data_need_id"),
        UniqueConstraint("team_id", "rank", name="uq_data_need_rank_team_rank"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    data_need_id: Mapped[int] = mapped_column(ForeignKey("data_need.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)


class LeadBatch(Base):
    """Leads Sales received from Marketing (a period or a campaign's batch)."""

    __tablename__ = "lead_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    period: Mapped[str] = mapped_column(String(20), index=True)
    leads_received: Mapped[int] = mapped_column(Integer, default=0)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    reviewed_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class LeadRejection(Base):
    """Why leads were rejected: a structured reason, how many, and a note."""

    __tablename__ = "lead_rejection"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("lead_batch.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(String(20))
    # not_fit | bad_timing | no_budget | wrong_contact | duplicate | other
    count: Mapped[int] = mapped_column(Integer, default=1)
    lead_ref: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class CoachingPair(Base):
    __tablename__ = "coaching_pair"
    id: Mapped[int] = mapped_column(primary_key=True)
    sales_member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), index=True
    )
    marketing_member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), index=True
    )
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)


class CoachingCheckin(Base):
    __tablename__ = "coaching_checkin"
    id: Mapped[int] = mapped_column(primary_key=True)
    pair_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_pair.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    progress: Mapped[str] = mapped_column(Text, default="")
    tips_asked: Mapped[str] = mapped_column(Text, default="")
    tips_given: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)


class BoardEntry(Base):
    """A win to celebrate or a hard lesson to solve together (seeds 000, 001)."""

    __tablename__ = "board_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # win | lesson
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="")
    team_tag: Mapped[str] = mapped_column(String(20), default="joint")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)  # a lesson solved
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class ChannelRule(Base):
    """The agreed channel per urgency (seed 002): urgent → phone, today → chat..."""

    __tablename__ = "channel_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    urgency: Mapped[str] = mapped_column(String(120))
    channel: Mapped[str] = mapped_column(String(120))
    response_time: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ChangeLog(Base):
    """One row per committed write (revision 0005): which tables and rows it changed and
    which client wrote it. Other windows, other facilitators on the same server and Room
    Link read it to refresh what they show (alignmeet.storage.changelog); kept for a day."""

    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    origin: Mapped[str] = mapped_column(String(40))
    changes: Mapped[str] = mapped_column(Text)


# ---- accountability over time (revision 0006) ----------------------------------------------


class MeetingRating(Base):
    """A present member's rating of a meeting, 1–10 (EOS: aim for 8+), with the answer to
    "what would make it a 10?". An anonymous rating has no member: nobody can tell whose
    it is. One named rating per member and meeting."""

    __tablename__ = "meeting_rating"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(Integer)
    answer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AgendaProposal(Base):
    """What the facilitator did with an item proposed for a meeting's agenda (a KPI off
    target, an action slipped twice, lead feedback overdue): accepted (it became the agenda
    item `item_id`) or dismissed. Open proposals are worked out when asked, not stored."""

    __tablename__ = "agenda_proposal"
    __table_args__ = (UniqueConstraint("meeting_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20))  # accepted | dismissed
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(DateTime)


class OutboxMessage(Base):
    """An e-mail on its way (a recap after a meeting, a reminder digest): the whole message
    as sent (RFC 5322, ASCII), its stable Message-ID, and how sending went. A message
    stays here until the server accepted it; see alignmeet.services.recaps."""

    __tablename__ = "outbox_message"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(250), unique=True)
    # What it is, so the same message is never queued twice ("recap:12:3:<closed at>").
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # recap | reminder
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    recipient: Mapped[str] = mapped_column(String(320))
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    content: Mapped[str] = mapped_column(Text)
    # queued | sending | sent | unconfirmed | cancelled
    status: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


# ---- text no database column can hold ----------------------------------------------------
# PostgreSQL's text types cannot store NUL (U+0000): psycopg refuses the whole statement.
# Text with a NUL is refused here, on every backend alike, as bad input at its field —
# before the session tries to write it — instead of a database error on a server only.
def _refuse_nul(field: str) -> Callable[..., object]:
    def check(_target: object, value: object, _old: object, _initiator: object) -> object:
        if isinstance(value, str) and "\x00" in value:
            label = field.replace("_", " ").capitalize()
            raise ValidationError(
                field,
                _("{label} cannot contain the NUL character (U+0000).").format(label=_(label)),
            )
        return value

    return check


def _guard_text_columns() -> None:
    for mapper in Base.registry.mappers:
        for prop in mapper.column_attrs:
            if any(isinstance(c.type, String) for c in prop.columns):  # Text is a String
                event.listen(
                    getattr(mapper.class_, prop.key), "set", _refuse_nul(prop.key), retval=True
                )


_guard_text_columns()
