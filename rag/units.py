"""A measure asked in a unit must be quoted in that unit.

"What is the mercury concentration measured in the fish, in micrograms per kilogram?" was answered
"three times higher than the regulatory limit" over a sentence that gives a ratio, no measure: the
judge read the unit as the question's wording and the answer as a value. A question that names the
unit it wants ("en microgrammes par kilogramme", "how many tonnes", "combien d'euros") is answered
only by a quote that prints that unit, in a word or its symbol after a number; a converted value
(dollars for euros, grams for kilograms) cannot be proved by any quote, so it is not one either.
Units of time are left out: "en quelle année", "combien de jours" are dates and spans, which other
checks read.
"""

from __future__ import annotations

import re

from rag.figures import numbers

# Each unit: its words (singular and plural, French and English) and its symbols. A symbol counts
# only after a number or a slash ("12 kg", "3,5 µg/kg"): alone, "g" or "m" is any letter.
_UNITS: dict[str, tuple[str, str]] = {
    "microgram": (r"microgrammes?|micrograms?", r"µg|μg|ug|mcg"),
    "milligram": (r"milligrammes?|milligrams?", r"mg"),
    "gram": (r"grammes?|grams?", r"g"),
    "kilogram": (r"kilogrammes?|kilograms?|kilos?", r"kg"),
    "tonne": (r"tonnes?|tons?", r"t"),
    "millimetre": (r"millimètres?|millimetres?|millimeters?", r"mm"),
    "centimetre": (r"centimètres?|centimetres?|centimeters?", r"cm"),
    "metre": (r"mètres?|metres?|meters?", r"m"),
    "kilometre": (r"kilomètres?|kilometres?|kilometers?", r"km"),
    "mile": (r"miles?", r"mi"),
    "hectare": (r"hectares?", r"ha"),
    "litre": (r"litres?|liters?", r"l|L"),
    "euro": (r"euros?", r"€|EUR"),
    "dollar": (r"dollars?", r"\$|USD"),
    "pound": (r"livres?\s+sterling|pounds?\s+sterling|pounds?", r"£|GBP"),
    "percent": (r"pour\s*cents?|pourcentages?|percent|per\s+cent|percentage", r"%"),
    "degree": (r"degrés?|degrees?", r"°C?"),
}
_WORD = {name: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for name, (words, _) in _UNITS.items()}
# After a number or a slash ("µg/kg"); a square or cube mark may follow ("12 000 m²").
_AFTER_NUMBER = {
    name: re.compile(rf"(?:\d\s*|/\s*)(?:{symbols})(?=[²³]|\W|$)") for name, (_, symbols) in _UNITS.items()
}
# A unit may be asked by its word or a symbol of two letters or more ("en km"; "en m" is too loose).
_SYMBOL = {name: re.compile(rf"(?:{symbols})", re.IGNORECASE) for name, (_, symbols) in _UNITS.items()}
_ANY_WORD = "|".join(words for words, _ in _UNITS.values()) + r"|km|kg|mg|µg|μg|cm|mm"
# Where a question names the unit it wants: "en microgrammes par kilogramme", "in tonnes", "combien
# d'euros", "how many kilometres", "… per kilogram". A unit named as a thing ("le prix du kilo")
# is not asked for.
_ASKED = re.compile(
    rf"\b(?:en|in|combien\s+d[e'’]\s*|how\s+many|how\s+much|par|per)\s*(?P<unit>{_ANY_WORD})\b", re.IGNORECASE
)


def asked_units(question: str) -> list[str]:
    """The units `question` asks its measure in, by name ("microgram", "kilogram")."""
    found = []
    for m in _ASKED.finditer(question):
        unit = m.group("unit")
        found += [name for name in _UNITS if _WORD[name].fullmatch(unit) or _SYMBOL[name].fullmatch(unit)]
    return list(dict.fromkeys(found))


def unit_unstated(question: str, quote: str) -> str | None:
    """Why `quote` cannot give the measure `question` asks for: a unit it asks in that the quote
    prints neither as a word nor as a symbol after a number. None when it names no unit."""
    missing = [u for u in asked_units(question) if not (_WORD[u].search(quote) or _AFTER_NUMBER[u].search(quote))]
    if not missing:
        return None
    return f"the question asks for a measure in {' and '.join(missing)}; its quote prints no {' or '.join(missing)}"


# A question about someone's age ("Quel âge a …", "âgé de combien", "How old …").
_ASKS_AGE = re.compile(
    r"(?:\bquel\s+âge|\bl['’]âge\s+(?:de|du|des|d['’])|\bâgée?s?\s+de\s+combien|\bhow\s+old|\bwhat\s+age|\b(?:his|her|their)\s+age|['’]s\s+age)\b",
    re.I,
)
# "N ans" that is a span, not an age: "pilote depuis 22 ans", "il y a 3 ans", "pendant 10 ans",
# "22 ans d'expérience", "10 years ago".
_SPAN_BEFORE = re.compile(
    r"\b(?:depuis|il\s+y\s+a|pendant|durant|voilà|voici|en|après|avant|for|since|over)\s+(?:plus\s+de\s+|près\s+de\s+|presque\s+|more\s+than\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_SPAN_AFTER = re.compile(
    r"^\s*(?:d['’]expérience|de\s+carrière|de\s+service|de\s+métier|plus\s+tard|ago|of\s+experience|later)\b", re.I
)


def age_as_span(question: str, answer: str, quote: str) -> str | None:
    """An age asked, answered with a number of years its quote prints only as a span: "Claire Vasseur
    a 22 ans" for the captain's age, over "La commandante de bord, Claire Vasseur, pilote depuis 22
    ans" (corpus8: shown as proved). An age printed as one ("Sophie Le Meur, 41 ans,", "âgé de 41
    ans") or a number printed both ways passes."""
    if not _ASKS_AGE.search(question):
        return None
    asked = numbers(question)
    for value in numbers(answer) - asked:
        found = [
            m
            for m in re.finditer(r"(\d+|[^\W\d_]+(?:-[^\W\d_]+)*)\s+(?:ans|an|years?)\b", quote, re.I)
            if value in numbers(m.group(1))
        ]
        if found and all(_SPAN_BEFORE.search(quote[: m.start()]) or _SPAN_AFTER.match(quote[m.end() :]) for m in found):
            span = found[0]
            return f"the question asks an age; its quote gives {span.group(0)} only as a span of time ({quote[max(0, span.start() - 20) : span.end()].strip()})"
    return None
