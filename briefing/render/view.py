"""The view model every renderer walks: a Briefing laid out by a template.

`build_view` applies the template once, for all formats: sections in the
template's order and titles, each section's limit, empty sections dropped, the
"actors" key drawn from `story.actors` and `story.places`, one-line display text,
and only http(s)/mailto URLs kept as links. Renderers only decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from ..model import Actor, Briefing, Excerpt, SourceRef, Story
from ..templates import Template

ACTORS = "actors"
LINK_SCHEMES = ("http", "https", "mailto")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Item:
    """An excerpt as shown: `text` on one line; `excerpt` keeps the verbatim original."""

    text: str
    excerpt: Excerpt


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
    published: str | None  # ISO date
    ref: SourceRef


@dataclass(frozen=True)
class StoryView:
    """A story's blocks in layout order; `show_headline` when there are several stories."""

    headline: str
    show_headline: bool
    blocks: tuple[Block, ...]
    sources: tuple[SourceItem, ...]
    story: Story


@dataclass(frozen=True)
class BriefView:
    """The whole brief as shown.

    `section_level` is the heading level of section titles below the document
    title: 1 with one story, 2 with several (each story's headline is then level 1).
    """

    title: str
    subtitle: str | None  # a single story's headline, unless it repeats the title
    date: date | None
    date_text: str | None  # "3 January 2020"
    method: str
    template: str
    layout: tuple[str, ...]
    notices: tuple[str, ...]
    stories: tuple[StoryView, ...]
    several: bool
    briefing: Briefing

    @property
    def section_level(self) -> int:
        return 2 if self.several else 1


def one_line(text: str) -> str:
    """Text with every run of whitespace (newlines included) made one space."""
    return " ".join(text.split())


def safe_url(url: str | None) -> str | None:
    """The URL if it is an http(s) or mailto link, else None (never link `javascript:` etc.)."""
    if not url:
        return None
    url = url.strip()
    return url if urlsplit(url).scheme.lower() in LINK_SCHEMES and not any(c.isspace() for c in url) else None


def long_date(day: date) -> str:
    """A date as "3 January 2020", whatever the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def build_view(briefing: Briefing, template: Template) -> BriefView:
    """Lay out a Briefing with a template (see the module docstring)."""
    several = len(briefing.stories) > 1
    title = one_line(briefing.title)
    stories = tuple(_story_view(story, template, several) for story in briefing.stories)
    subtitle = None
    if not several and stories and stories[0].headline.casefold() != title.casefold():
        subtitle = stories[0].headline or None
    return BriefView(
        title=title,
        subtitle=subtitle,
        date=briefing.date,
        date_text=long_date(briefing.date) if briefing.date else None,
        method=briefing.method,
        template=template.name,
        layout=template.layout,
        notices=tuple(one_line(n) for n in briefing.notices),
        stories=stories,
        several=several,
        briefing=briefing,
    )


def _story_view(story: Story, template: Template, several: bool) -> StoryView:
    headline = one_line(story.headline)
    blocks = tuple(b for spec in template.sections if (b := _block(story, spec.key, spec.title, spec.limit)))
    return StoryView(
        headline=headline,
        show_headline=several and bool(headline),
        blocks=blocks,
        sources=tuple(_source_item(ref) for ref in story.sources),
        story=story,
    )


def _block(story: Story, key: str, title: str, limit: int | None) -> Block | None:
    if key == ACTORS:
        rows = tuple(
            ActorRow(one_line(a.name), one_line(a.kind), one_line(a.role or ""), a.mentions, a)
            for a in story.actors[:limit]
        )
        places = tuple(one_line(p) for p in story.places)
        return Block(key, title, ACTORS, actors=rows, places=places) if rows or places else None
    section = story.section(key)
    if section is None or not section.excerpts:
        return None
    items = tuple(Item(one_line(e.text), e) for e in section.excerpts[:limit])
    return Block(key, title, "excerpts", items=items)


def _source_item(ref: SourceRef) -> SourceItem:
    url = safe_url(ref.url)
    source = one_line(ref.source)
    title = one_line(ref.title) or source or ref.article_id
    return SourceItem(
        title=title,
        source="" if source in (url, title) else source,
        url=url,
        published=ref.published.isoformat() if ref.published else None,
        ref=ref,
    )
