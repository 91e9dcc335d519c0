"""segment: Article -> Document, with paragraphs and character offsets kept."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..model import Article, Document, Sentence
from ..options import MAX_SENTENCES
from .tokenize import sentence_spans

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+|\r\n[ \t]*\r\n+")
_LINE_END_SENTENCE = re.compile(r"[.!?…\"'”’)\]]\s*$")
# A dateline before the first sentence: "(CNN)", "LONDON, England (CNN) -- ",
# "WASHINGTON (Reuters) - ", "BEIRUT — ". It is not part of any sentence.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+)*\s*)?"  # an optional place: "LONDON, England"
    r"\([A-Z][A-Za-z.&]*(?: [A-Z][A-Za-z.&]*){0,3}\)\s*(?:--|[-—–:])?\s*"  # the agency: "(CNN) --"
    r"|^[A-Z][A-Z.'-]{2,}(?:,? [A-Z][A-Za-z.'-]+){0,3}\s+(?:--|[—–-])\s+"
    # A place in title case before a news agency: "New York (CNN)", "Cape Town, South Africa (Reuters) --"
    r"|^[A-Z][a-z.'-]+(?:,? [A-Z][a-z.'-]+){0,4}\s*\((?:CNN|AP|Reuters|AFP|UPI|Bloomberg|dpa|EFE|Xinhua|PA)\)"
    r"\s*(?:--|[-—–:])?\s*"
)

# A list item's mark before a sentence: "• Transponder data shows ...", "-- In 2010, Kim was ..." (a dash and a space).
_BULLET = re.compile(r"(?:[•·▪►◦‣⁃●○■□▸▶]|--|[—–-](?=\s))\s*")
# A line opening with a dash or star and a space is a list item ("\n - Withdrawing from the 1951 ..."): it starts a
# paragraph of its own, and its mark is no word of it.
_LIST_LINE = re.compile(r"[ \t]*[-*–][ \t]+(?=\S)")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs: blocks between blank lines; a line ending a sentence ends one too."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        block_start = pos
        # Inside a block, single line breaks after a finished sentence separate paragraphs
        # (one paragraph per line is common in scraped and exported news).
        line_start = block_start
        for line in re.finditer(r"\n", text[block_start:end]):
            cut = block_start + line.start()
            if _LINE_END_SENTENCE.search(text[line_start:cut]) or _LIST_LINE.match(text, cut + 1, end):
                spans.append((line_start, cut))
                line_start = cut + 1
        spans.append((line_start, end))
        pos = match.end() if match else len(text)
    return [(a, b) for a, b in spans if text[a:b].strip()]


def clean(text: str) -> str:
    """A sentence as shown: the source's characters, whitespace runs folded (str.split's whitespace is re's \\s)."""
    return " ".join(text.split())


MAX_SENTENCE_CHARS = 5000  # longer "sentences" are runs without sentence breaks (tables, dumps)


def segment(article: Article, *, max_sentences: int = MAX_SENTENCES,
            max_sentence_chars: int = MAX_SENTENCE_CHARS) -> Document:
    """Split an article's text into sentences, keeping paragraph and offsets.

    Sentences past `max_sentences`, and runs longer than `max_sentence_chars`
    without a sentence break, are left out with a note on the article.
    """
    sentences: list[Sentence] = []
    too_long = 0
    text = article.text
    for para_no, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        if para_no == 0 and (dateline := _DATELINE.match(text, p_start, p_end)):
            p_start = dateline.end()
        if item := _LIST_LINE.match(text, p_start, p_end):
            p_start = item.end()
        chunk = text[p_start:p_end]
        for s_start, s_end in sentence_spans(chunk, article.language):
            if bullet := _BULLET.match(chunk, s_start, s_end):  # a list's bullet is no word of the sentence
                s_start = bullet.end()
            shown = clean(chunk[s_start:s_end])
            if not any(ch.isalnum() for ch in shown):
                continue
            if len(shown) > max_sentence_chars:
                too_long += 1
                continue
            sentences.append(
                Sentence(
                    text=shown,
                    index=len(sentences),
                    paragraph=para_no,
                    start=p_start + s_start,
                    end=p_start + s_end,
                )
            )
    notes = list(article.notes)
    if too_long:
        notes.append(f"left out {too_long} run{'s' * (too_long > 1)} of over {max_sentence_chars} characters "
                     "without a sentence break")
    if len(sentences) > max_sentences:
        notes.append(f"kept the first {max_sentences} of {len(sentences)} sentences (see --max-sentences)")
        sentences = sentences[:max_sentences]
    if len(notes) != len(article.notes):
        article = replace(article, notes=tuple(notes))
    return Document(article=article, sentences=tuple(sentences))


def segment_all(articles: Iterable[Article], *, max_sentences: int = MAX_SENTENCES) -> list[Document]:
    """Each article segmented; articles without a sentence are left out (a batch goes on without them)."""
    return [doc for doc in (segment(a, max_sentences=max_sentences) for a in articles) if doc.sentences]
