"""Calibrate the verifier's second check, `answers` (does the quote answer the question at all?).

.venv/bin/python -m bench.answers_check [--verifier llamacpp:default] [--data bench/data/answered.jsonl]

The data are not constructed pairs but what the pipeline really showed: every answer it gave with
a quote on eval/qa.jsonl and eval/qa_hard.jsonl (support verifier only, before this check existed),
labelled right or wrong by the eval (an answer to an unanswerable question is wrong). Each is
scored by both checks; the table says, per `answers` threshold, how many right answers would be
lost and how many wrong ones would still be shown. Writes bench/out/answers-calibration.json.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bench.common import pct, write
from rag.evaluate import read_jsonl
from rag.settings import Settings
from rag.verify import get_verifier

ROOT = Path(__file__).resolve().parents[1]


class Shown(BaseModel):
    """One answer the pipeline showed, with the quote it showed and the eval's verdict."""

    id: str
    qa: str
    question: str
    answer: str
    premise: str
    right: bool


def table(rows: list[dict[str, Any]], key: str) -> list[dict[str, float]]:
    """Right answers lost and wrong answers kept at each threshold on `key`."""
    right = [r[key] for r in rows if r["right"]]
    wrong = [r[key] for r in rows if not r["right"]]
    return [
        {"threshold": t, "right_lost": sum(x < t for x in right), "wrong_kept": sum(x >= t for x in wrong)}
        for t in [i / 20 for i in range(4, 19)]
    ]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--verifier", default="llamacpp:default")
    p.add_argument("--data", type=Path, default=ROOT / "bench" / "data" / "answered.jsonl")
    args = p.parse_args()
    verifier = get_verifier(args.verifier, Settings.from_env(data_dir="/var/tmp/rag-bench-verifier"))
    rows: list[dict[str, Any]] = [r.model_dump() for r in read_jsonl(args.data, Shown, "answers", "answer")]
    support_s: list[float] = []
    answers_s: list[float] = []
    for r in rows:
        t0 = time.perf_counter()
        r["support"] = round(verifier.support(r["premise"], r["question"], r["answer"]), 4)
        t1 = time.perf_counter()
        r["answers"] = round(verifier.answers(r["premise"], r["question"]), 4)  # shares the prompt's head
        support_s.append(t1 - t0)
        answers_s.append(time.perf_counter() - t1)
    shown = [r for r in rows if r["support"] >= verifier.threshold]
    by_answers = table(shown, "answers")
    at = next(t for t in by_answers if t["threshold"] >= verifier.answers_threshold)
    result = {
        "verifier": args.verifier,
        "answers": len(rows),
        "right": sum(r["right"] for r in rows),
        "wrong": sum(not r["right"] for r in rows),
        "support_threshold": verifier.threshold,
        "shown_by_support": {"right": sum(r["right"] for r in shown), "wrong": sum(not r["right"] for r in shown)},
        "answers_threshold": verifier.answers_threshold,
        "at_threshold": at,
        "by_answers_threshold": by_answers,
        "seconds": {
            "support_p50": round(pct(support_s, 0.5), 3),
            "answers_p50": round(pct(answers_s, 0.5), 3),
        },
        "scored": rows,
    }
    md = [
        f"# Second check calibration ({args.verifier}, {len(rows)} shown answers)",
        "",
        f"Support accepts {len(shown)} at {verifier.threshold}: "
        f"{result['shown_by_support']['right']} right, {result['shown_by_support']['wrong']} wrong.",
        "",
        "| answers threshold | right lost | wrong still shown |",
        "|---|---|---|",
        *[f"| {t['threshold']:.2f} | {t['right_lost']} | {t['wrong_kept']} |" for t in by_answers],
        "",
        f"Chosen {verifier.answers_threshold}. Seconds p50: support {result['seconds']['support_p50']}, "
        f"answers {result['seconds']['answers_p50']} (after support on the same quote).",
    ]
    write("answers-calibration", result, "\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
