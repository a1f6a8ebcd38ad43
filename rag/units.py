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
