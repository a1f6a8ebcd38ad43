"""A when or how-many answer whose own clause tells of another action than the one asked: the date
or count then belongs to that action, whatever its quote says ("La DNCG avait sanctionné le club en
juin …" for when the ban was lifted). The quote's side is `rag.values`.
"""

from __future__ import annotations

from typing import Any

from rag import clauses, figures, ground, predicates, slots
from rag.values import asked_verb, gives_value

# Verbs of having a number of things: a count of the asked noun, whatever the clause says of them
# (not "licencier": "38 salariés … continueront d'être payés" says nothing of how many were laid off).
# By stem: the parser gives "compte" as often as "compter" for the lemma of "compte".
_HAVING = {v[:5] for v in "compter avoir employer comprendre regrouper rassembler reunir posseder totaliser".split()}


def answer_other_action(question: str, answer: str) -> str | None:
    """A when or how-many question answered by a clause of another action, with its date or count:
    "Quand la DNCG a-t-elle levé l'interdiction ?" → "La DNCG avait sanctionné le club en juin d'une
    interdiction …" (corpus7: shown as proved; the judge takes "sanctionné … en juin" for when it was
    lifted, P 0.78). The answer's own words must name the asked action — its verb in any form, a noun
    of it, a synonym by word vectors — when it is a clause at all. French only."""
    if not gives_value(question, answer):
        return None
    count = slots.wants_number(question)
    asked = asked_verb(question)
    if asked is None:
        return None
    doc = clauses.parse(answer)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or not clauses.verb_like(root) or clauses.said(root.lemma_.lower()):
        return None  # a bare date or count, or a verb of saying: the quote's checks judge it
    q_verb = next((t for t in clauses.parse(question) if t.text == asked[0]), None)
    stem = ground.fold(asked[1])[:5]
    if count and stem in _HAVING and _counts_asked(question, doc):
        return None  # "Les 38 salariés du club continueront …" says how many the club has
    # by stem, not spelling: "période" is no form of "perdre" (one letter apart)
    if any(ground.fold(t.lemma_.lower()).startswith(stem) for t in doc):
        return _person_for_thing(q_verb, root) if q_verb is not None and q_verb.pos_ == "VERB" else None
    if q_verb is None or q_verb.pos_ != "VERB":
        return None  # "aura lieu", "est à la tête": a support verb's noun asks nothing a verb can match
    if any(t.pos_ == "VERB" and predicates.same_action(q_verb, t, doc) for t in doc):
        return _person_for_thing(q_verb, root)
    return f"the question asks when or how many « {asked[0]} »; the answer gives it for « {root.text} »"


def _counts_asked(question: str, doc: Any) -> bool:
    """The answer's number counts the question's own noun ("38 salariés" for "Combien de salariés …")."""
    what = slots.asked_count(question)
    heads = [ground.fold(h) for h in figures.heads(what)] if what else []
    return any(t.dep_ == "nummod" and any(ground.same_word(h, ground.fold(t.head.text), 5) for h in heads) for t in doc)


def _person_for_thing(asked: Any, root: Any) -> str | None:
    """A thing's action asked, a person's given: "À quelle heure l'avion devait-il atterrir ?" → "Le PDG
    d'Aérolys … est arrivé à l'aéroport à 16h05" (corpus8: shown as proved; "arriver" and "atterrir"
    are synonyms to the word vectors). The doers are told apart by kind only: an office holder or a
    person's name is not a thing ("l'appareil" for "l'avion" is not judged)."""
    from rag.kinds import holds_office

    def subject(verb: Any) -> Any:
        for v in (verb, verb.head):  # an infinitive's subject is its modal's ("l'avion devait atterrir")
            found = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if found is not None:
                return found
        return None

    mine, theirs = subject(asked), subject(root)
    if mine is None or theirs is None or mine.pos_ != "NOUN" or holds_office(mine.text):
        return None
    person = holds_office(theirs.text) or theirs.ent_type_ == "PER"
    if not person:
        return None
    return f"the question asks when or how many « {asked.text} » of « {mine.text} »; the answer gives it for « {root.text} » of « {theirs.text} »"
