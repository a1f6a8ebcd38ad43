"""Lexical side of retrieval: a BM25 index (bm25s) over chunk texts, saved next to the store.

The index is rebuilt only when the corpus fingerprint changes (an ingest that changed
something), never per query, and it is memory-mapped when loaded.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

# Function words of both languages users ask in; they carry no evidence.
STOPWORDS = frozenset(
    """
    a au aux avec ce ces cet cette d dans de des du elle elles en est et eu il ils je l la le les
    leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ont ou par pas pour qu que
    qui quel quelle quelles quels s sa se ses si son sont sur t ta te tes toi ton tu un une vos
    votre vous y a-t-il ete etait sont fut comment combien pourquoi quand ou quoi selon apres avant
    the of and to in is are was were be been what which who whom whose when where why how did do
    does a an on at by for from with as that this these those it its their they them he she his her
    has have had not or any all about into than then there
    """.split()
)


def tokens(text: str) -> list[str]:
    """Lowercase, accent-folded word tokens without stopwords: "Les États-Unis" -> [etats, unis]."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [t for t in re.findall(r"\w+", folded) if t not in STOPWORDS and len(t) > 1]


class LexicalIndex:
    """BM25 over chunk IDs; `search` returns (chunk_id, score) best first."""

    def __init__(self, retriever: Any, ids: list[str]) -> None:
        self._bm25 = retriever
        self.ids = ids

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str]) -> LexicalIndex:
        """Index `texts` (one per chunk ID)."""
        import bm25s  # lazy

        retriever = bm25s.BM25()
        corpus = [tokens(t) or ["_empty_"] for t in texts]
        if corpus:
            retriever.index(corpus, show_progress=False)
        return cls(retriever, list(ids))

    def search(self, query: str, n: int) -> list[tuple[str, float]]:
        """Top `n` chunk IDs for `query` with their BM25 scores (only scores > 0)."""
        q = [t for t in tokens(query) if t in self._vocab()]
        if not q or not self.ids:
            return []
        # Top-n among the matching documents only: bm25s' argpartition over every score took
        # 160 ms at 1M chunks when most scores tie at zero; the nonzero ones are few.
        scores = self._bm25.get_scores(q)
        hit = np.flatnonzero(scores > 0)
        if len(hit) > n:
            hit = hit[np.argpartition(-scores[hit], n - 1)[:n]]
        best = hit[np.lexsort((hit, -scores[hit]))]  # score, then index: deterministic on ties
        return [(self.ids[int(d)], float(scores[d])) for d in best]

    def _vocab(self) -> dict[str, int]:
        return getattr(self._bm25, "vocab_dict", None) or {}

    def save(self, folder: Path, fingerprint: str) -> None:
        """Write atomically: a half-written index must never be loaded."""
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.ids:
            self._bm25.save(str(tmp))
        (tmp / "ids.json").write_text(json.dumps({"fingerprint": fingerprint, "ids": self.ids}))
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)

    @classmethod
    def load(cls, folder: Path, fingerprint: str) -> LexicalIndex | None:
        """The saved index if it matches `fingerprint`, else None."""
        meta = folder / "ids.json"
        try:
            data = json.loads(meta.read_text())
        except (OSError, ValueError):
            return None
        if data.get("fingerprint") != fingerprint:
            return None
        import bm25s  # lazy

        ids = data["ids"]
        retriever = bm25s.BM25.load(str(folder), mmap=True) if ids else bm25s.BM25()
        return cls(retriever, ids)
