# The two commands of the README. Both install what they need first (idempotent).
.PHONY: run test eval install install-test

run: install
	.venv/bin/rag ingest seeds
	.venv/bin/rag ui

test: install-test
	.venv/bin/pytest

eval: install
	.venv/bin/rag eval --baseline eval/baseline.json

install:
	./scripts/install.sh

install-test:
	./scripts/install.sh --test
