"""Check an annotation file against its data: headers, indices, kinds, figure and timeline spans.

    python eval/annotations/check.py eval/annotations/bbc-dev-v2-a.jsonl ../shared/eval/bbc-dev.jsonl

Prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from briefing.model import Article  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402

KINDS = {"person", "organization"}


def problems(gold: dict, item: dict) -> list[str]:
    """What is wrong with one annotation line, given the data item it names."""
    import hashlib

    out = []
    tag = f"line {gold.get('line')}"
    doc = segment(Article(id=item["id"], text=item["text"]))
    if hashlib.sha256(item["text"].encode("utf-8")).hexdigest() != gold.get("sha256"):
        out.append(f"{tag}: sha256 does not match the data")
    if gold.get("sentences") != len(doc):
        out.append(f"{tag}: {gold.get('sentences')} sentences, the segmenter gives {len(doc)}")
    n = len(doc)
    for a in gold.get("actors", []):
        if a.get("kind") not in KINDS:
            out.append(f"{tag}: actor {a.get('name')!r} has kind {a.get('kind')!r}")
        if not isinstance(a.get("variants", []), list) or not isinstance(a.get("roles", []), list):
            out.append(f"{tag}: actor {a.get('name')!r}: variants and roles must be lists")
    for key in ("background", "outlook"):
        for i in gold.get(key, []):
            if not isinstance(i, int) or not 0 <= i < n:
                out.append(f"{tag}: {key} index {i!r} out of range")
    both = set(gold.get("background", [])) & set(gold.get("outlook", []))
    if both:
        out.append(f"{tag}: sentences both background and outlook: {sorted(both)}")
    for q in gold.get("quotes", []):
        if not 0 <= q.get("sentence", -1) < n:
            out.append(f"{tag}: quote sentence {q.get('sentence')!r} out of range")
    for f in gold.get("figures", []):
        i = f.get("sentence", -1)
        if not 0 <= i < n:
            out.append(f"{tag}: figure sentence {i!r} out of range")
        elif f.get("text", "") not in doc.sentences[i].text:
            out.append(f"{tag}: figure {f.get('text')!r} is not in sentence {i}")
    why = {"pronoun", "demonstrative", "definite", "connective", "quotation", "other"}
    for need in gold.get("needs", []):
        i, on = need.get("sentence", -1), need.get("on", -1)
        if not (isinstance(i, int) and isinstance(on, int) and 0 <= on < i < n):
            out.append(f"{tag}: needs {need!r}: sentence and on must be indices with on < sentence")
        if need.get("why") not in why:
            out.append(f"{tag}: needs {need!r}: why must be one of {sorted(why)}")
    for t in gold.get("timeline", []):
        i = t.get("sentence", -1)
        if not (isinstance(i, int) and 0 <= i < n):
            out.append(f"{tag}: timeline sentence {i!r} out of range")
        elif not t.get("date") or t["date"] not in doc.sentences[i].text:
            out.append(f"{tag}: timeline date {t.get('date')!r} is not in sentence {i}")
    for p in gold.get("places", []):
        if not isinstance(p, (str, dict)):
            out.append(f"{tag}: place {p!r} must be a string or {{name, variants}}")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    gold_path, data_path = Path(argv[0]), Path(argv[1])
    items = {}
    for raw in data_path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            item = json.loads(raw)
            items[item["id"]] = item
    bad = 0
    for k, raw in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            gold = json.loads(raw)
        except json.JSONDecodeError as exc:
            print(f"row {k}: not JSON: {exc}")
            bad += 1
            continue
        item = items.get(gold.get("id"))
        if item is None:
            print(f"row {k}: id {gold.get('id')!r} not in {data_path}")
            bad += 1
            continue
        for p in problems(gold, item):
            print(p)
            bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
