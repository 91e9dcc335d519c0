"""Renderers: Word structure, reference documents and docxtpl, escaping, the view, terminal and atomic writes.

The golden files of every template and format are checked in test_templates.py.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from fixtures_render import (
    HOUSE_STYLE,
    SECOND,
    SENTENCES,
    TITLE,
    airport_briefing,
    daily_briefing,
    hostile_briefing,
    hostile_text,
)
from rich.console import Console

from briefing.errors import OutputError, UsageError
from briefing.render import FORMATS, render, render_terminal, render_to_path
from briefing.render.docx import ZIP_DATE
from briefing.render.text import escape_markdown
from briefing.render.view import build_view
from briefing.templates import builtin_templates_dir, list_templates, load_template


def terminal(briefing, template=None, width: int = 80, **options) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_terminal(briefing, console, template, **options)
    # rich pads table cells to the full width; trailing spaces carry no meaning
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()) + "\n"


# --- Word ------------------------------------------------------------------------------------------


def read_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_docx_structure_and_styles() -> None:
    doc = read_docx(render(airport_briefing(), "docx"))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styled[0] == ("Title", TITLE)
    assert ("Normal", "3 Jan 2020") in styled
    headings = [text for style, text in styled if style == "Heading 1"]
    assert headings == ["Situation", "Actors", "Background", "Quotes", "Key figures", "What to watch", "Sources"]
    bullets = [text for style, text in styled if style == "List Bullet"]
    assert bullets[0].startswith("At least eight people were killed")
    assert len(bullets) == 3 + 2 + 1 + 1 + 1 + 1  # situation, background, quotes, figures, outlook, sources
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
    links = [h.address or f"#{h.fragment}" for p in doc.paragraphs for h in p.hyperlinks]
    assert links == ["#story-1", "#story-2", "https://example.org/news/retaliation_(2020)"]  # contents, a source


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
    assert TITLE in out and "Daily brief" in out
    if fmt == "html":  # the contents list links to it once, before the stories
        contents, out = out.split("</nav>")
        assert contents.count("U.S. officials prepared for further retaliatory attacks") == 1
    assert out.count("U.S. officials prepared for further retaliatory attacks") == 1


def test_markdown_heading_levels_with_several_stories() -> None:
    md = render(daily_briefing(), "md")
    assert f"\n## {TITLE}\n" in md and "\n### Situation\n" in md
    assert "- [Retaliation](https://example.org/news/retaliation_%282020%29)" in md


def test_display_formats_list_the_first_places_json_all() -> None:
    many = tuple(f"Town {n}" for n in range(1, 16))
    b = airport_briefing()
    b = replace(b, stories=(replace(b.stories[0], places=many),))
    shown = render(b, "md")
    assert "Town 10" in shown and "Town 11" not in shown
    assert json.loads(render(b, "json"))["stories"][0]["places"] == list(many)


def test_json_schema() -> None:
    data = json.loads(render(airport_briefing(), "json"))
    assert list(data) == ["schema", "title", "date", "method", "template", "layout", "notices", "marking",
                          "bottom_line", "stories", "also_today"]
    assert data["schema"] == "briefing/1" and data["date"] == "2020-01-03"
    assert data["layout"] == ["situation", "actors", "background", "quotes", "figures", "timeline", "outlook"]
    assert data["marking"] is None and data["bottom_line"] is None
    story = data["stories"][0]
    assert list(story) == ["headline", "headline_from", "seen", "sections", "actors", "places", "article_ids",
                           "sources"]
    assert [s["key"] for s in story["sections"]] == ["situation", "background", "quotes", "figures", "outlook"]
    assert list(story["sections"][0]["items"][0]) == ["text", "shown", "spans", "article_id", "sentence_index",
                                                      "score", "label", "seen"]
    assert story["actors"][0]["role"] == "the head of Iran’s elite Quds Force"
    assert story["places"] == ["Baghdad", "Iraq"]
    assert json.loads(render(daily_briefing(), "json"))["date"] is None


def _labelled_and_seen():
    """The airport fixture with a quote's speaker as label, one excerpt and the story seen before."""
    from dataclasses import replace

    b = airport_briefing()
    story = b.stories[0]
    sections = []
    for section in story.sections:
        excerpts = list(section.excerpts)
        if section.key == "quotes":
            excerpts[0] = replace(excerpts[0], label="Mark Esper")
        if section.key == "situation":
            excerpts[0] = replace(excerpts[0], seen=True)
        sections.append(replace(section, excerpts=tuple(excerpts)))
    other = replace(story, headline="Second story", seen=False)
    return replace(b, stories=(replace(story, sections=tuple(sections), seen=True), other))


@pytest.mark.parametrize(("fmt", "label", "seen"), [
    ("md", "**Mark Esper** — “The game", "deceased. *(seen before)*"),
    ("txt", "• Mark Esper — “The game", "Friday. (seen before)"),
    ("html", "<strong>Mark Esper</strong> — “The game", '<small class="seen">(seen before)</small>'),
])
def test_labels_and_seen_markers_in_text_formats(fmt: str, label: str, seen: str) -> None:
    out = render(_labelled_and_seen(), fmt)
    assert label in out
    assert seen in out or "(seen before)" in out
    assert out.count("(seen before)") == 2  # the story's headline and one excerpt


def test_labels_and_seen_in_json_docx_and_terminal() -> None:
    b = _labelled_and_seen()
    data = json.loads(render(b, "json"))
    assert data["stories"][0]["seen"] is True and data["stories"][1]["seen"] is False
    quotes = next(s for s in data["stories"][0]["sections"] if s["key"] == "quotes")
    assert quotes["items"][0]["label"] == "Mark Esper"
    document = docx.Document(io.BytesIO(render(b, "docx")))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Mark Esper — “The game") for t in texts)
    assert sum("(seen before)" in t for t in texts) == 2
    console = Console(file=io.StringIO(), width=100, color_system=None)
    render_terminal(b, console)
    shown = console.file.getvalue()
    assert "Mark Esper — “The game" in shown and "(seen before)" in shown


# --- templates ------------------------------------------------------------------------------------


def test_builtin_templates() -> None:
    assert (builtin_templates_dir() / "standard" / "template.toml").is_file()
    standard = load_template("standard")
    assert "standard" in [t.name for t in list_templates()]
    assert [(s.key, s.title, s.limit) for s in standard.sections][:3] == [
        ("situation", "Situation", 5), ("actors", "Actors", 12), ("background", "Background", 4)]
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
    assert "<strong>Qassim Soleimani</strong>" in page and "Mark Esper" not in page


def test_template_errors_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown template 'nope'; use one of: bluf, daily, sitrep, standard"):
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


# --- Word: header, footer, marking, reference documents, docxtpl -------------------------------------


def field_codes(part) -> list[str]:
    return [t.text.strip() for t in part._element.iter(qn("w:instrText"))]


def test_docx_header_footer_and_marking() -> None:
    doc = read_docx(render(airport_briefing(), "docx", marking="Internal – do not forward"))
    section = doc.sections[0]
    header = [(p.style.name, p.text) for p in section.header.paragraphs]
    footer = [(p.style.name, p.text) for p in section.footer.paragraphs]
    assert header == [("Marking", "Internal – do not forward"), ("Header", f"{TITLE} · 3 Jan 2020")]
    assert footer == [("Footer", "Page 1 of 1"), ("Marking", "Internal – do not forward")]
    assert field_codes(section.footer) == ["PAGE", "NUMPAGES"]
    assert doc.styles["Marking"].font.bold and doc.styles["Marking"].font.all_caps
    # The first page opens with the title itself: its header has the marking only, its footer the same.
    assert section.different_first_page_header_footer
    assert [(p.style.name, p.text) for p in section.first_page_header.paragraphs] == [
        ("Marking", "Internal – do not forward")]
    assert [(p.style.name, p.text) for p in section.first_page_footer.paragraphs] == footer
    assert field_codes(section.first_page_footer) == ["PAGE", "NUMPAGES"]

    plain = read_docx(render(airport_briefing(), "docx")).sections[0]
    assert [p.style.name for p in plain.header.paragraphs] == ["Header"]
    assert [p.style.name for p in plain.footer.paragraphs] == ["Footer"]
    assert [p.text for p in plain.first_page_header.paragraphs] == [""]
    assert TITLE not in plain.first_page_header._element.xml
    assert [p.text for p in plain.first_page_footer.paragraphs] == ["Page 1 of 1"]


def test_docx_bottom_line_and_story_links() -> None:
    bluf = read_docx(render(airport_briefing(), "docx", "bluf"))
    styled = [(p.style.name, p.text) for p in bluf.paragraphs]
    assert styled[2] == ("Heading 1", "Bottom line")
    assert styled[3] == ("Bottom Line", f"{SENTENCES[0]} {SENTENCES[2]}")
    assert styled[4] == ("Heading 1", "Details")
    daily = read_docx(render(daily_briefing("daily"), "docx"))
    anchors = [a for a in daily.element.body.iter(qn("w:hyperlink")) if a.get(qn("w:anchor"))]
    bookmarks = [b.get(qn("w:name")) for b in daily.element.body.iter(qn("w:bookmarkStart"))]
    assert [a.get(qn("w:anchor")) for a in anchors] == 2 * bookmarks == 2 * ["story-1", "story-2"]  # contents,
    # then the bottom line


def test_docx_actor_rows_never_split_and_the_table_stays_with_places() -> None:
    doc = read_docx(render(airport_briefing(), "docx"))
    (table,) = doc.tables
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None, "a row may break across pages"
    keep = [[p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs] for row in table.rows]
    assert all(all(k) for k in keep), "a row does not keep with the next: the table may part from Places"
    places = next(p for p in doc.paragraphs if p.text.startswith("Places:"))
    assert table._element.getnext() is places._p
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the header row repeats
    no_places = replace(airport_briefing(), stories=(replace(airport_briefing().stories[0], places=()),))
    (table,) = read_docx(render(no_places, "docx")).tables
    assert not any(p.paragraph_format.keep_with_next for c in table.rows[-1].cells for p in c.paragraphs)


@pytest.mark.parametrize("template", ["standard", "daily"])
def test_docx_contents_link_to_each_story(template: str) -> None:
    doc = read_docx(render(daily_briefing(template, third=True), "docx"))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    at = styled.index(("TOC Heading", "Contents"))
    assert styled[at + 1: at + 4] == [("Contents", TITLE), ("Contents", SECOND), ("Contents", "Iraq-U.S. relations")]
    entries = doc.paragraphs[at + 1: at + 4]
    links = [link for p in entries for link in p._p.iter(qn("w:hyperlink"))]
    assert [link.get(qn("w:anchor")) for link in links] == ["story-1", "story-2", "story-3"]
    assert all(link.get(qn("r:id")) is None for link in links)  # internal: no relationship, no URL
    assert {r.find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val")) for link in links
            for r in link.iter(qn("w:r"))} == {"Hyperlink"}
    stories = (TITLE, SECOND, "Iraq-U.S. relations")
    heads = {p.text: [b.get(qn("w:name")) for b in p._p.iter(qn("w:bookmarkStart"))]
             for p in doc.paragraphs if p.style.name == "Heading 1" and p.text in stories}
    assert heads == {TITLE: ["story-1"], SECOND: ["story-2"], "Iraq-U.S. relations": ["story-3"]}
    assert styled.index(("TOC Heading", "Contents")) < styled.index(("Heading 1", TITLE))
    one = read_docx(render(airport_briefing(), "docx"))
    assert "Contents" not in [p.text for p in one.paragraphs]  # one story: nothing to find


def test_html_contents_link_to_each_story() -> None:
    page = render(daily_briefing("daily", third=True), "html")
    nav = page[page.index('<nav class="contents"'): page.index("</nav>")]
    assert re.findall(r'<li><a href="#([^"]+)">', nav) == ["story-1", "story-2", "story-3"]
    assert [html.unescape(t) for t in re.findall(r'<li><a href="#[^"]+">([^<]+)</a></li>', nav)] == [
        TITLE, SECOND, "Iraq-U.S. relations"]
    assert re.findall(r'<article id="([^"]+)">', page) == ["story-1", "story-2", "story-3"]
    assert page.index("</nav>") < page.index('<section class="bottom-line">')
    assert '<nav class="contents"' not in render(airport_briefing(), "html")


def make_reference(path: Path, *, strip: bool = False) -> Path:
    """A reference document: A4, Liberation fonts, some text; `strip`: without the styles a brief uses."""
    doc = docx.Document()
    doc.sections[0].page_width, doc.sections[0].left_margin = Mm(210), Mm(30)
    doc.styles["Normal"].font.name = "Liberation Serif"
    doc.styles["Heading 1"].font.name = "Liberation Sans"
    doc.add_paragraph("Text of the reference document")
    doc.sections[0].header.paragraphs[0].text = "Reference header"
    if strip:
        for name in ("Title", "Subtitle", "Heading 2", "List Bullet", "Header", "Footer", "Strong"):
            doc.styles.element.remove(doc.styles[name].element)
        numbering = next(r for r in doc.part.rels.values() if r.reltype.endswith("/numbering"))
        doc.part.drop_rel(numbering.rId)
    doc.save(path)
    return path


def test_reference_docx_changes_fonts_and_margins(tmp_path: Path) -> None:
    reference = make_reference(tmp_path / "ref.docx")
    data = render(airport_briefing(), "docx", reference_docx=reference)
    doc = read_docx(data)
    assert doc.styles["Normal"].font.name == "Liberation Serif"
    assert doc.styles["Heading 1"].font.name == "Liberation Sans"
    ref = docx.Document(reference).sections[0]
    assert (doc.sections[0].page_width, doc.sections[0].left_margin) == (ref.page_width, ref.left_margin)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == TITLE and "Text of the reference document" not in texts
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["Reference header"]  # its own is kept
    assert not doc.sections[0].different_first_page_header_footer  # on every page: it is not the title
    assert [p.text for p in doc.sections[0].footer.paragraphs] == ["Page 1 of 1"]  # it had none: ours
    assert doc.core_properties.author == "briefing"
    assert render(airport_briefing(), "docx", reference_docx=str(reference)) == data
    assert read_docx(render(airport_briefing(), "docx")).styles["Normal"].font.name != "Liberation Serif"


def test_reference_docx_own_footer_is_kept_and_marked(tmp_path: Path) -> None:
    ref = docx.Document()
    ref.sections[0].footer.paragraphs[0].text = "ACME Analysis Unit"
    ref.save(tmp_path / "ref.docx")
    doc = read_docx(render(airport_briefing(), "docx", reference_docx=tmp_path / "ref.docx", marking="Internal"))
    section = doc.sections[0]
    assert [(p.style.name, p.text) for p in section.header.paragraphs] == [
        ("Marking", "Internal"), ("Header", f"{TITLE} · 3 Jan 2020")]
    assert [p.text for p in section.footer.paragraphs] == ["ACME Analysis Unit", "Internal"]
    assert field_codes(section.footer) == []
    assert section.different_first_page_header_footer  # our header (with the title) is left off page 1 ...
    assert [p.text for p in section.first_page_header.paragraphs] == ["Internal"]
    assert [p.text for p in section.first_page_footer.paragraphs] == ["ACME Analysis Unit", "Internal"]  # ... not
    # the reference's footer


def test_reference_docx_footer_picture_is_on_the_first_page_too(tmp_path: Path) -> None:
    logo = _png(tmp_path / "logo.png")
    ref = docx.Document()
    ref.sections[0].footer.paragraphs[0].add_run().add_picture(str(logo), width=Mm(10))
    ref.save(tmp_path / "ref.docx")
    section = read_docx(render(airport_briefing(), "docx", reference_docx=tmp_path / "ref.docx")).sections[0]
    first = section.first_page_footer
    (blip,) = first._element.iter(qn("a:blip"))
    image = first.part.related_parts[blip.get(qn("r:embed"))]
    assert image.blob == logo.read_bytes()


def _png(path: Path) -> Path:
    """A 1×1 PNG written to `path`."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
    return path


def test_reference_docx_without_the_styles_gets_them(tmp_path: Path) -> None:
    doc = read_docx(render(daily_briefing("daily"), "docx", reference_docx=make_reference(tmp_path / "r.docx",
                                                                                         strip=True)))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= styles
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "Normal"} <= {s.name for s in doc.styles}
    num_id = doc.styles["List Bullet"].element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    assert numbering.xpath(f'w:num[@w:numId="{num_id}"]'), "List Bullet's bullets were not copied"


def test_template_folder_reference_docx(tmp_path: Path) -> None:
    folder = make_template(tmp_path / "house", {"template.toml": SHORT_SPEC})
    make_reference(folder / "reference.docx")
    doc = read_docx(render(airport_briefing(), "docx", folder))
    assert doc.styles["Normal"].font.name == "Liberation Serif"


def test_bad_word_options(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"missing\.docx: reference document not found"):
        render(airport_briefing(), "docx", reference_docx=tmp_path / "missing.docx")
    (tmp_path / "notes.docx").write_text("not a zip")
    with pytest.raises(UsageError, match=r"notes\.docx: Word template is not a Word \.docx file"):
        render(airport_briefing(), "docx", docx_template=tmp_path / "notes.docx")
    with pytest.raises(UsageError, match=r"applies to \.docx output only"):
        render(airport_briefing(), "md", reference_docx=tmp_path / "notes.docx")
    with pytest.raises(UsageError, match="not both"):
        render(airport_briefing(), "docx", reference_docx=HOUSE_STYLE, docx_template=HOUSE_STYLE)
    with pytest.raises(OutputError):
        render_to_path(airport_briefing(), tmp_path / "brief.pdf", reference_docx=HOUSE_STYLE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.docx"]


def test_docx_template_renders_the_view() -> None:
    data = render(daily_briefing("daily", third=True), "docx", marking="INTERNAL", docx_template=HOUSE_STYLE)
    doc = read_docx(data)
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styled[0] == ("Title", "Daily brief")
    assert ("Heading 1", "Bottom line") in styled and ("Heading 1", SECOND) in styled
    assert not [text for _, text in styled if "{" in text or "%" in text]
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["INTERNAL", "ACME analysis · Daily brief"]
    assert field_codes(doc.sections[0].footer) == ["PAGE", "NUMPAGES"]
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[:2] == [["Name", "Role"], ["Qassim Soleimani", "the head of Iran’s elite Quds Force"]]
    links = [h.address for p in doc.paragraphs for h in p.hyperlinks]
    assert links == ["https://example.org/news/retaliation_(2020)"]
    assert doc.core_properties.title == "Daily brief" and doc.core_properties.author == "briefing"
    assert render(daily_briefing("daily", third=True), "docx", marking="INTERNAL", docx_template=HOUSE_STYLE) == data


def test_docx_template_keeps_hostile_text() -> None:
    doc = read_docx(render(hostile_briefing(), "docx", docx_template=HOUSE_STYLE))
    assert doc.paragraphs[0].text == hostile_text()
    assert "Places: <Nowhere>" in [p.text for p in doc.paragraphs]


def test_docx_template_errors(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("{{ brief.nothing_like_this }}")
    doc.save(tmp_path / "bad.docx")
    with pytest.raises(UsageError, match=r"bad\.docx: Word template error: .*nothing_like_this"):
        render(airport_briefing(), "docx", docx_template=tmp_path / "bad.docx")
    doc.paragraphs[0].text = "{% if %}"
    doc.save(tmp_path / "syntax.docx")
    with pytest.raises(UsageError, match=r"syntax\.docx: Word template error"):
        render(airport_briefing(), "docx", docx_template=tmp_path / "syntax.docx")


# --- the view: bottom line, names, marking -------------------------------------------------------------


def test_bottom_line_takes_the_first_situation_sentences() -> None:
    view = build_view(airport_briefing(), load_template("bluf"))
    (line,) = view.bottom_line.lines
    assert [i.excerpt.sentence_index for i in line.items] == [0, 2]
    assert line.text == f"{SENTENCES[0]} {SENTENCES[2]}"
    details = view.stories[0].blocks[0]
    assert (details.title, [i.excerpt.sentence_index for i in details.items]) == ("Details", [3])


def test_bottom_line_of_several_stories() -> None:
    view = build_view(daily_briefing("daily", third=True), load_template("daily"))
    assert view.bottom_line.title == "Bottom line"
    assert [(line.headline, line.anchor, len(line.items)) for line in view.bottom_line.lines] == [
        (TITLE, "story-1", 1), (SECOND, "story-2", 1), ("Iraq-U.S. relations", "story-3", 0)]
    assert [s.anchor for s in view.stories] == ["story-1", "story-2", "story-3"]
    assert build_view(hostile_briefing(), load_template("standard")).bottom_line is None


def test_bottom_line_shows_an_untitled_storys_lede_once() -> None:
    """An article without a title is headed by its lede: the bottom line does not repeat it."""
    briefing = daily_briefing("daily")
    untitled = replace(briefing.stories[1], headline=SENTENCES[12])
    view = build_view(replace(briefing, stories=(briefing.stories[0], untitled)), load_template("daily"))
    first, second = view.bottom_line.lines
    assert len(first.items) == 1 and first.text
    assert (second.headline, second.items, second.text) == (SENTENCES[12], (), "")
    assert SENTENCES[12] not in [i.text for b in view.stories[1].blocks for i in b.items]


def test_a_story_headed_by_its_whole_lede_is_that_line_not_the_next_sentence() -> None:
    """A headline cut from nothing (the lede shown whole above the story) is the story's line: the sentence after
    the lede would read as the story's point without it ("Both save states money over time.")."""
    briefing = daily_briefing("daily")
    second = briefing.stories[1]
    lede = SENTENCES[12]
    headed = replace(second, headline=lede, headline_from=(second.article_ids[0], 12))
    view = build_view(replace(briefing, stories=(briefing.stories[0], headed)), load_template("daily"))
    line = view.bottom_line.lines[1]
    assert (line.items, line.line) == ((), lede)
    shown = [i.excerpt.sentence_index for b in view.stories[1].blocks for i in b.items if b.kind != "actors"]
    assert second.section("situation").excerpts[0].sentence_index in shown  # left to its story, not lost


def test_items_know_the_actor_names() -> None:
    view = build_view(airport_briefing(), load_template("standard"))
    item = view.stories[0].blocks[0].items[1]
    assert [p.name for p in item.parts()] == [True, False]  # the longest variant wins
    assert item.parts()[0].text == "Gen. Qassim Soleimani"
    assert "".join(p.text for p in item.parts()) == item.text
    third = view.stories[0].blocks[0].items[2]
    assert [p.text for p in third.parts() if p.name] == ["Popular Mobilization Forces"]


def test_marking_in_every_text_format() -> None:
    marking = "</style><script>x</script> \"Restricted\""
    page = render(airport_briefing(), "html", marking=marking)
    assert "<script>" not in page and page.count("&lt;/style&gt;&lt;script&gt;x&lt;/script&gt;") == 2
    assert '@top-center { content: "\\00003C/style\\00003E' in page
    assert render(airport_briefing(), "txt", marking="INTERNAL").startswith("INTERNAL\n\n")
    assert render(airport_briefing(), "md", marking="INTERNAL").endswith("\n**INTERNAL**\n")
    assert json.loads(render(airport_briefing(), "json", marking="INTERNAL"))["marking"] == "INTERNAL"
    lines = terminal(airport_briefing(), marking="INTERNAL").splitlines()
    assert lines[0].strip() == lines[-1].strip() == "INTERNAL"


def test_terminal_highlights_names_and_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    console = Console(file=io.StringIO(), width=100, color_system="truecolor", force_terminal=True)
    render_terminal(airport_briefing(), console, pager=False)
    out = console.file.getvalue()
    assert "\x1b[1;35mGen. Qassim Soleimani\x1b[0m" in out  # bold magenta
    shown: list[str] = []
    monkeypatch.setattr("pydoc.pager", shown.append)
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.setattr("sys.stdout", console.file)  # the console is the screen: only then is it paged
    render_terminal(airport_briefing(), console, pager=True)
    assert len(shown) == 1 and "Qassim Soleimani" in shown[0] and "\x1b[" in shown[0]
    assert os.environ["LESS"] == "-FRX"
    assert console.file.getvalue() == out  # the pager got it all


def test_a_console_writing_elsewhere_is_never_paged(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("pydoc.pager", shown.append)
    console = Console(file=io.StringIO(), width=80, height=10, force_terminal=True)
    render_terminal(daily_briefing("daily", third=True), console, "daily", pager=True)
    assert shown == [] and "Bottom line" in console.file.getvalue()


@pytest.mark.parametrize(("terminal_", "height", "paged"), [
    (True, 24, True),  # a terminal the brief is taller than: paged, as git does
    (True, 500, False),  # it fits the screen: printed
    (False, 24, False),  # piped: never paged
])
def test_terminal_pages_only_when_taller_than_the_screen(monkeypatch: pytest.MonkeyPatch, terminal_: bool,
                                                         height: int, paged: bool) -> None:
    shown: list[str] = []
    monkeypatch.setattr("pydoc.pager", shown.append)
    console = Console(file=io.StringIO(), width=80, height=height, color_system="standard" if terminal_ else None,
                      force_terminal=terminal_)
    monkeypatch.setattr("sys.stdout", console.file)  # the console is the screen
    render_terminal(daily_briefing("daily", third=True), console, "daily")
    out = shown[0] if shown else console.file.getvalue()
    assert len(shown) == paged and bool(console.file.getvalue()) != paged
    assert "Bottom line" in out and "Iraq-U.S. relations" in out and out.count("\n") > 24
    render_terminal(daily_briefing("daily", third=True), console, "daily", pager=False)  # --no-pager
    assert len(shown) == paged


def test_no_color_in_a_terminal_is_the_wrapped_preview(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR takes the colours away, not the wrapping: plain text's long lines would be cut by the terminal."""
    from briefing.api import show
    from briefing.options import OutputOptions

    monkeypatch.setenv("NO_COLOR", "1")
    console = Console(file=io.StringIO(), width=60, height=1000, force_terminal=True, highlight=False)
    show(daily_briefing("daily", third=True), console, OutputOptions())
    out = console.file.getvalue()
    assert "╭" in out and "\x1b[3" not in out and "\x1b[9" not in out  # the preview, without colours
    plain = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", out)  # colour-free styles and links
    assert max(len(line) for line in plain.splitlines()) <= 60
    piped = Console(file=io.StringIO(), width=60)
    show(daily_briefing("daily", third=True), piped, OutputOptions())
    assert piped.file.getvalue() == render(daily_briefing("daily", third=True), "txt")  # piped: plain, unwrapped


def _vocabulary(view) -> set[str]:
    """Every word the brief's view can show, and the preview's own words."""
    texts = [view.title, *(view.notices), view.template, view.method, "briefing", "template", "method", "Places:",
             "Name", "Kind", "Role", "Mentions", "Sources", "—", "•", "·", "of", "mentions", "(seen", "before)"]
    if view.bottom_line:
        texts += [view.bottom_line.title, *(line.headline + ":" for line in view.bottom_line.lines),
                  *(line.text for line in view.bottom_line.lines)]
    for story in view.stories:
        texts += [story.headline, *(s.title for s in story.sources), *(s.source for s in story.sources),
                  *(s.outlet for s in story.sources),
                  *(s.url or "" for s in story.sources), *(f"({s.published})" for s in story.sources if s.published)]
        for block in story.blocks:
            texts += [block.title, *(i.text for i in block.items), *(i.label or "" for i in block.items)]
            texts += [x for a in block.actors for x in (a.name, a.kind, a.role, str(a.mentions), f"({a.kind},",
                                                        f"({a.kind})", f"{a.role},", f"{a.role})")]
            texts += [", ".join(block.places)]
    texts += [view.also_title, *(f"{a.headline} {a.count}, {a.outlets} {a.url or ''}" for a in view.also)]
    words = {w for t in texts for w in t.split()}
    return words | {w.rstrip(",)") for w in words} | {w.lstrip("(") for w in words} | {
        w + "," for w in words} | {w + ")" for w in words}


@pytest.mark.parametrize("width", [24, 32, 40, 50, 60, 80, 100, 120])
@pytest.mark.parametrize("template", ["standard", "daily"])
def test_terminal_never_cuts_a_word(width: int, template: str) -> None:
    b = airport_briefing() if template == "standard" else daily_briefing("daily", third=True)
    words = _vocabulary(build_view(b, load_template(template)))
    out = terminal(b, template, width=width)
    frame = str.maketrans("", "", "│╭╮╰╯─━")
    too_long = [w for w in words if len(w) > width - 4]  # a path or URL longer than the line has to fold
    cut = [w for line in out.splitlines() for w in line.translate(frame).split()
           if w not in words and not w.isdigit() and not any(w in long for long in too_long)]
    assert not cut, f"words cut at {width} columns: {cut[:8]}"
    assert "…" not in out  # nothing cut off either
    assert max(len(line) for line in out.splitlines()) <= width


# --- security: article text is data; user templates are sandboxed ----------------------------------

def test_article_text_is_never_evaluated_as_a_template() -> None:
    from dataclasses import replace

    b = airport_briefing()
    story = b.stories[0]
    first = story.sections[0]
    evil = replace(first.excerpts[0], text="{{ 7*7 }} {% if true %}x{% endif %} <script>alert(1)</script>")
    b = replace(b, stories=(replace(story, sections=(replace(first, excerpts=(evil,)), *story.sections[1:])),))
    for fmt in ("md", "txt", "html"):
        out = render(b, fmt)
        assert "49" not in out  # 7*7 was not computed
        assert "{{" in out and "{%" in out  # shown literally, not run
    assert "<script>" not in render(b, "html") and "&lt;script&gt;" in render(b, "html")
    assert "<script>" not in render(b, "md")


def test_user_templates_cannot_reach_python_internals(tmp_path: Path) -> None:
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "template.toml").write_text(
        'name = "evil"\ndescription = "x"\n[[sections]]\nkey = "situation"\ntitle = "S"\nlimit = 2\n')
    (folder / "brief.md.j2").write_text("{{ brief.__class__.__init__.__globals__ }}\n")
    with pytest.raises(UsageError, match="template error"):
        render(airport_briefing(), "md", str(folder))


def test_a_very_long_headline_fits_words_title_property() -> None:
    from dataclasses import replace

    b = replace(airport_briefing(), title="word " * 200)
    document = docx.Document(io.BytesIO(render(b, "docx")))
    assert len(document.core_properties.title) <= 255
    assert document.core_properties.title.endswith("word…")


def test_key_figures_are_stressed_inside_their_sentence() -> None:
    from dataclasses import replace

    b = airport_briefing()
    story = b.stories[0]
    sentence = "The two-day embassy attack prompted President Donald Trump to order about 750 U.S. soldiers deployed."
    figure = replace(story.sections[0].excerpts[0], text=sentence, label="about 750 U.S. soldiers")
    figures = next(s for s in story.sections if s.key == "figures")
    sections = tuple(replace(s, excerpts=(figure,)) if s is figures else s for s in story.sections)
    b = replace(b, stories=(replace(story, sections=sections),))
    assert "to order **about 750 U.S. soldiers** deployed." in render(b, "md")
    assert "to order <strong>about 750 U.S. soldiers</strong> deployed." in render(b, "html")
    assert f"• {sentence}" in render(b, "txt")  # plain text: the sentence as it is, not repeated
    document = docx.Document(io.BytesIO(render(b, "docx")))
    bullet = next(p for p in document.paragraphs if p.text == sentence)
    assert [r.text for r in bullet.runs if r.bold] == ["about 750 U.S. soldiers"]
    data_sections = json.loads(render(b, "json"))["stories"][0]["sections"]
    shown = next(s for s in data_sections if s["key"] == "figures")["items"]
    assert [(i["text"], i["label"]) for i in shown] == [(sentence, "about 750 U.S. soldiers")]  # data keeps it


# --- one date form across a brief -------------------------------------------------------------------

DATE_FORM = r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}"


def test_every_date_a_brief_shows_has_one_form(tmp_path: Path, example_path: Path) -> None:
    """The brief's date, the sources' dates and the timeline's labels: "3 Jan 2020" in every format."""
    import briefing

    article = tmp_path / "strike.md"
    title, _, body = example_path.read_text(encoding="utf-8").partition("\n\n")
    article.write_text(f"Title: {title}\nDate: 2020-01-03\n\n{body}", encoding="utf-8")
    folder = tmp_path / "dated"  # one Situation sentence, so the timeline's entries are not shown there whole
    folder.mkdir()
    (folder / "template.toml").write_text('name = "dated"\n[[sections]]\nkey = "situation"\ntitle = "Situation"\n'
                                          'limit = 1\n[[sections]]\nkey = "timeline"\ntitle = "Timeline"\nlimit = 8\n',
                                          encoding="utf-8")
    b = briefing.brief(article, template=folder,
                       rank_options=briefing.options.RankOptions(story_words=0))  # every entry shown
    timeline = next(blk for blk in build_view(b, b.template).stories[0].blocks if blk.key == "timeline")
    labels = [i.label for i in timeline.items]
    assert labels and all(re.fullmatch(rf"(?:week of )?{DATE_FORM}", label) for label in labels), labels
    html_page = render(b, "html")
    assert re.findall(r'datetime="([^"]+)"', html_page) == ["2020-01-03", "2020-01-03"]  # machine-readable
    shown = {
        "md": render(b, "md"), "txt": render(b, "txt"), "terminal": terminal(b, width=200),
        "html": re.sub(r"<[^>]+>", "", html_page),
        "docx": "\n".join(p.text for p in read_docx(render(b, "docx")).paragraphs),
    }
    for fmt, text in shown.items():
        assert not re.search(r"\b\d{4}-\d{2}(?:-\d{2})?\b", text), f"{fmt}: an ISO date is shown"
        assert not re.search(r"\b\d{1,2} (?:January|December)\b", text), f"{fmt}: a long month name"
        assert text.count("3 Jan 2020") >= 2, f"{fmt}: the brief's date, the source's date"
        for label in labels:
            assert label in text, f"{fmt}: timeline label {label!r} missing"


def test_an_actor_named_once_with_no_role_gets_no_row() -> None:
    from briefing.model import Actor
    from briefing.render.view import shown_actor

    assert shown_actor(Actor("Laura Petro", "person", role="Jefferson County Circuit Court Judge"))
    assert shown_actor(Actor("Bryan Stevenson", "person", mentions=5))
    assert not shown_actor(Actor("Viggo", "organization"))


def test_a_bottom_line_shows_no_quotation_or_first_person_as_its_own_words() -> None:
    from briefing.render.view import stands_as_line

    assert stands_as_line("Israeli Prime Minister Benjamin Netanyahu criticized the deal on Thursday.")
    assert not stands_as_line("I think there's a third alternative, and that is standing firm.")
    assert not stands_as_line('"This is a bad deal," Netanyahu said.')
    assert not stands_as_line("That's because California grows a third of the nation's vegetables.")
    from briefing.render.view import adds_to_before

    assert adds_to_before("The awards show will also feature performances from U2 and Green Day.")
    assert not adds_to_before("Prices rose in March, the ministry said.")


def test_a_timeline_cut_too_short_to_say_anything_is_left_out() -> None:
    from briefing.model import Briefing, Excerpt, Section, Story
    from briefing.render.view import build_view
    from briefing.templates import load_template

    text = "The two-day embassy attack which ended Wednesday prompted President Donald Trump to order troops."
    short = Excerpt(text=text, article_id="a", sentence_index=3, spans=((31, 46),))  # "… which ended Wednesday …"
    longer = Excerpt(text=text, article_id="a", sentence_index=3, spans=((0, 46),))
    template = load_template("standard").with_story_words(0)
    other = Excerpt(text="Militias stormed the embassy on Tuesday night.", article_id="a", sentence_index=1,
                    label="Tuesday")
    for excerpt, shown in ((short, False), (longer, True)):
        story = Story(headline="Attack", sections=(Section("timeline", "Timeline", (other, excerpt)),))
        view = build_view(Briefing(title="Attack", stories=(story,)), template)
        keys = [b.key for b in view.stories[0].blocks]
        assert ("timeline" in keys) is shown, (excerpt.shown, keys)  # one entry left orders nothing


def test_a_timeline_of_one_entry_is_not_shown() -> None:
    from briefing.model import Briefing, Excerpt, Section, Story
    from briefing.render.view import build_view
    from briefing.templates import load_template

    entries = tuple(Excerpt(text=f"Militias stormed embassy number {n} on {day} night.", article_id="a",
                            sentence_index=n, label=day) for n, day in ((1, "Tuesday"), (2, "Wednesday")))
    template = load_template("standard").with_story_words(0)
    for shown in (entries, entries[:1]):
        story = Story(headline="Attack", sections=(Section("timeline", "Timeline", shown),))
        blocks = build_view(Briefing(title="Attack", stories=(story,)), template).stories[0].blocks
        assert [len(b.items) for b in blocks if b.key == "timeline"] == ([2] if len(shown) == 2 else [])


def test_a_clause_shown_in_one_section_is_not_shown_again_in_another() -> None:
    from briefing.model import Briefing, Excerpt, Section, Story
    from briefing.render.view import build_view
    from briefing.templates import load_template

    text = ("In a December attack near the border, the militants separated Muslims from others and executed the "
            "non-Muslims, killing at least 36 people.")
    clause = ((0, text.index(", killing")),)  # the same clause, as a figure's and as a timeline entry's cut
    figure = Excerpt(text=text, article_id="a", sentence_index=4, label="at least 36 people",
                     spans=((0, len(text) - 1),))
    dated = Excerpt(text=text, article_id="a", sentence_index=4, label="December", spans=clause)
    other = Excerpt(text="The government closed the border on Monday after the raid.", article_id="a",
                    sentence_index=6, label="Monday", spans=((0, 32),))
    earlier = Excerpt(text="Gunmen stormed a bus station in the north on Sunday, officials said.", article_id="a",
                      sentence_index=7, label="Sunday", spans=((0, 52),))
    template = load_template("standard").with_story_words(0)
    story = Story(headline="Attack", sections=(Section("figures", "Key figures", (figure,)),
                                               Section("timeline", "Timeline", (dated, other, earlier))))
    blocks = {b.key: b for b in build_view(Briefing(title="Attack", stories=(story,)), template).stories[0].blocks}
    assert [i.excerpt.sentence_index for i in blocks["figures"].items] == [4]
    assert [i.excerpt.sentence_index for i in blocks["timeline"].items] == [6, 7]  # not the figure's clause again


def test_untitled_lines_of_a_jsonl_file_are_told_apart_by_their_line() -> None:
    briefing = daily_briefing("daily")
    story = briefing.stories[0]
    refs = tuple(replace(ref, title="", source=f"/data/day.jsonl:{n}", url=None, outlet="day.jsonl")
                 for n, ref in zip((5, 27), story.sources * 2, strict=False))
    view = build_view(replace(briefing, stories=(replace(story, sources=refs), *briefing.stories[1:])),
                      load_template("daily"))
    assert [(s.title, s.outlet, s.source) for s in view.stories[0].sources] == [
        ("day.jsonl, line 5", "", ""), ("day.jsonl, line 27", "", "")]


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_places_without_actors_are_headed_places(fmt: str) -> None:
    briefing = airport_briefing()
    story = replace(briefing.stories[0], actors=())
    view = build_view(replace(briefing, stories=(story,)), load_template("standard"))
    block = next(b for b in view.stories[0].blocks if b.places)
    assert block.title == "Places" and not block.actors
    text = render(replace(briefing, stories=(story,)), fmt)
    assert "Actors" not in text and "Places:" not in text and "Places" in text


def test_an_actor_the_brief_says_nothing_of_gets_no_row() -> None:
    from briefing.model import Actor

    briefing = airport_briefing()
    story = briefing.stories[0]
    extra = (Actor("Gabriel Llave", "person", None, 2, (), 9, story.article_ids),
             Actor("Maria Lopez", "person", None, 3, (), 9, story.article_ids))
    view = build_view(replace(briefing, stories=(replace(story, actors=story.actors + extra),)),
                      load_template("standard"))
    names = [r.name for b in view.stories[0].blocks for r in b.actors]
    assert "Gabriel Llave" not in names and "Maria Lopez" in names  # named twice, never shown; three times
