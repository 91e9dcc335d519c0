"""Fitting a story to its word budget: the sections share it out by weight.

A story may take `Budget.story_words` words as shown: its headline, section titles,
items (with their labels), the actors table (header and rows) and places count;
its sources do not. Each section first gets its share of what the headline and
bottom line leave (`SectionSpec.share`), the weightiest section first, and takes
its best-ranked items that fit; then what sections left over goes round them,
one more item a section in turn, the weightiest first. A section's items are ranked by their score when they
have one (Situation's), else in their order (actors by salience, figures and
dates as the builders chose them); what is kept is shown in its order. The best
item of the weightiest section is kept whatever the budget, so no story is empty. An
item that leans on the sentence before it (`Excerpt.leans`) is kept only with it, one
naming someone in short only with the sentence introducing them (`Excerpt.needs`), and
an actor or a place only with the most salient one.
Words are counted as a reader counts them (runs of letters and digits).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import word_count as words

if TYPE_CHECKING:
    from .view import Block

TABLE_HEADER = ("Name", "Kind", "Role", "Mentions")  # the actors table's columns, as renderers head them
PLACES_LABEL = "Places"


@dataclass(frozen=True)
class _Unit:
    block: int
    kind: str  # "item", "row" or "place"
    index: int  # within the block's items, actors or places
    words: int


def block_words(block: Block) -> int:
    """The words a block shows: its title, its items (labels too), actors table and places."""
    return words(block.title) + sum(u.words for u in _units(block, 0)) + _overhead(block, rows=bool(block.actors),
                                                                               places=bool(block.places))


def _overhead(block: Block, *, rows: bool, places: bool) -> int:
    return (len(TABLE_HEADER) if rows else 0) + (words(PLACES_LABEL) if places else 0)


def _units(block: Block, number: int) -> list[_Unit]:
    """A block's units in the order they are given up last to first (best first)."""
    if block.kind == "actors":
        rows = [_Unit(number, "row", i, words(f"{r.name} {r.kind} {r.role} {r.mentions}"))
                for i, r in enumerate(block.actors)]
        places = [_Unit(number, "place", i, words(p)) for i, p in enumerate(block.places)]
        return rows[:3] + places[:3] + rows[3:] + places[3:]  # the main actors and places, then the rest
    ranked = sorted(range(len(block.items)),
                    key=lambda i: (-(block.items[i].excerpt.score or 0.0), i))
    return [_Unit(number, "item", i, words(block.items[i].label or "") + words(block.items[i].text)) for i in ranked]


def fit(blocks: list[Block], shares: list[float], budget: int, fixed: int = 0) -> list[Block]:
    """The blocks cut to `budget` words in all, `fixed` of them already taken (headline, bottom line); blocks
    left empty are dropped (see the module docstring)."""
    if not blocks:
        return []
    available = max(0, budget - fixed)
    weight = sum(shares) or 1.0
    order = sorted(range(len(blocks)), key=lambda b: (-shares[b], b))
    units = [_units(block, b) for b, block in enumerate(blocks)]
    taken: set[_Unit] = set()
    used = [0] * len(blocks)

    def cost(unit: _Unit) -> int:
        block = blocks[unit.block]
        mine = [u for u in taken if u.block == unit.block]
        title = 0 if mine else words(block.title)
        first_row = unit.kind == "row" and not any(u.kind == "row" for u in mine)
        first_place = unit.kind == "place" and not any(u.kind == "place" for u in mine)
        return unit.words + title + _overhead(block, rows=first_row, places=first_place)

    def ready(unit: _Unit) -> bool:
        """An item leaning on the sentence before it goes only with that sentence (shown right before it), one
        naming someone in short only with the sentences introducing them (`Excerpt.needs`); an actor or a place
        only with the most salient one (no table of "Deadline" without "Mark Wahlberg"), and places only with the
        table when there is one (no "Places: US" standing for a table left out); a key figure only when no line
        already taken says its phrase."""
        if unit.kind != "item":
            def first_taken(kind: str) -> bool:
                return any(u.block == unit.block and u.kind == kind and u.index == 0 for u in taken)

            if unit.kind == "place" and blocks[unit.block].actors and not first_taken("row"):
                return False
            return unit.index == 0 or first_taken(unit.kind)
        excerpt = blocks[unit.block].items[unit.index].excerpt
        if blocks[unit.block].key == "figures" and excerpt.label and any(
                excerpt.label in blocks[u.block].items[u.index].text for u in taken
                if u.kind == "item" and u.block != unit.block):
            return False  # "£10bn" again in the numbers box, right under the Situation line that says it
        if excerpt.needs:
            shown = {(x.excerpt.article_id, x.excerpt.sentence_index)
                     for x in (blocks[u.block].items[u.index] for u in taken if u.block == unit.block
                               and u.kind == "item")}
            if not all((excerpt.article_id, i) in shown for i in excerpt.needs):
                return False
        if not excerpt.leans:
            return True
        return unit.index > 0 and _Unit(unit.block, "item", unit.index - 1, 0) in {
            replace(u, words=0) for u in taken if u.block == unit.block}

    for b in order:  # each section within its share
        quota = available * shares[b] / weight
        for unit in units[b]:
            c = cost(unit)
            if used[b] + c <= quota and ready(unit):
                taken.add(unit)
                used[b] += c
    left = available - sum(used)
    grew = True
    while grew:  # then what is left, one more item a section in turn, the weightiest first
        grew = False
        for b in order:
            unit = next((u for u in units[b] if u not in taken and cost(u) <= left and ready(u)), None)
            if unit is not None:
                left -= cost(unit)
                taken.add(unit)
                grew = True
    if not taken:
        first = next((units[b][0] for b in order if units[b]), None)
        if first is not None:
            taken.add(first)
    out = []
    for b, block in enumerate(blocks):
        mine = {(u.kind, u.index) for u in taken if u.block == b}
        if not mine:
            continue
        out.append(replace(
            block,
            items=tuple(x for i, x in enumerate(block.items) if ("item", i) in mine),
            actors=tuple(x for i, x in enumerate(block.actors) if ("row", i) in mine),
            places=tuple(x for i, x in enumerate(block.places) if ("place", i) in mine),
        ))
    return out
