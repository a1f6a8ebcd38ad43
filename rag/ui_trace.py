"""The UI's provenance tabs: "Trace a claim" (every article that states it) and "Claims of the corpus".

Built inside `rag.ui.create_app`'s Blocks; each event calls the Assistant and renders HTML. Article
text is always escaped: quotes and sources are shown as text, never as markup.
"""

from __future__ import annotations

import html
import json
import tempfile
from typing import Any

from rag.assistant import Assistant
from rag.errors import RagError
from rag.trace import Trace
from rag.trace_render import STANCE_LABEL, by_line, short_title, to_dict


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def trace_html(t: Trace) -> str:
    """One card per article (oldest first, earliest marked), then drift side by side and the source chain."""
    if not t.appearances:
        return f'<div class="trace"><div class="refusal" id="trace-none">No article states this claim. {_e(t.refusal_reason or "")}</div></div>'
    parts = [f'<div class="trace"><p><b>Claim:</b> {_e(t.claim)}</p>']
    parts.append(f'<p id="trace-count"><b>Stated in {len(t.appearances)} article(s)</b>, oldest first.</p>')
    for a in t.appearances:
        badge = ' <span class="earliest">earliest</span>' if a.earliest else ""
        who = "; ".join(f"{s.source} ({s.cue})" for s in a.sources) or "no source named in the sentence"
        parts.append(
            f'<div class="source" data-article="{_e(a.article_id)}" data-stance="{_e(a.stance)}">'
            f"<b>{_e(a.outlet or short_title(a.title))}</b>{badge}"
            f'<div class="meta">{_e(a.date or "undated")}{_e(by_line(a))} · <code>{_e(a.article_id)}</code> · '
            f"{_e(STANCE_LABEL[a.stance])}</div>"
            f'<p><mark class="quote">{_e(a.quote)}</mark></p>'
            + (f'<div class="meta read-as">read as: « {_e(a.read_as)} »</div>' if a.read_as else "")
            + f'<div class="meta">attributed to: <span class="attribution">{_e(who)}</span> · verified P(yes) '
            f"{a.support:.2f} · characters {a.start}–{a.end}</div></div>"
        )
    for d in t.drifts:
        cells = "".join(f"<td>« {_e(text)} »<br><small>{_e(', '.join(ids))}</small></td>" for text, ids in d.versions)
        parts.append(f'<table class="drift"><tr><th>Drift</th>{cells}</tr></table>')
    if links := [s for s in t.chain if s.role != "denied by"]:
        steps = " → ".join(f"{_e(s.name)} <small>({_e(s.role)})</small>" for s in links)
        parts.append(f'<p class="chain"><b>Source chain:</b> {steps}</p>')
    for s in t.chain:
        if s.role == "denied by":  # no link of the chain: who contests it, and where
            parts.append(
                f'<p class="chain"><b>Denied by:</b> {_e(s.name)} <small>({_e(", ".join(s.article_ids))})</small></p>'
            )
    parts.append("</div>")
    return "".join(parts)


def _save(data: object, prefix: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix=prefix, delete=False, encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
    return f.name


def provenance_tabs(bot: Assistant) -> tuple[Any, Any, Any]:
    """Add the two tabs to the current `gr.Tabs`; return the trace tab's claim box, result and file."""
    import gradio as gr

    def run_trace(claim: str) -> tuple[str, Any]:
        try:
            t = bot.trace(claim)
        except RagError as e:
            return f'<div class="trace"><div class="error" id="error">⚠️ {_e(e)}</div></div>', None
        return trace_html(t), _save(to_dict(t), "trace-")

    def run_claims() -> tuple[list[list[Any]], Any]:
        from rag.claims import claim_review

        try:
            groups = bot.claims()
        except RagError as e:
            gr.Warning(str(e))
            return [], None
        rows = [
            [
                g.claim,
                len(g.appearances),
                ", ".join(a.outlet or a.article_id for a in g.appearances),
                "; ".join(dict.fromkeys(s.source for a in g.appearances for s in a.sources)),
                " | ".join(" vs ".join(f"« {t} »" for t, _ in d.versions) for d in g.drifts),
            ]
            for g in groups
        ]
        return rows, _save([claim_review(g) for g in groups], "claimreview-")

    with gr.Tab("Trace a claim", id="trace"):
        gr.Markdown(
            "Paste a claim (or ask a question about one): every article that states it, the exact sentence, "
            "who the article attributes it to, which outlet had it first, and how the figures drift."
        )
        claim = gr.Textbox(
            placeholder="La Corée du Nord a envoyé plus de 1 000 conteneurs d'armes à la Russie",
            show_label=False,
            elem_id="trace-claim",
            submit_btn="Trace",
        )
        result = gr.HTML('<div class="trace"><i>The trace appears here.</i></div>', elem_id="trace-result")
        download = gr.File(label="Trace (JSON)", interactive=False, elem_id="trace-json")
        claim.submit(run_trace, claim, [result, download], api_name="trace")
    with gr.Tab("Claims of the corpus", id="claims"):
        gr.Markdown(
            "Sentences printed in close versions by several articles (grouped by similarity; trace one to verify it)."
        )
        find = gr.Button("Find the main claims", elem_id="claims-run")
        table = gr.Dataframe(
            headers=["claim", "articles", "outlets", "sources named", "drift"], interactive=False, elem_id="claims"
        )
        review = gr.File(label="ClaimReview JSON", interactive=False, elem_id="claims-json")
        find.click(run_claims, None, [table, review], api_name="claims")
    return claim, result, download


def trace_answer(bot: Assistant, last: dict[str, Any] | None) -> tuple[str, str, Any]:
    """The Ask tab's "Trace this answer": every article stating the last answer, without asking again."""
    if not last:
        return "", '<div class="trace"><i>Ask a question first.</i></div>', None
    a = last["answer"]
    try:
        t = bot.trace(a.question, answer=a)
    except RagError as e:
        return a.question, f'<div class="trace"><div class="error" id="error">⚠️ {_e(e)}</div></div>', None
    return a.question, trace_html(t), _save(to_dict(t), "trace-")
