"""Shared fixtures: real Chroma in tmp dirs, the real default embedder, and (session-wide) the real LLM."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
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


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_chroma(path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start a real `chroma run` server on a free port; return it with its URL once it answers."""
    import httpx

    port = free_port()
    exe = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("chroma run did not start within 60 s")
