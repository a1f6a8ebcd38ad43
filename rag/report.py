"""Eval reports: report.json (every row), report.md (tables), report.html (tables + SVG chart)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

SHOWN = [
    "answer_accuracy",
    "wrong_but_cited",
    "wrong_but_cited_count",
    "citation_precision",
    "citation_recall",
    "citation_coverage",
    "refusal_accuracy",
    "refused_unanswerable",
    "answered_answerable",
    "groups_all_right",
    "groups_consistent",
    "quote_exactness",
    "quote_exactness_raw",
    "fabricated_ids",
    "retrieval_recall_at_k",
    "retrieval_mrr",
    "latency_p50_s",
    "latency_p95_s",
    "prompt_tokens_mean",
    "completion_tokens_mean",
    "second_drafts",
    "second_drafts_shown",
]
CHARTED = [
    "answer_accuracy",
    "citation_precision",
    "citation_recall",
    "refusal_accuracy",
    "quote_exactness",
    "retrieval_recall_at_k",
    "retrieval_mrr",
]


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def summary_table(outcome: Any, baseline: dict[str, Any] | None) -> str:
    """Markdown table: one row per metric, one column per config (+ baseline and target)."""
    cols = [c["name"] for c in outcome.configs]
    head = ["metric", *cols] + (["baseline"] if baseline else []) + ["target"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for metric in SHOWN:
        if all(metric not in c["summary"] for c in outcome.configs):
            continue  # groups_*: only question files with rewordings
        row = [metric] + [_fmt(c["summary"].get(metric)) for c in outcome.configs]
        if baseline:
            row.append(_fmt(baseline.get(metric)))
        row.append(_fmt(outcome.targets.get(metric)))
        lines.append("| " + " | ".join(row) + " |")
    codes = sorted({k for c in outcome.configs for k in (c["summary"].get("refusals_by_code") or {})})
    for code in codes:
        row = [f"refused: {code}"] + [
            str((c["summary"].get("refusals_by_code") or {}).get(code, 0)) for c in outcome.configs
        ]
        row += ["-"] * (bool(baseline) + 1)
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def _chart(outcome: Any, baseline: dict[str, Any] | None) -> str:
    series = [(c["name"], c["summary"]) for c in outcome.configs]
    if baseline:
        series.append(("baseline", baseline))
    colours = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#6b7280"]
    bar, gap, width = 14, 18, 300
    height = len(CHARTED) * (len(series) * bar + gap) + 30 + 18 * len(series)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 260}" height="{height}" font-family="sans-serif" font-size="12">'
    ]
    y = 10
    for metric in CHARTED:
        parts.append(f'<text x="0" y="{y + bar}">{metric}</text>')
        for i, (_, s) in enumerate(series):
            v = s.get(metric) or 0.0
            parts.append(
                f'<rect x="180" y="{y}" width="{width * float(v):.1f}" height="{bar - 2}" fill="{colours[i % 5]}"/>'
            )
            parts.append(f'<text x="{185 + width * float(v):.1f}" y="{y + bar - 3}">{float(v):.2f}</text>')
            y += bar
        y += gap
    for i, (name, _) in enumerate(series):
        parts.append(f'<rect x="0" y="{y}" width="12" height="12" fill="{colours[i % 5]}"/>')
        parts.append(f'<text x="18" y="{y + 11}">{html.escape(name)}</text>')
        y += 18
    parts.append("</svg>")
    return "".join(parts)


def write_reports(outcome: Any, baseline: dict[str, Any] | None, out: Path, qa: str) -> None:
    """Write report.json, report.md and report.html into `out`."""
    data = {
        "qa": qa,
        "configs": outcome.configs,
        "baseline": baseline,
        "targets": outcome.targets,
        "failures": outcome.failures,
    }
    (out / "report.json").write_text(json.dumps(data, ensure_ascii=False, indent=1))
    table = summary_table(outcome, baseline)
    verdict = "PASS" if not outcome.failures else "FAIL:\n" + "\n".join(f"- {f}" for f in outcome.failures)
    rows_md = []
    for c in outcome.configs:
        rows_md.append(f"\n## {c['name']}\n\n| id | ok | refused | cited | answer |\n|---|---|---|---|---|")
        for r in c["rows"]:
            ok = r["scores"]["correct"] if r["answerable"] else r["scores"]["refusal_correct"]
            cited = ", ".join(dict.fromkeys(x["article_id"][:3] for x in r["citations"]))
            ans = r["answer"].replace("|", "/").replace("\n", " ")[:140]
            if r["refused"]:
                ans = f"[{r.get('refusal_code') or '?'}] " + (r.get("draft") or "").replace("|", "/")[:120]
            rows_md.append(f"| {r['id']} | {'✓' if ok else '✗'} | {r['refused']} | {cited} | {ans} |")
    md = f"# Eval report\n\nQ&A: `{qa}`\n\n{table}\n\nGate: {verdict}\n" + "\n".join(rows_md) + "\n"
    (out / "report.md").write_text(md)
    body = (
        f"<h1>Eval report</h1><p>Q&amp;A: {html.escape(qa)}</p>{_chart(outcome, baseline)}"
        f"<pre>{html.escape(table)}</pre><pre>Gate: {html.escape(verdict)}</pre>"
        f"<pre>{html.escape(chr(10).join(rows_md))}</pre>"
    )
    (out / "report.html").write_text(
        f"<!doctype html><meta charset='utf-8'><title>Eval report</title><body>{body}</body>"
    )
