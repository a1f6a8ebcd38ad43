"""Where a word stands in spaCy's parse of a French sentence: the verb a name is an argument of,
the clause a word belongs to, what a verb of saying says. `rag.predicates` reads answers and their
quotes with it.

The parser's habits are handled here, once: names through "X et Y" and appositions ("le
porte-parole John Kirby"), a place or an agent parsed under a noun ("pour la première fois par le
Washington Post"), a quotation before its verb parsed as a clause of its own, participles hung on
the noun they describe.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rag import roles

# Verbs that say little by themselves: the predicate is elsewhere ("est le directeur", "se trouve à").
LIGHT = {
    "être", "avoir", "faire", "pouvoir", "devoir", "aller", "sembler", "paraître", "trouver", "situer",
    "rester", "devenir", "vouloir", "falloir", "permettre",
}  # fmt: skip
# Verbs whose object makes the action ("voir le jour", "mettre en service", "prendre fin", "se porter
# candidat"): what they say is their noun's.
SUPPORT = {"voir", "mettre", "prendre", "donner", "tenir", "porter", "passer", "connaître", "lancer"}
# Relations through which a word stands for the name: "Henri Bodin", "X et Y", "le porte-parole John Kirby".
_SAME_ROLE = {"flat:name", "flat", "appos", "conj", "fixed", "compound", "nmod:appos"}
# Relations that make a word an argument of its verb (not "nmod": "les images de Planet Labs" has no verb).
_ARGUMENT = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:mod", "obl:agent", "dislocated"}
# A place or an agent that hangs off a noun belongs to what happens to it ("ouvre la première
# librairie … à Nantes"; "obtenues pour la première fois par le Washington Post", parsed under "fois").
_AT = {"à", "au", "aux", "en", "dans", "par"}
# Arguments that say who does what to what: the answer's must sit in its quote's clause too.
CORE = {"nsubj", "nsubj:pass", "obj", "obl:agent"}
# A verb hung on the noun it says something of: "les images fournies par …", "Paul Marchand, né le …".
_DESCRIBES = {"acl", "acl:relcl", "parataxis", "appos"}
# A verb whose subject is its head's: "s'est rendu sur un aérodrome pour rencontrer Vladimir Poutine".
_CONTROLLED = {"xcomp", "advcl"}
# What a verb of saying says: "Kirby a déclaré que …", "« … », a déclaré Kirby" (a quotation
# before its verb is parsed as parataxis or as an adverbial clause).
_CONTENT = {"ccomp", "xcomp", "parataxis", "advcl"}
# Clauses that describe a word of another clause: "les images, analysées par …, suggèrent".
_MODIFIER = {"acl", "acl:relcl", "advcl", "conj"}


@lru_cache(maxsize=256)
def parse(text: str) -> Any:
    """spaCy's parse of `text` (the attribution pipeline, loaded once), kept for the texts seen last."""
    from rag.attribute import parse as spacy_parse  # lazy: spaCy

    return spacy_parse(text)


def verb(tok: Any, places: bool = False) -> Any | None:
    """The verb `tok` is an argument of (climbing names, coordinations and appositions), or None.
    `places` (a quote's side): a place or agent after a noun belongs to what happens to it ("ouvre
    la première librairie … à Nantes" is an opening at Nantes, not a birth)."""
    tok = argument(tok, places)
    head = tok.head
    if tok.dep_ in _ARGUMENT and verb_like(head):
        return head
    return None


def verb_like(tok: Any) -> bool:
    """A verb that says something by itself (not "être", "avoir", "se trouver" …)."""
    return bool(tok.pos_ == "VERB" and tok.lemma_.lower() not in LIGHT)


def is_name(tok: Any) -> bool:
    return bool(tok.pos_ == "PROPN" or (len(tok.text) >= 2 and tok.text.isupper() and tok.text.isalpha()))


def said(lemma: str) -> bool:
    """A verb of saying, judging or finding: what follows it is the source's, not an action."""
    return bool(roles.ASKS_SPEAKER.fullmatch(lemma))


def in_clause(tok: Any, head: Any) -> bool:
    """`tok` is part of the clause of `head` (a verb, or a verbless root): below it without another
    verb between, the noun it describes ("les images fournies par …"), or an argument of a verb
    that controls it."""
    v = head
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


def clause(tok: Any) -> tuple[Any, list[Any]]:
    """The head of the clause `tok` stands in (its verb, or the root of a verbless sentence) and the
    words passed on the way up ("Maxar" in "les images de Maxar" passes "images")."""
    path = [tok]
    while path[-1].head.i != path[-1].i and path[-1].head.pos_ != "VERB":
        path.append(path[-1].head)
    top = path[-1]
    return (top if top.head.i == top.i else top.head), path


def linked(head: Any) -> list[Any]:
    """`head` and the verbs that share its subject or, for a verb of saying, say what it says:
    "X a obtenu les images et les a publiées"; "Kirby a déclaré que les livraisons …"."""
    out = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if head.dep_ == "conj":
        out.append(head.head)
    if said(head.lemma_.lower()):
        # A quotation the parser left unattached (« … », a déclaré X) is what X said too.
        todo = [head] + [t for t in head.sent if t.dep_ == "ROOT" and t.i != head.i]
        out += todo[1:]
        while todo:  # what is said, and what that says in turn: not every clause below
            told = [c for c in todo.pop().children if c.dep_ in _CONTENT]
            out += told
            todo += told
        if head.dep_ in _CONTENT:
            out.append(head.head)
    return out


def together(name: Any, printed: list[Any]) -> bool:
    """Some of `printed` (a noun) stands in `name`'s clause, or in a clause that `name`'s clause
    only describes ("les images, analysées par le RUSI et obtenues … par le Washington Post,
    suggèrent": the Post is the images'). A clause with a pronoun for an argument may be talking of
    the noun: taken as together."""
    head, path = clause(name)
    return reaches(head, path, printed)


def reaches(head: Any, path: list[Any], printed: list[Any]) -> bool:
    """`together` from the clause of `head` (`path`: the words climbed to it): some of `printed`
    stands in that clause or in one it only describes."""
    wanted = {t.i for t in printed}
    for _ in range(8):  # a few levels up at most
        heads = linked(head)
        if wanted & {p.i for p in path} or any(in_clause(t, h) for t in printed for h in heads):
            return True
        if any(c.dep_ in CORE | {"iobj"} and c.pos_ == "PRON" for h in heads for c in h.children):
            return True
        if head.dep_ not in _MODIFIER or head.head.i == head.i:
            return False
        up = head.head
        head, path = (up, []) if up.pos_ == "VERB" else clause(up)
    return False


def argument(tok: Any, places: bool = False) -> Any:
    """The word that stands as the verb's argument for `tok` ("Corée" for "Nord", "porte-parole" for
    "Kirby"); with `places`, also the noun a place or agent hangs off (see `verb`)."""
    while tok.head.i != tok.i and (
        tok.dep_ in _SAME_ROLE
        or (places and tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and any(c.lower_ in _AT for c in tok.children))
    ):
        tok = tok.head
    return tok
