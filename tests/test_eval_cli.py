"""`rag eval` end to end on the fake stack: reports are written (citations with their sources), the
gate fails with a message when a floor is missed, and `--provenance` scores traces."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEEDS

RAG = str(Path(sys.executable).with_name("rag"))


def _run(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RAG_DATA_DIR": str(tmp / "d"), "RAG_LLM": "fake:extractive", "RAG_EMBEDDER": "hash:512"}
    return subprocess.run([RAG, *args], env=env, capture_output=True, text=True, cwd=ROOT)


def test_eval_writes_reports_with_attributed_citations(tmp_path: Path) -> None:
    qa = tmp_path / "qa.jsonl"
    row = {
        "id": "tactic",
        "question": "Quelle tactique l'armée russe utilise-t-elle selon Kirby ?",
        "answerable": True,
        "answer_any": ["vague humaine"],
        "articles": ["002_b48d77ff83fe8adc"],
    }
    qa.write_text(json.dumps(row, ensure_ascii=False) + "\n")
    floors = tmp_path / "t.toml"
    floors.write_text("[gate]\nanswer_accuracy = 0.5\n")
    out = tmp_path / "out"
    r = _run(["eval", "--qa", str(qa), "--corpus", str(SEEDS), "--out", str(out), "--thresholds", str(floors),
              "--llm", "fake:extractive", "--embedder", "hash:512"], tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    report = json.loads((out / "report.json").read_text())
    cites = report["configs"][0]["rows"][0]["citations"]
    assert cites and any(s["source"].endswith("Kirby") for c in cites for s in c["sources"])
    floors.write_text("[gate]\nanswer_accuracy = 1.1\n")  # unreachable: the gate must say so and exit 1
    r = _run(["eval", "--qa", str(qa), "--corpus", str(SEEDS), "--out", str(out), "--thresholds", str(floors),
              "--llm", "fake:extractive", "--embedder", "hash:512"], tmp_path)  # fmt: skip
    assert r.returncode == 1 and "answer_accuracy" in r.stderr


def test_eval_provenance_scores_traces_and_gates(tmp_path: Path) -> None:
    floors = tmp_path / "t.toml"
    floors.write_text("[provenance]\narticle_precision = 0.5\n")
    out = tmp_path / "out"
    r = _run(
        ["eval", "--provenance", "eval/provenance.jsonl", "--out", str(out), "--thresholds", str(floors)], tmp_path
    )
    data = json.loads((out / "provenance.json").read_text())
    assert data["summary"]["claims"] == len((ROOT / "eval" / "provenance.jsonl").read_text().splitlines())
    assert {"article_recall", "attribution_accuracy", "drift_detected", "trace_p50_s"} <= set(data["summary"])
    assert ("provenance gate: pass" in r.stdout) == (r.returncode == 0)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    r = _run(["eval", "--provenance", str(bad), "--out", str(out)], tmp_path)
    assert r.returncode == 2 and "bad.jsonl:1" in r.stderr
