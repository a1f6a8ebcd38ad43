"""Anchor an answer's quotes in the articles as stored now: the last step before an answer is shown.

An ingest may have run while the model was answering, so each quote is found again in its article:
a quote that moved gets its new offsets, one that is gone is dropped, and one that does not stand
character for character in the file as published is dropped too. An answer left with no citation
becomes a refusal (`article_changed`), so a shown citation always points at real text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from rag.attribute import sources_for
from rag.lang import REFUSAL
from rag.types import Answer, Article, Citation

if TYPE_CHECKING:
    from rag.claims import VersionIndex


def anchor(a: Answer, get_article: Callable[[str], Article | None], versions: Callable[[], VersionIndex]) -> Answer:
    """`a` with each quote's offsets (cleaned and raw), sources and close versions as stored now."""
    if a.refused:
        return a
    texts = {aid: get_article(aid) for aid in {c.article_id for c in a.citations}}
    kept: list[Citation] = []
    for c in a.citations:
        art = texts.get(c.article_id)
        if art is None:
            continue
        pos = c.start if art.text[c.start : c.end] == c.quote else art.text.find(c.quote)
        if pos < 0:
            continue
        raw = art.raw_span(pos, pos + len(c.quote))
        if raw is None or art.raw[raw[0] : raw[1]] != c.quote:
            continue
        sources = sources_for(art.sources, pos, pos + len(c.quote))
        kept.append(replace(c, start=pos, end=pos + len(c.quote), raw_start=raw[0], raw_end=raw[1], sources=sources))
    if kept:
        cited = {c.article_id for c in kept}
        index = versions()
        kept = [replace(c, also_in=index.also_in(c, cited)) for c in kept]
        return replace(a, citations=tuple(kept))
    return replace(
        a,
        text=REFUSAL[a.language],
        refused=True,
        citations=(),
        refusal_reason="the cited articles changed while answering; ask again",
        refusal_code="article_changed",
        draft=a.text,
    )
