"""The Chroma connection: an embedded client in the data directory or an HTTP client to a `chroma
run` server, with telemetry off, and collections whose failures become one actionable StoreError.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from rag.errors import ConfigError, StoreError


def connect(store: str | None, data_dir: Path) -> Any:
    """A Chroma client: embedded under `data_dir` when `store` is empty, else the server at its URL."""
    import chromadb  # lazy: heavy import
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if not store:
        path = data_dir / "chroma"
        try:
            path.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(path), settings=settings)
        except OSError as e:  # read-only, a file in the way, disk full
            raise StoreError(
                f"Data directory {path} is not writable ({e.strerror or type(e).__name__}); "
                "pass --data-dir with a writable folder"
            ) from None
    url = urlparse(store)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigError(f"Bad --store {store!r}: give an http(s)://host:port URL of a `chroma run` server")
    try:
        client = chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
        client.heartbeat()
        return client
    except Exception as e:
        raise StoreError(
            f"Chroma server at {store} is not reachable ({type(e).__name__}). Start it with "
            f"`chroma run --path DIR --port {url.port or 8000}` or fix --store."
        ) from None


class Guarded:
    """A Chroma collection whose failures (server gone, disk full) become one actionable StoreError.

    Over HTTP a failed call is retried once after half a second: a server restart or a dropped
    keep-alive connection is the common cause, and the retry is the right fix for it.
    """

    def __init__(self, collection: Any, where: str | None) -> None:
        self._c = collection
        self._where = where

    @property
    def metadata(self) -> dict[str, Any] | None:
        return self._c.metadata  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        fn = getattr(self._c, name)
        if not callable(fn):
            return fn

        def call(*args: Any, **kwargs: Any) -> Any:
            for attempt in (1, 2):
                try:
                    return fn(*args, **kwargs)
                except Exception as e:
                    if self._where and attempt == 1:
                        time.sleep(0.5)
                        continue
                    hint = (
                        f"is the Chroma server at {self._where} still running? Restart `chroma run` and retry"
                        if self._where
                        else "check the data directory (disk space, permissions)"
                    )
                    raise StoreError(f"The store failed during {name} ({type(e).__name__}: {e}); {hint}.") from None
            raise AssertionError("unreachable")

        return call
