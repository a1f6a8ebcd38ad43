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
    CAPTION_LINE,
    CREDIT,
    END_MARKER,
    FURNITURE_LINE,
    INSTRUCTIONS,
    JS_START,
    LEGAL_LINE,
    MARKUP,
    TRAILING_SOURCE,
    pull_quotes,
)
from rag.types import Dropped

_END_PUNCT = '.!?»"”…)'
_LINE = re.compile(r"[^\n]+")


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
        self.title_key: str | None = None
        self.page = masthead.Masthead()

    def front_matter(self) -> int:
        """Read a leading `---` block of metadata; return where the article starts."""
        m = self.page.front_matter(self.raw)
        if not m:
            return 0
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
            s, e = self.unwrap(s, e)  # "<p>La grève …</p>" is the line "La grève …"
            if s == e:
                continue
            if not out:
                d = masthead.LEADING_DATE.match(self.raw[s:e])
                if d:
                    self.page.date = d.group(1)
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

    def unwrap(self, s: int, e: int) -> tuple[int, int]:
        """The line without the HTML tags a scraper left at its ends."""
        while (m := MARKUP.match(self.raw, s, e)) is not None:
            self.drop(m.group(0), "markup: HTML tag")
            s = m.end()
            while s < e and self.raw[s] in " \t":
                s += 1
        while (m := _TRAILING_TAG.search(self.raw, s, e)) is not None and m.end() == e and m.start() >= s:
            self.drop(m.group(0), "markup: HTML tag")
            e = m.start()
            while e > s and self.raw[e - 1] in " \t":
                e -= 1
        return s, e

    def pieces(self, s: int, e: int) -> list[tuple[int, int]]:
        """The kept parts of one line, as raw offsets."""
        line = self.raw[s:e]
        # whole, for `furniture`: a footer's or a caption's credit is no piece of a sentence
        if LEGAL_LINE.match(line) or CAPTION_LINE.match(line):
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
        for m in MARKUP.finditer(line):
            cuts.append((m.start(), m.end(), "markup: HTML tag"))
        for m in CREDIT.finditer(line):
            # A credit with no sentence after it is the rest of its line ("Crédit photo : Musée du Louvre",
            # "… après l'effondrement. © Gazette de Montclar / Archives"): a name in words of their own case.
            rest = line[m.end() :]
            whole = not re.search(r"[.!?]", rest) and len(rest) < 60
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
        why = self.page.line(piece)
        if why:
            return why
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
    page = c.page
    for s, e, para in c.lines():
        pieces = c.pieces(s, e)
        if not pieces and len(kept) > 1 and _widget_header(raw[kept[-1][0] : kept[-1][1]]):
            # "Obtenez ce dont vous avez besoin" over a newsletter box that was just cut out
            c.drop(raw[kept[-1][0] : kept[-1][1]], "boilerplate: heading of a removed widget")
            kept.pop()
        page.enter(raw[s:e], [raw[a:b] for a, b in pieces], s, e)
        for i, (a, b) in enumerate(pieces):
            why = c.furniture(raw[a:b], whole_line=pieces == [(s, e)])
            if why:
                c.drop(raw[a:b], why)
            else:
                kept.append((a, b, para and i == 0))
            if pieces == [(s, e)]:
                page.header_line(raw[a:b], why, a, b)
    for a, b in pull_quotes(raw, [k[:2] for k in kept]):
        kept = [k for k in kept if k[:2] != (a, b)]
        c.drop(raw[a:b], "pull quote: repeats a sentence of the text")
    named = page.outlet_span(raw)
    if named in [k[:2] for k in kept]:
        kept = [k for k in kept if k[:2] != named]
        c.drop(raw[named[0] : named[1]], "metadata: the outlet's name")
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
    return Cleaned(
        text=text,
        title=page.meta.get("title") or _title(text),
        date=page.date,
        dropped=tuple(c.dropped),
        segments=tuple(segments),
        outlet=page.outlet(),
        url=page.meta.get("url"),
        byline=page.meta.get("byline"),
        credited=page.meta.get("credited"),
    )


_TRAILING_TAG = re.compile(rf"(?:{MARKUP.pattern})\s*$", re.IGNORECASE)


def _widget_header(line: str) -> bool:
    return len(line) < 60 and line[-1:] not in _END_PUNCT + ":" and not re.search(r"\d", line)


def _title(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    if len(first) <= 200:
        return first
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return sentence if len(sentence) <= 160 else sentence[:157].rstrip() + "…"
