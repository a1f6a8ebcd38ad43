"""A version's stance toward a traced claim (`rag.stance`): states, drift, contradicts, or ruled out by code."""

from __future__ import annotations

from rag.quantities import quantities


def test_stance_contradicts_drifts_and_requires_the_claims_figures() -> None:
    from rag.embed import get_embedder
    from rag.stance import stance

    emb = get_embedder("hash:64")
    claim = "Le Kremlin a confirmé la livraison de 1 000 conteneurs."
    cq = quantities(claim)
    assert (
        stance(0.9, 0.65, claim, cq, (), "Le Kremlin a confirmé la livraison de 1 000 conteneurs.", None, emb)
        == "states"
    )
    assert (
        stance(0.9, 0.65, claim, cq, (), "Le Kremlin a confirmé la livraison de plus de 1 000 conteneurs.", None, emb)
        == "drift"
    )
    # the claim's figure missing from the quote: not a version of this claim
    assert stance(0.9, 0.65, claim, cq, (), "Le Kremlin a confirmé la livraison de conteneurs.", None, emb) is None
    denial = "Le Kremlin n'a pas confirmé la livraison de 1 000 conteneurs."
    assert stance(0.4, 0.65, claim, cq, (), denial, None, emb) == "contradicts"
    assert stance(0.1, 0.65, claim, cq, (), denial, None, emb) is None  # off topic for the judge
    # same figure, a detail the judge did not accept: a drifted version; without the figure, nothing
    later = "La livraison de 1 000 conteneurs aurait eu lieu en août."
    assert stance(0.4, 0.65, claim, cq, (), later, None, emb) == "drift"
    assert stance(0.4, 0.65, claim, cq, (), "La livraison de conteneurs aurait eu lieu en août.", None, emb) is None
    assert stance(0.2, 0.65, claim, cq, (), later, None, emb) is None
    # the same figure and every word of the claim: a restatement the judge underrated, not a drift
    again = "Selon Moscou, le Kremlin a confirmé jeudi la livraison de 1 000 conteneurs."
    assert stance(0.4, 0.65, claim, cq, (), again, None, emb) == "states"
    # A name of the claim doing something else there: no version, whatever the judge says.
    china = "La Chine a livré des obus d'artillerie à la Russie."
    turned = "La Russie s'est tournée vers des pays comme l'Iran, la Chine et la Corée du Nord."
    assert stance(0.9, 0.65, china, quantities(china), (), turned, None, emb) is None
    delivered = "Selon Kiev, la Chine a livré des obus à la Russie."
    assert stance(0.9, 0.65, china, quantities(china), (), delivered, None, emb) == "states"
    # Who does it must be printed (or named otherwise): another country's delivery is no version.
    korea = "La Corée du Nord a livré des obus d'artillerie à la Russie."
    assert stance(0.9, 0.65, china, quantities(china), (), korea, None, emb) is None
    assert stance(0.9, 0.65, china, quantities(china), (), "Pékin a livré des obus à la Russie.", None, emb) == "states"


def test_a_version_with_the_claims_rare_names_spelled_otherwise_is_a_drift() -> None:
    from rag.embed import get_embedder
    from rag.stance import rare_names, stance
    from rag.types import Chunk, Hit

    texts = {
        "a": "Les navires allaient du port de Rajin à Dunai. La Corée du Nord et la Russie démentent.",
        "b": "Les navires allaient entre Najin et Dunay, selon le RUSI. La Russie dément.",
        "c": "La Corée du Nord et la Russie ont signé un accord sur les armes. Un train a quitté la gare.",
        "d": "La Russie et la Corée du Nord se rapprochent.",
        "e": "La Corée du Nord livre la Russie.",
    }
    hits = [Hit(Chunk(f"{k}#0", k, t, 0, len(t), k), 1.0) for k, t in texts.items()]
    claim = "Les navires transportaient les conteneurs du port de Rajin à l'installation russe de Dunai."
    # Names most outlets print identify nothing, nor does a word also printed in lower case ("Les"); "Rajin" is not "train".
    assert rare_names(claim, hits) == ["rajin", "dunai"]
    assert rare_names("La Corée du Nord livre la Russie.", hits) == []
    # nor a number in words opening the claim (corpus8: "Quarante-cinq" kept out "une cinquantaine")
    counted = [*hits, Hit(Chunk("f#0", "f", "Quarante-cinq navires ont quitté Rajin.", 0, 39, "f"), 1.0)]
    assert rare_names("Quarante-cinq navires ont quitté Rajin.", counted) == ["rajin"]
    emb = get_embedder("hash:64")
    rare = rare_names(claim, hits)
    version = "Les navires se déplaçaient entre le port de Najin et une installation portuaire à Dunay."
    assert stance(0.6, 0.65, claim, [], rare, version, None, emb) == "drift"
    assert stance(0.2, 0.65, claim, [], rare, version, None, emb) is None  # the judge finds it off topic
    assert stance(0.6, 0.65, claim, [], rare, "Un navire a quitté Dunay.", None, emb) is None  # one name only
    # A sentence printing none of the names that identify the claim is not judged at all; a source's
    # name does not identify the claim ("Selon le RUSI, …" is stated by an outlet crediting another).
    from rag.stance import excluded, identifying

    other = "Elles représentent plus de 1 000 conteneurs transportés sur un navire battant pavillon russe."
    assert excluded(claim, [], other, None, emb, rare)
    assert not excluded(claim, [], version, None, emb, rare)
    # one of the claim's identifying figures printed is enough for the judge to be asked, not the code to rule out
    limit = "Onze échantillons dépassent la future limite européenne de 0,1 microgramme par litre."
    assert not excluded(limit, quantities(limit), "Onze d'entre eux dépassent la future norme européenne.", None, emb)
    assert excluded(limit, quantities(limit), "Des échantillons dépassent la future norme européenne.", None, emb)
    # a clipped name is printed by its full word: "Valdore Agglo" by "l'agglomération" (corpus9's headline)
    agglo = "Valdore Agglo va investir 6,5 millions d'euros dans le charbon actif."
    headline = "PFAS à Valdore : l'agglomération va investir 6,5 millions d'euros dans le charbon actif"
    assert not excluded(agglo, quantities(agglo), headline, None, emb, ["agglo"])
    assert excluded(
        agglo, quantities(agglo), "PFAS à Valdore : l'ARS investit 6,5 millions d'euros", None, emb, ["agglo"]
    )
    sourced = "Selon le RUSI, les navires transportaient les conteneurs de Rajin à Dunai."
    assert identifying(sourced, ["rusi", "rajin", "dunai"]) == ["rajin", "dunai"]


def test_a_claim_of_what_something_is_needs_that_printed() -> None:
    from rag.embed import get_embedder
    from rag.stance import excluded

    # corpus11: the judge took "Kessler a confirmé la fermeture" (0.72) for "la fermeture est une
    # décision difficile mais nécessaire"; the spokeswoman's words print it.
    emb = get_embedder("hash:64")
    claim = "Pour le groupe, la fermeture est une décision difficile mais nécessaire."
    confirmed = "Le groupe Kessler Thermotechnik a confirmé mardi la fermeture de l'usine de radiateurs Brévalle."
    said = "« C'est une décision difficile mais nécessaire pour assurer l'avenir de Brévalle », a déclaré Julia Brandt."
    assert excluded(claim, quantities(claim), confirmed, None, emb)
    assert not excluded(claim, quantities(claim), said, None, emb)


def test_what_is_to_come_is_no_version_of_what_was_done_in_a_past_year() -> None:
    from rag.embed import get_embedder
    from rag.stance import excluded

    # corpus11: "45 postes … en 2021" was shown as a drift of the 286 jobs to be cut.
    emb = get_embedder("hash:64")
    claim = "Brévalle va supprimer 286 postes dans son usine de Saint-Aubin-sur-Risle."
    earlier = "Le groupe avait déjà supprimé 45 postes à Saint-Aubin-sur-Risle en 2021."
    assert excluded(claim, quantities(claim), earlier, None, emb)
    assert not excluded(
        claim, quantities(claim), "Au total, 286 postes seront supprimés à Saint-Aubin-sur-Risle.", None, emb
    )
    done = "Brévalle a supprimé 45 postes à Saint-Aubin-sur-Risle."  # a past claim: the year may date it
    assert not excluded(done, quantities(done), earlier, None, emb)


def test_a_correction_notice_denies_the_figure_it_takes_back() -> None:
    from rag.stance import judged

    # corpus11: the rectificatif was shown as a drift of "268 postes" (P 0.47 read after the headline).
    claim = "Brévalle va supprimer 268 postes à Saint-Aubin-sur-Risle."
    notice = "Rectificatif : une première version de cet article indiquait par erreur 268 postes supprimés."
    assert judged(0.47, 0.65, claim, quantities(claim), (), notice) == "contradicts"
    right = "Brévalle va supprimer 286 postes à Saint-Aubin-sur-Risle."
    assert judged(0.9, 0.65, right, quantities(right), (), "Il s'agit de 286 postes.") == "states"


def test_a_half_accepted_other_figure_is_a_drift_only_under_a_verb_of_the_claims() -> None:
    from rag.stance import judged

    # corpus11: the wire's "…, qui emploie 311 salariés" (P 0.45) was shown as a drift of "Environ 150
    # salariés participent au blocage": both count employees, under other verbs.
    claim = "Environ 150 salariés participent au blocage de l'usine."
    employs = "Le fabricant a annoncé la fermeture de son usine de Saint-Aubin-sur-Risle, qui emploie 311 salariés."
    assert judged(0.45, 0.65, claim, quantities(claim), (), employs) is None
    joined = "Selon la gendarmerie, 90 salariés participent au blocage."
    assert judged(0.45, 0.65, claim, quantities(claim), (), joined) == "drift"
    # the same value with another qualifier stays a version whatever its verb
    sent = "La Corée du Nord a envoyé 1 000 conteneurs à la Russie."
    assert judged(0.45, 0.65, sent, quantities(sent), (), "Elles représentent plus de 1 000 conteneurs.") == "drift"
