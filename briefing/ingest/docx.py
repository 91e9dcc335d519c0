"""Word documents: paragraphs in order, title and date from the document."""

from __future__ import annotations

import io
import zipfile
from datetime import date

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
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = para.style.name if para.style is not None else ""
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
