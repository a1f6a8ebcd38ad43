"""A bare answer whose quote states nowhere what the question asks of it (`asked_not_in_quote`).

"Les États-Unis." for "Quel pays a imposé des sanctions à la Russie ?" over "Kirby a ajouté que les
États-Unis avaient déjà observé des navires russes …": the name is there, the sanctions are not. The
question's verb is read with `rag.predicates` (same action, same stem); French only.
"""

from __future__ import annotations

import re
from typing import Any

from rag import clauses, ground
from rag.lang import detect
from rag.predicates import _CLOSE_SYNONYM, _asked, same_action, same_stem


def asked_unstated(question: str, answer: str, quote: str) -> str | None:
    """A bare answer ("Les États-Unis.") whose quote states nowhere what the question asks of it:
    neither the question's verb (its stem, a synonym or a noun of it) nor what that verb acts on.
    "Quel pays a imposé des sanctions à la Russie ?" is not answered by "Kirby a ajouté que les
    États-Unis avaient déjà observé des navires russes …": the name is there, the sanctions are not,
    and a verb of finding is not one `action_unstated` judges. French question and quote only; a
    light verb or one of saying is not judged."""
    if detect(question) != "fr" or detect(quote) != "fr":
        return None
    asked = _asked(question)
    if asked is None or not clauses.verb_like(asked[0]) or clauses.said(asked[0].lemma_.lower()):
        return None
    # An answer with its own clause is `action_unstated`'s; a participle describing the name ("Erwan,
    # 34 ans, abonné depuis quinze ans") does not make one, nor the question's own verb restated with
    # the name ("La SCI Les Tanneurs devrait réaliser les travaux" over "La SCI … devra verser 200 000
    # euros d'amende", corpus10: the parser made "La SCI" the quote's root, so no verb was compared).
    asked_lemma = ground.fold(asked[0].lemma_.lower())
    if any(
        t.pos_ == "VERB"
        and (t.dep_ == "ROOT" or any(c.dep_.startswith("nsubj") for c in t.children))
        and not (clauses.verb_like(t) and same_stem(ground.fold(t.lemma_.lower()), asked_lemma))
        and not (t.lemma_.lower() in clauses.LIGHT and any(c.dep_ == "xcomp" for c in t.children))
        for t in clauses.parse(answer)
    ):
        return None
    pred, role = asked
    quote_doc = clauses.parse(quote)
    lemma = ground.fold(pred.lemma_.lower())
    # The action in any form: "imposées", "l'imposition", or another verb for it.
    if any(ground.same_word(lemma, ground.fold(t.lemma_.lower()), 5) for t in quote_doc) or any(
        t.pos_ == "VERB" and same_action(pred, t, quote_doc, _CLOSE_SYNONYM) for t in quote_doc
    ):
        return None
    own = clauses.argument(role)
    acted_on = [c for c in pred.children if c.i != own.i and c.dep_ in clauses.CORE and c.pos_ in ("NOUN", "PROPN")]
    printed = [ground.fold(t.lemma_.lower()) for t in quote_doc]
    what = " ".join(c.text for c in acted_on)
    if not acted_on or any(same_stem(ground.fold(c.lemma_.lower()), w) for c in acted_on for w in printed):
        # What it acts on is there: whether the quote says it is the judge's to read, once the answer's
        # name stands in one sentence with it ("… à l'appel du groupe Kerlann Ultras 1996. « … », lance
        # Erwan" names no founder).
        return _met_apart(answer, acted_on, quote_doc, pred.text, what)
    return f"the question asks what « {pred.text} » {what}; its quote has neither « {pred.text} » nor {what}"


def _met_apart(answer: str, acted_on: list[Any], quote_doc: Any, verb: str, what: str) -> str | None:
    """The answer's name and what the question's verb acts on are in the quote, never in one sentence."""
    names = {ground.fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]{2,}", answer)} - {"les", "des", "une", "the"}
    targets = {ground.fold(c.lemma_.lower()) for c in acted_on}
    if not names or not targets:
        return None
    both = [
        s
        for s in quote_doc.sents
        if names & {ground.fold(t.text) for t in s}
        and any(same_stem(x, ground.fold(t.lemma_.lower())) for t in s for x in targets)
    ]
    with_name = [s for s in quote_doc.sents if names & {ground.fold(t.text) for t in s}]
    if both or not with_name:
        return None
    return f"its quote names the answer and {what} in different sentences, none of them saying « {verb} »"


def demonym_elsewhere(question: str, answer: str, quote: str) -> str | None:
    """A place the answer gives that its quote prints only as an adjective of something the question
    does not ask about: "Brest" (or "Kervella Transports is headquartered in Brest.") for where
    Kervella Transports is based, over "l'homme d'affaires brestois Ronan Kervella, fondateur du groupe
    … Kervella Transports" (corpus7: shown as proved). The adjective must describe the question's own
    noun or name ("les armes nord-coréennes" for "Quel pays a fourni les armes ?"). A sentence's
    places are its capitalised words the question does not print. French quote only."""
    if detect(quote) != "fr":
        return None
    bare = re.fullmatch(
        r"\W*(?:(?:la|le|les|l['’])\s*)?(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s+(?:du|de|des)?\s*[A-ZÀ-Ý][\w'’-]*)*)\W*", answer
    )
    asked = {ground.fold(w) for w in re.findall(r"[\w-]{4,}", question)}
    if bare is not None:
        words = [ground.fold(w) for w in re.findall(r"[^\W\d_]{4,}", bare.group("name"))]
    else:
        capitalised = re.findall(r"(?<![\w'’])[A-ZÀ-Ý][^\W\d_]{3,}", answer)
        words = [w for w in (ground.fold(c) for c in capitalised) if w not in asked]
    printed = {ground.fold(w) for w in re.findall(r"[\w-]+", quote)}
    if not words or any(w in printed for w in words):
        return None  # the place itself is printed
    for tok in clauses.parse(quote):
        parts = [ground.fold(p) for p in tok.text.lower().split("-")]
        if tok.pos_ != "ADJ" or not any(p.startswith(w[:4]) and p != w for p in parts for w in words):
            continue
        head = tok.head
        # What it describes, up the nouns that complement one another: "iranienne" in "des drones de
        # fabrication iranienne" describes the drones.
        described = [head]
        while described[-1].dep_ == "nmod" and described[-1].head not in described:
            described.append(described[-1].head)
        named = [c for h in described for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        names = [" ".join(t.text for t in c.subtree if t.pos_ == "PROPN") for c in named]
        if any(same_stem(ground.fold(h.lemma_.lower()), a) for h in described for a in asked) or any(
            all(ground.fold(w) in asked for w in n.split() if len(w) >= 4) for n in names
        ):
            return None
        return f"its quote prints « {tok.text} » of « {head.text} », which the question does not ask about"
    return None


def said_uncredited(question: str, quote: str, credited: bool) -> str | None:
    """A who-question whose verb says ("Qui a révélé le projet … ?") answered over a quote that credits
    no one (`credited`: the article's attributions for its span) and where no verb of saying has a
    subject: « On l'a appris sur Facebook avant de l'apprendre par la direction » does not say the
    management revealed anything (corpus11). French question and quote only."""
    if credited or detect(question) != "fr" or detect(quote) != "fr":
        return None
    asked = _asked(question)
    if asked is None or not clauses.said(asked[0].lemma_.lower()):
        return None
    if any(
        clauses.said(t.lemma_.lower()) and any(c.dep_ in ("nsubj", "obl:agent") for c in t.children)
        for t in clauses.parse(quote)
        if t.pos_ == "VERB"
    ):
        return None
    return f"the question asks who « {asked[0].text} »; its quote credits no one and no one in it says anything"
