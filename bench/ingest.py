"""Ingest throughput on the seeds and on a synthetic corpus: articles/s, passages/s, peak RSS, disk.

.venv/bin/python -m bench.ingest --articles 1000 5000 20000 [--embedder usem:multilingual-v3]

Each run is a cold ingest into an empty store (clean, chunk, embed, Chroma writes, BM25 build).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import dir_mb, peak_rss_mb, write
from bench.synth import SEEDS, make_corpus
from rag import Assistant


def run(folder: Path, embedder: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        bot = Assistant.open(data_dir=tmp, embedder=embedder, llm="fake:extractive")
        t0 = time.perf_counter()
        r = bot.ingest(folder)
        seconds = time.perf_counter() - t0
        n = len(r.added)
        return {
            "articles": n,
            "passages": r.chunks_added,
            "seconds": round(seconds, 2),
            "articles_per_s": round(n / seconds, 2),
            "passages_per_s": round(r.chunks_added / seconds, 2),
            "disk_mb": dir_mb(Path(tmp)),
            "peak_rss_mb": peak_rss_mb(),
        }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--articles", type=int, nargs="+", default=[1000, 5000, 20000])
    p.add_argument("--embedder", default="usem:multilingual-v3")
    args = p.parse_args()
    seeds = run(SEEDS, args.embedder)
    synth = []
    for n in args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            synth.append(run(make_corpus(Path(tmp) / "corpus", n), args.embedder))
        print(synth[-1], flush=True)
    data = {"embedder": args.embedder, "seeds": seeds, "synthetic": synth}
    md = (
        f"# Ingest ({args.embedder})\n\n| corpus | articles | passages | s | articles/s | passages/s | disk MB | peak RSS MB |\n"
        "|---|---|---|---|---|---|---|---|\n"
    )
    for name, r in [("seeds", seeds)] + [(f"synthetic {r['articles']}", r) for r in synth]:
        md += (
            f"| {name} | {r['articles']} | {r['passages']} | {r['seconds']} | {r['articles_per_s']} | "
            f"{r['passages_per_s']} | {r['disk_mb']} | {r['peak_rss_mb']} |\n"
        )
    print(md)
    print(write(f"ingest-{args.embedder.replace(':', '_')}", data, md))


if __name__ == "__main__":
    main()
