"""The schema. Changing it means a new Alembic revision in migrations/versions.

On SQLite, revision 0002 adds full-text indexes (FTS5, `*_fts` virtual tables,
see `alignmeet.storage.fulltext`) kept in step by triggers on action, action_update,
idea, decision and agenda_item. A later migration that has to *recreate* one of
those tables (batch "move and copy") drops its triggers and must create them again.
Migrations run in one transaction with foreign keys ON, where SQLite cannot switch
them off: recreating a table that others reference with ON DELETE CASCADE (meeting,
action, agenda_item, member) would delete those rows. Add columns with ALTER TABLE
instead (see 0002).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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
    team: Mapped[Team] = relationship()
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
    items: Mapped[list[TemplateItem]] = relationship(
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
    version: Mapped[int] = mapped_column(Integer, default=1)
    series: Mapped[Series] = relationship()
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
    member: Mapped[Member] = relationship()


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
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # The follow-up view: "open" (and each status) by due date; one person's open list.
        Index("ix_action_status_due", "status", "due"),
        Index("ix_action_owner_id_status", "owner_id", "status"),
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
