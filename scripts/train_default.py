"""Train the `default` method's linear ranker on the dev splits; write model_weights.json.

    .venv/bin/python scripts/train_default.py [--data-dir ../shared/eval] [--check]

Labels come from a greedy ROUGE oracle: for each dev document, up to three
sentences chosen one at a time to raise ROUGE-1 + ROUGE-2 F1 against the
reference (rouge-score tokens, Porter stemmer). A logistic regression with an
L2 penalty is fitted by Newton's method on the standardised features of
`briefing.rank.default.FEATURES`; every dataset weighs the same. The MMR
weight is then chosen on the same dev documents. Only *-dev.jsonl is read, and
the result is deterministic: the same data gives the same JSON.

`--check` trains on the first half of each dev split and reports ROUGE on the
second half (with Lead-3 for comparison) instead of writing the weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.evaluate import Rouge, _CachedTokenizer, load  # noqa: E402
from briefing.model import Document  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402
from briefing.rank import default  # noqa: E402
from briefing.rank.registry import Length, take  # noqa: E402

DEV_SETS = ("cnndm-dev", "bbc-dev")
ORACLE_SHARE = 0.75  # label = share × (in the oracle) + (1 - share) × (own gain / the document's best)
ORACLE_LEAST, ORACLE_MOST = 3, 8  # oracle length: the reference's sentence count, within these
L2 = 1.0
MMR_LAMBDAS = (0.6, 0.7, 0.8, 0.9, 1.0)
OUT = ROOT / "briefing" / "rank" / "model_weights.json"


@dataclass
class Example:
    """One dev document: its features, oracle labels and what ROUGE needs."""

    dataset: str
    doc: Document
    x: np.ndarray
    y: np.ndarray  # 1 for the oracle's sentences
    gain: np.ndarray  # each sentence's own (ROUGE-1 F1 + ROUGE-2 F1) / 2 against the reference
    reference: tuple[str, ...]


def _grams(tokens: list[str]) -> tuple[Counter, Counter]:
    return Counter(tokens), Counter(pairwise(tokens))


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if overlap == 0:
        return 0.0
    p, r = overlap / candidate, overlap / reference
    return 2 * p * r / (p + r)


def _value(c1: Counter, c2: Counter, ref1: Counter, ref2: Counter) -> float:
    """ROUGE-1 F1 + ROUGE-2 F1 of n-gram counts against the reference's."""
    return (_f1(sum((c1 & ref1).values()), sum(c1.values()), sum(ref1.values()))
            + _f1(sum((c2 & ref2).values()), max(1, sum(c2.values())), max(1, sum(ref2.values()))))


def labels(doc: Document, reference: tuple[str, ...], tokenizer: _CachedTokenizer,
           k: int) -> tuple[list[int], np.ndarray]:
    """Greedy oracle (add the sentence that most raises ROUGE-1 + ROUGE-2 F1, up to k)
    and each sentence's own ROUGE gain."""
    ref1, ref2 = _grams([t for line in reference for t in tokenizer.tokenize(line)])
    grams = [_grams(tokenizer.tokenize(s.text)) for s in doc.sentences]
    gain = np.array([_value(g1, g2, ref1, ref2) / 2 for g1, g2 in grams])
    chosen: list[int] = []
    have1: Counter = Counter()
    have2: Counter = Counter()
    best_value = 0.0
    for _ in range(k):
        pick, pick_value = None, best_value
        for i, (g1, g2) in enumerate(grams):
            if i in chosen:
                continue
            value = _value(have1 + g1, have2 + g2, ref1, ref2)
            if value > pick_value:
                pick, pick_value = i, value
        if pick is None:
            break
        chosen.append(pick)
        have1 += grams[pick][0]
        have2 += grams[pick][1]
        best_value = pick_value
    return chosen, gain


def examples(data_dir: Path, names: tuple[str, ...], limit: int | None) -> list[Example]:
    """Features and oracle labels of every dev document (documents of one sentence skipped)."""
    tokenizer = _CachedTokenizer()
    out: list[Example] = []
    for name in names:
        for item in load(data_dir / f"{name}.jsonl", limit):
            doc = segment(item.article)
            if len(doc) < 2:
                continue
            k = min(ORACLE_MOST, max(ORACLE_LEAST, len(item.reference)))
            chosen, gain = labels(doc, item.reference, tokenizer, k)
            y = np.zeros(len(doc))
            y[chosen] = 1.0
            out.append(Example(name, doc, default.features(doc), y, gain, item.reference))
    return out


def target(e: Example, share: float | None = None) -> np.ndarray:
    """Soft labels in [0, 1]: the oracle's choice blended with the sentence's own gain."""
    share = ORACLE_SHARE if share is None else share
    return share * e.y + (1 - share) * e.gain / max(float(e.gain.max()), 1e-9)


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Weighted L2-penalised logistic regression by Newton's method (bias unpenalised)."""
    design = np.column_stack([x, np.ones(len(x))])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(design @ beta)))
        gradient = design.T @ (w * (p - y)) + penalty * beta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta[:-1], float(beta[-1])


def train(train_set: list[Example], l2: float = L2) -> default.Model:
    """A Model fitted on these examples (MMR weight 1.0 until tuned)."""
    x = np.vstack([e.x for e in train_set])
    y = np.concatenate([target(e) for e in train_set])
    per_dataset = Counter(e.dataset for e in train_set)
    w = np.concatenate([np.full(len(e.y), 1.0 / per_dataset[e.dataset]) for e in train_set])
    w *= len(w) / w.sum()
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    weights, bias = fit_logistic((x - mean) / scale, y, w, l2)
    return default.Model(default.FEATURES, mean, scale, weights, bias, mmr_lambda=1.0)


def rouge_of(model: default.Model, test_set: list[Example], lam: float, sentences: int = 3,
             stand_alone: bool = True) -> dict[str, dict[str, float]]:
    """Mean ROUGE F1 per dataset of the model's 3-sentence summaries (and Lead-3's)."""
    rouge = Rouge()
    sums: dict[str, dict[str, Counter]] = {}
    for e in test_set:
        scores = model.score(e.x)
        length = Length(sentences=sentences)
        # select() gives its choice in order, then the other candidates: the summary is what `take` keeps.
        picks = take(e.doc, default.select(e.doc, scores, length, mmr_lambda=lam, stand_alone=stand_alone), length)
        for label, chosen in (("model", sorted(picks)), ("lead", list(range(min(sentences, len(e.doc)))))):
            r = rouge(e.reference, [e.doc.sentences[i].text for i in chosen])
            sums.setdefault(e.dataset, {}).setdefault(label, Counter()).update(r)
            sums[e.dataset][label]["n"] += 1
    return {f"{d}/{label}": {k: v / c["n"] for k, v in c.items() if k != "n"}
            for d, by in sums.items() for label, c in by.items()}


def _objective(result: dict[str, dict[str, float]]) -> float:
    """Mean over datasets of ROUGE-1 + ROUGE-2 + ROUGE-Lsum."""
    models = [v for k, v in result.items() if k.endswith("/model")]
    return sum(v["rouge1"] + v["rouge2"] + v["rougeLsum"] for v in models) / len(models)


def tune_lambda(model: default.Model, tune_set: list[Example]) -> float:
    """The MMR weight that scores best on `tune_set`."""
    scored = [(_objective(rouge_of(model, tune_set, lam)), lam) for lam in MMR_LAMBDAS]
    return max(scored)[1]


def _print(result: dict[str, dict[str, float]]) -> None:
    for key in sorted(result):
        r = result[key]
        print(f"  {key:24s} R1 {r['rouge1']:.2f}  R2 {r['rouge2']:.2f}  RL {r['rougeL']:.2f}  "
              f"RLsum {r['rougeLsum']:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=None, help="documents per dev split")
    parser.add_argument("--check", action="store_true", help="train on half of dev, report the other half")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    data = examples(args.data_dir, DEV_SETS, args.limit)
    print(f"{len(data)} dev documents, {sum(len(e.y) for e in data)} sentences "
          f"({time.perf_counter() - start:.0f} s)")
    if args.check:
        first = [e for i, e in enumerate(data) if i % 2 == 0]
        second = [e for i, e in enumerate(data) if i % 2 == 1]
        model = train(first)
        lam = tune_lambda(model, first)
        print(f"trained on half of dev, MMR lambda {lam}; the other half:")
        _print(rouge_of(model, second, lam))
        return 0
    model = train(data)
    lam = tune_lambda(model, data)
    payload = {
        "about": "briefing default ranker: logistic regression on soft labels (greedy ROUGE oracle "
                 "blended with each sentence's own ROUGE gain); written by scripts/train_default.py",
        "oracle_share": ORACLE_SHARE,
        "trained_on": [f"{name}.jsonl" for name in DEV_SETS],
        "documents": len(data),
        "l2": L2,
        "features": list(default.FEATURES),
        "mean": [round(v, 8) for v in model.mean.tolist()],
        "scale": [round(v, 8) for v in model.scale.tolist()],
        "weights": [round(v, 8) for v in model.weights.tolist()],
        "bias": round(model.bias, 8),
        "mmr_lambda": lam,
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (MMR lambda {lam}); on dev:")
    _print(rouge_of(default.Model.from_json(args.out.read_text()), data, lam))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
