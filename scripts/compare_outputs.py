"""Brief a fixed corpus with two code trees and show where their JSON outputs differ.

    python scripts/compare_outputs.py --tree /tmp/old --out /tmp/before     # brief with the code in /tmp/old
    python scripts/compare_outputs.py --out /tmp/after                      # ... with this tree
    python scripts/compare_outputs.py --diff /tmp/before /tmp/after         # list the briefs that differ

The corpus is every article of ../shared/eval/cnndm-test.jsonl and bbc-test.jsonl, one
brief each (the standard template, the default method), plus the example article, plus
one daily brief of the first 300 cnndm-test articles (the daily template). Briefing and
rendering go through the public API only (`briefing.brief`, `briefing.daily_brief`,
`briefing.render.render`), so the script runs on the code before and after a change.
A tree is run as a subprocess with PYTHONPATH set to it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
EXAMPLE = ROOT / "examples" / "baghdad-airport-strike.txt"
FILES = ("cnndm-test.jsonl", "bbc-test.jsonl")
DAY = 300


def _items(eval_dir: Path) -> list[dict]:
    items = []
    for name in FILES:
        for line in (eval_dir / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def run_here(out: Path, eval_dir: Path) -> None:
    """Brief the corpus with the `briefing` on sys.path, one JSON file per brief."""
    import briefing
    from briefing.model import Article
    from briefing.render import render

    out.mkdir(parents=True, exist_ok=True)
    for item in _items(eval_dir):
        article = Article(id=item["id"], text=item["text"], title=item.get("title") or "", source=item["id"])
        try:
            result = render(briefing.brief(article), "json")
        except briefing.BriefingError as exc:
            result = f"error: {exc}\n"
        (out / f"{item['id']}.json").write_text(result, encoding="utf-8")
    (out / "example.json").write_text(render(briefing.brief(EXAMPLE), "json"), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        day = Path(tmp) / "day.jsonl"  # sources are shown relative to it, so every run names them alike
        lines = (eval_dir / "cnndm-test.jsonl").read_text(encoding="utf-8").splitlines()[:DAY]
        day.write_text("\n".join(json.dumps({"id": json.loads(x)["id"], "text": json.loads(x)["text"]})
                                 for x in lines) + "\n", encoding="utf-8")
        here = Path.cwd()
        os.chdir(tmp)
        try:
            result = briefing.daily_brief(["day.jsonl"], brief_date=None)
        finally:
            os.chdir(here)
        (out / "daily.json").write_text(render(result, "json"), encoding="utf-8")


def diff(before: Path, after: Path, show: int) -> int:
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    differing = []
    for name in names:
        a = (before / name).read_text(encoding="utf-8") if (before / name).exists() else ""
        b = (after / name).read_text(encoding="utf-8") if (after / name).exists() else ""
        if a != b:
            differing.append(name)
            if len(differing) <= show:
                print(f"--- {name}")
                sys.stdout.writelines(list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), n=1))[2:60])
    print(f"{len(differing)} of {len(names)} briefs differ")
    for name in differing[show:]:
        print("  ", name)
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, help="run with the code in this tree (default: this one)")
    parser.add_argument("--out", type=Path, help="folder for the JSON outputs")
    parser.add_argument("--data-dir", type=Path, default=EVAL)
    parser.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--show", type=int, default=10, help="diffs to print in full")
    args = parser.parse_args(argv)
    if args.diff:
        return diff(*args.diff, args.show)
    if args.out is None:
        parser.error("--out or --diff is needed")
    if args.tree is not None:
        env = {**os.environ, "PYTHONPATH": str(args.tree.resolve())}
        return subprocess.call([sys.executable, __file__, "--out", str(args.out), "--data-dir", str(args.data_dir)],
                               env=env, cwd=args.tree)
    run_here(args.out, args.data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
