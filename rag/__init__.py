"""provenance-rag: answers about news articles from the articles only, with checked citations."""

from rag.assistant import Assistant
from rag.errors import BackendError, ConfigError, InputError, RagError, StoreError
from rag.settings import Settings
from rag.types import Answer, Article, Chunk, Citation, Hit, IngestReport

__all__ = [
    "Answer",
    "Article",
    "Assistant",
    "BackendError",
    "Chunk",
    "Citation",
    "ConfigError",
    "Hit",
    "IngestReport",
    "InputError",
    "RagError",
    "Settings",
    "StoreError",
]
