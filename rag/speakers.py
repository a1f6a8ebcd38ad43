"""Who one parsed sentence credits: the subject of a reporting verb ("a déclaré John Kirby"), the
head of "selon"/"d'après", a passive's agent ("obtenues … par le Washington Post"), an incise's speaker
after a quote. `rag.attribute` runs it over an article's sentences and links sentences to each other
(pronouns, quotations over several sentences, "selon la même source").
"""

from __future__ import annotations

import re
from typing import Any

from rag.cues import CLITICS, CUE_PREPS, CUE_VERBS, INCISE_VERBS, TIME_WORDS
from rag.kinds import holds_office
from rag.types import Attribution

_STOP = {",", "(", ")", ":", ";", "«", "»", '"', "—", "–", "qui", "que", "dont", "lequel", "laquelle"}
_FIRST = re.compile(r"premi[eè]re fois|en premier|\bfirst\b", re.IGNORECASE)
_KINDS = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "other"}


def sources(doc: Any, offset: int, person: Attribution | None = None) -> list[Attribution]:
    """The sources a parsed sentence (at `offset` in its article) credits: the subject of a cue verb
    or of an incise after a quote, the head of "selon"/"d'après", a passive's agent; `person` is who
    an inverted "a-t-il déclaré" stands for."""
    found: list[Attribution] = []
    for tok in doc:
        if tok.lower_ in CUE_PREPS and tok.dep_ in ("case", "fixed", "mark") and tok.head.i != tok.i:
            head = tok.head
            if tok.lower_ == "après" and not (tok.i > 0 and doc[tok.i - 1].lower_ in ("d'", "d’")):
                continue
            if tok.lower_ == "according" and tok.head.lower_ == "to":
                head = tok.head.head
            cue = doc[tok.i - 1 : tok.i + 1].text if tok.lower_ == "après" else tok.text
            _add(found, doc, head, cue, offset, False)
        elif (
            tok.pos_ in ("VERB", "AUX")
            and (tok.lemma_.lower() in CUE_VERBS or (tok.lemma_.lower() in INCISE_VERBS and _incise(doc, tok)))
            and not _negated(tok)
            and not _yields(tok)
        ):
            # A passive's subject is what was said, not who said it ("Le coût … était estimé à 180 000
            # euros, selon l'expertise"): only its agent is a source.
            passive = any(c.dep_ == "aux:pass" for c in tok.children)
            incise = _incise(doc, tok)
            subjects = [
                c
                for c in tok.children
                if c.dep_ == "obl:agent" or (c.dep_ == "nsubj" and not passive)
                # A word of the quote is never who said it (« C'est une décision difficile … », a déclaré
                # à l'ANP Julia Brandt: the parser hung "décision" there).
                if not _quoted(doc, c)
            ]
            if not subjects and incise:
                # "« … », a déclaré au Post Jack Watling": the inverted speaker is parsed as an object
                # ("…, a indiqué la préfecture du Rhône": a common noun too, but not "la semaine dernière")
                subjects = [
                    c
                    for c in tok.children
                    # ("», lance Gérard Paillot": or hung from the verb as a name's part)
                    if c.dep_ in ("obj", "flat:name")
                    and c.i > tok.i
                    and c.pos_ in ("PROPN", "NOUN")
                    and c.lemma_ not in TIME_WORDS
                ]
                # "a déclaré à l'ANP Julia Brandt": the name hung from the verb's other argument.
                named = next((e for e in doc.ents if e.label_ in ("PER", "ORG") and e.start > tok.i), None)
                if not subjects and named is not None and "«" not in doc[tok.i : named.start].text:
                    subjects = [named.root]
            # "…, a-t-il déclaré": the parser leaves the inverted pronoun without a subject arc
            inverted = any(re.search(r"(?:^|-)(?:il|elle)$", t.lower_) for t in doc[max(0, tok.i - 2) : tok.i])
            if not subjects and inverted and person is not None:
                found.append(Attribution(person.source, person.start, person.end, _cue(doc, tok, tok), "person"))
            for child in subjects:
                if child.pos_ != "PRON":
                    first = child.i > tok.i and bool(_FIRST.search(doc[tok.i : child.i].text))
                    _add(found, doc, child, _cue(doc, tok, child), offset, first, before=tok.i)
                elif person is not None and child.lower_ in ("il", "elle", "he", "she"):
                    found.append(Attribution(person.source, person.start, person.end, _cue(doc, tok, child), "person"))
            _agent(found, doc, tok, offset)
    return found


_NEGATION = {"ne", "n'", "n’", "pas", "rien", "jamais", "not", "never"}


def _negated(verb: Any) -> bool:
    """ "La direction ne nous a rien dit": a source of nothing it said."""
    near = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any(c.lower_ in _NEGATION for t in near for c in t.children)


def _yields(verb: Any) -> bool:
    """ "l'usine rapporte 1,5 million d'euros": "rapporter" an amount earns it, it does not report."""
    return verb.lemma_.lower() == "rapporter" and any(
        c.dep_ == "obj" and (c.like_num or any(n.dep_ == "nummod" for n in c.children)) for c in verb.children
    )


def _quoted(doc: Any, tok: Any) -> bool:
    """`tok` stands between guillemets: more « than » before it."""
    before = doc[: tok.i].text
    return before.count("«") > before.count("»")


def _incise(doc: Any, verb: Any) -> bool:
    """The verb opens a reporting clause after a quote or comma ("», a déclaré …", ", ajoute-t-il")."""
    aux = [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    first = min(aux or [verb.i])
    while first > 0 and doc[first - 1].lower_ in CLITICS:  # "», nous a confié Karim Belhadj"
        first -= 1
    return first > 0 and doc[first - 1].text in (",", "»", "”", '"')


def _agent(found: list[Attribution], doc: Any, verb: Any, offset: int) -> None:
    """A passive agent the parse missed: "obtenues pour la première fois par le Washington Post"."""
    for t in doc[verb.i + 1 : verb.i + 7]:
        if t.lower_ in (",", ".", ";"):
            return
        if t.lower_ in ("par", "by"):
            ent = next((e for e in doc.ents if e.label_ in ("ORG", "PER") and t.i < e.start <= t.i + 2), None)
            if ent is not None:
                cue = doc[verb.i : t.i + 1].text
                a = Attribution(
                    ent.text, offset + ent.start_char, offset + ent.end_char, cue, _KINDS[ent.label_],
                    bool(_FIRST.search(cue)),
                )  # fmt: skip
                if all((x.start, x.end) != (a.start, a.end) for x in found):
                    found.append(a)
            return


def _cue(doc: Any, verb: Any, source: Any) -> str:
    """The attributing words as written: auxiliaries with the verb ("a déclaré"), "par" for an agent."""
    aux = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    start = aux[0].i if aux else verb.i
    cue = doc[start : verb.i + 1].text
    if source.dep_ == "obl:agent":
        cue += " par"
    return str(cue)


def _add(
    found: list[Attribution], doc: Any, head: Any, cue: str, offset: int, first: bool, before: int | None = None
) -> None:
    span = _phrase(doc, head)
    if span is None:
        return
    if before is not None:
        # "Le porte-parole du Conseil de sécurité nationale, John Kirby, a déclaré": the person the
        # subject names (outside any relative clause, before the verb) is the source
        hidden = {t.i for c in head.subtree if c.dep_ == "acl:relcl" for t in c.subtree}
        inside = {t.i for t in head.subtree if t.i < before} - hidden
        named = [e for e in doc.ents if e.label_ == "PER" and all(i in inside for i in range(e.start, e.end))]
        # "Le groupe de réflexion de Washington, le Center for Strategic …, a publié": the organisation in apposition
        # (the parser also reads a comma-set apposition as a plain modifier)
        appos = {
            t.i
            for c in head.children
            if c.dep_ == "appos" or (c.i > head.i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",")
            for t in c.subtree
        } & inside
        named = named or [e for e in doc.ents if e.label_ == "ORG" and all(i in appos for i in range(e.start, e.end))]
        # "Me Antoine Lebrun, l'avocat du prévenu, a indiqué": the name set before the subject by a comma
        left = head.left_edge.i
        named = named or [
            e
            for e in doc.ents
            if e.label_ == "PER" and e.end == left - 1 and doc[left - 1].text == "," and e.root.head.i == before
        ]
        if named:
            span = named[-1]
    else:
        # "selon le maire, Patrick Delaunay": the person the office names, set after it by a comma
        named = [e for e in doc.ents if e.label_ == "PER" and e.root.head.i == head.i and e.root.dep_ == "appos"]
        span = named[0] if named and head.pos_ == "NOUN" else span
    ents = [e for e in doc.ents if e.start < span.end and e.end > span.start]
    kind = _KINDS.get(ents[0].label_, "other") if ents else "other"
    if head.pos_ == "NOUN" and holds_office(head.text):
        kind = "person"  # "un porte-parole d'Aérolys": a person, whatever NER makes of "Aérolys"
    if kind == "other" and head.pos_ == "PROPN" and any(c.dep_ == "flat:name" for c in head.children):
        kind = "person"  # "Jack Watling" that NER glued to a neighbour ("Post Jack Watling", MISC)
    if kind == "other" and not any(t.pos_ in ("PROPN", "NOUN") for t in span):
        return
    a = Attribution(span.text, offset + span.start_char, offset + span.end_char, cue, kind, first)
    if all((x.start, x.end) != (a.start, a.end) for x in found):
        found.append(a)


def _phrase(doc: Any, head: Any) -> Any:
    """The noun phrase headed by `head`, cut before a comma, bracket or relative clause, without
    its leading preposition: "selon le Royal United Services Institute (RUSI), un …" -> "le Royal …"."""
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in ("case", "fixed") or doc[start].lower_ in CUE_PREPS):
        start += 1
    end = head.i + 1
    for t in doc[head.i + 1 : head.right_edge.i + 1]:
        if t.text in _STOP or t.lower_ in _STOP:
            break
        end = t.i + 1
    # a name the cut would split, or one that goes on right after it ("du Royal United" + "Services Institute")
    for e in doc.ents:
        if e.label_ in ("ORG", "PER") and e.start <= end < e.end + (e.start == end):
            end = max(end, e.end)
    while start < end and doc[start].is_punct:
        start += 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    span = doc[start:end]
    return span if span.text.strip() and len(span) <= 16 else None
