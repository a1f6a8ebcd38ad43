"""A claim the quote reports as a rumour or as denied is not stated by it.

"Des rumeurs selon lesquelles l'hôpital aurait versé la rançon ont circulé ; la direction les a
démenties" holds every word of "Yes, the hospital paid the ransom", and the 1.5B judge accepted it
(P(yes) 0.84). What the quote frames as a rumour, an unverified claim or something someone denies
can only be the answer if the answer keeps the frame ("selon des rumeurs …", "… a démenti", "did
not pay"): an answer that states it flatly is refused.

Only frames that introduce the claim count ("rumeurs selon lesquelles …", "a démenti avoir …",
"denied that …"): a quote that mentions a denial beside the claim it states ("Malgré le démenti
officiel de la Russie …, ils sont presque certains que …") is judged as any other.
"""

from __future__ import annotations

import re

_FRAME = re.compile(
    r"\b(?:rumeurs?|bruits?|informations?|affirmations?|allégations?|spéculations?)\s+"
    r"(?:non\s+(?:confirmées?|vérifiées?)\s+)?(?:selon\s+lesquel(?:le)?s|voulant\s+que|(?:disant|affirmant|prétendant)\s+que)|"
    r"\b(?:rumou?rs?|reports?|claims?|allegations?|speculation)\s+(?:that|saying\s+that|claiming\s+that)|"
    r"\b(?:dément\w*|démenti\w*|nie|nient|nié\w*|réfut\w*|conteste\w*|contesté\w*)\s+(?:avoir|être|que|qu['’]|l['’]information)|"
    r"\b(?:denied|denies|deny|denying|refuted|disputed)\s+(?:that|having|being|any|the\s+reports?)|"
    r"\b(?:denied|denies|deny|denying)\s+\w+ing\b|"
    r"\b(?:sans|n['’]a\s+pas\s+pu\s+être)\s+(?:confirmation|confirmée?s?|vérifiée?s?)\b|"
    r"\b(?:could\s+not\s+be|has\s+not\s+been|have\s+not\s+been)\s+(?:independently\s+)?(?:verified|confirmed)\b",
    re.IGNORECASE,
)
# What keeps the frame in an answer: the report or denial itself, a conditional, a source, a negation.
_KEPT = re.compile(
    r"\b(?:rumeurs?|rumou?rs?|selon|d['’]après|according|aurait|auraient|serait|seraient|pourrait|"
    r"dément\w*|démenti\w*|nié\w*|nie|nient|denied|denies|deny|reportedly|allegedly|prétendument|"
    r"supposément|affirm\w*|claim\w*|pas|jamais|aucune?|rien|not|never|no|none|non|n['’]t|n['’]|ne|"
    r"unverified|unconfirmed|non\s+confirmé\w*|non\s+vérifié\w*)\b",
    re.IGNORECASE,
)


def stated_flatly(answer: str, quote: str) -> str | None:
    """Why the answer states as fact what its quote reports as a rumour or denied; None if it does not."""
    frame = _FRAME.search(quote)
    if not frame or _KEPT.search(answer):
        return None
    return f"the quote reports it as {frame.group(0)!r}; the answer states it as fact"
