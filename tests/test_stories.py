"""Grouping articles into stories: same event together, distinct events apart, ranked by importance."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
import pytest

from briefing.model import Article, Document
from briefing.nlp.furniture import is_boilerplate
from briefing.nlp.sentences import segment
from briefing.stories import group, vectors
from briefing.stories.importance import features, importance

FLOOD = [
    ("Flooding forces evacuations in Riverton",
     "Heavy rain caused the Tamsin River to burst its banks in Riverton on Monday, forcing hundreds of residents "
     "to leave their homes. Emergency crews used boats to rescue families from flooded streets. The mayor of "
     "Riverton, Ana Delgado, declared a state of emergency and opened shelters in two schools."),
    ("Riverton under water as Tamsin River overflows",
     "The Tamsin River overflowed after two days of heavy rain, flooding much of central Riverton. Mayor Ana "
     "Delgado said shelters were open and urged residents near the river to evacuate. Rescue teams in boats "
     "pulled several families from their homes."),
    ("State of emergency declared in Riverton floods",
     "Riverton declared a state of emergency on Monday as floodwater from the Tamsin River filled streets. "
     "Delgado said about 600 people had been evacuated to school shelters. Forecasters expect more rain."),
    ("Rain keeps falling on flooded Riverton",
     "More rain fell on Riverton on Tuesday, a day after the Tamsin River flooded the town centre. Evacuated "
     "residents waited in the school shelters as the mayor, Ana Delgado, toured the flooded streets by boat."),
]
MERGER = [
    ("Halcyon Foods agrees to buy Brightmill",
     "Halcyon Foods said on Tuesday it would buy the cereal maker Brightmill for 4.2 billion dollars in cash. "
     "The deal needs approval from competition regulators. Halcyon chief executive Priya Raman said the merger "
     "would create the largest breakfast food company in the region."),
    ("Brightmill shares jump on Halcyon takeover",
     "Shares in Brightmill jumped 30 percent after Halcyon Foods agreed to buy the cereal maker for 4.2 billion "
     "dollars. Priya Raman, who runs Halcyon, said regulators would review the merger. Analysts called the "
     "price generous."),
    ("Regulators to examine Halcyon-Brightmill deal",
     "Competition regulators will examine the 4.2 billion dollar takeover of Brightmill by Halcyon Foods. "
     "Raman said the companies expected approval next year and that no cereal factories would close."),
]
ECLIPSE = [
    ("Crowds gather for total solar eclipse in Casterly",
     "Thousands of people gathered in Casterly on Wednesday to watch a total solar eclipse darken the sky for "
     "nearly four minutes. Astronomers at the Casterly Observatory streamed the eclipse online. Schools let "
     "pupils out early to watch with protective glasses."),
    ("Eclipse darkens skies over Casterly",
     "The total solar eclipse plunged Casterly into darkness for almost four minutes, and crowds cheered as the "
     "sun's corona appeared. The Casterly Observatory said its livestream of the eclipse drew a record audience."),
]
# Background only the long eclipse article carries: none of its words are in the other articles.
OBSERVATORY_HISTORY = (
    "The observatory was founded in 1887 by the wool merchant Edmund Pryce, whose brass refractor still "
    "stands in the west dome. Its library holds eleven thousand volumes, among them logbooks kept by "
    "lighthouse keepers along the northern coast. Volunteers restored the copper roof last autumn with "
    "money raised at village fetes, bake sales and a charity marathon. Local legend holds that a comet "
    "seen from the hill in 1910 frightened farmers into burying their silverware. Guided tours run on "
    "Saturdays, and the cafe serves scones baked by the caretaker's grandmother. "
    "Pryce's granddaughter Winifred later catalogued moths in the orchard behind the chapel, publishing "
    "forty pamphlets on lichens, beetles and ferns. A quarry strike in 1926 closed the railway halt for "
    "months, and the miners' choir rehearsed beneath the telescope while snow drifted against the doors.")
FURNITURE = ("", "Sign in to continue. You must log in to view this page. Enable cookies in your browser and try "
                 "again later.")


def _docs(items: list[tuple[str, str]], start: int = 0, published: date | None = None,
          outlet: str | None = None) -> list[Document]:
    return [segment(Article(id=f"a{start + i}", title=title, text=text, source=f"a{start + i}.txt",
                            url=f"https://{outlet or f'outlet{start + i}'}.example/{start + i}",
                            published=published))
            for i, (title, text) in enumerate(items)]


def _mixed() -> tuple[list[Document], list[int]]:
    """The three events' articles shuffled, with their true event numbers."""
    items = [(t, 0) for t in FLOOD] + [(t, 1) for t in MERGER] + [(t, 2) for t in ECLIPSE]
    random.Random(7).shuffle(items)
    return _docs([t for t, _ in items]), [e for _, e in items]


def _as_sets(groups: list[list[int]]) -> set[frozenset[int]]:
    return {frozenset(g) for g in groups}


def test_three_events_are_grouped_correctly() -> None:
    docs, truth = _mixed()
    groups = group(docs)
    expected = {frozenset(i for i, e in enumerate(truth) if e == event) for event in range(3)}
    assert _as_sets(groups) == expected
    assert sorted(i for g in groups for i in g) == list(range(len(docs)))


def test_grouping_is_deterministic_and_order_independent() -> None:
    docs, _ = _mixed()
    assert group(docs) == group(docs)
    order = list(reversed(range(len(docs))))
    reversed_groups = group([docs[i] for i in order])
    assert _as_sets([[order[i] for i in g] for g in reversed_groups]) == _as_sets(group(docs))


def test_hard_news_and_coverage_come_first() -> None:
    docs, _ = _mixed()
    sizes = [len(g) for g in group(docs)]
    assert sizes == [4, 3, 2]  # the flood (four outlets), the takeover (three), the eclipse (two, soft news)


def test_one_outlet_counts_less_than_many() -> None:
    # The same takeover story, told by three outlets and by one outlet three times.
    many = _docs(MERGER)
    one = _docs(MERGER, outlet="same")
    assert features(many, [0, 1, 2], 3, 0.1)["coverage"] > features(one, [0, 1, 2], 1, 0.1)["coverage"]
    assert importance(features(many, [0, 1, 2], 3, 0.1)) > importance(features(one, [0, 1, 2], 1, 0.1))


def test_length_is_no_importance() -> None:
    short = _docs(ECLIPSE)
    long = [segment(Article(id=d.article.id, title=d.article.title, text=d.article.text + " " + OBSERVATORY_HISTORY))
            for d in short]
    assert importance(features(long, [0, 1], 2, 0.1)) <= importance(features(short, [0, 1], 2, 0.1)) + 0.05


def test_recency_breaks_ties() -> None:
    old = _docs(ECLIPSE, published=date(2024, 4, 1))
    new = _docs(MERGER[:2], start=len(ECLIPSE), published=date(2024, 4, 3))
    groups = group(old + new)
    assert _as_sets(groups) == {frozenset({0, 1}), frozenset({2, 3})}
    assert set(groups[0]) == {2, 3}


def test_most_representative_article_comes_first() -> None:
    docs = _docs(FLOOD)
    (story,) = group(docs)
    assert sorted(story) == [0, 1, 2, 3]
    assert story[0] == 0  # the first full report is the most central
    assert story[-1] == 3  # the day-after follow-up is the least central


def test_web_furniture_stays_alone_and_last() -> None:
    docs = _docs([FURNITURE, *ECLIPSE, FURNITURE])
    assert is_boilerplate(docs[0]) and not is_boilerplate(docs[1])
    groups = group(docs)
    assert sorted(groups[0]) == [1, 2]
    assert sorted(groups[1:]) == [[0], [3]]


def test_detail_only_one_article_has_does_not_keep_it_apart() -> None:
    """Similarity is measured over the shared terms: a long report with much background of its own stays close."""
    long = (ECLIPSE[1][0], f"{ECLIPSE[1][1]} {OBSERVATORY_HISTORY}")
    docs = _docs([ECLIPSE[0], long, *MERGER])
    x = vectors(docs)
    assert (x[0] @ x[1].T).toarray()[0, 0] > 0.25  # 0.15 if the unshared background counted in the norm
    assert _as_sets(group(docs)) == {frozenset({0, 1}), frozenset({2, 3, 4})}


def test_empty_and_single_inputs() -> None:
    assert group([]) == []
    assert group(_docs(FLOOD[:1])) == [[0]]


def test_unrelated_articles_with_few_shared_words_stay_apart() -> None:
    """Regression: vectors are normalised over all their terms, so sparse overlap does not merge stories."""
    from pathlib import Path

    from briefing.api import documents

    data = Path(__file__).parent / "data" / "daily"
    paths = [data / "museum-local.txt", Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt",
             data / "flood-herald.txt", data / "flood-tribune.txt"]
    stories = group(documents(paths))
    assert sorted(sorted(s) for s in stories) == [[0], [1], [2, 3]]


def test_long_background_does_not_make_a_story_central() -> None:
    """Centrality is read from the ledes: background only a long article carries does not raise its story's
    centrality (over all its words, a long feature shared a little with everything and ranked the higher)."""
    from briefing.stories.grouping import centroid_sims, story_centrality
    from briefing.stories.pairs import views

    def centralities(items: list[tuple[str, str]]) -> tuple[float, float]:
        v = views(_docs(items))
        label_of = np.array([0, 1, 1, 1, 2, 2])  # the eclipse alone, the takeover, the flood's first two reports
        return float(story_centrality(v, label_of)[0]), float(centroid_sims(v.words, label_of)[1][0])

    # The history shares words with the takeover and flood reports ("money", "cash", "homes", "closed") ...
    history = "The observatory closed its doors to raise money in cash for homes, schools and regulators. " * 3
    short = [ECLIPSE[0], *MERGER, *FLOOD[:2]]
    long = [(ECLIPSE[0][0], f"{ECLIPSE[0][1]} {history}{OBSERVATORY_HISTORY}"), *MERGER, *FLOOD[:2]]
    lede_short, words_short = centralities(short)
    lede_long, words_long = centralities(long)
    assert words_long > words_short  # ... so over all the words the long eclipse report looks more central,
    assert lede_long == pytest.approx(lede_short)  # over the ledes it does not


def test_copies_of_one_text_are_one_story() -> None:
    # A wire story run by several outlets: its copies report one happening, however far the pair models are
    # from any pair they were trained on.
    items = [("", FLOOD[0][1]), ("", MERGER[0][1]), ("", ECLIPSE[0][1])] * 3
    groups = group(_docs(items))
    assert _as_sets(groups) == {frozenset({0, 3, 6}), frozenset({1, 4, 7}), frozenset({2, 5, 8})}
