"""Why an answer was refused: each refusal's code, and what it means to a reader (shown after the
refusal in the UI and CLI, counted per code by the eval)."""

REFUSAL_CODES = {
    "invalid_question": "the question was rejected before retrieval",
    "nothing_retrieved": "the store returned no passage",
    "off_topic": "no retrieved passage is about the question",
    "model_no_answer": "the model found no answer in the passages",
    "no_citation": "the model cited no passage it was given",
    "echo": "the model's answer adds nothing to the question",
    "not_supported": "no quoted sentence states the answer (support verifier)",
    "off_question": "the quoted sentence states the answer but not what the question asks (support verifier)",
    "number_not_in_quote": "the answer gives a number its quote does not",
    "number_counts_other": "the answer's number counts something else in its quote",
    "name_not_in_quote": "the answer names what its quoted passage does not",
    "words_not_in_quote": "most of the answer's words are not in its quote (another predicate, same names)",
    "not_a_number": "the question asks for a quantity and the answer gives none",
    "counts_other_than_asked": "the question asks how many of one thing and the answer counts another",
    "subject_from_question": "the question asks who or which did it and the answer's subject is a name the question gives",
    "no_name_given": "the question asks who or what something is called and the answer names only places",
    "other_end": "the question asks when a span ended (or began) and the answer gives its other end",
    "roles_reversed": (
        "the answer sends to a name its quote never sends to, makes a giver of one it has receiving, "
        "or turns the question's direction around"
    ),
    "other_action": "the answer has a name doing what its quote has it not doing (another verb)",
    "other_office": "the question asks for one office (a judge, a minister) and the answer gives another",
    "office_holder_unstated": "the question asks for someone's lawyer and the quote gives the name a lawyer of no one it says",
    "place_of_another": "the answer's place is, in its quote, only an adjective of something the question does not ask about",
    "other_level": "the question asks about a body of one level (départemental, national) and the quote speaks of another",
    "figure_of_another": "the answer's figure is, in its quote, another name's than the one the question asks about",
    "unit_not_in_quote": "the question asks for a measure in a unit its quote does not print",
    "asked_not_in_quote": "the answer is a bare name and its quote states neither the question's action nor what it acts on",
    "value_other_action": "the question asks when or how many and the answer's date or count belongs to another verb in its quote",
    "speaker_as_actor": "the answer gives as who did it a name its quote cites only as saying it",
    "question_name_not_found": "the question names what the passages do not mention",
    "rank_not_found": "the question asks for the first, last or n-th of something and the quoted article never says which",
    "statistic_not_in_quote": "the question asks for an average or a highest, lowest or most, and the quote gives a figure without saying so",
    "question_name_not_in_quote": (
        "the question names what its quote neither names nor refers to, nor its paragraph or its article's title"
    ),
    "reported_not_stated": "the quote reports the answer's claim as a rumour or as denied, and the answer states it as fact",
    "negated_in_quote": "the answer affirms what its quote negates (a yes over a no, a verb the quote negates)",
    "yes_to_another": "the answer says yes to something the question does not ask",
    "article_changed": "the cited article changed while answering",
}
