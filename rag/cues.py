"""The words by which an article attributes what it reports: reporting verbs, "selon", and the
pronouns and time words that stand between a verb and its speaker. Read by `rag.attribute`."""

from __future__ import annotations

import re

# Reporting verbs by lemma: the verb's subject is the source of what follows or precedes it.
CUE_VERBS = {
    "déclarer", "dire", "affirmer", "estimer", "expliquer", "annoncer", "accuser", "indiquer", "rapporter",
    "publier", "écrire", "souligner", "ajouter", "préciser", "confirmer", "révéler", "assurer", "avertir",
    "juger", "considérer", "démentir", "nier", "reconnaître", "conclure", "signaler", "noter", "observer",
    "obtenir", "prévenir", "insister", "raconter", "témoigner", "alerter", "analyser",
    # Reasons given are said too: "le groupe justifie sa décision par « … »", "invoque une chute de …".
    "justifier", "invoquer", "arguer",
    "say", "tell", "report", "state", "claim", "write", "announce", "accuse", "confirm", "reveal", "obtain",
}  # fmt: skip
# Verbs that report speech only in an incise after a quote or a comma ("», lance Gérard Paillot", ",
# a répondu un porte-parole"): elsewhere they launch, answer or go on ("a lancé une enquête").
INCISE_VERBS = {
    "lancer", "confier", "souffler", "glisser", "poursuivre", "résumer", "déplorer", "regretter", "répondre",
    "commenter", "rappeler", "marteler", "reprendre", "détailler", "admettre", "dénoncer", "plaider", "tempêter",
    "ironiser", "s'inquiéter", "inquiéter", "s'agacer", "agacer", "s'indigner", "indigner", "s'étonner", "étonner",
    "réagir",
}  # fmt: skip
# Prepositions that introduce a source: "selon le RUSI", "d'après la Maison Blanche", "according to".
CUE_PREPS = {"selon", "après", "according"}
# Cheap prefilter: only sentences with a cue go through the parser (a 1M-passage corpus stays fast).
CUE_TEXT = re.compile(
    r"\b(?:selon|d['’]après|according|déclar|dit\b|dis|affirm|estim|expli|annon|accus|indiqu|rapport|publi|écri|"
    r"soulign|ajout|précis|confirm|révél|assur|avert|jug|consid|dément|ni[ée]|reconn|conclu|signal|not[ée]|observ|"
    r"obten|prévien|insist|racont|témoign|alert|analys|said|says|told|report|stat|claim|wr[io]te|announc|"
    r"obtain|reveal|lanc|confi|souffl|gliss|poursui|résum|déplor|regrett|répon|comment|rappel|martèl|reprend|repris|"
    r"détaill|admet|admis|dénon|plaid|tempêt|ironis|inquièt|inquiét|agac|indign|étonn|réag|justifi|invoqu|argu)",
    re.IGNORECASE,
)

# Words a reporting verb's inverted speaker is not ("a déclaré la semaine dernière le maire").
TIME_WORDS = set(
    "semaine jour mois année an matin soir nuit hier lundi mardi mercredi jeudi vendredi samedi dimanche "
    "week-end heure fois moment".split()
)

# Pronouns between a quote's comma and its verb ("», nous a confié Karim Belhadj").
CLITICS = {"nous", "me", "m'", "m’", "vous", "lui", "leur", "nous-mêmes"}
