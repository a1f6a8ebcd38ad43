"""Numbers in text, as values ("1 000", "1,000", "mille" -> 1000.0), and figures as printed:
"plus de 1 000 conteneurs" -> (qualifier "more", value 1000, counted noun "conten").

Answers must not state a number their quote does not (`ungrounded_numbers`), nor give it for
another thing (`miscounted`). Traces and the corpus view compare claims by their figures: a
version printing another value or qualifier for the same counted thing is a drift; a figure with its
noun identifies a claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rag import ground
from rag.embed import Embedder
from rag.numerals import CARDINAL_WORDS, ET_UN, JOIN, NUMERAL, PRINTED_WORDS, numeral_value

_SCALE = {
    "mille": 1e3,
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e9,
}
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:(?:[\s\u202f\u00a0]|,(?=\d{3}\b)|\.(?=\d{3}\b))\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?:\s*(mille|thousand|millions?|milliards?|billion))?",
    re.IGNORECASE,
)


def numbers(text: str) -> set[float]:
    """Every quantity a text states, as values: '1 000', '1,000' and 'mille' are all 1000.0,
    '1,5 milliard' is 1.5e9, 'cinq' and 'five' are 5.0, '1er' is 1.0."""
    out: set[float] = set()
    for m in _NUMBER.finditer(text):
        digits = m.group(1)
        if re.search(r"\d[\s\u202f\u00a0,.]\d{3}\b", digits) and not re.fullmatch(r"\d+[.,]\d{1,2}", digits):
            value = float(re.sub(r"[^\d]", "", digits))
        else:
            value = float(digits.replace(",", "."))
        out.add(value * _SCALE.get((m.group(2) or "").lower(), 1.0))
    for m in NUMERAL.finditer(ground.fold(text)):
        out.add(numeral_value(m.group(0)))
    return out


def ungrounded_numbers(answer: str, evidence: Sequence[str], question: str = "") -> list[str]:
    """Quantities in the answer that neither the evidence nor the question states: invented.

    'deux missiles' over passages that never give 2 -> ['2']; '1,000 containers' over
    'plus de 1 000 conteneurs' -> []; a year the question itself names is not invented.
    """
    have = set().union(*(numbers(t) for t in evidence), numbers(question))
    return sorted(f"{v:g}" for v in numbers(answer) - have)


# What a large number counts: the words after it, up to a verb, a clause or a list ("1 000 North
# Korean troops were sent" -> "North Korean troops"; "1 000 conteneurs d'équipements militaires et
# de munitions" -> "conteneurs d'équipements militaires").
_COUNTED = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:[\s\u202f\u00a0.,]\d{3})+|\d{2,}|mille|thousand)(?P<scale>\s+(?:millions?|milliards?|billions?))?"
    r"\s+(?P<what>[^\W\d_][\w’'-]*(?:\s+(?!(?:ont|a|sont|est|été|étaient|were|was|are|is|have|has|had|and|et|ou|or|qui|que|"
    r"which|that|who|dont|ces|selon|according|depuis|since|en|in|à|to|by|par|pour|for|sur|on|vers|from|de la|du)\b)"
    r"[^\W\d_][\w’'-]*){0,3})",
    re.IGNORECASE,
)
_NOT_COUNTED = {
    ground.fold(w)
    for w in (
        "h heures heure hours ans years an year jours days mois months semaines weeks minutes fois times pour cent "
        "percent janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre "
        "decembre january february march april may june july august september october november december"
    ).split()
}  # folded once, compared with folded words
# usem cosine of the counted nouns: "containers"/"conteneurs" 0.66, "employees"/"salariés" 0.84,
# "troops"/"soldats" 0.80, "morts"/"victimes" 0.61; "troops"/"conteneurs" 0.44, "soldats"/"conteneurs" 0.47.
MIN_SAME_COUNTED = 0.5
_DETERMINERS = set(
    "le la les l un une des du de d ce cet cette ces ses son sa leurs leur nos vos mes "
    "the a an some these those this that its their his her our".split()
)


def counted(text: str) -> list[tuple[float, str]]:
    """(value, what it counts) for each number of 10 or more followed by what it counts; years,
    durations, times and dates are not counts of things."""
    out = []
    for m in _COUNTED.finditer(text):
        first = ground.fold(m.group("what").split()[0])
        values = numbers(m.group("n") + (m.group("scale") or ""))
        if not values or first in _NOT_COUNTED:
            continue
        v = max(values)
        if 1900 <= v <= 2100 and not re.search(r"\s", m.group("n")):  # a year, as printed
            continue
        out.append((v, m.group("what")))
    return out


def heads(what: str) -> list[str]:
    """Where the counted noun may stand: first (French, and English "containers of …"), or last
    before "of"/"de" (English "North Korean troops")."""
    before = re.split(r"\s+(?:of|de)\s+|\s+d['’]", what)[0].split()
    # An article or determiner is no noun ("conteneurs contenaient probablement des": usem puts "des"
    # 0.53 from "obus", which let a container count stand for a shell count).
    last = [] if ground.fold(before[-1]) in _DETERMINERS else [before[-1]]
    return list(dict.fromkeys([what.split()[0], *last]))


def miscounted(answer: str, quote: str, embedder: Embedder) -> list[str]:
    """Numbers the answer gives for one thing where its quote gives them for another.

    The judge accepts "1 000 North Korean troops were sent to fight in Ukraine" over "… plus de
    1 000 conteneurs d'équipements militaires …": the number stands in the quote, counting
    containers. Small numbers are left out (two ports and two sites may be the same two places);
    a number the quote does not give at all is `ungrounded_numbers`' business. Nouns that differ
    are compared by meaning only through a multilingual embedder; with another, they are not judged.
    """
    if not getattr(embedder, "multilingual", False):
        return []
    mine = counted(answer)
    theirs = counted(quote)
    out = [
        f"{v:g} {what} (the quote: {v:g} only as {', '.join(units)})"
        for v, what, units in _counts_a_span(answer, quote)
    ]
    for value, what in mine:
        same = [w for v, w in theirs if v == value]
        if not same:
            continue
        if not same_thing(heads(what), list(dict.fromkeys(h for w in same for h in heads(w))), embedder):
            out.append(f"{value:g} {what} (the quote: {value:g} {same[0]})")
    return out


def same_thing(a: list[str], b: list[str], embedder: Embedder) -> bool:
    """Some noun of `a` names what some noun of `b` does: same stem, or usem cosine >= MIN_SAME_COUNTED."""
    if any(ground.fold(x)[:5] == ground.fold(y)[:5] for x in a for y in b):
        return True
    vecs = embedder.embed(a + b, "passage")
    return float((vecs[: len(a)] @ vecs[len(a) :].T).max()) >= MIN_SAME_COUNTED


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
    r"(?P<n>(?<![\w.,])(?:\d{1,3}(?:(?:[\s\u202f\u00a0]|,(?=\d{3}\b)|\.(?=\d{3}\b))\d{3})+|\d+(?:[.,]\d+)?)"
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
        if not qual and _APPROXIMATE.search(m.group("n")):
            qual = "about"  # "une cinquantaine de pompiers" is not "50 pompiers"
            # and is printed so, not "cinquantaine de pompiers": the article's words in full
            article = re.search(r"\b[Uu]ne\s+$", text[: m.start()])
            words = (article.group(0) if article else "") + words
        found.append((m.start(), words, qual, max(values), m.group("pc") or _unit(m.group("unit") or "")))
    return [f[1:] for f in sorted(found)]


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


_NUMBER_THEN_WORD = re.compile(r"(?<![\w.,])(\d+|[^\W\d_]+)\s+([^\W\d_][\w’'-]*)")


def _counts_a_span(answer: str, quote: str) -> list[tuple[float, str, list[str]]]:
    """Counts of things in the answer, small ones too, whose number the quote prints only as a
    duration, a time or a date: "Four nurses work at the hospital" over "Quatre jours après la
    cyberattaque … Une infirmière …" (the number stands in the quote, counting days)."""

    def pairs(text: str) -> list[tuple[float, str]]:
        out = []
        for m in _NUMBER_THEN_WORD.finditer(text):
            n = m.group(1)
            if not (n.isdigit() or ground.fold(n) in CARDINAL_WORDS):
                continue
            values = numbers(n)
            if len(values) == 1:
                out.append((next(iter(values)), m.group(2)))
        return out

    theirs = pairs(quote)
    out = []
    for v, what in pairs(answer):
        if v < 2 or ground.fold(what) in _NOT_COUNTED or ground.fold(what) in _DETERMINERS:
            continue
        units = [w for u, w in theirs if u == v]
        if units and all(ground.fold(w) in _NOT_COUNTED for w in units):
            out.append((v, what, units))
    return out


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
