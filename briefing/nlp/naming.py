"""Whether a text names an actor: one answer for every stage that asks.

An actor is named by its canonical name, any variant the article used, and, for
a person, the surname alone ("Soleimani" for "Qassim Soleimani"). Forms of fewer
than three characters are too ambiguous to count ("Al", "Mo"). A form must stand
as whole words, case as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

MIN_FORM = 3  # characters


def actor_forms(name: str, variants: Iterable[str] = (), person: bool = False) -> frozenset[str]:
    """The forms a text may name an actor by (see the module docstring)."""
    forms = {name, *variants}
    if person and name.split():
        forms.add(name.split()[-1])
    return frozenset(f for f in forms if len(f) >= MIN_FORM)


@lru_cache(maxsize=4096)
def name_pattern(forms: frozenset[str]) -> re.Pattern[str] | None:
    """A pattern matching any of `forms` as whole words, longest first (None when there is none)."""
    if not forms:
        return None
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in ordered) + r")(?!\w)")


def names_any(text: str, forms: frozenset[str]) -> bool:
    """Whether `text` names one of `forms`."""
    pattern = name_pattern(forms)
    return pattern is not None and pattern.search(text) is not None
