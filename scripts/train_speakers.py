"""Train the speaker model (who said this quotation) on the dev annotations; write briefing/models/speakers.json.

    .venv/bin/python scripts/train_speakers.py                 # cross-validated figures, then the model
    .venv/bin/python scripts/train_speakers.py --check         # cross-validated figures only
    .venv/bin/python scripts/train_speakers.py --threshold 0.8 # the model only, with this threshold (no CV)
    .venv/bin/python scripts/train_speakers.py --cache /tmp/p  # keep the parses between runs (delete when the
                                                               # parser or the actors change)

Each dev article is parsed once; `find_quotes` gathers every quotation's candidate speakers with their
features (`briefing.analysis.quotes.candidates`). A candidate's label is 1 when it names the gold speaker of
the quotation's sentences (the matching rule of `benchmarks/sections_eval.py`), weighted by how many gold
quote sentences the quotation holds; a quotation whose gold speaker is null has only negatives. A logistic
regression (`briefing.learn`) scores candidates; the best one is the speaker when its probability reaches
the threshold, else there is none.

A quotation may continue the one before, so what was chosen before is a feature: the first round gathers the
candidates with the former hand rules' choices, each later round with the model of the round before
(ROUNDS in all). The threshold is the one that gives the most right speakers less PENALTY times the wrong
ones, over the cross-validated runs.

Cross-validation: the version-2 dev articles (cnndm-dev-v2-a/b/c, bbc-dev-v2-a/b/c) in FOLDS folds by
article; each fold's model is trained on the other folds plus the older dev files (cnndm-dev-25, -fresh*,
-heldout-10), then runs on the held-out fold. Only dev files are read: never the test annotations, nor the
second annotators' files. The result is deterministic.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections_eval import Result, data_for, load, score_quotes, speaker_right  # noqa: E402

from briefing import learn  # noqa: E402
from briefing.analysis.actors import Actors, find_actors  # noqa: E402
from briefing.analysis.quotes import Choice, find_quotes  # noqa: E402
from briefing.analysis.quotes.candidates import FEATURES, Chooser, model_chooser, rule_chooser  # noqa: E402
from briefing.model import Document  # noqa: E402
from briefing.nlp.entities import Parsed, parse  # noqa: E402

ANNOTATIONS = ROOT / "eval" / "annotations"
V2_DEV = tuple(f"{house}-dev-v2-{part}.jsonl" for house in ("cnndm", "bbc") for part in "abc")
OLDER_DEV = ("cnndm-dev-25.jsonl", "cnndm-dev-heldout-10.jsonl", "cnndm-dev-fresh-20.jsonl",
             *(f"cnndm-dev-fresh{n}-20.jsonl" for n in range(2, 10)))
FOLDS = 5
ROUNDS = 2
L2 = 1.0
PENALTY = 3.0  # a wrong speaker costs this many right ones
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(8, 19))
OUT = ROOT / "briefing" / "models" / "speakers.json"


@dataclass
class Item:
    """One annotated dev article, parsed."""

    doc: Document
    gold: dict
    parsed: Parsed
    actors: Actors


def read(names: Sequence[str], cache: Path | None) -> list[Item]:
    """The annotated articles of `names`, parsed (from the cache when it has them)."""
    items: list[Item] = []
    for name in names:
        path = ANNOTATIONS / name
        stored = cache / f"{path.stem}.pkl" if cache else None
        if stored is not None and stored.exists():
            for doc, gold, spacy_doc, starts, actors in pickle.loads(stored.read_bytes()):
                spans = tuple(spacy_doc.char_span(start, start + len(s.text), alignment_mode="expand")
                              or spacy_doc[0:0] for start, s in zip(starts, doc.sentences, strict=True))
                items.append(Item(doc, gold, Parsed(spacy_doc, spans, starts), actors))
            continue
        docs, skipped = load(data_for(path), path)
        for reason in skipped:
            print(f"skipped {reason}", file=sys.stderr)
        found = []
        for doc, gold in docs:
            parsed = parse(doc)
            assert parsed is not None, "no English spaCy model"
            found.append(Item(doc, gold, parsed, find_actors(parsed, doc.article)))
        if stored is not None:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_bytes(pickle.dumps([(i.doc, i.gold, i.parsed.doc, i.parsed.starts, i.actors) for i in found]))
        items += found
    return items


def examples(items: Sequence[Item], choose: Chooser) -> tuple[list[dict[str, float]], list[int], list[float]]:
    """Feature rows, 0/1 labels and weights of every candidate of every gold quotation in `items`."""
    rows, labels, weights = [], [], []
    for item in items:
        trace: list[Choice] = []
        find_quotes(item.doc, item.parsed, item.actors, choose, trace)
        gold = {q["sentence"]: q for q in item.gold["quotes"]}
        variants = {a["name"]: a["variants"] for a in item.gold["actors"]}
        for choice in trace:
            inside = [gold[i] for i in range(choice.first, choice.last + 1) if i in gold]
            if not inside:
                continue  # not a quotation by the annotation: its speaker is not scored
            truth = {**inside[0], "variants": variants.get(inside[0]["speaker"], [])}
            for candidate in choice.candidates:
                rows.append(candidate.features)
                labels.append(int(speaker_right(candidate.label, truth)))
                weights.append(float(len(inside)))
    return rows, labels, weights


def fit(items: Sequence[Item], threshold: float = 0.5, about: str = "") -> learn.LinearModel:
    """The speaker model trained on `items` over ROUNDS rounds (the first with the hand rules' choices)."""
    choose: Chooser = rule_chooser
    model = None
    for _ in range(ROUNDS):
        rows, labels, weights = examples(items, choose)
        model = learn.train("speakers", rows, labels, l2=L2, weights=weights, features=FEATURES,
                            threshold=threshold, about=about)
        choose = model_chooser(model)
    assert model is not None
    return model


def score(items: Sequence[Item], choose: Chooser) -> Result:
    """Quote figures of `items` with this choice of speakers, as sections_eval counts them."""
    result = Result()
    for item in items:
        quotes = find_quotes(item.doc, item.parsed, item.actors, choose)
        score_quotes(item.doc, item.gold, quotes, result, f"[{item.gold['line']}]")
    return result


def line(result: Result) -> str:
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

    return (f"right {ratio(result.quotes_right, result.quotes_found)}  wrong "
            f"{ratio(result.speakers_wrong, result.speakers_given)}  "
            f"named {ratio(result.named_shown, result.named_speakers)}")


def with_threshold(model: learn.LinearModel, threshold: float) -> learn.LinearModel:
    return learn.LinearModel(model.name, model.features, model.mean, model.scale, model.weights, model.bias,
                             threshold, model.about)


def cross_validate(v2: Sequence[Item], older: Sequence[Item]) -> tuple[float, dict[float, Result], Result]:
    """Pooled held-out figures per threshold, the best threshold, and the hand rules' figures."""
    pooled = {t: Result() for t in THRESHOLDS}
    rules = Result()
    for fold in range(FOLDS):
        held = [item for k, item in enumerate(v2) if k % FOLDS == fold]
        rest = [item for k, item in enumerate(v2) if k % FOLDS != fold]
        model = fit([*rest, *older])
        for t in THRESHOLDS:
            _add(pooled[t], score(held, model_chooser(with_threshold(model, t))))
        _add(rules, score(held, rule_chooser))
        print(f"  fold {fold + 1}/{FOLDS} done", file=sys.stderr)
    best = max(THRESHOLDS, key=lambda t: pooled[t].quotes_right - PENALTY * pooled[t].speakers_wrong)
    return best, pooled, rules


def _add(total: Result, part: Result) -> None:
    for name in ("quotes_found", "quotes_right", "speakers_given", "speakers_wrong", "named_shown",
                 "named_speakers"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.quote_detection.add(part.quote_detection)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validated figures only; write nothing")
    parser.add_argument("--cache", type=Path, help="a folder to keep the parses in between runs")
    parser.add_argument("--threshold", type=float, help="skip the cross-validation and use this threshold")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    v2, older = read(V2_DEV, args.cache), read(OLDER_DEV, args.cache)
    print(f"{len(v2)} version-2 dev articles, {len(older)} older dev articles "
          f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.threshold is not None:
        best = args.threshold
        about = (f"trained by scripts/train_speakers.py on {len(v2) + len(older)} dev articles ({', '.join(V2_DEV)} "
                 f"and the older cnndm-dev files); threshold {best}")
    else:
        best, pooled, rules = cross_validate(v2, older)
        print(f"Cross-validated on {len(v2)} version-2 dev articles ({FOLDS} folds):")
        print(f"  hand rules        {line(rules)}")
        for t in THRESHOLDS:
            print(f"  threshold {t:.2f}  {line(pooled[t])}{'   <- chosen' if t == best else ''}")
        if args.check:
            return 0
        about = (f"trained by scripts/train_speakers.py on {len(v2) + len(older)} dev articles "
                 f"({', '.join(V2_DEV)} and the older cnndm-dev files); threshold {best} chosen by {FOLDS}-fold "
                 f"cross-validation over the version-2 dev articles, where it gives {line(pooled[best])}")
    model = fit([*v2, *older], best, about)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
