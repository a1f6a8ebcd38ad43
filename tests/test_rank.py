"""A rank the question puts on what it asks must be stated by the quoted article (`rag.rank`).
The wrong answer is one the pipeline showed as proved on corpus4 before the check existed."""

from rag.rank import asked_ranks, rank_unstated

KORRIGAN = [
    "Le Korrigan est un ferry construit par le chantier Armor Navale de Lorient et mis à l'eau en 1952.",
    "Le 23 janvier 1958, le ferry quitte Audierne à destination de l'île de Sein avec 212 passagers.",
    "Un monument aux victimes est inauguré à Plouzévet en 1962.",
]


def test_the_ranks_a_question_asks_for() -> None:
    assert asked_ranks("Combien de passagers le Korrigan a-t-il transportés lors de son premier voyage ?") == {1}
    assert asked_ranks("Quel est le troisième album de Lucie Marchand ?") == {3}
    assert asked_ranks("Quel journal a obtenu en premier les images ?") == {1}
    assert asked_ranks("Quel système l'Ukraine a-t-elle utilisé pour la première fois ?") == {1}
    assert asked_ranks("Who won the last election?") == {-1}
    assert asked_ranks("Which newspaper was first to get the images?") == {1}
    # Dates, "lately", titles and wars are not ranks of what is asked.
    for q in ["Quel dirigeant Poutine a-t-il rencontré le mois dernier ?", "Qu'a-t-il fait ces derniers mois ?",
              "Qui est le Premier ministre de la Corée du Nord ?", "Qui gouvernait pendant la Première Guerre mondiale ?",
              "What happened last week?", "Who is the first lady?", "Que s'est-il passé le 1er octobre ?"]:  # fmt: skip
        assert not asked_ranks(q), q


def test_an_article_that_never_says_which_cannot_answer_a_rank() -> None:
    q = "Combien de passagers le Korrigan a-t-il transportés lors de son premier voyage ?"
    why = rank_unstated(q, KORRIGAN)  # "inauguré" is not "first"
    assert why and "first" in why
    assert rank_unstated(
        "Quel est le troisième album de Lucie Marchand ?",
        ["Son premier album, « Vents d'ouest », paraît en 1994. Le deuxième sort en 1999."],
    )


def test_a_rank_the_article_states_in_any_words_passes() -> None:
    assert (
        rank_unstated(
            "Quel est le premier album de Lucie Marchand ?", ["Son premier album, « Vents d'ouest », paraît en 1994."]
        )
        is None
    )
    # a first as a beginning; across languages; a rank in the question's premise, stated elsewhere in the article
    shipments = ["L'expédition avait certainement commencé à la mi-août, trois semaines après la visite de Choïgou."]
    assert (
        rank_unstated("Quel responsable russe a visité Pyongyang avant les premières expéditions ?", shipments) is None
    )
    atacms = ["Les responsables ukrainiens ont confirmé la première utilisation du système ATACMS."]
    assert rank_unstated("Which US missile system did Ukraine use for the first time?", atacms) is None
    assert rank_unstated("Quel est le dernier album du groupe ?", ["Leur album final, « Sel », sort en 2006."]) is None
    built = ["Elle construit d'abord des chalutiers en bois, puis des navires en acier à partir de 1934."]
    assert rank_unstated("Quels navires Armor Navale a-t-il construits en premier ?", built) is None
    assert rank_unstated("Qui dirige le RUSI ?", KORRIGAN) is None  # no rank asked


def test_an_average_or_an_extreme_must_be_said_by_the_quote_that_gives_the_figure() -> None:
    from rag.rank import statistic_unstated

    # corpus9: "La concentration moyenne … est de 0,42 microgramme par litre" was shown (judge 0.96) over
    # a sentence that gives the town's figure, and the paper says it was the highest, not the mean.
    town = (
        "Dans la commune, la concentration mesurée atteint 0,42 microgramme par litre, plus de quatre fois la limite."
    )
    top = "La concentration la plus élevée, 0,42 microgramme par litre, a été mesurée à Saint-Rémy-sur-Dore."
    mean = "Quelle est la concentration moyenne de PFAS mesurée dans les échantillons ?"
    assert statistic_unstated(mean, town) and statistic_unstated(mean, top)
    assert statistic_unstated("What was the average concentration?", town)
    assert statistic_unstated("Quelle est la concentration la plus élevée ?", town)  # "plus de" is no superlative
    assert statistic_unstated("Quelle est la concentration la plus élevée ?", top) is None
    assert statistic_unstated("What was the highest concentration measured?", top) is None
    # said in other words, or not asked at all
    assert (
        statistic_unstated(
            "Combien de salariés employait-il à son maximum ?", "L'effectif atteint son maximum en 1974."
        )
        is None
    )
    assert (
        statistic_unstated("Quelle est l'affluence moyenne ?", "L'affluence moyenne est de 3 900 spectateurs.") is None
    )
    assert statistic_unstated("Quels moyens ont été déployés ?", town) is None
    assert statistic_unstated("How many samples at most?", town) is None
