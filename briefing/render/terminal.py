"""The terminal preview, drawn with rich on the console the caller gives.

The caller decides colour, width and piping (NO_COLOR, `Console(file=...)`);
article text is always printed literally (rich `Text`, never markup).
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from .view import ACTORS, Block, BriefView, SourceItem

HEADING = "bold cyan"


def print_terminal(view: BriefView, console: Console) -> None:
    """Print the brief: title panel, then each story's sections, actors table and sources."""
    header = [Text(view.title, style="bold")]
    if view.subtitle:
        header.append(Text(view.subtitle, style="italic"))
    if view.date_text:
        header.append(Text(view.date_text, style="dim"))
    console.print(Panel(Group(*header), box=box.ROUNDED, border_style="cyan"))
    for story in view.stories:
        if story.show_headline:
            console.print()
            console.print(Text(story.headline, style="bold reverse"))
        for block in story.blocks:
            _heading(console, block.title)
            if block.kind == ACTORS:
                _actors(console, block)
            else:
                console.print(_bullets(Text(item.text) for item in block.items))
        if story.sources:
            _heading(console, "Sources")
            console.print(_bullets(_source(s) for s in story.sources))


def _heading(console: Console, title: str) -> None:
    console.print()
    console.rule(Text(title, style=HEADING), align="left", style="cyan")


def _bullets(texts) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for text in texts:
        grid.add_row("•", text)
    return grid


def _actors(console: Console, block: Block) -> None:
    if block.actors:
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", show_edge=False, pad_edge=False)
        # Names get up to half the room the short columns leave; roles wrap in the rest.
        kind_width = max(len("Kind"), *(len(a.kind) for a in block.actors))
        room = console.width - 6 - kind_width - len("Mentions")
        name_width = min(max(len(a.name) for a in block.actors), max(10, room // 2))
        table.add_column("Name", style="bold", width=name_width)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Role")
        table.add_column("Mentions", justify="right", no_wrap=True)
        for actor in block.actors:
            table.add_row(Text(actor.name), Text(actor.kind), Text(actor.role), Text(str(actor.mentions)))
        console.print(table)
    if block.places:
        console.print(Text.assemble(("Places: ", "bold"), ", ".join(block.places)))


def _source(source: SourceItem) -> Text:
    text = Text(source.title, style=Style(link=source.url) if source.url else "")
    if source.source:
        text.append(f" — {source.source}", style="dim")
    if source.url:
        text.append(f" {source.url}", style="dim")
    if source.published:
        text.append(f" ({source.published})", style="dim")
    return text
