from rag.metrics import (
    QARow,
    answer_correct,
    citation_coverage,
    citation_hit,
    citation_precision,
    fabricated_ids,
    normalise,
    quotes_exact,
    refusal_correct,
    retrieval_rank,
    summarise,
)
from rag.types import Answer, Chunk, Citation, Hit

ROW = QARow(id="q", question="Quels navires ?", answerable=True, answer_any=["Angara"], articles=["A", "B"])
NA = QARow(id="n", question="Capitale de l'Australie ?", answerable=False)
TEXT = {"A": "Les navires Angara et Maria.", "B": "Deux cargos.", "C": "Autre chose."}


def ans(text: str, cites: list[tuple[str, int, int]], refused: bool = False, passages=("A",)) -> Answer:  # noqa: ANN001
    cs = tuple(Citation(a, f"{a}#0", TEXT.get(a, "x")[s:e], s, e) for a, s, e in cites)
    hits = tuple(Hit(Chunk(f"{p}#0", p, TEXT.get(p, ""), 0, 1, "h"), 1.0) for p in passages)
    return Answer("q", text, refused, cs, hits, "fr")


def test_normalise_ignores_case_accents_and_number_spaces() -> None:
    assert normalise("Plus de 1 000 Conteneurs, ÉTÉ") == "plus de 1000 conteneurs, ete"
    assert normalise("1\u202f000") == "1000"


def test_wrong_citation_lowers_precision() -> None:
    good = ans("Angara et Maria", [("A", 12, 18)])
    bad = ans("Angara et Maria", [("A", 12, 18), ("C", 0, 5)])
    assert citation_precision(ROW, good) == (1, 1)
    assert citation_precision(ROW, bad) == (1, 2)
    assert answer_correct(ROW, bad) == 1.0 and citation_hit(ROW, bad) == 1.0
    assert citation_coverage(ROW, good) == 0.5


def test_refusal_on_unanswerable_counts_as_correct() -> None:
    refused = ans("Non trouvé", [], refused=True)
    assert refusal_correct(NA, refused) == 1.0
    assert refusal_correct(ROW, refused) == 0.0 and answer_correct(ROW, refused) == 0.0
    assert answer_correct(NA, refused) is None
    assert citation_precision(NA, ans("x", [("A", 0, 3)])) == (0, 1)  # any citation on NA is wrong


def test_quotes_fabrication_and_retrieval_rank() -> None:
    a = ans("Angara", [("A", 12, 18), ("Z", 0, 1)], passages=("C", "B", "A"))
    assert quotes_exact(a, TEXT) == (1, 2)
    assert fabricated_ids(a, set(TEXT)) == 1
    assert retrieval_rank(ROW, a) == 2


def test_summarise_reports_refusals_apart() -> None:
    rows = []
    for ex, pred in [(ROW, ans("Angara", [("A", 12, 18)])), (NA, ans("Angara", [("A", 12, 18)]))]:
        rows.append(
            {
                "answerable": ex.answerable,
                "latency_s": 1.0,
                "usage": {},
                "scores": {
                    "correct": answer_correct(ex, pred),
                    "precision": citation_precision(ex, pred),
                    "citation_hit": citation_hit(ex, pred),
                    "citation_coverage": citation_coverage(ex, pred),
                    "refusal_correct": refusal_correct(ex, pred),
                    "quotes": quotes_exact(pred, TEXT),
                    "fabricated": fabricated_ids(pred, set(TEXT)),
                    "retrieval_rank": retrieval_rank(ex, pred),
                },
            }
        )
    s = summarise(rows)
    assert s["answer_accuracy"] == 1.0 and s["citation_precision"] == 0.5
    assert s["refused_unanswerable"] == 0.0 and s["answered_answerable"] == 1.0 and s["refusal_accuracy"] == 0.5


def test_wrong_but_cited_and_echoes() -> None:
    from rag.metrics import wrong_but_cited

    assert wrong_but_cited(ROW, ans("Maria", [("A", 0, 10)])) == 1.0  # wrong, shown with a citation
    assert wrong_but_cited(ROW, ans("Angara", [("A", 0, 10)])) == 0.0
    assert wrong_but_cited(ROW, ans("Je ne trouve pas", [], refused=True)) == 0.0  # a refusal is not cited
    assert wrong_but_cited(NA, ans("Canberra", [("C", 0, 5)])) == 1.0  # any cited answer to an unanswerable row
    echo = QARow(
        id="e", question="Où le cargo Angara a-t-il accosté ?", answerable=True, answer_any=["Angara", "Dunai"]
    )
    assert answer_correct(echo, ans("Le cargo Angara.", [("A", 0, 10)])) == 0.0  # only restates the question
    assert answer_correct(echo, ans("À Dunai.", [("A", 0, 10)])) == 1.0


def test_rewordings_are_scored_as_groups() -> None:
    from rag.metrics import _groups

    def r(group: str, answerable: bool, correct: float | None, refused_ok: float) -> dict:
        return {"group": group, "answerable": answerable, "scores": {"correct": correct, "refusal_correct": refused_ok}}

    rows = [
        r("ships", True, 1.0, 1.0),
        r("ships", True, 1.0, 1.0),
        r("ships", True, 0.0, 0.0),  # one wording fails
        r("wapo", True, 1.0, 1.0),
        r("wapo", True, 1.0, 1.0),
        r("price", False, None, 1.0),
        r("price", False, None, 1.0),
        r("trips", True, 0.0, 0.0),
        r("trips", True, 0.0, 1.0),  # wrong both times: consistent, not right
    ]
    g = _groups(rows)
    assert g["groups"] == 4 and g["groups_all_right"] == 0.5 and g["groups_consistent"] == 0.75
    assert _groups([{"answerable": True, "scores": {}}]) == {}  # no rewordings, no group metrics
