"""Attribution: the speech verb (or colon, tag, "in X's view") that introduces a quotation, and its subject.

See the package docstring for the order in which the places are tried.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ... import lexicon
from ...nlp.entities import Parsed
from .marks import QUOTE_CHARS, QuoteSpan, after_colon
from .speakers import DOCUMENTS, OWNED, agentive, is_age_description, personal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH = lexicon.words("speech_verbs")
# Nouns whose owner is the source of what follows: "in Netanyahu's view", "in her words".
_VIEWS = lexicon.words("view_nouns")
# Verbs reporting words someone else said: a quotation after "he heard X yelling" is not the teller's.
_HEARING = {"hear", "overhear"}
_TAG_ENDS = {",", ".", ";", "—", "--", "–", "!", "?"}


def speech_verbs_in(tokens: Span | list[Token]) -> list[Token]:
    """Speech verbs, "according (to)", and verbs whose object is a statement ("issued a statement")."""
    return [t for t in tokens if _is_speech(t)]


def _is_speech(t: Token) -> bool:
    if t.lower_ == "according":
        return t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"
    if t.lemma_ == "read" and t.tag_ == "VBG" and any(c.dep_ == "dobj" for c in t.children):
        return False  # "after reading the response": not words said
    return t.pos_ in ("VERB", "AUX") and (t.lemma_ in SPEECH or any(
        c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENTS for c in t.children))


def subject_of(verb: Token) -> Token | None:
    """The speaker token of a speech verb: its subject, "according to"'s object, a participle's head's subject,
    or the object of an inverted "..., reads the offer"; of "X quoted Y as saying", Y."""
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    if verb.lemma_.lower() in _VIEWS and verb.pos_ == "NOUN":
        return next((c for c in verb.children if c.dep_ == "poss"), None)
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in verb.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.tag_ in ("VBD", "VBZ", "VBP"):
        named = _name_before(verb)
        if named is not None:  # misparsed: '..., Bill Dwyre, who covered the match, told Open Court.'
            return named
    start = verb
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # 'Simply called "The Machine", it uses ...': a passive participle names what is called
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = max(subjects, key=lambda c: (c.pos_ == "PROPN", any(a.dep_ == "appos" for a in c.children)))
            # "A lawyer, Navalny branded"; "said the group's co-director, Chelsea Davis" (split at its hyphen)
            return subject if subject.dep_ == "nsubj" else None
        noun = verb.head
        if verb.tag_ == "VBG" and verb.dep_ == "acl" and noun.pos_ == "NOUN" and personal(noun) \
                and noun.lemma_.lower() not in DOCUMENTS | OWNED and noun.head.lower_ != "of":
            return noun  # "The event left local teenagers saying ...": the teenagers say it (not "a statement
            # saying", nor "the group of men chanting")
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":  # "..., with media outlets calling it ...": they do
            absolute = [c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i
                        and c.right_edge.i >= verb.i - 3]
            objects = [c for w in absolute for c in w.children if c.dep_ == "pobj"]
            if objects:  # a thing cannot speak: "addressed Putin with an expletive, telling him, ..."
                return objects[0] if agentive(objects[0]) else None
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl") or verb.tag_ in ("VB", "VBG") or verb.pos_ != "VERB":
            if verb.head == verb:
                break
            verb = verb.head  # "saying that ...", "went as far as to say ..."
        else:
            break
    before = start.doc[start.i - 1] if start.i > 0 else None
    if before is not None and is_age_description(before):  # "the 22-year-old said", parsed without a subject
        return before
    if before is not None and before.text in ('"', "”", "’", "'"):  # inverted: '"...," reads the offer'
        objects = [c for c in start.children if c.dep_ in ("dobj", "attr") and c.i > start.i]
        return objects[0] if objects else _name_after(start)
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """Y of "X quoted Y as saying" (from "quoted" or "saying"): the one whose words they are, not X who passes
    them on ('"...," a spokesman quoted him as saying')."""
    quote = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else verb
    if quote.lemma_ != "quote" or quote.pos_ != "VERB":
        return None
    saying = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.lemma_ in SPEECH
                                                                 for g in c.children) for c in quote.children)
    objects = [c for c in quote.children if c.dep_ == "dobj"]
    return objects[0] if saying and objects else None


def _name_after(verb: Token) -> Token | None:
    """The person's name ending a misparsed inverted tag: '"...," said 2004 Nobel Peace Prize winning
    environmentalist Wangari Maathai.' (the last token of the name, when nothing but its phrase follows)."""
    doc, end = verb.doc, verb.sent.end
    while end > verb.i + 1 and doc[end - 1].is_punct:
        end -= 1
    tail = doc[verb.i + 1:end]
    if not len(tail) or tail[-1].ent_type_ != "PERSON" or tail[-1].pos_ != "PROPN" \
            or any(t.text in (",", ";", ":", "--", "—") or t.text in QUOTE_CHARS for t in tail):
        return None
    return tail[-1]


def _name_before(verb: Token) -> Token | None:
    """A name whose phrase (with its apposition or "who" clause) ends right before a finite verb that the parser
    left without a subject: the verb's subject."""
    if verb.i == 0 or verb.doc[verb.i - 1].is_punct:
        return None
    found = None
    for t in [verb.doc[verb.i - 1], *verb.doc[verb.i - 1].ancestors]:
        if t.right_edge.i != verb.i - 1 or t.i > verb.i or verb in t.subtree:
            break
        if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG"):
            found = t
    if found is None:
        return None
    before = verb.doc[found.left_edge.i - 1] if found.left_edge.i > found.sent.start else None
    return found if before is None or before.text in (",", "--", "—") else None


# ---------------------------------------------------------------- attribution


def attribution_of(parsed: Parsed, span: QuoteSpan, spans: list[QuoteSpan]) -> tuple[Token | None, str]:
    """The speech verb that introduces a quotation span, if any, and where it was found: the first site."""
    return next(iter(attribution_sites(parsed, span, spans)), (None, ""))


def attribution_sites(parsed: Parsed, span: QuoteSpan, spans: list[QuoteSpan]) -> Iterator[tuple[Token, str]]:
    """Every place that may introduce a quotation span, in the order they are tried: a speech verb after it in
    its closing sentence ("after"), the verb of a short dialogue tag ("tag"), a speech verb before it in its
    opening sentence ("before"), "in X's view" ("view"), the clause of a colon ("colon"), a name standing alone
    before a colon ("name"), the speech verb the quotation depends on ("head"), a short "X said on Twitter."
    sentence right after it ("next"). Words someone was heard saying end the search: they are nobody's here."""
    doc = parsed.doc
    inside = [range(s.start, s.end + 1) for s in spans]

    def outside(t: Token) -> bool:
        return not any(t.i in r for r in inside)

    found: set[int] = set()

    def new(t: Token) -> bool:
        if t.i in found:
            return False
        found.add(t.i)
        return True

    closing = parsed.sentences[span.last]
    after = [t for t in speech_verbs_in(doc[span.end + 1:min(span.end + 12, closing.end)]) if outside(t)
             and all(outside(a) for a in t.ancestors)]  # not a clause the quotation governs: '"... better than"
    # what terrorist recruiters are telling them'
    if after and new(after[0]):
        yield after[0], "after"
    later = [t for t in speech_verbs_in(doc[span.end + 1:closing.end]) if outside(t)]
    if later and _long_subject(doc, span.end + 1, later[0]) and new(later[0]):  # '"...," U.S. Secretary of State
        yield later[0], "after"  # John Kerry and UK Foreign Secretary Philip Hammond said.'
    tag = _dialogue_tag(doc, span, closing)
    if tag is not None and new(tag):
        yield tag, "tag"
    opening = parsed.sentences[span.first]
    before = [t for t in speech_verbs_in(doc[opening.start:span.start]) if outside(t)]
    if before:  # the nearest, unless it has no speaker and the quotation does not depend on it, while an earlier
        quoted = doc[min(span.start + 1, span.end)]  # one does ('Cook said the watch, besides telling the time,
        governing = [t for t in before if t in quoted.ancestors]  # was "a companion"')
        if subject_of(before[-1]) is None and before[-1] not in governing and governing:
            if new(governing[-1]):
                yield governing[-1], "before"
        elif any(t.lemma_ in _HEARING and t.pos_ == "VERB" for t in doc[before[-1].i + 1:span.start]):
            return  # 'A pilot told us he heard the minister yelling, "..."': someone else's words
        elif new(before[-1]):
            yield before[-1], "before"
    view = [t for t in doc[opening.start:span.start] if t.lemma_.lower() in _VIEWS and outside(t)
            and any(c.dep_ == "poss" for c in t.children)]
    if view and new(view[-1]):  # 'In Netanyahu's view, ... its "threats to annihilate Israel"'
        yield view[-1], "view"
    colon = _colon_clause(doc, span, opening)
    if colon is not None and all(outside(t) for t in [colon, *colon.ancestors]) and new(colon):
        yield colon, "colon"
    name = _name_colon(doc, span, opening)
    if name is not None and new(name):
        yield name, "name"
    token = doc[min(span.start + 1, span.end)]
    for _ in range(6):  # the verb the quotation depends on: 'agreed that ID badges alone "are not enough"'
        if token.head == token:
            break
        token = token.head
        if outside(token) and token.pos_ in ("VERB", "AUX") and token.lemma_ in SPEECH:
            if new(token):
                yield token, "head"
            break
    if span.last + 1 < len(parsed.sentences):  # "Griffith said on Twitter." after the quotation
        tail = parsed.sentences[span.last + 1]
        verbs = speech_verbs_in(tail)
        if verbs and len(tail) <= 25 and not any(t.text in QUOTE_CHARS for t in tail) and not any(
                c.dep_ in ("ccomp", "dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ == "from")
                for c in verbs[0].children) and new(verbs[0]):  # not a credit line: "Sara Sidner reported from
            yield verbs[0], "next"  # Ferguson."


_NOT_SAYING = _HEARING | {"see", "watch", "show", "quote", "cite", "find", "hold", "carry", "wear", "depict",
                          "feature", "read", "sign", "display", "post", "share", "publish", "print", "release"}


def _colon_clause(doc: Doc, span: QuoteSpan, opening: Span) -> Token | None:
    """The verb of the clause that introduces a quotation with a colon ('Sen. James Risch dismissed the
    argument: "..."'), when nobody else is named between the verb and the colon ('quoted Lincoln: "..."') and the
    verb is no hearing, showing or carrying ('the video shows Johnson screaming: "..."', 'held a sign: "..."')."""
    if not after_colon(doc, span, opening.start):
        return None
    at = span.start - 1
    verb = doc[at]
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > at or verb.i < opening.start or verb.lemma_ in _NOT_SAYING \
            or verb.dep_ not in ("ROOT", "conj") or verb.tag_ in ("VBG", "VBN"):
        return None
    if any(t.ent_type_ in ("PERSON", "ORG") or t.text in QUOTE_CHARS for t in doc[verb.i + 1:at]):
        return None
    return verb


def _name_colon(doc: Doc, span: QuoteSpan, opening: Span) -> Token | None:
    """The last word of a name that stands alone before the colon introducing a quotation ('Or Louisiana Gov.
    Bobby Jindal: "..."', 'Pence: "..."'): the name is the speaker."""
    if not after_colon(doc, span, opening.start):
        return None
    words = list(doc[opening.start:span.start - 1])
    if words[0].pos_ in ("CCONJ", "ADV") and len(words) > 1:  # "Or ...", "Then ..."
        words = words[1:]
    capitalised = all(t.text == "." or (t.text[:1].isupper() and t.text.rstrip(".").isalpha()) for t in words)
    if len(words) > 6 or not capitalised or words[-1].ent_type_ not in ("", "PERSON"):
        return None
    return words[-1]  # the speaker only if it resolves to a person actor (see find_quotes)


def _long_subject(doc: Doc, start: int, verb: Token) -> bool:
    """Whether everything from `start` up to a verb is the verb's subject (a long name list or title)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None:
        return False
    inside = {t.i for t in subject.subtree}
    return all(t.i in inside or t.is_punct for t in doc[start:verb.i])


def _dialogue_tag(doc: Doc, span: QuoteSpan, closing: Span) -> Token | None:
    """The verb of a short tag right after a quotation that ends in a comma ('"...," he began, "..."', '"...?" she
    wondered.'): in that place any verb introduces the quotation."""
    if span.end < 2 or doc[span.end - 1].text not in (",", "?", "!"):
        return None
    stop = min(span.end + 7, closing.end)
    verb = next((t for t in doc[span.end + 1:stop] if t.pos_ == "VERB"), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    if any(t.i not in {w.i for w in subject.subtree} for t in doc[span.end + 1:verb.i]):
        return None  # more than a subject before the verb: not a tag
    after = doc[verb.i + 1] if verb.i + 1 < closing.end else None
    return verb if after is None or after.text in QUOTE_CHARS | _TAG_ENDS else None
