"""The recap e-mail's approval block and signed line with an RLO in a name or a meeting
title: the user's text is isolated, so the override never reaches our own words after it
(the date, the revision, "Minutes taken by: …"). Found by an attack on the first version,
which closed each line only at its end."""

from __future__ import annotations

from tests.services import test_recaps as _recaps
from tests.services.test_recaps import Clock, Closed, approve_in_april, both_parts, parse

# The recap tests' fixtures, by name.
sv, clock, closed, memory_keyring = (
    _recaps.sv,
    _recaps.clock,
    _recaps.closed,
    _recaps.memory_keyring,
)

RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"


def _open_override_before(text: str, words: str) -> bool:
    """True when an RLO is still open where `words` (our own words) start."""
    at = text.index(words)
    before = text[:at]
    depth = 0
    for ch in before:
        if ch == RLO:
            depth += 1
        elif ch == PDF and depth:
            depth -= 1
        elif ch == PDI:
            depth = 0
    return depth > 0


def test_an_rlo_in_the_facilitator_name_never_turns_minutes_taken_by_around(
    sv, closed: Closed, clock: Clock, tmp_path
) -> None:
    sv.people.update_member(member_id=closed.ids["ana"], name=f"{RLO}Ana López")
    april = approve_in_april(sv, closed, clock, title=f"{RLO}April sync")
    result = sv.recaps.write_recap_emls(april, tmp_path)
    message = parse(next(p for p in result.files if p.name.startswith("Ben")).read_bytes())
    plain, html = both_parts(message)
    for text in (plain, html.flat):
        block = text.split("APPROVAL", 1)[1]
        assert "Minutes taken by:" in block
        # What the reader sees: "Facilitator: <name reversed> · Minutes taken by: Ben" —
        # not ":yb nekat setuniM · ..." turned around by the name's RLO.
        assert not _open_override_before(block, " · Minutes taken by:"), block


def test_an_rlo_in_an_approving_meetings_title_never_turns_the_date_around(
    sv, closed: Closed, clock: Clock, tmp_path
) -> None:
    """March's recap, sent after April approved it: "Approved in <April's title> on 31 Mar
    2026 (revision 1)." — the date and revision are ours."""
    approve_in_april(sv, closed, clock, title=f"{RLO}April sync")
    result = sv.recaps.write_recap_emls(closed.meeting_id, tmp_path)
    message = parse(next(p for p in result.files if p.name.startswith("Ana")).read_bytes())
    plain, html = both_parts(message)
    for text in (plain, html.flat):
        block = text.split("APPROVAL", 1)[1]
        assert " on 31 Mar 2026 (revision 1)." in block, block
        assert not _open_override_before(block, " on 31 Mar 2026 (revision 1)."), block
