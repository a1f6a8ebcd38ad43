"""units: a measure asked in a unit must be quoted in that unit."""

from rag.units import asked_units, unit_unstated

RATIO = (
    "Selon l'Agence régionale de santé (ARS), les prélèvements effectués le 3 mars sur douze poissons montrent une "
    "concentration moyenne de mercure trois fois supérieure au seuil réglementaire."
)


def test_a_unit_the_question_asks_in_must_be_printed_by_the_quote() -> None:
    q = "What is the mercury concentration measured in the fish, in micrograms per kilogram?"
    assert asked_units(q) == ["microgram", "kilogram"]
    why = unit_unstated(q, RATIO)
    assert why and "microgram" in why
    # Its symbols count after a number or a slash.
    assert unit_unstated(q, "une concentration de 1,2 µg/kg dans les brochets") is None
    assert unit_unstated("Quelle est la surface de l'entrepôt en mètres carrés ?", "un entrepôt de 12 000 m²") is None
    assert unit_unstated("Quelle distance en km ?", "à 12 kilomètres de la côte") is None
    # A converted value cannot be quoted.
    assert unit_unstated("Combien d'euros la Russie a-t-elle payé ?", "une rançon de 3 millions de dollars")
    assert (
        unit_unstated("De combien de pour cent l'action a-t-elle reculé ?", "L'action a reculé de 2,3 % lundi.") is None
    )


def test_questions_that_name_no_unit_are_not_judged() -> None:
    # A year, a span of time, a unit named as a thing, a lone letter.
    for q in (
        "En quelle année l'usine a-t-elle ouvert ?",
        "Combien de jours a duré la grève ?",
        "Quel est le prix du kilo ?",
    ):
        assert asked_units(q) == []
        assert unit_unstated(q, RATIO) is None
    assert unit_unstated("Combien de mètres ?", "Le mur mesure 12 m de haut.") is None
    assert unit_unstated("Combien de mètres ?", "Le mur de m. Dupont.") is not None


def test_an_age_is_not_a_span_of_years() -> None:
    from rag.units import age_as_span

    # corpus8, shown as proved: years as a pilot for the captain's age
    captain = "La commandante de bord, Claire Vasseur, pilote depuis 22 ans, a été saluée par la compagnie."
    why = age_as_span("Quel âge a la commandante de bord ?", "Claire Vasseur a 22 ans.", captain)
    assert why and "depuis 22 ans" in why
    for asked in ("How old is the captain?", "Quel est l'âge de la commandante ?", "What is the captain's age?"):
        assert age_as_span(asked, "The captain is 22 years old.", captain), asked
    # an age printed as one, or a question that asks no age: not judged
    assert age_as_span("Quel âge a Sophie Le Meur ?", "41 ans", "raconte Sophie Le Meur, 41 ans, qui rentrait.") is None
    assert age_as_span("Depuis combien d'années Claire Vasseur est-elle pilote ?", "22 ans", captain) is None


def test_numbers_in_words_are_one_value() -> None:
    from rag.figures import numbers
    from rag.quantities import figure_differs, printed, quantities

    # corpus8: "Quarante-cinq sapeurs-pompiers" was read as 5, "une cinquantaine de pompiers" as no figure
    firefighters = quantities("Quarante-cinq sapeurs-pompiers ont été mobilisés.")
    about_fifty = quantities("Une cinquantaine de pompiers ont été engagés.")
    assert firefighters == [("", 45.0, "sapeu-pompi")]
    assert about_fifty == [("about", 50.0, "pompi")]  # approximate, as "environ 50"
    # a compound counts what its part does: the two are versions of one figure (a drift, not two facts)
    assert figure_differs(firefighters, about_fifty)
    assert not figure_differs(firefighters, quantities("Trois blessés ont été évacués."))
    assert printed("Une cinquantaine de pompiers ont été engagés.")[0][0] == "Une cinquantaine de pompiers"
    assert numbers("soixante et onze ans, quatre-vingt-dix jours, deux cents morts, forty-five ships") == {
        71,
        90,
        200,
        45,
    }
    assert numbers("cinq voyages et six escales") == {5, 6}  # "et" joins only "… et un", "… et onze"


def test_a_clock_time_is_one_figure_in_hours() -> None:
    from rag.quantities import figure_differs, quantities
    from rag.versions import Appearance, drifts

    # corpus8: "10h47" was two figures (10 and 47), "peu avant 11 heures" no version of it
    landed = quantities("L'avion s'est posé à Rennes à 10h47.")
    assert landed == [("", 10 + 47 / 60, "heure")]
    assert quantities("vers 6 h 30, le feu") == [("about", 6.5, "heure")]
    assert figure_differs(landed, quantities("Il s'est posé peu avant 11 heures."))
    # a live blog's time stamp dates the post: the sentence still says 10h47
    blog = "11h02 : L'avion s'est posé à 10h47, selon l'aéroport."
    assert quantities(blog) == landed and not figure_differs(landed, quantities(blog))

    def seen(aid: str, quote: str) -> Appearance:
        return Appearance(aid, "", "2025-10-12", None, quote, 0, 1, 0, 1, "states", 0.9, ())

    found = drifts(
        "L'avion s'est posé à Rennes à 10h47.",
        [seen("a", "L'appareil s'est posé à 10h47."), seen("b", "Il s'est posé peu avant 11 heures."), seen("c", blog)],
    )
    assert [d.versions for d in found] == [(("10h47", ("a", "c")), ("peu avant 11 heures", ("b",)))]


def test_a_currency_sign_is_the_unit_it_counts() -> None:
    """corpus10's English wire: "fined €75,000 and ordered …" counts euros as "75 000 euros" does, so
    neither the trace nor an answer takes it for a count of "and"."""
    from rag.embed import get_embedder
    from rag.figures import counted, miscounted
    from rag.quantities import quantities

    wire = "The 63-year-old was also fined €75,000 and ordered to pay €1.5 million in damages."
    assert quantities(wire)[1:] == [("", 75000.0, "euros"), ("", 1500000.0, "euros")]
    assert quantities("more than $2 billion")[0] == ("more", 2e9, "dolla")
    assert counted(wire) == [(75000.0, "euros")]
    assert miscounted("Il devra payer une amende de 75 000 euros.", wire, get_embedder("usem:multilingual-v3")) == []
    assert miscounted("75 000 personnes ont été évacuées.", wire, get_embedder("usem:multilingual-v3"))


def test_a_drift_pairs_the_figure_nearest_in_size() -> None:
    # corpus10: "fined €75,000 and ordered … to pay €1.5 million in damages" was paired with "1,2 million
    # d'euros" of damages by its first euros figure, the fine
    from rag.versions import Appearance, drifts

    def seen(aid: str, quote: str) -> Appearance:
        return Appearance(aid, "", "2026-10-08", None, quote, 0, 1, 0, 1, "drift", 0.5, ())

    claim = "Le tribunal a accordé 1,2 million d'euros de dommages et intérêts aux parties civiles."
    found = drifts(
        claim,
        [
            seen("a", "Le tribunal a condamné la SCI à verser 1,2 million d'euros de dommages et intérêts."),
            seen("e", "He was also fined €75,000 and ordered to pay €1.5 million in damages to the families."),
        ],
    )
    assert [d.versions for d in found] == [(("1,2 million d'euros", ("a",)), ("€1.5 million", ("e",)))]
