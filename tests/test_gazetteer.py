"""Other names for the same state or organisation: a question saying "Moscou" or "l'ONU" finds an
article saying "la Russie" or "les Nations Unies"."""

from rag.embed import get_embedder
from rag.gazetteer import same_named
from rag.names import absent_question_names

SANCTIONS = "Washington avait déjà sanctionné des personnes impliquées dans des accords d'armement avec la Russie."


def test_a_capital_is_found_under_its_countrys_name_and_the_reverse() -> None:
    assert same_named("Moscou", SANCTIONS) == "Russie"
    assert same_named("Moscow", "Russia said") == "Russia"
    assert same_named("Russie", "selon Moscou,") == "Moscou"
    assert same_named("Pyongyang", "la Corée du Nord a envoyé") == "Corée du Nord"
    # Nationality adjectives, French in either case and in the plural, English as names.
    assert same_named("London", "le ministère britannique de la Défense") == "britannique"
    assert same_named("Londres", "selon les Britanniques") == "Britanniques"
    assert same_named("North Korea", "des obus nord-coréens") == "nord-coréens"
    assert same_named("Royaume-Uni", "British officials said") == "British"
    assert same_named("Royaume-Uni", "a british accent") is None  # English adjectives are capitalised
    # Another state, or the right name only as part of a word, is not it.
    assert same_named("Paris", SANCTIONS) is None
    assert same_named("Moscou", "les Russies d'antan") is None
    # Case matters: "seul" is a French word, "Seul" one of Seoul's names.
    assert same_named("Corée du Sud", "le seul État") is None


def test_the_question_name_check_reads_a_capital_as_its_state() -> None:
    usem = get_embedder("usem:multilingual-v3")
    q = "Washington avait-il déjà sanctionné quelqu'un pour ces accords d'armement avec Moscou ?"
    assert absent_question_names(q, [SANCTIONS], usem) == []
    assert absent_question_names("Quel accord Paris a-t-il signé avec Moscou ?", [SANCTIONS], usem) == ["Paris"]


def test_a_capital_is_found_as_its_nationality_adjective() -> None:
    usem = get_embedder("usem:multilingual-v3")
    mod = "Le ministère britannique de la Défense a jugé presque certain que des munitions sont arrivées."
    assert absent_question_names("What is London almost certain about?", [mod], usem) == []
    assert absent_question_names("What is Paris almost certain about?", [mod], usem) == ["Paris"]


def test_an_organisation_is_found_under_its_acronym_or_its_name() -> None:
    council = "des résolutions de sanctions du Conseil de sécurité des Nations Unies, qui interdisent"
    assert same_named("ONU", council) == "Nations Unies"
    assert same_named("UN", council) == "Nations Unies"
    assert same_named("Nations unies", "selon l'ONU,") == "ONU"
    assert same_named("NATO", "les membres de l'OTAN") == "OTAN"
    # Acronyms by case: "who" is not the WHO; a name is not an alias of itself.
    assert same_named("OMS", "who said it") is None
    assert same_named("ONU", "l'Union européenne") is None
    # The question-name check: the acronym is found in an article that spells the name.
    usem = get_embedder("usem:multilingual-v3")
    q = "Quel pays a approuvé les résolutions de sanctions de l'ONU ?"
    assert absent_question_names(q, [council], usem) == []
    assert absent_question_names("Quel pays a approuvé les résolutions de l'OTAN ?", [council], usem) == ["OTAN"]
