"""Names of actors and places: their kinds, comparison keys and acronyms, and the mention and cluster records.

A mention is one span of the parse that names a person, an organisation or a
place; a cluster is all the mentions of one of them, with its canonical name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .words import NICKNAME, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
NER_KIND = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
# Entity labels whose spans are candidate names: NER's kinds of names, and labels NER gives names it misreads
# ("Coldplay"/NORP, "The Dallas Morning News"/EVENT); UNTAGGED marks capitalised names it did not tag.
UNTAGGED = "UNTAGGED"
CANDIDATE_LABELS = frozenset({*NER_KIND, "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", UNTAGGED})
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|an|ash|at|az)[-‐]", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: str
    sentence: int  # index of the Document sentence

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class Cluster:
    kind: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.sentence for m in self.mentions)

    def forms(self) -> list[str]:
        """Surface forms in order of first appearance."""
        seen: dict[str, None] = {}
        for mention in sorted(self.mentions, key=lambda m: m.span.start):
            seen.setdefault(mention.text)
        return list(seen)

    @property
    def name(self) -> str:
        """The canonical name: the longest form (most words, then characters), first seen on ties, without a
        quoted nickname (Dwayne "The Rock" Johnson is "Dwayne Johnson")."""
        return NICKNAME.sub(" ", max(self.forms(), key=lambda f: (len(f.split()), len(f))))


def name_key(text: str) -> str:
    """A comparison key: case, apostrophe style and name particles ignored."""
    words = text.replace("’", "'").replace("‘", "'").lower().split()
    return " ".join(_NAME_PARTICLE.sub("", w) for w in words)


def acronym_of(text: str) -> str | None:
    """The letters of an acronym ("U.S." -> "US"), or None if `text` is not one."""
    letters = text.replace(".", "")
    return letters if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else None


def initials_of(text: str) -> set[str]:
    """Acronyms a multi-word name may go by: initials with and without its small words."""
    words = re.findall(r"[^\W\d_][\w'’]*", text)
    if len(words) < 2:
        return set()
    all_words = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper()).upper()
    return {all_words, capitals} - {""}


def is_call_sign(token: Token) -> bool:
    """An all-capital name NER left untagged ("KMSP", "UNICEF"): an organisation's acronym or call sign."""
    return token.is_alpha and token.is_upper and 3 <= len(token) <= 6 and not token.ent_type_ \
        and token.lower_ not in TITLES
