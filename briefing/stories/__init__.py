"""stories: the day's articles grouped into stories (`grouping`), and a story's articles merged (`merging`)."""

from __future__ import annotations

from .grouping import DEFAULT_THRESHOLD, group, top_stories, vectors

__all__ = ["DEFAULT_THRESHOLD", "group", "top_stories", "vectors"]
