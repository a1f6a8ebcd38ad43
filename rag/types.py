"""Domain types: plain frozen values passed between pipeline stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Dropped:
    """A span removed by the cleaner, kept aside with the reason (never indexed)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """One cleaned article. Offsets everywhere refer to `text` (the cleaned text)."""

    id: str
    title: str
    text: str
    source: str
    content_hash: str  # sha256 of the raw file bytes
    date: str | None = None
    dropped: tuple[Dropped, ...] = ()
    raw: str = ""  # the file's text as decoded, before cleaning
    segments: tuple[tuple[int, int, int], ...] = ()  # (clean_start, raw_start, length) of each verbatim piece
    outlet: str | None = None  # site name when the file gives one (front matter, outlet line, URL)
    url: str | None = None
    byline: str | None = None
    sources: tuple[Any, ...] = ()  # rag.attribute.SentenceSources: who each attributed sentence cites
    credited: str | None = None  # the outlet an aggregator names as its text's source ("Source : X")

    @property
    def label(self) -> str:
        """How the article is named to a reader: its outlet or byline with the date, else its ID."""
        name = self.outlet or self.byline
        return f"{name} ({self.date})" if name and self.date else name or self.id

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Offsets in `raw` of text[start:end] (None if it spans two pieces: never for a quote)."""
        from rag.clean import to_raw

        return to_raw(self.segments, start, end)


@dataclass(frozen=True)
class Chunk:
    """A passage of an article: `text == article.text[start:end]`."""

    id: str  # "<article_id>#<n>"
    article_id: str
    text: str
    start: int
    end: int
    content_hash: str


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the ranks that produced it."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    similarity: float | None = None  # cosine similarity of query and chunk, when known


@dataclass(frozen=True)
class Citation:
    """A citation the code checked: `quote == article.text[start:end] == article.raw[raw_start:raw_end]`,
    and the verifier found that the quote states the answer (`support` is its P(yes))."""

    article_id: str
    chunk_id: str
    quote: str
    start: int
    end: int
    raw_start: int | None = None
    raw_end: int | None = None
    support: float | None = None
    sources: tuple[Any, ...] = ()  # rag.attribute.Attribution: who the article attributes the quote to
    # Other articles printing a close version of the quote (the corpus view's grouping: embedding
    # similarity or the same figure; no verifier call, so shown as "close versions", not as proof).
    also_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """What `ask` returns: the answer, its checked citations, and how it was produced."""

    question: str
    text: str
    refused: bool
    citations: tuple[Citation, ...]
    passages: tuple[Hit, ...]
    language: str
    timings: dict[str, float] = field(default_factory=dict)
    usage: dict[str, int] = field(default_factory=dict)
    refusal_reason: str | None = None
    draft: str | None = None  # what the model wrote, kept when the system refused it
    refusal_code: str | None = None  # machine-readable reason (rag.refusals.REFUSAL_CODES)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape printed by `rag ask --json` and returned by the UI's API."""
        return {
            "answer": self.text,
            "refused": self.refused,
            "citations": [asdict(c) for c in self.citations],
            "question": self.question,
            "language": self.language,
            "refusal_reason": self.refusal_reason,
            "refusal_code": self.refusal_code,
            "draft": self.draft,
            "passages": [
                {
                    "chunk_id": h.chunk.id,
                    "article_id": h.chunk.article_id,
                    "score": round(h.score, 6),
                    "text": h.chunk.text,
                }
                for h in self.passages
            ],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
            "usage": dict(self.usage),
        }


@dataclass(frozen=True)
class ArticleInfo:
    """One stored article as `rag list` shows it."""

    id: str
    title: str
    date: str | None
    source: str
    passages: int
    outlet: str | None = None
    url: str | None = None
    byline: str | None = None


@dataclass(frozen=True)
class IngestReport:
    """What an ingest changed, by article."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    duplicates: tuple[tuple[str, str], ...] = ()  # (skipped id, id it duplicates)
    skipped: tuple[tuple[str, str], ...] = ()  # (path, why)
    chunks_added: int = 0
    chunks_removed: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Attribution:
    """A source the article names for one sentence: `article.text[start:end] == source`."""

    source: str
    start: int
    end: int
    cue: str  # the words that attribute: "a déclaré", "selon", "par" (passive agent), …
    kind: str  # person | organisation | place | other
    first: bool = False  # the sentence says the source had it first ("pour la première fois")


@dataclass(frozen=True)
class SentenceSources:
    """The sources one sentence of an article (text[start:end]) is attributed to."""

    start: int
    end: int
    sources: tuple[Attribution, ...]
