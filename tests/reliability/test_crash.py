"""Ingest killed with SIGKILL at random points: the store still opens and answers, and the next
ingest completes it with no duplicate or orphan chunks, Chroma and BM25 in agreement."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.synth import make_corpus
from rag import Assistant
from rag.articles import load
from rag.chunk import chunk

KILLS = 8


def test_sigkill_during_ingest_never_corrupts_the_store(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 800)
    data = tmp_path / "data"
    env = {**os.environ, "RAG_DATA_DIR": str(data), "RAG_EMBEDDER": "hash:256", "RAG_LLM": "fake:extractive"}
    rag = str(Path(sys.executable).with_name("rag"))
    rng = random.Random(42)
    survived = 0
    for n in range(KILLS):
        # change a few articles each round so every ingest has real work: adds, updates, removes
        for f in rng.sample(sorted(corpus.glob("*.txt")), 250):
            f.write_text(f.read_text() + f" Mise à jour {n}.")
        proc = subprocess.Popen(
            [rag, "ingest", str(corpus)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(1.5, 7.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            survived += 1
        proc.wait()
        bot = Assistant.open(data_dir=data, embedder="hash:256", llm="fake:extractive")
        if bot.store.count():
            a = bot.ask("Tumangang gare ferroviaire trafic ?")  # opens and answers mid-way
            # a half-written article (chunks newer than its record) is refused, never quoted
            assert a.citations or a.refusal_code == "article_changed", a.refusal_reason
            for c in a.citations:
                assert bot.article(c.article_id).text[c.start : c.end] == c.quote
    assert survived >= KILLS // 2, "ingest finished before most kill points; make the corpus bigger"

    bot = Assistant.open(data_dir=data, embedder="hash:256", llm="fake:extractive")
    bot.ingest(corpus)
    articles, _ = load(corpus)
    expected = {c.id for a in articles for c in chunk(a)}
    stored = set(bot.store._chunks.get(include=[])["ids"])
    assert stored == expected  # no orphan, no duplicate, nothing missing
    assert set(bot.store.article_hashes()) == {a.id for a in articles}
    lexical = bot._retriever().lexical
    assert sorted(lexical.ids) == sorted(stored)  # BM25 and Chroma agree
