"""`rag eval --provenance`: trace claims with known answers and score the traces.

Each row of the JSONL file names a claim (or a question about one), the articles that state it,
the source each article attributes it to (any of several acceptable spellings), and the figure
drifts between outlets. Metrics: article recall and precision per trace, attribution accuracy,
drift detected; floors in `[provenance]` of eval/thresholds.toml.
"""

from __future__ import annotations

import json
import re
import time
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from rag.ground import fold
from rag.trace import Trace
from rag.trace_render import to_dict


class ProvenanceRow(BaseModel):
    """One gold trace."""

    id: str
    claim: str
    articles: list[str]  # every article that states it
    sources: dict[str, list[str]] = Field(default_factory=dict)  # article -> acceptable source names
    drifts: list[tuple[str, str]] = Field(default_factory=list)  # two versions that must be told apart


def load(path: Path) -> list[ProvenanceRow]:
    """Read the gold file; a bad line is an error naming it."""
    from rag.evaluate import read_jsonl

    return read_jsonl(path, ProvenanceRow, "provenance", "claims")


def _same_source(found: str, gold: str) -> bool:
    a, b = fold(found), fold(gold)
    return bool(a and b) and (b in a or a in b)


def score(row: ProvenanceRow, t: Trace) -> dict[str, Any]:
    """Per-claim metrics: article recall/precision, attributions right of those checkable, drifts found."""
    found = {a.article_id: a for a in t.appearances}
    gold = set(row.articles)
    hit = gold & set(found)
    attributions = [
        any(_same_source(s.source, g) for s in found[aid].sources for g in names)
        for aid, names in row.sources.items()
        if aid in found
    ]
    # A gold pair (a, b) is detected when one drift prints a in one version and b (without a) in another.
    drifts = [
        any(
            any(fold(a) in fold(v) for v, _ in d.versions) and any(_only(b, a, v) for v, _ in d.versions)
            for d in t.drifts
        )
        for a, b in row.drifts
    ]
    return {
        "id": row.id,
        "recall": len(hit) / len(gold) if gold else 1.0,
        "precision": len(hit) / len(found) if found else 1.0,
        "attribution": attributions,
        "drift": drifts,
        "trace": to_dict(t),
    }


def _only(short: str, long: str, version: str) -> bool:
    """`version` prints `short` without what `long` adds ("1 000 conteneurs", not "plus de 1 000 conteneurs")."""
    v = fold(version)
    return fold(short) in v and fold(long) not in v


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Mean recall/precision per traced claim, attribution accuracy and drift detection over all checks."""
    atts = [x for r in rows for x in r["attribution"]]
    drifts = [x for r in rows for x in r["drift"]]
    return {
        "claims": len(rows),
        "article_recall": round(sum(r["recall"] for r in rows) / len(rows), 3),
        "article_precision": round(sum(r["precision"] for r in rows) / len(rows), 3),
        "attribution_accuracy": round(sum(atts) / len(atts), 3) if atts else None,
        "attributions_checked": len(atts),
        "drift_detected": round(sum(drifts) / len(drifts), 3) if drifts else None,
        "drifts_checked": len(drifts),
    }


def evaluate_provenance(path: Path, corpus: Path, out: Path, thresholds: Path) -> tuple[dict[str, Any], list[str]]:
    """Ingest `corpus` into a fresh store under `out`, trace every claim, write provenance.json, gate."""
    from rag.assistant import Assistant
    from rag.settings import Settings

    rows = load(path)
    base = Settings.from_env()
    store_dir = out / "stores" / ("provenance-" + re.sub(r"[^\w.-]+", "_", base.embedder))
    bot = Assistant(Settings.from_env(data_dir=store_dir, store=None))
    bot.ingest(corpus)
    scored, seconds = [], []
    for row in rows:
        t0 = time.perf_counter()
        scored.append(score(row, bot.trace(row.claim)))
        seconds.append(time.perf_counter() - t0)
    summary = summarise(scored)
    summary["trace_p50_s"] = round(sorted(seconds)[len(seconds) // 2], 2)
    floors = tomllib.loads(thresholds.read_text()).get("provenance", {}) if thresholds.exists() else {}
    failures = [
        f"{k} = {summary.get(k)} is below the floor {v}"
        for k, v in floors.items()
        if summary.get(k) is None or summary[k] < v
    ]
    out.mkdir(parents=True, exist_ok=True)
    (out / "provenance.json").write_text(
        json.dumps({"summary": summary, "floors": floors, "rows": scored}, ensure_ascii=False, indent=2)
    )
    return summary, failures
