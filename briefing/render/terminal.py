"""The terminal preview, drawn with rich on the console the caller gives.

Layout: the marking bar (if any), a title panel, the bottom line in a panel, then each
story (several: its headline under a heavy rule "1 of 3") with its sections under rules,
excerpts as bullets with actors' names highlighted, the actors as a table, sources,
a one-line footer and the marking bar again. Everything wraps to the console's width, at
spaces: no word is ever cut (the actors table gives each column its longest word, and
becomes a list where even that does not fit).

`print_shown` pages as git does: through the pager (`$PAGER`, else `less -FRX`) when the
console is a terminal and the preview is taller than it, or always when asked.

The caller decides colour, width and piping (NO_COLOR, `Console(file=...)`);
article text is always printed literally (rich `Text`, never markup).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.pager import SystemPager
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from .view import ACTORS, ActorRow, Block, BottomLine, BriefView, Item, SourceItem

ACCENT = "cyan"
HEADING = f"bold {ACCENT}"
NAME = "bold magenta"
MARKING = "bold white on red"
BOTTOM_LINE = "yellow"
TABLE_FRAME = 9  # the actors table's columns between its four columns: 3 × (padding, rule, padding)
ROLE_WIDTH = 24  # roles wrap in this many columns (or their longest word) before names give way


def print_terminal(view: BriefView, console: Console) -> None:
    """Print the brief (layout: module docstring)."""
    _marking(console, view.marking)
    header = [Text(view.title, style="bold")]
    if view.subtitle:
        header.append(Text(view.subtitle, style="italic"))
    if view.date_text:
        header.append(Text(view.date_text, style="dim"))
    console.print(Panel(Group(*header), box=box.ROUNDED, border_style=ACCENT))
    if view.bottom_line:
        console.print()
        console.print(_bottom_line(view.bottom_line, view.several))
    for story in view.stories:
        if story.show_headline:
            console.print()
            console.rule(Text(f"{story.number} of {len(view.stories)}", style=HEADING), characters="━",
                         align="left", style=ACCENT)
            console.print(Text.assemble((story.headline, "bold"), (f" {story.tag}" if story.tag else "", "dim")))
        for block in story.blocks:
            _heading(console, block.title)
            if block.kind == ACTORS:
                _actors(console, block)
            else:
                console.print(_bullets(_highlighted(item) for item in block.items))
        if story.sources:
            _heading(console, "Sources")
            console.print(_bullets(_source(s) for s in story.sources))
    if view.also:
        console.print()
        console.rule(Text(view.also_title, style=HEADING), characters="━", align="left", style=ACCENT)
        console.print(_bullets(Text.assemble((line.headline, Style(link=line.url) if line.url else ""),
                                             (f" — {line.count}" + (f", {line.outlets}" if line.outlets else ""),
                                              "dim")) for line in view.also))
    console.print()
    console.print(Text(f"briefing · template {view.template} · method {view.method}", style="dim"))
    _marking(console, view.marking)


def print_shown(view: BriefView, console: Console, pager: bool | None = None) -> None:
    """Print the brief: through the pager when `pager`, never when False; when None (the default), as
    git does: only when the console is a terminal and the brief is taller than it. A console writing
    elsewhere than standard output (a file, a buffer) is never paged."""
    on_screen = console.file in (sys.stdout, sys.__stdout__)
    if pager is False or not on_screen or (pager is None and not console.is_terminal):
        print_terminal(view, console)
        return
    with console.capture() as captured:
        print_terminal(view, console)
    text = captured.get()
    if pager or text.count("\n") > console.size.height:
        os.environ.setdefault("LESS", "-FRX")  # as git does: colours, quit when it fits one screen
        SystemPager().show(text)
    else:
        console.file.write(text)
        console.file.flush()


def _marking(console: Console, marking: str | None) -> None:
    """The marking as a full-width bar."""
    if marking:
        console.print(Text(f" {marking} ".center(console.width), style=MARKING))


def _heading(console: Console, title: str) -> None:
    console.print()
    console.rule(Text(title, style=HEADING), align="left", style=ACCENT)


def _highlighted(item: Item) -> Text:
    text = Text(item.text)
    for start, end in item.names:
        text.stylize(NAME, start, end)
    if item.emphasis:
        text.stylize("bold", *item.emphasis)
    if item.label:
        text = Text.assemble((item.label, "bold"), " — ", text)
    if item.tag:
        text.append(f" {item.tag}", style="dim")
    return text


def _bottom_line(bottom: BottomLine, several: bool) -> RenderableType:
    if several:
        body: RenderableType = _bullets(
            _highlighted_line(line.items) if line.items else Text(line.headline, style="bold")
            for line in bottom.lines
        )
    else:
        body = _highlighted_line(bottom.lines[0].items)
    return Panel(body, title=Text(bottom.title, style="bold"), title_align="left", box=box.ROUNDED,
                 border_style=BOTTOM_LINE)


def _highlighted_line(items: Iterable[Item]) -> Text:
    return Text(" ").join(_highlighted(item) for item in items)


def _bullets(texts: Iterable[Text]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # wrapped at spaces; only a word longer than the line (a URL) is folded
    for text in texts:
        grid.add_row("•", text)
    return grid


def _longest_word(texts: Iterable[str]) -> int:
    return max((len(word) for text in texts for word in text.split()), default=0)


def _actors(console: Console, block: Block) -> None:
    if block.actors:
        # Names get the room the short columns leave but ROLE_WIDTH, roles wrap in the rest; neither is
        # ever narrower than its longest word. Where even that does not fit, the actors are a list.
        kind_width = max(len("Kind"), *(len(a.kind) for a in block.actors))
        room = console.width - TABLE_FRAME - kind_width - len("Mentions")
        name_word = max(len("Name"), _longest_word(a.name for a in block.actors))
        role_word = max(len("Role"), _longest_word(a.role for a in block.actors))
        if name_word + role_word > room:
            console.print(_bullets(_actor_line(actor) for actor in block.actors))
        else:
            role_width = max(role_word, min(ROLE_WIDTH, max(len(a.role) for a in block.actors)))
            name_width = max(name_word, min(max(len(a.name) for a in block.actors), room - role_width))
            table = Table(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False, pad_edge=False)
            table.add_column("Name", style=NAME, width=name_width)
            table.add_column("Kind", no_wrap=True, style="dim")
            table.add_column("Role", min_width=role_word)
            table.add_column("Mentions", justify="right", no_wrap=True)
            for actor in block.actors:
                table.add_row(Text(actor.name), Text(actor.kind), Text(actor.role), Text(str(actor.mentions)))
            console.print(table)
    if block.places:
        console.print(Text.assemble(("Places: " if block.actors else "", "bold"), ", ".join(block.places)))


def _actor_line(actor: ActorRow) -> Text:
    """An actor as one wrapped line: "Name (kind, role, 2 mentions)", as plain text shows it."""
    details = ", ".join(x for x in (actor.kind, actor.role, f"{actor.mentions} mentions" if actor.mentions > 1
                                                          else "") if x)
    return Text.assemble((actor.name, NAME), f" ({details})")


def _source(source: SourceItem) -> Text:
    text = Text(source.title, style=Style(link=source.url) if source.url else "")
    if source.outlet:
        text.append(f" — {source.outlet}", style="dim")
    if source.source:
        text.append(f" — {source.source}", style="dim")
    if source.url:
        text.append(f" {source.url}", style="dim")
    if source.published:
        text.append(f" ({source.published})", style="dim")
    return text
