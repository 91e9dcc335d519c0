"""Hand-built Briefings for the renderer tests, from the example article's own sentences."""

from __future__ import annotations

from datetime import date

from briefing.model import Actor, Briefing, Excerpt, Section, SourceRef, Story

ARTICLE_ID = "baghdad-airport-strike"
TITLE = "7, including Iran's Gen. Soleimani killed in missile attack on Baghdad Airport"

# Body sentences of examples/baghdad-airport-strike.txt, verbatim, by sentence index.
SENTENCES = {
    0: "At least eight people were killed after a missile was fired at the Baghdad International Airport "
       "early on Friday.",
    2: "Gen. Qassim Soleimani, the head of Iran’s elite Quds Force was also among the deceased.",
    3: "The officials said the strike also killed Abu Mahdi al-Muhandis, the deputy commander of "
       "Iran-backed militias known as the Popular Mobilization Forces.",
    8: "The attack comes amid tensions with the United States after a New Year’s Eve attack by "
       "Iran-backed militias on the U.S. Embassy in Baghdad.",
    9: "The two-day embassy attack which ended Wednesday prompted President Donald Trump to order about "
       "750 U.S. soldiers deployed to the Middle East.",
}


def excerpt(index: int, score: float | None) -> Excerpt:
    return Excerpt(text=SENTENCES[index], article_id=ARTICLE_ID, sentence_index=index, score=score)


def airport_story(headline: str = TITLE, source: SourceRef | None = None) -> Story:
    """The example article's story: Situation, Actors, Background."""
    return Story(
        headline=headline,
        sections=(
            Section("situation", "Situation", (excerpt(0, 0.912), excerpt(2, 0.874), excerpt(3, 0.803))),
            Section("background", "Background", (excerpt(8, 0.651), excerpt(9, 0.588))),
        ),
        actors=(
            Actor("Qassim Soleimani", "person", role="the head of Iran’s elite Quds Force", mentions=2,
                  variants=("Gen. Qassim Soleimani", "Soleimani"), first_sentence=2,
                  article_ids=(ARTICLE_ID,)),
            Actor("Mark Esper", "person", role="Defense Secretary", mentions=1,
                  variants=("Mark Esper",), first_sentence=13, article_ids=(ARTICLE_ID,)),
            Actor("Popular Mobilization Forces", "organization", mentions=2,
                  variants=("Popular Mobilization Forces",), first_sentence=1, article_ids=(ARTICLE_ID,)),
        ),
        places=("Baghdad", "Iraq"),
        sources=(source or SourceRef(ARTICLE_ID, TITLE, "examples/baghdad-airport-strike.txt",
                                     published=date(2020, 1, 3)),),
    )


def airport_briefing() -> Briefing:
    """The one-story brief the golden files show."""
    return Briefing(title=TITLE, stories=(airport_story(),), date=date(2020, 1, 3), method="default",
                    template="standard", notices=("no entity model for german: the Actors section is left empty",))


def hostile_text() -> str:
    """Article text that is markup in every output format."""
    return "# [bold]Breaking[/bold] <script>alert('x')</script> | *not* _emphasis_ & co :smile:"


def hostile_briefing() -> Briefing:
    """A brief whose article text, names and title try to be markup."""
    text = hostile_text()
    story = Story(
        headline=text,
        sections=(Section("situation", "Situation", (Excerpt(text, "evil", 0, 0.5),)),),
        actors=(Actor("[red]Eve[/red] | <b>Mallory</b>", "person", role="- a *role*"),),
        places=("<Nowhere>",),
        sources=(SourceRef("evil", text, "feed", url="javascript:alert(1)"),),
    )
    return Briefing(title=text, stories=(story,))


def daily_briefing() -> Briefing:
    """Two stories, no date: a daily brief."""
    second = Story(
        headline="U.S. officials prepared for further retaliatory attacks",
        sections=(Section("situation", "Situation", (
            Excerpt("U.S. officials have suggested they were prepared to engage in further retaliatory "
                    "attacks in Iraq.", "second", 12, None),)),),
        sources=(SourceRef("second", "Retaliation", "https://example.org/news/retaliation_(2020)",
                           url="https://example.org/news/retaliation_(2020)"),),
    )
    return Briefing(title="Daily brief", stories=(airport_story(), second))
