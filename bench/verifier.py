"""Calibrate the support verifier: P(Yes) on labelled (passage, question, answer) pairs.

.venv/bin/python -m bench.verifier [--verifier llamacpp:default] [--qa eval/qa.jsonl]

Pairs are built by code from a Q&A file and its corpus, never hand-picked:
- entailed: each answerable question's accepted answer over a sentence of a supporting article
  that contains it;
- not entailed, three kinds: (1) the answer of another question over the same sentence,
  (2) the right answer with its number or name swapped for another one from the corpus,
  (3) the right answer over the most similar sentence of the corpus that does not contain it.
Writes bench/out/verifier-calibration.json: per-threshold true/false "Yes" rates, the rates per
negative kind, timings, and the threshold chosen (highest recall with at most 5% false "Yes").
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any

from bench.common import pct, write
from rag.articles import load
from rag.chunk import sentences
from rag.embed import get_embedder
from rag.evaluate import load_qa
from rag.metrics import normalise
from rag.settings import Settings
from rag.verify import get_verifier

ROOT = Path(__file__).resolve().parents[1]
MAX_FALSE_YES = 0.05


def pairs(qa_path: Path, corpus: Path, seed: int = 0) -> list[dict[str, Any]]:
    """Labelled pairs: {premise, question, answer, label, kind}."""
    rng = random.Random(seed)
    articles, _ = load(corpus)
    sents = [(a.id, a.text[s:e].strip("»«“” ")) for a in articles for s, e in sentences(a.text) if e - s > 30]
    rows = [r for r in load_qa(qa_path) if r.answerable and r.answer_any]
    # Names: capitalised words inside a sentence (a sentence's first word is capitalised anyway).
    names = sorted({n for _, t in sents for n in re.findall(r"(?<=[a-zà-ÿ,] )[A-Z][a-zà-ÿ]{3,}\b", t)})
    numbers = sorted({n for _, t in sents for n in re.findall(r"\b\d+\b", t)})
    emb = get_embedder(Settings.from_env().embedder)
    vecs = emb.embed([t for _, t in sents], "passage")
    out: list[dict[str, Any]] = []
    for r in rows:
        answer = r.answer_any[0]
        gold = [t for aid, t in sents if aid in r.articles and normalise(answer) in normalise(t)]
        if not gold:
            continue
        premise = gold[0]
        out.append(dict(premise=premise, question=r.question, answer=answer, label=True, kind="entailed"))
        other = rng.choice([o for o in rows if o.id != r.id and normalise(o.answer_any[0]) not in normalise(premise)])
        out.append(
            dict(premise=premise, question=r.question, answer=other.answer_any[0], label=False, kind="other answer")
        )
        swapped = _swap(answer, names, numbers, rng, premise)
        if swapped:
            out.append(dict(premise=premise, question=r.question, answer=swapped, label=False, kind="swapped detail"))
        qv = emb.embed([r.question], "query")[0]
        ranked = sorted(range(len(sents)), key=lambda i: -float(vecs[i] @ qv))
        near = next((sents[i][1] for i in ranked if normalise(answer) not in normalise(sents[i][1])), None)
        if near:
            out.append(dict(premise=near, question=r.question, answer=answer, label=False, kind="sentence without it"))
    return out


def _swap(answer: str, names: list[str], numbers: list[str], rng: random.Random, premise: str) -> str | None:
    """The answer with one number or capitalised name replaced by another absent from the premise."""
    m = re.search(r"\b\d+\b", answer)
    if m:
        pool = [n for n in numbers if n not in premise] or [str(int(m.group(0)) + 7)]
        return answer[: m.start()] + rng.choice(pool) + answer[m.end() :]
    m = re.search(r"\b[A-Z][a-zà-ÿ]{3,}\b", answer)
    if m and m.group(0) not in names:
        m = None
    if m:
        pool = [n for n in names if n not in premise]
        return answer[: m.start()] + rng.choice(pool) + answer[m.end() :] if pool else None
    return None


def table(scored: list[dict[str, Any]]) -> list[dict[str, float]]:
    """True-yes and false-yes rates at each threshold."""
    pos = [p["p_yes"] for p in scored if p["label"]]
    neg = [p["p_yes"] for p in scored if not p["label"]]
    rows = []
    for t in [i / 20 for i in range(1, 20)]:
        rows.append(
            {
                "threshold": t,
                "true_yes": sum(x >= t for x in pos) / len(pos),
                "false_yes": sum(x >= t for x in neg) / len(neg),
            }
        )
    return rows


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--verifier", default="llamacpp:default")
    p.add_argument("--qa", type=Path, default=ROOT / "eval" / "qa.jsonl")
    p.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    args = p.parse_args()
    verifier = get_verifier(args.verifier, Settings.from_env(data_dir="/var/tmp/rag-bench-verifier"))
    data = pairs(args.qa, args.corpus)
    secs: list[float] = []
    for d in data:
        t0 = time.perf_counter()
        d["p_yes"] = round(verifier.support(d["premise"], d["question"], d["answer"]), 4)
        secs.append(time.perf_counter() - t0)
    rates = table(data)
    ok = [r for r in rates if r["false_yes"] <= MAX_FALSE_YES]
    chosen = max(ok, key=lambda r: (r["true_yes"], -r["threshold"])) if ok else rates[-1]
    kinds = sorted({d["kind"] for d in data})
    result = {
        "verifier": args.verifier,
        "qa": str(args.qa.relative_to(ROOT) if args.qa.is_relative_to(ROOT) else args.qa),
        "pairs": len(data),
        "by_kind": {
            k: {
                "n": sum(d["kind"] == k for d in data),
                "mean_p_yes": round(statistics.mean(d["p_yes"] for d in data if d["kind"] == k), 3),
                "yes_at_chosen": round(
                    sum(d["p_yes"] >= chosen["threshold"] for d in data if d["kind"] == k)
                    / max(1, sum(d["kind"] == k for d in data)),
                    3,
                ),
            }
            for k in kinds
        },
        "rates": rates,
        "chosen": chosen,
        "seconds_per_pair": {"p50": round(pct(secs, 0.5), 3), "p95": round(pct(secs, 0.95), 3)},
        "pairs_scored": data,
    }
    md = [
        f"# Verifier calibration ({args.verifier}, {len(data)} pairs)",
        "",
        "| kind | n | mean P(yes) | Yes at chosen |",
        "|---|---|---|---|",
    ]
    md += [f"| {k} | {v['n']} | {v['mean_p_yes']} | {v['yes_at_chosen']} |" for k, v in result["by_kind"].items()]
    md += [
        "",
        f"Chosen threshold {chosen['threshold']}: true Yes {chosen['true_yes']:.3f}, false Yes {chosen['false_yes']:.3f}.",
    ]
    md += [f"Seconds per pair p50 {result['seconds_per_pair']['p50']}, p95 {result['seconds_per_pair']['p95']}."]
    name = "verifier-calibration" + ("" if args.qa.name == "qa.jsonl" else "-" + args.qa.stem)
    write(name, result, "\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
