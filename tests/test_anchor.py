"""Quotes are anchored in the article as stored when the answer is shown: moved, gone, or not in
the file as published. Real cleaner (for the raw offsets), no model."""

from rag.anchor import anchor
from rag.articles import read_article
from rag.claims import VersionIndex
from rag.types import Answer, Citation

RAW = "Titre\n\nLe port de Najin a reçu deux navires. Chargement Quelque chose se charge.\n\nIls sont repartis le 14 octobre.\n"


def _article(tmp_path, raw: str):  # noqa: ANN001, ANN202
    path = tmp_path / "a1.txt"
    path.write_text(raw, encoding="utf-8")
    return read_article(path)


def _answer(quote: str, start: int) -> Answer:
    c = Citation("a1", "a1#0", quote, start, start + len(quote))
    return Answer("q", "Le 14 octobre.", False, (c,), (), "fr")


def test_a_quote_that_moved_gets_its_new_offsets_in_the_text_and_the_file(tmp_path) -> None:  # noqa: ANN001
    art = _article(tmp_path, RAW)
    quote = "Ils sont repartis le 14 octobre."
    a = anchor(_answer(quote, 0), lambda aid: art, lambda: VersionIndex.of([]))
    (c,) = a.citations
    assert not a.refused
    assert art.text[c.start : c.end] == quote and art.raw[c.raw_start : c.raw_end] == quote


def test_an_answer_whose_quotes_are_gone_is_refused(tmp_path) -> None:  # noqa: ANN001
    art = _article(tmp_path, RAW)
    a = anchor(_answer("Ils sont repartis le 15 octobre.", 0), lambda aid: art, lambda: VersionIndex.of([]))
    assert a.refused and a.refusal_code == "article_changed" and not a.citations and a.draft == "Le 14 octobre."
    a = anchor(_answer("Ils sont repartis le 14 octobre.", 0), lambda aid: None, lambda: VersionIndex.of([]))
    assert a.refused and a.refusal_code == "article_changed"


def test_a_quote_across_removed_junk_is_not_in_the_file_as_published(tmp_path) -> None:  # noqa: ANN001
    art = _article(tmp_path, RAW)
    joined = art.text[art.text.index("Le port") : art.text.index("repartis") + len("repartis")]
    assert joined in art.text and joined not in art.raw  # the cleaner took the widget out between them
    a = anchor(_answer(joined, art.text.index(joined)), lambda aid: art, lambda: VersionIndex.of([]))
    assert a.refused and a.refusal_code == "article_changed"
