"""Print articles as `briefing` segments them, for annotating by hand.

    python eval/annotations/show.py ../shared/eval/cnndm-dev.jsonl 2 42 82      # lines (0-based)
    python eval/annotations/show.py ../shared/eval/bbc-dev.jsonl --every 10 --from 3 --count 50

For each article: its line, id, the SHA-256 of its text, the sentence count and each
sentence's start offset (the header of an annotation line), then the title and the
numbered sentences. It shows nothing any extractor found: annotators read this only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from briefing.model import Article  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402


def header(line: int, item: dict) -> dict:
    """The fields an annotation line starts with: where the article is and how it was segmented."""
    doc = segment(Article(id=item["id"], text=item["text"]))
    return {"line": line, "id": item["id"], "sha256": hashlib.sha256(item["text"].encode("utf-8")).hexdigest(),
            "sentences": len(doc), "starts": [s.start for s in doc.sentences]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("lines", nargs="*", type=int)
    parser.add_argument("--every", type=int, help="every Nth line ...")
    parser.add_argument("--from", dest="first", type=int, default=0, help="... from this line")
    parser.add_argument("--count", type=int, default=10**9, help="... this many")
    args = parser.parse_args(argv)
    items = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x.strip()]
    lines = list(args.lines)
    if args.every:
        lines += list(range(args.first, len(items), args.every))[: args.count]
    for n in lines:
        item = items[n]
        doc = segment(Article(id=item["id"], text=item["text"]))
        print("=" * 100)
        print(json.dumps(header(n, item)))
        print(f"TITLE: {item.get('title') or '(none)'}")
        for s in doc.sentences:
            print(f"[{s.index}] {s.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
