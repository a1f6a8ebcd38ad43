"""What the model reads and how often it is asked: focused passages, and the second draft over the
passages ranked next when no quote proves the first."""

import json

from rag.answer import answer
from rag.embed import get_embedder

from .answer_fakes import OVERLAP, Scripted, label_of


def test_focus_keeps_the_sentences_nearest_the_question_in_order() -> None:
    from rag.focus import GAP, focus
    from rag.types import Chunk, Hit

    text = (
        "Le port de Rajin est situé en Corée du Nord. Il fait beau ce mardi matin. "
        "Les deux navires s'appellent Angara et Maria. La météo annonce de la pluie."
    )
    hit = Hit(Chunk("a#0", "a", text, 0, len(text), "h"), 1.0)
    short = Hit(Chunk("b#0", "b", "Une seule phrase.", 0, 17, "h"), 1.0)
    emb = get_embedder("usem:multilingual-v3")
    got = focus("Comment s'appellent les navires du port de Rajin ?", [hit, short], emb, keep=2)
    assert (
        got[0] == "Le port de Rajin est situé en Corée du Nord." + GAP + "Les deux navires s'appellent Angara et Maria."
    )
    assert got[1] == "Une seule phrase."  # passages already that short are left alone
    assert focus("x", [hit], emb, keep=0) == [text]


def test_the_model_reads_focused_passages_but_quotes_come_from_the_whole_chunk(fake_bot) -> None:
    q = "Comment s'appellent les navires Angara et Maria ?"
    hits = fake_bot.search(q, 5)
    n = label_of(hits, "Angara")
    out = json.dumps({"answer": "Angara et Maria, chargés à Rajin.", "citations": [n]})
    whole, llm = Scripted(out), Scripted(out)
    answer(q, hits, whole, fake_bot.embedder, OVERLAP, "fr")
    a = answer(q, hits, llm, fake_bot.embedder, OVERLAP, "fr", focus_sentences=1)
    assert len(llm.prompts[0]) < 0.7 * len(whole.prompts[0])
    assert "Angara" in llm.prompts[0]
    assert not a.refused and "Angara" in a.citations[0].quote
    assert a.citations[0].quote in hits[n - 1].chunk.text


def test_an_unproved_draft_is_asked_again_over_the_passages_ranked_next(fake_bot) -> None:
    """The answer's passage ranked 6th-8th: the first draft (over 5) is refused, the second (over
    the same 5 and the next 3) is proved and shown, citing the added passage by its label."""
    q = "Comment s'appellent les deux cargos ?"
    # The ships' passage after five others, as retrieval sometimes ranks it.
    hits = [h for h in fake_bot.search("Kirby sanctions Corée", 8) if "Angara" not in h.chunk.text][:5]
    more = fake_bot.search("Angara Maria", 1)
    first = json.dumps({"answer": "Les cargos s'appellent Ivan et Boris.", "citations": [1]})
    second = json.dumps({"answer": "Angara et Maria, chargés à Rajin.", "citations": [6]})
    llm = Scripted(first, second)
    streamed: list[str] = []
    a = answer(q, hits, llm, fake_bot.embedder, OVERLAP, "fr", streamed.append, more=more)
    assert len(llm.prompts) == 2 and "Angara" not in llm.prompts[0] and "Angara" in llm.prompts[1]
    assert llm.prompts[1].startswith(llm.prompts[0].split("QUESTION")[0].rstrip())  # same first passages
    assert streamed == [first]  # only the first draft streams
    assert not a.refused and a.usage["drafts"] == 2 and len(a.passages) == 6
    assert "Angara" in a.citations[0].quote and a.citations[0].article_id == more[0].chunk.article_id
    # A proved first draft is shown without a second call; with no passage more, one refusal.
    llm = Scripted(second.replace("[6]", "[1]"), second)
    assert not answer(q, more + hits[:4], llm, fake_bot.embedder, OVERLAP, "fr", more=hits[4:]).refused
    assert len(llm.prompts) == 1
    llm = Scripted(first)
    refused = answer(q, hits, llm, fake_bot.embedder, OVERLAP, "fr")
    assert refused.refused and refused.usage["drafts"] == 1 and len(llm.prompts) == 1


def test_a_second_draft_proved_only_by_the_first_passages_is_not_shown(fake_bot) -> None:
    """A re-roll over evidence the first draft already had is no new evidence: the first refusal
    stands (two tries at the checks let a wrong draft through on a held-out corpus)."""
    q = "Comment s'appellent les deux cargos ?"
    ships = fake_bot.search("Angara Maria", 1)
    others = [h for h in fake_bot.search("Kirby sanctions Corée", 8) if "Angara" not in h.chunk.text]
    first = json.dumps({"answer": "Les cargos s'appellent Ivan et Boris.", "citations": [1]})
    second = json.dumps({"answer": "Angara et Maria, chargés à Rajin.", "citations": [1]})
    llm = Scripted(first, second)
    a = answer(q, ships + others[:4], llm, fake_bot.embedder, OVERLAP, "fr", more=others[4:7])
    assert len(llm.prompts) == 2 and a.refused and a.usage["drafts"] == 2
    assert a.draft == "Les cargos s'appellent Ivan et Boris."
    alone = answer(q, ships + others[:4], Scripted(first), fake_bot.embedder, OVERLAP, "fr")
    assert a.refusal_code == alone.refusal_code and alone.refused
    # A first draft that claimed nothing (it declined) put nothing to the checks: the second is shown.
    declined = json.dumps({"answer": "Les passages ne mentionnent pas les noms des cargos.", "citations": []})
    llm = Scripted(declined, second)
    a = answer(q, ships + others[:4], llm, fake_bot.embedder, OVERLAP, "fr", more=others[4:7])
    assert len(llm.prompts) == 2 and not a.refused and "Angara" in a.text and a.usage["drafts"] == 2
