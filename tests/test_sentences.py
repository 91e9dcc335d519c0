"""Offline sentence splitting: abbreviations, quotes, paragraphs and offsets."""

from __future__ import annotations

from briefing.model import Article
from briefing.nlp.sentences import segment
from briefing.nlp.tokenize import Tokenizer, words


def _texts(text: str, language: str = "english") -> list[str]:
    return [s.text for s in segment(Article(id="t", text=text, language=language)).sentences]


def test_abbreviations_do_not_end_sentences() -> None:
    text = ("Gen. Qassim Soleimani met U.S. officials on Dec. 27 in Baghdad. "
            "Mr. Smith of St. Louis said the U.S. Army was ready. He left.")
    assert _texts(text) == [
        "Gen. Qassim Soleimani met U.S. officials on Dec. 27 in Baghdad.",
        "Mr. Smith of St. Louis said the U.S. Army was ready.",
        "He left.",
    ]


def test_quotes_stay_with_their_sentence() -> None:
    text = "“The game has changed,” Mark Esper said. He added: “We will act.” Then he left."
    assert _texts(text) == [
        "“The game has changed,” Mark Esper said.",
        "He added: “We will act.”",
        "Then he left.",
    ]


def test_paragraphs_indices_and_offsets() -> None:
    text = "First one. Second one.\n\nThird one in a new paragraph.\nFourth on its own line."
    doc = segment(Article(id="t", text=text))
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 2]
    assert [s.index for s in doc.sentences] == [0, 1, 2, 3]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text


def test_wrapped_lines_are_joined_but_stay_verbatim() -> None:
    text = "The minister said the\nplan would pass. It did."
    doc = segment(Article(id="t", text=text))
    assert doc.sentences[0].text == "The minister said the plan would pass."
    assert " ".join(text[doc.sentences[0].start:doc.sentences[0].end].split()) == doc.sentences[0].text


def test_other_languages() -> None:
    assert _texts("Das ist z.B. ein Satz. Und noch einer.", "german") == [
        "Das ist z.B. ein Satz.", "Und noch einer."]
    assert _texts("Hola. ¿Qué tal? Muy bien.", "es") == ["Hola.", "¿Qué tal?", "Muy bien."]
    assert _texts("这是第一句。这是第二句！", "chinese") == ["这是第一句。", "这是第二句！"]


def test_punctuation_only_pieces_are_not_sentences() -> None:
    assert _texts("A real sentence.\n\n* * *\n\n---\n\nAnother one.") == ["A real sentence.", "Another one."]


def test_sumy_tokenizer_interface() -> None:
    tokenizer = Tokenizer("english")
    assert tokenizer.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    # Treebank tokens, keeping letters-only words the way sumy does (numbers, "U.S." and "'s" dropped).
    assert tokenizer.to_words("The U.S. army's 25 soldiers left.") == ("The", "army", "soldiers", "left")
    assert words("It's well-known") == ["It", "well-known"]


def test_datelines_are_not_part_of_the_first_sentence() -> None:
    assert _texts("(CNN)Former president Smith spoke. He left.")[0] == "Former president Smith spoke."
    assert _texts("LONDON, England (CNN) -- The queen spoke. Crowds cheered.")[0] == "The queen spoke."
    assert _texts("WASHINGTON (Reuters) - The Senate voted. It passed.")[0] == "The Senate voted."
    assert _texts("BEIRUT — A blast shook the port. Many were hurt.")[0] == "A blast shook the port."
    # Ordinary openings stay whole.
    assert _texts("NASA (the space agency) said it would launch.")[0] == "NASA (the space agency) said it would launch."
    assert _texts("The U.N. - and its allies - agreed.")[0] == "The U.N. - and its allies - agreed."


def test_limits_leave_sentences_out_with_a_note() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(30))
    doc = segment(Article(id="t", text=text), max_sentences=10)
    assert len(doc.sentences) == 10
    assert doc.article.notes == ("kept the first 10 of 30 sentences (see --max-sentences)",)
    run = "word " * 2000
    doc = segment(Article(id="t", text=f"A real sentence. {run}\n\nAnother real one."))
    assert [s.text for s in doc.sentences] == ["A real sentence.", "Another real one."]
    assert doc.article.notes == ("left out 1 run of over 5000 characters without a sentence break",)


def test_a_title_before_a_name_does_not_end_the_sentence() -> None:
    text = ("The ship was led by Capt. Benoit Zeisser of the navy. Officials said Gov. Jay Nixon would speak. "
            "Supt. Ann Lee and Det. Sgt. Bob Hope came. It was said by John Smith Jr. He agreed.")
    assert [s.text for s in segment(Article(id="t", text=text)).sentences] == [
        "The ship was led by Capt. Benoit Zeisser of the navy.", "Officials said Gov. Jay Nixon would speak.",
        "Supt. Ann Lee and Det. Sgt. Bob Hope came.", "It was said by John Smith Jr.", "He agreed."]


def test_a_title_case_place_before_a_news_agency_is_a_dateline() -> None:
    for text, first in [("New York (CNN)Kayla Mueller was an aid worker. She was 26.",
                         "Kayla Mueller was an aid worker."),
                        ("Cape Town, South Africa (Reuters) -- The rand fell. It recovered.", "The rand fell."),
                        ("Apple (AAPL) shares rose. They fell later.", "Apple (AAPL) shares rose.")]:
        assert segment(Article(id="t", text=text)).sentences[0].text == first


def test_a_numbers_abbreviation_does_not_end_the_sentence() -> None:
    text = ('"I rate this as No. 1 on my list of things I regret," said Bates. He was charged under Art. 5 of the '
            'code. Fig. 3 shows the route. She said no. 5 people were hurt.')
    assert [s.text for s in segment(Article(id="n", text=text)).sentences] == [
        '"I rate this as No. 1 on my list of things I regret," said Bates.',
        "He was charged under Art. 5 of the code.", "Fig. 3 shows the route.", "She said no.", "5 people were hurt."]


def test_a_name_begun_with_a_places_initials_is_not_cut_after_them() -> None:
    def texts(text: str) -> list[str]:
        return [s.text for s in segment(Article(id="x", text=text)).sentences]

    assert texts("He was taken into custody, Deputy U.S. Marshal Jamie Berry said. It was time.") == [
        "He was taken into custody, Deputy U.S. Marshal Jamie Berry said.", "It was time."]
    assert len(texts("He was charged, the U.S. Marshals Service said. She was not.")) == 2
    assert len(texts("It flourished between 900 B.C. and 612 B.C. The site is south of Mosul.")) == 2
    assert texts("He died in the U.S. He was 42.") == ["He died in the U.S.", "He was 42."]  # a place ends it
    # Names no list foresaw (cnndm-test): "the U.S." opens them far more often than it ends a sentence.
    for name in ("Religious Freedom Restoration Act", "Espionage Act", "Surgeon General Vivek Murthy",
                 "Drought Monitor"):
        assert len(texts(f"Such laws grew after the U.S. {name} was named. Then it ended.")) == 2, name
    assert texts("It was made in the U.K. The franchise grew.") == ["It was made in the U.K.", "The franchise grew."]


def test_a_list_bullet_is_no_part_of_its_sentence() -> None:
    doc = segment(Article(id="b", text="(CNN)Latest developments: . • Transponder data shows the autopilot was reset. "
                                       "▪ Another point here."))
    assert [s.text for s in doc.sentences][1:] == ["Transponder data shows the autopilot was reset.",
                                                   "Another point here."]
    assert all(doc.article.text[s.start:s.end] == s.text for s in doc.sentences)
    dashed = segment(Article(id="d", text="The motive was clear. -- In 2010, Kim was given a suspended sentence. "
                                          "It was -5 degrees."))
    assert [s.text for s in dashed.sentences] == ["The motive was clear.", "In 2010, Kim was given a suspended "
                                                  "sentence.", "It was -5 degrees."]


def test_each_line_of_a_dash_list_is_a_sentence_of_its_own() -> None:
    """"\n - Withdrawing from ... \n - Introduce laws ..." (a BBC list, no stops): one sentence each, without the
    dash; a dash inside a line is the text's own."""
    text = ("Mr Howard set out his plans.\n\n - Withdrawing from the 1951 convention \n - Introduce laws to allow "
            "removal \n\nThe plans - unveiled today - are new.\n- Tim Dams, Screen International: Film - The Aviator.")
    doc = segment(Article(id="l", text=text))
    assert [s.text for s in doc.sentences] == [
        "Mr Howard set out his plans.", "Withdrawing from the 1951 convention", "Introduce laws to allow removal",
        "The plans - unveiled today - are new.", "Tim Dams, Screen International: Film - The Aviator."]
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
