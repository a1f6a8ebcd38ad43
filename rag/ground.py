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
from difflib import SequenceMatcher

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
        """The quote with its offsets in the article; a closing quote mark glued to the front of
        the sentence by the scraper ("»Les images …") is left out."""
        c = self.hit.chunk
        start, end = self.start, self.end
        while start < end and c.text[start] in "»” \u00a0":
            start += 1
        while end > start and c.text[end - 1] in "«“ \u00a0":
            end -= 1
        return Citation(c.article_id, c.id, c.text[start:end], c.start + start, c.start + end)


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


_NUMBER_WORDS = re.compile(
    r"\b(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|"
    r"cinquante|cent|mille|millions?|milliards?|dizaines?|centaines?|milliers?|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|twelve|twenty|hundreds?|thousands?|millions?|billions?|dozens?)\b",
    re.IGNORECASE,
)


def ungrounded_numbers(answer: str, evidence: Sequence[str]) -> list[str]:
    """Numbers in the answer (digits or words) that appear in no evidence text: a sign of invention.

    'deux missiles' over passages that never say 'deux' -> ['deux'].
    """
    have = set().union(*(_numbers(t) for t in evidence)) if evidence else set()
    words = {_fold(w) for t in evidence for w in _NUMBER_WORDS.findall(t)}
    invented = [n for n in _numbers(answer) if n not in have]
    invented += [
        w for w in _NUMBER_WORDS.findall(answer) if _fold(w) not in words and _fold(w) not in ("un", "une", "one")
    ]
    return sorted(set(invented))


_HOW_MANY = re.compile(r"\b(?:combien\s+(?:de|d['’])\s*|how\s+many\s+)(\w+)", re.IGNORECASE)
_COUNTED = re.compile(r"\d[\d\s\u202f.,]*\s+(?:de\s+|d['’])?(\w{3,})", re.IGNORECASE)


def count_mismatch(question: str, answer: str, embedder: Embedder) -> str | None:
    """Why a "how many" answer does not answer it, else None.

    'How many soldiers?' answered 'Russia delivered missiles' -> no number at all;
    answered '1 000 containers' -> it counts containers, not soldiers.
    """
    asked = _HOW_MANY.search(question)
    if not asked:
        return None
    if not re.search(r"\d", answer) and not _NUMBER_WORDS.search(answer):
        return "the question asks how many; the answer gives no number"
    counted = _COUNTED.search(answer)
    if not counted:
        return None
    a, b = _fold(asked.group(1)), _fold(counted.group(1))
    if _same_word(a, b, 5):
        return None
    va, vb = embedder.embed([a, b], "passage")
    if float(va @ vb) >= 0.75:
        return None
    return f"the question asks how many {asked.group(1)}; the passages count {counted.group(1)}"


_NOT_NAMES = {
    "the",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "il",
    "elle",
    "ils",
    "elles",
    "according",
    "selon",
    "in",
    "on",
    "en",
    "au",
    "aux",
    "dans",
    "it",
    "they",
    "this",
    "ce",
    "cette",
    "ces",
    "de",
    "du",
}


def unknown_names(answer: str, evidence: Sequence[str], embedder: Embedder) -> list[str]:
    """Names in the answer that no cited passage gives, even translated or spelled otherwise.

    A name is a run of capitalised words; it is grounded when any of its words is:
    'Kim Jong Un' over a passage saying 'Kim' passes, 'China's foreign ministry' over passages
    that never mention China does not. 'Chine'/'China' and 'Maison Blanche'/'White House' match
    through the multilingual embedder, 'Shoigu'/'Choïgou' by spelling, 'British'/'britannique' by stem.
    """
    names = [
        [w for w in m.split() if _fold(w) not in _NOT_NAMES]
        for m in re.findall(r"\b[A-ZÀ-ÖØ-Ý][\w-]+(?:\s+[A-ZÀ-ÖØ-Ý][\w-]+)*", answer)
    ]
    names = [n for n in names if n and any(len(w) >= 3 for w in n)]
    if not names:
        return []
    text = " ".join(evidence)
    vocab = {_fold(v) for v in re.findall(r"[\w-]+", text)}

    def literal(w: str) -> bool:
        f = _fold(w)
        return any(_same_word(f, v, 4) for v in vocab)

    left = [n for n in names if not any(literal(w) for w in n)]
    caps = list(dict.fromkeys(re.findall(r"\b[A-ZÀ-ÖØ-Ý][\w-]{2,}", text)))
    if not left or not caps:
        return [" ".join(n) for n in left]
    words = [w for n in left for w in n]
    vecs = embedder.embed(words + caps, "passage")
    best = dict(zip(words, (vecs[: len(words)] @ vecs[len(words) :].T).max(axis=1), strict=True))
    return [" ".join(n) for n in left if max(float(best[w]) for w in n) < 0.7]


def _similar(a: str, b: str) -> bool:
    return abs(len(a) - len(b)) <= 3 and SequenceMatcher(None, a, b).ratio() >= 0.75


def _same_word(a: str, b: str, stem: int) -> bool:
    """Folded words that share a stem ('british'/'britannique' at 4) or a spelling ('shoigu'/'choigou')."""
    return b.startswith(a[:stem]) or _similar(a, b)


_MONEY_Q = re.compile(
    r"\b(?:montant|coût|coûte|coûté|prix|dollars?|euros?|how much\b.*\b(?:cost|pay|paid|worth)|price|cost)\b",
    re.IGNORECASE,
)
_MONEY_A = re.compile(
    r"[$€£¥]|\b(?:dollars?|euros?|roubles?|rubles?|wons?|livres? sterling|pounds?|usd|eur)\b", re.IGNORECASE
)


def money_missing(question: str, answer: str) -> bool:
    """A question about an amount of money answered without any currency."""
    return bool(_MONEY_Q.search(question)) and not _MONEY_A.search(answer)


_NAME_OF = re.compile(
    r"\b(?:nom\s+(?:du|de\s+la|de\s+l['’]|des)|name\s+of\s+the|who\s+(?:is|was)\s+the|qui\s+(?:est|était)\s+l[ea])"
    r"\s+(\w[\w-]+)",
    re.IGNORECASE,
)


def role_missing(question: str, evidence: Sequence[str], embedder: Embedder) -> str | None:
    """'What is the name of the captain?' needs a passage that mentions a captain.

    Returns the role word when no cited passage mentions it (even translated), else None;
    otherwise a small model happily names whoever the passage does mention.
    """
    m = _NAME_OF.search(question)
    if not m:
        return None
    role = _fold(m.group(1))
    words = {_fold(v) for v in re.findall(r"[\w-]+", " ".join(evidence))}
    if any(_same_word(role, v, 5) for v in words if len(v) >= 3):
        return None
    vocab = sorted(w for w in words if len(w) >= 4)
    if vocab:
        vecs = embedder.embed([role, *vocab], "passage")
        if float((vecs[1:] @ vecs[0]).max()) >= 0.75:
            return None
    return m.group(1)
