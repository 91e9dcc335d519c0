"""Candidate speakers of a quotation, described by features, and the learned choice among them.

For each quotation the candidates are: the resolved subject of every place that may introduce it (a speech
verb after it, a dialogue tag, a speech verb before it, "in X's view", a colon's clause or a name before a
colon, the verb it depends on, a short attribution sentence after it: see `attribution.attribution_sites`),
the speaker of the quotation it may continue, the people and organisation in focus (the person a "he"/"she"
left unanchored most likely stands for among them), and the people standing as subjects just before it.
One label proposed several ways is one candidate with every way among its features.

Each candidate is described by named features (which sites propose it and how their subject names it, the
speech verb, the continuation, whether it is an actor, a person, an organisation, how salient, how recently
and where it was mentioned, who else was mentioned since, gender agreement with a pronoun, what the former
rules chose ...), and a logistic model (`briefing/models/speakers.json`, trained by
`scripts/train_speakers.py` on the dev annotations) scores each. The best-scored candidate is the speaker
when its probability reaches the model's threshold; otherwise the quotation gets no speaker: a wrong
speaker is worse than none.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import learn, lexicon
from ...model import Document
from ...nlp.entities import Parsed
from .marks import QuoteSpan, clause_before, whole_sentences
from .speakers import FEMALE, MALE, Resolver, agentive

if TYPE_CHECKING:
    from spacy.tokens import Token

# The model's features. A site is where a subject was found (see `attribution.attribution_sites`); the first
# site's place and its subject's kind are the former rules' tier ("after:name", "before:pronoun" ...).
SITE_FEATURES = ("site_after", "site_tag", "site_before", "site_view", "site_colon", "site_name", "site_head",
                 "site_next")
SUBJECT_KINDS = ("name", "pronoun", "description", "written")
TIER_SITES = ("after", "before", "other")
VERBS = lexicon.ordered("attribution_verbs")  # speech verbs with a feature of their own; the rest: "verb_other"
FEATURES: tuple[str, ...] = (
    *SITE_FEATURES, "site_first", "site_count",
    *(f"subject_{k}" for k in SUBJECT_KINDS), "subject_unsure", "colon_unfit", "pronoun_unanchored",
    *(f"verb_{v}" for v in VERBS), "verb_other", "verb_gap",
    "pronoun_focus", "gender_agrees", "gender_differs", "subject_agentive", "titled", "introduced",
    "nearest_subject", "nearest_person", "name_mismatch", "description_mismatch", "clause_subject", "clause_other",
    "written_definite", "written_plural",
    *(f"tier_{s}_{k}" for s in TIER_SITES for k in SUBJECT_KINDS),
    "carry_speaker", "carry_gap", "carry_whole", "carry_clause", "carry_p", "carry_indirect", "carry_alone",
    "focus_person", "focus_second", "focus_organization", "last_speaker", "subject_before",
    "is_person", "is_organization", "is_actor", "is_written", "actor_rank", "actor_mentions",
    "named_inside", "named_here", "mention_gap", "never_mentioned", "rivals_since", "same_paragraph", "quoted_before",
    "no_site", "whole_sentences", "rule_choice", "rule_none",
)
MAX_GAP = 6  # sentences: a mention farther back counts as this far
CARRY_BACK = 3  # a quotation may continue one that ended up to this many sentences before


@dataclass
class Candidate:
    """One possible speaker of a quotation and what speaks for and against it."""

    label: str
    features: dict[str, float] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)  # how it was proposed: "after:name", "carry", "focus" ...


@dataclass(frozen=True)
class Carried:
    """The latest attributed quotation (or indirect speech): where it ended, its speaker, how surely."""

    sentence: int
    speaker: str | None  # the label given, or else the best candidate when none was given
    tier: str
    probability: float = 1.0
    given: bool = True  # whether the speaker was given (not only the best candidate)


# A choice among candidates: the best one (None when there is none), its probability, and whether it is given.
Chooser = Callable[[Sequence[Candidate]], tuple[Candidate | None, float, bool]]


def model_chooser(model: learn.LinearModel | None = None) -> Chooser:
    """The learned choice: the best-scored candidate when its probability reaches the model's threshold."""
    scorer = model if model is not None else learn.model("speakers", FEATURES)

    def choose(candidates: Sequence[Candidate]) -> tuple[Candidate | None, float, bool]:
        best, p = None, -1.0
        for candidate in candidates:
            q = scorer.probability(candidate.features)
            if q > p:
                best, p = candidate, q
        return best, max(p, 0.0), best is not None and p >= scorer.threshold

    return choose


def rule_chooser(candidates: Sequence[Candidate]) -> tuple[Candidate | None, float, bool]:
    """What the former hand rules chose (the candidate marked "rule_choice"): the first round of training."""
    chosen = next((c for c in candidates if c.features.get("rule_choice")), None)
    return chosen, 1.0 if chosen is not None else 0.0, chosen is not None


class Pool:
    """The candidates of one quotation, gathered from its attribution sites, the continuation and the focus."""

    def __init__(self, doc: Document, parsed: Parsed, resolver: Resolver, span: QuoteSpan) -> None:
        self.doc, self.parsed, self.resolver, self.span = doc, parsed, resolver, span
        self.by_label: dict[str, Candidate] = {}
        self.sites = 0
        self.pronoun: Token | None = None  # an unanchored "he"/"she" subject of the first site
        self.sited: set[int] = set()  # subject tokens of the sites
        self.places: set[str] = set()  # where the sites are
        self.clause_label: str | None = None  # the subject of a clause the quotation belongs to

    def add(self, label: str | None, source: str, **features: float) -> Candidate | None:
        """Propose a label (None and empty labels are no candidates); features add up by their maximum."""
        if not label:
            return None
        candidate = self.by_label.setdefault(label, Candidate(label))
        candidate.sources.append(source)
        for name, value in features.items():
            candidate.features[name] = max(candidate.features.get(name, 0.0), value)
        return candidate

    def site(self, rank: int, verb: Token, source: str, subject: Token | None, label: str | None, kind: str,
             unsure: bool, unfit: bool) -> None:
        """A speech verb (or colon, tag, view, name) introducing the quotation, with its subject's label."""
        self.sites += 1
        if rank == 0 and subject is not None and kind == "pronoun" and subject.lower_ in MALE | FEMALE:
            self.pronoun = subject
        self.places.add(source)
        if subject is not None:
            self.sited.add(subject.i)
        if subject is None or label is None:
            return
        if kind == "written" and subject.pos_ in ("NOUN", "PROPN"):
            titled = self.resolver.titled(subject) if subject.lower_ != label.lower() else None
            self.add(titled, "titled", titled=1.0)  # "the President" after "President Obama"
            self.add(introduced(subject, self.resolver.quoted), "introduced", introduced=1.0)  # "a Western diplomat"
        words = {t.lower_.removesuffix("'s") for t in subject.subtree if t.is_alpha}
        overlap = bool(words & set(label.lower().split()))
        if kind == "description":
            overlap = overlap or bool(words & self.resolver.descriptions(label)) or bool(
                words & {w for text in self.resolver.described(label) for w in text.lower().split()})
        lemma = verb.lemma_.lower() if verb.lower_ != "according" else "according"
        verb_features = {f"verb_{lemma}": 1.0} if lemma in VERBS else {"verb_other": 1.0}
        gap = verb.i - self.span.end if verb.i > self.span.end else max(self.span.start - verb.i, 0)
        extra = {f"tier_{source if source in TIER_SITES else 'other'}_{kind}": 1.0} if rank == 0 else {}
        if kind == "written":  # "the President" is most often someone named before; "local teenagers" is not
            definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these",
                                                                                   "those")) for c in subject.children)
            extra |= {"written_definite": float(definite), "written_plural": float(subject.tag_ in ("NNS", "NNPS"))}
        self.add(label, f"{source}:{kind}", **{f"site_{source}": 1.0, f"subject_{kind}": 1.0}, **verb_features, **extra,
                 site_first=float(rank == 0), site_count=0.0, subject_unsure=float(unsure),
                 colon_unfit=float(unfit), verb_gap=math.log1p(gap), subject_agentive=float(agentive(subject)),
                 name_mismatch=float(kind == "name" and not overlap),
                 description_mismatch=float(kind == "description" and not overlap))
        self.by_label[label].features["site_count"] = self.by_label[label].features.get("site_count", 0.0) + 1

    def clause(self) -> None:
        """The subject of the verb that is no speech verb and governs the quotation from before it in its sentence
        ('The singer advised her to "..."'): the quotation is that clause's, so its subject is a candidate, and
        every other candidate is less likely."""
        doc, r = self.parsed.doc, self.resolver
        if self.places & {"before", "view", "colon", "name", "head"}:
            return  # a site before the quotation introduces it
        opening = self.parsed.sentences[self.span.first]
        verb = doc[min(self.span.start + 1, self.span.end)]
        for _ in range(6):
            if verb.head == verb:
                return
            verb = verb.head
            if verb.pos_ in ("VERB", "AUX") and opening.start <= verb.i < self.span.start and verb.i not in r.quoted:
                break
        else:
            return
        if not opening.start <= verb.i < self.span.start or verb.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i in self.sited for c in verb.children):
            return
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return
        self.clause_label = r.resolve(subject) or subject.lower_
        self.add(r.resolve(subject), "clause", clause_subject=1.0)

    def carry(self, carried: Carried | None, first: int) -> None:
        """The speaker of the quotation this one may continue (ended at most CARRY_BACK sentences before)."""
        if carried is None or carried.speaker is None or carried.sentence < first - CARRY_BACK:
            return
        self.add(carried.speaker, "carry", carry_speaker=1.0, carry_gap=float(first - carried.sentence),
                 carry_whole=float(whole_sentences(self.parsed, self.span)),
                 carry_clause=float(clause_before(self.parsed, self.span)),
                 carry_p=carried.probability if carried.given else -carried.probability,  # negative: only the
                 # best candidate of a quotation that was given no speaker
                 carry_indirect=float(carried.tier.startswith("carry-indirect")))

    def focus(self) -> None:
        """The people and the organisation in focus, and the people standing as subjects just before."""
        focus = self.resolver.focus
        wanted = None if self.pronoun is None else "m" if self.pronoun.lower_ in MALE else "f"
        for rank, person in enumerate(focus.people[:2]):
            extra = {"pronoun_focus": 1.0} if wanted is not None and self.pronoun is not None \
                and self.resolver.resolved.get(self.pronoun.i) is None else {}
            self.add(person, "focus", **{"focus_person" if rank == 0 else "focus_second": 1.0}, **extra)
        if focus.organizations:
            self.add(focus.organizations[0], "focus", focus_organization=1.0)
        if self.resolver.last_speaker:
            self.add(self.resolver.last_speaker, "last", last_speaker=1.0)
        first = self.span.first
        for s in (first - 1, first):
            if s < 0:
                continue
            for t in self.parsed.sentences[s]:
                if t.dep_ in ("nsubj", "nsubjpass") and t.i not in self.resolver.quoted and t.i < self.span.start \
                        and t.i in self.resolver.resolved:
                    label = self.resolver.resolved[t.i]
                    if label in self.resolver.kinds or label in self.resolver.named_people:
                        self.add(label, "subject", subject_before=1.0)
        nearest = self.nearest()
        if nearest[0] is not None:
            self.add(nearest[0], "nearest", nearest_subject=1.0)
        if nearest[1] is not None:
            self.add(nearest[1], "nearest", nearest_person=1.0)
        if wanted is not None:
            for candidate in self.by_label.values():
                gender = focus.gender.get(candidate.label)
                candidate.features["gender_agrees"] = float(gender == wanted)
                candidate.features["gender_differs"] = float(gender is not None and gender != wanted)

    def nearest(self) -> tuple[str | None, str | None]:
        """The person nearest before the quotation standing as a subject, and the person named nearest before it
        (outside quotation marks, in its sentence and up to three sentences back)."""
        r = self.resolver
        start = self.parsed.sentences[max(self.span.first - 3, 0)].start
        subject = person = None
        for i in range(self.span.start - 1, start - 1, -1):
            if i in r.quoted:
                continue
            label = r.names.get(i) or r.resolved.get(i)
            if label is None or not (r.kinds.get(label) == "person" or label in r.named_people):
                continue
            t = self.parsed.doc[i]
            if person is None and t.dep_ != "poss":
                person = label
            if subject is None and (t.dep_ in ("nsubj", "nsubjpass") or (
                    t.dep_ in ("compound", "flat", "appos") and t.head.dep_ in ("nsubj", "nsubjpass"))):
                subject = label
            if subject is not None and person is not None:
                break
        return subject, person

    def candidates(self, rule: str | None) -> list[Candidate]:
        """Every candidate with its features complete (rule: the label the former rules chose)."""
        context = _Context(self.doc, self.parsed, self.resolver, self.span)
        found = list(self.by_label.values())
        for candidate in found:
            f = candidate.features
            f.update(context.describe(candidate.label))
            f["no_site"] = float(self.sites == 0)
            f["whole_sentences"] = float(whole_sentences(self.parsed, self.span))
            f["rule_choice"] = float(candidate.label == rule)
            f["rule_none"] = float(rule is None)
            f["pronoun_unanchored"] = float(self.pronoun is not None)
            f["carry_alone"] = f.get("carry_speaker", 0.0) * float(self.sites == 0)
            f["clause_other"] = float(self.clause_label is not None and candidate.label != self.clause_label)
        return found


class _Context:
    """What the document around a quotation says about a label: its kind, salience and mentions."""

    def __init__(self, doc: Document, parsed: Parsed, resolver: Resolver, span: QuoteSpan) -> None:
        self.doc, self.parsed, self.resolver, self.span = doc, parsed, resolver, span
        self.rank = {a.name: i for i, a in enumerate(resolver.actors)}
        self.mentioned = {a.name: a.mentions for a in resolver.actors}
        self.inside = range(span.start, span.end + 1)

    def mentions(self, label: str) -> list[int]:
        """Tokens naming a label (by an actor's name, or a subject resolved to it), outside quotation marks."""
        r = self.resolver
        last = label.split()[-1]
        found = [i for i, name in r.names.items() if name == label]
        found += [i for i, name in r.resolved.items() if name == label]
        if label not in r.kinds:
            found += [t.i for t in self.parsed.doc if t.text == last and t.text[:1].isupper()]
        return sorted({i for i in found if i not in r.quoted})

    def describe(self, label: str) -> dict[str, float]:
        r, doc = self.resolver, self.parsed.doc
        kind = r.kinds.get(label)
        person = kind == "person" or label in r.named_people
        mentions = self.mentions(label)
        before = [i for i in mentions if i < self.span.start]
        here = {self.span.first, self.span.last}
        inside = any(r.names.get(i) == label for i in self.inside) or any(
            doc[i].text == label.split()[-1] for i in self.inside)
        gap = MAX_GAP
        paragraph = 0.0
        rivals = 0
        if before:
            latest = before[-1]
            sentence = self.parsed.sentence_of(doc[latest].idx)
            gap = min(self.span.first - sentence, MAX_GAP)
            paragraph = float(self.doc.sentences[sentence].paragraph == self.doc.sentences[self.span.first].paragraph)
            others = {name for i, name in r.names.items() if latest < i < self.span.start and i not in r.quoted
                      and name != label and r.kinds.get(name) == "person"}
            rivals = min(len(others), 3)
        quoted_before = any(q.speaker == label for i, q in r.speakers.items()
                            if self.span.first - CARRY_BACK <= i < self.span.first)
        return {
            "is_person": float(person), "is_organization": float(kind == "organization"),
            "is_actor": float(kind is not None), "is_written": float(kind is None and not person),
            "actor_rank": 1.0 / (1 + self.rank.get(label, 20)),
            "actor_mentions": math.log1p(self.mentioned.get(label, 0)), "named_inside": float(inside),
            "named_here": float(any(self.parsed.sentence_of(doc[i].idx) in here for i in mentions)),
            "mention_gap": gap / MAX_GAP, "never_mentioned": float(not before), "rivals_since": float(rivals),
            "same_paragraph": paragraph, "quoted_before": float(quoted_before),
        }


def introduced(token: Token, quoted: set[int]) -> str | None:
    """The phrase that first introduced a definite description's person outside quotation marks ("a Western
    diplomat" for "the diplomat"): the latest earlier noun phrase with the same head after "a" or "an"."""
    if not any(c.lower_ == "the" for c in token.children):
        return None
    for t in reversed(token.doc[:token.i]):
        if t.lower_ == token.lower_ and t.i not in quoted and any(c.lower_ in ("a", "an") for c in t.children):
            return token.doc[t.left_edge.i:t.i + 1].text
    return None
