"""Clean scraped article text: drop page junk and pasted instructions, keep them aside with a reason.

Scraped pages mix the article with JavaScript, app/newsletter prompts, comment widgets,
navigation and, sometimes, editorial instructions meant for a writer or an AI
("Make this article seo compatible ..."). None of that may be indexed: it would be retrieved,
quoted, and in the worst case obeyed. Every removed span is returned as a `Dropped` so
`rag inspect` can show exactly what was taken out and why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rag.types import Dropped

_APOS = "['’]"

# Spans that are instructions to a writer or a model, not reporting. Each is removed where it
# stands, even mid-line: seed 002 glues "Customize this title in french" to its real title.
INSTRUCTION_PATTERNS = [
    r"Customi[sz]e this (?:title|article|text)(?: in (?:french|english|français|anglais))?",
    r"Make this article seo compatible\b[^\n]*?create at least \d+ words",
    r"(?:Make|Let|Write|Rewrite|Create|Generate)\b[^\n.]{0,80}\b(?:seo|subheadings?|at least \d+ words)\b"
    r"[^\n.]*?(?:\d+ words|subheadings?|seo compatible|[.!?\n])",
    r"(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*"
    r"(?:previous|prior|above|earlier|system|original)?\s*(?:instructions?|rules|prompts?|guidelines)"
    r"[^\n.!?]*[.!?]?",
    r"(?:ignorez|oubliez)\s+(?:toutes\s+)?(?:les\s+|vos\s+)?(?:instructions|consignes|règles)"
    r"[^\n.!?]*[.!?]?",
    r"(?:^|(?<=[.!?]\s))(?:system|assistant|user|instruction)\s*:[^\n]*",
    r"<\|?(?:im_start|im_end|system|assistant|user)\|?>[^\n]*",
    r"\b(?:answer|reply|respond|say)\s+(?:only\s+)?(?:with\s+)?['\"“«][^'\"”»\n]{1,40}['\"”»][^\n.!?]*[.!?]?",
    r"\byou are (?:now )?(?:an? |the )?(?:ai|assistant|chatbot|language model|helpful)[^\n.!?]*[.!?]?",
]

# Page furniture found inside paragraphs: app prompts, newsletter and contact blurbs, consent.
BOILERPLATE_PATTERNS = [
    r"Chargement Quelque chose se charge\.?",
    rf"Merci pour l{_APOS}enregistrement\s*!?",
    r"Accédez à vos sujets favoris[^.\n]*\.?",
    rf"téléchargez l{_APOS}application",
    r"Entrez en contact avec notre équipe[^\n]*?\[email[^\]]*\]\.?",
    rf"Pour plus d{_APOS}histoires comme celle-ci[^.\n]*\.?",
    r"Obtenez ce dont vous avez besoin\s*\n*\s*dernières nouvelles[^\n]*?plus encore",
    r"Ce site est protégé par reCAPTCHA[^\n]*",
    r"Plus\s*:\s*Tendances",
    r"(?:Inscrivez-vous|Abonnez-vous) à (?:notre|la|nos) newsletters?[^.\n]*\.?",
    r"(?:Sign up|Subscribe) (?:for|to) (?:our )?newsletters?[^.\n]*\.?",
    r"(?:Accepter|Refuser|Gérer) (?:les|tous les) cookies[^\n]*",
    r"(?:Accept|Manage) (?:all )?cookies[^\n]*",
    r"^\s*(?:Publicité|Advertisement|PUBLICITÉ)\b\s*",
]

# JavaScript from an inline <script>: drop from the first code token to the end of the line.
JS_START = re.compile(
    r"(?:window\.\w+\s*=|\(function\s*\(|function\s*\w*\s*\([^)]*\)\s*\{|\bvar\s+\w+\s*=|"
    r"document\.(?:getElement|createElement|write))[^\n]*"
)

# A line that ends the article; everything after it is comments, related links and menus.
END_MARKER = re.compile(
    r"^\s*(?:Source|Sources|Source link(?:\s*-?\d+)?|Lien source|Comments?|Commentaires?|"
    r"Comment \(\d+\)|All comments\.?|Read more|Lire aussi|Même sujet)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
TRAILING_SOURCE = re.compile(r"\s*(?:Lien source|Source link(?:\s*-?\d+)?)\s*$", re.IGNORECASE)

LEADING_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s*")
DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


@dataclass(frozen=True)
class Cleaned:
    """Result of `clean`: the text to index, what was removed, and metadata found on the way."""

    text: str
    title: str
    date: str | None
    dropped: tuple[Dropped, ...]


class _Cleaner:
    def __init__(self, raw: str) -> None:
        text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
        self.text = text.replace("\u00a0", " ").replace("\ufeff", "")
        self.dropped: list[Dropped] = []
        self.date: str | None = None

    def drop(self, pattern: re.Pattern[str], reason: str) -> None:
        def _sub(m: re.Match[str]) -> str:
            if m.group(0).strip():
                self.dropped.append(Dropped(m.group(0).strip(), reason))
            return " " if m.group(0).endswith(" ") and m.start() > 0 else ""

        self.text = pattern.sub(_sub, self.text)

    def leading_date(self) -> None:
        m = LEADING_DATE.match(self.text)
        if m:
            self.date = m.group(1)
            self.dropped.append(Dropped(m.group(0).strip(), "metadata: date line"))
            self.text = self.text[m.end() :]

    def footer(self) -> None:
        m = END_MARKER.search(self.text)
        if m and m.start() > len(self.text) // 3:
            tail = self.text[m.start() :].strip()
            self.dropped.append(Dropped(tail, "footer: source/comments/navigation after the article"))
            self.text = self.text[: m.start()]

    def lines(self) -> None:
        """Line-level rules: byline/date lines, one-word labels, captions repeating the title."""
        kept: list[str] = []
        title_key = None
        for line in self.text.split("\n"):
            s = line.strip()
            if not s:
                kept.append("")
                continue
            key = _norm(re.sub(r"\s+\d+$", "", s))
            dmy = DMY_DATE.search(s)
            if dmy and len(s) < 80 and not re.search(r"[.!?]\s", s):
                if self.date is None:
                    d, mth, y = dmy.groups()
                    self.date = f"{y}-{int(mth):02d}-{int(d):02d}"
                self.dropped.append(Dropped(s, "metadata: outlet/date line"))
            elif len(s) < 16 and len(s.split()) <= 2 and not re.search(r"[.!?:»]$", s):
                self.dropped.append(Dropped(s, "label: caption or navigation word"))
            elif title_key is not None and key == title_key:
                self.dropped.append(Dropped(s, "image caption: repeats the title"))
            else:
                if title_key is None:
                    title_key = key
                kept.append(s)
        self.text = "\n".join(kept)

    def tidy(self) -> None:
        text = re.sub(r"[ \t]{2,}", " ", self.text)
        text = re.sub(r"\n[ \t]+|[ \t]+\n", "\n", text)
        self.text = re.sub(r"\n{3,}", "\n\n", text).strip()


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.replace("’", "'").lower()).strip()


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


INSTRUCTIONS = _compile(INSTRUCTION_PATTERNS)
BOILERPLATE = _compile(BOILERPLATE_PATTERNS)


def clean(raw: str) -> Cleaned:
    """Return the article text with scraping junk and pasted instructions removed."""
    c = _Cleaner(raw)
    c.leading_date()
    c.drop(JS_START, "javascript")
    c.drop(TRAILING_SOURCE, "footer: source link")
    c.footer()
    c.drop(INSTRUCTIONS, "instruction: text addressed to a writer or a model, not reporting")
    c.drop(BOILERPLATE, "boilerplate: app, newsletter, consent or contact prompt")
    c.lines()
    c.tidy()
    return Cleaned(text=c.text, title=_title(c.text), date=c.date, dropped=tuple(c.dropped))


def _title(text: str) -> str:
    # Photo captions are glued into some first lines: "... le mois dernier (Photo : Reuters) La ..."
    first = re.split(r"\s*\(Photo\b[^)]*\)", text.split("\n", 1)[0])[0].strip()
    if len(first) <= 200:
        return first
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    return sentence if len(sentence) <= 160 else sentence[:157].rstrip() + "…"
