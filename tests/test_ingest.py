"""Reading inputs: formats, titles, dates and every kind of bad input."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest

from briefing.errors import InputError
from briefing.ingest import article_id, read_bytes, read_path, read_stream

BODY = "The council voted on Monday. It approved the plan by five votes to two."


def test_plain_text_headline_and_body(tmp_path: Path) -> None:
    path = tmp_path / "vote.txt"
    path.write_text(f"Council approves plan\n\n{BODY}\n", encoding="utf-8")
    article = read_path(path)
    assert article.title == "Council approves plan"
    assert article.text == BODY
    assert article.id == "vote"
    assert article.source == str(path)


def test_first_line_that_is_a_sentence_is_not_a_headline() -> None:
    article = read_bytes(f"{BODY}\n\nA second paragraph follows.".encode(), "x.txt", kind=".txt")
    assert article.title == ""
    assert article.text.startswith("The council voted")


def test_front_matter_title_and_date() -> None:
    text = f"Title: Budget passes\nDate: 2020-01-03\n\n{BODY}"
    article = read_bytes(text.encode(), "x.txt", kind=".txt")
    assert article.title == "Budget passes"
    assert article.published == date(2020, 1, 3)
    assert article.text == BODY


def test_markdown_heading_links_and_emphasis() -> None:
    md = f"# Plan approved\n\n## Details\n\nThe **council** voted on [Monday](http://x.test). {BODY[29:]}\n"
    article = read_bytes(md.encode(), "x.md", kind=".md")
    assert article.title == "Plan approved"
    assert "Details" not in article.text
    assert article.text.startswith("The council voted on Monday.")


def test_html_main_content_without_boilerplate() -> None:
    paragraphs = "".join(
        f"<p>The city council met on Monday evening and debated point {i} of the new transport plan "
        f"for several hours before voting.</p>" for i in range(6)
    )
    html = (
        "<html><head><title>Council approves plan | Daily News</title>"
        '<meta property="article:published_time" content="2021-05-04"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Council approves plan</h1>{paragraphs}</article>"
        "<footer>Copyright Daily News. All rights reserved.</footer></body></html>"
    )
    article = read_bytes(html.encode(), "page.html", kind=".html")
    assert "Council approves plan" in article.title
    assert "point 0 of the new transport plan" in article.text
    assert "Sport" not in article.text and "Copyright" not in article.text
    assert article.text.count("\n\n") >= 5  # paragraphs kept
    assert article.published == date(2021, 5, 4)


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    body = "".join(f"<p>Paragraph {i} says that the council voted on the transport plan today.</p>"
                   for i in range(5))
    path.write_text(f"<!DOCTYPE html><html><body><article>{body}</article></body></html>")
    assert "Paragraph 3 says" in read_path(path).text


def test_docx_title_and_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Council approves plan"
    document.add_heading("Council approves plan", level=1)
    document.add_paragraph("The council voted on Monday.")
    document.add_paragraph("It approved the plan by five votes to two.")
    path = tmp_path / "story.docx"
    document.save(path)
    article = read_path(path)
    assert article.title == "Council approves plan"
    assert article.text == BODY.replace(". It", ".\n\nIt")


def test_stdin_stream() -> None:
    article = read_stream(io.BytesIO(BODY.encode()))
    assert article.id == "stdin" and article.source == "-"
    assert article.text == BODY


def test_utf8_bom_and_utf16_are_decoded() -> None:
    assert read_bytes(b"\xef\xbb\xbf" + BODY.encode(), "a.txt").text == BODY
    assert read_bytes(BODY.encode("utf-16"), "b.txt").text == BODY


def test_control_characters_are_dropped_with_a_note() -> None:
    article = read_bytes(("The council\x00 voted.\x07 " + BODY[29:]).encode(), "c.txt")
    assert article.text.startswith("The council voted.")
    assert article.notes == ("dropped 2 control characters",)


def test_truncated_utf8_tail_is_dropped_with_a_note() -> None:
    data = (BODY + " Café").encode()[:-1]  # the é cut in half
    article = read_bytes(data, "t.txt")
    assert article.text.endswith("Caf")
    assert "ends in the middle of a character" in article.notes[0]


def test_encoding_override() -> None:
    data = "Le café était fermé. Les clients sont partis.".encode("cp1252")
    with pytest.raises(InputError, match="--encoding"):
        read_bytes(data, "f.txt")
    assert read_bytes(data, "f.txt", encoding="cp1252").text.startswith("Le café était fermé.")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_bytes(data, "f.txt", encoding="klingon")


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 20000)  # 1.4 MB
    with pytest.raises(InputError, match=r"larger than the 0.5 MB limit \(see --max-input-mb\)"):
        read_path(path, max_bytes=512 * 1024)
    assert read_path(path, max_bytes=2 * 1024 * 1024).text.startswith(BODY)


def test_article_ids() -> None:
    assert article_id("/tmp/My Story (1).txt") == "my-story-1"
    assert article_id("-") == "stdin"
    assert article_id("https://example.org/news/plan-approved") == "plan-approved"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"   \n\t\n  ", "empty input"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "binary file (a PNG image)"),
        ("nul.txt", b"abc\x00def" * 10, "binary file (mostly control bytes)"),
        ("latin.txt", "Café au lait.".encode("latin-1"), "not valid UTF-8 text (undecodable byte 0xe9"),
        ("punct.txt", b"... --- !!!", "no readable article text"),
        ("bad.docx", b"this is not a zip", "not a readable .docx file"),
    ],
)
def test_bad_inputs_raise_one_line_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_path(path)
    text = str(info.value)
    assert message in text
    assert text.startswith(str(path))
    assert "\n" not in text


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)
