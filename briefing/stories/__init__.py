"""stories: the day's articles grouped into stories (`grouping`, over the pair model of `pairs` and the
clustering of `clustering`), and a story's articles merged (`merging`)."""

from __future__ import annotations

from .grouping import group, split_stories, top_stories, vectors

__all__ = ["group", "split_stories", "top_stories", "vectors"]
