"""Fuzz ingest, segmentation, ranking, composing and rendering for a set time.

    python benchmarks/fuzz.py --seconds 600            # ten minutes, seed 0
    python benchmarks/fuzz.py --seconds 60 --seed 7
    python benchmarks/fuzz.py --sweep ../shared/eval/cnndm-test.jsonl ../shared/eval/bbc-dev.jsonl  # real articles

A mutational fuzzer: it starts from real inputs (the example article, 50
cnndm-dev articles, the bad-input corpus, small HTML, Markdown, JSON-ish, feed
and Word files), runs each as it is, then mutates them — byte flips, truncation,
splicing, inserted tokens (markup, control characters, escape sequences, bidi
overrides, odd Unicode, long runs), leading XML comments, long digit runs — then
runs each through the library as a user's input would go: feed detection
(`is_feed`), then `read_bytes` with a guessed kind or, one time in four, as a
JSONL line whose text may hold lone surrogates and whose title, url, published
and language carry control characters and escape sequences (`read_jsonl`); then
`segment`, `rank` (default and a sumy method), `compose` and a renderer. An
exception that is not the project's own `BriefingError`, an output holding a
control character, escape sequence, bidi override or surrogate, or an input
still running after a minute, is a failure: it is printed with the input's hash
and the input saved under --crashes. Prints how many inputs were tried.

`--sweep FILE.jsonl ...` instead briefs every article of the files as it is
(`text`, or a Multi-News line's `documents` joined), with the same failure
rules, and prints the slowest.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import signal
import sys
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # this tree's briefing (not an installed one) and its test corpus

from bad_inputs import CORPUS  # noqa: E402

from briefing.compose import compose  # noqa: E402
from briefing.errors import BriefingError  # noqa: E402
from briefing.ingest import read_bytes  # noqa: E402
from briefing.ingest.feed import is_feed  # noqa: E402
from briefing.ingest.jsonl import read_jsonl  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402
from briefing.options import RankOptions  # noqa: E402
from briefing.rank import Length, rank  # noqa: E402
from briefing.render import render  # noqa: E402
from briefing.templates import load_template  # noqa: E402

NEWS = ROOT.parent / "shared" / "eval" / "cnndm-dev.jsonl"
HANG_SECONDS = 60  # one input running this long is a failure (a loop that never ends)
KINDS = (".txt", ".md", ".html", ".docx", None)
TOKENS = [
    b"<script>", b"</p>", b"<p>", b"<html>", b"<!--", b"&amp;", b"&#0;", b"\x00", b"\x1b[31m", b"\r\n", b"\n\n",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80\x8f", b"\xf0\x9f\x99\x82", b"\xc3", b"Gen.", b"U.S.", b"\"",
    b"\xe2\x80\x9c",
    b"He said", b"# ", b"---\n", b"Title: ", b"Date: 2020-01-03\n", b"{{ 7*7 }}", b"[bold]", b"|", b"...", b"!!!",
    b"a" * 6000, b". " * 200, b"(CNN)", b"WASHINGTON (Reuters) - ", b"PK\x03\x04",
    b"<!---->" * 30, b"\x1b]0;title\x07", b"\x1b]8;;http://evil.example/\x1b\\", b"\x1b[2J", b"\xc2\x9b31m",
    b"\xe2\x80\xae", b"\xe2\x81\xa6", b"\xed\xa0\x80", b"&#27;[2J", b"&#x9b;", b"$" + b"9" * 4400, b"9" * 5000,
    b" years ago", b"<rss version='2.0'>",
]
# What may never reach an output: C0/C1 controls (tab and line ends aside), bidi overrides, surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
METADATA = ["", "Budget vote", "\x1b]0;PWNED\x07", "\x1b[2J", "\x9b31m", "\u202e", "\ud800", "\x00\x07\x08",
            "\x1b]8;;http://evil.example/\x1b\\", "line\nbreak", "9" * 5000, "http://example.org/a", "2020-01-03"]


def seeds(articles: int) -> list[bytes]:
    """Starting inputs: real articles (the example, and the first `articles` of cnndm-dev when ../shared/eval
    is there) and the bad-input corpus (the big ones left out)."""
    import docx

    items = [(ROOT / "examples" / "baghdad-airport-strike.txt").read_bytes()]
    if articles and NEWS.exists():
        with NEWS.open(encoding="utf-8") as lines:
            items += [json.loads(line)["text"].encode() for line, _ in zip(lines, range(articles), strict=False)]
    items += [i.make() for i in CORPUS if i.name not in ("big-50mb.txt", "zip-bomb.docx")]
    document = docx.Document()
    document.add_heading("Council approves budget", 1)
    document.add_paragraph("The council approved the budget on Monday. The mayor welcomed it.")
    buffer = io.BytesIO()
    document.save(buffer)
    items.append(buffer.getvalue())
    items.append(b"# Budget\n\nThe **council** approved [the plan](http://x). It passed.\n")
    items.append(b"<!---->" * 40 + b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item>"
                 b"<title>Budget</title><description>The council approved the budget.</description></item>"
                 b"</channel></rss>")
    items.append(b"<!---->" * 26 + b"<html><body><p>The council approved the budget on Monday.</p></body></html>")
    return items


def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    """One to four random edits of `data`."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        at = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip bytes
            for _ in range(rng.randint(1, 8)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 1:  # insert a token
            buf[at:at] = rng.choice(TOKENS)
        elif op == 2 and buf:  # truncate
            del buf[rng.randint(0, len(buf) - 1):]
        elif op == 3:  # splice another input
            other = rng.choice(pool)
            start = rng.randint(0, len(other))
            buf[at:at] = other[start:start + rng.randint(0, 2000)]
        elif op == 4 and buf:  # delete a range
            del buf[at:at + rng.randint(1, 200)]
        elif op == 5:  # leading comments (feed detection)
            buf[0:0] = b"<!---->" * rng.randint(1, 80)
        elif op == 6:  # a long run of digits
            buf[at:at] = rng.choice([b"", b"$", b" "]) + b"9" * rng.randint(100, 6000)
        else:  # repeat a range
            buf[at:at] = bytes(buf[at:at + rng.randint(1, 100)]) * rng.randint(2, 20)
    return bytes(buf)


def jsonl_line(data: bytes, rng: random.Random) -> bytes:
    """The input as the text of a JSONL line (bytes that are not UTF-8 become lone surrogates), with metadata
    fields made of control characters, escape sequences, surrogates and the like."""
    row = {"text": data.decode("utf-8", "surrogateescape")}
    for key in ("title", "url", "published", "language", "id"):
        if rng.random() < 0.7:
            row[key] = "".join(rng.choice(METADATA) for _ in range(rng.randint(1, 3)))
    if "language" in row and rng.random() < 0.7:
        row["language"] = "english" + row["language"]
    return json.dumps(row).encode() + b"\n"


def exercise(data: bytes, kind: str | None, rng: random.Random) -> None:
    """Run one input through the stages; only BriefingError may escape, and no output may hold FORBIDDEN."""
    is_feed(data, rng.choice(["", "text/html", "text/plain", "text/xml", "application/xml"]))
    try:
        if rng.random() < 0.25:
            articles = list(read_jsonl("fuzz.jsonl", data=jsonl_line(data, rng)))
        else:
            articles = [read_bytes(data, "fuzz-input", kind=kind)]
    except BriefingError:
        return
    for article in articles:
        doc = segment(article)
        if not doc.sentences:
            continue
        rank(doc, rng.choice(["default", "lead", "lexrank", "fast-kl", "textrank"]), Length(sentences=3))
        spec = load_template(rng.choice(["standard", "sitrep", "bluf"]))
        brief = compose([doc], spec, RankOptions(method=rng.choice(["default", "lead"])))
        fmt = rng.choice(["md", "html", "txt", "json", "docx"])
        out = render(brief, fmt, spec)
        if isinstance(out, bytes):
            with zipfile.ZipFile(io.BytesIO(out)) as z:
                out = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels")))
        if found := FORBIDDEN.search(out):
            raise AssertionError(f"{fmt} output holds {found.group()!r}")


class Hang(Exception):
    """An input ran past HANG_SECONDS."""


def _hang(signum: int, frame: object) -> None:
    raise Hang(f"still running after {HANG_SECONDS} s")


def sweep(files: list[Path]) -> int:
    """Brief every article of the JSONL files once; return how many failed."""
    from briefing.api import brief

    failures = tried = 0
    slowest: list[tuple[float, str]] = []
    start = time.monotonic()
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for row in map(json.loads, lines):
                text = row.get("text") or "\n\n".join(row.get("documents", []))
                tried += 1
                began = time.monotonic()
                signal.alarm(HANG_SECONDS)
                try:
                    brief(text)
                except BriefingError:
                    pass
                except Exception as error:  # a crash or a hang
                    failures += 1
                    print(f"FAIL {path.name} {row.get('id')}: {type(error).__name__} {str(error)[:100]!r}", flush=True)
                finally:
                    signal.alarm(0)
                slowest = sorted([*slowest, (time.monotonic() - began, str(row.get("id")))], reverse=True)[:3]
    print(f"sweep: {tried} articles in {time.monotonic() - start:.0f} s, {failures} failures; slowest "
          + ", ".join(f"{seconds:.1f} s ({name})" for seconds, name in slowest))
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    parser.add_argument("--articles", type=int, default=50, help="cnndm-dev articles among the seeds (default 50)")
    parser.add_argument("--sweep", type=Path, nargs="+", help="brief every article of these JSONL files instead")
    opts = parser.parse_args()
    signal.signal(signal.SIGALRM, _hang)
    if opts.sweep:
        raise SystemExit(1 if sweep(opts.sweep) else 0)
    rng = random.Random(opts.seed)
    pool = seeds(opts.articles)
    tried = failures = 0
    start = time.monotonic()
    unmutated = list(pool)  # each seed once as it is, then mutants
    while time.monotonic() - start < opts.seconds:
        data = unmutated.pop(0) if unmutated else mutate(rng.choice(pool), rng, pool)
        kind = rng.choice(KINDS)
        tried += 1
        signal.alarm(HANG_SECONDS)
        try:
            exercise(data, kind, rng)
        except Exception:  # a crash (anything but our own error type) or a hang
            failures += 1
            digest = hashlib.sha1(data).hexdigest()[:12]
            opts.crashes.mkdir(exist_ok=True)
            (opts.crashes / f"{digest}{kind or ''}").write_bytes(data)
            frame = traceback.extract_tb(sys.exc_info()[2])[-1]
            error = sys.exc_info()[1]
            print(f"FAIL {digest} kind={kind}: {type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} "
                  f"{str(error)[:100]!r}", flush=True)
        finally:
            signal.alarm(0)
        if len(data) < 200_000 and rng.random() < 0.05:
            pool.append(data)  # keep some mutants as seeds
    elapsed = time.monotonic() - start
    print(f"fuzz: {tried} inputs in {elapsed:.0f} s (seed {opts.seed}), {failures} failures")
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
