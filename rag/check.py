"""Prove a drafted answer: find the sentence(s) that state it, verified one by one, or refuse.

The support verifier (`rag.verify`) judges each candidate quote; code then checks what a 1.5B
judge lets through (numbers, names and words that the quote does not give), and the judge is asked
once more whether the quote answers the question itself. Refusals carry a code from
`rag.refusals.REFUSAL_CODES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rag import figures, ground, hedge, kinds, naming, owners, predicates, premise, rank, roles, units, values
from rag.asked import asked_unstated, demonym_elsewhere, said_uncredited
from rag.chunk import opens_with_reference
from rag.context import carried
from rag.embed import Embedder
from rag.lang import detect
from rag.names import absent_question_names, name_words, unknown_names
from rag.partitive import part_as_whole, whole_as_part
from rag.stance import takes_back
from rag.types import Article, Citation, Hit
from rag.verify import Verifier

MAX_CHECKS = 4  # verifier calls for the first citation; each costs ~1 s on 2 cores
MAX_EXTRA = 1  # corroborating citations from other articles, each verified too
# How far from the quote a name still belongs to its paragraph when the page has no paragraph
# breaks (a scraped article on one line): about a news paragraph, two or three sentences.
PARAGRAPH_REACH = 500


@dataclass(frozen=True)
class Verdict:
    """What `check` decided: the citations to show, or a (refusal code, detail); verifier calls made."""

    citations: tuple[Citation, ...]
    refusal: tuple[str, str] | None
    calls: int


def candidates(
    question: str, text: str, hits: Sequence[Hit], cited: Sequence[str], embedder: Embedder
) -> list[ground.Support]:
    """The sentences to try as quotes, cited passages first: each passage's best match to question +
    answer. An answer that gives numbers of its own can only be quoted by a sentence that prints
    them, so the sentences that do come first, several per passage if need be (a short page is one
    passage, and its best match to "Saint-Aubin-des-Landes compte 2 431 habitants" is the title
    line "Saint-Aubin-des-Landes — Wikipédia", not "la commune comptait 2 431 habitants")."""
    # Only numbers of 10 or more lead: a small number is printed in many sentences about other
    # things ("5 crew members" would be tried first on "cinq voyages observés"), and
    # `figures.miscounted` does not judge what it counts.
    if any(v >= 10 for v in figures.numbers(text) - figures.numbers(question)):
        ranked = ground.supports(question, text, hits, embedder, per_chunk=False)
        stating = [s for s in ranked if not figures.ungrounded_numbers(text, [s.text], question)]
        if stating:
            rest = [s for s in ground.supports(question, text, hits, embedder) if s not in stating]
            return sorted(stating[:4], key=lambda s: (s.hit.chunk.id not in cited, -s.score)) + rest[:4]
    ranked = ground.supports(question, text, hits, embedder)
    return sorted(ranked[:4], key=lambda s: (s.hit.chunk.id not in cited, -s.score))


def check(
    question: str,
    text: str,
    hits: Sequence[Hit],
    cited: Sequence[str],
    embedder: Embedder,
    verifier: Verifier,
    article_of: Callable[[str], Article | None] | None = None,
) -> Verdict:
    """Find sentences that state the answer, verified one by one; the model's labels only order them.

    Candidates are each passage's sentence that best matches question + answer, cited passages
    first. A candidate is tried alone, then with the sentence before it (a pronoun's antecedent:
    "Elles représentent plus de 1 000 conteneurs …"; once the judge found the sentence true but not
    answering, only if it opens with a pronoun or demonstrative). The first quote the verifier
    accepts, in which the answer's numbers and names stand, and that the verifier finds answers the
    question itself (not a true sentence about a neighbouring fact) becomes the citation; a quote
    that fails the code checks sends the search on to the next passage. One more passage from
    another article that passes the same checks is shown as corroboration.
    """
    order = candidates(question, text, hits, cited, embedder)
    calls = checks = extra = 0  # checks: support calls, the costly ones (MAX_CHECKS)
    best = 0.0
    failed: tuple[str, str] | None = None
    accepted: list[tuple[ground.Support, float]] = []

    def codes_fail(quote: ground.Support) -> tuple[str, str] | None:
        """Code checks on a quote the verifier accepted: its numbers, the names the answer adds and
        most of its words must stand in it, and what the question names must be in its article's
        retrieved passages ("Qui dirige le RUSI ?" is not answered by an article that never
        mentions the RUSI)."""
        nonlocal calls  # the date and count check may ask the judge
        invented = figures.ungrounded_numbers(text, [quote.text], question)
        if invented:
            return "number_not_in_quote", ", ".join(invented)
        owner = owners.other_owner(question, text, quote.text)
        if owner:
            return "figure_of_another", owner
        level = kinds.other_level(question, quote.text)
        if level:
            return "other_level", level
        office = kinds.other_office(question, text, quote.text)  # a bare name, the office its quote gives it
        if office:
            return "other_office", office
        holder = kinds.holder_unstated(question, text, quote.text)  # a lawyer, of whom?
        if holder:
            return "office_holder_unstated", holder
        unit = units.unit_unstated(question, quote.text)
        if unit:
            return "unit_not_in_quote", unit
        span = units.age_as_span(question, text, quote.text)  # "pilote depuis 22 ans" is no age
        if span:
            return "number_counts_other", span
        other = figures.miscounted(text, quote.text, embedder)
        if other:
            return "number_counts_other", "; ".join(other)
        # "97 des 120 échantillons": 97 are some of them; "quatre ans dont deux avec sursis": 4 is not the suspended part
        part = part_as_whole(question, text, quote.text, embedder) or whole_as_part(
            question, text, quote.text, embedder
        )
        if part:
            return "number_counts_other", part
        # Names the answer repeats from the question ("the White House", "le ministère … de la
        # Défense") are the question's premise, checked against the article just below.
        names = unknown_names(text, [quote.hit.chunk.text, question], embedder)
        if names:
            return "name_not_in_quote", ", ".join(names)
        placed = naming.names_placed(question, text, quote.text)
        if placed:
            return "no_name_given", placed
        swapped = roles.destination_unstated(text, quote.text) or roles.giver_received(text, quote.text)
        if swapped:
            return "roles_reversed", swapped
        acted = predicates.action_unstated(question, text, quote.text)
        if acted:
            return "other_action", acted
        unasked = asked_unstated(question, text, quote.text) or said_uncredited(
            question, quote.text, _credited(quote, article_of)
        )
        if unasked:
            return "asked_not_in_quote", unasked
        elsewhere = demonym_elsewhere(question, text, quote.text)
        if elsewhere:
            return "place_of_another", elsewhere
        misplaced, judged = values.value_unstated(question, text, quote.text, verifier)
        calls += judged
        if misplaced:
            return "value_other_action", misplaced
        speaker = roles.speaker_as_actor(question, text, quote.text)
        if speaker:
            return "speaker_as_actor", speaker
        flat = hedge.stated_flatly(text, quote.text, question)
        if flat:
            return "reported_not_stated", flat
        polar = hedge.polar_unstated(question, text, quote.text, embedder)
        if polar:
            return "words_not_in_quote", polar
        flipped = hedge.affirms_negated(text, quote.text)
        if flipped:
            return "negated_in_quote", flipped
        if takes_back(text, quote.text, question):  # "Rectificatif : … indiquait par erreur 268 postes"
            return "negated_in_quote", "its quote corrects the figure the answer gives"
        # Word by word only within one language: across languages single words match poorly
        # ("short-time work" / "chômage technique").
        if detect(question) == detect(quote.text):  # the answer is in the question's language
            missing, total = ground.words_not_in(text, quote.text, embedder, name_words(question))
            if total and len(missing) > (1 - ground.MIN_WORDS_IN_QUOTE) * total:
                return "words_not_in_quote", ", ".join(missing)
            # Most words may be the question's own: "La direction du centre hospitalier de
            # Vallon-sur-Loue" over "Le centre hospitalier de Vallon-sur-Loue a été visé …" has 3 of 4.
            own = ground.new_words_absent(question, text, quote.text, embedder)
            if own:
                return "words_not_in_quote", f"none of the words the answer adds is in the quote ({', '.join(own)})"
            if not total:  # a bare value ("1996"): the quote must at least be about what the question asks
                # "1996 : Phare" for "De quelle année date la reformation des Rivages ?"; its short nouns
                # count ("AL7412" over "Le vol AL7412, parti de Lyon …" for "Quel était le numéro du vol ?")
                asked, n = ground.words_not_in(question, quote.text, embedder, ground.INTERROGATIVES, min_len=3)
                if n and len(asked) == n:
                    return "words_not_in_quote", f"the quote has no word of the question ({', '.join(asked)})"
        elif getattr(embedder, "multilingual", False):  # across languages: what the answer adds, at least
            missing = ground.new_words_absent(question, text, quote.text, embedder)
            if missing:
                return "words_not_in_quote", ", ".join(missing)
        article = [h.chunk.text for h in hits if h.chunk.article_id == quote.hit.chunk.article_id]
        unranked = rank.rank_unstated(question, article)
        if unranked:
            return "rank_not_found", unranked
        statistic = rank.statistic_unstated(question, quote.text)  # "moyenne" of a figure the quote just gives
        if statistic:
            return "statistic_not_in_quote", statistic
        whole = article_of(quote.hit.chunk.article_id) if article_of else None
        # the whole article when known: "PFAS" in its title and first line, not in the retrieved passage
        names = absent_question_names(question, [whole.text] if whole else article, embedder)
        if names:
            return "question_name_not_found", ", ".join(names)
        title, paragraph = _setting(quote, whole, hits)
        names = premise.unanchored(question, quote.text, paragraph, title, embedder)
        return ("question_name_not_in_quote", ", ".join(names)) if names else None

    def off_question(quote: ground.Support) -> tuple[str, str] | None:
        """The second judge call, on a quote that passed the others; it shares the first call's
        prompt up to the question, so it costs a line of prefill."""
        nonlocal calls
        calls += 1
        a = verifier.answers(quote.text, question)
        if a >= verifier.answers_threshold:
            return None
        read = titled(quote)
        if read:
            calls += 1
            a = max(a, verifier.answers(read, question))
            if a >= verifier.answers_threshold:
                return None
        return "off_question", f"P(answers the question) {a:.2f} < {verifier.answers_threshold}"

    def titled(quote: ground.Support) -> str | None:
        """The quote after its article's title, when it says what the answer adds but leaves who it is
        about to the article ("Le club, fondé en 1921, …" under "Le FC Kerlann en redressement
        judiciaire": P 0.56 alone, 0.92 so; "Le club a réalisé … une perte nette de 2,8 millions": 0.29,
        0.95), as a reader reads it; never the title alone (`context.carried`), and only for a name the
        quote leaves out. The code checks still read the quote as printed."""
        title, _ = _setting(quote, article_of(quote.hit.chunk.article_id) if article_of else None, hits)
        if not title or title in quote.text or not carried(text, quote.text, title):
            return None
        # What the title gives must be a name the quote leaves out ("FC Kerlann" for "Le club"), not
        # a word of the question's ("lac" over fish samples, for the lake's water).
        printed, headline = (set(ground.fold(w) for w in re.findall(r"[\w-]+", t)) for t in (quote.text, title))
        left_out = {w for w in name_words(question) | name_words(text) if len(w) >= 3 and w not in printed}
        return f"{title.rstrip('.')}. {quote.text}" if left_out & headline else None

    for sup in order:
        if not accepted:
            for quote in ground.widen(sup):
                if checks >= MAX_CHECKS:
                    break
                checks += 1
                calls += 1
                p = verifier.support(quote.text, question, text)
                read = titled(quote) if p < verifier.threshold else None
                if read:
                    calls += 1
                    p = max(p, verifier.support(read, question, text))
                best = max(best, p)
                if p < verifier.threshold:
                    continue
                # The refusal reports the first failure: that of the best candidate, the model's own
                # passage first (a later article lacking the question's name says less about why).
                why = codes_fail(quote)
                if why:
                    failed = failed or why
                    break  # a wider quote would not change the code checks
                why = off_question(quote)
                if why is None:
                    accepted.append((quote, p))
                    break
                failed = failed or why
                # The sentence before can make a quote answer only by giving what its opening pronoun
                # stands for ("Elles représentent …"). Otherwise it adds nothing but the question's
                # names, which sway the judge: Kirby's condemnation before "En échange de ces armes, la
                # Corée du Nord cherche … des missiles" passed for the tactic Kirby said Russia used.
                if not opens_with_reference(quote.text):
                    break
        elif (
            extra < MAX_EXTRA
            and sup.hit.chunk.id in cited
            and sup.hit.chunk.article_id not in {a.hit.chunk.article_id for a, _ in accepted}
        ):
            extra += 1
            calls += 1
            p = verifier.support(sup.text, question, text)
            if p >= verifier.threshold and codes_fail(sup) is None and off_question(sup) is None:
                accepted.append((sup, p))
    if not accepted:
        if failed:
            return Verdict((), failed, calls)
        detail = f"best P(yes) {best:.2f} < {verifier.threshold} over {checks} checked quote(s)"
        return Verdict((), ("not_supported", detail), calls)
    return Verdict(tuple(replace(sup.citation(), support=round(p, 3)) for sup, p in accepted), None, calls)


def _credited(quote: ground.Support, article_of: Callable[[str], Article | None] | None) -> bool:
    """The article's attributions (read at ingest, with the sentences before) credit someone for the quote."""
    from rag.attribute import sources_for

    article = article_of(quote.hit.chunk.article_id) if article_of else None
    c = quote.citation()
    return article is None or bool(sources_for(article.sources, c.start, c.end))


def _setting(quote: ground.Support, article: Article | None, hits: Sequence[Hit]) -> tuple[str, str]:
    """The quote's article title and paragraph: its line in the article, at most PARAGRAPH_REACH
    characters either side ("… obtenues pour la première fois par le Washington Post" two sentences
    before "L'analyse de RUSI a révélé …", in the passage before). Without the stored article, the
    passage's line and the first line of the article's first passage when it was retrieved."""
    chunk = quote.hit.chunk
    text, at = (article.text, chunk.start) if article else (chunk.text, 0)
    start, end = at + quote.start, at + quote.end
    line_end = text.find("\n", end)
    paragraph = text[
        max(text.rfind("\n", 0, start) + 1, start - PARAGRAPH_REACH) : min(
            line_end if line_end >= 0 else len(text), end + PARAGRAPH_REACH
        )
    ]
    if article:
        return article.title, paragraph
    first = next((h.chunk for h in hits if h.chunk.article_id == chunk.article_id and h.chunk.start == 0), None)
    return (first.text.split("\n", 1)[0] if first else ""), paragraph
