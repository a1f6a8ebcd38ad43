"""Eval metrics: plain functions of (example, prediction), plus the aggregate over rows.

A prediction is an `Answer`; an example is a `QARow`. Each per-row function returns a number,
or None where the metric does not apply (answer accuracy on an unanswerable row).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field

from rag.types import Answer


class QARow(BaseModel):
    """One line of eval/qa.jsonl."""

    id: str
    question: str
    answerable: bool
    answer_any: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    # Rewordings of one question share a group: an answer must not hinge on the wording.
    group: str | None = None


def normalise(text: str) -> str:
    """Case- and accent-insensitive, typographic quotes unified, '1 000' -> '1000'."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).replace("’", "'")
    t = re.sub(r"(?<=\d)[\s\u202f\u00a0.,](?=\d{3}\b)", "", t)
    return " ".join(t.split())


def answer_correct(ex: QARow, pred: Answer) -> float | None:
    """1 if an answerable row got a non-refused answer containing any acceptable string.

    A string the question itself contains earns nothing: an answer that only echoes the
    question ("Les joueurs observent les joueurs") is not credited.
    """
    if not ex.answerable:
        return None
    if pred.refused:
        return 0.0
    got, asked = normalise(pred.text), normalise(ex.question)
    return float(any(normalise(a) in got and normalise(a) not in asked for a in ex.answer_any))


def wrong_but_cited(ex: QARow, pred: Answer) -> float:
    """1 if an answer was shown with citations and is wrong (any answer to an unanswerable row).

    The worst failure: a wrong answer presented as proved.
    """
    if pred.refused or not pred.citations:
        return 0.0
    return 1.0 if not ex.answerable else 1.0 - (answer_correct(ex, pred) or 0.0)


def cited_articles(pred: Answer) -> list[str]:
    """Distinct cited article IDs, in citation order."""
    return list(dict.fromkeys(c.article_id for c in pred.citations))


def citation_precision(ex: QARow, pred: Answer) -> tuple[int, int]:
    """(cited IDs that support the answer, all cited IDs); summed over rows, then divided."""
    cited = cited_articles(pred)
    return sum(a in ex.articles for a in cited), len(cited)


def citation_hit(ex: QARow, pred: Answer) -> float | None:
    """1 if an answerable row cites at least one supporting article."""
    if not ex.answerable:
        return None
    return float(any(a in ex.articles for a in cited_articles(pred)))


def citation_coverage(ex: QARow, pred: Answer) -> float | None:
    """Share of the supporting articles that were cited."""
    if not ex.answerable or not ex.articles:
        return None
    return len(set(cited_articles(pred)) & set(ex.articles)) / len(set(ex.articles))


def refusal_correct(ex: QARow, pred: Answer) -> float:
    """1 if the refusal decision is right: refuse exactly the unanswerable rows."""
    return float(pred.refused != ex.answerable)


def quotes_exact(pred: Answer, articles: Mapping[str, str]) -> tuple[int, int]:
    """(citations whose quote equals article[start:end], all citations)."""
    ok = sum(articles.get(c.article_id, "")[c.start : c.end] == c.quote and bool(c.quote) for c in pred.citations)
    return ok, len(pred.citations)


def quotes_exact_raw(pred: Answer, raw: Mapping[str, str]) -> tuple[int, int]:
    """(citations whose quote equals the file as published at [raw_start:raw_end], all citations)."""
    ok = sum(
        c.raw_start is not None and raw.get(c.article_id, "")[c.raw_start : c.raw_end] == c.quote and bool(c.quote)
        for c in pred.citations
    )
    return ok, len(pred.citations)


def fabricated_ids(pred: Answer, corpus: set[str]) -> int:
    """Citations to article IDs that are not in the corpus (must be 0)."""
    return sum(c.article_id not in corpus for c in pred.citations)


def retrieval_rank(ex: QARow, pred: Answer) -> int | None:
    """1-based rank of the first retrieved passage from a supporting article (None: not found)."""
    for i, h in enumerate(pred.passages, 1):
        if h.chunk.article_id in ex.articles:
            return i
    return None


def _mean(xs: Sequence[float | None]) -> float | None:
    vals = [x for x in xs if x is not None]
    return sum(vals) / len(vals) if vals else None


def _pct(xs: Sequence[float], q: float) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def summarise(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Aggregate the per-row scores written by the harness into the report's metrics."""
    sc = [r["scores"] for r in rows]
    ans = [s for s, r in zip(sc, rows, strict=True) if r["answerable"]]
    una = [s for s, r in zip(sc, rows, strict=True) if not r["answerable"]]
    good = sum(s["precision"][0] for s in sc)
    total = sum(s["precision"][1] for s in sc)
    qok = sum(s["quotes"][0] for s in sc)
    qtotal = sum(s["quotes"][1] for s in sc)
    rok = sum(s.get("quotes_raw", (0, 0))[0] for s in sc)
    rtotal = sum(s.get("quotes_raw", (0, 0))[1] for s in sc)
    codes: dict[str, int] = {}
    for r in rows:
        if r.get("refused"):
            code = r.get("refusal_code") or "unknown"
            codes[code] = codes.get(code, 0) + 1
    ranks = [s["retrieval_rank"] for s in ans]
    lat = [float(r["latency_s"]) for r in rows if r.get("latency_s") is not None]
    ptoks = [r["usage"].get("prompt_tokens") for r in rows if r["usage"].get("prompt_tokens")]
    gtoks = [r["usage"].get("completion_tokens") for r in rows if r["usage"].get("completion_tokens")]
    return {
        "questions": len(rows),
        "answer_accuracy": _mean([s["correct"] for s in ans]),
        "citation_precision": good / total if total else 1.0,
        "citation_recall": _mean([s["citation_hit"] for s in ans]),
        "citation_coverage": _mean([s["citation_coverage"] for s in ans]),
        "refusal_accuracy": _mean([s["refusal_correct"] for s in sc]),
        "refused_unanswerable": _mean([s["refusal_correct"] for s in una]),
        "answered_answerable": _mean([s["refusal_correct"] for s in ans]),
        "wrong_but_cited": sum(s.get("wrong_but_cited", 0.0) for s in sc) / max(1, len(ans)),
        "wrong_but_cited_count": int(sum(s.get("wrong_but_cited", 0.0) for s in sc)),
        "quote_exactness": qok / qtotal if qtotal else 1.0,
        "quote_exactness_raw": rok / rtotal if rtotal else 1.0,
        "fabricated_ids": sum(s["fabricated"] for s in sc),
        "retrieval_recall_at_k": _mean([float(r is not None) for r in ranks]),
        "retrieval_mrr": _mean([1.0 / r if r else 0.0 for r in ranks]),
        "latency_p50_s": _pct(lat, 0.5),
        "latency_p95_s": _pct(lat, 0.95),
        "prompt_tokens_mean": statistics.mean(ptoks) if ptoks else None,
        "completion_tokens_mean": statistics.mean(gtoks) if gtoks else None,
        "refusals_by_code": dict(sorted(codes.items())),
        # Questions asked a second time over more passages (rag.answer.MORE_PASSAGES), and of those shown.
        "second_drafts": sum(r["usage"].get("drafts", 1) > 1 for r in rows),
        "second_drafts_shown": sum(r["usage"].get("drafts", 1) > 1 and not r.get("refused") for r in rows),
        **_groups(rows),
    }


def _groups(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Over rewordings of one question (rows sharing a `group`): the share of groups where every
    wording was handled right (answered correctly, or refused when unanswerable), and where all
    wordings got the same outcome, right or wrong."""
    by: dict[str, list[bool]] = {}
    for r in rows:
        if r.get("group"):
            s = r["scores"]
            ok = s["correct"] == 1.0 if r["answerable"] else s["refusal_correct"] == 1.0
            by.setdefault(r["group"], []).append(ok)
    if not by:
        return {}
    return {
        "groups": len(by),
        "groups_all_right": sum(all(v) for v in by.values()) / len(by),
        "groups_consistent": sum(len(set(v)) == 1 for v in by.values()) / len(by),
    }
