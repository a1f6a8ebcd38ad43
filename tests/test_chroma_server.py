"""A real `chroma run` server started by the test, used through --store URL."""

from __future__ import annotations

import time

import pytest

from rag import Assistant, StoreError

from .conftest import SEEDS, free_port, start_chroma


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):  # noqa: ANN201
    proc, url = start_chroma(tmp_path_factory.mktemp("chroma"))
    yield url
    proc.terminate()
    proc.wait(10)


def test_ingest_and_answer_through_a_chroma_server(tmp_path, chroma_url) -> None:
    bot = Assistant.open(data_dir=tmp_path, store=chroma_url, llm="fake:extractive", embedder="hash:256")
    report = bot.ingest(SEEDS)
    assert len(report.added) == 5
    again = Assistant.open(data_dir=tmp_path / "other", store=chroma_url, llm="fake:extractive", embedder="hash:256")
    assert len(again.ingest(SEEDS).unchanged) == 5  # the state lives in the server, not the data dir
    hits = again.search("Tumangang gare ferroviaire", 3)
    assert any("Tumangang" in h.chunk.text for h in hits)
    a = again.ask("Tumangang gare ferroviaire trafic ?")
    assert not a.refused and a.citations


def test_unreachable_server_is_a_clear_error(tmp_path) -> None:
    t0 = time.perf_counter()
    with pytest.raises(StoreError, match="chroma run"):
        Assistant.open(data_dir=tmp_path, store=f"http://127.0.0.1:{free_port()}", embedder="hash:256")
    assert time.perf_counter() - t0 < 5


def test_server_going_away_mid_session_is_one_clear_error(tmp_path) -> None:
    proc, url = start_chroma(tmp_path / "c")
    bot = Assistant.open(data_dir=tmp_path, store=url, llm="fake:extractive", embedder="hash:256")
    bot.ingest(SEEDS)
    proc.kill()
    proc.wait(10)
    with pytest.raises(StoreError, match="still running"):
        bot.ask("Tumangang gare ferroviaire ?")


def test_store_from_an_older_schema_says_what_to_do(tmp_path) -> None:
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"), settings=Settings(anonymized_telemetry=False))
    client.create_collection("articles_chunks", metadata={"embedder": "hash:256", "schema": 0}, embedding_function=None)
    with pytest.raises(StoreError, match="schema 0.*rag ingest"):
        Assistant.open(data_dir=tmp_path, embedder="hash:256")
