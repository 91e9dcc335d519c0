"""Blind reader comparisons: two briefs of the same article side by side, which is which hidden.

    python benchmarks/reader_pairs.py lay-out old-new --before 1473a7b --lines 100-111
    python benchmarks/reader_pairs.py lay-out new-highlights --lines 120-131
    python benchmarks/reader_pairs.py lay-out old-new --before REV --lines 260-299 --differing 12
    python benchmarks/reader_pairs.py lay-out old-new --before 1473a7b --split bbc-test --lines 0-11
    python benchmarks/reader_pairs.py score old-new

`lay-out NAME` writes `eval/readers/NAME/`: for each test article (cnndm-test, or the
`--split` given, by line; a titled article shows its title above its text),
`pair-NN.md` holding the article and two briefs, "Brief A" and "Brief B", in an order
drawn at random (seeded by NAME), and `key.json` saying which is which.
The kinds compared are in NAME: `old-new` (the code of commit --before against
today's) or `new-highlights` (today's brief against the article's human-written
highlights, the data's `summary`, one bullet a line). Briefs are one-article briefs
in Markdown, the default template; the old code's too.

Readers are people (or sessions) who never saw the code nor the key: each reads
`README.md` there and writes `verdicts-READER.jsonl`, one line a pair:
`{"pair": "pair-03", "prefer": "A" | "B", "why": "..."}`. `score NAME` joins the
verdicts with the key and prints how often each side was preferred.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brief_quality import DATA, ROOT, code_at, make_briefs

READERS = ROOT / "eval" / "readers"
INSTRUCTIONS = """# Which brief would you send?

Each `pair-NN.md` holds a news article and two short briefs of it, Brief A and Brief B.
Read the article, then both briefs. Imagine you are an analyst who must send one of the
two to a colleague who will not read the article: which would you rather send? Judge
what a reader gets: is it right about the story, is it complete on what matters, is it
short and easy to take in, does every line make sense where it stands, is anything
repeated or misleading?

Write one line per pair to `verdicts-YOURNAME.jsonl` in this folder:

    {"pair": "pair-00", "prefer": "A", "why": "one or two sentences"}

Judge each pair on its own. You may not look at anything outside this folder.
"""


def _lines(spec: str) -> list[int]:
    first, _, last = spec.partition("-")
    return list(range(int(first), int(last or first) + 1))


def _highlights(summary: str) -> str:
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    return "\n".join(f"- {line}" for line in lines) + "\n"


def lay_out(name: str, lines: list[int], before: str | None, differing: int | None = None,
            split: str = "cnndm-test") -> Path:
    """Write the pairs of `name` (see the module docstring); returns the folder. With `differing`, only the first
    that many articles whose two briefs differ get a pair (a change that touches some briefs only)."""
    kinds = name.split("-")
    folder = READERS / name
    folder.mkdir(parents=True, exist_ok=True)
    items = [json.loads(x) for x in (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        made: dict[str, Path] = {}
        with ExitStack() as stack:
            codes = {"new": ROOT}
            if "old" in kinds:
                if not before:
                    raise SystemExit("old-new needs --before REV")
                codes["old"] = stack.enter_context(code_at(before, Path(tmp) / "old"))
            for kind, code in codes.items():
                out = Path(tmp) / f"{kind}-briefs"  # apart from the old code's worktree, removed after
                make_briefs(split, max(lines) + 1, out, code, first=min(lines))
                made[kind] = out
        rng = random.Random(name)
        key = {}
        number = -1
        for line in lines:
            item = items[line]
            texts = {}
            for kind in kinds:
                if kind == "highlights":
                    texts[kind] = _highlights(item["summary"])
                else:
                    texts[kind] = (made[kind] / f"{line:04d}.md").read_text(encoding="utf-8")
            if differing is not None and (len(set(texts.values())) == 1 or number + 1 == differing):
                continue
            number += 1
            order = kinds[:]
            rng.shuffle(order)
            pair = f"pair-{number:02d}"
            key[pair] = {"split": split, "line": line, "id": item["id"], "A": order[0], "B": order[1]}
            title = f"**{item['title']}**\n\n" if item.get("title") else ""
            body = (f"# {pair}\n\n## The article\n\n{title}{item['text']}\n\n---\n\n## Brief A\n\n"
                    f"{_demote(texts[order[0]])}\n---\n\n## Brief B\n\n{_demote(texts[order[1]])}")
            (folder / f"{pair}.md").write_text(body, encoding="utf-8")
    (folder / "key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(INSTRUCTIONS, encoding="utf-8")
    return folder


def _demote(md: str) -> str:
    """A brief's headings two levels down, so it nests under "Brief A"."""
    return "\n".join("##" + line if line.startswith("#") else line for line in md.splitlines()) + "\n"


def score(name: str) -> dict[str, int]:
    """How often each kind was preferred, over every reader's verdicts."""
    folder = READERS / name
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    tally: Counter[str] = Counter()
    for path in sorted(folder.glob("verdicts-*.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                verdict = json.loads(raw)
                tally[key[verdict["pair"]][verdict["prefer"]]] += 1
    return dict(tally)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("lay-out", help="write the pairs")
    make.add_argument("name", help="old-new or new-highlights")
    make.add_argument("--lines", default="100-111", help="the split's lines, FIRST-LAST")
    make.add_argument("--split", default="cnndm-test", help="a test split of ../shared/eval (default cnndm-test)")
    make.add_argument("--before", help="the old code's commit (old-new)")
    make.add_argument("--differing", type=int, metavar="N", help="only the first N articles whose briefs differ")
    tally = sub.add_parser("score", help="count the verdicts")
    tally.add_argument("name")
    args = parser.parse_args(argv)
    if args.command == "lay-out":
        folder = lay_out(args.name, _lines(args.lines), args.before, args.differing, args.split)
        print(f"wrote {folder}")
    else:
        counts = score(args.name)
        total = sum(counts.values())
        for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"{kind}: preferred in {n} of {total} verdicts ({n / max(1, total):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
