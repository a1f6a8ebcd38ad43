"""kinds.other_office: an answer that gives itself another office than the one asked for."""

from rag.kinds import other_office


def test_another_office_than_the_asked_one_is_caught() -> None:
    q = "Quel juge d'instruction est chargé du dossier ?"
    assert other_office(q, "Le procureur de la République, Hervé Caussade.")
    assert other_office(q, "Hervé Caussade, procureur de la République.")
    assert other_office("Quel juge d'instruction est chargé de l'enquête ?", "Le parquet de Paris.")
    assert other_office("Quel ministre russe a visité Pyongyang ?", "Le ministère de la Défense.")
    assert other_office("Which minister visited Pyongyang?", "The spokesman John Kirby")


def test_the_same_office_a_generic_word_or_no_office_passes() -> None:
    q = "Quel juge d'instruction est chargé du dossier ?"
    assert other_office(q, "Le juge Marc Durand.") is None
    assert other_office(q, "Marc Durand.") is None  # no office given
    assert other_office("Quel magistrat a ouvert l'enquête ?", "Le procureur de la République, Hervé Caussade.") is None
    assert other_office("Qui est la maire de Serrières ?", "La maire de Serrières, Sylvie Rancourt.") is None
    assert other_office("Qui est le président de l'association ?", "La présidente, Odile Martinon.") is None
    assert other_office("Quel dirigeant a annoncé la fermeture ?", "Le PDG Laurent Beaupré.") is None
    assert other_office("Quel navire a transporté les conteneurs ?", "Le cargo Angara") is None  # not an office
    # The asked office named in the answer: the ministry's spokesman speaks for the ministry.
    assert other_office("Quel ministère a réagi ?", "Le porte-parole du ministère des Affaires étrangères.") is None


def test_an_article_is_a_word_of_its_own() -> None:
    # "Angara" does not open with the article "a", nor "Lambert" with "la".
    assert other_office("Which captain commanded the ship?", "Angara") is None
    assert other_office("Qui est le maire ?", "Lambert, directeur de l'école") is not None  # apposed office
    assert other_office("Qui est Lambert ?", "Le directeur de l'école") is None


def test_a_body_of_another_level_than_the_asked_one_is_caught() -> None:
    from rag.kinds import other_level

    # corpus6: shown as proved, the local association's members for the departmental federation's
    local = "« On pêche ici depuis quarante ans », lance Gérard Paillot, président de l'association locale de pêche, qui compte 450 membres."
    why = other_level("Combien d'adhérents compte la fédération départementale de pêche ?", local)
    assert why and "départementale" in why and "locale" in why
    assert other_level(
        "How many members does the national federation have?", "La fédération régionale compte 900 membres."
    )
    # the asked level printed, no level asked, or none in the quote: not judged
    fed = "Environ 200 pêcheurs fréquentent le lac, selon la fédération départementale de pêche."
    assert other_level("Combien de pêcheurs fréquentent le lac selon la fédération départementale ?", fed) is None
    assert other_level("Combien de membres compte l'association ?", local) is None
    assert (
        other_level("Combien d'adhérents compte la fédération départementale ?", "L'AAPPMA compte 450 membres.") is None
    )
    # "Dans quelle région …" asks for a region, not about a regional body
    assert other_level("Dans quelle région se trouve le port ?", "Le port attire une attention internationale.") is None
    # "Quel pays …" asks for a country, not a level
    assert other_level("Quel pays a imposé des sanctions ?", "Les sanctions régionales ont été levées.") is None


def test_a_bare_name_has_the_office_its_quote_gives_it() -> None:
    # corpus7, shown as proved: the club's president for its coach, and the court for a judge.
    quote = (
        "« Le club n'est pas mort », a déclaré le président du FC Kerlann, Yannick Le Goff, à la sortie de l'audience."
    )
    why = other_office("Quel est le nom de l'entraîneur du FC Kerlann ?", "Yannick Le Goff", quote)
    assert why and "entraîneur" in why and "président" in why
    assert other_office("Quel ministre a parlé ?", "Jean Dupont", "Jean Dupont, maire de Lyon, a parlé.")
    court = "Le tribunal de commerce de Lorient a présidé l'audience du tribunal de commerce."
    assert other_office("Quel juge a présidé l'audience du tribunal de commerce ?", court)
    # corpus7's re-run, shown as proved: the office right before the name
    why = other_office(
        "Quel est le nom de l'entraîneur du FC Kerlann ?",
        "Yannick Le Goff",
        "Le président Yannick Le Goff a exclu toute démission.",
    )
    assert why and "président" in why
    # who is cited before a comma is a source, not the name's office
    assert (
        other_office("Quel juge a présidé ?", "Marc Durand", "Selon le maire, Marc Durand a présidé l'audience.")
        is None
    )
    # the asked office, or a name its quote gives no office: not judged
    assert other_office("Qui est le président du FC Kerlann ?", "Yannick Le Goff", quote) is None
    assert other_office("Quel est le nom de l'entraîneur ?", "Yannick Le Goff", "Yannick Le Goff a parlé.") is None


def test_a_body_is_no_person_but_its_office_holder_speaks_for_it() -> None:
    # corpus7's re-run, shown as proved: the town hall for who the mayor is
    mairie = "La mairie de Kerlann, propriétaire du stade du Moustoir-Vihan, a indiqué qu'elle ne renoncerait pas à la redevance."
    why = other_office("Qui est le maire de Kerlann ?", mairie)
    assert why and "maire" in why and "mairie" in why
    assert other_office("Qui est le préfet du Morbihan ?", "La préfecture du Morbihan.")
    assert other_office("Quel procureur a ouvert l'enquête ?", "Le parquet de Paris.")
    # the holder for the body, or the asked person named beside the body: not judged
    assert other_office("Quel parquet a ouvert l'enquête ?", "Le procureur de la République de Paris.") is None
    assert other_office("Quelle mairie a vendu le stade ?", "La mairie de Kerlann.") is None
    assert (
        other_office("Qui est le maire de Kerlann ?", "La mairie de Kerlann, dirigée par le maire Jean Dupont.") is None
    )


def test_a_name_in_a_sentence_has_its_quotes_office_and_an_office_its_body() -> None:
    # corpus8, shown as proved: the captain for the copilot, the airline's CEO for the airport's director
    captain = "La commandante de bord, Claire Vasseur, pilote depuis 22 ans, a été saluée par la compagnie."
    why = other_office("Qui était le copilote du vol ?", "Claire Vasseur était le copilote du vol.", captain)
    assert why and "commandante" in why
    ceo = "16h05 : Le PDG d'Aérolys, Marc Hennequin, est arrivé à l'aéroport."
    why = other_office("Quel est le nom du directeur de l'aéroport de Rennes ?", "Marc Hennequin", ceo)
    assert why and "aerolys" in why and "rennes" in why
    assert other_office("Comment s'appelle le directeur de l'aéroport de Rennes ?", "Marc Hennequin", ceo)
    # the asked office of the asked body, or a body no name sets apart: not judged
    assert other_office("Qui est le PDG d'Aérolys ?", "Marc Hennequin", ceo) is None
    assert other_office("Who is the chief executive of Aérolys?", "Marc Hennequin", ceo) is None
    assert other_office("Qui était la commandante de bord du vol ?", "Claire Vasseur", captain) is None
    kerlann = "« Le club n'est pas mort », a déclaré le président du FC Kerlann, Yannick Le Goff."
    assert other_office("Qui est le président du club ?", "Yannick Le Goff", kerlann) is None


def test_a_lawyer_asked_as_someones_must_be_theirs_in_the_quote() -> None:
    # corpus10: "Me Julie Carpentier is the landlord's lawyer" over "…, estime Me Julie Carpentier, avocate
    # spécialisée en droit immobilier" was shown as proved: she comments on the case, she defends no one.
    from rag.kinds import holder_unstated

    expert = "« L'arrêté de péril n'est pas une formalité », estime Me Julie Carpentier, avocate spécialisée en droit immobilier."
    assert holder_unstated("Who is the landlord's lawyer?", "Me Julie Carpentier is the landlord's lawyer.", expert)
    assert holder_unstated("Qui est l'avocat de Gérard Vasseur ?", "Me Julie Carpentier.", expert)
    for quote in (
        "Son avocat, Me Antoine Lebrun, a annoncé son intention de faire appel.",
        "Me Antoine Lebrun, l'avocat du prévenu, a indiqué qu'il le ferait.",
        "L'avocat de Gérard Vasseur, Me Antoine Lebrun, a plaidé la relaxe.",
    ):
        assert holder_unstated("Who is the landlord's lawyer?", "Me Antoine Lebrun.", quote) is None, quote
    # not asked as someone's: any lawyer the quote names is one
    assert holder_unstated("Quel avocat commente le jugement ?", "Me Julie Carpentier.", expert) is None
