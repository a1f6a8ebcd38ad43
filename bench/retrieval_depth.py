"""How many passages the model must read to see the answer: for every answerable eval question with
gold answers, whether a passage retrieved at depth k prints one (accent- and case-folded), and
whether `Retriever.widen` (the second draft's 3 extra passages) brings it in. No LLM runs.

    .venv/bin/python -m bench.retrieval_depth            # writes bench/out/retrieval-depth.json

Why `rag.answer.MORE_PASSAGES` is 3: most of the gain from 5 to 12 passages is in the next three.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from bench.common import write
from rag import Assistant
from rag.ground import fold
from rag.types import Hit

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "seeds": ["qa", "qa_hard", "qa_reworded", "qa_probes", "qa_probes2", "qa_probes_noun", "qa_fresh"],
    "eval/corpus2": ["qa_corpus2"],
    "eval/corpus3": ["qa_corpus3", "qa_corpus3_probes", "qa_corpus3_probes2"],
}
DEPTHS = (5, 8, 10, 12)


def _norm(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").split())


def _prints(hits: list[Hit], gold: list[str]) -> bool:
    return any(g in _norm(h.chunk.text) for h in hits for g in gold)


def main() -> None:
    counts: dict[str, dict[str, int]] = {}
    for corpus, files in SETS.items():
        with tempfile.TemporaryDirectory() as tmp:
            bot = Assistant.open(data_dir=tmp, llm="fake:extractive")
            bot.ingest(ROOT / corpus)
            for name in files:
                for line in (ROOT / "eval" / f"{name}.jsonl").read_text().splitlines():
                    ex = json.loads(line)
                    if not ex.get("answerable", True) or not ex.get("answer_any"):
                        continue
                    gold = [_norm(g) for g in ex["answer_any"]]
                    row = counts.setdefault(name, {"questions": 0})
                    row["questions"] += 1
                    for k in DEPTHS:
                        row[f"k{k}"] = row.get(f"k{k}", 0) + _prints(bot.search(ex["question"], k), gold)
                    first = bot.search(ex["question"], 5)
                    wide = first + bot._retriever().widen(ex["question"], first, 3)
                    row["k5+widen3"] = row.get("k5+widen3", 0) + _prints(wide, gold)
    total = {key: sum(r.get(key, 0) for r in counts.values()) for key in next(iter(counts.values()))}
    cols = ["questions", *(f"k{k}" for k in DEPTHS), "k5+widen3"]
    lines = ["| set | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, r in [*counts.items(), ("total", total)]:
        lines.append(f"| {name} | " + " | ".join(str(r.get(c, 0)) for c in cols) + " |")
    md = "# Answer-bearing passages by retrieval depth (usem, hybrid)\n\n" + "\n".join(lines) + "\n"
    print(md)
    write("retrieval-depth", {"by_set": counts, "total": total}, md)


if __name__ == "__main__":
    main()
