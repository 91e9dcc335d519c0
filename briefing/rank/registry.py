"""The method registry and length-aware selection shared by every method."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from ..errors import UsageError
from ..model import Document, Ranking

Scorer = Callable[[Document], Sequence[float]]


@dataclass(frozen=True)
class Method:
    """A ranking method: a scorer of sentences, with a name and a family."""

    name: str
    family: str  # "baseline", "sumy" or "native"
    description: str
    scorer: Scorer
    # A method that picks sentences itself (e.g. with redundancy removal) gives
    # `select(doc, scores, length, allowed=...)`; otherwise the top scores are taken.
    select: Callable[..., Sequence[int]] | None = None


METHODS: dict[str, Method] = {}


def register(method: Method) -> Method:
    """Add a method to the registry (a later one of the same name replaces it)."""
    METHODS[method.name] = method
    return method


def get_method(name: str) -> Method:
    """The registered method of that name, or a UsageError listing the choices."""
    from . import methods  # noqa: F401  (registers the built-in methods)

    key = name.strip().lower()
    if key not in METHODS:
        raise UsageError(f"unknown method {name!r}; choose one of: {', '.join(sorted(METHODS))}")
    return METHODS[key]


def describe_methods() -> str:
    """What `briefing methods` prints: each method's name, family and description, `default` first."""
    get_method("default")
    width = max(len(name) for name in METHODS)
    return "\n".join(f"{name:<{width}}  {METHODS[name].family:<8}  {METHODS[name].description}"
                     for name in sorted(METHODS, key=lambda n: (n != "default", METHODS[n].family, n)))


@dataclass(frozen=True)
class Length:
    """How long a summary may be: a sentence count, a word budget or a ratio."""

    sentences: int | None = 3
    words: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        if self.sentences is not None and self.sentences < 0:
            raise UsageError("the number of sentences cannot be negative")
        if self.words is not None and self.words < 1:
            raise UsageError("the word budget must be at least 1")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise UsageError("the ratio must be above 0 and at most 1")

    def count(self, n_sentences: int) -> int:
        """How many sentences this length allows out of `n_sentences`."""
        if self.ratio is not None:
            return min(n_sentences, max(1, round(self.ratio * n_sentences)))
        if self.words is not None and self.sentences is None:
            return n_sentences
        return min(n_sentences, self.sentences or 0)


def order_by_score(scores: Sequence[float]) -> list[int]:
    """Indices by descending score; ties keep document order (as sumy does).

    Scores are compared to 12 significant digits: sentences rated alike (LSA's 3.8366652186501806 and
    ...1824) tie and keep document order, instead of float noise in the last bits deciding (noise that
    threaded BLAS even varies from run to run).
    """
    return sorted(range(len(scores)), key=lambda i: -float(f"{scores[i]:.12g}"))


def take(doc: Document, candidates: Sequence[int], length: Length) -> tuple[int, ...]:
    """The first candidates that fit the length, returned in document order."""
    limit = length.count(len(doc))
    chosen: list[int] = []
    budget = length.words
    used = 0
    for i in candidates:
        if len(chosen) >= limit:
            break
        if budget is not None:
            n = len(doc.sentences[i].text.split())
            if chosen and used + n > budget:
                continue
            used += n
        chosen.append(i)
    return tuple(sorted(chosen))


def rank(
    doc: Document,
    method: str = "default",
    length: Length | None = None,
    allowed: Collection[int] | None = None,
) -> Ranking:
    """Score every sentence of `doc` with `method` and choose within `length`.

    `allowed`, when given, limits the choice to those sentence indices (the
    scores still cover every sentence).
    """
    m = get_method(method)
    length = length or Length()
    if not doc.sentences:
        return Ranking(method=m.name, scores=(), selected=())
    scores = tuple(float(s) for s in m.scorer(doc))
    # A method with its own selection chooses among the allowed sentences itself.
    candidates = m.select(doc, scores, length, allowed=allowed) if m.select else order_by_score(scores)
    if allowed is not None:
        candidates = [i for i in candidates if i in allowed]
    selected = take(doc, candidates, length)
    return Ranking(method=m.name, scores=scores, selected=selected)
