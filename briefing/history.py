"""What earlier briefs covered: an embedded SQLite history, so a new brief can mark what is new.

A story is remembered by fingerprints: a hash of its normalised headline and a
hash of each of its normalised sentences (case, punctuation and spacing folded,
so the same sentence from another outlet or a re-scrape matches). A story counts
as seen when its headline fingerprint was recorded before or when at least
`SEEN_SHARE` of its sentences were. Pass all the sentences of a story's articles
(not only those shown) to make that robust to a different selection next time.

The default file is `history.sqlite3` in the user's data folder. The schema is
versioned with `PRAGMA user_version`; every write is one transaction. A locked,
unreadable or foreign file is a one-line `InputError`/`OutputError`.

Only `record` creates the file: reading a history that does not exist yet finds
nothing seen. `check` finds a folder, a damaged or foreign file, or one another
run keeps locked, before a run does its work. A daily brief is best recorded once
its output is written (`daily_brief(..., record=False)`, then `record_briefing`), so
a failed write never leaves stories marked as seen that nobody saw.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, OutputError
from .model import Briefing, Document, Story

if TYPE_CHECKING:
    from .model import Briefing

SCHEMA_VERSION = 1
SEEN_SHARE = 0.5
_BATCH = 500  # host parameters per query, well under SQLite's limit
_NON_WORD = re.compile(r"[\W_]+")

_SCHEMA = """
CREATE TABLE briefs (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT,
    created TEXT NOT NULL,
    stories INTEGER NOT NULL
);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
    headline TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    sentences INTEGER NOT NULL
);
CREATE INDEX stories_fingerprint ON stories(fingerprint);
CREATE TABLE sentences (
    hash TEXT NOT NULL,
    brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
    PRIMARY KEY (hash, brief_id)
) WITHOUT ROWID;
"""


def default_path() -> Path:
    """The history file in the user's data folder (not created here)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing")) / "history.sqlite3"


def normalize_text(text: str) -> str:
    """Text as compared: Unicode-folded, lower-case, words separated by single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", folded).split())


def fingerprint(text: str) -> str:
    """A 16-hex-digit hash of normalised text (headline or sentence)."""
    return hashlib.blake2b(normalize_text(text).encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True)
class StoryKey:
    """How a story is recognised: its headline's fingerprint and its sentences' hashes."""

    headline: str
    fingerprint: str
    sentences: frozenset[str]

    @classmethod
    def of(cls, headline: str, sentences: Iterable[str]) -> StoryKey:
        """The key of a story from its headline and sentence texts (empty ones ignored)."""
        hashes = frozenset(fingerprint(s) for s in sentences if normalize_text(s))
        return cls(headline=headline, fingerprint=fingerprint(headline), sentences=hashes)


@dataclass(frozen=True)
class BriefRow:
    """A past brief as listed."""

    id: int
    title: str
    date: date | None
    created: datetime
    stories: int


class History:
    """The brief history in one SQLite file (created with its folder on first use)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _error(self, exc: sqlite3.Error, writing: bool) -> Exception:
        message = str(exc)
        if "locked" in message or "busy" in message:
            return OutputError("history is locked by another briefing run; try again", source=str(self.path))
        if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in message or "malformed" in message):
            return InputError("history file is damaged or not a briefing history; move it away or use another "
                              "--history", source=str(self.path))
        kind = OutputError if writing else InputError
        return kind(f"history {'write' if writing else 'read'} failed: {message}", source=str(self.path))

    def _check_location(self) -> None:
        """For a file not made yet: an OutputError when neither it nor its folder could be made."""
        if self.path.is_dir():
            raise OutputError("is a folder, not a history file; use another --history", source=str(self.path))
        folder = self.path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():
            raise OutputError("cannot create the history folder: Not a directory", source=str(self.path))
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OutputError("cannot create the history file: Permission denied", source=str(self.path))

    def _connect(self, create: bool = True) -> sqlite3.Connection | None:
        """The open database; None when it does not exist and `create` is False (nothing is made then)."""
        if self._db is not None:
            return self._db
        if self.path.is_dir():
            raise OutputError("is a folder, not a history file; use another --history", source=str(self.path))
        if not create and not self.path.exists():
            self._check_location()
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the history folder: {exc.strerror or exc}", source=str(self.path)) \
                from None
        try:
            db = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
            try:
                self._prepare(db)
            except BaseException:
                db.close()
                raise
        except sqlite3.Error as exc:
            raise self._error(exc, writing=False) from None
        self._db = db
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        """Create the schema in a new file; refuse foreign or newer ones."""
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA user_version").fetchone()[0] == 0:
            with _transaction(db):
                version = db.execute("PRAGMA user_version").fetchone()[0]  # another run may have made it
                if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise InputError("not a briefing history (it has other tables); use another --history",
                                     source=str(self.path))
                if version == 0:
                    for statement in filter(str.strip, _SCHEMA.split(";")):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise InputError(f"history was written by a newer briefing (schema {version}); upgrade briefing",
                             source=str(self.path))

    def check(self) -> None:
        """Fail now rather than after a run's work: a folder, a damaged, foreign or newer file, a file another run
        keeps locked (waiting the usual busy timeout), or a location where the file cannot be made. Makes nothing."""
        db = self._connect(create=False)
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            raise self._error(exc, writing=True) from None

    def record(self, briefing_title: str, brief_date: date | None, stories: Iterable[StoryKey]) -> int:
        """Remember a brief and its stories (one transaction); returns the brief's id."""
        items = list(stories)
        db = self._connect()
        try:
            with _transaction(db):
                cursor = db.execute(
                    "INSERT INTO briefs (title, date, created, stories) VALUES (?, ?, ?, ?)",
                    (briefing_title, brief_date.isoformat() if brief_date else None,
                     datetime.now(UTC).isoformat(timespec="seconds"), len(items)))
                brief_id = int(cursor.lastrowid or 0)
                db.executemany(
                    "INSERT INTO stories (brief_id, headline, fingerprint, sentences) VALUES (?, ?, ?, ?)",
                    [(brief_id, s.headline, s.fingerprint, len(s.sentences)) for s in items])
                hashes = sorted(set().union(*(s.sentences for s in items))) if items else []
                db.executemany("INSERT OR IGNORE INTO sentences (hash, brief_id) VALUES (?, ?)",
                               [(h, brief_id) for h in hashes])
        except sqlite3.Error as exc:
            raise self._error(exc, writing=True) from None
        return brief_id

    def seen_sentences(self, hashes: Iterable[str]) -> set[str]:
        """The sentence hashes that earlier briefs recorded."""
        wanted = sorted(set(hashes))
        db = self._connect(create=False)
        found: set[str] = set()
        if db is None:
            return found
        try:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start:start + _BATCH]
                marks = ",".join("?" * len(batch))
                found.update(h for (h,) in db.execute(f"SELECT DISTINCT hash FROM sentences WHERE hash IN ({marks})",
                                                      batch))
        except sqlite3.Error as exc:
            raise self._error(exc, writing=False) from None
        return found

    def seen_headline(self, headline_fingerprint: str) -> bool:
        """Whether an earlier brief had a story with this headline fingerprint."""
        db = self._connect(create=False)
        if db is None:
            return False
        try:
            row = db.execute("SELECT 1 FROM stories WHERE fingerprint = ? LIMIT 1", (headline_fingerprint,)).fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc, writing=False) from None
        return row is not None

    def seen_story(self, story: StoryKey | str, *, share: float = SEEN_SHARE) -> bool:
        """Whether an earlier brief covered the story: same headline, or `share` of its sentences seen.

        A bare string is taken as a headline fingerprint.
        """
        if isinstance(story, str):
            return self.seen_headline(story)
        if self.seen_headline(story.fingerprint):
            return True
        if not story.sentences:
            return False
        return len(self.seen_sentences(story.sentences)) >= share * len(story.sentences)

    def list_briefs(self, *, newest_first: bool = False) -> list[BriefRow]:
        """Past briefs, oldest first (or newest first)."""
        db = self._connect(create=False)
        if db is None:
            return []
        order = "DESC" if newest_first else "ASC"
        try:
            rows = db.execute(f"SELECT id, title, date, created, stories FROM briefs ORDER BY id {order}").fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc, writing=False) from None
        return [BriefRow(id=r[0], title=r[1], date=date.fromisoformat(r[2]) if r[2] else None,
                         created=datetime.fromisoformat(r[3]), stories=r[4]) for r in rows]


def check_history(history: History | str | os.PathLike[str] | None) -> None:
    """`History.check` for a History (left open) or a file (None: nothing to check)."""
    if isinstance(history, History):
        history.check()
    elif history is not None:
        with History(history) as past:
            past.check()


def record_briefing(history: History | str | os.PathLike[str], briefing: Briefing) -> int | None:
    """Record a daily brief made with `record=False` (its `history_keys`), e.g. once its output is written.

    `history` is a History (left open) or its file. Returns the brief's id (None when the brief
    carries no keys: it was made without a history). A failure says the brief is not recorded.
    """
    if briefing.history_keys is None:
        return None
    past = history if isinstance(history, History) else History(history)
    try:
        return past.record(briefing.title, briefing.date, briefing.history_keys)
    except (InputError, OutputError) as exc:
        raise OutputError(f"{str(exc).removeprefix(f'{exc.source}: ')}; the brief was not recorded",
                          source=exc.source) from None
    finally:
        if past is not history:
            past.close()


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error (autocommit connection)."""
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def describe_history(path: str | Path | None = None) -> str:
    """What `briefing history` prints: one line per recorded brief."""
    with History(path) as past:
        rows = past.list_briefs(newest_first=True)
    if not rows:
        return "no briefs recorded yet"
    return "\n".join(f"{row.id:>4}  {row.created:%Y-%m-%d %H:%M}  "
                     f"{row.date.isoformat() if row.date else 'undated'}  {row.stories:>3} stories  {row.title}"
                     for row in rows)


def mark(briefing: Briefing, docs: Iterable[Document], history: History) -> Briefing:
    """The brief with the stories and excerpts earlier briefs showed flagged, and its `history_keys` set.

    A story is known by its headline and every sentence of its articles (`docs`, by
    article id), so the same event told by another selection of sentences matches.
    `record_briefing` records the keys once the brief has been written.
    """
    by_id = {d.article.id: d for d in docs}
    stories: list[Story] = []
    keys: list[StoryKey] = []
    for story in briefing.stories:
        key = StoryKey.of(story.headline, [s.text for a in story.article_ids if a in by_id
                                           for s in by_id[a].sentences])
        shown = [e for section in story.sections for e in section.excerpts]
        seen = history.seen_sentences(fingerprint(e.text) for e in shown)
        sections = tuple(
            replace(sec, excerpts=tuple(replace(e, seen=fingerprint(e.text) in seen) for e in sec.excerpts))
            for sec in story.sections
        )
        stories.append(replace(story, sections=sections, seen=history.seen_story(key)))
        keys.append(key)
    return replace(briefing, stories=tuple(stories), history_keys=tuple(keys))
