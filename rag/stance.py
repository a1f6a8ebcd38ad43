"""A version's stance toward a traced claim: states it, states a different figure or detail
(drift), or contradicts it. The support verifier's P(yes) decides with code that compares the
versions' figures and names: a 1.5B judge misses a version that says it otherwise ("Najin" and
"Dunay" for "Rajin" and "Dunai") and accepts one that counts something else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rag import clauses, ground, predicates
from rag.embed import Embedder
from rag.figures import miscounted, numbers, ungrounded_numbers
from rag.names import unknown_names
from rag.quantities import counted_as, figure_differs, key_figures, quantities, same_unit
from rag.types import Hit

STANCES = ("states", "drift", "contradicts")
_CLAUSE_CUTS = re.compile(r"[«»“”\";:()\[\]—–]|(?<=\w)\.(?=\s)")
_NEGATION = re.compile(r"\b(?:ne|n['’])\b[^.]{0,40}\b(?:pas|jamais|aucun|aucune|nullement)\b|\b(?:dément|démenti|nie|nié|faux|not|never|denied|denies)\b", re.IGNORECASE)  # fmt: skip


def stance(
    p: float,
    threshold: float,
    claim: str,
    claim_q: list[tuple[str, float, str]],
    rare: Sequence[str],
    quote: str,
    question: str | None,
    embedder: Embedder,
) -> str | None:
    """states: the verifier accepts it and its figures agree; drift: about the same counted thing
    with another figure or qualifier, or the same identifying figure with a detail the verifier
    did not accept; contradicts: accepted topic, opposite polarity. As for answers,
    the claim's numbers must stand in the quote (or differ visibly: drift), and an answer to a
    question must find its names there."""
    if excluded(claim, claim_q, quote, question, embedder):
        return None
    return judged(p, threshold, claim, claim_q, rare, quote)


def judged(
    p: float, threshold: float, claim: str, claim_q: list[tuple[str, float, str]], rare: Sequence[str], quote: str
) -> str | None:
    """`stance` for a quote already past `excluded` (a trace checks that before paying for `p`)."""
    # A correction notice prints the figure it takes back ("Rectificatif : une première version de cet
    # article indiquait par erreur 268 postes supprimés"): the article denies it, whatever the judge read.
    if takes_back(claim, quote):
        return "contradicts"
    differ = figure_differs(claim_q, counted_as(claim, quantities(quote)))
    if p >= threshold:
        return "drift" if differ else "states"
    if differ and p >= threshold / 2 and _figure_acted_alike(claim, claim_q, quote):
        return "drift"
    # Denied: the claim's own words, one negated. A sentence on another matter is not a denial because
    # it lacks the claim's "pas" (a title on the fishing ban for "Il n'y a pas de danger pour la baignade").
    if p >= threshold / 2 and _denies(claim, quote):
        return "contradicts"
    # The claim's identifying figure, counting the same thing, in a sentence the judge half accepts:
    # a version that differs in a detail ("cinq voyages … depuis août" for "… depuis la mi-août"),
    # or, when every word of the claim is printed there too, a restatement the judge underrated.
    if p >= threshold / 2 and key_figures(claim) & key_figures(quote):
        return "states" if _restates(claim, quote) else "drift"
    # Likewise two of the names that identify the claim (`rare_names`), even spelled otherwise:
    # "entre le port de Najin … et une installation portuaire à Dunay" for "… de Rajin (Najin) et
    # l'installation russe de Dunai" (which the judge reads at 0.647 against a threshold of 0.65).
    if p >= threshold / 2 and len(rare) >= 2:
        if _printed(rare, quote) >= 2:
            return "drift"
    return None


def _figure_acted_alike(claim: str, claim_q: list[tuple[str, float, str]], quote: str) -> bool:
    """A half-accepted version whose figure differs: the same value (another qualifier), or its other
    value under a verb of the claim's (in any form or a close synonym), or under none. "…, qui emploie
    311 salariés" is no version of "150 salariés participent au blocage", though both count employees."""
    from rag.attribute import parse  # lazy: spaCy

    theirs = counted_as(claim, quantities(quote))
    if any(v == w and same_unit(u, x) for _, v, u in claim_q for _, w, x in theirs):
        return True  # "plus de 1 000 conteneurs" for "1 000 conteneurs"
    mine = [t for t in parse(claim) if t.pos_ == "VERB"]
    values = {w for _, w, x in theirs if any(same_unit(u, x) for _, _, u in claim_q)}
    heads = [
        clauses.clause(t)[0]
        for t in parse(quote)
        if (t.like_num or t.pos_ == "NUM") and numbers(t.text) & values
    ]
    verbs = [h for h in heads if h.pos_ == "VERB"]
    return not verbs or any(_same_word(m, v) for m in mine for v in verbs)


def takes_back(claim: str, quote: str, question: str = "") -> bool:
    """The quote is a correction notice printing one of the claim's figures: the figure it takes back.
    Not for a question about the correction ("Quel chiffre la première version donnait-elle par erreur ?")."""
    if _CORRECTION.search(question) or re.search(r"\bversions?\b", question, re.IGNORECASE):
        return False
    return bool(_CORRECTION.search(quote) and key_figures(claim) & key_figures(quote))


def excluded(
    claim: str,
    claim_q: list[tuple[str, float, str]],
    quote: str,
    question: str | None,
    embedder: Embedder,
    rare: Sequence[str] = (),
    setting: str = "",
    before: str = "",
) -> bool:
    """No version of the claim whatever the judge says, so not worth its call: the claim's numbers
    are missing without another figure for the same thing in their place, or the quote's number
    counts something else ("1 000 soldats" is no version of "1 000 conteneurs"), or one of its names
    does something else there; a name it gives is missing (for a claim, one its verbs act on, or
    every name that identifies it: `rare`). `setting`: the article's title, whose names the sentence
    may leave to it ("La pêche y est interdite depuis jeudi" under "Mercure dans le lac de Serrières");
    `before`: the sentence it refers to, which may name whom it calls "The 63-year-old" or "Son avocat"."""
    differ = figure_differs(claim_q, counted_as(claim, quantities(quote)))
    # One of the claim's identifying figures printed is enough to ask the judge: "Onze d'entre eux
    # dépassent la future norme européenne" leaves out the limit's "0,1 microgramme par litre".
    shared = key_figures(claim) & key_figures(quote)
    if not differ and not shared and ungrounded_numbers(claim, [quote], question or ""):
        return True
    if miscounted(claim, quote, embedder):
        return True
    # A name of the claim doing something else there: "la Russie s'est tournée vers … la Chine" is no
    # version of "La Chine a livré des obus à la Russie" (rag.predicates, as for answers).
    if predicates.action_unstated(question or "", claim, quote):
        return True
    # A claim that says what something is ("la fermeture est une décision difficile mais nécessaire")
    # is stated only where that is printed, as for a headline: the judge took "Kessler a confirmé la
    # fermeture" for it (0.72).
    if not question and _copular(claim) and headline_unstated(claim, quote):
        return True
    # What is to come is no version of what was done in a year gone by: "Le groupe avait déjà supprimé
    # 45 postes … en 2021" for "Brévalle va supprimer 286 postes" (read after the headline, 0.72).
    if _future(claim) and _done_in_a_year(quote, claim):
        return True
    if question:
        return bool(unknown_names(claim, [quote, question], embedder))
    # Who does what to whom must be printed (or named otherwise: "Pyongyang", "la RPDC"): "la Corée
    # du Nord a livré du matériel à la Russie" is no version of "La Chine a livré des obus …". A
    # sentence that says "Elle" for it is judged with the sentence before (`chunk.refers_back`).
    if any(unknown_names(name, [quote, setting, before], embedder) for name in predicates.core_names(claim)):
        return True
    # Nor is a sentence that prints none of the names that identify the claim (`rare_names`, spelled
    # alike: "Najin", "Dunay"): of "Les navires transportaient les conteneurs entre … Rajin (Najin) et
    # … Dunai", "un navire battant pavillon russe en provenance de Corée du Nord" is another fact.
    return bool(rare) and not _printed(rare, f"{before} {quote}")


def headline_unstated(claim: str, headline: str) -> bool:
    """A headline printing nothing of what the claim says happens: its main verb (for "être" and an
    adjective, the adjective; past a modal, what it modalises), a verb it reports, or what they act
    on, in any form or a close synonym. Headlines drop verbs, and the judge takes their topic for the
    statement: "Eau contaminée aux PFAS à Valdore : ce qu'il faut savoir" (P 0.73) for "La
    contamination aux PFAS pourrait être ancienne"."""
    from rag.attribute import parse  # lazy: spaCy

    said, head = parse(claim), parse(headline)
    preds = [t for t in said if t.dep_ == "ROOT" and t.pos_ in ("VERB", "ADJ", "NOUN")]
    preds += [c for t in preds for c in t.children if c.dep_ in ("ccomp", "xcomp")]
    preds = [t for t in preds if t.lemma_.lower() not in _MODAL] or preds
    preds += [c for t in preds for c in t.children if c.dep_ in ("obj", "obl:arg") and c.pos_ == "NOUN"]
    words = [t for t in head if t.pos_ in ("VERB", "ADJ", "NOUN")]
    return bool(preds) and not any(_same_word(p, w) for p in preds for w in words)


_MODAL = {"pouvoir", "devoir", "aller", "sembler", "paraître", "falloir", "vouloir"}


_CORRECTION = re.compile(
    r"\b(?:par erreur|à tort|de façon erronée|erron[ée]e?s?ment|rectificatif|erratum|in error|mistakenly|"
    r"wrongly|incorrectly|erroneously)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:en|in)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def _future(claim: str) -> bool:
    """The claim's main verb is in the future: "supprimera", "seront supprimés", "va supprimer"."""
    from rag.attribute import parse  # lazy: spaCy

    root = next((t for t in parse(claim) if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    verbs = [root, *(c for c in root.children if c.dep_.startswith("aux"))]
    return any("Fut" in t.morph.get("Tense") for t in verbs) or (
        root.lemma_.lower() == "aller"
        and any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in root.children)
    )


def _done_in_a_year(quote: str, claim: str) -> bool:
    """The quote tells, in a compound past, something done "en 2021", a year the claim does not print."""
    from rag.attribute import parse  # lazy: spaCy

    years = set(_YEAR.findall(quote)) - set(re.findall(r"\d{4}", claim))
    if not years:
        return False
    root = next((t for t in parse(quote) if t.dep_ == "ROOT"), None)
    return (
        root is not None
        and "Part" in root.morph.get("VerbForm")
        and any(c.dep_ == "aux:tense" and "Fut" not in c.morph.get("Tense") for c in root.children)
    )


def _copular(claim: str) -> bool:
    """The claim's main predicate is a noun or an adjective after "être" ("… est une décision …")."""
    from rag.attribute import parse  # lazy: spaCy

    return any(
        t.dep_ == "ROOT" and t.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "cop" for c in t.children)
        for t in parse(claim)
    )


def _same_word(a: Any, b: Any) -> bool:
    """Two tokens name one thing: same stem ("blessées"/"blessés", "enquête"/"enquêter"), both of
    handing over ("envoyé"/"livré"), or a close synonym by the pipeline's word vectors when both have
    one (a word without is no synonym here)."""
    x, y = ground.fold(a.lemma_.lower()), ground.fold(b.lemma_.lower())
    if predicates.same_stem(x, y) or predicates.both_transfer(x, y):
        return True
    vx, vy = a.doc.vocab[a.lemma_.lower()], b.doc.vocab[b.lemma_.lower()]
    return vx.has_vector and vy.has_vector and float(vx.similarity(vy)) >= predicates._CLOSE_SYNONYM


def identifying(claim: str, rare: Sequence[str]) -> list[str]:
    """The claim's `rare` names less those of its sources: "Selon le RUSI, deux navires ont fait cinq
    voyages" is stated by an outlet that credits the Washington Post for it."""
    from rag.attribute import attribute  # lazy: spaCy

    cited = {ground.fold(w) for x in attribute(claim) for a in x.sources for w in re.findall(r"[\w-]+", a.source)}
    return [n for n in rare if n not in cited]


def _denies(claim: str, quote: str) -> bool:
    """The claim's own words with the opposite polarity. A quote's negation bears on its clause only:
    "« ce n'est pas un incident isolé » : le SNPL affirme que trois épisodes … ont été signalés"
    restates "Le SNPL affirme que trois incidents … ont été signalés" and denies none of it."""
    if _NEGATION.search(claim):
        return not _NEGATION.search(quote) and _restates(claim, quote, 0.67)
    return any(_restates(claim, _clause(quote, m.start()), 0.67) for m in _NEGATION.finditer(quote))


def _clause(text: str, at: int) -> str:
    """The stretch of `text` around offset `at` between quotation marks, colons, semicolons, dashes or brackets."""
    cuts = [m.start() for m in _CLAUSE_CUTS.finditer(text)]
    start = max((c + 1 for c in cuts if c < at), default=0)
    end = min((c for c in cuts if c >= at), default=len(text))
    return text[start:end]


def _restates(claim: str, quote: str, share: float = 1.0) -> bool:
    """Every content word of the claim (or `share` of them) is printed in the quote, by stem or spelling."""
    have = ground.content_words(quote)
    words = ground.content_words(claim)
    found = sum(any(ground.same_word(w, h, 5) or ground.same_word(h, w, 5) for h in have) for w in words)
    return found >= share * len(words)


def _printed(names: Sequence[str], quote: str) -> int:
    """How many of `names` (folded) the quote prints, spelled alike."""
    words = {ground.fold(w) for w in re.findall(r"[\w-]+", quote)}
    return sum(any(_alike(n, w) for w in words) for n in names)


def _alike(name: str, word: str) -> bool:
    """The same name, spelled one letter off or clipped when long enough to tell ("dunai"/"dunay", not
    "kim"/"kia")."""
    # "Agglo" clips "agglomération" ("Valdore Agglo" / "l'agglomération va investir …")
    return name == word or (len(name) >= 5 and (ground.one_edit(name, word) or word.startswith(name)))


def rare_names(claim: str, hits: Sequence[Hit]) -> list[str]:
    """The claim's names (folded) that at most half of the candidate articles print, spelled alike:
    what identifies this claim ("Najin", "Dunai") rather than the story every outlet tells ("Corée",
    "Russie"). A capitalised word the texts also print in lower case is a common word ("Les")."""
    vocab: dict[str, set[str]] = {}
    common: set[str] = set()
    for h in hits:
        words = re.findall(r"[\w-]+", h.chunk.text)
        vocab.setdefault(h.chunk.article_id, set()).update(ground.fold(w) for w in words)
        common.update(w for w in words if w.islower())
    out = []
    for name in dict.fromkeys(re.findall(r"\b[A-ZÀ-ÖØ-Ý][\w-]{2,}", claim)):
        if name.lower() in common or numbers(name):  # "Quarante-cinq" opening a sentence is a figure
            continue
        folded = ground.fold(name)
        printed_by = sum(any(_alike(folded, w) for w in words) for words in vocab.values())
        if 0 < printed_by <= len(vocab) / 2:
            out.append(folded)
    return list(dict.fromkeys(out))
