"""Daily-brief scale: time and peak memory for 100, 1,000 and 5,000 articles.

    python benchmarks/daily_scale.py                      # sizes 100 1000 5000, data from ../shared/eval
    python benchmarks/daily_scale.py --sizes 1000 --workers 2

The brief is the CLI's: the top 12 stories composed with the default method
and the `daily` template, rendered to JSON and Word.

Articles are real news texts (Multi-News documents, then CNN and BBC articles
from ../shared/eval) written as .txt files to a temporary folder, so the run
starts from files like a user's. Each size runs in a fresh subprocess, so the
peak resident memory (ru_maxrss) is that size's alone. The stages are the
`STAGES` list: each takes the previous stage's result; add one line to time more
(e.g. composing the brief once stories exist).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this tree's briefing, not an installed one

from briefing.compose import compose
from briefing.ingest.sources import collect
from briefing.nlp.sentences import segment
from briefing.options import ReadOptions
from briefing.render import render
from briefing.stories import group, top_stories
from briefing.templates import load_template

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
CORPORA = ("multinews-test.jsonl", "multinews-dev.jsonl", "cnndm-test.jsonl", "cnndm-dev.jsonl",
           "bbc-test.jsonl", "bbc-dev.jsonl")


def _collect(folder: Path, workers: int) -> list:
    errors: list[tuple[str, str]] = []
    articles = collect([str(folder)], ReadOptions(workers=workers), on_error=lambda s, m: errors.append((s, m)))
    if errors:
        print(f"  {len(errors)} inputs failed, e.g. {errors[0]}", file=sys.stderr)
    return articles


# (name, stage): a stage takes the previous stage's output and the options.
Stage = Callable[[Any, argparse.Namespace], Any]
def _compose(grouped: tuple[list, list], opts: argparse.Namespace) -> tuple[Any, list]:
    """The brief of the top stories (default method, daily template), as the CLI makes it."""
    docs, clusters = grouped
    spec = load_template("daily")
    return compose(docs, spec, stories=top_stories(docs, clusters, 12), title="Daily brief"), clusters


def _render(composed: tuple[Any, list], opts: argparse.Namespace) -> tuple[Any, list]:
    brief, clusters = composed
    render(brief, "json", load_template("daily"))
    render(brief, "docx", load_template("daily"))
    return brief, clusters


STAGES: list[tuple[str, Stage]] = [
    ("collect", lambda folder, opts: _collect(folder, opts.workers)),
    ("segment", lambda articles, opts: [segment(a) for a in articles]),
    ("group", lambda docs, opts: (docs, group(docs))),
    ("compose", _compose),
    ("render", _render),
]


def texts(data: Path, count: int) -> list[tuple[str, str]]:
    """(title, text) of `count` distinct articles from the eval corpora, Multi-News first."""
    found: list[tuple[str, str]] = []
    for name in CORPORA:
        with (data / name).open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                for text in row.get("documents") or [row["text"]]:
                    if len(text.split()) >= 20:
                        found.append((row.get("title") or "", text))
                if len(found) >= count:
                    return found[:count]
    raise SystemExit(f"only {len(found)} articles in {data}; asked for {count}")


def write_files(folder: Path, items: list[tuple[str, str]]) -> None:
    for n, (title, text) in enumerate(items):
        body = f"{title}\n\n{text}\n" if title else f"{text}\n"
        (folder / f"article-{n:05d}.txt").write_text(body, encoding="utf-8")


def run_one(size: int, data: Path, opts: argparse.Namespace) -> dict[str, Any]:
    """Time each stage on `size` articles in this process; memory is this process's peak."""
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp:
        folder = Path(tmp)
        write_files(folder, texts(data, size))
        result: Any = folder
        timings: dict[str, float] = {}
        for name, stage in STAGES:
            start = time.perf_counter()
            result = stage(result, opts)
            timings[name] = time.perf_counter() - start
    stories = result[1] if isinstance(result, tuple) else None
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"size": size, "seconds": timings, "total": sum(timings.values()), "peak_mb": peak_mb,
            "stories": len(stories) if stories is not None else None,
            "multi": sum(len(s) > 1 for s in stories) if stories is not None else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=EVAL, help="folder with the eval JSONL files")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # child: run one size, print JSON
    opts = parser.parse_args()
    if opts.one:
        print(json.dumps(run_one(opts.sizes[0], opts.data, opts)))
        return
    print(f"stages: {', '.join(name for name, _ in STAGES)}; workers {opts.workers}")
    for size in opts.sizes:
        child = subprocess.run([sys.executable, __file__, "--one", "--sizes", str(size), "--data", str(opts.data),
                                "--workers", str(opts.workers)], capture_output=True, text=True, check=False)
        if child.returncode:
            print(child.stderr, file=sys.stderr)
            raise SystemExit(child.returncode)
        row = json.loads(child.stdout.strip().splitlines()[-1])
        stages = ", ".join(f"{k} {v:.2f} s" for k, v in row["seconds"].items())
        print(f"{size:>6} articles: {row['total']:.2f} s ({stages}); peak {row['peak_mb']:.0f} MB; "
              f"{row['stories']} stories, {row['multi']} with several articles")


if __name__ == "__main__":
    main()
