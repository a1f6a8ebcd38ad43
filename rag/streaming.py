"""An answer shown as the model writes it: the draft's JSON read for its "answer" string token by
token, on a worker thread, then the checked Answer once the checks are done."""

from __future__ import annotations

import json
import queue
import re
import threading
from collections.abc import Callable, Iterator

from rag.llm import OnToken
from rag.types import Answer


def streamed(answers: Callable[[OnToken], Iterator[Answer]]) -> Iterator[str | Answer]:
    """Yield the answer text as it grows (str), then the checked Answer `answers` gives as the last item."""
    events: queue.Queue[tuple[str, object]] = queue.Queue()
    raw: list[str] = []

    def on_token(tok: str) -> None:
        raw.append(tok)
        events.put(("text", partial_answer("".join(raw))))

    def work() -> None:
        try:
            for a in answers(on_token):
                events.put(("done", a))
        except BaseException as e:  # re-raised in the consumer's thread
            events.put(("error", e))

    threading.Thread(target=work, daemon=True).start()
    last = ""
    while True:
        kind, value = events.get()
        if kind == "text" and isinstance(value, str) and value != last:
            last = value
            yield value
        elif kind == "done" and isinstance(value, Answer):
            yield value
            return
        elif kind == "error" and isinstance(value, BaseException):
            raise value


_ANSWER_FIELD = re.compile(r'"answer"\s*:\s*"((?:[^"\\]|\\.)*)')


def partial_answer(raw_json: str) -> str:
    """The "answer" string of a JSON object still being generated: '{"answer": "Les na' -> 'Les na'."""
    m = _ANSWER_FIELD.search(raw_json)
    if not m:
        return ""
    body = m.group(1)
    body = body[:-1] if body.endswith("\\") else body
    try:
        return str(json.loads(f'"{body}"'))
    except ValueError:
        return body
