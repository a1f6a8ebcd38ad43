"""Claim provenance: traces, stance and drift, corpus claims, the provenance eval (attribution is test_attribute)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from rag.quantities import quantities
from rag.trace import Appearance, drifts
from tests.conftest import SEEDS

CONTAINERS = "La Corée du Nord a envoyé plus de 1 000 conteneurs d'équipements militaires et de munitions à la Russie."


def _record_judge(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Swap the bots' verifier for the overlap fake that records each premise it judges."""
    from rag import Assistant
    from rag.verify import FakeVerifier

    judged: list[str] = []

    class Recording(FakeVerifier):
        def support(self, premise: str, question: str, answer: str) -> float:
            judged.append(premise)
            return super().support(premise, question, answer)

    monkeypatch.setattr(Assistant, "verifier", property(lambda self: Recording("overlap")))
    return judged


def test_quantities_keep_the_qualifier_and_the_counted_noun() -> None:
    assert quantities("plus de 1 000 conteneurs d'armes") == [("more", 1000.0, "conte")]
    assert quantities("au moins cinq allers-retours") == [("atleast", 5.0, "aller-retou")]
    assert quantities("1 000 conteneurs") == [("", 1000.0, "conte")]
    # a decimal is one figure, scaled by its word, counting the noun after it; a percentage counts "%"
    assert quantities("0,42 microgramme par litre") == [("", 0.42, "micro")]
    assert quantities("6,5 millions d'euros") == [("", 6.5e6, "euros")]
    assert quantities("Plus de 80 % des échantillons") == [("more", 80.0, "%")]
    assert quantities("le vol AL7412") == []  # a code's digits count nothing
    # a part of a whole counts what the whole counts (corpus11 read "286 des 311 postes" as 286 "des")
    assert quantities("286 des 311 postes") == [("", 286.0, "poste"), ("", 311.0, "poste")]
    assert quantities("deux des cinq navires") == [("", 2.0, "navir"), ("", 5.0, "navir")]
    assert quantities("20 des maisons") == [("", 20.0, "des")]  # no whole counted: as before


def test_a_drift_of_a_decimal_figure_is_found_whole() -> None:
    claim = "La concentration la plus élevée atteint 0,42 microgramme par litre."
    apps = [_app("a", "Elle atteint 0,42 microgramme par litre."), _app("b", "Elle atteint 0,4 microgramme par litre.")]
    (d,) = drifts(claim, apps)
    assert dict(d.versions) == {"0,42 microgramme": ("a",), "0,4 microgramme": ("b",)}


def _app(aid: str, quote: str) -> Appearance:
    return Appearance(aid, "", None, None, quote, 0, len(quote), 0, len(quote), "states", 0.9)


def test_drift_puts_both_versions_side_by_side() -> None:
    apps = [
        _app("a", "Kirby dit que la Corée du Nord a envoyé plus de 1 000 conteneurs."),
        _app("b", "La Corée du Nord a envoyé 1 000 conteneurs de munitions."),
        _app("c", "Plus de 1 000 conteneurs ont été livrés."),
    ]
    (d,) = drifts(CONTAINERS, apps)
    versions = dict(d.versions)
    # one version per (qualifier, value), printed as the first article wrote it
    assert versions == {"plus de 1 000 conteneurs": ("a", "c"), "1 000 conteneurs": ("b",)}
    # the same figure everywhere is no drift
    assert drifts(CONTAINERS, [apps[0], _app("d", "Plus de 1 000 conteneurs sont arrivés.")]) == ()


def test_drift_pairs_figures_that_count_the_same_thing() -> None:
    # corpus6: "3 mars" (the sampling date) was shown as the drift of "trois fois" the limit.
    claim = "Le taux de mercure est trois fois supérieur au seuil réglementaire."
    apps = [
        _app("a", "Les prélèvements effectués le 3 mars montrent un taux trois fois supérieur au seuil."),
        _app("b", "Selon l'ARS, les taux sont près de quatre fois supérieurs au seuil autorisé."),
        _app("e", "Des taux plus de trois fois supérieurs au seuil ont été mesurés."),
    ]
    (d,) = drifts(claim, apps)
    assert dict(d.versions) == {"trois fois": ("a",), "près de quatre fois": ("b",), "plus de trois fois": ("e",)}


def test_a_count_that_leaves_its_noun_out_counts_the_claims() -> None:
    from rag.quantities import counted_as, restated

    # corpus9: "12 dépassent" and "Onze d'entre eux dépassent" count the samples of "Onze échantillons dépassent"
    claim = "Onze échantillons dépassent la future limite européenne de 0,1 microgramme par litre."
    wire = "Plus de 80 % des échantillons sont contaminés et 12 dépassent la future limite européenne."
    assert counted_as(claim, quantities(wire)) == [("more", 80.0, "%"), ("", 12.0, "echan")]
    assert counted_as(claim, quantities("Onze d'entre eux dépassent la norme.")) == [("", 11.0, "echan")]
    assert (
        restated(claim, wire) == "12 échantillons dépassent la future limite européenne de 0,1 microgramme par litre."
    )
    apps = [_app("a", "Onze échantillons dépassent la limite."), _app("e", wire)]
    assert dict(drifts(claim, apps)[0].versions) == {"Onze échantillons": ("a",), "12 dépassent": ("e",)}
    # not after a function word: "12 ont été hospitalisés" is no count of "Sept personnes ont été blessées"
    assert counted_as("Sept personnes ont été blessées.", quantities("12 ont été hospitalisés.")) == [("", 12.0, "ont")]


def test_a_version_with_another_figure_is_judged_with_its_own_figure() -> None:
    from rag.quantities import restated

    claim = "Le taux de mercure est trois fois supérieur au seuil réglementaire."
    assert restated(claim, "Les taux sont près de quatre fois supérieurs au seuil.") == (
        "Le taux de mercure est près de quatre fois supérieur au seuil réglementaire."
    )
    ban = "La pêche est interdite au lac depuis le 13 mars."
    assert (
        restated(ban, "La pêche est interdite depuis le 12 mars.") == "La pêche est interdite au lac depuis le 12 mars."
    )
    # the same figure, or a figure of another thing (a date for a ratio), is no other version
    assert restated(ban, "La préfecture a interdit jeudi 13 mars la pêche.") is None
    assert restated(claim, "Les prélèvements du 3 mars montrent un taux élevé.") is None


def test_answers_carry_who_the_article_attributes_the_quote_to(fake_bot) -> None:  # noqa: ANN001
    a = fake_bot.ask("Quelle tactique l'armée russe utilise-t-elle selon Kirby ?")
    assert not a.refused and a.citations
    c = a.citations[0]
    art = fake_bot.article(c.article_id)
    assert c.sources and any(s.source.endswith("Kirby") for s in c.sources)
    assert all(art.text[s.start : s.end] == s.source for s in c.sources)
    assert a.to_dict()["citations"][0]["sources"][0]["cue"]


def test_trace_lists_every_article_with_sources_dates_and_drift(fake_bot) -> None:  # noqa: ANN001
    t = fake_bot.trace("Kirby a déclaré que la Corée du Nord a livré plus de 1 000 conteneurs à la Russie")
    ids = [a.article_id for a in t.appearances]
    assert len(ids) >= 3 and len(set(ids)) == len(ids)
    for a in t.appearances:
        art = fake_bot.article(a.article_id)
        assert art.text[a.start : a.end] == a.quote and art.raw[a.raw_start : a.raw_end] == a.quote
        assert a.stance in ("states", "drift", "contradicts")
        assert all(art.text[s.start : s.end] == s.source for s in a.sources)
    dated = [a.date for a in t.appearances if a.date]
    assert dated == sorted(dated) and any(a.earliest for a in t.appearances)
    assert t.appearances[0].earliest


def test_tracing_an_answer_reuses_its_verified_quotes(fake_bot, monkeypatch) -> None:  # noqa: ANN001
    q = "La Corée du Nord a-t-elle envoyé plus de 1 000 conteneurs d'équipements militaires à la Russie ?"
    a = fake_bot.ask(q)
    assert not a.refused, a.refusal_reason
    judged = _record_judge(monkeypatch)
    t = fake_bot.trace(q, answer=a)
    mine = {(c.article_id, c.quote, c.support) for c in a.citations}
    assert mine <= {(x.article_id, x.quote, x.support) for x in t.appearances}
    # Not judged again (the other articles' sentences may all be ruled out by code before the judge).
    assert not any(c.quote in p for c in a.citations for p in judged)


def test_trace_of_an_absent_claim_lists_nothing(fake_bot) -> None:  # noqa: ANN001
    t = fake_bot.trace("Le Brésil a vendu des avions de chasse au Portugal en 1990")
    assert t.appearances == () and t.refusal_reason


def test_corpus_claims_group_close_sentences_across_outlets(tmp_path: Path) -> None:
    from rag import Assistant
    from rag.claims import claim_review

    # the default embedder: the link thresholds are set for it
    bot = Assistant.open(data_dir=tmp_path / "d", llm="fake:extractive", embedder="usem:multilingual-v3")
    bot.ingest(SEEDS)
    groups = bot.claims()
    assert groups and all(len({a.article_id for a in g.appearances}) == len(g.appearances) >= 2 for g in groups)
    containers = [g for g in groups if "1 000 conteneurs" in g.claim]
    assert containers and len(containers[0].appearances) >= 3
    review = claim_review(containers[0])
    assert review["@type"] == "ClaimReview" and "reviewRating" not in review
    assert review["claimFirstAppearance"] and len(review["claimAppearances"]) == len(containers[0].appearances)
    assert any(d.versions for d in containers[0].drifts)  # "plus de 1 000" vs "1 000"
    for g in groups:
        for a in g.appearances:
            assert bot.article(a.article_id).text[a.start : a.end] == a.quote
    # an answer quoting one version names the other articles that print a close one (not verified)
    a = bot.ask("La Corée du Nord a-t-elle envoyé plus de 1 000 conteneurs d'équipements militaires à la Russie ?")
    assert not a.refused, a.refusal_reason
    cited = {c.article_id for c in a.citations}
    for c in a.citations:
        near = {
            x.article_id
            for g in groups
            if any(y.article_id == c.article_id and y.start < c.end and c.start < y.end for y in g.appearances)
            for x in g.appearances
        }
        assert set(c.also_in) == near - cited and not set(c.also_in) & cited
    assert any(c.also_in for c in a.citations), [c.quote for c in a.citations]


def test_provenance_scores_recall_precision_attribution_and_drift() -> None:
    from rag.attribute import Attribution
    from rag.provenance_eval import ProvenanceRow, score
    from rag.trace import Drift, Trace

    kirby = Attribution("John Kirby", 0, 10, "a déclaré", "person")
    t = Trace(
        CONTAINERS,
        None,
        (
            Appearance("a", "", None, None, "q", 0, 1, 0, 1, "states", 0.9, (kirby,)),
            Appearance("x", "", None, None, "q", 0, 1, 0, 1, "states", 0.9),
        ),
        (Drift((("plus de 1 000 conteneurs", ("a",)), ("1 000 conteneurs", ("x",)))),),
    )
    row = ProvenanceRow(
        id="r",
        claim=CONTAINERS,
        articles=["a", "b"],
        sources={"a": ["Kirby"]},
        drifts=[("plus de 1 000 conteneurs", "1 000 conteneurs")],
    )
    s = score(row, t)
    assert (s["recall"], s["precision"], s["attribution"], s["drift"]) == (0.5, 0.5, [True], [True])
    wrong = score(row.model_copy(update={"sources": {"a": ["RUSI"]}, "drifts": [("cinq", "six")]}), t)
    assert wrong["attribution"] == [False] and wrong["drift"] == [False]


@pytest.mark.slow
def test_real_trace_of_the_containers_claim(real_bot) -> None:  # noqa: ANN001
    t = real_bot.trace(CONTAINERS)
    ids = {a.article_id for a in t.appearances}
    assert len(ids) >= 4, [a.quote for a in t.appearances]
    assert any(any("Kirby" in s.source for s in a.sources) for a in t.appearances)
    assert any({"plus de 1 000 conteneurs", "1 000 conteneurs"} <= {v.lower() for v, _ in d.versions} for d in t.drifts)


def test_cli_trace_json(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "RAG_DATA_DIR": str(tmp_path / "d"), "RAG_LLM": "fake:extractive", "RAG_EMBEDDER": "hash:512"}
    exe = Path(sys.executable).with_name("rag")
    subprocess.run([str(exe), "ingest", str(SEEDS)], env=env, check=True, capture_output=True)
    out = subprocess.run(
        [str(exe), "trace", "--json", "La Corée du Nord a livré plus de 1 000 conteneurs à la Russie"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(out.stdout)
    assert data["articles"] and {"article_id", "quote", "sources", "stance", "earliest"} <= set(data["articles"][0])
    review = subprocess.run([str(exe), "claims", "--claimreview"], env=env, check=True, capture_output=True, text=True)
    assert json.loads(review.stdout)[0]["@type"] == "ClaimReview"


def test_source_chain_goes_from_origin_to_first_publisher_to_outlets() -> None:
    from rag.attribute import Attribution
    from rag.trace import chain

    rusi = Attribution("le RUSI", 0, 7, "selon", "organisation")
    post = Attribution("le Washington Post", 0, 18, "obtenues pour la première fois par", "organisation", True)
    apps = [
        Appearance("a", "", "2023-10", "Outlet A", "q", 0, 1, 0, 1, "states", 0.9, (rusi, post)),
        Appearance(
            "b", "", "2023-11", None, "q", 0, 1, 0, 1, "states", 0.9, (Attribution("RUSI", 0, 4, "selon", "other"),)
        ),
    ]
    steps = [(s.name, s.role, s.article_ids) for s in chain(apps)]
    assert steps == [
        ("RUSI", "origin", ("a", "b")),
        ("Washington Post", "first published by", ("a",)),
        ("Outlet A", "reported by", ("a",)),
        ("b", "reported by", ("b",)),
    ]
    # corpus8: "la préfecture" and "la préfecture d'Ille-et-Vilaine" are one origin, named in full
    short, full = (
        Attribution(n, 0, len(n), "a indiqué", "other") for n in ("la préfecture", "la préfecture d'Ille-et-Vilaine")
    )
    twice = [replace(_app("a", "q"), sources=(short,)), replace(_app("b", "q"), sources=(full,))]
    assert [(s.name, s.role, s.article_ids) for s in chain(twice)][0] == (
        "préfecture d'Ille-et-Vilaine",
        "origin",
        ("a", "b"),
    )
    # corpus8: "…, ce qu'Aérolys a démenti": who denies the claim is no origin of it
    snpl = Attribution("Le Syndicat national des pilotes de ligne", 0, 41, "a affirmé", "organisation")
    denial = Attribution("Aérolys", 0, 7, "a démenti", "organisation")
    wire = Appearance("c", "", "2025-10", "Wire", "q", 0, 1, 0, 1, "states", 0.9, (snpl, denial))
    assert [(s.name, s.role) for s in chain([wire])] == [
        ("Syndicat national des pilotes de ligne", "origin"),
        ("Aérolys", "denied by"),
        ("Wire", "reported by"),
    ]
    from rag.trace import Trace
    from rag.trace_render import markdown
    from rag.ui_trace import trace_html

    shown = Trace("claim", None, (wire,), chain=chain([wire]))
    assert markdown(shown).endswith("→ Wire (reported by)\n\n**Denied by:** Aérolys (c)")
    assert "<b>Denied by:</b> Aérolys" in trace_html(shown) and "Aérolys <small>(denied" not in trace_html(shown)


def test_chain_names_an_origin_once_with_its_acronym_and_shows_the_credited_outlet() -> None:
    # corpus6: "Agence régionale de santé" and "ARS" were two origins; an aggregator's "Source : Le
    # Journal du Lac" and a paper's byline were lost or shown as an outlet.
    from rag.attribute import Attribution
    from rag.trace import chain
    from rag.trace_render import by_line

    ars = Attribution("l'Agence régionale de santé", 0, 27, "Selon", "organisation")
    short = Attribution("l'ARS", 0, 5, "selon", "organisation")
    apps = [
        replace(_app("a", "q"), outlet="Le Journal du Lac", byline="Julien Ferrand", sources=(ars,)),
        replace(_app("e", "q"), credited="Le Journal du Lac", sources=(short,)),
    ]
    steps = [(s.name, s.role, s.article_ids) for s in chain(apps)]
    assert steps == [
        ("Agence régionale de santé", "origin", ("a", "e")),
        ("Le Journal du Lac", "credited as source", ("e",)),
        ("Le Journal du Lac", "reported by", ("a",)),
        ("e", "reported by", ("e",)),
    ]
    assert by_line(apps[0]) == ", by Julien Ferrand" and by_line(apps[1]) == ", credits Le Journal du Lac"


def test_chat_and_export_name_the_articles_with_a_close_version() -> None:
    from rag.types import Answer, Citation
    from rag.ui_render import chat_text

    c = Citation("a1", "a1:0", "Plus de 1 000 conteneurs.", 0, 25, 0, 25, 0.9, (), ("b2", "c3"))
    a = Answer("Combien ?", "Plus de 1 000 conteneurs.", False, (c,), (), "fr")
    text = chat_text(a, {"a1": "Outlet A", "b2": "Outlet B", "c3": "Outlet C"})
    assert "Rapporté par 1 article(s) vérifié(s) : Outlet A" in text
    assert "Version proche aussi dans (non vérifié) : Outlet B, Outlet C" in text
    assert "aussi dans" not in chat_text(Answer("Combien ?", "x", False, (replace(c, also_in=()),), (), "fr"))


def test_a_trace_adds_the_sentence_before_only_for_a_reference_to_it(fake_bot, monkeypatch) -> None:  # noqa: ANN001
    """The wider quote costs a judge call an article; it helps only where the sentence opens with
    what refers to the one before ("Elles représentent …") or names by a demonstrative ("ce matériel")."""
    from rag.chunk import refers_back, sentences

    judged = _record_judge(monkeypatch)
    fake_bot.trace("La Corée du Nord a vendu des navires de guerre au Brésil en échange de céréales.")
    fake_bot.trace(CONTAINERS)
    assert judged
    for premise in judged:
        spans = sentences(premise)
        assert len(spans) == 1 or refers_back(premise[spans[-1][0] :]), premise


def test_a_trace_spends_no_judge_call_on_a_sentence_code_already_rules_out(fake_bot, monkeypatch) -> None:  # noqa: ANN001
    """A sentence without the claim's figure (nor another figure for the same thing) states no version of it."""
    judged = _record_judge(monkeypatch)
    t = fake_bot.trace(CONTAINERS)
    assert len(t.appearances) >= 3
    fake_bot.trace("La Corée du Nord a envoyé 5 000 drones à la Russie.")
    assert judged and all(any(ch.isdigit() for ch in p) for p in judged), judged
