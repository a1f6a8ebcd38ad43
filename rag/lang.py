"""Tell French from English questions, so answers and refusals come back in the user's language."""

from __future__ import annotations

import re

_FR = set(
    "le la les des du de un une est et que qui quel quelle quels quelles quoi où combien "
    "comment pourquoi quand ont a-t-il sont dans pour par sur avec au aux ce cette "
    "selon lequel laquelle y".split()
)
_EN = set(
    "the a an is are was were what which who whom when where why how many much did does do "
    "of to in on by for with from that this according has have".split()
)

REFUSAL = {
    "fr": "Je ne trouve pas cette information dans les articles.",
    "en": "Not found in the articles.",
}


def detect(text: str) -> str:
    """'fr' or 'en' by counting function words; accents tip a tie towards French."""
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ'-]+", text.lower())
    fr = sum(w in _FR for w in words) + (2 if re.search(r"[àâçéèêëîïôûùœ]", text.lower()) else 0)
    en = sum(w in _EN for w in words)
    return "en" if en > fr else "fr"
