"""One frozen Settings value, built from arguments and the environment, passed explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_LLM = "llamacpp:default"
DEFAULT_EMBEDDER = "usem:multilingual-v3"

# Offline and quiet: nothing here may reach a model hub or a telemetry endpoint.
QUIET_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ORT_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}


def quiet_environment() -> None:
    """Set the offline/no-telemetry variables unless the user set them already."""
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)


def _int_env(name: str, default: int) -> int:
    """A whole-number RAG_* variable; anything else is one clear line, not a traceback."""
    from rag.errors import ConfigError

    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number; set e.g. {name}={default} or unset it") from None
    if value < 0:
        raise ConfigError(f"{name}={raw!r} must be 0 or more")
    return value


@dataclass(frozen=True)
class Settings:
    """Where data lives and which backends answer. `store` is None (embedded) or an http URL."""

    data_dir: Path = Path(".data")
    llm: str = DEFAULT_LLM
    embedder: str = DEFAULT_EMBEDDER
    store: str | None = None
    k: int = 5
    focus: int = 0  # sentences per passage shown to the model (0: whole passages); see rag/focus.py
    model_dir: Path | None = None  # where the assembled GGUF is cached; default data_dir/models
    ollama_host: str = "http://127.0.0.1:11434"
    collection: str = "articles"
    verifier: str | None = None  # support verifier spec; None: the one matching `llm` (see verifier_spec)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then RAG_* environment variables, then explicit non-None overrides."""
        env = os.environ
        base = cls(
            data_dir=Path(env.get("RAG_DATA_DIR", ".data")),
            llm=env.get("RAG_LLM", DEFAULT_LLM),
            embedder=env.get("RAG_EMBEDDER", DEFAULT_EMBEDDER),
            store=env.get("RAG_STORE") or None,
            k=_int_env("RAG_K", 5),
            focus=_int_env("RAG_FOCUS", 0),
            model_dir=Path(env["RAG_MODEL_DIR"]) if env.get("RAG_MODEL_DIR") else None,
            ollama_host=env.get("OLLAMA_HOST", "http://127.0.0.1:11434"),
            verifier=env.get("RAG_VERIFIER") or None,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "data_dir" in given:
            given["data_dir"] = Path(str(given["data_dir"]))
        if "model_dir" in given:
            given["model_dir"] = Path(str(given["model_dir"]))
        return replace(base, **given)  # type: ignore[arg-type]

    @property
    def verifier_spec(self) -> str:
        """The verifier: RAG_VERIFIER/--verifier, else the judge matching the answering LLM
        (llamacpp:X -> llamacpp:X, ollama:X -> ollama:X, fake:* -> fake:overlap)."""
        if self.verifier:
            return self.verifier
        backend = self.llm.partition(":")[0]
        return "fake:overlap" if backend == "fake" else self.llm

    @property
    def models_path(self) -> Path:
        """Folder holding assembled model files."""
        return self.model_dir or self.data_dir / "models"
