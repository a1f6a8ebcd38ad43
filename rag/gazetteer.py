"""Other names for the same state or organisation: news writes "Moscou" for the Russian government
and "Washington" for the American one, "l'ONU" and "les Nations unies", so a name the question (or
answer) gives is found in an article that names the same one the other way.

The table (`rag/data/capitals.json`, built by `scripts/make_capitals.py` from GeoNames, CLDR and
mledoze/countries) holds each country's French and English names, the Latin-script names of its
capital and its nationality adjectives. The multilingual embedder does not do this: Moscou/Russie
scores 0.5, no closer than Kiev/Russie. `rag/data/organisations.json` holds international
organisations by their official French and English names and acronyms (ONU, Nations unies, UN,
United Nations); an acronym can neither be spelled out from the text ("Organisation des Nations
unies" is rarely printed whole) nor embedded near its name.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from rag.ground import fold


@cache
def _index() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Folded name -> the names the same state goes by (capital, country, nationality adjective),
    each with whether it is matched regardless of case (French adjectives: "britannique",
    "les Britanniques")."""
    table = json.loads(resources.files("rag").joinpath("data/capitals.json").read_text(encoding="utf-8"))
    out: dict[str, set[tuple[str, bool]]] = {}
    for entry in table.values():
        names = [
            *((n, False) for n in (*entry["capital"], *entry["country"], *entry.get("adjective_en", ()))),
            *((n, True) for n in entry.get("adjective_fr", ())),
        ]
        _add(out, names)
    organisations = json.loads(resources.files("rag").joinpath("data/organisations.json").read_text(encoding="utf-8"))
    for key, aliases in organisations.items():
        if not key.startswith("_"):
            # Acronyms by case ("UE", "WHO" is not "who"), full names in any ("Nations Unies").
            _add(out, [(n, " " in n) for n in aliases])
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _add(index: dict[str, set[tuple[str, bool]]], names: list[tuple[str, bool]]) -> None:
    for key, _ in names:
        # Not a name to itself: "Andorra", the town and the country, is found literally.
        index.setdefault(fold(key), set()).update(n for n in names if fold(n[0]) != fold(key))


def same_named(name: str, text: str) -> str | None:
    """The name by which `text` gives the state or organisation that `name` stands for ("Moscou" ->
    "Russie" in an article about la Russie, "London" -> "britannique", "ONU" -> "Nations Unies"),
    or None. Matched whole-word; names and acronyms case-sensitively (the table's capital names
    include words like "Seul" that are names only when capitalised), French adjectives and
    organisations' full names in either case."""
    for other, anycase in _index().get(fold(name.strip()), ()):
        pattern = rf"(?<!\w){re.escape(other)}{'s?' if anycase else ''}(?!\w)"
        found = re.search(pattern, text, re.IGNORECASE if anycase else 0)
        if found:
            return found.group(0)
    return None
