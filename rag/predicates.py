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

A bare-name answer ("Les États-Unis") is what the question's predicate says of its wh-word, a verb
or a noun after "être" ("Qui est à l'origine des images …"): the name must stand, in its quote, in
the clause that holds what the question asks about ("… les États-Unis avaient observé des navires
…, ce que les images semblent confirmer" does not make them the images' origin), and a noun
predicate is not answered by a name the quote has only receiving ("obtenues par le Washington
Post" does not make the Post their source). Where a word stands in the parse is `rag.clauses`'s.

The verb check judges only clear cases: a name the quote prints as an argument of a verb at every
occurrence, a verb that is not a verb of saying or finding (what a source says is the judge's to
read) nor a light verb ("être", "se trouver"). The clause check reads what a verb of saying says as
its clause. Both texts must be French (the parser's language).
"""

from __future__ import annotations

import re
from typing import Any

from rag import clauses, ground, roles
from rag.lang import detect

# Handing over, either way: "a reçu" is stated by "a transféré … à" (direction is checked elsewhere).
_TRANSFER = re.compile(
    rf"^(?:{roles.SEND_VERB}|{roles.RECEIVE_VERB}|achemin|transport|export|donn|offr|procur)", re.IGNORECASE
)
# Receiving, by lemma: its agent is where a handing over ends, the converse of a giver's.
_RECEIVE = {"recevoir", "obtenir", "acquérir", "importer", "acheter", "receive", "obtain", "get", "acquire", "buy"}
# Nouns that name who receives: a question asking for one is answered by the agent of "obtenues par".
_RECEIVER = {
    "destinataire", "bénéficiaire", "acquéreur", "acheteur", "récipiendaire", "importateur", "client",
    "recipient", "buyer",
}  # fmt: skip
_PREFIXES = {"re", "r", "de", "des"}  # "reformer", "rouvrir", "déplacer", "désarmer" (folded)
_SYNONYM = 0.65  # word-vector cosine of two verbs' lemmas above which they name the same action
# The same, where nothing else of the question's predicate is in the quote: "imposer"/"confirmer"
# score 0.67, the synonyms measured above 0.72 or more.
_CLOSE_SYNONYM = 0.7
_WH = {"qui", "quoi", "que", "qu'", "qu’"}
_WH_DET = {"quel", "quelle", "quels", "quelles", "lequel", "laquelle", "lesquels", "lesquelles"}


def same_action(mine: Any, theirs: Any, quote: Any, synonym: float = _SYNONYM) -> bool:
    """Two verbs name one action: same stem or spelling, both of handing over, synonyms by word
    vectors (cosine `synonym` or more), or the quote names `mine` with a noun of it."""
    a, b = ground.fold(mine.lemma_.lower()), ground.fold(theirs.lemma_.lower())
    if derived(a, b):
        return False  # "reformer"/"former": vectors put them 1.0 apart
    if same_stem(a, b) or both_transfer(a, b):
        return True
    # Synonyms by the pipeline's word vectors ("retrouver"/"rencontrer" 0.74, "procurer"/"fournir"
    # 0.79, "étudier"/"analyser" 0.72), not verbs of other actions ("fournir"/"développer" 0.60,
    # "accompagner"/"rencontrer" 0.63, "naître"/"ouvrir" 0.49). Opposites score high too
    # ("ouvrir"/"fermer" 0.82): this check passes them, the judge and the role checks remain.
    vocab = mine.doc.vocab
    x, y = vocab[mine.lemma_.lower()], vocab[theirs.lemma_.lower()]
    if not (x.has_vector and y.has_vector) or x.similarity(y) >= synonym:
        return True
    # The quote may name the action with a noun: "la visite du ministre … Choïgou à Pyongyang"; by
    # stem, not spelling ("période" is one letter from "perdre" and no noun of it).
    return any(t.pos_ == "NOUN" and ground.fold(t.lemma_.lower()).startswith(a[:5]) for t in quote)


def derived(a: str, b: str) -> bool:
    """One folded lemma is the other with a prefix that makes another action: "reformer"/"former",
    "rouvrir"/"ouvrir", "déplacer"/"placer"."""
    short, long = sorted((a, b), key=len)
    return short != long and long.endswith(short) and long[: len(long) - len(short)] in _PREFIXES


def same_stem(a: str, b: str) -> bool:
    """Two folded lemmas of one word: same stem or spelling ("remporte"/"remporter"), not derived."""
    return not derived(a, b) and (ground.same_word(a, b, 5) or ground.same_word(b, a, 5))


def both_transfer(a: str, b: str) -> bool:
    """Both folded lemmas hand something over (either way: direction is `rag.roles`'s)."""
    return bool(_TRANSFER.match(a) and _TRANSFER.match(b))


def _unplaced(mine: Any, name_arg: Any, verbs: list[Any], quote: Any) -> str | None:
    """A noun the answer makes another core argument of its verb ("les images" of "a fourni") that
    the quote prints, but in none of `verbs`' clauses: "… les images satellite semblent montrer que
    la Corée du Nord a fourni à la Russie bien plus d'équipements"."""
    # Within the verb's sentence: across sentences a demonstrative links them ("… de ce matériel").
    sents = {v.sent.start for v in verbs}
    for arg in mine.children:
        if arg.dep_ not in clauses.CORE or arg.i == name_arg.i or arg.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = ground.fold(arg.lemma_.lower())
        printed = [
            t
            for t in quote
            if t.pos_ in ("NOUN", "PROPN") and ground.fold(t.lemma_.lower()) == lemma and t.sent.start in sents
        ]
        # The parser may hang the verb on a neighbour ("analysées par le RUSI … et obtenues … par le
        # Washington Post" coordinated under "basé"): a clause that only describes the noun's counts.
        if printed and not any(clauses.reaches(v, [], printed) for v in verbs):
            return arg.text
    return None


_MODAL = {"pouvoir", "devoir", "vouloir", "aller"}


def _asked(question: str) -> tuple[Any, Any] | None:
    """The predicate of the question's wh-word and that word: a verb ("Qui a fourni …", "Quel pays a
    fourni …") or a noun of something after "être" ("Qui est à l'origine des images …"). A bare-name answer ("La
    Corée du Nord.") is what that predicate says of the wh-word."""
    for tok in clauses.parse(question):
        if "Rel" in tok.morph.get("PronType") and any(not t.is_punct for t in tok.doc[: tok.i]):
            # "les navires qui ont transporté …": a relative, not what is asked (the parser tags an
            # opening "Qui dirige le site … ?" relative too: nothing before it, it asks)
            continue
        if tok.lower_ in _WH or any(c.lower_ in _WH_DET and c.dep_ == "det" for c in tok.children):
            verb = clauses.verb(tok)
            if verb is not None:
                return verb, tok
            arg = clauses.argument(tok)
            head = arg.head
            # what a modal modalises: "Quelle entreprise devait réaliser les travaux ?" asks who was to carry them out
            done = next((c for c in head.children if c.dep_ == "xcomp" and clauses.verb_like(c)), None)
            if arg.dep_ == "nsubj" and head.lemma_.lower() in _MODAL and done is not None:
                return done, tok
            if head.i == arg.i:  # left unattached: "Quel média | est à la source des images …" (two roots)
                head = next((t for t in tok.doc if t.dep_ == "ROOT" and t.i != arg.i), arg)
                if head.pos_ == "VERB" and clauses.verb_like(head):
                    return head, tok
                # or the question's verb hung under its noun: "Quel montant … la direction propose-t-elle ?"
                # (parataxis), "Quel prix X a-t-elle reçu … ?" (a participle with its auxiliary)
                inverted = _hung_verb(arg)
                if inverted is not None:
                    return inverted, tok
            # A noun of something ("la source des images", "l'auteur de la condamnation"), not a kind
            # ("le premier média à avoir eu les images": what it says is in the clause after it).
            if (
                arg.dep_ in ("nsubj", "ROOT")
                and head.i != arg.i
                and head.pos_ == "NOUN"
                and any(c.dep_ == "cop" for c in head.children)
                and any(c.dep_ == "nmod" for c in head.children)
            ):
                return head, tok
    return None


def _hung_verb(noun: Any) -> Any | None:
    """A verb the parser hung under a wh-noun left as root that is the question's own, not one that
    describes the noun: a clause of its own (parataxis) or one with its subject or tense auxiliary
    ("Quel prix Hélène Caradec a-t-elle reçu ?"), not "Quel système fourni par les États-Unis …"."""
    for c in noun.children:
        if c.pos_ != "VERB" or not clauses.verb_like(c):
            continue
        between = noun.doc[noun.i + 1 : c.i]
        if c.dep_ == "parataxis" or (
            c.dep_ in ("acl", "acl:relcl", "dep")
            and (
                any(g.dep_.startswith(("nsubj", "aux")) and g.i < c.i for g in c.children)
                # the parser hangs the inverted "a-t-elle" anywhere: a tense auxiliary or an
                # inverted pronoun before the participle is enough
                or any(t.dep_.startswith("aux") or re.fullmatch(r"-(?:t-)?(?:il|elle|ils|elles|on)", t.lower_) for t in between)
            )
        ):
            return c
    return None


def _apart(pred: Any, role: Any, where: list[Any]) -> str | None:
    """A noun the answer makes an argument of its predicate along with the name (the images of "Qui
    est à l'origine des images …") that the quote prints in the name's sentence, but never in the
    name's clause: "les États-Unis avaient déjà observé des navires russes …, ce que les images
    semblent confirmer". A clause with a pronoun for an argument may be talking of it: not judged."""
    own = clauses.argument(role)
    wanted = [
        c
        for c in pred.children
        if c.i != own.i
        and c.pos_ in ("NOUN", "PROPN")
        and (c.dep_ in clauses.CORE or (pred.pos_ == "NOUN" and c.dep_ == "nmod"))
    ]
    for arg in wanted:
        lemma = ground.fold(arg.lemma_.lower())
        seen = False
        for name in where:
            printed = [t for t in name.sent if t.pos_ in ("NOUN", "PROPN") and ground.fold(t.lemma_.lower()) == lemma]
            if not printed:
                continue
            seen = True
            if clauses.together(name, printed):
                break
        else:
            if seen:
                return arg.text
    return None


def action_unstated(question: str, answer: str, quote: str) -> str | None:
    """A name the answer adds to the question, made the argument of a verb the quote does not give
    it: "La Corée du Nord a fourni les images" over "… que la Corée du Nord et la Russie ont développé
    une ligne d'approvisionnement". Returns why, or None (also when nothing can be judged)."""
    if detect(answer) != "fr" or detect(quote) != "fr":
        return None
    asked = set(re.findall(r"[\w-]+", ground.fold(question)))
    mine_doc, quote_doc = clauses.parse(answer), clauses.parse(quote)
    bare = not any(t.pos_ == "VERB" for t in mine_doc)
    asked_pred = _asked(question) if bare else None  # a bare name is what the question asks of its wh-word
    for tok in mine_doc:
        name = ground.fold(tok.text)
        if not clauses.is_name(tok) or name in asked:
            continue
        pred, role = asked_pred if asked_pred else (None if bare else clauses.verb(tok), tok)
        where = [t for t in quote_doc if clauses.is_name(t) and ground.fold(t.text) == name]
        if pred is None or not where:
            continue
        named = next((e.text for e in mine_doc.ents if e.start <= tok.i < e.end), tok.text)
        if _support_noun_printed(pred, quote_doc):
            continue  # "s'est porté candidat" over "Parmi eux [les candidats] figure …": the noun is the action
        why = None
        if pred.pos_ == "VERB" and not clauses.said(pred.lemma_.lower()):
            why = _other_verb(pred, role, tok, where, quote_doc, bare, named)
        if pred.pos_ == "NOUN" and not why:
            why = _received(pred, where, named)
        # Any word of the name may be the one the parser hangs in the clause ("Le président russe
        # Vladimir Poutine a rencontré …" parsed with "Vladimir" under "président", "Poutine" subject).
        words = {ground.fold(w) for w in re.findall(r"[\w-]+", named)}
        whole = [t for t in quote_doc if clauses.is_name(t) and ground.fold(t.text) in words]
        other = None if why else _apart(pred, role, whole)
        if other:
            why = f"the answer has {named} « {pred.text} » {other}; its quote has {named} apart from {other}"
        if why:
            return why
    return None


def _support_noun_printed(pred: Any, quote_doc: Any) -> bool:
    """A support verb's noun ("candidat" of "se porter candidat", "fin" of "prendre fin") that the
    quote prints: the action is the noun's, whatever verb carries it there."""
    if pred.pos_ != "VERB" or pred.lemma_.lower() not in clauses.SUPPORT:
        return False
    # a bare noun ("candidat", "fin"), not an object with its article ("mis à disposition les images")
    nouns = [
        ground.fold(c.lemma_.lower())
        for c in pred.children
        if c.dep_ in ("obj", "xcomp") and c.pos_ == "NOUN" and not any(g.dep_ == "det" for g in c.children)
    ]
    return any(same_stem(n, ground.fold(t.lemma_.lower())) for n in nouns for t in quote_doc if t.pos_ == "NOUN")


def core_names(text: str) -> list[str]:
    """The names `text` makes who or what its verbs act on (subject, object, agent): "la Chine" in
    "La Chine a livré des obus à la Russie", not "Rajin" in "entre le port de Rajin et …" nor the
    source of "Le Kremlin a confirmé …". A quote that prints none of a name of these cannot state
    the text by itself. French text only."""
    if detect(text) != "fr":
        return []
    doc = clauses.parse(text)
    out = []
    for tok in doc:
        verb = clauses.verb(tok) if clauses.is_name(tok) else None
        # Not who says it ("Le Kremlin a confirmé …"): a version without its source is still one.
        if verb is not None and clauses.argument(tok).dep_ in clauses.CORE and not clauses.said(verb.lemma_.lower()):
            out.append(next((e.text for e in doc.ents if e.start <= tok.i < e.end), tok.text))
    return list(dict.fromkeys(out))


def _other_verb(mine: Any, role: Any, tok: Any, where: list[Any], quote_doc: Any, bare: bool, named: str) -> str | None:
    """The quote gives the name only other verbs than the answer's, or the same verb with the
    answer's other arguments elsewhere. Judged only where the quote prints the name as an argument
    of a verb that is not one of saying, at every occurrence."""
    found = [(t, clauses.verb(t, places=True)) for t in where]
    theirs = [(t, v) for t, v in found if v is not None and not clauses.said(v.lemma_.lower())]
    if not theirs or len(theirs) < len(found):
        return None
    same = [
        v
        for t, v in theirs
        if same_action(mine, v, quote_doc) and not (_agent(role) and _agent(t) and _converse(mine, v))
    ]
    if not same:
        verbs = ", ".join(dict.fromkeys(f"« {v.text} »" for _, v in theirs))
        return f"the answer has {named} « {mine.text} »; its quote has it only {verbs}"
    # The same verb, but with what else? Only an answer with its own verb (a bare name's is the question's).
    other = None if bare else _unplaced(mine, clauses.argument(tok), same, quote_doc)
    if other:
        return f"the answer has {named} « {mine.text} » {other}; its quote has {other} elsewhere"
    return None


def _received(pred: Any, where: list[Any], named: str) -> str | None:
    """A noun predicate (the source, the origin, the author of …) answered by a name its quote has
    only receiving: "obtenues pour la première fois par le Washington Post" does not make the Post
    the images' source. Its verbs' twin check is `_converse`."""
    verbs = [clauses.verb(t, places=True) for t in where]
    if pred.lemma_.lower() in _RECEIVER or not all(
        v is not None and v.lemma_.lower() in _RECEIVE and _agent(t) for t, v in zip(where, verbs, strict=True)
    ):
        return None
    got = ", ".join(dict.fromkeys(f"« {v.text} »" for v in verbs if v is not None))
    return f"the answer has {named} as « {pred.text} »; its quote has it only receiving ({got})"


def _agent(tok: Any) -> bool:
    """`tok` does its verb: its subject, or its agent after "par" ("obtenues … par le Washington Post")."""
    arg = clauses.argument(tok)
    return arg.dep_ in ("nsubj", "obl:agent") or (arg.dep_ == "nmod" and any(c.lower_ == "par" for c in arg.children))


def _converse(a: Any, b: Any) -> bool:
    """One verb gives, the other receives: their doers stand at opposite ends ("procuré" / "obtenues par")."""
    receives = [x.lemma_.lower() in _RECEIVE for x in (a, b)]
    return receives[0] != receives[1]
