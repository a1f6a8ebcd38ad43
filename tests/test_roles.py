"""Who sent what to whom: destinations compared between an answer and its quote."""

from rag.roles import reversed_roles

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
