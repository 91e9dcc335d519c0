"""How far two annotators of the same articles agree, scored as sections_eval scores the system.

    python benchmarks/annotator_agreement.py \
        eval/annotations/cnndm-dev-25.jsonl eval/annotations/cnndm-dev-second-annotator-10.jsonl

The first file is taken as the gold standard and the second as the "system", on the
articles both hold, with the matching rules of `benchmarks/sections_eval.py` (and of
`eval/annotations/guidelines.md`): actor names (a name matches the gold name or one of its
variants), the stated role (word-overlap F1 >= 0.5 with a gold phrasing; the second
annotator's first phrasing), background sentences, and quote speakers. Human agreement is
the ceiling a system can be expected to reach against one annotator.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sections_eval import Counts, _match_actors, role_right, speaker_right


@dataclass(frozen=True)
class _Actor:
    name: str
    role: str | None


def _read(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r}


def agreement(gold: dict[str, dict], other: dict[str, dict]) -> dict[str, float | int]:
    """Agreement figures over the articles both annotations hold (sentence counts must match)."""
    actors, background = Counts(), Counts()
    roles = roles_right = quotes = quotes_right = speakers = speakers_wrong = 0
    shared = [i for i in gold if i in other and gold[i]["sentences"] == other[i]["sentences"]]
    for ident in shared:
        a, b = gold[ident], other[ident]
        system = [_Actor(x["name"], (x["roles"] or [None])[0]) for x in b["actors"]]
        matched, extra = _match_actors(a["actors"], system)
        actors.add(Counts(len(matched), len(extra), len(a["actors"]) - len(matched)))
        for k, g in enumerate(a["actors"]):
            if g["kind"] == "person" and g["roles"] and k in matched:
                roles += 1
                roles_right += role_right(matched[k].role, g["roles"])
        found, truth = set(b["background"]), set(a["background"])
        background.add(Counts(len(found & truth), len(found - truth), len(truth - found)))
        theirs = {q["sentence"]: q["speaker"] for q in b["quotes"]}
        variants = {g["name"]: g["variants"] for g in a["actors"]}
        for q in a["quotes"]:
            if q["sentence"] not in theirs:
                continue
            quotes += 1
            right = speaker_right(theirs[q["sentence"]], {**q, "variants": variants.get(q["speaker"], [])})
            quotes_right += right
            if theirs[q["sentence"]] is not None:
                speakers += 1
                speakers_wrong += not right
    (ap, ar, af), (bp, br, bf) = actors.prf(), background.prf()
    return {"articles": len(shared), "actors_p": ap, "actors_r": ar, "actors_f1": af,
            "roles_right": roles_right / roles if roles else 0.0, "background_p": bp, "background_r": br,
            "background_f1": bf, "quotes_right": quotes_right / quotes if quotes else 0.0,
            "speakers_differ": speakers_wrong / speakers if speakers else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("other", type=Path)
    args = parser.parse_args(argv)
    r = agreement(_read(args.gold), _read(args.other))
    print(f"Agreement on {r['articles']} articles ({args.other.name} scored against {args.gold.name})")
    print(f"  actor names      P {r['actors_p']:.3f}  R {r['actors_r']:.3f}  F1 {r['actors_f1']:.3f}")
    print(f"  roles right      {r['roles_right']:.3f}")
    print(f"  background       P {r['background_p']:.3f}  R {r['background_r']:.3f}  F1 {r['background_f1']:.3f}")
    print(f"  quotes           same speaker {r['quotes_right']:.3f}; a different speaker given "
          f"{r['speakers_differ']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
