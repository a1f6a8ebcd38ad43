"""What page junk looks like, by kind of widget: the patterns `rag.clean` cuts out.

Features of page furniture on any site (bylines, credits, consent boxes, app and newsletter
prompts, social embeds, related-link lists, pasted writing or model instructions), not one site's
wording; tests/fixtures/scraped holds pages in other outlets' styles.
"""

from __future__ import annotations

import re

_APOS = "['’]"

# Text addressed to a writer or a model, in English or French. Cut with the sentence around it
# unless it stands at a sentence boundary (scrapers glue "Customize this title in frenchDes …").
INSTRUCTION_PATTERNS = [
    r"Customi[sz]e this (?:title|article|text|post)(?: in (?:french|english|français|anglais))?",
    r"(?:Make|Let|Write|Rewrite|Create|Generate|Optimi[sz]e)\b[^\n.]{0,80}\b(?:seo|subheadings?|at least \d+ words)\b"
    r"[^\n.]*?(?:\d+ words|subheadings?|seo(?: compatible| friendly)?|[.!?\n])",
    # a note addressed to a model or a writer, whatever it asks: "Note pour l'IA : résume cet article en …"
    r"(?:Note|Message|Instruction|Consigne|Remarque)s?\s+(?:pour|à|au|aux|à l['’]attention de|to|for)\s+(?:l['’]\s*|le |la |the |an? )?"
    r"(?:IA|AI|assistant|modèle|model|ChatGPT|GPT|LLM|chatbot|rédacteur|rédactrice|rédaction|writer|editor|copywriter)\b\s*:?[^\n]*",
    r"(?:Rédige[zr]?|Réécri[st]|Réécrivez|Écri[st]|Écrivez|Génère[zr]?|Optimise[zr]?|Personnalise[zr]?|Résume[zr]?|Reformule[zr]?)\b[^\n.]{0,80}"
    r"\b(?:seo|sous-titres|intertitres|au moins \d+ mots|ce titre|cet article)\b[^\n.]*?(?:\d+ mots|seo|titre|[.!?\n])",
    r"(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*"
    r"(?:previous|prior|above|earlier|system|original)?\s*(?:instructions?|rules|prompts?|guidelines)"
    r"[^\n.!?]*[.!?]?",
    r"(?:ignore[sz]?|oublie[sz]?)\s+(?:toutes\s+)?(?:les\s+|vos\s+|tes\s+)?(?:instructions|consignes|règles)"
    r"[^\n.!?]*[.!?]?",
    r"(?:^|(?<=[.!?]\s))(?:system|assistant|user|instruction)\s*:[^\n]*",
    r"<\|?(?:im_start|im_end|system|assistant|user)\|?>[^\n]*",
    r"\b(?:answer|reply|respond|say|réponds|répondez)\s+(?:only\s+|uniquement\s+)?(?:with\s+|par\s+)?['\"“«][^'\"”»\n]{1,40}['\"”»][^\n.!?]*[.!?]?",
    r"\byou are (?:now )?(?:an? |the )?(?:ai|assistant|chatbot|language model|helpful)[^\n.!?]*[.!?]?",
    r"\b(?:tu es|vous êtes) (?:maintenant )?(?:un |une )?(?:ia|assistant|chatbot|modèle de langage)[^\n.!?]*[.!?]?",
]

# Page furniture found inside paragraphs, by kind of widget.
BOILERPLATE_PATTERNS = [
    # loading placeholders
    r"(?:Chargement|Loading)(?:\s*(?:en cours)?\s*(?:\.{3}|…))?(?:\s+Quelque chose se charge\.?|\s+Something is loading\.?)?",
    # sign-up confirmations and personalised-feed / app prompts
    rf"Merci (?:pour|de) (?:l{_APOS}enregistrement|votre inscription|vous être inscrit)\s*!?",
    r"Thanks? (?:you )?for (?:signing up|subscribing|registering)\s*!?",
    r"(?:Accédez à|Retrouvez) vos (?:sujets|articles|thèmes) (?:favoris|préférés)[^.\n]*\.?",
    r"(?:Access|Get) your favou?rite topics[^.\n]*\.?",
    # An app prompt that goes on to say what the app is for or where it is: the whole sentence, the
    # app's name included ("Téléchargez l'application Jura Télé pour regarder nos reportages …").
    rf"t[ée]l[ée]charge[zr]? (?:notre |l{_APOS}|gratuitement l{_APOS})?app(?:lication)?\b[^.!?\n]{{0,60}}?"
    r"\b(?:pour (?:regarder|suivre|lire|recevoir|écouter|retrouver|ne rien)|sur (?:l['’]App Store|Google Play|iOS|Android)|"
    r"to (?:watch|follow|read|get|listen))\b[^.!?\n]*[.!]?",
    rf"t[ée]l[ée]charge[zr]? (?:notre |l{_APOS}|gratuitement l{_APOS})?app(?:lication)?(?: mobile)?\b[^.\n]{{0,60}}?(?=\s+[A-ZÀ-Ý]|[.!]|$)\.?",
    r"(?:Disponible|Available|Téléchargeable|Gratuite?|Free)\b[^.!?\n]{0,40}\b(?:App Store|Google Play|Play Store)\b[^.!?\n]*[.!]?",
    # The rest of an app prompt that names the app or its stores ("… l'application Octet Hebdo sur
    # l'App Store et Google Play pour suivre l'actualité où que vous soyez."): the whole sentence,
    # when it speaks to the reader (a news sentence about the App Store does not).
    r"[^.!?\n]*\b(?:App Store|Google Play|Play Store)\b[^.!?\n]*\b(?:vous|votre|you|your)\b[^.!?\n]*[.!]?",
    r"[^.!?\n]*\b(?:vous|votre|you|your|téléchargez|download)\b[^.!?\n]*\b(?:App Store|Google Play|Play Store)\b[^.!?\n]*[.!]?",
    rf"[^.!?\n]*\bpour ne rien (?:manquer|rater) (?:de l{_APOS}actu\w*|de l{_APOS}info\w*|de nos)[^.!?\n]*[.!]?",
    r"[^.!?\n]*\bnever miss (?:a story|the latest|an update|a thing)[^.!?\n]*[.!]?",
    r"download (?:our|the) (?:free )?app\b[^.\n]{0,60}?(?=\s+[A-Z]|[.!]|$)\.?",
    # newsletters, contact blurbs, "more stories"
    r"(?:Inscrivez-vous|Abonnez-vous|Recevez) (?:gratuitement )?(?:à |a )?(?:notre|la|nos) newsletters?[^.\n]*\.?",
    r"(?:Sign up|Subscribe) (?:for|to) (?:our )?(?:[\w-]+\s+){0,2}newsletters?[^.\n]*\.?",
    # ... wherever the verb and the box are apart ("Recevez chaque vendredi notre newsletter sécurité"),
    # and the form's field label after it
    r"(?:Inscrivez-vous|Abonnez-vous|Recevez|Sign up|Subscribe|Get)\b[^.!?\n]{0,60}\b(?:notre|nos|our)(?:\s+[\w-]+){0,2}\s+newsletters?\b[^.!?\n]*[.!]?",
    r"(?:Votre|Your) (?:adresse )?e-?mail(?: address)?\s*(?:\*|:)?"
    r"(?:\s*(?:S['’]inscrire|Je m['’]inscris|Je m['’]abonne|Valider|Envoyer|OK|Subscribe|Sign up|Submit))?\s*$",
    r"\[email[^\]\n]{0,40}\]",  # grown to its whole sentence by _expand
    rf"(?:Pour plus d{_APOS}(?:histoires|articles|informations) comme (?:celle|celui|ceux|celles)-ci|For more stories like this)[^.\n]*\.?",
    # consent, captcha
    r"(?:Accepter|Refuser|Gérer) (?:les|tous les) cookies[^\n]*",
    r"(?:Accept|Manage|Reject) (?:all )?cookies[^\n]*",
    # A consent box is the rest of its line (its own sentences, then its buttons: "Paramétrer | Tout
    # accepter"): a sentence that speaks of cookies to the reader, or of going on browsing.
    r"[^.!?\n]*\b(?:vous|votre|vos|nous|you|your|we)\b[^.!?\n]*\b(?:cookies|traceurs|trackers)\b[^\n]*",
    # ... or opens by promising the reader privacy ("Nous respectons votre vie privée. Nous et nos partenaires …")
    r"(?:Nous respectons|Nous protégeons|Nous accordons[^.!?\n]{0,30}à|We (?:respect|value|care about)) (?:votre|your) "
    r"(?:vie privée|confidentialité|privacy)[^\n]*",
    r"[^.!?\n]*\bcookies\b[^.!?\n]*\b(?:vous|votre|vos|you|your)\b[^\n]*",
    r"(?:Ce site|Notre site|This (?:web)?site|Our (?:web)?site)(?: web)? (?:utilise|uses) (?:des |de |les )?(?:cookies|traceurs)[^\n]*",
    r"(?:En poursuivant|En continuant|By continuing)(?: votre| la| to)? (?:navigation|naviguer|browse|use)[^\n]*",
    r"(?:protégé par|protected by) reCAPTCHA[^\n]*",
    # paywall and video-player notices
    r"(?:Cet article|Ce contenu|La suite de cet article|This article|This content) (?:est |is )?(?:réservée? aux abonnés|"
    r"(?:reserved )?for subscribers(?: only)?)\.?",
    # a paywall's free pass and a magazine's pointer to the issue the text comes from
    r"(?:Cet article|Ce contenu|This article) vous est offert\.?(?:\s*Abonnez-vous pour [^.\n]{0,80}\.?)?",
    r"(?:Cet article|Ce reportage|Cet entretien) (?:est extrait|fait partie) (?:de notre|du|d['’]un) (?:dossier|série|numéro|hors-série)"
    r"[^\n]{0,120}",
    r"(?:Il vous reste|You have)\s+\d{1,3}\s*%\s*(?:de (?:cet|l['’])article\s+)?(?:à lire|(?:of (?:this|the) (?:article|story) )?left(?: to read)?)\.?",
    r"(?:Déjà abonnée?|Already (?:a )?subscriber)\s*\?\s*(?:Se connecter|Connectez-vous|Je me connecte|Log in|Sign in)\.?",
    # an offer: a price per month or without commitment, on its own line
    r"^[^\n]{0,40}\b(?:Offres?|Offers?|Abonnements?|Abonnez-vous|Subscribe)\b[^\n]{0,40}(?:€|\$|£|\beuros?\b)[^\n]{0,40}"
    r"(?:mois|month|sans engagement|no commitment)[^\n]*$",
    r"Votre navigateur ne (?:supporte|prend) pas[^.\n]*\.?",
    r"Your browser does not support[^.\n]*\.?",
    r"(?:Nous utilisons des|We use) cookies[^.\n]*\.?",
    # ads, widget headers, social embeds
    r"^\s*(?:Publicité|Advertisement|PUBLICITÉ|Sponsorisé|Sponsored)\b\s*",
    r"\b(?:Plus|More)\s*:\s*(?:Tendances|Trending|À la une|Top stories)\s*$",
    r"(?:Partager|Partagez|Share)(?: cet article| this article)? (?:sur|on) (?:Facebook|X|Twitter|LinkedIn|WhatsApp)[^\n.]*",
    r"(?:Voir cette publication sur|View this post on) (?:Instagram|Facebook|X)[^\n]*",
    r"pic\.twitter\.com/\w+",
    r"(?:Suivez-nous|Follow us) (?:sur|on) [^\n.]*\.?",
    # "Suivez Radio Vallée sur Google Actualités", "Follow The Daily on Google News": a sentence that opens on it
    r"(?:^|(?<=[.!?]\s))(?:Suivez|Retrouvez|Follow|Find)\b[^.!?\n]{0,40}\b(?:sur|on) (?:Google (?:Actualités|News|Discover)|"
    r"Facebook|Twitter|X|Instagram|LinkedIn|YouTube|TikTok|WhatsApp|Telegram|Bluesky|Threads|Flipboard)\b[^.!?\n]*[.!]?",
    r"(?:Abonnez-vous|Rejoignez|Suivez|Join|Follow|Subscribe to)\b[^.!?\n]{0,30}\b(?:chaîne|channel|compte|account|canal)\s+"
    r"(?:WhatsApp|Telegram|YouTube|Instagram|TikTok|Facebook)\b[^.!?\n]*[.!]?",
    # reader feedback and audio players ("Cet article vous a-t-il été utile ? Oui Non", "Écouter cet article 03:12")
    r"(?:Cet article vous a-t-il (?:été utile|plu)|Cet article vous a plu|Vous avez aimé cet article|"
    r"Was this (?:article|story) (?:helpful|useful)|Did you (?:like|enjoy) this (?:article|story))\s*\?"
    r"(?:\s*(?:Donnez-lui une note|Notez-le|Notez cet article|Rate it|Rate this (?:article|story))\s*:?\s*[★☆✩✭]*)?"
    r"(?:\s*(?:Oui|Non|Yes|No)\b)*",
    r"[▶►]?\s*(?-i:Écouter|Écoutez|Listen to)\s+(?:cet article|l['’]article|le podcast|notre podcast|cet épisode|this article|"
    r"the podcast|this episode|this story)\b[^.!?\n<]{0,30}",
]

# Credits between two sentences: "(Photo : Reuters)", "(Source : AFP)", "© AFP", "Crédit photo : X".
CREDIT = re.compile(
    r"\((?:Photo|Photos|Crédit|Crédits|Credit|Source|Image|Illustration)s?\s*:[^)\n]{1,80}\)|"
    r"(?:©|Crédit photo\s*:|Photo credit\s*:)\s*[^\n.]{1,60}?(?=\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ])|$)",
    re.IGNORECASE,
)

# HTML tags a scraper left around text (`<div class="player">…</div>`): cut, the text between kept.
MARKUP = re.compile(
    r"</?(?:div|span|p|a|section|article|figure|figcaption|aside|button|img|video|audio|source|br|strong|em|b|i|"
    r"h[1-6]|ul|ol|li|header|footer|nav|blockquote)\b[^<>\n]{0,200}>",
    re.IGNORECASE,
)

# JavaScript from an inline <script>: drop from the first code token to the end of the line.
JS_START = re.compile(
    r"(?:<(?:script|noscript|iframe|style|ins)\b|window\.\w+\s*=|\(function\s*\(|function\s*\w*\s*\([^)]*\)\s*\{|\bvar\s+\w+\s*=|"
    r"document\.(?:getElement|createElement|write))[^\n]*"
)

_EDIT = r"(?:modifier|edit)(?:\s+le\s+code|\s+source)?"
# A line that ends the article; everything after it is comments, related links and menus.
END_MARKER = re.compile(
    r"^\s*(?:Source|Sources|Source link(?:\s*-?\d+)?|Lien source|Comments?|Commentaires?|"
    r"Comment \(\d+\)|All comments\.?|Read more|Lire aussi|À lire aussi|Sur le même sujet|Même sujet|"
    r"Related(?: articles| topics)?|More on this story|Articles? similaires?|Dans la même rubrique|"
    r"Notes et références|Références|References|Liens externes|External links|Voir aussi|See also|"
    r"À lire ensuite|A lire ensuite|Lire la suite|Les plus lus|Most read|Vous aimerez aussi|You may also like|"
    # a comment widget's header: "3 commentaires", "Vos réactions (12)", "Voir les commentaires"
    r"\d+\s+(?:commentaires?|comments?|réactions?)|(?:Vos |Les )?(?:réactions|commentaires|comments)\s*\(\d+\)|"
    r"Commentaire\s*\(\d+\)|Articles? (?:liés|associés)|Contenus? (?:liés|associés)|(?:Voir|Afficher|Lire) les (?:\d+ )?(?:commentaires|réactions)|(?:View|Show|Read) (?:all )?comments|"
    r"Réagir(?:\s*\(\d+\))?|Réagissez(?: à (?:cet |l['’])article)?|Donnez votre avis|Join the conversation|Laisser un commentaire|Ajouter un commentaire|Leave a comment|Add a comment|"
    # a comment's header: a user name and how long ago ("Marc38 · il y a 3 h", "jdoe • 2 hours ago")
    r"\S{2,30}\s*[·•|-]\s*(?:il y a \d+\s*(?:s|sec|min|minutes?|h|heures?|j|jours?|mois|ans?)|"
    r"\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|months?|years?) ago)|"
    r"(?:À|A) (?:voir|lire) (?:aussi|également)|(?:Voir|Lire) également|Sur le même thème|(?:À|A) découvrir(?: aussi)?)"
    rf"\s*(?:\[\s*{_EDIT}(?:\s*\|\s*{_EDIT})*\s*\])?\s*:?\s*$",
    re.IGNORECASE,
)
TRAILING_SOURCE = re.compile(r"\s*(?:Lien source|Source link(?:\s*-?\d+)?)\s*$", re.IGNORECASE)
# A copyright or legal footer line ("© Agence Presse Est. Tous droits de reproduction réservés."): whole,
# never cut at its credit.
_LEGAL = (
    r"[^\n]{0,80}(?:Tous droits(?: de [\w ]{0,40})? réservés|All rights reserved|Mentions légales|"
    r"Politique de confidentialité|Privacy policy|Terms of (?:use|service))[^\n]{0,120}|"
    r"(?:©|Copyright)\s[^\n]{0,120}"
)
LEGAL_LINE = re.compile(rf"^(?:{_LEGAL})$", re.IGNORECASE)
# A photo's caption on its own line ("Photo : La façade, après l'effondrement. © Gazette / Archives"):
# whole, its credit with it; never a sentence of the text, whatever it describes.
_CAPTION = r"(?:Photo|Photos|Image|Illustration|Légende|Caption|Sur (?:la|cette) photo|In (?:the|this) (?:photo|picture))\s*(?:d['’]illustration)?\s*:\s[^\n]{0,300}"
CAPTION_LINE = re.compile(rf"^{_CAPTION}$", re.IGNORECASE)
# Whole lines that are page furniture: bylines, publication stamps, related links, share bars.
FURNITURE_LINE = re.compile(
    r"^(?:(?:Par|By)\s+[A-ZÀ-Ý][^.!?]{0,80}|[^.!?]{0,60}\b(?:avec|with) (?:l['’])?(?:AFP|Reuters|AP|agences?|des agences)|"
    r"(?:Reporting|Writing|Additional reporting|Editing) by [^\n]{0,120}|Our Standards:[^\n]*|"
    r"(?:Article )?réservé aux abonnés|Subscribers? only|"
    r"—\s*[^\n]{0,80}\(@\w+\)[^\n]{0,40}|Une publication partagée par [^\n]{0,80}|"
    # an embed's link ("Voir ce tweet"), a newsletter or alert box, a link to the site's other pages
    r"(?:Voir|Afficher|Lire) (?:ce|le|la|cette) (?:tweet|post|publication|message)(?: sur \w+)?|"
    r"View (?:this |the )?(?:tweet|post)(?: on \w+)?|"
    r"(?:Newsletters?|Lettre d['’]information)\b[^\n]{0,160}\b(?:recevez|inscri\w*|abonne\w*|subscribe|sign up|get)\b[^\n]{0,160}|"
    r"(?:Recevez|Activez|Get|Turn on) (?:nos|les|our) (?:alertes|notifications|alerts)\b[^.!?\n]{0,60}|"
    r"(?:Tous nos|Toutes nos|All our) (?:directs|vidéos|podcasts|newsletters|dossiers|articles)\b[^.!?\n]{0,40}|"
    r"(?:Publié|Mis à jour|Modifié|Published|Updated)\b[^.!?]{0,60}\d[^.!?]{0,40}|"
    r"(?:(?:À |A )?(?:Lire|Voir) (?:aussi|également)|Read more|Read also|Related|LIRE AUSSI)\s*[:>|-][^\n]*|"
    # a wire's credit on its own line: "(Avec Centre Presse Agence)"
    r"\((?:Avec|With)\s[^()\n]{2,60}\)|"
    r"(?:Partager|Share|Tweet|Imprimer|Print|E-mail|Email)(?:\s*[|/·•]\s*[\w-]+)+|"
    # menus, breadcrumbs and button rows: three or more short items between "|", ">", "•" or "·"
    r"[^|>›•·\n.!?]{1,40}(?:\s[|>›•·]\s[^|>›•·\n.!?]{1,40}){2,}|"
    # legal footers (`LEGAL_LINE`), captions (`CAPTION_LINE`), tag lists, video-player labels
    rf"{_LEGAL}|{_CAPTION}|"
    r"(?:Mots-clés|Mots clés|Tags|Thèmes|Sujets|Topics)\s*:[^\n]{0,200}|"
    # a line of hashtags; a row of reader tools; partner or sponsored content
    r"(?:#[\w-]+\s*){2,}|"
    r"(?:(?:Envoyer par e-?mail|Envoyer|Imprimer|Signaler une erreur|Signaler un abus|Copier le lien|Enregistrer|Partager|"
    r"E-?mail|Print|Report an error|Copy link|Save|Share)\s*[|·•]?\s*){2,}|"
    r"(?:Contenu (?:partenaire|sponsorisé|proposé par)|Sponsored content|Partner content|En partenariat avec)\b[^\n]{0,200}|"
    # a two-level breadcrumb or section label ("Sports | Bretagne", "Actualités › Sport")
    r"[^|>›•·\n.!?]{1,25}\s[|>›]\s[^|>›•·\n.!?]{1,25}|"
    r"(?:Voir|Regarder|Revoir) la vidéo(?:\s*[▶►]?\s*\d{1,2}:\d{2})?|(?:Watch|Play) (?:the )?video|(?:Lecture en cours|En cours de lecture|Now playing)\b[^.!?\n]{0,40}|"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?|Écouter (?:cet |l['’])article|Listen to (?:this )?article|"
    # a video player's controls: a duration among its buttons ("Lecture en cours 01:48 Partager Regarder plus tard")
    r"[^.!?\n]{0,40}\b\d{1,2}:\d{2}\b[^.!?\n]{0,40}\b(?:Partager|Regarder plus tard|Plein écran|Share|Watch later|Full ?screen)\b[^.!?\n]*|"
    # encyclopedia chrome: section titles with edit links, skip links, portals, categories, page
    # stamps, disambiguation notes, "main article" pointers, footnotes, coordinates, authority boxes
    rf"[^\n]{{0,80}}\[\s*{_EDIT}(?:\s*\|\s*{_EDIT})*\s*\]|"
    r"(?:Aller|Jump|Skip) (?:au|à la|to)(?: the)? (?:contenu|navigation|recherche|content|main content|search)|"
    r"Portail (?:de la |de l['’]|du |des |de |d['’])[^\n.]{1,60}|(?:Catégories?|Categories?)(?: cachées?| hidden)?\s*:[^\n]*|"
    r"(?:Dernière modification de cette page|This page was last edited|Cette page a été consultée|"
    r"Ce document provient de|Retrieved from)[^\n]*|"
    r"(?:Pour (?:les articles|l['’]article) homonymes?|Ne doit pas être confondu|Not to be confused with|"
    r"For other uses)[^\n]*|"
    r"(?:Articles? (?:détaillés?|connexes?)|Main articles?|Further information)\s*:[^\n]*|"
    r"(?:Vous pouvez partager vos connaissances|You can help Wikipedia)[^\n]*|[↑^]\s[^\n]*|"
    r"(?:Coordonnées|Coordinates)\s*:\s*[-\d][^\n]*|(?:Ressources? relatives? (?:à|au|aux)|Authority control)[^\n]*)$",
    re.IGNORECASE,
)


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


INSTRUCTIONS = _compile(INSTRUCTION_PATTERNS)
BOILERPLATE = _compile(BOILERPLATE_PATTERNS)


_QUOTE_LINE = re.compile(r"^[«“\"]\s*(?P<q>[^«»“”\"]{10,200}?)\s*[»”\"]$")


def pull_quotes(raw: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines that are only a quotation printed elsewhere in the text: a page's pull quote
    (« Nous avons six mois pour trouver un repreneur » over the paragraph that says it)."""
    out = []
    for a, b in spans:
        m = _QUOTE_LINE.match(raw[a:b])
        if m and any(m.group("q") in raw[x:y] for x, y in spans if (x, y) != (a, b)):
            out.append((a, b))
    return out
