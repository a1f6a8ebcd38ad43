"""Which sentences `check` tries as quotes, and in what order."""

from rag.check import candidates, check
from rag.embed import get_embedder
from rag.types import Chunk, Hit
from rag.verify import FakeVerifier

PAGE = (
    "Saint-Aubin-des-Landes — Wikipédia\n"
    "Saint-Aubin-des-Landes est une commune française située dans le département d'Ille-et-Vilaine.\n"
    "La commune est traversée par la Vilaine et se trouve à 25 km au sud-est de Rennes.\n"
    "En 2020, la commune comptait 2 431 habitants, en hausse de 4,2 % par rapport à 2014.\n"
    "Sophie Riou est maire de la commune depuis 2014."
)


def _hits() -> list[Hit]:
    chunk = Chunk("saint_aubin#0", "saint_aubin", PAGE, 0, len(PAGE), "h")
    other = "Le festival des Nuits salées a accueilli 31 000 spectateurs en 2019 à Saint-Malo."
    return [Hit(chunk, 1.0), Hit(Chunk("nuits#0", "nuits", other, 0, len(other), "h2"), 0.5)]


def test_an_answer_with_its_own_number_is_tried_first_on_the_sentences_that_print_it() -> None:
    usem = get_embedder("usem:multilingual-v3")
    q = "Combien d'habitants compte Saint-Aubin-des-Landes ?"
    a = "Saint-Aubin-des-Landes compte 2 431 habitants."
    first = candidates(q, a, _hits(), ["saint_aubin#0"], usem)[0]
    assert "2 431 habitants" in first.text
    v = check(q, a, _hits(), ["saint_aubin#0"], usem, FakeVerifier("yes"))
    assert v.refusal is None and "2 431" in v.citations[0].quote
    # Without a number of its own the order is each passage's best match, as before.
    plain = candidates(q, "La commune est en Ille-et-Vilaine.", _hits(), ["saint_aubin#0"], usem)
    assert len({s.hit.chunk.id for s in plain}) == len(plain)


def test_a_small_number_does_not_lead_to_sentences_that_count_something_else() -> None:
    usem = get_embedder("usem:multilingual-v3")
    trips = "Les navires s'appellent Angara et Maria.\nIl y a eu cinq voyages observés depuis août, selon RUSI."
    hits = [Hit(Chunk("a#0", "a", trips, 0, len(trips), "h"), 1.0)]
    first = candidates("How many crew members were aboard the Angara?", "5 crew members were aboard.", hits, [], usem)
    assert len(first) == 1  # each passage's best match only, as for an answer without numbers


class _AnswersWhenNamed:
    """A judge that finds every quote true, and that it answers the question only when it prints `name`:
    what the question's names in a sentence before do to the 1.5B judge."""

    spec = "test:named"
    threshold = 0.5
    answers_threshold = 0.5
    value_threshold = 0.5

    def value_for(self, premise: str, question: str, value: str, phrase: str, verb: str) -> float:
        return 1.0  # the date and count check has its own tests (test_values)

    def __init__(self, name: str) -> None:
        self.name = name

    def support(self, premise: str, question: str, answer: str) -> float:
        return 1.0

    def answers(self, premise: str, question: str) -> float:
        return float(self.name in premise)


def _one(text: str) -> list[Hit]:
    return [Hit(Chunk("k#0", "k", text, 0, len(text), "h"), 1.0)]


def test_the_sentence_before_is_added_only_for_what_an_opening_pronoun_stands_for() -> None:
    usem = get_embedder("usem:multilingual-v3")
    # The sentence states the answer but not what is asked; the one before only adds the question's names.
    kirby = _one(
        "M. Kirby a condamné la RPDC pour ses livraisons d'armes à la Russie. "
        "En échange de ces armes, la Corée du Nord cherche des missiles et des avions de combat."
    )
    q = "Quelle tactique Kirby dit-il que l'armée russe emploie ?"
    v = check(q, "Des missiles et des avions de combat.", kirby, ["k#0"], usem, _AnswersWhenNamed("Kirby"))
    assert v.refusal and v.refusal[0] == "off_question" and not v.citations
    # "Elles" needs the sentence before: there, the wider quote is what answers.
    elles = _one("La Corée du Nord a livré des munitions à la Russie. Elles représentent plus de 1 000 conteneurs.")
    q = "Combien de conteneurs de munitions la Corée du Nord a-t-elle livrés ?"
    v = check(q, "Plus de 1 000 conteneurs.", elles, ["k#0"], usem, _AnswersWhenNamed("Corée"))
    assert v.refusal is None and v.citations[0].quote.startswith("La Corée du Nord")


def test_a_quote_about_a_body_of_another_level_proves_nothing() -> None:
    # corpus6: "450 membres" for the departmental federation, over the local association's members.
    usem = get_embedder("usem:multilingual-v3")
    text = (
        "« On pêche ici depuis quarante ans », lance Gérard Paillot, président de l'AAPPMA de Serrières, "
        "l'association locale de pêche, qui compte 450 membres."
    )
    hits = [Hit(Chunk("c#0", "c", text, 0, len(text), "h"), 1.0)]
    v = check(
        "Combien d'adhérents compte la fédération départementale de pêche ?",
        "450 membres",
        hits,
        ["c#0"],
        usem,
        FakeVerifier("yes"),
    )
    assert v.refusal is not None and v.refusal[0] == "other_level" and not v.citations
    v = check(
        "Combien d'adhérents compte l'association locale de pêche ?",
        "450 membres",
        hits,
        ["c#0"],
        usem,
        FakeVerifier("yes"),
    )
    assert v.refusal is None and "450 membres" in v.citations[0].quote


def test_a_quote_that_leaves_its_subject_to_the_article_is_read_after_its_title() -> None:
    # corpus7, refused: "Le club, fondé en 1921, …" answers when the club was founded only under its
    # title "Le FC Kerlann en redressement judiciaire" (the 1.5B judge: 0.56 alone, 0.92 after the title).
    usem = get_embedder("usem:multilingual-v3")
    page = (
        "Le FC Kerlann en redressement judiciaire\n"
        "Le passif du club dépasse les 4 millions d'euros.\n"
        "Le club, fondé en 1921, a été champion de National en 2019."
    )
    q = "En quelle année le FC Kerlann a-t-il été fondé ?"
    v = check(q, "Le FC Kerlann a été fondé en 1921.", _one(page), ["k#0"], usem, _AnswersWhenNamed("Kerlann"))
    assert v.refusal is None and v.citations[0].quote == "Le club, fondé en 1921, a été champion de National en 2019."
    # Never the title alone: a quote without what the answer adds is not read under it.
    moved = page.replace("fondé en 1921", "installé au stade en 1921")
    v = check(q, "Le FC Kerlann a été fondé en 1921.", _one(moved), ["k#0"], usem, _AnswersWhenNamed("Kerlann"))
    assert v.refusal is not None and not v.citations


class _JudgesWhenNamed(_AnswersWhenNamed):
    """A judge that finds a quote true, and answering, only when it prints `name`."""

    def support(self, premise: str, question: str, answer: str) -> float:
        return float(self.name in premise)


def test_a_quote_is_judged_true_after_its_title_when_it_carries_the_answer() -> None:
    # corpus7, refused: "Le club a réalisé … pour une perte nette de 2,8 millions." (the judge: 0.29
    # alone, 0.95 after "Redressement du FC Kerlann : trois repreneurs sur les rangs")
    usem = get_embedder("usem:multilingual-v3")
    page = (
        "Redressement du FC Kerlann : trois repreneurs sur les rangs\n"
        "Le club a réalisé un chiffre d'affaires de 11,5 millions d'euros lors de la saison 2024-2025, "
        "pour une perte nette de 2,8 millions."
    )
    q = "Quelle perte nette le FC Kerlann a-t-il enregistrée ?"
    a = "Le FC Kerlann a enregistré une perte nette de 2,8 millions d'euros."
    v = check(q, a, _one(page), ["k#0"], usem, _JudgesWhenNamed("Kerlann"))
    assert v.refusal is None and v.citations[0].quote.startswith("Le club a réalisé")
    # what the answer adds is not in the quote: not read under the title
    v = check(
        q,
        "Le FC Kerlann a annoncé un bénéfice record de 2,8 millions.",
        _one(page),
        ["k#0"],
        usem,
        _JudgesWhenNamed("Kerlann"),
    )
    assert v.refusal is not None and not v.citations


def test_a_title_that_gives_only_the_questions_words_is_not_read() -> None:
    # corpus6, shown as proved once the title was read for any quote: fish samples for the lake's water,
    # the title giving "Lac" and no name the quote leaves out.
    usem = get_embedder("usem:multilingual-v3")
    fish = (
        "Selon l'Agence régionale de santé (ARS), les prélèvements effectués le 3 mars sur douze poissons montrent "
        "une concentration moyenne de mercure trois fois supérieure au seuil réglementaire."
    )
    page = "Lac de Serrières : la pêche interdite après la découverte de mercure\n" + fish
    q = "Quelle est la concentration de mercure mesurée dans l'eau du lac ?"
    v = check(q, fish, _one(page), ["k#0"], usem, _AnswersWhenNamed("Lac"))
    assert v.refusal is not None and v.refusal[0] == "off_question" and not v.citations


def test_a_bare_value_needs_a_quote_about_what_the_question_asks() -> None:
    # corpus8, refused: "AL7412" over "Le vol AL7412, parti de Lyon …" had "no word of the question"
    # ("quel", "numéro"): the short noun "vol" is what the question is about, "quel" asks.
    usem = get_embedder("usem:multilingual-v3")
    page = (
        "Aérolys : l'ATR 72 dérouté à Rennes\n"
        "Le vol AL7412, parti de Lyon-Saint-Exupéry à 9h35, a été dérouté vers Rennes après la détection de fumée."
    )
    v = check("Quel était le numéro du vol ?", "AL7412", _one(page), ["k#0"], usem, FakeVerifier("yes"))
    assert v.refusal is None and "AL7412" in v.citations[0].quote
    # a quote that prints the value but none of the question's words still proves nothing
    other = "Aérolys : l'ATR 72 dérouté à Rennes\nLa compagnie AL7412 a publié un communiqué dimanche soir."
    v = check("Quel était le numéro du vol ?", "AL7412", _one(other), ["k#0"], usem, FakeVerifier("yes"))
    assert v.refusal is not None and v.refusal[0] == "words_not_in_quote"


def test_the_questions_names_are_looked_for_in_the_whole_article() -> None:
    from rag.types import Article

    # corpus9: the retrieved passage gave the limit and the article's title named the PFAS; the passage
    # alone was read and the answer refused ("the question names what the passages do not mention: PFAS").
    usem = get_embedder("usem:multilingual-v3")
    title = "PFAS dans l'eau de Valdore : l'ARS assure que l'eau reste consommable"
    said = "L'ARS a rappelé que la limite de 0,1 microgramme par litre entrera en vigueur en janvier 2026."
    text = f"{title}\nDes PFAS ont été trouvés dans 97 échantillons.\n{said}"
    start = text.index(said)
    hits = [Hit(Chunk("b#1", "b", said, start, start + len(said), "h"), 1.0)]
    art = Article("b", title, text, "b.txt", "h")
    q = "Quelle est la limite européenne pour les PFAS dans l'eau potable ?"
    judge = _AnswersWhenNamed("limite")
    assert check(q, "0,1 microgramme par litre.", hits, ["b#1"], usem, judge).refusal[0] == "question_name_not_found"
    v = check(q, "0,1 microgramme par litre.", hits, ["b#1"], usem, judge, lambda aid: art)
    assert v.refusal is None and v.citations[0].quote == said


def test_a_correction_notice_proves_nothing_of_the_figure_it_takes_back() -> None:
    # corpus11: "Rectificatif : … indiquait par erreur 268 postes supprimés. Il s'agit de 286 postes."
    usem = get_embedder("usem:multilingual-v3")
    notice = _one(
        "Rectificatif : une première version de cet article indiquait par erreur 268 postes supprimés à l'usine "
        "Brévalle."
    )
    q = "Combien de postes l'usine Brévalle va-t-elle supprimer ?"
    v = check(q, "268 postes.", notice, ["k#0"], usem, FakeVerifier("yes"))
    assert v.refusal is not None and v.refusal[0] == "negated_in_quote" and not v.citations
    asked = "Combien de postes la première version de l'article annonçait-elle par erreur ?"
    assert check(asked, "268 postes.", notice, ["k#0"], usem, FakeVerifier("yes")).refusal is None
    plain = _one("L'usine Brévalle va supprimer 268 postes.")
    assert check(q, "268 postes.", plain, ["k#0"], usem, FakeVerifier("yes")).refusal is None
