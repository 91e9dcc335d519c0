"""Train the Key-figures decision (is a candidate figure one of the article's key numbers?); write the model.

    .venv/bin/python scripts/train_figures.py --cache /tmp/parses            # figures, then write the model
    .venv/bin/python scripts/train_figures.py --cache /tmp/parses --check    # the figures only
    .venv/bin/python scripts/train_figures.py --cache /tmp/parses --test     # also report on the test files

Examples: every candidate figure (`briefing.analysis.figures.find_figures`) of the version-2 dev annotation files
(first annotators only), with its evidence (`FEATURES`); a candidate is key when it covers one of the article's
annotated key figures as `benchmarks/sections_eval.py` counts it (same sentence, one of its numbers in the
phrase). One logistic regression (`briefing.learn.train`). The threshold is chosen on 5-fold cross-validated
probabilities (by article) for the F1 of the panel as Key figures builds it: the likeliest `LIMIT` candidates at
or above the threshold, one a sentence and one a phrase. Beside it, the rule it replaces (the rule's score,
at least 1.0). Deterministic: the same data gives the same JSON.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_actors import ANNOTATIONS, annotated, dev_v2_files, fold_probabilities, v2_arguments  # noqa: E402

from briefing.analysis.figures import FEATURES, THRESHOLD, find_figures  # noqa: E402
from briefing.learn import train  # noqa: E402

OUT = ROOT / "briefing" / "models" / "figures.json"
FOLDS = 5
L2 = 1.0
LIMIT = 4  # the panel sections_eval counts
_NUMBERS = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?|"
                      r"millions?|billions?|dozens?)\b")


class Article:
    """One annotated article: its candidates (rows, sentences, phrases), which gold figure each covers, and how
    many gold figures it has."""

    def __init__(self, figures, gold: list[dict]) -> None:
        self.rows = [dict(zip(FEATURES, f.features, strict=True)) for f in figures]
        self.rule = [f.score for f in figures]
        self.sentences = [f.sentence for f in figures]
        self.phrases = [f.phrase.lower() for f in figures]
        self.covers = []
        for f in figures:
            hit = next((k for k, g in enumerate(gold) if g["sentence"] == f.sentence and any(
                n in f.phrase.lower() for n in _NUMBERS.findall(g["text"].lower()))), None)
            self.covers.append(hit)
        self.gold = len(gold)

    def panel(self, scores: list[float], threshold: float) -> list[int]:
        """The candidates Key figures shows: the likeliest LIMIT at or above the threshold, one a sentence and
        one a phrase."""
        best: dict[int, int] = {}
        seen: set[str] = set()
        for i in sorted(range(len(scores)), key=lambda i: -scores[i]):
            if scores[i] >= threshold and self.phrases[i] not in seen and self.sentences[i] not in best:
                seen.add(self.phrases[i])
                best[self.sentences[i]] = i
        return sorted(best.values(), key=lambda i: -scores[i])[:LIMIT]


def articles_of(files: list[Path], cache: Path | None, data_dir: Path) -> list[Article]:
    return [Article(find_figures(parsed), gold["figures"])
            for _path, _doc, gold, parsed in annotated(files, cache, data_dir) if "figures" in gold]


def panel_figures(articles: list[Article], scores: list[list[float]], threshold: float) -> tuple[float, float, float]:
    """Precision (shown figures that are key), recall (key figures shown) and F1 of the panels."""
    shown = right = found = total = 0
    for a, s in zip(articles, scores, strict=True):
        panel = a.panel(s, threshold)
        shown += len(panel)
        right += sum(a.covers[i] is not None for i in panel)
        found += len({a.covers[i] for i in panel if a.covers[i] is not None})
        total += a.gold
    p, r = right / max(1, shown), found / max(1, total)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    args = v2_arguments(__doc__.splitlines()[0], argv)
    articles = articles_of(dev_v2_files(), args.cache, args.data_dir)
    n = sum(len(a.rows) for a in articles)
    print(f"{len(articles)} dev articles, {n} candidates ({sum(c is not None for a in articles for c in a.covers)} "
          f"key), {sum(a.gold for a in articles)} annotated key figures, {len(FEATURES)} features")
    groups = [(a.rows, [c is not None for c in a.covers]) for a in articles]
    cv = [list(p) for p in fold_probabilities("figures", groups, [j % FOLDS for j in range(len(articles))],
                                              FEATURES, L2)]
    best_t, best = 0.5, (0.0, 0.0, -1.0)
    for t in np.arange(0.05, 0.81, 0.025):
        found = panel_figures(articles, cv, float(t))
        if found[2] > best[2] + 1e-9:
            best_t, best = round(float(t), 3), found
    rule = panel_figures(articles, [a.rule for a in articles], THRESHOLD)
    lines = ["rule (score >= 1.0)         panel precision {:.3f}  key figures shown {:.3f}  F1 {:.3f}".format(*rule),
             f"learned, threshold {best_t:<6}  panel precision {best[0]:.3f}  key figures shown {best[1]:.3f}  "
             f"F1 {best[2]:.3f}"]
    print(f"dev, 5-fold cross-validated by article (panels of {LIMIT}):\n  " + "\n  ".join(lines))
    final = train("figures", [r for a in articles for r in a.rows], [c is not None for a in articles for c in a.covers],
                  l2=L2, features=FEATURES, threshold=best_t,
                  about=f"scripts/train_figures.py: {len(articles)} dev articles, {n} candidates; L2 {L2}; threshold "
                        "on 5-fold cross-validated panels. " + " | ".join(" ".join(x.split()) for x in lines))
    if args.test:
        for name in ("cnndm-test-v2", "bbc-test-v2"):
            held = articles_of([ANNOTATIONS / f"{name}.jsonl"], args.cache, args.data_dir)
            learned = panel_figures(held, [[final.probability(r) for r in a.rows] for a in held], best_t)
            ruled = panel_figures(held, [a.rule for a in held], THRESHOLD)
            print(f"{name}: rule precision {ruled[0]:.3f} shown {ruled[1]:.3f}; "
                  f"learned precision {learned[0]:.3f} shown {learned[1]:.3f}")
    if not args.check:
        OUT.write_text(final.to_json(), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
