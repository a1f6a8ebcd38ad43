"""Answer a question from retrieved passages, then check every citation in code.

The model sees passages labelled [1]..[k] and returns JSON {answer, citations: [labels]}.
Code maps labels to chunks (labels that were not offered are dropped), picks the sentence of
each cited chunk that best supports the answer as the quote, and decides refusal: no valid
citation, an empty or "not stated" answer, or an answer its quotes do not support.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

from pydantic import BaseModel, ValidationError

from rag import ground
from rag.embed import Embedder
from rag.errors import BackendError
from rag.focus import focus
from rag.lang import REFUSAL
from rag.llm import LLM, Completion, OnToken
from rag.prompt import render
from rag.types import Answer, Hit

LANGUAGE_NAMES = {"fr": "French", "en": "English"}
MAX_ANSWER_CHARS = 400
EVIDENCE_MIN = 0.20  # best dense similarity below which nothing retrieved is about the question
SUPPORT_MIN = 0.30  # answer/quote similarity below which the answer is not grounded

# The model saying, in its own words, that the passages lack the answer.
NOT_STATED = re.compile(
    r"(?:pas (?:d[e'’] ?)?information|n['’]est pas (?:mentionn|indiqu|précis|spécifi|fourni)|"
    r"ne (?:mentionne|précise|indique|fournit|contient|donne) pas|aucune? (?:information|mention|passage)|"
    r"(?:not|never) (?:mentioned|stated|specified|provided|given|found)|no information|"
    r"(?:do|does) not (?:mention|state|specify|say|contain|provide))",
    re.IGNORECASE,
)


# Questions that ask for something other than a factual answer from the articles. Checked
# before the model runs, because a small model follows such requests.
OFF_TASK = re.compile(
    r"(?:\b(?:écris|écrivez|rédige|rédigez|compose|génère|write|compose|generate|draft|create)\b[^.?!]{0,40}"
    r"\b(?:article|essai|poème|poem|essay|story|histoire|blog|post|\d+\s*(?:mots|words))\b|"
    r"\bseo\b|sans (?:utiliser|tenir compte d)[^.?!]{0,15}\barticles\b|without (?:using )?the articles|"
    r"(?:tes|vos|your) (?:propres )?(?:connaissances|own knowledge)|"
    r"(?:ignore|oublie|oubliez|ignorez|disregard|forget)\b[^.?!]{0,30}\b(?:instructions?|consignes|règles|rules|articles|prompt))",
    re.IGNORECASE,
)
# "according to passage 2", "(passage 3)", "[1]": the model's labels mean nothing to a reader.
_LABEL_MENTION = re.compile(
    r"\s*(?:\((?:passages?|extraits?)\s*[\d, et&and]+\)|\[\d+(?:,\s*\d+)*\]|"
    r",?\s*(?:according to|selon|d['’]après|as stated in|comme indiqué dans)\s+(?:the\s+|le\s+|l['’])?"
    r"(?:passages?|extraits?)\s*[\d, et&and]+)",
    re.IGNORECASE,
)


def strip_labels(text: str) -> str:
    """'Knevichi, according to passage 2.' -> 'Knevichi.'"""
    return re.sub(r"\s+([.,;])", r"\1", _LABEL_MENTION.sub("", text)).strip()


class ModelAnswer(BaseModel):
    """The JSON the model must return."""

    answer: str
    citations: list[int]


def schema(k: int) -> dict[str, object]:
    """JSON schema with citation labels restricted to the k offered passages."""
    return {
        "type": "object",
        "properties": {
            # Bounded so the JSON always closes: a 700-word "article" cannot fit.
            "answer": {"type": "string", "maxLength": MAX_ANSWER_CHARS},
            "citations": {
                "type": "array",
                "items": {"type": "integer", "enum": list(range(1, k + 1))},
                "maxItems": ground.MAX_CITATIONS,
            },
        },
        "required": ["answer", "citations"],
    }


def messages(question: str, texts: Sequence[str], language: str) -> list[dict[str, str]]:
    """System rules + passages as data + the question."""
    passages = [{"label": i, "text": " ".join(t.split())} for i, t in enumerate(texts, 1)]
    return [
        # Same-language questions share the whole system message, so llama.cpp reuses its KV cache
        # (prefix match) and prefills only the passages and the question.
        {"role": "system", "content": render("system", language_name=LANGUAGE_NAMES[language])},
        {"role": "user", "content": render("user", passages=passages, question=question)},
    ]


def _parse(c: Completion) -> ModelAnswer | None:
    try:
        return ModelAnswer.model_validate_json(c.text)
    except ValidationError:
        return None


def answer(
    question: str,
    hits: Sequence[Hit],
    llm: LLM,
    embedder: Embedder,
    language: str,
    on_token: OnToken | None = None,
    focus_sentences: int = 0,
) -> Answer:
    """Ask `llm` over `hits` and return an Answer whose citations code has checked."""
    t0 = time.perf_counter()

    draft: str | None = None

    def refuse(reason: str, timings: dict[str, float], usage: dict[str, int]) -> Answer:
        return Answer(question, REFUSAL[language], True, (), tuple(hits), language, timings, usage, reason, draft)

    if OFF_TASK.search(question):
        return refuse("the question asks for something other than an answer from the articles", {}, {})
    if max((h.similarity or 0.0) for h in hits) < EVIDENCE_MIN and not any(h.lexical_rank for h in hits[:1]):
        return refuse("no retrieved passage is about the question", {}, {})
    msgs = messages(question, focus(question, hits, embedder, focus_sentences), language)
    completion = llm.complete(msgs, schema(len(hits)), on_token)
    parsed = _parse(completion)
    if parsed is None:  # one retry: truncation and stray text are usually transient
        completion = llm.complete(msgs, schema(len(hits)), None)
        parsed = _parse(completion)
    if parsed is None:
        raise BackendError(
            f"The LLM ({llm.spec}) returned malformed JSON twice: {completion.text[:80]!r}. "
            "Retry, or use another model with --llm."
        )
    timings = {"generate_s": time.perf_counter() - t0}
    usage = {
        k: v
        for k, v in (
            ("prompt_tokens", completion.prompt_tokens),
            ("completion_tokens", completion.completion_tokens),
            ("cached_tokens", completion.cached_tokens),
        )
        if v is not None
    }
    text = draft = strip_labels(parsed.answer)
    labels = [n for n in dict.fromkeys(parsed.citations) if 1 <= n <= len(hits)]
    if not text:
        return refuse("the model found no answer in the passages", timings, usage)
    if NOT_STATED.search(text):
        return refuse("the model said the passages do not state it", timings, usage)
    if not labels:
        return refuse("no valid citation", timings, usage)
    ranked = ground.supports(question, text, hits, embedder)
    chosen = ground.select(ranked, [hits[n - 1].chunk.id for n in labels])
    timings["check_s"] = time.perf_counter() - t0 - timings["generate_s"]
    if not chosen or chosen[0].score < SUPPORT_MIN:
        return refuse("the retrieved passages do not support the answer", timings, usage)
    # Numbers must stand in the quoted sentences themselves, not merely somewhere in the chunk.
    invented = ground.ungrounded_numbers(text, [s.hit.chunk.text[s.start : s.end] for s in chosen])
    if invented:
        return refuse(f"the answer has numbers no cited passage gives: {', '.join(invented)}", timings, usage)
    if ground.money_missing(question, text):
        return refuse("the question asks for an amount of money; the passages give none", timings, usage)
    names = ground.unknown_names(text, [s.hit.chunk.text for s in chosen], embedder)
    if names:
        return refuse(f"the answer names what no cited passage does: {', '.join(names)}", timings, usage)
    role = ground.role_missing(question, [s.hit.chunk.text for s in chosen], embedder)
    if role:
        return refuse(f"the question asks about a {role}; no cited passage mentions one", timings, usage)
    mismatch = ground.count_mismatch(question, text, embedder)
    if mismatch:
        return refuse(mismatch, timings, usage)
    citations = tuple(s.citation() for s in chosen)
    return Answer(question, text, False, citations, tuple(hits), language, timings, usage, None)
