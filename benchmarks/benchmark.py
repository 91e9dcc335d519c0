"""Quality and speed of briefing's ranking methods next to sumy's, in one run.

    .venv/bin/python benchmarks/benchmark.py [--data-dir ../shared/eval] [--limit N] [--skip-slow]
        [--only quality|speed] [--json]

1. ROUGE-1/2/L/Lsum F1 of every method at 3 sentences on cnndm-test,
   bbc-test and multinews-test (its source articles joined as paragraphs).
2. How often 3-sentence summaries on cnndm-test hold a sentence that leans on
   one left out (briefing.rank.standalone), with and without the rule.
3. Seconds per document at 30, 300, 1,000 and 3,000 sentences for each native
   method and its sumy peer, tokenization excluded on both sides (sumy gets its
   sentences' words computed beforehand, the native side an analysis with the
   words filled in), best of three runs (one for runs over 3 s); BLAS is held
   to one thread so that other load on the machine disturbs the figures less.
   The documents are made of cnndm-test sentences in file order (deterministic).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import json
import platform
import sys
import time
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from briefing.evaluate import ROUGE_TYPES, load, score_items  # noqa: E402
from briefing.model import Article, Document  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402
from briefing.nlp.tokenize import Tokenizer, words  # noqa: E402
from briefing.rank import default, native, vectors  # noqa: E402
from briefing.rank.registry import Length, rank, take  # noqa: E402
from briefing.rank.standalone import count_dangling  # noqa: E402
from briefing.rank.sumy_methods import build, to_sumy  # noqa: E402

SENTENCES = 3
TEST_SETS = ("cnndm-test", "bbc-test", "multinews-test")
PEERS = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction")
OURS = ("default", "lead", *(f"fast-{p}" for p in PEERS))
SIZES = (30, 300, 1000, 3000)
# How sumy's time grows with the number of sentences (to predict a run before making it).
GROWTH = {"lexrank": 2, "textrank": 2, "lsa": 3, "luhn": 1, "kl": 3, "sumbasic": 2, "reduction": 2}


def rouge_tables(data_dir: Path, limit: int | None) -> dict[str, dict]:
    """ROUGE of our methods and sumy's on each test set, at SENTENCES sentences."""
    out = {}
    for name in TEST_SETS:
        items = load(data_dir / f"{name}.jsonl", limit)
        start = time.perf_counter()
        scores = score_items(items, [*OURS, *PEERS], SENTENCES)
        out[name] = {
            "items": len(items),
            "seconds": round(time.perf_counter() - start, 1),
            "methods": {s.method: {k: round(s.get(k), 2) for k in ROUGE_TYPES} for s in scores},
        }
    return out


def dangling_rates(data_dir: Path, limit: int | None) -> dict[str, dict[str, float]]:
    """Share of cnndm-test summaries with a sentence leaning on one left out."""
    items = load(data_dir / "cnndm-test.jsonl", limit)
    length = Length(sentences=SENTENCES)
    pickers: dict[str, Callable[[Document], tuple[int, ...]]] = {
        "default without the rule": lambda d: take(
            d, default.select(d, default.default_scores(d), length, stand_alone=False), length),
        "default (with the rule)": lambda d: rank(d, "default", length).selected,
        "lead": lambda d: rank(d, "lead", length).selected,
        "fast-lexrank": lambda d: rank(d, "fast-lexrank", length).selected,
    }
    counts = {name: [0, 0, 0, 0] for name in pickers}  # summaries, sentences: by the rule, strict
    docs = [segment(item.article) for item in items]
    for name, pick in pickers.items():
        for doc in docs:
            selected = pick(doc)
            rule, strict = count_dangling(doc, selected), count_dangling(doc, selected, strict=True)
            counts[name][0] += rule > 0
            counts[name][1] += rule
            counts[name][2] += strict > 0
            counts[name][3] += len(selected)
    n = max(1, len(docs))
    return {name: {"summaries_dangling_%": round(100 * c[0] / n, 1),
                   "dangling_per_100_sentences": round(100 * c[1] / max(1, c[3]), 1),
                   "summaries_dangling_strict_%": round(100 * c[2] / n, 1)}
            for name, c in counts.items()}


def synthetic(data_dir: Path, size: int) -> Document:
    """A document of about `size` real cnndm-test sentences, five to a paragraph."""
    pool: list[str] = []
    with open(data_dir / "cnndm-test.jsonl", encoding="utf-8") as handle:
        for line in handle:
            doc = segment(Article(id="pool", text=json.loads(line)["text"]))
            pool.extend(s.text for s in doc.sentences)
            if len(pool) >= size:
                break
    pool = pool[:size]
    text = "\n\n".join(" ".join(pool[i:i + 5]) for i in range(0, len(pool), 5))
    return segment(Article(id=f"synthetic-{size}", text=text))


def _best(run: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
        if best > 3.0:
            break
    return best


def _default_run(doc: Document) -> None:
    vectors.clear_caches(stems=False)
    rank(doc, "default")


def _native_time(doc: Document, scorer: Callable[[Document], object], tokens: list, cold: bool) -> float:
    def run() -> None:
        vectors.clear_caches(stems=cold)
        analysis = vectors.analyze(doc)
        analysis.__dict__["words"] = tokens  # tokenization excluded, as for sumy
        analysis.__dict__["title_words"] = ()
        start[0] = time.perf_counter()
        scorer(doc)
        spent[0] = min(spent[0], time.perf_counter() - start[0])

    start, spent = [0.0], [float("inf")]
    for _ in range(3):
        run()
    return spent[0]


def timings(data_dir: Path, skip_slow: bool, cap: float, log: Callable[[str], None]) -> list[dict]:
    """Seconds per document for each size, native method and sumy peer."""
    rows = []
    previous: dict[str, tuple[int, float]] = {}
    tokenizer = Tokenizer("english")
    for size in SIZES:
        doc = synthetic(data_dir, size)
        n = len(doc)
        start = time.perf_counter()
        tokens = [tuple(words(s.text)) for s in doc.sentences]
        tokenize = time.perf_counter() - start
        sumy_doc = to_sumy(doc, tokenizer)
        for sentence in sumy_doc.sentences:
            sentence.words  # noqa: B018  (sumy caches each sentence's words)
        row_default = _best(partial(_default_run, doc))
        rows.append({"sentences": n, "method": "default", "native_s": row_default, "tokenize_s": tokenize,
                     "note": "includes tokenization"})
        for peer in PEERS:
            scorer = native.SCORERS[f"fast-{peer}"][0]
            ours = _native_time(doc, scorer, tokens, cold=False)
            ours_cold = _native_time(doc, scorer, tokens, cold=True)
            guess = None
            if peer in previous:
                n0, t0 = previous[peer]
                guess = t0 * (n / n0) ** GROWTH[peer]
            if skip_slow and guess is not None and guess > cap:
                theirs, note = None, f"skipped (about {guess:.0f} s expected)"
            else:
                summarizer = build(peer, "english")
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    theirs = _best(partial(summarizer, sumy_doc, 10))
                previous[peer] = (n, theirs)
                note = ""
            rows.append({"sentences": n, "method": peer, "sumy_s": theirs, "native_s": ours,
                         "native_cold_s": ours_cold, "tokenize_s": tokenize,
                         "ratio": theirs / ours if theirs else None, "note": note})
            log(f"  {n:5d} sentences  {peer:10s} sumy {_fmt(theirs)}  native {_fmt(ours)}  {note}")
    return rows


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "skipped"
    return f"{seconds:.4f}" if seconds < 10 else f"{seconds:.1f}"


def render(result: dict, console: Console) -> None:
    """The benchmark as rich tables."""
    console.print(f"[bold]briefing benchmark[/bold] — {result['command']}")
    if "rouge" in result:
        console.print(f"{result['platform']}; summaries of {SENTENCES} sentences; ROUGE F1 ×100 "
                      "(rouge-score, Porter stemmer; Lsum over sentences split by newlines)")
    else:
        console.print(result["platform"])
    for name, block in result.get("rouge", {}).items():
        table = Table(title=f"{name} ({block['items']} items, {SENTENCES} sentences)")
        table.add_column("method")
        for key in ("R1", "R2", "RL", "RLsum"):
            table.add_column(key, justify="right")
        best = {k: max(m[k] for m in block["methods"].values()) for k in ROUGE_TYPES}
        for method, scores in block["methods"].items():
            label = method if method in OURS else f"sumy {method}"
            cells = [f"[bold]{scores[k]:.2f}[/bold]" if scores[k] == best[k] else f"{scores[k]:.2f}"
                     for k in ROUGE_TYPES]
            table.add_row(label, *cells)
        console.print(table)
    if "dangling" in result:
        _render_dangling(result["dangling"], console)
    if "timings" in result:
        _render_timings(result["timings"], console)


def _render_dangling(dangling: dict, console: Console) -> None:
    table = Table(title=f"Sentences leaning on one left out, cnndm-test, {SENTENCES} sentences")
    for column in ("selection", "summaries with one", "per 100 sentences", "summaries (strict rule)"):
        table.add_column(column, justify="right" if column != "selection" else "left")
    for name, rates in dangling.items():
        table.add_row(name, f"{rates['summaries_dangling_%']:.1f}%",
                      f"{rates['dangling_per_100_sentences']:.1f}",
                      f"{rates['summaries_dangling_strict_%']:.1f}%")
    console.print(table)


def _render_timings(rows: list[dict], console: Console) -> None:
    table = Table(title="Seconds per document (tokenization excluded; best of 3)")
    for column in ("sentences", "method", "sumy", "native", "ratio", "native, cold stems", "tokenize"):
        table.add_column(column, justify="right")
    for row in rows:
        ours_only = row["method"] == "default"
        ratio = f"{row['ratio']:.0f}×" if row.get("ratio") else ("—" if ours_only else "skipped")
        cold = row.get("native_cold_s")
        table.add_row(str(row["sentences"]), row["method"], "—" if ours_only else _fmt(row.get("sumy_s")),
                      _fmt(row["native_s"]), ratio, "—" if cold is None else _fmt(cold),
                      _fmt(row["tokenize_s"]))
    console.print(table)
    console.print("default's time includes tokenizing the document; the others' excludes it (shown apart).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="items per test set (default: all)")
    parser.add_argument("--skip-slow", action="store_true",
                        help="skip sumy runs expected to exceed --time-cap")
    parser.add_argument("--time-cap", type=float, default=120.0, help="seconds (with --skip-slow)")
    parser.add_argument("--only", choices=("quality", "speed"), default=None,
                        help="only the ROUGE and stand-alone tables, or only the timings")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)
    console = Console(width=130)
    err = Console(stderr=True)
    command = "benchmarks/benchmark.py " + " ".join(sys.argv[1:] if argv is None else argv)
    start = time.perf_counter()
    parts: dict[str, object] = {}
    if args.only in (None, "quality"):
        err.print("ROUGE on the test sets...")
        parts["rouge"] = rouge_tables(args.data_dir, args.limit)
        err.print("stand-alone sentences...")
        parts["dangling"] = dangling_rates(args.data_dir, args.limit)
    if args.only in (None, "speed"):
        err.print("timings...")
        parts["timings"] = timings(args.data_dir, args.skip_slow, args.time_cap, err.print)
    result = {
        "command": command.strip(),
        "platform": f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, "
                    f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}",
        "sentences": SENTENCES,
        **parts,
        "seconds": round(time.perf_counter() - start, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        render(result, console)
        console.print(f"whole run: {result['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
