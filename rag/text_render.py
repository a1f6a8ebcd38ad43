"""Plain-text renderings for the terminal: an answer with its checked sources, the corpus's claim groups."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rendering needs no numpy or spaCy
    from rag.claims import ClaimGroup
    from rag.types import Answer

__all__ = ["answer_sources", "claims_text"]


def answer_sources(a: Answer, label: Callable[[str], str]) -> str:
    """Each citation: outlet, offsets in the cleaned and the raw file, support, quote, who it is attributed to."""
    lines = ["Sources (each quote checked by the support verifier):"]
    for c in a.citations:
        raw = f", file chars {c.raw_start}-{c.raw_end}" if c.raw_start is not None else ""
        lines.append(f"  {label(c.article_id)} [{c.article_id}] chars {c.start}-{c.end}{raw}, support {c.support}")
        who = "; ".join(f"{s.source} ({s.cue})" for s in c.sources)
        lines.append(f"    « {c.quote} »" + (f"\n    attributed to: {who}" if who else ""))
        if c.also_in:
            others = ", ".join(f"{label(i)} [{i}]" for i in c.also_in)
            lines.append(f"    a close version also in (not verified): {others}")
    return "\n".join(lines)


def claims_text(groups: Sequence[ClaimGroup]) -> str:
    """One line per claim group (its outlets, the claim), then its drifts."""
    lines = []
    for g in groups:
        names = ", ".join(a.outlet or a.article_id for a in g.appearances)
        lines.append(f"[{len(g.appearances)} articles: {names}] {g.claim[:160]}")
        for d in g.drifts:
            lines.append("    drift: " + " vs ".join(f"« {t} » ({', '.join(ids)})" for t, ids in d.versions))
    return "\n".join(lines)
