"""Annotations made on an older sentence split, read on today's.

Each annotation file keeps the sentence starts its annotators saw (`starts`, character offsets into the
article's text). When the splitter has since joined sentences it had cut wrongly ("Deputy U.S." + "Marshal
Jamie Berry said."), today's sentences are unions of the annotated ones, and every annotated index maps to the
sentence now holding its start. A split that cut anew is no such union: those articles are left out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from briefing.model import Document


def sentence_map(starts: Sequence[int], doc: Document) -> dict[int, int] | None:
    """Annotated sentence index -> today's, or None when today's split is not the annotated one with joins. A
    start counts at its first letter or digit, so a list mark now left out ("-- In 2010, ...") moves nothing."""
    text = doc.article.text
    now = [_word_start(text, s.start) for s in doc.sentences]
    seen = [_word_start(text, start) for start in starts]
    if not set(now) <= set(seen):
        return None
    return {k: bisect_right(now, start) - 1 for k, start in enumerate(seen)}


def _word_start(text: str, i: int) -> int:
    """The first letter or digit at or after `i` (the start itself when none follows)."""
    j = i
    while j < len(text) and not text[j].isalnum():
        j += 1
    return j if j < len(text) else i


def realigned(gold: dict, doc: Document) -> dict | None:
    """A sections annotation (background, outlook, quotes, figures by sentence) on today's split of `doc`; None
    when it cannot be carried over. Two annotated sentences now one: the first's quote and figure stand."""
    if len(doc) == gold["sentences"]:
        return gold
    mapping = sentence_map(gold.get("starts", ()), doc) if "starts" in gold else None
    if mapping is None:
        return None
    out = dict(gold, sentences=len(doc), starts=[s.start for s in doc.sentences])
    for key in ("background", "outlook"):
        if key in gold:
            out[key] = sorted({mapping[i] for i in gold[key]})
    for key in ("quotes", "figures"):
        if key in gold:
            seen: set[int] = set()
            items = []
            for item in gold[key]:
                k = mapping[item["sentence"]]
                if key == "figures" or k not in seen:
                    items.append(dict(item, sentence=k))
                    seen.add(k)
            out[key] = items
    return out


def realigned_needs(needs: dict[int, tuple[int, str]], starts: Sequence[int],
                    doc: Document) -> dict[int, tuple[int, str]] | None:
    """Context annotations (sentence -> the earliest sentence it needs, why) on today's split; a need now inside
    one sentence is met there. None when they cannot be carried over."""
    mapping = sentence_map(starts, doc)
    if mapping is None:
        return None
    out: dict[int, tuple[int, str]] = {}
    for sentence, (on, why) in needs.items():
        k, j = mapping[sentence], mapping[on]
        if j < k and k not in out:
            out[k] = (j, why)
    return out
