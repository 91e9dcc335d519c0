"""Words and stems without NLTK are NLTK's: the same tokens as its word tokenizer (sumy's words) and the same
stems as sumy's Snowball stemmer. The full check over every text of ../shared/eval is
`python benchmarks/speed.py --parity`; here, a sample of it (when the data is there), hard cases and random
strings made of the characters the rules treat specially."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from briefing.model import Article
from briefing.nlp import stems, treebank
from briefing.nlp.english_stemmer import stem
from briefing.nlp.sentences import segment
from briefing.nlp.tokenize import words

nltk_tokenizer = pytest.importorskip("nltk.tokenize.destructive").NLTKWordTokenizer()
SUMY_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

HARD = [
    '"Cannot," she said. "I wanna go -- now!"', "It's the students' 'best' year...", "'Tis the season; 'twas not.",
    "Don't, won't, can't: they'll say \u2018no\u2019 \u201cthat\u2019s\u201d it.", "U.S. officials (and the U.N.) met.",
    "He said: 'go.' \"", "Prices rose 3,000% -- a record, ok?!", "D'ye ken more'n John? Gimme, lemme, gotta.",
    "\u00abQuoted\u00bb \u2014 dash\u2013dash \u2012 figure", "Stra\u00dfe, na\u00efve caf\u00e9 \u0131sland \u017fong",
    "Tab\there\nand line", "  spaced   out  ", "", "'", "end with comma,", "x:y,z", "@user #tag $5 & co*",
    "[bracket] {brace} <angle>", "rock'n'roll co-op e-mail -- fine", "``backticks'' and ''quotes''", "...",
    "He paused... then spoke.", "Mr. Smith's dog's bone.", "WANNA GO", "ca\u0301fe\u0301 combining marks",
]


def reference(text: str) -> list[str]:
    """sumy's words: NLTK's tokens that are words."""
    return [w for w in nltk_tokenizer.tokenize(text) if SUMY_WORD.match(w)]


@pytest.mark.parametrize("text", HARD)
def test_hard_cases_give_nltks_words(text: str) -> None:
    treebank.clear()
    assert words(text) == reference(text)
    assert words(text) == reference(text)  # from the memo, too


def test_random_strings_give_nltks_words() -> None:
    pieces = ["a", "Word", "Don", "'t", "n't", "'s", "'ll", "'re", "cannot", "Gonna", "wanna", "'tis", "d'ye",
              "'", "''", '"', "`", ",", ":", ";", ".", "..", "?", "!", "(", ")", "[", "}", "<", "-", "--", "\u2014",
              "\u00ab", "\u00bb", "\u201c", "\u201d", "\u2018", "\u2019", "$", "%", "&", "*", "3", "3,000", "1.5",
              "U.S.", "\u00e9", "\u0131", "\u017f", "\u212a", "x\u0301", "\u00bd", "_", "/", " ", " ", " ", "  ",
              "\t", "Mr.", "it's", "students'", "co-op"]
    rng = random.Random(16)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert words(text) == reference(text), text


def _eval_sentences(per_file: int) -> list[str]:
    texts: list[str] = []
    for path in sorted(EVAL.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for _, line in zip(range(per_file), handle, strict=False):
                row = json.loads(line)
                for text in [row.get("title") or "", row.get("text") or "", *(row.get("documents") or [])]:
                    if text:
                        texts.append(text[:300])
                        texts += [s.text for s in segment(Article(id="x", text=text)).sentences]
    return texts


@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not there")
def test_eval_sample_gives_nltks_words() -> None:
    texts = _eval_sentences(per_file=15)
    assert len(texts) > 1000
    assert [words(t) for t in texts] == [reference(t) for t in texts]


def test_stems_are_sumys() -> None:
    sumy_stemmer = pytest.importorskip("sumy.nlp.stemmers").Stemmer("english")
    vocabulary = {w for t in HARD for w in words(t)}
    vocabulary |= {"realization", "irrationality", "relationally", "sensationally", "zelizer", "x-rated", "added",
                   "archaeologists", "emergency", "evening", "generously", "communication", "arsenal", "skies",
                   "dying", "proceeded", "hoped", "hopping", "agreed", "feed", "troubled", "sized", "ying", "yay",
                   "fly", "y's", "'tis", "hopefulness", "formalize", "electrical", "happily", "analogist"}
    if EVAL.is_dir():
        vocabulary |= {w for t in _eval_sentences(per_file=10) for w in words(t)}
    vocabulary = sorted(vocabulary | {w.lower() for w in vocabulary})
    assert [stem(w) for w in vocabulary] == [sumy_stemmer(w) for w in vocabulary]
    assert stems.stemmer("english") is stem


def test_stop_words_are_sumys() -> None:
    get_stop_words = pytest.importorskip("sumy.utils").get_stop_words
    stems.stop_words.cache_clear()
    for language in ("english", "german", "french", "czech"):
        assert stems.stop_words(language) == get_stop_words(language)
    assert stems.stop_words("klingon") == frozenset()


def test_native_constants_are_sumys() -> None:
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from briefing.rank import native

    ours = (native.LEXRANK_THRESHOLD, native.LEXRANK_EPSILON)
    assert ours == (LexRankSummarizer.threshold, LexRankSummarizer.epsilon)


def test_a_names_initials_do_not_end_a_sentence() -> None:
    from briefing.model import Article
    from briefing.nlp.sentences import segment

    def split(text: str) -> list[str]:
        return [s.text for s in segment(Article(id="x", text=text)).sentences]

    assert split("Blues legend B.B. King was hospitalized. He is 89.") == [
        "Blues legend B.B. King was hospitalized.", "He is 89."]
    assert split("Former President George H.W. Bush was in hospital. He is 90.")[0].endswith("in hospital.")
    # Initials that stand for a place end a sentence, and so do initials before a function word.
    assert split("He lives in the U.S. The rest of his family does not.") == [
        "He lives in the U.S.", "The rest of his family does not."]


def test_a_lower_case_abbreviation_or_an_open_bracket_does_not_end_a_sentence() -> None:
    from briefing.model import Article
    from briefing.nlp.sentences import segment

    def split(text: str) -> list[str]:
        return [s.text for s in segment(Article(id="x", text=text)).sentences]

    assert split("He bought 8 oz. of gold. It rose.") == ["He bought 8 oz. of gold.", "It rose."]
    assert split("The launch is set for Friday (5 a.m. ET) Saturday. It was delayed.") == [
        "The launch is set for Friday (5 a.m. ET) Saturday.", "It was delayed."]
    assert split("At 3:01 a.m. ET Tuesday, fans got it. There's no movie yet.") == [
        "At 3:01 a.m. ET Tuesday, fans got it.", "There's no movie yet."]
    assert split("Sales of iPhone rose. iPhone sales fell.") == ["Sales of iPhone rose.", "iPhone sales fell."]
