"""Train the background and outlook decisions on the dev annotations; write briefing/models/*.json.

    python scripts/train_background.py             # cross-validated figures, then the three model files
    python scripts/train_background.py --check     # the figures only

Every dev annotation file of eval/annotations is read (`cnndm-dev-*.jsonl` and
`bbc-dev-v2-*.jsonl`; never the test files, nor the second annotator's): version-1
files label background, version-2 files background and outlook. Each article is
parsed once. Three logistic models (`briefing/learn.py`) are fitted, in order:

- `outlook` on each sentence's own features (`briefing.analysis.outlook.FEATURES`),
  on version-2 files;
- `background` on each sentence's own features (`briefing.analysis.background.FEATURES`,
  with the out-of-fold outlook probabilities), on every file;
- `background_context` on the `background` probabilities of the sentence, its
  neighbours and its document (stacking: the probabilities it learns from are
  out-of-fold, as they will be on new text).

Everything is cross-validated by annotation file (each file held out in turn; for the
figures, the second model's inputs are made out-of-fold inside the training files
too). The L2 penalties are chosen by the pooled cross-validated log loss, the decision
thresholds by the cross-validated F1 (for background over all dev files, each gold
lead counted as missed, since the lead is never background). The figures printed are those held-out
predictions, scored as `benchmarks/sections_eval.py` scores the system (the lead never
background, outlook only where not background). The result is deterministic.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # small matrices: threads only contend

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections_eval import data_for, load  # noqa: E402

from briefing import learn  # noqa: E402
from briefing.analysis import Analysis, analyse  # noqa: E402
from briefing.analysis import background as bg  # noqa: E402
from briefing.analysis import outlook as ol  # noqa: E402
from briefing.nlp.furniture import is_credit  # noqa: E402

ANNOTATIONS = ROOT / "eval" / "annotations"
OUT = ROOT / "briefing" / "models"
L2S = (1.0, 10.0, 100.0)
STEPS = 30  # Newton steps (it converges in about ten)


@dataclass
class Item:
    """One annotated dev article: its file, gold labels and analysis (parse, dates, actors, quotes)."""

    file: str
    gold: dict
    analysis: Analysis
    outlook_own: list[dict[str, float]] = field(default_factory=list)
    outlook_p: list[float] = field(default_factory=list)  # out-of-fold
    background_own: list[dict[str, float]] = field(default_factory=list)
    held_background: list[float] = field(default_factory=list)  # the held-out probabilities the figures score

    @property
    def n(self) -> int:
        return len(self.analysis.doc)


def dev_files() -> list[Path]:
    """The dev annotation files: every cnndm-dev-* and bbc-dev-v2-* file but the second annotator's."""
    return sorted(p for p in ANNOTATIONS.glob("*.jsonl")
                  if p.name.startswith(("cnndm-dev-", "bbc-dev-")) and "second" not in p.name)


def read(files: Sequence[Path], progress: Callable[[str], None] = print) -> list[Item]:
    items = []
    started = time.perf_counter()
    for path in files:
        docs, skipped = load(data_for(path), path)
        for reason in skipped:
            progress(f"skipped {reason}")
        for doc, gold in docs:
            items.append(Item(path.name, gold, analyse(doc, "parsed", "dates", "actors", "quotes")))
        progress(f"  read {path.name}: {len(docs)} articles ({time.perf_counter() - started:.0f} s)")
    return items


# -- fitting ---------------------------------------------------------------------------------------------------


@dataclass
class Rows:
    """Sentence rows of several articles: features, labels, and the file each came from."""

    x: list[dict[str, float]] = field(default_factory=list)
    y: list[int] = field(default_factory=list)
    group: list[str] = field(default_factory=list)
    where: list[tuple[int, int]] = field(default_factory=list)  # (item index, sentence index)
    matrices: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict)

    def matrix(self, names: Sequence[str]) -> np.ndarray:
        key = tuple(names)
        if key not in self.matrices:
            self.matrices[key] = np.array([[float(row.get(n, 0.0)) for n in key] for row in self.x])
        return self.matrices[key]


def fit(rows: Rows, mask: np.ndarray, names: Sequence[str], l2: float, name: str = "model") -> learn.LinearModel:
    """As `learn.train` does, on the rows in `mask` (the matrix made once)."""
    x = rows.matrix(names)[mask]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    coef, bias = learn.fit_logistic((x - mean) / scale, np.array(rows.y, dtype=float)[mask], l2, steps=STEPS)
    return learn.LinearModel(name, tuple(names), tuple(mean.round(9)), tuple(scale.round(9)), tuple(coef.round(9)),
                             round(bias, 9))


def predict(model: learn.LinearModel, rows: Rows, mask: np.ndarray) -> np.ndarray:
    x = rows.matrix(model.features)[mask]
    z = ((x - np.array(model.mean)) / np.array(model.scale)) @ np.array(model.weights) + model.bias
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def out_of_fold(rows: Rows, names: Sequence[str], l2: float, among: np.ndarray | None = None) -> np.ndarray:
    """Each row's probability from a model fitted without its file (only rows in `among` take part)."""
    among = np.ones(len(rows.y), bool) if among is None else among
    groups = np.array(rows.group)
    p = np.zeros(len(rows.y))
    for g in sorted(set(groups[among])):
        held = among & (groups == g)
        p[held] = predict(fit(rows, among & ~held, names, l2), rows, held)
    return p


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


# -- the two stages ----------------------------------------------------------------------------------------------


def own_rows(items: list[Item], field_name: str, label: str) -> Rows:
    """One row per sentence but the lead (of articles that label `label`)."""
    rows = Rows()
    for k, item in enumerate(items):
        if label not in item.gold:
            continue
        truth = set(item.gold[label])
        for i in range(1, item.n):
            rows.x.append(getattr(item, field_name)[i])
            rows.y.append(int(i in truth))
            rows.group.append(item.file)
            rows.where.append((k, i))
    return rows


def probabilities_by_item(rows: Rows, p: np.ndarray, items: list[Item]) -> dict[int, list[float]]:
    out: dict[int, list[float]] = {}
    for (k, i), value in zip(rows.where, p, strict=True):
        out.setdefault(k, [0.0] * items[k].n)[i] = float(value)
    return out


def context_rows(items: list[Item], own: Rows, first: np.ndarray, make: Callable[[Item, list[float]], list[dict]]
                 ) -> Rows:
    """The second model's rows, from first-model probabilities `first` (one per row of `own`)."""
    by_item = probabilities_by_item(own, first, items)
    made = {k: make(items[k], probs) for k, probs in by_item.items()}
    return Rows([made[k][i] for k, i in own.where], own.y, own.group, own.where)


def stacked(items: list[Item], own: Rows, names: Sequence[str], context_names: Sequence[str],
            make: Callable[[Item, list[float]], list[dict]], l2: float, l2_context: float) -> np.ndarray:
    """Held-out probabilities of the two-model stack, by file: for each file, the first model is fitted on the
    others, the second on the others' out-of-fold first probabilities (folds inside the training files)."""
    groups = np.array(own.group)
    final = np.zeros(len(own.y))
    for g in sorted(set(groups)):
        held = groups == g
        inner = out_of_fold(own, names, l2, among=~held)
        inner[held] = predict(fit(own, ~held, names, l2), own, held)
        context = context_rows(items, own, inner, make)
        final[held] = predict(fit(context, ~held, context_names, l2_context), context, held)
    return final


def best_threshold(p: np.ndarray, y: np.ndarray, extra_fn: int = 0) -> float:
    """The threshold of best F1 (`extra_fn`: positives no row can catch, such as gold leads)."""
    best, chosen = -1.0, 0.5
    for t in np.arange(0.2, 0.8, 0.01):
        tp = float(((p >= t) & (y == 1)).sum())
        fp = float(((p >= t) & (y == 0)).sum())
        fn = float(((p < t) & (y == 1)).sum()) + extra_fn
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best + 1e-9:
            best, chosen = f1, round(float(t), 2)
    return chosen


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})"


def score(items: list[Item], background: dict[int, list[float]], outlook: dict[int, list[float]],
          t_background: float, t_outlook: float, which: Callable[[Item], bool]) -> tuple[str, str]:
    """Background and outlook scored as sections_eval scores them, over the items `which` keeps."""
    b = [0, 0, 0]
    o = [0, 0, 0]
    for k, item in enumerate(items):
        if not which(item):
            continue
        sentences = item.analysis.doc.sentences
        flags = {i for i, p in enumerate(background.get(k, [])) if i > 0 and p >= t_background
                 and not is_credit(sentences[i].text)}
        truth = set(item.gold["background"])
        b[0], b[1], b[2] = b[0] + len(flags & truth), b[1] + len(flags - truth), b[2] + len(truth - flags)
        if "outlook" in item.gold:
            ahead = {i for i, p in enumerate(outlook.get(k, [])) if i > 0 and p >= t_outlook and i not in flags}
            truth = set(item.gold["outlook"])
            o[0], o[1], o[2] = o[0] + len(ahead & truth), o[1] + len(ahead - truth), o[2] + len(truth - ahead)
    return prf(*b), prf(*o)


def background_context(item: Item, first: list[float]) -> list[dict]:
    return bg.context_features(item.analysis.doc, item.background_own, first, item.analysis.quotes,
                               tuple(item.outlook_p))


def choose_l2(items: list[Item], own: Rows, names: Sequence[str], context_names: Sequence[str],
              make: Callable[[Item, list[float]], list[dict]], say: Callable[[str], None]) -> tuple[float, float]:
    """The first model's penalty by its out-of-fold log loss, then the second's by its own, on the first's
    out-of-fold probabilities."""
    y = np.array(own.y)
    first = {l2: out_of_fold(own, names, l2) for l2 in L2S}
    losses = {l2: log_loss(p, y) for l2, p in first.items()}
    l2 = min(losses, key=lambda k: losses[k])
    say("    first model, held-out log loss by L2: " + ", ".join(f"{k:g}: {v:.4f}" for k, v in losses.items()))
    context = context_rows(items, own, first[l2], make)
    losses = {c: log_loss(out_of_fold(context, context_names, c), y) for c in L2S}
    l2_context = min(losses, key=lambda k: losses[k])
    say("    second model, held-out log loss by L2: " + ", ".join(f"{k:g}: {v:.4f}" for k, v in losses.items()))
    return l2, l2_context


def train_stage(items: list[Item], own: Rows, names: Sequence[str], context_names: Sequence[str],
                make: Callable[[Item, list[float]], list[dict]], name: str, l2: float, l2_context: float,
                threshold: float, about: str) -> tuple[learn.LinearModel, learn.LinearModel]:
    """The two models fitted on every row (the second on out-of-fold first probabilities)."""
    everything = np.ones(len(own.y), bool)
    first = fit(own, everything, names, l2, name)
    context = context_rows(items, own, out_of_fold(own, names, l2), make)
    second = fit(context, everything, context_names, l2_context, f"{name}_context")
    note = f"{about}; L2 {l2:g}"
    first = learn.LinearModel(first.name, first.features, first.mean, first.scale, first.weights, first.bias, 0.5,
                              f"{note} (first model: a sentence's own features)")
    second = learn.LinearModel(second.name, second.features, second.mean, second.scale, second.weights,
                               second.bias, threshold, f"{note}, context L2 {l2_context:g} (second model: the "
                               f"neighbours' first probabilities); threshold by cross-validated F1")
    return first, second


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the cross-validated figures only")
    args = parser.parse_args(argv)
    files = dev_files()
    print(f"Dev annotation files: {len(files)}")
    items = read(files)
    print(f"{len(items)} articles, {sum(i.n for i in items)} sentences")
    summary = train(items, print)
    if not args.check:
        OUT.mkdir(exist_ok=True)
        for model in summary:
            (OUT / f"{model.name}.json").write_text(model.to_json(), encoding="utf-8")
            print(f"wrote {OUT.relative_to(ROOT) / (model.name + '.json')}")
    return 0


def train(items: list[Item], say: Callable[[str], None]) -> list[learn.LinearModel]:
    """Cross-validate, print the held-out figures, and fit the three models on every dev file."""
    v2 = [item for item in items if "outlook" in item.gold]
    say(f"Outlook ({len(v2)} version-2 articles)")
    for item in items:
        item.outlook_own = ol.features(item.analysis.doc, item.analysis.parsed, item.analysis.dates)
    own = own_rows(items, "outlook_own", "outlook")
    y = np.array(own.y)
    held_by_l2 = {l2: out_of_fold(own, ol.FEATURES, l2) for l2 in L2S}
    losses = {l2: log_loss(p, y) for l2, p in held_by_l2.items()}
    l2 = min(losses, key=lambda k: losses[k])
    say("    held-out log loss by L2: " + ", ".join(f"{k:g}: {v:.4f}" for k, v in losses.items()))
    held = held_by_l2[l2]
    t_outlook = best_threshold(held, y)
    say(f"  threshold {t_outlook:.2f}")
    # The bias is shifted so that 0.5 is the chosen threshold (analysis.outlook >= outlook.THRESHOLD), and the
    # held-out probabilities with it.
    shift = float(np.log(t_outlook / (1 - t_outlook)))
    outlook = fit(own, np.ones(len(y), bool), ol.FEATURES, l2, "outlook")
    outlook = learn.LinearModel(outlook.name, outlook.features, outlook.mean, outlook.scale, outlook.weights,
                                round(outlook.bias - shift, 9), ol.THRESHOLD,
                                f"trained on {len(v2)} dev articles (version-2 files), cross-validated by file; "
                                f"L2 {l2:g}; bias shifted by the threshold of best cross-validated F1, {t_outlook:.2f}")
    held = 1.0 / (1.0 + np.exp(-(np.log(np.clip(held, 1e-9, 1)) - np.log(np.clip(1 - held, 1e-9, 1)) - shift)))
    outlook_by_item = probabilities_by_item(own, held, items)
    t_outlook = ol.THRESHOLD
    # Articles without outlook labels get the model fitted on all version-2 files (which never saw them).
    for k, item in enumerate(items):
        item.outlook_p = outlook_by_item.get(k) or [outlook.probability(f) if i else 0.0
                                                    for i, f in enumerate(item.outlook_own)]

    say(f"Background ({len(items)} articles)")
    for item in items:
        a = item.analysis
        item.background_own = bg.features(a.doc, a.parsed, a.dates, a.quotes, tuple(item.outlook_p), a.actors)
    own = own_rows(items, "background_own", "background")
    l2, l2c = choose_l2(items, own, bg.FEATURES, bg.CONTEXT_FEATURES, background_context, say)
    held = stacked(items, own, bg.FEATURES, bg.CONTEXT_FEATURES, background_context, l2, l2c)
    background_by_item = {k: bg.one_statement(probs, items[k].analysis.quotes)
                          for k, probs in probabilities_by_item(own, held, items).items()}
    held = np.array([background_by_item[k][i] for k, i in own.where])
    for k, probs in background_by_item.items():
        items[k].held_background = probs
    leads = sum(1 for item in items if 0 in item.gold["background"])
    t_background = best_threshold(held, np.array(own.y), extra_fn=leads)
    say(f"  threshold {t_background:.2f}")
    about = f"trained on {len(items)} dev articles, cross-validated by file"
    background_models = train_stage(items, own, bg.FEATURES, bg.CONTEXT_FEATURES, background_context, "background",
                                    l2, l2c, t_background, about)

    say("Held-out figures (each file predicted by models fitted without it):")
    for title, which in (
        ("dev version 2, pooled", lambda it: "outlook" in it.gold),
        ("cnndm-dev version 2", lambda it: "outlook" in it.gold and it.file.startswith("cnndm")),
        ("bbc-dev version 2", lambda it: it.file.startswith("bbc")),
        ("cnndm-dev version 1", lambda it: "outlook" not in it.gold),
        ("all dev", lambda it: True),
    ):
        b, o = score(items, background_by_item, outlook_by_item, t_background, t_outlook, which)
        n = sum(1 for it in items if which(it))
        say(f"  {title} ({n} articles)\n    background {b}" + (
            f"\n    outlook    {o}" if "version 1" not in title else ""))
    return [outlook, *background_models]


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["Item", "dev_files", "read", "train"]
