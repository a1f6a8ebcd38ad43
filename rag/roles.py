"""Who sent what to whom: an answer must not turn its quote's or its question's destination around.

The 1.5B judge reads "1 000 conteneurs ont été envoyés à la Corée du Nord" as stated by "la Corée
du Nord avait transféré plus de 1 000 conteneurs … à la Russie": same names, same number, roles
swapped (a question with the direction reversed invites exactly that answer). Code compares the
names each text puts after a preposition of destination ("à la", "vers", "to", "en direction de"):
`destination_unstated` (answer against quote), `reversed_roles` (question against answer).
"""

from __future__ import annotations

import re
from typing import Any

from rag import gazetteer, ground
from rag.naming import NAME_RUN as _NAME

# In a quote, a place after "en"/"dans"/"in" may be where something went ("livrés en Russie").
_IN = re.compile(r"\b(?:en|dans|in|at)\s+(?:(?:la|le|les|the)\s+|l['’])?$", re.IGNORECASE)
# A name followed by a verb of receiving is where something went ("Pyongyang recevrait", "Russia got").
# Verbs of receiving and of sending, shared by the destination checks and the giver check below.
RECEIVE_VERB = r"re[çc]\w*|obt\w*|acqui\w*|import\w*|receiv\w*|got|gets|acquir\w*"
SEND_VERB = (
    r"envo[yi]|expédi|livr|transf[ée]r|fourni|vend|remi[st]|cédé|sen[dt]|ship|deliver|suppl|sold|sell|provid|gave|give"
)
_RECEIVES = re.compile(rf"[^.;]{{0,40}}?\b(?:{RECEIVE_VERB})\b", re.IGNORECASE)
_RECEIVED_BY = re.compile(
    r"\b(?:re[çc]u\w*|obtenu\w*|acquis\w*|import\w*|received|obtained|acquired|imported)\b[^.;]{0,60}"
    r"\b(?:par|by)\s+(?:(?:la|le|les|the)\s+|l['’])?$",
    re.IGNORECASE,
)
_SENDS = re.compile(rf"\b(?:{SEND_VERB}|achemin|transport|export|transferr)\w*[^.;!?]*$", re.IGNORECASE)
_ELIDED = re.compile(r"^[LD]['’]")
# What makes the name after it a destination. Not "en" ("en Ukraine" is where, as often as where to)
# and not "de" (origin and possession alike).
_TO = re.compile(
    r"(?:\b(?:à|au|aux|vers|jusqu['’]à|to|into|towards?)\s+(?:(?:la|le|les|the)\s+|l['’])?"
    r"|\b(?:destination|direction)\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’]|of\s+(?:the\s+)?))$",
    re.IGNORECASE,
)
# "à"/"to" that is not a destination: "according to the White House", "a déclaré au Post".
_NOT_TO = re.compile(
    r"\b(?:according|thanks|due|next|close|grâce|face|quant|déclaré|dit|indiqué|confié|expliqué|said)\s+"
    r"(?:to|à|au|aux)\s+(?:(?:la|le|les|the)\s+|l['’])?$",
    re.IGNORECASE,
)


def _names(text: str, loose: bool = False) -> list[tuple[str, bool]]:
    """Each name of `text` (folded) and whether it stands after a preposition of destination.
    `loose` (a quote read for where things went): also after "en"/"in", and as who receives
    ("la Corée du Nord a reçu", "obtenues par le Post")."""
    out = []
    for m in _NAME.finditer(text):
        name = _ELIDED.sub("", m.group(0))  # "L'Iran" is Iran
        if not text[: m.start()].strip() and name == m.group(0) and " " not in name:
            continue  # a lone capital opening the text is spelling ("Les", "Elles")
        before = text[: m.start()]
        to = bool(_TO.search(before)) and not _NOT_TO.search(before)
        # "à Rajin" is where as often as where to ("chargés à Rajin", "née à Quimper"): a destination
        # only after a verb of sending in the same clause, unless read loosely.
        to = to and (loose or bool(_SENDS.search(before[-120:])))
        if loose:
            to = to or bool(_IN.search(before) or _RECEIVED_BY.search(before) or _RECEIVES.match(text, m.end()))
        out.append((ground.fold(name), to))
    return out


def _same(a: str, b: str) -> bool:
    """Same name, one letter apart, or one inside the other's run ("Institute La Corée du Nord")."""
    return a == b or (len(a) >= 5 and ground.one_edit(a, b)) or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def reversed_roles(answer: str, quote: str) -> str | None:
    """The answer sends something to a name that its quote gives only as another role, while the
    quote sends it to a name the answer does not: "envoyés à la Corée du Nord" over "la Corée du
    Nord avait transféré … à la Russie". A name the quote does not print, or a quote with no
    destination, is not judged. Read with the question as `answer` and the answer as `quote`, it
    finds an answer that turns the question's direction around."""
    mine = _names(answer)
    theirs = _names(quote)
    to_quote = [n for n, to in theirs if to]
    if not to_quote:
        return None
    to_answer = [n for n, to in mine if to]
    for name in to_answer:
        printed = [to for n, to in theirs if _same(n, name)]
        if not printed or any(printed):
            continue
        others = [n for n in to_quote if not any(_same(n, a) for a in to_answer)]
        if others:
            return f"{name} is the destination in the first text, {others[0]} in the second"
    return None


def destination_unstated(answer: str, quote: str) -> str | None:
    """The answer sends something to a name that its quote prints, but never as where something
    goes (after "à", "vers", "en", "to", "in", or before a verb of receiving): "Moscou a envoyé des
    drones à la Corée du Nord" over "La Corée du Nord n'est pas le seul État vers lequel la Russie
    s'est tournée ; Moscou s'appuie sur des drones iraniens". Names the quote does not print
    (another language, another spelling) are not judged."""
    theirs = _names(quote, loose=True)
    for name in (n for n, to in _names(answer) if to):
        printed = [to for n, to in theirs if _same(n, name)]
        if printed and not any(printed):
            return f"the answer sends to {name}; its quote never does"
    return None


# Verbs of giving: who does them is where something comes from ("Planet Labs a fourni les images").
_GIVE = rf"(?:{SEND_VERB}|donn|offert|procur|hand)\w*"
# Name, then (within its clause, no other name between) the verb: active "X a fourni", not "X ont été fournies".
# (Case-sensitive around the verb: under IGNORECASE "[^A-Z]" would refuse lower case too.)
_GIVES_AFTER = re.compile(rf"[^.;:,A-ZÀ-ÖØ-Ý]{{0,30}}?\b(?i:{_GIVE})\b")
_PASSIVE = re.compile(r"\b(?:été|être|étaient|était|sont|est|be|been|being|is|are|was|were)\b", re.IGNORECASE)
_GIVEN_BY = re.compile(rf"\b{_GIVE}\b[^.;,]{{0,30}}\b(?:par|by)\s+(?:(?:la|le|les|the)\s+|l['’])?$", re.IGNORECASE)
# Not across a coordination: "basé au Royaume-Uni et obtenues par le Post" is not the UK receiving.
_RECEIVES_NEAR = re.compile(
    rf"(?:(?!\b(?:et|and|ou|or|qui|que|which|who)\b)[^.;:,A-ZÀ-ÖØ-Ý]){{0,30}}?\b(?i:{RECEIVE_VERB}|achet\w*|bought|buy\w*)\b"
)


def _roles(text: str) -> dict[str, set[str]]:
    """Each name of `text` (folded) -> the roles it stands in: "gives" (subject of a verb of giving,
    or its agent after "par"/"by") and "receives" (subject of a verb of receiving, or agent of
    "obtenues par", "received by")."""
    out: dict[str, set[str]] = {}
    for m in _NAME.finditer(text):
        name = _ELIDED.sub("", m.group(0))
        before = text[: m.start()]
        roles = out.setdefault(ground.fold(name), set())
        gives = _GIVES_AFTER.match(text, m.end())
        if (gives and not _PASSIVE.search(gives.group(0))) or _GIVEN_BY.search(before):
            roles.add("gives")
        if _RECEIVES_NEAR.match(text, m.end()) or _RECEIVED_BY.search(before):
            roles.add("receives")
    return out


def giver_received(answer: str, quote: str) -> str | None:
    """The answer makes a giver of a name its quote has only receiving: "Le Washington Post a fourni
    les images" over "les images, … obtenues pour la première fois par le Washington Post" (the
    judge reads "who supplied" into "who obtained"). Names the quote does not print, or prints in
    another role too, are not judged."""
    theirs = _roles(quote)
    for name, mine in _roles(answer).items():
        if "gives" not in mine:
            continue
        alias = gazetteer.same_named(name, quote)  # "Pyongyang" for "la Corée du Nord"
        named = {name} | ({ground.fold(alias)} if alias else set())
        printed = [r for n, r in theirs.items() if any(_same(n, x) for x in named)]
        if printed and all(r == {"receives"} for r in printed):
            return f"the answer has {name} giving; its quote has {name} only receiving"
    return None


# Cues by which a quote says who *said* it ("a indiqué le RUSI", "selon Kirby"), as opposed to who
# did something ("obtenues par le Post", "analysées par le RUSI"): rag.attribute finds both.
_SPEECH_CUE = re.compile(
    r"^(?:selon|d['’]après|according|(?:\w+\s+){0,2}(?:déclar|indiqu|dit|affirm|estim|expliqu|annonc|soulign|"
    r"ajout|précis|assur|avert|conclu|not[ée]|insist|racont|témoign|jug|consid|said|says|told|stat|claim|add))",
    re.IGNORECASE,
)
# A question about who said, thinks or reports something: a speaker is then the answer.
ASKS_SPEAKER = re.compile(
    r"\b(?:selon|d['’]après|according|sources?|porte-parole|spokes\w*|parl(?:é|er|e|ait|aient|ent)|"
    r"cit[ée]\w*|cite[sd]?|citing|quot(?:e|ed|es|ing|ation)|comment[éea]\w*|commented|réagi\w*|react\w*|"
    r"avis|opinion|pens[eé]\w*|think\w*|thought|croi\w*|believ\w*|soupçonn\w*|suspect\w*|craign\w*|craint\w*|"
    r"fear\w*|warn\w*|sugg\w*|rapport[eé]\w*|report\w*|annon[cç]\w*|announc\w*|déclar\w*|indiqu\w*|"
    r"affirm\w*|estim\w*|dit|disent|disait|dise|said|say\w*|told|tell\w*|stated?|statement|claim\w*|"
    r"ajout\w*|add(?:ed|s)?|expla\w*|expliqu\w*|confirm\w*|dément\w*|deni\w*|deny|accus\w*|condamn\w*|"
    r"condemn\w*|écri\w*|wr[io]t\w*|publi[ée]\w*|publish\w*|révél\w*|reveal\w*|mention\w*|"
    # Opinions and judgements are said too ("Quel ministère a jugé presque certain … ?").
    r"jug[eé]\w*|juge|consid[eé]r\w*|conclu\w*|signal\w*|not[eé]\w*|assur\w*|averti\w*|prévenu\w*|"
    r"alert\w*|témoign\w*|racont\w*|soulign\w*|précis[eé]\w*|judg\w*|consider\w*|assess\w*|"
    r"évalu\w*|certain\w*|probabl\w*|likely|"
    # Speech acts: thanking, urging, promising … is saying ("« Merci … », a déclaré Zelenskyy").
    r"remerci\w*|thank\w*|félicit\w*|congratul\w*|promi\w*|promet\w*|appel\w*|called|calls|urg\w*|"
    r"exhort\w*|menac\w*|threat\w*|salu\w*|prais\w*|critiqu\w*|critici\w*|dénonc\w*|denounc\w*|"
    r"répond\w*|respond\w*|repl\w*|exprim\w*|express\w*|qualifi\w*|décri\w*|describ\w*|demand\w*|"
    r"ask\w*|admi[st]\w*|avou\w*|reconn\w*|acknowledg\w*|défend\w*|justifi\w*|insist\w*|"
    # What a source knows is what it observed or found: "cinq voyages observés …, selon RUSI".
    r"observ\w*|analys\w*|analyz\w*|constat\w*|détect\w*|detect\w*|repér\w*|identifi\w*|identif(?:y|ied)|"
    r"montr\w*|show\w*|found|trouv\w*|spott\w*|noticed?|remarqu\w*|savoir|sait|knows?|knew|"
    r"enquêt\w*|investig\w*|surveill\w*|monitor\w*)\b",
    re.IGNORECASE,
)


def speaker_as_actor(question: str, answer: str, quote: str) -> str | None:
    """The answer gives as who did something a name its quote holds only as who said it: "Le RUSI
    a eu la primeur des images" over "… des marchandises arrivant à Dunai, a indiqué le RUSI" (the
    judge reads a name in the sentence as the name asked for). Questions about who said, reported
    or thinks something, and answers whose added names the quote prints elsewhere too, are not
    judged."""
    if ASKS_SPEAKER.search(question):
        return None
    # Words split at apostrophes too: "Guérin's", "l'Angara" give "guerin", "angara".
    known = {ground.fold(w) for t in re.findall(r"[\w'’-]+", question) for w in (t, *re.split(r"['’]", t))}
    added = [
        _ELIDED.sub("", m.group(0))
        for m in _NAME.finditer(answer)
        # a lone capital opening the answer is spelling ("Les", "Elles"), unless an acronym ("RUSI a …")
        if answer[: m.start()].strip() or " " in m.group(0) or m.group(0).isupper()
    ]
    new = [n for n in added if not all(ground.fold(w) in known for w in n.split())]
    heads = [ground.fold(n.split()[-1]) for n in new]
    if not heads:
        return None
    # What a set-off apposition or relative says of the speaker is stated, not reported: "La mairie
    # de Kerlann, propriétaire du stade, a indiqué …" states that the town hall owns the stadium. Only
    # one that says what the question asks about counts (two of its words): not "…, a indiqué le RUSI,
    # un think tank" for who got the images.
    # When the question's predicate is found, it must be said there: "Nadia Berthier, présidente d'Eau Vive
    # Auvergne" says who presides over it, not who analysed its samples.
    from rag.predicates import _asked
    from rag.propositions import propositions

    pred = _asked(question)
    if pred is not None:
        stem = ground.fold(pred[0].lemma_.lower())[:5]
        statements = [quote] + [p for p in propositions(quote) if stem in _stems(p)]
    else:
        asked = _stems(question) - _stems(" ".join(new))
        statements = [quote] + [p for p in propositions(quote) if len(asked & _stems(p)) >= 2]
    for head in heads:
        if not all(_only_speaking(head, text) for text in statements) or _authored(pred, head, quote):
            return None
    return f"its quote cites {', '.join(heads)} only as saying it, not as doing what is asked"


def _authored(pred: Any, head: str, quote: str) -> bool:
    """The cited source is a document of the name, and the question asks who made that document:
    "Quel expert a rédigé le rapport ?" over "Selon le rapport de l'expert judiciaire Bernard Quillet,
    …" (corpus10). The document's noun is what the question's verb acts on, by stem."""
    if pred is None:
        return False
    made = [
        ground.fold(c.lemma_.lower())[:5]
        for c in pred[0].children
        if c.dep_ in ("obj", "nsubj:pass") and c.pos_ == "NOUN"
    ]
    folded = ground.fold(quote)
    return any(
        re.search(rf"\b{re.escape(stem)}\w*\s+(?:de|du|des|d')\s*[^,.;:«»]{{0,60}}?\b{re.escape(head)}\b", folded)
        for stem in made
    )


def _stems(text: str) -> set[str]:
    """The first five folded letters of each word of four letters or more."""
    return {ground.fold(w)[:5] for w in re.findall(r"[^\W\d_]{4,}", text)}


def _only_speaking(head: str, text: str) -> bool:
    """Every place `text` prints the folded name `head` is inside an attribution of speech (and there is one)."""
    from rag.attribute import attribute  # lazy: spaCy

    spoken = [(a.start, a.end) for s in attribute(text) for a in s.sources if _SPEECH_CUE.match(a.cue)]
    folded = "".join(ground.fold(ch)[:1] or ch for ch in text)  # letter by letter: offsets stay those of `text`
    at = [m.start() for m in re.finditer(rf"\b{re.escape(head)}\b", folded)]
    return bool(at) and all(any(s <= i < e for s, e in spoken) for i in at)
