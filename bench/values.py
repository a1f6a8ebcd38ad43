"""Calibrate the date and count check (`rag.values`): which verb a year or a count belongs to.

.venv/bin/python -m bench.values [--verifier llamacpp:default] [--data bench/data/value_pairs.jsonl]

The data are 64 (question, answer, quote) triples over corpus3's dated sentences, written by hand
as pairs: the same quote gives a value for the question's action (right: "Quand le pont a-t-il été
détruit ?" → "En août 1944") or for another verb (wrong: "… construit pour la première fois ?" →
"En 1944"), synonyms and antonyms among both. Each is run through the code half (`misplaced`: the
same stem passes, a value under no verb is not judged); the rest go to the judge, whose score is
tabled per threshold. Writes bench/out/value-calibration.json.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bench.common import pct, write
from rag import values
from rag.evaluate import read_jsonl
from rag.settings import Settings
from rag.verify import get_verifier

ROOT = Path(__file__).resolve().parents[1]


class Pair(BaseModel):
    question: str
    answer: str
    quote: str
    right: bool


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--verifier", default="llamacpp:default")
    p.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "value_pairs.jsonl")
    args = p.parse_args()
    verifier = get_verifier(args.verifier, Settings.from_env(data_dir="/var/tmp/rag-bench-verifier"))
    rows: list[dict[str, Any]] = [r.model_dump() for r in read_jsonl(args.data, Pair, "value pairs", "pair")]
    took: list[float] = []
    for r in rows:
        found = values.misplaced(r["question"], r["answer"], r["quote"])
        r["misplaced"] = [f"{m.value} « {m.phrase} »" for m in found or []]
        r["judge"] = None
        r["named"] = next((m.named for m in found or [] if m.named), None)
        if found and not r["named"]:  # an event the question names apart is refused by code
            t0 = time.perf_counter()
            r["judge"] = round(
                max(verifier.value_for(r["quote"], r["question"], m.value, m.phrase, m.asked) for m in found), 4
            )
            took.append(time.perf_counter() - t0)
    judged = [r for r in rows if r["judge"] is not None]
    by = [
        {
            "threshold": t,
            "wrong_refused": sum(not r["right"] and r["judge"] < t for r in judged),
            "right_refused": sum(r["right"] and r["judge"] < t for r in judged),
        }
        for t in [i / 100 for i in range(60, 92, 2)]
    ]
    wrong = sum(not r["right"] for r in rows)
    named = [r for r in rows if r["named"]]
    result = {
        "verifier": args.verifier,
        "pairs": len(rows),
        "right": len(rows) - wrong,
        "wrong": wrong,
        "judged": {"right": sum(r["right"] for r in judged), "wrong": sum(not r["right"] for r in judged)},
        "named_apart": {"right": sum(r["right"] for r in named), "wrong": sum(not r["right"] for r in named)},
        "value_threshold": verifier.value_threshold,
        "by_threshold": by,
        "seconds_p50": round(pct(took, 0.5), 3) if took else None,
        "scored": rows,
    }
    md = [
        f"# Date and count check calibration ({args.verifier}, {len(rows)} pairs: {len(rows) - wrong} right, {wrong} wrong)",
        "",
        f"Put to the judge (verbs differ by stem): {result['judged']['right']} right, {result['judged']['wrong']} wrong; "
        f"refused by code, the value's event named apart by the question: {result['named_apart']['right']} right, "
        f"{result['named_apart']['wrong']} wrong. The others pass on the code half or are not judged.",
        "",
        "| threshold | wrong refused | right refused |",
        "|---|---|---|",
        *[f"| {t['threshold']:.2f} | {t['wrong_refused']} | {t['right_refused']} |" for t in by],
        "",
        f"Chosen {verifier.value_threshold}; judge seconds p50 {result['seconds_p50']} (two prompts).",
    ]
    write("value-calibration", result, "\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
