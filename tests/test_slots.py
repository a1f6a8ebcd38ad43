"""The answer is of the kind the question asks for: a number, a count of the thing asked, someone
other than the question's own subject. Real usem and real spaCy; the wrong answers are ones the
pipeline showed as proved before these checks existed."""

from rag.embed import get_embedder
from rag.slots import counts_other, subject_from_question, wants_number

USE = "usem:multilingual-v3"


def test_questions_that_ask_for_a_quantity() -> None:
    for q in ["Combien de wagons comptait le train ?", "Quel est le prix d'un conteneur ?", "How many ships?",
              "Quel est le nombre de soldats envoyés ?", "What was the cost of the weapons?",
              "What did one container of ammunition cost?", "Le train comptait combien de wagons ?"]:  # fmt: skip
        assert wants_number(q), q
    for q in ["Quel navire a transporté les armes ?", "Qui a payé ?", "Where is RUSI based?"]:
        assert not wants_number(q), q


def test_a_count_of_something_else_does_not_answer_how_many() -> None:
    e = get_embedder(USE)
    injured = "Combien de personnes ont été blessées dans l'incendie ?"
    why = counts_other(injured, "85 sapeurs-pompiers ont été mobilisés et le feu a été maîtrisé vers 6 h 30.", e)
    assert why and "personnes" in why and "sapeurs-pompiers" in why
    assert counts_other("How many North Korean troops were sent?", "About 1 000 containers were shipped.", e)
    # The same thing, by stem, by meaning or across languages; answers that do not say what they count.
    assert counts_other(injured, "12 personnes ont été légèrement blessées.", e) is None
    assert counts_other("Combien de salariés travaillaient sur le site ?", "Le site employait 120 employés.", e) is None
    assert counts_other("How many containers were sent?", "Plus de 1 000 conteneurs ont été envoyés.", e) is None
    assert counts_other("Combien de conteneurs ont été livrés ?", "Plus de 1 000.", e) is None
    assert counts_other("Combien la Russie a-t-elle payé ?", "Environ 300 millions de dollars.", e) is None


def test_a_bare_how_many_counts_the_indefinite_noun_before_it() -> None:
    e = get_embedder(USE)
    hired = "L'usine a-t-elle embauché des ouvriers cette année, et combien ?"
    why = counts_other(hired, "L'usine a produit 4 000 voitures cette année.", e)
    assert why and "ouvriers" in why and "voitures" in why
    assert counts_other("Did the plant hire any workers, and how many?", "It built 4,000 cars.", e)
    assert counts_other(hired, "Elle a embauché 250 ouvriers.", e) is None
    # A definite or demonstrative object is what was paid for, not what is counted.
    assert (
        counts_other("L'usine a-t-elle payé ces machines, et combien ?", "Elle a dépensé 40 millions d'euros.", e)
        is None
    )


def test_an_answer_about_the_questions_own_subject_does_not_say_who() -> None:
    who = "Qui, au RUSI, estime que ces livraisons pèseront sur la guerre ?"
    why = subject_from_question(who, "RUSI a déclaré que les conteneurs contenaient probablement des munitions.")
    assert why and "RUSI" in why
    expert = "Quel expert du Royal United Services Institute commente l'impact des livraisons ?"
    said = "Le Royal United Services Institute (RUSI) a déclaré que les conteneurs contenaient des munitions."
    assert subject_from_question(expert, said)  # the acronym of names the question spells out
    # Someone new as subject or agent, an answer without a clause, or a question that asks for a date.
    assert (
        subject_from_question(who, "Jack Watling, du RUSI, estime que ces livraisons pèseront sur la guerre.") is None
    )
    assert subject_from_question(who, "Jack Watling") is None
    assert subject_from_question("Qui dirige le RUSI ?", "Le RUSI est dirigé par Karin von Hippel.") is None
    group = "Quel groupe de réflexion de Washington a publié les images ?"
    csis = "Le groupe de réflexion de Washington, le Center for Strategic and International Studies, les a publiées."
    assert subject_from_question(group, csis) is None
    when = "Quel jour le Washington Post a-t-il publié les images satellite ?"
    assert subject_from_question(when, "Le Washington Post a publié les images le 16 octobre.") is None
