"""A sentence's set-off relative clause as a statement of its own, for the judge.

"Le feu, qui a mobilisé 85 pompiers, n'a fait aucun blessé." states two things. Asked whether it
states "85 pompiers ont été mobilisés pour l'incendie", the 1.5B judge reads the main clause and says
no (P 0.24); corpus2's trace lost that article. Split, each statement is judged alone: "Le feu a
mobilisé 85 pompiers." and "Le feu n'a fait aucun blessé."

Only a relative set off by a comma is split off, with "qui" as its subject: such a clause asserts
what it says of the noun before it, and the main clause without it still holds. A restrictive one
("les soldats qui ont fui ont été arrêtés") picks out which soldiers: "les soldats ont été arrêtés"
is not what the sentence says, so it is left alone. The statements are for the judge only: a
quote shown to the user is always the sentence as printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rag import clauses
from rag.lang import detect

# A preposition fused with its article: the article stays when the preposition goes.
_FUSED = {"du": "le ", "des": "les ", "au": "le ", "aux": "les "}
_PUNCT = {",", ";", "—", "–", "(", ")"}


def propositions(sentence: str) -> list[str]:
    """The statements a French sentence's set-off "…, qui …," relatives make: each relative with its
    noun as subject, then the sentence without them. [] when there is none."""
    if detect(sentence) != "fr":  # the parser is French
        return []
    doc = clauses.parse(sentence)
    relatives = [t for t in doc if _set_off_relative(t)]
    appositions = [t for t in doc if _set_off_apposition(t)]
    if not relatives and not appositions:
        return []
    out: list[str] = []
    cut: set[int] = set()
    for app in appositions:
        # "Le groupe Chimanor, filiale du chimiste allemand Helvag, a réalisé …" states that the group
        # is the subsidiary: "Le groupe Chimanor est filiale du chimiste allemand Helvag."
        end = next((t.i for t in doc[app.i :] if t.text in _PUNCT or t.is_sent_end), len(doc))
        noun = [t for t in app.head.subtree if t.i < app.i - 1 and t.text not in _PUNCT]
        if noun and noun[0].dep_ not in ("case", "mark") and noun[0].pos_ != "ADP":
            what = _sentence(list(doc[app.i : end])).rstrip(".")
            what = what if app.pos_ == "PROPN" else what[:1].lower() + what[1:]
            out.append(f"{_sentence(noun).rstrip('.')} est {what}.")
        cut |= set(range(app.i - 1, end)) | ({end} if end < len(doc) and doc[end].text == "," else set())
    for rel in relatives:
        span = {t.i for t in rel.subtree}
        start = rel.i
        while start > 0 and doc[start - 1].text != "," and start - 1 in span:
            start -= 1  # back to the pronoun
        # The relative runs to the next comma: the parser sometimes hangs the main verb under it.
        end = max(span) + 1
        end = next((t.i for t in doc[rel.i : end] if t.text in _PUNCT or t.is_sent_end), end)
        noun = [t for t in rel.head.subtree if t.i < start - 1 and t.text not in _PUNCT]
        article = ""
        while noun and (noun[0].pos_ in ("ADP", "ADV", "CCONJ") or noun[0].dep_ in ("case", "mark")):
            article = _FUSED.get(noun[0].lower_, "")  # "du porte-parole" -> "le porte-parole"
            noun = noun[1:]  # "lors de l'incendie" -> "l'incendie"
        said = [t for t in doc[start:end] if not (t.dep_.startswith("nsubj") and t.lower_ == "qui")]
        if noun and said:
            out.append(_sentence(noun + said, article))
        # The commas around the relative go with it ("Le feu, qui …, n'a fait" -> "Le feu n'a fait").
        cut |= set(range(start - 1, end)) | ({end} if end < len(doc) and doc[end].text == "," else set())
    main = [t for t in doc if t.i not in cut]
    if any(t.pos_ in ("VERB", "AUX") for t in main):
        out.append(_sentence(main))
    return [p for p in dict.fromkeys(out) if p != sentence.strip()]


def statements(sentence: str) -> Iterator[str]:
    """The sentence, then its `propositions`: parsed only if the caller asks past the first."""
    yield sentence
    yield from propositions(sentence)


def _set_off_apposition(tok: Any) -> bool:
    """A noun phrase set off by commas after a noun or a name: "Le groupe Chimanor, filiale de Helvag,"."""
    doc = tok.doc
    return (
        tok.dep_ == "appos"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and tok.i > tok.head.i + 1
        and doc[tok.i - 1].text == ","
        and all(t.i >= tok.i for t in tok.subtree)
    )


def _set_off_relative(tok: Any) -> bool:
    """A relative clause whose subject is "qui", after a comma, hung on a noun or a name."""
    if tok.dep_ != "acl:relcl" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    pron = [c for c in tok.children if c.dep_.startswith("nsubj") and c.lower_ == "qui"]
    return bool(pron) and pron[0].i > 0 and tok.doc[pron[0].i - 1].text == ","


def _sentence(tokens: list[Any], article: str = "") -> str:
    """Tokens back into text, with their own spacing, capitalised and ending in a full stop."""
    tokens = sorted(tokens, key=lambda t: t.i)
    parts: list[str] = [article]
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        if prev is not None and tok.i != prev.i + 1 and not prev.whitespace_ and tok.text not in ".,;:!?)":
            parts.append(" ")  # a word was cut out between them
        parts.append(tok.text_with_ws)
    text = "".join(parts).strip().rstrip(" ,;:")
    if not text.endswith((".", "!", "?", "»")):
        text += "."
    return text[:1].upper() + text[1:]
