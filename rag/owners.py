"""Whose figure: a count or amount asked of one name is not answered by its quote's figure for another.

"Quel est le chiffre d'affaires du groupe Helvag ?" was answered "42 millions d'euros" over "Le
groupe Chimanor, filiale du chimiste allemand Helvag, a réalisé un chiffre d'affaires de 42
millions d'euros": both names and the figure are in the quote, so the judge and the word checks
pass it, but the figure is the subsidiary's. spaCy's parse gives the verb the figure stands under
and that verb's subject; the names that subject goes by (its own, those it is "de" or the
apposition of, one level down) must include one the question gives, or a name of the same state
("Pyongyang" for "la Corée du Nord").

Only clear cases are judged: French, a question that names someone, an answer's figure (a count,
an amount, a year) printed under a verb that is not one of saying, a subject that goes by names, none of them the question's,
and a name of the question printed elsewhere in the quote (where it is missing altogether, the
premise checks answer).
"""

from __future__ import annotations

from typing import Any

from rag import clauses, figures, gazetteer, ground
from rag.lang import detect

# Relations through which a subject goes by a name: "le groupe Chimanor", "Chimanor, le groupe …",
# "le centre hospitalier de Vallon-sur-Loue".
_NAMED_BY = {"flat:name", "flat", "appos", "nmod", "compound", "nmod:appos"}


def _names_of(subject: Any) -> list[str]:
    """The names a subject goes by, one relation down from it and from its appositions."""
    heads = [subject] + [c for c in subject.children if c.dep_ == "appos"]
    names = [t for h in heads for t in [h, *h.children] if clauses.is_name(t) and (t is h or t.dep_ in _NAMED_BY)]
    return [t.text for t in names]


def _subject(verb: Any) -> Any | None:
    """The noun that does `verb`: its subject, or the noun a relative clause ("…, qui compte 450
    membres") describes. None for a pronoun or no subject."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and "Rel" in subj.morph.get("PronType") and verb.dep_ == "acl:relcl":
        subj = verb.head
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def other_owner(question: str, answer: str, quote: str) -> str | None:
    """Why the answer's figure is another name's in its quote, or None (also when nothing can be judged)."""
    if detect(question) != "fr" or detect(quote) != "fr":
        return None
    values = figures.numbers(answer) - figures.numbers(question)
    asked = [t.text for t in clauses.parse(question) if clauses.is_name(t)]
    if not values or not asked:
        return None
    folded = " ".join(ground.fold(a) for a in asked)
    doc = clauses.parse(quote)
    for tok in doc:
        # The number alone, or with its scale word ("42 millions").
        if not tok.like_num:
            continue
        printed = next((p for p in (tok.text, doc[tok.i : tok.i + 2].text) if values & figures.numbers(p)), None)
        if printed is None:
            continue
        verb, path = clauses.clause(tok)
        if verb.pos_ != "VERB" or clauses.said(verb.lemma_.lower()):
            return None
        # The figure's own phrase names the question's name: "cinq voyages de l'Angara" is the
        # Angara's count whoever observed it.
        if any(ground.fold(t.text) in folded.split() for t in path[-1].subtree if clauses.is_name(t)):
            return None
        subj = _subject(verb)
        if subj is None or subj in path:
            return None  # no subject, a pronoun, or the counted noun itself ("1 000 conteneurs ont été …")
        own = _names_of(subj)
        if not own or any(ground.fold(n) in folded.split() for n in own):
            return None
        if any(gazetteer.same_named(n, question) for n in own):
            return None  # "Pyongyang" for "la Corée du Nord"
        elsewhere = [a for a in asked if any(ground.fold(t.text) == ground.fold(a) for t in tok.doc)]
        if not elsewhere:
            return None
        return (
            f"the question asks the figure of {', '.join(asked)}; its quote gives {printed} "
            f"for « {' '.join(own)} » ({verb.text}), with {elsewhere[0]} elsewhere"
        )
    return None
