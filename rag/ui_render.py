"""What the chat UI shows for an answer: the evidence panel (each quote highlighted in its
surrounding text, the full cleaned article one click away), the chat message with its own sources,
and the Markdown export. Plain functions of an Answer; `rag.ui` wires them to Gradio.
"""

from __future__ import annotations

import html

from rag.assistant import Assistant
from rag.types import Answer

CONTEXT_CHARS = 220  # characters of article text shown around each quote


def escape(text: str) -> str:
    """Text as HTML text: a user's question or an article's words are shown, never rendered."""
    return html.escape(text, quote=True)


def sources_html(bot: Assistant, answer: Answer) -> str:
    """The evidence panel for one answer: per cited article, metadata and the highlighted quote."""
    if answer.refused:
        reason = escape(f"{answer.refusal_code or ''}: {answer.refusal_reason or ''}".strip(": "))
        return f'<div class="sources"><div class="refusal" id="refusal">⛔ {escape(answer.text)}<br><small>{reason}</small></div></div>'
    parts = ['<div class="sources">']
    for article_id in dict.fromkeys(c.article_id for c in answer.citations):
        art = bot.article(article_id)
        link = f' · <a href="{escape(art.url)}" target="_blank" rel="noopener">{escape(art.url)}</a>' if art.url else ""
        parts.append(
            f'<div class="source" data-article="{escape(article_id)}"><b>{escape(art.outlet or art.byline or art.title)}</b>'
            f'<div class="meta">{escape(art.title)} · {escape(art.date or LABELS.get(answer.language, LABELS["en"])["unknown_date"])}'
            f" · <code>{escape(article_id)}</code>{link}</div>"
        )
        cites = sorted((c for c in answer.citations if c.article_id == article_id), key=lambda c: c.start)
        for c in cites:
            before = art.text[max(0, c.start - CONTEXT_CHARS) : c.start]
            after = art.text[c.end : c.end + CONTEXT_CHARS]
            parts.append(
                f'<p>…{escape(before)}<mark class="quote">{escape(art.text[c.start : c.end])}</mark>{escape(after)}…</p>'
            )
            checked = f"verified: P(yes) {c.support:.2f}" if c.support is not None else ""
            where = f"file characters {c.raw_start}–{c.raw_end}" if c.raw_start is not None else ""
            who = "attributed to " + "; ".join(f"{s.source} ({s.cue})" for s in c.sources) if c.sources else ""
            parts.append(f'<div class="meta check">{escape(" · ".join(x for x in (who, checked, where) if x))}</div>')
        full, last = [], 0
        for c in cites:
            if c.start >= last:
                full += [escape(art.text[last : c.start]), f"<mark>{escape(art.text[c.start : c.end])}</mark>"]
                last = c.end
        full.append(escape(art.text[last:]))
        parts.append(f"<details><summary>Full cleaned article</summary><pre>{''.join(full)}</pre></details></div>")
    parts.append("</div>")
    return "".join(parts)


# One label set per language, chosen by the question's language.
LABELS = {
    "fr": {
        "sources": "Sources vérifiées",
        "refused": "Refusé",
        "why": "raison",
        "unknown_date": "date inconnue",
        "reported": "Rapporté par {n} article(s) vérifié(s) : {names} (« Trace this answer » les liste tous)",
        "also": "Version proche aussi dans (non vérifié) : {names}",
        "said": "selon l'article",
    },
    "en": {
        "sources": "Verified sources",
        "refused": "Refused",
        "why": "reason",
        "unknown_date": "date unknown",
        "reported": "Reported by {n} verified article(s): {names} (“Trace this answer” lists them all)",
        "also": "A close version also in (not verified): {names}",
        "said": "per the article",
    },
}


def chat_text(answer: Answer, names: dict[str, str] | None = None) -> str:
    """The chat message: the answer with its own evidence, so earlier turns keep their sources.
    `names` maps article IDs to how readers know them (outlet and date)."""
    lab = LABELS.get(answer.language, LABELS["en"])
    if answer.refused:
        return f"⛔ {escape(answer.text)}\n\n*{lab['why']}: {escape(answer.refusal_code or '')} — {escape(answer.refusal_reason or '')}*"
    names = names or {}
    ids = list(dict.fromkeys(c.article_id for c in answer.citations))
    reported = lab["reported"].format(n=len(ids), names=", ".join(escape(names.get(i, i)) for i in ids))
    lines = [escape(answer.text), "", f"**{lab['sources']}** · {reported}"]
    also = list(dict.fromkeys(i for c in answer.citations for i in c.also_in))
    if also:
        lines[-1] += "  \n" + lab["also"].format(names=", ".join(escape(names.get(i, i)) for i in also))
    for c in answer.citations:
        who = f" · {lab['said']}: " + "; ".join(escape(f"{s.source} ({s.cue})") for s in c.sources) if c.sources else ""
        lines.append(
            f"> « {escape(c.quote)} »  \n> — {escape(names.get(c.article_id, ''))} `{escape(c.article_id)}`, {c.start}–{c.end}{who}"
        )
    return "\n".join(lines)


def answer_markdown(bot: Assistant, answer: Answer) -> str:
    """An answer with its citations as Markdown, for export."""
    lab = LABELS.get(answer.language, LABELS["en"])
    out = [f"**Q:** {answer.question}", "", f"**A:** {answer.text}", ""]
    if answer.refused:
        out.append(f"*{lab['refused']} ({answer.refusal_code}): {answer.refusal_reason}*")
    for c in answer.citations:
        art = bot.article(c.article_id)
        who = "; ".join(f"{s.source} ({s.cue})" for s in c.sources)
        out.append(f"> « {c.quote} »")
        out.append(
            f"> — {art.outlet or art.byline or ''} {art.title} ({art.date or lab['unknown_date']}), `{c.article_id}`, "
            + (f"attributed to {who}, " if who else "")
            + f"characters {c.start}–{c.end} (file {c.raw_start}–{c.raw_end}), verified P(yes) {c.support}"
            + (f"; a close version also in (not verified): {', '.join(c.also_in)}" if c.also_in else "")
        )
        out.append("")
    return "\n".join(out)


def error_html(message: str) -> str:
    return f'<div class="sources"><div class="error" id="error">⚠️ {escape(message)}</div></div>'
