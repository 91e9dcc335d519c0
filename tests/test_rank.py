"""The method registry: every method by name, lengths, scores, sumy's own choices."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing
from briefing.errors import UsageError
from briefing.ingest import read_path
from briefing.model import Article
from briefing.nlp.sentences import segment
from briefing.nlp.tokenize import Tokenizer
from briefing.rank import Length, get_method, rank
from briefing.rank.sumy_methods import SUMMARIZERS, build, to_sumy

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"
ISSUE_METHODS = ["lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction", "random",
                 "lead", "default"]


@pytest.fixture(scope="module")
def doc():
    return segment(read_path(EXAMPLE))


@pytest.mark.parametrize("method", ISSUE_METHODS)
def test_summarize_every_method(method: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    chosen = briefing.summarize(text, method=method, sentences=3)
    assert len(chosen) == 3
    positions = [text.find(s) for s in chosen]
    assert all(p >= 0 for p in positions), "sentences are verbatim"
    assert positions == sorted(positions), "sentences come back in document order"


_TIE = 1e-9  # scores this close (relative) are a tie: LSA's last bits vary with memory alignment


@pytest.mark.parametrize("method", [m for m in ISSUE_METHODS if m != "random"])
def test_scores_cover_every_sentence_and_explain_the_choice(doc, method: str) -> None:
    ranking = rank(doc, method, Length(sentences=4))
    assert len(ranking.scores) == len(doc.sentences)
    assert list(ranking.selected) == sorted(ranking.selected)
    if get_method(method).select is None:  # plain top-k methods: the chosen have the top scores
        worst_chosen = min(ranking.scores[i] for i in ranking.selected)
        assert all(ranking.scores[i] <= worst_chosen + _TIE * abs(worst_chosen)
                   for i in range(len(doc)) if i not in ranking.selected)


@pytest.mark.parametrize("name", sorted(set(SUMMARIZERS) - {"random"}))
def test_sumy_adapters_choose_what_sumy_chooses(doc, name: str) -> None:
    tokenizer = Tokenizer("english")
    summarizer = build(name, "english")
    if name == "edmundson":
        # the adapter derives these from the title; mirror it to call sumy directly
        from briefing.nlp.stems import stop_words
        from briefing.nlp.tokenize import words
        from briefing.rank.sumy_methods import _STIGMA

        stops = stop_words("english")
        summarizer.bonus_words = [w for w in words(doc.article.title) if w.lower() not in stops]
        summarizer.stigma_words = _STIGMA
        summarizer.null_words = stops
    plain = SUMMARIZERS[name][0](summarizer._stemmer)  # sumy's own class, not our recording one
    for attr in ("stop_words", "bonus_words", "stigma_words", "null_words"):
        if hasattr(summarizer, attr) and getattr(summarizer, attr):
            setattr(plain, attr, getattr(summarizer, attr))
    if name == "edmundson":  # setters stem again: copy the already-stemmed sets as they are
        plain._bonus_words, plain._stigma_words, plain._null_words = (
            summarizer._bonus_words, summarizer._stigma_words, summarizer._null_words)
    expected = [str(s) for s in plain(to_sumy(doc, tokenizer), 4)]
    ranking = rank(doc, name, Length(sentences=4))
    ours = [doc.sentences[i].text for i in ranking.selected]
    if name == "lsa" and ours != expected:
        # LSA's singular values differ in their last bits from run to run (SIMD paths follow memory alignment):
        # sentences whose strengths tie to 1e-9 may be chosen either way, and nothing else may differ.
        index = {s.text: s.index for s in doc.sentences}
        differ = {index[t] for t in set(ours) ^ set(expected)}
        worst = min(ranking.scores[i] for i in ranking.selected)
        assert all(abs(ranking.scores[i] - worst) <= _TIE * abs(worst) for i in differ), (ours, expected)
        return
    assert ours == expected


def test_lengths(doc) -> None:
    assert len(rank(doc, "lead", Length(sentences=5)).selected) == 5
    assert rank(doc, "lead", Length(ratio=0.25)).selected == (0, 1, 2, 3)
    by_words = rank(doc, "lead", Length(sentences=None, words=60)).selected
    assert sum(len(doc.sentences[i].text.split()) for i in by_words) <= 60
    assert len(by_words) >= 1
    assert rank(doc, "lead", Length(sentences=100)).selected == tuple(range(len(doc)))
    assert rank(doc, "lead", Length(sentences=0)).selected == ()


def test_allowed_restricts_the_choice(doc) -> None:
    assert rank(doc, "lead", Length(sentences=2), allowed={3, 5, 9}).selected == (3, 5)


def test_bad_method_and_lengths() -> None:
    with pytest.raises(UsageError, match=r"unknown method 'nope'; choose one of: .*lexrank"):
        briefing.summarize("One. Two.", method="nope")
    with pytest.raises(UsageError):
        Length(ratio=1.5)
    with pytest.raises(UsageError):
        Length(words=0)


def test_tiny_and_foreign_documents() -> None:
    assert briefing.summarize("Only one sentence here.", sentences=3) == ["Only one sentence here."]
    german = ("Die Regierung hat am Montag einen neuen Plan vorgestellt. Der Plan sieht mehr Geld für Schulen vor. "
              "Die Opposition kritisierte den Plan scharf. Am Dienstag soll das Parlament abstimmen.")
    for method in ("default", "lexrank", "edmundson", "kl"):
        assert len(briefing.summarize(german, method=method, sentences=2, language="german")) == 2
    assert rank(segment(Article(id="e", text="")), "default").selected == ()


@pytest.mark.filterwarnings("error")
def test_sumy_lexrank_on_identical_sentences_warns_nothing_and_keeps_order() -> None:
    doc = segment(Article(id="same", text="Hello world. Hello world. Hello world. Hello world."))
    ranking = rank(doc, "lexrank", Length(sentences=2))
    assert ranking.selected == (0, 1)
    assert all(score == score for score in ranking.scores)  # no NaN
