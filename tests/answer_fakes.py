"""Honest fakes for the answering stage's tests: a scripted LLM and a rule-driven, recording judge."""

from rag.llm import Completion
from rag.verify import FakeVerifier

OVERLAP = FakeVerifier("overlap")


class Recording:
    """A verifier that answers from a rule and records every (premise, question, answer) it judged."""

    spec = "recording"
    threshold = 0.5
    answers_threshold = 0.5
    value_threshold = 0.5

    def value_for(self, premise: str, question: str, value: str, phrase: str, verb: str) -> float:
        return 1.0  # the date and count check has its own tests (test_values)

    def __init__(self, rule, answers=lambda premise: True) -> None:  # noqa: ANN001
        self.rule = rule
        self.answers_rule = answers
        self.calls: list[tuple[str, str, str]] = []
        self.asked: list[tuple[str, str]] = []

    def support(self, premise: str, question: str, answer: str) -> float:
        self.calls.append((premise, question, answer))
        return float(self.rule(premise, answer))

    def answers(self, premise: str, question: str) -> float:
        self.asked.append((premise, question))
        return float(self.answers_rule(premise))


class Scripted:
    """Returns the given outputs in turn and records the prompts it saw."""

    spec = "scripted"

    def __init__(self, *outputs: str) -> None:
        self.outputs = list(outputs)
        self.prompts: list[str] = []

    def complete(self, messages, schema, on_token=None) -> Completion:  # noqa: ANN001
        self.prompts.append(messages[-1]["content"])
        out = self.outputs.pop(0)
        if on_token:
            on_token(out)
        return Completion(out, 100, 10)


def label_of(hits, word: str) -> int:  # noqa: ANN001
    return next(i for i, h in enumerate(hits, 1) if word in h.chunk.text)
