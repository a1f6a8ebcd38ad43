"""propositions: a set-off relative's statement, and the sentence without it (real spaCy parses)."""

from __future__ import annotations

from rag.propositions import propositions


def test_a_set_off_relative_becomes_a_statement_and_the_main_clause_stands_alone() -> None:
    assert propositions("Le feu, qui a mobilisé 85 pompiers, n'a fait aucun blessé.") == [
        "Le feu a mobilisé 85 pompiers.",
        "Le feu n'a fait aucun blessé.",
    ]
    assert propositions("Les navires, qui battaient pavillon russe, ont quitté Najin, selon le RUSI.") == [
        "Les navires battaient pavillon russe.",
        "Les navires ont quitté Najin, selon le RUSI.",
    ]


def test_the_noun_phrase_loses_its_preposition_and_a_final_relative_keeps_the_stop() -> None:
    out = propositions(
        "Plus de 10 millions d'euros de marchandises seraient parties en fumée lors de l'incendie de "
        "l'entrepôt LogiRhône de Saint-Priest, qui employait 40 salariés."
    )
    assert out[0].endswith("de Saint-Priest employait 40 salariés.") and out[0].startswith("L'")
    assert out[1].endswith("de Saint-Priest.") and " ." not in out[1]


def test_restrictive_relatives_other_sentences_and_english_are_left_alone() -> None:
    # "Les soldats ont été arrêtés" is not what this says: only those who fled were.
    assert propositions("Les soldats qui ont fui ont été arrêtés.") == []
    assert propositions("La Maison Blanche a accusé la Corée du Nord d'avoir envoyé 1 000 conteneurs.") == []
    assert propositions("The fire, which mobilised 85 firefighters, injured no one.") == []


def test_a_preposition_fused_with_its_article_leaves_the_article() -> None:
    out = propositions("La révélation a été suivie d'une condamnation du porte-parole John Kirby, qui a parlé jeudi.")
    assert out[0] == "Le porte-parole John Kirby a parlé jeudi."


def test_a_set_off_apposition_states_what_its_noun_is() -> None:
    # corpus6: "Le groupe Chimanor, filiale du chimiste allemand Helvag, a réalisé …" was judged 0.58 for
    # "L'usine Chimanor appartient au groupe chimique allemand Helvag"; the apposition is its own statement.
    owner = "Le groupe Chimanor, filiale du chimiste allemand Helvag, a réalisé un chiffre d'affaires de 42 millions d'euros."
    assert propositions(owner) == [
        "Le groupe Chimanor est filiale du chimiste allemand Helvag.",
        "Le groupe Chimanor a réalisé un chiffre d'affaires de 42 millions d'euros.",
    ]
    kirby = "Le porte-parole du Conseil de sécurité nationale, John Kirby, a expliqué que la Russie était contrainte."
    assert propositions(kirby)[0] == "Le porte-parole du Conseil de sécurité nationale est John Kirby."
