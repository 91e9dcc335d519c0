"""Rendering a Briefing: Word, Markdown, HTML, plain text, JSON and the terminal.

    render(briefing, "md")                       -> str    ("docx" -> bytes)
    render_to_path(briefing, Path("brief.docx"))  -> Path   (format from the extension, atomic write)
    render_terminal(briefing, console)            -> None   (paged when taller than the terminal)

`template` is a Template, a built-in name or a folder path; None uses the one the
Briefing was composed with (`briefing.template`). Every format walks the same
view model (`view.build_view`), so layout, order and limits agree across formats.

Options for every format: `marking` ("INTERNAL", ...) shown at the top and bottom (in Word: in
the header and footer of every page). Word only: `reference_docx` (take styles, fonts, colours and
margins from that .docx) or `docx_template` (a Word file with Jinja tags, rendered by docxtpl);
without them a template folder's own `reference.docx` or `brief.docx` is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from ..errors import OutputError, UsageError
from ..model import Briefing
from ..templates import DOCX_TEMPLATE, REFERENCE_DOCX, Template, load_template
from .files import refuse_inputs, write_atomic
from .view import BriefView, build_view

if TYPE_CHECKING:
    from rich.console import Console

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
PathArg = str | Path | None


def _view(briefing: Briefing, template: TemplateArg, marking: str | None) -> tuple[BriefView, Template]:
    spec = load_template(briefing.template if template is None else template)
    return build_view(briefing, spec, marking=marking), spec


@overload
def render(briefing: Briefing, fmt: Literal["docx"], template: TemplateArg = None, *, marking: str | None = None,
           reference_docx: PathArg = None, docx_template: PathArg = None) -> bytes: ...
@overload
def render(briefing: Briefing, fmt: Literal["md", "html", "txt", "json"], template: TemplateArg = None, *,
           marking: str | None = None, reference_docx: PathArg = None, docx_template: PathArg = None) -> str: ...
@overload
def render(briefing: Briefing, fmt: str, template: TemplateArg = None, *, marking: str | None = None,
           reference_docx: PathArg = None, docx_template: PathArg = None) -> str | bytes: ...
def render(briefing: Briefing, fmt: str, template: TemplateArg = None, *, marking: str | None = None,
           reference_docx: PathArg = None, docx_template: PathArg = None) -> str | bytes:
    """The brief in format `fmt` (one of FORMAT_NAMES): bytes for "docx", text otherwise.

    `reference_docx` and `docx_template` apply to "docx" only (a UsageError otherwise) and
    exclude each other.
    """
    if fmt not in FORMAT_NAMES:
        raise OutputError(f"unknown format {fmt!r}; use one of {', '.join(FORMAT_NAMES)}")
    if fmt != "docx" and (reference_docx or docx_template):
        raise UsageError("a reference document or Word template applies to .docx output only")
    if reference_docx and docx_template:
        raise UsageError("use a reference document or a Word template, not both")
    view, spec = _view(briefing, template, marking)
    if fmt == "docx":
        if not reference_docx and (docx_template or spec.file(DOCX_TEMPLATE)):
            from .wordtpl import render_docx_template

            return render_docx_template(view, Path(docx_template or spec.file(DOCX_TEMPLATE)))
        from .docx import render_docx

        reference = reference_docx or spec.file(REFERENCE_DOCX)
        return render_docx(view, Path(reference) if reference else None)
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


def render_to_path(briefing: Briefing, path: Path, template: TemplateArg = None, *, marking: str | None = None,
                   reference_docx: PathArg = None, docx_template: PathArg = None) -> Path:
    """Render to `path` in the format its extension names, written atomically; returns `path`.

    Nothing is written when the format is unknown, the folder is missing, `path` is
    one of the files the brief was made from (its sources, the template's files, the
    reference document or Word template: `files.refuse_inputs`), or rendering or
    writing fails.
    """
    path = Path(path)
    fmt = format_for(path)
    if not path.parent.is_dir():
        raise OutputError(f"folder {str(path.parent)!r} does not exist", source=str(path))
    spec = load_template(briefing.template if template is None else template)
    refuse_inputs(path, [reference_docx, docx_template, *spec.files(), *source_files(briefing)])
    data = render(briefing, fmt, spec, marking=marking, reference_docx=reference_docx,
                  docx_template=docx_template)
    return write_atomic(path, data)


def source_files(briefing: Briefing) -> list[Path]:
    """The files the brief's sources name (a JSONL line's file, a feed item's file), that exist."""
    found = []
    for story in briefing.stories:
        for ref in story.sources:
            name = ref.source
            for candidate in (name, name.rsplit(":", 1)[0], name.split("#", 1)[0]):
                if candidate and candidate != "-" and "://" not in candidate and _is_file(candidate):
                    found.append(Path(candidate))
                    break
    return found


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):
        return False


def render_terminal(briefing: Briefing, console: Console, template: TemplateArg = None, *,
                    marking: str | None = None, pager: bool | None = None) -> None:
    """Print the brief's terminal preview on `console`, wrapped at spaces to its width.

    `pager`: True through the system pager ($PAGER, else `less -FRX`), False never; None (the
    default) as git does: when the console is a terminal and the preview is taller than it.
    """
    from .terminal import print_shown

    view, _ = _view(briefing, template, marking)
    print_shown(view, console, pager)


__all__ = ["FORMATS", "FORMAT_NAMES", "format_for", "render", "render_terminal", "render_to_path"]
