"""The support verifier: backends by spec, the fake's logic, and the real embedded judge."""

from __future__ import annotations

import json

import pytest

from rag.errors import ConfigError
from rag.settings import Settings
from rag.verify import FakeVerifier, get_verifier

from .conftest import ROOT

SHIPS_SENTENCE = (
    "Les images satellite montrent les deux navires, appelés Angara et Maria, chargés de marchandises au port "
    "nord-coréen de Rajin et déchargés à l’installation militaire russe de Dunai."
)


def test_specs_pick_backends_and_unknown_ones_list_the_valid() -> None:
    assert Settings(llm="llamacpp:default").verifier_spec == "llamacpp:default"
    assert Settings(llm="ollama:qwen2.5:7b").verifier_spec == "ollama:qwen2.5:7b"
    assert Settings(llm="fake:extractive").verifier_spec == "fake:overlap"
    assert Settings(llm="fake:extractive", verifier="fake:no").verifier_spec == "fake:no"
    with pytest.raises(ConfigError, match="llamacpp:default, ollama:qwen2.5:7b, fake:overlap"):
        get_verifier("nli:roberta", Settings())


def test_the_fake_verifier_wants_the_answers_words_and_every_number() -> None:
    v = FakeVerifier("overlap")
    assert v.support(SHIPS_SENTENCE, "Quels navires ?", "Angara et Maria") == 1.0
    assert v.support(SHIPS_SENTENCE, "Quels navires ?", "Sibir et Volga") < v.threshold
    assert v.support("Il y a eu cinq voyages depuis 2023.", "Combien ?", "cinq voyages en 2024") == 0.0


@pytest.fixture(scope="module")
def judge():  # noqa: ANN201
    return get_verifier("llamacpp:default", Settings.from_env())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "answer", "premise", "entailed"),
    [
        ("Comment s'appellent les deux navires ?", "Angara et Maria", SHIPS_SENTENCE, True),
        ("Comment s'appellent les deux navires ?", "Angara et Sibir", SHIPS_SENTENCE, False),
        ("Où les conteneurs ont-ils été déchargés ?", "À l'installation militaire de Dunai.", SHIPS_SENTENCE, True),
        ("How many containers were sent?", "1,000 containers", "La Corée du Nord a envoyé 1 000 conteneurs.", True),
        ("How many containers were sent?", "1,500 containers", "La Corée du Nord a envoyé 1 000 conteneurs.", False),
        ("Qui commandait le navire Angara ?", "Le capitaine Rajin.", SHIPS_SENTENCE, False),
    ],
)
def test_the_embedded_judge_separates_right_from_wrong(judge, question, answer, premise, entailed) -> None:
    p = judge.support(premise, question, answer)
    assert (p >= judge.threshold) == entailed, p


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Dans quel port les navires ont-ils été chargés ?", True),
        ("Comment s'appellent les deux navires ?", True),
        ("Qui a construit les deux navires ?", False),  # about the ships, but not said
        ("Combien de conteneurs ont été déchargés à Dunai ?", False),  # about the unloading, no count
        ("Which country condemned the unloading at Dunai?", False),
    ],
)
def test_the_judge_tells_a_passage_that_answers_from_one_on_the_topic(judge, question, answered) -> None:
    """The second check: whatever answer was proposed, does the passage answer this question?"""
    p = judge.answers(SHIPS_SENTENCE, question)
    assert (p >= judge.answers_threshold) == answered, p


FALSE_REFUSALS = [json.loads(line) for line in (ROOT / "eval" / "false_refusals.jsonl").read_text().splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("row", FALSE_REFUSALS, ids=lambda r: r["id"])
def test_correct_answers_are_accepted(real_bot, row) -> None:
    """The false-refusal suite: right answers in forms that rules used to refuse (English numbers over
    French text, "1,000", number words, negative facts, dates taken from the question)."""
    from rag.check import check

    hits = real_bot.search(row["question"], 5)
    verdict = check(
        row["question"], row["answer"], hits, [], real_bot.embedder, real_bot.verifier, real_bot.store.get_article
    )
    assert verdict.refusal is None, verdict.refusal
    assert any(a in verdict.citations[0].quote for a in row["quote_has"])
