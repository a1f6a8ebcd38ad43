"""An answer that gives itself another office than the one the question asks for.

"Quel juge d'instruction est chargé du dossier ?" was answered "Le procureur de la République, Hervé
Caussade." over a sentence where the prosecutor opens an inquiry, and "Le parquet de Paris." on
another corpus: a true name near the case, of another office. The 1.5B judge, asked whether a
prosecutor is an investigating judge, does not separate such pairs from right ones ("le cargo
Angara" for "quel navire"), and word vectors put co-offices close ("juge"/"procureur"). Offices are
a closed, well-known set, so a table does it: when the question asks for one office ("Quel juge …",
"Qui est le maire de …", "Which minister …") and the answer opens by giving another ("Le procureur
…", "Hervé Caussade, procureur …"), it names someone else. Words for any office or body
("responsable", "magistrat", "dirigeant", "organisme") ask nothing this table can tell apart and
are not judged; neither is an answer that gives no office.
"""

from __future__ import annotations

import re

from rag.ground import fold


# Offices held by people, each with its words in French and English (folded). A
# word in two groups ("pdg": president and director) matches either.
def _word_groups(*groups: str) -> tuple[frozenset[str], ...]:
    """Groups of words, each a space-separated string, folded."""
    return tuple(frozenset(fold(w) for w in group.split()) for group in groups)


_OFFICES: tuple[frozenset[str], ...] = _word_groups(
    "juge juges judge judges",
    "entraineur entraineurs entraineuse coach coachs coaches manager selectionneur trainer",
    "procureur procureure procureurs prosecutor prosecutors",
    "avocat avocate avocats lawyer lawyers attorney attorneys",
    "enqueteur enqueteurs enqueteuse police policier policiers gendarme gendarmes investigator investigators detective",
    "ministre ministres minister ministers",
    "president presidente presidents pdg chairman chairwoman chair",
    "directeur directrice directeurs directrices director directors pdg ceo patron patronne",
    "maire maires mayor mayors",
    "prefet prefete prefets prefect prefects",
    "porte-parole spokesman spokeswoman spokesperson",
    "chercheur chercheuse chercheurs researcher researchers",
    "capitaine capitaines captain captains commandant commandante commandants",
    "copilote copilotes co-pilote co-pilotes copilot copilots",
    "ambassadeur ambassadrice ambassadeurs ambassador ambassadors",
    "depute deputee deputes senateur senatrice senateurs senator senators",
    "gouverneur gouverneurs governor governors",
    "medecin medecins docteur doctor doctors physician",
    "journaliste journalistes reporter reporters correspondant correspondante journalist journalists",
)
# Bodies, each with the office that speaks for it: "Le parquet de Paris" answers "Quel procureur …"
# with no person, but "Le procureur de Paris" answers "Quel parquet …" (the office holder speaks for
# the body). A body for a person ("La mairie de Kerlann, propriétaire du stade" for "Qui est le maire
# ?", corpus7: shown as proved) names no one.
_BODIES: dict[frozenset[str], frozenset[str]] = {
    body: next(g for g in _OFFICES if holder in g)
    for holder, (body,) in (
        # the court: "Le tribunal de commerce …" names no judge
        ("juge", _word_groups("tribunal tribunaux cour cours court courts juridiction juridictions")),
        ("procureur", _word_groups("parquet parquets")),
        ("gendarme", _word_groups("gendarmerie gendarmeries")),
        ("ministre", _word_groups("ministere ministeres ministry ministries")),
        ("maire", _word_groups("mairie mairies municipalite municipalites")),
        ("prefet", _word_groups("prefecture prefectures")),
        ("ambassadeur", _word_groups("ambassade ambassades embassy embassies")),
    )
}
_OFFICE_WORDS = set().union(*_OFFICES, *_BODIES)
# The office a question asks for: the noun after "quel" / "which", or after "qui est le" / "who is the".
_ASKED = re.compile(
    r"^\W*(?:(?:quel|quelle)\s+(?:est|était)\s+le\s+nom\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*|des\s+)|"
    r"what\s+is\s+the\s+name\s+of\s+the\s+|comment\s+s['’]appel(?:le|ait)\s+(?:le\s+|la\s+|l['’]\s*)|"
    r"(?:quel|quelle|quels|quelles|which|what)\s+|"
    r"(?:qui|who)\s+(?:est|était|sont|is|was|are|were)\s+(?:(?:le|la|les|the)\s+|l['’]\s*))(?P<kind>[\w-]+)",
    re.IGNORECASE,
)
# The office an answer gives itself: its first noun after an article ("Le procureur …") or after
# its name and a comma ("Hervé Caussade, procureur …").
_GIVEN = re.compile(
    r"^\W*(?:(?i:(?:le|la|les|un|une|the|a|an)\s+|l['’]\s*)(?P<head>[\w-]+)|[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*,\s*"
    r"(?i:(?:le|la|the)\s+|l['’]\s*)?(?P<apposed>[\w-]+))",
)


def is_office(word: str) -> bool:
    """An office or the body holding it ("président", "préfecture", "minister")."""
    return fold(word.lower()) in _OFFICE_WORDS


def holds_office(word: str) -> bool:
    """A person's office ("porte-parole", "préfet"), not a body ("préfecture")."""
    return any(fold(word.lower()) in g for g in _OFFICES)


def _groups(word: str) -> list[frozenset[str]]:
    return [g for g in (*_OFFICES, *_BODIES) if word in g]


def other_office(question: str, answer: str, quote: str = "") -> str | None:
    """Why the answer names another office than the question's, or None (also when either gives
    no office this table knows). A name the answer gives without an office has the office its
    `quote` gives it: "Yannick Le Goff" for the coach, over "… a déclaré le président du FC Kerlann,
    Yannick Le Goff"; "Claire Vasseur était le copilote" over "La commandante de bord, Claire
    Vasseur, …". The same office of another named body is another office too: "Marc Hennequin" for
    the director of the airport of Rennes, over "Le PDG d'Aérolys, Marc Hennequin"."""
    asked = _ASKED.match(question)
    kind = fold(asked.group("kind").lower()) if asked else ""
    if not asked or kind not in _OFFICE_WORDS:
        return None
    given = _GIVEN.match(answer)
    own = (given.group("head") or given.group("apposed")) if given else None
    if given and own and fold(own.lower()) in _OFFICE_WORDS:
        office, where, at = own, answer, given.start("head" if given.group("head") else "apposed")
    else:
        found = _office_in(quote, answer)
        if found is None:
            return None
        (office, at), where = found, quote
    head = fold(office.lower())
    if set(_groups(kind)) & set(_groups(head)) or any(_BODIES.get(g) in _groups(head) for g in _groups(kind)):
        # the office holder for its body ("Le procureur de Paris" for "Quel parquet …"); of which body?
        theirs, mine = _named_body(where, at + len(office)), _named_body(question, asked.end("kind"))
        if theirs and mine and not theirs & mine:
            return f"the question asks for the « {asked.group('kind')} » of {', '.join(sorted(mine))}; its answer is « {office} » of {', '.join(sorted(theirs))}"
        return None
    # The asked office anywhere in the answer (or the quote that gives the office): "Le porte-parole du
    # ministère …" for "Quel ministère …".
    said = {fold(w.lower()) for w in re.findall(r"[\w-]+", where)}
    if any(said & g for g in _groups(kind)):
        return None
    return f"the question asks for a « {asked.group('kind')} »; the answer gives a « {office} »"


def _named_body(text: str, end: int) -> set[str]:
    """The names of the body an office word ending at `end` belongs to: "de l'aéroport de Rennes" ->
    {"rennes"}, "d'Aérolys, Marc Hennequin" -> {"aerolys"}; empty when it names none ("du club")."""
    m = re.match(r"\s+(?:du|des|de\s+la|de\s+l['’]|d['’]|de)\s*(?P<c>[^,;.!?()«»\n]{1,60})", text[end:], re.IGNORECASE)
    return {fold(w) for w in re.findall(r"(?<![\w'’])[A-ZÀ-Ý][\w-]{2,}", m.group("c"))} if m else set()


_CITING = {"selon", "d", "apres", "pour", "according", "per"}  # "selon le maire, …": a source, not an apposition
_BARE_NAME = re.compile(r"^\W*(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)+)\W*$")


def _office_in(quote: str, answer: str) -> tuple[str, int] | None:
    """The office `quote` sets beside a name the answer gives without one, and where it is printed: "le
    président du FC Kerlann, Yannick Le Goff", "Yannick Le Goff, président du club" or "Le président
    Yannick Le Goff" -> "président". None for anything else."""
    bare = _BARE_NAME.match(answer)
    names = [bare.group("name")] if bare else re.findall(r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+", answer)
    name = next((n for n in names if n in quote), None)
    if name is None:
        return None
    at = quote.find(name)
    before = quote[:at].rstrip()
    if before.endswith(","):
        segment = re.split(r"[,;:.!?«»()]", before[:-1])[-1]
        words = list(re.finditer(r"[\w-]+", segment))[-6:]
        # "Selon le maire, Marc Durand …": the mayor is who says it, not Marc Durand
        if words and fold(words[0].group().lower()) not in _CITING:
            office = next((w for w in reversed(words) if fold(w.group().lower()) in _OFFICE_WORDS), None)
            if office:
                return office.group(), len(before[:-1]) - len(segment) + office.start()
    else:  # "Le président Yannick Le Goff a exclu …": the office just before the name, or an adjective before it
        segment = re.split(r"[,;:.!?«»()]", before)[-1]
        words = list(re.finditer(r"[\w-]+", segment))[-2:]
        office = next((w for w in reversed(words) if fold(w.group().lower()) in _OFFICE_WORDS), None)
        if office:
            return office.group(), len(before) - len(segment) + office.start()
    after = re.match(r",\s*(?:(?:le|la|the)\s+|l['’]\s*)?(?P<w>[\w-]+)", quote[at + len(name) :], re.I)
    if after and fold(after.group("w").lower()) in _OFFICE_WORDS:
        return after.group("w"), at + len(name) + after.start("w")
    return None


# The level a body works at ("la fédération départementale", "l'association locale", "the regional
# agency", "la fédération du département"): a closed set, like offices. "pays" and "ville" are left
# out: "Quel pays …" asks for a country, not a level.
_LEVELS: tuple[frozenset[str], ...] = _word_groups(
    "local locale locaux locales communal communale communaux municipal municipale municipaux municipales",
    "departemental departementale departementaux departementales departement departements departmental",
    "regional regionale regionaux regionales region regions",
    "national nationale nationaux nationales federal federale federaux",
    "europeen europeenne europeens europeennes european",
    "international internationale internationaux internationales mondial mondiale mondiaux world",
)


def _levels(text: str) -> set[int]:
    words = {fold(w.lower()) for w in re.findall(r"[\w-]+", text)}
    return {i for i, group in enumerate(_LEVELS) if words & group}


def other_level(question: str, quote: str) -> str | None:
    """The question asks about a body of one level and the quote speaks only of one of another:
    "Combien d'adhérents compte la fédération départementale de pêche ?" over "…, l'association locale
    de pêche, qui compte 450 membres" (corpus6: shown as proved). None when the question names no
    level, or the quote names the asked one anywhere."""
    # "Dans quelle région …" asks for a region's name, not about a body of that level.
    question = re.sub(r"\b(?:quel|quelle|quels|quelles|which|what)\s+[\w-]+", " ", question, flags=re.IGNORECASE)
    asked, given = _levels(question), _levels(quote)
    if len(asked) != 1 or asked & given or not given:
        return None
    ask = next(iter(asked))
    named = next(w for w in re.findall(r"[\w-]+", question) if fold(w.lower()) in _LEVELS[ask])
    said = [w for w in re.findall(r"[\w-]+", quote) if any(fold(w.lower()) in _LEVELS[i] for i in given)]
    return f"the question asks about a « {named} » body; its quote speaks only of a « {said[0]} » one"


# Offices that are always someone's, several of which one story quotes: the defence's lawyer, the
# civil parties', an outside expert (corpus10: "Me Julie Carpentier, avocate spécialisée en droit
# immobilier" given, and shown as proved, for "Who is the landlord's lawyer?").
_RELATIONAL = _word_groups("avocat avocate avocats avocates lawyer lawyers attorney attorneys")[0]
_WHOSE = re.compile(
    r"\b(?:avocate?s?\s+(?:de|du|des|d['’])|[\w-]+['’]s\s+(?:lawyers?|attorneys?)|(?:lawyers?|attorneys?)\s+(?:of|for)\b)",
    re.IGNORECASE,
)
_OWNER_BEFORE = re.compile(r"(?:\b(?:son|sa|ses|leur|leurs|his|her|their|its)|['’]s)\s+$", re.IGNORECASE)
_OWNER_AFTER = re.compile(r"^\s+(?:de|du|des|d['’]|of|for|representing|représentant)\b", re.IGNORECASE)


def holder_unstated(question: str, answer: str, quote: str) -> str | None:
    """The question asks for someone's lawyer ("l'avocat de Gérard Vasseur", "the landlord's lawyer")
    and the quote gives the answer's name that office of no one: no "son avocat", "l'avocat du
    prévenu", "his lawyer" there, only "avocate spécialisée en droit immobilier"."""
    if not _WHOSE.search(question):
        return None
    found = _office_in(quote, answer)
    if found is None or fold(found[0].lower()) not in _RELATIONAL:
        return None
    office, at = found
    if _OWNER_BEFORE.search(quote[:at]) or _OWNER_AFTER.match(quote[at + len(office) :]):
        return None
    return f"the question asks whose « {office} »; its quote says of no one that {answer.strip()[:40]!r} is theirs"
