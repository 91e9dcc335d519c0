"""Sentences a reader can follow where they are shown: the exact pointing rule, the learned stand-alone model,
the sections' use of both, and the news lede an untitled headline is cut from."""

from __future__ import annotations

import json
from importlib import resources

from briefing.analysis.pointing import pointing_sentences
from briefing.model import Article, Excerpt
from briefing.nlp.sentences import segment
from briefing.rank.standalone import FEATURES, context_features, leans_on_context, pointing_phrase, points_back
from briefing.sections.excerpts import needs_previous, standing
from briefing.sections.headline import news_lede, plain_headline, says_what_happened


def test_phrases_that_point_back_are_caught() -> None:
    assert pointing_phrase("The move angered Beijing, which called it a provocation.") == "the move"
    assert points_back("But the decision was reversed within a week.")
    assert points_back("He did exactly that on Monday.")
    assert not points_back("Firefighters contained a warehouse fire in Northgate on Monday.")
    assert points_back("Or, as the Turkish government prefers to call it, a tragedy of war.")  # round 11's readers
    # "Such" opening a sentence refers to what came before (a daily brief's line had shown it alone).
    assert points_back("Such state laws have been growing ever since the U.S. Religious Freedom Restoration Act "
                       "became law in 1993.")
    # A pronoun's contraction and a sentence opened by "Which" lean as the pronoun and the clause would.
    assert points_back("They'll be celebrating a week from now, because they use a different calendar.")
    assert points_back("Which brings us to the question of how astronomy sets the date.")
    assert points_back("At the same time, about 100,000 people are expected to converge on Porto Alegre.")
    assert points_back("As a result, the talks were suspended.")


def test_the_model_reads_pronoun_openings_as_leaning() -> None:
    assert leans_on_context("He added that the talks would resume next week.", 6)
    assert leans_on_context("They said the road would stay closed.", 4, sure=False)
    assert not leans_on_context("The European Central Bank raised interest rates by a quarter point on Thursday.", 6)


def test_the_first_sentence_never_leans() -> None:
    assert not needs_previous("He added that the talks would resume next week.", 0)
    assert needs_previous("He added that the talks would resume next week.", 3)


def test_the_model_ships_as_data_with_its_features() -> None:
    model = json.loads(resources.files("briefing").joinpath("models/standalone.json").read_text("utf-8"))
    features = context_features("He said so.", 3)
    assert set(features) == set(FEATURES)
    assert model["features"] == list(FEATURES) and len(model["weights"]) == len(FEATURES)
    assert 0 < model["threshold"] < 1


def _excerpt(index: int, text: str, label: str | None = None) -> Excerpt:
    return Excerpt(text=text, article_id="a", sentence_index=index, label=label)


def test_a_leaning_excerpt_stays_only_after_its_sentence() -> None:
    lean = "He added that the talks would resume next week."
    alone = [_excerpt(2, "Talks between the unions and the port broke down on Monday."), _excerpt(5, lean)]
    assert [e.sentence_index for e in standing(alone)] == [2]
    after = [_excerpt(4, "Port director Maria Lopez signed the deal."), _excerpt(5, lean)]
    kept = standing(after)
    assert [e.sentence_index for e in kept] == [4, 5] and kept[1].leans and not kept[0].leans
    # A quotation labelled with its speaker says who "he" is.
    assert standing([_excerpt(5, lean, label="Maria Lopez")])[0].sentence_index == 5


def test_the_news_lede_skips_a_teaser() -> None:
    assert not says_what_happened("Have you ever wondered where your recycling goes?")
    assert not says_what_happened("If you've been following the story, you know how it ends.")
    assert says_what_happened("Dock workers in Rotterdam returned to work on Wednesday after a ten-day strike.")
    text = ("Have you ever wondered where your recycling goes? "
            "Dock workers in Rotterdam returned to work on Wednesday after a ten-day strike. "
            "The union said the contract raises wages.")
    doc = segment(Article(id="port", text=text))
    assert news_lede(doc) == 1
    assert plain_headline(doc, 15).startswith("Dock workers in Rotterdam returned to work")
    titled = segment(Article(id="port", title="Port strike ends", text=text))
    assert plain_headline(titled, 15) == "Port strike ends"


def test_the_news_lede_follows_an_opening_of_questions() -> None:
    """When the first three sentences only ask, the lede is the first later one that says what happened (not the
    question the headline was cut from before: "If death is the big sleep, ... is there …")."""
    from briefing.nlp.entities import parse

    text = ("If death is the big sleep, is there anything wrong with choosing a smaller sleep? "
            "Is it OK for a patient to choose it? Or is it simply euthanasia in disguise? "
            "Members of the French Parliament offered resounding support Tuesday for the proposal. "
            "They approved a bill allowing it by a vote of 436-34.")
    doc = segment(Article(id="sleep", text=text))
    assert news_lede(doc) == 3
    assert news_lede(doc, parsed=parse(doc)) == 3
    assert plain_headline(doc, 15).startswith("Members of the French Parliament offered")


def test_an_untitled_headline_is_the_ledes_opening() -> None:
    from briefing.analysis import analyse
    from briefing.model import ELLIPSIS
    from briefing.sections.headline import headline

    lede = ("Anthony Ray Hinton is thankful to be free after nearly 30 years on Alabama's death row for murders he "
            "says he didn't commit.")
    doc = segment(Article(id="hinton", text=lede + " He was released on Friday."))
    text, index = headline(analyse(doc, "parsed", "furniture"), 15)
    assert index == 0 and text.endswith(ELLIPSIS) and ELLIPSIS not in text[:-1]
    assert lede.startswith(text.removesuffix(ELLIPSIS).rstrip()) and len(text.split()) <= 16


def test_a_line_with_a_spaced_stop_is_a_link_or_subhead() -> None:
    from briefing.nlp.furniture import is_furniture_sentence

    assert is_furniture_sentence("Amnesty report: Executions down but death sentences on the rise .")
    assert is_furniture_sentence("TRANSCRIPT .")
    assert not is_furniture_sentence("Amnesty said executions were down but death sentences were on the rise.")


def test_situation_never_shows_a_question_or_words_to_the_reader() -> None:
    import briefing
    from briefing.sections.headline import is_teaser

    assert is_teaser("Do you remember the talk about plans to take back Mosul this spring?")
    assert is_teaser("Well, you might want to forget it.")
    assert not is_teaser('"You just learn to accept it," the fire chief said.')  # the reader is not addressed
    text = ("Do you remember the talk about plans to take back Mosul this spring? Well, you might want to forget it. "
            "A senior official in the Obama administration said on Thursday that Washington set no timeframe for "
            "an offensive on Mosul. Officials insist that ISIS has been degraded by air power and ground combat. "
            "Iraqi forces retook Tikrit a few weeks ago. Is that enough to win?")
    b = briefing.brief(text, sentences=4)
    shown = [e.text for s in b.stories[0].sections for e in s.excerpts]
    assert not any(t.endswith("?") or "you might" in t for t in shown)
    assert b.stories[0].headline_from == ("text", 2)


def test_a_whole_quotation_comes_before_a_piece_of_a_longer_one() -> None:
    from briefing.sections.quotes import whole_quotation

    assert whole_quotation('"We will win," she said.') and whole_quotation("“We will win,” she said.")
    assert not whole_quotation('It "might be some time from now.') and not whole_quotation('Might be soon," he said.')
    from briefing.model import odd_quotation_marks

    assert odd_quotation_marks('"The Communist Party, Chairman Mao.') and odd_quotation_marks("Mao.” he sang.")
    assert not odd_quotation_marks('"We will win," she said.') and not odd_quotation_marks("No quotation here.")


def test_lists_additions_and_left_out_verbs_point_back() -> None:
    # A list's next point, an addition ("too") and a verb left out each lean on a sentence before them.
    assert pointing_phrase("First, Clinton is no ordinary female presidential candidate.") == "first,"
    assert pointing_phrase("In addition, police found a gun in the car.") == "in addition,"
    assert pointing_phrase("A new jury was empanelled in 2014, but they, too, were unable to agree.") == ", too,"
    assert pointing_phrase("The Senate approved it, too.") == ", too"
    assert pointing_phrase("Widespread sexism and misogyny likely did not.") == "did not"
    assert pointing_phrase("Critics said the plan did not go far enough.") is None
    assert pointing_phrase("First lady Michelle Obama visited the school.") is None
    assert pointing_phrase("The talks are too slow for the unions.") is None


def test_a_question_with_an_exclamation_is_a_teaser() -> None:
    from briefing.sections.headline import is_teaser

    assert is_teaser("(Could that mean he's a Muslim Santa?!")
    assert not is_teaser("The ship sank on Sunday!")


def test_a_demonstrative_before_a_noun_points_at_an_earlier_sentence() -> None:
    from briefing.nlp.entities import parse

    doc = segment(Article(id="t", text="Five Americans exposed to Ebola in West Africa have been released. "
                          "One American health care worker fell ill in Sierra Leone. "
                          "As of Monday, that health care worker is in fair condition. "
                          "That day, doctors in Omaha were hopeful. "
                          "These plans were dropped. "
                          "Those who were exposed are well."))
    assert pointing_sentences(parse(doc)) == frozenset({2, 4})  # not "That day" (a time), nor "Those who ..." (defined)
    shown = [Excerpt(doc.sentences[i].text, "t", i) for i in (0, 2)]
    assert [e.sentence_index for e in standing(shown, points={2, 4}, learned=False)] == [0]


ANNE_FRANK = ("Anne Frank died of typhus in a camp at the age of 15. "
              "Her supposed death was on March 31, 1945, two weeks before the camp was liberated. "
              "But new research shows that she died at least a month earlier than thought. ")


def _situation_of(rest: str):
    from briefing.analysis import analyse

    return analyse(segment(Article(id="t", text=ANNE_FRANK + rest)))


def test_a_leaning_sentence_that_outranks_its_antecedent_brings_it_along() -> None:
    from briefing.sections.situation import standing_choice

    analysis = _situation_of("Researchers re-examined the archives of the Red Cross. The camp held thousands of "
                             "prisoners.")
    scores = [0.9, 0.5, 0.8, 0.1, 0.6]
    assert standing_choice(analysis, [0, 2, 4, 1, 3], scores, 3) == [0, 1, 2]  # "But ..." with its sentence
    assert standing_choice(analysis, [0, 2, 4, 3], scores, 3) == [0, 3, 4]  # its sentence not among the chosen


def test_a_leaning_pair_must_be_worth_its_two_places() -> None:
    from briefing.sections.situation import standing_choice, stands

    analysis = _situation_of("Researchers at the Anne Frank House re-examined the archives of the Red Cross. "
                             "Bergen-Belsen held thousands of prisoners in 1945.")
    assert [stands(analysis, i) for i in (1, 2, 3, 4)] == [False, False, True, True]
    # "But ..." outranks the rest, but with its weak antecedent it is worth less than the two that stand alone
    assert standing_choice(analysis, [0, 2, 4, 3, 1], [0.9, 0.0, 0.8, 0.5, 0.6], 3) == [0, 3, 4]


def test_a_because_clause_alone_leans_on_its_question() -> None:
    from briefing.nlp.entities import parse

    doc = segment(Article(id="t", text="Pence signed the law last week. Why would Pence ignore the pleas of business? "
                          "Because there's a very powerful wing of his party that wants a conservative candidate. "
                          "Because the bill passed, the state faced a boycott."))
    assert pointing_sentences(parse(doc)) == frozenset({2})


def test_an_opening_phrase_with_this_points_back() -> None:
    """"To accomplish this goal, ..." and "For this reason, ..." point at what a sentence before said; "This week,
    ...", a quotation's "in this room" and a "this" after the opening phrase do not."""
    from briefing.nlp.entities import parse

    doc = segment(Article(id="t", text=(
        "The school wants a diverse class. To accomplish this goal, the school asked for essays. For this reason, "
        "some names are left out. This week, the school opened its doors. \"People in this room owe him an "
        "apology,\" Schmidt said. As all who read him know, Discworld was his vehicle to satirize this world.")))
    assert pointing_sentences(parse(doc)) == frozenset({1, 2})


def test_any_subordinate_clause_alone_leans_and_heads_no_story() -> None:
    """'Not in the checked luggage, as an independent Chihuahua discovered on Tuesday.' is a clause with no main
    clause: it leans on the sentence before it, and the headline is cut from the next sentence that says what
    happened, which then leads Situation within the budget."""
    from briefing.compose import compose_story
    from briefing.nlp.entities import parse
    from briefing.templates import load_template

    text = ("Flying with your cute little bundle of doggie love? Each airline has its own rules about how to bring "
            "a small dog in the cabin or a larger dog in its crate with the checked luggage. Not in the checked "
            "luggage, as an independent Chihuahua discovered on Tuesday. The dog was discovered in its owner's "
            "checked luggage by Transportation Security Administration officers at LaGuardia Airport in Queens, "
            "New York. Luckily for the dog, the TSA screens all checked luggage. The officers found the dog and "
            "called the owner, who had not intended to bring her dog on her Tuesday trip. The woman's husband took "
            "the misbehaving pooch home.")
    doc = segment(Article(id="t", text=text))
    assert 2 in pointing_sentences(parse(doc))
    assert news_lede(doc, parsed=parse(doc)) == 3
    story = compose_story(doc, load_template("standard").sections)
    assert story.headline.startswith("The dog was discovered in its owner's checked luggage")
    situation = story.section("situation").excerpts
    assert max(situation, key=lambda e: e.score or 0).sentence_index == 3  # the lede: kept first by any budget


def test_a_name_opening_the_lede_counts_as_naming() -> None:
    """'Texas is nearly out of its lethal injection drug.' names Texas, though only its first word is capitalised:
    with the parse it is the news lede."""
    from briefing.nlp.entities import parse

    doc = segment(Article(id="t", text="Texas is nearly out of its lethal injection drug. If scheduled executions "
                          "this Wednesday and the next go forward, the state will have exhausted its supply. "
                          "States have struggled to find the drugs."))
    assert news_lede(doc, parsed=parse(doc)) == 0
    assert news_lede(doc) == 1  # without the parse, only a capital after the first word names something


def test_both_before_a_plural_noun_points_back() -> None:
    from briefing.nlp.entities import parse

    doc = segment(Article(id="t", text="Police searched a house in Leeds and a flat in York. Officers found remains "
                          "at both locations. Both Democrats and Republicans praised the police."))
    assert pointing_sentences(parse(doc)) == frozenset({1})


def test_a_lede_about_he_gives_way_to_one_that_names() -> None:
    """'At times, he got raucous applause during his speech in Washington on Tuesday.' says what happened but not
    to whom: the headline comes from the next sentence that says what happened and names who."""
    from briefing.nlp.entities import parse

    doc = segment(Article(id="t", text="At times, he got raucous applause during his speech in Washington on "
                          "Tuesday. But the reactions that may matter most came in Israel. In an address before "
                          "Congress, Israeli Prime Minister Benjamin Netanyahu warned against a deal with Iran."))
    assert news_lede(doc, parsed=parse(doc)) == 2


def test_a_lede_without_a_finite_verb_gives_way() -> None:
    """'One hundred and forty-seven victims.' and 'Many more families affected.' state nothing: the headline comes
    from the first sentence with a finite verb."""
    from briefing.nlp.entities import parse

    doc = segment(Article(id="t", text="One hundred and forty-seven victims. Many more families affected. As Kenyans "
                          "mourned those killed last week, citizens used social media to share the victims' stories. "
                          "Kenyan authorities have not released a list of the victims."))
    assert news_lede(doc, parsed=parse(doc)) == 2
