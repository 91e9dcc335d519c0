"""segment: Article -> Document, with paragraphs and character offsets kept."""

from __future__ import annotations

import re

from ..model import Article, Document, Sentence
from .tokenize import sentence_spans

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+|\r\n[ \t]*\r\n+")
_LINE_END_SENTENCE = re.compile(r"[.!?…\"'”’)\]]\s*$")
_SPACE = re.compile(r"\s+")
# A dateline before the first sentence: "(CNN)", "LONDON, England (CNN) -- ",
# "WASHINGTON (Reuters) - ", "BEIRUT — ". It is not part of any sentence.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]+)*\s*)?\([A-Z][A-Za-z.&]*(?: [A-Z][A-Za-z.&]*){0,3}\)\s*(?:--|[-—–:])?\s*"
    r"|^[A-Z][A-Z.'-]{2,}(?:,? [A-Z][A-Za-z.'-]+){0,3}\s+(?:--|[—–-])\s+"
)


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
            if _LINE_END_SENTENCE.search(text[line_start:cut]):
                spans.append((line_start, cut))
                line_start = cut + 1
        spans.append((line_start, end))
        pos = match.end() if match else len(text)
    return [(a, b) for a, b in spans if text[a:b].strip()]


def clean(text: str) -> str:
    """A sentence as shown: the source's characters, whitespace runs folded."""
    return _SPACE.sub(" ", text).strip()


def segment(article: Article) -> Document:
    """Split an article's text into sentences, keeping paragraph and offsets."""
    sentences: list[Sentence] = []
    text = article.text
    for para_no, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        if para_no == 0 and (dateline := _DATELINE.match(text, p_start, p_end)):
            p_start = dateline.end()
        chunk = text[p_start:p_end]
        for s_start, s_end in sentence_spans(chunk, article.language):
            shown = clean(chunk[s_start:s_end])
            if not any(ch.isalnum() for ch in shown):
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
    return Document(article=article, sentences=tuple(sentences))
