"""The corpus's main claims: sentences that say the same thing in several articles, grouped.

Grouping is by sentence embedding (one batch over the corpus, no LLM call), so a group is "these
outlets print a close version of this sentence", labelled as such; `trace` verifies one claim
article by article. Each group carries its outlets, the sources the sentences name, the figure
drift between versions, and a ClaimReview-shaped export (schema.org field names, no rating:
this tool reports who said what, it does not rate truth).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np

from rag.attribute import sources_for
from rag.chunk import sentences
from rag.embed import Embedder
from rag.errors import InputError
from rag.quantities import key_figures
from rag.types import Article, Citation
from rag.versions import Appearance, ChainStep, Drift, by_date, chain, drifts

# Two sentences of different articles print the same claim when their embeddings are this close
# (usem multilingual: reworded quotes score 0.72-0.92), or when they print the same figure and are
# still on one topic: the 1,000-containers sentences of five outlets score only 0.49-0.63, since each
# sentence carries other facts too, but all print 1 000.
LINK = 0.72
FIGURE_LINK = 0.45
MIN_CHARS = 50  # shorter sentences are captions, labels and fragments, not claims
MAX_SENTENCES = 20_000  # the all-pairs comparison is for a newsroom folder; `rag trace` scales further


@dataclass(frozen=True)
class ClaimGroup:
    """One claim of the corpus: its best-linked sentence, and every article's version of it."""

    claim: str
    appearances: tuple[Appearance, ...]
    drifts: tuple[Drift, ...]
    chain: tuple[ChainStep, ...]


def claims(
    articles: Sequence[Article], embedder: Embedder, min_articles: int = 2, max_sentences: int = MAX_SENTENCES
) -> list[ClaimGroup]:
    """Groups of near-identical sentences across at least `min_articles` articles, most widely reported first."""
    items = [(a, s, e) for a in articles for s, e in sentences(a.text) if e - s >= MIN_CHARS]
    if len(items) > max_sentences:
        raise InputError(
            f"{len(items)} sentences is too many for the corpus view (limit {max_sentences}); "
            "trace single claims with `rag trace` instead."
        )
    if not items:
        return []
    vecs = embedder.embed([a.text[s:e] for a, s, e in items], "passage")
    owner = np.array([hash(a.id) for a, _, _ in items])
    sims = vecs @ vecs.T
    sims[owner[:, None] == owner[None, :]] = -1.0  # only links between different articles count
    # small counts ("les deux pays") are everywhere; they link only when they count the same noun
    figures = [key_figures(a.text[s:e]) for a, s, e in items]
    linked = sims >= LINK
    for i, j in zip(*np.nonzero((sims >= FIGURE_LINK) & ~linked), strict=True):
        linked[i, j] = bool(figures[i] & figures[j])
    links = linked.sum(axis=1)
    used = np.zeros(len(items), dtype=bool)
    groups: list[ClaimGroup] = []
    for i in np.argsort(-links, kind="stable"):
        if used[i] or links[i] == 0:
            continue
        members = {items[i][0].id: int(i)}
        for j in np.argsort(-sims[i]):
            if sims[i, j] < FIGURE_LINK:
                break
            if linked[i, j] and not used[j] and items[j][0].id not in members:
                members[items[j][0].id] = int(j)
        if len(members) < min_articles:
            continue
        used[list(members.values())] = True
        apps = [_appearance(*items[j], float(sims[i, j]) if j != i else 1.0) for j in members.values()]
        ordered = by_date(apps)
        claim = items[i][0].text[items[i][1] : items[i][2]]
        groups.append(ClaimGroup(claim, tuple(ordered), drifts(claim, ordered), chain(ordered)))
    return sorted(groups, key=lambda g: -len(g.appearances))


def _appearance(a: Article, s: int, e: int, similarity: float) -> Appearance:
    raw = a.raw_span(s, e)
    return Appearance(
        a.id,
        a.title,
        a.date,
        a.outlet,
        a.text[s:e],
        s,
        e,
        raw[0] if raw else None,
        raw[1] if raw else None,
        "similar",
        round(similarity, 3),
        sources_for(a.sources, s, e),
        url=a.url,
        byline=a.byline,
        credited=a.credited,
    )


def claim_review(g: ClaimGroup) -> dict[str, object]:
    """ClaimReview-shaped JSON of one group: who the claim is attributed to, when and where it appeared."""

    def where(a: Appearance) -> dict[str, object]:
        return {
            "@type": "CreativeWork",
            "identifier": a.article_id,
            "name": a.title,
            "publisher": a.outlet,
            # schema.org CreativeWork: the article's writer, and the work it reproduces
            "author": {"@type": "Person", "name": a.byline} if a.byline else None,
            "isBasedOn": a.credited,
            "url": a.url,
            "datePublished": a.date,
            "text": a.quote,
        }

    first = next((a for a in g.appearances if a.earliest), g.appearances[0])
    authors = [s for a in g.appearances for s in a.sources if not s.first]
    author = authors[0] if authors else None
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": g.claim,
        "claimAuthor": {"@type": _TYPE.get(author.kind, "Thing"), "name": author.source} if author else None,
        "claimDate": first.date,
        "claimFirstAppearance": where(first),
        "claimAppearances": [where(a) for a in g.appearances],
    }


@dataclass(frozen=True)
class VersionIndex:
    """Per article, the spans of its sentences that a group links to other articles: a quote's
    close versions elsewhere, looked up without comparing anything at answer time."""

    spans: dict[str, list[tuple[int, int, tuple[str, ...]]]] = field(default_factory=dict)

    @classmethod
    def of(cls, groups: Sequence[ClaimGroup]) -> VersionIndex:
        index: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
        for g in groups:
            ids = tuple(dict.fromkeys(a.article_id for a in g.appearances))
            for a in g.appearances:
                index.setdefault(a.article_id, []).append((a.start, a.end, ids))
        return cls(index)

    def also_in(self, c: Citation, exclude: Collection[str] = ()) -> tuple[str, ...]:
        """Articles, other than `exclude`, grouped with a sentence that overlaps the citation's quote."""
        found = (i for s, e, ids in self.spans.get(c.article_id, ()) if s < c.end and c.start < e for i in ids)
        return tuple(i for i in dict.fromkeys(found) if i not in exclude and i != c.article_id)


_TYPE = {"person": "Person", "organisation": "Organization", "place": "Place"}
