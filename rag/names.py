"""Names an answer or question gives that the evidence does not: "condemned by China" over passages
that never mention China, "le RUSI" asked of an article without it. A name is a run of capitalised
words; it is grounded when any of its words is printed, translated (through the multilingual
embedder), spelled otherwise ("Shoigu"/"Choïgou"), a capital for its country (`rag.gazetteer`), or
an acronym's spelled-out form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.embed import Embedder
from rag.ground import fold, nearest, same_word

_NOT_NAMES = {
    *"the le la les un une des il elle ils elles according selon in on en au aux dans it they this".split(),
    *"ce cette ces de du".split(),
    # English capitalises months and days: "since August" names no one ("août" in the passage)
    *"january february march april may june july august september october november december".split(),
    *"monday tuesday wednesday thursday friday saturday sunday".split(),
}


def name_words(text: str) -> set[str]:
    """Folded words of the names a text gives: runs of capitalised words, except a lone capitalised
    word opening a sentence ("Selon", "More"). A hyphenated name gives its parts too, as the word
    checks split words there ("Saint-Aubin-des-Landes": saint, aubin, des, landes)."""
    return {fold(p) for n in _names(text) for w in n for p in (w, *w.split("-"))}


def _names(text: str) -> list[list[str]]:
    return [
        [w for w in m.group(0).split() if fold(w) not in _NOT_NAMES]
        for m in re.finditer(r"\b[A-ZÀ-ÖØ-Ý][\w-]+(?:\s+[A-ZÀ-ÖØ-Ý][\w-]+)*", text)
        # A lone capitalised word opening a sentence ("More than 1,000", "Environ") is spelling, not a name.
        if " " in m.group(0) or not re.search(r"(?:^|[.!?:]\s+|[«\"“]\s*)$", text[: m.start()])
    ]


def unknown_names(answer: str, evidence: Sequence[str], embedder: Embedder) -> list[str]:
    """Names in the answer that no cited passage gives, even translated or spelled otherwise.

    A name is a run of capitalised words; it is grounded when any of its words is:
    'Kim Jong Un' over a passage saying 'Kim' passes, 'condemned by China' over passages
    that never mention China does not. 'Chine'/'China' and 'Maison Blanche'/'White House' match
    through the multilingual embedder, 'Shoigu'/'Choïgou' by spelling, 'British'/'britannique' by stem.
    """
    names = [n for n in _names(answer) if n and any(len(w) >= 3 for w in n)]
    if not names:
        return []
    text = " ".join(evidence)
    vocab = {fold(v) for v in re.findall(r"[\w-]+", text)}

    def literal(w: str) -> bool:
        f = fold(w)
        return any(same_word(f, v, 4) for v in vocab)

    acronyms = [n for n in names if all(w.isalpha() and w.isupper() and len(w) >= 2 for w in n)]  # not "MGM-140"
    # A capital for its country or the reverse ("Moscou" over "la Russie"), an organisation's acronym
    # for its name ("ONU" over "les Nations Unies"): the embedder cannot tell.
    from rag.gazetteer import same_named  # the gazetteer folds with this module's fold

    missing = [
        " ".join(n) for n in acronyms if len(missing_acronyms(n, text)) == len(n) and not same_named(" ".join(n), text)
    ]
    left = [n for n in names if n not in acronyms and not any(literal(w) for w in n)]
    left = [n for n in left if not same_named(" ".join(n), text) and not _spelled_out(n, answer, text)]
    caps = list(dict.fromkeys(re.findall(r"\b[A-ZÀ-ÖØ-Ý][\w-]{2,}", text)))
    if not left or not caps:
        return missing + [" ".join(n) for n in left]
    words = [w for n in left for w in n]
    best = dict(zip(words, nearest(words, caps, embedder), strict=True))
    return missing + [" ".join(n) for n in left if max(best[w] for w in n) < 0.7]


_ACRONYM_SKIP = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "of", "the", "and", "for", "pour", "en"}


def initials(name: str) -> str:
    """The acronym a name's words make, function words aside: "l'Agence régionale de santé" -> "ARS"."""
    return "".join(w[0].upper() for w in re.findall(r"[^\W\d_]+", name) if fold(w) not in _ACRONYM_SKIP)


def _spelled_out(name: list[str], answer: str, text: str) -> bool:
    """`name` opens the spelled-out form of an acronym that `text` prints: "Agence régionale de santé"
    for "l'ARS", "Office français de la biodiversité" for "l'OFB" (the initials of its words, short
    function words aside, two letters or more)."""
    at = answer.find(" ".join(name))
    if at < 0:
        return False
    spelled = initials(" ".join(re.findall(r"[^\W\d_]+", answer[at:])[:8]))
    printed = set(re.findall(r"\b[A-ZÀ-Ý]{2,}\b", text))
    return any(spelled[:n] in printed for n in range(2, len(spelled) + 1))


def absent_question_names(question: str, evidence: Sequence[str], embedder: Embedder) -> list[str]:
    """Names the question asks about that the evidence never mentions ("China's foreign ministry",
    "le RUSI" over an article without it). A name in another language than the evidence can only be
    matched through a multilingual embedder; with another embedder such names are not judged."""
    if not getattr(embedder, "multilingual", False):
        from rag.lang import detect

        if detect(question) != detect(" ".join(evidence)[:2000]):  # acronyms only: they do not translate
            return missing_acronyms(re.findall(r"\b[A-Z]{2,}\b", question), " ".join(evidence))
    return unknown_names(question, evidence, embedder)


def missing_acronyms(acronyms: Sequence[str], text: str) -> list[str]:
    """Acronyms the text neither writes nor spells out ("CSIS" = "Center for Strategic and
    International Studies"); never matched by spelling or embedding: "RUSI" is neither "Russie" nor "RPDC"."""
    found = set(re.findall(r"\b[A-Z]{2,}\b", text))
    for run in _CAP_RUNS.findall(text):
        words = re.findall(r"[A-ZÀ-Ý][\w-]*", run)
        found |= {"".join(w[0] for w in words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    return [a for a in acronyms if a not in found]


# Runs of capitalised words, with the short function words names carry ("Center for Strategic and …").
_CAP_RUNS = re.compile(r"[A-ZÀ-Ý][\w-]*(?:\s+(?:(?:for|of|and|the|de|du|des|la|le|et|pour)\s+)*[A-ZÀ-Ý][\w-]*)+")
