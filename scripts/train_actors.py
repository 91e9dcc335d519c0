"""Train the actor decision (is a name an actor, and of which kind) on the dev annotations; write briefing/models/.

    .venv/bin/python scripts/train_actors.py                 # cross-validated figures, then write the models
    .venv/bin/python scripts/train_actors.py --check         # the figures only
    .venv/bin/python scripts/train_actors.py --cache /tmp/parses   # keep the parses between runs

Examples are the candidate names of every annotated dev article (`eval/annotations/cnndm-dev-*.jsonl`,
`bbc-dev-*.jsonl`; never a test file, never a second annotator's copy), each with the features of
`briefing.analysis.actors.features`. A name's label is the kind of the gold actor it names (its name or a variant, a
person's surname or first name, an organisation's acronym), "place" when the gold places list it (version-2 files),
and none otherwise. One logistic regression per kind, one against the rest (`briefing.learn.train`); the place
model learns only from version-2 files, which annotate places. The threshold of each kind is chosen on
cross-validated predictions, for the F1 of its names.

Figures are cross-validated by article (5 folds, fixed): the models of each fold decide the articles it left out,
through the whole of `find_actors` (clustering, roles), scored as `benchmarks/sections_eval.py` scores.
The result is deterministic: the same data gives the same JSON.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections_eval import Counts, _match_actors, _place_names, data_for, load, role_right  # noqa: E402
from sections_eval import name_key as gold_key  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from briefing.analysis.actors import find_actors  # noqa: E402
from briefing.analysis.actors.clusters import name_match  # noqa: E402
from briefing.analysis.actors.features import FEATURES, name_features  # noqa: E402
from briefing.analysis.actors.learned import KINDS  # noqa: E402
from briefing.analysis.actors.mentions import find_candidates, publisher  # noqa: E402
from briefing.analysis.actors.names import ORGANIZATION, PERSON, PLACE, acronym_of, initials_of, name_key  # noqa: E402
from briefing.learn import LinearModel, train  # noqa: E402
from briefing.model import Article  # noqa: E402
from briefing.nlp.entities import Parsed, load_nlp, parse  # noqa: E402

ANNOTATIONS = ROOT / "eval" / "annotations"
OUT = ROOT / "briefing" / "models"
FOLDS = 5
L2 = 3.0
NONE = "none"


@dataclass
class Item:
    """One annotated dev article: its parse, gold annotation and candidate names."""

    parsed: Parsed
    article: Article
    gold: dict
    source: str  # the gold file's name
    keys: list[str]
    rows: list[dict[str, float]]
    labels: list[str]  # person, organization, place or none

    @property
    def v2(self) -> bool:
        return "places" in self.gold


def dev_files() -> list[Path]:
    """Every first annotator's dev file of actors (not a test file, not a second annotator's copy, not a context or
    timeline file, which annotate which sentences lean on others or which dates a timeline holds, and name no
    actors)."""
    return sorted(p for p in ANNOTATIONS.glob("*.jsonl")
                  if p.name.startswith(("cnndm-dev", "bbc-dev")) and "second" not in p.name
                  and "context" not in p.name and "timeline" not in p.name)


def v2_arguments(description: str, argv: list[str] | None) -> argparse.Namespace:
    """The options of the scripts that train on the version-2 dev files: --data-dir, --cache, --check, --test."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--cache", type=Path, help="keep the parses here between runs")
    parser.add_argument("--check", action="store_true", help="figures only; write nothing")
    parser.add_argument("--test", action="store_true", help="also report on the version-2 test files")
    return parser.parse_args(argv)


def dev_v2_files() -> list[Path]:
    """The version-2 dev annotation files (places, outlook, key figures), first annotators only."""
    return sorted(p for p in ANNOTATIONS.glob("*-dev-v2-*.jsonl") if "second" not in p.name)


def annotated(files: list[Path], cache: Path | None, data_dir: Path):
    """(gold file, document, gold record, parse) of every annotated article of `files`, the parses from `cache`
    when it holds them."""
    for gold_path in files:
        docs, _ = load(data_dir / data_for(gold_path).name, gold_path)
        for (doc, gold), parsed in zip(docs, _parses(gold_path, docs, cache), strict=True):
            yield gold_path, doc, gold, parsed


def _parses(gold: Path, docs: list, cache: Path | None) -> list[Parsed]:
    """The parse of each document, from the cache when it holds the same texts."""
    nlp = load_nlp("english")
    stored = cache / f"{gold.stem}.spacy" if cache else None
    texts = [" ".join(s.text for s in doc.sentences) for doc, _ in docs]
    if stored is not None and stored.exists():
        found = list(DocBin().from_bytes(stored.read_bytes()).get_docs(nlp.vocab))
        if [d.text for d in found] == texts:
            return [_rebuilt(d, doc) for d, (doc, _) in zip(found, docs, strict=True)]
    parsed = [parse(doc) for doc, _ in docs]
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin()
        for p in parsed:
            bin_.add(p.doc)
        stored.write_bytes(bin_.to_bytes())
    return parsed


def _rebuilt(spacy_doc, document) -> Parsed:
    starts, pos = [], 0
    for sentence in document.sentences:
        starts.append(pos)
        pos += len(sentence.text) + 1
    spans = []
    for start, sentence in zip(starts, document.sentences, strict=True):
        span = spacy_doc.char_span(start, start + len(sentence.text), alignment_mode="expand")
        spans.append(span if span is not None else spacy_doc[0:0])
    return Parsed(doc=spacy_doc, sentences=tuple(spans), starts=tuple(starts))


def label_of(texts: list[str], gold: dict) -> str:
    """The gold kind of a candidate name written `texts`: an actor's kind, place, or none."""
    keys = {gold_key(t) for t in texts}
    for actor in gold["actors"]:
        if keys & {gold_key(actor["name"]), *(gold_key(v) for v in actor["variants"])}:
            return actor["kind"]
    for names in _place_names(gold):
        if keys & names:
            return PLACE
    people = [a for a in gold["actors"] if a["kind"] == PERSON]
    short = min(texts, key=len)
    matches = [a for a in people if any(name_match(short, f) for f in [a["name"], *a["variants"]])]
    if len(matches) == 1 and len(short.split()) <= 2:
        return PERSON  # a surname or a first name the annotator did not list as a variant
    letters = acronym_of(short)
    if letters:
        orgs = [a for a in gold["actors"] if a["kind"] == ORGANIZATION and letters in initials_of(a["name"])]
        if len(orgs) == 1:
            return ORGANIZATION
    return NONE


def examples(docs_and_golds, parsed: list[Parsed], source: str) -> list[Item]:
    items = []
    for (doc, gold), p in zip(docs_and_golds, parsed, strict=True):
        article = doc.article
        candidates, aliases, seen = find_candidates(p, publisher(article.text))
        features = name_features(candidates, seen, article.title, aliases)
        texts: dict[str, list[str]] = {}
        for m in candidates:
            texts.setdefault(name_key(m.text), []).append(m.text)
        keys = list(features)
        items.append(Item(p, article, gold, source, keys, [features[k] for k in keys],
                          [label_of(texts[k], gold) for k in keys]))
    return items


def fit(items: list[Item], thresholds: dict[str, float] | None = None, about: str = "") -> dict[str, LinearModel]:
    """One model per kind over the items' names (the place model over version-2 articles only)."""
    models = {}
    for kind in KINDS:
        use = [it for it in items if kind != PLACE or it.v2]
        rows = [r for it in use for r in it.rows]
        labels = [label == kind for it in use for label in it.labels]
        threshold = thresholds[kind] if thresholds else 0.5
        models[kind] = train(f"actors_{kind}", rows, labels, l2=L2, features=FEATURES, threshold=threshold,
                             about=about)
    return models


def fold_probabilities(name: str, groups: list[tuple[list[dict], list]], fold_of: list[int],
                       features: tuple[str, ...], l2: float) -> list[np.ndarray]:
    """Cross-validated probabilities: for each group of examples (rows, labels; an article's, a person's), those of
    the model trained on the groups of the other folds (`fold_of`: each group's fold). The learned decisions'
    training scripts share it."""
    out: list[np.ndarray] = [np.zeros(0)] * len(groups)
    for k in sorted(set(fold_of)):
        rest = [g for g, f in zip(groups, fold_of, strict=True) if f != k]
        m = train(name, [r for rows, _ in rest for r in rows], [y for _, ys in rest for y in ys], l2=l2,
                  features=features)
        for i, (rows, _) in enumerate(groups):
            if fold_of[i] == k:
                out[i] = np.array([m.probability(r) for r in rows])
    return out


def folds(items: list[Item]) -> list[list[Item]]:
    """Articles dealt to FOLDS folds in a fixed order (by gold file and line)."""
    ordered = sorted(items, key=lambda it: (it.source, it.gold["line"]))
    return [ordered[i::FOLDS] for i in range(FOLDS)]


def cross_validated(items: list[Item]) -> dict[int, dict[str, LinearModel]]:
    """For each article (by id), the models trained without its fold."""
    out = {}
    for k, held in enumerate(folds(items)):
        rest = [it for j, f in enumerate(folds(items)) if j != k for it in f]
        models = fit(rest)
        for it in held:
            out[id(it)] = models
    return out


def choose_thresholds(items: list[Item], models: dict[int, dict[str, LinearModel]]) -> dict[str, float]:
    """Per kind, the threshold that gives the best F1 of names on the cross-validated probabilities, when a name
    takes its most probable kind."""
    scored = []  # (best kind, its probability, true label, place known)
    for it in items:
        for row, label in zip(it.rows, it.labels, strict=True):
            p = {kind: models[id(it)][kind].probability(row) for kind in KINDS}
            best = max(KINDS, key=lambda kind: p[kind])
            scored.append((best, p[best], label, it.v2))
    out = {}
    for kind in KINDS:
        best_f1, best_t = -1.0, 0.5
        for t in np.arange(0.2, 0.81, 0.025):
            tp = sum(1 for b, p, y, v in scored if b == kind and p >= t and y == kind and (v or kind != PLACE))
            fp = sum(1 for b, p, y, v in scored if b == kind and p >= t and y != kind and (v or kind != PLACE))
            fn = sum(1 for b, p, y, v in scored if y == kind and not (b == kind and p >= t))
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 > best_f1 + 1e-9:
                best_f1, best_t = f1, round(float(t), 3)
        out[kind] = best_t
    return out


@dataclass
class Scores:
    articles: int = 0
    actors: Counts = None  # type: ignore[assignment]
    kinds: dict = None  # type: ignore[assignment]
    places: Counts = None  # type: ignore[assignment]
    v2: int = 0
    roles: int = 0
    roles_right: int = 0

    def __post_init__(self) -> None:
        self.actors, self.places = Counts(), Counts()
        self.kinds = {PERSON: Counts(), ORGANIZATION: Counts()}


def score(items: list[Item], models: dict[int, dict[str, LinearModel]], errors: list[str] | None = None) -> Scores:
    """Actor names, kinds, places and roles of the items, each article decided by its own models."""
    s = Scores()
    for it in items:
        found = find_actors(it.parsed, it.article, models[id(it)])
        gold = it.gold
        matched, extra = _match_actors(gold["actors"], found.actors)
        s.articles += 1
        s.actors.add(Counts(len(matched), len(extra), len(gold["actors"]) - len(matched)))
        for kind, counts in s.kinds.items():
            counts.add(Counts(sum(1 for i in matched if gold["actors"][i]["kind"] == kind),
                              sum(1 for a in extra if a.kind == kind),
                              sum(1 for i, g in enumerate(gold["actors"]) if g["kind"] == kind and i not in matched)))
        for i, g in enumerate(gold["actors"]):
            if g["kind"] == PERSON and g["roles"]:
                s.roles += 1
                right = i in matched and role_right(matched[i].role, g["roles"])
                s.roles_right += right
                if errors is not None and i in matched and not right:
                    errors.append(f"{it.source}:{gold['line']} role wrong: {g['name']}: {matched[i].role!r} "
                                  f"(gold {g['roles'][0]!r})")
        tag = f"{it.source}:{gold['line']}"
        if errors is not None:
            errors += [f"{tag} actor missed: {g['name']} ({g['kind']})" for i, g in enumerate(gold["actors"])
                       if i not in matched]
            errors += [f"{tag} actor extra: {a.name} ({a.kind})" for a in extra]
        if it.v2:
            s.v2 += 1
            truth = _place_names(gold)
            hit: set[int] = set()
            fp = 0
            for place in found.places:
                index = next((i for i, names in enumerate(truth) if gold_key(place) in names and i not in hit), None)
                if index is None:
                    fp += 1
                    if errors is not None:
                        errors.append(f"{tag} place extra: {place}")
                else:
                    hit.add(index)
            s.places.add(Counts(len(hit), fp, len(truth) - len(hit)))
            if errors is not None:
                errors += [f"{tag} place missed: {sorted(n)[0]}" for i, n in enumerate(truth) if i not in hit]
    return s


def report(title: str, s: Scores) -> str:
    p, r, f = s.actors.prf()
    lines = [f"{title}: {s.articles} articles",
             f"  actor names  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   false actors {s.actors.fp / max(1, s.articles):.2f} "
             f"per article",
             *(f"  {kind:<12} P {c.prf()[0]:.3f}  R {c.prf()[1]:.3f}  F1 {c.prf()[2]:.3f}" for kind, c in
               s.kinds.items()),
             f"  roles right  {s.roles_right / max(1, s.roles):.3f} ({s.roles_right}/{s.roles}) of gold people with a "
             f"role"]
    if s.v2:
        pp, pr, pf = s.places.prf()
        lines.append(f"  places       P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}   ({s.v2} version-2 articles)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--cache", type=Path, help="keep the parses here between runs")
    parser.add_argument("--check", action="store_true", help="cross-validated figures only; write nothing")
    parser.add_argument("--errors", type=Path, help="write the cross-validated misses and false finds here")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    items: list[Item] = []
    for gold in dev_files():
        docs, skipped = load(args.data_dir / data_for(gold).name, gold)
        for reason in skipped:
            print(f"skipped {reason}", file=sys.stderr)
        items += examples(docs, _parses(gold, docs, args.cache), gold.name)
    labels = Counter(label for it in items for label in it.labels)
    print(f"{len(items)} dev articles, {sum(len(it.keys) for it in items)} candidate names "
          f"({', '.join(f'{k} {v}' for k, v in sorted(labels.items()))}), {len(FEATURES)} features "
          f"({time.perf_counter() - started:.0f} s)")
    cv = cross_validated(items)
    thresholds = choose_thresholds(items, cv)
    print("thresholds " + ", ".join(f"{k} {v}" for k, v in thresholds.items()))
    for models in {id(m): m for m in cv.values()}.values():
        for kind, m in models.items():
            models[kind] = LinearModel(m.name, m.features, m.mean, m.scale, m.weights, m.bias, thresholds[kind])
    errors: list[str] = []
    v2 = [it for it in items if it.v2]
    v1 = [it for it in items if not it.v2]
    figures = [report("cross-validated, version-2 dev (cnndm-dev-v2, bbc-dev-v2)", score(v2, cv, errors)),
               report("cross-validated, version-1 dev (cnndm-dev-25, fresh, heldout)", score(v1, cv, errors))]
    print("\n".join(figures))
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    if args.check:
        return 0
    about = (f"scripts/train_actors.py: {len(items)} dev articles ({len(v2)} version 2), "
             f"{sum(len(it.keys) for it in items)} names; L2 {L2}; threshold chosen on {FOLDS}-fold "
             f"cross-validated probabilities. " + " | ".join(" ".join(f.split()) for f in figures))
    final = fit(items, thresholds, about)
    OUT.mkdir(parents=True, exist_ok=True)
    for kind, m in final.items():
        (OUT / f"actors_{kind}.json").write_text(m.to_json(), encoding="utf-8")
    print(f"wrote {', '.join(f'models/actors_{k}.json' for k in final)} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
