"""owners.other_owner on real spaCy parses: whose figure a quote gives."""

from rag.owners import other_owner

SUBSIDIARY = (
    "Le groupe Chimanor, filiale du chimiste allemand Helvag, a réalisé un chiffre d'affaires de 42 millions "
    "d'euros en 2024."
)


def test_a_figure_the_quote_gives_another_name_is_caught() -> None:
    why = other_owner("Quel est le chiffre d'affaires du groupe Helvag ?", "42 millions d'euros", SUBSIDIARY)
    assert why and "Chimanor" in why and "42 millions" in why


def test_the_questions_own_name_or_one_of_its_state_passes() -> None:
    assert other_owner("Quel est le chiffre d'affaires de Chimanor ?", "42 millions d'euros", SUBSIDIARY) is None
    q = "Combien de conteneurs la Corée du Nord a-t-elle envoyés à la Russie ?"
    assert other_owner(q, "1 000 conteneurs", "Pyongyang a envoyé 1 000 conteneurs à la Russie.") is None
    assert other_owner(q, "1 000 conteneurs", "La Corée du Nord a envoyé 1 000 conteneurs à la Russie.") is None


def test_what_cannot_be_judged_is_left_to_the_other_checks() -> None:
    # A subject without a name of its own, a figure under a verb of saying, a question without a name.
    q = "Combien de salariés emploie l'hôpital de Vallon-sur-Loue ?"
    assert other_owner(q, "2 300", "L'établissement, qui emploie 2 300 salariés, fonctionne en mode dégradé.") is None
    said = "Chimanor a déclaré que 85 salariés travaillaient pour Helvag."
    assert other_owner("Combien de salariés emploie Helvag ?", "85", said) is None
    assert other_owner("Quel est le chiffre d'affaires du groupe ?", "42 millions d'euros", SUBSIDIARY) is None
    # The figure's own phrase names the question's name, whoever counted it.
    counted = "Le RUSI a dénombré cinq voyages de l'Angara entre Rajin et Dunai."
    assert other_owner("Combien de voyages l'Angara a-t-il effectués ?", "cinq voyages", counted) is None
