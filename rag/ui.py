"""Gradio chat UI: an adapter over Assistant. `create_app()` builds, `launch()` serves.

Streaming answers in a chat, citations inline as article IDs, and a sources panel showing each
quote highlighted inside its surrounding text, with the full cleaned article one click away.
Every event runs in Gradio's queue; chat history lives in each browser session only.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rag.assistant import Assistant
from rag.errors import RagError
from rag.types import Answer
from rag.ui_render import answer_markdown, chat_text, error_html, escape, sources_html
from rag.ui_trace import provenance_tabs, trace_answer

EXAMPLES = [
    "Comment s'appellent les deux navires qui ont transporté les conteneurs ?",
    "Quel aérodrome Kim Jong Un a-t-il visité en Russie ?",
    "Which ministry said it was almost certain that North Korean munitions reached western Russia?",
    "Quelle est la capitale de l'Australie ?",
]
CSS = """
.sources .source { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; margin: 8px 0; }
.sources .meta { color: #57606a; font-size: 0.9em; }
.sources mark { background: #fff3a3; padding: 0 2px; }
.sources .refusal { border: 2px dashed #cf222e; color: #cf222e; background: #fff5f5; border-radius: 8px; padding: 12px; }
.sources .error { border: 2px solid #bf8700; background: #fff8e1; border-radius: 8px; padding: 12px; }
.trace .source { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; margin: 8px 0; }
.trace .meta { color: #57606a; font-size: 0.9em; }
.trace mark { background: #fff3a3; padding: 0 2px; }
.trace .earliest { background: #1f883d; color: white; border-radius: 4px; padding: 0 6px; font-size: 0.8em; }
.trace .drift td, .trace .drift th { border: 1px solid #d0d7de; padding: 4px 8px; }
.sources details pre { white-space: pre-wrap; font-family: inherit; max-height: 320px; overflow-y: auto; }
"""


def is_loopback(host: str) -> bool:
    """True when only this machine can reach `host`."""
    return host in ("localhost", "::1") or host.startswith("127.")


def create_app(bot: Assistant, allow_upload: bool = True) -> Any:
    """Build the Blocks app (not started). `allow_upload=False` hides adding and removing articles."""
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

    def respond(
        question: str, history: list[dict[str, Any]], k: float, last: dict[str, Any] | None
    ) -> Iterator[tuple[Any, ...]]:
        history = list(history or [])
        # Text typed by a user or quoted from an article is shown as text, never rendered as HTML.
        history.append({"role": "user", "content": escape(question)})
        history.append({"role": "assistant", "content": "…"})
        yield history, "", gr.update(), last
        try:
            for event in bot.stream(question, int(k)):
                if isinstance(event, str):
                    history[-1] = {"role": "assistant", "content": escape(event)}
                    yield history, "", gr.update(), last
                else:
                    names = {aid: bot.article(aid).label for aid in {c.article_id for c in event.citations}}
                    history[-1] = {"role": "assistant", "content": chat_text(event, names)}
                    yield history, "", sources_html(bot, event), {"answer": event}
        except RagError as e:
            history[-1] = {"role": "assistant", "content": f"⚠️ {e}"}
            yield history, "", error_html(str(e)), last

    def export(last: dict[str, Any] | None, kind: str) -> str | None:
        if not last:
            gr.Warning("Ask a question first / Posez d'abord une question.")
            return None
        import json
        import tempfile

        a: Answer = last["answer"]
        suffix = ".md" if kind == "md" else ".json"
        with tempfile.NamedTemporaryFile("w", suffix=suffix, prefix="answer-", delete=False, encoding="utf-8") as f:
            f.write(answer_markdown(bot, a) if kind == "md" else json.dumps(a.to_dict(), ensure_ascii=False, indent=2))
        return f.name

    def corpus_rows() -> list[list[Any]]:
        return [[i.id, i.outlet or i.byline or "", i.date or "", i.passages, i.title] for i in bot.articles()]

    def remove_article(article_id: str) -> tuple[str, Any]:
        try:
            n = bot.remove([article_id.strip()])
        except RagError as e:
            return f"⚠️ {e}", gr.update()
        return f"Removed `{escape(article_id.strip())}` ({n} passages).", corpus_rows()

    def ask_json(question: str, k: float = 5) -> dict[str, Any]:
        """Same JSON as `rag ask --json`."""
        try:
            return bot.ask(question, int(k)).to_dict()
        except RagError as e:
            return {"error": str(e)}

    def upload(files: list[str] | None, progress: Any = gr.Progress()) -> str:  # noqa: B008
        if not files:
            return "Choose .txt or .md files first."
        import hashlib

        folder = bot.settings.data_dir / "uploads"
        folder.mkdir(parents=True, exist_ok=True)
        bad = [Path(f).name for f in files if Path(f).suffix.lower() not in (".txt", ".md")]
        stored = bot.store.records()
        clashes = []
        for f in files:
            name = Path(f).name
            if Path(f).suffix.lower() not in (".txt", ".md"):
                continue
            old = stored.get(Path(f).stem)
            same = old is not None and old.get("content_hash") == hashlib.sha256(Path(f).read_bytes()).hexdigest()
            if old is not None and not same:
                # The article ID is the file name: copying would replace another article's text.
                clashes.append(
                    f"⚠️ {name}: an article with ID `{Path(f).stem}` is already stored (from {old.get('source', '?')}); "
                    "rename the file, or remove that article first"
                )
                continue
            shutil.copy(f, folder / name)
        progress(0.3, desc="Cleaning, chunking and embedding…")
        try:
            r = bot.ingest(folder)
        except RagError as e:
            return f"⚠️ {e}"
        lines = [
            f"Added {len(r.added)}, updated {len(r.updated)}, unchanged {len(r.unchanged)} "
            f"({r.chunks_added} passages indexed)."
        ]
        lines += clashes
        lines += [f"⚠️ {name}: unsupported file type; use .txt or .md" for name in bad]
        lines += [f"⚠️ {Path(p).name}: {why}" for p, why in r.skipped]
        lines += [f"⚠️ {d} duplicates {o}; not indexed twice" for d, o in r.duplicates]
        return "\n\n".join(lines)

    with gr.Blocks(title="provenance-rag") as app:
        gr.Markdown("## provenance-rag\nAnswers from the articles only — every claim cited and quoted.")
        status = gr.Markdown("⏳ Starting…", elem_id="status")
        with gr.Tabs() as tabs:
            with gr.Tab("Ask", id="ask"):
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
                        sources = gr.HTML(
                            '<div class="sources"><i>Cited passages appear here.</i></div>', elem_id="sources"
                        )
                last = gr.State(None)
                with gr.Row():
                    export_md = gr.Button("Export answer (Markdown)", size="sm", elem_id="export-md")
                    export_json = gr.Button("Export answer (JSON)", size="sm", elem_id="export-json")
                    exported = gr.File(label="Export", interactive=False, elem_id="exported")
                trace_btn = gr.Button(
                    "Trace this answer: every article that states it", size="sm", elem_id="trace-answer"
                )
            trace_box, trace_result, trace_file = provenance_tabs(bot)
        with gr.Accordion("Settings and corpus", open=False):
            k = gr.Slider(1, 10, value=bot.settings.k, step=1, label="Passages retrieved (top-k)")
            gr.Markdown(
                f"LLM: `{bot.settings.llm}` · Verifier: `{bot.settings.verifier_spec}` · Embedder: `{bot.embedder_spec}` · "
                f"Store: `{bot.settings.store or bot.settings.data_dir}` (switch with `rag ui --llm/--embedder`)"
            )
            corpus = gr.Dataframe(
                corpus_rows(),
                headers=["ID", "outlet", "date", "passages", "title"],
                interactive=False,
                elem_id="corpus",
            )
            if allow_upload:
                files = gr.File(
                    label="Add articles (.txt, .md)",
                    file_count="multiple",
                    file_types=[".txt", ".md"],
                    elem_id="add-files",
                )
                add = gr.Button("Add to corpus")
                upload_status = gr.Markdown(elem_id="upload-status")
                with gr.Row():
                    remove_id = gr.Textbox(label="Remove article (ID)", elem_id="remove-id")
                    remove_btn = gr.Button("Remove", elem_id="remove")
                remove_status = gr.Markdown(elem_id="remove-status")
                add.click(upload, files, upload_status, api_name="upload").then(corpus_rows, None, corpus)
                remove_btn.click(remove_article, remove_id, [remove_status, corpus], api_visibility="private")
            else:
                gr.Markdown("Adding and removing articles is off on a network-facing server (`rag ui --allow-upload`).")
        question.submit(respond, [question, chat, k, last], [chat, question, sources, last], api_visibility="private")
        export_md.click(lambda s: export(s, "md"), last, exported, api_visibility="private")
        export_json.click(lambda s: export(s, "json"), last, exported, api_visibility="private")
        trace_btn.click(lambda: gr.Tabs(selected="trace"), None, tabs, api_visibility="private").then(
            lambda s: trace_answer(bot, s), last, [trace_box, trace_result, trace_file], api_visibility="private"
        )
        gr.api(ask_json, api_name="ask")
        app.load(load_model, None, status, api_visibility="private")
    return app


def launch(bot: Assistant, host: str = "127.0.0.1", port: int = 7860, allow_upload: bool = True, **kwargs: Any) -> Any:
    """Serve the app offline: no analytics, system fonts only, queue on for concurrent tabs.

    Blocks until stopped, unless `prevent_thread_lock=True` (tests), which returns the app."""
    import gradio as gr

    theme = gr.themes.Default(
        font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]
    )
    app = create_app(bot, allow_upload=allow_upload)
    app.queue(default_concurrency_limit=4).launch(
        server_name=host, server_port=port, theme=theme, css=CSS, footer_links=["api"], **kwargs
    )
    return app
