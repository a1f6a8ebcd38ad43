"""A claim its quote reports as a rumour or as denied is not stated by it (`rag.hedge`)."""

from rag.hedge import stated_flatly

RUMOUR = (
    "Des rumeurs selon lesquelles l'hôpital aurait versé la rançon ont circulé sur les réseaux sociaux ; "
    "la direction les a démenties mardi."
)


def test_a_rumour_stated_as_fact_is_refused_and_kept_as_a_rumour_is_not() -> None:
    assert stated_flatly("Yes, the hospital paid the ransom.", RUMOUR)
    assert stated_flatly("L'hôpital a versé la rançon.", RUMOUR)
    # The answer keeps the frame: the rumour, its denial, a negation.
    assert stated_flatly("Selon des rumeurs, l'hôpital aurait versé la rançon.", RUMOUR) is None
    assert stated_flatly("La direction a démenti avoir versé la rançon.", RUMOUR) is None
    assert stated_flatly("No, the hospital did not pay the ransom.", RUMOUR) is None


def test_a_denied_claim_is_refused_in_either_language() -> None:
    assert stated_flatly("Le Kremlin a reçu des armes.", "Le Kremlin a démenti avoir reçu des armes nord-coréennes.")
    assert stated_flatly("Russia bought shells from Pyongyang.", "Moscow denied buying shells from Pyongyang.")
    assert stated_flatly("Russia denied buying shells.", "Moscow denied buying shells from Pyongyang.") is None


def test_a_denial_beside_the_stated_claim_is_not_a_frame() -> None:
    # The seeds: the ministry states it despite Russia's denial; an unverified-claims sentence is
    # needed too before "40 000 patients" is read as reported only.
    mod = (
        "Partageant sur le réseau social X (anciennement Twitter), le ministère a déclaré : « Malgré le démenti "
        "officiel de la Russie sur les récentes spéculations, ils sont presque certains que les munitions "
        "nord-coréennes ont maintenant été transférées vers des dépôts de munitions dans l'ouest de la Russie."
    )
    assert stated_flatly("Le ministère britannique de la Défense", mod) is None
    claims = "NoxLock affirme avoir dérobé les données de près de 40 000 patients."
    assert stated_flatly("40 000 patients", claims) is None
    allegations = "Pour étayer ces allégations, la Maison Blanche a également publié une série d'images satellites."
    assert stated_flatly("La Maison Blanche a publié des images satellites.", allegations) is None


PAY = (
    "La directrice du centre hospitalier, Claire Besnard, a réaffirmé que l'établissement ne paierait pas la "
    "rançon, conformément aux recommandations des autorités."
)


def test_what_the_quote_says_is_only_likely_is_not_stated_as_fact() -> None:
    likely = (
        "RUSI a déclaré que les conteneurs contenaient probablement des munitions et d’autres équipements militaires."
    )
    q = "According to the analysis first obtained by the Washington Post, what did the two ships carry?"
    assert stated_flatly("The two ships carried munitions and other equipment.", likely, q)
    assert stated_flatly("The containers probably held munitions.", likely, q) is None
    assert stated_flatly("RUSI said the containers held munitions, according to its analysis.", likely, q) is None
    # The question's hedge carries over; a likelihood on another part of the sentence does not count.
    assert stated_flatly("Des munitions.", likely, "Que contenaient probablement les conteneurs ?") is None
    purpose = "Deux cargos ont transporté des centaines de conteneurs, probablement pour fournir des munitions."
    assert (
        stated_flatly("Deux cargos ont transporté des centaines de conteneurs.", purpose, "Qu'ont fait les cargos ?")
        is None
    )


def test_an_answer_that_affirms_what_its_quote_negates_is_refused() -> None:
    from rag.hedge import affirms_negated

    assert affirms_negated("Yes, the hospital paid the ransom.", PAY)  # the judge accepted it
    assert affirms_negated("L'hôpital paiera la rançon.", PAY)
    assert affirms_negated("L'hôpital ne paiera pas la rançon.", PAY) is None
    assert affirms_negated("No, the hospital will not pay.", PAY) is None
    assert affirms_negated("Claire Besnard", PAY) is None  # nothing the quote negates
    # Restrictions and time bounds are no negation of the fact.
    only = "Les urgences ne prennent plus en charge que les cas vitaux."
    assert affirms_negated("Les urgences prennent en charge les cas vitaux.", only) is None
    later = "Selon la directrice, le retour à la normale n'est pas attendu avant trois semaines."
    assert affirms_negated("Trois semaines sont attendues avant le retour à la normale.", later) is None


def test_a_yes_to_another_question_is_refused() -> None:
    from rag.hedge import yes_to_another

    q = "L'hôpital va-t-il payer la rançon ?"
    assert yes_to_another(q, "Oui, le groupe NoxLock réclame une rançon de 3 millions de dollars.")
    assert yes_to_another(q, "Oui, l'hôpital va payer la rançon.") is None
    assert yes_to_another("Did the hospital pay the ransom?", "Yes, the hospital paid the ransom.") is None
    assert yes_to_another(q, "Non, la direction refuse.") is None  # only a yes is read


def test_a_yes_or_no_is_proved_only_by_a_quote_with_the_questions_words() -> None:
    from rag.embed import get_embedder
    from rag.hedge import polar_unstated

    embedder = get_embedder("usem:multilingual-v3")
    ban = (
        "La préfecture du Jura a interdit jeudi 13 mars la pêche et la consommation des poissons pêchés dans le "
        "lac de Serrières, après des analyses révélant des taux de mercure anormalement élevés."
    )
    prefect = (
        "« Il n'y a pas de danger pour la baignade, mais nous demandons aux pêcheurs de ne pas consommer leurs "
        "prises », a déclaré le préfet du Jura, Marc Delorme."
    )
    q = "Is swimming in the lake dangerous, according to the prefect?"
    why = polar_unstated(q, "Yes, swimming in the lake is dangerous according to the prefect.", ban, embedder)
    assert why and "swimming" in why
    assert polar_unstated(q, "No, swimming is not dangerous.", prefect, embedder) is None
    q = "Est-il dangereux de se baigner dans le lac selon le préfet ?"
    assert polar_unstated(q, "Non, il n'y a pas de danger pour la baignade.", ban, embedder)
    assert polar_unstated(q, "Non, il n'y a pas de danger pour la baignade.", prefect, embedder) is None
    # Only a yes or a no is read: other answers carry words of their own.
    assert polar_unstated(q, "No information on swimming.", ban, embedder) is None


def test_a_denial_frames_its_own_clause_not_a_set_off_relative() -> None:
    from rag.hedge import stated_flatly

    # corpus9: both right answers were refused as "stated as fact" over the company's denial
    quote = (
        "Le groupe Chimirex, dont l'usine de Saint-Rémy-sur-Dore fabrique des revêtements antiadhésifs, "
        "conteste être à l'origine de la pollution."
    )
    made = "Que fabrique l'usine Chimirex de Saint-Rémy-sur-Dore ?"
    assert stated_flatly("L'usine Chimirex fabrique des revêtements antiadhésifs.", quote, made) is None
    assert (
        stated_flatly("Chimirex conteste être à l'origine de la pollution.", quote, "Chimirex le reconnaît-elle ?")
        is None
    )
    # what the denial frames is still refused when stated flatly
    assert stated_flatly("Chimirex est à l'origine de la pollution.", quote, "Qui est à l'origine de la pollution ?")


def test_a_yes_or_no_about_someone_needs_a_quote_that_names_them() -> None:
    # corpus10: "Oui, le parquet a annoncé qu'il faisait appel" over the defence lawyer's appeal (every
    # other word of the question is there), shown as proved.
    from rag.embed import get_embedder
    from rag.hedge import polar_unstated

    embedder = get_embedder("usem:multilingual-v3")
    lawyer = "Son avocat, Me Antoine Lebrun, a annoncé son intention de faire appel."
    q = "Le parquet a-t-il annoncé qu'il faisait appel ?"
    why = polar_unstated(q, "Oui, le parquet a annoncé qu'il faisait appel.", lawyer, embedder)
    assert why and "parquet" in why
    assert polar_unstated("L'avocat a-t-il annoncé qu'il faisait appel ?", "Oui.", lawyer, embedder) is None
    # the subject said otherwise, by meaning ("les deux nations" for "les deux pays")
    nations = "Les deux nations ont discuté de renforcer leurs liens de défense, mais n'ont pas divulgué de mesures."
    q = "Les deux pays ont-ils divulgué des mesures pour renforcer leurs liens de défense ?"
    assert polar_unstated(q, "Non, ils n'ont pas divulgué de mesures.", nations, embedder) is None
