from pathlib import Path

from rag.articles import read_article
from rag.chunk import MAX_CHARS, chunk

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_chunks_are_exact_bounded_overlapping_and_stable() -> None:
    for file in sorted(SEEDS.glob("*.txt")):
        a = read_article(file)
        chunks = chunk(a)
        assert chunks, file
        for n, c in enumerate(chunks):
            assert c.id == f"{a.id}#{n}"
            assert a.text[c.start : c.end] == c.text  # offsets point into the cleaned article
            assert len(c.text) <= MAX_CHARS + 1
        # every character of the article that is not whitespace is in some chunk
        covered = set()
        for c in chunks:
            covered.update(range(c.start, c.end))
        assert all(i in covered for i, ch in enumerate(a.text) if not ch.isspace())
        # overlap: consecutive chunks share a sentence somewhere in the article
        assert any(chunks[i].end > chunks[i + 1].start for i in range(len(chunks) - 1)) or len(chunks) == 1
        assert [c.content_hash for c in chunk(a)] == [c.content_hash for c in chunks]


def test_a_sentence_that_names_again_or_says_le_fera_refers_back() -> None:
    """corpus10: "Me Lebrun … a indiqué qu'il le ferait" (to appeal, said the sentence before); "The
    63-year-old was also fined …" (the landlord the sentence before names)."""
    from rag.chunk import refers_back

    assert refers_back("Me Antoine Lebrun, l'avocat du prévenu, a indiqué qu'il le ferait sans attendre.")
    assert refers_back("The 63-year-old was also fined €75,000 and ordered to pay damages to the families.")
    assert refers_back("Le sexagénaire devra aussi verser des dommages et intérêts aux familles des victimes.")
    assert refers_back("His lawyer said he would do so before the end of the month, according to the court.")
    assert not refers_back(
        "Le tribunal correctionnel de Montclar a condamné jeudi Gérard Vasseur à quatre ans de prison."
    )
    assert not refers_back("Le maire a fait voter le budget de la commune pour l'année prochaine en conseil.")
