"""Numbers written in words, French and English: "cinq", "quarante-cinq", "soixante et onze",
"quatre-vingt-dix", "deux cents", "forty-five", and approximate counts ("une cinquantaine").
A numeral is one value, not its parts: "cinq" in "Quarante-cinq sapeurs-pompiers" is no 5.
"""

from __future__ import annotations

import re

# Cardinal words in French and English, so "five trips" is checked against "cinq voyages".
# "un/une/one" are left out: they are articles far more often than counts.
CARDINAL_WORDS = {
    **dict.fromkeys(["deux", "two"], 2),
    **dict.fromkeys(["trois", "three"], 3),
    **dict.fromkeys(["quatre", "four"], 4),
    **dict.fromkeys(["cinq", "five"], 5),
    **dict.fromkeys(["six"], 6),
    **dict.fromkeys(["sept", "seven"], 7),
    **dict.fromkeys(["huit", "eight"], 8),
    **dict.fromkeys(["neuf", "nine"], 9),
    **dict.fromkeys(["dix", "ten"], 10),
    **dict.fromkeys(["onze", "eleven"], 11),
    **dict.fromkeys(["douze", "twelve", "douzaine", "dozen"], 12),
    **dict.fromkeys(["treize", "thirteen"], 13),
    **dict.fromkeys(["quatorze", "fourteen"], 14),
    **dict.fromkeys(["quinze", "fifteen"], 15),
    **dict.fromkeys(["seize", "sixteen"], 16),
    **dict.fromkeys(["seventeen"], 17),
    **dict.fromkeys(["eighteen"], 18),
    **dict.fromkeys(["nineteen"], 19),
    **dict.fromkeys(["vingt", "vingts", "twenty"], 20),
    **dict.fromkeys(["trente", "thirty"], 30),
    **dict.fromkeys(["quarante", "forty"], 40),
    **dict.fromkeys(["cinquante", "fifty"], 50),
    **dict.fromkeys(["soixante", "sixty"], 60),
    **dict.fromkeys(["seventy"], 70),
    **dict.fromkeys(["eighty"], 80),
    **dict.fromkeys(["ninety"], 90),
    # approximate counts: "une cinquantaine de pompiers" is about 50
    **dict.fromkeys(["dizaine", "dizaines"], 10),
    **dict.fromkeys(["quinzaine"], 15),
    **dict.fromkeys(["vingtaine"], 20),
    **dict.fromkeys(["trentaine"], 30),
    **dict.fromkeys(["quarantaine"], 40),
    **dict.fromkeys(["cinquantaine"], 50),
    **dict.fromkeys(["soixantaine"], 60),
    **dict.fromkeys(["cent", "cents", "hundred", "centaine", "centaines", "hundreds"], 100),
    **dict.fromkeys(["mille", "thousand", "millier", "milliers", "thousands"], 1000),
}
# A numeral of words joined by hyphens or "et" ("quarante-cinq", "soixante et onze", "quatre-vingt-dix",
# "forty-five"): one value, not its parts ("cinq" in "Quarante-cinq" is no 5).
_WORD = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
JOIN = r"(?:-|\s+(?=(?:cents?|mille|hundred|thousand)\b))"
ET_UN = r"(?:(?:-et-|\s+et\s+)(?:un|une|onze)\b)?"  # "vingt et un", "soixante et onze": not "cinq et six"
NUMERAL = re.compile(rf"(?<![\w-])(?:{_WORD})(?:{JOIN}(?:{_WORD}))*{ET_UN}(?![\w-])")


def numeral_value(words: str) -> float:
    """The value of a numeral's folded words: "quatre-vingt-dix" -> 90, "deux-cents" -> 200."""
    total = current = 0
    parts = [w for w in re.split(r"-|\s+", words) if w and w != "et"]
    for i, w in enumerate(parts):
        v = CARDINAL_WORDS.get(w, 1 if w in ("un", "une") else 0)
        if v == 1000:
            total, current = total + (current or 1) * 1000, 0
        elif v == 100:
            current = (current or 1) * 100
        elif v == 20 and i and parts[i - 1] == "quatre":
            current += 76  # "quatre-vingt": 4 already counted
        else:
            current += v
    return float(total + current)


# The same words as printed (accents kept): "Quarante-cinq sapeurs-pompiers", "Une cinquantaine de pompiers".
PRINTED_WORDS = "|".join(sorted({*CARDINAL_WORDS, "dix-sept", "dix-huit", "dix-neuf"}, key=len, reverse=True))
