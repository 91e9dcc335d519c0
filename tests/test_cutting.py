"""Shortened items: every piece shown is a contiguous span of its source sentence, cut at constituents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import briefing
from briefing.model import ELLIPSIS, Article, Excerpt, pieces_text
from briefing.nlp.entities import parse
from briefing.nlp.sentences import segment
from briefing.options import RankOptions
from briefing.render import render
from briefing.sections.cutting import clause_pieces, headline_pieces, text_headline, words

DAILY = Path(__file__).parent / "data" / "daily"


def _parsed(text: str):
    doc = segment(Article(id="t", text=text, language="english"))
    return doc, parse(doc)


def test_pieces_text_marks_every_cut() -> None:
    text = "Seventy years ago, Anne Frank died of typhus in a camp at the age of 15."
    assert pieces_text(text, ()) == text
    start = text.index("Anne")
    assert pieces_text(text, ((start, text.index(" in a")),)) == f"{ELLIPSIS} Anne Frank died of typhus {ELLIPSIS}"
    assert pieces_text(text, ((start, len(text) - 1),)) == f"{ELLIPSIS} {text[start:-1]}"  # a full stop is no cut
    inner = ((start, text.index(" of typhus")), (text.index("at the age"), len(text) - 1))
    assert pieces_text(text, inner) == f"{ELLIPSIS} Anne Frank died {ELLIPSIS} at the age of 15"


@pytest.mark.parametrize("sentence, most, must", [
    ("The Palestinian Authority officially became the 123rd member of the International Criminal Court on "
     "Wednesday, a step that gives the court jurisdiction over alleged crimes in Palestinian territories.", 15,
     "The Palestinian Authority officially became"),
    ("Andrew Getty, one of the heirs to billions of oil money, appears to have died of natural causes, a Los "
     "Angeles Police Department spokesman said.", 15, "Andrew Getty"),
    ("The French prosecutor leading an investigation into the crash of Germanwings Flight 9525 insisted "
     "Wednesday that he was not aware of any video footage from on board the plane.", 15, "not aware"),
])
def test_a_headline_is_the_main_clause_within_its_words(sentence: str, most: int, must: str) -> None:
    _doc, parsed = _parsed(sentence)
    pieces = headline_pieces(parsed.sentences[0], most)
    shown = pieces_text(sentence, pieces)
    assert words(shown) <= most and must in shown
    assert all(sentence[a:b] in sentence for a, b in pieces)
    assert [a for a, _ in pieces] == sorted(a for a, _ in pieces)
    assert not any(shown.rstrip(f" {ELLIPSIS}").endswith(w) for w in (" the", " of", " and", ","))


@pytest.mark.parametrize("sentence, must, never", [
    # A long clause before the subject: the main clause from its subject says what happened.
    ("As relatives and friends mourn the loss of their loved ones aboard Germanwings Flight 9525, investigators are "
     "piecing together what happened in the final minutes of the flight.", "investigators are piecing together",
     "As relatives"),
    # ... but not from a pronoun subject, which would point back into what was cut.
    ("When Indiana Gov. Michael Pence signed his state's Religious Freedom Restoration Act into law last week, he "
     "probably did not expect the national uproar that followed.", "When Indiana Gov. Michael Pence", "… he"),
    # A cut falls between words, never inside one ("re-united").
    ("With a little bit of help from Donald Trump, Rory McIlroy was re-united with his golf club at the Doral "
     "tournament on Sunday.", "re-united", "re …"),
])
def test_a_headline_says_what_happened_and_cuts_between_words(sentence: str, must: str, never: str) -> None:
    _doc, parsed = _parsed(sentence)
    pieces = headline_pieces(parsed.sentences[0], 15)
    shown = pieces_text(sentence, pieces)
    assert words(shown) <= 15 and must in shown and never not in shown


def test_without_a_parse_a_headline_never_ends_inside_a_word() -> None:
    text = "With a little bit of help from his friend Donald Trump Rory McIlroy was re-united with his club today."
    (piece,) = text_headline(text, 15)
    assert text[slice(*piece)].endswith("Rory McIlroy")  # not inside "re-united", nor on the "was" before it


def test_a_trailing_speaker_gives_way_to_what_was_said() -> None:
    sentence = ("Andrew Getty, one of the heirs to billions of oil money, appears to have died of natural causes, "
                "a Los Angeles Police Department spokesman said.")
    _doc, parsed = _parsed(sentence)
    shown = pieces_text(sentence, headline_pieces(parsed.sentences[0], 15))
    assert "spokesman" not in shown and "died of natural causes" in shown


def test_a_trailing_attribution_the_parse_missed_gives_way_too() -> None:
    """The parse takes "claims" for a noun the agent "by" governs; the words still say who claims what, and the
    headline keeps the agent: "… was carried out by an American jihadist …"."""
    sentence = "A suicide bomb attack in Iraq this week was carried out by an American jihadist, ISIS claims."
    _doc, parsed = _parsed(sentence)
    shown = pieces_text(sentence, headline_pieces(parsed.sentences[0], 15))
    assert shown.startswith("A suicide bomb attack") and "by an American jihadist" in shown and "ISIS" not in shown


def test_a_short_lede_is_its_own_headline_without_the_full_stop() -> None:
    doc, parsed = _parsed("Paul Walker is hardly the first actor to die during a production.")
    (piece,) = headline_pieces(parsed.sentences[0], 15)
    assert doc.sentences[0].text[slice(*piece)] == "Paul Walker is hardly the first actor to die during a production"


ESPER = ("“The game has changed,” Defense Secretary Mark Esper said Thursday, telling reporters that violent acts "
         "by Iran-backed Shiite militias in Iraq — including the rocket attack on Dec. 27 that killed one American — "
         "will be met with U.S. military force.")


def _esper_cut(word: str, length: int, max_words: int, phrase: bool = True) -> str:
    """The example's long sentence cut around its token `word` and the `length` - 1 tokens after it."""
    _doc, parsed = _parsed(ESPER)
    span = parsed.sentences[0]
    at = next(t for t in span if t.text == word)
    return pieces_text(ESPER, clause_pieces(span, (at.i, at.i + length), max_words, phrase=phrase))


def test_a_clause_keeps_what_it_must() -> None:
    shown = _esper_cut("Dec.", 2, 14)
    assert "Dec. 27" in shown and words(shown) <= 14


def test_without_a_parse_a_headline_ends_at_a_clause_mark() -> None:
    text = ("Five Americans who were monitored for three weeks at an Omaha, Nebraska, hospital after being exposed "
            "to Ebola in West Africa have been released, a spokesman said.")
    (piece,) = text_headline(text, 15)
    assert text[slice(*piece)] == "Five Americans who were monitored for three weeks at an Omaha, Nebraska"
    assert text_headline("A short one.", 15) == ((0, len("A short one")),)


def _shown_pieces(data: dict) -> list[tuple[str, str, list[list[int]]]]:
    items = [i for s in data["stories"] for sec in s["sections"] for i in sec["items"]]
    if data["bottom_line"]:
        items += [i for line in data["bottom_line"]["stories"] for i in line["items"]]
    return [(i["text"], i["shown"], i["spans"]) for i in items]


@pytest.mark.parametrize("template", ["standard", "daily", "sitrep", "bluf"])
def test_every_piece_shown_is_a_span_of_its_source_sentence(example_path: Path, template: str) -> None:
    """Every item of a real brief is its sentence, or pieces of it in order, "…" wherever it was cut; no word
    is changed. Headlines cut from a lede are a span of it too."""
    paths = [example_path, *sorted(DAILY.glob("*.txt"))]
    untitled = Article(id="untitled", text=(
        "Five Americans who were monitored for three weeks at an Omaha, Nebraska, hospital after being exposed to "
        "Ebola in West Africa have been released, a Nebraska Medicine spokesman said in an email Wednesday. One "
        "of the five had a heart-related issue on Saturday and has been discharged. More than 10,000 people have "
        "died in the outbreak that dates to December 2013, according to the World Health Organization."),
        language="english")
    b = (briefing.daily_brief(paths, template=template) if template == "daily"
         else briefing.brief([*paths, untitled], template=template))
    data = json.loads(render(b, "json"))
    checked = 0
    for text, shown, spans in _shown_pieces(data):
        if not spans:
            assert shown == " ".join(text.split())
            continue
        parts = [text[a:b] for a, b in spans]
        assert all(0 <= a < b <= len(text) for a, b in spans)
        assert all(spans[k][1] <= spans[k + 1][0] for k in range(len(spans) - 1))
        assert shown.strip(f" {ELLIPSIS}").split(f" {ELLIPSIS} ") == [" ".join(p.split()) for p in parts]
        checked += 1
    for story, source in zip(b.stories, data["stories"], strict=True):
        if story.headline_from:
            article = next(p for p in [*paths, untitled] if getattr(p, "id", None) == story.headline_from[0]
                           or getattr(p, "stem", None) == story.headline_from[0])
            text = article.text if isinstance(article, Article) else article.read_text(encoding="utf-8")
            for piece in source["headline"].split(ELLIPSIS):
                assert " ".join(piece.split()) in " ".join(text.split())
            assert words(source["headline"]) <= 15
            checked += ELLIPSIS in source["headline"]
    assert checked > 0  # something was cut, and checked


def test_an_untitled_article_gets_a_short_headline_said_once() -> None:
    text = ("Five Americans who were monitored for three weeks at an Omaha, Nebraska, hospital after being exposed to "
            "Ebola in West Africa have been released, a Nebraska Medicine spokesman said in an email Wednesday. One "
            "of the five had a heart-related issue on Saturday and has been discharged but hasn't left the area. "
            "They were all exposed to the virus while working in Sierra Leone.")
    b = briefing.brief(text, rank_options=RankOptions(story_words=0))
    story = b.stories[0]
    assert words(story.headline) <= 15 and story.headline.startswith("Five Americans")
    assert story.headline_from == ("text", 0)
    md = render(b, "md")
    # The headline is a cut of the lede, so Situation opens with the lede whole: the main event in full, once.
    assert "…" in story.headline and md.count("Five Americans") == 2
    assert re.search(r"^- Five Americans who were monitored .* said in an email Wednesday\.$", md, re.M)
    assert re.search(r"^- One of the five", md, re.M)
    whole = briefing.brief("Five Americans exposed to Ebola in West Africa were released on Wednesday. "
                           "One of the five had a heart-related issue on Saturday.")
    assert render(whole, "md").count("Five Americans") == 1  # a headline that shows the lede whole: said once


def test_excerpt_shown_and_line() -> None:
    text = "A long sentence, with an aside, ends here."
    e = Excerpt(text, "a", 0, spans=((0, 15), (text.index("ends"), len(text) - 1)), short=((0, 15),))
    assert e.shown == f"A long sentence {ELLIPSIS} ends here"
    assert e.line == f"A long sentence {ELLIPSIS}"
    assert Excerpt("Whole.", "a", 0).shown == Excerpt("Whole.", "a", 0).line == "Whole."


def test_a_cut_never_parts_a_number_from_its_percent_sign() -> None:
    from briefing.nlp.entities import load_nlp
    from briefing.sections.cutting import _whole_words

    doc = load_nlp("english")("We think by 2020 it could be as high as 50%, which means only 2 in 10 would qualify.")
    fifty = next(t.i for t in doc if t.text == "50")
    assert [doc[i].text for i in _whole_words(doc, list(range(1, fifty + 1)))][-2:] == ["50", "%"]


@pytest.mark.parametrize("sentence, keep_word, most", [
    ('Based on this discovery "and in view of the attitude and suspicious behavior of the individual," they looked '
     'inside the car and found a loaded Kalashnikov gun, a 9-mm revolver, three cell phones, a laptop, a USB key, a '
     'satellite navigation system "and handwritten documents that contained information on possible targets," '
     'Molins said.', "9", 15),
    ("Aimed at creating an agrarian utopia, it would instead prove one of the worst genocides of the modern era, "
     "resulting in the deaths of at least 1.7 million Cambodians -- about a quarter of the country's population -- "
     "over the next four years.", "1.7", 15),
    ("She finally got to a hospital, and after three attempts to save her foot, which was missing its entire heel, a "
     "doctor told her she had a decision: She could keep her leg and risk a life of excruciating pain or have it "
     "amputated below the knee.", "three", 15),
])
def test_a_clause_cut_shows_at_most_two_cuts(sentence: str, keep_word: str, most: int) -> None:
    _doc, parsed = _parsed(sentence)
    span = parsed.sentences[0]
    token = next(t for t in span if t.text.startswith(keep_word))
    shown = pieces_text(sentence, clause_pieces(span, (token.i, token.i + 1), most))
    assert keep_word in shown and shown.count(ELLIPSIS) <= 2, shown  # "… in view … they looked … found" reads as scraps


def test_a_relative_clause_comes_with_the_noun_it_qualifies() -> None:
    sentence = "Police arrested the five activists, who were detained last month in Beijing, at their homes."
    _doc, parsed = _parsed(sentence)
    span = parsed.sentences[0]
    month = next(t for t in span if t.text == "month")
    shown = pieces_text(sentence, clause_pieces(span, (month.i - 1, month.i + 1), 18))
    assert "activists" in shown and "last month" in shown, shown


def test_without_a_parse_a_headline_says_more_than_its_opening_phrase() -> None:
    cases = {
        "Since Iran's Islamic Revolution in 1979, the two countries have had no formal diplomatic relations, and "
        "tensions have often run high.": "Since Iran's Islamic Revolution in 1979, the two countries have had",
        "On May 28, 2014, a federal judge in Texas ruled that the state could not enforce the law against the two "
        "men who had sued.": "On May 28, 2014, a federal judge in Texas ruled that the state",
        "The man accused of stabbing U.S. Ambassador Mark Lippert in Seoul last month is charged with attempted "
        "murder, prosecutors said.": "The man accused of stabbing U.S. Ambassador Mark Lippert in Seoul last month",
    }
    for text, opening in cases.items():
        (piece,) = text_headline(text, 15)
        assert text[slice(*piece)].startswith(opening) and words(text[slice(*piece)]) <= 15, text[slice(*piece)]


def test_a_figure_keeps_its_clause_where_a_date_may_fall_back_to_its_noun_phrase() -> None:
    sentence = ("In a December attack, Al-Shabaab militants separated Muslims from others on a bus near the border and "
                "executed the non-Muslims, killing at least 36 people.")
    _doc, parsed = _parsed(sentence)
    span = parsed.sentences[0]
    least = next(t for t in span if t.text == "least")
    figure = pieces_text(sentence, clause_pieces(span, (least.i - 1, least.i + 3), 15, phrase=False))
    assert "at least 36 people" in figure and "executed" in figure, figure  # not "… at least 36 people" alone


def test_a_figure_in_a_relative_clause_comes_with_the_noun_it_qualifies() -> None:
    shown = _esper_cut("one", 2, 15, phrase=False)
    assert "the rocket attack" in shown and "killed one American" in shown, shown  # not "… that killed one American"


def test_an_opening_never_ends_on_a_clause_subject_before_its_verb() -> None:
    from briefing.sections.cutting import _subject_before_its_verb

    doc = parse(segment(Article(id="s", text="The group announced that a pledge of allegiance has been accepted.")))
    tokens = {t.text: t for t in doc.sentences[0]}
    assert _subject_before_its_verb(tokens["pledge"]) and not _subject_before_its_verb(tokens["allegiance"])


def test_a_second_predicate_goes_before_what_completes_the_first() -> None:
    """Cut to fit, "… live in the United States and use the tea …" loses "and use the tea …", not "in the United
    States": a verb's prepositional phrase completes it, a second predicate is a new statement."""
    sentence = "About 140 members of the church live in the United States and use the tea in a sacred communion."
    _doc, parsed = _parsed(sentence)
    span = parsed.sentences[0]
    shown = pieces_text(sentence, clause_pieces(span, (span[0].i, span[6].i), 15, phrase=False))
    assert shown.startswith("About 140 members of the church live in the United States"), shown
    assert "use the tea" not in shown
