"""The view model every renderer walks: a Briefing laid out by a template.

`build_view` applies the template once, for all formats: sections in the
template's order and titles, each section's limit, empty sections dropped, the
"actors" key drawn from `story.actors` and `story.places`, the "bottom_line" key
drawn from each story's first Situation sentences (in document order: news puts its
bottom line first, whichever method ranked them; they then leave Situation), each
story fitted to the template's word budget (`render.budget`; a bottom line to its
`line_words`), one-line display text (an excerpt as shown: the pieces of its
sentence with "…" where it was cut), actor names found in the text (for
highlighting), and only http(s)/mailto URLs kept as links. Renderers only decide
how it looks.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from .. import lexicon
from ..model import ELLIPSIS, Actor, Briefing, Excerpt, OtherStory, SourceRef, Story
from ..nlp.dates import day_text
from ..nlp.naming import name_pattern
from ..rank.standalone import points_back
from ..sections.timeline import LEAST_ENTRIES
from ..templates import BOTTOM_LINE, SITUATION, Template
from .budget import PLACES_LABEL, fit, words

ACTORS = "actors"
ALSO_TODAY = "Also today"
OUTLETS_SHOWN = 3  # outlets named on an "Also today" line
SEEN_TAG = "(seen before)"
FIGURES = "figures"  # whose labels are phrases of their own sentences
CUT_VIEWS = frozenset(["timeline"])  # a date and a cut of its sentence (a figure phrase stands alone)
CUT_WORDS = 5  # the fewest words such a cut shows
RUNNING_TITLE = 80  # most characters of the title in a page header
REPEATS = 0.6  # a piece holding this share of a sentence shown whole elsewhere says it again
PLACES_SHOWN = 10  # places listed with the actors (JSON keeps them all)
KNOWN_MENTIONS = 3  # an actor named this often earns a row without a role or a shown line naming it
Where = tuple[str, int]  # an excerpt's (article_id, sentence_index)
Pieces = tuple[tuple[int, int], ...]  # character offsets of a cut's pieces in its sentence
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
    spans: tuple[tuple[int, int], ...] = ()  # the pieces of the excerpt's sentence shown (): all of it

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
    source: str  # input path or URL; "" when it only repeats the title, the URL or the outlet's file name
    url: str | None
    published: str | None  # the date in the brief's one form, "3 Jan 2020" (`ref.published` is the date)
    ref: SourceRef
    outlet: str = ""  # who published it: the site's name, the URL's host, or the file's name


@dataclass(frozen=True)
class AlsoLine:
    """A story of the day not shown in full, as one line: headline, how many articles, which outlets."""

    headline: str
    articles: int
    outlets: str  # the first few outlets, comma-separated, "+N more" after them
    url: str | None  # its first source's link, when it is safe to link
    story: OtherStory

    @property
    def count(self) -> str:
        return f"{self.articles} article{'s' * (self.articles != 1)}"


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
    """One story in the bottom line: its first Situation sentence(s) as one paragraph, at most the template's
    `line_words` (a long sentence shows its short cut), linked to the story; its headline when it has none."""

    headline: str
    text: str  # the items' texts joined; "" when the story has no Situation
    items: tuple[Item, ...]
    anchor: str  # the StoryView's anchor

    @property
    def line(self) -> str:
        """What a bottom line of several stories shows for it: its text, else its headline."""
        return self.text or self.headline


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
    also: tuple[AlsoLine, ...] = ()  # the day's other stories, one line each
    also_title: str = ALSO_TODAY

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
    """The URL if it is an http(s) or mailto link of printable characters, else None (never link `javascript:`,
    nor a URL carrying a control character or escape sequence)."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # "http://[::1": not a URL
        return None
    return url if scheme in LINK_SCHEMES and url.isprintable() and not any(c.isspace() for c in url) else None


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
        # A bottom line is read without its story's headline: its sentences must stand alone.
        alone = tuple(e for e in situation.excerpts if stands_as_line(e.text)) if lead and situation else ()
        while alone and alone[0].sentence_index > 0 and adds_to_before(alone[0].text):
            alone = alone[1:]  # the line opens on it: "The awards show will also feature ..." adds to nothing shown
        top = _bottom_line(alone[: lead.limit], template.budget.line_words) if lead else ()
        items = tuple(_item(e, names, line=True) for e in top)
        headline = one_line(story.headline)
        if several:  # an untitled article's headline is its lede: the line shows it once
            items = tuple(i for i in items if i.text.casefold() != headline.casefold())
            if story.headline_from and ELLIPSIS not in headline:
                top, items = (), ()  # the headline is the whole lede: it is the line, not the sentence after it
        fixed = sum(words(i.text) for i in items)
        if several:
            fixed += words(headline)
        else:
            fixed += words(title) + (words(headline) if headline.casefold() != title.casefold() else 0)
        view = _story_view(story, template, several, number, names, skip=frozenset(map(_where, top)),
                           fixed=fixed)
        stories.append(view)
        if lead:
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
        also=tuple(_also_line(other) for other in briefing.also),
    )


def _also_line(other: OtherStory) -> AlsoLine:
    outlets = [one_line(o) for o in other.outlets]
    shown = ", ".join(outlets[:OUTLETS_SHOWN]) + (f" +{len(outlets) - OUTLETS_SHOWN} more"
                                                   if len(outlets) > OUTLETS_SHOWN else "")
    url = next((u for ref in other.sources if (u := safe_url(ref.url))), None)
    return AlsoLine(one_line(other.headline), len(other.sources), shown, url, other)


def _bottom_line(excerpts: tuple[Excerpt, ...], max_words: int) -> tuple[Excerpt, ...]:
    """A story's bottom line: its first sentences' one-line cuts while they fit `max_words` (the first always)."""
    out: list[Excerpt] = []
    used = 0
    for excerpt in excerpts:
        n = words(excerpt.line)
        if out and used + n > max_words:
            break
        out.append(excerpt)
        used += n
    return tuple(out)


def _where(excerpt: Excerpt) -> Where:
    return excerpt.article_id, excerpt.sentence_index


def _story_view(story: Story, template: Template, several: bool, number: int, names: re.Pattern[str] | None,
                skip: frozenset[Where], fixed: int = 0) -> StoryView:
    """A story's blocks in layout order, fitted to its word budget (`fixed` words already spent on it)."""
    headline = one_line(story.headline)
    specs = [spec for spec in template.sections if spec.key != BOTTOM_LINE]
    built = [(spec, b) for spec in specs if (b := _block(story, spec.key, spec.title, spec.limit, names, skip))]
    budget = template.budget.story_words(story.words)
    shares = [spec.share for spec, _ in built]
    said = {story.headline_from} if story.headline_from else set()  # the headline says it
    candidates = [b for _, b in built]
    blocks = fit(candidates, shares, budget, fixed)
    weight = {spec.key: spec.share for spec, _ in built}
    for _ in range(4):  # a piece reading as a sentence shown whole elsewhere, or as a piece shown in a weightier
        # section, says it twice, and a timeline the budget left one entry orders nothing: drop them, fit again
        whole = {_where(i.excerpt) for b in blocks for i in b.items if not i.spans} | skip | said
        again = _cut_again(sorted(blocks, key=lambda b: -weight.get(b.key, 0.0)))
        thin = {b.key for b in blocks if _thin(b)}
        shown = " ".join([headline, *(i.text for b in blocks for i in b.items)])
        trimmed = [replace(b, items=()) if b.key in thin else _without(_known(b, shown), whole, again)
                   for b in candidates]
        if all(len(t.items) == len(b.items) and len(t.actors) == len(b.actors)
               for t, b in zip(trimmed, candidates, strict=True)):
            break
        candidates = trimmed
        blocks = fit([b for b in candidates if b.items or b.actors or b.places],
                     [sh for sh, b in zip(shares, candidates, strict=True) if b.items or b.actors or b.places],
                     budget, fixed)
    blocks = tuple(replace(b, title=PLACES_LABEL) if b.kind == ACTORS and b.places and not b.actors else b
                   for b in blocks if not _thin(b))  # places without actors are headed "Places", not "Actors"
    return StoryView(
        headline=headline,
        show_headline=several and bool(headline),
        blocks=blocks,
        sources=tuple(_source_item(ref, headline) for ref in story.sources),
        story=story,
        number=number,
        anchor=f"story-{number}",
        seen=story.seen,
    )


def _without(block: Block, whole: set[Where], again: Collection[tuple[str, Where, Pieces]] = ()) -> Block:
    """The block without the pieces that would read as a sentence shown whole elsewhere again (a piece opening
    as that sentence does, or holding most of its words; a short clause of it stays, as a timeline's), nor
    those `again` names (`_cut_again`)."""
    return replace(block, items=tuple(i for i in block.items if not (
        i.spans and ((block.key, _where(i.excerpt), i.spans) in again or (_where(i.excerpt) in whole and (
            i.spans[0][0] == 0 or words(i.text) >= REPEATS * words(i.excerpt.text)))))))


def _known(block: Block, shown: str) -> Block:
    """The actors table without the rows that tell a reader nothing: no role, named twice at most in the article
    and in no line the brief shows ("Gabriel Llave" listed, and never said who he is)."""
    if block.kind != ACTORS:
        return block
    return replace(block, actors=tuple(r for r in block.actors if r.role or r.mentions >= KNOWN_MENTIONS
                                       or r.actor.named_in(shown)))


def _thin(block: Block) -> bool:
    """Whether a block is a timeline of fewer entries than order anything."""
    return block.key in CUT_VIEWS and len(block.items) < LEAST_ENTRIES


def _cut_again(blocks: list[Block]) -> set[tuple[str, Where, Pieces]]:
    """The pieces that repeat most of a piece of the same sentence shown in a block before them (`blocks`,
    the weightiest first): a figure's clause that is also a timeline's says it twice."""
    shown: dict[Where, list[Pieces]] = {}
    again = set()
    for block in blocks:
        for item in block.items:
            if not item.spans:
                continue
            where = _where(item.excerpt)
            if any(_overlap(item.spans, other) >= REPEATS for other in shown.get(where, ())):
                again.add((block.key, where, item.spans))
            else:
                shown.setdefault(where, []).append(item.spans)
    return again


def _overlap(a: Pieces, b: Pieces) -> float:
    """The share of the shorter of two cuts of one sentence that the other shows too."""
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)
    shorter = min(sum(e - s for s, e in a), sum(e - s for s, e in b))
    return shared / shorter if shorter > 0 else 0.0


def _name_pattern(actors: tuple[Actor, ...]) -> re.Pattern[str] | None:
    """A pattern matching any form an actor is named by (`Actor.forms`) as whole words, longest first."""
    return name_pattern(frozenset(one_line(form) for actor in actors for form in actor.forms()))


def _in_place(item: Item) -> Item:
    """A label found inside its text (a key figure) is stressed there instead of repeated before it; a label
    that is the whole text (a figure shown as its phrase) is not repeated."""
    if item.label and item.label == item.text.strip(f"{ELLIPSIS} "):
        return replace(item, label=None)
    if item.label and (at := item.text.find(item.label)) >= 0:
        return replace(item, label=None, emphasis=(at, at + len(item.label)))
    return item


def _item(excerpt: Excerpt, names: re.Pattern[str] | None, *, line: bool = False) -> Item:
    """An excerpt as shown (`line`: its one-line cut, for a bottom line)."""
    text = one_line(excerpt.line if line else excerpt.shown)
    spans = tuple(m.span() for m in names.finditer(text)) if names else ()
    pieces = excerpt.short if line and excerpt.short else excerpt.spans
    return Item(text, excerpt, spans, one_line(excerpt.label) if excerpt.label else None, excerpt.seen,
                spans=pieces)


_SPEAKS = re.compile(r"^[\s\"'“‘«(]*(?:I|We|I'm|I've|We're|We've|I’m|I’ve|We’re|We’ve)\b|^[\s(]*[\"“‘«]")


def stands_as_line(text: str) -> bool:
    """Whether a sentence can stand as a story's one line, read without its headline or its neighbours: it leans on
    no sentence before it, and it is no quotation or first-person speech that would read as the brief's own
    words ("I think there's a third alternative ...")."""
    return not points_back(text) and _SPEAKS.search(text) is None


def adds_to_before(text: str) -> bool:
    """Whether a sentence holds a word that adds to something said before it (lexicon `additive_words`): it cannot
    open a story's bottom line, read without its neighbours."""
    additive = lexicon.words("additive_words")
    return any(w.lower() in additive for w in _WORDS.findall(text))


_WORDS = re.compile(r"[^\W\d_]+")


def shown_actor(actor: Actor) -> bool:
    """Whether an actor earns a row: named more than once, or given a role (one passing mention with nothing said of
    it is where wrong kinds cluster, and tells a reader little). JSON keeps every actor."""
    return actor.mentions > 1 or bool(actor.role)


def _block(story: Story, key: str, title: str, limit: int | None, names: re.Pattern[str] | None = None,
           skip: frozenset[Where] = frozenset()) -> Block | None:
    if key == ACTORS:
        rows = tuple(
            ActorRow(one_line(a.name), one_line(a.kind), one_line(a.role or ""), a.mentions, a)
            for a in [a for a in story.actors if shown_actor(a)][:limit]
        )
        places = tuple(one_line(p) for p in story.places[:PLACES_SHOWN])
        return Block(key, title, ACTORS, actors=rows, places=places) if rows or places else None
    section = story.section(key)
    if section is None or not section.excerpts:
        return None
    excerpts = [e for e in section.excerpts if _where(e) not in skip]
    if key in CUT_VIEWS:  # a cut too short to say anything ("… which ended Wednesday …") is left out
        excerpts = [e for e in excerpts if words(e.shown) >= CUT_WORDS]
        if len(excerpts) < LEAST_ENTRIES:
            return None  # one date orders nothing
    excerpts = excerpts[:limit]
    if not excerpts:
        return None
    items = tuple(_item(e, names) for e in excerpts)
    if key == FIGURES:
        items = tuple(_in_place(item) for item in items)
    return Block(key, title, "excerpts", items=items)


def _source_item(ref: SourceRef, headline: str = "") -> SourceItem:
    """A source as listed; one whose title is the story's headline, shown just above, goes by its outlet or
    file instead (a brief says nothing twice), and an untitled line of a JSON Lines file by the file and line."""
    url = safe_url(ref.url)
    source = one_line(ref.source)
    outlet = one_line(ref.outlet)
    title = one_line(ref.title)
    if title.casefold() == headline.casefold():
        title = ""
    line = re.search(r":(\d+)$", source) if not url else None
    if not title and line and outlet:  # a JSON Lines article: which line of the file, or two read the same
        title = f"{outlet}, line {line.group(1)}"
    title = title or outlet or source or ref.article_id
    return SourceItem(
        title=title,
        source="" if source in (url, title) or (outlet and outlet in source) else source,
        url=url,
        published=day_text(ref.published) if ref.published else None,
        ref=ref,
        outlet="" if outlet == title or (line and outlet in title) else outlet,
    )
