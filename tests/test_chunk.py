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
