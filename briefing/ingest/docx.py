"""Word documents: paragraphs in order, title and date from the document."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from typing import Any

from ..errors import InputError
from .text import unify_lines

_HEADING_STYLES = ("Title", "Heading 1")
MAX_UNCOMPRESSED = 200 * 1024 * 1024


def read_docx(data: bytes, source: str) -> tuple[str, str, date | None]:
    """Title (core property, else the Title/Heading 1 paragraph), body, created date."""
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED:
                raise InputError("the .docx unpacks to more than 200 MB; refusing it", source=source)
        document = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable .docx file ({exc.__class__.__name__})", source=source) from None
    except Exception as exc:  # python-docx raises assorted errors on damaged packages
        raise InputError(f"not a readable .docx file ({exc})", source=source) from None
    props = document.core_properties
    title = (props.title or "").strip()
    paragraphs: list[str] = []
    styles, default_style = _paragraph_styles(document)
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style_id = para._p.style
        style = (styles.get(style_id) if style_id else None) or default_style
        if style in _HEADING_STYLES and not title:
            title = text
            continue
        if style.startswith(("Heading", "Title", "Subtitle")):
            continue
        paragraphs.append(text)
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    published = props.created.date() if props.created else None
    return title, unify_lines("\n\n".join(paragraphs)), published


def _paragraph_styles(document: Any) -> tuple[dict[str, str | None], str]:
    """Paragraph style names by style id, and the default paragraph style's name, read once.

    What `Paragraph.style.name` gives, without python-docx's search of every style for
    every paragraph (a .docx of many styles and paragraphs took minutes): the first style
    with an id wins, one of another type counts as none, and none gives the default.
    """
    from docx.enum.style import WD_STYLE_TYPE
    from docx.styles import BabelFish

    by_id: dict[str, str | None] = {}
    default = ""
    for style in document.styles.element.style_lst:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            by_id.setdefault(style.styleId, None)
            continue
        name = BabelFish.internal2ui(style.name_val) if style.name_val is not None else ""
        by_id.setdefault(style.styleId, name)
        if style.default:
            default = name
    return by_id, default
