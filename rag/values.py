"""When and how many: a date or a count answers the question only where its quote gives it for the
question's action.

The 1.5B judge accepts "2003" for "En quelle année le groupe les Rivages s'est-il reformé ?" over
"Les Rivages est un groupe de rock français, formé à Brest en 1988 et séparé en 2003", and "deux"
for "Combien d'étapes du Tour de France a remporté Paul Marchand ?" over "Il remporte le Tour de
Bretagne en 1991 et termine deux fois dans les vingt premiers du Tour de France": the value is
printed and the topic is right, but the value belongs to another verb. spaCy's parse gives the verb
a year or a number stands under in the quote (through the noun it counts or dates: "deux fois",
"le 2 septembre 1968"). The same verb by stem or spelling ("remporte"/"remporté", not
"reformer"/"former"), a noun of it on the way ("la visite … en juillet" for "a visité"), or two
verbs of handing over pass at once. Any other verb is put to the judge in a narrow question: is
"séparé en 2003" what the question's "reformé" asks about? Word vectors cannot decide it: they put
"reformer" 0.69 from "séparer" and "ouvrir" 0.22 from "inaugurer".

A question that dates its event from another ("… a-t-il rouvert après sa destruction ?") names that
other event with an action noun after a preposition of time: a value its quote gives under the verb
of that noun ("détruit en août 1944"), or under no verb at all ("1999 : La Part des anges" for a prize
won "après la sortie de La Part des anges"), is refused without the judge, which the question's own
word sways (0.78 for "détruit").

Only clear cases are judged: French, a question whose verb says something by itself (not "être",
"avoir lieu", "voir le jour"), every printing of the value under a verb, and a count that counts the
question's own noun ("Combien de conteneurs … envoyés ?" over "Elles représentent plus de 1 000
conteneurs") is the question's count whatever its verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rag import clauses, figures, ground, predicates, slots
from rag.lang import detect
from rag.verify import Verifier

# Questions that ask when: the answer's new numbers are dates (years, days).
_ASKS_WHEN = re.compile(
    r"\b(?:quand|(?:en|à|a|de|dans|pour|depuis|vers)\s+quel(?:le)?s?\s+(?:année|date|jour|mois|époque|an|siècle|heure)|"
    r"quel(?:le)?\s+(?:année|date|jour|heure))\b",
    re.IGNORECASE,
)
# spaCy's French parser reads inverted questions poorly ("Depuis quand Paul Marchand dirige-t-il …"
# tags "dirige" a name): the question is parsed with its inversion taken out.
_INVERSION = re.compile(r"-t-(?:il|elle|ils|elles|on)\b|-(?:il|elle|ils|elles|on)\b|\best-ce\s+qu(?:e\b|['’])", re.I)
_PARTICIPLE = re.compile(r"(?:é|i|u|t|s)e?s?$")  # what the parser may tag a noun: "licenciés", "ouvert"
_AUX = {"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "été", "fut", "furent", "eut", "aura"}
# Light verbs and support verbs (`clauses.SUPPORT`, "voir le jour"): not judged.
_NOT_JUDGED = {ground.fold(w) for w in clauses.LIGHT | clauses.SUPPORT}
# The noun of "avoir lieu", "avoir cours" after its auxiliary: not a participle ("lieu" ends like "vendu").
_SUPPORT_NOUNS = {"lieu", "cours"}
_MODALS = {"devoir", "pouvoir", "vouloir", "aller", "falloir", "sembler", "paraître", "compter", "espérer"}
# Verbs of an amount ("À combien s'élève le coût …"): what is asked is their noun's, as after a copula.
_AMOUNT = {"elever", "monter", "chiffrer"}
# Nouns that measure and say nothing of what was done ("le montant de la rançon réclamée").
_MEASURES = {"nombre", "montant", "quantite", "somme", "total", "effectif", "chiffre", "niveau", "valeur", "taux"}
# Stems of a verb and of its action noun: "détruire"/"destruction", "ouvrir"/"ouverture", "sortir"/"sortie".
_VERB_END = re.compile(r"(?:er|ir|re|oir)$")
_ACTION_NOUN = re.compile(r"(?:ation|ition|ction|tion|sion|ment|ture|age|ance|ence|ure|ie)$")
_NOUN_END = re.compile(r"(?:ation|ition|ction|tion|sion|ment|ture|age|ance|ence|ure|ie|e)$")
_TIME_PREP = {"après", "avant", "depuis", "dès", "lors"}
_SCALE = re.compile(r"(?:millions?|milliards?|billions?|trillions?|mille|thousands?)$", re.IGNORECASE)
# A year as printed ("1991", not "2 431"): in a count question's answer, a date, not the count.
# A number printed in digit groups ("75 000"): the parser gives each group a token of its own.
_GROUPED = re.compile(r"\d{1,3}(?:[\s\u202f\u00a0]\d{3})+(?![\d,.]\d)")
# Verbs of saying that also sentence ("condamné à 75 000 euros d'amende"): with "à" and a value,
# an action done to their object, not words.
_SENTENCING = {"condamner", "sentence"}
_YEAR = re.compile(r"(?<![\d.,])(?<!\d[\s\u202f\u00a0])(1[5-9]\d\d|20\d\d)(?![\d.,]|[\s\u202f\u00a0]\d{3})")


@dataclass(frozen=True)
class Misplaced:
    """A value of the answer, the verb phrase its quote gives it for, and the question's verb."""

    value: str
    phrase: str
    asked: str
    # The question's noun for the event the value belongs to ("après sa destruction"): another
    # event than the one it asks about, so no judge is asked.
    named: str | None = None


def asked_verb(question: str) -> tuple[str, str] | None:
    """(as printed, folded lemma) of the verb a when/how-many question asks about: the participle
    after its auxiliary ("reformé" in "… s'est-il reformé ?"), else its main verb ("dirige"); None
    for a light or support verb, or none found."""
    doc = clauses.parse(_INVERSION.sub("", question))
    words = [t for t in doc if not t.is_punct]
    aux = [i for i, t in enumerate(words) if t.lower_ in _AUX and i + 1 < len(words)]
    if aux:
        # The first run of auxiliaries ("a été publié"): a later one belongs to a clause of its own
        # ("… a-t-il rouvert après avoir été détruit ?" asks about the re-opening).
        last = aux[0]
        while last + 1 in aux:
            last += 1
        tok = words[last + 1]
        if tok.lower_ in _SUPPORT_NOUNS:
            return None  # "Quand aura lieu l'audience ?": a support verb's noun, as "prendre fin"
        if tok.pos_ != "VERB" and not _PARTICIPLE.search(tok.lower_):
            return _asked_noun(question, words)  # a copula: "est à la tête de …", "Quel est le coût de …"
    else:
        tok = next((t for t in words if t.pos_ == "VERB" and not t.text[:1].isupper()), None)
    if tok is None or not tok.is_alpha or tok.text[:1].isupper():
        return None
    # Asked through what someone says it did ("En quelle année Chimanor dit-il avoir abandonné le
    # procédé ?"): the date belongs to the infinitive said, not to the saying. "Quand a-t-il dit que
    # …" (a clause) asks when it was said.
    if tok.pos_ == "VERB" and (tok.lemma_.lower() == "dire" or clauses.said(tok.lemma_.lower())):
        said = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        tok = said if said is not None else tok
    # Asked through a modal ("À quelle heure l'avion devait-il atterrir ?"): the infinitive's action.
    if tok.lemma_.lower() in _MODALS:
        tok = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), tok)
    lemma = ground.fold(tok.lemma_ if tok.pos_ in ("VERB", "AUX") else tok.text)
    if lemma in _AMOUNT:
        return _asked_noun(question, words)
    if lemma in _NOT_JUDGED:
        return None
    return tok.text, lemma


def _asked_noun(question: str, words: list[Any]) -> tuple[str, str] | None:
    """The action a count question asks through a noun after a copula: "coût" in "Quel est le coût
    de la cyberattaque ?" (a ransom demanded is not what the attack cost). None for a when-question
    ("Depuis quand est-il à la tête de …") or a bare measure ("le montant de la rançon réclamée")."""
    if not slots.wants_number(question):
        return None
    noun = next((t for t in words if t.pos_ == "NOUN"), None)
    if noun is None or noun.text[:1].isupper():
        return None
    # After a bare measure the participle is often another word for the quote's verb ("la rançon
    # demandée" over "réclame 3 millions": judged 0.70, a false refusal): not judged.
    return None if ground.fold(noun.lemma_) in _MEASURES else (noun.text, ground.fold(noun.lemma_))


def _same(lemma: str, verb: Any, path: list[Any]) -> bool:
    """The quote's verb (or a noun passed on the way to it) names the question's action by stem or
    spelling, not a derived verb ("reformer"/"former"), or both hand something over."""
    theirs = [ground.fold(verb.lemma_)] + [ground.fold(t.lemma_) for t in path if t.pos_ == "NOUN"]
    return any(predicates.same_stem(lemma, w) for w in theirs) or predicates.both_transfer(lemma, theirs[0])


def _event_named(lemma: str, refs: list[Any]) -> str | None:
    """The question's reference event (`references`) that is the action of `lemma`: "destruction"
    for "détruire" in "… a-t-il rouvert après sa destruction ?". The question sets that event apart
    from the one it asks about, so a value given for it answers the wrong one (the judge, seeing the
    question's own word, took "détruit en août 1944" for when the bridge re-opened: 0.78)."""
    verb = _VERB_END.sub("", ground.fold(lemma))
    for tok in refs:
        noun = _NOUN_END.sub("", ground.fold(tok.lemma_))
        if min(len(verb), len(noun)) >= 4 and (ground.same_word(verb, noun, 4) or ground.same_word(noun, verb, 4)):
            return str(tok.text)
    return None


def references(question: str) -> list[Any]:
    """The events a when/how-many question dates its own from ("après sa destruction", "avant la
    sortie de l'album", "depuis son ouverture"): an action noun after a preposition of time. Not
    any action noun: "En quelle année la construction du pont a-t-elle été achevée ?" asks about
    the construction itself."""
    return [
        tok
        for tok in clauses.parse(_INVERSION.sub("", question))
        if tok.pos_ == "NOUN"
        and _ACTION_NOUN.search(ground.fold(tok.lemma_))
        and any(c.lower_ in _TIME_PREP for c in tok.children if c.dep_ == "case")
    ]


def _phrase(verb: Any) -> str:
    """The verb with what it governs, without its subject or the verbs coordinated with it:
    "séparé en 2003" out of "formé à Brest en 1988 et séparé en 2003"."""
    skip: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("conj", "cc", "nsubj", "nsubj:pass", "parataxis", "punct"):
            skip |= {t.i for t in c.subtree}
    kept = [t for t in verb.subtree if t.i not in skip]
    return " ".join(t.text for t in kept).replace(" ,", ",").replace("' ", "'").strip(" ,")


def _apposed(noun: Any) -> str:
    """An apposition as printed, without the commas that set it off."""
    return " ".join(t.text for t in noun.subtree).replace(" ,", ",").replace("' ", "'").strip(" ,")


def _values(question: str, answer: str, count: bool) -> set[float]:
    """The numbers the answer adds to the question; a count question's years are dates, not counts."""
    found = figures.numbers(answer) - figures.numbers(question)
    return found - {float(y) for y in _YEAR.findall(answer)} if count else found


_DATE_WORDS = {
    ground.fold(w)
    for w in "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
}


def _date_words(text: str) -> set[str]:
    """The months and weekdays a text prints, folded."""
    return {ground.fold(w.lower()) for w in re.findall(r"[^\W\d_]+", text)} & _DATE_WORDS


def misplaced(question: str, answer: str, quote: str) -> list[Misplaced] | None:
    """The code half of `value_unstated`: the answer's values and the verb phrases its quote gives
    them for, when none is given for the question's action and every printing stands under a verb;
    None when it is (or nothing can be judged)."""
    count = slots.wants_number(question)
    if not (count or _ASKS_WHEN.search(question)) or detect(question) != "fr" or detect(quote) != "fr":
        return None
    values = _values(question, answer, count)
    # A when-question answered by a month or a day ("en juin", "mardi"): a date as much as "2003".
    days = set() if count else _date_words(answer) - _date_words(question)
    asked = asked_verb(question) if values or days else None
    if asked is None:
        return None
    what = slots.asked_count(question) if count else None
    counted = [ground.fold(h) for h in figures.heads(what)] if what else []
    quote_doc = clauses.parse(quote)
    refs = references(question)
    reference = str(refs[0].text) if refs else None
    out = []
    read_to = 0  # the end of a number read in groups: its later groups are not numbers of their own
    for tok in quote_doc:
        if tok.idx < read_to:
            continue
        if ground.fold(tok.text.lower()) in days:
            printed = tok.text
        elif not (tok.like_num or ground.fold(tok.text) in figures.CARDINAL_WORDS):
            continue
        else:
            grouped = _GROUPED.match(quote, tok.idx)
            printed = grouped.group(0) if grouped else tok.text
            read_to = grouped.end() if grouped else read_to
        number = printed  # as the judge is shown it: "75 000", "3" (of "3 millions")
        # "3 millions": the value is the number with its scale word.
        after = next((t for t in quote_doc[tok.i + 1 :] if t.idx >= max(read_to, tok.idx + 1)), None)
        if after is not None and _SCALE.match(after.text):
            printed = f"{printed} {after.text}"
        if not values & figures.numbers(printed) and ground.fold(printed.lower()) not in days:
            continue
        # The noun it counts: "deux fois" (nummod); the parser makes digit groups determiners ("1 000 conteneurs").
        noun = tok.head if tok.dep_ in ("nummod", "det") else None
        if noun is not None and any(ground.same_word(c, ground.fold(noun.text), 5) for c in counted):
            return None  # the question's own noun, counted
        head, path = clauses.clause(tok)
        if head.pos_ != "VERB" and reference:
            # "1999 : La Part des anges" ties the year to nothing the question could ask after the
            # album's release ("… reçu la Victoire … après la sortie de La Part des anges ?").
            out.append(Misplaced(number, " ".join(quote.split())[:80], asked[0], reference))
            continue
        if (
            head.pos_ != "VERB"
            or not clauses.verb_like(head)
            or (clauses.said(head.lemma_.lower()) and not _sentenced(head))
        ):
            return None  # under no verb, a light one, or one of saying: not judged
        # Set off in apposition ("Kessler Thermotechnik, propriétaire de Brévalle depuis 2019,
        # prévoit …"): the value is the described noun's, not the verb's, and the judge is shown that phrase.
        described = next((t for t in path if t.dep_ == "appos"), None)
        if described is not None:
            out.append(Misplaced(number, _apposed(described), asked[0]))
            continue
        if _same(asked[1], head, path):
            return None
        out.append(Misplaced(number, _phrase(head), asked[0], _event_named(head.lemma_, refs)))
    return out or None


def _sentenced(verb: Any) -> bool:
    """A verb of sentencing with what it sentences to: "condamné à 75 000 euros d'amende"."""
    return ground.fold(verb.lemma_.lower()) in _SENTENCING and any(
        c.dep_.startswith("obl") and any(g.dep_ == "case" and g.lower_ in ("à", "a") for g in c.children)
        for c in verb.children
    )


def value_unstated(question: str, answer: str, quote: str, verifier: Verifier) -> tuple[str | None, int]:
    """A date or count the answer gives for the question's action that its quote gives for another
    verb, which the judge does not find means the question's: "2003" for when les Rivages re-formed
    over "… séparé en 2003". Returns (why or None, judge calls made)."""
    found = misplaced(question, answer, quote)
    if not found:
        return None, 0
    apart = next((m for m in found if m.named), None)
    if apart:
        return (
            f"the question asks « {apart.asked} » after or apart from « {apart.named} »; "
            f"its quote gives {apart.value} for « {apart.phrase} »",
            0,
        )
    calls = 0
    for m in dict.fromkeys(found):
        calls += 1
        if verifier.value_for(quote, question, m.value, m.phrase, m.asked) >= verifier.value_threshold:
            return None, calls
    shown = "; ".join(dict.fromkeys(f"{m.value} « {m.phrase} »" for m in found))
    return (
        f"the question asks « {found[0].asked} »; its quote gives {shown} (judge below {verifier.value_threshold})",
        calls,
    )


def gives_value(question: str, answer: str) -> bool:
    """A French when or how-many question whose answer gives a date or count of its own."""
    count = slots.wants_number(question)
    if not (count or _ASKS_WHEN.search(question)) or detect(question) != "fr":
        return False
    return bool(_values(question, answer, count) or (not count and _date_words(answer) - _date_words(question)))
