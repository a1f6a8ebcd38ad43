from rag.embed import get_embedder
from rag.ground import count_mismatch, money_missing, role_missing, select, supports, ungrounded_numbers, unknown_names
from rag.types import Chunk, Hit

USE = "usem:multilingual-v3"


def hit(cid: str, text: str) -> Hit:
    return Hit(Chunk(cid, cid.split("#")[0], text, 100, 100 + len(text), "h"), 1.0)


def test_support_picks_the_sentence_and_drops_unsupported_labels() -> None:
    ships = hit("A#0", "Il y a eu cinq voyages. Les navires, appelés Angara et Maria, ont été chargés à Rajin.")
    other = hit("B#0", "Kirby a condamné la RPDC. Les sanctions ont été renforcées.")
    ranked = supports("Comment s'appellent les navires ?", "Angara et Maria", [other, ships], get_embedder(USE))
    assert ranked[0].hit is ships
    chosen = select(ranked, ["B#0", "A#0"])  # the model also cited B: it does not support the answer
    assert [s.hit.chunk.id for s in chosen] == ["A#0"]
    c = chosen[0].citation()
    assert c.quote == "Les navires, appelés Angara et Maria, ont été chargés à Rajin."
    assert c.start == 100 + ships.chunk.text.index("Les navires") and c.end == c.start + len(c.quote)


def test_invented_numbers_are_found() -> None:
    ev = ["plus de 1 000 conteneurs entre le 7 septembre et le 1er octobre"]
    assert ungrounded_numbers("1 000 conteneurs", ev) == []
    assert ungrounded_numbers("entre le 16 et le 20 octobre 2021", ev) == ["16", "20", "2021"]
    assert ungrounded_numbers("about $1.5 billion", ev) == ["1.5", "billion"]


def test_answer_types() -> None:
    e = get_embedder(USE)
    assert "conteneurs" in count_mismatch("Combien de soldats ont été envoyés ?", "1 000 conteneurs d'armes", e)
    assert "no number" in count_mismatch("Combien de missiles ?", "La Russie a livré des missiles.", e)
    assert count_mismatch("Combien de voyages ?", "Cinq voyages.", e) is None
    assert count_mismatch("Combien de conteneurs ?", "plus de 1 000 conteneurs", e) is None
    assert count_mismatch("How many containers?", "1 000 conteneurs", e) is None
    assert money_missing("Quel est le montant en dollars de l'accord ?", "1 000 conteneurs")
    assert not money_missing("How much did it cost?", "$1.5 billion")
    assert not money_missing("Quels navires ?", "Angara et Maria")


def test_names_absent_from_the_passages() -> None:
    e = get_embedder(USE)
    ev = ["La visite du ministre russe de la Défense Sergueï Choïgou à Pyongyang, selon le ministère britannique."]
    assert unknown_names("Sergei Shoigu visited Pyongyang.", ev, e) == []
    assert unknown_names("The British Ministry of Defence.", ev, e) == []
    assert unknown_names("China's foreign ministry visited Pyongyang.", ev, e) == ["China"]


def test_a_named_role_must_appear_in_the_passages() -> None:
    e = get_embedder(USE)
    ev = ["« Cela aura un effet très grave », a déclaré Jack Watling, chercheur principal au RUSI."]
    assert role_missing("Quel est le nom du pilote de l'avion ?", ev, e) == "pilote"
    assert role_missing("Who is the pilot of the plane?", ev, e) == "pilot"
    assert role_missing("Qui est le chercheur cité ?", ev, e) is None
    assert role_missing("Who was the researcher quoted?", ev, e) is None
    assert role_missing("Quels navires ?", ev, e) is None
