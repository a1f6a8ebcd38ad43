"""LLM backends: one-method Protocol, picked by spec (`llamacpp:default`, `ollama:qwen2.5:7b`, `fake:extractive`)."""

from __future__ import annotations

import json
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from rag.errors import BackendError, ConfigError
from rag.settings import Settings

OnToken = Callable[[str], None]


@dataclass(frozen=True)
class Completion:
    """Raw model output (a JSON string when a schema was given) and token counts if known."""

    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cached_tokens: int | None = None  # prompt tokens reused from the previous call's KV cache


class LLM(Protocol):
    """Chat completion constrained to a JSON schema; `on_token` receives text as it streams."""

    spec: str

    def complete(
        self, messages: list[dict[str, str]], schema: dict[str, Any], on_token: OnToken | None = None
    ) -> Completion: ...


def load_gguf(name: str, settings: Settings) -> Any:
    """A llama.cpp model: `default` is the packaged Qwen2.5-Coder-1.5B, any other name a GGUF path.

    Each call makes its own context (the answering LLM and the verifier each keep their KV cache);
    the weights are memory-mapped, so the second load shares the first one's pages.
    """
    from rag.embed import cpu_count
    from rag.model_files import default_model

    if name == "default":
        path = default_model(settings.models_path, progress=sys.stderr.isatty())
    else:
        path = Path(name).expanduser()
        if not path.is_file():
            raise ConfigError(f"GGUF file not found: {path}. Use llamacpp:default or llamacpp:/path/to/model.gguf")
    try:
        from llama_cpp import Llama  # lazy: loads the native library
    except ImportError:
        raise BackendError("llama-cpp-python is not installed: run `pip install -e .`") from None
    try:
        return Llama(
            model_path=str(path),
            n_ctx=4096,
            n_batch=512,
            n_threads=cpu_count(),
            # flash_attn=True prefills ~10% faster here, but changed 5 of 51 answers and cost
            # one citation (precision 0.973 -> 0.946) in eval: left off.
            verbose=False,
            seed=0,
        )
    except Exception as e:
        raise BackendError(
            f"Cannot load GGUF model {path}: {e}. Delete it to re-assemble, or pass another path."
        ) from None


class LlamaCppLLM:
    """llama.cpp in-process. `default` is the packaged Qwen2.5-Coder-1.5B; any other name is a GGUF path."""

    def __init__(self, name: str, settings: Settings) -> None:
        self.spec = f"llamacpp:{name}"
        self._llama = load_gguf(name, settings)
        # One model, many threads (UI sessions): llama.cpp contexts are not re-entrant.
        self._lock = threading.Lock()

    def complete(
        self, messages: list[dict[str, str]], schema: dict[str, Any], on_token: OnToken | None = None
    ) -> Completion:
        with self._lock:
            before = self._llama.input_ids[: self._llama.n_tokens].tolist()
            stream = self._llama.create_chat_completion(
                messages=messages,  # type: ignore[arg-type]
                response_format={"type": "json_object", "schema": schema},
                temperature=0.0,
                max_tokens=256,
                stream=True,
            )
            parts: list[str] = []
            for event in stream:
                delta: Any = cast(Any, event)["choices"][0]["delta"].get("content")
                if delta:
                    parts.append(delta)
                    if on_token:
                        on_token(delta)
            completion_tokens = len(parts)
            prompt_tokens = max(0, int(self._llama.n_tokens) - completion_tokens)
            cached = _common_prefix(before, self._llama.input_ids[:prompt_tokens].tolist())
        return Completion("".join(parts), prompt_tokens, completion_tokens, cached)


def _common_prefix(a: list[int], b: list[int]) -> int:
    """How many leading tokens two prompts share (llama.cpp re-evaluates only the rest)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class OllamaLLM:
    """An Ollama server through langchain-ollama, with JSON-schema output; OLLAMA_HOST respected."""

    def __init__(self, model: str, settings: Settings) -> None:
        if not model:
            raise ConfigError("Name the Ollama model: --llm ollama:qwen2.5:7b")
        self.spec = f"ollama:{model}"
        self.model = model
        self.host = settings.ollama_host if "://" in settings.ollama_host else f"http://{settings.ollama_host}"

    def preflight(self) -> None:
        """Fail in about a second with the fix when the server is down or the model is not pulled."""
        import httpx

        try:
            resp = httpx.get(f"{self.host.rstrip('/')}/api/tags", timeout=1.0)
            resp.raise_for_status()
            names = {m.get("name", "") for m in resp.json().get("models", [])}
        except (httpx.HTTPError, ValueError) as e:
            raise BackendError(
                f"Ollama is not reachable at {self.host} ({type(e).__name__}): start it with `ollama serve`, "
                "or set OLLAMA_HOST to where it runs."
            ) from None
        wanted = {self.model, f"{self.model}:latest"}
        if not names & wanted:
            raise BackendError(
                f"Ollama model {self.model!r} is not pulled on {self.host}: run `ollama pull {self.model}`."
            )

    def complete(
        self, messages: list[dict[str, str]], schema: dict[str, Any], on_token: OnToken | None = None
    ) -> Completion:
        from langchain_ollama import ChatOllama  # lazy

        self.preflight()
        chat = ChatOllama(
            model=self.model,
            base_url=self.host,
            format=schema,
            temperature=0,
            num_predict=400,
            client_kwargs={"timeout": 120},
        )
        parts: list[str] = []
        usage: dict[str, Any] = {}
        try:
            for chunk in chat.stream([(m["role"], m["content"]) for m in messages]):
                text = chunk.content if isinstance(chunk.content, str) else ""
                if text:
                    parts.append(text)
                    if on_token:
                        on_token(text)
                if getattr(chunk, "usage_metadata", None):
                    usage = dict(chunk.usage_metadata or {})
        except Exception as e:
            raise BackendError(
                f"Ollama request failed ({type(e).__name__}: {e}); check the server log and retry."
            ) from None
        return Completion("".join(parts), usage.get("input_tokens"), usage.get("output_tokens"))


class FakeLLM:
    """Deterministic extractive stand-in for logic tests and the eval's baseline.

    Picks the passage sharing the most words with the question and answers with its best
    sentence. `fake:refuse` cites nothing, `fake:inject` cites a label that was not retrieved.
    """

    def __init__(self, mode: str, settings: Settings | None = None) -> None:
        if mode not in ("extractive", "refuse", "inject"):
            raise ConfigError("Unknown fake mode; use fake:extractive, fake:refuse or fake:inject")
        self.spec = f"fake:{mode}"
        self.mode = mode

    def complete(
        self, messages: list[dict[str, str]], schema: dict[str, Any], on_token: OnToken | None = None
    ) -> Completion:
        from rag.lexical import tokens

        prompt = messages[-1]["content"]
        question = prompt.rsplit("QUESTION:", 1)[-1]
        passages = re.findall(r"^\[(\d+)\] (?:\([^)]*\) )?(.+)$", prompt, flags=re.M)
        q = set(tokens(question))
        best = max(passages, key=lambda p: len(q & set(tokens(p[1]))), default=None)
        if self.mode == "refuse" or best is None:
            out = json.dumps({"answer": "", "citations": []})
        elif self.mode == "inject":
            out = json.dumps({"answer": "PWNED", "citations": [99]})
        else:
            sentences = re.split(r"(?<=[.!?»])\s+", best[1])
            sent = max(sentences, key=lambda s: len(q & set(tokens(s))))
            out = json.dumps({"answer": sent, "citations": [int(best[0])]}, ensure_ascii=False)
        if on_token:
            on_token(out)
        return Completion(out, len(prompt) // 4, len(out) // 4)


LLMS: dict[str, tuple[Callable[[str, Settings], LLM], str]] = {
    "llamacpp": (LlamaCppLLM, "default"),
    "ollama": (OllamaLLM, "qwen2.5:7b"),
    "fake": (FakeLLM, "extractive"),
}

_cache: dict[tuple[str, str, Path, str], Any] = {}
_cache_lock = threading.Lock()


def build_once(
    kind: str,
    spec: str,
    registry: dict[str, tuple[Callable[[str, Settings], Any], str]],
    settings: Settings,
    hint: str = "",
) -> Any:
    """The backend `spec` names in `registry`, built once per process (per kind, spec, model dir and
    Ollama host); an unknown backend is an error listing the valid specs."""
    backend, _, name = spec.partition(":")
    if backend not in registry:
        valid = ", ".join(f"{k}:{v[1]}" for k, v in registry.items())
        raise ConfigError(f"Unknown {kind} {spec!r}. Valid {kind}s: {valid}{hint}")
    key = (kind, f"{backend}:{name or registry[backend][1]}", settings.models_path, settings.ollama_host)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = registry[backend][0](name or registry[backend][1], settings)
        return _cache[key]


def get_llm(spec: str, settings: Settings) -> LLM:
    """Build (once per process, per spec) the LLM named by `spec`; unknown specs list the valid ones."""
    llm: LLM = build_once("LLM", spec, LLMS, settings, " (llamacpp also takes a GGUF path)")
    return llm
