"""Chroma storage: chunks with our own embeddings, and article records, embedded or over HTTP.

Two collections per store: `<name>_chunks` (dense vectors, chunk text, offsets) and
`<name>_articles` (the cleaned article text, title, date, content hash, dropped spans). The
article record is written last, so an ingest killed halfway leaves an article whose hash does
not match yet, and the next ingest redoes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from rag.attribute import from_json, to_json
from rag.chroma import Guarded, connect
from rag.chunk import PIPELINE
from rag.errors import StoreError
from rag.types import Article, Chunk, Dropped

SCHEMA_VERSION = 1
_BATCH = 2000


def _slices(items: Sequence[str], size: int = _BATCH) -> Iterator[list[str]]:
    """items in lists of at most `size`, for queries that take one variable per item."""
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def text_hash(text: str) -> str:
    """Identity of an article's cleaned text, whatever its file is called."""
    return hashlib.sha256(text.encode()).hexdigest()


def current_hash(record: dict[str, Any]) -> str:
    """The stored content hash, or "" for an article made by an older cleaner/chunker (so it is redone)."""
    return str(record["content_hash"]) if record.get("pipeline") == PIPELINE else ""


def _record(article: Article, n_chunks: int) -> dict[str, Any]:
    dropped = json.dumps([{"text": d.text, "reason": d.reason} for d in article.dropped], ensure_ascii=False)
    return {
        "title": article.title,
        "source": article.source,
        "content_hash": article.content_hash,
        "date": article.date or "",
        "dropped": dropped,
        "chunks": n_chunks,
        "text_hash": text_hash(article.text),
        "pipeline": PIPELINE,
        # The file as read, and where each cleaned piece sits in it: citations give offsets in both.
        "raw": article.raw,
        "segments": json.dumps(article.segments),
        "outlet": article.outlet or "",
        "url": article.url or "",
        "byline": article.byline or "",
        "credited": article.credited or "",
        # Who each attributed sentence cites (rag.attribute), parsed once here, read by answers and traces.
        "sources": json.dumps(to_json(article.sources), ensure_ascii=False),
    }


class Store:
    """The chunk and article collections of one corpus, bound to one embedder spec."""

    def __init__(self, chunks: Any, articles: Any, embedder: str, client: Any) -> None:
        self._chunks = chunks
        self._articles = articles
        self.embedder = embedder
        self._client = client

    @classmethod
    def open(cls, store: str | None, data_dir: Path, name: str, embedder: str) -> Store:
        """Open (creating if needed) the store; refuse one built with another embedder."""
        client = connect(store, data_dir)
        meta = {"embedder": embedder, "schema": SCHEMA_VERSION, "hnsw:space": "cosine"}
        try:
            chunks = client.get_or_create_collection(f"{name}_chunks", metadata=meta, embedding_function=None)
            articles = client.get_or_create_collection(
                f"{name}_articles", metadata={"schema": SCHEMA_VERSION}, embedding_function=None
            )
        except Exception as e:
            raise StoreError(
                f"Cannot open the Chroma store ({type(e).__name__}: {e}); check --store/--data-dir"
            ) from None
        found = (chunks.metadata or {}).get("embedder")
        if found != embedder:
            raise StoreError(
                f"This store was indexed with embedder {found!r}, not {embedder!r}. Use "
                f"--embedder {found} or re-index: rag ingest PATH --embedder {embedder} --data-dir NEW_DIR "
                "(or delete the data directory first)."
            )
        schema = (chunks.metadata or {}).get("schema")
        if schema != SCHEMA_VERSION:
            raise StoreError(
                f"This store has schema {schema}, this version needs {SCHEMA_VERSION}: "
                "delete the data directory and run `rag ingest` again."
            )
        return cls(Guarded(chunks, store), Guarded(articles, store), embedder, Guarded(client, store))

    # -- articles ---------------------------------------------------------------------------
    def records(self) -> dict[str, dict[str, Any]]:
        """Metadata of every stored article by ID (hash, source, text hash, …), in pages.

        One unpaged read fails past ~100k articles (SQLite's limit on query variables).
        """
        out: dict[str, dict[str, Any]] = {}
        for offset in range(0, self._articles.count(), _BATCH):
            got = self._articles.get(include=["metadatas"], limit=_BATCH, offset=offset)
            out.update(zip(got["ids"], got["metadatas"], strict=True))
        return out

    def article_hashes(self) -> dict[str, str]:
        """{article_id: content_hash} of every completely stored article."""
        return {i: current_hash(m) for i, m in self.records().items()}

    def fingerprint(self) -> str:
        """Changes whenever any article is added, replaced or removed."""
        items = sorted(self.article_hashes().items())
        return hashlib.sha256(json.dumps(items).encode()).hexdigest()[:20]

    def get_article(self, article_id: str) -> Article | None:
        """The stored cleaned article, or None."""
        got = self._articles.get(ids=[article_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        m, text = got["metadatas"][0], got["documents"][0]
        return Article(
            id=article_id,
            title=m["title"],
            text=text,
            source=m["source"],
            content_hash=m["content_hash"],
            date=m.get("date") or None,
            dropped=tuple(Dropped(**d) for d in json.loads(m.get("dropped", "[]"))),
            raw=m.get("raw", ""),
            segments=tuple(tuple(s) for s in json.loads(m.get("segments", "[]"))),  # type: ignore[misc]
            outlet=m.get("outlet") or None,
            url=m.get("url") or None,
            byline=m.get("byline") or None,
            credited=m.get("credited") or None,
            sources=from_json(json.loads(m.get("sources", "[]"))),
        )

    def put(self, batch: Sequence[tuple[Article, Sequence[Chunk], np.ndarray]], stored: Collection[str]) -> None:
        """Replace articles: old chunks of those in `stored` go, new chunks go in, then the records.

        The records are written last and act as the commit mark: a kill before them leaves
        chunks without a record, which `remove_orphans` deletes on the next ingest.
        """
        if not batch:
            return
        old = [a.id for a, _, _ in batch if a.id in stored]
        if old:  # a filtered delete costs a metadata scan: skip it for new articles
            self._chunks.delete(where={"article_id": {"$in": old}})
        chunks = [c for _, parts, _ in batch for c in parts]
        vectors = np.vstack([v for _, _, v in batch])
        for i in range(0, len(chunks), _BATCH):
            part = chunks[i : i + _BATCH]
            self._chunks.add(
                ids=[c.id for c in part],
                embeddings=vectors[i : i + _BATCH],
                documents=[c.text for c in part],
                metadatas=[
                    {"article_id": c.article_id, "start": c.start, "end": c.end, "hash": c.content_hash} for c in part
                ],
            )
        self._articles.upsert(
            ids=[a.id for a, _, _ in batch],
            embeddings=[[1.0]] * len(batch),
            documents=[a.text for a, _, _ in batch],
            metadatas=[_record(a, len(parts)) for a, parts, _ in batch],
        )

    def remove(self, article_ids: Sequence[str]) -> int:
        """Delete articles and their chunks; return how many chunks went."""
        if not article_ids:
            return 0
        n = 0
        for ids in _slices(article_ids):  # SQLite caps the variables of one query
            n += len(self._chunks.get(where={"article_id": {"$in": ids}}, include=[])["ids"])
            self._chunks.delete(where={"article_id": {"$in": ids}})
            self._articles.delete(ids=ids)
        return n

    def _marks(self) -> dict[str, Any]:
        """The articles collection's metadata as stored now (another process may have changed it)."""
        return dict(self._client.get_collection(self._articles.name).metadata or {})

    def generation(self) -> int:
        """Goes up with every finished write, from any process: one metadata read, not a count."""
        return int(self._marks().get("generation", 0))

    def begin_write(self) -> bool:
        """Mark the store as being written; True if the previous write never finished (killed)."""
        meta = self._marks()
        self._articles.modify(metadata={**meta, "writing": 1})
        return bool(meta.get("writing"))

    def end_write(self, changed: bool = True) -> None:
        """Clear the mark set by `begin_write`; if the write `changed` anything, tell readers."""
        meta = self._marks()
        generation = int(meta.get("generation", 0)) + int(changed)
        self._articles.modify(metadata={**meta, "writing": 0, "generation": generation})

    def remove_orphans(self, records: dict[str, dict[str, Any]] | None = None) -> int:
        """Delete chunks whose article record is missing (left by a killed ingest)."""
        records = self.records() if records is None else records
        known = set(records)
        orphans = {m["article_id"] for m in self._chunk_metas() if m["article_id"] not in known}
        for ids in _slices(sorted(orphans)):
            self._chunks.delete(where={"article_id": {"$in": ids}})
        return len(orphans)

    def _chunk_metas(self) -> Iterator[dict[str, Any]]:
        total = self._chunks.count()
        for offset in range(0, total, _BATCH):
            yield from self._chunks.get(include=["metadatas"], limit=_BATCH, offset=offset)["metadatas"]

    # -- chunks -----------------------------------------------------------------------------
    def count(self) -> int:
        """Number of stored chunks."""
        return int(self._chunks.count())

    def article_count(self) -> int:
        """Number of stored articles."""
        return int(self._articles.count())

    def all_chunks(self) -> Iterator[tuple[str, str]]:
        """(chunk_id, text) of every chunk, in batches, for building the lexical index."""
        total = self._chunks.count()
        for offset in range(0, total, _BATCH):
            got = self._chunks.get(include=["documents"], limit=_BATCH, offset=offset)
            yield from zip(got["ids"], got["documents"], strict=True)

    def chunks(self, ids: Sequence[str]) -> dict[str, Chunk]:
        """Chunks by ID (missing IDs are left out)."""
        if not ids:
            return {}
        got = self._chunks.get(ids=list(ids), include=["documents", "metadatas"])
        return {
            i: Chunk(id=i, article_id=m["article_id"], text=d, start=m["start"], end=m["end"], content_hash=m["hash"])
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }

    def nearest(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """IDs of the chunks nearest to `vector`, with cosine similarity, best first.

        IDs only: the caller fetches the few texts it keeps. No count() first either: it scans
        the collection, and Chroma already returns fewer than n results from a small one.
        """
        try:
            got = self._chunks.query(query_embeddings=[vector.tolist()], n_results=n, include=["distances"])
        except StoreError as e:
            # An ingest killed before Chroma first flushed its vector index leaves rows with no
            # index on disk. Lexical search still answers (and the next ingest rebuilds the index);
            # any other failure is raised.
            if "Nothing found on disk" not in str(e):
                raise
            return []
        return [(i, 1.0 - float(d)) for i, d in zip(got["ids"][0], got["distances"][0], strict=True)]
