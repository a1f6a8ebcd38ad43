"""The Python API: `Assistant.open(...)`, then `ingest`, `search`, `ask`, `stream`, `article`."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rag import answer as answer_mod
from rag import trace as trace_mod
from rag.anchor import anchor
from rag.embed import canonical_spec, get_embedder
from rag.errors import InputError, StoreError
from rag.ingest import ingest as ingest_folder
from rag.lang import REFUSAL, detect
from rag.lexical import LexicalIndex
from rag.llm import LLM, get_llm
from rag.retrieve import Retriever
from rag.settings import Settings, quiet_environment
from rag.store import Store
from rag.streaming import streamed
from rag.trace import Trace

if TYPE_CHECKING:
    from rag.claims import ClaimGroup, VersionIndex
from rag.types import Answer, Article, ArticleInfo, Citation, Hit, IngestReport
from rag.verify import Verifier, get_verifier

MAX_QUESTION_CHARS = 1000
# Close versions of a quote in other articles come from the corpus view's groups, computed once per
# store generation; above this many articles (or the sentence cap) answers go without them.
CLOSE_VERSIONS_MAX_ARTICLES = 300
CLOSE_VERSIONS_MAX_SENTENCES = 6000
TRACE_K = 40  # passages a trace looks through (every article of a small corpus; the 40 best of a large one)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_question(question: str) -> str:
    """Strip control characters and spaces; refuse empty, wordless or oversized questions."""
    q = " ".join(_CONTROL.sub(" ", question or "").split())
    if not q:
        raise InputError("The question is empty: type a question about the articles.")
    if len(q) > MAX_QUESTION_CHARS:
        raise InputError(f"The question is {len(q)} characters long; keep it under {MAX_QUESTION_CHARS}.")
    if not re.search(r"\w", q):
        raise InputError("The question has no words in it: ask in words (French or English).")
    return q


class Assistant:
    """A question-answering assistant over one store of articles."""

    def __init__(self, settings: Settings) -> None:
        quiet_environment()
        self.settings = settings
        self.embedder_spec = canonical_spec(settings.embedder)
        self.embedder = get_embedder(self.embedder_spec)
        self.store = Store.open(settings.store, settings.data_dir, settings.collection, self.embedder_spec)
        self._lexical: tuple[str, LexicalIndex] | None = None
        self._generation = -1
        self._lock = threading.Lock()
        self._versions: tuple[int, VersionIndex] | None = None
        self._versions_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        llm: str | None = None,
        embedder: str | None = None,
        store: str | None = None,
        k: int | None = None,
        settings: Settings | None = None,
    ) -> Assistant:
        """Open (creating if needed) the store in `data_dir`; unset options come from RAG_* variables."""
        given = dict(data_dir=data_dir, llm=llm, embedder=embedder, store=store, k=k)
        overrides = {n: v for n, v in given.items() if v is not None}
        if settings is None:
            return cls(Settings.from_env(**overrides))
        if "data_dir" in overrides:
            overrides["data_dir"] = Path(str(overrides["data_dir"]))
        return cls(replace(settings, **overrides))  # type: ignore[arg-type]

    @property
    def llm(self) -> LLM:
        """The answering model, loaded on first use."""
        return get_llm(self.settings.llm, self.settings)

    @property
    def verifier(self) -> Verifier:
        """The support verifier that checks every shown answer against its quotes, loaded on first use."""
        return get_verifier(self.settings.verifier_spec, self.settings)

    # -- ingest -----------------------------------------------------------------------------
    def ingest(self, path: str | Path, progress: bool = False) -> IngestReport:
        """Sync the articles under `path` into the store (added / updated / unchanged / removed)."""
        with self._lock:
            report = ingest_folder(path, self.store, self.embedder, progress=progress)
            self._lexical = None
        self._retriever()  # rebuild the lexical index now, not on the next question
        self._close_versions()  # and the close-version index (embeds every sentence): not on an answer's path
        return report

    # -- corpus -----------------------------------------------------------------------------
    def articles(self) -> list[ArticleInfo]:
        """Every stored article with its title, date, source file and passage count, by ID."""
        return [
            ArticleInfo(
                aid,
                r.get("title", ""),
                r.get("date") or None,
                r.get("source", ""),
                int(r.get("chunks", 0)),
                r.get("outlet") or None,
                r.get("url") or None,
                r.get("byline") or None,
            )
            for aid, r in sorted(self.store.records().items())
        ]

    def remove(self, article_ids: list[str]) -> int:
        """Delete articles and their passages; returns how many passages went.

        An unknown ID is an error naming the stored ones, and nothing is deleted. A removed article
        whose file is still in an ingested folder comes back on the next `ingest` of that folder.
        """
        known = self.store.records()
        missing = [a for a in article_ids if a not in known]
        if missing:
            sample = ", ".join(sorted(known)[:5]) + (" …" if len(known) > 5 else "")
            raise InputError(
                f"No article {', '.join(missing)} in the store (stored: {sample or 'none'}); see `rag list`."
            )
        with self._lock:
            self.store.begin_write()
            n = self.store.remove(list(dict.fromkeys(article_ids)))
            self.store.end_write(changed=True)
            self._lexical = None
        self._retriever()
        return n

    # -- retrieval --------------------------------------------------------------------------
    def _retriever(self) -> Retriever:
        with self._lock:
            # Every finished write, ours or another process's, bumps the store's generation: one
            # metadata read per question (0.3 ms). The fingerprint reads every article record
            # (seconds at 1M chunks), so it waits for the generation to move.
            generation = self.store.generation()
            if self._lexical is not None and generation == self._generation:
                return Retriever(self.store, self._lexical[1], self.embedder)
            fp = self.store.fingerprint()
            if self._lexical is None or self._lexical[0] != fp:
                folder = self.settings.data_dir / "lexical" / self.settings.collection
                index = LexicalIndex.load(folder, fp)
                if index is None:
                    pairs = list(self.store.all_chunks())
                    index = LexicalIndex.build([i for i, _ in pairs], [t for _, t in pairs])
                    try:
                        index.save(folder, fp)
                    except OSError:  # read-only data dir: keep the index in memory only
                        pass
                self._lexical = (fp, index)
            self._generation = generation
            return Retriever(self.store, self._lexical[1], self.embedder)

    def search(self, question: str, k: int | None = None) -> list[Hit]:
        """The passages hybrid retrieval finds for `question`, best first."""
        q = clean_question(question)
        retriever = self._retriever()
        if not retriever.lexical.ids:  # the BM25 index holds every stored chunk ID
            raise StoreError("The store is empty: run `rag ingest seeds/` (or your folder) first.")
        return retriever.retrieve(q, k or self.settings.k)

    # -- answering --------------------------------------------------------------------------
    def ask(self, question: str, k: int | None = None) -> Answer:
        """Answer from the articles only, with code-checked citations, or refuse."""
        final: Answer | None = None
        for event in self._answer(question, k, None):
            final = event
        assert final is not None
        return final

    def _answer(self, question: str, k: int | None, on_token: answer_mod.OnToken | None) -> Iterator[Answer]:
        t0 = time.perf_counter()
        q = clean_question(question)
        hits = self.search(q, k)
        language = detect(q)
        t1 = time.perf_counter()
        if not hits:
            yield Answer(
                q,
                REFUSAL[language],
                True,
                (),
                (),
                language,
                {"retrieve_s": t1 - t0},
                {},
                "nothing retrieved",
                refusal_code="nothing_retrieved",
            )
            return

        def more() -> list[Hit]:
            return self._retriever().widen(q, hits, answer_mod.MORE_PASSAGES)

        articles: dict[str, Article | None] = {}

        def article_of(article_id: str) -> Article | None:  # asked once per cited article, not per check
            if article_id not in articles:
                articles[article_id] = self.store.get_article(article_id)
            return articles[article_id]

        drafted = answer_mod.answer(
            q, hits, self.llm, self.embedder, self.verifier, language, on_token, self.settings.focus, more, article_of
        )
        result = anchor(drafted, self.store.get_article, self._close_versions)
        timings = {"retrieve_s": t1 - t0, **result.timings, "total_s": time.perf_counter() - t0}
        yield Answer(**{**result.__dict__, "timings": timings})

    def _close_versions(self) -> VersionIndex:
        """The corpus view's groups as an index, rebuilt when the store changes (see rag.claims)."""
        from rag.claims import VersionIndex

        with self._versions_lock:
            generation = self.store.generation()
            if self._versions is None or self._versions[0] != generation:
                groups: list[ClaimGroup] = []
                if len(self.store.records()) <= CLOSE_VERSIONS_MAX_ARTICLES:
                    try:
                        groups = self.claims(max_sentences=CLOSE_VERSIONS_MAX_SENTENCES)
                    except InputError:  # too many sentences: answers go without close versions
                        pass
                self._versions = (generation, VersionIndex.of(groups))
            return self._versions[1]

    def stream(self, question: str, k: int | None = None) -> Iterator[str | Answer]:
        """Yield the answer text as it grows (str), then the checked Answer as the last item."""
        return streamed(lambda on_token: self._answer(question, k, on_token))

    def trace(self, claim_or_question: str, answer: Answer | None = None) -> Trace:
        """Every stored article that states a claim, with its sources, date order and drift.

        A question ("Combien de conteneurs … ?") is answered first and its verified answer is traced
        (pass `answer`, an earlier `ask` of that question, to skip answering again); a statement is
        traced as given.
        """
        t0 = time.perf_counter()
        q = clean_question(claim_or_question)
        language = detect(q)
        question, claim = None, q
        verified: tuple[Citation, ...] = ()
        if q.rstrip().endswith("?"):
            a = answer if answer is not None and answer.question == q else self.ask(q)
            if a.refused:
                why = f"the question could not be answered from the articles: {a.refusal_reason} ({a.refusal_code})"
                return Trace(q, q, (), refusal_reason=why, timings={"total_s": time.perf_counter() - t0})
            question, claim, verified = q, a.text, a.citations
        retriever = replace(self._retriever(), pool=2 * TRACE_K)
        if not retriever.lexical.ids:
            raise StoreError("The store is empty: run `rag ingest seeds/` (or your folder) first.")
        hits = retriever.retrieve(f"{question or ''} {claim}".strip(), TRACE_K)
        ids = dict.fromkeys([*(h.chunk.article_id for h in hits), *(c.article_id for c in verified)])
        meta = {aid: art for aid in ids if (art := self.store.get_article(aid)) is not None}
        found = trace_mod.trace(claim, question, hits, meta, self.embedder, self.verifier, language, verified)
        return replace(found, timings={**found.timings, "total_s": time.perf_counter() - t0})

    def claims(self, min_articles: int = 2, max_sentences: int | None = None) -> list[ClaimGroup]:
        """The corpus's main claims: sentences printed in close versions by several articles."""
        from rag.claims import MAX_SENTENCES, claims

        stored = [self.store.get_article(aid) for aid in sorted(self.store.records())]
        return claims([a for a in stored if a is not None], self.embedder, min_articles, max_sentences or MAX_SENTENCES)

    def article(self, article_id: str) -> Article:
        """The stored cleaned article with what the cleaner dropped."""
        found = self.store.get_article(article_id)
        if found is None:
            raise InputError(f"No article {article_id!r} in the store; `rag search` shows the stored IDs.")
        return found
