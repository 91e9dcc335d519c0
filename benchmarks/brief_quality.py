"""The brief as read: length against the article, repeated lines, headline length, dangling sentences.

    python benchmarks/brief_quality.py                         # cnndm-test and bbc-test, 100 articles each
    python benchmarks/brief_quality.py --before 1473a7b        # ... beside the code of an earlier commit
    python benchmarks/brief_quality.py --split cnndm-test --count 300 --keep /tmp/briefs
    python benchmarks/brief_quality.py --split cnndm-dev --split bbc-dev --first 200 --oracle   # the choice's bound
    python benchmarks/brief_quality.py --split cnndm-dev --first 200 --article-share 0.5       # the budget's trade-off

Each article of a test split becomes a one-article brief in Markdown and JSON (the
default template); `../shared/tools/brief_stats.py` measures each Markdown brief
against its article (words, length ratio, repeated lines, longest heading) and the
medians and totals are printed, with the articles' own human-written highlights
(the data's `summary`) measured the same way beside them. `--before REV` makes the
same briefs with the code of commit REV (a temporary git worktree) and prints both.

Dangling sentences: of the whole sentences a brief shows, those whose sense leans on
a sentence left out -- it opens with a pronoun, demonstrative or connective
(`rank.standalone`) or names a thing only a sentence before it could say (a
pointing phrase: lexicon `pointing_phrases`) -- and the item before it in its
section (for the first section, the headline when it was cut from a sentence, or the rest of that
sentence shown under it) is not the sentence before it in the article; an article's first sentence
leans on nothing. Quotes whose speaker is shown beside them are not counted (the label names who
"he" is). The same yardstick (today's code) measures both columns. When the split has blind context annotations
(`eval/annotations/<split>-context.jsonl`), the rate by them is printed too.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval"
STATS = ROOT.parent / "shared" / "tools" / "brief_stats.py"
ANNOTATIONS = ROOT / "eval" / "annotations"


@contextmanager
def code_at(rev: str, folder: Path) -> Iterator[Path]:
    """The code of commit `rev`, as a temporary git worktree in `folder` (removed on leaving)."""
    subprocess.run(["git", "worktree", "add", "--detach", str(folder), rev], cwd=ROOT, check=True,
                   capture_output=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, capture_output=True)


# --oracle: Situation ranks its sentences by the human highlights' content words they hold (per square root of
# their own), in place of the chosen method: how far a better choice of sentences could take a brief.
ORACLE = """
import math, re
import briefing.sections.situation as situation
from briefing.model import Ranking
from briefing.nlp.stems import lower_stop_words
from briefing.rank.registry import take
_word, _stops, wanted = re.compile(r"[^\\W_]+(?:['’.][^\\W_]+)*"), lower_stop_words("english"), set()
def _content(text):
    return {w for w in (m.group().lower() for m in _word.finditer(text)) if len(w) > 1 and w not in _stops}
def _rank(doc, method, length, allowed=None):
    scores = tuple(len(_content(s.text) & wanted) / math.sqrt(1 + len(_content(s.text))) for s in doc.sentences)
    order = [i for i in sorted(range(len(scores)), key=lambda i: -scores[i]) if allowed is None or i in allowed]
    return Ranking("oracle", scores, take(doc, order, length))
situation.rank = _rank
"""


def make_briefs(split: str, count: int, out: Path, code: Path, first: int = 0, oracle: bool = False,
                share: float | None = None) -> None:
    """Write NAME.md, NAME.json and NAME.txt (the article) for the articles of `split` from line `first` up to
    line `count` (NAME: the line, 0042), with the `briefing` package found in `code` (run in a fresh
    interpreter so any version can be measured); `oracle`: see ORACLE; `share`: the standard template's
    `article_share` in place of its own (today's code only)."""
    template = "None" if share is None else (
        f"replace(load_template('standard'), budget=replace(load_template('standard').budget, article_share={share}))")
    script = f"""
import json, sys
sys.path.insert(0, {str(code)!r})
from pathlib import Path
from briefing.api import brief
from briefing.model import Article
from briefing.render import render
try:
    from briefing.nlp.sentences import segment
except ImportError:  # code older than the module: its split is taken for the annotators'
    segment = None
{"from dataclasses import replace; from briefing.templates import load_template" if share is not None else ""}
{ORACLE if oracle else "wanted = set()"}
template = {template}
out = Path({str(out)!r})
lines = Path({str(DATA / (split + ".jsonl"))!r}).read_text(encoding="utf-8").splitlines()[:{count}]
for n, raw in enumerate(lines):
    if n < {first}:
        continue
    item = json.loads(raw)
    wanted.clear()
    wanted.update(_content(item.get("summary") or "") if {oracle!r} else ())
    article = Article(id=item["id"], text=item["text"], title=item.get("title") or "", language="english")
    b = brief(article) if template is None else brief(article, template=template)
    name = f"{{n:04d}}"
    (out / (name + ".md")).write_text(render(b, "md"), encoding="utf-8")
    (out / (name + ".json")).write_text(render(b, "json"), encoding="utf-8")
    (out / (name + ".txt")).write_text(item["text"], encoding="utf-8")
    (out / (name + ".summary.md")).write_text(item.get("summary") or "", encoding="utf-8")
    if segment is not None:
        (out / (name + ".starts.json")).write_text(json.dumps([s.start for s in segment(article).sentences]))
"""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=code)


@functools.cache
def _on_path(folder: Path) -> None:
    """Put a folder on the import path, once however often it is asked for."""
    sys.path.insert(0, str(folder))


def _brief_stats():
    _on_path(STATS.parent)
    import brief_stats

    return brief_stats


def dangling(brief: dict, doc_sentences: list[str], needs: dict[int, tuple[int, str]] | None = None
             ) -> tuple[int, int]:
    """(dangling items, whole-sentence items) of one brief's JSON; by the rule, or by the annotation `needs`
    (sentence -> the earliest sentence it needs, and why) when given: a quotation shown with its speaker's
    name is not counted for a pronoun or quotation it needs (the name says who)."""
    _on_path(ROOT)
    from briefing.rank.standalone import points_back

    bad = whole = 0
    for story in brief["stories"]:
        above = (story.get("headline_from") or {}).get("sentence_index")  # the headline said it, right above
        for number, section in enumerate(story["sections"]):
            previous = above if number == 0 else None
            for item in section["items"]:
                if item.get("spans"):  # a piece; the rest of the lede the headline was cut from completes it
                    previous = item["sentence_index"] if item["sentence_index"] == above else None
                    continue
                i = item["sentence_index"]
                if i == 0:  # the first sentence leans on nothing
                    previous = i
                    continue
                whole += 1
                quoted = section["key"] == "quotes" and item.get("label")
                if needs is not None:
                    resolved = quoted and i in needs and needs[i][1] in ("pronoun", "quotation")
                    leans = i in needs and not resolved and not (previous is not None and needs[i][0] <= previous < i)
                else:
                    leans = not quoted and points_back(item["text"]) and previous != i - 1
                bad += bool(leans)
                previous = i
    return bad, whole


_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")


@functools.cache
def _stop_words() -> frozenset[str]:
    """English stop words as today's code has them."""
    _on_path(ROOT)
    from briefing.nlp.stems import lower_stop_words

    return lower_stop_words("english")


def content_words(text: str) -> set[str]:
    """The lower-cased words of `text` that carry content: not stop words, and not a lone letter."""
    stops = _stop_words()
    return {w for w in (m.group().lower() for m in _WORD.finditer(text)) if len(w) > 1 and w not in stops}


def highlight_recall(brief_markdown: str, summary: str) -> float | None:
    """The share of the human highlights' content words that the brief shows (its Sources left out): how much
    of what the article's editors thought its key facts a reader of the brief gets."""
    wanted = content_words(summary)
    if not wanted:
        return None
    shown = content_words(brief_markdown.split("#### Sources")[0])
    return len(wanted & shown) / len(wanted)


def measure(folder: Path, split: str) -> dict[str, float]:
    """The figures of one folder of briefs. The context annotations are carried over to the sentence split of the
    code that made them (`NAME.starts.json`); code too old to write one split as the annotators saw."""
    stats = _brief_stats()
    context = _context(split)
    rows, summaries, recalls, dangled, whole, gold_dangled, gold_whole = [], [], [], 0, 0, 0, 0
    for md in sorted(folder.glob("[0-9][0-9][0-9][0-9].md")):
        article = md.with_suffix(".txt").read_text(encoding="utf-8")
        markdown = md.read_text(encoding="utf-8")
        rows.append(stats.stats(markdown, article))
        summary = md.with_suffix(".summary.md").read_text(encoding="utf-8")
        if summary:
            summaries.append(stats.stats(summary, article))
            recall = highlight_recall(markdown, summary)
            if recall is not None:
                recalls.append(recall)
        data = json.loads(md.with_suffix(".json").read_text(encoding="utf-8"))
        b, w = dangling(data, [])
        dangled, whole = dangled + b, whole + w
        ids = {s["article_ids"][0] for s in data["stories"] if s.get("article_ids")} or {
            src["article_id"] for s in data["stories"] for src in s["sources"]}
        for article_id in ids:
            if article_id in context:
                needs, starts = context[article_id]
                split = md.with_suffix(".starts.json")
                if starts and split.exists():  # the code's own split, whichever code made the brief
                    needs = _needs_on(needs, starts, article, json.loads(split.read_text(encoding="utf-8")))
                if needs is None:
                    continue
                b, w = dangling(data, [], needs)
                gold_dangled, gold_whole = gold_dangled + b, gold_whole + w
    out = {
        "briefs": len(rows),
        "median words": statistics.median(r["words"] for r in rows),
        "median length ratio": statistics.median(r["length_ratio"] for r in rows),
        "briefs over half their article": sum(r["length_ratio"] > 0.5 for r in rows),
        "repeated lines (all briefs)": sum(r["repeated_lines"] for r in rows),
        "briefs with a repeated line": sum(r["repeated_lines"] > 0 for r in rows),
        "median headline words": statistics.median(r["longest_heading_words"] for r in rows),
        "longest headline words": max(r["longest_heading_words"] for r in rows),
        "dangling sentences (rule)": dangled,
        "dangling share of whole sentences (rule)": round(dangled / max(1, whole), 3),
    }
    if gold_whole:
        out["dangling share (annotated articles)"] = round(gold_dangled / gold_whole, 3)
    if recalls:
        out["highlight words shown (mean)"] = round(statistics.fmean(recalls), 3)
    if summaries:
        out["highlights: median words"] = statistics.median(r["words"] for r in summaries)
        out["highlights: median length ratio"] = statistics.median(r["length_ratio"] for r in summaries)
    return out


def _context(split: str) -> dict[str, tuple[dict[int, tuple[int, str]], list[int]]]:
    """Blind context annotations of a split: article id -> ({sentence: (earliest sentence it needs, why)}, the
    sentence starts the annotators saw)."""
    out: dict[str, tuple[dict[int, tuple[int, str]], list[int]]] = {}
    for path in sorted(ANNOTATIONS.glob(f"{split}*-context.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip():
                row = json.loads(raw)
                out[row["id"]] = ({n["sentence"]: (n["on"], n["why"]) for n in row.get("needs", [])},
                                  row.get("starts", []))
    return out


def _needs_on(needs: dict[int, tuple[int, str]], starts: list[int], text: str,
              split: list[int]) -> dict[int, tuple[int, str]] | None:
    """The context annotations on the sentence split `split` (the starts the brief's code cut the article at), or
    None when they cannot be carried over (`realign`)."""
    _on_path(ROOT)
    _on_path(ROOT / "benchmarks")
    from realign import realigned_needs

    if split == starts:
        return needs
    doc = SimpleNamespace(article=SimpleNamespace(text=text), sentences=[SimpleNamespace(start=x) for x in split])
    return realigned_needs(needs, starts, doc)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="append", help="a test split of ../shared/eval (default: cnndm-test, "
                        "bbc-test)")
    parser.add_argument("--first", type=int, default=0, help="the first line of each split (default 0)")
    parser.add_argument("--count", type=int, default=100, help="articles of each split (default 100)")
    parser.add_argument("--before", metavar="REV", help="also measure the code of this commit")
    parser.add_argument("--keep", type=Path, help="keep the briefs in this folder")
    parser.add_argument("--article-share", type=float, metavar="X", help="today's briefs with the standard "
                        "template's article_share set to X (the budget's trade-off; default: the template's)")
    parser.add_argument("--oracle", action="store_true", help="also measure Situation chosen by the highlights "
                        "(an upper bound for the choice of sentences; dev splits only)")
    args = parser.parse_args(argv)
    splits = args.split or ["cnndm-test", "bbc-test"]
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        base = args.keep or Path(tmp)
        codes: dict[str, Path] = {"now": ROOT}
        if args.before:
            old = stack.enter_context(code_at(args.before, Path(tmp) / "before"))
            codes = {f"before ({args.before})": old, "now": ROOT}
        for split in splits:
            figures = {}
            runs = [(name, code, False) for name, code in codes.items()]
            runs += [("oracle", ROOT, True)] if args.oracle else []
            for name, code, oracle in runs:
                folder = base / split / name.split()[0]
                make_briefs(split, args.first + args.count, folder, code, args.first, oracle,
                            args.article_share if code == ROOT else None)
                figures[name] = measure(folder, split)
            print(f"\n{split}: {args.count} articles from line {args.first}, one-article briefs (template standard)")
            keys = list(next(iter(figures.values())))
            width = max(len(k) for k in keys)
            print(f"  {'':<{width}}  " + "  ".join(f"{n:>22}" for n in figures))
            for key in keys:
                print(f"  {key:<{width}}  " + "  ".join(f"{figures[n].get(key, ''):>22}" for n in figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
