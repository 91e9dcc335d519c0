"""Language names: "en", "EN" and "English" are all "english" (the names sumy, Punkt and Snowball use)."""

from __future__ import annotations

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
