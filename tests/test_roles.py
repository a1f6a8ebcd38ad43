"""Who sent what to whom: destinations compared between an answer and its quote."""

from rag.roles import destination_unstated, giver_received, reversed_roles, speaker_as_actor

QUOTE = (
    "L'information a été publiée après que les États-Unis ont révélé que la Corée du Nord avait transféré "
    "plus de 1 000 conteneurs d'équipements militaires et de munitions à la Russie."
)


def test_an_answer_that_turns_the_quotes_destination_around_is_caught() -> None:
    why = reversed_roles("1 000 conteneurs ont été envoyés à la Corée du Nord.", QUOTE)
    assert why and "russie" in why
    # The question's direction turned around by the answer.
    q = "How many containers did Russia send to North Korea?"
    assert reversed_roles(q, "1,000 containers were sent from North Korea to Russia.")
    assert reversed_roles(q, "Russia sent 200 containers to North Korea.") is None
    assert reversed_roles("1,000 containers were sent to Russia.", "Moscou a livré 1 000 obus vers l'Iran.") is None
    assert reversed_roles("Russia shipped 1,000 containers to Iran.", "L'Iran a envoyé 1 000 obus à la Russie.")


def test_the_same_direction_or_no_direction_is_not_judged() -> None:
    assert reversed_roles("La Corée du Nord a envoyé 1 000 conteneurs à la Russie.", QUOTE) is None
    assert reversed_roles("1,000 containers were sent to Russia by North Korea.", QUOTE) is None
    # A name after "de" in the quote is not a destination the answer contradicts.
    ships = "Les deux navires ont été chargés au port de Rajin et déchargés à l'installation russe de Dunai."
    assert reversed_roles("Les navires ont déchargé à Dunai.", ships) is None
    # "according to", "said to" name sources, not destinations.
    assert reversed_roles("It was sent to Russia, according to the White House.", QUOTE) is None
    assert reversed_roles("Watling a déclaré au Post que …", "Il a déclaré à CNN que la Russie …") is None
    assert reversed_roles("Ils sont allés à Pyongyang.", "La visite de Choïgou à Pyongyang.") is None


def test_a_destination_the_quote_never_gives_is_caught() -> None:
    assert destination_unstated("1 000 conteneurs ont été envoyés à la Corée du Nord.", QUOTE)
    glued = "Avec l'autorisation du Royal United Services Institute La Corée du Nord n'est pas le seul État vers"
    drones = glued + " lequel la Russie s'est tournée ; Moscou s'appuie sur des drones iraniens."
    assert destination_unstated("Moscou a envoyé des drones à la Corée du Nord.", drones)
    # Where things went, said otherwise: "en", a verb of receiving, a passive "obtenues par".
    assert destination_unstated("La Corée du Nord a envoyé 1 000 conteneurs à la Russie.", QUOTE) is None
    assert destination_unstated("Kim went to Russia.", "Kim s'est rendu en Russie.") is None
    hope = "la Corée du Nord espère que Pyongyang recevrait une assistance militaire de la Russie"
    assert destination_unstated("La Russie enverra de l'aide à Pyongyang.", hope) is None
    post = "les images satellite, obtenues pour la première fois par le Washington Post"
    assert destination_unstated("Les images ont été remises au Washington Post.", post) is None
    assert destination_unstated("Sent to North Korea.", QUOTE) is None  # not printed as written: not judged
    # "à" after no verb of sending is where, not where to.
    ships = "Les navires, appelés Angara et Maria, chargés au port nord-coréen de Rajin et déchargés à Dunai."
    assert destination_unstated("Angara et Maria, chargés à Rajin.", ships) is None
    assert destination_unstated("Lucie est née à Quimper.", "Lucie, née le 12 avril 1971 au port de Quimper.") is None


RUSI_SAID = (
    "Les images satellite semblent également montrer des marchandises arrivant puis transportées depuis Dunai, "
    "probablement à travers la Russie en direction de la frontière avec l’Ukraine, a indiqué le RUSI."
)
WAPO = (
    "Mais les nouvelles images satellite, analysées par le groupe de réflexion Royal United Services Institute "
    "(RUSI) basé au Royaume-Uni et obtenues pour la première fois par le Washington Post, suggèrent une opération "
    "beaucoup plus élaborée."
)


def test_a_name_the_quote_cites_only_as_speaker_is_not_the_doer() -> None:
    q = "Quel quotidien a eu la primeur des images satellite ?"
    why = speaker_as_actor(q, "Le RUSI a eu la primeur des images satellite.", RUSI_SAID)
    assert why and "rusi" in why
    kirby = "« Nous condamnons la RPDC », a déclaré Kirby la semaine dernière."
    assert speaker_as_actor("Qui dirige le RUSI ?", "Le RUSI est dirigé par John Kirby.", kirby)


def test_doers_named_by_the_quote_and_questions_about_speakers_are_not_judged() -> None:
    # "obtenues par le Washington Post" says who obtained them: an agent, not a speaker.
    q = "Quel quotidien a eu la primeur des images satellite ?"
    assert speaker_as_actor(q, "Le Washington Post a eu la primeur des images.", WAPO) is None
    # The question asks who said it: the speaker is the answer.
    for asked in ("Selon qui des marchandises arrivent à Dunai ?", "Quel institut a indiqué que des marchandises …",
                  "Which think tank reported goods arriving at Dunai?",
                  "Qui a observé des marchandises arrivant à Dunai ?",
                  "Quel institut a jugé probable l'arrivée de marchandises à Dunai ?"):  # fmt: skip
        assert speaker_as_actor(asked, "Le RUSI.", RUSI_SAID) is None
    # A name the quote also prints outside the attribution ("l'analyse de RUSI a révélé …, selon RUSI").
    both = "L'analyse de RUSI montre cinq voyages depuis août, selon RUSI."
    assert speaker_as_actor("Qui a fait les voyages ?", "RUSI a fait les voyages.", both) is None
    assert speaker_as_actor("Qui a transporté les marchandises ?", "RUSI a transporté les marchandises.", RUSI_SAID)
    # "Comment s'appelle …" and "quotidien" are not questions about speakers, yet nothing to judge here.
    assert speaker_as_actor("Comment s'appelle le port ?", "Le port s'appelle Dunai.", RUSI_SAID) is None


def test_a_speech_act_question_is_about_the_speaker() -> None:
    thanks = "« Merci à tous ceux qui nous aident ! », a déclaré le président ukrainien Volodymyr Zelenskyy."
    q = "Quel président a remercié les États-Unis ?"
    assert speaker_as_actor(q, "Volodymyr Zelenskyy a remercié les États-Unis.", thanks) is None
    assert speaker_as_actor("Quel président a livré des armes ?", "Volodymyr Zelenskyy a livré des armes.", thanks)


def test_a_giver_the_quote_has_only_receiving_is_caught() -> None:
    # Who obtained the images is not who supplied them (the judge said Yes to both).
    assert giver_received("Le Washington Post a fourni les images satellite.", WAPO)
    assert giver_received("The images were supplied by the Washington Post.", WAPO)
    # Receiving in the answer too, a passive with no agent, or a name the quote gives as a giver: not judged.
    assert giver_received("Le Washington Post a été le premier à obtenir les images.", WAPO) is None
    assert giver_received("Les images du Washington Post ont été fournies.", WAPO) is None
    hope = "la Corée du Nord envoyait cette cargaison dans l'espoir que Pyongyang recevrait une aide de la Russie"
    assert giver_received("La Corée du Nord a envoyé une cargaison.", hope) is None
    # A capital for its country: Pyongyang is the North Korea that sends.
    assert giver_received("Pyongyang a envoyé une cargaison.", hope) is None
    # "basé au Royaume-Uni et obtenues par …": the coordination does not make the UK a receiver.
    assert giver_received("Le Royaume-Uni a fourni les images.", WAPO) is None


def test_a_name_the_question_gives_with_a_possessive_is_not_an_added_doer() -> None:
    # "Guérin's" is the question's own name: what he is, not who did it.
    quote = (
        "« Tout a été remis en route à la main », a expliqué Thomas Guérin, directeur des systèmes "
        "d'information du centre hospitalier."
    )
    a = "Thomas Guérin est le directeur des systèmes d'information du centre hospitalier."
    assert speaker_as_actor("What is Thomas Guérin's job?", a, quote) is None
    assert speaker_as_actor("Qui a remis en route le système ?", "Thomas Guérin a remis en route le système.", quote)


def test_what_an_apposition_says_of_the_speaker_is_stated() -> None:
    # corpus7, refused: the town hall is cited as saying something, and said to own the stadium
    mairie = (
        "La mairie de Kerlann, propriétaire du stade du Moustoir-Vihan, a indiqué qu'elle ne renoncerait pas "
        "à la redevance annuelle de 350 000 euros."
    )
    q = "Qui est propriétaire du stade du Moustoir-Vihan ?"
    assert speaker_as_actor(q, "La mairie de Kerlann est propriétaire du stade du Moustoir-Vihan.", mairie) is None
    # an apposition that says nothing the question asks about leaves the speaker a speaker
    rusi = "Des marchandises arrivent à Dunai, a indiqué le RUSI, un groupe de réflexion britannique."
    assert speaker_as_actor("Qui a eu la primeur des images ?", "Le RUSI a eu la primeur des images.", rusi)
    # corpus9: the question's own names are no reason to drop the apposition that says what it asks
    said = (
        "« Ces chiffres sont alarmants. Nous demandons que l'eau du robinet ne soit plus utilisée pour préparer les "
        "biberons à Saint-Rémy tant que la pollution n'est pas traitée », a déclaré Nadia Berthier, présidente "
        "d'Eau Vive Auvergne."
    )
    q = "Qui préside l'association Eau Vive Auvergne ?"
    assert speaker_as_actor(q, "Nadia Berthier, présidente d'Eau Vive Auvergne.", said) is None
    assert speaker_as_actor(q, "Nadia Berthier.", said) is None
    # but it says who presides, not who founded it
    assert speaker_as_actor("Qui a fondé Eau Vive Auvergne ?", "Nadia Berthier.", said)


def test_the_author_of_a_cited_document_made_it() -> None:
    # corpus10: "Le rapport a été rédigé par Bernard Quillet" over "Selon le rapport de l'expert judiciaire
    # Bernard Quillet, …" was refused as a source said to act; who wrote a report is who it is of.
    q = "Quel expert judiciaire a rédigé le rapport sur l'effondrement ?"
    quote = "Selon le rapport de l'expert judiciaire Bernard Quillet, les poutres du plancher étaient pourries."
    assert speaker_as_actor(q, "Le rapport a été rédigé par Bernard Quillet.", quote) is None
    said = "Les poutres du plancher étaient pourries, a déclaré l'expert judiciaire Bernard Quillet."
    assert speaker_as_actor(q, "Le rapport a été rédigé par Bernard Quillet.", said)
