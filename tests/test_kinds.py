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
