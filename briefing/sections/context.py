"""What a builder is given besides the analysis: the sentences taken so far and how to rank."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    """The sentences other sections claimed (and furniture), and the ranking options for Situation."""

    claimed: frozenset[int]
    method: str = "default"
    sentences: int | None = None  # overrides the template's Situation limit
    words: int | None = None
    ratio: float | None = None
    lede: bool = True  # Situation always opens with the article's first sentence
    line_words: int = 30  # most words of a sentence's short cut (`Excerpt.short`, for a bottom line)
