# The two commands of the README. Both install what they need first (idempotent).
.PHONY: run test eval bench install install-test install-bench

run: install
	.venv/bin/rag ingest seeds
	.venv/bin/rag ui

test: install-test
	.venv/bin/pytest

eval: install
	.venv/bin/rag eval --baseline eval/baseline.json

# Every benchmark in turn (about 2.5 h on 2 cores, most of it the 1M-chunk store; each runs alone too, see README).
bench: install-bench
	.venv/bin/python -m bench.ingest
	.venv/bin/python -m bench.retrieval
	.venv/bin/python -m bench.retrieval --server
	.venv/bin/python -m bench.answer
	.venv/bin/python -m bench.trace
	.venv/bin/python -m bench.langchain_rag
	.venv/bin/python -m bench.plot

install-bench:
	./scripts/install.sh --bench

install:
	./scripts/install.sh

install-test:
	./scripts/install.sh --test
