"""Hand-built Briefings for the renderer tests, from the example article's own sentences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.model import Actor, Briefing, Excerpt, OtherStory, Section, SourceRef, Story

ROOT = Path(__file__).parents[1]
HOUSE_STYLE = ROOT / "examples" / "templates" / "house-style.docx"
AGENCY = ROOT / "examples" / "templates" / "agency"
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
    10: "The breach at the embassy followed U.S. airstrikes on Sunday that killed 25 fighters of the Iran-backed "
        "militia in Iraq, the Kataeb Hezbollah.",
    12: "U.S. officials have suggested they were prepared to engage in further retaliatory attacks in Iraq.",
    13: "“The game has changed,” Defense Secretary Mark Esper said Thursday, telling reporters that violent acts "
        "by Iran-backed Shiite militias in Iraq — including the rocket attack on Dec. 27 that killed one American "
        "— will be met with U.S. military force.",
    14: "He said the Iraqi government has fallen short of its obligation to defend its American partner in the "
        "attack on the U.S. embassy.",
    15: "The developments also represent a major downturn in Iraq-U.S. relations that could further undermine "
        "U.S. influence in the region and American troops in Iraq and weaken Washington’s hand in its pressure "
        "campaign against Iran.",
}


def excerpt(index: int, score: float | None = None, article_id: str = ARTICLE_ID) -> Excerpt:
    return Excerpt(text=SENTENCES[index], article_id=article_id, sentence_index=index, score=score)


def airport_story(headline: str = TITLE, source: SourceRef | None = None) -> Story:
    """The example article's story: Situation, Actors, Background, Key figures, Quotes and Outlook."""
    return Story(
        headline=headline,
        sections=(
            Section("situation", "Situation", (excerpt(0, 0.912), excerpt(2, 0.874), excerpt(3, 0.803))),
            Section("background", "Background", (excerpt(8, 0.651), excerpt(9, 0.588))),
            Section("figures", "Key figures", (excerpt(10),)),
            Section("quotes", "Quotes", (excerpt(13),)),
            Section("outlook", "What to watch", (excerpt(15),)),
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


SECOND = "U.S. officials prepared for further retaliatory attacks"


def daily_briefing(template: str = "standard", third: bool = False) -> Briefing:
    """Two stories (three with `third`: one with no Situation), no date: a daily brief."""
    second = Story(
        headline=SECOND,
        sections=(Section("situation", "Situation", (excerpt(12, None, "second"), excerpt(14, None, "second"))),),
        actors=(Actor("Mark Esper", "person", role="Defense Secretary", variants=("Esper",),
                      article_ids=("second",)),),
        sources=(SourceRef("second", "Retaliation", "https://example.org/news/retaliation_(2020)",
                           url="https://example.org/news/retaliation_(2020)", outlet="example.org"),),
        article_ids=("second",),
    )
    stories = (airport_story(), second)
    if third:
        stories += (Story(
            headline="Iraq-U.S. relations",
            sections=(Section("background", "Background", (excerpt(15, None, "third"),)),),
            sources=(SourceRef("third", "Relations", "third.txt", outlet="third.txt"),),
            article_ids=("third",),
        ),)
    also = (OtherStory("Oil prices jump after the strike", (
        SourceRef("oil-1", "Oil prices jump", "https://markets.example/oil", url="https://markets.example/oil",
                  outlet="markets.example"),
        SourceRef("oil-2", "Brent up 4%", "oil.txt", outlet="oil.txt"))),
        OtherStory("Rocket fire near the Green Zone", (SourceRef("rockets", "", "rockets.txt", outlet="rockets.txt"),)))
    return Briefing(title="Daily brief", stories=stories, template=template, also=also if third else ())


def fixture_for(template: str) -> tuple[Briefing, dict[str, str]]:
    """The Briefing and render options each built-in template's golden files show."""
    if template == "daily":
        return daily_briefing("daily", third=True), {}
    if template == "sitrep":
        return airport_briefing(), {"marking": "INTERNAL"}
    return airport_briefing(), {}


def docx_outline(data: bytes) -> str:
    """A .docx as text: the first page's header (when it has its own), the header, each paragraph with its
    style (links marked), tables as rows, the footer and the first page's footer."""
    import io

    import docx
    from docx.table import Table

    doc = docx.Document(io.BytesIO(data))
    section = doc.sections[0]
    first = section.different_first_page_header_footer
    lines = [f"[first-page header] {p.style.name}: {p.text}" for p in section.first_page_header.paragraphs] \
        if first else []
    lines += [f"[header] {p.style.name}: {p.text}" for p in section.header.paragraphs]
    for block in doc.iter_inner_content():
        if isinstance(block, Table):
            lines += ["| " + " | ".join(c.text for c in row.cells) + " |" for row in block.rows]
            continue
        links = " ".join(f"<{h.address or '#' + h.fragment}>" for h in block.hyperlinks)
        lines.append(f"{block.style.name}: {block.text}" + (f" {links}" if links else ""))
    lines += [f"[footer] {p.style.name}: {p.text}" for p in section.footer.paragraphs]
    if first:
        lines += [f"[first-page footer] {p.style.name}: {p.text}" for p in section.first_page_footer.paragraphs]
    return "\n".join(lines) + "\n"
