"""Split a cleaned article into sentence-aware, overlapping chunks with exact offsets."""

from __future__ import annotations

import hashlib
import re

from rag.types import Article, Chunk

PIPELINE = "clean8-chunk3-attr7"  # bump when cleaning or chunking changes: stored articles get redone
MAX_CHARS = 480  # ~130 tokens of French: six passages keep the prompt near 1k tokens
OVERLAP_SENTENCES = 1


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`, never crossing a line break.

    blingfire (a compiled finite-state splitter) gives character offsets; it splits a 2 MB
    line in about half a second, where pure-Python splitters take minutes.
    """
    import blingfire  # lazy: only ingest and quoting need it

    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        if not line.group(0).strip():
            continue
        _, offsets = blingfire.text_to_sentences_and_offsets(line.group(0))
        for a, b in offsets:
            start, end = line.start() + a, line.start() + b
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.extend(_glued(text, start, end))
    return _split_long(text, spans)


# Scraped text glues sentences: "auparavant.Le porte-parole", "importants. »Les images".
_GLUED = re.compile(r"(?<=[a-zà-ÿ0-9][.!?])(?=[A-ZÀ-Ý])|(?<=[.!?] »)(?=[A-ZÀ-Ý])|(?<=[.!?]»)(?=[A-ZÀ-Ý])")


# A sentence whose subject is a reference to the one before: a pronoun or a demonstrative first, or
# how reports name again someone they named before ("The 63-year-old was also fined …", "Le
# sexagénaire …", "Le prévenu …").
_REFERENCE = re.compile(
    r"^[\W_]*(?:il|ils|elle|elles|ce|cet|cette|ces|cela|ceci|ça|celui|celle|ceux|celles|leurs?|ses|son|sa|"
    r"it|its|they|their|he|she|his|her|this|these|that|those|the \d{1,3}-year-old|"
    r"(?:le|la) (?:trentenaire|quadragénaire|quinquagénaire|sexagénaire|septuagénaire|octogénaire|nonagénaire|"
    r"prévenue?|mise? en cause|suspecte?)|l['’](?:accusée?|intéressée?)|the (?:defendant|accused|suspect))\b",
    re.IGNORECASE,
)


def opens_with_reference(sentence: str) -> bool:
    """ "Elles représentent plus de 1 000 conteneurs …", "« Ce navire …": the sentence needs the one before."""
    return bool(_REFERENCE.match(sentence))


# A demonstrative anywhere: "plus de 1 000 conteneurs de ce matériel" says what it is only in the sentence before.
_DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces|this|these|those)\s+[^\W\d_]", re.IGNORECASE)


# A verb that stands for the one before: "La défense a dix jours pour faire appel. Me Lebrun a indiqué
# qu'il le ferait." ("he would do so").
_PRO_VERB = re.compile(
    r"\b(?:le (?:faire|fera|ferait|feront|feraient|fait|fit|fasse)|l['’](?:a|ont|avait|aurait) fait|"
    r"(?:do|does|did|would do|will do|to do) so)\b",
    re.IGNORECASE,
)


def refers_back(sentence: str) -> bool:
    """The sentence opens with a reference to the one before, names something by a demonstrative,
    says "le fera" for what the one before says, or is too short to say what it is about ("Aucun
    blessé n'est à déplorer." after the fire)."""
    short = len(re.findall(r"[^\W\d_]+", sentence)) < 8
    return (
        short or opens_with_reference(sentence) or bool(_DEMONSTRATIVE.search(sentence) or _PRO_VERB.search(sentence))
    )


def _glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start] + [start + m.start() for m in _GLUED.finditer(text[start:end])] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _split_long(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut sentences longer than MAX_CHARS at spaces, so every chunk stays bounded."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_CHARS:
            cut = text.rfind(" ", start + MAX_CHARS // 2, start + MAX_CHARS)
            cut = cut if cut > start else start + MAX_CHARS
            out.append((start, cut))
            start = cut + 1 if text[cut : cut + 1] == " " else cut
        if end > start:
            out.append((start, end))
    return out


def chunk(article: Article, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Group sentences into chunks of at most ~max_chars, repeating one sentence as overlap.

    Example: sentences s0..s4 of 200 chars each -> [s0 s1] [s1 s2] [s2 s3] [s3 s4].
    """
    spans = sentences(article.text)
    chunks: list[Chunk] = []
    i = 0
    while i < len(spans):
        j = i + 1
        while j < len(spans) and spans[j][1] - spans[i][0] <= max_chars:
            j += 1
        start, end = spans[i][0], spans[j - 1][1]
        text = article.text[start:end]
        n = len(chunks)
        chunks.append(
            Chunk(
                id=f"{article.id}#{n}",
                article_id=article.id,
                text=text,
                start=start,
                end=end,
                content_hash=hashlib.sha256(text.encode()).hexdigest()[:16],
            )
        )
        if j >= len(spans):
            break
        nxt = max(i + 1, j - OVERLAP_SENTENCES)
        # Overlap only when the next chunk can hold more than the repeated sentence; otherwise
        # it would be a strict subset of this one ([s1 s2] then [s2]).
        i = nxt if spans[j][1] - spans[nxt][0] <= max_chars else j
    return chunks
