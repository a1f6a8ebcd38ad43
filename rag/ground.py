"""Grounding checks done by code after the model answers: which passages support the answer,
which sentence to quote, and whether the answer says things the passages do not.

The model's citation labels are a hint, not the verdict: a label survives only if its passage
supports the answer about as well as the best retrieved passage does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rag.chunk import sentences
from rag.embed import Embedder
from rag.lexical import tokens
from rag.types import Citation, Hit

MAX_CITATIONS = 3


@dataclass(frozen=True)
class Support:
    """How well one retrieved passage backs the answer, and its best sentence."""

    hit: Hit
    score: float
    start: int  # sentence offsets inside the chunk
    end: int

    @property
    def text(self) -> str:
        """The quoted sentence(s), exactly as the citation shows them (what the verifier judges)."""
        return self.citation().quote

    def citation(self) -> Citation:
        """The quote with its offsets in the article; a closing quote mark glued to the front of
        the sentence by the scraper ("»Les images …") is left out."""
        c = self.hit.chunk
        start, end = self.start, self.end
        while start < end and c.text[start] in "»” \u00a0":
            start += 1
        while end > start and c.text[end - 1] in "«“ \u00a0":
            end -= 1
        return Citation(c.article_id, c.id, c.text[start:end], c.start + start, c.start + end)


def supports(
    question: str, answer: str, hits: Sequence[Hit], embedder: Embedder, per_chunk: bool = True
) -> list[Support]:
    """Per hit, the sentence that best backs the answer: cosine(question+answer, sentence) + word overlap.

    Embedding the claim (question + answer) lets a bare "Knevichi" or an English answer match its
    French sentence; the overlap term rewards sentences that contain the answer's own words.
    """
    spans = [(h, s, e) for h in hits for s, e in sentences(h.chunk.text)]
    if not spans:
        return []
    vecs = embedder.embed([f"{question} {answer}"] + [h.chunk.text[s:e] for h, s, e in spans], "passage")
    cos = vecs[1:] @ vecs[0]
    words = set(tokens(answer))
    best: dict[str, Support] = {}
    for (h, s, e), c in zip(spans, cos, strict=True):
        overlap = len(words & set(tokens(h.chunk.text[s:e]))) / max(1, len(words))
        sup = Support(h, float(c) + overlap, s, e)
        key = h.chunk.id if per_chunk else f"{h.chunk.article_id}@{h.chunk.start + s}"
        if key not in best or sup.score > best[key].score:
            best[key] = sup
    return sorted(best.values(), key=lambda x: -x.score)


def widen(sup: Support) -> list[Support]:
    """The sentence alone, then with the sentence before it in the passage (when there is one)."""
    spans = sentences(sup.hit.chunk.text)
    prev = [s for s, e in spans if e <= sup.start]
    out = [sup]
    if prev and "\n" not in sup.hit.chunk.text[prev[-1] : sup.end]:  # a quote stays inside one line
        out.append(Support(sup.hit, sup.score, prev[-1], sup.end))
    return out


def fold(text: str) -> str:
    """Lower-cased, accents removed: 'Défense' -> 'defense'."""
    t = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in t if not unicodedata.combining(ch))


# Words that carry the answer to a yes/no question even though the question has them too.
# Days and months are values, like numbers: "Vendredi" answers "Quel jour … ?" though it is close in
# meaning to "jour" and "semaine".
_CALENDAR = set(
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout "
    "septembre octobre novembre decembre monday tuesday wednesday thursday friday saturday sunday january "
    "february march april june july august september october november december".split()
)
_POLARITY = {"non", "oui", "pas", "aucun", "aucune", "jamais", "no", "yes", "not", "never", "none"}
_FUNCTION = set(
    "les des une est sont ont dans pour par sur avec aux qui que quoi elle elles ils son ses leur leurs cette ces "
    "été ete selon aussi the and was were did does has have had that this with from for its their which what who "
    "where when how are according also "
    # Auxiliaries carry no content: "avait" matched "depuis" by meaning (cosine 0.72) and let an
    # answer about sanctions pass over a sentence about drones.
    "avait avaient avoir etre etait etaient sera seront serait seraient aurait auraient aura auront "
    # Prepositions neither: "189 survivants ont été recueillis après le naufrage" over "les canots
    # … recueillent 189 survivants" lacked "après" as much as "naufrage" (both from the question).
    "apres avant pendant depuis durant lors contre entre chez parmi vers sans sous malgre jusqu "
    "after before during since between among without under until".split()
)


def echoes_question(question: str, answer: str, embedder: Embedder) -> bool:
    """True when the answer adds nothing to the question: each of its content words is a question
    word, by stem ('Russie'/'russe'), spelling or translation ('aérodrome'/'airfield').

    'Which airfield in Russia did Kim Jong Un visit?' -> 'Kim Jong Un visited the aérodrome in
    Russia.' echoes it; numbers, names and yes/no words the question lacks are content.
    """
    words = [w for w in re.findall(r"[^\W_]+", fold(answer)) if len(w) >= 3 or w.isdigit()]
    content = [w for w in words if w not in _FUNCTION]
    if any(w in _POLARITY for w in words) or not content:
        return False
    from rag.figures import numbers  # figures builds on this module

    if numbers(answer) - numbers(question):  # "Five trips …" for "… the two ships …": five is the answer
        return False
    # A short name the question lacks is an answer ("sur le réseau social X", "l'UE", "Lee"), though
    # too short for the word comparison below.
    said = {fold(w) for w in re.findall(r"[^\W_]+", question)}
    if any(len(w) < 3 and fold(w) not in said for w in re.findall(r"(?<=\w )[A-Z][A-Z\d]?\b", answer)):
        return False
    asked = {w for w in re.findall(r"[^\W_]+", fold(question)) if len(w) >= 3 or w.isdigit()}
    # Against the question's content words: "Brest" is two letters from the question's "est" (0.75 alike).
    left = _not_asked(content, asked - _FUNCTION)
    if not left:
        return True
    if any(w.isdigit() or w in _CALENDAR for w in left) or not asked:
        return False
    # A name the question does not give is an answer, however close in meaning to the question's
    # words: "États-Unis" is 0.65 from "pays" in "Quel pays a fourni les ATACMS … ?". (The answer's
    # first word is capitalised as a sentence; it counts only as part of a longer name.)
    named = {fold(p) for m in _NAME_WORDS.finditer(answer) for p in re.findall(r"[^\W_]+", m.group(0))}
    if named & set(left):
        return False
    return all(b >= 0.6 for b in nearest(left, sorted(asked - _FUNCTION), embedder))


# Capitalised words past the answer's first: "Les États-Unis", "Kim Jong Un", "… par le RUSI".
_NAME_WORDS = re.compile(r"(?<=[\s'’(«])[A-ZÀ-ÖØ-Ý][\w-]*")


_EN_FUNCTION = {"the", "and", "was", "were", "with", "from", "that", "this", "have", "has", "had", "for", "into", "are",
                "its", "their", "they", "been", "said", "which", "who", "what", "when", "where", "more", "than",
                "about", "over", "some", "also", "there", "then", "them", "will", "would"}  # fmt: skip
# What a question asks with: no word of what it is about ("Quel était le numéro du vol ?" is about "vol").
INTERROGATIVES = frozenset(
    "quel quelle quels quelles lequel laquelle lesquels lesquelles combien comment pourquoi quand".split()
)
MIN_WORDS_IN_QUOTE = 0.6  # share of the answer's content words its quote must carry


def content_words(text: str, min_len: int = 4) -> list[str]:
    """The folded words of `min_len`+ letters that are not function words, each once, in order."""
    return list(
        dict.fromkeys(
            w for w in re.findall(r"[^\W\d_]+", fold(text)) if len(w) >= min_len and w not in _FUNCTION | _EN_FUNCTION
        )
    )


def words_not_in(
    answer: str, quote: str, embedder: Embedder, skip: Collection[str] = (), min_len: int = 4
) -> tuple[list[str], int]:
    """The answer's content words (4+ letters) that the quote does not carry by stem, spelling or
    close meaning, and how many content words the answer has.

    The judge accepts a sentence that shares an answer's names and figures but not its predicate:
    "Le feu a été signalé aux secours vers 6 h 30" over "le feu a été maîtrisé vers 6 h 30",
    "La préfecture a mesuré la qualité de l'air" over a sentence where the prefecture said
    something else. Words the answer takes from the question count: the quote must state them too,
    but for `skip` (folded words of the names the question gives: its premise, checked elsewhere).
    """
    words = [w for w in content_words(answer, min_len) if w not in skip]
    # Only words of 4+ letters on the quote's side too: a stem test would let "a" or "M." carry any word.
    have = list(dict.fromkeys(w for w in re.findall(r"[^\W\d_]+", fold(quote)) if len(w) >= min_len))
    left = [w for w in words if not any(same_word(w, h, 5) or same_word(h, w, 5) for h in have)]
    if left and have:
        left = [w for w, b in zip(left, nearest(left, have, embedder), strict=True) if b < 0.6]
    return left, len(words)


def new_words_absent(question: str, answer: str, quote: str, embedder: Embedder) -> list[str]:
    """The words the answer adds to the question, when not one of them is in the quote by stem,
    spelling or meaning (multilingual embedder, cosine 0.6); else [].

    In any language pair; across languages it stands in for `words_not_in`, whose word-by-word
    share is unreliable there: "Kirby said the Russian army was using missiles and aircraft" over "« Nous
    condamnons la RPDC … »" adds "missiles" and "aircraft", and the quote has neither. One word of
    the answer's own found is enough to pass ("peninsula" is missing from a right answer whose
    "Najin" and "east" stand). Within one language it catches what the share lets through when
    most of the answer is the question's words ("La direction du centre hospitalier …" for "Qui est à
    la tête du centre hospitalier … ?" over a sentence about its cyberattack).
    """
    words = [w for w in re.findall(r"[^\W\d_]+", fold(answer)) if len(w) >= 4 and w not in _FUNCTION | _EN_FUNCTION]
    asked = {w for w in re.findall(r"[^\W\d_]+", fold(question)) if len(w) >= 3}
    new = _not_asked(list(dict.fromkeys(words)), asked)
    if new and asked:
        new = [w for w, b in zip(new, nearest(new, sorted(asked), embedder), strict=True) if b < 0.6]
    if not new:
        return []
    missing, _ = words_not_in(" ".join(new), quote, embedder)
    return new if len(missing) == len(new) else []


def _similar(a: str, b: str) -> bool:
    return abs(len(a) - len(b)) <= 3 and SequenceMatcher(None, a, b).ratio() >= 0.75


def _not_asked(words: Sequence[str], asked: Collection[str]) -> list[str]:
    """`words` that no word of `asked` carries by stem or spelling."""
    return [w for w in words if not any(same_word(w, q, 4) or same_word(q, w, 4) for q in asked)]


def nearest(words: Sequence[str], targets: Sequence[str], embedder: Embedder) -> list[float]:
    """Each word's best cosine to any of `targets`, in one embedding call."""
    vecs = embedder.embed([*words, *targets], "passage")
    return [float(b) for b in (vecs[: len(words)] @ vecs[len(words) :].T).max(axis=1)]


def one_edit(a: str, b: str) -> bool:
    """Equal, or one letter replaced, added or dropped: a transliteration's spelling ("Dunai"/"Dunay")."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    short, long_ = sorted((a, b), key=len)
    i = next((i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[i + (len(short) == len(long_)) :] == long_[i + 1 :]


def same_word(a: str, b: str, stem: int) -> bool:
    """Folded words that share a stem ('british'/'britannique' at 4) or a spelling ('shoigu'/'choigou')."""
    return b.startswith(a[:stem]) or _similar(a, b)
