"""How the versions of one claim relate across articles: who printed which figure (drift), who
had it first (date order), and the source chain the texts give (origin, first publisher, credited
outlet, reporting outlets). Shared by `rag.trace` (verified versions) and `rag.claims` (the corpus view).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rag import ground
from rag.attribute import Attribution
from rag.names import initials
from rag.quantities import counted_as, is_date, printed, quantities, same_unit


@dataclass(frozen=True)
class Appearance:
    """One article's version of the claim: the exact sentence(s), its sources and its stance."""

    article_id: str
    title: str
    date: str | None
    outlet: str | None
    quote: str
    start: int
    end: int
    raw_start: int | None
    raw_end: int | None
    # states | drift (states a different figure or detail) | contradicts | similar (corpus view, not verified)
    stance: str
    support: float  # the verifier's P(yes) for the claim on this quote
    sources: tuple[Attribution, ...] = ()
    earliest: bool = False
    url: str | None = None
    byline: str | None = None  # the article's author, when the page names one: not its outlet
    credited: str | None = None  # the outlet an aggregator names as its text's source
    # What the judge read when not the quote alone: its relative days dated by the article's date,
    # after the article's title ("Mercure dans le lac … . La pêche y est interdite depuis jeudi 13 mars …").
    read_as: str | None = None


@dataclass(frozen=True)
class Drift:
    """A figure the outlets give differently: each version with the articles that print it."""

    versions: tuple[tuple[str, tuple[str, ...]], ...]  # (text as printed, article IDs)


@dataclass(frozen=True)
class ChainStep:
    """A link of the source chain the texts give: an origin, who had it first, who repeated it."""

    name: str
    role: str  # origin | first published by | denied by | credited as source | reported by
    article_ids: tuple[str, ...]


def drifts(claim: str, appearances: Sequence[Appearance]) -> tuple[Drift, ...]:
    """Figures of the claim printed differently across articles, versions side by side."""
    anchors = quantities(claim) or [q for a in appearances[:1] for q in quantities(a.quote)]
    out = []
    for anchor_qual, value, unit in anchors:
        versions: dict[tuple[str, float], tuple[str, list[str]]] = {}
        for a in appearances:
            figures = counted_as(claim, printed(a.quote))  # "12 dépassent" counts the claim's samples
            # The figure counting the same thing ("près de quatre fois" for "trois fois"), else the
            # same value under another noun ("cinq allers-retours" for "cinq voyages"), but never a
            # date for a count: "3 mars" is no version of "trois fois".
            same = [f for f in figures if same_unit(f[3], unit)] or [
                f for f in figures if f[2] == value and is_date(f[3]) == is_date(unit)
            ]
            if same:  # the claim's own figure first, if printed: "11h02 : … posé à 10h47" says 10h47
                # else the nearest in size: "fined €75,000 and ordered … to pay €1.5 million" gives
                # "€1.5 million" for "1,2 million d'euros" of damages (corpus10), not the first euros
                text, qual, v, _ = min(same, key=lambda f: ((f[2], f[1]) != (value, anchor_qual), _apart(f[2], value)))
                versions.setdefault((qual, v), (text, []))[1].append(a.article_id)
        if len(versions) > 1:
            out.append(Drift(tuple((t, tuple(dict.fromkeys(ids))) for t, ids in versions.values())))
    return tuple(out)


def _apart(a: float, b: float) -> float:
    """How many times one figure is the other: 1.25 for 1,2 and 1,5 million, 16 for 1,2 million and 75 000."""
    if a <= 0 or b <= 0:
        return abs(a - b)
    return max(a, b) / min(a, b)


def _interval(date: str | None) -> tuple[str, str]:
    """A date known to the month or year as the range it covers; unknown dates sort last."""
    if not date:
        return ("9999", "9999")
    return (date, date + "-99")


def by_date(appearances: list[Appearance]) -> list[Appearance]:
    """Oldest first; every article that may be the first to report it (given the dates' precision) is marked."""
    dated = sorted(appearances, key=lambda a: (_interval(a.date)[0], a.article_id))
    if not any(a.date for a in dated):
        return dated
    latest_first = min(_interval(a.date)[1] for a in dated if a.date)
    return [replace(a, earliest=bool(a.date) and _interval(a.date)[0] <= latest_first) for a in dated]


def chain(appearances: Sequence[Appearance]) -> tuple[ChainStep, ...]:
    """Origins named with "selon"/"analysées par"/a reporting verb, then who had it first, then the outlets."""
    origin: dict[str, list[str]] = {}
    first: dict[str, list[str]] = {}
    denied: dict[str, list[str]] = {}
    spelled = {initials(s.source): s.source for a in appearances for s in a.sources}
    # "la préfecture" where another article names "la préfecture d'Ille-et-Vilaine": one origin, named in full
    keys = {_key(s.source) for a in appearances for s in a.sources}
    fuller = {k: longer[0] for k in keys if len(longer := [x for x in keys if x.startswith(k + " ")]) == 1}
    for a in appearances:
        for s in a.sources:
            # "l'ARS" and "l'Agence régionale de santé" are one origin, named as spelled out
            name = spelled.get(_strip_det(s.source), s.source) if _strip_det(s.source).isupper() else s.source
            # "…, ce qu'Aérolys a démenti": who denies the claim is no origin of it
            kind = denied if _DENIAL.search(s.cue) else first if s.first else origin
            kind.setdefault(fuller.get(_key(name), _key(name)), []).append(a.article_id)
    names = {_key(s.source): _strip_det(s.source) for a in appearances for s in a.sources}
    names.update({_key(s): _strip_det(s) for s in spelled.values()})
    steps = [ChainStep(names[k], "origin", tuple(dict.fromkeys(v))) for k, v in origin.items() if k not in first]
    steps += [ChainStep(names[k], "first published by", tuple(dict.fromkeys(v))) for k, v in first.items()]
    steps += [ChainStep(names[k], "denied by", tuple(dict.fromkeys(v))) for k, v in denied.items()]
    credits: dict[str, list[str]] = {}
    for a in appearances:
        if a.credited:
            credits.setdefault(a.credited, []).append(a.article_id)
    steps += [ChainStep(k, "credited as source", tuple(v)) for k, v in credits.items()]
    steps += [ChainStep(a.outlet or a.article_id, "reported by", (a.article_id,)) for a in appearances]
    return tuple(steps)


_DENIAL = re.compile(r"\b(?:démen|ni[eé]|réfut|contest|deni|deny)", re.IGNORECASE)
_DET = re.compile(r"^(?:(?:les|le|la|the|une|un)\s+|l['’])", re.IGNORECASE)


def _strip_det(name: str) -> str:
    return _DET.sub("", name).strip()


def _key(name: str) -> str:
    return ground.fold(_strip_det(name))
