"""Pointing: the sentences whose parse shows they point at a sentence before them.

A demonstrative "that", "those" or "these" before a noun no clause of its own defines
("that health care worker", "these plans"; not "that day", a time: lexicon `time_nouns`, nor
"those people who ...") points at what an earlier sentence named, as "both" before a plural noun does
("both locations"; not "both Democrats and Republicans"), and so does "this" before such a noun in a
sentence's opening phrase ("To accomplish this goal, ...", "For this reason, ..."); a main clause the parser
opens with "that" is a misparse of the same determiner ("As of Monday, that health care
worker ..."). A subordinate clause standing as a sentence, with no main clause ("Because ...",
"..., as a Chihuahua discovered"), answers or completes a sentence left out. The first sentence
points at nothing. Sections show such a sentence only right after the one before it
(`sections.excerpts.standing`), as they do those the text rules and the stand-alone model catch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp.entities import Parsed

_DEMONSTRATIVES = ("that", "those", "these")


def subordinate_alone(sentence: Span) -> bool:
    """Whether a sentence is a subordinate clause with no main clause: a subordinating word (lexicon `subordinators`)
    introduces its main verb ("Because X." or "Not in the checked luggage, as an independent Chihuahua discovered on
    Tuesday."; "Because X, Y" hangs it on X, not on Y)."""
    root = sentence.root
    words = lexicon.words("subordinators")
    return any(c.dep_ == "mark" and c.i < root.i and c.lower_ in words for c in root.children)


def pointing_sentences(parsed: Parsed) -> frozenset[int]:
    """The indices of the sentences (after the first) that point outside them (see the module docstring)."""
    times = lexicon.words("time_nouns")

    def points_out(t: Token) -> bool:
        if t.lower_ == "both":  # "both locations": two things named before; "both X and Y" names them
            return t.dep_ == "det" and t.head.tag_ == "NNS" and not any(c.dep_ == "conj" for c in t.head.children)
        if t.lower_ == "this":  # "To accomplish this goal, ...": an opening phrase pointing at a goal named before
            noun = t.head if t.dep_ == "det" else None
            sentence = t.sent
            comma = next((c.i for c in sentence if c.text == ","), sentence.end)
            return (noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() not in times
                    and noun.i < min(comma, sentence.root.i) and noun.dep_ not in ("nsubj", "nsubjpass")
                    and not sentence[0].is_quote and not any(c.dep_ in ("relcl", "acl") for c in noun.children))
        if t.lower_ not in _DEMONSTRATIVES:
            return False
        noun = t.head if t.dep_ == "det" else None
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ == "ROOT" and t.i + 1 < len(t.doc):
            noun = next((n for n in t.doc[t.i + 1:t.head.i] if n.pos_ == "NOUN" and n.dep_ != "compound"), None)
        return (noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() not in times
                and not any(c.dep_ in ("relcl", "acl") for c in noun.children))

    return frozenset(i for i, sentence in enumerate(parsed.sentences)
                     if i > 0 and (subordinate_alone(sentence) or any(map(points_out, sentence))))
