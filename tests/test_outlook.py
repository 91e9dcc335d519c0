"""What to watch: sentences about what may come next."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysed import outlook, outlook_scores

from briefing.analysis.outlook import THRESHOLD
from briefing.model import Article, Document
from briefing.nlp.entities import load_nlp
from briefing.nlp.sentences import segment

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def document(raw: str, language: str = "english") -> Document:
    title, _, body = raw.partition("\n\n")
    return segment(Article(id="test", title=title.strip(), text=body, language=language))


def test_example_looks_ahead() -> None:
    doc = document(EXAMPLE.read_text(encoding="utf-8"))
    texts = [e.text for e in outlook(doc, 3)]
    assert any("prepared to engage in further retaliatory attacks" in t for t in texts)
    assert any("could further undermine U.S. influence" in t for t in texts)
    assert not any(t == doc.sentences[0].text for t in texts)


SYNTHETIC = """Talks resume

Negotiators met in Geneva on Monday. \
The two sides are expected to sign a deal next week. \
Officials could not be reached for comment. \
The talks may have stalled over funding. \
Diplomats said the deal would ease sanctions. \
It may sound simple, but it is not. \
The rebels vowed to fight on. \
Negotiators met twice last year.
"""


def test_future_and_modal_but_not_hedges() -> None:
    flags = [score >= THRESHOLD for score in outlook_scores(document(SYNTHETIC))]
    assert flags == [False, True, False, False, True, False, True, False]


def test_claimed_sentences_and_limit() -> None:
    doc = document(SYNTHETIC)
    assert [e.sentence_index for e in outlook(doc, 2)] == [1, 6]  # the surest first, then document order
    assert [e.sentence_index for e in outlook(doc, 3, claimed={1})] == [4, 6]


def test_the_learned_decision_takes_what_comes_next_and_leaves_hedges() -> None:
    from briefing.analysis.dating import document_dates
    from briefing.analysis.outlook import outlook_probabilities, outlook_threshold
    from briefing.nlp.entities import parse

    doc = document(SYNTHETIC)
    parsed = parse(doc)
    probabilities = outlook_probabilities(parsed, document_dates(parsed, doc.article))
    flags = [p >= outlook_threshold() for p in probabilities]
    assert flags == [False, True, False, False, True, False, True, False], probabilities


def test_language_without_model_has_no_outlook() -> None:
    doc = document("Gespräche\n\nDie Parteien werden nächste Woche unterzeichnen.", language="german")
    assert outlook(doc, 3) == ()


def test_what_to_watch_leaves_out_the_writers_own_voice() -> None:
    from briefing.sections.outlook import writer_speaks

    assert writer_speaks("And we'll call it a day.") and writer_speaks("We’ll raise the banner over the movement.")
    assert writer_speaks("I will vote for her next year.")
    assert not writer_speaks('"We will stop this outbreak in its tracks," Pence said.')
    assert not writer_speaks("Officials will meet next week to decide.")


def test_the_writers_plans_are_not_shown_as_what_to_watch() -> None:
    from briefing.compose import compose_story
    from briefing.options import RankOptions
    from briefing.templates import Budget, load_template

    article = Article(id="op", title="Clinton enters the race", text=(
        "Hillary Clinton announced her candidacy on Sunday.\n\n"
        "We will raise the banner over the movement next week. "
        "The Clinton campaign will hold its first rally in Iowa next week."))
    story = compose_story(segment(article), load_template("standard").sections, RankOptions(sentences=1),
                          budget=Budget(words=0))  # Situation takes the lede alone
    watch = [e.text for e in story.section("outlook").excerpts] if story.section("outlook") else []
    assert watch == ["The Clinton campaign will hold its first rally in Iowa next week."]


def test_a_modal_below_a_past_verb_tells_the_past() -> None:
    """'could' in a clause below a past verb that reports no speech says what could happen then; below a verb of
    warning it still looks ahead."""
    doc = document("Scandal\n\nThe university was sued on Monday. The scandal involved athletes who were funneled "
                   "into classes so that they could remain eligible to play. Engineers warned that the dam could "
                   "burst within days.")
    scores = outlook_scores(doc)
    assert scores[1] < THRESHOLD and scores[2] >= THRESHOLD, scores
