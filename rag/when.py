"""Relative days read against the article's date: a wire dated Saturday 15 March says "depuis
jeudi" where the regional paper says "jeudi 13 mars"; both state the same date.

Only for the judge and the figure checks of a trace: the quote shown stays the text as printed.
"""

from __future__ import annotations

import datetime as dt
import re

_WEEKDAYS = {
    **{d: i for i, d in enumerate("lundi mardi mercredi jeudi vendredi samedi dimanche".split())},
    **{d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())},
}
_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
_MONTHS_EN = "January February March April May June July August September October November December".split()
_RELATIVE = {"hier": -1, "avant-hier": -2, "yesterday": -1}
# A weekday or "hier" that no date follows ("jeudi 13 mars" is dated already) and that is not ahead
# ("jeudi prochain", "next Thursday").
_DAY = re.compile(
    r"\b(?<!next )(?P<w>"
    + "|".join([*_WEEKDAYS, *_RELATIVE])
    + r")\b(?!\s+(?:\d|prochain|dernier|next|last|matin\s+\d))",
    re.IGNORECASE,
)


def resolve_days(text: str, published: str | None) -> str:
    """`text` with each past weekday or "hier" followed by the date it names, read against the
    article's full date ("2025-03-15"): "interdite depuis jeudi" -> "interdite depuis jeudi 13 mars".
    Unchanged without a full date."""
    try:
        day = dt.date.fromisoformat(published or "")
    except ValueError:
        return text

    def dated(m: re.Match[str]) -> str:
        word = m.group("w").lower()
        english = word.isascii() and word.endswith(("day", "yesterday"))  # the language of the word itself
        if word in _RELATIVE:
            when = day + dt.timedelta(days=_RELATIVE[word])
        else:
            when = day - dt.timedelta(days=(day.weekday() - _WEEKDAYS[word]) % 7)
        month = (_MONTHS_EN if english else _MONTHS_FR)[when.month - 1]
        return f"{m.group(0)} {when.day} {month}" if not english else f"{m.group(0)}, {month} {when.day}"

    return _DAY.sub(dated, text)
