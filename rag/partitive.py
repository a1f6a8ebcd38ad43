"""A count that is the part of a partitive in its quote, given as the count of the whole.

"des PFAS ont été retrouvés dans 97 des 120 échantillons prélevés" counts 120 samples, and 97 of
them in which PFAS were found. The judge accepts "97 water samples were analysed" over it (P 0.94,
corpus9): the number stands in the quote, counting samples. What picks the part out of the whole
is said just before it ("des PFAS ont été retrouvés dans"); an answer giving the part must say it
too, or its question must ("Combien d'échantillons contenaient des PFAS ?").
"""

from __future__ import annotations

import re

from rag import ground
from rag.embed import Embedder
from rag.figures import numbers
from rag.lang import detect
from rag.numerals import PRINTED_WORDS
from rag.quantities import printed

__all__ = ["part_as_whole", "whole_as_part"]

_N = r"\d{1,3}(?:[\s\u202f\u00a0]\d{3})*(?:[.,]\d+)?"
# "97 des 120", "11 sur 120", "11 d'entre les 120", "97 of the 120", "97 out of 120"
_PARTITIVE = re.compile(
    rf"(?<![\w.,])(?P<part>{_N})\s+(?:des|sur|d['’]entre les|parmi les|of(?:\s+the)?|out\s+of)\s+(?P<whole>{_N})(?![\w,.]\d)"
    r"\s+(?P<what>[^\W\d_][\w’'-]*)",
    re.IGNORECASE,
)
# The clause before a partitive starts after its last comma, colon, semicolon, dash or bracket, or a "que".
_CLAUSE_START = re.compile(r"[,:;()«»—–]|\b(?:que|qu['’]|that|which)\b", re.IGNORECASE)


def part_as_whole(question: str, answer: str, quote: str, embedder: Embedder) -> str | None:
    """Why the answer's count is only the part of a partitive of its quote, said of the whole: the
    answer gives the part and not the whole, and neither it nor the question carries a word of what
    picks the part out (the quote's clause before the partitive, by stem, spelling or meaning)."""
    given = numbers(answer)
    for m in _PARTITIVE.finditer(quote):
        part, whole = numbers(m.group("part")), numbers(m.group("whole"))
        if not part & given or whole & given or whole & numbers(question):
            continue
        before = quote[: m.start()]
        cuts = [c.end() for c in _CLAUSE_START.finditer(before)]
        clause = before[cuts[-1] if cuts else 0 :]
        counted = ground.fold(m.group("what"))[:5]
        picks = [w for w in ground.content_words(clause) if not w.startswith(counted)]
        if picks and not _carried(picks, f"{question} {answer}", quote, embedder):
            return f"{m.group('part')} counts the part of {m.group(0)} where '{clause.strip()}'"
    return None


def _carried(picks: list[str], asked: str, quote: str, embedder: Embedder) -> bool:
    """Some word of `picks` is in the question or answer: by stem or spelling in the quote's language
    ("réalisés" is no form of "retrouvés", though one word's embedding is near the other's), also by
    meaning across languages ("found" for "retrouvés")."""
    if detect(asked) == detect(quote):
        have = ground.content_words(asked)
        return any(ground.same_word(w, h, 5) or ground.same_word(h, w, 5) for w in picks for h in have)
    missing, n = ground.words_not_in(" ".join(picks), asked, embedder)
    return len(missing) < n


_NUMBER = rf"(?:{_N}|{PRINTED_WORDS})"
# The part named after its whole: "quatre ans de prison, dont deux avec sursis", "120 salariés, dont 30
# cadres", "including 30 managers", "two of them suspended".
_PART_OF = re.compile(
    rf"\b(?:dont|including|parmi lesquels|parmi lesquelles)\s+(?P<part>{_NUMBER})\b(?P<rest>[^.,;:()«»]{{1,80}})|"
    rf"\b(?P<part2>{_NUMBER})\s+of\s+(?:them|which)\b(?P<rest2>[^.,;:()«»]{{1,80}})",
    re.IGNORECASE,
)


def whole_as_part(question: str, answer: str, quote: str, embedder: Embedder) -> str | None:
    """Why the answer's count is the whole where the question asks for the part its quote names after
    it: "Combien d'années de sa peine sont assorties du sursis ?" -> "quatre ans" over « quatre ans de
    prison dont deux avec sursis » (corpus10; the judge took it). The question carries a word of what
    picks the part out ("sursis"), the answer gives the whole and not the part."""
    given = numbers(answer)
    for m in _PART_OF.finditer(quote):
        part = numbers(m.group("part") or m.group("part2"))
        before = printed(quote[: m.start()])
        if not part or part & given or not before:
            continue
        whole = before[-1][2]  # the figure the part is counted out of: the last one before it
        rest = ground.content_words(m.group("rest") or m.group("rest2"))
        if whole in given and rest and _carried(rest, f"{question} {answer}", quote, embedder):
            return f"{whole:g} is the whole of '{m.group(0).strip()}', where the question asks for that part"
    return None
