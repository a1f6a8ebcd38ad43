"""Shared helpers for benchmarks: percentiles, peak memory, writing JSON + Markdown."""

from __future__ import annotations

import json
import platform
import resource
import statistics
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"


def pct(xs: list[float], q: float) -> float:
    """The q-quantile (0..1) of xs, nearest rank."""
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def summary_ms(xs: list[float]) -> dict[str, float]:
    """p50/p95/p99/mean of durations given in seconds, in milliseconds."""
    return {
        k: round(v * 1000, 3)
        for k, v in {
            "p50": pct(xs, 0.5),
            "p95": pct(xs, 0.95),
            "p99": pct(xs, 0.99),
            "mean": statistics.mean(xs),
        }.items()
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def dir_mb(path: Path) -> float:
    """On-disk size of a folder."""
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 2)


def write(name: str, data: dict[str, Any], markdown: str) -> Path:
    """bench/out/<name>.json and .md, with the machine noted."""
    OUT.mkdir(parents=True, exist_ok=True)
    data = {"machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version()}, **data}
    (OUT / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False))
    (OUT / f"{name}.md").write_text(markdown)
    return OUT / f"{name}.json"


def machine_speed(verifier: Any) -> dict[str, float] | None:
    """Prompt prefill speed of the embedded judge on this machine (tokens/s over 256 tokens, best
    of 3), so timings taken on machines of different speed can be compared: MODELS.md measured
    ~104 tokens/s for the default GGUF on the 2-core machine the targets were set on."""
    import time

    llama = getattr(verifier, "_llama", None)
    if llama is None:
        return None
    tokens = llama.tokenize(("Les navires transportaient des conteneurs entre les deux ports. " * 40).encode())[:256]
    best = float("inf")
    for _ in range(3):
        llama.n_tokens = 0  # from scratch: no KV reuse
        t0 = time.perf_counter()
        llama.eval(tokens)
        best = min(best, time.perf_counter() - t0)
    llama.n_tokens = 0
    return {"prefill_tokens_per_s": round(len(tokens) / best, 1)}
