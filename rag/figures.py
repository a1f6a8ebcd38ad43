"""Figures as printed: "plus de 1 000 conteneurs" -> (qualifier "more", value 1000, counted noun "conten").

Traces and the corpus view compare claims by their figures: a version printing another value or
qualifier for the same counted thing is a drift; a figure with its noun identifies a claim.
"""

from __future__ import annotations

import re

from rag import ground

# A quantity as written: optional qualifier, the number, and the noun it counts.
_QUALIFIER = {
    "more": r"plus de|more than|over|upwards of|au-delà de",
    "atleast": r"au moins|at least|pas moins de",
    "about": r"environ|près de|quelque|about|around|nearly|approximately|presque",
    "less": r"moins de|less than|fewer than|under",
}
_QUANTITY = re.compile(
    r"(?:(?P<q>" + "|".join(_QUALIFIER.values()) + r")\s+)?"
    r"(?P<n>\d{1,3}(?:[\s\u202f\u00a0.,]\d{3})+|\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|cent|mille|"
    r"two|three|four|five|seven|eight|nine|ten|hundred|thousand|centaines|milliers|dizaines|hundreds|thousands)"
    r"\b(?:\s+(?:de\s+|d['’]|of\s+)?(?P<unit>[^\W\d_][\w’'-]*))?",
    re.IGNORECASE,
)


def quantities(text: str) -> list[tuple[str, float, str]]:
    """(qualifier, value, counted noun's stem) of every figure: "plus de 1 000 conteneurs" ->
    ("more", 1000.0, "conten")."""
    out = []
    for m in _QUANTITY.finditer(text):
        values = ground.numbers(m.group("n"))
        if not values:
            continue
        qual = next((k for k, v in _QUALIFIER.items() if m.group("q") and re.fullmatch(v, m.group("q"), re.I)), "")
        out.append((qual, max(values), ground.fold(m.group("unit") or "")[:5]))
    return out


def key_figures(text: str) -> set[tuple[float, str]]:
    """Figures that identify a claim: large numbers by value, small ones ("deux pays", "cinq voyages")
    only with the noun they count, since small counts are everywhere."""
    return {(v, u if v < 10 else "") for _, v, u in quantities(text) if v > 1}


def figure_differs(a: list[tuple[str, float, str]], b: list[tuple[str, float, str]]) -> bool:
    """Some figure counts the same thing (same noun or same value) with another value or qualifier."""
    for qa, va, ua in a:
        for qb, vb, ub in b:
            same_thing = (ua and ua == ub) or va == vb
            if same_thing and (va, qa) != (vb, qb):
                return True
    return False


def printed(text: str) -> list[tuple[str, str, float, str]]:
    """(as printed, qualifier, value, noun) of every figure of a text."""
    return [
        (m.group(0).strip(), *quantities(m.group(0))[0]) for m in _QUANTITY.finditer(text) if quantities(m.group(0))
    ]
