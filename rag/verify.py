"""Support verifier: does this source text (one sentence or a few) state this answer to this question,
and does it answer this question at all?

One component for every place a claim is checked. No NLI or cross-encoder weights ship in any
registry here, so the embedded LLM judges: the prompt (`prompts/verify.j2`) asks a Yes/No question
and the verdict is P(Yes) read from the first token's logits, not generated text, so it is a
graded score a threshold can be calibrated on (`python -m bench.verifier`).

Two checks, same judge: `support` (the passage states the proposed answer) and `answers` (the
passage answers the question, whatever the proposed answer). The 1.5B judge accepts a true
sentence about a neighbouring fact ("obtenues par le Washington Post" as the company that supplied
the images, US sanctions as Seoul's reaction); asked about the question alone it mostly says No
(`python -m bench.answers_check`). Both prompts open with the same passage and question, so the
second check prefills only its last line.

Backends are picked by spec like the LLMs: `llamacpp:default` (own context, so the answering
model's KV cache is left alone), `ollama:MODEL`, `fake:overlap` (deterministic, for tests).
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable
from typing import Any, Protocol

from rag.errors import BackendError, ConfigError
from rag.prompt import render
from rag.settings import Settings

# The rules sit in the system message, which stays in the KV cache; the user message is only the
# passage, question and answer. Of six wordings tried on labelled pairs and on the answers the
# default model gives, this one separated right from wrong best; its first condition is what makes
# a true sentence that answers another question ("cinq voyages" for "combien de missiles ?") a No.
SYSTEM = (
    "You are a strict fact-checker. Given a passage, a question and a proposed answer, reply Yes only if "
    "both are true: (1) the proposed answer gives exactly what the question asks for, not a fact about "
    "something else; (2) the passage explicitly states it. Otherwise reply No (wrong or missing name, number, "
    "date, place or reason; answer to a different question; not stated in the passage)."
)

# P(Yes) at or above which a passage supports an answer; from bench/out/verifier-calibration.json
# (pairs from eval/qa.jsonl: right answers on their sentence vs swapped names, numbers, answers of
# other questions, and sentences of other articles). Chosen for few false "Yes": a wrong answer
# shown as proved is worse than a refusal.
THRESHOLDS = {"llamacpp:default": 0.65}
DEFAULT_THRESHOLD = 0.5
# P(Yes) for `answers`, from bench/out/answers-calibration.json (the answers the pipeline gave and
# quoted on eval/qa.jsonl and eval/qa_hard.jsonl, labelled right or wrong by the eval).
ANSWERS_THRESHOLDS = {"llamacpp:default": 0.6}
# P(Yes) for `value_for`, from bench/out/value-calibration.json (54 date and count answers over
# corpus3's sentences, half given for another verb than the question's, asked only where the verbs
# differ by stem): the mean of two wordings separates them better than either.
VALUE_THRESHOLDS = {"llamacpp:default": 0.76}


class Verifier(Protocol):
    """`support`: P(the premise states this answer to the question); `answers`: P(the premise answers
    the question at all). Both in [0, 1], accepted at `threshold` and `answers_threshold`."""

    spec: str
    threshold: float
    answers_threshold: float
    value_threshold: float

    def support(self, premise: str, question: str, answer: str) -> float: ...

    def answers(self, premise: str, question: str) -> float: ...

    def value_for(self, premise: str, question: str, value: str, phrase: str, verb: str) -> float: ...


def prompt(premise: str, question: str, answer: str | None = None) -> str:
    """The user message: `prompts/verify.j2`, or `prompts/answers.j2` without an answer."""
    if answer is None:
        return render("answers", premise=" ".join(premise.split()), question=question)
    return render("verify", premise=" ".join(premise.split()), question=question, answer=answer)


def value_prompts(premise: str, question: str, value: str, phrase: str, verb: str) -> list[str]:
    """The two wordings of `value_for` (`prompts/value_belongs.j2`, `prompts/value_means.j2`): is the
    verb phrase that holds the value in the premise ("séparé en 2003") what the question's verb
    ("reformés") asks about."""
    args = {"premise": " ".join(premise.split()), "question": question, "value": value, "phrase": phrase, "verb": verb}
    return [render("value_belongs", **args), render("value_means", **args)]


def _p_yes(yes: float, no: float) -> float:
    """Two-way softmax of the Yes and No logits."""
    return 1.0 / (1.0 + math.exp(no - yes))


class LlamaCppVerifier:
    """The embedded GGUF as judge, in a context of its own; one forward pass per check."""

    def __init__(self, name: str, settings: Settings) -> None:
        from rag.llm import load_gguf

        self.spec = f"llamacpp:{name}"
        self.threshold = THRESHOLDS.get(self.spec, DEFAULT_THRESHOLD)
        self.answers_threshold = ANSWERS_THRESHOLDS.get(self.spec, DEFAULT_THRESHOLD)
        self.value_threshold = VALUE_THRESHOLDS.get(self.spec, DEFAULT_THRESHOLD)
        self._llama = load_gguf(name, settings)
        self._lock = threading.Lock()
        self._yes = self._token_ids(["Yes", "yes"])
        self._no = self._token_ids(["No", "no"])

    def _token_ids(self, words: list[str]) -> list[int]:
        ids = {self._llama.tokenize(w.encode(), add_bos=False, special=False)[0] for w in words}
        return sorted(ids)

    def _chat(self, user: str) -> str:
        # ChatML is what the default model (Qwen2.5) was tuned on; other GGUFs bring their own template.
        template = self._llama.metadata.get("tokenizer.chat_template")
        if template and "im_start" not in template:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            fmt = Jinja2ChatFormatter(template, eos_token="", bos_token="", add_generation_prompt=True)
            msgs: Any = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
            return str(fmt(messages=msgs).prompt)
        return f"<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n"

    def support(self, premise: str, question: str, answer: str) -> float:
        return self._judge(prompt(premise, question, answer))

    def answers(self, premise: str, question: str) -> float:
        return self._judge(prompt(premise, question))

    def value_for(self, premise: str, question: str, value: str, phrase: str, verb: str) -> float:
        ps = [self._judge(u) for u in value_prompts(premise, question, value, phrase, verb)]
        return sum(ps) / len(ps)

    def _judge(self, user: str) -> float:
        text = self._chat(user)
        tokens = self._llama.tokenize(text.encode(), add_bos=False, special=True)  # templates carry their BOS
        with self._lock:
            llama = self._llama
            # Reuse the KV cache for the prefix shared with the previous check (the fixed rules).
            shared = 0
            for a, b in zip(llama.input_ids[: llama.n_tokens], tokens, strict=False):
                if a != b:
                    break
                shared += 1
            shared = min(shared, len(tokens) - 1)  # the last token must run to give logits
            llama.n_tokens = shared
            llama.eval(tokens[shared:])
            logits = llama._ctx.get_logits()  # last position only; `scores` needs logits_all
            yes = max(float(logits[i]) for i in self._yes)
            no = max(float(logits[i]) for i in self._no)
        return _p_yes(yes, no)


class OllamaVerifier:
    """An Ollama model as judge: P(Yes) from the first token's log-probabilities when the server
    returns them (Ollama >= 0.12), else 1.0 / 0.0 from the word it answers."""

    def __init__(self, model: str, settings: Settings) -> None:
        from rag.llm import OllamaLLM

        self._llm = OllamaLLM(model, settings)  # same host handling and preflight
        self.spec = f"ollama:{model}"
        self.threshold = THRESHOLDS.get(self.spec, DEFAULT_THRESHOLD)
        self.answers_threshold = ANSWERS_THRESHOLDS.get(self.spec, DEFAULT_THRESHOLD)
        self.value_threshold = VALUE_THRESHOLDS.get(self.spec, DEFAULT_THRESHOLD)

    def support(self, premise: str, question: str, answer: str) -> float:
        return self._judge(prompt(premise, question, answer))

    def answers(self, premise: str, question: str) -> float:
        return self._judge(prompt(premise, question))

    def value_for(self, premise: str, question: str, value: str, phrase: str, verb: str) -> float:
        ps = [self._judge(u) for u in value_prompts(premise, question, value, phrase, verb)]
        return sum(ps) / len(ps)

    def _judge(self, user: str) -> float:
        import httpx

        self._llm.preflight()
        body = {
            "model": self._llm.model,
            "messages": [
                {"role": "system", "content": SYSTEM},
                {"role": "user", "content": user},
            ],
            "stream": False,
            "logprobs": True,
            "top_logprobs": 10,
            "options": {"temperature": 0, "num_predict": 1},
        }
        try:
            resp = httpx.post(f"{self._llm.host.rstrip('/')}/api/chat", json=body, timeout=60)
            resp.raise_for_status()
            data = resp.json()
        except (httpx.HTTPError, ValueError) as e:
            raise BackendError(f"Ollama verifier request failed ({type(e).__name__}); check the server log") from None
        return _ollama_p_yes(data)


def _ollama_p_yes(data: dict[str, Any]) -> float:
    first = (data.get("logprobs") or [{}])[0]
    tops = {
        str(t.get("token", "")).strip().lower(): float(t.get("logprob", -99.0)) for t in first.get("top_logprobs", [])
    }
    if "yes" in tops or "no" in tops:
        return _p_yes(tops.get("yes", -99.0), tops.get("no", -99.0))
    word = str(data.get("message", {}).get("content", "")).strip().lower()
    return 1.0 if word.startswith("yes") else 0.0


_WORD = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]{3,}")


class FakeVerifier:
    """Deterministic judge for tests and the extractive baseline: the share of the answer's words
    (3+ letters, accents folded, or numbers) that the premise contains; a missing number scores 0.
    It cannot tell whether a passage answers a question, so `answers` says yes (overlap) or its mode."""

    def __init__(self, mode: str, settings: Settings | None = None) -> None:
        if mode not in ("overlap", "yes", "no"):
            raise ConfigError("Unknown fake verifier; use fake:overlap, fake:yes or fake:no")
        self.spec = f"fake:{mode}"
        self.threshold = 0.6
        self.answers_threshold = 0.5
        self.value_threshold = 0.5
        self.mode = mode

    def answers(self, premise: str, question: str) -> float:
        return float(self.mode != "no")

    def value_for(self, premise: str, question: str, value: str, phrase: str, verb: str) -> float:
        return float(self.mode != "no")

    def support(self, premise: str, question: str, answer: str) -> float:
        if self.mode != "overlap":
            return float(self.mode == "yes")
        from rag.ground import fold

        have = set(_WORD.findall(fold(premise)))
        words = _WORD.findall(fold(answer))
        if not words or any(w[0].isdigit() and w not in have for w in words):
            return 0.0
        return sum(w in have for w in words) / len(words)


VERIFIERS: dict[str, tuple[Callable[[str, Settings], Verifier], str]] = {
    "llamacpp": (LlamaCppVerifier, "default"),
    "ollama": (OllamaVerifier, "qwen2.5:7b"),
    "fake": (FakeVerifier, "overlap"),
}


def get_verifier(spec: str, settings: Settings) -> Verifier:
    """Build (once per process) the verifier named by `spec`; unknown specs list the valid ones."""
    from rag.llm import build_once

    verifier: Verifier = build_once("verifier", spec, VERIFIERS, settings)
    return verifier
