"""Word output from a Word file with Jinja tags, made in Word (docxtpl).

The template sees the same view model as every other format:

* `brief`: a `view.BriefView` (`brief.title`, `brief.date_text`, `brief.marking`,
  `brief.bottom_line`, `brief.stories` -> `story.blocks` -> `block.items` / `block.actors`, ...);
* `link(text, url)`: a hyperlink (plain text when `url` is None) for a `{{r ... }}` tag,
  e.g. `{{r link(source.title, source.url) }}`.

Tags follow docxtpl: `{{ ... }}` in a run, `{%p ... %}` alone in a paragraph,
`{%tr ... %}` alone in a table row (see examples/templates/make_house_style.py).
Article text is escaped (autoescape), so it is never read as Word XML; headers and
footers are rendered too, and the document properties are set from the brief as in
`docx.render_docx`, so the output is deterministic.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate, RichText

from ..errors import UsageError
from .docx import clean, fix_zip_dates, open_docx, set_properties
from .sandbox import BoundedSandbox, budget
from .view import BriefView, one_line


def _finalize(value: Any) -> Any:
    return clean(value) if type(value) is str else value


def render_docx_template(view: BriefView, path: Path) -> bytes:
    """The brief rendered through the docxtpl template at `path`, as .docx bytes."""
    open_docx(path, "Word template")  # a one-line error for a missing or broken file
    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    env = BoundedSandbox(undefined=jinja2.StrictUndefined, finalize=_finalize)  # user's file: bounded

    def link(text: str, url: str | None) -> RichText:
        if not url:
            return RichText(clean(text))
        return RichText(clean(text), url_id=tpl.build_url_id(url), color="0563C1", underline=True)

    try:
        with budget():  # body, headers, footers and properties together
            tpl.render({"brief": view, "link": link}, jinja_env=env, autoescape=True)
    except jinja2.TemplateSyntaxError as e:
        raise UsageError(f"Word template error: {e.message}", source=str(path)) from None
    except jinja2.TemplateError as e:
        raise UsageError(f"Word template error: {one_line(str(e))}", source=str(path)) from None
    except (RecursionError, OverflowError, MemoryError, ValueError, TypeError, ArithmeticError) as e:
        raise UsageError(f"Word template error: {e.__class__.__name__}: {one_line(str(e))[:200]}",
                         source=str(path)) from None
    set_properties(tpl.docx, view)
    out = io.BytesIO()
    tpl.save(out)
    return fix_zip_dates(out.getvalue())
