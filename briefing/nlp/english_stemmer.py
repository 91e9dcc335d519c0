"""The English Snowball stemmer exactly as NLTK implements it, without importing NLTK.

NLTK's `EnglishStemmer` (which sumy's `Stemmer("english")` wraps) keeps the
regions R1 and R2 as strings and shortens them with the word; where a suffix
straddles a region's start it guesses the region ("" or "e"), so a few stems
differ from the reference Snowball algorithm that PyStemmer and snowballstemmer
implement ("realization": NLTK "realize", libstemmer 2.2 "realiz"; libstemmer
3.x also changed "-ogist", "added", "emergency"). Stems must stay the ones
sumy uses, so this is NLTK 3.x's algorithm step for step (Apache License 2.0,
the NLTK Project), checked against it on every word of the evaluation data
(`benchmarks/speed.py --parity`) and on a sample in `tests/test_tokens.py`.
"""

from __future__ import annotations

import re

_VOWELS = "aeiouy"
_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_LI_ENDING = "cdeghkmnrt"
_STEP0 = ("'s'", "'s", "'")
_STEP1A = ("sses", "ied", "ies", "us", "ss", "s")
_STEP1B = ("eedly", "ingly", "edly", "eed", "ing", "ed")
_STEP2 = ("ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli", "entli", "ation",
          "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci", "abli", "izer", "ator", "alli", "bli", "ogi",
          "li")
_STEP3 = ("ational", "tional", "alize", "icate", "iciti", "ative", "ical", "ness", "ful")
_STEP4 = ("ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
          "ion", "al", "er", "ic")
# Step 2 replacements: suffix -> (new ending, region value when the suffix is longer than R2).
_STEP2_REPLACE = {
    "izer": ("ize", ""), "ization": ("ize", ""),
    "ational": ("ate", "e"), "ation": ("ate", "e"), "ator": ("ate", "e"),
    "alism": ("al", ""), "aliti": ("al", ""), "alli": ("al", ""),
    "ousli": ("ous", ""), "ousness": ("ous", ""),
    "iveness": ("ive", "e"), "iviti": ("ive", "e"),
    "biliti": ("ble", ""), "bli": ("ble", ""),
}
_STEP2_CUT = {"tional": 2, "entli": 2, "fulness": 4, "fulli": 2, "lessli": 2}
_SPECIAL = {
    "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl",
    "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky",
    "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    "inning": "inning", "innings": "inning", "outing": "outing", "outings": "outing", "canning": "canning",
    "cannings": "canning", "herring": "herring", "herrings": "herring", "earring": "earring",
    "earrings": "earring", "proceed": "proceed", "proceeds": "proceed", "proceeded": "proceed",
    "proceeding": "proceed", "exceed": "exceed", "exceeds": "exceed", "exceeded": "exceed",
    "exceeding": "exceed", "succeed": "succeed", "succeeds": "succeed", "succeeded": "succeed",
    "succeeding": "succeed",
}


def _replace(word: str, r1: str, r2: str, suffix: str, new: str, short_r2: str = "") -> tuple[str, str, str]:
    """Replace `suffix` by `new` in the word and, as NLTK does, in regions long enough to hold it."""
    cut = len(suffix)
    return (word[:-cut] + new, r1[:-cut] + new if len(r1) >= cut else "",
            r2[:-cut] + new if len(r2) >= cut else short_r2)


_VOWEL_CONSONANT = re.compile(r"[aeiouy][^aeiouy]")


def _region(text: str) -> str:
    """What follows the first non-vowel after a vowel ("" if none)."""
    found = _VOWEL_CONSONANT.search(text)
    return text[found.end():] if found else ""


def _regions(word: str) -> tuple[str, str]:
    """R1 and R2 as NLTK computes them."""
    if word.startswith(("gener", "commun", "arsen")):
        r1 = word[6:] if word.startswith("commun") else word[5:]
    else:
        r1 = _region(word)
    return r1, _region(r1)


def stem(word: str) -> str:
    """The stem of an English word, as NLTK's `EnglishStemmer().stem` gives it."""
    word = word.lower()
    if len(word) <= 2:
        return word
    if word in _SPECIAL:
        return _SPECIAL[word]
    word = word.replace("\u2019", "'").replace("\u2018", "'").replace("\u201b", "'")
    if word.startswith("'"):
        word = word[1:]
    if word.startswith("y"):
        word = "Y" + word[1:]
    if "y" in word:
        chars = list(word)
        for i in range(1, len(chars)):
            if chars[i - 1] in _VOWELS and chars[i] == "y":
                chars[i] = "Y"
        word = "".join(chars)
    r1, r2 = _regions(word)

    for suffix in _STEP0 if word.endswith(_STEP0) else ():  # step 0
        if word.endswith(suffix):
            cut = len(suffix)
            word, r1, r2 = word[:-cut], r1[:-cut], r2[:-cut]
            break

    for suffix in _STEP1A if word.endswith(_STEP1A) else ():  # step 1a
        if word.endswith(suffix):
            if suffix == "sses":
                word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
            elif suffix in ("ied", "ies"):
                cut = 2 if len(word) - 3 > 1 else 1
                word, r1, r2 = word[:-cut], r1[:-cut], r2[:-cut]
            elif suffix == "s" and any(letter in _VOWELS for letter in word[:-2]):
                word, r1, r2 = word[:-1], r1[:-1], r2[:-1]
            break

    for suffix in _STEP1B if word.endswith(_STEP1B) else ():  # step 1b
        if word.endswith(suffix):
            if suffix in ("eed", "eedly"):
                if r1.endswith(suffix):
                    word, r1, r2 = _replace(word, r1, r2, suffix, "ee")
            elif any(letter in _VOWELS for letter in word[:-len(suffix)]):
                cut = len(suffix)
                word, r1, r2 = word[:-cut], r1[:-cut], r2[:-cut]
                if word.endswith(("at", "bl", "iz")):
                    word += "e"
                    r1 += "e"
                    if len(word) > 5 or len(r1) >= 3:
                        r2 += "e"
                elif word.endswith(_DOUBLES):
                    word, r1, r2 = word[:-1], r1[:-1], r2[:-1]
                elif (r1 == "" and len(word) >= 3 and word[-1] not in _VOWELS and word[-1] not in "wxY"
                      and word[-2] in _VOWELS and word[-3] not in _VOWELS) or (
                        r1 == "" and len(word) == 2 and word[0] in _VOWELS and word[1] not in _VOWELS):
                    word += "e"
                    if r1:
                        r1 += "e"
                    if r2:
                        r2 += "e"
            break

    if len(word) > 2 and word[-1] in "yY" and word[-2] not in _VOWELS:  # step 1c
        word = word[:-1] + "i"
        r1 = r1[:-1] + "i" if r1 else ""
        r2 = r2[:-1] + "i" if r2 else ""

    for suffix in _STEP2 if word.endswith(_STEP2) else ():  # step 2
        if word.endswith(suffix):
            if r1.endswith(suffix):
                if suffix in _STEP2_CUT:
                    cut = _STEP2_CUT[suffix]
                    word, r1, r2 = word[:-cut], r1[:-cut], r2[:-cut]
                elif suffix in ("enci", "anci", "abli"):
                    word = word[:-1] + "e"
                    r1 = r1[:-1] + "e" if r1 else ""
                    r2 = r2[:-1] + "e" if r2 else ""
                elif suffix in _STEP2_REPLACE:
                    new, short = _STEP2_REPLACE[suffix]
                    word, r1, r2 = _replace(word, r1, r2, suffix, new, short)
                elif (suffix == "ogi" and word[-4] == "l") or (suffix == "li" and word[-3] in _LI_ENDING):
                    cut = 1 if suffix == "ogi" else 2
                    word, r1, r2 = word[:-cut], r1[:-cut], r2[:-cut]
            break

    for suffix in _STEP3 if word.endswith(_STEP3) else ():  # step 3
        if word.endswith(suffix):
            if r1.endswith(suffix):
                if suffix == "tional":
                    word, r1, r2 = word[:-2], r1[:-2], r2[:-2]
                elif suffix == "ational":
                    word, r1, r2 = _replace(word, r1, r2, suffix, "ate")
                elif suffix == "alize":
                    word, r1, r2 = word[:-3], r1[:-3], r2[:-3]
                elif suffix in ("icate", "iciti", "ical"):
                    word, r1, r2 = _replace(word, r1, r2, suffix, "ic")
                elif suffix in ("ful", "ness"):
                    cut = len(suffix)
                    word, r1, r2 = word[:-cut], r1[:-cut], r2[:-cut]
                elif suffix == "ative" and r2.endswith(suffix):
                    word, r1, r2 = word[:-5], r1[:-5], r2[:-5]
            break

    for suffix in _STEP4 if word.endswith(_STEP4) else ():  # step 4
        if word.endswith(suffix):
            if r2.endswith(suffix):
                if suffix != "ion":
                    cut = len(suffix)
                    word, r1, r2 = word[:-cut], r1[:-cut], r2[:-cut]
                elif word[-4] in "st":
                    word, r1, r2 = word[:-3], r1[:-3], r2[:-3]
            break

    # step 5: a final "l" after "l" in R2, a final "e" in R2, or in R1 after anything but a short syllable
    not_short = len(word) >= 4 and (
        word[-2] in _VOWELS or word[-2] in "wxY" or word[-3] not in _VOWELS or word[-4] in _VOWELS)
    if (r2.endswith("l") and word[-2] == "l") or r2.endswith("e") or (r1.endswith("e") and not_short):
        word = word[:-1]
    return word.replace("Y", "y")
