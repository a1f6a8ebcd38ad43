"""predicates.action_unstated and asked_unstated on real spaCy parses: which verb a name is an argument of."""

from rag.asked import asked_unstated
from rag.predicates import action_unstated

SUPPLY_LINE = (
    "Les images satellite suggèrent que la Corée du Nord et la Russie ont développé une ligne "
    "d’approvisionnement élaborée."
)
# Parsed with "obtenues" coordinated under "basé", a neighbour of the images' clause.
RUSI_POST = (
    "Mais les nouvelles images satellite, analysées par le groupe de réflexion Royal United Services Institute "
    "(RUSI) basé au Royaume-Uni et obtenues pour la première fois par le Washington Post, suggèrent une "
    "opération beaucoup plus élaborée."
)
BOOKSHOP = "Henri Bodin, ancien professeur de lettres, ouvre la première librairie rue Crébillon à Nantes."
OBSERVED = (
    "Kirby a ajouté que les États-Unis avaient déjà observé des navires russes déchargeant des conteneurs "
    "en Corée du Nord, ce que les images semblent confirmer."
)


def test_a_name_given_the_questions_action_its_quote_does_not_give_it_is_caught() -> None:
    q = "Qui a fourni les images satellite étudiées par le RUSI ?"
    why = action_unstated(q, "La Corée du Nord a fourni les images satellite étudiées par le RUSI.", SUPPLY_LINE)
    assert why and "Corée du Nord" in why and "développé" in why
    # A bare name does what the question's verb says.
    assert action_unstated(q, "La Corée du Nord.", SUPPLY_LINE)
    # A place that locates a noun of the quote locates what happens to it: an opening, not a birth.
    assert action_unstated("Dans quelle ville Henri Bodin est-il né ?", "Henri Bodin est né à Nantes.", BOOKSHOP)


def test_the_same_verb_with_another_object_is_caught() -> None:
    # "fourni" is the quote's verb, but the images are what shows it, not what was supplied.
    q = "Qui a fourni les images satellite étudiées par le RUSI ?"
    shown = (
        "De nouvelles images satellite semblent montrer que la Corée du Nord a fourni à la Russie bien plus "
        "d’équipements militaires et de munitions qu’on ne le pensait auparavant."
    )
    why = action_unstated(q, "La Corée du Nord a fourni les images satellite étudiées par le RUSI.", shown)
    assert why and "images" in why
    q = "Qu'a fourni la Corée du Nord à la Russie ?"
    assert action_unstated(q, "La Corée du Nord a fourni des équipements militaires à la Russie.", shown) is None
    # An agent parsed under a noun ("pour la première fois par le Post") is still who did what.
    first = (
        "Les images, analysées par le RUSI et obtenues pour la première fois par le Washington Post, "
        "suggèrent une opération beaucoup plus élaborée."
    )
    q = "Quelle société a mis à disposition les images ?"
    assert action_unstated(q, "Le Washington Post a mis à disposition les images.", first)
    # The same verb, parsed on a neighbour the noun's clause describes ("… analysées par le groupe …
    # basé au Royaume-Uni et obtenues … par le Washington Post" coordinated under "basé").
    q = "Les images analysées par le RUSI ont d'abord été obtenues par quel média ?"
    assert action_unstated(q, "Le Washington Post a obtenu les images satellite.", RUSI_POST) is None
    # Across sentences a demonstrative links the verb and its object ("… de ce matériel"): not judged.
    two = (
        "C'est dans ce contexte que la Corée du Nord aurait fourni à la Russie un important contingent de matériel "
        "militaire. Les informations disponibles suggèrent que plus de 1 000 conteneurs de ce matériel ont été livrés."
    )
    assert action_unstated("", "La Corée du Nord a envoyé plus de 1 000 conteneurs à la Russie.", two) is None
    # A verb hung on the name it describes keeps it in its clause ("Paul Marchand, né le …").
    born = "Paul Marchand, né le 2 septembre 1968 à Rennes, est un coureur cycliste français."
    assert (
        action_unstated("Où est né Paul Marchand ?", "Paul Marchand est né le 2 septembre 1968 à Rennes.", born) is None
    )


def test_a_bare_name_must_stand_with_what_the_question_asks_about() -> None:
    # "Qui est à l'origine des images …": a noun predicate; the name observes ships, the images
    # are in a clause of their own.
    observed = OBSERVED
    why = action_unstated(
        "Qui est à l'origine des images satellite analysées par le RUSI ?", "Les États-Unis", observed
    )
    assert why and "images" in why
    assert action_unstated("D'où viennent les images ?", "Les images viennent des États-Unis.", observed)
    # What the name does stand with passes: its own object, a participle on the noun, what it says.
    assert action_unstated("Qui a observé des navires russes ?", "Les États-Unis", observed) is None
    assert (
        action_unstated("Qui a fourni les images ?", "Maxar", "Les images fournies par Maxar montrent des navires.")
        is None
    )
    said = "Kirby a déclaré que les livraisons avaient eu lieu."
    assert action_unstated("Qui a confirmé les livraisons ?", "Kirby", said) is None
    quoted = "« Les livraisons ont eu lieu », a déclaré Kirby."
    assert action_unstated("Qui a confirmé les livraisons ?", "Kirby", quoted) is None
    # A clause that describes the noun's ("… analysées par le RUSI et obtenues … par le Post, suggèrent").
    assert action_unstated("Qui a publié les images satellite ?", "Le Washington Post", RUSI_POST) is None
    # … but the Post only receives them there: it is not their source (a noun predicate's converse).
    why = action_unstated("Quelle entreprise est la source des images satellite ?", "Le Washington Post", RUSI_POST)
    assert why and "receiving" in why
    assert action_unstated("Qui est le destinataire des images ?", "Le Washington Post", RUSI_POST) is None
    # The parser leaves "Quel média" unattached (two roots): the other root is still the predicate.
    assert action_unstated("Quel média est à la source des images satellite ?", "Le Washington Post", RUSI_POST)
    # A noun of a kind, not of something: what it asks is in the clause after it (not judged here).
    assert action_unstated("Qui est le premier média à avoir eu les images ?", "Le Washington Post", RUSI_POST) is None
    # A pronoun may stand for the noun: not judged.
    both = "Le Washington Post a obtenu les images et le RUSI les a analysées."
    assert action_unstated("Qui a analysé les images ?", "Le RUSI", both) is None
    # A noun predicate whose complement stands with the name.
    kirby = (
        "Le porte-parole du Conseil de sécurité nationale, John Kirby, a déclaré que la Corée du Nord avait livré "
        "des armes."
    )
    assert action_unstated("Qui est le porte-parole du Conseil de sécurité nationale ?", "John Kirby", kirby) is None
    # A name of two words the parser splits (first name under "président", surname the subject).
    met = "Le président russe Vladimir Poutine a rencontré le guide suprême de la Corée du Nord, Kim Jong Un, le mois dernier"
    assert action_unstated("Qui a rencontré le guide suprême de la Corée du Nord ?", "Vladimir Poutine", met) is None


def test_the_same_action_in_other_words_passes() -> None:
    # The same verb in another form; a noun of it ("la visite de … Choïgou").
    q = "Quels navires ont transporté les conteneurs ?"
    quote = "Les conteneurs ont été transportés par l'Angara et le Lady Mary."
    assert action_unstated(q, "L'Angara a transporté les conteneurs.", quote) is None
    visit = (
        "L'expédition avait commencé trois semaines après la visite du ministre russe de la Défense "
        "Sergueï Choïgou à Pyongyang."
    )
    q = "Quel ministre russe a visité Pyongyang ?"
    assert action_unstated(q, "Sergueï Choïgou a visité Pyongyang.", visit) is None
    # A synonym by the word vectors passes; a neighbouring action does not.
    summit = (
        "Des spéculations selon lesquelles les deux pays pourraient avoir conclu un accord après que Kim Jong Un "
        "se soit rendu sur un aérodrome isolé en Russie pour rencontrer Vladimir Poutine."
    )
    q = "Quel dirigeant Kim Jong Un a-t-il retrouvé sur un aérodrome ?"
    assert action_unstated(q, "Kim Jong Un a retrouvé Vladimir Poutine sur un aérodrome isolé.", summit) is None
    q = "Qui a accompagné Kim Jong Un sur un aérodrome ?"
    assert action_unstated(q, "Vladimir Poutine a accompagné Kim Jong Un sur un aérodrome isolé.", summit)
    # Receiving is stated by sending to; a bare name does what the question asks.
    sent = "La Corée du Nord a transféré plus de 1 000 conteneurs à la Russie."
    assert action_unstated("Quel pays a reçu les conteneurs ?", "La Russie a reçu les conteneurs.", sent) is None
    assert action_unstated("Quel pays a reçu les conteneurs ?", "La Russie.", sent) is None


def test_who_received_is_not_who_gave() -> None:
    # A giver where the quote has the name receiving, even as a bare name (the question's verb).
    first = "Les images, obtenues pour la première fois par le Washington Post, suggèrent une opération élaborée."
    assert action_unstated("Quelle société a procuré au RUSI ses images satellite ?", "Le Washington Post", first)
    assert action_unstated("Quel média a obtenu les images ?", "Le Washington Post.", first) is None
    got = "La Russie a reçu plus de 1 000 conteneurs."
    assert action_unstated("Quel pays a envoyé les conteneurs ?", "La Russie.", got)


def test_what_cannot_be_judged_is_left_to_the_other_checks() -> None:
    # The quote has the name speaking: what a source says is the judge's to read.
    thanks = "« Je suis reconnaissant envers les États-Unis », a déclaré le président Volodymyr Zelenskyy."
    q = "Quel président a remercié les États-Unis ?"
    assert action_unstated(q, "Le président Volodymyr Zelenskyy a remercié les États-Unis.", thanks) is None
    # The name hangs off a noun, not a verb ("les images de Planet Labs").
    credit = "Les images de Planet Labs montrent des conteneurs à Rajin."
    assert action_unstated("Qui a fourni les images ?", "Planet Labs a fourni les images.", credit) is None
    # A name the question gives is its premise; an answer in English is not parsed in French.
    assert (
        action_unstated("Qu'a développé la Corée du Nord ?", "La Corée du Nord a fourni une ligne.", SUPPLY_LINE)
        is None
    )
    assert action_unstated("Who supplied the images?", "North Korea supplied the images.", SUPPLY_LINE) is None


def test_a_bare_name_needs_the_questions_action_or_what_it_acts_on_in_its_quote() -> None:
    # The name is in the quote, with a verb of finding; "imposer"/"confirmer" are 0.67 apart by vectors.
    q = "Quel pays a imposé des sanctions à la Russie selon Kirby ?"
    why = asked_unstated(q, "Les États-Unis", OBSERVED)
    assert why and "sanctions" in why
    # A noun predicate after a copula is bare too ("est la directrice de …").
    dolmont = "« Nous avons immédiatement coupé toutes les connexions avec l'extérieur », a expliqué Claire Besnard."
    assert asked_unstated(
        "Qui dirige l'hôpital de Dolmont ?", "Claire Besnard est la directrice de l'hôpital.", dolmont
    )
    # The question's own words for an answer, over a sentence about something else that the hospital
    # underwent ("hospitalier" is not "hôpital" by stem: the word checks passed it as the question's).
    attacked = (
        "Le centre hospitalier de Vallon-sur-Loue a été visé dans la nuit du 9 au 10 janvier par une cyberattaque."
    )
    assert asked_unstated(
        "Qui gère l'hôpital de Vallon-sur-Loue ?", "La direction du centre hospitalier de Vallon-sur-Loue.", attacked
    )
    # What the verb acts on is in the quote: whether it says so is the judge's to read.
    ours = (
        "« En partie à cause de nos sanctions, la Russie a été contrainte de chercher du matériel », a déclaré Kirby."
    )
    assert asked_unstated(q, "Les États-Unis", ours) is None
    # The action in another form, a noun of it, or a close synonym.
    assert (
        asked_unstated("Qui préside l'association Lac Vivant ?", "Odile Martinon", "sa présidente, Odile Martinon.")
        is None
    )
    built = "Le viaduc, bâti par la société Eiffel, enjambe la Truyère."
    assert asked_unstated("Quelle entreprise a construit l'ouvrage ?", "La société Eiffel", built) is None
    # Not judged: a relative "qui" is not what is asked, an answer with its own verb, a verb of saying.
    ships = "Les images montrent les deux navires, appelés Angara et Maria, chargés au port de Rajin."
    q = "Comment s'appellent les deux navires qui ont transporté les conteneurs selon le RUSI ?"
    assert asked_unstated(q, "Angara et Maria", ships) is None
    assert (
        asked_unstated("Quel pays a imposé des sanctions ?", "Les États-Unis ont observé des navires.", OBSERVED)
        is None
    )
    assert asked_unstated("Qui a annoncé les sanctions ?", "Kirby", OBSERVED) is None


def test_a_bare_name_and_what_the_verb_acts_on_must_meet_in_one_sentence_of_the_quote() -> None:
    # corpus7, shown as proved: a supporter quoted after the group's call for its founder.
    quote = (
        "Devant le stade, une cinquantaine de supporters s'étaient réunis à l'appel du groupe Kerlann Ultras 1996. "
        "« On veut savoir où est passé l'argent », lance Erwan, 34 ans, abonné depuis quinze ans."
    )
    q = "Qui a fondé le groupe Kerlann Ultras 1996 ?"
    why = asked_unstated(q, "Erwan, 34 ans, abonné depuis quinze ans.", quote)  # a participle makes no clause
    assert why and "different sentences" in why
    # in one sentence, the judge reads whether it says so
    assert asked_unstated(q, "Erwan", "Le groupe Kerlann Ultras 1996 a été lancé par Erwan en 1996.") is None


def test_a_place_printed_only_as_an_adjective_of_something_else_is_no_answer() -> None:
    from rag.asked import demonym_elsewhere

    # corpus7, shown as proved: the businessman is from Brest; where his company is based is not said.
    quote = "Parmi eux figure l'homme d'affaires brestois Ronan Kervella, fondateur du groupe de logistique Kervella Transports."
    why = demonym_elsewhere("In which city is Kervella Transports headquartered?", "Brest", quote)
    assert why and "brestois" in why
    assert demonym_elsewhere("D'où vient Ronan Kervella ?", "Brest", quote) is None
    arms = "Il est presque certain que des armes nord-coréennes sont expédiées vers l'ouest de la Russie."
    assert demonym_elsewhere("Quel pays a fourni les armes ?", "La Corée du Nord", arms) is None
    assert demonym_elsewhere("Quel pays a envoyé des navires ?", "La Corée du Nord", arms)
    # the place printed as a name: not judged here
    assert demonym_elsewhere("Où est basée l'entreprise ?", "Brest", "L'entreprise est basée à Brest.") is None
    # corpus7's re-run, shown as proved: the same place in a sentence; the question's own names are not places
    hq = "In which city is Kervella Transports headquartered?"
    assert demonym_elsewhere(hq, "Kervella Transports is headquartered in Brest.", quote)
    assert demonym_elsewhere("D'où vient Ronan Kervella ?", "Ronan Kervella vient de Brest.", quote) is None
    # the adjective of a noun that complements the asked one: the drones are Iranian-made
    drones = "Moscou s'appuie sur des drones de fabrication iranienne pour frapper les villes ukrainiennes."
    assert demonym_elsewhere("Whose drones does Moscow rely on?", "Moscow relies on drones from Iran.", drones) is None


def test_a_support_verbs_noun_is_the_action() -> None:
    from rag.predicates import action_unstated

    # corpus7, refused: "se porter candidat" is said by "candidats", whatever verb carries the name there
    q = "Quel homme d'affaires s'est porté candidat à la reprise du club ?"
    quote = (
        "Au moins trois candidats à la reprise du FC Kerlann se sont manifestés auprès du mandataire judiciaire. "
        "Parmi eux figure l'homme d'affaires brestois Ronan Kervella, fondateur du groupe Kervella Transports."
    )
    assert action_unstated(q, "Ronan Kervella", quote) is None
    # without the noun, the other verb is still another action
    assert action_unstated(q, "Ronan Kervella", "Ronan Kervella figure parmi les actionnaires du club.")


def test_the_questions_own_clause_restated_with_a_name_needs_its_action_in_the_quote() -> None:
    # corpus10: "La SCI Les Tanneurs devrait réaliser les travaux de consolidation" over "La SCI Les Tanneurs
    # devra en outre verser 200 000 euros d'amende" was shown as proved (the parser made "La SCI" the
    # quote's root, so no verb was compared).
    q = "Quelle entreprise devait réaliser les travaux de consolidation ?"
    fine = "La SCI Les Tanneurs devra en outre verser 200 000 euros d'amende."
    assert asked_unstated(q, "La SCI Les Tanneurs devrait réaliser les travaux de consolidation.", fine)
    works = "La SCI Les Tanneurs devait réaliser des travaux de consolidation dès 2019."
    assert asked_unstated(q, "La SCI Les Tanneurs devait réaliser les travaux de consolidation.", works) is None


def test_an_opening_qui_asks_though_the_parser_tags_it_relative() -> None:
    from rag.asked import asked_unstated

    # corpus11: "Qui dirige le site … ?" answered "Julia Brandt est la porte-parole du groupe." over her
    # quote: the parser tags the opening "Qui" a relative, so no check read what the question asks.
    q = "Qui dirige le site de Saint-Aubin-sur-Risle ?"
    spokeswoman = "« C'est une décision difficile mais nécessaire », a déclaré Julia Brandt, porte-parole du groupe."
    assert asked_unstated(q, "Julia Brandt est la porte-parole du groupe.", spokeswoman)
    director = "Le directeur du site, Thomas Guérin, n'a pas souhaité s'exprimer."
    assert asked_unstated(q, "Thomas Guérin.", director) is None


def test_who_said_it_needs_a_quote_that_credits_someone() -> None:
    from rag.asked import said_uncredited

    # corpus11: "La direction de Brévalle a révélé le projet de fermeture." over the interview's headline
    # « On l'a appris sur Facebook avant de l'apprendre par la direction »: nobody in it reveals anything.
    q = "Qui a révélé le projet de fermeture ?"
    headline = "Fermeture de Brévalle : « On l'a appris sur Facebook avant de l'apprendre par la direction »"
    assert said_uncredited(q, headline, credited=False)
    posted = "Lundi soir, la CGT de l'usine a annoncé sur sa page Facebook que la direction allait fermer le site."
    assert said_uncredited(q, posted, credited=False) is None  # a verb of saying with its subject
    assert said_uncredited(q, headline, credited=True) is None  # the article credits someone for it
    assert said_uncredited("Qui dirige le site ?", headline, credited=False) is None  # not a verb of saying


def test_an_inverted_questions_verb_hung_under_its_noun_is_what_it_asks() -> None:
    from rag.predicates import _asked

    # corpus11: "60 000 euros par salarié" for the management's offer, over the union delegate's
    # answer to « Qu'est-ce que vous demandez ? »: the parser made "montant" the root and "propose" a
    # parataxis, so nothing read the question's verb.
    q = "Quel montant de prime supralégale la direction propose-t-elle ?"
    asked = _asked(q)
    assert asked is not None and asked[0].text == "propose"
    demand = "— Une prime supralégale de 60 000 euros par salarié, et un vrai plan de reclassement."
    assert asked_unstated(q, "60 000 euros par salarié", demand)
    offer = "La direction propose une prime supralégale de 25 000 euros par salarié."
    assert asked_unstated(q, "25 000 euros par salarié", offer) is None
    # "a-t-elle reçu" hung as a participle under "prix"; a participle that describes the noun is not it
    got = _asked("Quel prix Hélène Caradec a-t-elle reçu en 1985 ?")
    assert got is not None and got[0].text == "reçu"
    used = _asked("Quel système de missiles fourni par les États-Unis l'Ukraine a-t-elle utilisé pour la première fois ?")
    assert used is None or used[0].text != "fourni"
