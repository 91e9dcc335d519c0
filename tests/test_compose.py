"""compose's rules for Situation: the lede first, the headline's actors covered, one section per sentence."""

from __future__ import annotations

from briefing.compose import compose_story
from briefing.model import Article, Story
from briefing.nlp.sentences import segment
from briefing.options import RankOptions as Options
from briefing.sections import VIEWS
from briefing.templates import load_template

ARTICLE = Article(
    id="port",
    title="Port strike ends as Maria Lopez signs deal with dockers",
    text=(
        "Dock workers in Rotterdam returned to work on Wednesday after a ten-day strike.\n\n"
        "The union said the new contract raises wages by six percent over two years. "
        "Shipping lines had diverted dozens of vessels to Antwerp and Hamburg during the strike.\n\n"
        "Port director Maria Lopez signed the agreement late on Tuesday night. "
        "Container traffic is expected to return to normal within a week. "
        "Retailers had warned of empty shelves before the holidays. "
        "Economists estimated the strike cost the Dutch economy 300 million euros."
    ),
)
SECTIONS = load_template("standard").sections


def _situation(options: Options) -> list[int]:
    story = compose_story(segment(ARTICLE), SECTIONS, options)
    return [e.sentence_index for e in story.section("situation").excerpts]


def test_situation_opens_with_the_lede_whatever_the_method() -> None:
    for method in ("default", "lexrank", "kl", "luhn"):
        assert _situation(Options(method=method, sentences=3))[0] == 0


def test_without_the_lede_rule_the_method_decides() -> None:
    # KL-Sum prefers a later sentence; with the rule the lede replaces the weakest, the rest stay.
    without = _situation(Options(method="kl", sentences=2, lede=False))
    assert 0 not in without
    with_lede = _situation(Options(method="kl", sentences=2))
    assert with_lede[0] == 0 and len(with_lede) == 2 and with_lede[1] in without


def test_situation_mentions_the_actor_the_headline_names() -> None:
    doc = segment(ARTICLE)
    for method in ("default", "lexrank", "textrank", "kl"):
        chosen = _situation(Options(method=method, sentences=3))
        assert any("Maria Lopez" in doc.sentences[i].text for i in chosen), (method, chosen)


def test_sections_do_not_share_sentences() -> None:
    story = compose_story(segment(ARTICLE), SECTIONS, Options())
    claimed = [e.sentence_index for s in story.sections if s.key not in ("figures", "timeline") for e in s.excerpts]
    assert len(claimed) == len(set(claimed))


def test_web_furniture_is_never_shown() -> None:
    text = ("Please enable JavaScript to watch this video. "
            "Firefighters contained a warehouse fire in Northgate on Monday after a four-hour battle. "
            "The blaze destroyed 2,000 pallets of paper and injured three workers. "
            "Add this tweet to your website by copying the code below. "
            "\"You just learn to accept it,\" the fire chief said, adding that crews had signed up for long shifts. "
            "Netflix raised its subscription prices on Monday.")
    doc = segment(Article(id="fire", text=text))
    story = compose_story(doc, load_template("standard").sections, Options(sentences=5))
    shown = {e.sentence_index for s in story.sections for e in s.excerpts}
    narrative = {e.sentence_index for s in story.sections if s.key not in VIEWS for e in s.excerpts}
    assert 0 not in shown and 3 not in shown
    assert {4, 5} <= shown  # a quotation and news of a subscription are not furniture
    # The headline is the first sentence that is not furniture (short enough to show whole, without its full
    # stop); it is not said again in a narrative section.
    assert story.headline == doc.sentences[1].text.rstrip(".") and 1 not in narrative
    assert story.headline_from == ("fire", 1)


def test_furniture_sentences() -> None:
    from briefing.nlp.furniture import is_furniture_sentence

    assert is_furniture_sentence("Sign up for our newsletter to get the latest news.")
    assert is_furniture_sentence("Starting in 1996, Alexa Internet has been donating their crawl data to the "
                                 "Internet Archive.")
    assert is_furniture_sentence("Learn more")
    assert not is_furniture_sentence("The Internet Archive lost its appeal in a copyright case on Monday.")
    assert not is_furniture_sentence("Users were told to change their password after the breach.")
    assert not is_furniture_sentence("\"I signed up for that long ago, and you learn to accept it,\" he said.")


def test_a_section_claims_only_what_its_budget_can_show() -> None:
    from briefing.templates import Budget

    narrative = [s for s in SECTIONS if s.key != "situation"]  # Situation chooses first, within its limit
    tight = compose_story(segment(ARTICLE), narrative, Options(), budget=Budget(words=40, article_share=0))
    loose = compose_story(segment(ARTICLE), narrative, Options(), budget=Budget(words=0))
    claimed = {s.key: len(s.excerpts) for s in tight.sections if s.key not in VIEWS and s.key != "situation"}
    free = {s.key: len(s.excerpts) for s in loose.sections if s.key not in VIEWS and s.key != "situation"}
    assert all(claimed[k] <= free[k] for k in claimed) and sum(claimed.values()) < sum(free.values())


def test_situation_chooses_first_whatever_else_the_template_has() -> None:
    from briefing.templates import Budget

    doc = segment(ARTICLE)
    alone = [s for s in SECTIONS if s.key == "situation"]
    for method in ("default", "lexrank"):
        full = compose_story(doc, SECTIONS, Options(method=method, sentences=4), budget=Budget(words=0))
        only = compose_story(doc, alone, Options(method=method, sentences=4), budget=Budget(words=0))
        chosen = [e.sentence_index for e in full.section("situation").excerpts]
        assert chosen == [e.sentence_index for e in only.section("situation").excerpts] and len(chosen) == 4
        others = {e.sentence_index for s in full.sections if s.key in ("quotes", "background", "outlook")
                  for e in s.excerpts}
        assert not others & set(chosen)


UNTITLED = Article(id="durst", title="", text=(
    "A federal grand jury has charged millionaire real estate heir Robert Durst, a convicted felon, with unlawful "
    "possession of a firearm. In this week's indictment, Durst, 71, is accused of possessing a .38 caliber "
    "revolver, which authorities found in his hotel room last month. He faces a maximum of 10 years in prison if "
    "found guilty of that charge, according to the indictment. Durst was featured this spring in an HBO "
    "documentary about him."))


def test_under_a_cut_headline_situation_opens_with_the_whole_lede() -> None:
    # Blind readers preferred the lede whole to its rest after the headline ("… with unlawful possession of a
    # firearm.") in 40 of 48 pairs (eval/readers/rest-of-lede-2): the rest alone reads as a fragment.
    from briefing.model import ELLIPSIS
    from briefing.templates import Budget

    doc = segment(UNTITLED)
    story = compose_story(doc, SECTIONS, Options(), budget=Budget(words=0))
    first = story.section("situation").excerpts[0]
    assert story.headline.endswith(ELLIPSIS) and story.headline_from == ("durst", 0)
    assert first.sentence_index == 0 and not first.spans and first.shown == doc.sentences[0].text


def test_a_daily_line_shows_the_whole_lede_of_a_cut_headline() -> None:
    from briefing.compose import compose
    from briefing.render.view import build_view

    docs = [segment(UNTITLED), segment(ARTICLE)]
    view = build_view(compose(docs, load_template("daily")), load_template("daily"))
    line = next(line for line in view.bottom_line.lines if line.headline.startswith("A federal grand jury"))
    assert "unlawful possession of a firearm" in line.line and line.line.startswith("A federal grand jury")


def test_two_sentences_of_the_same_words_are_shown_once() -> None:
    """A page may print a sentence twice (a pull quote, a repeated teaser): the brief shows its words once, whatever
    section each copy lands in; case and punctuation do not make them two."""
    repeated = "Port director Maria Lopez said the deal would hold for two years."
    article = Article(id="twice", title="Port strike ends", text=(
        f"Dock workers in Rotterdam returned to work on Wednesday after a ten-day strike. {repeated}\n\n"
        "The union said the new contract raises wages by six percent over two years. "
        f"{repeated.upper()[:1] + repeated[1:].replace('two years.', 'two years!')}\n\n"
        f"Container traffic is expected to return to normal within a week. {repeated}"))
    story = compose_story(segment(article), SECTIONS, Options(sentences=6))
    shown = [e.shown for section in story.sections for e in section.excerpts if e.label is None]
    assert sum("deal would hold for two years" in text for text in shown) == 1, shown


def _situation_shown(article: Article) -> tuple[Story, list[str]]:
    """The story composed of one article, up to six Situation sentences, and the texts its Situation shows."""
    story = compose_story(segment(article), SECTIONS, Options(sentences=6))
    return story, [e.text for e in story.section("situation").excerpts]


def test_situation_shows_no_sentence_without_a_verb() -> None:
    """'A brand-new car!' and 'Whoops.' state nothing: Situation never shows them (round 14's readers)."""
    article = Article(id="car", title="Model gives away a car on a game show", text=(
        "A model on a television game show accidentally gave away a car on Thursday. Whoops. "
        "The contestant had guessed the price of a smaller prize, the show's host said. A brand-new car! "
        "The producers said the contestant would keep the car. The model apologised on air."))
    _story, shown = _situation_shown(article)
    assert shown and "Whoops." not in shown and "A brand-new car!" not in shown, shown


def test_situation_shows_no_command_to_the_reader() -> None:
    """'Just ask Vince, Whitney, Roseanne, Jimi and Michael.' tells the reader to do something, not what happened;
    a quoted command a speaker gave is news."""
    article = Article(id="anthem", title="", text=(
        "Just ask Vince, Whitney, Roseanne, Jimi and Michael. Motley Crue singer Vince Neil reminded us again this "
        "week of the dangers of tackling the national anthem. \"Stop singing,\" a fan shouted at the arena. Neil "
        "said he had a cold. The league apologised on Friday."))
    story, shown = _situation_shown(article)
    assert shown and not any(text.startswith("Just ask") for text in shown), shown
    assert not story.headline.startswith("Just ask")


def test_a_command_the_next_sentence_turns_on_is_shown_with_it() -> None:
    """'Just kill it already. That was the sentiment of many fans ...': the command is the hook the news points
    back to, so Situation may show the two together."""
    article = Article(id="tv", title="", text=(
        "Just kill it already. That was the sentiment of many fans on Tuesday after star Nina Dobrev announced "
        "she will be leaving the CW show at the end of this season. Dobrev thanked the fans in a post. The show "
        "will go on to a seventh season this fall. Producer Julie Plec said the story would continue."))
    _story, shown = _situation_shown(article)
    assert any(text.startswith("That was the sentiment") for text in shown), shown


def test_a_first_sentence_about_they_is_no_situation_line() -> None:
    """'They're not gonna take it anymore.' opens the article: no sentence before it says who "they" are."""
    article = Article(id="band", title="", text=(
        "They're not gonna take it anymore. Twisted Sister says that its 2016 tour will be its last, according to a "
        "press release. The band will play its final shows in Las Vegas. Drummer Mike Portnoy replaces A.J. Pero, "
        "who died March 20. Singer Dee Snider thanked the fans."))
    _story, shown = _situation_shown(article)
    assert shown and "They're not gonna take it anymore." not in shown, shown


def test_a_person_situation_names_only_in_short_is_introduced() -> None:
    """Situation's choices say "said Mr Purushotma" four times: the sentence that names him in full comes in, in
    place of the weakest of them (a round of dev briefs never said who he was)."""
    article = Article(id="games", title="Games help you learn", text=(
        "God games could be educational, says research. A US researcher has suggested that games could teach "
        "languages. Ravi Purushotma believes that the world of The Sims can teach vocabulary better. The fun of game "
        "playing could make learning languages less of a chore, said Mr Purushotma. The hard part of learning any "
        "language was the vocabulary, said Mr Purushotma. The information about what a Sim was doing could reinforce "
        "learning, said Mr Purushotma. Mr Purushotma believes that educationalists have missed the potential of "
        "games. Teachers should embrace games, said Mr Purushotma."))
    story = compose_story(segment(article), SECTIONS, Options(sentences=4))
    shown = [e.text for e in story.section("situation").excerpts]
    assert any(text.startswith("Ravi Purushotma believes") for text in shown), shown
    assert sum("Mr Purushotma" in text for text in shown) >= 1, shown

