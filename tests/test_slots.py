"""The answer is of the kind the question asks for: a number, a count of the thing asked, someone
other than the question's own subject. Real usem and real spaCy; the wrong answers are ones the
pipeline showed as proved before these checks existed."""

from rag.embed import get_embedder
from rag.naming import doer_from_question, names_nothing, names_placed, nobody_named
from rag.slots import counts_other, other_end, subject_from_question, wants_number

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
    # What is counted is the noun, not a determiner that ends the phrase ("des", 0.53 from "obus").
    shells = "Combien d'obus d'artillerie les conteneurs contenaient-ils ?"
    assert counts_other(shells, "Plus de 1 000 conteneurs contenaient probablement des munitions.", e)
    # The same thing, by stem, by meaning or across languages; answers that do not say what they count.
    assert counts_other(injured, "12 personnes ont été légèrement blessées.", e) is None
    assert counts_other("Combien de salariés travaillaient sur le site ?", "Le site employait 120 employés.", e) is None
    assert counts_other("How many containers were sent?", "Plus de 1 000 conteneurs ont été envoyés.", e) is None
    assert counts_other("Combien de conteneurs ont été livrés ?", "Plus de 1 000.", e) is None
    assert counts_other("Combien la Russie a-t-elle payé ?", "Environ 300 millions de dollars.", e) is None
    # "À combien d'amende …" asks what the fine amounts to (corpus10), not how many fines
    fine = "À combien d'amende Gérard Vasseur a-t-il été condamné ?"
    assert counts_other(fine, "Gérard Vasseur a été condamné à 75 000 euros d'amende.", e) is None
    # People counted by the question's own predicate; not for a noun that says more than "people".
    assert counts_other("Combien de personnes sont mortes dans le naufrage ?", "37 morts.", e) is None
    assert counts_other("Combien de personnes ont survécu ?", "189 survivants.", e) is None
    assert counts_other("Combien de membres d'équipage ont survécu au naufrage ?", "189 survivants.", e)
    assert counts_other("Combien de personnes sont mortes ?", "212 passagers.", e)


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


def test_a_name_question_answered_with_places_only_gives_no_name() -> None:
    ships = "Quels sont les noms des cargos qui ont acheminé les conteneurs ?"
    why = names_nothing(ships, "Les deux cargos sont des cargos de la Corée du Nord vers la Russie.")
    assert why and "Corée du Nord" in why and "Russie" in why
    assert names_nothing("Name the ships.", "Two cargo ships sailed from North Korea to Russia.")
    # Names given as a copula's predicate, in apposition, bare, after "il s'agit de" or "le port de".
    for answer in [
        "Les navires s'appellent Angara et Maria.",
        "Les deux cargos sont l'Angara et le Maria.",
        "Il s'agit de l'Angara et du Maria.",
        "Angara et Maria.",
        "Les navires, Angara et Maria, ont transporté les conteneurs vers la Russie.",
        "Les cargos Angara et Maria ont acheminé les conteneurs de Rajin à Dunai.",
    ]:
        assert names_nothing(ships, answer) is None, answer
    assert names_nothing("Quel est le nom du port ?", "Le port de Najin, dans le nord-est de la Corée du Nord.") is None
    assert names_nothing("What were the names of the ships?", "The ships were the Angara and the Maria.") is None
    # The question's own names given back as the answer.
    assert (
        names_nothing("Comment s'appellent les navires Angara et Maria ?", "Angara et Maria, chargés à Rajin.") is None
    )
    # "au nom de" and "appelé à" ask for no name; an answer without a capitalised word is not judged.
    assert names_nothing("Qui a parlé au nom de la Maison Blanche ?", "Le porte-parole, à Washington.") is None
    assert names_nothing("À quoi Kim a-t-il appelé ?", "Kim a appelé à produire plus en Corée du Nord.") is None
    assert names_nothing("Comment s'appelle l'album ?", "L'album s'intitule « thriller ».") is None


def test_a_name_the_quote_prints_only_as_a_place_of_origin_is_not_the_asked_name() -> None:
    ships = "Comment se nommaient les deux cargos ?"
    quote = "Elles représentent 1 000 conteneurs transportés sur un navire en provenance de Corée du Nord (RPDC)."
    why = names_placed(ships, "Les deux cargos étaient les cargos RPDC.", quote)
    assert why and "RPDC" in why
    assert names_placed("Name the ships.", "The ships were the DPRK.", "Ships sailed from North Korea (DPRK).")
    # A name the quote gives as the asked one, or beside a place without standing in it, is judged elsewhere.
    named = "Les deux navires, appelés Angara et Maria, chargés au port de Rajin et déchargés à Dunai."
    assert names_placed(ships, "Angara et Maria.", named) is None
    assert names_placed("Comment s'appelle le port ?", "Le port s'appelle Rajin.", named) is None
    kirby = "Le porte-parole du Conseil de sécurité nationale des États-Unis, John Kirby, a déclaré …"
    assert names_placed("Comment s'appelle le porte-parole ?", "Le porte-parole est John Kirby.", kirby) is None
    assert names_placed("Où vont les navires ?", "Vers la RPDC.", quote) is None  # not a name question


def test_the_other_end_of_a_span_does_not_say_when_it_ended() -> None:
    q = "Selon le RUSI, jusqu'à quelle date les navires ont-ils fait la navette ?"
    assert other_end(q, "Les navires ont fait la navette depuis août.")
    assert other_end("Since when has she led the team?", "She led it until 2016.")
    assert other_end(q, "De la mi-août au 14 octobre.") is None
    assert other_end(q, "Jusqu'au 14 octobre, depuis la mi-août.") is None
    assert other_end("Depuis quand dirige-t-elle l'observatoire ?", "Depuis 2016.") is None


def test_a_who_question_answered_with_places_only_names_nobody() -> None:
    q = "Qui a fondé l'enseigne Marché Plus ?"
    assert nobody_named(q, "Marché Plus a été fondé en 1972 à Angers.")
    assert nobody_named("Who founded Marché Plus?", "It was founded in Angers in 1972.")
    assert nobody_named(q, "Marché Plus a été fondé par Henri Bodin à Angers.") is None  # "par" names who
    assert nobody_named(q, "Un ancien professeur de lettres.") is None  # no name added: not judged
    assert nobody_named("Qui est Jack Watling ?", "Un chercheur au RUSI.") is None  # asks what he is
    assert nobody_named("Qui est le fondateur de Marché Plus ?", "Marché Plus a été fondé à Angers.")
    assert nobody_named("Qui a parlé aux journalistes ?", "Le porte-parole de la Maison Blanche, à Washington.") is None


def test_a_who_question_answered_by_its_own_words_names_nobody() -> None:
    """The doer is the question's verb made a noun, with the question's words: no one is named."""
    q = "Qui dirige le centre hospitalier de Vallon-sur-Loue ?"
    why = doer_from_question(q, "La direction du centre hospitalier de Vallon-sur-Loue a déclenché le plan blanc.")
    assert why and "La direction du centre hospitalier" in why
    assert doer_from_question("Qui enquête sur la cyberattaque ?", "Les enquêteurs.")
    assert doer_from_question("Qui a fondé l'enseigne Marché Plus ?", "Le fondateur de Marché Plus.")
    # A name, or one word of the doer's own, is an answer (perhaps a vague one): not judged here.
    assert doer_from_question(q, "Claire Besnard dirige le centre hospitalier.") is None
    assert doer_from_question("Qui enquête sur la cyberattaque ?", "La police judiciaire.") is None
    assert doer_from_question("Qui a commandé l'attaque ?", "Le commandement russe.") is None
    assert doer_from_question("Qui a fondé l'enseigne Marché Plus ?", "Un ancien professeur.") is None
    # "la direction" answers who took a decision: the question's verb is not "diriger".
    assert doer_from_question("Qui a déclenché le plan blanc ?", "La direction de l'hôpital.") is None
    assert doer_from_question("Qui est Claire Besnard ?", "La directrice du centre hospitalier.") is None


def test_which_one_is_not_answered_by_one_of_them() -> None:
    from rag.naming import which_unnamed

    # corpus11: "Quel cabinet d'expertise la CFDT a-t-elle choisi ?" answered with the CFDT's plan to ask
    # for "un cabinet d'expertise": shown as proved, and it names none.
    q = "Quel cabinet d'expertise la CFDT a-t-elle choisi ?"
    said = "La CFDT a annoncé qu'elle demanderait l'intervention d'un cabinet d'expertise pour examiner le plan."
    assert which_unnamed(q, said)
    assert which_unnamed(q, "La CFDT a choisi le cabinet Syndex.") is None
    assert which_unnamed(q, "La CFDT a choisi un cabinet parisien.") is None  # describes which
    assert which_unnamed("Quelle mesure a été prise ?", "Une interdiction de pêche.") is None
