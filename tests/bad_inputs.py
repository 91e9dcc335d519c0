"""The corpus of bad inputs: each item's bytes and its documented outcome.

An outcome is either a brief (exit 0, maybe with a warning naming what was dropped)
or a one-line error with exit code 3 (bad input). Large items are made on the fly.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

NEWS = ("The council approved the new budget on Monday. The mayor said the plan would cut waiting lists. "
        "Opposition members voted against it.")


@dataclass(frozen=True)
class Item:
    name: str
    make: Callable[[], bytes]
    exit_code: int  # 0: a brief is made; 3: a one-line bad-input error
    stderr: str = ""  # text the one stderr line must hold ("" for none expected)
    args: tuple[str, ...] = ()


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def _zip_bomb() -> bytes:
    """A .docx-looking zip that inflates to 300 MB of zeros (about 300 KB on disk)."""
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(300 * 1024 * 1024)})


def _entity_bomb_docx() -> bytes:
    """A real .docx whose document.xml declares nested entities that would expand to 10 MB ("billion laughs")."""
    import docx

    document = docx.Document()
    document.add_paragraph("The council met on Monday. It approved the budget.")
    plain = io.BytesIO()
    document.save(plain)
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdef", "bcdefg", strict=True))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode().replace("?>", f"?><!DOCTYPE w:document [{entities}]>", 1)
                data = text.replace("the budget.", "the budget &g;.").encode()
            dst.writestr(info, data)
    return out.getvalue()


def _html(body: str) -> bytes:
    return f"<html><head><title>Budget</title><style>p {{color: red}}</style></head><body>{body}</body></html>".encode()


ARTICLE_HTML = "".join(f"<p>{s}.</p>" for s in NEWS.rstrip(".").split(". ")) * 3

CORPUS: tuple[Item, ...] = (
    Item("empty.txt", lambda: b"", 3, "empty input"),
    Item("whitespace.txt", lambda: b" \n\t\r\n   \n", 3, "empty input"),
    Item("image.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), 3, "binary file (a PNG image)"),
    Item("archive.txt", lambda: _zip({"a.txt": NEWS.encode()}), 3, "binary file (a zip archive)"),
    Item("truncated-utf8.txt", lambda: (NEWS + " Café").encode()[:-1], 0, "ends in the middle of a character"),
    Item("latin1.txt", lambda: ("Le café était fermé. " + NEWS).encode("latin-1"), 3, "--encoding"),
    Item("cp1252.txt", lambda: ("“Quoted” — " + NEWS).encode("cp1252"), 3, "not valid UTF-8"),
    Item("cp1252-declared.txt", lambda: ("“Quoted” — " + NEWS).encode("cp1252"), 0, "",
         ("--encoding", "cp1252")),
    Item("utf16-bom.txt", lambda: NEWS.encode("utf-16"), 0),
    Item("one-bad-byte.txt", lambda: ("Café news — " + NEWS).encode().replace(b"budget", b"bud\xffget", 1), 0,
         "dropped 1 byte that is not UTF-8"),
    Item("sitemap.xml", lambda: b'<?xml version="1.0"?><urlset><url><loc>https://x.example/a</loc></url></urlset>', 3,
         "XML with no article text"),
    Item("feed.xml", lambda: f"<rss version='2.0'><channel><item><title>Budget</title><description>{NEWS}"
         "</description></item></channel></rss>".encode(), 3, "an RSS/Atom feed, not an article"),
    Item("control-chars.txt", lambda: ("The council\x00 approved\x07 the budget.\x1b " + NEWS).encode(), 0,
         "dropped 3 control characters"),
    Item("big-50mb.txt", lambda: (NEWS + "\n").encode() * (50 * 1024 * 1024 // (len(NEWS) + 1)), 3,
         "larger than the 10 MB limit"),
    Item("one-long-sentence.txt", lambda: ("word " * 20000).encode(), 3, "no sentences found"),
    Item("long-run-and-news.txt", lambda: (NEWS + "\n\n" + "word " * 20000).encode(), 0,
         "left out 1 run of over 5000 characters"),
    Item("no-punctuation.txt", lambda: b"council approves budget\nmayor says waiting lists will fall\nopposition "
         b"votes against\nthe plan takes effect in spring", 0),
    Item("single-sentence.txt", lambda: b"The council approved the budget on Monday.", 0),
    Item("headline-only.txt", lambda: b"Council approves budget", 0),
    Item("scripts.html", lambda: _html("<script>alert('x')</script><iframe src='http://x'></iframe>"
                                       f"<article>{ARTICLE_HTML}</article>"), 0),
    Item("malformed.html", lambda: f"<html><body><div><p>{NEWS}<p>{NEWS}</div></span><b>".encode(), 0),
    Item("not-a-zip.docx", lambda: b"This is plain text pretending to be Word.", 3, "not a readable .docx"),
    Item("zip-bomb.docx", _zip_bomb, 3, "unpacks to more than 200 MB"),
    Item("entity-bomb.docx", _entity_bomb_docx, 3, "not a readable .docx"),
    Item("rtl.txt", lambda: ("وافق المجلس على الميزانية الجديدة يوم الاثنين. "
                             "قال رئيس البلدية إن الخطة ستقلل قوائم الانتظار.").encode(), 0,
         "no entity model for arabic"),  # its script tells its language
    Item("cjk.txt", lambda: "市议会周一批准了新预算。市长说，该计划将缩短等候名单。反对派投了反对票。".encode(), 0,
         "no entity model for chinese", ("--language", "chinese")),
    Item("emoji.txt", lambda: ("🚨 " + NEWS + " 👍🏽 Residents cheered. 🎉").encode(), 0),
    Item("long-digit-run.txt", lambda: (NEWS + " The club paid $" + "9" * 4400 + " for the stadium.").encode(), 0),
    Item("digits-years-ago.txt", lambda: (NEWS + " The town was founded " + "9" * 30 + " years ago.").encode(), 0),
    Item("escape-sequences.txt", lambda: ("\x1b]0;PWNED\x07Budget vote\x1b[2J\n\n" + NEWS
                                          + " The plan\u009b31m passed\u202e easily.").encode(), 0,
         "dropped 4 control characters"),
)
