"""How far two annotators agree on actors, their kinds, places and roles: the ceiling for the actor decision.

    python benchmarks/actor_agreement.py            # every double-annotated set, each and pooled
    python benchmarks/actor_agreement.py FIRST SECOND [FIRST SECOND ...]

The first file of a pair is the gold standard, the second is scored as `benchmarks/sections_eval.py`
scores the system (and as `eval/annotations/guidelines.md` says): an actor matches a gold actor by its
name or one of the gold variants; actors by kind (person, organisation); places of version-2 files (one
place matches one gold place by any of their names); the role of each matched person the first annotator
gives one (word-overlap F1 >= 0.5 with a gold phrasing; the second annotator's first phrasing), and how
often the second gives none. `benchmarks/annotator_agreement.py` does the same for background and quotes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sections_eval import Counts, _match_actors, _place_names, role_right

ANNOTATIONS = Path(__file__).resolve().parents[1] / "eval" / "annotations"
PAIRS = (  # every double-annotated set: (first annotator, second annotator)
    ("cnndm-dev-25.jsonl", "cnndm-dev-second-annotator-10.jsonl"),
    ("cnndm-dev-v2-a.jsonl", "cnndm-dev-v2-a-second.jsonl"),
    ("bbc-dev-v2-a.jsonl", "bbc-dev-v2-a-second.jsonl"),
)


@dataclass(frozen=True)
class _Actor:
    name: str
    kind: str
    role: str | None


@dataclass
class Agreement:
    articles: int = 0
    actors: Counts = field(default_factory=Counts)
    kinds: dict[str, Counts] = field(default_factory=lambda: {"person": Counts(), "organization": Counts()})
    same_kind: int = 0  # matched actors the two annotators give the same kind
    places: Counts = field(default_factory=Counts)
    places_articles: int = 0
    roles: int = 0  # matched people the first annotator gives a role
    roles_right: int = 0
    second_gives_none: int = 0


def _read(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}


def compare(gold: dict[str, dict], other: dict[str, dict], into: Agreement | None = None) -> Agreement:
    """Agreement over the articles both annotations hold (sentence counts must match), added to `into`."""
    out = into or Agreement()
    for ident in (i for i in gold if i in other and gold[i]["sentences"] == other[i]["sentences"]):
        a, b = gold[ident], other[ident]
        out.articles += 1
        theirs = [_Actor(x["name"], x["kind"], (x["roles"] or [None])[0]) for x in b["actors"]]
        matched, extra = _match_actors(a["actors"], theirs)
        out.actors.add(Counts(len(matched), len(extra), len(a["actors"]) - len(matched)))
        for kind, counts in out.kinds.items():
            counts.add(Counts(sum(1 for k in matched if a["actors"][k]["kind"] == kind),
                              sum(1 for x in extra if x.kind == kind),
                              sum(1 for k, g in enumerate(a["actors"]) if g["kind"] == kind and k not in matched)))
        out.same_kind += sum(1 for k, x in matched.items() if x.kind == a["actors"][k]["kind"])  # type: ignore[attr-defined]
        for k, g in enumerate(a["actors"]):
            if g["kind"] == "person" and g["roles"] and k in matched:
                role = matched[k].role  # type: ignore[attr-defined]
                out.roles += 1
                out.roles_right += role_right(role, g["roles"])
                out.second_gives_none += role is None
        if "places" in a and "places" in b:
            out.places_articles += 1
            truth, hit, fp = _place_names(a), set(), 0
            for names in _place_names(b):
                index = next((i for i, t in enumerate(truth) if names & t and i not in hit), None)
                if index is None:
                    fp += 1
                else:
                    hit.add(index)
            out.places.add(Counts(len(hit), fp, len(truth) - len(hit)))
    return out


def report(r: Agreement, title: str) -> str:
    p, rec, f = r.actors.prf()
    lines = [f"Agreement on {r.articles} articles ({title})",
             f"  actor names      P {p:.3f}  R {rec:.3f}  F1 {f:.3f}   ({r.actors.tp + r.actors.fn} vs "
             f"{r.actors.tp + r.actors.fp} actors; the same kind for {r.same_kind} of {r.actors.tp} matched)",
             *(f"  {kind:<16} P {c.prf()[0]:.3f}  R {c.prf()[1]:.3f}  F1 {c.prf()[2]:.3f}"
               for kind, c in r.kinds.items()),
             f"  roles right      {r.roles_right / r.roles if r.roles else 0.0:.3f} ({r.roles_right}/{r.roles} matched "
             f"people with a role; the second annotator gives none for {r.second_gives_none})"]
    if r.places_articles:
        pp, pr, pf = r.places.prf()
        lines.append(f"  places           P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}   ({r.places_articles} articles)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", type=Path, nargs="*", help="pairs: first annotator, second annotator, ...")
    args = parser.parse_args(argv)
    files = args.files or [ANNOTATIONS / name for pair in PAIRS for name in pair]
    if len(files) % 2:
        parser.error("give the files in pairs (first annotator, second annotator)")
    pairs = list(zip(files[::2], files[1::2], strict=True))
    pooled = Agreement()
    for gold, other in pairs:
        print(report(compare(_read(gold), _read(other)), f"{other.name} scored against {gold.name}"))
        compare(_read(gold), _read(other), pooled)
    if len(pairs) > 1:
        print(report(pooled, f"{len(pairs)} pairs pooled"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
