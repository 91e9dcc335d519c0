"""Option bundles shared by the library and the command line, with their defaults and units.

Each bundle is one frozen dataclass: the CLI builds it from its flags and passes
it on unchanged, so a default lives here and nowhere else. Sizes are in bytes;
the CLI's `--max-input-mb` and `--max-fetch-mb` are MiB (1,048,576 bytes).

- `ReadOptions`: how inputs are read and fetched, and the limits that guard them;
- `RankOptions`: which method ranks sentences and how long Situation (or a summary) is;
- `OutputOptions`: how a brief is written or shown (marking, Word styling, pager).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import UsageError

MIB = 1024 * 1024
MAX_INPUT_BYTES = 10 * MIB  # --max-input-mb 10
MAX_FETCH_BYTES = 5 * MIB  # --max-fetch-mb 5
MAX_SENTENCES = 5000  # --max-sentences
TIMEOUT = 10.0  # --timeout, seconds
MAX_REDIRECTS = 5
FETCH_BUDGET = 300.0  # --fetch-budget, seconds for all the fetching of one run
MAX_ITEMS = 100  # --max-items, items read from each feed
SUMMARY_SENTENCES = 3  # a summary's length when no count, word budget or ratio is given


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read and fetched, with the limits that guard against runaway input.

    Picklable, so reading can run in other processes. `language` is the articles'
    unless they say otherwise; `workers` is how many inputs (and links of one
    feed) are read at a time.
    """

    language: str = "auto"  # each article's own, detected; or a language name for all
    encoding: str | None = None  # of files and stdin (None: BOM, HTML charset or UTF-8); pages use their header
    max_input_bytes: int = MAX_INPUT_BYTES  # per file or stdin
    max_sentences: int = MAX_SENTENCES  # per article; longer ones are cut with a note
    timeout: float = TIMEOUT  # seconds of wall-clock time per web request, redirects included
    max_fetch_bytes: int = MAX_FETCH_BYTES  # per page or feed
    max_redirects: int = MAX_REDIRECTS
    allow_private: bool = False  # URLs on private and loopback addresses
    workers: int = 1
    fetch_budget: float = FETCH_BUDGET  # seconds for all the fetching of one run (collect)
    max_items: int = MAX_ITEMS  # items read from each feed
    fetch_until: float | None = None  # when the budget ends (a time.time()); collect sets it

    def __post_init__(self) -> None:
        if self.max_input_bytes < 1 or self.max_fetch_bytes < 1 or self.max_sentences < 1:
            raise UsageError("size and sentence limits must be at least 1")
        if self.workers < 1:
            raise UsageError("workers must be at least 1")

    @classmethod
    def of(cls, *, max_input_mb: float = MAX_INPUT_BYTES / MIB, max_fetch_mb: float = MAX_FETCH_BYTES / MIB,
           **fields: Any) -> ReadOptions:
        """Options with the size limits given in MiB (as the command line takes them)."""
        return cls(max_input_bytes=int(max_input_mb * MIB), max_fetch_bytes=int(max_fetch_mb * MIB), **fields)

    def file_opts(self) -> dict[str, Any]:
        return {"language": self.language, "encoding": self.encoding, "max_bytes": self.max_input_bytes}

    def fetch_opts(self) -> dict[str, Any]:
        return {"timeout": self.timeout, "max_bytes": self.max_fetch_bytes, "max_redirects": self.max_redirects,
                "allow_private": self.allow_private, "until": self.fetch_until}


@dataclass(frozen=True)
class RankOptions:
    """Which method ranks the sentences, and how many Situation (or a summary) takes.

    `sentences` overrides the template's Situation limit; `words` (a budget) or
    `ratio` (a share of the sentences) replace the count. A summary with none of
    the three takes `SUMMARY_SENTENCES` (see `summary_length`).
    """

    method: str = "default"
    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None
    lede: bool = True  # Situation always opens with the article's first sentence
    story_words: int | None = None  # most words a story is shown in (None: the template's budget; 0: no bound)

    def __post_init__(self) -> None:
        if self.story_words is not None and self.story_words < 0:
            raise UsageError("the words of a story cannot be negative")
        if self.sentences is not None and self.sentences < 0:
            raise UsageError("the number of sentences cannot be negative")
        if self.words is not None and self.words < 1:
            raise UsageError("the word budget must be at least 1")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise UsageError("the ratio must be above 0 and at most 1")

    def summary_length(self) -> tuple[int | None, int | None, float | None]:
        """(sentences, words, ratio) of a summary: the count given, else none when a word budget or ratio is
        given, else SUMMARY_SENTENCES."""
        count = self.sentences
        if count is None and self.words is None and self.ratio is None:
            count = SUMMARY_SENTENCES
        return count, self.words, self.ratio


@dataclass(frozen=True)
class OutputOptions:
    """How a brief is written or shown.

    `marking` is a line at the top and bottom of every page ("INTERNAL");
    `reference_docx` gives Word output the styles of that document and
    `docx_template` renders into a Word file with Jinja tags (both .docx only);
    `pager` pages the terminal preview (True always, False never, None when it is taller
    than the terminal); `width` fixes the terminal's columns.
    """

    marking: str | None = None
    reference_docx: Path | None = None
    docx_template: Path | None = None
    pager: bool | None = None
    width: int | None = None

    def word_files(self) -> tuple[Path, ...]:
        """The Word files these options read (never to be overwritten)."""
        return tuple(p for p in (self.reference_docx, self.docx_template) if p is not None)


def parse_date(value: str | None) -> date | None:
    """A date given as YYYY-MM-DD (`--date`), or None; anything else is a UsageError."""
    try:
        return None if value is None else date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, not {value!r}") from None


_FIELDS = {
    "read_options": ("language", "encoding", "max_input_mb", "max_sentences", "allow_private", "timeout",
                     "max_fetch_mb", "workers", "fetch_budget", "max_items"),
    "rank_options": ("method", "sentences", "words", "ratio", "story_words"),
    "output": ("marking", "reference_docx", "docx_template", "pager", "width"),
}


def bundles(flags: dict[str, Any]) -> dict[str, Any]:
    """The bundles `briefing.api`'s commands take (`read_options`, `rank_options`, `output`), from the flags of a
    command line (names as the options', sizes in MiB); flags of no bundle are left out."""
    picked = {key: {n: flags[n] for n in names if n in flags} for key, names in _FIELDS.items()}
    return {"read_options": ReadOptions.of(**picked["read_options"]),
            "rank_options": RankOptions(**picked["rank_options"]), "output": OutputOptions(**picked["output"])}
