"""Bytes to text: encoding detection by BOM, valid UTF-8 first, then the declared charset; binary refused."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from .xml import unicode_encoding

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF": "a PDF (convert it to text first)",
    b"PK\x03\x04": "a zip archive",
    b"\x1f\x8b": "a gzip archive",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]+)""")


_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def check_binary(data: bytes, source: str) -> None:
    """Refuse images, archives and other binary data with a clear message.

    Text with a few stray control characters (NUL included) is not binary: they
    are dropped later with a note. More than 5% of such bytes is binary.
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary file ({what}), not an article", source=source)
    head = data[:8192]
    if unicode_encoding(head) is not None:  # UTF-16 and UTF-32 (a byte-order mark, or XML's `<?` in them)
        return
    controls = sum(1 for byte in head if byte in _BINARY_BYTES)
    if controls > 0.05 * len(head):
        raise InputError("binary file (mostly control bytes), not an article", source=source)


def _declared(data: bytes, html: bool, label: str | None) -> str | None:
    """The charset the server (`label`) or the document (meta charset, XML declaration) names, as Python knows it."""
    names = [label] if label else []
    if html:
        head = data[:4096]
        names += [m.group(1).decode("ascii", "replace") for m in (_META_CHARSET.search(head), _XML_ENCODING.match(head))
                  if m]
    for name in names:
        try:
            return codecs.lookup(name.lower()).name
        except LookupError:
            continue
    return None


def _mostly_utf8(data: bytes, declared: bool) -> tuple[int, bool]:
    """How many undecodable bytes UTF-8 text holds, and whether so few that it is UTF-8 with stray bad bytes:
    at most one bad byte in four valid non-ASCII characters, or one bad byte in text declared UTF-8 (or
    holding any valid non-ASCII character). Text with no valid non-ASCII character that is not declared
    UTF-8 is another encoding's."""
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in replaced if ord(ch) > 127) - replaced.count("\ufffd")
    allowed = good // 4
    if declared or good:
        allowed = max(1, allowed)
    return bad, 0 < bad <= allowed


def decode_text(data: bytes, source: str, *, html: bool = False, encoding: str | None = None,
                label: str | None = None, notes: list[str] | None = None) -> str:
    """Decode by `encoding` if given (the user's, used strictly), else by BOM (UTF-8/16/32), else as UTF-8 when
    the bytes are valid UTF-8 (whatever a label says: a page labelled gb2312 that is valid UTF-8 is UTF-8), else by
    the charset `label` (a server's) or the document (an HTML meta charset or XML declaration, when `html`)
    names, else as UTF-8 with a few stray bad bytes dropped, with a note.

    A multi-byte character cut off at the very end (a truncated file) is dropped with a note; text that is
    mostly not UTF-8 is an InputError with the --encoding hint.
    """
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", source=source) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding} text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                             source=source) from None
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"not valid {encoding.upper()} text", source=source) from None
    found = unicode_encoding(data)
    if found is not None and found[0] != "utf-8":  # XML in UTF-16 or UTF-32 without a byte-order mark
        try:
            return data.decode(found[0])
        except UnicodeDecodeError:
            raise InputError(f"not valid {found[0].upper()} text", source=source) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc
    declared = _declared(data, html, label)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError as exc:
            first = exc
            encoding = declared
        else:
            encoding = "utf-8"
    else:
        encoding = "utf-8"
    if encoding == "utf-8":
        if first.reason == "unexpected end of data" and first.end == len(data) and len(data) - first.start < 4:
            if notes is not None:
                notes.append("the file ends in the middle of a character; the cut-off bytes were dropped")
            return data[: first.start].decode("utf-8", errors="ignore")
        bad, stray = _mostly_utf8(data, declared == "utf-8")
        if stray:
            if notes is not None:
                notes.append(f"dropped {bad} byte{'s' * (bad > 1)} that {'are' if bad > 1 else 'is'} not UTF-8 "
                             f"(the first at offset {first.start})")
            return data.decode("utf-8", errors="ignore")
    raise InputError(
        f"not valid {encoding.upper()} text (undecodable byte 0x{data[first.start]:02x} at offset {first.start}); "
        "give its encoding with --encoding, e.g. --encoding cp1252",
        source=source,
    ) from None
