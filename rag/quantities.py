"""Figures as printed, compared across versions of a claim: "plus de 1 000 conteneurs" -> (qualifier
"more", value 1000, counted noun "conte"). A version printing another value or qualifier for the same
counted thing is a drift (`figure_differs`, `restated`); a figure with its noun identifies a claim
(`key_figures`). Values themselves are `rag.figures.numbers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rag import ground
from rag.figures import CURRENCY_NAMES, numbers
from rag.numerals import ET_UN, JOIN, PRINTED_WORDS

__all__ = [
    "counted_as",
    "elided",
    "figure_differs",
    "is_date",
    "key_figures",
    "printed",
    "quantities",
    "restated",
    "same_unit",
]


# A quantity as written: optional qualifier, the number, and the noun it counts.
_QUALIFIER = {
    "more": r"plus de|more than|over|upwards of|au-delà de",
    "atleast": r"au moins|at least|pas moins de",
    "about": r"environ|près de|quelque|about|around|nearly|approximately|presque|vers|peu avant|peu après|"
    r"aux alentours de|shortly before|shortly after",
    "less": r"moins de|less than|fewer than|under",
}
_QUANTITY = re.compile(
    r"(?:(?P<q>" + "|".join(_QUALIFIER.values()) + r")\s+)?"
    # "0,42" and "6,5 millions" are one figure each (numbers() reads them so); not "AL7412"'s digits.
    # A currency sign before it is its unit: "€75,000" counts euros as "75 000 euros" does.
    r"(?:(?P<cur>[€$£])\s?)?(?P<n>(?<![\w.,])(?:\d{1,3}(?:(?:[\s\u202f\u00a0]|,(?=\d{3}\b)|\.(?=\d{3}\b))\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?:\s+(?:millions?|milliards?|billions?))?|(?<![\w-])(?:"
    + PRINTED_WORDS
    + r")(?:"
    + JOIN
    + r"(?:"
    + PRINTED_WORDS
    + r"))*"
    + ET_UN
    + r"(?![\w-]))"
    # "Onze d'entre eux dépassent": the word after the partitive (read by `elided`)
    r"(?:\s*(?P<pc>%)|\s+(?:d['’]entre\s+(?:eux|elles)\s+|parmi\s+(?:eux|elles)\s+|de\s+|d['’]|of\s+)?"
    r"(?P<unit>[^\W\d_][\w’'-]*))?",
    re.IGNORECASE,
)


# A clock time: "10h47", "6 h 30", "11h", "10:47" (hours, then minutes).
_CLOCK = re.compile(
    r"(?:(?P<q>" + "|".join(_QUALIFIER.values()) + r")\s+)?"
    r"(?<![\w.,:])(?P<h>[01]?\d|2[0-4])\s?(?:h\s?(?P<m>[0-5]\d)?|:(?P<m2>[0-5]\d))(?![\w:])",
    re.IGNORECASE,
)
_STAMP = re.compile(r"\s*[:–—-]\s")


def quantities(text: str) -> list[tuple[str, float, str]]:
    """(qualifier, value, counted noun's stem) of every figure: "plus de 1 000 conteneurs" ->
    ("more", 1000.0, "conte"); a clock time counts hours: "vers 10h30" -> ("about", 10.5, "heure")."""
    return [f[1:] for f in printed(text)]


def printed(text: str) -> list[tuple[str, str, float, str]]:
    """(as printed, qualifier, value, noun) of every figure of a text, in order."""
    found: list[tuple[int, str, str, float, str]] = []
    clocks = []
    for m in _CLOCK.finditer(text):
        clocks.append(m.span())
        if _STAMP.match(text, m.end()) and (m.start() == 0 or text[m.start() - 1] == "\n"):
            continue  # a live blog's "11h02 :" dates the post, not what it reports
        minutes = int(m.group("m") or m.group("m2") or 0)
        found.append(
            (m.start(), m.group(0).strip(), _qualifier(m.group("q")), int(m.group("h")) + minutes / 60, "heure")
        )
    for m in _QUANTITY.finditer(text):
        values = numbers(m.group("n"))
        if not values or any(a < m.end() and m.start() < b for a, b in clocks):
            continue
        qual = _qualifier(m.group("q"))
        words = m.group(0).strip()
        if m.group("cur"):  # "€1.5 million in damages": the sign is the unit, the next word is not
            scale = re.match(r"\s+(?:millions?|milliards?|billions?)\b", text[m.end("n") :], re.IGNORECASE)
            words = text[m.start() : m.end("n") + (scale.end() if scale else 0)].strip()
        if not qual and _APPROXIMATE.search(m.group("n")):
            qual = "about"  # "une cinquantaine de pompiers" is not "50 pompiers"
            # and is printed so, not "cinquantaine de pompiers": the article's words in full
            article = re.search(r"\b[Uu]ne\s+$", text[: m.start()])
            words = (article.group(0) if article else "") + words
        noun = m.group("unit") or ""
        # "286 des 311 postes", "two of the five ships": a part of a whole counts what the whole does.
        whole = _WHOLE.match(text, m.end()) if noun.lower() in _OF_WHOLE else None
        part = _QUANTITY.match(text, whole.end()) if whole else None
        if part and part.group("unit"):
            noun = part.group("unit")
        unit = m.group("pc") or _unit(CURRENCY_NAMES.get(m.group("cur") or "", noun))
        found.append((m.start(), words, qual, max(values), unit))
    return [f[1:] for f in sorted(found)]


_OF_WHOLE = {"des", "sur", "the"}  # "286 des 311 postes", "286 sur 311", "two of the five" ("of" is read before)
_WHOLE = re.compile(r"\s+(?=\d|[^\W\d_]+\s)")


def _qualifier(words: str | None) -> str:
    return next((k for k, v in _QUALIFIER.items() if words and re.fullmatch(v, words, re.I)), "")


_APPROXIMATE = re.compile(r"aines?$|dozens?$", re.IGNORECASE)


def _unit(noun: str) -> str:
    """A counted noun's stem, each part of a compound stemmed: "sapeurs-pompiers" -> "sapeu-pompi"."""
    return "-".join(ground.fold(part)[:5] for part in noun.split("-") if part)


def elided(claim: str) -> dict[str, str]:
    """The noun a count leaves out when it stands before the claim's next word: "12 dépassent" and
    "Onze d'entre eux dépassent" under "Onze échantillons dépassent" count samples ("depas" -> "echan")."""
    out = {}
    for m in _QUANTITY.finditer(claim):
        after = re.match(r"\s+([^\W\d_][\w’'-]*)", claim[m.end() :])
        if m.group("unit") and after and ground.content_words(after.group(1)):  # a verb, not "ont", "par"
            out[_unit(after.group(1))] = _unit(m.group("unit"))
    return out


def counted_as(claim: str, figures: Sequence[tuple[Any, ...]]) -> list[Any]:
    """A version's figures (of `quantities` or `printed`), a count that leaves its noun out read as
    counting the claim's (`elided`)."""
    ell = elided(claim)
    return [(*f[:-1], ell.get(f[-1], f[-1])) for f in figures]


def same_unit(a: str, b: str) -> bool:
    """Two counted nouns of `quantities` name the same thing: same stem, or a compound and one of its
    parts ("Quarante-cinq sapeurs-pompiers" and "une cinquantaine de pompiers")."""
    return bool(a and b) and (a == b or bool(set(a.split("-")) & set(b.split("-"))))


def key_figures(text: str) -> set[tuple[float, str]]:
    """Figures that identify a claim: large numbers by value, small ones ("deux pays", "cinq voyages")
    only with the noun they count, since small counts are everywhere."""
    return {(v, u if v < 10 else "") for _, v, u in quantities(text) if v > 1}


def figure_differs(a: list[tuple[str, float, str]], b: list[tuple[str, float, str]]) -> bool:
    """Some figure counts the same thing (same noun or same value) with another value or qualifier."""
    for qa, va, ua in a:
        same = [(vb, qb) for qb, vb, ub in b if same_unit(ua, ub) or va == vb]
        # printed as the claim has it, it is stated, whatever else the quote counts ("11h02 : … à 10h47")
        if same and (va, qa) not in same:
            return True
    return False


def restated(claim: str, version: str) -> str | None:
    """`claim` with each figure replaced by the figure `version` gives for the same counted thing
    ("trois fois" -> "près de quatre fois", "13 mars" -> "12 mars"); None when none differs. A trace
    asks the judge whether `version` states the claim so changed: a drift, not another fact."""
    theirs = list(zip(printed(version), counted_as(claim, printed(version)), strict=True))
    out = claim
    for text, qual, value, unit in printed(claim):
        other = next((f for f, (*_, u) in theirs if same_unit(u, unit) and f[1:3] != (qual, value)), None)
        if other and other[3] != unit and not same_unit(other[3], unit):  # "12 dépassent": its number, our noun
            out = out.replace(text, other[0].rsplit(" ", 1)[0] + text[text.rfind(" ") :], 1)
        elif other:
            out = out.replace(text, other[0], 1)
    return out if out != claim else None


_MONTH_STEMS = {
    ground.fold(m)[:5]
    for m in "janvier février mars avril mai juin juillet août septembre octobre novembre décembre january "
    "february march april june july august september october november december".split()
}


def is_date(noun: str) -> bool:
    """The counted noun of `quantities` is a month: "13 mars" is a date, not thirteen of something."""
    return noun in _MONTH_STEMS
