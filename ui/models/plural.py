"""English plurals for counted strings marked for Qt's numerus translation.

`tr("%n day(s)", "", n)` gives the German catalogue's singular or plural form, but with no
catalogue loaded (English, the source language) Qt only substitutes %n: "3 day(s)".
`plural(tr("%n day(s)", "", n), n)` turns that into "1 day" / "3 days"; translated text
(which has no "(s)") passes unchanged.
"""

from __future__ import annotations


def plural(text: str, n: int) -> str:
    """`text` with every "(s)" made English: dropped for one, "s" otherwise."""
    if "(s)" not in text:
        return text
    return text.replace("(s)", "" if n == 1 else "s")
