"""A story's headline: the article's title, else one cut from the sentence that says what happened.

An untitled article's headline is the main clause of its news lede, cut to at most
`max_words` words at constituent boundaries (`sections.cutting`). The news lede is
the first sentence that is not page furniture, unless it is a teaser -- a question,
words to the reader ("If you've been following ..."), a sentence leaning on another
("He is, of course, ..."), or one naming nothing (no name, no number) -- and one of
the next `LEDE_SPAN - 1` sentences is not; then it is that one.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING

from .. import lexicon
from ..analysis import Analysis
from ..analysis.pointing import subordinate_alone
from ..model import Document, pieces_text
from ..nlp.entities import Parsed
from ..nlp.furniture import is_furniture_sentence
from ..rank.standalone import points_back
from .cutting import headline_pieces, text_headline

if TYPE_CHECKING:
    from spacy.tokens import Span

LEDE_SPAN = 3  # sentences a news lede is looked for in
LEDE_MORE = 2  # sentences more it is looked for in when the first that says what happened is no lede alone
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d")


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def is_teaser(text: str, language: str = "english") -> bool:
    """Whether a sentence asks or speaks to the reader rather than tells ("Do you remember the talk about ...?",
    "Well, you might want to forget it."): a question, or words to the reader outside a quotation."""
    if text.rstrip(" \"'”’)!").endswith("?"):  # "... a Muslim Santa?!"
        return True
    reader = lexicon.words("reader_words", language)
    return any(w.lower().replace("’", "'") in reader for w in _WORDS.findall(_QUOTED.sub(" ", text)))


def says_what_happened(text: str, language: str = "english", naming: bool = True) -> bool:
    """Whether a sentence can head a story: no teaser (`is_teaser`), leaning on nothing, and (`naming`) naming
    something (a capitalised word after the first, or a number)."""
    if is_teaser(text, language) or points_back(text, language):
        return False
    found = _WORDS.findall(text)
    return not naming or any(w.isdigit() or w[0].isupper() for w in found[1:])


def news_lede(doc: Document, naming: bool = True, parsed: Parsed | None = None) -> int | None:
    """The sentence an untitled article's headline is cut from (see the module docstring), or None; `naming`:
    see `says_what_happened` (Situation's lede need not name anything). With the parse, a name that opens the
    sentence counts, and neither a subordinate clause standing alone (`analysis.pointing.subordinate_alone`), a
    main clause about "he" or "they" nor one without a finite verb is a lede when a later one of the first
    `LEDE_SPAN + LEDE_MORE` is; when the first `LEDE_SPAN` only ask or tease, the lede is the first of those that
    says what happened ("If death is the big sleep, ...? ... Or is it simply euthanasia in disguise? Members of
    the French Parliament offered resounding support Tuesday ...")."""
    candidates = list(islice((s.index for s in doc.sentences if not is_furniture_sentence(s.text)),
                             LEDE_SPAN + LEDE_MORE))
    language = doc.article.language
    spans = parsed.sentences if parsed is not None else None

    def opens_on_a_name(i: int) -> bool:  # the parse sees the name a capital alone cannot ("Texas is nearly out ...")
        return spans is not None and len(spans[i]) > 0 and (spans[i][0].pos_ == "PROPN" or bool(spans[i][0].ent_type_))

    told = [i for i in candidates
            if says_what_happened(doc.sentences[i].text, language, naming and not opens_on_a_name(i))]
    whole = [i for i in told if spans is None or not (subordinate_alone(spans[i]) or _pronoun_subject(spans[i])
                                                       or not _finite(spans[i]))]
    if told and told[0] in candidates[:LEDE_SPAN] and told[0] not in whole:
        return whole[0] if whole else told[0]  # a fragment lede, or one about "he": the next that says what happened
    if told and told[0] not in candidates[:LEDE_SPAN]:  # the first sentences only ask or tease: the first that tells
        return whole[0] if whole else told[0]
    return next((i for i in whole if i in candidates[:LEDE_SPAN]), candidates[0] if candidates else None)


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(sentence: Span) -> bool:
    """Whether a sentence's main clause has a finite verb: "One hundred and forty-seven victims." and "Many more
    families affected." have none, so they head no story."""
    root = sentence.root
    return root.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS
                                            for c in root.children)


def _pronoun_subject(sentence: Span) -> bool:
    """Whether a sentence's main clause has a pronoun for its subject ("At times, he got raucous applause ..."): it
    says what happened, but not to whom."""
    pronouns = lexicon.words("third_person_pronouns")
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in pronouns for c in sentence.root.children)


def headline(analysis: Analysis, max_words: int) -> tuple[str, int | None]:
    """The story's headline, and the index of the sentence it was cut from (None: the title, or the id)."""
    doc = analysis.doc
    if doc.article.title:
        return doc.article.title, None
    lede = news_lede(doc, parsed=analysis.parsed)
    if lede is None:
        return doc.article.id, None
    text = doc.sentences[lede].text
    parsed = analysis.parsed
    pieces = (headline_pieces(parsed.sentences[lede], max_words) if parsed
              else text_headline(text, max_words, doc.article.language))
    return pieces_text(text, pieces), lede


def plain_headline(doc: Document, max_words: int) -> str:
    """A story's headline without its analysis (a story listed in one line): the title, else the news lede cut
    to `max_words` words at a clause mark, else the id."""
    if doc.article.title:
        return doc.article.title
    lede = news_lede(doc)
    if lede is None:
        return doc.article.id
    text = doc.sentences[lede].text
    return pieces_text(text, text_headline(text, max_words, doc.article.language))
