"""Word lists as data: one file per concept and language, loaded once.

Each list is `briefing/lexicon/<language>/<concept>.txt`: a header of `#` lines
saying what the list is for and where it came from, then one entry per line (an
entry may hold spaces: "new york"). A table's lines are `key -> value`. Lists are
read on first use and kept.

    lexicon.words("titles")               -> frozenset of entries
    lexicon.ordered("stigma_words")        -> tuple, in file order
    lexicon.table("title_abbreviations")   -> dict (an entry without "->" maps to "")

Languages without a file for a concept get an empty list: the rules that use it
then find nothing, as they should for a language they were not written for.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

SEPARATOR = " -> "


@cache
def _lines(concept: str, language: str) -> tuple[str, ...]:
    if not (language.isalpha() and concept.replace("_", "").isalpha()):
        return ()  # a language name is a word, never a path
    try:
        text = resources.files(__name__).joinpath(language, f"{concept}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        if language == "english":
            raise KeyError(f"no word list {concept!r}") from None
        return ()
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def ordered(concept: str, language: str = "english") -> tuple[str, ...]:
    """The entries of a list in file order."""
    return tuple(line.split(SEPARATOR)[0] for line in _lines(concept, language))


@cache
def words(concept: str, language: str = "english") -> frozenset[str]:
    """The entries of a list."""
    return frozenset(ordered(concept, language))


@cache
def table(concept: str, language: str = "english") -> dict[str, str]:
    """A list of `key -> value` lines as a dict (a line without a value maps to "")."""
    pairs = (line.split(SEPARATOR, 1) for line in _lines(concept, language))
    return {p[0]: (p[1] if len(p) > 1 else "") for p in pairs}


def languages() -> list[str]:
    """The languages there are lists for."""
    root = resources.files(__name__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.isalpha())


def concepts(language: str = "english") -> list[str]:
    """The lists there are for a language."""
    folder = resources.files(__name__).joinpath(language)
    return sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))
