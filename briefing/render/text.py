"""Markdown, HTML and plain text, rendered by the template's Jinja2 files.

Each format renders `brief.<fmt>.j2` (found by `Template.loader`) with one
variable, `brief` (a `view.BriefView`). Article text is data, never markup:

* HTML: autoescaped; only http(s)/mailto URLs become links; `value|css_string` quotes text
  for CSS inside `<style>` (e.g. `@page` margin boxes), where HTML escaping does not apply.
* Markdown: every `{{ value }}` that is a string is escaped for Markdown
  (`escape_markdown`); mark template-made markup `|safe` (macro output too).
  `hashes(n)` gives a heading's `#`s; `url|md_url` a link target.
* Plain text: not escaped, not wrapped (one line per bullet, so chat and mail
  clients wrap it to their width); titles are underlined with `=` and `-`.

An undefined name is an error (StrictUndefined); any template error becomes a one-line UsageError.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..errors import UsageError
from ..templates import Template
from .sandbox import BoundedSandbox
from .view import BriefView, one_line

TEXT_FORMATS = ("md", "html", "txt")

_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_BLOCK_START = re.compile(r"[#>+\-=]|\d+(?=[.)])")
_BLANK_LINES = re.compile(r"\n{3,}")
_CSS_UNSAFE = re.compile(r"[\"\\<>&\x00-\x1f\x7f]")


def escape_markdown(text: str) -> str:
    """Text made inert in Markdown: one line, with no emphasis, links, HTML, table pipes or block markers.

    A space at either end is kept (as one space), so pieces of a sentence can be joined around markup.
    """
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    text = _MD_INLINE.sub(r"\\\1", one_line(text))
    text = _MD_ENTITY.sub("&amp;", text).replace("<", "&lt;")
    start = _MD_BLOCK_START.match(text)
    if start and not lead:
        end = start.end()
        text = text[:end] + "\\" + text[end:] if text[:end].isdigit() else "\\" + text
    return lead + text + trail


def md_url(url: str) -> Markup:
    """A URL usable as a Markdown link target."""
    for char, code in (("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E"), (" ", "%20")):
        url = url.replace(char, code)
    return Markup(url)


def css_string(text: str) -> Markup:
    """Text as a double-quoted CSS string, safe inside a `<style>` element."""
    def escape(match: re.Match[str]) -> str:
        return f"\\{ord(match.group()):06X}"

    return Markup('"' + _CSS_UNSAFE.sub(escape, one_line(str(text))) + '"')


def _finalize_markdown(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape_markdown(value)
    return value


@lru_cache(maxsize=32)
def environment(template: Template, fmt: str) -> jinja2.Environment:
    """The Jinja2 environment for one template and format (autoescape for HTML only).

    Sandboxed: a user's template can read the brief but not reach Python internals, and
    its rendering is bounded in time and size (`sandbox.BoundedSandbox`).
    """
    env = BoundedSandbox(
        loader=template.loader(),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize_markdown if fmt == "md" else None,
    )
    if fmt == "md":
        env.globals["hashes"] = lambda level: Markup("#" * level)
        env.filters["md_url"] = md_url
    if fmt == "html":
        env.filters["css_string"] = css_string
    return env


def render_text(view: BriefView, template: Template, fmt: str) -> str:
    """The brief as Markdown, HTML or plain text, ending in one newline."""
    name = f"brief.{fmt}.j2"
    try:
        text = environment(template, fmt).get_template(name).render(brief=view)
    except jinja2.TemplateSyntaxError as e:
        raise UsageError(f"template error at line {e.lineno}: {e.message}",
                         source=e.filename or str(template.path / name)) from None
    except jinja2.TemplateError as e:
        raise UsageError(f"template error: {one_line(str(e))}", source=str(template.path / name)) from None
    except (RecursionError, OverflowError, MemoryError, ValueError, TypeError, ArithmeticError) as e:
        raise UsageError(f"template error: {e.__class__.__name__}: {one_line(str(e))[:200]}",
                         source=str(template.path / name)) from None
    if fmt != "html":
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n") + "\n"
