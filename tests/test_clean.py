"""Text from every source goes through one normalisation: nothing that enters can crash a writer, drive a
terminal or reorder what a reader sees, in any output format."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from bad_inputs import NEWS
from click.testing import CliRunner
from rich.console import Console

import briefing
from briefing.cli import app
from briefing.errors import InputError
from briefing.ingest import read_bytes
from briefing.ingest.clean import clean_line, clean_text
from briefing.ingest.feed import read_feed
from briefing.model import Article
from briefing.render import render_terminal

runner = CliRunner()

OSC_TITLE = "\x1b]0;PWNED\x07"  # sets the terminal's title
CLEAR = "\x1b[2J"  # clears the screen
C1_CSI = "\x9b31m"  # the one-character CSI: red text
RLO = "\u202e"  # right-to-left override
LINK = "\x1b]8;;http://evil.example/\x1b\\"  # rewrites a clickable link's target
# What must never reach an output: C0/C1 controls (tab and line ends aside), bidi overrides, surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize(("text", "cleaned", "dropped"), [
    ("plain text", "plain text", 0),
    (f"a{OSC_TITLE}b{CLEAR}c", "abc", 2),
    (f"a{C1_CSI}b", "ab", 1),
    (f"a{RLO}b\u2066c\u2069", "abc", 3),
    ("a\ud800b\udfffc", "abc", 2),
    (f"url{LINK}x", "urlx", 1),
    ("unterminated \x1b]0;title\nnext line", "unterminated \nnext line", 1),
    ("keep\ttab\nand lines\r\n", "keep\ttab\nand lines\r\n", 0),
    ("\x00\x07\x1b \x7f\x85", " ", 5),  # a lone ESC is dropped, the space after it kept
    ("Café — 日本 مرحبا 🙂", "Café — 日本 مرحبا 🙂", 0),
])
def test_clean_text(text: str, cleaned: str, dropped: int) -> None:
    assert clean_text(text) == (cleaned, dropped)


def test_clean_line_puts_text_on_one_line() -> None:
    assert clean_line(f"a\nb\r\nc\u2028d{CLEAR}") == "a b c d"


def test_cleaning_is_linear_in_the_text() -> None:
    import time

    hostile = ("\x1b[" + "1;" * 50_000) * 20 + "\x1b]" + "x" * 1_000_000
    start = time.monotonic()
    cleaned, _ = clean_text(hostile)
    assert time.monotonic() - start < 2.0
    assert "\x1b" not in cleaned


def test_article_text_title_and_url_are_cleaned_with_a_note() -> None:
    data = f"Budget {OSC_TITLE}vote{CLEAR}\n\n{NEWS} The plan{C1_CSI} passed{RLO} easily.".encode()
    article = read_bytes(data, "a.txt", url=f"http://example.org/a{LINK}")
    assert article.title == "Budget vote"
    assert not FORBIDDEN.search(article.text) and "PWNED" not in article.text
    assert article.url == "http://example.org/a"
    assert article.notes == ("dropped 4 control characters",)


def test_entities_that_decode_to_controls_are_cleaned_too() -> None:
    page = f"<html><head><title>A&#27;[2J title</title></head><body><article><p>{NEWS}</p>" \
           "<p>The vote was close&#x9b;31m and&#8238; late.</p></article></body></html>"
    article = read_bytes(page.encode(), "page.html")
    assert not FORBIDDEN.search(article.title + article.text)
    assert "The vote was close" in article.text


def test_articles_from_the_python_api_are_cleaned() -> None:
    made = Article(id="x", text=f"{NEWS} It passed{CLEAR}.", title=f"T{OSC_TITLE}", url=f"http://x.org/{LINK}")
    result = briefing.brief(made)
    assert result.stories[0].headline == "T"
    assert any("dropped 2 control characters" in notice for notice in result.notices)
    assert "dropped 1 control character" in briefing.brief(f"Title\n\n{NEWS}\x9b").notices[0]


def test_feed_fields_are_cleaned(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>Budget &#x1b;]0;PWNED&#7; vote</title><description>{NEWS} &#x9b;31m Done.</description>"
        "</item></channel></rss>", encoding="utf-8")
    (article,) = read_feed(str(feed))
    assert article.title == "Budget vote" and not FORBIDDEN.search(article.text)


def _hostile_jsonl(tmp_path: Path) -> Path:
    rows = [
        {"text": NEWS + " \ud800 It passed.", "title": "Budget \ud800 vote", "url": "http://example.org/a\x07b"},
        {"text": f"Floods hit the valley on Tuesday. {OSC_TITLE}Rescue crews {CLEAR}arrived by boat. "
                 f"{C1_CSI}The river {RLO}burst its banks near the old mill.",
         "title": f"{OSC_TITLE}Floods {CLEAR}in the valley", "url": f"http://example.org/floods{LINK}"},
        {"text": "The club paid $" + "9" * 4400 + " for the stadium. It opened on Friday after two years of work.",
         "title": "Stadium opens", "language": f"english{CLEAR}"},
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("ext", ["md", "txt", "html", "json", "docx"])
def test_hostile_jsonl_fields_reach_no_output_format(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"day.{ext}"
    result = runner.invoke(app, ["daily", str(_hostile_jsonl(tmp_path)), "--no-history", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "dropped" in result.stderr and not FORBIDDEN.search(result.stderr)
    if ext == "docx":
        with zipfile.ZipFile(out) as z:
            written = "".join(z.read(name).decode("utf-8") for name in z.namelist() if name.endswith(".rels")
                              or name.startswith("word/"))
    else:
        written = out.read_text(encoding="utf-8")
    assert not FORBIDDEN.search(written)
    assert "PWNED" not in written and "evil.example" not in written and "[2J" not in written
    assert "Floods in the valley" in written


def test_hostile_jsonl_fields_reach_no_terminal(tmp_path: Path) -> None:
    day = briefing.daily_brief([_hostile_jsonl(tmp_path)], on_error=lambda s, m: None, on_note=lambda s, m: None)
    screen = io.StringIO()
    render_terminal(day, Console(file=screen, force_terminal=True, width=100, color_system="truecolor"))
    shown = screen.getvalue()
    # rich's own styling is SGR (ESC [ ... m) and links OSC 8 to the cleaned URL; nothing else.
    assert not re.search(r"\x1b\[[0-9;]*[A-La-ln-z]|\x1b\](?!8;)|\x9b|\u202e|\x07", shown)
    assert "evil.example" not in shown and "PWNED" not in shown
    assert "http://example.org/floods" in shown


def test_error_messages_carry_no_escape_sequences(tmp_path: Path) -> None:
    name = tmp_path / f"{OSC_TITLE}news{CLEAR}.txt"
    result = runner.invoke(app, ["brief", str(name), "-o", str(tmp_path / "b.md")])
    assert result.exit_code == 3
    assert not FORBIDDEN.search(result.stderr) and "news.txt: no such file" in result.stderr
    assert str(InputError("bad\nthing", source=f"x{CLEAR}")) == "x: bad thing"
