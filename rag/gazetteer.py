"""Capitals for countries: news writes "Moscou" for the Russian government and "Washington" for
the American one, so a name the question (or answer) gives is found in an article that names the
same state the other way.

The table (`rag/data/capitals.json`, built by `scripts/make_capitals.py` from GeoNames and CLDR)
holds each country's French and English names and the Latin-script names of its capital. The
multilingual embedder does not do this: Moscou/Russie scores 0.5, no closer than Kiev/Russie.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from rag.ground import fold


@cache
def _index() -> dict[str, tuple[str, ...]]:
    """Folded name -> the names the same state goes by (capital <-> country)."""
    table = json.loads(resources.files("rag").joinpath("data/capitals.json").read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for entry in table.values():
        for name in entry["capital"]:
            out.setdefault(fold(name), set()).update(entry["country"])
        for name in entry["country"]:
            out.setdefault(fold(name), set()).update(entry["capital"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


def same_state_named(name: str, text: str) -> str | None:
    """The name by which `text` gives the state that `name` stands for ("Moscou" -> "Russie" in an
    article about la Russie), or None. Matched whole-word and case-sensitively: the table's capital
    names include words like "Seul" that are names only when capitalised."""
    for other in _index().get(fold(name.strip()), ()):
        if re.search(rf"(?<!\w){re.escape(other)}(?!\w)", text):
            return other
    return None
