"""Shared fixtures: real Chroma in tmp dirs, the real default embedder, and (session-wide) the real LLM."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rag.settings import quiet_environment

quiet_environment()
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# The assembled GGUF (1.1 GB) is shared by every test store instead of living in each tmp dir.
MODEL_DIR = Path(os.environ.setdefault("RAG_MODEL_DIR", str(Path.home() / ".cache" / "provenance-rag" / "models")))
SHIPS = "002_b48d77ff83fe8adc"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the seed corpus that a test may change."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture
def fake_bot(tmp_path: Path):  # noqa: ANN201
    """Assistant on a real Chroma with the seeded hashing embedder and the extractive fake LLM."""
    from rag import Assistant

    bot = Assistant.open(data_dir=tmp_path / "data", llm="fake:extractive", embedder="hash:512")
    bot.ingest(SEEDS)
    return bot


@pytest.fixture(scope="session")
def real_bot(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The default stack users run: usem embedder, embedded llama.cpp model, seeds ingested."""
    from rag import Assistant

    bot = Assistant.open(
        data_dir=tmp_path_factory.mktemp("real"), llm="llamacpp:default", embedder="usem:multilingual-v3", settings=None
    )
    bot.ingest(SEEDS)
    return bot
