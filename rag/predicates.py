"""What a name does: an answer must not give a name of its quote an action the quote gives it not.

The 1.5B judge accepts "La Corée du Nord a fourni les images satellite" over "Les images satellite
suggèrent que la Corée du Nord et la Russie ont développé une ligne d'approvisionnement": the
names and the nouns are there, and the word-share check passes on them. What differs is the verb
the name is an argument of. spaCy's parse gives it on both sides (subject, object, agent or
oblique of a verb, through "X et Y" and "le porte-parole John Kirby"); the answer's verb must be
the quote's (same lemma or stem, a noun of it in the quote: "la visite de Choïgou" for "a
visité", both verbs of handing over — which way is `rag.roles`'s business — or synonyms by the
pipeline's word vectors), and that verb's clause must hold the answer's other core arguments
where the quote's sentence prints them ("a fourni les images" is not stated by "les images
semblent montrer que la Corée du Nord a fourni … des équipements").

Only clear cases are judged: a name the quote prints as an argument of a verb at every
occurrence, a verb that is not a verb of saying or finding (what a source says is the judge's to
read) nor a light verb ("être", "se trouver"), both texts in French (the parser's language).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rag import ground, roles
from rag.lang import detect

# Verbs that say little by themselves: the predicate is elsewhere ("est le directeur", "se trouve à").
_LIGHT = {
    "être", "avoir", "faire", "pouvoir", "devoir", "aller", "sembler", "paraître", "trouver", "situer",
    "rester", "devenir", "vouloir", "falloir", "permettre",
}  # fmt: skip
# Relations through which a word stands for the name: "Henri Bodin", "X et Y", "le porte-parole John Kirby".
_SAME_ROLE = {"flat:name", "flat", "appos", "conj", "fixed", "compound", "nmod:appos"}
# Relations that make a word an argument of its verb (not "nmod": "les images de Planet Labs" has no verb).
_ARGUMENT = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "dislocated"}
# Handing over, either way: "a reçu" is stated by "a transféré … à" (direction is checked elsewhere).
_TRANSFER = re.compile(
    rf"^(?:{roles.SEND_VERB}|{roles.RECEIVE_VERB}|achemin|transport|export|donn|offr|procur)", re.IGNORECASE
)
# Receiving, by lemma: its agent is where a handing over ends, the converse of a giver's.
_RECEIVE = {"recevoir", "obtenir", "acquérir", "importer", "acheter", "receive", "obtain", "get", "acquire", "buy"}
_SYNONYM = 0.65  # word-vector cosine of two verbs' lemmas above which they name the same action
# A place or an agent that hangs off a noun belongs to what happens to it ("ouvre la première
# librairie … à Nantes"; "obtenues pour la première fois par le Washington Post", parsed under "fois").
_AT = {"à", "au", "aux", "en", "dans", "par"}
# Arguments that say who does what to what: the answer's must sit in its quote's clause too.
_CORE = {"nsubj", "nsubj:pass", "obj", "obl:agent"}
# A verb hung on the noun it says something of: "les images fournies par …", "Paul Marchand, né le …".
_DESCRIBES = {"acl", "acl:relcl", "parataxis", "appos"}
# A verb whose subject is its head's: "s'est rendu sur un aérodrome pour rencontrer Vladimir Poutine".
_CONTROLLED = {"xcomp", "advcl"}
_WH = {"qui", "quoi", "que", "qu'", "qu’"}
_WH_DET = {"quel", "quelle", "quels", "quelles", "lequel", "laquelle", "lesquels", "lesquelles"}


@lru_cache(maxsize=256)
def _parse(text: str) -> Any:
    from rag.attribute import parse  # lazy: spaCy

    return parse(text)


def _verb(tok: Any, places: bool = False) -> Any | None:
    """The verb `tok` is an argument of (climbing names, coordinations and appositions), or None.
    `places` (a quote's side): a place or agent after a noun belongs to what happens to it ("ouvre
    la première librairie … à Nantes" is an opening at Nantes, not a birth)."""
    tok = _argument(tok, places)
    head = tok.head
    if tok.dep_ in _ARGUMENT and head.pos_ == "VERB" and head.lemma_.lower() not in _LIGHT:
        return head
    return None


def _is_name(tok: Any) -> bool:
    return bool(tok.pos_ == "PROPN" or (len(tok.text) >= 2 and tok.text.isupper() and tok.text.isalpha()))


def _said(lemma: str) -> bool:
    """A verb of saying, judging or finding: what follows it is the source's, not an action."""
    return bool(roles.ASKS_SPEAKER.fullmatch(lemma))


def _same_action(mine: Any, theirs: Any, quote: Any) -> bool:
    a, b = ground.fold(mine.lemma_.lower()), ground.fold(theirs.lemma_.lower())
    if ground.same_word(a, b, 5) or ground.same_word(b, a, 5):
        return True
    if _TRANSFER.match(a) and _TRANSFER.match(b):
        return True
    # Synonyms by the pipeline's word vectors ("retrouver"/"rencontrer" 0.74, "procurer"/"fournir"
    # 0.79, "étudier"/"analyser" 0.72), not verbs of other actions ("fournir"/"développer" 0.60,
    # "accompagner"/"rencontrer" 0.63, "naître"/"ouvrir" 0.49). Opposites score high too
    # ("ouvrir"/"fermer" 0.82): this check passes them, the judge and the role checks remain.
    vocab = mine.doc.vocab
    x, y = vocab[mine.lemma_.lower()], vocab[theirs.lemma_.lower()]
    if not (x.has_vector and y.has_vector) or x.similarity(y) >= _SYNONYM:
        return True
    # The quote may name the action with a noun: "la visite du ministre … Choïgou à Pyongyang".
    return any(t.pos_ == "NOUN" and ground.same_word(a, ground.fold(t.lemma_.lower()), 5) for t in quote)


def _in_clause(tok: Any, verb: Any) -> bool:
    """`tok` is part of `verb`'s clause: below it without another verb between, the noun it
    describes ("les images fournies par …"), or an argument of a verb that controls it."""
    v = verb
    while True:
        if v.dep_ in _DESCRIBES and v.head.i == tok.i:
            return True
        t = tok
        while t.head.i != t.i and t.head.i != v.i and t.head.pos_ != "VERB":
            t = t.head
        if t.head.i == v.i and t.i != v.i:
            return True
        if v.dep_ not in _CONTROLLED or v.head.i == v.i:
            return False
        v = v.head


def _unplaced(mine: Any, name_arg: Any, verbs: list[Any], quote: Any) -> str | None:
    """A noun the answer makes another core argument of its verb ("les images" of "a fourni") that
    the quote prints, but in none of `verbs`' clauses: "… les images satellite semblent montrer que
    la Corée du Nord a fourni à la Russie bien plus d'équipements"."""
    # Within the verb's sentence: across sentences a demonstrative links them ("… de ce matériel").
    sents = {v.sent.start for v in verbs}
    for arg in mine.children:
        if arg.dep_ not in _CORE or arg.i == name_arg.i or arg.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = ground.fold(arg.lemma_.lower())
        printed = [
            t
            for t in quote
            if t.pos_ in ("NOUN", "PROPN") and ground.fold(t.lemma_.lower()) == lemma and t.sent.start in sents
        ]
        if printed and not any(_in_clause(t, v) for t in printed for v in verbs):
            return arg.text
    return None


def _asked_verb(question: str) -> tuple[Any, Any] | None:
    """The verb of the question's wh-word ("Qui a fourni …", "Quel pays a fourni …"): a bare-name
    answer ("La Corée du Nord.") does what that verb says."""
    for tok in _parse(question):
        if tok.lower_ in _WH or any(c.lower_ in _WH_DET and c.dep_ == "det" for c in tok.children):
            verb = _verb(tok)
            if verb is not None:
                return verb, tok
    return None


def action_unstated(question: str, answer: str, quote: str) -> str | None:
    """A name the answer adds to the question, made the argument of a verb the quote does not give
    it: "La Corée du Nord a fourni les images" over "… que la Corée du Nord et la Russie ont développé
    une ligne d'approvisionnement". Returns why, or None (also when nothing can be judged)."""
    if detect(answer) != "fr" or detect(quote) != "fr":
        return None
    asked = set(re.findall(r"[\w-]+", ground.fold(question)))
    mine_doc, quote_doc = _parse(answer), _parse(quote)
    bare = not any(t.pos_ == "VERB" for t in mine_doc)
    asked_verb = _asked_verb(question) if bare else None  # a bare name does what the question asks
    for tok in mine_doc:
        name = ground.fold(tok.text)
        if not _is_name(tok) or name in asked:
            continue
        mine, role = asked_verb if asked_verb else (None if bare else _verb(tok), tok)
        if mine is None or _said(mine.lemma_.lower()):
            continue
        where = [t for t in quote_doc if _is_name(t) and ground.fold(t.text) == name]
        found = [(t, _verb(t, places=True)) for t in where]
        theirs = [(t, v) for t, v in found if v is not None and not _said(v.lemma_.lower())]
        if not theirs or len(theirs) < len(found):
            continue  # not printed, or somewhere not as a verb's argument: not judged
        named = next((e.text for e in mine_doc.ents if e.start <= tok.i < e.end), tok.text)
        same = [
            v
            for t, v in theirs
            if _same_action(mine, v, quote_doc) and not (_agent(role) and _agent(t) and _converse(mine, v))
        ]
        if not same:
            verbs = ", ".join(dict.fromkeys(f"« {v.text} »" for _, v in theirs))
            return f"the answer has {named} « {mine.text} »; its quote has it only {verbs}"
        # The same verb, but with what else? Only an answer with its own verb (a bare name's is the question's).
        other = None if bare else _unplaced(mine, _argument(tok), same, quote_doc)
        if other:
            return f"the answer has {named} « {mine.text} » {other}; its quote has {other} elsewhere"
    return None


def _agent(tok: Any) -> bool:
    """`tok` does its verb: its subject, or its agent after "par" ("obtenues … par le Washington Post")."""
    arg = _argument(tok)
    return arg.dep_ in ("nsubj", "obl:agent") or (arg.dep_ == "nmod" and any(c.lower_ == "par" for c in arg.children))


def _converse(a: Any, b: Any) -> bool:
    """One verb gives, the other receives: their doers stand at opposite ends ("procuré" / "obtenues par")."""
    receives = [x.lemma_.lower() in _RECEIVE for x in (a, b)]
    return receives[0] != receives[1]


def _argument(tok: Any, places: bool = False) -> Any:
    """The word that stands as the verb's argument for `tok` ("Corée" for "Nord", "porte-parole" for
    "Kirby"); with `places`, also the noun a place or agent hangs off (see `_verb`)."""
    while tok.head.i != tok.i and (
        tok.dep_ in _SAME_ROLE
        or (places and tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and any(c.lower_ in _AT for c in tok.children))
    ):
        tok = tok.head
    return tok
