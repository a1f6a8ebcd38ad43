"""Sync a folder of articles into the store: add new, replace changed, remove deleted, skip the rest."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np

from rag.articles import load
from rag.attribute import attribute
from rag.chunk import chunk
from rag.embed import Embedder
from rag.store import Store, current_hash, text_hash
from rag.types import Article, IngestReport

# Text per embed+write batch: large enough to amortise embedder and Chroma calls (~250 passages),
# small enough that a kill mid-ingest loses little work and the progress bar moves.
BATCH_CHARS = 120_000


def _under(source: str, root: Path) -> bool:
    try:
        Path(source).resolve().relative_to(root)
        return True
    except (ValueError, OSError):
        return False


def _batches(articles: list[Article], chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Consecutive groups of articles holding about `chars` characters of text each."""
    group: list[Article] = []
    size = 0
    for a in articles:
        group.append(a)
        size += len(a.text)
        if size >= chars:
            yield group
            group, size = [], 0
    if group:
        yield group


def ingest(path: str | Path, store: Store, embedder: Embedder, progress: bool = False) -> IngestReport:
    """Make the store match the articles under `path`; report what changed, per article."""
    t0 = time.perf_counter()
    root = Path(path)
    articles, skipped = load(root)
    records = store.records()
    stored = {aid: current_hash(r) for aid, r in records.items()}

    current = {a.id for a in articles}
    gone: list[str] = []
    if root.is_dir():
        resolved = root.resolve()
        gone = sorted(aid for aid in stored if aid not in current and _under(records[aid].get("source", ""), resolved))

    # The same text under two names is one article: keep the first name, report the other.
    # Stored articles count too (a file dropped into another folder), unless being removed now
    # (a renamed file must not be reported as a duplicate of its own old name).
    by_text = {r.get("text_hash", ""): aid for aid, r in records.items() if aid not in current and aid not in gone}
    unique: list[Article] = []
    duplicates: list[tuple[str, str]] = []
    for a in articles:
        key = text_hash(a.text)
        if key in by_text:
            duplicates.append((a.id, by_text[key]))
        else:
            by_text[key] = a.id
            unique.append(a)

    todo = [a for a in unique if stored.get(a.id) != a.content_hash]
    unchanged = [a.id for a in unique if stored.get(a.id) == a.content_hash]
    gone += [dup for dup, _ in duplicates if dup in stored]

    # A killed ingest can leave chunks with no article record; only then are the full orphan scan
    # and per-batch deletes of "new" articles needed (both cost metadata scans at 1M chunks).
    interrupted = store.begin_write()
    chunks_removed = store.remove(gone)
    replacing = set(stored)
    if interrupted:
        store.remove_orphans({aid: r for aid, r in records.items() if aid not in gone})
        replacing |= {a.id for a in todo}
    chunks_added = 0
    from tqdm import tqdm  # lazy

    with tqdm(total=len(todo), desc="Embedding articles", unit="article", disable=not progress) as bar:
        for batch in _batches(todo):
            # Attribution is parsed once here (spaCy, only sentences with a reporting cue), stored with the article.
            batch = [replace(a, sources=attribute(a.text)) for a in batch]
            parts = [chunk(a) for a in batch]
            # One embedding call per batch: per-article calls left the embedder's batching idle.
            flat = embedder.embed([c.text for p in parts for c in p], "passage")
            bounds = np.cumsum([0] + [len(p) for p in parts])
            items = [(a, p, flat[s:e]) for a, p, s, e in zip(batch, parts, bounds[:-1], bounds[1:], strict=True)]
            store.put(items, replacing)
            chunks_added += len(flat)
            bar.update(len(batch))
    store.end_write(changed=bool(todo or gone or interrupted))  # a no-op sync leaves readers' indexes be
    return IngestReport(
        added=tuple(a.id for a in todo if a.id not in stored),
        updated=tuple(a.id for a in todo if a.id in stored),
        unchanged=tuple(unchanged),
        removed=tuple(gone),
        duplicates=tuple(duplicates),
        skipped=tuple(skipped),
        chunks_added=chunks_added,
        chunks_removed=chunks_removed,
        seconds=time.perf_counter() - t0,
    )
