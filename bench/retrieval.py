"""Retrieval latency of the full hybrid path (query embedding + dense + BM25 + fusion) by corpus size,
on embedded Chroma and on a `chroma run` server over the same store, and ANN recall vs exact search.

    .venv/bin/python -m bench.retrieval --chunks 1000 100000 1000000            # embedded
    .venv/bin/python -m bench.retrieval --chunks 1000 100000 1000000 --server   # same stores, served

Stores are built once under --work by the real ingest of a synthetic corpus (bench/synth.py) and
reused by later runs. Up to --real-max chunks every passage is embedded by the default embedder.
Above it, passage vectors are precomputed: the length-weighted mean of the real vectors of the
seed sentences a passage is made of (each distinct sentence embedded once), which keeps the real
embedding geometry without a million model calls. Queries always go through the real embedder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import dir_mb, peak_rss_mb, summary_ms, write
from bench.synth import make_corpus
from rag import Assistant
from rag.chunk import sentences
from rag.embed import Embedder, Kind

QA = Path(__file__).resolve().parents[1] / "eval" / "qa.jsonl"
CHUNKS_PER_ARTICLE = 8.4  # measured: 1,000 synthetic articles -> 8,364 passages
ROUNDS = 3  # every question asked this many times per size


class ComposedEmbedder:
    """Passages: mean of cached real sentence vectors, weighted by length. Queries: the real embedder."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.spec = inner.spec
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if kind == "query":
            return self.inner.embed(texts, kind)
        parts = [[t[s:e] for s, e in sentences(t)] or [t] for t in texts]
        new = list(dict.fromkeys(p for ps in parts for p in ps if p not in self._cache))
        if new:
            self._cache.update(zip(new, self.inner.embed(new, "passage"), strict=True))
        out = np.stack([sum(len(p) * self._cache[p] for p in ps) for ps in parts]).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def build(folder: Path, chunks: int, real_max: int) -> dict[str, Any]:
    """Ingest a synthetic corpus of about `chunks` passages into folder/data (once)."""
    done = folder / "built.json"
    if done.exists():
        return json.loads(done.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    corpus = make_corpus(folder / "corpus", max(1, round(chunks / CHUNKS_PER_ARTICLE)))
    bot = Assistant.open(data_dir=folder / "data", llm="fake:extractive")
    if chunks > real_max:
        bot.embedder = ComposedEmbedder(bot.embedder)
    t0 = time.perf_counter()
    report = bot.ingest(corpus, progress=sys.stderr.isatty())
    info = {
        "chunks": bot.store.count(),
        "articles": len(report.added),
        "embeddings": "real" if chunks <= real_max else "precomputed (mean of real sentence vectors)",
        "ingest_s": round(time.perf_counter() - t0, 1),
        "disk_mb": dir_mb(folder / "data"),
    }
    shutil.rmtree(corpus)
    done.write_text(json.dumps(info))
    return info


def measure(folder: Path, store: str | None, queries: list[str], k: int = 5) -> dict[str, Any]:
    """Cold open, then the hybrid path p50/p95/p99 and where the time goes."""
    t0 = time.perf_counter()
    bot = Assistant.open(data_dir=folder / "data", llm="fake:extractive", store=store)
    bot.search(queries[0], k)  # loads the memory-mapped BM25 index
    cold_s = time.perf_counter() - t0
    for q in queries[:5]:
        bot.search(q, k)
    total: list[float] = []
    parts: dict[str, list[float]] = {"embed": [], "dense": [], "lexical": []}
    r = bot._retriever()
    for _ in range(ROUNDS):
        for q in queries:
            t = time.perf_counter()
            bot.search(q, k)
            total.append(time.perf_counter() - t)
            t = time.perf_counter()
            v = r.embedder.embed([q], "query")[0]
            parts["embed"].append(time.perf_counter() - t)
            t = time.perf_counter()
            r.store.nearest(v, r.pool)
            parts["dense"].append(time.perf_counter() - t)
            t = time.perf_counter()
            r.lexical.search(q, r.pool)
            parts["lexical"].append(time.perf_counter() - t)
    return {
        "open_and_first_search_s": round(cold_s, 2),
        "search_ms": summary_ms(total),
        "breakdown_p50_ms": {name: summary_ms(xs)["p50"] for name, xs in parts.items()},
        "peak_rss_mb": peak_rss_mb(),
        "_bot": bot,
    }


def ann_recall(bot: Assistant, queries: list[str], k: int = 10, batch: int = 20_000) -> dict[str, float]:
    """How much of the exact top-k (brute force over every stored vector) HNSW returns.

    `recall`: returned results at least as similar as the exact k-th best count as hits, so a
    different copy of a duplicated passage is no miss (the synthetic corpus has many).
    `id_overlap`: the plain share of exact top-k IDs returned.
    """
    qv = bot.embedder.embed(queries, "query")
    best: list[list[tuple[float, str]]] = [[] for _ in queries]
    col = bot.store._chunks
    for offset in range(0, bot.store.count(), batch):
        got = col.get(include=["embeddings"], limit=batch, offset=offset)
        sims = np.asarray(got["embeddings"], dtype=np.float32) @ qv.T
        for j in range(len(queries)):
            top = np.argsort(-sims[:, j])[:k]
            best[j] = sorted(best[j] + [(float(sims[i, j]), got["ids"][i]) for i in top], reverse=True)[:k]
    recall = overlap = 0
    for exact, v in zip(best, qv, strict=True):
        found = bot.store.nearest(v, k)
        recall += sum(1 for _, sim in found if sim >= exact[-1][0] - 1e-5)
        overlap += len({i for _, i in exact} & {i for i, _ in found})
    n = k * len(queries)
    return {"recall": round(recall / n, 4), "id_overlap": round(overlap / n, 4)}


def hnsw_settings(bot: Assistant) -> dict[str, Any]:
    col = getattr(bot.store._chunks, "_c", bot.store._chunks)
    cfg = getattr(col, "configuration_json", None) or getattr(col, "configuration", None) or {}
    return dict(cfg.get("hnsw") or {}) if isinstance(cfg, dict) else {"raw": str(cfg)}


def serve(path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`chroma run` over an existing store; returns (process, URL) once it answers."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    chroma = str(Path(sys.executable).with_name("chroma"))
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/api/v2/heartbeat", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("chroma run did not start")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--chunks", type=int, nargs="+", default=[1000, 100_000, 1_000_000])
    p.add_argument("--work", type=Path, default=Path("/var/tmp/rag-bench-retrieval"))
    p.add_argument("--real-max", type=int, default=100_000)
    p.add_argument("--server", action="store_true", help="query through `chroma run` instead of embedded")
    p.add_argument("--build-only", action="store_true", help="build the stores now, measure in a later quiet run")
    p.add_argument("--recall-max", type=int, default=1_000_000, help="skip exact search above this size")
    args = p.parse_args()
    queries = [json.loads(x)["question"] for x in QA.read_text().splitlines()]
    results = []
    for n in args.chunks:
        folder = args.work / str(n)
        info = build(folder, n, args.real_max)
        print(json.dumps(info), flush=True)
        if args.build_only:
            continue
        proc, url = serve(folder / "data" / "chroma") if args.server else (None, None)
        try:
            got = measure(folder, url, queries)
            bot = got.pop("_bot")
            got["hnsw"] = hnsw_settings(bot)
            got["ann_at_10"] = ann_recall(bot, queries) if info["chunks"] <= args.recall_max else None
        finally:
            if proc:
                proc.kill()
        results.append({**info, **got})
        print(json.dumps(results[-1]), flush=True)
    mode = "server" if args.server else "embedded"
    md = f"# Retrieval latency, full hybrid path ({mode} Chroma, k=5, {len(queries)} questions x {ROUNDS})\n\n"
    md += "| chunks | vectors | p50 ms | p95 ms | p99 ms | embed / dense / BM25 p50 ms | ANN recall@10 (ID overlap) | ingest s |\n"
    md += "|---|---|---|---|---|---|---|---|\n"
    for r in results:
        s, b = r["search_ms"], r["breakdown_p50_ms"]
        md += (
            f"| {r['chunks']} | {r['embeddings'].split()[0]} | {s['p50']} | {s['p95']} | {s['p99']} | "
            f"{b['embed']} / {b['dense']} / {b['lexical']} | {_ann(r['ann_at_10'])} | {r['ingest_s']} |\n"
        )
    print(md)
    print(write(f"retrieval-{mode}", {"store": mode, "k": 5, "rounds": ROUNDS, "results": results}, md))


def _ann(a: dict[str, float] | None) -> str:
    return f"{a['recall']} ({a['id_overlap']})" if a else "-"


if __name__ == "__main__":
    main()
