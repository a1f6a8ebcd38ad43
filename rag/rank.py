"""A rank the question puts on what it asks (the first voyage, the third album, the last match)
must be stated by the article it is answered from.

The 1.5B judge reads past ranks: "Combien de passagers le Korrigan a-t-il transportés lors de son
premier voyage ?" was accepted over "le ferry quitte Audierne … avec 212 passagers", the crossing on
which it sank, in an article that never says which voyage was the first. Like the names a question
gives (`names.absent_question_names`), a rank is the question's premise: the quoted article must
state it somewhere, in its words or the other language's ("premier"/"first"; for a first also "le
début", "commencé", "d'abord", but not "inauguré": a monument is inaugurated without being the
first), or the question is about something the article does not tell. Read over the article, not
the quote alone, so a rank in a clause describing the premise ("What did RUSI's analysis, first
obtained by the Washington Post, find?") need not stand in the sentence that answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.ground import fold

# Each rank and the (folded) word starts that state it, French and English.
_RANKS = {
    1: ("premier", "premiere", "first", "debut", "abord", "commenc", "initial", "originel", "began", "begin", "start"),
    2: ("deuxieme", "second", "2e"),
    3: ("troisieme", "third", "3e"),
    4: ("quatrieme", "fourth", "4e"),
    5: ("cinquieme", "fifth", "5e"),
    6: ("sixieme", "sixth", "6e"),
    7: ("septieme", "seventh", "7e"),
    8: ("huitieme", "eighth", "8e"),
    9: ("neuvieme", "ninth", "9e"),
    10: ("dixieme", "tenth", "10e"),
    -1: ("dernier", "derniere", "last", "final", "ultime", "enfin"),
}
# In a question, a French rank counts before its noun after an article or possessive ("le premier
# pont", "son premier voyage", "pour la première fois", "le premier à", "en premier"); after its
# noun "dernier" dates ("le mois dernier"), and "ces derniers mois" means lately. English "first"
# and "last" count anywhere but in dates ("last week"). Titles and wars are names, not ranks.
_FR = re.compile(
    r"\b(?:(?:le|la|les|l|son|sa|ses|leur|leurs|du|des|au|aux|un|une)\s+|en\s+(?=premi|derni))"
    r"(premiers?|premieres?|deuxiemes?|seconde?s?|troisiemes?|quatriemes?|cinquiemes?|sixiemes?|"
    r"septiemes?|huitiemes?|neuviemes?|dixiemes?|derniers?|dernieres?)\b(?!\s+(?:ministre|dame|guerre|secretaire))"
)
_EN = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\b"
    r"(?!\s+(?:week|month|year|night|time we|lady|world war|minister|name))"
)


def _ranks_of(words: set[str]) -> set[int]:
    """The ranks that folded words state ("premieres" -> 1, "finale" -> -1)."""
    return {rank for w in words for rank, starts in _RANKS.items() if w.startswith(starts)}


def asked_ranks(question: str) -> set[int]:
    """The ranks a question puts on what it asks: 1, 2, … or -1 for the last."""
    q = fold(question).replace("'", " ").replace("’", " ")
    return _ranks_of({m.group(1) for m in _FR.finditer(q)} | {m.group(1) for m in _EN.finditer(q)})


def rank_unstated(question: str, article: Sequence[str]) -> str | None:
    """Why the article's passages cannot answer the question's rank, or None when they state it."""
    ranks = asked_ranks(question)
    if not ranks:
        return None
    missing = sorted(ranks - _ranks_of(set(re.findall(r"[^\W_]+", fold(" ".join(article))))))
    if not missing:
        return None
    asked = ", ".join({1: "first", -1: "last"}.get(r, f"{r}th") for r in missing)
    return f"the question asks for the {asked}; the article never says which"


# A statistic the question asks for: an average, or an extreme (a superlative, a maximum, a record).
# Unlike a rank it qualifies the figure itself, so the quote that gives the figure must say it:
# "Dans la commune, la concentration mesurée atteint 0,42 microgramme par litre" gives no average
# (corpus9: the judge accepted it for "Quelle est la concentration moyenne … ?", P 0.96).
_MEAN_ASKED = re.compile(
    r"\ben moyenne\b|\bmoyenne\b|\b(?:prix|taux|age|niveau|cout|montant|salaire|revenu|temps|nombre|debit|poids|"
    r"duree|affluence|concentration|vitesse|note|score)\s+moyens?\b|\baverage\b|\bthe mean\b"
)
_MEAN_SAID = re.compile(r"\bmoyen(?:ne)?s?\b|\baverage\b|\bmean\b")
_EXTREME_ASKED = re.compile(
    r"\b(?:le|la|les)\s+(?:plus|moins)\s+[^\W\d_]{3,}|\bmaxim\w*|\bminim\w*|"
    r"\b(?:highest|largest|biggest|lowest|smallest|greatest|peak|maximum|minimum)\b|(?<!\bat )\b(?:most|least)\b"
)
_EXTREME_SAID = re.compile(
    _EXTREME_ASKED.pattern
    + r"|\brecords?\b|\bpic\b|\bapogee\b|\bsommet\b|\b(?:plus|moins)\s+(?!de\b|d\b|que\b|en\b)[^\W\d_]{4,}"
)


def statistic_unstated(question: str, quote: str) -> str | None:
    """Why the quote cannot give the average or the extreme the question asks for, or None."""
    q, said = fold(question).replace("’", "'"), fold(quote).replace("’", "'")
    if _MEAN_ASKED.search(q) and not _MEAN_SAID.search(said):
        return "the question asks for an average; the quote gives none"
    if _EXTREME_ASKED.search(q) and not _EXTREME_SAID.search(said):
        return "the question asks for a highest, lowest or most; the quote says of none"
    return None
