"""Answer a question from retrieved passages, then prove the answer in code or refuse.

The model sees passages labelled [1]..[k] and returns JSON {answer, citations: [labels]}.
Code then looks for the sentence(s) that state the answer and asks the support verifier
(`rag.verify`) whether they do; only verified sentences are quoted, and an answer no quote
states is refused. Every refusal carries a code from REFUSAL_CODES.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pydantic import BaseModel, ValidationError

from rag import figures, ground, slots
from rag.chunk import sentences
from rag.embed import Embedder
from rag.errors import BackendError
from rag.focus import focus
from rag.lang import REFUSAL, detect
from rag.llm import LLM, Completion, OnToken
from rag.prompt import render
from rag.types import Answer, Citation, Hit
from rag.verify import Verifier

LANGUAGE_NAMES = {"fr": "French", "en": "English"}
MAX_ANSWER_CHARS = 400
# Best cosine of a retrieved sentence to the question under which nothing retrieved is about it.
# With usem, the eval's off-topic questions without a lexical match (weather, cake, Australia,
# "ignore all previous instructions") score 0.07-0.12; answerable ones, in French or English over
# French text, 0.22-0.64 on both corpora. Refusing here only saves the model call: above it the
# support verifier still decides.
EVIDENCE_MIN = 0.15
MAX_CHECKS = 4  # verifier calls for the first citation; each costs ~1 s on 2 cores
MAX_EXTRA = 1  # corroborating citations from other articles, each verified too

REFUSAL_CODES = {
    "invalid_question": "the question was rejected before retrieval",
    "nothing_retrieved": "the store returned no passage",
    "off_topic": "no retrieved passage is about the question",
    "model_no_answer": "the model found no answer in the passages",
    "no_citation": "the model cited no passage it was given",
    "echo": "the model's answer adds nothing to the question",
    "not_supported": "no quoted sentence states the answer (support verifier)",
    "off_question": "the quoted sentence states the answer but not what the question asks (support verifier)",
    "number_not_in_quote": "the answer gives a number its quote does not",
    "number_counts_other": "the answer's number counts something else in its quote",
    "name_not_in_quote": "the answer names what its quoted passage does not",
    "words_not_in_quote": "most of the answer's words are not in its quote (another predicate, same names)",
    "not_a_number": "the question asks for a quantity and the answer gives none",
    "counts_other_than_asked": "the question asks how many of one thing and the answer counts another",
    "subject_from_question": "the question asks who or which did it and the answer's subject is a name the question gives",
    "no_name_given": "the question asks what something is called and the answer names only places",
    "question_name_not_found": "the question names what the passages do not mention",
    "article_changed": "the cited article changed while answering",
}

# The model declining in its own words, about the passages ("les passages ne mentionnent pas …").
# Only sentences that talk about the passages/articles count: a true negative fact from an article
# ("Le Kremlin n'a donné aucune information") is an answer, and the verifier judges it.
_META_DECLINE = re.compile(
    r"\b(?:passages?|extraits?|articles?|textes?|documents?|context[e]?|sources?)\b[^.]{0,60}"
    r"\b(?:ne |n['’])?(?:mentionn|indiqu|précis|spécifi|fourni|donn|contien|mention|state|specif|provide|contain|say)"
    r"[^.]{0,40}\b(?:pas|aucun|not|no)\b|"
    r"\b(?:pas|aucune?|not|no)\b[^.]{0,40}\b(?:dans|in)\s+(?:les|the|ces|these)\s+"
    r"(?:passages?|extraits?|articles?|textes?|documents?)\b",
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


def on_topic(question: str, hits: Sequence[Hit], embedder: Embedder) -> bool:
    """Some retrieved sentence is about the question, or the lexical index put its words first.

    Sentences, not passages: a passage's cosine to the question falls as the passage grows (for
    "What kind of goods were stored in the warehouse?" over the French corpus2 the best passage
    scored 0.145, its best sentence 0.217), so a gate on passages depends on the chunking and hits
    cross-language questions hardest, since they get no lexical help.
    """
    if any(h.lexical_rank for h in hits[:1]):
        return True
    spans = [h.chunk.text[s:e] for h in hits for s, e in sentences(h.chunk.text)]
    if not spans:
        return False
    sims = embedder.embed(spans, "passage") @ embedder.embed([question], "query")[0]
    return float(sims.max()) >= EVIDENCE_MIN


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
    verifier: Verifier,
    language: str,
    on_token: OnToken | None = None,
    focus_sentences: int = 0,
) -> Answer:
    """Ask `llm` over `hits` and return an Answer whose every citation the verifier found to state it."""
    t0 = time.perf_counter()
    draft: str | None = None
    timings: dict[str, float] = {}
    usage: dict[str, int] = {}

    def refuse(code: str, detail: str = "") -> Answer:
        reason = REFUSAL_CODES[code] + (f": {detail}" if detail else "")
        return Answer(question, REFUSAL[language], True, (), tuple(hits), language, timings, usage, reason, draft, code)

    if not on_topic(question, hits, embedder):
        return refuse("off_topic")
    # A name the question asks about that no retrieved passage mentions (China's ministry, a Kremlin
    # spokesman): whatever the model writes, no passage can be about it.
    absent = ground.absent_question_names(question, [h.chunk.text for h in hits], embedder)
    if absent:
        return refuse("question_name_not_found", ", ".join(absent))
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
    timings["generate_s"] = time.perf_counter() - t0
    usage.update(
        {
            k: v
            for k, v in (
                ("prompt_tokens", completion.prompt_tokens),
                ("completion_tokens", completion.completion_tokens),
                ("cached_tokens", completion.cached_tokens),
            )
            if v is not None
        }
    )
    text = draft = strip_labels(parsed.answer)
    labels = [n for n in dict.fromkeys(parsed.citations) if 1 <= n <= len(hits)]
    if not text or _META_DECLINE.search(text):
        return refuse("model_no_answer")
    if ground.echoes_question(question, text, embedder):
        return refuse("echo", "the answer only restates the question")
    if slots.wants_number(question) and not figures.numbers(text):
        return refuse("not_a_number")
    why = slots.counts_other(question, text, embedder)
    if why:
        return refuse("counts_other_than_asked", why)
    why = slots.subject_from_question(question, text)
    if why:
        return refuse("subject_from_question", why)
    why = slots.names_nothing(question, text)
    if why:
        return refuse("no_name_given", why)
    if not labels:
        return refuse("no_citation")
    t1 = time.perf_counter()
    verdict = check(question, text, hits, [hits[n - 1].chunk.id for n in labels], embedder, verifier)
    timings["check_s"] = time.perf_counter() - t1
    usage["verifier_calls"] = verdict.calls
    if verdict.refusal:
        return refuse(*verdict.refusal)
    return Answer(question, text, False, verdict.citations, tuple(hits), language, timings, usage, None)


@dataclass(frozen=True)
class Verdict:
    """What `check` decided: the citations to show, or a (refusal code, detail); verifier calls made."""

    citations: tuple[Citation, ...]
    refusal: tuple[str, str] | None
    calls: int


def check(
    question: str, text: str, hits: Sequence[Hit], cited: Sequence[str], embedder: Embedder, verifier: Verifier
) -> Verdict:
    """Find sentences that state the answer, verified one by one; the model's labels only order them.

    Candidates are each passage's sentence that best matches question + answer, cited passages
    first. A candidate is tried alone, then with the sentence before it (a pronoun's antecedent:
    "Elles représentent plus de 1 000 conteneurs …"). The first quote the verifier accepts, in
    which the answer's numbers and names stand, and that the verifier finds answers the question
    itself (not a true sentence about a neighbouring fact) becomes the citation; a quote that fails
    the code checks sends the search on to the next passage. One more passage from another article
    that passes the same checks is shown as corroboration.
    """
    ranked = ground.supports(question, text, hits, embedder)
    order = sorted(ranked[:4], key=lambda s: (s.hit.chunk.id not in cited, -s.score))
    calls = checks = extra = 0  # checks: support calls, the costly ones (MAX_CHECKS)
    best = 0.0
    failed: tuple[str, str] | None = None
    accepted: list[tuple[ground.Support, float]] = []

    def codes_fail(quote: ground.Support) -> tuple[str, str] | None:
        """Code checks on a quote the verifier accepted: its numbers, the names the answer adds and
        most of its words must stand in it, and what the question names must be in its article's
        retrieved passages ("Qui dirige le RUSI ?" is not answered by an article that never
        mentions the RUSI)."""
        invented = figures.ungrounded_numbers(text, [quote.text], question)
        if invented:
            return "number_not_in_quote", ", ".join(invented)
        other = figures.miscounted(text, quote.text, embedder)
        if other:
            return "number_counts_other", "; ".join(other)
        # Names the answer repeats from the question ("the White House", "le ministère … de la
        # Défense") are the question's premise, checked against the article just below.
        names = ground.unknown_names(text, [quote.hit.chunk.text, question], embedder)
        if names:
            return "name_not_in_quote", ", ".join(names)
        # Word by word only within one language: across languages single words match poorly
        # ("short-time work" / "chômage technique").
        if detect(question) == detect(quote.text):  # the answer is in the question's language
            missing, total = ground.words_not_in(text, quote.text, embedder)
            if total and len(missing) > (1 - ground.MIN_WORDS_IN_QUOTE) * total:
                return "words_not_in_quote", ", ".join(missing)
        article = [h.chunk.text for h in hits if h.chunk.article_id == quote.hit.chunk.article_id]
        names = ground.absent_question_names(question, article, embedder)
        return ("question_name_not_found", ", ".join(names)) if names else None

    def off_question(quote: ground.Support) -> tuple[str, str] | None:
        """The second judge call, on a quote that passed the others; it shares the first call's
        prompt up to the question, so it costs a line of prefill."""
        nonlocal calls
        calls += 1
        a = verifier.answers(quote.text, question)
        if a >= verifier.answers_threshold:
            return None
        return "off_question", f"P(answers the question) {a:.2f} < {verifier.answers_threshold}"

    for sup in order:
        if not accepted:
            for quote in ground.widen(sup):
                if checks >= MAX_CHECKS:
                    break
                checks += 1
                calls += 1
                p = verifier.support(quote.text, question, text)
                best = max(best, p)
                if p < verifier.threshold:
                    continue
                # The refusal reports the first failure: that of the best candidate, the model's own
                # passage first (a later article lacking the question's name says less about why).
                why = codes_fail(quote)
                if why:
                    failed = failed or why
                    break  # a wider quote would not change the code checks
                why = off_question(quote)
                if why is None:
                    accepted.append((quote, p))
                    break
                failed = failed or why  # the sentence before may be what makes it answer ("Elles représentent …")
        elif (
            extra < MAX_EXTRA
            and sup.hit.chunk.id in cited
            and sup.hit.chunk.article_id not in {a.hit.chunk.article_id for a, _ in accepted}
        ):
            extra += 1
            calls += 1
            p = verifier.support(sup.text, question, text)
            if p >= verifier.threshold and codes_fail(sup) is None and off_question(sup) is None:
                accepted.append((sup, p))
    if not accepted:
        if failed:
            return Verdict((), failed, calls)
        detail = f"best P(yes) {best:.2f} < {verifier.threshold} over {checks} checked quote(s)"
        return Verdict((), ("not_supported", detail), calls)
    return Verdict(tuple(replace(sup.citation(), support=round(p, 3)) for sup, p in accepted), None, calls)
