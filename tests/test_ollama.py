"""The Ollama backend against a small local server speaking Ollama's documented /api shapes."""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rag import Assistant, BackendError
from rag.llm import OllamaLLM
from rag.settings import Settings

from .conftest import SEEDS, SHIPS, free_port


class FakeOllama(BaseHTTPRequestHandler):
    models = ["qwen2.5:7b"]
    truncate = False  # stop mid-answer, as a crashed or overloaded server does
    seen: list[dict] = []

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass

    def _json(self, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/api/tags":
            self._json({"models": [{"name": m, "model": m} for m in self.models]})
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        req = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeOllama.seen.append(req)
        if self.path != "/api/chat":
            self.send_error(404)
            return
        prompt = req["messages"][-1]["content"]
        if req.get("stream") is False:  # the support verifier: one token, with its log-probabilities
            yes = "Angara" in prompt.split("Question:")[0] and "Angara" in prompt.split("Proposed answer:")[-1]
            lp = [
                {"token": "Yes", "logprob": -0.05 if yes else -3.0},
                {"token": "No", "logprob": -3.0 if yes else -0.05},
            ]
            word = "Yes" if yes else "No"
            self._json(
                {
                    "model": req["model"],
                    "message": {"role": "assistant", "content": word},
                    "logprobs": [{"token": word, "logprob": -0.05, "top_logprobs": lp}],
                    "done": True,
                }
            )
            return
        label = next((int(n) for n, text in re.findall(r"^\[(\d+)\] (.+)$", prompt, re.M) if "Angara" in text), 1)
        answer = json.dumps(
            {"answer": "Les deux navires s'appellent Angara et Maria, chargés à Rajin.", "citations": [label]}
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        if FakeOllama.truncate:
            line = {
                "model": req["model"],
                "created_at": "2026-11-21T00:00:00Z",
                "message": {"role": "assistant", "content": answer[:20]},
                "done": False,
            }
            self.wfile.write((json.dumps(line) + "\n").encode())
            self.wfile.flush()
            self.close_connection = True
            return
        for piece in (answer[:20], answer[20:]):  # streamed in two parts, then the final record
            line = {
                "model": req["model"],
                "created_at": "2026-11-21T00:00:00Z",
                "message": {"role": "assistant", "content": piece},
                "done": False,
            }
            self.wfile.write((json.dumps(line) + "\n").encode())
        final = {
            "model": req["model"],
            "created_at": "2026-11-21T00:00:00Z",
            "message": {"role": "assistant", "content": ""},
            "done": True,
            "done_reason": "stop",
            "prompt_eval_count": 321,
            "eval_count": 17,
        }
        self.wfile.write((json.dumps(final) + "\n").encode())


@pytest.fixture
def ollama_url():  # noqa: ANN201
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOllama)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_answers_through_ollama_with_schema(tmp_path, ollama_url, monkeypatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", ollama_url)
    bot = Assistant.open(data_dir=tmp_path, llm="ollama:qwen2.5:7b", embedder="hash:256")
    bot.ingest(SEEDS)
    a = bot.ask("Comment s'appellent les navires Angara et Maria ?")
    assert not a.refused and [c.article_id for c in a.citations] == [SHIPS]
    # two judge calls: the quote states the answer, and it answers the question
    assert a.usage == {"prompt_tokens": 321, "completion_tokens": 17, "verifier_calls": 2, "drafts": 1}
    assert a.citations[0].support is not None and a.citations[0].support > 0.9
    answering = [r for r in FakeOllama.seen if r.get("stream") is not False][-1]
    assert answering["model"] == "qwen2.5:7b" and answering["format"]["properties"]["citations"]["items"]["enum"]
    judging = [r for r in FakeOllama.seen if r.get("stream") is False][-1]
    assert judging["logprobs"] is True and judging["options"]["num_predict"] == 1


def test_server_down_is_a_fast_clear_error() -> None:
    llm = OllamaLLM("qwen2.5:7b", Settings(ollama_host=f"http://127.0.0.1:{free_port()}"))
    t0 = time.perf_counter()
    with pytest.raises(BackendError, match="ollama serve"):
        llm.preflight()
    assert time.perf_counter() - t0 < 1.0


def test_model_not_pulled_names_the_pull_command(ollama_url) -> None:
    llm = OllamaLLM("llama3.2:1b", Settings(ollama_host=ollama_url))
    t0 = time.perf_counter()
    with pytest.raises(BackendError, match="ollama pull llama3.2:1b"):
        llm.preflight()
    assert time.perf_counter() - t0 < 1.0


def test_truncated_response_is_retried_then_reported(tmp_path, ollama_url, monkeypatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", ollama_url)
    monkeypatch.setattr(FakeOllama, "truncate", True)
    bot = Assistant.open(data_dir=tmp_path, llm="ollama:qwen2.5:7b", embedder="hash:256")
    bot.ingest(SEEDS)
    before = len(FakeOllama.seen)
    with pytest.raises(BackendError, match="Retry|retry"):
        bot.ask("Comment s'appellent les navires Angara et Maria ?")
    assert len(FakeOllama.seen) - before == 2  # asked twice before giving up


def test_the_ollama_verifier_reads_yes_and_no_probabilities(ollama_url) -> None:
    from rag.verify import OllamaVerifier

    v = OllamaVerifier("qwen2.5:7b", Settings(ollama_host=ollama_url))
    p = "Les navires appelés Angara et Maria ont été chargés à Rajin."
    assert v.support(p, "Comment s'appellent les navires ?", "Angara et Maria") > 0.9
    assert v.support(p, "Comment s'appellent les navires ?", "Sibir et Volga") < 0.1
    # the second check sends the passage and question only, and reads the verdict the same way
    assert v.answers(p, "Comment s'appellent les navires ?") > 0.9
    assert v.answers("Les navires ont été chargés à Rajin.", "Comment s'appellent les navires ?") < 0.1
    assert "Proposed answer" not in FakeOllama.seen[-1]["messages"][-1]["content"]
