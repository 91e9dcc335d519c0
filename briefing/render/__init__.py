"""Rendering a Briefing: Word, Markdown, HTML, plain text, JSON and the terminal.

    render(briefing, "md")                       -> str    ("docx" -> bytes)
    render_to_path(briefing, Path("brief.docx"))  -> Path   (format from the extension, atomic write)
    render_terminal(briefing, console)            -> None

`template` is a Template, a built-in name or a folder path; None uses the one the
Briefing was composed with (`briefing.template`). Every format walks the same
view model (`view.build_view`), so layout, order and limits agree across formats.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, overload

from rich.console import Console

from ..errors import OutputError
from ..model import Briefing
from ..templates import Template, load_template
from .files import write_atomic
from .view import BriefView, build_view

FORMATS: dict[str, str] = {
    ".docx": "docx",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".txt": "txt",
}
FORMAT_NAMES = ("docx", "md", "html", "txt", "json")

TemplateArg = Template | str | Path | None


def _view(briefing: Briefing, template: TemplateArg) -> tuple[BriefView, Template]:
    spec = load_template(briefing.template if template is None else template)
    return build_view(briefing, spec), spec


@overload
def render(briefing: Briefing, fmt: Literal["docx"], template: TemplateArg = None) -> bytes: ...
@overload
def render(briefing: Briefing, fmt: Literal["md", "html", "txt", "json"], template: TemplateArg = None) -> str: ...
@overload
def render(briefing: Briefing, fmt: str, template: TemplateArg = None) -> str | bytes: ...
def render(briefing: Briefing, fmt: str, template: TemplateArg = None) -> str | bytes:
    """The brief in format `fmt` (one of FORMAT_NAMES): bytes for "docx", text otherwise."""
    if fmt not in FORMAT_NAMES:
        raise OutputError(f"unknown format {fmt!r}; use one of {', '.join(FORMAT_NAMES)}")
    view, spec = _view(briefing, template)
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(view)
    if fmt == "json":
        from .json import render_json

        return render_json(view)
    from .text import render_text

    return render_text(view, spec, fmt)


def format_for(path: Path) -> str:
    """The format name for an output path's extension, or an OutputError."""
    ext = path.suffix.lower()
    if ext not in FORMATS:
        choices = ", ".join(FORMATS)
        raise OutputError(f"unknown output format {ext or '(none)'!r}; use one of {choices}", source=str(path))
    return FORMATS[ext]


def render_to_path(briefing: Briefing, path: Path, template: TemplateArg = None) -> Path:
    """Render to `path` in the format its extension names, written atomically; returns `path`.

    Nothing is written when the format is unknown, the folder is missing, or
    rendering or writing fails.
    """
    path = Path(path)
    fmt = format_for(path)
    if not path.parent.is_dir():
        raise OutputError(f"folder {str(path.parent)!r} does not exist", source=str(path))
    return write_atomic(path, render(briefing, fmt, template))


def render_terminal(briefing: Briefing, console: Console, template: TemplateArg = None) -> None:
    """Print the brief's terminal preview on `console`."""
    from .terminal import print_terminal

    view, _ = _view(briefing, template)
    print_terminal(view, console)


__all__ = ["FORMATS", "FORMAT_NAMES", "format_for", "render", "render_terminal", "render_to_path"]
