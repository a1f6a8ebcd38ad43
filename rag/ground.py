"""Grounding checks done by code after the model answers: which passages support the answer,
which sentence to quote, and whether the answer says things the passages do not.

The model's citation labels are a hint, not the verdict: a label survives only if its passage
supports the answer about as well as the best retrieved passage does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rag.chunk import sentences
from rag.embed import Embedder
from rag.lexical import tokens
from rag.types import Citation, Hit

MARGIN = 0.15  # a passage within this of the best support also backs the answer
MAX_CITATIONS = 3


@dataclass(frozen=True)
class Support:
    """How well one retrieved passage backs the answer, and its best sentence."""

    hit: Hit
    score: float
    start: int  # sentence offsets inside the chunk
    end: int

    def citation(self) -> Citation:
        c = self.hit.chunk
        return Citation(c.article_id, c.id, c.text[self.start : self.end], c.start + self.start, c.start + self.end)


def supports(question: str, answer: str, hits: Sequence[Hit], embedder: Embedder) -> list[Support]:
    """Per hit, the sentence that best backs the answer: cosine(question+answer, sentence) + word overlap.

    Embedding the claim (question + answer) lets a bare "Knevichi" or an English answer match its
    French sentence; the overlap term rewards sentences that contain the answer's own words.
    """
    spans = [(h, s, e) for h in hits for s, e in sentences(h.chunk.text)]
    if not spans:
        return []
    vecs = embedder.embed([f"{question} {answer}"] + [h.chunk.text[s:e] for h, s, e in spans], "passage")
    cos = vecs[1:] @ vecs[0]
    words = set(tokens(answer))
    best: dict[str, Support] = {}
    for (h, s, e), c in zip(spans, cos, strict=True):
        overlap = len(words & set(tokens(h.chunk.text[s:e]))) / max(1, len(words))
        sup = Support(h, float(c) + overlap, s, e)
        if h.chunk.id not in best or sup.score > best[h.chunk.id].score:
            best[h.chunk.id] = sup
    return sorted(best.values(), key=lambda x: -x.score)


def select(ranked: Sequence[Support], cited_ids: Sequence[str]) -> list[Support]:
    """Citations: the best-supporting passage, plus model-cited ones within MARGIN of it."""
    if not ranked:
        return []
    top = ranked[0].score
    keep = [ranked[0]] + [s for s in ranked[1:] if s.hit.chunk.id in cited_ids and s.score >= top - MARGIN]
    return keep[:MAX_CITATIONS]


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in t if not unicodedata.combining(ch))


def _numbers(text: str) -> set[str]:
    """'plus de 1 000 conteneurs, 1,5 milliard' -> {'1000', '1.5'}; years and days included."""
    joined = re.sub(r"(?<=\d)[\s\u202f\u00a0](?=\d{3}\b)", "", text)
    return {n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", joined)}


def ungrounded_numbers(answer: str, evidence: Sequence[str]) -> list[str]:
    """Numbers in the answer that appear in none of the evidence texts (a sign of invention)."""
    have = set().union(*(_numbers(t) for t in evidence)) if evidence else set()
    return sorted(n for n in _numbers(answer) if n not in have)


_HOW_MANY = re.compile(r"\b(?:combien\s+(?:de|d['’])\s*|how\s+many\s+)(\w+)", re.IGNORECASE)
_COUNTED = re.compile(r"\d[\d\s\u202f.,]*\s+(?:de\s+|d['’])?(\w{3,})", re.IGNORECASE)


def counts_something_else(question: str, answer: str, embedder: Embedder) -> str | None:
    """'How many soldiers?' answered with '1 000 containers' -> 'containers' (else None)."""
    asked = _HOW_MANY.search(question)
    counted = _COUNTED.search(answer)
    if not asked or not counted:
        return None
    a, b = _fold(asked.group(1)), _fold(counted.group(1))
    if a[:5] == b[:5]:
        return None
    va, vb = embedder.embed([a, b], "passage")
    return None if float(va @ vb) >= 0.75 else counted.group(1)
