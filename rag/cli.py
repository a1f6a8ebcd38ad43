"""Thin CLI: `rag ingest | ask | trace | claims | search | inspect | list | remove | eval | ui`. User mistakes exit with one line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from rag.cli_options import DataDir, Emb, K, Llm, StoreOpt
from rag.errors import RagError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Answers about news articles, from the articles only, with checked citations.",
)


def _open(data_dir: Path | None, llm: str | None, embedder: str | None, store: str | None, k: int | None = None):  # noqa: ANN202
    from rag.assistant import Assistant

    return Assistant.open(data_dir=data_dir, llm=llm, embedder=embedder, store=store, k=k)


@app.command()
def ingest(
    path: Annotated[Path, typer.Argument(help="Folder (or file) of .txt/.md articles.")] = Path("seeds"),
    data_dir: DataDir = None,
    embedder: Emb = None,
    store: StoreOpt = None,
) -> None:
    """Sync a folder of articles into the store (idempotent)."""
    bot = _open(data_dir, None, embedder, store)
    r = bot.ingest(path, progress=sys.stderr.isatty())
    for p, why in r.skipped:
        typer.echo(f"skipped {p}: {why}", err=True)
    for dup, orig in r.duplicates:
        typer.echo(f"duplicate: {dup} has the same text as {orig}; not indexed twice", err=True)
    typer.echo(
        f"articles: {len(r.added)} added, {len(r.updated)} updated, {len(r.unchanged)} unchanged, "
        f"{len(r.removed)} removed, {len(r.duplicates)} duplicates, {len(r.skipped)} skipped files; "
        f"chunks: {r.chunks_added} added, {r.chunks_removed} removed; total chunks {bot.store.count()} "
        f"({r.seconds:.1f}s)"
    )


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question, in French or English.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    data_dir: DataDir = None,
    llm: Llm = None,
    embedder: Emb = None,
    store: StoreOpt = None,
    k: K = None,
) -> None:
    """Answer a question from the articles, with checked citations."""
    bot = _open(data_dir, llm, embedder, store, k)
    a = bot.ask(question)
    if as_json:
        typer.echo(json.dumps(a.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(a.text)
    if a.refused:
        typer.echo(f"(refused: {a.refusal_code} — {a.refusal_reason})", err=True)
        return
    from rag.text_render import answer_sources

    typer.echo("\n" + answer_sources(a, lambda i: bot.article(i).label))


@app.command()
def trace(
    claim: Annotated[str, typer.Argument(help="A claim (or a question, answered first) to trace across articles.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the trace as JSON.")] = False,
    data_dir: DataDir = None,
    llm: Llm = None,
    embedder: Emb = None,
    store: StoreOpt = None,
) -> None:
    """Every article that states a claim: exact sentences, who it is attributed to, dates, drift."""
    from rag.trace_render import markdown, to_dict

    t = _open(data_dir, llm, embedder, store).trace(claim)
    typer.echo(json.dumps(to_dict(t), ensure_ascii=False, indent=2) if as_json else markdown(t))


@app.command()
def claims(
    as_json: Annotated[bool, typer.Option("--json", help="Print the groups as JSON.")] = False,
    claim_review: Annotated[bool, typer.Option("--claimreview", help="Print ClaimReview-shaped JSON.")] = False,
    min_articles: Annotated[int, typer.Option("--min-articles", min=2, help="Articles a claim must appear in.")] = 2,
    data_dir: DataDir = None,
    embedder: Emb = None,
    store: StoreOpt = None,
) -> None:
    """The corpus's main claims: close versions of one sentence across articles, with sources and drift."""
    from dataclasses import asdict

    from rag.claims import claim_review as review

    groups = _open(data_dir, None, embedder, store).claims(min_articles)
    if claim_review:
        typer.echo(json.dumps([review(g) for g in groups], ensure_ascii=False, indent=2))
    elif as_json:
        typer.echo(json.dumps([asdict(g) for g in groups], ensure_ascii=False, indent=2))
    elif groups:
        from rag.text_render import claims_text

        typer.echo(claims_text(groups))


@app.command()
def search(
    question: Annotated[str, typer.Argument()],
    data_dir: DataDir = None,
    embedder: Emb = None,
    store: StoreOpt = None,
    k: K = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show the passages retrieval finds, without asking the LLM."""
    hits = _open(data_dir, None, embedder, store, k).search(question, k)
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "chunk_id": h.chunk.id,
                        "article_id": h.chunk.article_id,
                        "score": h.score,
                        "start": h.chunk.start,
                        "end": h.chunk.end,
                        "text": h.chunk.text,
                    }
                    for h in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for i, h in enumerate(hits, 1):
        typer.echo(f"{i}. {h.chunk.id} (score {h.score:.4f}, dense #{h.dense_rank}, lexical #{h.lexical_rank})")
        typer.echo(f"   {' '.join(h.chunk.text.split())[:300]}")


@app.command()
def inspect(
    article_id: Annotated[str, typer.Argument(help="Article ID (file name without extension).")],
    data_dir: DataDir = None,
    embedder: Emb = None,
    store: StoreOpt = None,
) -> None:
    """Show a stored article: metadata, cleaned text, and what the cleaner dropped and why."""
    a = _open(data_dir, None, embedder, store).article(article_id)
    typer.echo(f"id: {a.id}\ntitle: {a.title}\ndate: {a.date or '-'}\nsource: {a.source}\nsha256: {a.content_hash}\n")
    typer.echo(a.text)
    typer.echo(f"\n--- dropped ({len(a.dropped)}) ---")
    for d in a.dropped:
        typer.echo(f"[{d.reason}] {d.text[:200]!r}")


@app.command("list")
def list_cmd(
    data_dir: DataDir = None,
    embedder: Emb = None,
    store: StoreOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List the stored articles: ID, date, outlet, passages, title."""
    from dataclasses import asdict

    infos = _open(data_dir, None, embedder, store).articles()
    if as_json:
        typer.echo(json.dumps([asdict(i) for i in infos], ensure_ascii=False, indent=2))
        return
    if not infos:
        typer.echo("No articles stored yet: run `rag ingest seeds/` (or your folder).")
    for i in infos:
        outlet = (i.outlet or i.byline or "-")[:24]
        typer.echo(f"{i.id}  {i.date or '----------'}  {outlet:<24}  {i.passages:>3} passages  {i.title[:70]}")


@app.command()
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="IDs shown by `rag list`.")],
    data_dir: DataDir = None,
    embedder: Emb = None,
    store: StoreOpt = None,
) -> None:
    """Remove articles and their passages from the store (their files are left alone)."""
    n = _open(data_dir, None, embedder, store).remove(article_ids)
    typer.echo(f"removed {len(set(article_ids))} article(s), {n} passages")


@app.command()
def ui(
    host: Annotated[str, typer.Option("--host", envvar="RAG_HOST")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", envvar="RAG_PORT")] = 7860,
    data_dir: DataDir = None,
    llm: Llm = None,
    embedder: Emb = None,
    store: StoreOpt = None,
    k: K = None,
    allow_upload: Annotated[
        bool, typer.Option("--allow-upload", help="Let visitors add and remove articles on a non-loopback host.")
    ] = False,
) -> None:
    """Open the chat UI in the browser (offline)."""
    from rag.ui import is_loopback, launch

    bot = _open(data_dir, llm, embedder, store, k)
    typer.echo(f"provenance-rag UI on http://{host}:{port}  ({bot.store.count()} passages indexed)")
    if not is_loopback(host) and not allow_upload:
        typer.echo(
            f"{host} is reachable from other machines: adding and removing articles is off (--allow-upload turns it on)"
        )
    launch(bot, host=host, port=port, allow_upload=allow_upload or is_loopback(host))


@app.command("eval")
def eval_cmd(
    qa: Annotated[Path, typer.Option("--qa", help="Q&A JSONL file.")] = Path("eval/qa.jsonl"),
    llm: Annotated[list[str] | None, typer.Option("--llm", help="LLM spec; repeat to compare.")] = None,
    embedder: Annotated[list[str] | None, typer.Option("--embedder", help="Embedder spec; repeat to compare.")] = None,
    k: Annotated[int, typer.Option("--k", min=1, max=20)] = 5,
    corpus: Annotated[Path, typer.Option("--corpus", help="Articles to ingest for the eval.")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", help="Report folder.")] = Path("eval/out"),
    baseline: Annotated[Path | None, typer.Option("--baseline", help="A previous report.json to compare with.")] = None,
    thresholds: Annotated[Path, typer.Option("--thresholds")] = Path("eval/thresholds.toml"),
    provenance: Annotated[
        Path | None,
        typer.Option("--provenance", help="Trace the claims of this JSONL file instead (eval/provenance.jsonl)."),
    ] = None,
) -> None:
    """Score answers and citations on a fixed Q&A set (or claim traces); exit 1 on regression."""
    if provenance is not None:
        from rag.provenance_eval import evaluate_provenance

        summary, failures = evaluate_provenance(provenance, corpus, out, thresholds)
        typer.echo("\n".join(f"{k:>22}  {v}" for k, v in summary.items()))
        typer.echo(f"\nreport: {out}/provenance.json")
        if failures:
            typer.echo("\nPROVENANCE GATE FAILED:\n" + "\n".join(f"- {f}" for f in failures), err=True)
            raise SystemExit(1)
        typer.echo("provenance gate: pass")
        return
    from rag.evaluate import Config, evaluate
    from rag.report import summary_table
    from rag.settings import Settings

    base = Settings.from_env()
    configs = [Config(lm, e, k) for lm in (llm or [base.llm]) for e in (embedder or [base.embedder])]
    outcome = evaluate(qa, configs, corpus, out, thresholds, baseline, progress=sys.stderr.isatty())
    typer.echo(summary_table(outcome, outcome.baseline))
    typer.echo(f"\nreports: {out}/report.json, {out}/report.md, {out}/report.html")
    if outcome.failures:
        typer.echo("\nEVAL GATE FAILED:\n" + "\n".join(f"- {f}" for f in outcome.failures), err=True)
        raise SystemExit(1)
    typer.echo("eval gate: pass")


def main() -> None:
    """Console entry point: RagError becomes one line on stderr and exit code 2."""
    from rag.settings import _int_env, quiet_environment

    quiet_environment()
    try:
        for var, default in (("RAG_K", 5), ("RAG_FOCUS", 0), ("RAG_PORT", 7860)):  # typer would print a traceback
            _int_env(var, default)
        app(standalone_mode=False)
    except RagError as e:
        typer.echo(f"error: {e}", err=True)
        raise SystemExit(2) from None
    except typer.Abort:
        raise SystemExit(130) from None
    except Exception as e:  # click usage errors
        import click

        if isinstance(e, click.ClickException):
            e.show()
            raise SystemExit(e.exit_code) from None
        if type(e).__name__ in ("BadParameter", "UsageError"):  # typer's own, e.g. RAG_K=abc
            hint = " (check the RAG_* variables in your environment)" if "RAG_" in " ".join(os.environ) else ""
            typer.echo(f"error: {e}{hint}", err=True)
            raise SystemExit(2) from None
        raise


if __name__ == "__main__":
    main()
