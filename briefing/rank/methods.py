"""The built-in methods: baselines, sumy's summarizers and our own."""

from __future__ import annotations

from functools import partial

from ..model import Document
from .registry import METHODS, Method, register
from .sumy_methods import SUMMARIZERS, sumy_scores


def lead_scores(doc: Document) -> list[float]:
    """Lead: earlier sentences first (the news baseline, Lead-3 at 3 sentences)."""
    n = len(doc.sentences)
    return [float(n - i) for i in range(n)]


def _register_builtins() -> None:
    register(Method("lead", "baseline", "Lead: the first sentences, in order", lead_scores))
    for name, (_, description) in SUMMARIZERS.items():
        register(Method(name, "sumy", f"sumy {description}", partial(sumy_scores, name)))
    from . import default, native

    for method in native.METHODS:
        register(method)
    register(default.METHOD)


if "lead" not in METHODS:
    _register_builtins()
