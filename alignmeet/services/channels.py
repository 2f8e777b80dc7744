"""Communication expectations: the agreed channel per urgency (seed 002).

The agreement holds for the whole series, not for one meeting: every meeting's minutes
carry it (`minutes_sections` returns the section whenever at least one rule exists), so
whoever reads any set of minutes knows how to reach the other team.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from alignmeet.domain.channels import (
    DEFAULT_RULES,
    ChannelRuleRecord,
    check_order,
    check_unique_urgency,
    validate_rule,
)
from alignmeet.domain.sections import DocSection, Paragraph, Table
from alignmeet.i18n import _
from alignmeet.services.base import ServiceBase, versioned_write
from alignmeet.storage import models as m
from alignmeet.storage.queries import channels as q
from alignmeet.storage.queries import tables


def _record(obj: m.ChannelRule) -> ChannelRuleRecord:
    return ChannelRuleRecord(
        id=obj.id,
        urgency=obj.urgency,
        channel=obj.channel,
        response_time=obj.response_time,
        notes=obj.notes,
        position=obj.position,
    )


class ChannelService(ServiceBase):
    def list_rules(self) -> list[ChannelRuleRecord]:
        """The rules in their agreed order (most urgent first, as the team arranged them)."""
        with self.db.sessions() as s:
            return [_record(x) for x in self._rules(s)]

    def add_rule(
        self, *, urgency: str, channel: str, response_time: str = "", notes: str = ""
    ) -> ChannelRuleRecord:
        fields = validate_rule(
            urgency=urgency, channel=channel, response_time=response_time, notes=notes
        )
        with self.db.transaction() as s:
            check_unique_urgency(fields.urgency, (_record(x) for x in self._rules(s)))
            position = tables.next_position(s, m.ChannelRule.position)
            rule = m.ChannelRule(
                urgency=fields.urgency,
                channel=fields.channel,
                response_time=fields.response_time,
                notes=fields.notes,
                position=position,
            )
            s.add(rule)
            s.flush()
            return _record(rule)

    @versioned_write(m.ChannelRule)
    def update_rule(
        self,
        *,
        rule_id: int,
        urgency: str | None = None,
        channel: str | None = None,
        response_time: str | None = None,
        notes: str | None = None,
        seen: object | None = None,
    ) -> ChannelRuleRecord:
        """Change the given fields (None: keep). `seen`: the rule as the user saw it;
        ConflictError when someone else changed one of them since then."""
        asked = {
            f
            for f, v in (
                ("urgency", urgency),
                ("channel", channel),
                ("response_time", response_time),
                ("notes", notes),
            )
            if v is not None
        }
        with (
            self._guarded(m.ChannelRule, rule_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            rule = self._get(s, m.ChannelRule, rule_id, "Channel rule")
            guard.loaded(rule, _("Channel rule “{urgency}”").format(urgency=rule.urgency))
            fields = validate_rule(
                urgency=rule.urgency if urgency is None else urgency,
                channel=rule.channel if channel is None else channel,
                response_time=rule.response_time if response_time is None else response_time,
                notes=rule.notes if notes is None else notes,
            )
            check_unique_urgency(fields.urgency, (_record(x) for x in self._rules(s)), rule_id)
            rule.urgency = fields.urgency
            rule.channel = fields.channel
            rule.response_time = fields.response_time
            rule.notes = fields.notes
            guard.check(s, rule)
            s.flush()
            return _record(rule)

    def remove_rule(self, *, rule_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.ChannelRule, rule_id, "Channel rule"))
            s.flush()
            self._renumber(list(self._rules(s)))

    def reorder(self, *, rule_ids: list[int]) -> list[ChannelRuleRecord]:
        """Put the rules in the order of `rule_ids` (every rule exactly once)."""
        with self.db.transaction() as s:
            rules = {x.id: x for x in self._rules(s)}
            ids = check_order(rule_ids, rules)
            ordered = [rules[i] for i in ids]
            self._renumber(ordered)
            return [_record(x) for x in ordered]

    def move_rule(self, *, rule_id: int, offset: int) -> list[ChannelRuleRecord]:
        """Move a rule up (offset -1) or down (+1); at either end it stays where it is."""
        with self.db.transaction() as s:
            rules = list(self._rules(s))
            self._get(s, m.ChannelRule, rule_id, "Channel rule")
            at = next(i for i, x in enumerate(rules) if x.id == rule_id)
            to = max(0, min(len(rules) - 1, at + offset))
            rules.insert(to, rules.pop(at))
            self._renumber(rules)
            return [_record(x) for x in rules]

    def ensure_defaults(self) -> list[ChannelRuleRecord]:
        """Add the suggested rules (urgent → phone, today → chat, this week → e-mail,
        FYI → shared channel) when there are none. Only on request: nothing calls it at
        start-up, an empty list stays empty until the teams agree theirs."""
        with self.db.transaction() as s:
            if not list(self._rules(s)):
                for position, rule in enumerate(DEFAULT_RULES, start=1):
                    s.add(
                        m.ChannelRule(
                            urgency=rule.urgency,
                            channel=rule.channel,
                            response_time=rule.response_time,
                            notes=rule.notes,
                            position=position,
                        )
                    )
        return self.list_rules()

    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """A short "Communication expectations" section (Urgency | Channel | Response time)
        in EVERY meeting's minutes as soon as at least one rule exists: the agreement holds
        for all meetings, and the minutes are where people look it up. Empty when no rule
        was agreed yet."""
        with self.db.sessions() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            rules = [_record(x) for x in self._rules(s)]
        if not rules:
            return ()
        rows = tuple((r.urgency, r.channel, r.response_time or "—") for r in rules)
        return (
            DocSection(
                heading=_("Communication expectations"),
                blocks=(
                    Paragraph(_("Which channel to use for what urgency, as both teams agreed.")),
                    Table(
                        header=(_("Urgency"), _("Channel"), _("Response time")),
                        rows=rows,
                        weights=(3, 3, 2),
                    ),
                ),
            ),
        )

    # ---- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _rules(s: Session) -> list[m.ChannelRule]:
        return q.rules(s)

    @staticmethod
    def _renumber(rules: list[m.ChannelRule]) -> None:
        for position, rule in enumerate(rules, start=1):
            rule.position = position
