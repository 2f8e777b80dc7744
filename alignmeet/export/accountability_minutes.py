"""The minutes' "Accountability" section: the meeting's rating and the answers to "what
would make it a 10?" (without names), one say/do line per member present, and the teams
below the 90 % target. Plain `DocSection`s, rendered by the minutes' own section renderers
(Word and HTML), so both say the same; nothing here imports python-docx.
"""

from __future__ import annotations

from alignmeet.domain.accountability import RATING_TARGET, member_line
from alignmeet.domain.records import MinutesData
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Picture, Table
from alignmeet.i18n import _

__all__ = ["minutes_sections"]


def minutes_sections(data: MinutesData) -> tuple[DocSection, ...]:
    """The minutes' "Accountability" section, or nothing when there is nothing to say."""
    if data.rating is None and not data.say_do:
        return ()
    blocks: list[Paragraph | Bullets | Table | Picture] = []
    rating = data.rating
    if rating is not None and rating.average is not None:
        text = _("{average} / 10 from {count} of {present} present (aim: {target} or more)").format(
            average=rating.average_text,
            count=rating.count,
            present=max(rating.present, rating.count),
            target=RATING_TARGET,
        )
        blocks.append(Paragraph(text, label=_("Meeting rating: ")))
        if rating.answers:
            blocks.append(Paragraph("", label=_("What would make it a 10?")))
            blocks.append(Bullets(rating.answers))
    if data.say_do:
        blocks.append(
            Paragraph(
                _("commitments kept by their first promised due date or by the next meeting."),
                label=_("Say/do: "),
            )
        )
        blocks.append(Bullets(tuple(member_line(m, data.say_do_window) for m in data.say_do)))
    return (DocSection(heading=_("Accountability"), blocks=tuple(blocks)),)
