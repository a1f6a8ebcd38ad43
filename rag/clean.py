"""Clean scraped article text: drop page junk and pasted instructions, keep them aside with a reason.

Scraped pages mix the article with JavaScript, app/newsletter prompts, consent boxes, bylines,
photo credits, social embeds, related-article lists and, sometimes, instructions meant for a
writer or an AI ("Make this article seo compatible ..."). None of that may be indexed: it would
be retrieved, quoted, and in the worst case obeyed.

The cleaned text is made only of verbatim pieces of the file, in order, each a whole line or the
part of a line left when a whole junk block (one or more sentences, or a credit between two
sentences) is cut out. Pieces are joined by line breaks, and sentences never cross a line break
(`rag.chunk.sentences`), so no sentence is ever stitched together from two places: every quote
is a substring of the file as published, at offsets `Cleaned.to_raw` gives.
Junk is recognised by the features of page furniture on any site, not by one site’s wording (`rag.junk`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rag import masthead
from rag.junk import (
    BOILERPLATE,
    CREDIT,
    END_MARKER,
    FURNITURE_LINE,
    INSTRUCTIONS,
    JS_START,
    LEGAL_LINE,
    TRAILING_SOURCE,
)
from rag.types import Dropped

_END_PUNCT = '.!?»"”…)'
_LINE = re.compile(r"[^\n]+")
LEADING_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*")
# Metadata some files carry: a front-matter block, a URL line near the top, a "Par X" byline.
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n((?:[ \t]*[\w-]+[ \t]*:[^\n]*\n)+)---[ \t]*(?:\n|\Z)")
URL_LINE = re.compile(r"^(?:(?:URL|Lien|Link|Source|Origine)\s*:\s*)?(https?://[^\s<>\"]+)$", re.IGNORECASE)
BYLINE = re.compile(
    r"^(?:Par|By)\s+(.{2,80}?)(?:\s+(?:avec|with|et|and)\s+(?:l['’])?(?:AFP|Reuters|AP|agences?|des agences)\b.*)?$",
    re.IGNORECASE,
)
DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# What a dateline prints before its date when it names no outlet ("Publié le 04/06/2024 à 09h12",
# "Mis à jour le", "Updated on"): the words left after removing it, if any, are the outlet's name.
DATE_CUE = re.compile(
    r"(?:\b(?:publi[ée]e?|mis\s+[àa]\s+jour|modifi[ée]e?|actualis[ée]e?|posted|published|updated|last\s+updated)"
    r"\b\s*(?:le|on|du|at)?|\b(?:le|on|du))\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cleaned:
    """Result of `clean`: the text to index, what was removed, metadata, and where each piece came from.

    `segments[i] = (clean_start, raw_start, length)`: text[clean_start:+length] == raw[raw_start:+length].
    """

    text: str
    title: str
    date: str | None
    dropped: tuple[Dropped, ...]
    segments: tuple[tuple[int, int, int], ...] = ()
    outlet: str | None = None  # site name, from front matter, an outlet/date line or the URL's host
    url: str | None = None
    byline: str | None = None
    credited: str | None = None  # the outlet an aggregator names as its text's source ("Source : X")

    def to_raw(self, start: int, end: int) -> tuple[int, int] | None:
        """Offsets in the file of text[start:end]; None when the span is not inside one piece."""
        return to_raw(self.segments, start, end)


def to_raw(segments: tuple[tuple[int, int, int], ...], start: int, end: int) -> tuple[int, int] | None:
    """Map a span of the cleaned text to the raw text, when it lies inside one verbatim piece."""
    for c, r, n in segments:
        if c <= start and end <= c + n:
            return r + start - c, r + end - c
    return None


def _sentence_bounds(line: str) -> list[tuple[int, int]]:
    from rag.chunk import sentences

    return sentences(line) or [(0, len(line))]


def _expand(line: str, start: int, end: int, bounds: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow a junk span to whole sentences, unless it already sits between two sentences.

    It sits between two when what precedes it ends a sentence (or is glued on, "frenchDes") and
    it ends a sentence itself or is followed by one starting with a capital or a quote.
    """

    def around(p: int) -> tuple[int, int]:  # the sentence holding p, else the last one starting before it
        i = bisect.bisect_right(bounds, (p, len(line) + 1)) - 1
        return bounds[i] if i >= 0 else (0, len(line))

    before = line[:start].rstrip()
    glued = start > 0 and line[start - 1].islower() and line[start].isupper()
    if before and before[-1] not in _END_PUNCT and not glued:
        start = min(start, around(start)[0])
    after = line[end:].lstrip()
    closed = line[start:end].rstrip()[-1:] in ".!?"
    if after and not closed and not (after[0].isupper() or after[0] in '«"“('):
        end = max(end, around(end - 1)[1])
    return start, end


class _Cleaner:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.dropped: list[Dropped] = []
        self.date: str | None = None
        self.title_key: str | None = None
        self.meta: dict[str, str] = {}

    def front_matter(self) -> int:
        """Read a leading `---` block of `key: value` lines (title, date, url, outlet/site/source);
        return where the article starts."""
        m = FRONT_MATTER.match(self.raw)
        if not m:
            return 0
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
        self.drop(m.group(0), "metadata: front matter")
        return m.end()

    def drop(self, text: str, reason: str) -> None:
        if text.strip():
            self.dropped.append(Dropped(text.strip(), reason))

    def lines(self) -> list[tuple[int, int, bool]]:
        """(start, end, paragraph_break_before) of each non-blank line, up to the footer."""
        out: list[tuple[int, int, bool]] = []
        prev_end = begin = self.front_matter()
        for m in _LINE.finditer(self.raw, begin):
            s, e = m.start(), m.end()
            while e > s and self.raw[e - 1] in "\r \t\u00a0\ufeff":
                e -= 1
            while s < e and self.raw[s] in " \t\u00a0\ufeff":
                s += 1
            if s == e:
                continue
            if not out:
                d = LEADING_DATE.match(self.raw[s:e])
                if d:
                    self.date = d.group(1)
                    self.drop(d.group(0), "metadata: date line")
                    s += d.end()
                    if s >= e:
                        continue
            if END_MARKER.match(self.raw[s:e]) and s > len(self.raw) // 3:
                self.drop(self.raw[s:], "footer: source/comments/navigation after the article")
                break
            out.append((s, e, self.raw.count("\n", prev_end, s) >= 2))
            prev_end = e
        return out

    def pieces(self, s: int, e: int) -> list[tuple[int, int]]:
        """The kept parts of one line, as raw offsets."""
        line = self.raw[s:e]
        if LEGAL_LINE.match(line):  # whole, for `furniture`: its credit is no piece of an article sentence
            return [(s, e)]
        cuts: list[tuple[int, int, str]] = []
        js = JS_START.search(line)
        if js:
            cuts.append((js.start(), len(line), "javascript"))
        tail = TRAILING_SOURCE.search(line)
        if tail:
            cuts.append((tail.start(), len(line), "footer: source link"))
        bounds: list[tuple[int, int]] | None = None
        for pattern, reason in (
            (INSTRUCTIONS, "instruction: text addressed to a writer or a model, not reporting"),
            (BOILERPLATE, "boilerplate: app, newsletter, consent, share or contact widget"),
        ):
            for m in pattern.finditer(line):
                if not m.group(0).strip():
                    continue
                bounds = bounds or _sentence_bounds(line)
                a, b = _expand(line, m.start(), m.end(), bounds)
                cuts.append((a, b, reason))
        for m in CREDIT.finditer(line):
            # A credit opening a line with no sentence after it ("Crédit photo : Musée du Louvre") is the whole line.
            whole = not line[: m.start()].strip() and not re.search(r"[.!?]", line[m.end() :])
            cuts.append((m.start(), len(line) if whole else m.end(), "credit: photo or source credit"))
        kept: list[tuple[int, int]] = []
        pos = 0
        for a, b, reason in sorted(cuts):
            if b <= pos:
                continue
            a = max(a, pos)
            kept.append((pos, a))
            self.drop(line[a:b], reason)
            pos = b
        kept.append((pos, len(line)))
        out = []
        for a, b in kept:
            while a < b and line[a] in " \t\u00a0,;":
                a += 1
            while b > a and line[b - 1] in " \t\u00a0":
                b -= 1
            if re.search(r"\w", line[a:b]):
                out.append((s + a, s + b))
        return out

    def furniture(self, piece: str, whole_line: bool) -> str | None:
        """Why a whole line is page furniture, or None."""
        if not whole_line:
            return None
        key = _norm(re.sub(r"\s+\d+$", "", piece))
        dmy = DMY_DATE.search(piece)
        if dmy and len(piece) < 80 and not re.search(r"[.!?]\s", piece):
            if self.date is None:
                d, mth, y = dmy.groups()
                self.date = f"{y}-{int(mth):02d}-{int(d):02d}"
            name = DATE_CUE.sub("", piece[: dmy.start()].strip(" -|·•,:")).strip(" -|·•,")
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
        when = masthead.date_line(piece)
        if when:
            self.date = self.date or when
            return "metadata: date line"
        who = masthead.credited(piece)
        if who:
            self.meta.setdefault("credited", who)
            return "metadata: the outlet this page credits for its text"
        by = BYLINE.match(piece)
        if by and FURNITURE_LINE.match(piece):
            name, when = masthead.byline_date(by.group(1).strip())
            self.meta.setdefault("byline", name)
            self.date = self.date or when
        if FURNITURE_LINE.match(piece):
            if self.date is None and (by or masthead.PUBLISHED.match(piece)):
                self.date = masthead.date_of(piece)  # "Publié le 12 mars 2024 à 10h32, modifié le …"
            for key, found in (("owner", masthead.copyright_owner(piece)), ("with", masthead.agency_outlet(piece))):
                if found:
                    self.meta.setdefault(key, found)
        if len(piece) < 16 and len(piece.split()) <= 2 and not re.search(r"[.!?:»]$", piece):
            return "label: caption or navigation word"
        if FURNITURE_LINE.match(piece):
            return "byline, date stamp, related link or share bar"
        if self.title_key is not None and key == self.title_key:
            return "image caption: repeats the title"
        if self.title_key is None:
            self.title_key = key
        return None


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.replace("’", "'").lower()).strip()


def clean(raw: str) -> Cleaned:
    """Return the article text with scraping junk and pasted instructions removed."""
    c = _Cleaner(raw)
    kept: list[tuple[int, int, bool]] = []  # raw start, end, paragraph break before
    # The lines before the text's first sentence, as (kind, raw start, end): where the outlet's name is.
    header: list[tuple[str, int, int]] = []
    in_header = True
    for s, e, para in c.lines():
        pieces = c.pieces(s, e)
        if not pieces and len(kept) > 1 and _widget_header(raw[kept[-1][0] : kept[-1][1]]):
            # "Obtenez ce dont vous avez besoin" over a newsletter box that was just cut out
            c.drop(raw[kept[-1][0] : kept[-1][1]], "boilerplate: heading of a removed widget")
            kept.pop()
        if in_header and any(masthead.body_like(raw[a:b]) for a, b in pieces):
            in_header = False
            c.meta.setdefault("wire", masthead.wire_agency(raw[s:e]) or "")
        if in_header and pieces != [(s, e)]:
            header.append(("junk", s, e))
        for i, (a, b) in enumerate(pieces):
            why = c.furniture(raw[a:b], whole_line=pieces == [(s, e)])
            if why:
                c.drop(raw[a:b], why)
            else:
                kept.append((a, b, para and i == 0))
            if in_header and pieces == [(s, e)]:
                name = masthead.outlet_line(raw[a:b]) and (not why or why.startswith("label"))
                header.append(("name" if name else "meta" if why else "title", a, b))
    named = masthead.header_outlet([(kind, raw[a:b]) for kind, a, b in header])
    if named is not None:
        _, a, b = header[named]
        c.meta.setdefault("outlet", masthead.outlet_line(raw[a:b]) or "")
        if (a, b) in [(x, y) for x, y, _ in kept]:
            kept = [k for k in kept if k[:2] != (a, b)]
            c.drop(raw[a:b], "metadata: the outlet's name")
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for a, b, para in kept:
        if parts:
            sep = "\n\n" if para else "\n"
            parts.append(sep)
            pos += len(sep)
        parts.append(raw[a:b])
        segments.append((pos, a, b - a))
        pos += b - a
    text = "".join(parts)
    url = c.meta.get("url")
    names = (c.meta.get(k) for k in ("outlet", "owner", "with"))
    outlet = next((n for n in names if n), None) or (_host(url) if url else None) or c.meta.get("wire") or None
    return Cleaned(
        text=text,
        title=c.meta.get("title") or _title(text),
        date=c.date,
        dropped=tuple(c.dropped),
        segments=tuple(segments),
        outlet=outlet,
        url=url,
        byline=c.meta.get("byline"),
        credited=c.meta.get("credited"),
    )


def _host(url: str) -> str | None:
    from urllib.parse import urlparse

    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _widget_header(line: str) -> bool:
    return len(line) < 60 and line[-1:] not in _END_PUNCT + ":" and not re.search(r"\d", line)


def _title(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    if len(first) <= 200:
        return first
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return sentence if len(sentence) <= 160 else sentence[:157].rstrip() + "…"
