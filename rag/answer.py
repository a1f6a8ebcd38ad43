"""Answer a question from retrieved passages, then prove the answer in code or refuse.

The model sees passages labelled [1]..[k] and returns JSON {answer, citations: [labels]}.
Code then looks for the sentence(s) that state the answer and asks the support verifier
(`rag.verify`) whether they do; only verified sentences are quoted, and an answer no quote
states is refused. Every refusal carries a code from `rag.refusals.REFUSAL_CODES`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence

from pydantic import BaseModel, ValidationError

from rag import answer_values, figures, ground, hedge, kinds, naming, roles, slots
from rag.check import Verdict, check
from rag.chunk import sentences
from rag.embed import Embedder
from rag.errors import BackendError
from rag.focus import focus
from rag.lang import REFUSAL
from rag.llm import LLM, Completion, OnToken
from rag.names import absent_question_names
from rag.prompt import render
from rag.refusals import REFUSAL_CODES
from rag.types import Answer, Article, Hit
from rag.verify import Verifier

LANGUAGE_NAMES = {"fr": "French", "en": "English"}
MAX_ANSWER_CHARS = 400
# Best cosine of a retrieved sentence to the question under which nothing retrieved is about it.
# With usem, the eval's off-topic questions without a lexical match (weather, cake, Australia,
# "ignore all previous instructions") score 0.07-0.12; answerable ones, in French or English over
# French text, 0.22-0.64 on both corpora. Refusing here only saves the model call: above it the
# support verifier still decides.
EVIDENCE_MIN = 0.15
# Passages added for the second draft when no quote proves the first. Retrieval's answer-bearing
# recall over the eval sets (`python -m bench.retrieval_depth`, 180 answerable questions, three
# corpora) is 149 at 5 passages, 159 at 8, 161 at 10, 160 at 5 + `Retriever.widen`'s 3: a sentence
# whose passage's other sentences pull its vector away ranks 6th-8th.
MORE_PASSAGES = 3
# First drafts that claim nothing: the second draft is then the only claim the checks judge.
_NO_CLAIM = {"model_no_answer", "echo"}

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


# A year after a word of time ("dans les années 1990", "en 2008", "since 1974").
_DATED = re.compile(
    r"\b(?:en|in|depuis|since|années|years|avant|après|before|after|until|jusqu['’]en|from|de)\s+(1[5-9]\d\d|20\d\d)s?\b",
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


def _complete(
    llm: LLM, msgs: list[dict[str, str]], k: int, on_token: OnToken | None, usage: dict[str, int]
) -> ModelAnswer:
    """The model's JSON draft (asked again once when it does not parse); token counts into `usage`."""
    completion = llm.complete(msgs, schema(k), on_token)
    parsed = _parse(completion)
    if parsed is None:  # truncation and stray text are usually transient
        completion = llm.complete(msgs, schema(k), None)
        parsed = _parse(completion)
    if parsed is None:
        raise BackendError(
            f"The LLM ({llm.spec}) returned malformed JSON twice: {completion.text[:80]!r}. "
            "Retry, or use another model with --llm."
        )
    for key, v in (
        ("prompt_tokens", completion.prompt_tokens),
        ("completion_tokens", completion.completion_tokens),
        ("cached_tokens", completion.cached_tokens),
    ):
        if v is not None:
            usage[key] = usage.get(key, 0) + v
    return parsed


def _vet(
    question: str,
    text: str,
    cited: Sequence[int],
    hits: Sequence[Hit],
    embedder: Embedder,
    verifier: Verifier,
    article_of: Callable[[str], Article | None] | None = None,
) -> Verdict:
    """The draft's checks: its kind against the question's, then its proof (`check`)."""
    labels = [n for n in dict.fromkeys(cited) if 1 <= n <= len(hits)]

    def fail(code: str, detail: str = "") -> Verdict:
        return Verdict((), (code, detail), 0)

    if not text or _META_DECLINE.search(text):
        return fail("model_no_answer")
    if ground.echoes_question(question, text, embedder):
        return fail("echo", "the answer only restates the question")
    # A year is a date, not the count asked for: "Combien de fûts ont été enterrés ?" → "Des fûts ont été
    # enterrés … dans les années 1990" gives no count.
    dated = {float(y) for y in _DATED.findall(text)}
    if slots.wants_number(question) and not figures.numbers(text) - dated:
        return fail("not_a_number")
    for code, why in (
        ("counts_other_than_asked", slots.counts_other(question, text, embedder)),
        ("subject_from_question", slots.subject_from_question(question, text)),
        ("other_end", slots.other_end(question, text)),
        ("no_name_given", naming.nobody_named(question, text)),
        ("no_name_given", naming.names_nothing(question, text)),
        ("no_name_given", naming.doer_from_question(question, text)),
        ("no_name_given", naming.which_unnamed(question, text)),
        ("other_office", kinds.other_office(question, text)),
        # "Quand … a-t-elle levé l'interdiction ?" → "… avait sanctionné le club en juin …": another action's date
        ("value_other_action", answer_values.answer_other_action(question, text)),
        # The question's direction turned around: "How many containers did Russia send to North
        # Korea?" answered "… sent from North Korea to Russia" is true, but not what was asked.
        ("roles_reversed", roles.reversed_roles(question, text)),
        ("yes_to_another", hedge.yes_to_another(question, text)),
    ):
        if why:
            return fail(code, why)
    if not labels:
        return fail("no_citation")
    return check(question, text, hits, [hits[n - 1].chunk.id for n in labels], embedder, verifier, article_of)


def answer(
    question: str,
    hits: Sequence[Hit],
    llm: LLM,
    embedder: Embedder,
    verifier: Verifier,
    language: str,
    on_token: OnToken | None = None,
    focus_sentences: int = 0,
    more: Sequence[Hit] | Callable[[], Sequence[Hit]] = (),
    article_of: Callable[[str], Article | None] | None = None,
) -> Answer:
    """Ask `llm` over `hits` and return an Answer whose every citation the verifier found to state it.

    When no quote proves the draft, the model is asked once more over `hits` and `more` (the
    passages ranked next, or a function that retrieves them): the answer's sentence is often in a
    passage ranked 6th-8th, and the first passages are the same, so llama.cpp prefills only the
    added ones. `article_of` gives a stored article (a quote's "elle" may stand for the subject
    its title names; a name the question gives may be in the quote's paragraph).
    """
    draft: str | None = None
    timings: dict[str, float] = {}
    usage: dict[str, int] = {}
    used = list(hits)

    def refuse(code: str, detail: str = "") -> Answer:
        reason = REFUSAL_CODES[code] + (f": {detail}" if detail else "")
        return Answer(question, REFUSAL[language], True, (), tuple(used), language, timings, usage, reason, draft, code)

    if not on_topic(question, hits, embedder):
        return refuse("off_topic")
    # A name the question asks about that no retrieved passage mentions (China's ministry, a Kremlin
    # spokesman): whatever the model writes, no passage can be about it.
    absent = absent_question_names(question, [h.chunk.text for h in hits], embedder)
    if absent:
        return refuse("question_name_not_found", ", ".join(absent))

    def attempt(passages: list[Hit], stream: OnToken | None) -> tuple[str, Verdict]:
        t1 = time.perf_counter()
        msgs = messages(question, focus(question, passages, embedder, focus_sentences), language)
        parsed = _complete(llm, msgs, len(passages), stream, usage)
        timings["generate_s"] = timings.get("generate_s", 0.0) + time.perf_counter() - t1
        text = strip_labels(parsed.answer)
        t2 = time.perf_counter()
        verdict = _vet(question, text, parsed.citations, passages, embedder, verifier, article_of)
        timings["check_s"] = timings.get("check_s", 0.0) + time.perf_counter() - t2
        usage["verifier_calls"] = usage.get("verifier_calls", 0) + verdict.calls
        usage["drafts"] = usage.get("drafts", 0) + 1
        return text, verdict

    draft, verdict = attempt(used, on_token)
    if not verdict.refusal:
        return Answer(question, draft, False, verdict.citations, tuple(used), language, timings, usage, None)
    extra = list(more() if callable(more) else more)  # retrieved only now: most answers never need it
    if extra:
        used = [*hits, *extra]
        # Not streamed: the first draft's text was shown as it came.
        second, proof = attempt(used, None)
        # Shown only on the evidence it was asked for: a quote from an added passage. Proved from
        # the first passages alone, it is a re-roll of a draft the checks refused, and two tries at
        # the gate let a wrong one through (held-out corpus3: "2003" for when a band re-formed, over
        # "formé à Brest en 1988"; a cyclist's top-20 finishes as his stage wins).
        # A first draft that made no claim (it declined, or restated the question) put nothing to the
        # gate: the second is its first claim, and may be proved from any passage.
        added = {h.chunk.id for h in extra}
        claimed = verdict.refusal[0] not in _NO_CLAIM
        if not proof.refusal and (not claimed or any(c.chunk_id in added for c in proof.citations)):
            return Answer(question, second, False, proof.citations, tuple(used), language, timings, usage, None)
    return refuse(*verdict.refusal)  # the first draft's refusal stands
