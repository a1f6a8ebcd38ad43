"""The benchmark's synthetic corpus, reused by the reliability tests."""

from bench.synth import make_corpus

__all__ = ["make_corpus"]
