"""Train the role decision (which of the finders' readings is the person's role, if any) on the dev annotations.

    .venv/bin/python scripts/train_roles.py --cache /tmp/actor-parses           # figures, then write the model
    .venv/bin/python scripts/train_roles.py --cache /tmp/actor-parses --check   # the figures only

Examples: for every person of an annotated dev article (`scripts/train_actors.py`'s files) that the shipped actor
models find, each role candidate its mentions give (`briefing.analysis.actors.roles.role_candidates`), with the
features of `role_features`. A candidate is right when it matches one of the gold phrasings as
`benchmarks/sections_eval.py` scores roles (word F1 >= 0.5); every candidate of a person whose gold roles are
empty (the article states none) is wrong. One logistic regression (`briefing.learn.train`); a person's role is
its likeliest candidate when that reaches the threshold, chosen on 5-fold cross-validated probabilities (by
article) for the F1 of roles: right roles shown, against wrong roles shown and gold roles not shown right.

Figures are cross-validated; beside them, the rule the model replaces (the first candidate that is not vague).
The result is deterministic: the same data gives the same JSON.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from sections_eval import _match_actors, data_for, load, role_right  # noqa: E402
from train_actors import _parses, dev_files, fold_probabilities  # noqa: E402

from briefing.analysis.actors import actor_clusters  # noqa: E402
from briefing.analysis.actors.names import PERSON  # noqa: E402
from briefing.analysis.actors.roles import ROLE_FEATURES, first_specific, role_candidates, role_features  # noqa: E402
from briefing.learn import train  # noqa: E402
from briefing.model import Actor  # noqa: E402

OUT = ROOT / "briefing" / "models" / "roles.json"
FOLDS = 5
L2 = 1.0


@dataclass
class Person:
    """One found person matched to a gold person: its candidates, their features and labels."""

    article: str  # gold file and line
    texts: list[str]
    rows: list[dict[str, float]]
    labels: list[bool]
    gold: list[str]  # the gold phrasings; [] when the article states no role


def people(cache: Path | None, data_dir: Path) -> list[Person]:
    out = []
    for gold_path in dev_files():
        docs, _ = load(data_dir / data_for(gold_path).name, gold_path)
        for (doc, gold), parsed in zip(docs, _parses(gold_path, docs, cache), strict=True):
            ranked, _places = actor_clusters(parsed, doc.article)
            actors = [Actor(c.name, c.kind, variants=tuple(f for f in c.forms() if f != c.name)) for c in ranked]
            matched, _extra = _match_actors(gold["actors"], actors)
            by_actor = {id(a): c for a, c in zip(actors, ranked, strict=True)}
            for i, actor in matched.items():
                g = gold["actors"][i]
                if g["kind"] != PERSON or actor.kind != PERSON:
                    continue
                candidates = role_candidates(by_actor[id(actor)])
                if not candidates:
                    continue
                out.append(Person(f"{gold_path.name}:{gold['line']}", [c.text for c in candidates],
                                  [role_features(c, candidates) for c in candidates],
                                  [bool(g["roles"]) and role_right(c.text, g["roles"]) for c in candidates],
                                  list(g["roles"])))
    return out


def cross_validated(persons: list[Person]) -> list[np.ndarray]:
    """Each person's candidates' probabilities from the model trained without its article's fold."""
    articles = sorted({p.article for p in persons})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    return fold_probabilities("roles", [(p.rows, p.labels) for p in persons], [fold_of[p.article] for p in persons],
                              ROLE_FEATURES, L2)


@dataclass
class Tally:
    right: int = 0  # a gold role shown right
    wrong: int = 0  # a role shown that is not one of the gold phrasings (or where the article states none)
    missed: int = 0  # a gold role not shown right
    stated: int = 0  # people with a gold role

    def line(self, name: str) -> str:
        f1 = 2 * self.right / max(1, 2 * self.right + self.wrong + self.missed)
        shown = self.right + self.wrong
        return (f"{name:<28} right {self.right / max(1, self.stated):.3f} of {self.stated} stated; "
                f"precision {self.right / max(1, shown):.3f} of {shown} shown; F1 {f1:.3f}")


def tally(persons: list[Person], choose) -> Tally:
    t = Tally()
    for i, p in enumerate(persons):
        k = choose(i, p)
        t.stated += bool(p.gold)
        if k is None:
            t.missed += bool(p.gold)
        elif p.labels[k]:
            t.right += 1
        else:
            t.wrong += 1
            t.missed += bool(p.gold)
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--cache", type=Path, help="keep the parses here between runs")
    parser.add_argument("--check", action="store_true", help="cross-validated figures only; write nothing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    persons = people(args.cache, args.data_dir)
    n = sum(len(p.rows) for p in persons)
    print(f"{len(persons)} people with role candidates in {len({p.article for p in persons})} dev articles, "
          f"{n} candidates ({sum(y for p in persons for y in p.labels)} right), {len(ROLE_FEATURES)} features "
          f"({time.perf_counter() - started:.0f} s)")
    probabilities = cross_validated(persons)

    def rule(_i: int, p: Person) -> int:
        return first_specific(p.texts)

    def learned(threshold: float):
        def choose(i: int, _p: Person) -> int | None:
            k = int(np.argmax(probabilities[i]))
            return k if probabilities[i][k] >= threshold else None
        return choose

    best_t, best_f1 = 0.5, -1.0
    for t in np.arange(0.05, 0.81, 0.025):
        s = tally(persons, learned(float(t)))
        f1 = 2 * s.right / max(1, 2 * s.right + s.wrong + s.missed)
        if args.check:
            print(f"  threshold {t:.3f}: right {s.right}, wrong {s.wrong}, missed {s.missed}, F1 {f1:.4f}")
        if f1 > best_f1 + 1e-9:
            best_t, best_f1 = round(float(t), 3), f1
    lines = [tally(persons, rule).line("rule (first not vague)"),
             tally(persons, learned(0.0)).line("learned, always a role"),
             tally(persons, learned(best_t)).line(f"learned, threshold {best_t}")]
    print("cross-validated by article:\n  " + "\n  ".join(lines))
    if args.check:
        return 0
    final = train("roles", [r for p in persons for r in p.rows], [y for p in persons for y in p.labels], l2=L2,
                  features=ROLE_FEATURES, threshold=best_t,
                  about=f"scripts/train_roles.py: {len(persons)} dev people, {n} candidates; L2 {L2}; threshold on "
                        f"{FOLDS}-fold cross-validated probabilities. " + " | ".join(lines))
    OUT.write_text(final.to_json(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
