"""A claim the quote reports as a rumour or as denied is not stated by it.

"Des rumeurs selon lesquelles l'hôpital aurait versé la rançon ont circulé ; la direction les a
démenties" holds every word of "Yes, the hospital paid the ransom", and the 1.5B judge accepted it
(P(yes) 0.84). What the quote frames as a rumour, an unverified claim or something someone denies
can only be the answer if the answer keeps the frame ("selon des rumeurs …", "… a démenti", "did
not pay"): an answer that states it flatly is refused.

Only frames that introduce the claim count ("rumeurs selon lesquelles …", "a démenti avoir …",
"denied that …"): a quote that mentions a denial beside the claim it states ("Malgré le démenti
officiel de la Russie …, ils sont presque certains que …") is judged as any other.
"""

from __future__ import annotations

import re

from rag.embed import Embedder
from rag.ground import content_words, fold, same_word, words_not_in
from rag.lang import detect
from rag.names import name_words

_FRAME = re.compile(
    r"\b(?:rumeurs?|bruits?|informations?|affirmations?|allégations?|spéculations?)\s+"
    r"(?:non\s+(?:confirmées?|vérifiées?)\s+)?(?:selon\s+lesquel(?:le)?s|voulant\s+que|(?:disant|affirmant|prétendant)\s+que)|"
    r"\b(?:rumou?rs?|reports?|claims?|allegations?|speculation)\s+(?:that|saying\s+that|claiming\s+that)|"
    r"\b(?:dément\w*|démenti\w*|nie|nient|nié\w*|réfut\w*|conteste\w*|contesté\w*)\s+(?:avoir|être|que|qu['’]|l['’]information)|"
    r"\b(?:denied|denies|deny|denying|refuted|disputed)\s+(?:that|having|being|any|the\s+reports?)|"
    r"\b(?:denied|denies|deny|denying)\s+\w+ing\b|"
    r"\b(?:sans|n['’]a\s+pas\s+pu\s+être)\s+(?:confirmation|confirmée?s?|vérifiée?s?)\b|"
    r"\b(?:could\s+not\s+be|has\s+not\s+been|have\s+not\s+been)\s+(?:independently\s+)?(?:verified|confirmed)\b",
    re.IGNORECASE,
)
# What keeps the frame in an answer: the report or denial itself, a conditional, a source, a negation.
_KEPT = re.compile(
    r"\b(?:rumeurs?|rumou?rs?|selon|d['’]après|according|aurait|auraient|serait|seraient|pourrait|"
    r"dément\w*|démenti\w*|nié\w*|nie|nient|denied|denies|deny|contest\w*|réfut\w*|refut\w*|disput\w*|"
    r"reportedly|allegedly|prétendument|"
    r"supposément|affirm\w*|claim\w*|pas|jamais|aucune?|rien|not|never|no|none|non|n['’]t|n['’]|ne|"
    r"unverified|unconfirmed|non\s+confirmé\w*|non\s+vérifié\w*)\b",
    re.IGNORECASE,
)


# A likelihood the quote puts on what follows ("contenaient probablement des munitions").
_LIKELY = re.compile(
    r"\b(?:probablement|vraisemblablement|sans\s+doute|peut-être|possiblement|apparemment|"
    r"il\s+est\s+(?:probable|possible|vraisemblable)\s+que|semblent?\s+(?:avoir|être|indiquer|montrer)|"
    r"probably|likely|possibly|perhaps|apparently|(?:may|might|could)\s+have|(?:appears?|seems?)\s+to)\b",
    re.IGNORECASE,
)
_KEPT_LIKELY = re.compile(
    r"\b(?:probabl\w*|vraisemblabl\w*|sans\s+doute|peut-être|possibl\w*|apparemment|sembl\w*|"
    r"likely|perhaps|apparently|may|might|could|appears?|seems?|suggest\w*|estim\w*|believ\w*)\b",
    re.IGNORECASE,
)
_HEDGED_SPAN = 8  # words after the likelihood word that it qualifies


def stated_flatly(answer: str, quote: str, question: str = "") -> str | None:
    """Why the answer states as fact what its quote reports as a rumour, denied, or only likely;
    None if it does not. A likelihood counts only for the words it qualifies, when the answer
    states one of them ("The ships carried munitions" over "les conteneurs contenaient probablement
    des munitions"), and a hedge in the question carries over ("What did the ships probably carry?")."""
    if _KEPT.search(answer):
        return None
    frame = _FRAME.search(quote)
    if frame and not _in_aside(answer, question, quote, frame.start()):
        return f"the quote reports it as {frame.group(0)!r}; the answer states it as fact"
    if _KEPT_LIKELY.search(answer) or _KEPT_LIKELY.search(question):
        return None
    said = {fold(w) for w in re.findall(r"[^\W\d_]{4,}", answer)} - {fold(w) for w in re.findall(r"\w+", question)}
    for m in _LIKELY.finditer(quote):
        after = content_words(" ".join(quote[m.end() :].split()[:_HEDGED_SPAN]))
        hit = [w for w in after if any(same_word(w, a, 5) or same_word(a, w, 5) for a in said)]
        if hit:
            return f"the quote says « {m.group(0)} » of {', '.join(hit)}; the answer states it as fact"
    return None


_ASIDE = re.compile(r",\s*(?:qui|dont|que|qu['’]|où)\b[^,;«»]{3,160},")


def _in_aside(answer: str, question: str, quote: str, frame: int) -> bool:
    """The answer's own words (two or more) all stand in a set-off relative of the quote that the
    frame is outside of: "Le groupe Chimirex, dont l'usine … fabrique des revêtements antiadhésifs,
    conteste être à l'origine de la pollution" states what the plant makes and reports the denial."""
    asked = set(content_words(question))
    said = [w for w in content_words(answer) if w not in asked]
    if len(said) < 2:
        return False
    for m in _ASIDE.finditer(quote):
        inside = content_words(m.group(0))
        if not m.start() <= frame < m.end() and all(
            any(same_word(w, h, 5) or same_word(h, w, 5) for h in inside) for w in said
        ):
            return True
    return False


_YES = re.compile(r"^\W*(?:oui|yes|si)\b[\s,.!:;-]*", re.IGNORECASE)
_NO = re.compile(r"^\W*(?:non|no)\s*[,.!:;-]", re.IGNORECASE)  # "No, …", not "No information …"
_NEGATION = re.compile(
    r"\b(?:ne|n['’])\s*(?:[\w'’-]+\s+){0,2}?(?P<fr>[\w'’-]+)\s+(?:pas|plus|jamais|rien|guère|point|aucun\w*)"
    r"(?:\s+(?P<after>[\w'’-]+))?|\b(?:not|never|n['’]t)\s+(?P<en>\w+)",
    re.IGNORECASE,
)
_NOT_NEGATION = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:qu(?:e\b|['’])|avant\b|before\b|until\b|jusqu)", re.IGNORECASE)
_ANSWER_NEGATION = re.compile(
    r"\b(?:ne|n['’]|pas|jamais|aucun\w*|rien|not|never|no|non|none|nobody|nothing|n['’]t)\b", re.IGNORECASE
)


def affirms_negated(answer: str, quote: str) -> str | None:
    """Why the answer affirms what its quote negates: a "Yes" over a quote that says no ("Yes, the
    hospital paid the ransom" over "… l'établissement ne paierait pas la rançon", which the judge
    accepted), or a verb the quote negates, stated without a negation ("L'hôpital paiera la
    rançon"). None when the answer negates too, or the quote negates nothing."""
    # "ne … que" restricts ("ne prennent plus en charge que les cas vitaux") and "pas avant" bounds a
    # time ("le retour à la normale n'est pas attendu avant trois semaines"): neither negates the fact.
    negated = [m for m in _NEGATION.finditer(quote) if not _NOT_NEGATION.match(quote[m.end() :])]
    if not negated or _ANSWER_NEGATION.search(_YES.sub("", answer)):
        return None
    said = ", ".join(m.group(0) for m in negated)
    if _YES.match(answer):
        return f"the answer says yes; its quote says « {said} »"
    verbs = [fold(v) for m in negated for v in (m.group("fr"), m.group("after"), m.group("en")) if v and len(v) >= 4]
    words = [fold(w) for w in re.findall(r"[\w'’-]+", answer) if len(w) >= 4]
    hit = [v for v in verbs if any(same_word(v, w, 5) for w in words)]
    return f"the answer states « {', '.join(hit)} »; its quote says « {said} »" if hit else None


def yes_to_another(question: str, answer: str) -> str | None:
    """Why a "Yes" answers another question: what follows it lacks a content word of the question
    (not a name): "Oui, le groupe NoxLock réclame une rançon" for "L'hôpital va-t-il payer la
    rançon ?" says yes to a ransom being demanded, not paid."""
    m = _YES.match(answer)
    if not m:
        return None
    rest = content_words(answer[m.end() :])
    names = name_words(question)
    missing = [
        w
        for w in content_words(question)
        if w not in names and not any(same_word(w, h, 5) or same_word(h, w, 5) for h in rest)
    ]
    return f"the answer says yes without « {', '.join(missing)} »" if missing else None


def polar_unstated(question: str, answer: str, quote: str, embedder: Embedder) -> str | None:
    """Why a yes or a no is not proved by its quote: the claim it answers is the question's own, so
    the quote must carry most of the question's words (names aside, checked elsewhere), in any
    language by the embedder. "Yes, swimming in the lake is dangerous" for "Is swimming in the
    lake dangerous, according to the prefect?" over "La préfecture du Jura a interdit … la pêche …"
    adds no word of its own, so the answer's word checks had nothing to judge; the prefect's "Il
    n'y a pas de danger pour la baignade" carries "swimming" and "dangerous"."""
    if not (_YES.match(answer) or _NO.match(answer)):
        return None
    names = name_words(question)
    asked = [w for w in content_words(question) if w not in names]
    missing, total = words_not_in(" ".join(asked), quote, embedder)
    if total and 2 * len(missing) > total:
        return f"a yes or no answers the question's own words; its quote has not « {', '.join(missing)} »"
    # Nor a quote about someone else: "Le parquet a-t-il annoncé qu'il faisait appel ?" is not answered
    # by "Son avocat … a annoncé son intention de faire appel" (corpus10), which has every other word.
    who = _subject(question) if getattr(embedder, "multilingual", False) else None  # "nations" for "pays" by meaning
    if who and who in missing:
        return f"the question asks whether « {who} » does it; its quote does not name « {who} »"
    return None


def _subject(question: str) -> str | None:
    """The common noun a French yes/no question asks about ("parquet" in "Le parquet a-t-il annoncé
    … ?"), as `content_words` writes it; None for a name (checked elsewhere) or a pronoun."""
    from rag import clauses  # lazy: spaCy

    if detect(question) != "fr":
        return None
    doc = clauses.parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None) if root is not None else None
    if subj is None or subj.pos_ != "NOUN":
        return None
    return next(iter(content_words(subj.text)), None)
