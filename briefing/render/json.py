"""JSON output: the brief as data, in a stable schema ("briefing/1").

The document is UTF-8 (`ensure_ascii=False`), indented by 2, keys always in this
order, and ends with a newline. It shows what the other formats show: the
template's layout, order and limits applied, empty sections left out.

    {
      "schema": "briefing/1",
      "title": str,
      "date": "YYYY-MM-DD" | null,          # the brief's date
      "method": str,                         # ranking method that chose the excerpts
      "template": str,                       # template name
      "layout": [str, ...],                  # the template's section keys in order, e.g.
                                             #   ["situation", "actors", "background"]
      "notices": [str, ...],                 # things the reader should know (e.g. no entity model)
      "marking": str | null,                 # e.g. "INTERNAL", as given for this rendering
      "bottom_line": null | {                # the "bottom_line" layout entry, if any
        "title": str,                        # e.g. "Bottom line"
        "stories": [                         # one per story, in story order
          {
            "headline": str,
          "headline_from": null | {"article_id": str, "sentence_index": int},  # the sentence an untitled
                                             #   article's headline was cut from (shown in no section)
            "text": str,                     # the items' texts as one paragraph ("" if none)
            "items": [item, ...]             # as in sections[].items; they are left out of Situation
          }
        ]
      },
      "stories": [
        {
          "headline": str,
          "seen": bool,                      # covered in an earlier brief (daily brief with history)
          "sections": [                      # excerpt sections only, in layout order
            {
              "key": str,                    # e.g. "situation"
              "title": str,                  # e.g. "Situation"
              "items": [                     # item:
                {
                  "text": str,               # the sentence, verbatim
                  "shown": str,              # what the brief shows of it: the sentence, or its pieces
                                             #   with "…" where it was cut
                  "spans": [[int, int], ...],  # the pieces shown, as offsets into text ([]: all of it)
                  "article_id": str,         # which source it came from (sources[].article_id)
                  "sentence_index": int,     # 0-based sentence position in that article
                  "score": float | null,     # the ranking method's score, if any
                  "label": str | null,       # a quote's speaker, a timeline date, a key figure's phrase
                  "seen": bool               # shown in an earlier brief (daily brief with history)
                }
              ]
            }
          ],
          "actors": [                        # the "actors" layout entry, if the layout has one
            {
              "name": str,
              "kind": "person" | "organization",
              "role": str | null,            # e.g. "Defense Secretary"
              "mentions": int,
              "variants": [str, ...],        # the names the text used for them
              "first_sentence": int,         # index of the first sentence naming them
              "article_ids": [str, ...]
            }
          ],
          "places": [str, ...],              # shown with the actors; [] without an "actors" entry
          "article_ids": [str, ...],         # every article of the story (sources: those composed into it)
          "sources": [
            {
              "article_id": str,
              "title": str,
              "outlet": str,                 # who published it: site name, URL host or file name
              "source": str,                 # input path, URL or "-" for stdin
              "url": str | null,
              "published": "YYYY-MM-DD" | null
            }
          ]
        }
      ],
      "also_today": [                        # the day's other stories, one line each (daily briefs)
        {"headline": str, "articles": int, "outlets": [str, ...], "sources": [ ... as above ... ]}
      ]
    }

Every article read is in one story's "article_ids" or one "also_today" entry's
sources, except web furniture (a cookie wall, a crawl notice: no story).

A change that would break a reader of "briefing/1" gets a new schema name;
new keys may be added to objects without one.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import SourceRef
from .view import ACTORS, BriefView, Item, StoryView

SCHEMA = "briefing/1"


def render_json(view: BriefView) -> str:
    """The brief as a "briefing/1" JSON document."""
    data = {
        "schema": SCHEMA,
        "title": view.briefing.title,
        "date": view.date.isoformat() if view.date else None,
        "method": view.method,
        "template": view.template,
        "layout": list(view.layout),
        "notices": list(view.briefing.notices),
        "marking": view.marking,
        "bottom_line": None if view.bottom_line is None else {
            "title": view.bottom_line.title,
            "stories": [
                {"headline": line.headline, "text": line.text, "items": [_item(i) for i in line.items]}
                for line in view.bottom_line.lines
            ],
        },
        "stories": [_story(story) for story in view.stories],
        "also_today": [
            {"headline": line.story.headline, "articles": line.articles, "outlets": list(line.story.outlets),
             "sources": [_source(ref) for ref in line.story.sources]}
            for line in view.also
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _item(item: Item) -> dict[str, Any]:
    e = item.excerpt
    return {"text": e.text, "shown": item.text, "spans": [list(span) for span in item.spans],
            "article_id": e.article_id, "sentence_index": e.sentence_index, "score": e.score,
            "label": e.label, "seen": e.seen}



def _story(view: StoryView) -> dict[str, Any]:
    actors_block = next((b for b in view.blocks if b.kind == ACTORS), None)
    return {
        "headline": view.story.headline,
        "headline_from": ({"article_id": view.story.headline_from[0], "sentence_index": view.story.headline_from[1]}
                          if view.story.headline_from else None),
        "seen": view.story.seen,
        "sections": [
            {
                "key": block.key,
                "title": block.title,
                "items": [_item(item) for item in block.items],
            }
            for block in view.blocks
            if block.kind != ACTORS
        ],
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "mentions": a.mentions,
                "variants": list(a.variants),
                "first_sentence": a.first_sentence,
                "article_ids": list(a.article_ids),
            }
            for a in (row.actor for row in (actors_block.actors if actors_block else ()))
        ],
        "places": list(view.story.places) if actors_block else [],
        "article_ids": list(view.story.article_ids),
        "sources": [_source(s.ref) for s in view.sources],
    }


def _source(ref: SourceRef) -> dict[str, Any]:
    return {"article_id": ref.article_id, "title": ref.title, "outlet": ref.outlet, "source": ref.source,
            "url": ref.url, "published": ref.published.isoformat() if ref.published else None}
