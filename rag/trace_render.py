"""A trace for people and programs: the JSON shape of `rag trace --json` and the UI's API, and the
markdown the CLI prints (one entry per article, oldest first, then drift, the source chain and who
denies the claim)."""

from __future__ import annotations

from dataclasses import asdict

from rag.trace import Trace
from rag.versions import Appearance


def to_dict(t: Trace) -> dict[str, object]:
    """The JSON shape of `rag trace --json` and the UI's API."""
    return {
        "claim": t.claim,
        "question": t.question,
        "articles": [asdict(a) for a in t.appearances],
        "drifts": [[{"text": text, "articles": list(ids)} for text, ids in d.versions] for d in t.drifts],
        "chain": [asdict(s) for s in t.chain],
        "refusal_reason": t.refusal_reason,
        "timings": {k: round(v, 3) for k, v in t.timings.items()},
    }


STANCE_LABEL = {
    "states": "states it",
    "drift": "states a different figure or detail",
    "contradicts": "contradicts it",
    "similar": "prints a close version (grouped by similarity, not verified)",
}


def short_title(title: str, n: int = 80) -> str:
    """A title cut at a word, with an ellipsis, for where an article has no outlet to be named by."""
    return title if len(title) <= n else title[: n - 1].rsplit(" ", 1)[0] + "…"


def by_line(a: Appearance) -> str:
    """ ", by Julien Ferrand, credits Le Journal du Lac": who wrote the article and whose text it takes."""
    return (f", by {a.byline}" if a.byline else "") + (f", credits {a.credited}" if a.credited else "")


def markdown(t: Trace) -> str:
    """A trace for people: one entry per article, oldest first, then drift and the source chain."""
    if not t.appearances:
        return f"**No article states this claim.** {t.refusal_reason or ''}".strip()
    n = len(t.appearances)
    lines = [f"**Claim:** {t.claim}", "", f"**Stated in {n} article{'s' * (n > 1)}** (oldest first):", ""]
    for a in t.appearances:
        who = "; ".join(f"{s.source} ({s.cue})" for s in a.sources) or "no source named in the sentence"
        first = " — **earliest**" if a.earliest else ""
        name = a.outlet or short_title(a.title)
        lines.append(
            f"- **{name}** [{a.article_id}]{by_line(a)}, {a.date or 'undated'}{first} — {STANCE_LABEL[a.stance]}"
        )
        lines.append(f"  « {a.quote} » (chars {a.start}-{a.end}, support {a.support:.2f})")
        if a.read_as:
            lines.append(
                f"  read as: « {a.read_as} » (days dated, nouns named as the article names them, "
                "acronyms spelled out as the claim does, after its title or the sentence it refers to)"
            )
        lines.append(f"  attributed to: {who}")
    for d in t.drifts:
        lines += ["", "**Drift:** " + " vs ".join(f"« {text} » ({', '.join(ids)})" for text, ids in d.versions)]
    steps = [s for s in t.chain if s.role != "denied by"]
    if steps:
        lines += ["", "**Source chain:** " + " → ".join(f"{s.name} ({s.role})" for s in steps)]
    # who denies it is no link of the chain: named apart, with the articles that say so
    for s in t.chain:
        if s.role == "denied by":
            lines += ["", f"**Denied by:** {s.name} ({', '.join(s.article_ids)})"]
    return "\n".join(lines)
