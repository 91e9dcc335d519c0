"""The data that flows between the stages: frozen dataclasses, no I/O.

    Article --segment--> Document --rank--> Ranking
    Document + Ranking --compose--> Briefing(stories[Story(sections, actors)])

Every excerpt a briefing shows keeps its provenance: the article it came from
and the index of the sentence in that article's Document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .nlp.language import resolve
from .nlp.naming import actor_forms, names_any

if TYPE_CHECKING:
    from .history import StoryKey
    from .templates import Template


@dataclass(frozen=True)
class Article:
    """One input article as read: text plus what the source says about it."""

    id: str
    text: str
    title: str = ""
    source: str = ""  # input path, URL or "-" for stdin
    url: str | None = None
    published: date | None = None
    language: str = "english"  # normalised when the Article is made ("en" -> "english"); "auto": detected
    notes: tuple[str, ...] = ()  # what reading it dropped or assumed, for the user to see
    site: str = ""  # the publisher's name, when the page gives one (og:site_name)

    def __post_init__(self) -> None:
        object.__setattr__(self, "language", resolve(self.language, self.text))

    @property
    def outlet(self) -> str:
        """Who published it, as a reader knows it: the site's name, else the URL's host, else the file's name."""
        if self.site:
            return self.site
        if self.url and (host := urlsplit(self.url).hostname):
            return host.removeprefix("www.")
        if self.source and self.source not in ("-", "text") and "://" not in self.source:
            return PurePath(re.sub(r":\d+$", "", self.source)).name  # "day.jsonl:12" -> "day.jsonl"
        return ""


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: verbatim text and where it sits."""

    text: str
    index: int  # position in the document, 0-based
    paragraph: int  # paragraph number, 0-based
    start: int  # character offsets into Article.text
    end: int


@dataclass(frozen=True)
class Document:
    """An article split into sentences (the title is not a sentence)."""

    article: Article
    sentences: tuple[Sentence, ...]

    def __len__(self) -> int:
        return len(self.sentences)


@dataclass(frozen=True)
class Ranking:
    """Scores one method gave each sentence of a document (higher is better)."""

    method: str
    scores: tuple[float, ...]
    selected: tuple[int, ...]  # chosen sentence indices, in document order


ELLIPSIS = "…"
_WORD = re.compile(r"\w+")


def odd_quotation_marks(text: str) -> bool:
    """Whether a text opens a quotation it does not close, or closes one it did not open (a sentence of a
    quotation that runs over several: "\"The Communist Party, Chairman Mao.")."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def word_count(text: str) -> int:
    """Words as a reader counts them (runs of letters and digits): the unit of every word budget."""
    return len(_WORD.findall(text))
CLOSING = " \t\n.!?;:,\"'”’)]»"  # what may follow a word's end: space, stops, closing marks


def pieces_text(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Pieces of `text` joined by " … ", with "…" before the first when it does not open the text and after
    the last when more than closing punctuation follows it (no word of the text is changed)."""
    if not spans:
        return text
    parts = [text[a:b] for a, b in spans]
    shown = f" {ELLIPSIS} ".join(parts)
    if text[: spans[0][0]].strip(" \t\n\"'“‘(["):
        shown = f"{ELLIPSIS} {shown}"
    if text[spans[-1][1]:].strip(CLOSING):
        shown = f"{shown} {ELLIPSIS}"
    return shown


@dataclass(frozen=True)
class Excerpt:
    """A verbatim sentence shown in a brief, with its provenance."""

    text: str
    article_id: str
    sentence_index: int
    score: float | None = None
    # What the section adds to the sentence: a quote's speaker, a timeline entry's
    # resolved date (ISO), a key figure's phrase as the source says it.
    label: str | None = None
    seen: bool = False  # shown in an earlier brief (daily brief with history)
    # The pieces of `text` shown, as character offsets in order; () shows the whole sentence. A piece is a
    # constituent of the sentence's parse (`sections.cutting`); `shown` marks every cut with "…".
    spans: tuple[tuple[int, int], ...] = ()
    # A shorter cut for one-line uses (a daily brief's bottom line); () when none was made.
    short: tuple[tuple[int, int], ...] = ()
    leans: bool = False  # it leans on the sentence before it: shown only right after that sentence
    # Sentences of its article that introduce someone it names only in short ("after Irani levied her
    # accusation"): a section shows it only with them (`sections.excerpts.introduced`).
    needs: tuple[int, ...] = ()

    @property
    def shown(self) -> str:
        """The text as a brief shows it: the pieces of the sentence, "…" where it was cut."""
        return pieces_text(self.text, self.spans)

    @property
    def line(self) -> str:
        """The text for a one-line use: the short cut when there is one, else as shown."""
        return pieces_text(self.text, self.short) if self.short else self.shown


@dataclass(frozen=True)
class Actor:
    """A person or organisation the article involves."""

    name: str
    kind: str  # "person" or "organization"
    role: str | None = None
    mentions: int = 1
    variants: tuple[str, ...] = ()
    first_sentence: int = 0
    article_ids: tuple[str, ...] = ()

    def forms(self) -> frozenset[str]:
        """The forms a text may name this actor by (`briefing.nlp.naming.actor_forms`)."""
        return actor_forms(self.name, self.variants, self.kind == "person")

    def named_in(self, text: str) -> bool:
        """Whether `text` names this actor (by name, a variant or, for a person, the surname)."""
        return names_any(text, self.forms())


@dataclass(frozen=True)
class Section:
    """A titled block of excerpts, e.g. Situation or Background."""

    key: str
    title: str
    excerpts: tuple[Excerpt, ...] = ()


@dataclass(frozen=True)
class SourceRef:
    """An article a story draws on, as the user knows it."""

    article_id: str
    title: str
    source: str
    url: str | None = None
    published: date | None = None
    outlet: str = ""  # who published it (`Article.outlet`)


@dataclass(frozen=True)
class OtherStory:
    """A story of the day that the brief does not show in full: its headline and its articles, for one line."""

    headline: str
    sources: tuple[SourceRef, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that cover it, each once, in order."""
        return tuple(dict.fromkeys(s.outlet for s in self.sources if s.outlet))


@dataclass(frozen=True)
class Story:
    """One news story: its sections, actors and the articles behind it."""

    headline: str
    sections: tuple[Section, ...]
    actors: tuple[Actor, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()  # the articles composed into it
    seen: bool = False  # covered in an earlier brief (daily brief with history)
    article_ids: tuple[str, ...] = ()  # every article of the story, the composed ones first
    words: int = 0  # words of its main article's text: what a length budget is a share of
    headline_from: tuple[str, int] | None = None  # (article id, sentence index) the headline was cut from

    def section(self, key: str) -> Section | None:
        """The section with this key, if the story has it."""
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class Briefing:
    """The finished brief: one story, or several for a daily brief."""

    title: str
    stories: tuple[Story, ...]
    date: date | None = None
    method: str = "default"
    template: Template | str = "standard"  # the template it was made with (a name: a built-in)
    notices: tuple[str, ...] = field(default=())
    also: tuple[OtherStory, ...] = ()  # the day's other stories, one line each ("Also today")
    # What recording this brief in a history stores (None: made without one); see history.record_briefing.
    history_keys: tuple[StoryKey, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def template_name(self) -> str:
        """The name of the template it was made with."""
        return self.template if isinstance(self.template, str) else self.template.name
