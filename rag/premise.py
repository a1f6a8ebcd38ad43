"""Is the quote about what the question names? "Qui dirige l'hôpital de Dolmont ?" is not answered by
"a déclaré la directrice de l'établissement, Claire Besnard" in an article about another hospital
that mentions Dolmont two paragraphs earlier: the judge reads the question's name into the quote.

A name the question gives must be printed by the quote, by its paragraph (the passage's text on
the quote's line: "… depuis août, selon RUSI." after the ships' names), or by its article's title (an encyclopedia article names its subject in
the title and says "elle" after), or the quote must refer to it by its head noun ("le ministère a
déclaré" for "le ministère britannique de la Défense"). Names are matched as `names.unknown_names`
matches them: in translation, spelled otherwise, by stem.
"""

from __future__ import annotations

import re

from rag import ground
from rag.embed import Embedder
from rag.names import unknown_names

# What stands between a head noun and its name: "l'hôpital de Dolmont", "le ministère … de la Défense".
_PREPS = {"de", "du", "des", "d", "of"}
_ARTICLES = {"la", "le", "les", "l", "the", "un", "une", "a", "an", "au", "aux"}


def unanchored(question: str, quote: str, paragraph: str, title: str, embedder: Embedder) -> list[str]:
    """The question's names that neither the quote, its paragraph, nor its article's title gives,
    and that the quote does not refer to by their head noun."""
    missing = unknown_names(question, [quote, paragraph, title], embedder)
    return [n for n in missing if not _referred(question, n, quote)]


def head_nouns(question: str, name: str) -> list[str]:
    """The common nouns (folded) that a name in the question qualifies: "hopital" for "l'hôpital de
    Dolmont", "ministere", "britannique" for "le ministère britannique de la Défense", "hospital" for
    "the Dolmont hospital"."""
    i = question.find(name)
    if i < 0:
        return []
    out: list[str] = []
    before = [ground.fold(w) for w in reversed(re.findall(r"[\w-]+", question[:i]))]
    j = 0
    if before[:1] and before[0] in _PREPS:  # "… de Dolmont"
        j = 1
    elif before[:2] and before[0] in _ARTICLES and before[1] in _PREPS:  # "… de la Défense"
        j = 2
    if j:  # otherwise an article or a verb comes right before the name: no head noun there
        for w, f in zip(reversed(re.findall(r"[\w-]+", question[:i])[: len(before) - j]), before[j:], strict=True):
            if f in _ARTICLES or f in _PREPS or not w.islower() or len(out) == 2:
                break
            out.append(f)
    after = re.match(r"\s*(?:['’]s\s+)?([a-z][a-z-]{3,})\b", question[i + len(name) :])
    if after and ground.content_words(after.group(1)):  # "the Dolmont hospital": the head follows its name
        out = [ground.fold(after.group(1))]
    return [w for w in out if len(w) >= 4]


def _referred(question: str, name: str, quote: str) -> bool:
    heads = head_nouns(question, name)
    words = {ground.fold(w) for w in re.findall(r"[\w-]+", quote)}
    return any(ground.same_word(h, w, 5) for h in heads for w in words)
