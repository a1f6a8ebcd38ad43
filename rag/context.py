"""What a sentence leaves to its article, made explicit for the trace's judge: a relative day
dated by the article's date (a wire of Saturday 15 March says "depuis jeudi" where the regional
paper says "jeudi 13 mars"), a definite noun named as the article names it ("Un ancien salarié de
l'usine" after "l'usine Chimanor").

Only for the judge and the figure checks (of a trace; `carried` for an answer's too): the quote
shown stays the text as printed.
"""

from __future__ import annotations

import datetime as dt
import re

from rag import ground

_WEEKDAYS = {
    **{d: i for i, d in enumerate("lundi mardi mercredi jeudi vendredi samedi dimanche".split())},
    **{d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())},
}
_MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
_MONTHS_EN = "January February March April May June July August September October November December".split()
_RELATIVE = {"hier": -1, "avant-hier": -2, "yesterday": -1}
# A weekday or "hier" that no date follows ("jeudi 13 mars" is dated already) and that is not ahead
# ("jeudi prochain", "next Thursday").
_DAY = re.compile(
    r"\b(?<!next )(?P<w>"
    + "|".join([*_WEEKDAYS, *_RELATIVE])
    + r")\b(?!\s+(?:\d|prochain|dernier|next|last|matin\s+\d))",
    re.IGNORECASE,
)


def resolve_days(text: str, published: str | None) -> str:
    """`text` with each past weekday or "hier" followed by the date it names, read against the
    article's full date ("2025-03-15"): "interdite depuis jeudi" -> "interdite depuis jeudi 13 mars".
    Unchanged without a full date."""
    try:
        day = dt.date.fromisoformat(published or "")
    except ValueError:
        return text

    def dated(m: re.Match[str]) -> str:
        word = m.group("w").lower()
        english = word.isascii() and word.endswith(("day", "yesterday"))  # the language of the word itself
        if word in _RELATIVE:
            when = day + dt.timedelta(days=_RELATIVE[word])
        else:
            when = day - dt.timedelta(days=(day.weekday() - _WEEKDAYS[word]) % 7)
        month = (_MONTHS_EN if english else _MONTHS_FR)[when.month - 1]
        return f"{m.group(0)} {when.day} {month}" if not english else f"{m.group(0)}, {month} {when.day}"

    return _DAY.sub(dated, text)


# "l'usine Chimanor", "le navire Angara", "la société Helvag": a common noun then the name it is.
_NAMED_NOUN = re.compile(
    r"\b(?:[Ll]['’]|[Ll]e |[Ll]a |[Ll]es )(?P<noun>[a-zà-ÿ][a-zà-ÿ-]{2,})[ \t]+(?P<name>[A-ZÀ-Ý][\w’'-]+(?:[ \t]+[A-ZÀ-Ý][\w’'-]+)*)"
)
_DEFINITE = r"\b(?P<det>[Ll]['’]|[Ll]e |[Ll]a )(?P<noun>{})\b(?![ \t]+[A-ZÀ-Ý])"


def resolve_nouns(text: str, article: str) -> str:
    """`text` with each definite noun the article names once ("l'usine Chimanor", and no other
    usine by name, and not an office) followed by that name: "Un ancien salarié de l'usine, …" -> "Un ancien salarié de
    l'usine Chimanor, …". A noun the article names twice otherwise is left alone."""
    names: dict[str, set[str]] = {}
    for m in _NAMED_NOUN.finditer(article):
        names.setdefault(m.group("noun").lower(), set()).add(m.group("name"))
    from rag.kinds import is_office

    # Not an office: an article has more presidents than it names ("le président Biden", "le président
    # russe"), where it names one usine.
    single = {noun: next(iter(n)) for noun, n in names.items() if len(n) == 1 and not is_office(noun)}
    if not single:
        return text
    pattern = re.compile(_DEFINITE.format("|".join(map(re.escape, sorted(single, key=len, reverse=True)))))
    return pattern.sub(lambda m: f"{m.group(0)} {single[m.group('noun').lower()]}", text)


_DETERMINERS = {"le", "la", "les", "l", "un", "une", "the"}
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_WORD = re.compile(r"[^\W\d_][\w-]*")


def spell_acronyms(text: str, claim: str) -> str:
    """`text` with an acronym the claim spells out followed by the claim's words: "Le BEA a ouvert
    une enquête." for "Le Bureau d'enquêtes et d'analyses a ouvert …" -> "Le BEA (Bureau d'enquêtes et
    d'analyses) a ouvert une enquête." (the judge does not know every acronym; a page that never
    spells it out states the claim all the same)."""
    for acronym, name in spelled_out(claim, text).items():
        if name.lower() not in text.lower():  # not where the page spells it out itself
            text = re.sub(rf"\b{acronym}\b", f"{acronym} ({name})", text, count=1)
    return text


def spelled_out(claim: str, text: str) -> dict[str, str]:
    """The acronyms `text` prints that the claim spells out and does not print, with the claim's words."""
    from rag.names import initials

    words = list(_WORD.finditer(claim))
    out = {}
    for acronym in dict.fromkeys(_ACRONYM.findall(text)):
        if re.search(rf"\b{acronym}\b", claim):
            continue
        spans = (
            claim[words[i].start() : words[j].end()]
            for i in range(len(words))
            if words[i].group(0)[0].isupper() and ground.fold(words[i].group(0)) not in _DETERMINERS
            for j in range(i + 1, min(i + 12, len(words)))
        )
        name = next((s for s in spans if initials(s) == acronym), None)
        if name:
            out[acronym] = name
    return out


def carried(claim: str, premise: str, title: str) -> bool:
    """The premise prints most (2 in 3) of the claim's content words that the title does not: what the
    title adds is the setting ("le lac de Serrières", "mercure"), never the statement itself."""

    def printed(word: str, text: list[str]) -> bool:
        return any(ground.same_word(word, w, 5) or ground.same_word(w, word, 5) for w in text)

    setting, have = ground.content_words(title), ground.content_words(premise)
    left = [w for w in ground.content_words(claim) if not printed(w, setting)]
    return bool(left) and sum(printed(w, have) for w in left) * 3 >= 2 * len(left)
