"""Coaching pairs (seed 004): a Sales member paired with a Marketing member who check in
every week on their progress and ask each other for tips; pairs rotate so that everyone
gets to know the other team.

The rules
---------
**Check-ins are weekly.** A pair is *overdue* when its last check-in — or, before the first
one, the day it started — is more than `CHECKIN_DAYS` (7) days before today. Seven days
exactly is still on time (same weekday next week).

**Rotation.** `suggest_round` proposes the next round of pairs from the two teams' member
ids and every pair that has existed so far (ended and active, repeated as often as it
happened):

1. Everyone on the larger team gets exactly one partner per round; nobody sits out. The
   members of the smaller team share them out evenly: with L people on the larger team and
   S on the smaller, each gets ⌊L/S⌋ or ⌈L/S⌉ partners. With equal teams everyone has one.
   The extra partner goes to whoever has had the fewest pairings so far (ties: lower id).
2. No pair repeats while a pair that has never met can take its place: the round
   minimises first the most times any of its pairs has met, then how many pairs are at that
   number, and so on. Started from no history, S rounds pair every Sales member with every
   Marketing member exactly once (a round robin); only then do pairs repeat, in the same
   order.
3. Among equally good rounds, the standard round robin (members ordered by id, round r pairs
   the i-th of the larger team with the (i + r) mod S-th of the smaller team) is preferred,
   so a regular history keeps its rhythm; an irregular one (members joined, pairs made by
   hand) gets the round with the fewest repeats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from alignmeet.domain.rules import ValidationError, too_long
from alignmeet.i18n import _, ngettext

CHECKIN_DAYS = 7
MAX_CHECKIN_TEXT = 5_000

Pair = tuple[int, int]  # (sales member id, marketing member id)


# ---- check-ins ------------------------------------------------------------------------------
def days_since(last: date, today: date) -> int:
    return (today - last).days


def is_overdue(last: date, today: date) -> bool:
    """More than a week since the last check-in (or the start): the pair is overdue."""
    return days_since(last, today) > CHECKIN_DAYS


def clean_checkin_text(field: str, value: str | None, *, label: str) -> str:
    text = (value or "").strip()
    if len(text) > MAX_CHECKIN_TEXT:
        raise too_long(field, label, len(text), MAX_CHECKIN_TEXT)
    return text


# ---- records ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CheckinRecord:
    id: int
    pair_id: int
    held_on: date
    progress: str
    tips_asked: str
    tips_given: str
    meeting_id: int | None
    meeting_title: str
    created_at: datetime

    @property
    def latest_tip(self) -> str:
        return latest_tip_text(self.tips_given, self.tips_asked)


def latest_tip_text(tips_given: str, tips_asked: str) -> str:
    given = " ".join(tips_given.split())
    asked = " ".join(tips_asked.split())
    if given:
        return given
    return _("Asked: {tip}").format(tip=asked) if asked else ""


@dataclass(frozen=True)
class PairStatus:
    """A coaching pair with where its check-ins stand on `today`."""

    id: int
    sales_member_id: int
    sales_name: str
    marketing_member_id: int
    marketing_name: str
    started_on: date
    ended_on: date | None
    last_checkin_on: date | None
    checkins: int
    latest_tip: str
    today: date

    @property
    def label(self) -> str:
        return f"{self.sales_name} ↔ {self.marketing_name}"

    @property
    def active(self) -> bool:
        return self.ended_on is None

    @property
    def since(self) -> date:
        """The last check-in, or the start before the first one."""
        return self.last_checkin_on or self.started_on

    @property
    def days_since(self) -> int:
        return days_since(self.since, self.today)

    @property
    def overdue(self) -> bool:
        return self.active and is_overdue(self.since, self.today)

    def status_text(self) -> str:
        if not self.active:
            return _("Ended")
        if self.overdue:
            return ngettext(
                "Overdue — {days} day", "Overdue — {days} days", self.days_since
            ).format(days=self.days_since)
        return _("On track")


@dataclass(frozen=True)
class SuggestedPair:
    sales_member_id: int
    sales_name: str
    marketing_member_id: int
    marketing_name: str
    times_met: int  # before this round
    sales_has_met: tuple[str, ...]  # Marketing members the Sales member was paired with
    marketing_has_met: tuple[str, ...]  # Sales members the Marketing member was paired with

    @property
    def label(self) -> str:
        return f"{self.sales_name} ↔ {self.marketing_name}"


@dataclass(frozen=True)
class RotationSuggestion:
    pairs: tuple[SuggestedPair, ...]
    pairs_met: int  # distinct Sales–Marketing pairs that have met, among current members
    pairs_possible: int
    active_pairs: int  # pairs that applying the suggestion ends

    def describe(self) -> str:
        repeats = sum(1 for p in self.pairs if p.times_met)
        fresh = len(self.pairs) - repeats
        so_far = ngettext(
            "{met} of {possible} possible pair has met so far.",
            "{met} of {possible} possible pairs have met so far.",
            self.pairs_possible,
        ).format(met=self.pairs_met, possible=self.pairs_possible)
        if repeats:
            round_text = _(
                "This round: {new} new pairs, {again} meeting again "
                "(everyone has met the other team)."
            ).format(new=fresh, again=repeats)
        else:
            round_text = ngettext(
                "This round: {new} new pair.", "This round: {new} new pairs.", fresh
            ).format(new=fresh)
        return f"{so_far} {round_text}"


# ---- rotation --------------------------------------------------------------------------------
def suggest_round(
    sales_ids: Sequence[int], marketing_ids: Sequence[int], history: Iterable[Pair]
) -> tuple[Pair, ...]:
    """The next round of (sales, marketing) pairs; see the module's rules. Sorted by pair."""
    sales = sorted(set(sales_ids))
    marketing = sorted(set(marketing_ids))
    if not sales or not marketing:
        raise ValidationError(
            "members",
            _("Coaching pairs need at least one active member in Sales and in Marketing."),
        )
    met = Counter(history)
    sales_is_larger = len(sales) >= len(marketing)
    larger, smaller = (sales, marketing) if sales_is_larger else (marketing, sales)

    def times(big: int, small: int) -> int:
        return met[(big, small)] if sales_is_larger else met[(small, big)]

    def pair(big: int, small: int) -> Pair:
        return (big, small) if sales_is_larger else (small, big)

    def repeats_key(round_: Sequence[tuple[int, int]]) -> tuple[int, ...]:
        return tuple(sorted((times(b, s) for b, s in round_), reverse=True))

    # The standard round robin's rounds, best first (ties: earliest offset).
    robin = [
        [(big, smaller[(i + r) % len(smaller)]) for i, big in enumerate(larger)]
        for r in range(len(smaller))
    ]
    best_robin = min(robin, key=repeats_key)
    best_any = _fewest_repeats(larger, smaller, times, met)
    chosen = best_robin if repeats_key(best_robin) <= repeats_key(best_any) else best_any
    return tuple(sorted(pair(b, s) for b, s in chosen))


def _fewest_repeats(
    larger: list[int],
    smaller: list[int],
    times: Callable[[int, int], int],
    met: Counter[Pair],
) -> list[tuple[int, int]]:
    """A balanced round with the fewest repeats, as a min-cost assignment of the larger
    team's members to the smaller team's "slots" (each has ⌊L/S⌋ slots, plus an extra
    one that only ⌈L/S⌉-partner members use)."""
    big_n, small_n = len(larger), len(smaller)
    base, extra = divmod(big_n, small_n)
    floor = min(times(b, s) for b in larger for s in smaller)

    def count(big: int, small: int) -> int:  # times met, above what every pair has
        return times(big, small) - floor

    most = max(count(b, s) for b in larger for s in smaller)
    weight = big_n + 1  # one more repeat outweighs any number of pairs at fewer repeats
    scale = sum(met.values()) + big_n + 1  # fairness tie-break stays below one coverage unit
    pairings = Counter[int]()
    for (a, b), n in met.items():
        pairings[a] += n
        pairings[b] += n
    extra_cost = big_n * scale * weight ** (most + 1) + 1  # use as few extra slots as possible
    slots: list[tuple[int, bool]] = []
    for small in smaller:
        slots += [(small, False)] * base
        if extra:
            slots.append((small, True))
    cost = [
        [
            scale * weight ** count(big, small)
            + (extra_cost + min(pairings[small], scale - 1) if is_extra else 0)
            for small, is_extra in slots
        ]
        for big in larger
    ]
    columns = _assign(cost)
    return [(larger[i], slots[j][0]) for i, j in enumerate(columns)]


def _assign(cost: list[list[int]]) -> list[int]:
    """Minimum-cost assignment of every row to a distinct column (rows ≤ columns):
    the Hungarian algorithm with potentials, O(rows² · columns)."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0] * (n + 1)  # exact integer potentials: costs can exceed a float's precision
    v = [0] * (m + 1)
    owner = [0] * (m + 1)  # column -> row (1-based), 0 = free
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            r0, delta, col1 = owner[col0], inf, 0
            for col in range(1, m + 1):
                if not used[col]:
                    cur = cost[r0 - 1][col - 1] - u[r0] - v[col]
                    if cur < minv[col]:
                        minv[col], way[col] = cur, col0
                    if minv[col] < delta:
                        delta, col1 = minv[col], col
            for col in range(m + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    minv[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    result = [0] * n
    for col in range(1, m + 1):
        if owner[col]:
            result[owner[col] - 1] = col - 1
    return result


def validate_new_pairs(pairs: Sequence[Pair], active: Iterable[Pair]) -> None:
    """Refuse the same pair twice in one request, or a pair that is already active."""
    seen: set[Pair] = set()
    current = set(active)
    for pair in pairs:
        if pair in seen:
            raise ValidationError("pairs", _("The same pair is listed twice."))
        if pair in current:
            raise ValidationError("pairs", _("These two are already an active coaching pair."))
        seen.add(pair)
