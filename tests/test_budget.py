"""Fitting a story to its word budget (`render.budget.fit`)."""

from __future__ import annotations

from briefing.model import Actor, Excerpt
from briefing.render.budget import fit
from briefing.render.view import ActorRow, Block, Item


def _row(name: str, kind: str, role: str, mentions: int) -> ActorRow:
    return ActorRow(name, kind, role, mentions, Actor(name=name, kind=kind, role=role or None, mentions=mentions))


def _item(text: str, index: int, score: float | None) -> Item:
    return Item(text=text, excerpt=Excerpt(text=text, article_id="a", sentence_index=index, score=score))


def test_no_actor_is_shown_over_a_more_salient_one_that_did_not_fit() -> None:
    """A table of "Deadline" alone, its main actor left out for a long role, misleads: rows go in salience order."""
    situation = Block("situation", "Situation", "excerpts",
                      items=(_item("Boston native Mark Wahlberg will star in a film about the bombing.", 0, 1.0),))
    actors = Block("actors", "Actors", "actors",
                   actors=(_row("Mark Wahlberg", "person", "Boston native and producer of the film", 4),
                           _row("Deadline", "organization", "", 3)))
    tight = {b.key: b for b in fit([situation, actors], [8.0, 2.0], budget=24)}  # room for Deadline's row only
    assert "actors" not in tight
    roomy = {b.key: b for b in fit([situation, actors], [8.0, 2.0], budget=60)}
    assert [r.name for r in roomy["actors"].actors] == ["Mark Wahlberg", "Deadline"]


def test_places_go_only_with_the_actors_table_when_there_is_one() -> None:
    """"Places: US" alone, the table above it left out for room, reads as if the story had no actors."""
    situation = Block("situation", "Situation", "excerpts",
                      items=(_item("Dick Pound says Marion Jones should be stripped of her medals.", 0, 1.0),))
    actors = Block("actors", "Actors", "actors",
                   actors=(_row("Dick Pound", "person", "World Anti-Doping Agency (WADA) chief", 4),),
                   places=("US",))
    tight = {b.key: b for b in fit([situation, actors], [8.0, 2.0], budget=16)}  # room for the place line only
    assert "actors" not in tight
    roomy = {b.key: b for b in fit([situation, actors], [8.0, 2.0], budget=60)}
    assert roomy["actors"].places == ("US",) and [r.name for r in roomy["actors"].actors] == ["Dick Pound"]
    alone = Block("actors", "Actors", "actors", places=("US",))  # a story with places and no actors shows them
    assert {b.key: b for b in fit([situation, alone], [8.0, 2.0], budget=16)}["actors"].places == ("US",)


def test_a_key_figure_a_line_already_says_is_not_shown_again() -> None:
    """Round-18 dev readers marked down "£10bn" in Key figures right under the Situation line that says it."""
    said = _item("The chancellor will raise taxes by £10bn over the next three years, the report says.", 0, 1.0)
    situation = Block("situation", "Situation", "excerpts", items=(said,))
    same = Item(text="… raise taxes by £10bn …", excerpt=Excerpt(text=said.text, article_id="a", sentence_index=0,
                                                                score=0.9, label="£10bn"))
    other = Item(text="Borrowing will reach £37bn this year.", excerpt=Excerpt(
        text="Borrowing will reach £37bn this year.", article_id="a", sentence_index=4, score=0.8, label="£37bn"))
    figures = Block("figures", "Key figures", "excerpts", items=(same, other))
    kept = {b.key: b for b in fit([situation, figures], [8.0, 1.0], budget=60)}
    assert [i.excerpt.label for i in kept["figures"].items] == ["£37bn"]
    alone = {b.key: b for b in fit([figures], [1.0], budget=60)}
    assert [i.excerpt.label for i in alone["figures"].items] == ["£10bn", "£37bn"]


def test_items_may_fill_the_room_a_longer_one_left() -> None:
    """Scored items are taken best first, and a shorter one may take the room a longer one could not."""
    long = _item("The blaze began shortly before 7 a.m. at the General Electric Appliance Park in Louisville, "
                 "according to an official.", 1, 0.9)
    short = _item("The park is large.", 2, 0.5)
    block = Block("situation", "Situation", "excerpts", items=(_item("A fire broke out.", 0, 1.0), long, short))
    kept = fit([block], [1.0], budget=12)
    assert [i.excerpt.sentence_index for i in kept[0].items] == [0, 2]


def test_a_sentence_naming_someone_in_short_goes_only_with_their_introduction() -> None:
    """"... right after Irani levied her accusation" is shown only with the sentence saying who Irani is: a short
    sentence does not take the room its longer introduction needed."""
    from briefing.sections.excerpts import introduced

    lede = _item("Police have arrested four employees of a chain after a minister spotted a camera.", 0, 1.0)
    intro = _item("Federal education minister Smriti Irani was visiting a FabIndia outlet in Goa on Friday when she "
                  "discovered a camera.", 1, 0.8)
    short = _item("State authorities acted right after Irani levied her accusation.", 3, 0.1)
    irani = Actor(name="Smriti Irani", kind="person", variants=("Irani",), first_sentence=1, article_ids=("a",))
    marked = introduced([i.excerpt for i in (lede, intro, short)], [irani], above="Police have arrested four")
    assert [e.needs for e in marked] == [(), (), (1,)]
    items = tuple(Item(text=e.text, excerpt=e) for e in marked)
    block = Block("situation", "Situation", "excerpts", items=items)
    tight = fit([block], [1.0], budget=30)  # room for the lede and the short sentence, not the introduction
    assert [i.excerpt.sentence_index for i in tight[0].items] == [0]
    roomy = fit([block], [1.0], budget=60)
    assert [i.excerpt.sentence_index for i in roomy[0].items] == [0, 1, 3]
