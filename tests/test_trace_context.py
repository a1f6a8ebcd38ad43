"""What a trace's judge reads of a sentence: its named nouns and dated days, its own figure, the title's setting."""

from __future__ import annotations

from rag.quantities import quantities


def test_a_definite_noun_is_named_as_its_article_names_it() -> None:
    from rag.context import resolve_nouns

    article = "L'association pointe du doigt l'usine Chimanor, installée depuis 1974. Le navire Angara a accosté."
    said = "Un ancien salarié de l'usine affirme que des fûts ont été enterrés sur le site."
    assert resolve_nouns(said, article) == (
        "Un ancien salarié de l'usine Chimanor affirme que des fûts ont été enterrés sur le site."
    )
    assert resolve_nouns("Le navire a quitté le port.", article) == "Le navire Angara a quitté le port."
    # a noun the article names twice otherwise, or one already named, is left as printed
    two = article + " L'usine Helvag est voisine."
    assert resolve_nouns(said, two) == said
    assert resolve_nouns("L'usine Chimanor conteste.", article) == "L'usine Chimanor conteste."
    # nor an office: "le président Biden" does not make every "le président" of the article Biden
    assert (
        resolve_nouns("Le président a parlé.", "Le président Biden a reçu le président russe.")
        == "Le président a parlé."
    )


class _Scripted:
    """A judge that says yes only to the premises and claims it is given: what each retry must reach."""

    threshold = 0.65

    def __init__(self, yes: set[tuple[str, str]]) -> None:
        self.yes, self.asked = yes, []

    def support(self, premise: str, question: str, answer: str) -> float:
        self.asked.append((premise, answer))
        return 0.9 if (premise, answer) in self.yes else 0.1


def test_a_trace_judges_a_version_with_its_own_figure_then_after_the_title() -> None:
    from rag.trace import _judge

    claim = "Le taux de mercure dans les poissons du lac est trois fois supérieur au seuil."
    four = "Le taux de mercure dans les poissons du lac est près de quatre fois supérieur au seuil."
    wire = "Selon l'ARS, les taux relevés dans les poissons sont près de quatre fois supérieurs au seuil."
    title = "Mercure dans le lac : le parquet ouvre une enquête"
    cq = quantities(claim)
    # the version's own figure, then the title for the lake and the metal the sentence leaves to it
    judge = _Scripted({(f"{title}. {wire}", four)})
    p, kind, calls, read = _judge(judge, "Q", claim, cq, (), wire, title, spare=2)
    assert (kind, calls, read) == ("drift", 3, f"{title}. {wire}")
    assert judge.asked == [(wire, claim), (wire, four), (f"{title}. {wire}", four)]
    # no call beyond the budget
    assert _judge(_Scripted({(f"{title}. {wire}", four)}), "Q", claim, cq, (), wire, title, spare=0)[1:3] == (None, 1)
    # a date drift is found on the second call, on the sentence alone
    ban, other = "La pêche est interdite au lac depuis le 13 mars.", "La pêche est interdite depuis le 12 mars au lac."
    judge = _Scripted({(other, "La pêche est interdite au lac depuis le 12 mars.")})
    assert _judge(judge, "Q", ban, quantities(ban), (), other, title, spare=2)[1:] == ("drift", 2, other)
    # never the title alone: a sentence without the claim's figure is not read after the title
    judge = _Scripted(set())
    _judge(judge, "Q", claim, cq, (), "Les inspecteurs ont prélevé des poissons autour de l'usine.", title, spare=2)
    assert len(judge.asked) == 1


def test_the_title_gives_a_sentence_its_setting_never_its_statement() -> None:
    from rag.context import carried
    from rag.embed import get_embedder
    from rag.stance import excluded, judged

    emb = get_embedder("hash:64")
    claim = "Il n'y a pas de danger pour la baignade dans le lac de Serrières."
    said = "« Il n'y a pas de danger pour la baignade », a déclaré le préfet du Jura, Marc Delorme."
    title = "Lac de Serrières : la pêche interdite après la découverte de mercure"
    # The sentence leaves who to the title: without it, no version at all (who does it must be named).
    shells, setting = "La Chine a livré des obus à la Russie.", "La Chine accusée d'armer Moscou"
    assert excluded(shells, [], "Le pays a livré des obus à la Russie.", None, emb)
    assert not excluded(shells, [], "Le pays a livré des obus à la Russie.", None, emb, setting=setting)
    # corpus6: the prefect's sentence leaves the lake to the title; the judge reads both
    assert carried(claim, said, title)
    # a sentence on another matter carries nothing the title does not
    assert not carried(claim, "Les analyses ont été réalisées par le laboratoire d'Arbois.", title)
    # nor does a title on the fishing ban deny that swimming is safe (it lacks "pas", not the claim's words)
    assert judged(0.4, 0.65, claim, [], (), "Pollution au mercure : pêche interdite au lac de Serrières") is None
    assert (
        judged(0.4, 0.65, claim, [], (), "Il y a un danger pour la baignade dans le lac de Serrières.") == "contradicts"
    )
    # corpus8: a negation bears on its own clause, here a union's quoted comment before its claim
    snpl = "Le SNPL affirme que trois incidents de fumée en cabine ont été signalés cette année sur les ATR d'Aérolys."
    union = (
        "Pour le Syndicat national des pilotes de ligne, « ce n'est pas un incident isolé » : le SNPL affirme "
        "que trois épisodes de fumée en cabine ont été signalés depuis janvier sur les ATR d'Aérolys."
    )
    assert judged(0.64, 0.65, snpl, [], (), union) != "contradicts"
    # while the clause that restates the claim, negated, still denies it
    said = "Selon Aérolys, le SNPL n'affirme pas que trois incidents de fumée ont été signalés cette année sur ses ATR."
    assert judged(0.4, 0.65, snpl, [], (), said) == "contradicts"


def test_an_acronym_is_read_as_the_claim_spells_it_out() -> None:
    from rag.context import carried, spell_acronyms

    # corpus8: a live blog's "Le BEA a ouvert une enquête." for the claim's "Bureau d'enquêtes et d'analyses"
    claim = "Le Bureau d'enquêtes et d'analyses a ouvert une enquête sur l'incident de Rennes."
    read = spell_acronyms("- Le BEA a ouvert une enquête.", claim)
    assert read == "- Le BEA (Bureau d'enquêtes et d'analyses) a ouvert une enquête."
    assert carried(claim, read, "Avion dérouté à Rennes") and not carried(claim, "- Le BEA a ouvert une enquête.", "")
    # a page that spells it out, an acronym the claim prints or does not spell: as printed
    spelled = "Le Bureau d'enquêtes et d'analyses (BEA) a ouvert une enquête."
    assert spell_acronyms(spelled, claim) == spelled
    assert spell_acronyms("Le SNPL affirme.", claim) == "Le SNPL affirme."
    assert spell_acronyms("Selon l'ARS, le taux baisse.", "L'Agence régionale de santé a interdit la pêche.") == (
        "Selon l'ARS (Agence régionale de santé), le taux baisse."
    )


def test_relative_days_are_read_against_the_articles_date() -> None:
    from rag.context import resolve_days

    # A wire of Saturday 15 March 2025: "depuis jeudi" is 13 March; a dated weekday stays as printed.
    wire = "La pêche y est interdite depuis jeudi par arrêté préfectoral."
    assert resolve_days(wire, "2025-03-15") == "La pêche y est interdite depuis jeudi 13 mars par arrêté préfectoral."
    assert resolve_days("Le parquet a ouvert vendredi 14 mars une enquête.", "2025-03-15").count("14 mars") == 1
    assert resolve_days("Il l'a annoncé hier.", "2025-03-01") == "Il l'a annoncé hier 28 février."
    assert resolve_days("The ban began on Thursday.", "2025-03-15") == "The ban began on Thursday, March 13."
    # ahead, or without a full date: unchanged
    assert resolve_days("Il viendra jeudi prochain.", "2025-03-15") == "Il viendra jeudi prochain."
    assert resolve_days(wire, "2025-03") == wire and resolve_days(wire, None) == wire


def test_a_sentence_with_the_claims_own_figure_is_read_after_the_title() -> None:
    from rag.trace import _judge

    # corpus8: "Sept passagers ont été légèrement blessés pendant l'évacuation." leaves the landing at
    # Rennes to its title; its "sept" is the claim's own figure (another thing counted is ruled out
    # before the judge), so it is read after the title.
    claim = "Sept personnes ont été légèrement blessées lors de l'atterrissage d'urgence à Rennes."
    said = "Sept passagers ont été légèrement blessés pendant l'évacuation."
    title = "Un avion se pose en urgence à Rennes après de la fumée à bord"
    judge = _Scripted({(f"{title}. {said}", claim)})
    p, kind, calls, read = _judge(judge, "Q", claim, quantities(claim), (), said, title, spare=2)
    assert (kind, calls, read) == ("states", 2, f"{title}. {said}")
    # without a figure of the claim's, and carrying little of it, the sentence is not read after the title
    judge = _Scripted(set())
    _judge(judge, "Q", claim, quantities(claim), (), "Les passagers ont été évacués par les toboggans.", title, spare=2)
    assert len(judge.asked) == 1
    # a clock time is the claim's own figure too: "10h47" leaves the airline and the city to its title
    landed = "L'avion d'Aérolys s'est posé à Rennes à 10h47."
    posed = "L'appareil s'est posé à 10h47."
    paper = "Fumée en cabine : un avion d'Aérolys se pose en urgence à Rennes"
    judge = _Scripted({(f"{paper}. {posed}", landed)})
    assert _judge(judge, "Q", landed, quantities(landed), (), posed, paper, spare=2)[1:3] == ("states", 2)


def test_code_rules_out_sentences_before_they_take_an_articles_places() -> None:
    from rag.embed import get_embedder
    from rag.trace import trace
    from rag.types import Article, Chunk, Hit

    # corpus8: the aggregator's headline and landing sentence, about the claim but without its figure,
    # took both of its places; the sentence with "Sept passagers" was never judged.
    text = (
        "Un avion se pose en urgence à Rennes après de la fumée à bord\n"
        "Un avion de la compagnie Aérolys a atterri en urgence dimanche à Rennes après de la fumée.\n"
        "L'atterrissage d'urgence à Rennes a eu lieu dimanche matin, selon la compagnie.\n"
        "Les personnes à bord ont été évacuées après l'atterrissage d'urgence à Rennes.\n"
        "Sept passagers ont été légèrement blessés pendant l'évacuation."
    )
    art = Article("e", "", text, "e.txt", "h", "2025-10-12")
    hits = [Hit(Chunk("e#0", "e", text, 0, len(text), "h"), 1.0)]
    claim = "Sept personnes ont été légèrement blessées lors de l'atterrissage d'urgence à Rennes."
    judge = _Scripted(set())
    trace(claim, None, hits, {"e": art}, get_embedder("usem:multilingual-v3"), judge, "fr")
    assert any(p.startswith("Sept passagers") for p, _ in judge.asked)


def test_a_headline_is_judged_after_the_body_sentences_that_print_the_figure() -> None:
    from rag.embed import get_embedder
    from rag.trace import trace
    from rag.types import Article, Chunk, Hit

    # A headline and a body sentence print the claim's figure: the body, which credits the prefecture,
    # is judged first, the headline next (corpus8 showed headlines without the source the body names).
    text = (
        "Rennes : sept personnes légèrement blessées lors d'un atterrissage d'urgence\n"
        "Sept personnes ont été blessées, a indiqué la préfecture."
    )
    title, body = text.split("\n")
    art = Article("a", title, text, "a.txt", "h", "2025-10-12")
    hits = [Hit(Chunk("a#0", "a", text, 0, len(text), "h"), 1.0)]
    claim = "Sept personnes ont été légèrement blessées lors de l'atterrissage d'urgence à Rennes."
    judge = _Scripted(set())
    trace(claim, None, hits, {"a": art}, get_embedder("usem:multilingual-v3"), judge, "fr")
    firsts = [p for p, _ in judge.asked if p in (title, body)]
    assert firsts[:2] == [body, title]


def test_a_sentence_naming_the_claims_body_by_its_acronym_is_judged() -> None:
    from rag.embed import get_embedder
    from rag.trace import trace
    from rag.types import Article, Chunk, Hit

    # corpus8: the aggregator's "Le BEA enquête." ranked third behind two sentences on the landing and
    # was never judged for "Le Bureau d'enquêtes et d'analyses a ouvert une enquête …"
    text = (
        "Un avion se pose en urgence à Rennes après de la fumée à bord\n"
        "Un avion de la compagnie Aérolys, qui volait de Lyon vers Brest, a atterri en urgence dimanche à Rennes.\n"
        "Sept passagers ont été légèrement blessés pendant l'évacuation.\n"
        "Selon la compagnie, la climatisation pourrait être en cause. Le BEA enquête."
    )
    art = Article("e", "", text, "e.txt", "h", "2025-10-12")  # no headline: ranked as any sentence
    hits = [Hit(Chunk("e#0", "e", text, 0, len(text), "h"), 1.0)]
    claim = "Le Bureau d'enquêtes et d'analyses a ouvert une enquête sur l'incident de Rennes."
    judge = _Scripted(set())
    trace(claim, None, hits, {"e": art}, get_embedder("usem:multilingual-v3"), judge, "fr")
    assert judge.asked[0][0] == "Le BEA (Bureau d'enquêtes et d'analyses) enquête."


def test_a_headline_printing_nothing_of_what_the_claim_says_is_not_judged() -> None:
    from rag.embed import get_embedder
    from rag.stance import headline_unstated
    from rag.trace import trace
    from rag.types import Article, Chunk, Hit

    # corpus9: the aggregator's topic headline was taken (P 0.73) for "La contamination … pourrait être ancienne".
    claim = "La contamination aux PFAS pourrait être ancienne."
    topic = "Eau contaminée aux PFAS à Valdore : ce qu'il faut savoir"
    assert headline_unstated(claim, topic)
    assert headline_unstated("Chimirex conteste être à l'origine de la pollution.", topic)
    # a headline saying it in its own form of the verb, a synonym or the noun of what it acts on passes
    assert not headline_unstated("La préfecture a interdit la pêche dans le lac.", "Lac : la pêche interdite")
    assert not headline_unstated("Le BEA a ouvert une enquête.", "Le BEA enquête sur l'incident de Rennes")
    assert not headline_unstated(
        "L'hôpital a déclenché le plan blanc.", "Cyberattaque : l'hôpital déclenche le plan blanc"
    )
    text = f"{topic}\nDes PFAS ont été détectés dans l'eau du robinet de 38 communes autour de Valdore."
    art = Article("e", topic, text, "e.txt", "h", "2025-06-06")
    hits = [Hit(Chunk("e#0", "e", text, 0, len(text), "h"), 1.0)]
    judge = _Scripted(set())
    trace(claim, None, hits, {"e": art}, get_embedder("usem:multilingual-v3"), judge, "fr")
    assert topic not in [p for p, _ in judge.asked]
    judge = _Scripted(set())
    stated = "Valdore : la contamination aux PFAS serait ancienne"
    art = Article("e", stated, text.replace(topic, stated), "e.txt", "h", "2025-06-06")
    hits = [Hit(Chunk("e#0", "e", art.text, 0, len(art.text), "h"), 1.0)]
    trace(claim, None, hits, {"e": art}, get_embedder("usem:multilingual-v3"), judge, "fr")
    assert stated in [p for p, _ in judge.asked]


def test_a_sentence_that_names_someone_again_is_read_after_the_paragraph_before(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """corpus10: "Son avocat, Me Antoine Lebrun, a annoncé …" opens a paragraph; the judge reads it after
    the sentence that names Gérard Vasseur, and the quote stays the sentence as printed. Not when the
    sentence lacks the claim's figure: the one before may say who "Son" is, never what the quote lacks."""
    from rag import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gazette.txt").write_text(
        "Le propriétaire condamné\n"
        "Le tribunal a condamné Gérard Vasseur et la SCI à verser 1,2 million d'euros aux parties civiles.\n"
        "Son avocat, Me Antoine Lebrun, a annoncé son intention de faire appel contre cette condamnation.\n"
        "Le sexagénaire devra aussi verser 900 000 euros aux familles.\n",
        encoding="utf-8",
    )
    bot = Assistant.open(data_dir=tmp_path / "data", llm="fake:extractive", embedder="hash:512")
    bot.ingest(corpus)
    before = "Le tribunal a condamné Gérard Vasseur et la SCI à verser 1,2 million d'euros aux parties civiles."
    said = "Son avocat, Me Antoine Lebrun, a annoncé son intention de faire appel contre cette condamnation."
    claim = "L'avocat de Gérard Vasseur a annoncé son intention de faire appel contre cette condamnation."
    judge = _Scripted({(f"{before} {said}", claim)})
    monkeypatch.setattr(Assistant, "verifier", property(lambda self: judge))
    t = bot.trace(claim)
    (app,) = t.appearances
    assert app.quote == said and app.read_as == f"{before} {said}"
    assert (said, claim) in judge.asked  # the sentence alone first
    # "Le sexagénaire" names him again with another figure for the money: never read after the
    # sentence that prints the claim's (the judge would take the figure from there)
    money = "Gérard Vasseur devra verser 1,2 million d'euros aux familles."
    sexa = "Le sexagénaire devra aussi verser 900 000 euros aux familles."
    judge.yes.add((f"{said} {sexa}", money))
    judge.yes.add((f"{before} {sexa}", money))
    bot.trace(money)
    assert not any(p.endswith(sexa) and (before in p or said in p) for p, _ in judge.asked), judge.asked


def test_a_sentence_counting_the_claims_thing_with_its_figure_is_judged_though_it_names_nothing() -> None:
    from rag.embed import get_embedder
    from rag.trace import trace
    from rag.types import Article, Chunk, Hit

    # corpus11: the wire's "Au total, 286 postes seront supprimés …, a indiqué la direction" leaves the
    # company and the town to its headline and scored 0.32 against the claim: never judged.
    text = (
        "Eure : le fabricant de radiateurs Brévalle annonce la fermeture de son usine de Saint-Aubin-sur-Risle\n"
        "Le fabricant a annoncé mardi la fermeture de son usine, qui emploie 311 salariés.\n"
        "Au total, 286 postes seront supprimés dans le cadre d'un plan de sauvegarde de l'emploi, a indiqué la "
        "direction lors d'un comité social et économique extraordinaire.\n"
        "La production sera regroupée sur le site d'Opole, en Pologne."
    )
    title = text.split("\n")[0]
    art = Article("b", title, text, "b.txt", "h", "2026-11-17")
    hits = [Hit(Chunk("b#0", "b", text, 0, len(text), "h"), 1.0)]
    claim = "Brévalle va supprimer 286 postes dans son usine de Saint-Aubin-sur-Risle."
    judge = _Scripted(set())
    trace(claim, None, hits, {"b": art}, get_embedder("usem:multilingual-v3"), judge, "fr")
    assert any(p.startswith("Au total, 286 postes") for p, _ in judge.asked)
