"""Bytes to text: encoding detection by BOM, strict UTF-8, binary refused."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"%PDF": "a PDF (convert it to text first)",
    b"PK\x03\x04": "a zip archive",
    b"\x1f\x8b": "a gzip archive",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


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
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)):
        return
    controls = sum(1 for byte in head if byte in _BINARY_BYTES)
    if controls > 0.05 * len(head):
        raise InputError("binary file (mostly control bytes), not an article", source=source)


def decode_text(data: bytes, source: str, *, html: bool = False, encoding: str | None = None,
                notes: list[str] | None = None) -> str:
    """Decode by `encoding` if given, else BOM (UTF-8/16/32), an HTML meta charset, else strict UTF-8.

    A multi-byte character cut off at the very end (a truncated file) is dropped
    with a note; any other undecodable byte is an InputError.
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
    encoding = "utf-8"
    if html and (match := _META_CHARSET.search(data[:4096])):
        declared = match.group(1).decode("ascii", "replace").lower()
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            if notes is not None:
                notes.append("the file ends in the middle of a character; the cut-off bytes were dropped")
            return data[: exc.start].decode(encoding)
        raise InputError(
            f"not valid {encoding.upper()} text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "give its encoding with --encoding, e.g. --encoding cp1252",
            source=source,
        ) from None
