"""Trace latency on the seeds: every claim of eval/provenance.jsonl traced with the embedded stack, p50/p95.

.venv/bin/python -m bench.trace [--llm llamacpp:default]

Also times the parts a trace is built from: ingest with attribution (spaCy, once per article),
and the corpus claims view (one embedding batch, no LLM call).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.common import machine_speed, pct, write
from bench.synth import SEEDS
from rag import Assistant
from rag.settings import Settings

CLAIMS = Path(__file__).resolve().parents[1] / "eval" / "provenance.jsonl"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--llm", default="llamacpp:default")
    args = p.parse_args()
    claims = [json.loads(line)["claim"] for line in CLAIMS.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        bot = Assistant(Settings.from_env(data_dir=tmp, llm=args.llm))
        t0 = time.perf_counter()
        bot.ingest(SEEDS)
        ingest_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        _ = bot.llm, bot.verifier  # model loads, reported apart
        load_s = time.perf_counter() - t0
        speed = machine_speed(bot.verifier)
        t0 = time.perf_counter()
        groups = bot.claims()
        claims_s = time.perf_counter() - t0
        rows = []
        for c in claims:
            t0 = time.perf_counter()
            t = bot.trace(c)
            rows.append({"claim": c, "s": round(time.perf_counter() - t0, 2), "articles": len(t.appearances),
                         "verifier_calls": t.timings.get("verifier_calls", 0)})  # fmt: skip
    calls = [
        r["s"] / r["verifier_calls"] for r in rows if r["verifier_calls"] and r["articles"] and "?" not in r["claim"]
    ]
    secs = [r["s"] for r in rows]
    data = {
        "llm": args.llm,
        "machine_speed": speed,
        "ingest_with_attribution_s": round(ingest_s, 2),
        "model_load_s": round(load_s, 2),
        "claims_view_s": round(claims_s, 2),
        "claim_groups": len(groups),
        "trace_p50_s": round(pct(secs, 0.5), 2),
        "trace_p95_s": round(pct(secs, 0.95), 2),
        # claims only (a question is answered first): seconds of trace per verifier call
        "s_per_verifier_call_p50": round(pct(calls, 0.5), 2) if calls else None,
        "rows": rows,
    }
    md = "\n".join(
        [
            f"# Trace latency ({args.llm}, seeds, {len(rows)} claims)",
            "",
            f"trace p50 {data['trace_p50_s']} s, p95 {data['trace_p95_s']} s; ingest with attribution "
            f"{data['ingest_with_attribution_s']} s; claims view {data['claims_view_s']} s ({len(groups)} groups); "
            f"judge prefill {speed and speed['prefill_tokens_per_s']} tokens/s (MODELS.md: ~104 where targets were set).",
            "",
            "| claim | s | articles | verifier calls |",
            "|---|---|---|---|",
            *[f"| {r['claim'][:70]} | {r['s']} | {r['articles']} | {r['verifier_calls']:.0f} |" for r in rows],
        ]
    )
    print(md)
    write("trace", data, md)


if __name__ == "__main__":
    main()
