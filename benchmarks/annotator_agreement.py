"""How far two annotators of the same articles agree, scored as sections_eval scores the system.

    python benchmarks/annotator_agreement.py \
        eval/annotations/cnndm-dev-25.jsonl eval/annotations/cnndm-dev-second-annotator-10.jsonl
    python benchmarks/annotator_agreement.py --all     # every double-annotated set, each and pooled

Files come in pairs: the first of a pair is taken as the gold standard and the second as the
"system", on the articles both hold, with the matching rules of `benchmarks/sections_eval.py`
(and of `eval/annotations/guidelines.md`): actor names (a name matches the gold name or one of
its variants), the stated role (word-overlap F1 >= 0.5 with a gold phrasing; the second
annotator's first phrasing), background sentences, outlook sentences (version-2 files), and
quote speakers. Background and outlook also get Cohen's kappa over every sentence (agreement
beyond what the two annotators' rates give by chance). Several pairs are pooled. Human
agreement is the ceiling a system can be expected to reach against one annotator.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sections_eval import Counts, _match_actors, role_right, speaker_right

ANNOTATIONS = Path(__file__).resolve().parents[1] / "eval" / "annotations"
PAIRS = (  # every double-annotated set: (first annotator, second annotator)
    ("cnndm-dev-25.jsonl", "cnndm-dev-second-annotator-10.jsonl"),
    ("cnndm-dev-v2-a.jsonl", "cnndm-dev-v2-a-second.jsonl"),
    ("bbc-dev-v2-a.jsonl", "bbc-dev-v2-a-second.jsonl"),
)


@dataclass(frozen=True)
class _Actor:
    name: str
    role: str | None


@dataclass
class Table:
    """Per-sentence yes/no of two annotators: counts of each of the four cells."""

    both: int = 0
    first: int = 0  # only the first annotator said yes
    second: int = 0
    neither: int = 0

    def add(self, a: set[int], b: set[int], n: int) -> None:
        self.both += len(a & b)
        self.first += len(a - b)
        self.second += len(b - a)
        self.neither += n - len(a | b)

    def kappa(self) -> float:
        """Cohen's kappa: observed agreement beyond what chance gives at the two annotators' rates."""
        n = self.both + self.first + self.second + self.neither
        if not n:
            return 0.0
        observed = (self.both + self.neither) / n
        yes_a, yes_b = (self.both + self.first) / n, (self.both + self.second) / n
        chance = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
        return (observed - chance) / (1 - chance) if chance < 1 else 1.0


@dataclass
class Agreement:
    articles: int = 0
    actors: Counts = field(default_factory=Counts)
    background: Counts = field(default_factory=Counts)
    outlook: Counts = field(default_factory=Counts)
    background_table: Table = field(default_factory=Table)
    outlook_table: Table = field(default_factory=Table)
    outlook_articles: int = 0
    roles: int = 0
    roles_right: int = 0
    quotes: int = 0
    quotes_right: int = 0
    speakers: int = 0
    speakers_wrong: int = 0


def _read(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}


def compare(gold: dict[str, dict], other: dict[str, dict], into: Agreement | None = None) -> Agreement:
    """Agreement over the articles both annotations hold (sentence counts must match), added to `into`."""
    out = into or Agreement()
    shared = [i for i in gold if i in other and gold[i]["sentences"] == other[i]["sentences"]]
    for ident in shared:
        a, b = gold[ident], other[ident]
        out.articles += 1
        system = [_Actor(x["name"], (x["roles"] or [None])[0]) for x in b["actors"]]
        matched, extra = _match_actors(a["actors"], system)
        out.actors.add(Counts(len(matched), len(extra), len(a["actors"]) - len(matched)))
        for k, g in enumerate(a["actors"]):
            if g["kind"] == "person" and g["roles"] and k in matched:
                out.roles += 1
                out.roles_right += role_right(matched[k].role, g["roles"])
        found, truth = set(b["background"]), set(a["background"])
        out.background.add(Counts(len(found & truth), len(found - truth), len(truth - found)))
        out.background_table.add(truth, found, a["sentences"])
        if "outlook" in a and "outlook" in b:
            out.outlook_articles += 1
            found, truth = set(b["outlook"]), set(a["outlook"])
            out.outlook.add(Counts(len(found & truth), len(found - truth), len(truth - found)))
            out.outlook_table.add(truth, found, a["sentences"])
        theirs = {q["sentence"]: q["speaker"] for q in b["quotes"]}
        variants = {g["name"]: g["variants"] for g in a["actors"]}
        for q in a["quotes"]:
            if q["sentence"] not in theirs:
                continue
            out.quotes += 1
            right = speaker_right(theirs[q["sentence"]], {**q, "variants": variants.get(q["speaker"], [])})
            out.quotes_right += right
            if theirs[q["sentence"]] is not None:
                out.speakers += 1
                out.speakers_wrong += not right
    return out


def agreement(gold: dict[str, dict], other: dict[str, dict]) -> dict[str, float | int]:
    """Agreement figures over the articles both annotations hold, by name."""
    r = compare(gold, other)
    (ap, ar, af), (bp, br, bf), (op, orr, of) = r.actors.prf(), r.background.prf(), r.outlook.prf()
    return {"articles": r.articles, "actors_p": ap, "actors_r": ar, "actors_f1": af,
            "roles_right": r.roles_right / r.roles if r.roles else 0.0, "background_p": bp, "background_r": br,
            "background_f1": bf, "background_kappa": r.background_table.kappa(),
            "outlook_articles": r.outlook_articles, "outlook_p": op, "outlook_r": orr, "outlook_f1": of,
            "outlook_kappa": r.outlook_table.kappa(),
            "quotes_right": r.quotes_right / r.quotes if r.quotes else 0.0,
            "speakers_differ": r.speakers_wrong / r.speakers if r.speakers else 0.0}


def report(r: Agreement, title: str) -> str:
    (ap, ar, af), (bp, br, bf), (op, orr, of) = r.actors.prf(), r.background.prf(), r.outlook.prf()
    lines = [
        f"Agreement on {r.articles} articles ({title})",
        f"  actor names      P {ap:.3f}  R {ar:.3f}  F1 {af:.3f}",
        f"  roles right      {r.roles_right / r.roles if r.roles else 0.0:.3f}",
        f"  background       P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}  kappa {r.background_table.kappa():.3f}"
        f"   ({r.background.tp + r.background.fn} vs {r.background.tp + r.background.fp} sentences)",
    ]
    if r.outlook_articles:
        lines.append(f"  outlook          P {op:.3f}  R {orr:.3f}  F1 {of:.3f}  kappa {r.outlook_table.kappa():.3f}"
                     f"   ({r.outlook.tp + r.outlook.fn} vs {r.outlook.tp + r.outlook.fp} sentences, "
                     f"{r.outlook_articles} articles)")
    lines.append(f"  quotes           same speaker {r.quotes_right / r.quotes if r.quotes else 0.0:.3f}; "
                 f"a different speaker given {r.speakers_wrong / r.speakers if r.speakers else 0.0:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", type=Path, nargs="*", help="pairs: first annotator, second annotator, ...")
    parser.add_argument("--all", action="store_true", help="every double-annotated set in eval/annotations")
    args = parser.parse_args(argv)
    files = [ANNOTATIONS / name for pair in PAIRS for name in pair] if args.all else args.files
    if not files or len(files) % 2:
        parser.error("give the files in pairs (first annotator, second annotator), or --all")
    pooled = Agreement()
    pairs = list(zip(files[::2], files[1::2], strict=True))
    for gold, other in pairs:
        one = compare(_read(gold), _read(other))
        compare(_read(gold), _read(other), pooled)
        print(report(one, f"{other.name} scored against {gold.name}"))
    if len(pairs) > 1:
        print(report(pooled, f"{len(pairs)} pairs pooled"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
