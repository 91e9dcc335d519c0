"""Timeline quality against blind annotations: are the dates shown the story's, and are the story's dates shown?

    python benchmarks/timeline_eval.py                                   # the test files
    python benchmarks/timeline_eval.py --gold eval/annotations/cnndm-dev-timeline-a.jsonl --errors
    cp benchmarks/timeline_eval.py /tmp/old/benchmarks/ && python /tmp/old/benchmarks/timeline_eval.py  # older code

The gold files (`eval/annotations/*-timeline*.jsonl`, guidelines "Timeline files") list, per article, the dates
that belong on the story's timeline, each at one sentence, annotated blind. The Timeline is built as a brief builds
it (the standard template's 8 entries, before the budget refits it). Annotated dates are matched to the
article's resolved date expressions by sentence and overlapping text; a shown entry is right when its date is one
the annotator listed (at any of its mentions: one date, one entry). Printed per file and pooled: precision,
recall (of the annotated dates, those shown), F1, how many articles get a timeline, and how many annotated dates
have a resolved expression at all (the ceiling of recall).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
_TEST = [ROOT / "eval" / "annotations" / f"{name}-test-timeline.jsonl" for name in ("cnndm", "bbc")]
_parser.add_argument("--gold", type=Path, nargs="+", default=_TEST, help="the annotations (default: the test files)")
_parser.add_argument("--errors", action="store_true", help="list each article's extra and missed dates")
_parser.add_argument("--limit", type=int, default=8, help="entries a timeline may hold")

sys.path.insert(0, str(ROOT / "benchmarks"))


def main(argv: list[str] | None = None) -> int:
    args = _parser.parse_args(argv)
    from sections_eval import data_for, load

    from briefing.analysis import analyse
    from briefing.sections import BUILDERS, Context

    class Spec:
        key, title, limit = "timeline", "Timeline", args.limit

    pooled = [0, 0, 0, 0, 0, 0, 0]
    for gold_path in args.gold:
        docs, skipped = load(data_for(gold_path), gold_path)
        for reason in skipped:
            print(f"left out: {reason}")
        shown_n = right = listed = found = reachable = timelines = 0
        for doc, gold in docs:
            analysis = analyse(doc)
            items = analysis.dates.items if analysis.dates else ()
            parsed = analysis.parsed
            gold_keys = []
            for entry in gold.get("timeline", []):
                sentence = parsed.sentences[entry["sentence"]]
                at = sentence.text.find(entry["date"])
                hit = next((d for d in items if d.sentence == entry["sentence"] and at >= 0
                            and parsed.doc[d.start].idx - sentence.start_char < at + len(entry["date"])
                            and at < parsed.doc[d.end - 1].idx + len(parsed.doc[d.end - 1]) - sentence.start_char),
                           None)
                gold_keys.append((entry, hit.when.key if hit else None))
            entries = BUILDERS["timeline"].build(analysis, Spec(), Context(frozenset()))
            keys = {}
            for e in entries:
                d = next((d for d in items if d.sentence == e.sentence_index and d.when.label == e.label), None)
                if d is not None:
                    keys[d.when.key] = e
            wanted = {k for _, k in gold_keys if k is not None}
            shown_n += len(keys)
            right += len(set(keys) & wanted)
            listed += len(gold_keys)
            reachable += sum(1 for _, k in gold_keys if k is not None)
            found += sum(1 for _, k in gold_keys if k is not None and k in keys)
            timelines += bool(entries)
            if args.errors:
                tag = f"{gold_path.name}:{gold['line']}"
                for k, e in keys.items():
                    if k not in wanted:
                        print(f"{tag} extra: [{e.sentence_index}] {e.label} — {e.text[:90]}")
                for entry, k in gold_keys:
                    if k is None or k not in keys:
                        why = "no date found" if k is None else "not shown"
                        print(f"{tag} missed ({why}): [{entry['sentence']}] {entry['date']}")
        counts = (shown_n, right, listed, found, reachable, timelines, len(docs))
        pooled = [a + b for a, b in zip(pooled, counts, strict=True)]
        print(_line(gold_path.stem, *counts))
    if len(args.gold) > 1:
        print(_line("pooled", *pooled))
    return 0


def _line(name: str, shown: int, right: int, listed: int, found: int, reachable: int, timelines: int,
          articles: int) -> str:
    p, r = right / max(1, shown), found / max(1, listed)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return (f"{name:<28} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  "
            f"(shown {shown}, annotated {listed}, with a date found {reachable}; timelines in {timelines} of "
            f"{articles} articles)")


if __name__ == "__main__":
    raise SystemExit(main())
