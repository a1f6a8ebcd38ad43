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
- `other_end`: "until when" answered with "since …" (or the reverse);
- `nobody_named`: "who …?" answered with only places ("fondé en 1972 à Angers");
- `names_nothing`: the question asks what X is called and the answer's only new names are places
  it comes from or goes to ("des cargos de la Corée du Nord vers la Russie"); `names_placed`, the
  same read in the quote ("… étaient les cargos RPDC" over "en provenance de Corée du Nord (RPDC)").
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
_ASKED_COUNT = re.compile(
    r"\b(?:combien\s+(?:de\s+|d['’])|how\s+many\s+|nombre\s+(?:de\s+|d['’])|number\s+of\s+)"
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
_INVERSION = re.compile(
    r"-t-(?:il|elle|ils|elles|on)\b|-(?:il|elle|ils|elles|on)\b|\best-ce\b|"
    r"\b(?:did|does|do|is|was|were|are|has|have|had)\s+(?:the|a|an|[A-Z]\w*)\b",
)
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
    if not _ASKS_SUBJECT.search(question) or _INVERSION.search(question):
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
    if not _ASKS_WHO.search(question) or _INVERSION.search(question):
        return None
    known = _known(question)
    added = [
        m
        for m in NAME_RUN.finditer(answer)
        if (answer[: m.start()].strip() or " " in m.group(0))
        and not all(ground.fold(w) in known for w in m.group(0).split())
    ]
    if not added or not all(_LOCATIVE.search(answer[: m.start()]) for m in added):
        return None
    return f"asked who; the answer adds only places: {', '.join(m.group(0) for m in added)}"


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
