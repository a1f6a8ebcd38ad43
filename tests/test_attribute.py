"""Attribution and article metadata, read at ingest: who the text says said it (spaCy's parse), outlet,
byline, date and URL from the page."""

from __future__ import annotations

import json

from rag.articles import read_article
from rag.attribute import attribute, from_json, sources_for, to_json
from rag.clean import clean
from tests.conftest import SEEDS, SHIPS


def _sources_of(text: str, needle: str) -> list[tuple[str, str, bool]]:
    items = attribute(text)
    at = text.index(needle)
    return [(a.source, a.cue, a.first) for a in sources_for(items, at, at + len(needle))]


def test_attribution_names_who_said_it_in_the_seeds() -> None:
    ships = read_article(SEEDS / f"{SHIPS}.txt").text
    assert any("RUSI" in s and cue == "selon" for s, cue, _ in _sources_of(ships, "cinq voyages observés"))
    watling = _sources_of(ships, "a déclaré au Post Jack Watling")
    assert any("Jack Watling" in s and "déclaré" in cue for s, cue, _ in watling)
    # "obtenues pour la première fois par le Washington Post": the agent, marked as first
    first = _sources_of(ships, "obtenues pour la première fois par le Washington Post")
    assert any("Washington Post" in s and f for s, _, f in first)
    assert any("RUSI" in s or "Royal United Services Institute" in s for s, _, _ in first)
    # every source is text of the article at its offsets, and the stored form round-trips
    items = attribute(ships)
    assert items and all(ships[a.start : a.end] == a.source for x in items for a in x.sources)
    assert from_json(json.loads(json.dumps(to_json(items)))) == items


def test_a_pronoun_subject_is_the_person_named_just_before() -> None:
    text = read_article(SEEDS / "000_24751b8f2254b014.txt").text
    found = _sources_of(text, "Elles représentent plus de 1 000 conteneurs")
    assert any(s == "John Kirby" for s, _, _ in found), found


def test_the_same_source_is_the_one_named_just_before() -> None:
    # corpus8's wire: "selon la même source" is the prefecture, its span in the text, this sentence's cue
    text = (
        "L'avion s'est posé peu avant 11 heures, a précisé la préfecture d'Ille-et-Vilaine. "
        "Une cinquantaine de pompiers ont été engagés, selon la même source."
    )
    last = attribute(text)[-1].sources
    assert [(a.source, a.cue) for a in last] == [("la préfecture d'Ille-et-Vilaine", "selon")]
    assert all(text[a.start : a.end] == a.source for a in last)
    # with nothing named before, the words stay as printed
    alone = attribute("Une cinquantaine de pompiers ont été engagés, selon la même source.")
    assert [a.source for x in alone for a in x.sources] == ["la même source"]


def test_sentences_without_a_reporting_cue_are_not_parsed() -> None:
    assert attribute("Le navire est arrivé au port. Il pleuvait sur la ville depuis le matin.") == ()


def test_front_matter_and_url_lines_become_metadata_not_text() -> None:
    raw = (
        "---\ntitle: Incendie à Lyon\noutlet: Le Progrès\nurl: https://www.leprogres.fr/a/1\ndate: 2024-03-02\n---\n"
        "Un entrepôt a brûlé dans la nuit, selon les pompiers.\n"
    )
    c = clean(raw)
    assert (c.title, c.outlet, c.url, c.date) == (
        "Incendie à Lyon",
        "Le Progrès",
        "https://www.leprogres.fr/a/1",
        "2024-03-02",
    )
    assert c.text == "Un entrepôt a brûlé dans la nuit, selon les pompiers."
    start, end = c.to_raw(0, len(c.text)) or (0, 0)
    assert raw[start:end] == c.text
    url_line = clean("https://www.example.org/news/fire\n\nUn entrepôt a brûlé dans la nuit à Lyon.\n")
    assert url_line.url == "https://www.example.org/news/fire" and url_line.outlet == "example.org"
    assert "http" not in url_line.text


def test_seed_outlets_and_bylines_are_read_from_the_page() -> None:
    viet = read_article(SEEDS / "003_534e6a68e79f8263.txt")
    assert viet.outlet == "Báo Quốc Tế" and viet.date == "2023-10-27"
    assert viet.label == "Báo Quốc Tế (2023-10-27)"
    assert read_article(SEEDS / "001_74ee7009ddcffb35.txt").byline == "Smartencyclopedia"


def test_a_dateline_without_an_outlet_gives_a_date_not_an_outlet() -> None:
    # "Publié le" was shown as the outlet of a corpus2 article and as "reported by" in its chain.
    body = "\nUn entrepôt a brûlé dans la nuit à Lyon, selon les pompiers.\n"
    for line, outlet in (
        ("Publié le 04/06/2024 à 09h12", None),
        ("Updated on 04/06/2024", None),
        ("Ouest-France - Publié le 04/06/2024", "Ouest-France"),
        ("Le Monde 04/06/2024", "Le Monde"),
    ):
        c = clean("Incendie à Lyon\n" + line + body)
        assert (c.outlet, c.date) == (outlet, "2024-06-04"), line
    assert read_article(SEEDS.parent / "eval" / "corpus2" / "a_quotidien_regional.txt").outlet is None


BODY = "Un entrepôt a brûlé dans la nuit à Lyon, selon les pompiers du Rhône.\n"


def test_the_outlet_is_read_from_its_own_line_a_footer_or_a_dateline_and_leaves_the_text() -> None:
    # corpus6: "Le Journal du Lac" was indexed as a line of the article and its byline shown as its outlet.
    for page, outlet in (
        ("Incendie à Lyon\nLe Journal du Lac\nPar Julien Ferrand\nPublié le 14/03/2025\n" + BODY, "Le Journal du Lac"),
        ("Incendie à Lyon\nL'Éco de l'Est | Industrie\n17/03/2025\n" + BODY, "L'Éco de l'Est"),
        (
            "Loue TV - L'info de chez vous\nAccueil > Actualités > Santé\nIncendie à Lyon : « On a tout perdu »\n"
            + BODY,
            "Loue TV",
        ),
        (
            "Incendie à Lyon\n" + BODY + "© Agence Presse Est. Tous droits de reproduction réservés.\n",
            "Agence Presse Est",
        ),
        ("Incendie à Lyon\nLe Journal Éco avec AFP\n" + BODY, "Le Journal Éco"),
        ("Incendie à Lyon\nLYON, 4 juin (AFP) - " + BODY, "AFP"),
        # corpus8: a consent box above the outlet's line had ended the masthead
        (
            "Incendie à Lyon\nNous respectons votre vie privée. Nos partenaires et nous utilisons des traceurs pour "
            "mesurer l'audience de ce site et vous proposer des contenus adaptés. Accepter | Refuser\nLe Progrès de l'Ain\n"
            + BODY,
            "Le Progrès de l'Ain",
        ),
        # corpus9: a name in capitals with a word of media; a name ending with a number
        ("Incendie à Lyon\nReplay | Direct | Météo\nVALDORE TV\nVoir la vidéo ▶ 02:14\n" + BODY, "VALDORE TV"),
        ("Incendie à Lyon\nInfoFlash 24\nPublié le 06/06/2025\n" + BODY, "InfoFlash 24"),
        # corpus10: a byline dated in figures under the outlet's name is the byline, not the outlet
        (
            "Incendie à Lyon\nLe Rhône Hebdo\nSociété | Logement\nPar Julie Vernet, le 12/01/2026\n" + BODY,
            "Le Rhône Hebdo",
        ),
    ):
        c = clean(page)
        assert c.outlet == outlet, page
        assert outlet not in c.text.split("\n")[:2] and "Accueil" not in c.text, page
    # A short title over the text is the title, not an outlet; a button or a byline is neither.
    kerjean = clean("Château de Kerjean — Wikipédia\nJump to content\n" + BODY)
    assert kerjean.outlet is None and kerjean.title.startswith("Château de Kerjean")
    for line in ("Share", "Par Claire Martin", "Cybersécurité", "REGARDER LA VIDÉO", "© Reuters", "FAITS DIVERS"):
        assert clean("Incendie à Lyon\n" + line + "\n" + BODY).outlet is None, line


def test_dates_in_words_and_a_credited_source_are_metadata() -> None:
    for line, date in (
        ("15 mars 2025 à 17:05", "2025-03-15"),
        ("Publié le 1er mars 2024 à 10h32, modifié le 2 mars 2024", "2024-03-01"),
        ("March 3, 2025", "2025-03-03"),
        ("Par Karim Benali — 12 janvier 2026", "2026-01-12"),
        # with how long it takes to read (corpus10's English aggregator; a French site's "Lecture")
        ("October 9, 2026 · 2 min read", "2026-10-09"),
        ("12 janvier 2026 à 08h15 | Lecture : 3 min", "2026-01-12"),
    ):
        c = clean("Incendie à Lyon\n" + line + "\n" + BODY)
        assert c.date == date and c.text.count("\n") == 1, line
    assert clean("Incendie à Lyon\nPar Karim Benali — 12 janvier 2026\n" + BODY).byline == "Karim Benali"
    assert clean("Incendie à Lyon\nPar Julie Vernet, le 12/01/2026\n" + BODY).byline == "Julie Vernet"
    agg = clean("Incendie à Lyon\nSource : Le Journal du Lac\n" + BODY)
    assert agg.credited == "Le Journal du Lac" and "Source" not in agg.text and agg.outlet is None
    # A sentence with a date in it is text, and "Source : presse régionale" names no outlet.
    assert clean("Incendie à Lyon\nLe 15 mars 2025, un entrepôt a brûlé.\n" + BODY).date is None
    assert clean("Incendie à Lyon\n" + BODY + "Source : presse régionale\n").credited is None


def test_an_inverted_institution_after_a_reported_clause_is_the_source() -> None:
    text = (
        "L'autoroute a été fermée pendant trois heures en raison de la fumée, a indiqué la préfecture du Rhône. "
        "Les travaux reprendront bientôt, a déclaré la semaine dernière le maire."
    )
    found = [(a.source, a.cue) for s in attribute(text) for a in s.sources]
    assert ("la préfecture du Rhône", "a indiqué") in found
    assert all("semaine" not in src for src, _ in found)  # a time phrase is not a source


def test_a_source_before_a_set_off_relative_is_found() -> None:
    # corpus6: spaCy hung "affirme" under the relative, so the sentence had no source and a trace of it
    # showed "no source named" (provenance attribution 8 of 9).
    text = "Un ancien salarié de l'usine, qui a souhaité garder l'anonymat, affirme que des fûts ont été enterrés."
    (found,) = attribute(text)
    (a,) = found.sources
    assert (a.source, a.cue) == ("Un ancien salarié de l'usine", "affirme") and text[a.start : a.end] == a.source


def test_a_verb_that_reports_only_in_an_incise_is_a_cue_there_only() -> None:
    # corpus6-8: "», lance Gérard Paillot" and "», a répondu un porte-parole d'Aérolys" had no source
    lance = "« On pêche ici depuis quarante ans », lance Gérard Paillot, président de l'association locale de pêche."
    assert [(a.source, a.cue, a.kind) for s in attribute(lance) for a in s.sources] == [
        ("Gérard Paillot", "lance", "person")
    ]
    answer = "« Il n'y a eu qu'un seul signalement cette année », a répondu un porte-parole d'Aérolys."
    assert [(a.source, a.kind) for s in attribute(answer) for a in s.sources] == [
        ("un porte-parole d'Aérolys", "person")  # an office is a person's, whatever NER makes of "Aérolys"
    ]
    # the same verbs outside an incise launch or answer: no source
    for text in (
        "Le parquet a lancé une enquête après la plainte.",
        "Le BEA a répondu aux questions des journalistes.",
    ):
        assert not [a for s in attribute(text) for a in s.sources], text


def test_corpus10_speakers_after_a_clitic_before_a_subject_and_no_passive_subject() -> None:
    # "», a réagi X" and "», nous a confié X" had no source; a name set before the subject by a comma is
    # who spoke; a passive's subject ("Le coût … était estimé à") is what was said, not a source.
    def found(text: str) -> list[tuple[str, str]]:
        return [(a.source, a.cue) for s in attribute(text) for a in s.sources]

    assert found("« C'est un soulagement », a réagi Karim Belhadj, président du collectif.") == [
        ("Karim Belhadj", "a réagi")
    ]
    assert found("« Justice est enfin rendue », nous a confié Karim Belhadj, président du collectif.") == [
        ("Karim Belhadj", "a confié")
    ]
    assert found("Me Antoine Lebrun, l'avocat du prévenu, a indiqué qu'il le ferait.") == [
        ("Me Antoine Lebrun", "a indiqué")
    ]
    assert found("Le coût des travaux prescrits en 2019 était estimé à 180 000 euros, selon l'expertise.") == [
        ("l'expertise", "selon")
    ]
    assert found("Le ministre a réagi à la décision du tribunal en convoquant les élus.") == []
    assert found("Les images ont été obtenues pour la première fois par le Washington Post.")[0][0] == "Washington Post"


def test_corpus11_an_incise_speaker_after_an_indirect_object_and_reasons_given() -> None:
    # The parser hung a word of the quote as the subject ("décision"), and the speaker from "l'ANP":
    # the source was the quote itself. An incise's speaker follows its verb.
    def found(text: str) -> list[tuple[str, str]]:
        return [(a.source, a.cue) for s in attribute(text) for a in s.sources]

    assert found(
        "« C'est une décision difficile mais nécessaire pour assurer l'avenir de Brévalle », "
        "a déclaré à l'ANP Julia Brandt, porte-parole du groupe."
    ) == [("Julia Brandt", "a déclaré")]
    assert found("« Le feu est maîtrisé », a indiqué la semaine dernière la préfecture.") == [
        ("la préfecture", "a indiqué")
    ]
    # A reason given is said: "le groupe justifie sa décision par « … »", "invoque une chute de …".
    assert found("Dans un communiqué, le groupe justifie sa décision par « une baisse de 40 % des commandes ».") == [
        ("le groupe", "justifie")
    ]
    assert found("Le groupe invoque une chute de près de 40 % des commandes depuis 2022.") == [("Le groupe", "invoque")]


def test_corpus11_pronoun_speaker_quotation_over_sentences_and_words_that_are_not_speech() -> None:
    def found(text: str) -> list[tuple[str, str, str]]:
        return [(text[s.start : s.end][:12], a.source, a.cue) for s in attribute(text) for a in s.sources]

    # "a-t-il déclaré" after a sentence whose subject names the mayor: the mayor, not the minister an
    # earlier attributed sentence named; the quotation's first sentence is his too.
    blog = (
        "16h15 — Le ministre de l'Industrie, Olivier Ternant, a réagi sur X : « Je recevrai la direction. »\n"
        "14h05 — Le maire, Patrick Delaunay, est venu soutenir les grévistes. « Brévalle, c'est 1,4 million "
        "d'euros par an pour la commune. On ne se laissera pas faire », a-t-il déclaré."
    )
    assert found(blog)[1:] == [
        ("« Brévalle, ", "Patrick Delaunay", "a-t-il déclaré"),
        ("On ne se lai", "Patrick Delaunay", "a-t-il déclaré"),
    ]
    # "selon le maire, Patrick Delaunay": the person; "rapporte 1,5 million" earns, it does not report
    assert [x[1:] for x in found("L'usine rapporte 1,5 million d'euros par an, selon le maire, Patrick Delaunay.")] == [
        ("Patrick Delaunay", "selon")
    ]
    # a negated saying attributes nothing
    assert found("La direction ne nous a rien dit avant le CSE de mardi.") == []
    assert [x[1:] for x in found("Le Post a rapporté que 12 navires étaient partis.")] == [("Le Post", "a rapporté")]
