"""What kind of answer a question asks for, and whether the model's answer is of that kind.

Checks on the answer against the question only, run before the support verifier: the 1.5B judge
reads "RUSI a déclaré que …" as an answer to "Qui, au RUSI, estime … ?" and "85 sapeurs-pompiers
ont été mobilisés" as one to "Combien de personnes ont été blessées ?" because the quote states
them; asked without the quote whether the answer responds to the question it does not separate
right from wrong either (at P >= 0.6 it keeps 72% of 86 right shown answers and passes 35% of 21
wrong ones). These hold for any question of the shape, whatever its words:

- `wants_number`: how many / how much / what number → the answer must give a number;
- `counts_other`: "how many X" (or "… des X, et combien ?") answered with a count of Y (X and Y
  compared as in `figures`);
- `subject_from_question`: the question asks for its own subject (who / which X did …) and the
  answer's subject is a name the question already gives;
- `other_end`: "until when" answered with "since …" (or the reverse).

Whether a who- or what-is-called question is answered with a name: `rag.naming`.
"""

from __future__ import annotations

import re

from rag import figures, ground
from rag.embed import Embedder

# Questions whose answer is a quantity: how many, how much, what number/amount/price/cost.
_WANTS_NUMBER = re.compile(
    r"\b(?:combien|how many|how much|(?:quel|quelle)(?:\s+(?:est|était|a été))?\s+(?:le|la)?\s*"
    r"(?:nombre|montant|prix|coût|quantité|somme|tonnage|effectif)|what (?:is the |was the )?"
    r"(?:number|amount|price|cost|quantity|tonnage)|(?:did|does|do)\b[^?]{0,60}\bcost)\b",
    re.IGNORECASE,
)
# The noun a count question counts, up to its verb: "Combien de personnes ont été blessées" ->
# "personnes"; "How many North Korean troops were sent" -> "North Korean troops".
_STOP = (
    r"ont|a|sont|est|été|étaient|avait|avaient|were|was|are|is|have|has|had|did|do|does|les|le|la|the|and|et|"
    r"ou|or|qui|que|which|that|who|en|in|à|to|by|par|pour|for|sur|on|from|ce|ces|cette|this|these"
)
# "À combien d'amende … ?" asks what it amounts to ("75 000 euros"), not how many fines.
_ASKED_COUNT = re.compile(
    r"\b(?:(?<![àÀ]\s)combien\s+(?:de\s+|d['’])|how\s+many\s+|nombre\s+(?:de\s+|d['’])|number\s+of\s+)"
    rf"(?P<what>[^\W\d_][\w’'-]*(?:\s+(?!(?:{_STOP})\b)[^\W\d_][\w’'-]*){{0,2}})",
    re.IGNORECASE,
)
# "combien"/"how many" with its noun left out counts the indefinite noun before it: "La Corée du Nord
# a-t-elle envoyé des troupes, et combien ?" -> "troupes"; "Did it send any troops, and how many?".
# A definite or demonstrative object is not counted ("Combien la Russie a-t-elle payé ces armes ?").
_ELIDED = re.compile(r"\b(?:combien|how\s+many)\s*\?", re.IGNORECASE)
_INDEFINITE = re.compile(
    r"(?:\b(?i:des|any|some)\s+|\b(?i:de\s+|d['’])(?![A-ZÀ-Ý]))"
    r"(?!(?i:la|le|les|l|ce|ces|cette|son|sa|ses|leur|leurs|the)\b)"
    r"(?P<what>[^\W\d_][\w’'-]*)"
)
# The question asks for its subject: it opens with who / which X and has no subject of its own after
# the verb ("Quel jour le Post a-t-il publié …", "What did Kirby say …" ask for something else);
# "Qui est X ?" asks who X is, and "X est …" answers it.
_ASKS_SUBJECT = re.compile(
    r"^\W*(?:qui|who|(?:quel(?:le)?s?|which|what)\s+(?!(?:est|était|sont|is|was|are|were)\b)[^\W\d_][\w'’-]*)\b"
    r"(?!\s*(?:est|était|sont|is|was|are|were)\b)",
    re.IGNORECASE,
)
INVERSION = re.compile(
    r"-t-(?:il|elle|ils|elles|on)\b|-(?:il|elle|ils|elles|on)\b|\best-ce\b|"
    r"\b(?:did|does|do|is|was|were|are|has|have|had)\s+(?:the|a|an|[A-Z]\w*)\b",
)
_SUBJECT = ("nsubj", "nsubj:pass")
_NAME_POS = {"PROPN", "NOUN", "X", "ADJ"}  # what spaCy tags a capitalised name in French text


def wants_number(question: str) -> bool:
    """The question asks for a quantity ("Combien …", "Quel est le prix …", "How many …")."""
    return bool(_WANTS_NUMBER.search(question))


# Nouns that count people and say nothing more of them (see `counts_other`).
_PEOPLE = {"personne", "personnes", "gens", "individu", "individus", "people", "persons", "person"}


def counts_other(question: str, answer: str, embedder: Embedder) -> str | None:
    """ "how many X" answered only with counts of something else: the counted nouns are compared by
    stem, then by meaning through a multilingual embedder (`figures.MIN_SAME_COUNTED`); numbers
    under 10 and answers that do not say what they count ("Plus de 1 000.") are not judged."""
    what = asked_count(question)
    if not what or not getattr(embedder, "multilingual", False):
        return None
    mine = figures.counted(answer)
    if not mine:
        return None
    asked = figures.heads(what)
    given = list(dict.fromkeys(h for _, w in mine for h in figures.heads(w)))
    if figures.same_thing(asked, given, embedder):
        return None
    # "Combien de personnes sont mortes ?" answered "37 morts": people counted by the question's own
    # predicate ("blessés", "survivants"). Only for a noun that says no more than "people": "189
    # survivants" does not count the crew members a question asks about.
    if set(asked) & _PEOPLE:
        said = {w for w in ground.content_words(question) if w not in _PEOPLE}
        if any(ground.same_word(ground.fold(g), w, 4) for g in given for w in said):
            return None
    return f"asked: {what}; the answer counts: {', '.join(w for _, w in mine)}"


def asked_count(question: str) -> str | None:
    """What a count question counts ("personnes" in "Combien de personnes ont été blessées ?",
    "troupes" in "… a-t-elle envoyé des troupes, et combien ?"), or None."""
    m = _ASKED_COUNT.search(question) or _elided_count(question)
    return m.group("what") if m else None


def _elided_count(question: str) -> re.Match[str] | None:
    """The last indefinite noun shortly before a bare "combien ?" / "how many?"."""
    end = _ELIDED.search(question)
    if end is None:
        return None
    found = list(_INDEFINITE.finditer(question, max(0, end.start() - 80), end.start()))
    return found[-1] if found else None


# Which end of a span of time a question asks for: "jusqu'à quelle date", "until when" (the end) or
# "depuis quand", "since when" (the start); an answer giving only the other end does not say it.
_UNTIL = re.compile(r"\b(?:jusqu['’](?:à|au|en|a)|until|till)\b", re.IGNORECASE)
_SINCE = re.compile(r"\b(?:depuis|since|à partir d['’e]|a partir d['’e])", re.IGNORECASE)


def other_end(question: str, answer: str) -> str | None:
    """ "Jusqu'à quelle date … ?" answered "… depuis août" (or the reverse): the answer says when
    the span began where the question asks when it ended. An answer giving both ends ("de la
    mi-août au 14 octobre"), or neither word, is not judged."""
    for asked, other, what in ((_UNTIL, _SINCE, "ended"), (_SINCE, _UNTIL, "began")):
        if asked.search(question) and other.search(answer) and not asked.search(answer):
            return f"the question asks when it {what}; the answer gives the other end"
    return None


def subject_from_question(question: str, answer: str) -> str | None:
    """The question asks for its own subject ("Qui, au RUSI, estime … ?", "Quel expert du RUSI
    commente … ?") and the answer's subject is a name the question gives, with no other name in
    the answer ("RUSI a déclaré que …"): it talks about the question's premise, it does not say
    who. Names are capitalised words and acronyms (spaCy tags English names in French text
    unevenly); an acronym of names the question spells out is one of them. A passive answer's agent
    is part of its subject ("Le RUSI est dirigé par X"); an answer with no clause ("Jack Watling")
    or a subject that is not a name ("Les forces russes") is not judged."""
    if not _ASKS_SUBJECT.search(question) or INVERSION.search(question):
        return None
    from rag.attribute import parse  # lazy: spaCy

    words = {ground.fold(w) for w in re.findall(r"\w+", question)}
    initials = "".join(w[0] for w in re.findall(r"\b[A-ZÀ-Ý]\w*", question))

    def known(name: str) -> bool:
        return ground.fold(name) in words or (len(name) > 1 and name.isupper() and name in initials)

    doc = parse(answer)
    names = [t.text for t in doc if t.text[:1].isupper() and t.pos_ in _NAME_POS]
    subject = next((t for t in doc if t.dep_ in _SUBJECT and t.head.dep_ == "ROOT"), None)
    if subject is None or not names or not all(known(n) for n in names):
        return None
    agents = [t for c in subject.head.children if c.dep_ == "obl:agent" for t in c.subtree]
    if not any(t.text in names for t in [*subject.subtree, *agents]):
        return None
    return f"its subject is {subject.text}, a name the question gives, and it names no one else"
