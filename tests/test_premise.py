"""The quote must be about what the question names (`rag.premise`)."""

from rag.embed import get_embedder
from rag.premise import head_nouns, unanchored

DIRECTOR = (
    "« Nous avons immédiatement coupé toutes les connexions avec l'extérieur pour contenir l'attaque », "
    "a déclaré la directrice de l'établissement, Claire Besnard, lors d'un point presse."
)
TITLE = "Cyberattaque : l'hôpital de Vallon-sur-Loue déclenche le plan blanc"


def test_head_nouns_of_a_name_in_the_question() -> None:
    assert head_nouns("Qui dirige l'hôpital de Dolmont ?", "Dolmont") == ["hopital"]
    q = "Sur quel réseau social le ministère britannique de la Défense s'est-il exprimé ?"
    assert head_nouns(q, "Défense") == ["britannique", "ministere"]
    assert head_nouns("Who runs the Dolmont hospital?", "Dolmont") == ["hospital"]
    assert head_nouns("Qui dirige le RUSI ?", "RUSI") == []


def test_a_name_of_the_question_must_be_in_the_quote_its_paragraph_or_its_title() -> None:
    usem = get_embedder("usem:multilingual-v3")
    # Another hospital, mentioned elsewhere in the article: the establishment is the title's.
    assert unanchored("Qui dirige l'hôpital de Dolmont ?", DIRECTOR, "", TITLE, usem) == ["Dolmont"]
    assert unanchored("Qui dirige l'hôpital de Vallon-sur-Loue ?", DIRECTOR, "", TITLE, usem) == []
    assert unanchored("Who runs the Vallon-sur-Loue hospital?", DIRECTOR, "", TITLE, usem) == []
    # An encyclopedia article says "elle" for the subject its title names.
    thesis = "Elle soutient sa thèse en 1959 sous la direction de Louis Néel."
    q = "En quelle année Hélène Caradec a-t-elle soutenu sa thèse ?"
    assert unanchored(q, thesis, "", "Hélène Caradec — Wikipédia", usem) == []
    assert unanchored(q, thesis, "", "Plouzévet — Wikipédia", usem) == ["Hélène Caradec"]
    # The paragraph before the quote names it, or the quote refers to it by its head noun.
    assert unanchored(q, thesis, "Hélène Caradec étudie à Rennes. ", "Physique", usem) == []
    said = "Partageant sur le réseau social X (anciennement Twitter), le ministère a déclaré : « Malgré le démenti »."
    q = "Sur quel réseau social le ministère britannique de la Défense s'est-il exprimé ?"
    assert unanchored(q, said, "", "Corée du Nord : des munitions en Russie", usem) == []
