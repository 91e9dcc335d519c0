"""Train the What-to-watch decision (is a sentence about what comes next?) on the dev annotations; write the model.

    .venv/bin/python scripts/train_outlook.py --cache /tmp/parses            # figures, then write the model
    .venv/bin/python scripts/train_outlook.py --cache /tmp/parses --check    # the figures only
    .venv/bin/python scripts/train_outlook.py --cache /tmp/parses --test     # also report on the test files

Examples: every sentence but the lead of the version-2 dev annotation files (`eval/annotations/*-dev-v2-*.jsonl`,
first annotators only), labelled by their `outlook` lists, with the features of
`briefing.analysis.outlook.FEATURES` (the rule's evidence taken apart, with position, quotation and length). One
logistic regression (`briefing.learn.train`); the threshold is chosen on 5-fold cross-validated probabilities
(by article) for F1. Beside it, the rule it replaces in What to watch (score >= 1.0). Figures count every
sentence but the lead, before Background takes its own (`benchmarks/sections_eval.py` leaves those out).
Deterministic: the same data gives the same JSON.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_actors import ANNOTATIONS, annotated, dev_v2_files, fold_probabilities, v2_arguments  # noqa: E402

from briefing.analysis.dating import document_dates  # noqa: E402
from briefing.analysis.outlook import FEATURES, THRESHOLD, outlook_features  # noqa: E402
from briefing.learn import train  # noqa: E402

OUT = ROOT / "briefing" / "models" / "outlook.json"
FOLDS = 5
L2 = 1.0


def examples(files: list[Path], cache: Path | None, data_dir: Path) -> list[tuple[str, list[dict], list[bool]]]:
    """Per article: its tag, its sentences' features (lead left out) and labels."""
    out = []
    for gold_path, doc, gold, parsed in annotated(files, cache, data_dir):
        if "outlook" in gold:
            rows = outlook_features(parsed, document_dates(parsed, doc.article))[1:]
            expected = set(gold["outlook"])
            out.append((f"{gold_path.name}:{gold['line']}", rows, [i in expected for i in range(1, len(rows) + 1)]))
    return out


def prf(said: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    tp = int((said & y).sum())
    p, r = tp / max(1, int(said.sum())), tp / max(1, int(y.sum()))
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    args = v2_arguments(__doc__.splitlines()[0], argv)
    articles = examples(dev_v2_files(), args.cache, args.data_dir)
    rows = [r for _, rs, _ in articles for r in rs]
    y = np.array([v for _, _, ys in articles for v in ys])
    print(f"{len(articles)} dev articles, {len(rows)} sentences, {int(y.sum())} about what comes next, "
          f"{len(FEATURES)} features")
    p = np.concatenate(fold_probabilities("outlook", [(rs, ys) for _, rs, ys in articles],
                                          [k % FOLDS for k in range(len(articles))], FEATURES, L2))
    rule = np.array([r["rule_score"] >= THRESHOLD for r in rows])
    best_t, best = 0.5, (0.0, 0.0, -1.0)
    for t in np.arange(0.1, 0.91, 0.025):
        found = prf(p >= t, y)
        if found[2] > best[2] + 1e-9:
            best_t, best = round(float(t), 3), found
    lines = ["rule (score >= 1.0)        P {:.3f}  R {:.3f}  F1 {:.3f}".format(*prf(rule, y)),
             f"learned, threshold {best_t:<6} P {best[0]:.3f}  R {best[1]:.3f}  F1 {best[2]:.3f}"]
    print("dev, 5-fold cross-validated by article:\n  " + "\n  ".join(lines))
    final = train("outlook", rows, list(y), l2=L2, features=FEATURES, threshold=best_t,
                  about=f"scripts/train_outlook.py: {len(articles)} dev articles, {len(rows)} sentences; L2 {L2}; "
                        "threshold on 5-fold cross-validated probabilities. " + " | ".join(lines))
    if args.test:
        for name in ("cnndm-test-v2", "bbc-test-v2"):
            held = examples([ANNOTATIONS / f"{name}.jsonl"], args.cache, args.data_dir)
            t_rows = [r for _, rs, _ in held for r in rs]
            t_y = np.array([v for _, _, ys in held for v in ys])
            t_p = np.array([final.probability(r) for r in t_rows])
            t_rule = np.array([r["rule_score"] >= THRESHOLD for r in t_rows])
            print(f"{name}: rule P {prf(t_rule, t_y)[0]:.3f} R {prf(t_rule, t_y)[1]:.3f} F1 {prf(t_rule, t_y)[2]:.3f}; "
                  f"learned P {prf(t_p >= best_t, t_y)[0]:.3f} R {prf(t_p >= best_t, t_y)[1]:.3f} "
                  f"F1 {prf(t_p >= best_t, t_y)[2]:.3f}")
    if not args.check:
        OUT.write_text(final.to_json(), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
