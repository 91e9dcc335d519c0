"""The view model every renderer walks: a Briefing laid out by a template.

`build_view` applies the template once, for all formats: sections in the
template's order and titles, each section's limit, empty sections dropped, the
"actors" key drawn from `story.actors` and `story.places`, the "bottom_line" key
drawn from each story's first Situation sentences (in document order: news puts its
bottom line first, whichever method ranked them; they then leave Situation),
one-line display text, actor names found in the text (for highlighting), and only
http(s)/mailto URLs kept as links. Renderers only decide how it looks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from ..model import Actor, Briefing, Excerpt, SourceRef, Story
from ..nlp.dates import day_text
from ..nlp.naming import name_pattern
from ..templates import BOTTOM_LINE, SITUATION, Template

ACTORS = "actors"
SEEN_TAG = "(seen before)"
FIGURES = "figures"  # whose labels are phrases of their own sentences
RUNNING_TITLE = 80  # most characters of the title in a page header
PLACES_SHOWN = 10  # places listed with the actors (JSON keeps them all)
Where = tuple[str, int]  # an excerpt's (article_id, sentence_index)
LINK_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class Part:
    """A piece of an item's text; `name` when it is an actor's name."""

    text: str
    name: bool


@dataclass(frozen=True)
class Item:
    """An excerpt as shown: `text` on one line; `excerpt` keeps the verbatim original.

    `names` are the (start, end) spans of actors' names in `text`, in order.
    """

    text: str
    excerpt: Excerpt
    names: tuple[tuple[int, int], ...] = ()
    label: str | None = None  # what the section adds: a quote's speaker, a date, a figure (one line)
    seen: bool = False  # an earlier brief showed it
    emphasis: tuple[int, int] | None = None  # a span of `text` to stress (a key figure), shown in place

    @property
    def before(self) -> str:
        """The text before the emphasised span (all of it when there is none)."""
        return self.text[: self.emphasis[0]] if self.emphasis else self.text

    @property
    def stressed(self) -> str:
        """The emphasised span ("" when there is none)."""
        return self.text[self.emphasis[0]: self.emphasis[1]] if self.emphasis else ""

    @property
    def after(self) -> str:
        """The text after the emphasised span."""
        return self.text[self.emphasis[1]:] if self.emphasis else ""

    @property
    def tag(self) -> str:
        """A short note after the text for what earlier briefs showed ("" when new)."""
        return SEEN_TAG if self.seen else ""

    def parts(self) -> tuple[Part, ...]:
        """The text cut at the actor names, for renderers that highlight them."""
        parts, at = [], 0
        for start, end in self.names:
            if start > at:
                parts.append(Part(self.text[at:start], False))
            parts.append(Part(self.text[start:end], True))
            at = end
        if at < len(self.text):
            parts.append(Part(self.text[at:], False))
        return tuple(parts)


@dataclass(frozen=True)
class ActorRow:
    """An actor as a table row (`role` is "" when unknown)."""

    name: str
    kind: str
    role: str
    mentions: int
    actor: Actor


@dataclass(frozen=True)
class Block:
    """One section as shown: excerpt bullets, or (kind "actors") a table and places."""

    key: str
    title: str
    kind: str  # "excerpts" or "actors"
    items: tuple[Item, ...] = ()
    actors: tuple[ActorRow, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceItem:
    """A source as listed: `url` is None unless it is safe to link."""

    title: str
    source: str  # input path or URL; "" when it only repeats the title or URL
    url: str | None
    published: str | None  # the date in the brief's one form, "3 Jan 2020" (`ref.published` is the date)
    ref: SourceRef


@dataclass(frozen=True)
class StoryView:
    """A story's blocks in layout order; `show_headline` when there are several stories.

    `anchor` ("story-1", ...) names the story for links within the document.
    """

    headline: str
    show_headline: bool
    blocks: tuple[Block, ...]
    sources: tuple[SourceItem, ...]
    story: Story
    number: int = 1
    anchor: str = "story-1"
    seen: bool = False  # an earlier brief covered the story

    @property
    def tag(self) -> str:
        """A short note after the headline for a story earlier briefs covered ("" when new)."""
        return SEEN_TAG if self.seen else ""


@dataclass(frozen=True)
class StoryLine:
    """One story in the bottom line: its headline and first Situation sentence(s) as one paragraph."""

    headline: str
    text: str  # the items' texts joined; "" when the story has no Situation
    items: tuple[Item, ...]
    anchor: str  # the StoryView's anchor


@dataclass(frozen=True)
class BottomLine:
    """The bottom line shown before the stories: one paragraph, or one line per story when several."""

    title: str
    lines: tuple[StoryLine, ...]


@dataclass(frozen=True)
class BriefView:
    """The whole brief as shown.

    `section_level` is the heading level of section titles below the document
    title: 1 with one story, 2 with several (each story's headline is then level 1).
    """

    title: str
    subtitle: str | None  # a single story's headline, unless it repeats the title
    date: date | None
    date_text: str | None  # "3 Jan 2020": every date a brief shows has this one form (`nlp.dates.day_text`)
    method: str
    template: str
    layout: tuple[str, ...]
    notices: tuple[str, ...]
    stories: tuple[StoryView, ...]
    several: bool
    briefing: Briefing
    marking: str | None = None  # e.g. "INTERNAL": shown at the top and bottom (of every page)
    bottom_line: BottomLine | None = None

    @property
    def section_level(self) -> int:
        return 2 if self.several else 1

    @property
    def contents(self) -> tuple[StoryView, ...]:
        """The stories a contents list links to (by `anchor`): each headed one when there are several."""
        return tuple(s for s in self.stories if s.show_headline) if self.several else ()

    @property
    def running_head(self) -> str:
        """The title (shortened) and date, for page headers."""
        title = self.title
        if len(title) > RUNNING_TITLE:
            title = title[: RUNNING_TITLE - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
        return f"{title} · {self.date_text}" if self.date_text else title


def one_line(text: str) -> str:
    """Text with every run of whitespace (newlines included) made one space."""
    return " ".join(text.split())


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) or mailto link, else None (never link `javascript:` etc.)."""
    if not url:
        return None
    url = url.strip()
    return url if urlsplit(url).scheme.lower() in LINK_SCHEMES and not any(c.isspace() for c in url) else None


def build_view(briefing: Briefing, template: Template, *, marking: str | None = None) -> BriefView:
    """Lay out a Briefing with a template (see the module docstring); `marking` e.g. "INTERNAL"."""
    several = len(briefing.stories) > 1
    title = one_line(briefing.title)
    lead = next((s for s in template.sections if s.key == BOTTOM_LINE), None)
    stories: list[StoryView] = []
    lines: list[StoryLine] = []
    for number, story in enumerate(briefing.stories, 1):
        names = _name_pattern(story.actors)
        situation = story.section(SITUATION)
        top = situation.excerpts[: lead.limit] if lead and situation else ()
        view = _story_view(story, template, several, number, names, skip=frozenset(map(_where, top)))
        stories.append(view)
        if lead:
            items = tuple(_item(e, names) for e in top)
            if several:  # an untitled article's headline is its lede: the line shows it once
                items = tuple(i for i in items if i.text.casefold() != view.headline.casefold())
            lines.append(StoryLine(view.headline, " ".join(i.text for i in items), items, view.anchor))
    shown = any(line.items for line in lines) or (several and lines)
    bottom_line = BottomLine(lead.title, tuple(lines)) if lead and shown else None
    subtitle = None
    if not several and stories and stories[0].headline.casefold() != title.casefold():
        subtitle = stories[0].headline or None
    return BriefView(
        title=title,
        subtitle=subtitle,
        date=briefing.date,
        date_text=day_text(briefing.date) if briefing.date else None,
        method=briefing.method,
        template=template.name,
        layout=template.layout,
        notices=tuple(one_line(n) for n in briefing.notices),
        stories=tuple(stories),
        several=several,
        briefing=briefing,
        marking=one_line(marking or "") or None,
        bottom_line=bottom_line,
    )


def _where(excerpt: Excerpt) -> Where:
    return excerpt.article_id, excerpt.sentence_index


def _story_view(story: Story, template: Template, several: bool, number: int, names: re.Pattern[str] | None,
                skip: frozenset[Where]) -> StoryView:
    headline = one_line(story.headline)
    blocks = tuple(
        b for spec in template.sections
        if spec.key != BOTTOM_LINE and (b := _block(story, spec.key, spec.title, spec.limit, names, skip))
    )
    return StoryView(
        headline=headline,
        show_headline=several and bool(headline),
        blocks=blocks,
        sources=tuple(_source_item(ref) for ref in story.sources),
        story=story,
        number=number,
        anchor=f"story-{number}",
        seen=story.seen,
    )


def _name_pattern(actors: tuple[Actor, ...]) -> re.Pattern[str] | None:
    """A pattern matching any form an actor is named by (`Actor.forms`) as whole words, longest first."""
    return name_pattern(frozenset(one_line(form) for actor in actors for form in actor.forms()))


def _in_place(item: Item) -> Item:
    """A label found inside its sentence (a key figure) is stressed there instead of repeated before it."""
    if item.label and (at := item.text.find(item.label)) >= 0:
        return replace(item, label=None, emphasis=(at, at + len(item.label)))
    return item


def _item(excerpt: Excerpt, names: re.Pattern[str] | None) -> Item:
    text = one_line(excerpt.text)
    spans = tuple(m.span() for m in names.finditer(text)) if names else ()
    return Item(text, excerpt, spans, one_line(excerpt.label) if excerpt.label else None, excerpt.seen)


def _block(story: Story, key: str, title: str, limit: int | None, names: re.Pattern[str] | None = None,
           skip: frozenset[Where] = frozenset()) -> Block | None:
    if key == ACTORS:
        rows = tuple(
            ActorRow(one_line(a.name), one_line(a.kind), one_line(a.role or ""), a.mentions, a)
            for a in story.actors[:limit]
        )
        places = tuple(one_line(p) for p in story.places[:PLACES_SHOWN])
        return Block(key, title, ACTORS, actors=rows, places=places) if rows or places else None
    section = story.section(key)
    if section is None or not section.excerpts:
        return None
    excerpts = [e for e in section.excerpts if _where(e) not in skip][:limit]
    if not excerpts:
        return None
    items = tuple(_item(e, names) for e in excerpts)
    if key == FIGURES:
        items = tuple(_in_place(item) for item in items)
    return Block(key, title, "excerpts", items=items)


def _source_item(ref: SourceRef) -> SourceItem:
    url = safe_url(ref.url)
    source = one_line(ref.source)
    title = one_line(ref.title) or source or ref.article_id
    return SourceItem(
        title=title,
        source="" if source in (url, title) else source,
        url=url,
        published=day_text(ref.published) if ref.published else None,
        ref=ref,
    )
