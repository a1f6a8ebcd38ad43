"""Who published an article and when, as a scraped page prints it around the text.

Pages give it in a handful of shapes that hold across sites: a date in figures or in words
("17/03/2025", "15 mars 2025 à 17:05", "Publié le 12 mars 2024", "March 3, 2025"), a byline with a
date ("Par Karim Benali — 12 janvier 2026"), an outlet's name on its own line near the title
("Le Journal du Lac", "L'Éco de l'Est | Industrie", "Loue TV - L'info de chez vous"), "Le Quotidien
avec AFP", a wire dateline ("LYON, 4 juin (AFP) -"), a copyright footer ("© Agence Presse Est. Tous
droits réservés."), and on an aggregator the outlet it takes the text from ("Source : Le Journal du
Lac"). `rag.clean` calls these on the lines it reads; each returns None when the line is not one.
"""

from __future__ import annotations

import re

_MONTHS = {
    **{m: i for i, m in enumerate("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), 1)},  # fmt: skip
    **{m: i for i, m in enumerate("january february march april may june july august september october november december".split(), 1)},  # fmt: skip
    "fevrier": 2, "aout": 8, "decembre": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
# "15 mars 2025", "1er mars 2025", "March 3, 2025", "3 March 2025"
WORD_DATE = re.compile(
    rf"(?:{_DAYS})?(?:(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))\b",
    re.IGNORECASE,
)
_TIME = r"(?:\s*(?:à|a|at|,|-|–)?\s*\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:am|pm))?)?"
# How a page says it published or updated the text ("Publié le", "Mis à jour le", "Updated on").
_PUBLISH = r"(?:publi[ée]e?|mis\s+[àa]\s+jour|modifi[ée]e?|actualis[ée]e?|posted|published|updated|last\s+updated)"
_CUE = rf"(?:{_PUBLISH}\s*(?:le|on)?\s*:?\s*)?"
PUBLISHED = re.compile(rf"\s*{_PUBLISH}\b", re.IGNORECASE)
# A line that is only a date (and a time, and how it was published): "15 mars 2025 à 17:05".
# What a page prints beside its date: how long the text takes to read ("· 2 min read", "· Lecture : 4 min").
READING_TIME = r"(?:\s*[·•|–—-]\s*(?:\d{1,2}\s*min(?:utes?)?(?:\s+(?:read|de lecture))?|(?:Lecture|Temps de lecture|Reading time)\s*:?\s*\d{1,2}\s*min(?:utes?)?))?"
DATE_LINE = re.compile(rf"^{_CUE}(?P<date>{WORD_DATE.pattern}){_TIME}\.?{READING_TIME}$", re.IGNORECASE)

# Words an outlet's name may hold in lower case ("Le Journal du Lac", "L'Éco de l'Est").
_FUNCTION = set("de du des la le les l d et en sur of the and & à au aux".split())
_MEDIA = set(
    "tv télé tele radio fm presse journal mag magazine hebdo quotidien news infos actu actus média media".split()
)
_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_NAME_WORD = re.compile(r"[\w&'’.-]+")


def date_of(line: str) -> str | None:
    """The ISO date a line prints in words ("Publié le 12 mars 2024 à 10h32" -> "2024-03-12")."""
    m = WORD_DATE.search(line)
    if not m:
        return None
    d, month, y = (
        (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    )
    day, mon = int(d), _MONTHS[month.lower()]
    if not 1 <= day <= 31:
        return None
    return f"{y}-{mon:02d}-{day:02d}"


def date_line(line: str) -> str | None:
    """The date of a line that is only a date, in words, with its time and publication cue."""
    m = DATE_LINE.match(line.strip())
    return date_of(m.group("date")) if m else None


def byline_date(byline: str) -> tuple[str, str | None]:
    """A byline without the date some sites print after it: "Karim Benali — 12 janvier 2026"
    -> ("Karim Benali", "2026-01-12")."""
    parts = re.split(r"\s+[|–—-]\s+|,\s+(?=(?:le\s+)?\d)", byline, maxsplit=1)
    if len(parts) == 2 and date_line(parts[1]):
        return parts[0].strip(), date_line(parts[1])
    return byline, None


def name_like(text: str) -> bool:
    """A proper name as an outlet's line prints it: a few words, each capitalised or a function word."""
    text = text.strip()
    if (
        re.match(r"(?:Par|By)\s", text)
        or not text
        or len(text) > 40
        or not re.fullmatch(r"[^\W\d_][\w&'’. -]*", text)
        or text.endswith(".")
    ):
        return False
    words = _NAME_WORD.findall(text)
    if not 1 <= len(words) <= 5:
        return False
    capital = 0
    for i, w in enumerate(words):
        bare = re.sub(r"^[LlDd]['’]", "", w)
        if w.lower() in _FUNCTION or bare.lower() in _FUNCTION or (i and re.fullmatch(r"\d{1,3}", w)):
            continue  # "France 24", "InfoFlash 24"
        if not bare[:1].isupper():
            return False
        capital += 1
    # A line in capitals is a section or a button ("FAITS DIVERS", "EXCLUSIF") unless a word says media ("VALDORE TV")
    return capital >= 1 and (not text.isupper() or any(w.lower() in _MEDIA for w in words))


def outlet_line(line: str) -> str | None:
    """The outlet's name of a line that may be one: the name before a section or a tagline
    ("L'Éco de l'Est | Industrie" -> "L'Éco de l'Est"); None for any other line."""
    name = _SEPARATOR.split(line.strip(), maxsplit=1)[0].strip()
    return name if name_like(name) else None


_WITH_AGENCY = re.compile(
    r"^(?P<name>.{2,40}?)\s+(?:avec|with)\s+(?:l['’])?(?:AFP|Reuters|AP|agences?|des agences)\b", re.I
)
_WIRE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{1,40}(?:,\s*[^()\n]{1,25})?\s*\((?P<name>[A-Z][\w .-]{1,25})\)\s*[-–—]\s")
_COPYRIGHT = re.compile(
    r"^(?:©|Copyright)\s*(?:\d{4}\s+)?(?P<name>[^.\n©]{2,40}?)(?:\s+\d{4})?\s*(?:[.,]|[-–—|]\s)", re.IGNORECASE
)
_NAMED_BY = re.compile(r"^(?P<name>[^|–—-]{2,40}?)\s+[-–—|]\s+(?:Tous droits|All rights)", re.IGNORECASE)
_CREDIT = re.compile(r"^(?:Source|Sources|Via|Avec|D['’]après|From)\s*:\s*(?P<name>[^\n]{2,40}?)\s*\.?$", re.IGNORECASE)


def agency_outlet(line: str) -> str | None:
    """ "Le Journal Éco avec AFP" -> "Le Journal Éco"."""
    m = _WITH_AGENCY.match(line.strip())
    return m.group("name").strip() if m and name_like(m.group("name")) else None


def wire_agency(line: str) -> str | None:
    """The agency of a wire dateline: "LONS-LE-SAUNIER (APE) - Le parquet …" -> "APE"."""
    m = _WIRE.match(line)
    return m.group("name").strip() if m else None


def copyright_owner(line: str) -> str | None:
    """Who a legal footer names: "© Agence Presse Est. Tous droits …", "Loue TV - Tous droits réservés"."""
    line = line.strip()
    if not re.search(r"tous droits|all rights", line, re.IGNORECASE):
        return None  # "© Reuters" alone is a photo's credit, not the page's owner
    m = _COPYRIGHT.match(line) or _NAMED_BY.match(line)
    name = m.group("name").strip() if m else ""
    return name if name_like(name) else None


def credited(line: str) -> str | None:
    """The outlet an aggregator credits for its text: "Source : Le Journal du Lac" (a name, not
    "Source : presse régionale")."""
    m = _CREDIT.match(line.strip())
    return m.group("name").strip() if m and name_like(m.group("name")) else None


def body_like(line: str) -> bool:
    """A line of the article's text, which ends the masthead: a sentence of some length. A title
    ends with a quote or a question as often ("… : « On travaille comme il y a trente ans »")."""
    return len(line) >= 150 or (len(line.split()) >= 8 and bool(re.search(r"[.…!]\W{0,3}$", line.rstrip())))


def header_outlet(lines: list[tuple[str, str]]) -> int | None:
    """Which of the masthead's lines, as (kind, text) with kind "name" | "title" | "meta" | "junk",
    names the outlet: the first name of two words or more that is not the page's title (the first
    "title" line, else the first name: "Château de Kerjean — Wikipédia" over its text is a title).
    A single capitalised word is a section or a button as often as an outlet ("Share", "Santé")."""
    names = [i for i, (kind, _) in enumerate(lines) if kind == "name"]
    if not any(kind == "title" for kind, _ in lines):
        names = names[1:]
    for i in names:
        name = outlet_line(lines[i][1]) or ""
        if len(_NAME_WORD.findall(name)) >= 2:
            return i
    return None


LEADING_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*")
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n((?:[ \t]*[\w-]+[ \t]*:[^\n]*\n)+)---[ \t]*(?:\n|\Z)")
URL_LINE = re.compile(r"^(?:(?:URL|Lien|Link|Source|Origine)\s*:\s*)?(https?://[^\s<>\"]+)$", re.IGNORECASE)
BYLINE = re.compile(
    r"^(?:Par|By)\s+(.{2,80}?)(?:\s+(?:avec|with|et|and)\s+(?:l['’])?(?:AFP|Reuters|AP|agences?|des agences)\b.*)?$",
    re.IGNORECASE,
)
DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# What a dateline prints before its date when it names no outlet ("Publié le 04/06/2024 à 09h12",
# "Mis à jour le", "Updated on"): the words left after removing it, if any, are the outlet's name.
DATE_CUE = re.compile(rf"(?:\b{_PUBLISH}\b\s*(?:le|on|du|at)?|\b(?:le|on|du))\s*:?\s*$", re.IGNORECASE)


class Masthead:
    """What a page says of itself, gathered as `rag.clean` reads its lines: `date`, and in `meta`
    title, url, outlet (and the fallbacks owner, with, wire), byline, credited."""

    def __init__(self) -> None:
        self.date: str | None = None
        self.meta: dict[str, str] = {}
        self.header: list[tuple[str, int, int]] = []  # (kind, raw start, end) of the lines before the text
        self.in_header = True

    def front_matter(self, raw: str) -> re.Match[str] | None:
        """Read a leading `---` block of `key: value` lines (title, date, url, outlet/site/source)."""
        m = FRONT_MATTER.match(raw)
        if not m:
            return None
        for line in m.group(1).splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("\"'")
            if value:
                key = {"site": "outlet", "source": "outlet", "publisher": "outlet", "link": "url"}.get(
                    key.strip().lower(), key.strip().lower()
                )
                self.meta.setdefault(key, value)
        if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", self.meta.get("date", "")[:10]):
            self.date = self.meta["date"][:10]
        return m

    def line(self, piece: str) -> str | None:
        """Why a whole line is metadata (a date line, a URL, a credited source), or None; a byline, a
        legal footer or "X avec AFP" are read here too, and left to `rag.clean` to drop as furniture."""
        from rag.junk import FURNITURE_LINE

        dmy = DMY_DATE.search(piece)
        if dmy and len(piece) < 80 and not re.search(r"[.!?]\s", piece):
            if self.date is None:
                d, mth, y = dmy.groups()
                self.date = f"{y}-{int(mth):02d}-{int(d):02d}"
            name = DATE_CUE.sub("", piece[: dmy.start()].strip(" -|·•,:")).strip(" -|·•,")
            by = BYLINE.match(name)
            if by:  # "Par Olivier Mangin, le 10/10/2026": a byline, the outlet is elsewhere
                self.meta.setdefault("byline", by.group(1).strip())
                return "metadata: byline and date"
            half = len(name) // 2
            if half and name[:half] == name[half:]:  # scrapers print the outlet twice ("XYZXYZ27/10/2023")
                name = name[:half]
            if re.search(r"[^\W\d_]", name):
                self.meta.setdefault("outlet", name)
            return "metadata: outlet/date line"
        url = URL_LINE.match(piece)
        if url:
            self.meta.setdefault("url", url.group(1))
            return "metadata: URL line"
        when = date_line(piece)
        if when:
            self.date = self.date or when
            return "metadata: date line"
        who = credited(piece)
        if who:
            self.meta.setdefault("credited", who)
            return "metadata: the outlet this page credits for its text"
        if not FURNITURE_LINE.match(piece):
            return None
        by = BYLINE.match(piece)
        if by:
            name, when = byline_date(by.group(1).strip())
            self.meta.setdefault("byline", name)
            self.date = self.date or when
        if self.date is None and (by or PUBLISHED.match(piece)):
            self.date = date_of(piece)  # "Publié le 12 mars 2024 à 10h32, modifié le …"
        for key, found in (("owner", copyright_owner(piece)), ("with", agency_outlet(piece))):
            if found:
                self.meta.setdefault(key, found)
        return None

    def enter(self, line: str, pieces: list[str], start: int, end: int) -> None:
        """A line is read: the first sentence of the text ends the masthead (its wire dateline
        names the agency); a line cut in pieces is junk there."""
        if self.in_header and any(body_like(p) for p in pieces):
            self.in_header = False
            self.meta.setdefault("wire", wire_agency(line) or "")
        if self.in_header and pieces != [line]:
            self.header.append(("junk", start, end))

    def header_line(self, line: str, why: str | None, start: int, end: int) -> None:
        """A whole line of the masthead, and why it was dropped (None: kept as text)."""
        if self.in_header:
            # a name dropped as a label or a section row ("Jura Télé", "L'Éco de l'Est | Industrie") may be the outlet
            name = outlet_line(line) and (not why or why.startswith(("label", "byline, date stamp")))
            self.header.append(("name" if name else "meta" if why else "title", start, end))

    def outlet_span(self, raw: str) -> tuple[int, int] | None:
        """Where the outlet's name line is, after reading it into `meta`; None when there is none."""
        named = header_outlet([(kind, raw[a:b]) for kind, a, b in self.header])
        if named is None:
            return None
        _, a, b = self.header[named]
        self.meta.setdefault("outlet", outlet_line(raw[a:b]) or "")
        return a, b

    def outlet(self) -> str | None:
        """The outlet's name as the page gives it, else its URL's host, else the wire's agency."""
        url = self.meta.get("url")
        names = (self.meta.get(k) for k in ("outlet", "owner", "with"))
        return next((n for n in names if n), None) or (_host(url) if url else None) or self.meta.get("wire") or None


def _host(url: str) -> str | None:
    from urllib.parse import urlparse

    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
