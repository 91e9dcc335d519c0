"""`briefing eval`: ROUGE of ranking methods on reference summaries (JSON lines).

Each line holds `text` (or `documents`, a list joined with blank lines as
paragraphs), a reference `summary` and optionally `title`, `id` and `language`.
A method's summary is its chosen sentences, one per line; ROUGE-1, ROUGE-2,
ROUGE-L and ROUGE-Lsum F1 (rouge-score, Porter stemmer) are averaged over the
items. For ROUGE-Lsum the reference's lines are its sentences (a reference
without line breaks is split with our sentence splitter).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, UsageError
from .model import Article, Document
from .nlp.sentences import segment
from .nlp.tokenize import sentence_spans
from .rank.registry import Length, get_method, rank

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
COLUMNS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L", "rougeLsum": "ROUGE-Lsum"}


@dataclass(frozen=True)
class Item:
    """One evaluation item: the article to summarise and its reference summary."""

    article: Article
    reference: tuple[str, ...]  # the reference's sentences


@dataclass(frozen=True)
class MethodScore:
    """Mean ROUGE F1 (×100) of one method, and the time it spent ranking."""

    method: str
    rouge1: float
    rouge2: float
    rougeL: float
    rougeLsum: float
    seconds: float

    def get(self, rouge_type: str) -> float:
        """The score of one ROUGE type ("rouge1", "rouge2", "rougeL", "rougeLsum")."""
        return float(getattr(self, rouge_type))


@dataclass(frozen=True)
class EvalResult:
    """The scores of every method on the same items."""

    data: str
    items: int
    sentences: int | None  # None: each item's reference sentence count
    scores: tuple[MethodScore, ...]


def _reference_sentences(summary: str, language: str) -> tuple[str, ...]:
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    if len(lines) > 1:
        return tuple(lines)
    text = lines[0] if lines else ""
    return tuple(text[a:b].strip() for a, b in sentence_spans(text, language) if text[a:b].strip())


def parse_item(record: object, number: int, source: str) -> Item:
    """An Item from one decoded JSON line (InputError naming the line if unusable)."""
    where = f"line {number}"
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object", source=source)
    documents = record.get("documents")
    if isinstance(documents, list) and all(isinstance(d, str) for d in documents):
        text = "\n\n".join(d.strip() for d in documents)
    elif isinstance(record.get("text"), str):
        text = record["text"]
    else:
        raise InputError(f"{where}: needs a 'text' string or a 'documents' list of strings", source=source)
    summary = record.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        raise InputError(f"{where}: needs a non-empty 'summary' string", source=source)
    language = record.get("language") if isinstance(record.get("language"), str) else "english"
    article = Article(
        id=str(record.get("id") or f"{Path(source).name}:{number}"),
        text=text,
        title=record.get("title") if isinstance(record.get("title"), str) else "",
        source=source,
        language=language,
    )
    return Item(article=article, reference=_reference_sentences(summary, language))


def load(path: str | Path, limit: int | None = None) -> list[Item]:
    """Read up to `limit` items from a JSONL file (InputError for a missing file or bad line)."""
    source = str(path)
    items: list[Item] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if limit is not None and len(items) >= limit:
                    break
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"line {number}: not valid JSON ({error.msg})", source=source) from None
                items.append(parse_item(record, number, source))
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=source) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", source=source) from None
    if not items:
        raise InputError("no items to evaluate", source=source)
    return items


class _CachedTokenizer:
    """rouge-score's default tokenizer (Porter stemmer), remembering what it has seen."""

    def __init__(self) -> None:
        from rouge_score.tokenizers import DefaultTokenizer

        self._tokenizer = DefaultTokenizer(use_stemmer=True)
        self._cache: dict[str, list[str]] = {}

    def tokenize(self, text: str) -> list[str]:
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            found = self._cache[text] = self._tokenizer.tokenize(text)
        return found


class Rouge:
    """ROUGE-1/2/L/Lsum F1 ×100 of a candidate's sentences against a reference's."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=_CachedTokenizer())

    def __call__(self, reference: Sequence[str], candidate: Sequence[str]) -> dict[str, float]:
        scores = self._scorer.score("\n".join(reference), "\n".join(candidate))
        return {key: 100.0 * scores[key].fmeasure for key in ROUGE_TYPES}


def summary_sentences(doc: Document, method: str, length: Length) -> list[str]:
    """The sentences `method` chooses from `doc` within `length`, in document order."""
    ranking = rank(doc, method, length)
    return [doc.sentences[i].text for i in ranking.selected]


def score_items(
    items: Sequence[Item],
    methods: Sequence[str],
    sentences: int | None = None,
    step: Callable[[], None] | None = None,
) -> list[MethodScore]:
    """Mean ROUGE of each method on `items` (each document is segmented once)."""
    rouge = Rouge()
    totals = {m: dict.fromkeys(ROUGE_TYPES, 0.0) for m in methods}
    seconds = dict.fromkeys(methods, 0.0)
    for item in items:
        doc = segment(item.article)
        length = Length(sentences=sentences if sentences is not None else len(item.reference))
        for method in methods:
            start = time.perf_counter()
            chosen = summary_sentences(doc, method, length)
            seconds[method] += time.perf_counter() - start
            for key, value in rouge(item.reference, chosen).items():
                totals[method][key] += value
        if step is not None:
            step()
    count = max(1, len(items))
    return [
        MethodScore(method=m, seconds=seconds[m], **{k: v / count for k, v in totals[m].items()})
        for m in methods
    ]


def evaluate(
    path: str | Path,
    methods: Iterable[str],
    sentences: int | None = None,
    limit: int | None = None,
    progress: object | None = None,
) -> EvalResult:
    """ROUGE of `methods` on the JSONL file at `path`.

    `sentences`: summary length (None: each reference's sentence count);
    `limit`: use only the first items; `progress`: a rich Console to show a bar on.
    """
    names = [get_method(m).name for m in methods]
    if not names:
        raise UsageError("name at least one method to evaluate")
    if sentences is not None and sentences < 1:
        raise UsageError("the number of sentences must be at least 1")
    if limit is not None and limit < 1:
        raise UsageError("the limit must be at least 1")
    items = load(path, limit)
    if progress is None:
        scores = score_items(items, names, sentences)
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeRemainingColumn(), console=progress,  # type: ignore[arg-type]
                      transient=True) as bar:
            task = bar.add_task(f"Evaluating {len(names)} method(s)", total=len(items))
            scores = score_items(items, names, sentences, step=lambda: bar.advance(task))
    return EvalResult(data=str(path), items=len(items), sentences=sentences, scores=tuple(scores))


def render_table(result: EvalResult, console: object) -> None:
    """Print the result as a rich table on `console` (best score per column in bold)."""
    from rich.table import Table

    length = f"{result.sentences} sentences" if result.sentences else "reference length"
    table = Table(title=f"ROUGE F1 on {Path(result.data).name} ({result.items} items, {length})")
    table.add_column("method")
    for key in ROUGE_TYPES:
        table.add_column(COLUMNS[key], justify="right")
    table.add_column("s/doc", justify="right")
    best = {k: max(s.get(k) for s in result.scores) for k in ROUGE_TYPES}
    for s in result.scores:
        cells = [f"[bold]{s.get(k):.2f}[/bold]" if s.get(k) == best[k] else f"{s.get(k):.2f}"
                 for k in ROUGE_TYPES]
        table.add_row(s.method, *cells, f"{s.seconds / max(1, result.items):.4f}")
    console.print(table)  # type: ignore[attr-defined]


def to_json(result: EvalResult) -> str:
    """The result as JSON: data, items, sentences, and per method its scores and seconds."""
    return json.dumps({
        "data": result.data,
        "items": result.items,
        "sentences": result.sentences,
        "methods": [
            {"method": s.method, **{k: round(s.get(k), 4) for k in ROUGE_TYPES},
             "seconds": round(s.seconds, 4)}
            for s in result.scores
        ],
    }, indent=2)


def run_eval(data: str | Path, methods: list[str], *, sentences: int | None = None, limit: int | None = None,
             as_json: bool = False) -> EvalResult:
    """`briefing eval`: score, then print the table (a progress bar on a terminal's stderr) or the JSON."""
    from rich.console import Console

    stderr = Console(stderr=True)
    result = evaluate(data, methods, sentences=sentences, limit=limit, progress=stderr if stderr.is_terminal else None)
    if as_json:
        print(to_json(result))
    else:
        render_table(result, Console(highlight=False, soft_wrap=False))
    return result
