"""Hybrid retrieval: dense (Chroma) + lexical (BM25), fused by reciprocal rank, diversified."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from rag.embed import Embedder
from rag.lexical import LexicalIndex
from rag.store import Store
from rag.types import Hit

RRF_K = 60  # the usual constant: rank 1 -> 1/61, rank 10 -> 1/70
T = TypeVar("T")


_BACKGROUND = ThreadPoolExecutor(max_workers=4, thread_name_prefix="bm25")  # threads start on first use


def article_of(chunk_id: str) -> str:
    """The article ID inside a chunk ID ("<article>#<n>"), so ranking needs no chunk fetch."""
    return chunk_id.rpartition("#")[0]


@dataclass(frozen=True)
class Retriever:
    """Everything a query needs, opened once and reused."""

    store: Store
    lexical: LexicalIndex
    embedder: Embedder
    pool: int = 30  # candidates taken from each side before fusion

    def retrieve(self, query: str, k: int) -> list[Hit]:
        """The `k` best passages for `query`, at most ceil(k/2) from any one article first."""
        # BM25 runs beside the query embedding and the ANN search (numpy and the embedder
        # release the GIL), and only the k passages kept are fetched: texts of the 60
        # candidates would cost more than the search itself.
        lexical_job = _BACKGROUND.submit(self.lexical.search, query, self.pool)
        dense = self.store.nearest(self.embedder.embed([query], "query")[0], self.pool)
        lexical = lexical_job.result()
        sims = dict(dense)
        dense_rank = {cid: r for r, (cid, _) in enumerate(dense, 1)}
        lex_rank = {cid: r for r, (cid, _) in enumerate(lexical, 1)}
        scores: dict[str, float] = {}
        for ranks in (dense_rank, lex_rank):
            for cid, r in ranks.items():
                scores[cid] = scores.get(cid, 0.0) + 1.0 / (RRF_K + r)
        ranked = sorted(scores, key=lambda cid: -scores[cid])
        while True:
            chosen = diversify(ranked, k, article_of)
            found = self.store.chunks(chosen)
            if len(found) == len(chosen):
                break
            # indexed, then deleted by a write (or a killed one): rank without them
            ranked = [cid for cid in ranked if cid in found or cid not in chosen]
        return [Hit(found[c], scores[c], dense_rank.get(c), lex_rank.get(c), sims.get(c)) for c in chosen]

    def widen(self, query: str, shown: Sequence[Hit], n: int) -> list[Hit]:
        """`n` passages to add to `shown`: BM25's first when not shown, then the fused ranking's next.

        Fusion leaves out a passage one side ranks first when the other ranks it past its pool
        ("entre le 7 septembre et le 1er octobre": BM25's 1st, the embedder's 33rd).
        """
        have = {h.chunk.id for h in shown}
        fused = [h for h in self.retrieve(query, len(shown) + n) if h.chunk.id not in have][:n]
        first = [cid for cid, _ in self.lexical.search(query, 1) if cid not in have]
        if not first or first[0] in {h.chunk.id for h in fused}:
            return fused
        found = self.store.chunks(first)
        if first[0] not in found:
            return fused
        return [Hit(found[first[0]], 1.0 / (RRF_K + 1), None, 1, None), *fused][:n]


def diversify(items: list[T], k: int, article: Callable[[T], str]) -> list[T]:
    """Keep rank order but cap each article at ceil(k/2) until other articles are exhausted.

    Example, k=4, articles by rank A A A B C -> A A B C (the third A waits behind B and C).
    """
    cap = max(1, -(-k // 2))
    chosen: list[T] = []
    per: dict[str, int] = {}
    waiting: list[T] = []
    for h in items:
        a = article(h)
        if per.get(a, 0) < cap:
            chosen.append(h)
            per[a] = per.get(a, 0) + 1
        else:
            waiting.append(h)
        if len(chosen) == k:
            return chosen
    return (chosen + waiting)[:k]
