"""Answer latency on the eval's answerable questions: time to first answer token and total, p50/p95.

.venv/bin/python -m bench.answer [--llm llamacpp:default] [--k 5] [--focus 2]

The model stays loaded across questions (its load is reported apart). `cached` prompt tokens are
the fixed system prompt that llama.cpp reuses from the previous question's KV cache; only the
rest is prefilled.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import machine_speed, pct, write
from bench.synth import SEEDS
from rag import Answer, Assistant
from rag.settings import Settings

QA = Path(__file__).resolve().parents[1] / "eval" / "qa.jsonl"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--llm", default="llamacpp:default")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--focus", type=int, default=None, help="sentences per passage (default: settings)")
    args = p.parse_args()
    questions = [r["question"] for r in map(json.loads, QA.read_text().splitlines()) if r["answerable"]]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(data_dir=tmp, llm=args.llm, k=args.k, focus=args.focus)
        bot = Assistant(settings)
        bot.ingest(SEEDS)
        t0 = time.perf_counter()
        _ = bot.llm  # model load, reported apart
        load_s = time.perf_counter() - t0
        speed = machine_speed(bot.llm)
        ttft: list[float] = []
        total: list[float] = []
        prompt: list[int] = []
        cached: list[int] = []
        generated: list[int] = []
        stages: dict[str, list[float]] = {"retrieve_s": [], "generate_s": [], "check_s": []}
        for q in questions:
            t0 = time.perf_counter()
            first = None
            for ev in bot.stream(q):
                if isinstance(ev, str) and first is None and ev:
                    first = time.perf_counter() - t0
                if isinstance(ev, Answer):
                    total.append(time.perf_counter() - t0)
                    prompt.append(ev.usage.get("prompt_tokens", 0))
                    cached.append(ev.usage.get("cached_tokens", 0))
                    generated.append(ev.usage.get("completion_tokens", 0))
                    for name, xs in stages.items():
                        xs.append(ev.timings.get(name, 0.0))
            ttft.append(first if first is not None else total[-1])
    data = {
        "llm": args.llm,
        "k": args.k,
        "focus": settings.focus,
        "questions": len(questions),
        "model_load_s": round(load_s, 2),
        "machine_speed": speed,
        "first_token_s": {"p50": round(pct(ttft, 0.5), 2), "p95": round(pct(ttft, 0.95), 2)},
        "total_s": {"p50": round(pct(total, 0.5), 2), "p95": round(pct(total, 0.95), 2)},
        "prompt_tokens_mean": round(statistics.mean(prompt), 1),
        "cached_prompt_tokens_mean": round(statistics.mean(cached), 1),
        "prefilled_tokens_mean": round(statistics.mean(p - c for p, c in zip(prompt, cached, strict=True)), 1),
        "generated_tokens_mean": round(statistics.mean(generated), 1),
        # where the time goes: retrieval, the LLM call (prefill + decoding), the code's checks
        "stage_p50_s": {name: round(pct(xs, 0.5), 3) for name, xs in stages.items()},
    }
    md = (
        f"# Answer latency ({args.llm}, k={args.k}, {len(questions)} questions)\n\n"
        f"first token p50 {data['first_token_s']['p50']} s, p95 {data['first_token_s']['p95']} s; "
        f"total p50 {data['total_s']['p50']} s, p95 {data['total_s']['p95']} s; "
        f"prompt tokens mean {data['prompt_tokens_mean']} ({data['cached_prompt_tokens_mean']} reused from the "
        f"KV cache, {data['prefilled_tokens_mean']} prefilled), {data['generated_tokens_mean']} generated; "
        f"model load {data['model_load_s']} s; prefill {speed and speed['prefill_tokens_per_s']} tokens/s "
        "(MODELS.md: ~104 on the machine the targets were set on)\n\n"
        f"stage p50 (s): {data['stage_p50_s']}\n"
    )
    print(md)
    print(write(f"answer-focus{settings.focus}-k{args.k}", data, md))


if __name__ == "__main__":
    main()
