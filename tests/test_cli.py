"""The `rag` console script: JSON shape, and one clear line (no traceback) for user mistakes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEEDS, SHIPS

RAG = str(Path(sys.executable).with_name("rag"))


def rag(*args: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "RAG_DATA_DIR": str(data_dir),
        "RAG_EMBEDDER": "hash:256",
        "RAG_LLM": "fake:extractive",
        **env,
    }
    return subprocess.run([RAG, *args], capture_output=True, text=True, env=full_env, timeout=300)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("cli")
    out = rag("ingest", str(SEEDS), data_dir=d)
    assert out.returncode == 0, out.stderr
    assert "5 added" in out.stdout
    return d


def test_ingest_twice_reports_unchanged(data_dir) -> None:
    out = rag("ingest", str(SEEDS), data_dir=data_dir)
    assert out.returncode == 0 and "0 added" in out.stdout and "5 unchanged" in out.stdout


def test_ask_json_has_the_documented_shape(data_dir) -> None:
    out = rag("ask", "--json", "Comment s'appellent les navires Angara et Maria ?", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert isinstance(d["answer"], str) and d["refused"] is False
    assert d["citations"] and set(d["citations"][0]) >= {"article_id", "chunk_id", "quote", "start", "end"}
    assert d["citations"][0]["article_id"] == SHIPS


def test_ask_text_lists_each_checked_quote_with_its_offsets(data_dir) -> None:
    d = json.loads(rag("ask", "--json", "Comment s'appellent les navires Angara et Maria ?", data_dir=data_dir).stdout)
    out = rag("ask", "Comment s'appellent les navires Angara et Maria ?", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    c = d["citations"][0]
    assert out.stdout.startswith(d["answer"])
    assert (
        f"[{c['article_id']}] chars {c['start']}-{c['end']}, file chars {c['raw_start']}-{c['raw_end']}" in out.stdout
    )
    assert f"« {c['quote']} »" in out.stdout


def test_claims_text_names_the_outlets_of_each_group(data_dir) -> None:
    groups = json.loads(rag("claims", "--json", data_dir=data_dir).stdout)
    out = rag("claims", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    lines = [x for x in out.stdout.splitlines() if x.startswith("[")]
    assert groups and len(lines) == len(groups)
    assert lines[0].startswith(f"[{len(groups[0]['appearances'])} articles: ")


def test_search_and_inspect(data_dir) -> None:
    out = rag("search", "Tumangang", "-k", "2", data_dir=data_dir)
    assert out.returncode == 0 and "000_24751b8f2254b014#" in out.stdout
    out = rag("inspect", SHIPS, data_dir=data_dir)
    assert out.returncode == 0 and "instruction" in out.stdout and "700 words" in out.stdout


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (("ask", "Q ?"), {"RAG_LLM": "gpt5:large"}, "Valid LLMs: llamacpp:default"),
        (("ask", "Q ?"), {"RAG_EMBEDDER": "bogus"}, "Valid embedders"),
        (("ingest", "/nonexistent/folder"), {}, "No such file or folder"),
        (("ask", "   "), {}, "question is empty"),
        (("inspect", "nope"), {}, "No article 'nope'"),
    ],
)
def test_user_mistakes_print_one_line(data_dir, args, env, message) -> None:
    out = rag(*args, data_dir=data_dir, **env)
    assert out.returncode == 2
    assert message in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_store_not_ingested_yet(tmp_path) -> None:
    out = rag("ask", "Quels navires ?", data_dir=tmp_path)
    assert out.returncode == 2 and "rag ingest" in out.stderr and "Traceback" not in out.stderr


def test_list_and_remove_articles(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    rag = str(Path(sys.executable).with_name("rag"))
    env = {**__import__("os").environ, "RAG_DATA_DIR": str(tmp_path), "RAG_EMBEDDER": "hash:256"}
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert subprocess.run([rag, "ingest", str(seeds)], env=env, capture_output=True).returncode == 0
    out = subprocess.run([rag, "list"], env=env, capture_output=True, text=True)
    assert out.returncode == 0 and "002_b48d77ff83fe8adc" in out.stdout and "passages" in out.stdout
    assert "Báo Quốc Tế" in out.stdout and "Smartencyclopedia" in out.stdout  # outlets read from the pages
    bad = subprocess.run([rag, "remove", "nope"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "rag list" in bad.stderr and "Traceback" not in bad.stderr
    ok = subprocess.run([rag, "remove", "002_b48d77ff83fe8adc"], env=env, capture_output=True, text=True)
    assert ok.returncode == 0 and "removed 1 article" in ok.stdout
    out = subprocess.run([rag, "list", "--json"], env=env, capture_output=True, text=True)
    assert "002_b48d77ff83fe8adc" not in out.stdout and len(__import__("json").loads(out.stdout)) == 4


def test_bad_environment_values_are_one_line(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    rag = str(Path(sys.executable).with_name("rag"))
    env = {**__import__("os").environ, "RAG_DATA_DIR": str(tmp_path)}
    for var, value, says in [("RAG_K", "abc", "RAG_K"), ("RAG_EMBEDDER", "nope:x", "Valid embedders")]:
        out = subprocess.run([rag, "search", "Angara"], env={**env, var: value}, capture_output=True, text=True)
        assert out.returncode == 2 and says in out.stderr and "Traceback" not in out.stderr, out.stderr
