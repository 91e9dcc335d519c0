"""briefing: news articles in, a structured brief out (Word, terminal, Markdown, HTML, JSON).

    >>> import briefing
    >>> briefing.summarize(text, method="lexrank", sentences=3)
    >>> b = briefing.brief(Path("article.txt"))
    >>> briefing.write(b, "brief.docx")
    >>> day = briefing.daily_brief(["news/", "https://example.org/feed.xml"], history="history.sqlite")

The API is imported lazily, so `import briefing` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import BriefingError, InputError, OutputError, UsageError
from .model import Actor, Article, Briefing, Document, Excerpt, Section, Sentence, SourceRef, Story

if TYPE_CHECKING:
    from .api import brief, daily_brief, summarize, write

_LAZY = {"brief": "api", "daily_brief": "api", "summarize": "api", "write": "api"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    if name == "__version__":  # importlib.metadata costs a tenth of a second: only when asked
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("briefing")
        except PackageNotFoundError:  # running from a source tree
            return "0.0.0"
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")


__all__ = [
    "Actor", "Article", "Briefing", "BriefingError", "Document", "Excerpt", "InputError",
    "OutputError", "Section", "Sentence", "SourceRef", "Story", "UsageError", "__version__",
    "brief", "daily_brief", "summarize", "write",
]
