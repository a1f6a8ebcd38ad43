"""Retrieval latency (query embedding + dense + BM25 + fusion) by corpus size, and ANN recall.

    .venv/bin/python -m bench.retrieval --chunks 1000 100000 [--store http://127.0.0.1:8000]

Each size is a synthetic corpus ingested through the real path with the default embedder.
ANN recall@k compares Chroma's HNSW top-k with exact cosine search over the same vectors.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import dir_mb, peak_rss_mb, summary_ms, write
from bench.synth import make_corpus
from rag import Assistant

QA = Path(__file__).resolve().parents[1] / "eval" / "qa.jsonl"
CHUNKS_PER_ARTICLE = 6.5  # measured on the synthetic corpus (12 sentences per article)
HNSW = {"space": "cosine", "M": 16, "ef_construction": 100, "ef_search": 100}  # Chroma defaults


def ann_recall(bot: Assistant, queries: list[str], k: int = 10) -> float:
    got = bot.store._chunks.get(include=["embeddings"])
    ids, mat = got["ids"], np.asarray(got["embeddings"], dtype=np.float32)
    hits = 0
    for q in queries:
        v = bot.embedder.embed([q], "query")[0]
        exact = {ids[i] for i in np.argsort(-(mat @ v))[:k]}
        ann = {c.id for c, _ in bot.store.dense(v, k)}
        hits += len(exact & ann)
    return round(hits / (k * len(queries)), 4)


def run(chunks: int, store: str | None, queries: list[str]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp) / "corpus", max(1, round(chunks / CHUNKS_PER_ARTICLE)))
        bot = Assistant.open(data_dir=Path(tmp) / "data", llm="fake:extractive", store=store)
        t0 = time.perf_counter()
        bot.ingest(corpus)
        ingest_s = time.perf_counter() - t0
        for q in queries[:5]:  # warm up: index load, caches
            bot.search(q, 5)
        times = []
        for _ in range(3):
            for q in queries:
                t = time.perf_counter()
                bot.search(q, 5)
                times.append(time.perf_counter() - t)
        recall = ann_recall(bot, queries[:50]) if bot.store.count() <= 200_000 else None
        return {
            "chunks": bot.store.count(),
            "ingest_s": round(ingest_s, 1),
            "search_ms": summary_ms(times),
            "ann_recall_at_10": recall,
            "disk_mb": dir_mb(Path(tmp) / "data"),
            "peak_rss_mb": peak_rss_mb(),
        }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--chunks", type=int, nargs="+", default=[1000, 100_000])
    p.add_argument("--store", default=None)
    args = p.parse_args()
    queries = [json.loads(x)["question"] for x in QA.read_text().splitlines()]
    results = [run(n, args.store, queries) for n in args.chunks]
    data = {"store": args.store or "embedded", "hnsw": HNSW, "results": results}
    md = "# Retrieval latency (full hybrid path)\n\n| chunks | p50 ms | p95 ms | p99 ms | ANN recall@10 | ingest s |\n|---|---|---|---|---|---|\n"
    for r in results:
        s = r["search_ms"]
        md += f"| {r['chunks']} | {s['p50']} | {s['p95']} | {s['p99']} | {r['ann_recall_at_10']} | {r['ingest_s']} |\n"  # type: ignore[index]
    print(md)
    print(write(f"retrieval-{'server' if args.store else 'embedded'}", data, md))


if __name__ == "__main__":
    main()
