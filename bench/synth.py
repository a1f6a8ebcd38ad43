"""A reproducible synthetic French corpus built from the seeds' own sentences.

Seeded shuffles and recombinations keep the text French and realistic:
article i = a title + two paragraphs of sentences drawn (without replacement) from the seeds.
"""

from __future__ import annotations

import random
from pathlib import Path

from rag.articles import read_article
from rag.chunk import sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_sentences() -> list[str]:
    """Every cleaned seed sentence longer than 40 characters."""
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        a = read_article(f)
        out += [a.text[s:e] for s, e in sentences(a.text) if e - s > 40]
    return out


def make_corpus(folder: Path, n: int, seed: int = 0, per_article: int = 12) -> Path:
    """Write `n` articles into `folder` (same `seed` -> same files)."""
    rng = random.Random(seed)
    pool = seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        picked = rng.sample(pool, per_article)
        half = per_article // 2
        body = f"Article de synthèse {i}\n\n" + " ".join(picked[:half]) + "\n\n" + " ".join(picked[half:])
        (folder / f"synth_{i:05d}.txt").write_text(body, encoding="utf-8")
    return folder
