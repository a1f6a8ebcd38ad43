"""How cost grows: ingest time and retrieval p50 against corpus size, from the JSON in bench/out/.

.venv/bin/python -m bench.plot   # after bench.ingest and bench.retrieval; writes bench/out/cost.png
"""

from __future__ import annotations

import json
from typing import Any

from bench.common import OUT


def main() -> None:
    import matplotlib  # lazy: only the plot needs it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for path in sorted(OUT.glob("ingest-*.json")):
        data = json.loads(path.read_text())
        runs = sorted([data["seeds"], *data["synthetic"]], key=lambda r: r["passages"])
        left.plot([r["passages"] for r in runs], [r["seconds"] for r in runs], "o-", label=data["embedder"])
        for r in runs:
            left.annotate(
                f"{r['passages_per_s']:.0f}/s",
                (r["passages"], r["seconds"]),
                fontsize=8,
                textcoords="offset points",
                xytext=(4, -10),
            )
    _loglog(left, "passages ingested (cold, empty store)", "seconds", "Ingest time (clean, chunk, embed, Chroma, BM25)")
    for mode in ("embedded", "server"):
        path = OUT / f"retrieval-{mode}.json"
        if not path.exists():
            continue
        rs = json.loads(path.read_text())["results"]
        xs = [r["chunks"] for r in rs]
        right.plot(xs, [r["search_ms"]["p50"] for r in rs], "o-", label=f"{mode} Chroma: full hybrid p50")
        if mode == "embedded":
            for part, name in (("embed", "query embedding"), ("dense", "ANN"), ("lexical", "BM25")):
                right.plot(xs, [r["breakdown_p50_ms"][part] for r in rs], ".--", label=f"  {name} p50")
    right.axhline(5, color="grey", lw=0.6, ls=":")
    right.axhline(20, color="grey", lw=0.6, ls=":")
    _loglog(right, "chunks in the store", "ms", "Retrieval p50 (query embedding + ANN + BM25 + fusion)")
    fig.tight_layout()
    fig.savefig(OUT / "cost.png", dpi=120)
    print(OUT / "cost.png")


def _loglog(ax: Any, xlabel: str, ylabel: str, title: str) -> None:
    ax.set(xscale="log", yscale="log", xlabel=xlabel, ylabel=ylabel, title=title)
    ax.legend(fontsize=8)


if __name__ == "__main__":
    main()
