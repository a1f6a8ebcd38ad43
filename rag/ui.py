"""Gradio chat UI: an adapter over Assistant. `create_app()` builds, `launch()` serves.

Streaming answers in a chat, citations inline as article IDs, and a sources panel showing each
quote highlighted inside its surrounding text, with the full cleaned article one click away.
Every event runs in Gradio's queue; chat history lives in each browser session only.
"""

from __future__ import annotations

import html
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rag.assistant import Assistant
from rag.errors import RagError
from rag.types import Answer

EXAMPLES = [
    "Comment s'appellent les deux navires qui ont transporté les conteneurs ?",
    "Quel aérodrome Kim Jong Un a-t-il visité en Russie ?",
    "Which ministry said it was almost certain that North Korean munitions reached western Russia?",
    "Quelle est la capitale de l'Australie ?",
]
CONTEXT_CHARS = 220  # characters of article text shown around each quote

CSS = """
.sources .source { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; margin: 8px 0; }
.sources .meta { color: #57606a; font-size: 0.9em; }
.sources mark { background: #fff3a3; padding: 0 2px; }
.sources .refusal { border: 2px dashed #cf222e; color: #cf222e; background: #fff5f5; border-radius: 8px; padding: 12px; }
.sources .error { border: 2px solid #bf8700; background: #fff8e1; border-radius: 8px; padding: 12px; }
.sources details pre { white-space: pre-wrap; font-family: inherit; max-height: 320px; overflow-y: auto; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def sources_html(bot: Assistant, answer: Answer) -> str:
    """The evidence panel for one answer: per cited article, metadata and the highlighted quote."""
    if answer.refused:
        reason = _e(f"{answer.refusal_code or ''}: {answer.refusal_reason or ''}".strip(": "))
        return f'<div class="sources"><div class="refusal" id="refusal">⛔ {_e(answer.text)}<br><small>{reason}</small></div></div>'
    parts = ['<div class="sources">']
    for article_id in dict.fromkeys(c.article_id for c in answer.citations):
        art = bot.article(article_id)
        parts.append(
            f'<div class="source" data-article="{_e(article_id)}"><b>{_e(article_id)}</b>'
            f'<div class="meta">{_e(art.title)} · {_e(art.date or "date inconnue")}</div>'
        )
        cites = sorted((c for c in answer.citations if c.article_id == article_id), key=lambda c: c.start)
        for c in cites:
            before = art.text[max(0, c.start - CONTEXT_CHARS) : c.start]
            after = art.text[c.end : c.end + CONTEXT_CHARS]
            parts.append(f'<p>…{_e(before)}<mark class="quote">{_e(art.text[c.start : c.end])}</mark>{_e(after)}…</p>')
            checked = f"verified: P(yes) {c.support:.2f}" if c.support is not None else ""
            where = f"file characters {c.raw_start}–{c.raw_end}" if c.raw_start is not None else ""
            parts.append(f'<div class="meta check">{_e(" · ".join(x for x in (checked, where) if x))}</div>')
        full, last = [], 0
        for c in cites:
            if c.start >= last:
                full += [_e(art.text[last : c.start]), f"<mark>{_e(art.text[c.start : c.end])}</mark>"]
                last = c.end
        full.append(_e(art.text[last:]))
        parts.append(f"<details><summary>Full cleaned article</summary><pre>{''.join(full)}</pre></details></div>")
    parts.append("</div>")
    return "".join(parts)


def _chat_text(answer: Answer) -> str:
    if answer.refused:
        return f"⛔ {_e(answer.text)}"
    ids = ", ".join(f"`{a}`" for a in dict.fromkeys(c.article_id for c in answer.citations))
    return f"{_e(answer.text)}\n\nSources: {ids}"


def _error_html(message: str) -> str:
    return f'<div class="sources"><div class="error" id="error">⚠️ {_e(message)}</div></div>'


def create_app(bot: Assistant) -> Any:
    """Build the Blocks app (not started)."""
    import gradio as gr  # lazy: heavy import

    model_ready = threading.Event()

    def load_model() -> Iterator[str]:
        if not model_ready.is_set():
            yield f"⏳ Loading the language model `{bot.settings.llm}` (first start only)…"
            try:
                _ = bot.llm
            except RagError as e:
                yield f"⚠️ Model unavailable: {e}"
                return
            model_ready.set()
        yield f"✅ Ready · LLM `{bot.settings.llm}` · embedder `{bot.embedder_spec}` · {bot.store.count()} passages indexed"

    def respond(question: str, history: list[dict[str, Any]], k: float) -> Iterator[tuple[Any, ...]]:
        history = list(history or [])
        # Text typed by a user or quoted from an article is shown as text, never rendered as HTML.
        history.append({"role": "user", "content": _e(question)})
        history.append({"role": "assistant", "content": "…"})
        yield history, "", gr.update()
        try:
            for event in bot.stream(question, int(k)):
                if isinstance(event, str):
                    history[-1] = {"role": "assistant", "content": _e(event)}
                    yield history, "", gr.update()
                else:
                    history[-1] = {"role": "assistant", "content": _chat_text(event)}
                    yield history, "", sources_html(bot, event)
        except RagError as e:
            history[-1] = {"role": "assistant", "content": f"⚠️ {e}"}
            yield history, "", _error_html(str(e))

    def ask_json(question: str, k: float = 5) -> dict[str, Any]:
        """Same JSON as `rag ask --json`."""
        try:
            return bot.ask(question, int(k)).to_dict()
        except RagError as e:
            return {"error": str(e)}

    def upload(files: list[str] | None, progress: Any = gr.Progress()) -> str:  # noqa: B008
        if not files:
            return "Choose .txt or .md files first."
        folder = bot.settings.data_dir / "uploads"
        folder.mkdir(parents=True, exist_ok=True)
        bad = [Path(f).name for f in files if Path(f).suffix.lower() not in (".txt", ".md")]
        for f in files:
            if Path(f).suffix.lower() in (".txt", ".md"):
                shutil.copy(f, folder / Path(f).name)
        progress(0.3, desc="Cleaning, chunking and embedding…")
        try:
            r = bot.ingest(folder)
        except RagError as e:
            return f"⚠️ {e}"
        lines = [
            f"Added {len(r.added)}, updated {len(r.updated)}, unchanged {len(r.unchanged)} "
            f"({r.chunks_added} passages indexed)."
        ]
        lines += [f"⚠️ {name}: unsupported file type; use .txt or .md" for name in bad]
        lines += [f"⚠️ {Path(p).name}: {why}" for p, why in r.skipped]
        lines += [f"⚠️ {d} duplicates {o}; not indexed twice" for d, o in r.duplicates]
        return "\n\n".join(lines)

    with gr.Blocks(title="provenance-rag") as app:
        gr.Markdown("## provenance-rag\nAnswers from the articles only — every claim cited and quoted.")
        status = gr.Markdown("⏳ Starting…", elem_id="status")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Chat", height=460, elem_id="chat")
                question = gr.Textbox(
                    placeholder="Posez une question sur les articles… / Ask about the articles…",
                    show_label=False,
                    elem_id="question",
                    submit_btn=True,
                )
                gr.Examples(EXAMPLES, inputs=question, label="Examples")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML('<div class="sources"><i>Cited passages appear here.</i></div>', elem_id="sources")
        with gr.Accordion("Settings and corpus", open=False):
            k = gr.Slider(1, 10, value=bot.settings.k, step=1, label="Passages retrieved (top-k)")
            gr.Markdown(
                f"LLM: `{bot.settings.llm}` · Embedder: `{bot.embedder_spec}` · "
                f"Store: `{bot.settings.store or bot.settings.data_dir}` (switch with `rag ui --llm/--embedder`)"
            )
            files = gr.File(label="Add articles (.txt, .md)", file_count="multiple", file_types=[".txt", ".md"])
            add = gr.Button("Add to corpus")
            upload_status = gr.Markdown(elem_id="upload-status")
        question.submit(respond, [question, chat, k], [chat, question, sources], api_visibility="private")
        add.click(upload, files, upload_status, api_name="upload")
        gr.api(ask_json, api_name="ask")
        app.load(load_model, None, status, api_visibility="private")
    return app


def launch(bot: Assistant, host: str = "127.0.0.1", port: int = 7860, **kwargs: Any) -> Any:
    """Serve the app offline: no analytics, system fonts only, queue on for concurrent tabs.

    Blocks until stopped, unless `prevent_thread_lock=True` (tests), which returns the app."""
    import gradio as gr

    theme = gr.themes.Default(
        font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]
    )
    app = create_app(bot)
    app.queue(default_concurrency_limit=4).launch(
        server_name=host, server_port=port, theme=theme, css=CSS, footer_links=["api"], **kwargs
    )
    return app
