"""Numbers in text, as values ("1 000", "1,000", "mille" -> 1000.0).

Answers must not state a number their quote does not (`ungrounded_numbers`), nor give it for
another thing (`miscounted`). Figures as printed, compared between versions of a claim, are
`rag.quantities`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag import ground
from rag.embed import Embedder
from rag.numerals import CARDINAL_WORDS, NUMERAL, numeral_value

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
    r"(?:(?P<cur>[€$£])\s?)?(?<![\w.,])(?P<n>\d{1,3}(?:[\s\u202f\u00a0.,]\d{3})+|\d{2,}|mille|thousand)(?P<scale>\s+(?:millions?|milliards?|billions?))?"
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
        # "€75,000 and ordered" counts euros, as "75 000 euros" does
        out.append((v, CURRENCY_NAMES[m.group("cur")] if m.group("cur") else m.group("what")))
    return out


CURRENCY_NAMES = {"€": "euros", "$": "dollars", "£": "livres"}  # the unit a sign counts


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
