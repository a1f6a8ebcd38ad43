"""Focus: cut each retrieved passage down to its sentences nearest the question, for the prompt.

Prefill is most of an answer's time on a CPU (about 100 prompt tokens/s for the 1.5B model on
2 cores), and most sentences of a passage do not bear on the question. Passages keep their
labels, and citations still resolve to the whole chunk, so grounding and quotes are unchanged:
only what the model reads gets shorter.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rag.chunk import sentences
from rag.embed import Embedder
from rag.types import Hit

GAP = " … "  # marks sentences left out between two kept ones


def focus(question: str, hits: Sequence[Hit], embedder: Embedder, keep: int) -> list[str]:
    """Each hit's text reduced to its `keep` sentences most similar to `question`, in order.

    Example, keep=2: "A. B. C. D." with B and D nearest -> "B. … D."
    `keep` <= 0 returns the passages whole.
    """
    texts = [h.chunk.text for h in hits]
    if keep <= 0:
        return texts
    spans = [sentences(t) for t in texts]
    long = [i for i, s in enumerate(spans) if len(s) > keep]
    if not long:
        return texts
    pieces = [texts[i][a:b] for i in long for a, b in spans[i]]
    sims = embedder.embed(pieces, "passage") @ embedder.embed([question], "query")[0]
    out = list(texts)
    pos = 0
    for i in long:
        n = len(spans[i])
        best = sorted(np.argsort(-sims[pos : pos + n], kind="stable")[:keep].tolist())
        pos += n
        kept = [texts[i][spans[i][j][0] : spans[i][j][1]] for j in best]
        joins = [" " if b - a == 1 else GAP for a, b in zip(best, best[1:], strict=False)]
        out[i] = kept[0] + "".join(j + s for j, s in zip(joins, kept[1:], strict=True))
    return out
