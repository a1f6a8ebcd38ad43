"""Does the answer name what a who- or what-is-called question asks for?

Checks on the answer against the question (and, for `names_placed`, its quote), run before the
judge, which reads a true sentence near the asked name as an answer:

- `nobody_named`: "who …?" answered with only places ("fondé en 1972 à Angers");
- `doer_from_question`: "who …?" answered by the question's own words ("La direction du centre
  hospitalier …" for "Qui dirige le centre hospitalier … ?");
- `names_nothing`: the question asks what X is called and the answer's only new names are places
  it comes from or goes to ("des cargos de la Corée du Nord vers la Russie"); `names_placed`, the
  same read in the quote ("… étaient les cargos RPDC" over "en provenance de Corée du Nord (RPDC)").
"""

from __future__ import annotations

import os
import re

from rag import ground
from rag.slots import INVERSION

# The question asks what something is called: "Quels sont les noms des cargos", "Comment s'appelle le
# directeur", "What were the names of the ships", "Name the two ships" (not "au nom de", "appelé à").
_WANTS_NAME = re.compile(
    r"(?:\b(?:quels?|quelles?)\s+(?:est|sont|était|étaient)\s+(?:le|les)\s+noms?\b|(?<!au )\ble\s+nom\s+d|"
    r"\bcomment\s+(?:s['’]appel|se\s+nomm|s['’]intitul)|\bnames?\s+of\b|^\W*name\b|"
    r"\bwhat\s+(?:is|was|are|were)\b[^?]{1,60}\b(?:called|named)\b)",
    re.IGNORECASE,
)
# A capitalised run of words, with the short words names carry ("Corée du Nord", "Royal United …").
NAME_RUN = re.compile(r"\b[A-ZÀ-ÖØ-Ý][\w'’-]*(?:\s+(?:(?:du|de|des|of|the|and)\s+)?[A-ZÀ-ÖØ-Ý][\w'’-]*)*")
# What puts a name in a place-of phrase: a preposition, with or without its article. French "de"
# without an article names ("le port de Najin"); with one it tells where from ("de la Corée").
_PLACE_OF = re.compile(
    r"(?:\b(?:vers|à|au|aux|en|depuis|dans|par|pour|sur|from|to|in|into|at|by|for|on|of)\s+(?:(?:le|la|les|the)\s+|l['’])?"
    r"|\b(?:de\s+(?:la|les)\s+|de\s+l['’]|du\s+|des\s+|d['’])"
    r"|\b(?:provenance|origine|direction|destination)\s+(?:de\s+|d['’]))$",
    re.IGNORECASE,
)
# "Qui est le fondateur … ?" asks for a person; "Qui est Jack Watling ?" asks what a named one is.
_ASKS_WHO = re.compile(r"^\W*(?i:qui|who)\b(?!\s*(?i:est|était|sont|étaient|is|was|are|were)\s+[A-ZÀ-Ý])")
# A name after these is where something happened, never who did it (unlike "par"/"by").
_LOCATIVE = re.compile(
    r"\b(?:à|au|aux|en|dans|vers|depuis|in|at|from|to|into)\s+(?:(?:le|la|les|the)\s+|l['’])?$", re.IGNORECASE
)


def names_nothing(question: str, answer: str) -> str | None:
    """The question asks what something is called and the answer gives no name the question lacks,
    but places its subject comes from or goes to: "Les deux cargos … sont des cargos de la Corée du
    Nord vers la Russie" for "Quels sont les noms des cargos … ?". A name after a preposition and its
    article is a place of origin or destination, as is one joined to it by "et"/"and" or put in
    brackets after it; "le port de Najin" and "il s'agit de l'Angara" name. A lone capitalised word
    opening a sentence of more than six words is spelling ("Les", "Elles"), not a name; answers
    with no name are not judged (a name may be printed in lower case or in quotes)."""
    if not _WANTS_NAME.search(question):
        return None
    known = _known(question)
    new: list[tuple[str, bool]] = []
    for name, place in _names(answer):
        if all(ground.fold(w) in known for w in name.split()):
            if not place:  # the question's own name given as the answer ("Angara et Maria, chargés à Rajin")
                return None
            continue
        new.append((name, place))
    if not new or not all(place for _, place in new):
        return None
    return f"asked for a name; the answer's names are places: {', '.join(n for n, _ in new)}"


def nobody_named(question: str, answer: str) -> str | None:
    """A who-question ("Qui a fondé l'enseigne Marché Plus ?") answered with where and when only:
    every name the answer adds stands after "à", "en", "dans", "in", "at" … ("Marché Plus a été
    fondé en 1972 à Angers"). "par X"/"by X" names someone; "Qui est X ?" asks what X is; answers
    that add no name are not judged (a founder may be "un ancien professeur")."""
    if not _ASKS_WHO.search(question) or INVERSION.search(question):
        return None
    added = _added_names(question, answer)
    if not added or not all(_LOCATIVE.search(answer[: m.start()]) for m in added):
        return None
    return f"asked who; the answer adds only places: {', '.join(m.group(0) for m in added)}"


# Endings of a noun made from a verb: its action or its agent ("direction", "dirigeant", "fondateur").
_NOMINAL = re.compile(r"(?:tion|sion|ment|ance|ence|age|ure|eur|euse|trice|ant|ante|ent|ente)s?$")


def doer_from_question(question: str, answer: str) -> str | None:
    """A who-question answered by its own words: "Qui dirige le centre hospitalier de Vallon-sur-
    Loue ?" -> "La direction du centre hospitalier de Vallon-sur-Loue a déclenché le plan blanc".
    The answer's doer is the question's verb made a noun ("direction", "les enquêteurs" for "Qui
    enquête …") and the question's own words: it names no one. A doer with one word of its own ("le
    commandement russe", "un ancien professeur", "la police") is not judged, nor an answer that adds
    a name."""
    if not _ASKS_WHO.search(question) or INVERSION.search(question) or _added_names(question, answer):
        return None
    from rag.attribute import parse  # lazy: spaCy

    doc = parse(answer)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    doer = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    doer = doer if doer is not None else (root if root.pos_ in ("NOUN", "PROPN") else None)
    if doer is None or doer.pos_ not in ("NOUN", "PROPN"):
        return None
    span = [t for t in doer.subtree if not (doer is root and t.dep_ in ("acl", "acl:relcl") and t.head is root)]
    asked = ground.content_words(question)
    own = [
        t.text
        for t in span
        if t.is_alpha
        and not t.is_stop
        and len(t.text) >= 3
        and not any(ground.same_word(ground.fold(t.text), q, 5) or _nominalizes(ground.fold(t.text), q) for q in asked)
    ]
    if own:
        return None
    said = " ".join(t.text for t in span if not t.is_punct).replace("' ", "'")
    return f"asked who; the answer's « {said} » is made of the question's words"


def _nominalizes(noun: str, verb: str) -> bool:
    """A folded noun made from a folded word of the question: "direction"/"dirige", "fondateur"/
    "fonde", "enqueteurs"/"enquete": shared first letters up to two short of the verb's stem."""
    if not _NOMINAL.search(noun):
        return False
    stem = re.sub(r"(?:er|ir|re|e|es|ent|ons|ez)$", "", verb)
    shared = len(os.path.commonprefix([noun, stem]))
    return shared >= 3 and shared >= len(stem) - 2


def names_placed(question: str, answer: str, quote: str) -> str | None:
    """`names_nothing` read in the quote: the answer puts a name where the asked one goes ("… étaient
    les cargos RPDC") but the quote prints that name only as a place of origin or destination ("un
    navire … en provenance de Corée du Nord (RPDC)"): the quote does not say it is the asked name.
    Names the quote does not print are left to the name check."""
    if not _WANTS_NAME.search(question):
        return None
    known = _known(question)
    in_quote: dict[str, list[bool]] = {}
    for name, place in _names(quote):
        in_quote.setdefault(ground.fold(name), []).append(place)
    given = [n for n, place in _names(answer) if not place and not all(ground.fold(w) in known for w in n.split())]
    placed = [n for n in given if ground.fold(n) in in_quote and all(in_quote[ground.fold(n)])]
    if not placed or len(placed) < len(given):
        return None
    return f"asked for a name; the quote prints {', '.join(placed)} only as a place of origin or destination"


def _added_names(question: str, answer: str) -> list[re.Match[str]]:
    """The answer's names that the question does not give (a capital opening the answer is not one)."""
    known = _known(question)
    return [
        m
        for m in NAME_RUN.finditer(answer)
        if (answer[: m.start()].strip() or " " in m.group(0))
        and not all(ground.fold(w) in known for w in m.group(0).split())
    ]


_LINKS = {"pour", "qui", "que", "qu", "dont", "de", "d", "du", "des", "à", "a", "au", "aux", "et", "ou", "par", "sur", "dans",
          "en", "to", "for", "that", "which", "and", "or", "of", "in", "on", "by"}  # fmt: skip
# "Quel cabinet d'expertise … ?" asks which one: its noun, not "Quel est …".
_WHICH = re.compile(
    r"^\W*(?i:quel|quelle|quels|quelles|which)\s+(?!(?i:est|sont|était|étaient|a|ont)\b)([^\W\d_][\w'’-]*)"
)


def which_unnamed(question: str, answer: str) -> str | None:
    """ "Quel N …?" answered with "un N" and nothing that picks one out (no name or number the
    question lacks): "La CFDT … demanderait l'intervention d'un cabinet d'expertise" for "Quel cabinet
    d'expertise la CFDT a-t-elle choisi ?" (corpus11) tells that there is one, not which."""
    m = _WHICH.search(question)
    if not m or re.search(r"\d", answer):
        return None
    noun = ground.fold(m.group(1)).rstrip("sx")
    indefinite = re.search(rf"\b(?i:un|une|des|a|an|some)\s+{re.escape(m.group(1).rstrip('sx'))}[sx]?\b", answer)
    known = _known(question)
    named = [n for n, _ in _names(answer) if not all(ground.fold(w) in known for w in n.split())]
    if not indefinite or named or not noun:
        return None
    # "des navires russes", "un cabinet parisien": a word of its own after it describes which
    after = [w for w in re.findall(r"[\w'’-]+", answer[indefinite.end() :])[:4] if ground.fold(w) not in known]
    if after and ground.fold(after[0]) not in _LINKS and answer[indefinite.end() :].lstrip()[:1] not in ",.;:":
        return None
    return f"the question asks which « {m.group(1)} »; the answer gives « {indefinite.group(0)} » and names none"


def _known(question: str) -> set[str]:
    return {ground.fold(w) for w in re.findall(r"[\w'’-]+", question)} | _NAME_JOINERS


def _names(text: str) -> list[tuple[str, bool]]:
    """The capitalised names of `text`, each with whether it stands in a place-of phrase."""
    out: list[tuple[str, bool]] = []
    end, place = None, False
    for m in NAME_RUN.finditer(text):
        name = m.group(0)
        if not text[: m.start()].strip() and " " not in name and len(text.split()) > 6:
            continue  # a lone capital opening a sentence is spelling
        before = text[: m.start()]
        if end is None or not _JOINED.fullmatch(text[end : m.start()]):  # else joined: the same kind
            place = bool(_PLACE_OF.search(before)) and not _IT_IS.search(before)
        end = m.end()
        out.append((name, place))
    return out


_NAME_JOINERS = {"du", "de", "des", "of", "the", "and"}
_JOINED = re.compile(r"\s*(?:et|and|ou|or|\()\s*(?:(?:le|la|les|the)\s+|l['’])?", re.IGNORECASE)
_IT_IS = re.compile(r"\bs['’]agit\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|d['’]|de\s+)$", re.IGNORECASE)
