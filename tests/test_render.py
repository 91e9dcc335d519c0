"""Renderers: golden files, Word structure, escaping, templates and atomic writes.

Regenerate the golden files with `UPDATE_GOLDEN=1 pytest tests/test_render.py`.
"""

from __future__ import annotations

import html
import io
import json
import os
import zipfile
from pathlib import Path

import docx
import pytest
from fixtures_render import TITLE, airport_briefing, daily_briefing, hostile_briefing, hostile_text
from rich.console import Console

from briefing.errors import OutputError, UsageError
from briefing.render import FORMATS, render, render_terminal, render_to_path
from briefing.render.docx import ZIP_DATE
from briefing.render.text import escape_markdown
from briefing.templates import builtin_templates_dir, list_templates, load_template

GOLDEN = Path(__file__).parent / "golden"


def terminal(briefing, template=None, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_terminal(briefing, console, template)
    # rich pads table cells to the full width; trailing spaces carry no meaning
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()) + "\n"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.is_file(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json"])
def test_golden_formats(fmt: str) -> None:
    check_golden(f"standard.{fmt}", render(airport_briefing(), fmt))


def test_golden_terminal() -> None:
    check_golden("terminal-80.txt", terminal(airport_briefing()))


# --- Word ------------------------------------------------------------------------------------------


def read_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_docx_structure_and_styles() -> None:
    doc = read_docx(render(airport_briefing(), "docx"))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styled[0] == ("Title", TITLE)
    assert ("Normal", "3 January 2020") in styled
    headings = [text for style, text in styled if style == "Heading 1"]
    assert headings == ["Situation", "Actors", "Background", "Sources"]
    bullets = [text for style, text in styled if style == "List Bullet"]
    assert bullets[0].startswith("At least eight people were killed")
    assert len(bullets) == 3 + 2 + 1  # situation, background, sources
    assert ("Normal", "Places: Baghdad, Iraq") in styled

    (table,) = doc.tables
    assert table.style.name == "Light List Accent 1"
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Name", "Kind", "Role", "Mentions"]
    assert rows[1] == ["Qassim Soleimani", "person", "the head of Iran’s elite Quds Force", "2"]
    assert rows[2] == ["Mark Esper", "person", "Defense Secretary", "1"]
    assert rows[3] == ["Popular Mobilization Forces", "organization", "", "2"]

    props = doc.core_properties
    assert (props.title, props.subject, props.author) == (TITLE, "Briefing", "briefing")
    assert props.created.date().isoformat() == "2020-01-03"
    assert props.modified == props.created == props.last_printed


def test_docx_is_deterministic() -> None:
    first, second = render(daily_briefing(), "docx"), render(daily_briefing(), "docx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {ZIP_DATE}
    assert read_docx(first).core_properties.created.year == 2000  # no date: fixed, not now()


def test_docx_several_stories_and_links() -> None:
    doc = read_docx(render(daily_briefing(), "docx"))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert [t for s, t in styled if s == "Heading 1"] == [
        TITLE, "U.S. officials prepared for further retaliatory attacks"]
    assert [t for s, t in styled if s == "Heading 2"].count("Situation") == 2
    links = [h.address for p in doc.paragraphs for h in p.hyperlinks]
    assert links == ["https://example.org/news/retaliation_(2020)"]


def test_docx_keeps_hostile_text_and_drops_unsafe_links() -> None:
    doc = read_docx(render(hostile_briefing(), "docx"))
    assert doc.paragraphs[0].text == hostile_text()
    assert not [h for p in doc.paragraphs for h in p.hyperlinks]


# --- escaping ---------------------------------------------------------------------------------------


def test_html_escapes_article_text() -> None:
    page = render(hostile_briefing(), "html")
    assert "<script>" not in page and "<b>Mallory" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "javascript:" not in page


def test_markdown_escapes_article_text() -> None:
    md = render(hostile_briefing(), "md")
    assert "<script>" not in md and "javascript:" not in md
    assert md.startswith("# \\# \\[bold\\]Breaking")
    assert "| \\[red\\]Eve\\[/red\\] \\| &lt;b>Mallory&lt;/b> | person | \\- a \\*role\\* | 1 |" in md


@pytest.mark.parametrize(("text", "escaped"), [
    ("1. not a list", "1\\. not a list"),
    ("- not a bullet", "\\- not a bullet"),
    ("> not a quote", "\\> not a quote"),
    ("a &amp; b & c", "a &amp;amp; b & c"),
    ("two\nlines", "two lines"),
    ("Iran’s 750 U.S. soldiers", "Iran’s 750 U.S. soldiers"),
])
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_terminal_prints_rich_markup_literally() -> None:
    out = terminal(hostile_briefing(), width=200)
    assert "# [bold]Breaking[/bold] <script>alert('x')</script> | *not* _emphasis_ & co :smile:" in out
    assert "[red]Eve[/red] | <b>Mallory</b>" in out


def test_text_formats_keep_article_text_literally() -> None:
    assert hostile_text() in render(hostile_briefing(), "txt")
    data = json.loads(render(hostile_briefing(), "json"))
    assert data["title"] == hostile_text()
    assert data["stories"][0]["sources"][0]["url"] == "javascript:alert(1)"  # data, kept as given


# --- several stories, JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json", "terminal"])
def test_several_stories_show_each_headline(fmt: str) -> None:
    out = terminal(daily_briefing(), width=120) if fmt == "terminal" else render(daily_briefing(), fmt)
    out = html.unescape(out) if fmt == "html" else out
    assert out.count("U.S. officials prepared for further retaliatory attacks") == 1
    assert TITLE in out and "Daily brief" in out


def test_markdown_heading_levels_with_several_stories() -> None:
    md = render(daily_briefing(), "md")
    assert f"\n## {TITLE}\n" in md and "\n### Situation\n" in md
    assert "- [Retaliation](https://example.org/news/retaliation_%282020%29)" in md


def test_json_schema() -> None:
    data = json.loads(render(airport_briefing(), "json"))
    assert list(data) == ["schema", "title", "date", "method", "template", "layout", "notices", "stories"]
    assert data["schema"] == "briefing/1" and data["date"] == "2020-01-03"
    assert data["layout"] == ["situation", "actors", "background"]
    story = data["stories"][0]
    assert list(story) == ["headline", "sections", "actors", "places", "sources"]
    assert [s["key"] for s in story["sections"]] == ["situation", "background"]
    assert list(story["sections"][0]["items"][0]) == ["text", "article_id", "sentence_index", "score"]
    assert story["actors"][0]["role"] == "the head of Iran’s elite Quds Force"
    assert story["places"] == ["Baghdad", "Iraq"]
    assert json.loads(render(daily_briefing(), "json"))["date"] is None


# --- templates ------------------------------------------------------------------------------------


def test_builtin_templates() -> None:
    assert (builtin_templates_dir() / "standard" / "template.toml").is_file()
    standard = load_template("standard")
    assert "standard" in [t.name for t in list_templates()]
    assert [(s.key, s.title, s.limit) for s in standard.sections] == [
        ("situation", "Situation", 4), ("actors", "Actors", 12), ("background", "Background", 4)]
    assert load_template(None) == standard == load_template(standard)


def make_template(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


SHORT_SPEC = """name = "short"
description = "Situation and actors only"
[[sections]]
key = "situation"
title = "What happened"
limit = 2
[[sections]]
key = "actors"
title = "Who"
limit = 1
"""


def test_user_template_overrides_only_markdown(tmp_path: Path) -> None:
    folder = make_template(tmp_path / "short", {
        "template.toml": SHORT_SPEC,
        "brief.md.j2": '{% extends "standard/brief.md.j2" %}\n'
                       "{% block footer %}\n---\nPrepared for {{ brief.title }}\n{% endblock %}\n",
    })
    md = render(airport_briefing(), "md", folder)
    assert "## What happened" in md and "## Who" in md and "Background" not in md
    assert md.count("\n- ") == 2 + 1  # situation limit 2, plus the source
    assert "| Qassim Soleimani |" in md and "Mark Esper" not in md  # actors limit 1
    assert md.endswith("---\nPrepared for 7, including Iran's Gen. Soleimani killed in missile attack on "
                       "Baghdad Airport\n")
    page = render(airport_briefing(), "html", str(folder))  # no brief.html.j2: the standard one
    assert "<h2>What happened</h2>" in page and "Background" not in page


def test_template_errors_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown template 'nope'; use one of: standard"):
        load_template("nope")
    with pytest.raises(UsageError, match="template folder not found"):
        load_template(tmp_path / "missing")
    with pytest.raises(UsageError, match=r"no template\.toml"):
        load_template(make_template(tmp_path / "empty", {}))
    with pytest.raises(UsageError, match="bad TOML"):
        load_template(make_template(tmp_path / "bad", {"template.toml": "name = \n"}))
    with pytest.raises(UsageError, match="limit must be"):
        load_template(make_template(tmp_path / "limit", {
            "template.toml": '[[sections]]\nkey = "situation"\nlimit = 0\n'}))
    broken = make_template(tmp_path / "broken", {"template.toml": SHORT_SPEC, "brief.txt.j2": "{% if %}"})
    with pytest.raises(UsageError, match="template error at line 1"):
        render(airport_briefing(), "txt", broken)


# --- writing files --------------------------------------------------------------------------------


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_render_to_path_writes_each_format(tmp_path: Path, ext: str) -> None:
    path = render_to_path(airport_briefing(), tmp_path / f"brief{ext}")
    assert path.is_file() and path.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [f"brief{ext}"]
    if FORMATS[ext] != "docx":
        assert path.read_text(encoding="utf-8") == render(airport_briefing(), FORMATS[ext])


def test_unknown_extension_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"unknown output format '\.pdf'; use one of \.docx"):
        render_to_path(airport_briefing(), tmp_path / "brief.pdf")
    with pytest.raises(OutputError, match="unknown format 'pdf'"):
        render(airport_briefing(), "pdf")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        render_to_path(airport_briefing(), tmp_path / "no" / "brief.md")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefing.render.files.os.replace", fail)
    with pytest.raises(OutputError, match="No space left on device"):
        render_to_path(airport_briefing(), tmp_path / "brief.docx")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "brief.md"
    old.write_text("old", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("briefing.render.files.os.fsync", fail)
    with pytest.raises(OutputError):
        render_to_path(airport_briefing(), old)
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"] and old.read_text() == "old"


def test_markdown_parses_back_to_the_literal_text() -> None:
    from markdown_it import MarkdownIt  # rich's own dependency

    page = MarkdownIt("commonmark").enable("table").render(render(hostile_briefing(), "md"))
    assert f"<h1>{html.escape(hostile_text(), quote=False)}</h1>" in page
    assert "<td>[red]Eve[/red] | &lt;b&gt;Mallory&lt;/b&gt;</td>" in page
    assert "<script>" not in page and "<a " not in page
