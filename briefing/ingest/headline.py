"""Headlines as the story's own: the site's name cut from a page title, generic titles passed over.

A page's `<title>` often ends (or starts) with the site's name: "Senate passes bill | CNN
Politics", "Tokyo issues first certificates - The Japan Times". That part is cut when it
is the site's name: the page's `og:site_name`, a feed's title, or the words of the URL's
host ("japantimes" in www.japantimes.co.jp matches "The Japan Times"); and, across a
day's articles, a short trailing part that repeats in the titles of one site
(`strip_repeated_suffixes`, when two words or more are left). A part that is not the
site's name stays: "Ukraine war - live updates" is left whole.

A generic title ("escenic", "Home", the bare site name; `generic_titles` in the lexicon)
names no story: `choose_title` passes over it to the page's next title.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from .. import lexicon
from ..model import Article

# A separator between a headline and a site's name: a bar, a dash, a bullet or a guillemet, spaced.
SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»«~]|::)\s+|\s*\|\s*")
MAX_SITE_WORDS = 6  # a part longer than this is no site's name
MIN_HEADLINE_WORDS = 2  # what is left when a repeated part is cut (one word is enough when it is the site's name)


def compact(text: str) -> str:
    """Lower-case letters and digits only ("The Japan Times" -> "thejapantimes")."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _core(text: str) -> str:
    """`compact` without a leading "the" ("thejapantimes" -> "japantimes")."""
    key = compact(text)
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def host_names(url: str | None) -> list[str]:
    """The site names a URL's host gives: its labels but the generic ones and the domain suffix
    ("https://edition.cnn.com/x" -> ["cnn"], "www.bbc.co.uk" -> ["bbc"])."""
    if not url:
        return []
    try:
        host = (urlsplit(url if "://" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return []
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):  # no domain, or an IP address
        return []
    country = len(labels[-1]) == 2
    labels = labels[:-1]
    if country and len(labels) > 1 and labels[-1] in lexicon.words("second_level_domains"):
        labels = labels[:-1]
    generic = lexicon.words("host_generic_labels")
    return [_core(label) for label in labels if label not in generic and len(label) >= 2]


def site_names(*names: str | None, url: str | None = None) -> list[str]:
    """Compact forms of a site's names (`og:site_name`, a feed's title...) and of its URL's host words; a name
    written as a host ("CNN.com") counts by its host words."""
    found: list[str] = []
    for name in names:
        if not name or not name.strip():
            continue
        if "." in name and " " not in name.strip():
            found += host_names(name.strip())
        else:
            found.append(_core(name))
    found += host_names(url)
    return [n for n in dict.fromkeys(found) if len(n) >= 2]


def is_site_name(part: str, names: Sequence[str], *, section_words: int = 3) -> bool:
    """Whether a title's part is the site's name: it is one of `names`, is the start of one ("BBC" for
    "bbcnews"), or a name and a section in at most `section_words` words ("CNN Politics" for "cnn")."""
    if not part or len(part.split()) > MAX_SITE_WORDS:
        return False
    key = _core(part)
    if len(key) < 2:
        return False
    with_section = len(part.split()) <= section_words
    return any(key == n or (len(key) >= 3 and n.startswith(key)) or (with_section and len(n) >= 3 and key.startswith(n))
               for n in names)


def _parts(title: str) -> list[str]:
    return [p.strip() for p in SEPARATOR.split(title)]


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def strip_site(title: str, names: Sequence[str]) -> str:
    """A title without the site's name after its last separator (or before its first), when what is left is
    still a headline."""
    title = " ".join(title.split())
    if not names:
        return title
    matches = list(SEPARATOR.finditer(title))
    if matches and is_site_name(title[matches[-1].end():], names) and _words(title[:matches[-1].start()]):
        title = title[:matches[-1].start()].strip()
        matches = list(SEPARATOR.finditer(title))
    if matches and is_site_name(title[:matches[0].start()], names, section_words=2) \
            and _words(title[matches[0].end():]):
        title = title[matches[0].end():].strip()
    return title


def is_generic(title: str, names: Sequence[str] = ()) -> bool:
    """Whether a title names no story: empty, a CMS default or section name ("escenic", "Home"), or the bare
    site name."""
    key = compact(title)
    if not key:
        return True
    generic = {compact(t) for t in lexicon.words("generic_titles")}
    core = _core(title)
    return key in generic or any(core == n or (len(core) >= 3 and n.startswith(core)) for n in names)


def choose_title(candidates: Iterable[str | None], names: Sequence[str]) -> str:
    """The first candidate that names a story once the site's name is cut ("" if none does)."""
    for candidate in candidates:
        if not candidate:
            continue
        title = strip_site(candidate, names)
        if not is_generic(title, names):
            return title
    return ""


REPEATS = {True: (2, 0.3), False: (3, 0.5)}  # URL known or not: titles and share of the site's titles a part ends


def _site_key(article: Article) -> tuple[str, bool]:
    """Which site an article is from, and whether that is known: its URL's host, else (a guess) the folder or
    file it was read from."""
    if article.url:
        host = (urlsplit(article.url).hostname or "").lower()
        return host.removeprefix("www."), True
    source = article.source.split("#", 1)[0]
    source = source.rsplit(":", 1)[0] if re.search(r":\d+$", source) else source  # a JSONL line
    return str(Path(source).parent), False


def tidy_titles(articles: Sequence[Article]) -> list[Article]:
    """A day's articles with their titles' site names cut: by each URL's host, then the trailing parts that repeat
    across one site's titles (`strip_repeated_suffixes`)."""
    out = [replace(a, title=title) if (title := strip_site(a.title, host_names(a.url))) != a.title else a
           for a in articles]
    return strip_repeated_suffixes(out)


def strip_repeated_suffixes(articles: Sequence[Article]) -> list[Article]:
    """Articles whose titles lose a short trailing part (after a separator) that ends many titles of one site:
    the name or section a site puts after every headline ("... - Gazette Online"). Many is two titles and 30% of
    the site's (by URL host); without a URL, where the site is a guess (the folder), three and half of them, so
    that a part that repeats now and then stays ("Lords wrong on detainees - Straw")."""
    by_site: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        by_site[_site_key(article)].append(i)
    out = list(articles)
    for (_, known), members in by_site.items():
        least, share = REPEATS[known]
        if len(members) < least:
            continue
        tails: dict[int, str] = {}
        for i in members:
            matches = list(SEPARATOR.finditer(out[i].title))
            if matches:
                tail = out[i].title[matches[-1].end():].strip()
                if 0 < _words(tail) <= MAX_SITE_WORDS - 1 and len(tail) <= 40 \
                        and _words(out[i].title[:matches[-1].start()]) >= MIN_HEADLINE_WORDS:
                    tails[i] = tail
        counts = Counter(tail.lower() for tail in tails.values())
        for i, tail in tails.items():
            if counts[tail.lower()] >= max(least, share * len(members)):
                title = out[i].title
                out[i] = replace(out[i], title=title[:list(SEPARATOR.finditer(title))[-1].start()].strip())
    return out
