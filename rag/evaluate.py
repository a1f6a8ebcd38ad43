"""`rag eval`: run the fixed Q&A set through one or more configurations, score, gate, report."""

from __future__ import annotations

import json
import re
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rag import metrics as m
from rag.assistant import Assistant
from rag.errors import InputError, RagError
from rag.lang import REFUSAL, detect
from rag.settings import Settings
from rag.types import Answer

M = TypeVar("M", bound=BaseModel)

# Metrics where lower is better; everything else gated is higher-is-better.
LOWER_IS_BETTER = {"fabricated_ids", "wrong_but_cited", "wrong_but_cited_count"}


@dataclass(frozen=True)
class Config:
    """One column of the comparison: which LLM and embedder answer."""

    llm: str
    embedder: str
    k: int

    @property
    def name(self) -> str:
        return f"{self.llm} · {self.embedder} · k={self.k}"


@dataclass
class Outcome:
    """The result of an eval run: per-config rows and summaries, and the gate's verdict."""

    configs: list[dict[str, Any]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    targets: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] | None = None


def read_jsonl(path: Path, model: type[M], kind: str, items: str) -> list[M]:
    """Read a JSONL file of `model` rows; a bad line is an error naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"Cannot read {kind} file {path}: {e.strerror}") from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate_json(line))
        except ValidationError as e:
            raise InputError(f"{path}:{n}: not a valid {kind} row ({e.errors()[0]['msg']})") from None
    if not rows:
        raise InputError(f"{path} holds no {items}")
    return rows


def load_qa(path: Path) -> list[m.QARow]:
    """Read a Q&A JSONL file; a bad line is an error naming the line."""
    return read_jsonl(path, m.QARow, "Q&A", "questions")


def score(ex: m.QARow, pred: Answer, articles: dict[str, str], raw: dict[str, str]) -> dict[str, Any]:
    """Every per-row metric for one answer."""
    return {
        "correct": m.answer_correct(ex, pred),
        "wrong_but_cited": m.wrong_but_cited(ex, pred),
        "quotes_raw": m.quotes_exact_raw(pred, raw),
        "precision": m.citation_precision(ex, pred),
        "citation_hit": m.citation_hit(ex, pred),
        "citation_coverage": m.citation_coverage(ex, pred),
        "refusal_correct": m.refusal_correct(ex, pred),
        "quotes": m.quotes_exact(pred, articles),
        "fabricated": m.fabricated_ids(pred, set(articles)),
        "retrieval_rank": m.retrieval_rank(ex, pred),
    }


def _ask(bot: Assistant, ex: m.QARow, k: int) -> Answer:
    try:
        return bot.ask(ex.question, k)
    except InputError as e:  # a rejected question counts as a refusal, with the reason kept
        lang = detect(ex.question)
        return Answer(ex.question, REFUSAL[lang], True, (), (), lang, {}, {}, str(e), None, "invalid_question")


def _read_raw(path: Path) -> str:
    from rag.articles import decode

    try:
        return decode(path.read_bytes())
    except (OSError, RagError):
        return ""


def row(ex: m.QARow, pred: Answer, latency: float, articles: dict[str, str], raw: dict[str, str]) -> dict[str, Any]:
    """One report row: the question, what came back, and its scores."""
    return {
        "id": ex.id,
        "group": ex.group,
        "question": ex.question,
        "answerable": ex.answerable,
        "expected_articles": ex.articles,
        "answer_any": ex.answer_any,
        "answer": pred.text,
        "refused": pred.refused,
        "refusal_reason": pred.refusal_reason,
        "refusal_code": pred.refusal_code,
        "draft": pred.draft,
        "citations": [asdict(c) for c in pred.citations],
        "retrieved": [h.chunk.id for h in pred.passages],
        "latency_s": round(latency, 3),
        "usage": dict(pred.usage),
        "scores": score(ex, pred, articles, raw),
    }


def run_config(cfg: Config, qa: list[m.QARow], corpus: Path, out: Path, progress: bool) -> dict[str, Any]:
    """Ingest `corpus` into a store for this embedder, ask every question, score the answers."""
    from tqdm import tqdm

    store_dir = out / "stores" / re.sub(r"[^\w.-]+", "_", cfg.embedder)
    bot = Assistant(Settings.from_env(data_dir=store_dir, llm=cfg.llm, embedder=cfg.embedder, k=cfg.k, store=None))
    bot.ingest(corpus)
    stored = {aid: bot.article(aid) for aid in bot.store.article_hashes()}
    articles = {aid: a.text for aid, a in stored.items()}
    # The files as published, read again here, so raw offsets are checked against the source itself.
    raw = {aid: _read_raw(Path(a.source)) for aid, a in stored.items()}
    rows = []
    for ex in tqdm(qa, desc=cfg.name, unit="q", disable=not progress):
        t0 = time.perf_counter()
        pred = _ask(bot, ex, cfg.k)
        latency = time.perf_counter() - t0
        rows.append(row(ex, pred, latency, articles, raw))
    return {
        "name": cfg.name,
        "llm": cfg.llm,
        "embedder": cfg.embedder,
        "k": cfg.k,
        "summary": m.summarise(rows),
        "rows": rows,
    }


def check(summary: dict[str, Any], thresholds: dict[str, Any], baseline: dict[str, Any] | None) -> list[str]:
    """Gate failures: a metric under its floor, or dropped beyond tolerance from the baseline."""
    failures = []
    for metric, floor in thresholds.get("gate", {}).items():
        value = summary.get(metric)
        if value is None:
            continue
        bad = value > floor if metric in LOWER_IS_BETTER else value < floor
        if bad:
            failures.append(
                f"{metric} = {value:.3f} is {'above' if metric in LOWER_IS_BETTER else 'below'} the gate {floor}"
            )
    tol = float(thresholds.get("tolerance", {}).get("drop", 0.05))
    for metric in thresholds.get("gate", {}):
        old, new = (baseline or {}).get(metric), summary.get(metric)
        if old is None or new is None:
            continue
        dropped = new - old > tol if metric in LOWER_IS_BETTER else old - new > tol
        if dropped:
            failures.append(f"{metric} regressed from baseline {old:.3f} to {new:.3f} (tolerance {tol})")
    return failures


def evaluate(
    qa_path: Path,
    configs: list[Config],
    corpus: Path,
    out: Path,
    thresholds_path: Path,
    baseline_path: Path | None,
    progress: bool = True,
) -> Outcome:
    """Run every config, gate the first one (the default under test), write the reports."""
    from rag.report import write_reports

    qa = load_qa(qa_path)
    try:
        thresholds = tomllib.loads(thresholds_path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise RagError(f"Cannot read thresholds {thresholds_path}: {e}") from None
    baseline = None
    if baseline_path:
        try:
            data = json.loads(baseline_path.read_text())
        except (OSError, ValueError) as e:
            raise InputError(f"Cannot read baseline {baseline_path}: {e}") from None
        baseline = data["configs"][0]["summary"] if "configs" in data else data
    out.mkdir(parents=True, exist_ok=True)
    outcome = Outcome(targets=thresholds.get("targets", {}), baseline=baseline)
    for cfg in configs:
        outcome.configs.append(run_config(cfg, qa, corpus, out, progress))
    outcome.failures = check(outcome.configs[0]["summary"], thresholds, baseline)
    write_reports(outcome, baseline, out, str(qa_path))
    return outcome
