"""Coaching pairs: start and end pairs, log their weekly check-ins, rotate them.

The Sales and Marketing teams are the teams named so (the default teams, whatever their
position); a pair is always one member of each.

Minutes: the "Coaching pairs" section appears when the meeting logged a check-in (a check-in
with its meeting_id) or when a pair active on the meeting's day was overdue that day —
an overdue pair is worth a line in every meeting until it checks in again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from alignmeet.domain import coaching as co
from alignmeet.domain.coaching import CheckinRecord, PairStatus, RotationSuggestion, SuggestedPair
from alignmeet.domain.rules import ValidationError, name_key, short_date
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Table
from alignmeet.i18n import _, day_date, ngettext
from alignmeet.services.base import ServiceBase, versioned_write
from alignmeet.storage import models as m
from alignmeet.storage.queries import coaching as q
from alignmeet.storage.queries import people

SALES, MARKETING = "sales", "marketing"


class CoachingService(ServiceBase):
    def _today(self) -> date:
        return self._now().date()

    # ---- reading -----------------------------------------------------------------------------
    def active_pairs(self, *, today: date | None = None) -> list[PairStatus]:
        """Active pairs with their last check-in, days since and overdue flag on `today`
        (the clock's day by default); overdue first, then by name."""
        day = today or self._today()
        with self.db.sessions() as s:
            pairs = q.active_pairs(s)
            statuses = [self._status(s, p, day) for p in pairs]
        statuses.sort(
            key=lambda p: (not p.overdue, p.sales_name.casefold(), p.marketing_name.casefold())
        )
        return statuses

    def list_pairs(self, *, today: date | None = None) -> list[PairStatus]:
        """Every pair, active and ended, newest first."""
        day = today or self._today()
        with self.db.sessions() as s:
            return [self._status(s, p, day) for p in q.pairs(s, newest_first=True)]

    def get_pair(self, pair_id: int, *, today: date | None = None) -> PairStatus:
        with self.db.sessions() as s:
            pair = self._get(s, m.CoachingPair, pair_id, "Coaching pair")
            return self._status(s, pair, today or self._today())

    def checkins(self, pair_id: int) -> list[CheckinRecord]:
        """The pair's check-ins, newest first."""
        with self.db.sessions() as s:
            self._get(s, m.CoachingPair, pair_id, "Coaching pair")
            found = q.checkins_of(s, pair_id, newest_first=True)
            return [self._checkin(s, c) for c in found]

    def team_members(self) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """Active (id, name) of Sales and of Marketing, by name."""
        with self.db.sessions() as s:
            teams = self._team_ids(s)
            found: dict[str, list[tuple[int, str]]] = {SALES: [], MARKETING: []}
            for member in q.active_members(s):
                for side, team_id in teams.items():
                    if member.team_id == team_id:
                        found[side].append((member.id, member.name))
            return found[SALES], found[MARKETING]

    # ---- pairs -------------------------------------------------------------------------------
    def start_pair(
        self, *, sales_member_id: int, marketing_member_id: int, started_on: date | None = None
    ) -> PairStatus:
        return self.start_pairs(
            pairs=[(sales_member_id, marketing_member_id)], started_on=started_on
        )[0]

    def start_pairs(
        self, *, pairs: Sequence[tuple[int, int]], started_on: date | None = None
    ) -> list[PairStatus]:
        """Start the (sales, marketing) pairs, all or none."""
        day = started_on or self._today()
        with self.db.transaction() as s:
            created = self._start(s, pairs, day, active=self._active(s))
            s.flush()
            return [self._status(s, p, self._today()) for p in created]

    def end_pair(self, *, pair_id: int, ended_on: date | None = None) -> PairStatus:
        day = ended_on or self._today()
        with self.db.transaction() as s:
            pair = self._get(s, m.CoachingPair, pair_id, "Coaching pair")
            if pair.ended_on is not None:
                raise ValidationError("pair", _("This pair has already ended."))
            if day < pair.started_on:
                raise ValidationError("ended_on", _("A pair cannot end before it started."))
            pair.ended_on = day
            s.flush()
            return self._status(s, pair, self._today())

    # ---- check-ins ----------------------------------------------------------------------
    def log_checkin(
        self,
        *,
        pair_id: int,
        held_on: date,
        progress: str = "",
        tips_asked: str = "",
        tips_given: str = "",
        meeting_id: int | None = None,
    ) -> CheckinRecord:
        fields = self._checkin_fields(progress, tips_asked, tips_given)
        with self.db.transaction() as s:
            pair = self._get(s, m.CoachingPair, pair_id, "Coaching pair")
            self._check_day(pair, held_on)
            if meeting_id is not None:
                self._get(s, m.Meeting, meeting_id, "Meeting")
            checkin = m.CoachingCheckin(
                pair_id=pair_id,
                held_on=held_on,
                meeting_id=meeting_id,
                created_at=self._now(),
                **fields,
            )
            s.add(checkin)
            s.flush()
            return self._checkin(s, checkin)

    @versioned_write(m.CoachingCheckin)
    def update_checkin(
        self,
        *,
        checkin_id: int,
        held_on: date,
        progress: str = "",
        tips_asked: str = "",
        tips_given: str = "",
        meeting_id: int | None = None,
        seen: object | None = None,
    ) -> CheckinRecord:
        """Save the check-in form (every field). `seen`: the check-in as the user saw it;
        ConflictError when someone else changed it since then (nothing is written then)."""
        fields = self._checkin_fields(progress, tips_asked, tips_given)
        asked = {"held_on", "progress", "tips_asked", "tips_given", "meeting_id"}
        with (
            self._guarded(m.CoachingCheckin, checkin_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            checkin = self._get(s, m.CoachingCheckin, checkin_id, "Check-in")
            guard.loaded(checkin, _("Check-in of {day}").format(day=day_date(checkin.held_on)))
            pair = self._get(s, m.CoachingPair, checkin.pair_id, "Coaching pair")
            self._check_day(pair, held_on)
            if meeting_id is not None:
                self._get(s, m.Meeting, meeting_id, "Meeting")
            checkin.held_on, checkin.meeting_id = held_on, meeting_id
            for key, value in fields.items():
                setattr(checkin, key, value)
            guard.check(s, checkin)
            s.flush()
            return self._checkin(s, checkin)

    def remove_checkin(self, checkin_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.CoachingCheckin, checkin_id, "Check-in"))

    def _checkin_fields(self, progress: str, tips_asked: str, tips_given: str) -> dict[str, str]:
        fields = {
            "progress": co.clean_checkin_text("progress", progress, label=_("Progress")),
            "tips_asked": co.clean_checkin_text("tips_asked", tips_asked, label=_("Tips asked")),
            "tips_given": co.clean_checkin_text("tips_given", tips_given, label=_("Tips given")),
        }
        if not any(fields.values()):
            raise ValidationError(
                "progress", _("Write what the pair discussed: progress, or a tip asked or given.")
            )
        return fields

    def _check_day(self, pair: m.CoachingPair, held_on: date) -> None:
        if held_on > self._today():
            raise ValidationError(
                "held_on",
                _("A check-in cannot be in the future ({date}).").format(date=short_date(held_on)),
            )
        if held_on < pair.started_on:
            raise ValidationError(
                "held_on",
                _("The pair started on {date}: a check-in cannot be earlier.").format(
                    date=short_date(pair.started_on)
                ),
            )
        if pair.ended_on is not None and held_on > pair.ended_on:
            raise ValidationError(
                "held_on",
                _("The pair ended on {date}: pick an earlier day.").format(
                    date=short_date(pair.ended_on)
                ),
            )

    # ---- rotation ----------------------------------------------------------------------------
    def suggest_rotation(self, today: date | None = None) -> RotationSuggestion:
        """The next round of pairs for the active members (see alignmeet.domain.coaching)."""
        del today  # the suggestion depends on the history only; kept for symmetry
        sales, marketing = self.team_members()
        names = dict(sales) | dict(marketing)
        with self.db.sessions() as s:
            history = [(p.sales_member_id, p.marketing_member_id) for p in q.pairs(s)]
            active = len(self._active(s))
        round_ = co.suggest_round([i for i, _ in sales], [i for i, _ in marketing], history)
        partners: dict[int, list[int]] = {}
        for a, b in history:
            partners.setdefault(a, []).append(b)
            partners.setdefault(b, []).append(a)

        def met(member_id: int) -> tuple[str, ...]:
            seen = dict.fromkeys(partners.get(member_id, []))
            return tuple(sorted((names.get(i, "(former member)") for i in seen), key=str.casefold))

        suggested = tuple(
            SuggestedPair(
                sales_member_id=a,
                sales_name=names[a],
                marketing_member_id=b,
                marketing_name=names[b],
                times_met=history.count((a, b)),
                sales_has_met=met(a),
                marketing_has_met=met(b),
            )
            for a, b in sorted(
                round_, key=lambda p: (names[p[0]].casefold(), names[p[1]].casefold())
            )
        )
        members = set(names)
        distinct = {p for p in history if p[0] in members and p[1] in members}
        return RotationSuggestion(
            pairs=suggested,
            pairs_met=len(distinct),
            pairs_possible=len(sales) * len(marketing),
            active_pairs=active,
        )

    def apply_rotation(
        self, *, pairs: Sequence[tuple[int, int]], today: date | None = None
    ) -> list[PairStatus]:
        """End every active pair and start `pairs` on `today`, all in one transaction."""
        day = today or self._today()
        if not pairs:
            raise ValidationError("pairs", _("The rotation has no pairs to start."))
        with self.db.transaction() as s:
            for pair in self._active(s).values():
                pair.ended_on = max(day, pair.started_on)
            s.flush()
            created = self._start(s, pairs, day, active={})
            s.flush()
            return [self._status(s, p, self._today()) for p in created]

    # ---- minutes -----------------------------------------------------------------------------
    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """ "Coaching pairs": a table of the pairs active on the meeting's day (pair, last
        check-in, status, latest tip) and the check-ins logged in the meeting. Only when the
        meeting logged a check-in or a pair was overdue on its day (for a meeting still to
        come: today)."""
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            # The meeting's day; for a meeting still to come, today (the status as it is now).
            day = min(meeting.starts_at.date(), self._today())
            logged = q.checkins_in_meeting(s, meeting_id)
            pairs = [
                p for p in q.pairs(s, started_by=day) if p.ended_on is None or p.ended_on > day
            ]
            # As they stood that day: active, check-ins up to then, whatever happened later.
            statuses = [replace(self._status(s, p, day, until=day), ended_on=None) for p in pairs]
            logged_records = [self._checkin(s, c) for c in logged]
            labels: dict[int, str] = {}
            for checkin in logged:
                pair = s.get(m.CoachingPair, checkin.pair_id)
                if pair is not None:
                    labels[pair.id] = self._status(s, pair, day).label
        if not logged and not any(st.overdue for st in statuses):
            return ()
        statuses.sort(key=lambda p: (not p.overdue, p.sales_name.casefold()))
        blocks: list[Paragraph | Table | Bullets] = []
        overdue = sum(1 for st in statuses if st.overdue)
        if overdue:
            summary = ngettext(
                "{n} active pair on {date}, {overdue} overdue for their weekly check-in.",
                "{n} active pairs on {date}, {overdue} overdue for their weekly check-in.",
                len(statuses),
            )
        else:
            summary = ngettext(
                "{n} active pair on {date}, all on track.",
                "{n} active pairs on {date}, all on track.",
                len(statuses),
            )
        summary = summary.format(n=len(statuses), date=short_date(day), overdue=overdue)
        blocks.append(Paragraph(summary))
        if statuses:
            blocks.append(
                Table(
                    header=(_("Pair"), _("Last check-in"), _("Status"), _("Latest tip")),
                    rows=tuple(
                        (
                            st.label,
                            short_date(st.last_checkin_on) if st.last_checkin_on else _("None yet"),
                            st.status_text(),
                            st.latest_tip or "—",
                        )
                        for st in statuses
                    ),
                    weights=(5, 3, 3, 8),
                )
            )
        if logged_records:
            blocks.append(Paragraph(_("Check-ins logged in this meeting:")))
            blocks.append(
                Bullets(
                    tuple(
                        _("{pair} ({date}):").format(
                            pair=labels.get(c.pair_id, _("Pair")), date=short_date(c.held_on)
                        )
                        + " "
                        + " ".join(
                            part
                            for part in (
                                _sentence(_("Progress"), c.progress),
                                _sentence(_("Tips asked"), c.tips_asked),
                                _sentence(_("Tips given"), c.tips_given),
                            )
                            if part
                        )
                        for c in logged_records
                    )
                )
            )
        return (DocSection(heading=_("Coaching pairs"), blocks=tuple(blocks)),)

    # ---- helpers -----------------------------------------------------------------------------
    def _team_ids(self, s: Session) -> dict[str, int]:
        teams = {name_key(t.name): t.id for t in people.teams(s)}
        missing = [
            label for key, label in ((SALES, "Sales"), (MARKETING, "Marketing")) if key not in teams
        ]
        if missing:
            raise ValidationError(
                "team",
                _("Coaching pairs need a team called “{team}” (see People & teams).").format(
                    team=missing[0]
                ),
            )
        return {SALES: teams[SALES], MARKETING: teams[MARKETING]}

    def _active(self, s: Session) -> dict[tuple[int, int], m.CoachingPair]:
        return {(p.sales_member_id, p.marketing_member_id): p for p in q.active_pairs(s)}

    def _start(
        self,
        s: Session,
        pairs: Sequence[tuple[int, int]],
        day: date,
        *,
        active: dict[tuple[int, int], m.CoachingPair],
    ) -> list[m.CoachingPair]:
        teams = self._team_ids(s)
        wanted = [(int(a), int(b)) for a, b in pairs]
        for sales_id, marketing_id in wanted:
            self._check_member(s, sales_id, teams[SALES], "sales_member_id", "Sales")
            self._check_member(
                s, marketing_id, teams[MARKETING], "marketing_member_id", "Marketing"
            )
        co.validate_new_pairs(wanted, active)
        if day > self._today():
            raise ValidationError("started_on", _("A pair cannot start in the future."))
        created = [
            m.CoachingPair(sales_member_id=a, marketing_member_id=b, started_on=day)
            for a, b in wanted
        ]
        s.add_all(created)
        return created

    def _check_member(
        self, s: Session, member_id: int, team_id: int, field: str, team: str
    ) -> None:
        member = self._get(s, m.Member, member_id, "Member")
        if member.team_id != team_id:
            raise ValidationError(
                field,
                _("{name} is not in {team}: pick a {team} member.").format(
                    name=member.name, team=team
                ),
            )
        if not member.active:
            raise ValidationError(
                field, _("{name} is inactive: reactivate them first.").format(name=member.name)
            )

    def _status(
        self, s: Session, pair: m.CoachingPair, today: date, *, until: date | None = None
    ) -> PairStatus:
        checkins = sorted(q.checkins_of(s, pair.id, until=until), key=lambda c: (c.held_on, c.id))
        last = checkins[-1] if checkins else None
        tip = ""
        for checkin in reversed(checkins):
            tip = co.latest_tip_text(checkin.tips_given, checkin.tips_asked)
            if tip:
                break
        sales = s.get(m.Member, pair.sales_member_id)
        marketing = s.get(m.Member, pair.marketing_member_id)
        return PairStatus(
            id=pair.id,
            sales_member_id=pair.sales_member_id,
            sales_name=sales.name if sales else "",
            marketing_member_id=pair.marketing_member_id,
            marketing_name=marketing.name if marketing else "",
            started_on=pair.started_on,
            ended_on=pair.ended_on,
            last_checkin_on=last.held_on if last else None,
            checkins=len(checkins),
            latest_tip=tip,
            today=today,
        )

    def _checkin(self, s: Session, obj: m.CoachingCheckin) -> CheckinRecord:
        title = ""
        if obj.meeting_id is not None:
            meeting = s.get(m.Meeting, obj.meeting_id)
            if meeting is not None:
                title = f"{meeting.title} ({short_date(meeting.starts_at.date())})"
        return CheckinRecord(
            id=obj.id,
            pair_id=obj.pair_id,
            held_on=obj.held_on,
            progress=obj.progress,
            tips_asked=obj.tips_asked,
            tips_given=obj.tips_given,
            meeting_id=obj.meeting_id,
            meeting_title=title,
            created_at=obj.created_at,
        )


def _sentence(label: str, text: str) -> str:
    body = " ".join(text.split())
    if not body:
        return ""
    text = _("{label}: {text}").format(label=label, text=body)
    return text + ("" if body.endswith((".", "!", "?")) else ".")


def pairs_of(statuses: Iterable[PairStatus]) -> list[tuple[int, int]]:
    return [(p.sales_member_id, p.marketing_member_id) for p in statuses]
