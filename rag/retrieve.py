"""Hybrid retrieval: dense (Chroma) + lexical (BM25), fused by reciprocal rank, diversified."""

from __future__ import annotations

from dataclasses import dataclass

from rag.embed import Embedder
from rag.lexical import LexicalIndex
from rag.store import Store
from rag.types import Chunk, Hit

RRF_K = 60  # the usual constant: rank 1 -> 1/61, rank 10 -> 1/70


@dataclass(frozen=True)
class Retriever:
    """Everything a query needs, opened once and reused."""

    store: Store
    lexical: LexicalIndex
    embedder: Embedder
    pool: int = 30  # candidates taken from each side before fusion

    def retrieve(self, query: str, k: int) -> list[Hit]:
        """The `k` best passages for `query`, at most ceil(k/2) from any one article first."""
        qvec = self.embedder.embed([query], "query")[0]
        dense = self.store.dense(qvec, self.pool)
        lexical = self.lexical.search(query, self.pool)
        chunks: dict[str, Chunk] = {c.id: c for c, _ in dense}
        sims = {c.id: s for c, s in dense}
        missing = [cid for cid, _ in lexical if cid not in chunks]
        chunks.update(self.store.chunks(missing))
        scores: dict[str, float] = {}
        dense_rank = {c.id: r for r, (c, _) in enumerate(dense, 1)}
        lex_rank = {cid: r for r, (cid, _) in enumerate(lexical, 1) if cid in chunks}
        for ranks in (dense_rank, lex_rank):
            for cid, r in ranks.items():
                scores[cid] = scores.get(cid, 0.0) + 1.0 / (RRF_K + r)
        ranked = sorted(scores, key=lambda cid: -scores[cid])
        hits = [Hit(chunks[cid], scores[cid], dense_rank.get(cid), lex_rank.get(cid), sims.get(cid)) for cid in ranked]
        return diversify(hits, k)


def diversify(hits: list[Hit], k: int) -> list[Hit]:
    """Keep rank order but cap each article at ceil(k/2) until other articles are exhausted.

    Example, k=4, articles by rank A A A B C -> A A B C (the third A waits behind B and C).
    """
    cap = max(1, -(-k // 2))
    chosen: list[Hit] = []
    per: dict[str, int] = {}
    waiting: list[Hit] = []
    for h in hits:
        if per.get(h.chunk.article_id, 0) < cap:
            chosen.append(h)
            per[h.chunk.article_id] = per.get(h.chunk.article_id, 0) + 1
        else:
            waiting.append(h)
        if len(chosen) == k:
            return chosen
    return (chosen + waiting)[:k]
