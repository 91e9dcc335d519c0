"""Language names ("en", "EN" and "English" are all "english", the names sumy, Punkt and Snowball use), and telling
a text's language from its function words or its script."""

from __future__ import annotations

import re
from functools import cache

LANGUAGE_ALIASES = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish",
    "it": "italian", "pt": "portuguese", "nl": "dutch", "cs": "czech",
    "sk": "slovak", "pl": "polish", "ru": "russian", "sv": "swedish",
    "da": "danish", "fi": "finnish", "no": "norwegian", "el": "greek",
    "tr": "turkish", "et": "estonian", "sl": "slovene", "uk": "ukrainian",
    "zh": "chinese", "ja": "japanese", "ko": "korean", "ar": "arabic",
    "he": "hebrew",
}


def normalize_language(language: str) -> str:
    """Map 'en', 'EN' or 'English' to 'english'."""
    key = language.strip().lower()
    return LANGUAGE_ALIASES.get(key, key)


AUTO = "auto"  # detect each article's language from its text
DEFAULT = "english"  # when the text says too little to tell
SAMPLE_WORDS = 400  # words of a text looked at
MIN_SHARE = 0.12  # of the words, at least this share must be the language's function words ...
MIN_LEAD = 0.03  # ... and this much more than the next language's
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Scripts that name their language (or family) outright: (first code point, last, language).
_SCRIPTS = (
    (0x0370, 0x03FF, "greek"), (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0E00, 0x0E7F, "thai"),
    (0x3040, 0x30FF, "japanese"), (0xAC00, 0xD7AF, "korean"), (0x4E00, 0x9FFF, "chinese"),
)
_IN_SCRIPT = tuple((re.compile(f"[{chr(first)}-{chr(last)}]"), language) for first, last, language in _SCRIPTS)
_KANA = next(script for script, language in _IN_SCRIPT if language == "japanese")  # kana: Japanese among Han


@cache
def _languages_of() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Each function word -> the languages it belongs to; and every language with a list."""
    from .. import lexicon

    index: dict[str, list[str]] = {}
    languages = tuple(lang for lang in lexicon.languages() if lexicon.words("function_words", lang))
    for language in languages:
        for word in lexicon.words("function_words", language):
            index.setdefault(word, []).append(language)
    return {w: tuple(langs) for w, langs in index.items()}, languages


def detect(text: str) -> str | None:
    """The language of `text` by the share of its words that are each language's function words (or by its
    script: Greek, Hebrew, Arabic, Thai, Japanese, Korean, Chinese); None when the text says too little."""
    sample = text[:SAMPLE_WORDS * 12]
    letters = "".join(filter(str.isalpha, sample))
    if not letters.isascii():  # every script of _SCRIPTS lies beyond ASCII
        for script, language in _IN_SCRIPT:
            if len(script.findall(letters)) > 0.3 * len(letters):
                return "japanese" if language == "chinese" and _KANA.search(letters) else language
    words = [w.lower() for w in _WORD.findall(sample)][:SAMPLE_WORDS]
    if len(words) < 5:
        return None
    index, languages = _languages_of()
    counts = dict.fromkeys(languages, 0)
    for word in words:
        for language in index.get(word, ()):
            counts[language] += 1
    shares = sorted(((n / len(words), language) for language, n in counts.items()), reverse=True)
    (best, language), (second, _) = shares[0], shares[1]
    return language if best >= MIN_SHARE and best - second >= MIN_LEAD else None


def resolve(language: str, text: str) -> str:
    """A normalised language name; "auto" becomes the text's detected language (else DEFAULT)."""
    name = normalize_language(language)
    return (detect(text) or DEFAULT) if name == AUTO else name
